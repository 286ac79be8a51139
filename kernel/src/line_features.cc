// Stage: per-line features (definitions in line_features.h).
// SIMD: each vector of bytes is classified with a few unsigned range compares
// (u8 wrap-around: b - lo < width); CountTrue gives the class counts, and the
// non-space and punctuation masks, as bits, give word starts (non-space after
// space) with a carry between vectors. The tail and the word-level features
// (stopwords, terminal punctuation, bullets) are scalar and shared by every
// target; the stopword pass reads words off those bit masks.
#include "boilerhash/line_features.h"

#include <type_traits>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "line_features.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Byte-class counts of one line: bytes, chars, words, letters, upper, digits,
// punct, cjk. Writes them into *f (other fields untouched). `avail` >= len bytes
// at p are readable: when a whole vector fits, the tail is one masked vector
// instead of a scalar loop (lines average ~50 bytes, so the tail dominated).
// The non-space and the ASCII-punctuation bit of every byte go to
// nonspace_bits and punct_bits (bit i%64 of word i/64; ceil(len/64) words,
// written here): the scalar word pass finds words and strips their
// punctuation with bit scans instead of testing bytes.
void LineByteCounts(const uint8_t* p, size_t len, size_t avail, LineFeatures* f,
                    uint64_t* nonspace_bits, uint64_t* punct_bits) {
  // Most lines fit one word: two stores, not the memset call the loop became.
  if (len <= 64) {
    nonspace_bits[0] = punct_bits[0] = 0;
  } else {
    for (size_t w = 0; w < (len + 63) / 64; ++w) nonspace_bits[w] = punct_bits[w] = 0;
  }
  const hn::CappedTag<uint8_t, 64> d;  // <= 64 lanes: a mask fits a u64
  const size_t N = hn::Lanes(d);
  size_t cont = 0, upper = 0, lower = 0, high = 0, digits = 0, printable = 0, words = 0, cjk = 0;
  uint64_t carry = 0;  // 1 when the previous byte was non-space
  const auto k80 = hn::Set(d, 0x80), kC0 = hn::Set(d, 0xC0), k40 = hn::Set(d, 0x40);
  const auto kA = hn::Set(d, 'A'), ka = hn::Set(d, 'a'), k26 = hn::Set(d, 26);
  const auto k0 = hn::Set(d, '0'), k10 = hn::Set(d, 10);
  const auto kE3 = hn::Set(d, 0xE3), k7 = hn::Set(d, 7);
  const auto k21 = hn::Set(d, 0x21), k5E = hn::Set(d, 0x5E);
  const auto kSpace = hn::Set(d, ' '), k9 = hn::Set(d, 9), k5 = hn::Set(d, 5);
  const auto bits64 = [&](auto mask) {
    uint8_t bytes[8] = {0};
    hn::StoreMaskBits(d, mask, bytes);
    uint64_t x = 0;
    for (size_t b = 0; b < (N + 7) / 8; ++b) x |= uint64_t{bytes[b]} << (8 * b);
    return x;
  };
  // One vector at i: adds to the counts and the bit words. In the tail
  // (is_tail true) only the lanes of `valid`, the bytes inside the line, count.
  const auto vector = [&](auto v, auto valid, size_t i, uint64_t lane_bits, auto is_tail) {
    const auto in = [&](auto m) {
      if constexpr (decltype(is_tail)::value) {
        return hn::And(valid, m);
      } else {
        return m;
      }
    };
    const auto is_upper = hn::Lt(hn::Sub(v, kA), k26);
    const auto is_lower = hn::Lt(hn::Sub(v, ka), k26);
    const auto is_digit = hn::Lt(hn::Sub(v, k0), k10);
    const auto is_printable = hn::Lt(hn::Sub(v, k21), k5E);
    cont += hn::CountTrue(d, in(hn::Lt(hn::Sub(v, k80), k40)));
    high += hn::CountTrue(d, in(hn::Lt(hn::Sub(v, kC0), k40)));
    cjk += hn::CountTrue(d, in(hn::Lt(hn::Sub(v, kE3), k7)));
    upper += hn::CountTrue(d, in(is_upper));
    lower += hn::CountTrue(d, in(is_lower));
    digits += hn::CountTrue(d, in(is_digit));
    printable += hn::CountTrue(d, in(is_printable));
    const auto space = hn::Or(hn::Eq(v, kSpace), hn::Lt(hn::Sub(v, k9), k5));
    const uint64_t ns = bits64(hn::Not(space)) & lane_bits;
    const uint64_t pu = bits64(hn::AndNot(hn::Or(hn::Or(is_upper, is_lower), is_digit), is_printable)) & lane_bits;
    const uint64_t starts = ns & ~((ns << 1) | carry);
    words += static_cast<size_t>(__builtin_popcountll(starts));
    carry = (ns >> (N - 1)) & 1;
    nonspace_bits[i / 64] |= ns << (i % 64);  // N divides 64: no straddling
    punct_bits[i / 64] |= pu << (i % 64);
  };
  const uint64_t all_lanes = N < 64 ? (uint64_t{1} << N) - 1 : ~uint64_t{0};
  size_t i = 0;
  const auto no_mask = hn::FirstN(d, N);  // unused: full vectors count every lane
  for (; i + N <= len; i += N) vector(hn::LoadU(d, p + i), no_mask, i, all_lanes, std::false_type{});
  if (i < len && i + N <= avail) {
    const size_t rem = len - i;  // 1..N-1
    vector(hn::LoadU(d, p + i), hn::FirstN(d, rem), i, (uint64_t{1} << rem) - 1, std::true_type{});
    i = len;
  }
  for (; i < len; ++i) {
    const uint8_t b = p[i];
    cont += (b & 0xC0) == 0x80;
    high += b >= 0xC0;
    cjk += static_cast<uint8_t>(b - 0xE3) < 7;
    const bool is_upper = static_cast<uint8_t>(b - 'A') < 26;
    const bool is_lower = static_cast<uint8_t>(b - 'a') < 26;
    const bool is_digit = static_cast<uint8_t>(b - '0') < 10;
    const bool is_printable = static_cast<uint8_t>(b - 0x21) < 0x5E;
    upper += is_upper;
    lower += is_lower;
    digits += is_digit;
    printable += is_printable;
    const bool space = b == ' ' || static_cast<uint8_t>(b - 9) < 5;
    words += !space && !carry;
    carry = !space;
    nonspace_bits[i / 64] |= uint64_t{!space} << (i % 64);
    punct_bits[i / 64] |= uint64_t{is_printable && !is_upper && !is_lower && !is_digit} << (i % 64);
  }
  f->bytes = static_cast<uint32_t>(len);
  f->chars = static_cast<uint32_t>(len - cont);
  f->words = static_cast<uint32_t>(words);
  f->letters = static_cast<uint32_t>(upper + lower + high);
  f->upper = static_cast<uint32_t>(upper);
  f->digits = static_cast<uint32_t>(digits);
  f->punct = static_cast<uint32_t>(printable - upper - lower - digits);
  f->cjk = static_cast<uint32_t>(cjk);
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>
#include <vector>

#include "dispatch.h"
#include "embedded_data.h"
#include "line_spans.h"
#include "little_endian.h"
#include "per_thread.h"

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
// packs a word of up to 15 bytes and its length into 16 bytes (an exact key,
// no false positives) and looks in one bucket of four keys, chosen by a
// seeded multiply-shift hash: the seed is picked when the set is built so
// that no bucket overflows, hence every key is in its own bucket and a
// lookup is four compares without a branch (the hit-or-miss branch of a
// probe loop mispredicted on about every other word). Longer words (16..32
// bytes) keep an XXH3-keyed open-addressing table.
namespace {
struct Key16 {
  uint64_t lo, hi;
};
inline Key16 PackWord(const char* p, size_t n) {  // n <= 15
  unsigned char b[16] = {0};
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<unsigned char>(p[i]);
  b[15] = static_cast<unsigned char>(n);
  // Little-endian loads, like the probe in WordFeatures: the masks keep
  // the first bytes of the word as the low bits on every machine.
  return Key16{internal::LoadLE64(b), internal::LoadLE64(b + 8)};
}
inline size_t Key16Hash(Key16 k, uint64_t seed, unsigned shift) {
  const uint64_t h = (k.lo ^ seed) * 0x9E3779B97F4A7C15ull ^ (k.hi * 0xC2B2AE3D27D4EB4Full + (k.lo >> 29));
  return static_cast<size_t>(h >> shift);
}
}  // namespace

struct StopwordProbe {
  static bool Contains(const StopwordSet& set, Key16 k) {
    const StopwordSet::Bucket& b = set.buckets_[Key16Hash(k, set.seed_, set.bucket_shift_)];
    bool hit = false;
    for (int e = 0; e < StopwordSet::kBucketKeys; ++e) hit |= (b.lo[e] == k.lo) & (b.hi[e] == k.hi);
    return hit;
  }
};

void StopwordSet::InsertLong(std::string_view word) {
  const uint64_t key = WordKey(word);
  const size_t mask = slots_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (slots_[s] == key) return;
    if (slots_[s] == 0) {
      slots_[s] = key;
      ++count_;
      return;
    }
  }
}

