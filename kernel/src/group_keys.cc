// Stage: line frequency across a corpus — near-duplicate group keys and the
// keys a document adds to the table (corpus_stats.h, docs/CLASSIFIER.md).
//
// Speed: each line is normalized once, in one SIMD pass whose keep mask
// gives where its words end (CompactLine). Words are then hashed from the
// compact bytes with two 8-byte loads each, so no per-byte dependency chain
// and no branch per word boundary; the corpus pass and the classifier run
// this over every line of every document.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "group_key_fold.h"
#include "line_normalize.h"
#include "line_spans.h"
#include "little_endian.h"
#include "sort_keys.h"

namespace boilerhash {
namespace internal {

void CompactLine::Assign(std::string_view line, bool fold_digits) {
  size = words = 0;
  if (line.size() >= UINT32_MAX - 16) return;
  const size_t chunks = (line.size() + 63) / 64;
  if (bytes.size() < line.size() + 16) bytes.resize(line.size() + 16);
  if (word_ends.size() < line.size() / 2 + 2) word_ends.resize(line.size() / 2 + 2);
  if (kept.size() < chunks) kept.resize(chunks);
  size_t w = 0;
  const size_t n = CompactLineWords(line, fold_digits, bytes.data(), kept.data(), word_ends.data(), &w);
  std::memset(bytes.data() + n, 0, 16);  // word loads past the end read zeros
  size = n;
  words = w;
}

bool CompactLine::FoldDigits() {
  // Locals, not members: a store through unsigned char* may alias the
  // vector's own pointers, which would be reloaded every byte and keep the
  // compiler from vectorizing the loop.
  unsigned char* b = bytes.data();
  const size_t n = size;
  unsigned char any = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = b[i];
    const unsigned char digit = static_cast<unsigned char>(c - '1') < 9;  // '0' stays '0'
    any |= digit;
    b[i] = digit ? '0' : c;
  }
  return any != 0;
}

namespace {
uint64_t HashKept(const CompactLine& line) {
  // LineHash hashes the same kept bytes with XXH3-64, seed 0 (one-shot and
  // streaming XXH3 agree).
  if (line.size == 0) return 0;
  const uint64_t h = XXH3_64bits(line.bytes.data(), line.size);
  return h ? h : 1;
}
}  // namespace

uint64_t LineHashCountingWords(std::string_view line, CompactLine* scratch, size_t* words, uint64_t* unfolded) {
  if (line.size() >= UINT32_MAX - 16) {  // too long for CompactLine: no words
    scratch->Assign(line);
    *words = 0;
    if (unfolded) *unfolded = LineHash(line, /*fold_digits=*/false);
    return LineHash(line);
  }
  if (!unfolded) {
    scratch->Assign(line);
    *words = scratch->words;
    return HashKept(*scratch);
  }
  scratch->Assign(line, /*fold_digits=*/false);
  *words = scratch->words;
  *unfolded = HashKept(*scratch);
  return scratch->FoldDigits() ? HashKept(*scratch) : *unfolded;
}

}  // namespace internal

