#include "boilerhash/utf8.h"

#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(Utf8, ValidAndInvalidSequences) {
  ForEachTarget([](const std::string&) {
    EXPECT_TRUE(Utf8IsValid(""));
    EXPECT_TRUE(Utf8IsValid("plain ascii"));
    EXPECT_TRUE(Utf8IsValid(std::string("nul\0inside", 10)));
    EXPECT_TRUE(Utf8IsValid("café “quotes” 東京 \xF0\x9F\x98\x80"));
    EXPECT_FALSE(Utf8IsValid("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(Utf8IsValid("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(Utf8IsValid("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(Utf8IsValid("abc\xE2\x82"));       // truncated at the end
    EXPECT_FALSE(Utf8IsValid(std::string(100, 'a') + "\xFF" + std::string(100, 'b')));
  });
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  ForEachTarget([](const std::string&) {
    std::string out;
    EXPECT_EQ(Utf8Repair("ok", &out), 0u);
    EXPECT_EQ(out, "ok");
    // E2 82 is a truncated 3-byte sequence: one U+FFFD; FF is another.
    EXPECT_EQ(Utf8Repair("a\xE2\x82" "b\xFF", &out), 2u);
    EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    EXPECT_TRUE(Utf8IsValid(out));
  });
}

TEST(Utf8, MatchesReferenceOnRandomInput) {
  std::mt19937_64 rng(7);
  std::vector<std::string> inputs;
  for (int i = 0; i < 300; ++i) inputs.push_back(testing::RandomText(rng, 1 + rng() % 400, true));
  for (int i = 0; i < 300; ++i) {  // raw random bytes, biased to high bytes
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 3 ? 0x80 | (rng() & 0x7F) : rng() & 0x7F);
    inputs.push_back(s);
  }
  ForEachTarget([&](const std::string&) {
    for (const std::string& in : inputs) {
      std::string fast, ref;
      ASSERT_EQ(Utf8IsValid(in), reference::Utf8IsValid(in));
      ASSERT_EQ(Utf8Repair(in, &fast), reference::Utf8Repair(in, &ref));
      ASSERT_EQ(fast, ref);
    }
  });
}

}  // namespace
}  // namespace boilerhash
