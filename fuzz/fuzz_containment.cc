// ContainmentIndex (size-partitioned LSH Ensemble): inserts and queries over
// fuzzer-made signatures and set sizes. Invariants: results sorted and unique,
// appended; a document's own signature and size find it at any threshold in
// [0, 1] (when it has the k slots every level reads); every result is a
// document that was inserted.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <vector>

#include "boilerhash/containment_index.h"
#include "fuzz_util.h"

using namespace boilerhash;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8 * 1024) return 0;
  FuzzedDataProvider fdp(data, size);
  // Each new size partition runs OptimalLshParams once per ladder level
  // (O(k log k) candidates x 512 samples each), so k stays small here.
  const uint32_t k = fdp.ConsumeIntegralInRange<uint32_t>(0, 16);
  ContainmentIndex index(k);
  std::set<uint32_t> inserted;
  std::vector<std::vector<uint32_t>> seen;
  for (int op = 0; op < 48 && fdp.remaining_bytes() > 0; ++op) {
    std::vector<uint32_t> sig;
    if (!seen.empty() && fdp.ConsumeBool()) {
      sig = seen[fdp.ConsumeIntegralInRange<size_t>(0, seen.size() - 1)];
      if (!sig.empty() && fdp.ConsumeBool()) {
        sig[fdp.ConsumeIntegralInRange<size_t>(0, sig.size() - 1)] ^= 1;
      }
    } else {
      sig.resize(fdp.ConsumeProbability<float>() < 0.9f ? k : fdp.ConsumeIntegralInRange<uint32_t>(0, k));
      for (auto& v : sig) v = fdp.ConsumeIntegralInRange<uint32_t>(0, 3);
    }
    seen.push_back(sig);
    // Sizes over partitions 0..6 plus the extremes (at most 10 partitions, to
    // bound the per-partition set-up cost).
    static constexpr size_t kExtremes[] = {SIZE_MAX, SIZE_MAX / 2 + 1, size_t{1} << 40};
    const size_t set_size = fdp.ConsumeProbability<float>() < 0.9f
                                ? fdp.ConsumeIntegralInRange<size_t>(0, 127)
                                : kExtremes[fdp.ConsumeIntegralInRange<size_t>(0, 2)];
    const double threshold = fdp.ConsumeProbability<double>();
    const std::string what = " (k=" + std::to_string(k) + " len=" + std::to_string(sig.size()) +
                             " size=" + std::to_string(set_size) + " t=" + std::to_string(threshold) + ")";
    if (fdp.ConsumeBool()) {
      const uint32_t doc = fdp.ConsumeIntegralInRange<uint32_t>(0, 200);
      const bool fits = k > 0 && sig.size() >= k;
      FUZZ_CHECK(index.Insert(doc, sig, set_size).ok() == fits, "Insert's status" + what);
      if (!fits) continue;  // refused whole: not in any level
      inserted.insert(doc);
      std::vector<uint32_t> found;
      index.Query(sig, set_size, threshold, &found);
      FUZZ_CHECK(std::binary_search(found.begin(), found.end(), doc),
                 "own signature does not find document " + std::to_string(doc) + what);
    } else {
      std::vector<uint32_t> found = {0xFFFFFFFFu};
      index.Query(sig, set_size, threshold, &found);
      FUZZ_CHECK(found[0] == 0xFFFFFFFFu, "Query dropped existing output" + what);
      found.erase(found.begin());
      FUZZ_CHECK(std::adjacent_find(found.begin(), found.end(), std::greater_equal<uint32_t>()) == found.end(),
                 "results not sorted and unique" + what);
      for (uint32_t doc : found) {
        FUZZ_CHECK(inserted.count(doc), "found document " + std::to_string(doc) + " never inserted" + what);
      }
    }
  }
  (void)index.MemoryBytes();
  return 0;
}
