// Stage 6d: LSH candidates for containment |Q ∩ X| / |Q| >= t, after LSH
// Ensemble (Zhu et al., VLDB 2016): documents are partitioned by shingle-set
// size (powers of two); within a partition with upper size bound u, a query of
// size q is contained at t only if Jaccard >= t q / (q + u - t q). Each
// partition keeps a few banded tables tuned to a ladder of Jaccard thresholds,
// and a query probes, per partition, the table whose threshold is the largest
// one not above that bound. The lowest rung is 0.05: a pair whose Jaccard
// is below it (a 10-shingle excerpt of a 1,000-shingle page: 0.01) is
// proposed only by chance, as MinHash at k = 128 barely sees it at all.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <vector>

#include "boilerhash/lsh.h"

namespace boilerhash {

class ContainmentIndex {
 public:
  explicit ContainmentIndex(uint32_t k);
  // A signature shorter than k (or k = 0) is refused (kInvalidArgument),
  // and nothing is inserted.
  Status Insert(uint32_t doc, std::span<const uint32_t> signature, size_t set_size);
  // Appends candidate docs X for which Q (size q) may be contained in X at
  // `threshold`, sorted and unique. Only documents at least as large as
  // threshold * q can qualify, so smaller partitions are skipped.
  void Query(std::span<const uint32_t> signature, size_t set_size, double threshold,
             std::vector<uint32_t>* out) const;
  size_t MemoryBytes() const;

  // The Jaccard thresholds of the ladder, descending.
  static const std::vector<double>& Ladder();

 private:
  struct Partition {
    std::vector<std::unique_ptr<LshIndex>> levels;  // one per ladder threshold
  };
  uint32_t k_;
  std::map<int, Partition> partitions_;  // key: floor(log2(size))
};

}  // namespace boilerhash
