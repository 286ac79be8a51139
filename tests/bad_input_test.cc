// Bad input gets a defined result, never a crash.
#include <cstdlib>

#include "boilerhash/signer.h"
#include "boilerhash/simhash.h"
#include "test_util.h"

namespace boilerhash {
namespace {

DocumentSignature SignText(std::string_view text) {
  static const Signer signer;
  DocumentSignature sig;
  signer.Sign(text, &sig);
  return sig;
}

TEST(BadInput, EmptyAndWhitespaceGiveTheEmptySignature) {
  for (std::string_view text : {std::string_view(""), std::string_view(" \t\r\n  \n"),
                                std::string_view("...!!! --- ???")}) {
    const auto sig = SignText(text);
    EXPECT_TRUE(IsEmptySignature(sig.minhash));
    EXPECT_EQ(sig.simhash, 0u);
    EXPECT_EQ(sig.words, 0u);
    EXPECT_EQ(sig.shingles, 0u);
  }
}

TEST(BadInput, NulBytesSeparateWords) {
  const std::string with_nul("alpha\0beta\0gamma delta epsilon", 30);
  EXPECT_EQ(SignText(with_nul).minhash, SignText("alpha beta gamma delta epsilon").minhash);
}

TEST(BadInput, InvalidUtf8IsRepairedNotFatal) {
  const auto sig = SignText("caf\xC3 au lait \xFF\xFE with \xED\xA0\x80 surrogate and more words");
  EXPECT_FALSE(IsEmptySignature(sig.minhash));
  EXPECT_EQ(sig.words, 8u);  // U+FFFD separates
}

// A 100 MB single line (no newline at all) signs in one piece.
TEST(BadInput, HundredMegabyteLine) {
  size_t size = 100u << 20;
  if (const char* env = std::getenv("BOILERHASH_HUGE_LINE_MB")) size = std::strtoull(env, nullptr, 10) << 20;
  std::string line;
  line.reserve(size);
  std::mt19937_64 rng(1);
  static const char* words[] = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing"};
  size_t count = 0;
  while (line.size() < size) {
    line += words[rng() % 7];
    line += ' ';
    ++count;
  }
  const auto sig = SignText(line);
  EXPECT_FALSE(IsEmptySignature(sig.minhash));
  EXPECT_EQ(sig.words, count);           // every word, none lost at a chunk edge
  EXPECT_EQ(sig.shingles, count - 4);    // one 5-gram per position
  EXPECT_LE(sig.distinct_shingles, 7u * 7 * 7 * 7 * 7);
}

}  // namespace
}  // namespace boilerhash
