// Stage 2: normalization for hashing (definition in normalize.h).
// SIMD pass: ASCII bytes are mapped (A-Z -> a-z, digits kept or folded, other
// ASCII -> ' '), bytes >= 0x80 are copied, and runs of separators collapse to
// one space with a compress-store; for ASCII text that is the whole job. Only
// when non-ASCII bytes were seen does a scalar pass send the space-free
// segments holding them through the Unicode path (unicode_class.h). Word
// starts, for the shingler, come from a SIMD scan for spaces.
#include "boilerhash/normalize.h"

#include <algorithm>
#include <cstring>

#include "boilerhash/utf8.h"
#include "little_endian.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "normalize.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "word_bytes-inl.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Maps in[0, n) and collapses separators in one pass: every ASCII byte is
// mapped (A-Z -> a-z, digits kept or folded, other ASCII -> ' '), bytes >= 0x80
// are copied, and a space is kept only after a non-space, so the output has no
// leading space and single spaces between words (at most one trailing space,
// which the caller trims). Returns the bytes written; out needs n plus two
// vectors of room. *any_high tells whether a byte >= 0x80 was seen.
size_t MapAndCollapse(const uint8_t* in, size_t n, uint8_t* out, bool fold_digits,
                      bool* any_high) {
  const hn::ScalableTag<uint8_t> d;
  const size_t N = hn::Lanes(d);
  const auto space = hn::Set(d, ' ');
  const auto high = hn::Set(d, 0x80);
  auto high_seen = hn::Zero(d);
  size_t written = 0;
  auto block = [&](const uint8_t* src, const uint8_t* prev_src) {
    const auto v = hn::LoadU(d, src);
    const auto word = IsWordByte(d, v);
    const auto r = hn::IfThenElse(word, MapWordBytes(d, v, fold_digits), space);
    high_seen = hn::Or(high_seen, hn::And(v, high));
    const auto keep = hn::Or(word, IsWordByte(d, hn::LoadU(d, prev_src)));
#if HWY_TARGET == HWY_SCALAR
    out[written] = hn::GetLane(r);
    written += !hn::AllFalse(d, keep);
#else
    uint8_t bits[HWY_MAX_BYTES / 8 > 8 ? HWY_MAX_BYTES / 8 : 8];
    hn::StoreMaskBits(d, keep, bits);
    written += PackKeptBytes(d, r, bits, N / 8, out + written);
#endif
  };
  HWY_ALIGN uint8_t buf[2 * HWY_MAX_BYTES + 1];
  size_t i = 0;
  if (n >= N) {  // the first vector's predecessor of byte 0 is a space
    buf[0] = ' ';
    std::memcpy(buf + 1, in, N - 1);
    block(in, buf);
    for (i = N; i + N <= n; i += N) block(in + i, in + i - 1);
  }
  if (i < n) {  // the tail, padded with spaces
    std::memset(buf, ' ', sizeof buf);
    if (i > 0) buf[0] = in[i - 1];
    std::memcpy(buf + 1, in + i, n - i);
    block(buf + 1, buf);
  }
  *any_high = !hn::AllTrue(d, hn::Eq(high_seen, hn::Zero(d))) ;
  return written;
}