namespace {

using internal::kGroupLineWords;
using internal::Mix;
constexpr size_t kGroupMinShingles = 24;  // about two sentences of long lines
constexpr uint64_t kWordLengthMultiplier = 0xD6E8FEB86659FD93ull;
// A word of len (>= 1) normalized bytes at s (16 bytes readable past s+len
// when len <= 16). Up to 16 bytes: a = the first up-to-8 bytes (little-endian,
// zero-filled), b = the last 8 bytes when len > 8 else 0, and the hash is
// Mix(Mix(a ^ len * C) ^ b); longer words: XXH3-64, seed 0. Branch-free for
// the usual lengths.
uint64_t WordHash(const unsigned char* s, size_t len) {
  if (len > 16) return XXH3_64bits(s, len);
  const size_t head = len < 8 ? len : 8;
  const uint64_t a = internal::LoadLE64(s) & (~0ull >> (64 - 8 * head));
  const uint64_t tail = internal::LoadLE64(s + (len > 8 ? len - 8 : 0));
  const uint64_t b = len > 8 ? tail : 0;
  return Mix(Mix(a ^ (len * kWordLengthMultiplier)) ^ b);
}

// Whether a compact line holds a CJK lead byte (0xE3..0xE9: U+3000..U+9FFF,
// scripts written without spaces). Eight bytes at a time: an ASCII-only
// line, most lines, costs one test per eight bytes.
bool HasCjk(const internal::CompactLine& line) {
  const unsigned char* p = line.bytes.data();
  const size_t n = line.size;
  for (size_t i = 0; i < n; i += 8) {
    if ((internal::LoadLE64(p + i) & 0x8080808080808080ull) == 0) continue;  // 16 bytes of padding
    for (size_t k = i; k < std::min(n, i + 8); ++k) {
      if (internal::IsCjkLeadByte(p[k])) return true;
    }
  }
  return false;
}

// The group tokens of a line with CJK text: its words, except that each CJK
// code point (a lead byte 0xE3..0xE9 and up to two continuation bytes that
// follow it in the word) is a token of its own and splits the word around
// it; emit(begin, len) gets each token's bytes in order.
template <typename Emit>
void ForEachCjkToken(const internal::CompactLine& line, Emit emit) {
  const unsigned char* bytes = line.bytes.data();
  uint32_t begin = 0;
  for (size_t j = 0; j < line.words; ++j) {
    const uint32_t end = line.word_ends[j];
    uint32_t run = begin;  // start of the pending non-CJK run
    for (uint32_t i = begin; i < end;) {
      if (!internal::IsCjkLeadByte(bytes[i])) {
        ++i;
        continue;
      }
      if (i > run) emit(run, i - run);
      uint32_t k = i + 1;
      while (k < end && k < i + 3 && (bytes[k] & 0xC0) == 0x80) ++k;
      emit(i, k - i);
      i = run = k;
    }
    if (end > run) emit(run, end - run);
    begin = end;
  }
}

size_t CjkTokenCount(const internal::CompactLine& line) {
  size_t tokens = 0;
  ForEachCjkToken(line, [&](uint32_t, uint32_t) { ++tokens; });
  return tokens;
}

// Min-hashes of one long compact line's token shingles folded into best[]
// (the fold and its definition: group_key_fold.h). Returns the number of
// shingles folded.
size_t FoldLineShingles(const internal::CompactLine& line, uint64_t best[kDocumentGroupKeys],
                        std::vector<uint64_t>* words) {
  const unsigned char* bytes = line.bytes.data();
  if (HasCjk(line)) {
    words->clear();
    ForEachCjkToken(line, [&](uint32_t b, uint32_t len) { words->push_back(WordHash(bytes + b, len)); });
  } else {
    words->resize(line.words);
    const uint32_t* ends = line.word_ends.data();
    uint32_t begin = 0;
    for (size_t j = 0; j < line.words; ++j) {
      (*words)[j] = WordHash(bytes + begin, ends[j] - begin);
      begin = ends[j];
    }
  }
  // words->size() >= kGroupLineWords: the caller checked.
  return internal::FoldShingleMins(words->data(), words->size(), best);
}

// The group keys of the lines that for_each_line(fn) gives to fn (each
// line's text, in order); with is_long, also which lines are long (the
// lines counted with the group keys), one flag per line.
template <typename ForEachLine>
void GroupKeysOfLines(ForEachLine for_each_line, uint64_t keys[kDocumentGroupKeys], std::vector<bool>* is_long) {
  if (is_long) is_long->clear();
  internal::CompactLine line;
  internal::GroupKeyBuilder builder;
  for_each_line([&](std::string_view text) {
    line.Assign(text);
    const bool long_line = builder.AddLine(line, text);
    if (is_long) is_long->push_back(long_line);
  });
  builder.Finish(keys);
}

}  // namespace

