// Stage: per-line features (definitions in line_features.h).
// SIMD: each vector of bytes is classified with a few unsigned range compares
// (u8 wrap-around: b - lo < width); CountTrue gives the class counts, and the
// non-space mask, as bits, gives word starts (non-space after space) with a
// carry between vectors. The tail and the word-level features (stopwords,
// terminal punctuation, bullets) are scalar and shared by every target.
#include "boilerhash/line_features.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "line_features.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Byte-class counts of one line: bytes, chars, words, letters, upper, digits,
// punct. Writes them into *f (other fields untouched). `avail` >= len bytes
// at p are readable: when a whole vector fits, the tail is one masked vector
// instead of a scalar loop (lines average ~50 bytes, so the tail dominated).
// The non-space bit of every byte goes to nonspace_bits (bit i%64 of word
// i/64; ceil(len/64) words, cleared here): the scalar word pass walks words
// with bit scans instead of testing every byte.
void LineByteCounts(const uint8_t* p, size_t len, size_t avail, LineFeatures* f,
                    uint64_t* nonspace_bits) {
  for (size_t w = 0; w < (len + 63) / 64; ++w) nonspace_bits[w] = 0;
  const hn::CappedTag<uint8_t, 64> d;  // <= 64 lanes: the non-space mask fits a u64
  const size_t N = hn::Lanes(d);
  size_t cont = 0, upper = 0, lower = 0, high = 0, digits = 0, printable = 0, words = 0;
  uint64_t carry = 0;  // 1 when the previous byte was non-space
  const auto k80 = hn::Set(d, 0x80), kC0 = hn::Set(d, 0xC0), k40 = hn::Set(d, 0x40);
  const auto kA = hn::Set(d, 'A'), ka = hn::Set(d, 'a'), k26 = hn::Set(d, 26);
  const auto k0 = hn::Set(d, '0'), k10 = hn::Set(d, 10);
  const auto k21 = hn::Set(d, 0x21), k5E = hn::Set(d, 0x5E);
  const auto kSpace = hn::Set(d, ' '), k9 = hn::Set(d, 9), k5 = hn::Set(d, 5);
  size_t i = 0;
  for (; i + N <= len; i += N) {
    const auto v = hn::LoadU(d, p + i);
    cont += hn::CountTrue(d, hn::Lt(hn::Sub(v, k80), k40));
    high += hn::CountTrue(d, hn::Lt(hn::Sub(v, kC0), k40));
    upper += hn::CountTrue(d, hn::Lt(hn::Sub(v, kA), k26));
    lower += hn::CountTrue(d, hn::Lt(hn::Sub(v, ka), k26));
    digits += hn::CountTrue(d, hn::Lt(hn::Sub(v, k0), k10));
    printable += hn::CountTrue(d, hn::Lt(hn::Sub(v, k21), k5E));
    const auto space = hn::Or(hn::Eq(v, kSpace), hn::Lt(hn::Sub(v, k9), k5));
    uint8_t bits[8] = {0};
    hn::StoreMaskBits(d, hn::Not(space), bits);
    uint64_t ns = 0;
    for (size_t b = 0; b < (N + 7) / 8; ++b) ns |= uint64_t{bits[b]} << (8 * b);
    const uint64_t starts = ns & ~((ns << 1) | carry);
    words += static_cast<size_t>(__builtin_popcountll(starts));
    carry = (ns >> (N - 1)) & 1;
    if (N < 64) ns &= (uint64_t{1} << N) - 1;
    nonspace_bits[i / 64] |= ns << (i % 64);  // N divides 64: no straddling
  }
  if (i < len && i + N <= avail) {
    const size_t rem = len - i;  // 1..N-1
    const auto m = hn::FirstN(d, rem);
    const auto v = hn::LoadU(d, p + i);
    cont += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, k80), k40)));
    high += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, kC0), k40)));
    upper += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, kA), k26)));
    lower += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, ka), k26)));
    digits += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, k0), k10)));
    printable += hn::CountTrue(d, hn::And(m, hn::Lt(hn::Sub(v, k21), k5E)));
    const auto space = hn::Or(hn::Eq(v, kSpace), hn::Lt(hn::Sub(v, k9), k5));
    uint8_t bits[8] = {0};
    hn::StoreMaskBits(d, hn::Not(space), bits);
    uint64_t ns = 0;
    for (size_t b = 0; b < (N + 7) / 8; ++b) ns |= uint64_t{bits[b]} << (8 * b);
    ns &= (uint64_t{1} << rem) - 1;
    const uint64_t starts = ns & ~((ns << 1) | carry);
    words += static_cast<size_t>(__builtin_popcountll(starts));
    nonspace_bits[i / 64] |= ns << (i % 64);
    i = len;
  }
  for (; i < len; ++i) {
    const uint8_t b = p[i];
    cont += (b & 0xC0) == 0x80;
    high += b >= 0xC0;
    upper += static_cast<uint8_t>(b - 'A') < 26;
    lower += static_cast<uint8_t>(b - 'a') < 26;
    digits += static_cast<uint8_t>(b - '0') < 10;
    printable += static_cast<uint8_t>(b - 0x21) < 0x5E;
    const bool space = b == ' ' || static_cast<uint8_t>(b - 9) < 5;
    words += !space && !carry;
    carry = !space;
    nonspace_bits[i / 64] |= uint64_t{!space} << (i % 64);
  }
  f->bytes = static_cast<uint32_t>(len);
  f->chars = static_cast<uint32_t>(len - cont);
  f->words = static_cast<uint32_t>(words);
  f->letters = static_cast<uint32_t>(upper + lower + high);
  f->upper = static_cast<uint32_t>(upper);
  f->digits = static_cast<uint32_t>(digits);
  f->punct = static_cast<uint32_t>(printable - upper - lower - digits);
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "dispatch.h"
#include "embedded_data.h"

