// Stage 1: UTF-8 validation and repair.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace boilerhash {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF). SIMD fast path over ASCII runs.
bool Utf8IsValid(std::string_view text);

// Copies `text` to `*out`, replacing every maximal invalid subsequence with
// U+FFFD (the "substitution of maximal subparts" practice of Unicode ch. 3 /
// WHATWG). Returns the number of replacements made (0 when `text` was valid,
// in which case `*out == text`). NUL bytes are valid UTF-8 and are kept.
size_t Utf8Repair(std::string_view text, std::string* out);

}  // namespace boilerhash
