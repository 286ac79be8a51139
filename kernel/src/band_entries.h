// Internal: the entries of banded LSH over a whole set of signatures, as
// 128-bit integers ordered by (bucket key, band, document). Sorted, each
// bucket of each band is one run of entries, its documents in increasing
// order; an integer sort (sort_keys.h) does it in one pass. Clustering
// (cluster.cc) and the all-pairs search (near_pairs.cc) both walk the runs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "boilerhash/lsh.h"
#include "sort_keys.h"

namespace boilerhash::internal {

using BandEntry = Key128;
inline BandEntry MakeBandEntry(uint64_t key, uint32_t band, uint32_t doc) {
  return {(uint64_t{band} << 32) | doc, key};
}
inline uint64_t KeyOf(const BandEntry& e) { return e.hi; }
inline uint32_t BandOf(const BandEntry& e) { return static_cast<uint32_t>(e.lo >> 32); }
inline uint32_t DocOf(const BandEntry& e) { return static_cast<uint32_t>(e.lo); }
inline bool SameBucket(const BandEntry& a, const BandEntry& b) {
  return KeyOf(a) == KeyOf(b) && BandOf(a) == BandOf(b);
}

// Calls bucket(run) with each bucket's run of sorted entries, in order.
template <class F>
void ForEachBucket(std::span<const BandEntry> entries, F&& bucket) {
  for (size_t i = 0; i < entries.size();) {
    size_t j = i + 1;
    while (j < entries.size() && SameBucket(entries[j], entries[i])) ++j;
    bucket(entries.subspan(i, j - i));
    i = j;
  }
}

// The sorted entries of documents 0..n-1; signature(d) gives document d's
// signature. Documents with an empty signature (IsEmptySignature) or one
// shorter than bands * rows have no entries: they share no bucket.
std::vector<BandEntry> SortedBandEntries(size_t n, const std::function<std::span<const uint32_t>(uint32_t)>& signature,
                                         const LshParams& params);

}  // namespace boilerhash::internal