namespace boilerhash {
HWY_EXPORT(LineByteCounts);

namespace {
// Byte classes for the word-level features: bit 0 space (' ', \t, \r, \v,
// \f; '\n' never occurs inside a line), bit 1 ASCII punctuation.
constexpr uint8_t kSpaceBit = 1, kPunctBit = 2;
struct ByteClasses {
  uint8_t c[256] = {};
  uint8_t lower[256] = {};
  constexpr ByteClasses() {
    for (int b = 0; b < 256; ++b) {
      const bool punct = (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) ||
                         (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E);
      const bool space = b == ' ' || (b >= 9 && b <= 13 && b != '\n');
      c[b] = static_cast<uint8_t>((space ? kSpaceBit : 0) | (punct ? kPunctBit : 0));
      lower[b] = static_cast<uint8_t>((b >= 'A' && b <= 'Z') ? b + 32 : b);
    }
  }
};
constexpr ByteClasses kBytes;

bool IsSpace(unsigned char c) { return kBytes.c[c] & kSpaceBit; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips trailing spaces and closing quotes/brackets.
std::string_view StripClosers(std::string_view s) {
  for (;;) {
    while (!s.empty() && IsSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.empty()) return s;
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) return s;  // no multi-byte closer ends here
    bool stripped = false;
    for (std::string_view closer : {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99"}) {  // » ” ’
      if (EndsWith(s, closer)) {
        s.remove_suffix(closer.size());
        stripped = true;
        break;
      }
    }
    if (!stripped) return s;
  }
}

// terminal_punct of a line already stripped by StripClosers.
bool TerminalAfterClosers(std::string_view end) {
  if (end.empty()) return false;
  const char c = end.back();
  return c == '.' || c == '!' || c == '?' ||
         (static_cast<unsigned char>(c) >= 0x80 &&
          (EndsWith(end, "\xE2\x80\xA6") || EndsWith(end, "\xE3\x80\x82") ||
           EndsWith(end, "\xEF\xBC\x81") || EndsWith(end, "\xEF\xBC\x9F")));
}

uint64_t WordKey(std::string_view word) { return XXH3_64bits(word.data(), word.size()) | 1; }
}  // namespace

// Stopword lookup. English stopwords are short ASCII words, so the hot path
// packs a word of up to 15 bytes and its length into 16 bytes (exact key, no
// false positives) and probes a small open-addressing table with a
// multiply-shift hash: a few instructions per word instead of a general hash
// (XXH3 was the largest cost of the features pass). Longer words (16..32
// bytes) keep the XXH3-keyed table.
namespace {
struct Key16 {
  uint64_t lo, hi;
};
inline Key16 PackWord(const char* p, size_t n) {  // n <= 15
  unsigned char b[16] = {0};
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<unsigned char>(p[i]);
  b[15] = static_cast<unsigned char>(n);
  Key16 k;
  std::memcpy(&k.lo, b, 8);
  std::memcpy(&k.hi, b + 8, 8);
  return k;
}
inline size_t Key16Hash(Key16 k, unsigned shift) {
  const uint64_t h = k.lo * 0x9E3779B97F4A7C15ull ^ (k.hi * 0xC2B2AE3D27D4EB4Full + (k.lo >> 29));
  return static_cast<size_t>(h >> shift);
}
}  // namespace

void StopwordSet::Insert(std::string_view word) {
  if (word.empty() || word.size() > 32) return;
  if (word.size() < 16) {
    const Key16 k = PackWord(word.data(), word.size());
    const size_t mask = short_lo_.size() - 1;
    for (size_t s = Key16Hash(k, short_shift_);; s = (s + 1) & mask) {
      if (short_lo_[s] == k.lo && short_hi_[s] == k.hi) return;
      if (short_hi_[s] == 0) {  // a packed key always has its length in the top byte
        short_lo_[s] = k.lo;
        short_hi_[s] = k.hi;
        ++count_;
        max_len_ = std::max<uint32_t>(max_len_, static_cast<uint32_t>(word.size()));
        return;
      }
    }
  }
  const uint64_t key = WordKey(word);
  const size_t mask = slots_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (slots_[s] == key) return;
    if (slots_[s] == 0) {
      slots_[s] = key;
      ++count_;
      max_len_ = std::max<uint32_t>(max_len_, static_cast<uint32_t>(word.size()));
      return;
    }
  }
}

struct StopwordProbe {
  static bool Contains(const StopwordSet& set, Key16 k) {
    const size_t mask = set.short_lo_.size() - 1;
    for (size_t s = Key16Hash(k, set.short_shift_);; s = (s + 1) & mask) {
      if (set.short_lo_[s] == k.lo && set.short_hi_[s] == k.hi) return true;
      if (set.short_hi_[s] == 0) return false;
    }
  }
};

bool StopwordSet::Contains(std::string_view word) const {
  if (word.empty() || word.size() > max_len_) return false;
  if (word.size() < 16) return StopwordProbe::Contains(*this, PackWord(word.data(), word.size()));
  const uint64_t key = WordKey(word);
  const size_t mask = slots_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (slots_[s] == key) return true;
    if (slots_[s] == 0) return false;
  }
}

