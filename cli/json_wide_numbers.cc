#include "json_wide_numbers.h"

#include <algorithm>
#include <cstddef>

namespace bhcli {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the number token at the start of s: the longest run of
// bytes a number may hold. Its grammar is checked apart (ValidNumber), so
// that "1.2.3" is refused rather than split.
size_t NumberTokenLength(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && (IsDigit(s[n]) || s[n] == '-' || s[n] == '+' || s[n] == '.' || s[n] == 'e' || s[n] == 'E')) ++n;
  return n;
}

// RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool ValidNumber(std::string_view s) {
  size_t i = 0;
  const auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

bool MaskWideNumbers(std::string_view record, MaskedRecord* out) {
  out->masked.clear();
  out->values.clear();
  out->masked.reserve(record.size());
  int depth = 0;           // open objects and arrays
  bool top_object = false;  // the record's value is an object
  bool in_value = false;   // inside a top-level member's value
  for (size_t i = 0; i < record.size();) {
    const char c = record[i];
    std::string* value = in_value ? &out->values.back() : nullptr;
    if (c == '"') {  // a string, escapes and all, copied as it is
      size_t j = i + 1;
      while (j < record.size() && record[j] != '"') j += record[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, record.size());
      out->masked.append(record, i, j - i);
      if (value) value->append(record, i, j - i);
      i = j;
      continue;
    }
    if (c == '-' || IsDigit(c)) {
      const size_t n = NumberTokenLength(record.substr(i));
      if (!ValidNumber(record.substr(i, n))) return false;
      out->masked += '0';
      if (value) value->append(record, i, n);
      i += n;
      continue;
    }
    out->masked += c;
    ++i;
    if (IsJsonSpace(c)) continue;
    if (c == '{' || c == '[') {
      if (depth == 0 && c == '{') top_object = true;
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
    if (depth == 1 && top_object && c == ':') {  // a member's value starts
      out->values.emplace_back();
      in_value = true;
    } else if ((depth == 1 && c == ',') || depth == 0) {  // ends
      in_value = false;
    } else if (value) {
      *value += c;
    }
  }
  return true;
}

}  // namespace bhcli
