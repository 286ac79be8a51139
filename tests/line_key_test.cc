// The line key (LineHash's input, the group keys' words): the SIMD compaction
// of every target bit-exact with the scalar reference
// (src/reference/line_key.cc), through LineHash and CompactLine.
#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "line_normalize.h"  // internal: CompactLine
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

void ExpectLineMatchesReference(std::string_view line) {
  for (bool fold : {false, true}) {
    ASSERT_EQ(LineHash(line, fold), reference::LineHash(line, fold))
        << "fold " << fold << " line '" << line << "' (" << line.size() << " bytes)";
  }
  internal::CompactLine compact;
  compact.Assign(line);
  const std::string key = reference::LineKeyBytes(line, true);
  ASSERT_EQ(std::string_view(reinterpret_cast<const char*>(compact.bytes.data()), compact.size), key) << line;
  const std::vector<uint32_t> ends = reference::LineKeyWordEnds(line);
  ASSERT_EQ(compact.words, ends.size()) << line;
  for (size_t j = 0; j < ends.size(); ++j) ASSERT_EQ(compact.word_ends[j], ends[j]) << "word " << j << " of " << line;
  for (size_t k = 0; k < 16; ++k) ASSERT_EQ(compact.bytes[compact.size + k], 0) << "zero padding";
  // The classifier's fused pass: both hashes from one compaction, and the
  // scratch left holding the folded bytes with the same word ends.
  internal::CompactLine fused;
  size_t words = 0;
  uint64_t unfolded = 0;
  ASSERT_EQ(internal::LineHashCountingWords(line, &fused, &words, &unfolded), reference::LineHash(line, true)) << line;
  ASSERT_EQ(unfolded, reference::LineHash(line, false)) << line;
  ASSERT_EQ(words, ends.size()) << line;
  ASSERT_EQ(std::string_view(reinterpret_cast<const char*>(fused.bytes.data()), fused.size), key) << line;
  for (size_t j = 0; j < ends.size(); ++j) ASSERT_EQ(fused.word_ends[j], ends[j]) << "word " << j << " of " << line;
}

void ExpectTextMatchesReference(const std::string& text) {
  for (const LineSpan& s : SplitLines(text)) {
    ExpectLineMatchesReference(std::string_view(text).substr(s.begin, s.end - s.begin));
  }
}

TEST(LineKey, EveryTargetMatchesReferenceOnRandomText) {
  std::mt19937_64 rng(23);
  std::vector<std::string> texts;
  for (size_t len : {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 5000}) {
    texts.push_back(testing::RandomText(rng, len, false));
    texts.push_back(testing::RandomText(rng, len, true));
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& t : texts) {
      ExpectTextMatchesReference(t);
      ExpectLineMatchesReference(t);  // newlines and all, as one line
    }
  });
}

TEST(LineKey, EveryTargetMatchesReferenceOnEveryByteAtEveryOffset) {
  // Each byte value at each position of lines up to 200 bytes, between kept
  // letters, so every lane, every 8-byte pack group and the tail see every
  // class, and words end at every offset around the 64-byte chunk edges.
  std::vector<std::string> lines;
  for (int b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 200; len += 11) {
      std::string line(len, 'Q');
      for (size_t k = b % 5; k < len; k += 5) line[k] = static_cast<char>(b);
      lines.push_back(line);
    }
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& l : lines) ExpectLineMatchesReference(l);
  });
}

TEST(LineKey, EveryTargetMatchesReferenceOnDevPages) {
  std::vector<std::string> texts;
  for (const auto& f : testing::ArticleFiles()) texts.push_back(testing::ReadArticle(f));
  for (const char* f : {"042bb7b5fedab6ea.txt", "3c6d3381ef52ca26.txt"}) {
    texts.push_back(testing::ReadFile(testing::SourcePath(std::string("datasets/pages-dev/texts/") + f)));
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& t : texts) ExpectTextMatchesReference(t);
  });
}

// Group tokens (long lines, group keys): words, except that each CJK code
// point stands alone and splits its word; a lead byte without its
// continuation bytes (invalid UTF-8) is a token of its own too.
TEST(LineKey, GroupTokensSplitCjkCodePoints) {
  const auto tokens = [](std::string_view line) {
    internal::CompactLine c;
    c.Assign(line);
    return internal::GroupTokenCount(c);
  };
  EXPECT_EQ(tokens("The council met on Tuesday."), 5u);  // no CJK: the words
  EXPECT_EQ(tokens("Tokyo\xE6\x9D\xB1\xE4\xBA\xAC" "abc def"), 5u);  // tokyo 東 京 abc def
  EXPECT_EQ(tokens("\xE3\x80\x82"), 1u);                           // 。
  EXPECT_EQ(tokens("a\xE3" "b"), 3u);                               // a, a bare lead byte, b
  EXPECT_EQ(tokens("\xED\x95\x9C\xEA\xB5\xAD"), 1u);               // 한국: Hangul is not split
  EXPECT_EQ(tokens(""), 0u);
}

}  // namespace
}  // namespace boilerhash
