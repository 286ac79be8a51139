// Stage 6b: verify LSH candidates and join them with union-find.
//
// Jaccard: all (band, key, doc) entries are sorted so that each bucket is a
// run; documents in a bucket are compared with one member of every cluster
// already present in it, so a bucket of m copies of one text costs O(m)
// comparisons, not O(m^2). Containment: the size-partitioned index proposes,
// for each document, larger documents that may contain it.
#include "boilerhash/cluster.h"

#include <algorithm>
#include <numeric>

#include "boilerhash/containment_index.h"
#include "boilerhash/minhash.h"
#include "boilerhash/set_similarity.h"
#include "band_entries.h"

namespace boilerhash {

UnionFind::UnionFind(size_t n) : parent_(n) {
  std::iota(parent_.begin(), parent_.end(), 0u);
}

uint32_t UnionFind::Find(uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];  // path halving
    x = parent_[x];
  }
  return x;
}

void UnionFind::Union(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return;
  if (a < b) parent_[b] = a;
  else parent_[a] = b;
}

namespace {

struct Verifier {
  std::span<const DocumentSketch> docs;
  const ClusterOptions& options;

  // Similarity of pair (a, b); for containment, of the smaller set in the larger.
  double Similarity(uint32_t a, uint32_t b) const {
    const DocumentSketch& x = docs[a];
    const DocumentSketch& y = docs[b];
    if (options.measure == Measure::kJaccard) {
      return options.exact_verify ? ExactJaccard(x.shingle_set, y.shingle_set)
                                  : EstimateJaccard(x.minhash, y.minhash);
    }
    const bool x_small = x.set_size <= y.set_size;
    const DocumentSketch& s = x_small ? x : y;
    const DocumentSketch& l = x_small ? y : x;
    if (options.exact_verify) return ExactContainment(s.shingle_set, l.shingle_set);
    return ContainmentFromJaccard(EstimateJaccard(s.minhash, l.minhash), s.set_size, l.set_size);
  }
};

void ClusterJaccard(std::span<const DocumentSketch> docs, const LshParams& params,
                    const Verifier& verify, UnionFind* uf, ClusterResult* result) {
  using namespace internal;  // band entries
  const std::vector<BandEntry> entries =
      SortedBandEntries(docs.size(), [&](uint32_t d) { return docs[d].minhash; }, params);
  std::vector<uint32_t> members;  // one document per cluster present in the bucket
  ForEachBucket(entries, [&](std::span<const BandEntry> bucket) {
    members.clear();
    for (const BandEntry& entry : bucket) {
      const uint32_t doc = DocOf(entry);
      bool joined = false;
      for (uint32_t m : members) {
        if (uf->Find(m) == uf->Find(doc)) { joined = true; break; }
      }
      for (size_t mi = 0; !joined && mi < members.size(); ++mi) {
        ++result->candidate_pairs;
        if (verify.Similarity(members[mi], doc) >= verify.options.threshold) {
          ++result->verified_pairs;
          uf->Union(members[mi], doc);
          joined = true;
        }
      }
      if (!joined) members.push_back(doc);
    }
  });
}

void ClusterContainment(std::span<const DocumentSketch> docs, uint32_t k, const Verifier& verify,
                        UnionFind* uf, ClusterResult* result) {
  ContainmentIndex index(k);
  for (uint32_t d = 0; d < docs.size(); ++d) {
    if (!IsEmptySignature(docs[d].minhash)) index.Insert(d, docs[d].minhash, docs[d].set_size);
  }
  std::vector<uint32_t> candidates;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    if (IsEmptySignature(docs[d].minhash)) continue;
    candidates.clear();
    index.Query(docs[d].minhash, docs[d].set_size, verify.options.threshold, &candidates);
    for (uint32_t c : candidates) {
      if (c == d || docs[c].set_size < docs[d].set_size ||
          (docs[c].set_size == docs[d].set_size && c < d) || uf->Find(c) == uf->Find(d)) {
        continue;  // each pair once, from its smaller side
      }
      ++result->candidate_pairs;
      if (verify.Similarity(d, c) >= verify.options.threshold) {
        ++result->verified_pairs;
        uf->Union(d, c);
      }
    }
  }
}

}  // namespace

ClusterResult ClusterNearDuplicates(std::span<const DocumentSketch> docs,
                                    const ClusterOptions& options) {
  ClusterResult result;
  const size_t n = docs.size();
  UnionFind uf(n);
  uint32_t k = 0;
  for (const auto& d : docs) k = std::max<uint32_t>(k, static_cast<uint32_t>(d.minhash.size()));
  const Verifier verify{docs, options};
  if (n > 0 && k > 0) {
    if (options.measure == Measure::kJaccard) {
      LshParams params = options.lsh;
      if (params.bands == 0 || params.rows == 0) params = RecallFirstLshParams(options.threshold, k, options.exact_verify);
      ClusterJaccard(docs, params, verify, &uf, &result);
    } else {
      ClusterContainment(docs, k, verify, &uf, &result);
    }
  }
  result.representative.resize(n);
  result.similarity.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t rep = uf.Find(d);
    result.representative[d] = rep;
    result.similarity[d] = rep == d ? 1.0 : verify.Similarity(d, rep);
  }
  return result;
}

}  // namespace boilerhash