// Writes i + 1 for every space at text[i], i.e. the start of every word but
// the first; returns how many. starts needs room for n values.
size_t WordStartsAfterSpaces(const uint8_t* text, size_t n, uint32_t* starts) {
  const hn::ScalableTag<uint8_t> d;
  const size_t N = hn::Lanes(d);
  const auto space = hn::Set(d, ' ');
  size_t count = 0, i = 0;
  if (N % 8 == 0 && N <= 64) {
    for (; i + N <= n; i += N) {
      uint8_t bytes[8] = {0};
      hn::StoreMaskBits(d, hn::Eq(hn::LoadU(d, text + i), space), bytes);
      uint64_t bits = internal::LoadLE64(bytes);  // lane j is bit j on every machine
      while (bits) {
        starts[count++] = static_cast<uint32_t>(i + static_cast<size_t>(__builtin_ctzll(bits)) + 1);
        bits &= bits - 1;
      }
    }
  }
  for (; i < n; ++i) {
    if (text[i] == ' ') starts[count++] = static_cast<uint32_t>(i + 1);
  }
  return count;
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"
#include "normalize_internal.h"
#include "per_thread.h"
#include "unicode_class.h"
#include "utf8_decode.h"

namespace boilerhash {
HWY_EXPORT(MapAndCollapse);
HWY_EXPORT(WordStartsAfterSpaces);

namespace {

// Appends one word to a std::string, preceded by a space unless it is the first.
inline void EmitWord(std::string_view word, std::string* out) {
  if (!out->empty()) out->push_back(' ');
  out->append(word);
}

// A space-free segment of the mapped text that holds non-ASCII bytes: cut it
// into runs of word code points and map the runs that are not plain ASCII.
// Appends space-separated words to *out (which starts empty).
void UnicodeSegment(std::string_view seg, const NormalizeOptions& options, std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(seg.data());
  size_t run_start = 0;
  bool in_run = false, run_unicode = false;
  auto end_run = [&](size_t end) {
    if (!in_run) return;
    const std::string_view run = seg.substr(run_start, end - run_start);
    if (run_unicode) {
      internal::AppendMappedWordRun(run, options.strip_accents, options.fold_digits, out);
    } else {
      EmitWord(run, out);
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

// Buffers of the rare paths (invalid UTF-8, non-ASCII text), per thread,
// looked up only on those paths: a thread_local touched in NormalizeInto
// itself cost 2.5% of signing short ASCII documents (per_thread.h).
namespace {
struct RarePathBuffers {
  std::string repaired, collapsed, segment;
};
}  // namespace

namespace internal {

void WordStarts(std::string_view text, std::vector<uint32_t>* starts) {
  InitTargetsOnce();  // ShingleHashes calls this without NormalizeInto
  starts->resize(text.size() + 1);
  size_t count = 0;
  if (!text.empty()) (*starts)[count++] = 0;
  count += HWY_DYNAMIC_DISPATCH(WordStartsAfterSpaces)(
      reinterpret_cast<const uint8_t*>(text.data()), text.size(), starts->data() + count);
  starts->resize(count);
}

bool NormalizeInto(std::string_view text, const NormalizeOptions& options, std::string* out,
                   std::vector<uint32_t>* word_starts) {
  InitTargetsOnce();
  if (!Utf8IsValid(text)) {
    std::string& repaired = PerThread<RarePathBuffers>().repaired;
    Utf8Repair(text, &repaired);
    text = repaired;
  }
  const size_t n = text.size();
  // Pass 1 (SIMD): map and collapse. For ASCII text this is the result.
  bool any_high = false;
  constexpr size_t kSlack = 256;  // two vectors of the widest target, and more
  out->resize(n + kSlack);
  size_t len = HWY_DYNAMIC_DISPATCH(MapAndCollapse)(
      reinterpret_cast<const uint8_t*>(text.data()), n, reinterpret_cast<uint8_t*>(out->data()),
      options.fold_digits, &any_high);
  if (len > 0 && (*out)[len - 1] == ' ') --len;
  out->resize(len);
  // Pass 2 (scalar, only with non-ASCII bytes): each space-free segment that
  // holds one goes through the Unicode path; the spans between are copied.
  if (any_high) {
    RarePathBuffers& buffers = PerThread<RarePathBuffers>();
    std::string& collapsed = buffers.collapsed;
    std::string& segment = buffers.segment;
    collapsed.swap(*out);
    out->clear();
    out->reserve(collapsed.size() + collapsed.size() / 8 + 64);
    const std::string_view c = collapsed;
    size_t copied = 0;
    for (size_t h = 0; h < c.size(); ++h) {
      // Skip ASCII eight bytes at a time.
      uint64_t eight;
      while (h + 8 <= c.size() && (std::memcpy(&eight, c.data() + h, 8),
                                   (eight & 0x8080808080808080ull) == 0)) {
        h += 8;
      }
      if (h >= c.size() || static_cast<uint8_t>(c[h]) < 0x80) continue;
      const size_t space_before = c.rfind(' ', h);
      const size_t seg_begin = space_before == std::string_view::npos ? 0 : space_before + 1;
      const size_t space_after = c.find(' ', h);
      const size_t seg_end = space_after == std::string_view::npos ? c.size() : space_after;
      out->append(c.substr(copied, seg_begin - copied));
      segment.clear();
      UnicodeSegment(c.substr(seg_begin, seg_end - seg_begin), options, &segment);
      out->append(segment);
      copied = seg_end;
      if (segment.empty() && seg_end < c.size()) {
        copied = seg_end + 1;  // the segment vanished: so does one of its spaces
      } else if (segment.empty() && !out->empty() && out->back() == ' ') {
        out->pop_back();
      }
      h = seg_end;
    }
    out->append(c.substr(copied));
  }
  if (word_starts) {
    if (out->size() > UINT32_MAX) {
      word_starts->clear();
      return false;
    }
    WordStarts(*out, word_starts);
  }
  return true;
}

}  // namespace internal

std::string Normalize(std::string_view text, const NormalizeOptions& options) {
  std::string out;
  (void)internal::NormalizeInto(text, options, &out, nullptr);
  return out;
}

}  // namespace boilerhash
#endif  // HWY_ONCE
