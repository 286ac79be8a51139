// SimHashIndex: a sequence of inserts and queries, each query checked against
// a brute-force scan of the latest fingerprint of every document (the
// pigeonhole tables must find exactly the documents within max_distance).
// SimHashPairs over every fingerprint seen against all pairs by popcount.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <map>
#include <vector>

#include "boilerhash/near_pairs.h"
#include "boilerhash/simhash.h"
#include "boilerhash/simhash_index.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::FirstDiff;
using boilerhash::fuzz::Hex64;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8 * 1024) return 0;
  FuzzedDataProvider fdp(data, size);
  const int requested = fdp.ConsumeIntegralInRange<int>(-3, 8);
  SimHashIndex index(requested);
  const int d = index.max_distance();
  FUZZ_CHECK(d == std::clamp(requested, 0, 4), "max_distance " + std::to_string(d) + " for " +
                                                   std::to_string(requested));
  std::map<uint32_t, uint64_t> latest;  // brute-force model
  std::vector<uint64_t> seen;           // fingerprints so far, to derive near ones
  for (int op = 0; op < 512 && fdp.remaining_bytes() > 0; ++op) {
    // A fresh fingerprint, or a near copy of one seen (flip up to 6 bits).
    uint64_t fp;
    if (!seen.empty() && fdp.ConsumeBool()) {
      fp = seen[fdp.ConsumeIntegralInRange<size_t>(0, seen.size() - 1)];
      const int flips = fdp.ConsumeIntegralInRange<int>(0, 6);
      for (int f = 0; f < flips; ++f) fp ^= uint64_t{1} << fdp.ConsumeIntegralInRange<int>(0, 63);
    } else {
      fp = fdp.ConsumeIntegral<uint64_t>();
    }
    seen.push_back(fp);
    if (fdp.ConsumeBool()) {
      const uint32_t doc = fdp.ConsumeIntegralInRange<uint32_t>(0, 63);
      index.Insert(doc, fp);
      latest[doc] = fp;
      FUZZ_CHECK(index.size() == latest.size(), "size " + std::to_string(index.size()) + " vs " +
                                                    std::to_string(latest.size()));
    } else {
      std::vector<uint32_t> found = {0xFFFFFFFFu};  // results are appended
      index.Query(fp, &found);
      FUZZ_CHECK(found[0] == 0xFFFFFFFFu, std::string("Query dropped existing output"));
      found.erase(found.begin());
      std::vector<uint32_t> expect;
      for (const auto& [doc, f] : latest) {
        if (HammingDistance(f, fp) <= d) expect.push_back(doc);
      }
      FUZZ_CHECK(found == expect, "SimHashIndex(d=" + std::to_string(d) + ").Query(" + Hex64(fp) +
                                      ") vs brute force: " + FirstDiff(found, expect));
    }
  }
  std::vector<NearPair> expect;
  for (uint32_t a = 0; a < seen.size(); ++a) {
    for (uint32_t b = a + 1; b < seen.size(); ++b) {
      if (HammingDistance(seen[a], seen[b]) <= d) expect.push_back({a, b});
    }
  }
  const std::vector<NearPair> got = SimHashPairs(seen, requested);
  FUZZ_CHECK(got == expect, "SimHashPairs(d=" + std::to_string(d) + ") gives " + std::to_string(got.size()) +
                                " pairs, brute force " + std::to_string(expect.size()));
  return 0;
}
