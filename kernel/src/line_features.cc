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
// punct. Writes them into *f (other fields untouched).
void LineByteCounts(const uint8_t* p, size_t len, LineFeatures* f) {
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

#include <cstring>

#include "dispatch.h"
#include "embedded_data.h"

namespace boilerhash {
HWY_EXPORT(LineByteCounts);

namespace {
bool IsAsciiPunct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}
bool IsSpace(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13 && c != '\n'); }

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

void WordFeatures(std::string_view line, const StopwordSet& stopwords, LineFeatures* f) {
  // Stopwords: split at spaces, strip ASCII punctuation, lower-case ASCII.
  uint32_t stop = 0;
  size_t i = 0;
  char buf[32];
  while (i < line.size()) {
    while (i < line.size() && IsSpace(static_cast<unsigned char>(line[i]))) ++i;
    size_t j = i;
    while (j < line.size() && !IsSpace(static_cast<unsigned char>(line[j]))) ++j;
    size_t a = i, b = j;
    while (a < b && IsAsciiPunct(static_cast<unsigned char>(line[a]))) ++a;
    while (b > a && IsAsciiPunct(static_cast<unsigned char>(line[b - 1]))) --b;
    if (b > a && b - a <= sizeof(buf)) {
      for (size_t k = a; k < b; ++k) {
        const char c = line[k];
        buf[k - a] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      stop += stopwords.Contains(std::string_view(buf, b - a));
    }
    i = j;
  }
  f->stopwords = stop;
  const std::string_view end = StripClosers(line);
  f->ellipsis = EndsWith(end, "...") || EndsWith(end, "\xE2\x80\xA6");
  f->terminal_punct = 0;
  if (!end.empty()) {
    const char c = end.back();
    f->terminal_punct = c == '.' || c == '!' || c == '?' || EndsWith(end, "\xE2\x80\xA6") ||
                        EndsWith(end, "\xE3\x80\x82") || EndsWith(end, "\xEF\xBC\x81") ||
                        EndsWith(end, "\xEF\xBC\x9F");
  }
  f->bullet = 0;
  for (std::string_view b : {"- ", "* ", "> ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xC2\xBB ",
                             "\xE2\x80\x93 ", "\xE2\x80\x94 "}) {
    if (line.substr(0, b.size()) == b) f->bullet = 1;
  }
}

uint64_t WordKey(std::string_view word) { return XXH3_64bits(word.data(), word.size()) | 1; }
}  // namespace

void StopwordSet::Insert(std::string_view word) {
  if (word.empty() || word.size() > 32) return;
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

bool StopwordSet::Contains(std::string_view word) const {
  if (slots_.empty() || word.empty() || word.size() > 32) return false;
  const uint64_t key = WordKey(word);
  const size_t mask = slots_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (slots_[s] == key) return true;
    if (slots_[s] == 0) return false;
  }
}

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
  for (std::string_view w : words) set->Insert(w);
  if (status) *status = Status::Ok();
  return set;
}

const StopwordSet& StopwordSet::English() {
  static const StopwordSet* set = FromText(internal::EnglishStopwordText(), nullptr).release();
  return *set;
}

std::vector<LineSpan> SplitLines(std::string_view text) {
  std::vector<LineSpan> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t nl = hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    lines.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = nl + 1;
  }
  return lines;
}

void ComputeLineFeatures(std::string_view text, std::span<const LineSpan> lines,
                         const StopwordSet& stopwords, LineFeatures* out) {
  internal::InitTargetsOnce();
  const auto counts = HWY_DYNAMIC_DISPATCH(LineByteCounts);
  const auto* base = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineSpan s = lines[i];
    LineFeatures f;
    counts(base + s.begin, s.end - s.begin, &f);
    WordFeatures(text.substr(s.begin, s.end - s.begin), stopwords, &f);
    out[i] = f;
  }
}

}  // namespace boilerhash
#endif  // HWY_ONCE