// Places the short keys (distinct) in buckets: the first seed of SplitMix64's
// sequence under which no bucket gets more than four, doubling the buckets
// after every 64 seeds that fail (164 English words: 128 buckets, 8 KB,
// the eighth seed).
void StopwordSet::BuildShortTable(const std::vector<std::pair<uint64_t, uint64_t>>& keys) {
  size_t buckets = 16;
  unsigned bits = 4;
  while (buckets * 2 < keys.size()) buckets *= 2, ++bits;
  uint64_t state = 0;
  for (;;) {
    for (int attempt = 0; attempt < 64; ++attempt) {
      state += 0x9E3779B97F4A7C15ull;  // SplitMix64
      uint64_t seed = state;
      seed = (seed ^ (seed >> 30)) * 0xBF58476D1CE4E5B9ull;
      seed = (seed ^ (seed >> 27)) * 0x94D049BB133111EBull;
      seed ^= seed >> 31;
      std::vector<Bucket> table(buckets, Bucket{});
      std::vector<uint8_t> fill(buckets, 0);
      bool ok = true;
      for (const auto& [lo, hi] : keys) {
        const size_t h = Key16Hash({lo, hi}, seed, 64 - bits);
        if (fill[h] == kBucketKeys) {
          ok = false;
          break;
        }
        table[h].lo[fill[h]] = lo;
        table[h].hi[fill[h]] = hi;
        ++fill[h];
      }
      if (ok) {
        buckets_ = std::move(table);
        seed_ = seed;
        bucket_shift_ = 64 - bits;
        return;
      }
    }
    buckets *= 2;
    ++bits;
  }
}

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

