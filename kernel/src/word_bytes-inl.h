// Internal, per SIMD target: the byte map that normalization (normalize.cc)
// and line keys (line_compact.cc) share, and the packing of kept bytes.
// A word byte is an ASCII letter or digit or any byte >= 0x80; mapped, an
// upper-case letter becomes lower case and a digit '0' when digits fold.
// Included from a HWY_TARGET_INCLUDE file, once per target (Highway's
// -inl.h toggle guard).
#if defined(BOILERHASH_WORD_BYTES_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef BOILERHASH_WORD_BYTES_INL_H_
#undef BOILERHASH_WORD_BYTES_INL_H_
#else
#define BOILERHASH_WORD_BYTES_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "hwy/highway.h"
#include "pack_table.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class D, class V>
HWY_INLINE auto InRange(D d, V v, uint8_t lo, uint8_t count) {
  // (v - lo) <= count - 1, unsigned, via min (no unsigned compare needed).
  const auto off = hn::Sub(v, hn::Set(d, lo));
  return hn::Eq(hn::Min(off, hn::Set(d, static_cast<uint8_t>(count - 1))), off);
}

template <class D, class V>
HWY_INLINE auto IsWordByte(D d, V v) {
  const auto high = hn::Set(d, 0x80);
  return hn::Or(hn::Or(InRange(d, v, 'A', 26), InRange(d, v, 'a', 26)),
                hn::Or(InRange(d, v, '0', 10), hn::Eq(hn::Min(v, high), high)));
}

// v with A-Z lower-cased and, with fold_digits, 0-9 made '0'; other bytes as they are.
template <class D, class V>
HWY_INLINE V MapWordBytes(D d, V v, bool fold_digits) {
  auto r = hn::IfThenElse(InRange(d, v, 'A', 26), hn::Or(v, hn::Set(d, 0x20)), v);
  if (fold_digits) r = hn::IfThenElse(InRange(d, v, '0', 10), hn::Set(d, '0'), r);
  return r;
}

#if HWY_TARGET != HWY_SCALAR
// Appends the lanes of r whose bit is set in keep_bits (StoreMaskBits
// layout) to out, 8 lanes at a time through a pshufb control from
// kPackTable, for the first `groups` groups of 8 lanes; returns how many.
// Each group stores 8 bytes: out needs 8 bytes of room past the result.
template <class D, class V>
HWY_INLINE size_t PackKeptBytes(D d, V r, const uint8_t* keep_bits, size_t groups, uint8_t* out) {
  const hn::Full64<uint8_t> d8;
  HWY_ALIGN uint8_t lanes[HWY_MAX_BYTES];
  hn::Store(r, d, lanes);
  size_t written = 0;
  for (size_t g = 0; g < groups; ++g) {
    const auto control = hn::LoadU(d8, internal::kPackTable.data() + keep_bits[g] * 8);
    hn::StoreU(hn::TableLookupBytes(hn::Load(d8, lanes + 8 * g), control), d8, out + written);
    written += static_cast<size_t>(__builtin_popcount(keep_bits[g]));
  }
  return written;
}
#endif

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#endif  // BOILERHASH_WORD_BYTES_INL_H_ toggle
