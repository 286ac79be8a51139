// Reference UTF-8: Unicode Table 3-7 (well-formed byte sequences), one
// sequence at a time.
#include "reference/reference.h"

namespace boilerhash::reference {
namespace {

struct Range { uint8_t lo, hi; };

// Length of the valid sequence at text[i], or 0; *consumed gets the length of
// the maximal subpart to replace when invalid.
size_t SequenceAt(std::string_view text, size_t i, size_t* consumed) {
  const uint8_t b0 = static_cast<uint8_t>(text[i]);
  Range second{0x80, 0xBF};
  size_t len;
  if (b0 <= 0x7F) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
  else if (b0 == 0xE0) { len = 3; second = {0xA0, 0xBF}; }
  else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) len = 3;
  else if (b0 == 0xED) { len = 3; second = {0x80, 0x9F}; }
  else if (b0 == 0xF0) { len = 4; second = {0x90, 0xBF}; }
  else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
  else if (b0 == 0xF4) { len = 4; second = {0x80, 0x8F}; }
  else { *consumed = 1; return 0; }
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= text.size()) { *consumed = k; return 0; }
    const uint8_t b = static_cast<uint8_t>(text[i + k]);
    const Range r = k == 1 ? second : Range{0x80, 0xBF};
    if (b < r.lo || b > r.hi) { *consumed = k; return 0; }
  }
  return len;
}

}  // namespace

bool Utf8IsValid(std::string_view text) {
  size_t consumed;
  for (size_t i = 0; i < text.size();) {
    const size_t len = SequenceAt(text, i, &consumed);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t Utf8Repair(std::string_view text, std::string* out) {
  out->clear();
  size_t replaced = 0, consumed = 1;
  for (size_t i = 0; i < text.size();) {
    const size_t len = SequenceAt(text, i, &consumed);
    if (len == 0) {
      out->append("\xEF\xBF\xBD");
      ++replaced;
      i += consumed;
    } else {
      out->append(text.substr(i, len));
      i += len;
    }
  }
  return replaced;
}

}  // namespace boilerhash::reference
