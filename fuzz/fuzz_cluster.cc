// ClusterNearDuplicates (Jaccard or containment, estimated or exact
// verification, chosen or optimal LSH parameters) over fuzzer-made sketches.
// Invariants: one representative per document, the lowest index of its
// cluster (rep <= d, rep[rep] == rep); similarity in [0, 1] and 1 for a
// representative; verified <= candidate pairs; a second run gives the same
// result; documents with an empty signature stay alone; bands x rows above
// any non-empty signature's length is refused (std::invalid_argument); a document's similarity is the
// measure's value to its representative. Jaccard: the clusters are exactly
// the connected components of the pairs that share a band key and pass the
// threshold, found here by brute force.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "boilerhash/cluster.h"
#include "boilerhash/lsh.h"
#include "boilerhash/minhash.h"
#include "boilerhash/set_similarity.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::FirstDiff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  FuzzedDataProvider fdp(data, size);
  ClusterOptions options;
  options.threshold = fdp.ConsumeProbability<double>();
  options.measure = fdp.ConsumeBool() ? Measure::kContainment : Measure::kJaccard;
  options.exact_verify = fdp.ConsumeBool();
  // Containment builds one LSH level per ladder threshold per size partition,
  // each running OptimalLshParams (O(k log k) x 512 samples): k stays small
  // there so that an input takes well under a second under ASan+UBSan.
  const uint32_t k = fdp.ConsumeIntegralInRange<uint32_t>(
      1, options.measure == Measure::kContainment ? 16 : 64);
  if (fdp.ConsumeBool()) {
    options.lsh.bands = fdp.ConsumeIntegralInRange<uint32_t>(0, k);
    options.lsh.rows = fdp.ConsumeIntegralInRange<uint32_t>(0, k);
  }
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 48);

  // Shingle sets over a small universe so that they overlap; signatures from
  // the sets through a real MinHasher (so estimates track the sets), or raw.
  const MinHasher hasher({k, fdp.ConsumeIntegral<uint64_t>()});
  std::vector<std::vector<uint64_t>> sets(n);
  std::vector<std::vector<uint32_t>> sigs(n);
  for (size_t d = 0; d < n; ++d) {
    if (d > 0 && fdp.ConsumeBool()) {
      sets[d] = sets[fdp.ConsumeIntegralInRange<size_t>(0, d - 1)];  // near copy
      const int edits = fdp.ConsumeIntegralInRange<int>(0, 3);
      for (int e = 0; e < edits; ++e) sets[d].push_back(fdp.ConsumeIntegralInRange<uint64_t>(0, 63));
    } else {
      const size_t m = fdp.ConsumeIntegralInRange<size_t>(0, 24);
      for (size_t i = 0; i < m; ++i) sets[d].push_back(fdp.ConsumeIntegralInRange<uint64_t>(0, 63));
    }
    sets[d] = ShingleSet(sets[d]);
    if (fdp.ConsumeProbability<float>() < 0.9f) {
      sigs[d] = hasher.Sign(sets[d]);
    } else {  // any values, any length (shorter signatures are allowed)
      sigs[d].resize(fdp.ConsumeIntegralInRange<size_t>(0, k));
      for (auto& v : sigs[d]) v = fdp.ConsumeIntegral<uint32_t>();
    }
  }
  std::vector<DocumentSketch> docs(n);
  for (size_t d = 0; d < n; ++d) docs[d] = {sigs[d], sets[d], sets[d].size()};

  size_t longest = 0, shortest = SIZE_MAX;  // the default bands go by the longest
  for (const auto& sig : sigs) {
    longest = std::max(longest, sig.size());
    if (!IsEmptySignature(sig)) shortest = std::min(shortest, sig.size());
  }
  LshParams bands = options.lsh;
  if (longest > 0 && (bands.bands == 0 || bands.rows == 0)) {
    bands = RecallFirstLshParams(options.threshold, static_cast<uint32_t>(longest), options.exact_verify);
  }
  if (options.measure == Measure::kJaccard && longest > 0 && uint64_t{bands.bands} * bands.rows > shortest) {
    // Some document would have no band: refused, not silently unclustered.
    bool refused = false;
    try {
      (void)ClusterNearDuplicates(docs, options);
    } catch (const std::invalid_argument&) {
      refused = true;
    }
    FUZZ_CHECK(refused, "bands x rows above a signature's length was not refused");
    return 0;
  }
  const ClusterResult r = ClusterNearDuplicates(docs, options);
  const std::string what = " (n=" + std::to_string(n) + " k=" + std::to_string(k) +
                           " threshold=" + std::to_string(options.threshold) +
                           " containment=" + std::to_string(options.measure == Measure::kContainment) +
                           " exact=" + std::to_string(options.exact_verify) +
                           " lsh=" + std::to_string(options.lsh.bands) + "x" + std::to_string(options.lsh.rows) + ")";
  FUZZ_CHECK(r.representative.size() == n && r.similarity.size() == n, "result size" + what);
  FUZZ_CHECK(r.verified_pairs <= r.candidate_pairs, "more verified than candidate pairs" + what);
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t rep = r.representative[d];
    const std::string at = " at document " + std::to_string(d) + " (rep " + std::to_string(rep) + ")";
    if (options.measure == Measure::kJaccard) {
      FUZZ_CHECK(rep <= d && r.representative[rep] == rep, "representative is not the lowest root" + at + what);
    } else {  // the largest representative holding it: larger, or as large and earlier
      const bool larger = sets[rep].size() > sets[d].size() || (sets[rep].size() == sets[d].size() && rep < d);
      FUZZ_CHECK(rep == d || larger, "representative does not contain the document" + at + what);
      FUZZ_CHECK(r.representative[rep] == rep, "representative is not its own" + at + what);
      // Never through a chain: a duplicate is held by its representative.
      FUZZ_CHECK(rep == d || r.similarity[d] >= options.threshold,
                 "a duplicate below the threshold to its representative" + at + what);
    }
    const double s = r.similarity[d];
    FUZZ_CHECK(s >= 0.0 && s <= 1.0, "similarity " + std::to_string(s) + " out of [0,1]" + at + what);
    FUZZ_CHECK(rep != d || s == 1.0, "a representative's similarity is not 1" + at + what);
    if (IsEmptySignature(sigs[d])) {
      bool alone = rep == d;
      for (uint32_t e = d + 1; e < n && alone; ++e) alone = r.representative[e] != d;
      FUZZ_CHECK(alone, "a document with an empty signature was merged" + at + what);
    }
  }
  // The similarity reported is the measure's, to the representative.
  const auto similarity = [&](uint32_t a, uint32_t b) {
    if (options.measure == Measure::kJaccard) {
      return options.exact_verify ? ExactJaccard(sets[a], sets[b]) : EstimateJaccard(sigs[a], sigs[b]);
    }
    const bool a_small = sets[a].size() <= sets[b].size();
    const uint32_t s = a_small ? a : b, l = a_small ? b : a;
    return options.exact_verify ? ExactContainment(sets[s], sets[l])
                                : ContainmentFromJaccard(EstimateJaccard(sigs[s], sigs[l]), sets[s].size(),
                                                         sets[l].size());
  };
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t rep = r.representative[d];
    FUZZ_CHECK(rep == d || r.similarity[d] == similarity(d, rep),
               "similarity is not the measure's to the representative at document " + std::to_string(d) + what);
  }
  if (options.measure == Measure::kJaccard && longest > 0) {
    // Brute force: every pair sharing a band (same band, same key) that
    // passes, joined; the lowest index of each component against the result.
    const LshParams p = bands;
    std::vector<std::vector<uint64_t>> keys(n);
    for (uint32_t d = 0; d < n; ++d) {
      if (IsEmptySignature(sigs[d]) || sigs[d].size() < size_t{p.bands} * p.rows) continue;
      keys[d].resize(p.bands);
      LshBandKeys(sigs[d], p, keys[d].data());
    }
    UnionFind components(n);
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = a + 1; b < n; ++b) {
        bool shared = false;
        for (size_t j = 0; j < keys[a].size() && j < keys[b].size() && !shared; ++j) shared = keys[a][j] == keys[b][j];
        if (shared && similarity(a, b) >= options.threshold) components.Union(a, b);
      }
    }
    for (uint32_t d = 0; d < n; ++d) {
      FUZZ_CHECK(components.Find(d) == r.representative[d],
                 "document " + std::to_string(d) + " is in cluster " + std::to_string(r.representative[d]) +
                     ", its component of passing bucket pairs is led by " + std::to_string(components.Find(d)) + what);
    }
  }
  const ClusterResult again = ClusterNearDuplicates(docs, options);
  FUZZ_CHECK(again.representative == r.representative,
             "clustering not repeatable: " + FirstDiff(again.representative, r.representative) + what);
  FUZZ_CHECK(again.candidate_pairs == r.candidate_pairs && again.verified_pairs == r.verified_pairs,
             "pair counts not repeatable" + what);
  return 0;
}
