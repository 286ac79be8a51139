// Stage 6b: verify LSH candidates and join them with union-find.
//
// Jaccard: all (band, key, doc) entries are sorted so that each bucket is a
// run. The documents already in a bucket form groups, each led by its first
// document; a new document is compared, for every group of another cluster,
// with the group's members in order until one holds it at the threshold, and
// joins the group of its first such match (or leads a new group). So every
// pair that shares a bucket and passes is joined, whatever the input order,
// and a bucket of m copies of one text still costs O(m) comparisons: each
// copy passes its group's leader. Containment: the
// size-partitioned index proposes, for each document, larger documents that
// may contain it, and the largest representative that does becomes its
// own; exact copies take their first's and are queried once.
#include "boilerhash/cluster.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

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
  // The bucket's groups as linked lists over its positions: a group's
  // members all belong to its leader's cluster.
  constexpr uint32_t kEnd = UINT32_MAX;
  std::vector<uint32_t> head, tail;  // per group: first and last position
  std::vector<uint32_t> next;        // per position: the next member of its group
  ForEachBucket(entries, [&](std::span<const BandEntry> bucket) {
    head.clear();
    tail.clear();
    next.assign(bucket.size(), kEnd);
    for (uint32_t pos = 0; pos < bucket.size(); ++pos) {
      const uint32_t doc = DocOf(bucket[pos]);
      // Every group, not only until one takes it: a document like members of
      // two clusters that are not like each other joins both.
      uint32_t joined = kEnd;  // the first group it joined (or its cluster's)
      for (uint32_t g = 0; g < head.size(); ++g) {
        if (uf->Find(DocOf(bucket[head[g]])) == uf->Find(doc)) {
          if (joined == kEnd) joined = g;
          continue;
        }
        // A member other than the leader may hold it: A like B, B like C,
        // A not like C, A leading, still joins C to B.
        for (uint32_t m = head[g]; m != kEnd; m = next[m]) {
          ++result->candidate_pairs;
          if (verify.Similarity(DocOf(bucket[m]), doc) >= verify.options.threshold) {
            ++result->verified_pairs;
            uf->Union(DocOf(bucket[m]), doc);
            if (joined == kEnd) joined = g;
            break;
          }
        }
      }
      if (joined == kEnd) {
        head.push_back(pos);
        tail.push_back(pos);
      } else {
        next[tail[joined]] = pos;
        tail[joined] = pos;
      }
    }
  });
}

// Containment's order: a document can be contained in one before it here,
// larger (set size), or as large and earlier in the input.
bool Contains(const DocumentSketch& big, uint32_t b, const DocumentSketch& small, uint32_t s) {
  return big.set_size > small.set_size || (big.set_size == small.set_size && b < s);
}

