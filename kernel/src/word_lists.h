// Internal: word-list patterns (flag 'w', docs/PATTERNS.md). A line matches a
// list when its words are a sequence of one or more of the list's phrases:
// "Share", "Facebook Twitter Email", "Contact Us | About Us".
//
// Why not Hyperscan: a whole-line phrase list compiled as an automaton is
// started at every line start, and two such lists cost over a third of the
// default set's scan. Here a line whose first word cannot begin a phrase
// (its first three bytes, a bitmap) costs one bit test, and the others a
// hash and a probe per word while their words still begin a phrase.
//
// Words are runs of letters, digits and marks (Unicode classes, as the
// normalization stage's), ASCII letters lower-cased; every other character
// separates words, invalid UTF-8 too. A phrase and a line are compared as
// their words joined by one space, through XXH3-64 of that text (a false
// match needs a 64-bit collision). Lines of more than kMaxLineWords words, or
// with a word longer than any phrase's, never match.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "boilerhash/pattern_db.h"
#include "boilerhash/status.h"

namespace boilerhash::internal {

class WordLists {
 public:
  static constexpr size_t kMaxLists = 64;       // one bit each in a match mask
  static constexpr size_t kMaxLineWords = 16;   // longer lines are prose, not furniture
  static constexpr size_t kMaxWordBytes = 64;   // per normalized word

  // Adds patterns[index] (a 'w' pattern): its text is phrases separated by
  // '|'. Errors name the pattern's file line.
  Status Add(uint32_t index, const PatternSpec& spec);
  bool empty() const { return patterns_.empty(); }

  // The lists line matches, as a mask of list slots; pattern_of(slot) gives
  // the pattern index.
  uint64_t Match(std::string_view line) const;
  uint32_t pattern_of(size_t slot) const { return patterns_[slot]; }

 private:
  struct Entry {
    uint64_t key = 0;     // XXH3 of the joined words; 0: empty slot
    uint64_t full = 0;    // lists holding this word sequence as a phrase
    uint64_t prefix = 0;  // lists holding a longer phrase that starts with it
  };
  const Entry* Find(uint64_t key) const;
  Entry* Insert(uint64_t key);

  // Which ASCII beginnings (a word's first three bytes, 0 after its end)
  // begin some phrase's first word, hashed into kPrefixBits bits: most lines
  // are turned away by one bit test before a word is read or hashed.
  static constexpr size_t kPrefixBits = 1 << 15;
  static size_t PrefixBit(unsigned b0, unsigned b1, unsigned b2) {
    return ((b0 * 0x9E3779B1u) ^ (b1 * 0x85EBCA77u) ^ (b2 * 0xC2B2AE3Du)) >> 17;
  }
  bool MayStartPhrase(std::string_view line) const;
  uint64_t first_prefixes_[kPrefixBits / 64] = {};

  std::vector<uint32_t> patterns_;  // slot -> pattern index
  std::vector<Entry> table_;        // open addressing, load <= 1/2
  size_t entries_ = 0;
  size_t longest_word_ = 0;
};

}  // namespace boilerhash::internal
