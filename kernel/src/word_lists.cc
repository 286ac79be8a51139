// Stage: word-list patterns (word_lists.h): whole-line phrase lists matched
// by hashing a line's words, outside Hyperscan.
#include "word_lists.h"

// Inlined: a line costs one short hash when its first word starts no phrase,
// and a call into the shared library would cost as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <string>

#include "pattern_db_internal.h"
#include "unicode_class.h"
#include "utf8_decode.h"

namespace boilerhash::internal {
namespace {

constexpr size_t kTooLong = static_cast<size_t>(-1);

// ASCII bytes of words, lower-cased; 0 for every other ASCII byte.
struct AsciiWordMap {
  char map[128] = {};
  constexpr AsciiWordMap() {
    for (int c = '0'; c <= '9'; ++c) map[c] = static_cast<char>(c);
    for (int c = 'a'; c <= 'z'; ++c) map[c] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) map[c] = static_cast<char>(c + 32);
  }
};
constexpr AsciiWordMap kAscii;

// Length of the non-ASCII word character at p (0 when it separates words);
// *skip gets how many bytes the character (or invalid sequence) takes.
size_t NonAsciiWordCharAt(const uint8_t* p, size_t avail, size_t* skip) {
  uint32_t cp = 0;
  size_t bad = 1;
  const size_t len = DecodeUtf8(p, avail, &cp, &bad);
  if (len == 0) {
    *skip = bad;
    return 0;
  }
  *skip = len;
  return IsWordCodePoint(cp) ? len : 0;
}

// Reads the next word of text at or after *pos into out (cap bytes of room)
// and moves *pos past it. Returns its length, 0 when text has no more words,
// or kTooLong when the word does not fit in cap.
inline size_t NextWord(std::string_view text, size_t* pos, char* out, size_t cap) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = *pos, skip = 1;
  for (;; i += skip) {  // separators
    if (i == n) return 0;
    if (p[i] < 0x80) {
      skip = 1;
      if (kAscii.map[p[i]]) break;
    } else if (NonAsciiWordCharAt(p + i, n - i, &skip)) {
      break;
    }
  }
  size_t len = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      const char c = kAscii.map[p[i]];
      if (!c) break;
      if (len == cap) return kTooLong;
      out[len++] = c;
      ++i;
      continue;
    }
    const size_t w = NonAsciiWordCharAt(p + i, n - i, &skip);
    if (w == 0) break;
    if (len + w > cap) return kTooLong;
    for (size_t k = 0; k < w; ++k) out[len++] = static_cast<char>(p[i + k]);
    i += w;
  }
  *pos = i;
  return len;
}

uint64_t KeyOf(const char* text, size_t len) {
  const uint64_t h = XXH3_64bits(text, len);
  return h ? h : 1;  // 0 marks an empty table slot
}

Status PatternError(const PatternSpec& spec, const std::string& what) {
  return Status(StatusCode::kParseError,
                "line " + std::to_string(spec.line) + ": word list '" + spec.id + "': " + what);
}

}  // namespace

Status WordLists::Add(uint32_t index, const PatternSpec& spec) {
  if (spec.flags & (kPatternUtf8 | kPatternWholeLine | kPatternCountAll)) {
    return PatternError(spec, "flag 'w' cannot be combined with 'u', 'l' or 'n'");
  }
  if (patterns_.size() == kMaxLists) {
    return PatternError(spec, "more than " + std::to_string(kMaxLists) + " word lists in one file");
  }
  const uint64_t bit = uint64_t{1} << patterns_.size();
  const std::string_view text = spec.pattern;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('|', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view phrase = text.substr(begin, end - begin);
    begin = end + 1;
    const size_t meta = phrase.find_first_of("()[]{}\\*+?^$");
    if (meta != std::string_view::npos) {
      return PatternError(spec, "'" + std::string(1, phrase[meta]) +
                                    "' is not allowed: a word list is plain phrases separated by '|'");
    }
    // Every prefix of the phrase's words is an entry: the matcher extends a
    // sequence one word at a time and stops where no phrase continues.
    std::string joined;
    char word[kMaxWordBytes];
    size_t pos = 0, words = 0;
    Entry* last = nullptr;
    for (;;) {
      const size_t len = NextWord(phrase, &pos, word, sizeof(word));
      if (len == 0) break;
      if (len == kTooLong) {
        return PatternError(spec, "a word of '" + Printable(phrase) + "' is longer than " +
                                      std::to_string(kMaxWordBytes) + " bytes");
      }
      if (++words > kMaxLineWords) {
        return PatternError(spec, "phrase '" + Printable(phrase) + "' has more than " +
                                      std::to_string(kMaxLineWords) + " words");
      }
      if (!last) {
        // The first word's first three bytes (0 after its end): a line whose
        // first word begins with three ASCII bytes (or ends sooner) must
        // begin like one of these.
        const auto b0 = static_cast<unsigned char>(word[0]);
        const auto b1 = static_cast<unsigned char>(len > 1 ? word[1] : 0);
        const auto b2 = static_cast<unsigned char>(len > 2 ? word[2] : 0);
        if (b0 < 0x80 && b1 < 0x80 && b2 < 0x80) {
          const size_t bitno = PrefixBit(b0, b1, b2);
          first_prefixes_[bitno / 64] |= uint64_t{1} << (bitno % 64);
        }
      }
      if (last) last->prefix |= bit;
      if (!joined.empty()) joined += ' ';
      joined.append(word, len);
      longest_word_ = std::max(longest_word_, len);
      last = Insert(KeyOf(joined.data(), joined.size()));
    }
    if (!last) return PatternError(spec, "phrase '" + Printable(phrase) + "' has no words");
    last->full |= bit;
  }
  patterns_.push_back(index);
  return Status::Ok();
}

