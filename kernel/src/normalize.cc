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
#include "normalize_internal.h"
#include "unicode_class.h"
#include "utf8_decode.h"

namespace boilerhash {
HWY_EXPORT(MapAsciiBytes);

namespace {

// Appends one ASCII word, preceded by a space unless it is the first.
inline void EmitWord(std::string_view word, std::string* out, std::vector<uint32_t>* starts) {
  if (!out->empty()) out->push_back(' ');
  if (starts) starts->push_back(static_cast<uint32_t>(out->size()));
  out->append(word);
}

// A space-free segment of the mapped text that holds non-ASCII bytes: cut it
// into runs of word code points and map the runs that are not plain ASCII.
void EmitUnicodeSegment(std::string_view seg, const NormalizeOptions& options, std::string* out,
                        std::vector<uint32_t>* starts) {
  const auto* p = reinterpret_cast<const uint8_t*>(seg.data());
  size_t run_start = 0;
  bool in_run = false, run_unicode = false;
  auto end_run = [&](size_t end) {
    if (!in_run) return;
    const std::string_view run = seg.substr(run_start, end - run_start);
    if (run_unicode) {
      internal::AppendMappedWordRun(run, options.strip_accents, options.fold_digits, out, starts);
    } else {
      EmitWord(run, out, starts);
    }
    in_run = run_unicode = false;
  };
  for (size_t i = 0; i < seg.size();) {
    uint32_t cp = p[i];
    size_t len = 1, bad = 1;
    if (cp >= 0x80) {
      len = internal::DecodeUtf8(p + i, seg.size() - i, &cp, &bad);  // valid: repaired
      if (len == 0) { len = bad; cp = 0xFFFD; }
    }
    // Mapped ASCII is already [a-z0-9] or a space, and spaces never get here.
    const bool word = cp < 0x80 || internal::IsWordCodePoint(cp);
    if (!word) {
      end_run(i);
    } else {
      if (!in_run) { in_run = true; run_start = i; }
      run_unicode |= cp >= 0x80;
    }
    i += len;
  }
  end_run(seg.size());
}

}  // namespace

namespace internal {

void NormalizeInto(std::string_view text, const NormalizeOptions& options, std::string* out,
                   std::vector<uint32_t>* word_starts) {
  InitTargetsOnce();
  thread_local std::string repaired, mapped;
  if (!Utf8IsValid(text)) {
    Utf8Repair(text, &repaired);
    text = repaired;
  }
  mapped.resize(text.size());
  HWY_DYNAMIC_DISPATCH(MapAsciiBytes)(reinterpret_cast<const uint8_t*>(text.data()),
                                      text.size(), reinterpret_cast<uint8_t*>(mapped.data()),
                                      options.fold_digits);
  out->clear();
  out->reserve(text.size());
  if (word_starts) word_starts->clear();
  const char* m = mapped.data();
  const size_t n = mapped.size();
  size_t i = 0;
  while (i < n) {
    while (i < n && m[i] == ' ') ++i;
    if (i >= n) break;
    const size_t start = i;
    uint8_t high = 0;  // OR of the segment's bytes: bit 7 set means non-ASCII
    while (i < n && m[i] != ' ') high |= static_cast<uint8_t>(m[i++]);
    const std::string_view seg(m + start, i - start);
    if (high < 0x80) EmitWord(seg, out, word_starts);
    else EmitUnicodeSegment(seg, options, out, word_starts);
  }
}

}  // namespace internal

std::string Normalize(std::string_view text, const NormalizeOptions& options) {
  std::string out;
  internal::NormalizeInto(text, options, &out, nullptr);
  return out;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
