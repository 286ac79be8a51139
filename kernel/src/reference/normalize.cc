// Reference normalization: decode every code point, cut word runs, map each
// run with utf8proc, split again, fold digits, join with spaces.
#include <utf8proc.h>

#include <cstdlib>

#include "reference/reference.h"
#include "unicode_tables.h"

namespace boilerhash::reference {

// The format's pinned tables (unicode_tables.h), which the tests check
// against utf8proc's categories where utf8proc knows that Unicode version.
bool IsWordCodePoint(int32_t cp) {
  return cp >= 0 && internal::InRanges(internal::kWordRanges, static_cast<uint32_t>(cp));
}

namespace {

std::vector<utf8proc_int32_t> Decode(std::string_view valid) {
  std::vector<utf8proc_int32_t> cps;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(valid.data());
  utf8proc_ssize_t i = 0, n = static_cast<utf8proc_ssize_t>(valid.size());
  while (i < n) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    cps.push_back(len > 0 ? cp : 0xFFFD);
    i += len > 0 ? len : 1;
  }
  return cps;
}

std::string Encode(utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t len = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(len));
}

}  // namespace

std::string Normalize(std::string_view text, bool fold_digits, bool strip_accents) {
  std::string valid;
  Utf8Repair(text, &valid);
  const std::vector<utf8proc_int32_t> cps = Decode(valid);
  std::vector<std::string> runs(1);
  for (utf8proc_int32_t cp : cps) {
    if (IsWordCodePoint(cp)) runs.back() += Encode(cp);
    else if (!runs.back().empty()) runs.emplace_back();
  }
  int options = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  if (strip_accents) options |= UTF8PROC_STRIPMARK;
  std::vector<std::string> words;
  for (const std::string& run : runs) {
    if (run.empty()) continue;
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t len =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(run.data()),
                     static_cast<utf8proc_ssize_t>(run.size()), &mapped,
                     static_cast<utf8proc_option_t>(options));
    const std::string m = len >= 0 ? std::string(reinterpret_cast<char*>(mapped),
                                                 static_cast<size_t>(len))
                                   : run;
    std::free(mapped);
    std::string word;
    for (utf8proc_int32_t cp : Decode(m)) {
      if (!IsWordCodePoint(cp)) {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else if (fold_digits &&
                 internal::InRanges(internal::kDecimalDigitRanges, static_cast<uint32_t>(cp))) {
        word += '0';
      } else {
        word += Encode(cp);
      }
    }
    if (!word.empty()) words.push_back(word);
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace boilerhash::reference
