#include "unicode_class.h"

#include "boilerhash/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

#include "unicode_tables.h"
#include "utf8_decode.h"

namespace boilerhash::internal {

namespace {
// The pinned Unicode version's categories (unicode_tables.h), not the
// runtime utf8proc's.
bool IsWordCategory(uint32_t cp) { return InRanges(kWordRanges, cp); }

// A search of 794 ranges is ten compares; the Basic Multilingual Plane,
// where nearly all text lives, gets a flat 8 KiB bitmap built once.
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
      if (fold_digits && InRanges(kDecimalDigitRanges, cp)) {
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

namespace boilerhash {

std::string UnicodeDescription() {
  return std::string("Unicode ") + internal::kPinnedUnicodeVersion + "; utf8proc " + utf8proc_version() +
         " knows " + utf8proc_unicode_version();
}

}  // namespace boilerhash
