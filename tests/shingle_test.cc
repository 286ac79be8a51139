#include "boilerhash/shingle.h"

#include <xxhash.h>

#include "boilerhash/normalize.h"
#include "normalize_internal.h"  // internal: WordStarts, WordShinglesWide
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

std::vector<uint64_t> Shingles(std::string_view text, ShingleOptions o = {}) {
  std::vector<uint64_t> out;
  ShingleHashes(text, o, &out);
  return out;
}

TEST(Shingle, WordLayoutIsTheNormalizedSubstring) {
  const auto h = Shingles("a b c d e f", {ShingleKind::kWord, 5, 9});
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0], XXH3_64bits_withSeed("a b c d e", 9, 9));
  EXPECT_EQ(h[1], XXH3_64bits_withSeed("b c d e f", 9, 9));
}

TEST(Shingle, ShortAndEmptyTexts) {
  EXPECT_TRUE(Shingles("").empty());
  const auto one = Shingles("only three words");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], XXH3_64bits_withSeed("only three words", 16, 0));
  EXPECT_EQ(Shingles("ab", {ShingleKind::kChar, 5, 0}).size(), 1u);
  EXPECT_EQ(Shingles("abcdef", {ShingleKind::kChar, 5, 0}).size(), 2u);
  EXPECT_EQ(Shingles("日本語", {ShingleKind::kChar, 2, 0}).size(), 2u);  // code points, not bytes
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("one two three"), 3u);
}

// On every target: word starts are found with SIMD (WordStartsAfterSpaces).
// Normalized text, and raw text with runs of spaces and spaces at the ends,
// which normalization never gives the signer.
TEST(Shingle, MatchesReference) {
  ForEachTarget([](const std::string&) {
    std::mt19937_64 rng(3);
    for (int i = 0; i < 300; ++i) {
      const std::string raw = testing::RandomText(rng, rng() % 500, false);
      for (const std::string& text : {Normalize(raw), "  " + raw + "   x  y "}) {
        for (uint32_t n : {1u, 2u, 3u, 5u, 9u}) {
          for (ShingleKind kind : {ShingleKind::kWord, ShingleKind::kChar}) {
            if (kind == ShingleKind::kChar && text != Normalize(raw)) continue;  // word starts only
            const uint64_t seed = rng();
            ASSERT_EQ(Shingles(text, {kind, n, seed}),
                      reference::ShingleHashes(text, kind == ShingleKind::kWord ? 'w' : 'c', n, seed));
          }
        }
      }
    }
  });
}

// Texts past 4 GiB take the size_t path (WordShinglesWide); it must give
// the 32-bit path's shingles, which small texts check here: random text,
// raw text with runs of spaces and spaces at both ends, and fewer words
// than n.
TEST(Shingle, WidePathMatchesThe32BitPath) {
  std::mt19937_64 rng(5);
  std::vector<std::string> texts = {"", " ", "a", "a ", " a", "a  b", "  a b c  ", "one two three four five six"};
  for (int i = 0; i < 200; ++i) texts.push_back(testing::RandomText(rng, rng() % 400, false));
  ForEachTarget([&](const std::string&) {
    for (const std::string& text : texts) {
      for (uint32_t n : {1u, 2u, 3u, 5u, 9u}) {
        std::vector<uint32_t> starts;
        internal::WordStarts(text, &starts);
        std::vector<uint64_t> narrow, wide;
        internal::WordShinglesFromStarts(text, starts, n, 7, &narrow);
        internal::WordShinglesWide(text, n, 7, &wide);
        ASSERT_EQ(wide, narrow) << "n=" << n << " text='" << text << "'";
      }
    }
  });
}

}  // namespace
}  // namespace boilerhash
