// Internal: the normalized form of a line that LineHash hashes and the group
// keys split into words (corpus_stats.h): ASCII letters lower-cased, digits
// kept or folded to '0', non-ASCII bytes kept, every other byte dropped.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "boilerhash/corpus_stats.h"  // kDocumentGroupKeys

namespace boilerhash::internal {

// Writes the kept bytes of line to out and returns how many: ASCII letters
// lower-cased, digits kept (or folded to '0'), bytes >= 0x80 kept, every
// other byte dropped (SIMD, line_compact.cc). out needs line.size() + 8
// bytes of room.
size_t CompactLineKeep(std::string_view line, bool fold_digits, unsigned char* out);

// The same, and where each word (a run of kept bytes) ends in out:
// word_ends needs line.size() / 2 + 1 entries, kept_bits (scratch)
// ceil(line.size() / 64); *words gets the number of words.
size_t CompactLineWords(std::string_view line, bool fold_digits, unsigned char* out, uint64_t* kept_bits,
                        uint32_t* word_ends, size_t* words);

// Lines of this many words or more are long: paragraphs, not menu items; only
// they feed the group keys and are counted with them (corpus_stats.h). The
// words counted are group tokens: a CJK code point is a token of its own
// (GroupTokenCount).
inline constexpr size_t kGroupLineWords = 8;

// A lead byte of a CJK code point, U+3000..U+9FFF (0xE3..0xE9): the group
// tokens split there (GroupTokenCount).
inline bool IsCjkLeadByte(unsigned char b) { return static_cast<unsigned char>(b - 0xE3) < 7; }

// A line's kept bytes (digits folded) without gaps, which is LineHash's input,
// and where each word (a run of kept bytes in the line) ends in them: one
// SIMD pass per line, then word ends read off its keep mask; the buffers are
// reused across lines.
struct CompactLine {
  std::vector<unsigned char> bytes;  // size() + 16 bytes readable: word loads may overrun
  std::vector<uint32_t> word_ends;   // word j is bytes[word_ends[j-1] .. word_ends[j]), word_ends[-1] = 0
  std::vector<uint64_t> kept;        // scratch: which bytes of the line were kept
  size_t size = 0;
  size_t words = 0;

  // Lines of 4 GiB or more (offsets are 32-bit) are left empty: no words.
  // Digits are folded to '0' unless fold_digits is false.
  void Assign(std::string_view line, bool fold_digits = true);
  // Folds the digits of bytes Assign kept unfolded; returns whether any was.
  bool FoldDigits();
};

// LineHash(line) (digits folded) and the number of words: the classifier
// needs both for every line when it has corpus statistics. With unfolded,
// also LineHash(line, false), its repetition key, from the same pass (the
// digits are folded after the first hash; a line without digits is hashed
// once). scratch ends up holding the folded bytes either way.
uint64_t LineHashCountingWords(std::string_view line, CompactLine* scratch, size_t* words,
                               uint64_t* unfolded = nullptr);

// The number of group tokens of a compact line: its words, except that each
// CJK code point (U+3000..U+9FFF: Chinese and Japanese, written without
// spaces) is a token of its own and splits the word it sits in. A line
// without CJK text has as many tokens as words.
size_t GroupTokenCount(const CompactLine& line);
// Whether the line is long (kGroupLineWords+ group tokens): the one rule that
// GroupKeyBuilder::AddLine and the classifier's long-line flags share.
bool IsLongGroupLine(const CompactLine& line);

// A document's DocumentGroupKeys, built line by line from lines already
// normalized, so whoever normalizes a line for its LineHash folds it into
// the keys in the same pass. DocumentGroupKeys, DocumentCorpusKeys and the
// classifier all build the keys here (group_keys.cc has the rule).
class GroupKeyBuilder {
 public:
  GroupKeyBuilder() { Reset(); }
  void Reset();  // a new document
  // Folds one line (line = Assign(text)); returns whether it is long (8+
  // words), i.e. counted with the keys.
  bool AddLine(const CompactLine& line, std::string_view text);
  void Finish(uint64_t keys[kDocumentGroupKeys]) const;

 private:
  uint64_t best_[kDocumentGroupKeys];
  size_t shingles_ = 0;
  std::vector<uint64_t> words_;  // scratch: one line's word hashes
};

}  // namespace boilerhash::internal
