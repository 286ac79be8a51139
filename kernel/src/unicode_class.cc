#include "unicode_class.h"

#include <utf8proc.h>

#include <cstdlib>

#include "utf8_decode.h"

namespace boilerhash::internal {

namespace {
bool IsWordCategory(uint32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// utf8proc's category lookup is two table loads behind a function call; the
// Basic Multilingual Plane, where nearly all text lives, gets a flat 8 KiB
// bitmap built from it once.
struct BmpWordTable {
  uint64_t bits[65536 / 64] = {};
  BmpWordTable() {
    for (uint32_t cp = 0; cp < 65536; ++cp)
      if (IsWordCategory(cp)) bits[cp / 64] |= uint64_t{1} << (cp % 64);
  }
};
}  // namespace

bool IsWordCodePoint(uint32_t cp) {
  static const BmpWordTable table;
  if (cp < 65536) return (table.bits[cp / 64] >> (cp % 64)) & 1;
  return IsWordCategory(cp);
}

void AppendMappedWordRun(std::string_view run, bool strip_accents, bool fold_digits,
                         std::string* out) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  if (strip_accents) options |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(run.data()),
                   static_cast<utf8proc_ssize_t>(run.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  // The run is valid UTF-8 made of word characters, so the map cannot fail
  // short of memory; then the run is kept as it is.
  std::string_view text = len >= 0 ? std::string_view(reinterpret_cast<char*>(mapped),
                                                      static_cast<size_t>(len))
                                   : run;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t bad = 1;
    size_t n = DecodeUtf8(p + i, text.size() - i, &cp, &bad);
    if (n == 0) { cp = 0xFFFD; n = bad; }
    if (!IsWordCodePoint(cp)) {
      in_word = false;
    } else {
      if (!in_word && !out->empty()) out->push_back(' ');
      in_word = true;
      if (fold_digits && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) ==
                             UTF8PROC_CATEGORY_ND) {
        out->push_back('0');
      } else {
        out->append(text.data() + i, n);
      }
    }
    i += n;
  }
  std::free(mapped);
}

}  // namespace boilerhash::internal
