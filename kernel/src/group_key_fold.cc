// Stage: the group keys' min-hash fold (group_key_fold.h).
// AVX-512: lane l of a vector holds shingle i + l, built from five unaligned
// loads of the word hashes by Horner's rule; Mix and the eight key products
// are lane-wise, and eight accumulators keep each key's running minimum.
// A line of fewer shingles than a vector has takes the scalar loop.
#include "group_key_fold.h"

#include <algorithm>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "group_key_fold.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Shingles [from, count) the scalar way: sh(i+1) = sh(i) * M - w[i] * M^5 + w[i+5].
HWY_INLINE void FoldScalar(const uint64_t* w, size_t from, size_t count, uint64_t b[kDocumentGroupKeys]) {
  using internal::kShingleMultiplier;
  constexpr uint64_t kM5 = kShingleMultiplier * kShingleMultiplier * kShingleMultiplier *
                           kShingleMultiplier * kShingleMultiplier;
  if (from >= count) return;
  uint64_t sh = 0;
  for (size_t j = 0; j < internal::kGroupShingleWords; ++j) sh = sh * kShingleMultiplier + w[from + j];
  for (size_t i = from;; ++i) {
    const uint64_t m = internal::Mix(sh);
    for (size_t k = 0; k < kDocumentGroupKeys; ++k) b[k] = std::min(b[k], m * internal::kGroupKeyMultipliers[k]);
    if (i + 1 >= count) break;
    sh = sh * kShingleMultiplier - w[i] * kM5 + w[i + internal::kGroupShingleWords];
  }
}

void FoldShingleMinsImpl(const uint64_t* w, size_t n, uint64_t* best) {
  const size_t count = n - internal::kGroupShingleWords + 1;
  size_t scalar_from = 0;  // shingles [scalar_from, count) take the scalar loop
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
  const hn::CappedTag<uint64_t, 8> d;
  const size_t N = hn::Lanes(d);
  if (count >= N) {
    const auto M = hn::Set(d, internal::kShingleMultiplier);
    const auto c1 = hn::Set(d, internal::kMixMultiplier1), c2 = hn::Set(d, internal::kMixMultiplier2);
    decltype(hn::Zero(d)) acc[kDocumentGroupKeys], mult[kDocumentGroupKeys];
    for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
      acc[k] = hn::Set(d, best[k]);
      mult[k] = hn::Set(d, internal::kGroupKeyMultipliers[k]);
    }
    // The last vector overlaps the one before when N does not divide count:
    // folding a shingle twice leaves a minimum unchanged.
    for (size_t next = 0; next < count; next += N) {
      const size_t at = std::min(next, count - N);
      auto sh = hn::LoadU(d, w + at);
      for (size_t j = 1; j < internal::kGroupShingleWords; ++j) sh = hn::Add(hn::Mul(sh, M), hn::LoadU(d, w + at + j));
      auto m = hn::Xor(sh, hn::ShiftRight<30>(sh));
      m = hn::Mul(m, c1);
      m = hn::Xor(m, hn::ShiftRight<27>(m));
      m = hn::Mul(m, c2);
      m = hn::Xor(m, hn::ShiftRight<31>(m));
      for (size_t k = 0; k < kDocumentGroupKeys; ++k) acc[k] = hn::Min(acc[k], hn::Mul(m, mult[k]));
    }
    scalar_from = count;
    HWY_ALIGN uint64_t lanes[8];
    for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
      hn::Store(acc[k], d, lanes);
      best[k] = *std::min_element(lanes, lanes + N);
    }
  }
#endif
  FoldScalar(w, scalar_from, count, best);
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"

namespace boilerhash {
HWY_EXPORT(FoldShingleMinsImpl);

namespace internal {
size_t FoldShingleMins(const uint64_t* words, size_t n, uint64_t best[kDocumentGroupKeys]) {
  InitTargetsOnce();
  HWY_DYNAMIC_DISPATCH(FoldShingleMinsImpl)(words, n, best);
  return n - kGroupShingleWords + 1;
}
}  // namespace internal
}  // namespace boilerhash
#endif  // HWY_ONCE
