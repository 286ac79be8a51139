// Exact set similarities over shingle hashes, for verification and tests.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace boilerhash {

// Sorted, duplicate-free copy of shingle hashes: the shingle set.
std::vector<uint64_t> ShingleSet(std::span<const uint64_t> hashes);

// Number of distinct values, without sorting (a linear-probing hash set; the
// values are hashes already, so they index it directly).
size_t CountDistinct(std::span<const uint64_t> hashes);

// |A ∩ B| / |A ∪ B| over sorted unique sets; two empty sets give 0.
double ExactJaccard(std::span<const uint64_t> a_set, std::span<const uint64_t> b_set);

// |A ∩ B| / |A| over sorted unique sets; an empty A gives 0.
double ExactContainment(std::span<const uint64_t> a_set, std::span<const uint64_t> b_set);

// Containment of A in B estimated from a Jaccard estimate and the set sizes:
// |A∩B| = J(|A|+|B|)/(1+J), divided by |A|; clamped to [0, 1] (a NaN
// estimate gives 0).
double ContainmentFromJaccard(double jaccard, size_t size_a, size_t size_b);

}  // namespace boilerhash
