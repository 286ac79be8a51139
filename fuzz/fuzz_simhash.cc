// SimHash on every SIMD target against the scalar reference. Invariants: the
// fingerprint ignores the order of the hashes and is unchanged when every
// hash is doubled (term frequencies scale, majorities stay); no hashes give 0;
// HammingDistance is the popcount of the XOR.
#include <cstring>
#include <vector>

#include "boilerhash/simhash.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Hex64;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  std::vector<uint64_t> hashes(size / 8);
  if (!hashes.empty()) std::memcpy(hashes.data(), data, hashes.size() * 8);
  const std::vector<uint64_t> reversed(hashes.rbegin(), hashes.rend());
  std::vector<uint64_t> doubled = hashes;
  doubled.insert(doubled.end(), hashes.begin(), hashes.end());
  const std::string what = " (" + std::to_string(hashes.size()) + " hashes)";

  const uint64_t ref = reference::SimHash(hashes);
  FUZZ_CHECK(!hashes.empty() || ref == 0, "no hashes gave " + Hex64(ref));
  fuzz::ForEachTarget([&](const std::string& target) {
    const uint64_t h = SimHash(hashes);
    FUZZ_CHECK(h == ref, "SimHash on " + target + ": " + Hex64(h) + " vs reference " + Hex64(ref) + what);
    const uint64_t r = SimHash(reversed);
    FUZZ_CHECK(r == ref, "SimHash depends on order on " + target + ": " + Hex64(r) + what);
    const uint64_t d = SimHash(doubled);
    FUZZ_CHECK(d == ref, "SimHash changes when every hash is doubled on " + target + ": " + Hex64(d) + what);
  });
  if (hashes.size() >= 2) {
    const int dist = HammingDistance(hashes[0], hashes[1]);
    int count = 0;
    for (uint64_t x = hashes[0] ^ hashes[1]; x; x &= x - 1) ++count;
    FUZZ_CHECK(dist == count, "HammingDistance " + std::to_string(dist) + " vs " + std::to_string(count));
  }
  return 0;
}