WordLists::Entry* WordLists::Insert(uint64_t key) {
  if (2 * (entries_ + 1) > table_.size()) {
    std::vector<Entry> old = std::move(table_);
    table_.assign(old.empty() ? 64 : 2 * old.size(), Entry{});
    entries_ = 0;
    for (const Entry& e : old) {
      if (e.key) *Insert(e.key) = e;
    }
  }
  const size_t mask = table_.size() - 1;
  size_t s = static_cast<size_t>(key) & mask;
  while (table_[s].key != 0 && table_[s].key != key) s = (s + 1) & mask;
  if (table_[s].key == 0) {
    table_[s].key = key;
    ++entries_;
  }
  return &table_[s];
}

inline const WordLists::Entry* WordLists::Find(uint64_t key) const {
  const size_t mask = table_.size() - 1;
  for (size_t s = static_cast<size_t>(key) & mask;; s = (s + 1) & mask) {
    if (table_[s].key == key) return &table_[s];
    if (table_[s].key == 0) return nullptr;
  }
}

inline bool WordLists::MayStartPhrase(std::string_view line) const {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  size_t i = 0;
  while (i < n && p[i] < 0x80 && !kAscii.map[p[i]]) ++i;  // ASCII separators
  if (i == n) return false;  // no word
  // The word's first three bytes as NextWord reads them; a non-ASCII byte
  // among them may be part of the word: not decided here.
  unsigned char b[3] = {0, 0, 0};
  for (size_t k = 0; k < 3 && i + k < n; ++k) {
    if (p[i + k] >= 0x80) return true;
    b[k] = static_cast<unsigned char>(kAscii.map[p[i + k]]);
    if (!b[k]) break;  // the word ended
  }
  const size_t bitno = PrefixBit(b[0], b[1], b[2]);
  return (first_prefixes_[bitno / 64] >> (bitno % 64)) & 1;
}

uint64_t WordLists::Match(std::string_view line) const {
  if (patterns_.empty() || !MayStartPhrase(line)) return 0;
  // The line's words joined by spaces, read one word at a time. A "start" is
  // a word where a phrase may begin (the lists whose phrases reach it); each
  // new word extends every live start, and the line is given up as soon as
  // no start can be extended and no phrase ended at this word: for prose,
  // after its first word.
  char joined[kMaxLineWords * (kMaxWordBytes + 1)];
  struct Start {
    size_t offset;   // where its first word begins in joined
    uint64_t lists;  // lists still possible from here
  } live[kMaxLineWords];
  size_t nlive = 0, len = 0, words = 0, pos = 0;
  uint64_t reach = patterns_.size() == kMaxLists ? ~uint64_t{0} : (uint64_t{1} << patterns_.size()) - 1;
  for (;;) {
    const size_t start = len + (words ? 1 : 0);
    const size_t w = NextWord(line, &pos, joined + start, longest_word_);
    if (w == 0) return words ? reach : 0;
    if (w == kTooLong || words == kMaxLineWords) return 0;
    if (words) joined[len] = ' ';
    len = start + w;
    ++words;
    if (reach) live[nlive++] = {start, reach};
    reach = 0;
    size_t kept = 0;
    for (size_t k = 0; k < nlive; ++k) {
      const Entry* e = Find(KeyOf(joined + live[k].offset, len - live[k].offset));
      if (!e) continue;
      reach |= e->full & live[k].lists;
      live[k].lists &= e->prefix;
      if (live[k].lists) live[kept++] = live[k];
    }
    nlive = kept;
    if (!reach && !nlive) return 0;
  }
}

}  // namespace boilerhash::internal
