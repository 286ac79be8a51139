// Internal: the group keys' min-hash fold (corpus_stats.h: DocumentGroupKeys;
// docs/CLASSIFIER.md). Group key k of a document is the minimum, over the
// 5-token shingles of its long sentence lines, of Mix(shingle) *
// kGroupKeyMultipliers[k], where a shingle is the polynomial
// sum_j token[i+j] * M^(4-j) mod 2^64 of its token hashes. These constants
// define the stored table format (corpus_stats.h, format 4): changing any
// of them changes every saved group entry.
#pragma once
#include <cstddef>
#include <cstdint>

#include "boilerhash/corpus_stats.h"  // kDocumentGroupKeys

namespace boilerhash::internal {

inline constexpr size_t kGroupShingleWords = 5;
inline constexpr uint64_t kShingleMultiplier = 0x9E3779B97F4A7C15ull;
// Key k orders shingles by Mix(shingle) * kGroupKeyMultipliers[k] (odd, so a
// bijection): one finalizer per shingle, one multiply per key. The
// multipliers are SplitMix64's outputs from seed 0x67726f75 ("grou"), | 1.
inline constexpr uint64_t kGroupKeyMultipliers[kDocumentGroupKeys] = {
    0x0abbc7e893a9091bull, 0xa93b63a758079eadull, 0x5662ae5d1681d23bull, 0xcb60a5e6bd1faacdull,
    0x09e981802cb5a0a7ull, 0x0b5506049ecb7119ull, 0x67d66b46e0977e15ull, 0x1b43e27403191db7ull};

// SplitMix64's finalizer: a bijection that spreads every input bit. Its two
// multipliers are named so the SIMD fold uses the same ones.
inline constexpr uint64_t kMixMultiplier1 = 0xBF58476D1CE4E5B9ull;
inline constexpr uint64_t kMixMultiplier2 = 0x94D049BB133111EBull;
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= kMixMultiplier1;
  x ^= x >> 27;
  x *= kMixMultiplier2;
  return x ^ (x >> 31);
}

// Folds the shingles of the token hashes words[0, n) (n >= kGroupShingleWords)
// into best[k] = min(best[k], Mix(shingle) * kGroupKeyMultipliers[k]);
// returns the number of shingles, n - 4. SIMD (dispatched): on AVX-512,
// eight shingles at a time, one lane each (64-bit multiplies and unsigned
// minima are single instructions there); other targets run the scalar
// rolling loop, whose 8 multiplies per shingle AVX2 could not do faster.
// reference::FoldGroupShingles is the executable spec (tests check every
// target against it).
size_t FoldShingleMins(const uint64_t* words, size_t n, uint64_t best[kDocumentGroupKeys]);

}  // namespace boilerhash::internal
