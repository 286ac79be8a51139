// Stage 6b: candidate verification and clustering.
//
// Candidates come from LSH (Jaccard) or from the size-partitioned index
// (containment). A candidate pair is kept when its estimated similarity
// (or, with exact_verify, its exact similarity over shingle sets) reaches the
// threshold. Jaccard: kept pairs are joined with union-find; each cluster's
// representative is its lowest document index. Containment is not
// transitive (a sentence quoted by two unrelated pages is contained in
// both; S in A and A in B can leave S nowhere near B), so pairs are not
// joined: documents are visited largest first (set size, then the lowest
// index among equals), and each one's representative is the largest
// representative that holds it at the threshold, or itself when none does.
// A duplicate is always contained in its representative at the threshold.
// A document whose signature is shorter than the longest is never indexed,
// so it can be a duplicate, and a representative only of its exact copies
// (same signature and set size), which are matched before the index. Jaccard:
// every pair of documents that shares an LSH bucket and passes the
// threshold ends in one cluster, so the clusters are the connected
// components of those pairs, whatever the input order (only the indices,
// and so the representatives, follow the order); a member of a cluster can
// be below the threshold to its representative when they are alike only
// through a chain. Within a bucket a document is compared with the members
// of each other cluster present until one passes, so a bucket of m copies
// costs O(m) comparisons, not O(m^2). The same input gives the same result
// on any thread count. MinHashPairs (near_pairs.h) gives every candidate pair.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "boilerhash/lsh.h"

namespace boilerhash {

class UnionFind {
 public:
  explicit UnionFind(size_t n);
  uint32_t Find(uint32_t x);
  // Joins the sets; the smaller index becomes the root, so Find() of any
  // member returns the lowest index of its set.
  void Union(uint32_t a, uint32_t b);

 private:
  std::vector<uint32_t> parent_;
};

enum class Measure { kJaccard, kContainment };

struct ClusterOptions {
  double threshold = 0.8;
  Measure measure = Measure::kJaccard;
  LshParams lsh{};           // 0 bands: RecallFirstLshParams(threshold, k, exact_verify)
  bool exact_verify = false; // needs shingle sets
};

struct ClusterResult {
  std::vector<uint32_t> representative;  // per document: lowest index of its cluster (Jaccard),
                                         // the largest representative containing it (containment)
  std::vector<double> similarity;        // per document: estimate to its representative (1 for itself)
  // Similarity checks of pairs LSH proposed, and how many passed. Checks,
  // not distinct pairs: a pair that fails in one shared bucket is checked
  // again in the next (remembering every failed pair would cost more than
  // an estimate over k slots).
  size_t candidate_pairs = 0;
  size_t verified_pairs = 0;
};

struct DocumentSketch {
  std::span<const uint32_t> minhash;
  std::span<const uint64_t> shingle_set;  // sorted unique; may be empty unless exact_verify
  size_t set_size = 0;                    // |shingle set| (for containment)
};

// Clusters documents 0..n-1. Documents with an empty signature are never
// merged with anything. Containment treats the pair (a, b) as a duplicate
// when the smaller set is contained in the larger one at the threshold.
// Throws std::length_error for more than 2^32 - 1 documents (ids are 32-bit)
// and std::invalid_argument, for Jaccard, when bands x rows (options.lsh, or
// the default for the longest signature) is above the length of any
// non-empty signature (IsEmptySignature): that document would have no band, and nothing would
// merge it. Signatures of mixed lengths need bands that fit the shortest.
ClusterResult ClusterNearDuplicates(std::span<const DocumentSketch> docs,
                                    const ClusterOptions& options);

}  // namespace boilerhash