// Bit arrays of a line's bytes from LineByteCounts, padded: word 0 is zero
// and line byte i is bit i + 64; the word after the line's last is zero too.
// So a window reaching before the line or past it reads non-space and
// non-punctuation, and no window needs a bounds check.
constexpr size_t kPad = 64;

// The 56 bits of a padded array from padded bit pos on (bit 0 = pos; bits
// 56..63 zero). On a little-endian machine byte j of the array holds bits
// 8j..8j+7, so one unaligned load at byte pos / 8 and a shift give them (the
// two-word form took three times the instructions, and the word loop runs
// it twice per word). The load stays inside the padded array: pos is at
// most a line byte's position + 64 + 8.
constexpr size_t kWindowBits = 56;
inline uint64_t Bits56(const uint64_t* bits, size_t pos) {
  constexpr uint64_t kLow56 = (uint64_t{1} << kWindowBits) - 1;
  if constexpr (std::endian::native == std::endian::little) {
    uint64_t x;
    std::memcpy(&x, reinterpret_cast<const unsigned char*>(bits) + pos / 8, sizeof(x));
    return (x >> (pos % 8)) & kLow56;
  } else {
    const size_t w = pos / 64, s = pos % 64;
    return ((bits[w] >> s) | ((bits[w + 1] << 1) << (63 - s))) & kLow56;  // s == 0: the second term is 0
  }
}

