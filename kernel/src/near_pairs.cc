// Stage 6d: all near-duplicate pairs in one call (near_pairs.h).
//
// MinHash: the corpus's band entries are sorted once (band_entries.h); each
// bucket's documents form the candidate pairs, which are deduplicated across
// bands with one integer sort (a pair is a << 32 | b), then verified.
// SimHash: per pigeonhole block, the documents sorted by the block's bits;
// each pair within the distance is taken from the first block it shares.
#include "boilerhash/near_pairs.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "band_entries.h"
#include "boilerhash/minhash.h"
#include "boilerhash/simhash.h"
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
  if (uint64_t{params.bands} * params.rows > k) {  // no document would have a band: no pair, silently
    throw std::invalid_argument("MinHashPairs: bands x rows exceeds the signature length");
  }
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
  // Per block, the documents sorted by that block's bits: each run shares
  // the block, and its pairs within the distance are taken here if this is
  // the first block they share. No hash tables, no per-query sort, and each
  // pair is met once per block it shares (5,000 copies of one fingerprint
  // took 3.2 s through SimHashIndex's queries).
  const SimHashBlocks blocks(max_distance);
  const int d = blocks.max_distance();
  struct Entry {
    uint64_t key;
    uint32_t doc;
  };
  std::vector<Entry> entries(fingerprints.size());
  std::vector<NearPair> pairs;
  for (int b = 0; b < blocks.count(); ++b) {
    for (size_t i = 0; i < fingerprints.size(); ++i) {
      entries[i] = {blocks.Key(b, fingerprints[i]), static_cast<uint32_t>(i)};
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& x, const Entry& y) { return x.key != y.key ? x.key < y.key : x.doc < y.doc; });
    for (size_t begin = 0, end; begin < entries.size(); begin = end) {
      for (end = begin + 1; end < entries.size() && entries[end].key == entries[begin].key; ++end) {
      }
      for (size_t x = begin; x < end; ++x) {
        const uint64_t fx = fingerprints[entries[x].doc];
        for (size_t y = x + 1; y < end; ++y) {
          const uint64_t fy = fingerprints[entries[y].doc];
          if (HammingDistance(fx, fy) <= d && blocks.FirstSharedBlock(b, fx, fy)) {
            pairs.push_back({entries[x].doc, entries[y].doc});  // x < y: docs ascend in a run
          }
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const NearPair& x, const NearPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return pairs;
}

}  // namespace boilerhash
