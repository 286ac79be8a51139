// Stage 6d: all near-duplicate pairs in one call (near_pairs.h).
//
// MinHash: the corpus's band entries are sorted once (band_entries.h); each
// bucket's documents form the candidate pairs, which are deduplicated across
// bands with one integer sort (a pair is a << 32 | b), then verified.
#include "boilerhash/near_pairs.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "band_entries.h"
#include "boilerhash/minhash.h"
#include "boilerhash/simhash_index.h"

namespace boilerhash {

std::vector<NearPair> MinHashPairs(std::span<const uint32_t> signatures, size_t k, double threshold,
                                   LshParams params) {
  using namespace internal;  // band entries
  std::vector<NearPair> pairs;
  if (k == 0 || signatures.size() < k) return pairs;
  const size_t n = signatures.size() / k;
  if (n > UINT32_MAX) throw std::length_error("MinHashPairs: more than 2^32 - 1 documents");
  if (params.bands == 0 || params.rows == 0) params = RecallFirstLshParams(threshold, static_cast<uint32_t>(k));
  const auto signature = [&](uint32_t d) { return signatures.subspan(size_t{d} * k, k); };
  const std::vector<BandEntry> entries = SortedBandEntries(n, signature, params);
  std::vector<uint64_t> candidates;
  // A pair that shares several bands is proposed by each: the candidates are
  // made distinct whenever they reach twice what the last pass kept, so
  // memory stays a small multiple of the distinct pairs (4,000 copies of one
  // text held 16 bands' worth, 1 GB, for 64 MB of pairs).
  const auto make_distinct = [&] {
    SortKeys(candidates.data(), candidates.size());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  };
  size_t distinct_at = size_t{1} << 20;
  ForEachBucket(entries, [&](std::span<const BandEntry> bucket) {
    // Documents within a bucket are in increasing order: (x, y) has x < y.
    for (size_t x = 0; x < bucket.size(); ++x) {
      for (size_t y = x + 1; y < bucket.size(); ++y) {
        candidates.push_back(uint64_t{DocOf(bucket[x])} << 32 | DocOf(bucket[y]));
        if (candidates.size() >= distinct_at) {
          make_distinct();
          distinct_at = std::max(distinct_at, 2 * candidates.size());
        }
      }
    }
  });
  make_distinct();
  for (const uint64_t c : candidates) {
    const auto a = static_cast<uint32_t>(c >> 32), b = static_cast<uint32_t>(c);
    if (EstimateJaccard(signature(a), signature(b)) >= threshold) pairs.push_back({a, b});
  }
  return pairs;
}

std::vector<NearPair> SimHashPairs(std::span<const uint64_t> fingerprints, int max_distance) {
  if (fingerprints.size() > UINT32_MAX) throw std::length_error("SimHashPairs: more than 2^32 - 1 documents");
  SimHashIndex index(max_distance);
  for (size_t d = 0; d < fingerprints.size(); ++d) index.Insert(static_cast<uint32_t>(d), fingerprints[d]);
  std::vector<NearPair> pairs;
  std::vector<uint32_t> found;
  for (size_t d = 0; d < fingerprints.size(); ++d) {
    found.clear();
    index.Query(fingerprints[d], &found);  // sorted, and d itself among them
    for (const uint32_t other : found) {
      if (other > d) pairs.push_back({static_cast<uint32_t>(d), other});
    }
  }
  return pairs;
}

}  // namespace boilerhash
