// Reference MinHash: one permutation at a time, one shingle at a time.
#include "reference/reference.h"

namespace boilerhash::reference {
namespace {

uint32_t Permute(uint32_t h) {
  h *= 0x9E3779B1u;
  h ^= h >> 16;
  return h;
}

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

std::vector<uint32_t> MinHashKeys(uint32_t k, uint64_t seed) {
  std::vector<uint32_t> keys;
  uint64_t state = seed;
  for (uint32_t i = 0; i < k; ++i) keys.push_back(static_cast<uint32_t>(SplitMix64(&state)));
  return keys;
}

std::vector<uint32_t> MinHash(const std::vector<uint64_t>& hashes, uint32_t k, uint64_t seed) {
  if (k == 0) k = 1;
  std::vector<uint32_t> sig(k, 0xFFFFFFFFu);
  const std::vector<uint32_t> keys = MinHashKeys(k, seed);
  for (uint32_t i = 0; i < k; ++i) {
    for (uint64_t h : hashes) {
      const uint32_t v = Permute(static_cast<uint32_t>(h) ^ keys[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

}  // namespace boilerhash::reference
