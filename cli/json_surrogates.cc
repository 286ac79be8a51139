#include "json_surrogates.h"

#include <cstdint>

namespace bhcli {

namespace {

// The value of the escape \uXXXX at s[i] (s[i] == '\\'), or -1.
int32_t UnicodeEscape(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i + 1] != 'u') return -1;
  int32_t v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const char c = s[k];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

bool IsHigh(int32_t v) { return v >= 0xD800 && v <= 0xDBFF; }
bool IsLow(int32_t v) { return v >= 0xDC00 && v <= 0xDFFF; }

}  // namespace

size_t ReplaceLoneSurrogateEscapes(std::string_view record, std::string* out) {
  out->assign(record);
  size_t replaced = 0;
  bool in_string = false;
  for (size_t i = 0; i < record.size();) {
    const char c = record[i];
    if (!in_string) {
      in_string = c == '"';
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
      ++i;
      continue;
    }
    if (c != '\\') {
      ++i;
      continue;
    }
    const int32_t v = UnicodeEscape(record, i);
    if (IsHigh(v) && IsLow(record.size() > i + 6 && record[i + 6] == '\\' ? UnicodeEscape(record, i + 6) : -1)) {
      i += 12;  // a surrogate pair: one character
      continue;
    }
    if (IsHigh(v) || IsLow(v)) {
      out->replace(i, 6, "\\ufffd");
      ++replaced;
      i += 6;
      continue;
    }
    i += v >= 0 ? 6 : 2;  // another \u escape, or a two-byte escape
  }
  return replaced;
}

}  // namespace bhcli