// Masks keeping the first n bytes of a 16-byte key (n <= 15), low and high half.
struct KeyMasks {
  uint64_t lo[16], hi[16];
  constexpr KeyMasks() : lo(), hi() {
    for (int n = 0; n < 16; ++n) {
      lo[n] = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
      hi[n] = n <= 8 ? 0 : (uint64_t{1} << (8 * (n - 8))) - 1;
    }
  }
};
constexpr KeyMasks kKeyMasks;

// The stopword test of one word [a, b) the slow way: byte loops, any length.
bool StopwordSlow(const unsigned char* p, size_t a, size_t b, const StopwordSet& stopwords) {
  while (a < b && (kBytes.c[p[a]] & kPunctBit)) ++a;
  while (b > a && (kBytes.c[p[b - 1]] & kPunctBit)) --b;
  const size_t wl = b - a;
  if (wl == 0 || wl > stopwords.max_word_bytes()) return false;
  char buf[32];
  for (size_t k = a; k < b; ++k) buf[k - a] = static_cast<char>(kBytes.lower[p[k]]);
  return stopwords.Contains(std::string_view(buf, wl));
}

// Per-thread buffers of the word pass, reused across lines.
struct WordScratch {
  std::vector<uint64_t> nonspace, punct;  // padded bit arrays
  std::vector<uint32_t> starts, ends;     // one line's words: [starts[k], ends[k])
};

// avail >= line.size(): bytes readable from line.data() (the rest of the
// document). The bit arrays of s are filled for this line. Sets the stopword
// count and the line-end and bullet fields; f->words comes from the byte pass.
void WordFeatures(std::string_view line, size_t avail, WordScratch& s, const StopwordSet& stopwords,
                  LineFeatures* f) {
  // Stopwords: split at spaces, strip ASCII punctuation, lower-case ASCII.
  // Words come from the non-space bits (a start is a set bit after a clear
  // one, an end a set bit before a clear one), collected in two tight loops;
  // a word's punctuation is stripped by counting the punctuation bits at its
  // ends; the key is two loads, masked and lower-cased. So the loop over
  // words has no data-dependent branch but for the rare long runs below.
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  const size_t chunks = (n + 63) / 64;
  const uint64_t* ns = s.nonspace.data();
  const uint64_t* pu = s.punct.data();
  uint32_t* starts = s.starts.data();
  uint32_t* ends = s.ends.data();
  size_t words = 0, closed = 0;
  for (size_t c = 0; c < chunks; ++c) {
    const uint64_t x = ns[c + 1];
    uint64_t st = x & ~((x << 1) | (ns[c] >> 63));
    uint64_t en = x & ~((x >> 1) | (ns[c + 2] << 63));
    for (; st; st &= st - 1) starts[words++] = static_cast<uint32_t>(c * 64 + __builtin_ctzll(st));
    for (; en; en &= en - 1) ends[closed++] = static_cast<uint32_t>(c * 64 + __builtin_ctzll(en) + 1);
  }
  const size_t max_len = stopwords.max_word_bytes();
  uint32_t stop = 0;
  for (size_t k = 0; k < words; ++k) {
    const size_t a = starts[k], b = ends[k];
    // Punctuation runs at the ends: the bits stop at the spaces around the
    // word, so lead <= b - a; trail may overlap lead only when all is punct.
    const size_t lead = static_cast<size_t>(std::countr_one(Bits56(pu, a + kPad)));
    // Line bytes b-56 .. b-1 at the window's top: its leading ones are the run before b.
    const size_t trail = static_cast<size_t>(std::countl_one(Bits56(pu, b + kPad - kWindowBits) << 8));
    if (lead == kWindowBits || trail == kWindowBits) [[unlikely]] {  // the run may be longer
      stop += StopwordSlow(p, a, b, stopwords);
      continue;
    }
    const size_t wa = a + lead;
    const size_t wl = b - wa - std::min(trail, b - wa);
    const bool fits = wl - 1 < max_len;  // wl == 0 wraps: no word
    if (wl < 16 && wa + 16 <= avail) {
      const uint64_t lo = internal::LoadLE64(p + wa), hi = internal::LoadLE64(p + wa + 8);
      const Key16 key{LowerAscii8(lo & kKeyMasks.lo[wl]), LowerAscii8(hi & kKeyMasks.hi[wl]) | (uint64_t{wl} << 56)};
      stop += fits & StopwordProbe::Contains(stopwords, key);
    } else if (fits) {
      stop += StopwordSlow(p, a, b, stopwords);
    }
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
  std::vector<std::string> words;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark is not a word
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
        // Lower-cased as the features pass lower-cases a line's words
        // (ASCII letters): "The" in a list would otherwise never match.
        std::string& word = words.emplace_back(w);
        for (char& c : word) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        first = false;
      }
      i = j;
    }
  }
  auto set = std::unique_ptr<StopwordSet>(new StopwordSet());
  size_t cap = 16;
  while (cap < 2 * words.size() + 2) cap *= 2;
  set->slots_.assign(cap, 0);
  std::vector<std::pair<uint64_t, uint64_t>> short_keys;
  for (const std::string& w : words) {
    set->max_len_ = std::max<uint32_t>(set->max_len_, static_cast<uint32_t>(w.size()));
    if (w.size() >= 16) {
      set->InsertLong(w);
      continue;
    }
    const Key16 k = PackWord(w.data(), w.size());
    short_keys.emplace_back(k.lo, k.hi);
  }
  std::sort(short_keys.begin(), short_keys.end());
  short_keys.erase(std::unique(short_keys.begin(), short_keys.end()), short_keys.end());
  set->count_ += short_keys.size();
  set->BuildShortTable(short_keys);
  if (status) *status = Status::Ok();
  return set;
}

