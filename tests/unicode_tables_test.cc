// The signature format pins a Unicode version (docs/FORMAT.md): the word and
// digit tables in the library are that version's categories, whatever the
// utf8proc the library runs with knows, so a later utf8proc (new letters)
// gives the same signatures; utf8proc still maps the words, so it must know
// at least that version.
//
// The binary interposes utf8proc_category (the library would call it through
// the dynamic linker) to play a utf8proc of a later version, which calls
// U+1C89 (Unicode 16.0) a capital letter.
#include <dlfcn.h>
#include <utf8proc.h>

#include <cstdio>
#include <string>
#include <tuple>

#include "boilerhash/normalize.h"
#include "reference/reference.h"
#include "test_util.h"
#include "unicode_tables.h"

namespace {
bool g_play_later_unicode = false;
constexpr utf8proc_int32_t kLaterLetter = 0x1C89;

utf8proc_category_t RealCategory(utf8proc_int32_t cp) {
  using Fn = utf8proc_category_t (*)(utf8proc_int32_t);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "utf8proc_category"));
  return real(cp);
}
}  // namespace

extern "C" utf8proc_category_t utf8proc_category(utf8proc_int32_t cp) {
  if (g_play_later_unicode && cp == kLaterLetter) return UTF8PROC_CATEGORY_LU;
  return RealCategory(cp);
}

namespace boilerhash {
namespace {

std::tuple<int, int, int> ParseVersion(const char* v) {
  int major = 0, minor = 0, patch = 0;
  std::sscanf(v, "%d.%d.%d", &major, &minor, &patch);
  return {major, minor, patch};
}

bool IsWordCategory(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;  // L*, M*, N*: 1..11
}

TEST(UnicodeTables, Utf8procKnowsAtLeastThePinnedVersion) {
  // An older utf8proc leaves the pinned version's new characters unmapped
  // (U+1E030 would not become U+0430): signatures would differ.
  EXPECT_GE(ParseVersion(utf8proc_unicode_version()), ParseVersion(internal::kPinnedUnicodeVersion))
      << "utf8proc " << utf8proc_version() << " knows Unicode " << utf8proc_unicode_version()
      << "; the signature format needs " << internal::kPinnedUnicodeVersion;
}

TEST(UnicodeTables, TablesAreThePinnedVersionsCategories) {
  if (std::string(utf8proc_unicode_version()) != internal::kPinnedUnicodeVersion) {
    GTEST_SKIP() << "utf8proc knows Unicode " << utf8proc_unicode_version() << ", not the pinned "
                 << internal::kPinnedUnicodeVersion << ": nothing to compare the tables with";
  }
  size_t words = 0;
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const utf8proc_category_t c = RealCategory(static_cast<utf8proc_int32_t>(cp));
    const bool word = internal::InRanges(internal::kWordRanges, cp);
    ASSERT_EQ(word, IsWordCategory(c)) << std::hex << "U+" << cp;
    ASSERT_EQ(internal::InRanges(internal::kDecimalDigitRanges, cp), c == UTF8PROC_CATEGORY_ND)
        << std::hex << "U+" << cp;
    words += word;
  }
  EXPECT_GT(words, 100000u);  // the tables are not empty
}

TEST(UnicodeTables, InRangesFindsEdgesOnly) {
  const internal::CodePointRange r[] = {{10, 20}, {30, 30}};
  EXPECT_FALSE(internal::InRanges(r, 9));
  EXPECT_TRUE(internal::InRanges(r, 10));
  EXPECT_TRUE(internal::InRanges(r, 20));
  EXPECT_FALSE(internal::InRanges(r, 21));
  EXPECT_FALSE(internal::InRanges(r, 29));
  EXPECT_TRUE(internal::InRanges(r, 30));
  EXPECT_FALSE(internal::InRanges(r, 31));
  EXPECT_FALSE(internal::InRanges({}, 0));
}

// Letters new in Unicode 15.0 are words, mapped; letters of later versions
// are not letters to the format, on any machine.
TEST(UnicodeTables, NormalizeFollowsThePinnedVersion) {
  struct Case {
    const char* text;
    const char* normalized;
  };
  const Case cases[] = {
      // U+1E030 MODIFIER LETTER CYRILLIC SMALL A (15.0): compatibility maps it to а.
      {"x\xF0\x9E\x80\xB0y", "x\xD0\xB0y"},
      // U+1E4D0 NAG MUNDARI LETTER O (15.0, Lo): a word character, kept.
      {"x \xF0\x9E\x93\x90", "x \xF0\x9E\x93\x90"},
      // U+2EBF0, CJK Extension I (15.1, Lo): a separator in 15.0.
      {"x\xF0\xAE\xAF\xB0y", "x y"},
      // U+1C89 CYRILLIC CAPITAL LETTER TJE (16.0, Lu, folds to U+1C8A): a separator.
      {"x\xE1\xB2\x89y", "x y"},
  };
  g_play_later_unicode = true;  // and a utf8proc that knows U+1C89 changes nothing
  ASSERT_EQ(utf8proc_category(kLaterLetter), UTF8PROC_CATEGORY_LU);
  for (const Case& c : cases) {
    ForEachTarget([&](const std::string& target) {
      EXPECT_EQ(Normalize(c.text), c.normalized) << target;
    });
    EXPECT_EQ(reference::Normalize(c.text, false, false), c.normalized);
  }
  g_play_later_unicode = false;
  // fold_digits reads the pinned Nd table: U+1E4F0 NAG MUNDARI DIGIT ZERO (15.0).
  EXPECT_EQ(Normalize("7\xF0\x9E\x93\xB0", {.fold_digits = true}), "00");
  EXPECT_EQ(reference::Normalize("7\xF0\x9E\x93\xB0", true, false), "00");
}

}  // namespace
}  // namespace boilerhash
