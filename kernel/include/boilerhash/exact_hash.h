// Stage 7: exact duplicates. A 128-bit XXH3 hash (seed 0) of the normalized
// text: equal hashes mean equal text after normalization.
#pragma once
#include <cstdint>
#include <string_view>

namespace boilerhash {

struct Hash128 {
  uint64_t low = 0;
  uint64_t high = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
  friend auto operator<=>(const Hash128&, const Hash128&) = default;
};

Hash128 ExactHash(std::string_view normalized);

}  // namespace boilerhash
