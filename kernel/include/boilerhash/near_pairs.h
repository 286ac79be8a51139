// Stage 6d: every near-duplicate pair of a set of signatures, in one call.
//
// What a dedup loop over an index computes (insert every document, query
// every document, verify each candidate), done inside the library: for a
// caller across an FFI boundary (the C API, Python through ctypes) that is
// one call instead of one per document and one per candidate.
//
// MinHash: the pairs that share a bucket of banded LSH (LshBandKeys, the
// same buckets as LshIndex) and whose estimated Jaccard reaches the
// threshold. So the result is the pairs (i, j), i < j, such that j is in
// LshIndex::Query(signature i) and EstimateJaccard(i, j) >= threshold, for
// the same params; except that empty signatures (IsEmptySignature: no
// shingles) pair with nothing, as in clustering.
// SimHash: the pairs within Hamming distance max_distance, exactly (the
// pigeonhole index of simhash_index.h proposes, popcount decides).
// A document with no shingles has fingerprint 0 (simhash.h), which no
// fingerprint can tell from a text's: empty documents pair with each other
// (m of them give m(m-1)/2 pairs) and with any text within max_distance of
// 0. A caller drops them first when that is not wanted.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "boilerhash/lsh.h"

namespace boilerhash {

struct NearPair {
  uint32_t a;  // a < b: document indices
  uint32_t b;
  bool operator==(const NearPair&) const = default;
};

// n = signatures.size() / k documents, k values each, laid end to end.
// params with 0 bands: RecallFirstLshParams(threshold, k). Sorted by (a, b).
// Both functions take at most 2^32 - 1 documents (ids are 32-bit) and throw
// std::length_error for more; MinHashPairs throws std::invalid_argument for
// params with bands x rows above k (no band: no pair could be found).
std::vector<NearPair> MinHashPairs(std::span<const uint32_t> signatures, size_t k, double threshold,
                                   LshParams params = {});

// max_distance is clamped to [0, 4] (SimHashIndex). Sorted by (a, b).
std::vector<NearPair> SimHashPairs(std::span<const uint64_t> fingerprints, int max_distance);

}  // namespace boilerhash
