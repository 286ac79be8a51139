// Stage 6c: SimHash near-neighbour search for Hamming distance <= d (d <= 4).
//
// Pigeonhole over block-permuted tables (Manku et al., WWW 2007): the 64 bits
// are cut into d+1 contiguous blocks; two fingerprints within distance d agree
// exactly on at least one block, so one table per block, keyed by that block,
// finds every such pair. Candidates are then checked by popcount.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace boilerhash {

class SimHashIndex {
 public:
  explicit SimHashIndex(int max_distance);  // clamped to [0, 4]
  int max_distance() const { return d_; }

  void Insert(uint32_t doc, uint64_t fingerprint);
  // Appends docs within max_distance() of `fingerprint`, sorted, unique.
  void Query(uint64_t fingerprint, std::vector<uint32_t>* out) const;
  size_t size() const { return fingerprints_.size(); }

 private:
  uint64_t BlockKey(int block, uint64_t fingerprint) const;
  int d_;
  std::vector<std::pair<int, int>> blocks_;  // (shift, width)
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> tables_;
  std::unordered_map<uint32_t, uint64_t> fingerprints_;
};

}  // namespace boilerhash