const StopwordSet& StopwordSet::English() {
  static const StopwordSet* set = FromText(internal::EnglishStopwordText(), nullptr).release();
  return *set;
}

void SplitLines(std::string_view text, std::vector<LineSpan>* lines) {
  lines->clear();
  internal::ForEachLineSpan(text, [&](size_t begin, size_t end, size_t) {
    lines->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  });
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
  WordScratch& scratch = internal::PerThread<WordScratch>();  // reused: no allocation once grown
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineSpan s = lines[i];
    const size_t len = s.end - s.begin;
    if (len == 0) {  // a third of the lines of a page: every feature is 0
      out[i] = LineFeatures{};
      continue;
    }
    const size_t chunks = (len + 63) / 64;
    if (scratch.nonspace.size() < chunks + 2) {
      scratch.nonspace.resize(chunks + 2);
      scratch.punct.resize(chunks + 2);
      scratch.starts.resize(32 * chunks + 1);  // a word takes 2 bytes but the last
      scratch.ends.resize(32 * chunks + 1);
    }
    scratch.nonspace[0] = scratch.punct[0] = 0;  // the padding around the line
    scratch.nonspace[chunks + 1] = scratch.punct[chunks + 1] = 0;
    // Both passes write every field of out[i] in place: assembling a local
    // and copying it read 16-byte chunks of 4- and 1-byte stores just made,
    // which stalls store forwarding (6% of the pass).
    counts(base + s.begin, len, text.size() - s.begin, &out[i], scratch.nonspace.data() + 1,
           scratch.punct.data() + 1);
    WordFeatures(text.substr(s.begin, len), text.size() - s.begin, scratch, stopwords, &out[i]);
  }
  // A huge line leaves buffers of 4 bytes per byte of it: past 2 MB, give them back.
  if (scratch.starts.size() > (size_t{1} << 20)) scratch = WordScratch{};
}

}  // namespace boilerhash
#endif  // HWY_ONCE
