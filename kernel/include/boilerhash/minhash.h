// Stage 4: classic k-permutation MinHash with 32-bit values.
//
// Permutation i of the 32-bit key space is  p_i(x) = m(x ^ key_i), where
// m(h) = g ^ (g >> 16) with g = h * 0x9E3779B1 (mod 2^32) — a multiply by an
// odd constant and a xorshift, both bijections — and key_i is the low 32 bits
// of the i-th output of SplitMix64 seeded with `seed`. The shingle hashes are
// XXH3 outputs, so one multiply mixes enough: over 20,000 pairs the estimator's
// bias is 0.0005 and its spread 0.998 of the binomial one (minhash_test). A
// shingle hash h enters as x = low 32 bits of h. Slot i of the signature is
// min over the shingles of p_i(x); with no shingles every slot is 0xFFFFFFFF.
// Integer-exact, so every SIMD target gives the same bits as the reference.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace boilerhash {

inline constexpr uint32_t kEmptySlot = 0xFFFFFFFFu;

struct MinHashParams {
  uint32_t k = 128;   // number of permutations (signature length); 0 means 1
  uint64_t seed = 1;  // derives the permutation keys
};

class MinHasher {
 public:
  explicit MinHasher(const MinHashParams& params = {});

  uint32_t k() const { return static_cast<uint32_t>(keys_.size()); }
  uint64_t seed() const { return seed_; }
  const std::vector<uint32_t>& keys() const { return keys_; }

  // Writes k() values to `signature` (SIMD, dispatched to the best target).
  void Sign(std::span<const uint64_t> shingle_hashes, uint32_t* signature) const;
  std::vector<uint32_t> Sign(std::span<const uint64_t> shingle_hashes) const;

 private:
  uint64_t seed_;
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> padded_keys_;  // keys_ zero-padded to a multiple of 64 lanes
};

// SplitMix64-derived permutation keys (exposed for the reference and docs).
std::vector<uint32_t> MinHashKeys(uint32_t k, uint64_t seed);

// Fraction of equal slots: the unbiased estimate of Jaccard similarity.
// Signatures of different length compare over the shorter prefix.
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

// True when a signature came from an empty shingle set.
bool IsEmptySignature(std::span<const uint32_t> signature);

}  // namespace boilerhash
