// Stage 2: normalization for hashing (definition in normalize.h).
// SIMD pass: ASCII bytes are mapped in place of a lookup table (A-Z -> a-z,
// digits kept or folded, other ASCII -> ' '), bytes >= 0x80 are copied. A
// scalar pass then collapses separators into single spaces and sends any word
// holding a non-ASCII character through the Unicode map.
#include "boilerhash/normalize.h"

#include <cstring>

#include "boilerhash/utf8.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "normalize.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

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

void MapAsciiBytes(const uint8_t* in, size_t n, uint8_t* out, bool fold_digits) {
  const hn::ScalableTag<uint8_t> d;
  const size_t N = hn::Lanes(d);
  const auto space = hn::Set(d, ' ');
  const auto case_bit = hn::Set(d, 0x20);
  const auto zero_char = hn::Set(d, '0');
  const auto high = hn::Set(d, 0x80);
  size_t i = 0;
  auto map = [&](auto v) {
    const auto upper = InRange(d, v, 'A', 26);
    const auto lower = InRange(d, v, 'a', 26);
    const auto digit = InRange(d, v, '0', 10);
    const auto non_ascii = hn::Eq(hn::Min(v, high), high);
    auto r = hn::IfThenElse(upper, hn::Or(v, case_bit), v);
    if (fold_digits) r = hn::IfThenElse(digit, zero_char, r);
    const auto keep = hn::Or(hn::Or(upper, lower), hn::Or(digit, non_ascii));
    return hn::IfThenElse(keep, r, space);
  };
  for (; i + N <= n; i += N) hn::StoreU(map(hn::LoadU(d, in + i)), d, out + i);
  if (i < n) {
    HWY_ALIGN uint8_t buf[HWY_MAX_BYTES] = {0};
    std::memcpy(buf, in + i, n - i);
    hn::Store(map(hn::Load(d, buf)), d, buf);
    std::memcpy(out + i, buf, n - i);
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"
#include "unicode_class.h"
#include "utf8_decode.h"

namespace boilerhash {
HWY_EXPORT(MapAsciiBytes);

std::string Normalize(std::string_view text, const NormalizeOptions& options) {
  internal::InitTargetsOnce();
  std::string repaired;
  if (!Utf8IsValid(text)) {
    Utf8Repair(text, &repaired);
    text = repaired;
  }
  std::string mapped(text.size(), '\0');
  const auto* m = reinterpret_cast<uint8_t*>(mapped.data());
  HWY_DYNAMIC_DISPATCH(MapAsciiBytes)(reinterpret_cast<const uint8_t*>(text.data()),
                                      text.size(), reinterpret_cast<uint8_t*>(mapped.data()),
                                      options.fold_digits);
  std::string out;
  out.reserve(text.size());
  const size_t n = mapped.size();
  size_t word_start = 0;
  bool in_word = false, word_unicode = false;
  auto end_word = [&](size_t end) {
    if (!in_word) return;
    std::string_view word(mapped.data() + word_start, end - word_start);
    if (word_unicode) {
      internal::AppendMappedWordRun(word, options.strip_accents, options.fold_digits, &out);
    } else {
      if (!out.empty()) out.push_back(' ');
      out.append(word);
    }
    in_word = word_unicode = false;
  };
  for (size_t i = 0; i < n;) {
    const uint8_t c = m[i];
    if (c < 0x80) {
      if (c == ' ') {
        end_word(i);
      } else if (!in_word) {
        in_word = true;
        word_start = i;
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t bad = 1;
    const size_t len = internal::DecodeUtf8(m + i, n - i, &cp, &bad);  // valid: repaired
    if (internal::IsWordCodePoint(cp)) {
      if (!in_word) {
        in_word = true;
        word_start = i;
      }
      word_unicode = true;
    } else {
      end_word(i);
    }
    i += len ? len : bad;
  }
  end_word(n);
  return out;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
