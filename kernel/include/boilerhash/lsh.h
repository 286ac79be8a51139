// Stage 6a: banded LSH over MinHash signatures.
//
// A signature of k slots is cut into b bands of r rows (b*r <= k; the first
// b*r slots are used). Band j's key is XXH3_64bits_withSeed over the r 32-bit
// slots (little-endian bytes) with seed j. Two documents are candidates when
// any band key matches; for Jaccard s that happens with probability
// 1 - (1 - s^r)^b.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "boilerhash/status.h"

namespace boilerhash {

struct LshParams {
  uint32_t bands = 0;
  uint32_t rows = 0;
};

// P(candidate | Jaccard s) = 1 - (1 - s^r)^b.
double LshCandidateProbability(double s, const LshParams& params);

// The (b, r) with b*r <= k minimising
//   fp_weight * ∫_0^t P(s) ds + fn_weight * ∫_t^1 (1 - P(s)) ds,
// the false-positive / false-negative areas, as datasketch's optimiser does.
// A NaN threshold is taken as 1; a weight that is not finite and >= 0
// throws std::invalid_argument.
LshParams OptimalLshParams(double threshold, uint32_t k, double fp_weight = 0.5,
                           double fn_weight = 0.5);

// The library's default wherever a Jaccard threshold is searched and the
// candidates are verified afterwards (MinHashPairs, ClusterNearDuplicates
// with Measure::kJaccard, bh_lsh_new and the CLI when no bands are given;
// the containment ladder keeps equal weights): OptimalLshParams with false
// negatives weighed 19:1. A pair the bands miss is lost for good, while a
// false candidate costs one k-slot comparison to reject. At k = 128,
// t = 0.8: 16 bands x 8 rows, P(candidate | J = 0.8) = 0.95; equal weights
// give 9 x 13 with 0.40, which loses a pair at J = 0.85 one time in three.
// With exact_verify (the candidates' shingle sets are compared exactly) a
// false candidate costs time only, never a wrong pair, while an estimate
// check passes some pairs just below t: false negatives then weigh 99:1
// (18 x 7 at t = 0.8, P(candidate | J = 0.8) = 0.986).
LshParams RecallFirstLshParams(double threshold, uint32_t k, bool exact_verify = false);

// The band keys of one signature (params.bands values). Throws
// std::invalid_argument when the signature has fewer than bands x rows slots.
void LshBandKeys(std::span<const uint32_t> signature, const LshParams& params,
                 uint64_t* keys);

// An incremental index: documents are small integers chosen by the caller.
// Each band is an open-addressing table of its bucket keys; a bucket's
// documents are a chain through one array per band, indexed by insertion,
// so an insert allocates nothing but amortized array growth (about 450 bytes
// per document at 16 bands, against ~990 for a map of vectors per band).
class LshIndex {
 public:
  LshIndex(const LshParams& params, uint32_t k);
  const LshParams& params() const { return params_; }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // Adds a document; a signature shorter than bands*rows is rejected, and so
  // is an insert past 2^32 - 1 of them. An insert that throws (bad_alloc)
  // leaves the index as it was.
  Status Insert(uint32_t doc, std::span<const uint32_t> signature);
  // Appends the documents sharing a band with `signature` to `*out`, sorted
  // ascending and unique.
  void Query(std::span<const uint32_t> signature, std::vector<uint32_t>* out) const;

  size_t size() const { return docs_.size(); }
  // Approximate heap bytes held by the tables.
  size_t MemoryBytes() const;

 private:
  // One band's buckets. Slot s is used when heads[s] != kNone; heads[s] is
  // the newest insert in bucket keys[s], and next[i] is the insert before
  // insert i in the same bucket (kNone ends the chain).
  struct BandTable {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> heads;
    std::vector<uint32_t> next;
    size_t used = 0;
  };
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  static size_t SlotOf(const BandTable& t, uint64_t key);  // its slot, or the free one where it goes
  static void Grow(BandTable* t);

  LshParams params_;
  Status status_;
  std::vector<uint32_t> docs_;  // docs_[i]: the document of insert i
  std::vector<BandTable> tables_;
};

}  // namespace boilerhash
