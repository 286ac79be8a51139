// Stage 5: 64-bit Charikar SimHash with term-frequency weights.
//
// Every shingle occurrence votes +1 on the bits set in its 64-bit hash and -1
// on the others, so a shingle that occurs t times weighs t (term frequency).
// Bit b of the result is 1 iff more than half of the occurrences have bit b
// set (ties give 0). No shingles give 0. Integer-exact on every target.
#pragma once
#include <cstdint>
#include <span>

namespace boilerhash {

uint64_t SimHash(std::span<const uint64_t> shingle_hashes);

inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace boilerhash
