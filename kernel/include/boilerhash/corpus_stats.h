// Stage: line frequency across a corpus.
//
// A LineFrequencyTable counts, for each normalized line (LineHash), the number
// of documents that contain it at least once. Lines that occur in many
// documents of one site or crawl (menus, footers, "Sign up for our
// newsletter") are boilerplate even when they look like prose.
//
// Bounded memory: the table keeps at most max_entries hashes. When an insert
// would exceed that, every entry whose count is at or below the current prune
// floor is dropped and the floor rises by one (lossy counting, Manku & Motwani
// 2002): a count is a lower bound of the true count, lines seen in many
// documents survive, and the error is at most the number of prunes.
//
// Thread-safety: a table is not locked. Fill one table per thread and Merge()
// them (merge is commutative: same counts in any order when no prune runs),
// or guard a shared table yourself. Const methods may run concurrently.
//
// Stored format (little-endian, version 1; docs/CLASSIFIER.md):
//   "BHLF" | u32 version | u64 max_entries | u64 documents | u32 prune_floor |
//   u64 n | n x (u64 hash, u32 count) sorted by hash
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "boilerhash/status.h"

namespace boilerhash {

inline constexpr uint32_t kLineFrequencyFormatVersion = 1;

// Hash of a line's normalized form: ASCII letters lower-cased, every digit
// folded to '0' (so "9h ago" and "2h ago" count as one line), non-ASCII bytes
// kept, all other ASCII bytes (spaces, punctuation) dropped; XXH3-64 with seed
// 0 of that. A line with no kept bytes hashes to 0 and is never counted.
// fold_digits = false keeps digits (the classifier's in-document repetition
// uses that, so "$39.99" and "$649.99" product lines are not one line).
uint64_t LineHash(std::string_view line, bool fold_digits = true);

// The key under which a line is counted together with the non-blank line
// before it (0 at the start of a document): XXH3-64, seed 0x70616972 ("pair"),
// of the two hashes as 16 little-endian bytes, previous first. A line that
// always follows the same line (a paragraph of one syndicated story) has a
// pair count close to its line count; a line dropped into many different
// pages (a site-wide appeal) has pair counts of 1.
uint64_t LinePairKey(uint64_t previous_line_hash, uint64_t line_hash);

// What AddDocument counts for one document, sorted and unique: the LineHash
// of every non-blank line and its LinePairKey with the line before it.
void DocumentCorpusKeys(std::string_view document, std::vector<uint64_t>* keys);

class LineFrequencyTable {
 public:
  explicit LineFrequencyTable(size_t max_entries = size_t{1} << 22);

  // Counts the document's DocumentCorpusKeys once each.
  void AddDocument(std::string_view document);
  // Counts one document whose distinct keys are given (zeros skipped).
  void AddLineHashes(const uint64_t* hashes, size_t n);
  // Adds other's counts and documents into this table.
  void Merge(const LineFrequencyTable& other);

  // Documents that contain the line (a lower bound after pruning).
  uint32_t Count(uint64_t line_hash) const;
  uint32_t CountLine(std::string_view line) const { return Count(LineHash(line)); }
  uint64_t documents() const { return documents_; }
  size_t size() const { return counts_.size(); }
  size_t max_entries() const { return max_entries_; }

  std::string Save() const;
  static Status Load(std::string_view bytes, LineFrequencyTable* out);

 private:
  void Bump(uint64_t hash, uint32_t by);
  void Prune();

  size_t max_entries_;
  uint64_t documents_ = 0;
  uint32_t prune_floor_ = 0;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

}  // namespace boilerhash
