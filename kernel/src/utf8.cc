// Stage 1: UTF-8 validation and repair. The SIMD part skips ASCII a vector at
// a time (most web text is mostly ASCII); other bytes go through the scalar
// decoder. One dispatched entry point: the length of the valid prefix.
#include "boilerhash/utf8.h"

#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "utf8.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "utf8_decode.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Returns the index of the first byte that starts an invalid sequence, or n.
size_t ValidPrefixLength(const uint8_t* p, size_t n) {
  const hn::ScalableTag<int8_t> d;
  const size_t N = hn::Lanes(d);
  size_t i = 0;
  while (i < n) {
    // ASCII bytes are the non-negative int8 lanes.
    while (i + N <= n) {
      const auto v = hn::LoadU(d, reinterpret_cast<const int8_t*>(p + i));
      const auto high = hn::Lt(v, hn::Zero(d));
      if (!hn::AllFalse(d, high)) {
        i += static_cast<size_t>(hn::FindFirstTrue(d, high));
        break;
      }
      i += N;
    }
    // Scalar: the tail, and non-ASCII sequences until ASCII resumes.
    while (i < n) {
      if (p[i] < 0x80) {
        if (i + N <= n) break;  // back to the vector loop
        ++i;
        continue;
      }
      uint32_t cp;
      size_t bad;
      const size_t len = internal::DecodeUtf8(p + i, n - i, &cp, &bad);
      if (len == 0) return i;
      i += len;
    }
  }
  return n;
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"

namespace boilerhash {
HWY_EXPORT(ValidPrefixLength);

static size_t ValidPrefix(std::string_view text) {
  internal::InitTargetsOnce();
  return HWY_DYNAMIC_DISPATCH(ValidPrefixLength)(
      reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

bool Utf8IsValid(std::string_view text) { return ValidPrefix(text) == text.size(); }

size_t Utf8Repair(std::string_view text, std::string* out) {
  size_t valid = ValidPrefix(text);
  if (valid == text.size()) {
    out->assign(text);
    return 0;
  }
  out->clear();
  out->reserve(text.size() + 16);
  size_t replaced = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t i = 0;
  while (true) {
    out->append(text.data() + i, valid);
    i += valid;
    if (i >= text.size()) break;
    uint32_t cp;
    size_t bad = 1;
    internal::DecodeUtf8(p + i, text.size() - i, &cp, &bad);
    out->append(internal::kReplacementUtf8, 3);
    ++replaced;
    i += bad;
    valid = ValidPrefix(text.substr(i));
  }
  return replaced;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