namespace internal {

void GroupKeyBuilder::Reset() {
  std::fill(best_, best_ + kDocumentGroupKeys, UINT64_MAX);
  shingles_ = 0;
}

size_t GroupTokenCount(const CompactLine& line) { return HasCjk(line) ? CjkTokenCount(line) : line.words; }

bool IsLongGroupLine(const CompactLine& line) {
  // A line never has fewer tokens than words: enough words need no scan.
  return line.words >= kGroupLineWords || GroupTokenCount(line) >= kGroupLineWords;
}

bool GroupKeyBuilder::AddLine(const CompactLine& line, std::string_view text) {
  if (!IsLongGroupLine(line)) return false;
  if (EndsLikeSentence(text)) shingles_ += FoldLineShingles(line, best_, &words_);
  return true;
}

void GroupKeyBuilder::Finish(uint64_t keys[kDocumentGroupKeys]) const {
  // Too little long text and one template paragraph decides the keys.
  const bool enough = shingles_ >= kGroupMinShingles;
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) keys[k] = !enough ? 0 : (best_[k] ? best_[k] : 1);
}

}  // namespace internal

void DocumentGroupKeys(std::string_view document, uint64_t keys[kDocumentGroupKeys],
                       std::vector<bool>* long_lines) {
  // Lines walked, not split: a document of a hundred million short lines
  // would need 800 MB for their spans.
  GroupKeysOfLines(
      [&](auto fn) {
        internal::ForEachLineSpan(document, [&](size_t begin, size_t end, size_t) {
          fn(document.substr(begin, end - begin));
        });
      },
      keys, long_lines);
}

void DocumentGroupKeys(std::string_view document, const std::vector<LineSpan>& lines,
                       uint64_t keys[kDocumentGroupKeys], std::vector<bool>* long_lines) {
  GroupKeysOfLines(
      [&](auto fn) {
        for (const LineSpan& l : lines) fn(document.substr(l.begin, l.end - l.begin));
      },
      keys, long_lines);
}

uint64_t LineGroupKey(uint64_t group_key, uint64_t line_hash) {
  if (group_key == 0 || line_hash == 0) return 0;
  unsigned char bytes[16];
  internal::StoreLE64(group_key, bytes);
  internal::StoreLE64(line_hash, bytes + 8);
  const uint64_t key = XXH3_64bits_withSeed(bytes, sizeof bytes, 0x67726f75);
  return key ? key : 1;
}

void DocumentCorpusKeys(std::string_view document, std::vector<uint64_t>* keys,
                        uint64_t group_keys[kDocumentGroupKeys]) {
  keys->clear();
  // One normalization per line serves both its LineHash and its words. The
  // group keys need every long line first, so the long lines' hashes wait.
  internal::CompactLine line;
  internal::GroupKeyBuilder builder;
  std::vector<uint64_t> long_hashes;
  internal::ForEachLineSpan(document, [&](size_t begin, size_t end, size_t) {
    size_t n_words = 0;
    const std::string_view text = document.substr(begin, end - begin);
    const uint64_t h = internal::LineHashCountingWords(text, &line, &n_words);
    if (h == 0) return;
    keys->push_back(h);
    if (builder.AddLine(line, text)) long_hashes.push_back(h);
  });
  uint64_t groups[kDocumentGroupKeys];
  builder.Finish(groups);
  for (uint64_t h : long_hashes) {
    for (uint64_t g : groups) keys->push_back(LineGroupKey(g, h));  // 0s are not counted
  }
  keys->erase(std::remove(keys->begin(), keys->end(), uint64_t{0}), keys->end());
  internal::SortKeys(keys->data(), keys->size());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
  if (group_keys) std::copy(groups, groups + kDocumentGroupKeys, group_keys);
}

}  // namespace boilerhash
