// Sorting of integer keys with Highway's vectorized quicksort (vqsort, from
// libhwy_contrib, dispatched per SIMD target like the kernels). The corpus
// pass sorts a few hundred 64-bit keys per document and the LSH clustering
// sorts (bucket, band, document) triples for the whole corpus; std::sort
// took 35 ns per key at 400 random keys on the 2-core Xeon of
// bench/results/, vqsort 6.4.
//
// Integers in a total order have one sorted order, so the result is the
// same as std::sort's on every target (tests/sort_keys_test.cc checks it).
#pragma once
#include <cstddef>
#include <cstdint>

namespace boilerhash::internal {

void SortKeys(uint64_t* keys, size_t n);
void SortKeys(uint32_t* keys, size_t n);

// A 128-bit key ordered by hi, then lo (Highway's uint128_t layout).
struct alignas(16) Key128 {
  uint64_t lo;
  uint64_t hi;
  bool operator==(const Key128&) const = default;
};
void SortKeys(Key128* keys, size_t n);

}  // namespace boilerhash::internal
