// Internal: the scalar UTF-8 sequence decoder shared by the fast stages.
#pragma once
#include <cstddef>
#include <cstdint>

namespace boilerhash::internal {

// Decodes the sequence starting at p[0] (p[0] >= 0x80 or not). On success
// returns its length (1-4) and sets *cp. On an invalid sequence returns 0 and
// sets *bad_len to the length of the maximal invalid subpart (>= 1), the unit
// replaced by one U+FFFD.
inline size_t DecodeUtf8(const uint8_t* p, size_t avail, uint32_t* cp, size_t* bad_len) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) { *cp = b0; return 1; }
  size_t need;
  uint32_t lo = 0x80, hi = 0xBF, value;
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; value = b0 & 0x1F; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2; value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;          // no overlongs
    else if (b0 == 0xED) hi = 0x9F;     // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3; value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;          // no overlongs
    else if (b0 == 0xF4) hi = 0x8F;     // nothing above U+10FFFF
  } else { *bad_len = 1; return 0; }
  size_t i = 1;
  for (; i <= need; ++i) {
    if (i >= avail) { *bad_len = i; return 0; }
    const uint8_t b = p[i];
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) { *bad_len = i; return 0; }
    value = (value << 6) | (b & 0x3F);
  }
  *cp = value;
  return need + 1;
}

inline void AppendUtf8(uint32_t cp, char* out, size_t* len) {
  if (cp < 0x80) { out[(*len)++] = static_cast<char>(cp); }
  else if (cp < 0x800) {
    out[(*len)++] = static_cast<char>(0xC0 | (cp >> 6));
    out[(*len)++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out[(*len)++] = static_cast<char>(0xE0 | (cp >> 12));
    out[(*len)++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[(*len)++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out[(*len)++] = static_cast<char>(0xF0 | (cp >> 18));
    out[(*len)++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[(*len)++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[(*len)++] = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline constexpr const char kReplacementUtf8[] = "\xEF\xBF\xBD";

}  // namespace boilerhash::internal