namespace {
// ASCII lower-casing of 8 bytes at once (SWAR): a byte gets 0x20 added when
// it is 'A'..'Z'. The high bit is cleared before the adds so nothing carries
// into the next byte, and bytes >= 0x80 are excluded by their own high bit.
inline uint64_t LowerAscii8(uint64_t x) {
  constexpr uint64_t k80 = 0x8080808080808080ull, k7F = 0x7F7F7F7F7F7F7F7Full;
  const uint64_t low7 = x & k7F;
  const uint64_t ge_a = low7 + 0x3F3F3F3F3F3F3F3Full;  // high bit: >= 'A' (0x41)
  const uint64_t gt_z = low7 + 0x2525252525252525ull;  // high bit: > 'Z' (0x5A)
  const uint64_t upper = ge_a & ~gt_z & ~x & k80;
  return x | (upper >> 2);
}

// Next set bit at or after pos in bits (len bits), or len.
inline size_t NextBit(const uint64_t* bits, size_t pos, size_t len, bool want_set) {
  while (pos < len) {
    uint64_t w = bits[pos / 64];
    if (!want_set) w = ~w;
    w >>= (pos % 64);
    if (w) return std::min(len, pos + static_cast<size_t>(__builtin_ctzll(w)));
    pos = (pos / 64 + 1) * 64;
  }
  return len;
}

// avail >= line.size(): bytes readable from line.data() (the rest of the document).
void WordFeatures(std::string_view line, size_t avail, const uint64_t* nonspace,
                  const StopwordSet& stopwords, LineFeatures* f) {
  // Stopwords: split at spaces, strip ASCII punctuation, lower-case ASCII.
  // Words come from the SIMD pass's non-space bits (two bit scans a word); a
  // word longer than the set's longest word is looked up only when it has
  // punctuation to strip at an end.
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  const size_t max_len = stopwords.max_word_bytes();
  uint32_t stop = 0;
  char buf[32];
  for (size_t i = NextBit(nonspace, 0, n, true); i < n;) {
    const size_t j = NextBit(nonspace, i, n, false);
    size_t a = i, b = j;
    if (b - a > max_len && !(kBytes.c[p[a]] & kPunctBit) && !(kBytes.c[p[b - 1]] & kPunctBit)) {
      i = NextBit(nonspace, j, n, true);
      continue;
    }
    while (a < b && (kBytes.c[p[a]] & kPunctBit)) ++a;
    while (b > a && (kBytes.c[p[b - 1]] & kPunctBit)) --b;
    const size_t wl = b - a;
    if (wl > 0 && wl <= max_len) {
      if (wl < 16 && a + 16 <= avail) {
        // Two unaligned loads, masked to the word, lower-cased, length on top:
        // the packed key of StopwordSet's short-word table.
        uint64_t lo, hi;
        std::memcpy(&lo, p + a, 8);
        std::memcpy(&hi, p + a + 8, 8);
        if (wl < 8) {
          lo &= (uint64_t{1} << (8 * wl)) - 1;
          hi = 0;
        } else {
          hi &= (uint64_t{1} << (8 * (wl - 8))) - 1;  // wl - 8 <= 7
        }
        const Key16 k{LowerAscii8(lo), LowerAscii8(hi) | (uint64_t{wl} << 56)};
        stop += StopwordProbe::Contains(stopwords, k);
      } else {
        for (size_t k = a; k < b; ++k) buf[k - a] = static_cast<char>(kBytes.lower[p[k]]);
        stop += stopwords.Contains(std::string_view(buf, wl));
      }
    }
    i = NextBit(nonspace, j, n, true);
  }
  f->stopwords = stop;
  const std::string_view end = StripClosers(line);
  // The last byte first: most lines end in a letter or '.', and the suffix
  // compares were 2% of the whole classifier.
  const unsigned char last = end.empty() ? 0 : static_cast<unsigned char>(end.back());
  f->ellipsis = (last == '.' && EndsWith(end, "...")) || (last == 0xA6 && EndsWith(end, "\xE2\x80\xA6"));
  f->terminal_punct = TerminalAfterClosers(end);
  f->question = last == '?' || (last == 0x9F && EndsWith(end, "\xEF\xBC\x9F"));
  f->bullet = 0;
  const unsigned char c0 = n ? p[0] : 0;
  if (c0 == '-' || c0 == '*' || c0 == '>' || c0 == 0xE2 || c0 == 0xC2) {
    for (std::string_view b : {"- ", "* ", "> ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xC2\xBB ",
                               "\xE2\x80\x93 ", "\xE2\x80\x94 "}) {
      if (line.substr(0, b.size()) == b) f->bullet = 1;
    }
  }
}
}  // namespace

