// Internal: the pshufb controls that pack the kept bytes of 8 (normalization
// and line compaction pack their output 8 bytes at a time with them).
#pragma once
#include <array>
#include <cstdint>

namespace boilerhash::internal {

// For each 8-bit keep mask, the byte indices of the kept bytes, in order:
// a pshufb control that packs 8 bytes. Highway's generic 8-bit compress keeps
// this table in a function-local array that is rebuilt on every call.
inline constexpr std::array<uint8_t, 256 * 8> kPackTable = [] {
  std::array<uint8_t, 256 * 8> t{};
  for (int mask = 0; mask < 256; ++mask) {
    int k = 0;
    for (int bit = 0; bit < 8; ++bit)
      if (mask & (1 << bit)) t[mask * 8 + k++] = static_cast<uint8_t>(bit);
  }
  return t;
}();

}  // namespace boilerhash::internal
