// Banded LSH: OptimalLshParams, LshCandidateProbability, LshBandKeys and
// LshIndex insert/query. Every query is checked against a brute-force scan
// over the band keys of everything inserted; invalid parameters must give a
// non-ok index that rejects inserts and finds nothing. MinHashPairs over
// the signatures seen (and two empty ones) is checked against every pair:
// a shared band key and an estimate at the threshold, neither empty.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "boilerhash/lsh.h"
#include "boilerhash/minhash.h"
#include "boilerhash/near_pairs.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::FirstDiff;

namespace {
std::vector<uint32_t> MakeSignature(FuzzedDataProvider& fdp, const std::vector<std::vector<uint32_t>>& seen,
                                    size_t len) {
  std::vector<uint32_t> sig;
  if (!seen.empty() && fdp.ConsumeBool()) {
    // A near copy of an earlier signature, so that bands collide.
    sig = seen[fdp.ConsumeIntegralInRange<size_t>(0, seen.size() - 1)];
    sig.resize(len, 0);
    const int changes = fdp.ConsumeIntegralInRange<int>(0, 4);
    for (int c = 0; c < changes && !sig.empty(); ++c) {
      sig[fdp.ConsumeIntegralInRange<size_t>(0, sig.size() - 1)] = fdp.ConsumeIntegral<uint32_t>();
    }
  } else {
    sig.resize(len);
    for (auto& v : sig) v = fdp.ConsumeIntegralInRange<uint32_t>(0, 3);  // few values: collisions
  }
  return sig;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  FuzzedDataProvider fdp(data, size);
  // k up to 128 keeps OptimalLshParams (O(k log k) candidates x 512 samples) fast.
  const uint32_t k = fdp.ConsumeIntegralInRange<uint32_t>(0, 128);
  LshParams params;
  if (fdp.ConsumeBool()) {
    const double threshold = fdp.ConsumeProbability<double>();
    params = OptimalLshParams(threshold, k);
    FUZZ_CHECK(params.bands >= 1 && params.rows >= 1 &&
                   uint64_t{params.bands} * params.rows <= std::max<uint32_t>(k, 1),
               "OptimalLshParams(" + std::to_string(threshold) + ", " + std::to_string(k) + ") = " +
                   std::to_string(params.bands) + "x" + std::to_string(params.rows));
    for (double s : {0.0, threshold, 1.0}) {
      const double p = LshCandidateProbability(s, params);
      FUZZ_CHECK(p >= 0.0 && p <= 1.0, "LshCandidateProbability(" + std::to_string(s) + ") = " +
                                           std::to_string(p));
    }
  } else {
    params.bands = fdp.ConsumeIntegralInRange<uint32_t>(0, k + 2);
    params.rows = fdp.ConsumeIntegralInRange<uint32_t>(0, k + 2);
  }
  const bool valid = params.bands > 0 && params.rows > 0 && uint64_t{params.bands} * params.rows <= k;
  LshIndex index(params, k);
  const std::string what = " (k=" + std::to_string(k) + " bands=" + std::to_string(params.bands) +
                           " rows=" + std::to_string(params.rows) + ")";
  FUZZ_CHECK(index.ok() == valid, "LshIndex ok()=" + std::to_string(index.ok()) + what);
  FUZZ_CHECK(valid || !index.status().message().empty(), "error without a message" + what);
  const size_t used = size_t{params.bands} * params.rows;

  struct Entry {
    uint32_t doc;
    std::vector<uint64_t> keys;
  };
  std::vector<Entry> inserted;
  std::vector<std::vector<uint32_t>> seen;
  for (int op = 0; op < 64 && fdp.remaining_bytes() > 0; ++op) {
    // Mostly full-length signatures; sometimes short ones, which must be rejected.
    const size_t len = fdp.ConsumeProbability<float>() < 0.9f
                           ? k
                           : fdp.ConsumeIntegralInRange<size_t>(0, k + 4);
    const std::vector<uint32_t> sig = MakeSignature(fdp, seen, len);
    seen.push_back(sig);
    if (fdp.ConsumeBool()) {
      const uint32_t doc = fdp.ConsumeIntegralInRange<uint32_t>(0, 1000);
      const size_t before = index.size();
      const Status st = index.Insert(doc, sig);
      const bool accept = valid && sig.size() >= used;
      FUZZ_CHECK(st.ok() == accept, "Insert of " + std::to_string(sig.size()) + " slots returned " +
                                        st.message() + what);
      FUZZ_CHECK(index.size() == before + (accept ? 1 : 0), "size after Insert" + what);
      if (accept) {
        std::vector<uint64_t> keys(params.bands);
        LshBandKeys(sig, params, keys.data());
        inserted.push_back({doc, std::move(keys)});
        std::vector<uint32_t> found;
        index.Query(sig, &found);
        FUZZ_CHECK(std::binary_search(found.begin(), found.end(), doc),
                   "a document's own signature does not find it" + what);
      }
    } else {
      std::vector<uint32_t> found = {7, 3};  // results are appended after these
      index.Query(sig, &found);
      FUZZ_CHECK(found.size() >= 2 && found[0] == 7 && found[1] == 3, "Query dropped existing output" + what);
      found.erase(found.begin(), found.begin() + 2);
      std::vector<uint32_t> expect;
      if (valid && sig.size() >= used) {
        std::vector<uint64_t> keys(params.bands);
        LshBandKeys(sig, params, keys.data());
        for (const Entry& e : inserted) {
          for (uint32_t b = 0; b < params.bands; ++b) {
            if (e.keys[b] == keys[b]) {
              expect.push_back(e.doc);
              break;
            }
          }
        }
        std::sort(expect.begin(), expect.end());
        expect.erase(std::unique(expect.begin(), expect.end()), expect.end());
      }
      FUZZ_CHECK(found == expect, "LshIndex::Query vs brute force: " + FirstDiff(found, expect) + what);
    }
  }
  (void)index.MemoryBytes();
  if (valid) {
    std::vector<uint32_t> all;  // the full-length signatures seen, then two empty ones
    for (const auto& sig : seen) {
      if (sig.size() == k) all.insert(all.end(), sig.begin(), sig.end());
    }
    all.insert(all.end(), 2 * size_t{k}, kEmptySlot);
    const size_t n = all.size() / k;
    auto sig = [&](size_t d) { return std::span<const uint32_t>(all).subspan(d * k, k); };
    for (const double t : {0.0, 0.75}) {
      std::vector<NearPair> expect;
      std::vector<uint64_t> ka(params.bands), kb(params.bands);
      for (uint32_t a = 0; a < n; ++a) {
        for (uint32_t b = a + 1; b < n; ++b) {
          if (IsEmptySignature(sig(a)) || IsEmptySignature(sig(b))) continue;
          LshBandKeys(sig(a), params, ka.data());
          LshBandKeys(sig(b), params, kb.data());
          bool shared = false;
          for (uint32_t band = 0; band < params.bands; ++band) shared |= ka[band] == kb[band];
          if (shared && EstimateJaccard(sig(a), sig(b)) >= t) expect.push_back({a, b});
        }
      }
      const std::vector<NearPair> got = MinHashPairs(all, k, t, params);
      FUZZ_CHECK(got == expect, "MinHashPairs(t=" + std::to_string(t) + ") gives " + std::to_string(got.size()) +
                                    " pairs, brute force " + std::to_string(expect.size()) + what);
    }
  }
  return 0;
}
