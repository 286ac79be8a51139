// Reference group-key fold: the executable spec of FoldShingleMins
// (group_key_fold.h), straight from the definition: every shingle's
// polynomial evaluated on its own (no rolling), SplitMix64's finalizer, one
// product per key. The constants are restated here on purpose: they are the
// stored format (a change in the fast code must fail the tests).
#include <algorithm>

#include "reference/reference.h"

namespace boilerhash::reference {
namespace {
constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kKeys[8] = {0x0abbc7e893a9091bull, 0xa93b63a758079eadull, 0x5662ae5d1681d23bull,
                               0xcb60a5e6bd1faacdull, 0x09e981802cb5a0a7ull, 0x0b5506049ecb7119ull,
                               0x67d66b46e0977e15ull, 0x1b43e27403191db7ull};

uint64_t SplitMix64Finalizer(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
}  // namespace

size_t FoldGroupShingles(const std::vector<uint64_t>& words, uint64_t best[8]) {
  if (words.size() < 5) return 0;
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    uint64_t shingle = 0;  // words[i] * M^4 + ... + words[i + 4] (mod 2^64)
    for (size_t j = 0; j < 5; ++j) shingle = shingle * kMultiplier + words[i + j];
    const uint64_t m = SplitMix64Finalizer(shingle);
    for (size_t k = 0; k < 8; ++k) best[k] = std::min(best[k], m * kKeys[k]);
  }
  return words.size() - 4;
}

}  // namespace boilerhash::reference
