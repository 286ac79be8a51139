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
#include <utility>
#include <vector>

namespace boilerhash {

// The d+1 blocks of 64 / (d+1) bits (the first 64 % (d+1) one bit wider).
class SimHashBlocks {
 public:
  explicit SimHashBlocks(int max_distance);  // clamped to [0, 4]
  int max_distance() const { return d_; }
  int count() const { return d_ + 1; }
  uint64_t Key(int block, uint64_t fingerprint) const;
  // True when a and b agree on no block before this one: a pair within the
  // distance agrees on some block, and is taken from the first only.
  bool FirstSharedBlock(int block, uint64_t a, uint64_t b) const;

 private:
  int d_;
  std::vector<std::pair<int, int>> blocks_;  // (shift, width)
};

class SimHashIndex {
 public:
  explicit SimHashIndex(int max_distance);  // clamped to [0, 4]
  int max_distance() const { return blocks_.max_distance(); }

  // A document inserted again replaces its fingerprint.
  void Insert(uint32_t doc, uint64_t fingerprint);
  // Appends docs within max_distance() of `fingerprint`, sorted, unique.
  void Query(uint64_t fingerprint, std::vector<uint32_t>* out) const;
  size_t size() const { return fingerprints_.size(); }

 private:
  struct Entry {
    uint64_t fingerprint;  // kept in the bucket: a candidate is checked without a lookup
    uint32_t doc;
  };
  SimHashBlocks blocks_;
  std::vector<std::unordered_map<uint64_t, std::vector<Entry>>> tables_;
  std::unordered_map<uint32_t, uint64_t> fingerprints_;
};

}  // namespace boilerhash
