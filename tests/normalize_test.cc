#include "boilerhash/normalize.h"

#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(Normalize, AsciiRules) {
  ForEachTarget([](const std::string&) {
    EXPECT_EQ(Normalize("  Hello,   WORLD!! It's 2023.  "), "hello world it s 2023");
    EXPECT_EQ(Normalize("a-b_c/d"), "a b c d");
    EXPECT_EQ(Normalize(""), "");
    EXPECT_EQ(Normalize(" \t\n\r "), "");
    EXPECT_EQ(Normalize("Year 2023", {.fold_digits = true}), "year 0000");
  });
}

TEST(Normalize, UnicodeRules) {
  EXPECT_EQ(Normalize("Straße CAFÉ"), "strasse café");                       // full case folding
  EXPECT_EQ(Normalize("CAFÉ naïve", {.strip_accents = true}), "cafe naive");
  EXPECT_EQ(Normalize("e\xCC\x81"), "é");                                    // NFC composition
  EXPECT_EQ(Normalize("ﬁle ①"), "file 1");                                    // compatibility
  EXPECT_EQ(Normalize("“Putin”—said"), "putin said");                        // quotes, dashes split
  EXPECT_EQ(Normalize("Москва 東京"), "москва 東京");
  EXPECT_EQ(Normalize("٣٤ apples", {.fold_digits = true}), "00 apples");
  EXPECT_EQ(Normalize(std::string("nul\0byte", 8)), "nul byte");
  EXPECT_EQ(Normalize("bad\xFFsplit"), "bad split");                          // U+FFFD separates
}

TEST(Normalize, MatchesReferenceOnRandomText) {
  std::mt19937_64 rng(11);
  std::vector<std::string> inputs;
  for (int i = 0; i < 400; ++i) inputs.push_back(testing::RandomText(rng, rng() % 600, i % 2 == 0));
  for (const auto& name : testing::ArticleFiles()) inputs.push_back(testing::ReadArticle(name));
  ForEachTarget([&](const std::string&) {
    for (int flags = 0; flags < 4; ++flags) {
      const NormalizeOptions o{(flags & 1) != 0, (flags & 2) != 0};
      for (const std::string& in : inputs) {
        ASSERT_EQ(Normalize(in, o), reference::Normalize(in, o.fold_digits, o.strip_accents))
            << "flags " << flags << " input " << in;
      }
    }
  });
}

}  // namespace
}  // namespace boilerhash
