// MinHasher on every SIMD target against the scalar reference. The input is
// k, seed and an array of shingle hashes. Invariants: both Sign overloads
// agree, the keys are MinHashKeys(k, seed) and the reference's, the signature ignores the order of
// the hashes, a superset's signature is slot-wise <= a subset's, estimates lie
// in [0, 1], a signature matches itself with estimate 1, no hashes give the
// empty signature.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "boilerhash/minhash.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::FirstDiff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8 * 1024 + 16) return 0;  // up to 1024 hashes
  FuzzedDataProvider fdp(data, size);
  MinHashParams params;
  params.k = fdp.ConsumeIntegralInRange<uint32_t>(0, 300);  // 0 means 1; odd sizes hit SIMD tails
  params.seed = fdp.ConsumeIntegral<uint64_t>();
  const size_t prefix_bytes = fdp.ConsumeIntegralInRange<size_t>(0, fdp.remaining_bytes());
  const std::vector<uint8_t> bytes = fdp.ConsumeRemainingBytes<uint8_t>();
  std::vector<uint64_t> hashes(bytes.size() / 8);
  if (!hashes.empty()) std::memcpy(hashes.data(), bytes.data(), hashes.size() * 8);
  const size_t prefix = std::min(hashes.size(), prefix_bytes / 8);
  const std::string what = " (k=" + std::to_string(params.k) + " seed=" + std::to_string(params.seed) +
                           " hashes=" + std::to_string(hashes.size()) + ")";

  const std::vector<uint32_t> ref = reference::MinHash(hashes, params.k, params.seed);
  const std::vector<uint64_t> head(hashes.begin(), hashes.begin() + static_cast<std::ptrdiff_t>(prefix));
  const std::vector<uint32_t> ref_head = reference::MinHash(head, params.k, params.seed);
  std::vector<uint64_t> reversed(hashes.rbegin(), hashes.rend());

  const MinHasher hasher(params);
  FUZZ_CHECK(hasher.k() == std::max<uint32_t>(params.k, 1), "k() " + std::to_string(hasher.k()) + what);
  FUZZ_CHECK(hasher.keys() == MinHashKeys(hasher.k(), params.seed), "keys differ from MinHashKeys" + what);
  FUZZ_CHECK(hasher.keys() == reference::MinHashKeys(hasher.k(), params.seed),
             "keys differ from the reference's SplitMix64 keys" + what);
  fuzz::ForEachTarget([&](const std::string& target) {
    const std::vector<uint32_t> sig = hasher.Sign(hashes);
    FUZZ_CHECK(sig == ref, "MinHash on " + target + " vs reference: " + FirstDiff(sig, ref) + what);
    std::vector<uint32_t> raw(hasher.k() + 1, 0xA5A5A5A5u);
    hasher.Sign(hashes, raw.data());
    FUZZ_CHECK(raw.back() == 0xA5A5A5A5u, "Sign wrote past k values on " + target + what);
    raw.pop_back();
    FUZZ_CHECK(raw == ref, "Sign(ptr) on " + target + " vs reference: " + FirstDiff(raw, ref) + what);
    const std::vector<uint32_t> rev = hasher.Sign(reversed);
    FUZZ_CHECK(rev == ref, "MinHash depends on hash order on " + target + ": " + FirstDiff(rev, ref) + what);
    const std::vector<uint32_t> sub = hasher.Sign(head);
    FUZZ_CHECK(sub == ref_head, "MinHash of prefix on " + target + " vs reference: " +
                                    FirstDiff(sub, ref_head) + what);
  });
  for (size_t i = 0; i < ref.size(); ++i) {
    FUZZ_CHECK(ref[i] <= ref_head[i], "superset slot " + std::to_string(i) + " above subset's" + what);
  }
  const double self = EstimateJaccard(ref, ref);
  FUZZ_CHECK(self == 1.0, "self estimate " + std::to_string(self) + what);
  const double j = EstimateJaccard(ref, ref_head);
  FUZZ_CHECK(j >= 0.0 && j <= 1.0, "estimate out of [0,1]: " + std::to_string(j) + what);
  FUZZ_CHECK(j == EstimateJaccard(ref_head, ref), "estimate not symmetric" + what);
  // Different lengths compare over the shorter prefix.
  const std::span<const uint32_t> shorter(ref_head.data(), ref_head.size() / 2);
  const double jp = EstimateJaccard(ref, shorter);
  FUZZ_CHECK(jp >= 0.0 && jp <= 1.0, "prefix estimate out of [0,1]: " + std::to_string(jp) + what);
  FUZZ_CHECK(!hashes.empty() || IsEmptySignature(ref), "no hashes but not the empty signature" + what);
  FUZZ_CHECK(!head.empty() || IsEmptySignature(ref_head), "no hashes but not the empty signature" + what);
  return 0;
}
