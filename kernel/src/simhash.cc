// Stage 5: TF-weighted SimHash (definition in simhash.h).
// Per bit, count the shingle occurrences with that bit set; bit = 2*count > n.
// SIMD: 64 byte-wide counters, one per bit (see SimHashBitCounts).
#include "boilerhash/simhash.h"

#include <algorithm>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simhash.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// counts[b] += number of hashes with bit b set; any n (the totals are 64-bit).
//
// Byte lanes hold the 64 per-bit counters: each hash is broadcast, a byte
// shuffle puts byte b/8 of it in lane b, an AND with 1 << (b % 8) and a compare
// turn that into 0 or 0xFF, and subtracting it counts. Byte counters are
// flushed to the 64-bit totals every 255 hashes, before they can wrap.
void SimHashBitCounts(const uint64_t* hashes, size_t n, uint64_t* counts) {
#if HWY_TARGET == HWY_SCALAR
  for (size_t i = 0; i < n; ++i)
    for (int b = 0; b < 64; ++b) counts[b] += (hashes[i] >> b) & 1;
#else
  const hn::ScalableTag<uint8_t> d8;
  const hn::Repartition<uint64_t, decltype(d8)> d64;
  const size_t N = hn::Lanes(d8);
  if (N > 64 || 64 % N != 0) {  // lane counts this layout does not cover
    for (size_t i = 0; i < n; ++i)
      for (int b = 0; b < 64; ++b) counts[b] += (hashes[i] >> b) & 1;
    return;
  }
  const size_t vectors = 64 / N;  // 1 (AVX-512), 2 (AVX2) or 4 (128-bit)
  // Shuffle indices are within 128-bit blocks; every block holds the hash twice.
  HWY_ALIGN uint8_t index_bytes[64], bit_bytes[64];
  for (size_t b = 0; b < 64; ++b) {
    index_bytes[b] = static_cast<uint8_t>(b / 8);
    bit_bytes[b] = static_cast<uint8_t>(1u << (b % 8));
  }
  using V = hn::Vec<decltype(d8)>;
  V index[4], bit[4], acc[4];
  for (size_t v = 0; v < vectors; ++v) {
    index[v] = hn::Load(d8, index_bytes + v * N);
    bit[v] = hn::Load(d8, bit_bytes + v * N);
  }
  HWY_ALIGN uint8_t lane_counts[64];
  for (size_t start = 0; start < n; start += 255) {
    const size_t end = std::min(n, start + 255);
    for (size_t v = 0; v < vectors; ++v) acc[v] = hn::Zero(d8);
    for (size_t i = start; i < end; ++i) {
      const V h = hn::BitCast(d8, hn::Set(d64, hashes[i]));
      for (size_t v = 0; v < vectors; ++v) {
        const V spread = hn::TableLookupBytes(h, index[v]);
        const V set = hn::VecFromMask(d8, hn::Eq(hn::And(spread, bit[v]), bit[v]));
        acc[v] = hn::Sub(acc[v], set);  // set lanes are 0xFF, i.e. -1
      }
    }
    for (size_t v = 0; v < vectors; ++v) hn::Store(acc[v], d8, lane_counts + v * N);
    for (size_t b = 0; b < 64; ++b) counts[b] += lane_counts[b];
  }
#endif
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
  HWY_DYNAMIC_DISPATCH(SimHashBitCounts)(hashes.data(), hashes.size(), counts);
  uint64_t fingerprint = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * counts[b] > hashes.size()) fingerprint |= uint64_t{1} << b;
  }
  return fingerprint;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