// Containment is not an equivalence: a sentence quoted by twenty unrelated
// pages is contained in each, and joining every such pair made the twenty
// pages one cluster (and --filter kept the sentence and dropped them). Nor
// does it carry along a chain: S in A and A in B at the threshold can leave
// S nowhere near B. So documents are visited largest first, and each one's
// representative is the largest representative (a document no other
// contains) that holds it at the threshold; with none it is its own. A
// duplicate is then always contained in its representative at the
// threshold, and every representative is final when smaller documents ask.
void ClusterContainment(std::span<const DocumentSketch> docs, uint32_t k, const Verifier& verify,
                        std::vector<uint32_t>* representative, ClusterResult* result) {
  std::vector<uint32_t>& rep = *representative;
  // Exact copies (the same signature and set size) take their first's
  // representative and only the first enters the index: every query would
  // otherwise return all m copies, m^2 in all (4,000 copies took 12 s).
  // (With exact_verify the sets decide, so copies are only those with
  // equal sets too.)
  std::vector<uint32_t> copy_of(docs.size(), UINT32_MAX);
  {
    std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash;  // signature hash -> first documents
    for (uint32_t d = 0; d < docs.size(); ++d) {
      const DocumentSketch& x = docs[d];
      if (IsEmptySignature(x.minhash)) continue;
      const uint64_t h = XXH3_64bits_withSeed(x.minhash.data(), x.minhash.size_bytes(), x.set_size);
      std::vector<uint32_t>& firsts = by_hash[h];
      bool copy = false;
      for (const uint32_t f : firsts) {
        const DocumentSketch& y = docs[f];
        if (y.set_size == x.set_size && std::equal(y.minhash.begin(), y.minhash.end(), x.minhash.begin(), x.minhash.end()) &&
            (!verify.options.exact_verify ||
             std::equal(y.shingle_set.begin(), y.shingle_set.end(), x.shingle_set.begin(), x.shingle_set.end()))) {
          if (verify.Similarity(f, d) >= verify.options.threshold) {
            ++result->candidate_pairs;
            ++result->verified_pairs;
            copy_of[d] = f;
            copy = true;
          }
          break;
        }
      }
      if (!copy) firsts.push_back(d);
    }
  }
  ContainmentIndex index(k);
  std::vector<uint32_t> order;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    if (IsEmptySignature(docs[d].minhash)) continue;
    order.push_back(d);
    // A signature shorter than the longest is refused by the index: such a
    // document can be found contained, not containing.
    if (copy_of[d] == UINT32_MAX) (void)index.Insert(d, docs[d].minhash, docs[d].set_size);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return Contains(docs[a], a, docs[b], b); });
  std::vector<uint32_t> candidates;
  for (const uint32_t d : order) {
    if (copy_of[d] != UINT32_MAX) {  // its first comes before it in the order
      rep[d] = rep[copy_of[d]];
      continue;
    }
    candidates.clear();
    index.Query(docs[d].minhash, docs[d].set_size, verify.options.threshold, &candidates);
    std::erase_if(candidates, [&](uint32_t c) { return rep[c] != c || !Contains(docs[c], c, docs[d], d); });
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t a, uint32_t b) { return Contains(docs[a], a, docs[b], b); });
    for (const uint32_t c : candidates) {
      ++result->candidate_pairs;
      if (verify.Similarity(d, c) >= verify.options.threshold) {
        ++result->verified_pairs;
        rep[d] = c;
        break;
      }
    }
  }
}

}  // namespace

ClusterResult ClusterNearDuplicates(std::span<const DocumentSketch> docs,
                                    const ClusterOptions& options) {
  ClusterResult result;
  const size_t n = docs.size();
  if (n > UINT32_MAX) throw std::length_error("ClusterNearDuplicates: more than 2^32 - 1 documents");
  UnionFind uf(n);                    // Jaccard
  std::vector<uint32_t> contained_in(n);  // containment: each document's representative
  std::iota(contained_in.begin(), contained_in.end(), 0u);
  // The longest signature sizes the index (and the default bands). Jaccard:
  // a signature shorter than bands x rows would have no band and never be
  // merged, silently, so one is refused instead.
  uint32_t k = 0, k_min = UINT32_MAX;
  for (const auto& d : docs) {
    const auto len = static_cast<uint32_t>(d.minhash.size());
    k = std::max(k, len);
    if (!IsEmptySignature(d.minhash)) k_min = std::min(k_min, len);  // empty ones are never merged
  }
  const Verifier verify{docs, options};
  if (n > 0 && k > 0) {
    if (options.measure == Measure::kJaccard) {
      LshParams params = options.lsh;
      if (params.bands == 0 || params.rows == 0) params = RecallFirstLshParams(options.threshold, k, options.exact_verify);
      if (uint64_t{params.bands} * params.rows > k_min) {
        throw std::invalid_argument("ClusterNearDuplicates: bands x rows (" +
                                    std::to_string(uint64_t{params.bands} * params.rows) +
                                    ") exceeds the signature length (" + std::to_string(k_min) +
                                    (k_min < k ? " slots in the shortest)" : " slots)"));
      }
      ClusterJaccard(docs, params, verify, &uf, &result);
    } else {
      ClusterContainment(docs, k, verify, &contained_in, &result);
    }
  }
  result.representative.resize(n);
  result.similarity.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t rep = options.measure == Measure::kJaccard ? uf.Find(d) : contained_in[d];
    result.representative[d] = rep;
    result.similarity[d] = rep == d ? 1.0 : verify.Similarity(d, rep);
  }
  return result;
}

}  // namespace boilerhash
