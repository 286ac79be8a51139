// Stage 5: TF-weighted SimHash (definition in simhash.h).
// Per bit, count the shingle occurrences with that bit set; bit = 2*count > n.
// SIMD: one vector holds N bit counters; each shingle's relevant 32-bit half is
// broadcast, shifted by per-lane amounts and masked to 0/1, then added.
#include "boilerhash/simhash.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simhash.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// counts[b] += number of hashes with bit b set; n < 2^32.
void SimHashBitCounts(const uint64_t* hashes, size_t n, uint64_t* counts) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  if (N > 32) {  // wider than half a fingerprint: plain loop
    for (size_t i = 0; i < n; ++i)
      for (int b = 0; b < 64; ++b) counts[b] += (hashes[i] >> b) & 1;
    return;
  }
  HWY_ALIGN uint32_t lane_counts[HWY_MAX_BYTES / sizeof(uint32_t)];
  const auto one = hn::Set(d, 1u);
  for (size_t first = 0; first < 64; first += N) {
    const int half_shift = first >= 32 ? 32 : 0;
    const auto shifts = hn::Iota(d, static_cast<uint32_t>(first % 32));
    auto acc = hn::Zero(d);
    for (size_t i = 0; i < n; ++i) {
      const auto word = hn::Set(d, static_cast<uint32_t>(hashes[i] >> half_shift));
      acc = hn::Add(acc, hn::And(hn::Shr(word, shifts), one));
    }
    hn::Store(acc, d, lane_counts);
    for (size_t l = 0; l < N; ++l) counts[first + l] += lane_counts[l];
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include <algorithm>

#include "dispatch.h"

namespace boilerhash {
HWY_EXPORT(SimHashBitCounts);

uint64_t SimHash(std::span<const uint64_t> hashes) {
  internal::InitTargetsOnce();
  uint64_t counts[64] = {0};
  constexpr size_t kChunk = size_t{1} << 30;  // keeps 32-bit lane counters exact
  for (size_t i = 0; i < hashes.size(); i += kChunk) {
    HWY_DYNAMIC_DISPATCH(SimHashBitCounts)(hashes.data() + i,
                                           std::min(kChunk, hashes.size() - i), counts);
  }
  uint64_t fingerprint = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * counts[b] > hashes.size()) fingerprint |= uint64_t{1} << b;
  }
  return fingerprint;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