std::unique_ptr<StopwordSet> StopwordSet::FromText(std::string_view text, Status* status) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  uint32_t line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t i = 0;
    bool first = true;
    while (i < line.size()) {
      while (i < line.size() && IsSpace(static_cast<unsigned char>(line[i]))) ++i;
      size_t j = i;
      while (j < line.size() && !IsSpace(static_cast<unsigned char>(line[j]))) ++j;
      if (j > i) {
        const std::string_view w = line.substr(i, j - i);
        if (first && w == "@lang") break;  // language tag line: informational
        if (w.size() > 32) {
          if (status) {
            *status = Status(StatusCode::kParseError,
                             "line " + std::to_string(line_no) + ": stopword longer than 32 bytes");
          }
          return nullptr;
        }
        words.push_back(w);
        first = false;
      }
      i = j;
    }
  }
  auto set = std::unique_ptr<StopwordSet>(new StopwordSet());
  size_t cap = 16;
  while (cap < 2 * words.size() + 2) cap *= 2;
  set->slots_.assign(cap, 0);
  // The short-word table at most 1/4 full: probes stay at ~1.
  size_t short_cap = 64;
  unsigned bits = 6;
  while (short_cap < 4 * words.size()) short_cap *= 2, ++bits;
  set->short_lo_.assign(short_cap, 0);
  set->short_hi_.assign(short_cap, 0);
  set->short_shift_ = 64 - bits;
  for (std::string_view w : words) set->Insert(w);
  if (status) *status = Status::Ok();
  return set;
}

const StopwordSet& StopwordSet::English() {
  static const StopwordSet* set = FromText(internal::EnglishStopwordText(), nullptr).release();
  return *set;
}

void SplitLines(std::string_view text, std::vector<LineSpan>* lines) {
  lines->clear();
  size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t nl = hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    lines->push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = nl + 1;
  }
}

std::vector<LineSpan> SplitLines(std::string_view text) {
  std::vector<LineSpan> lines;
  SplitLines(text, &lines);
  return lines;
}

bool EndsLikeSentence(std::string_view line) {
  const std::string_view end = StripClosers(line);
  return TerminalAfterClosers(end) && !EndsWith(end, "...") && !EndsWith(end, "\xE2\x80\xA6");
}

void ComputeLineFeatures(std::string_view text, std::span<const LineSpan> lines,
                         const StopwordSet& stopwords, LineFeatures* out) {
  internal::InitTargetsOnce();
  const auto counts = HWY_DYNAMIC_DISPATCH(LineByteCounts);
  const auto* base = reinterpret_cast<const uint8_t*>(text.data());
  thread_local std::vector<uint64_t> tls_bits;  // reused: no allocation once grown
  std::vector<uint64_t>& bits = tls_bits;        // one TLS lookup per call, not per line
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineSpan s = lines[i];
    const size_t len = s.end - s.begin;
    if (bits.size() < len / 64 + 1) bits.resize(len / 64 + 1);
    uint64_t* bits_ptr = bits.data();
    LineFeatures f;
    counts(base + s.begin, len, text.size() - s.begin, &f, bits_ptr);
    WordFeatures(text.substr(s.begin, len), text.size() - s.begin, bits_ptr, stopwords, &f);
    out[i] = f;
  }
}

}  // namespace boilerhash
#endif  // HWY_ONCE
