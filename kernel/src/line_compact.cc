// Stage: the compact form of a line that LineHash hashes and the group keys
// split into words (line_normalize.h): ASCII letters lower-cased, digits kept
// or folded to '0', bytes >= 0x80 kept, every other byte dropped.
// SIMD: a vector is mapped and its kept bytes packed with normalization's own
// helpers (word_bytes-inl.h), and the keep mask goes out as bits, from which
// word ends are read (the scalar target maps bytes through a table instead). The scalar reference is
// reference::LineKeyBytes (src/reference/line_key.cc).
#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "line_compact.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "word_bytes-inl.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Writes the kept bytes of in[0, n) to out (n + 8 bytes of room: packing
// stores 8 bytes at a time) and returns how many. With kept_bits, bit i%64 of
// kept_bits[i/64] tells whether byte i was kept (ceil(n/64) words written).
#if HWY_TARGET == HWY_SCALAR
// The scalar target maps through a table: one-lane Highway vectors cost
// several times as much per byte (classify/SCALAR lost 7% with them).
struct KeepTable {
  uint8_t map[2][256] = {};  // [fold_digits][byte]: the byte to keep, 0 = drop
  constexpr KeepTable() {
    for (int f = 0; f < 2; ++f) {
      for (int c = 0; c < 256; ++c) {
        uint8_t k = 0;
        if (c >= 'A' && c <= 'Z') k = static_cast<uint8_t>(c + 32);
        else if ((c >= 'a' && c <= 'z') || c >= 0x80) k = static_cast<uint8_t>(c);
        else if (c >= '0' && c <= '9') k = f ? '0' : static_cast<uint8_t>(c);
        map[f][c] = k;
      }
    }
  }
};
inline constexpr KeepTable kKeepTable;

size_t CompactBytes(const uint8_t* in, size_t n, uint8_t* out, bool fold_digits, uint64_t* kept_bits) {
  const uint8_t* map = kKeepTable.map[fold_digits ? 1 : 0];
  size_t written = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t k = map[in[i]];
    out[written] = k;
    written += k != 0;
    if (kept_bits) {
      if (i % 64 == 0) kept_bits[i / 64] = 0;
      kept_bits[i / 64] |= uint64_t{k != 0} << (i % 64);
    }
  }
  return written;
}
#else
size_t CompactBytes(const uint8_t* in, size_t n, uint8_t* out, bool fold_digits, uint64_t* kept_bits) {
  const hn::CappedTag<uint8_t, 64> d;  // <= 64 lanes: a mask fits a u64, N divides 64
  const size_t N = hn::Lanes(d);
  size_t written = 0;
  // groups: 8-byte groups to pack, N / 8 but in the tail (the rest are zeros).
  const auto block = [&](const uint8_t* src, size_t i, size_t groups) {
    const auto v = hn::LoadU(d, src);
    uint8_t bits[8] = {0};
    hn::StoreMaskBits(d, IsWordByte(d, v), bits);
    written += PackKeptBytes(d, MapWordBytes(d, v, fold_digits), bits, groups, out + written);
    if (kept_bits) {
      uint64_t m = 0;
      for (size_t b = 0; b < (N + 7) / 8; ++b) m |= uint64_t{bits[b]} << (8 * b);
      if (i % 64 == 0) kept_bits[i / 64] = 0;
      kept_bits[i / 64] |= m << (i % 64);
    }
  };
  size_t i = 0;
  for (; i + N <= n; i += N) block(in + i, i, N / 8);
  if (i < n) {  // the tail, padded with zero bytes (never kept)
    HWY_ALIGN uint8_t buf[64] = {0};
    std::memcpy(buf, in + i, n - i);
    block(buf, i, (n - i + 7) / 8);
  }
  return written;
}
#endif  // HWY_TARGET == HWY_SCALAR

// CompactBytes, and with word_ends (room for n / 2 + 1), where each word (a
// run of kept bytes) ends in the output: a word ends at a kept byte whose
// next byte is not kept, and its end is the number of kept bytes up to and
// including that byte. *words gets the count. kept_bits: ceil(n/64) words.
// Here rather than in the caller so the popcounts compile to the target's
// instruction, not a library call.
size_t CompactLineBytes(const uint8_t* in, size_t n, uint8_t* out, bool fold_digits, uint64_t* kept_bits,
                        uint32_t* word_ends, size_t* words) {
  const size_t written = CompactBytes(in, n, out, fold_digits, word_ends ? kept_bits : nullptr);
  if (!word_ends) return written;
  const size_t chunks = (n + 63) / 64;
  size_t w = 0;
  uint32_t before = 0;  // kept bytes in the chunks before
  for (size_t c = 0; c < chunks; ++c) {
    const uint64_t k = kept_bits[c];
    const uint64_t next = c + 1 < chunks ? kept_bits[c + 1] & 1 : 0;
    for (uint64_t e = k & ~((k >> 1) | (next << 63)); e; e &= e - 1) {
      const uint64_t upto = (uint64_t{2} << __builtin_ctzll(e)) - 1;  // bit 63: wraps to all ones
      word_ends[w++] = before + static_cast<uint32_t>(hwy::PopCount(k & upto));
    }
    before += static_cast<uint32_t>(hwy::PopCount(k));
  }
  *words = w;
  return written;
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"
#include "line_normalize.h"

namespace boilerhash {
HWY_EXPORT(CompactLineBytes);

namespace internal {

size_t CompactLineKeep(std::string_view line, bool fold_digits, unsigned char* out) {
  InitTargetsOnce();
  return HWY_DYNAMIC_DISPATCH(CompactLineBytes)(reinterpret_cast<const uint8_t*>(line.data()), line.size(),
                                                out, fold_digits, nullptr, nullptr, nullptr);
}

size_t CompactLineWords(std::string_view line, bool fold_digits, unsigned char* out, uint64_t* kept_bits,
                        uint32_t* word_ends, size_t* words) {
  InitTargetsOnce();
  return HWY_DYNAMIC_DISPATCH(CompactLineBytes)(reinterpret_cast<const uint8_t*>(line.data()), line.size(),
                                                out, fold_digits, kept_bits, word_ends, words);
}

}  // namespace internal
}  // namespace boilerhash
#endif  // HWY_ONCE
