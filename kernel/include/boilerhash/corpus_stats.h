// Stage: line frequency across a corpus.
//
// A LineFrequencyTable counts, for each normalized line (LineHash), the number
// of documents that contain it at least once. Lines that occur in many
// documents of one site or crawl (menus, footers, "Sign up for our
// newsletter") are boilerplate even when they look like prose.
//
// Bounded memory: the table keeps at most max_entries hashes. When an insert
// would exceed that, the entries seen in the fewest documents are dropped
// until at most half the table is kept: those seen once, and more only when
// that is not enough; when the entries seen t >= 2 times are more than the
// room left, those with the smallest keys (hashes) fill it and the rest go
// (a frequency-threshold cut in the spirit of lossy
// counting, Manku & Motwani 2002). A count is a lower bound of the true
// count; a line loses at most the threshold of each prune that dropped it,
// and a line seen in a few documents between two prunes survives however
// long the stream. prune_floor (stored) is the highest threshold used.
//
// Thread-safety: a table is not locked. AddDocuments fills one table from
// several threads (its shards in parallel); otherwise fill one table per
// thread and Merge() them (merge is commutative: same counts in any order
// when no prune runs), or guard a shared table yourself. Const methods may
// run concurrently.
//
// Stored format (little-endian, version 4; docs/CLASSIFIER.md):
//   "BHLF" | u32 version | u64 max_entries | u64 documents | u32 prune_floor |
//   u64 n | n x (u64 hash, u32 count) sorted by hash
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "boilerhash/line_features.h"  // LineSpan
#include "boilerhash/status.h"

namespace boilerhash {

// Version 4 splits CJK code points into group tokens of their own (below).
// Load reads versions 1 to 4. Version 3 hashed whole words: its group
// entries of lines holding CJK text (U+3000..U+9FFF) match no key now, its
// other entries do. Version 2 hashed the group keys' words with FNV-1a, so
// its group entries match no key now. Version 1 counted line-pair keys
// instead. Where no group count matches, CountGroups falls back to Count;
// line counts are the same in every version.
inline constexpr uint32_t kLineFrequencyFormatVersion = 4;

// Hash of a line's normalized form: ASCII letters lower-cased, every digit
// folded to '0' (so "9h ago" and "2h ago" count as one line), non-ASCII bytes
// kept, all other ASCII bytes (spaces, punctuation) dropped; XXH3-64 with seed
// 0 of that. A line with no kept bytes hashes to 0 and is never counted.
// fold_digits = false keeps digits (the classifier's in-document repetition
// uses that, so "$39.99" and "$649.99" product lines are not one line).
uint64_t LineHash(std::string_view line, bool fold_digits = true);

// Near-duplicate group keys. A syndicated story printed by several sites
// repeats its paragraphs across documents just as a site repeats its menus;
// what tells them apart is the rest of the document: the copies of one story
// are near-duplicates, the pages of one site are not. So each document gets
// kDocumentGroupKeys (8) min-hashes of the word 5-grams of its long lines (8+ words),
// and every line is also counted under (group key, line): the documents that
// hold the line *and* share the key, i.e. mostly near-duplicates of each
// other. Words are runs of the bytes LineHash keeps (ASCII lower-cased,
// digits folded, non-ASCII kept), except that a CJK code point (a lead byte
// 0xE3..0xE9, U+3000..U+9FFF, and up to two continuation bytes after it in
// the word) is a word of its own and splits the run it sits in: Chinese and
// Japanese put no spaces between words, so a paragraph of theirs would be
// one word, never a long line. Each word is hashed from its bytes: up to 16
// bytes as Mix(Mix(a ^ len * 0xD6E8FEB86659FD93) ^ b) with a = the first up
// to 8 bytes and b = the last 8 when len > 8, else 0 (little-endian,
// zero-filled; Mix = SplitMix64's finalizer), longer words XXH3-64; a line is long
// with 8+ words; a shingle is 5 consecutive words of one long line that ends
// like a sentence (EndsLikeSentence, line_features.h: link lists, labels
// and truncated teasers differ between copies and only blur them), hashed as
// the polynomial sum_j word[j] * M^(4-j) mod 2^64 (M = 0x9E3779B97F4A7C15);
// key k is the minimum over the shingles of SplitMix64's finalizer of the
// shingle times the k-th odd multiplier (group_keys.cc), and all keys are
// 0 when the document's long lines hold fewer than 24 shingles. Two
// documents whose long-line shingle sets have Jaccard J share key k with
// probability about J. docs/CLASSIFIER.md, "Group keys".
inline constexpr size_t kDocumentGroupKeys = 8;
// How many of its keys a document must share with the other holders of a
// line for them to count as its near-duplicates (CountGroups).
inline constexpr size_t kGroupKeysShared = 3;
// With long_lines, also marks which of the document's lines (as SplitLines
// splits it) are long: only those are counted with the group keys.
void DocumentGroupKeys(std::string_view document, uint64_t keys[kDocumentGroupKeys],
                       std::vector<bool>* long_lines = nullptr);
// The same for a document already split by SplitLines (the classifier has
// the spans; splitting again would be a second pass over the text).
void DocumentGroupKeys(std::string_view document, const std::vector<LineSpan>& lines,
                       uint64_t keys[kDocumentGroupKeys], std::vector<bool>* long_lines);

// The key under which a line is counted with one group key of its document:
// XXH3-64, seed 0x67726f75 ("grou"), of the two as 16 little-endian bytes,
// group key first; 0 when either is 0 (never counted).
uint64_t LineGroupKey(uint64_t group_key, uint64_t line_hash);

// What AddDocument counts for one document, sorted, unique and nonzero: the
// LineHash of every non-blank line and, for a long line, its LineGroupKey
// with each of the document's group keys. With group_keys, also the
// document's DocumentGroupKeys (the classifier can take them instead of
// computing them again).
void DocumentCorpusKeys(std::string_view document, std::vector<uint64_t>* keys,
                        uint64_t group_keys[kDocumentGroupKeys] = nullptr);

// Entries a table keeps when no size is given (about 100 MB of slots full).
inline constexpr size_t kDefaultLineTableEntries = size_t{1} << 22;

class LineFrequencyTable {
 public:
  explicit LineFrequencyTable(size_t max_entries = kDefaultLineTableEntries);

  // Counts the document's DocumentCorpusKeys once each.
  void AddDocument(std::string_view document);
  // Counts one document whose distinct keys are given (zeros skipped).
  void AddLineHashes(const uint64_t* hashes, size_t n);
  // Runs fn(i) for every i in [0, n), on any threads, returning when all
  // are done; fn may run concurrently for different i.
  using ParallelFor = std::function<void(size_t n, const std::function<void(size_t)>& fn)>;
  // Counts a batch of documents, each given by its keys (any order,
  // repeats counted once), as AddLineHashes one by one would, except when
  // it prunes: the batch is taken in runs of documents with at most
  // max_entries / 2 keys, with a prune before a run whose keys might not
  // fit, so the table stays within max_entries (a document with more keys
  // is added alone, key by key). The shards are filled in parallel through
  // parallel_for when it is given (kShards tasks); the counts are the same
  // for any number of threads. An exception from a task (bad_alloc) is
  // rethrown once all tasks are done; that run is then partly counted.
  void AddDocuments(std::span<const std::span<const uint64_t>> documents,
                    const ParallelFor& parallel_for = nullptr);
  // Adds other's counts and documents into this table.
  void Merge(const LineFrequencyTable& other);

  // Documents that contain the line (a lower bound after pruning).
  uint32_t Count(uint64_t line_hash) const;
  uint32_t CountLine(std::string_view line) const { return Count(LineHash(line)); }
  // A hint that Count(hash) comes soon: starts loading its slot. A table of
  // millions of entries misses the cache on nearly every lookup, and lookups
  // issued ahead overlap their misses. No effect on results.
  // Inline: it runs once per key in every loop over the table, and a call
  // cost as much as the prefetch itself.
  void Prefetch(uint64_t hash) const {
    const Shard& shard = shards_[ShardOf(hash)];
    if (shard.keys.empty()) return;
    const size_t s = shard.Home(hash);
    __builtin_prefetch(shard.keys.data() + s);
    __builtin_prefetch(shard.counts.data() + s);
  }
  // Documents that contain the line, counting the near-duplicates of the
  // document whose DocumentGroupKeys are given as one: Count(line) minus the
  // kGroupKeysShared-th largest (3rd of 8) Count(LineGroupKey(key, line))
  // over the keys, plus one for that group itself. Not the largest: a site
  // whose template has long prose lines can win a key of all its pages, and
  // one key alone would make the site's pages look like one story. Copies
  // whose long-line shingle sets have Jaccard 0.5 share 3 of 8 keys with
  // probability 0.86; pages sharing only a template that is a fifth of their
  // long text, 0.20 (binomial).
  // Equals Count(line) when no key was counted (a table saved before group
  // keys existed, or a pruned entry), so it never exceeds Count(line).
  uint32_t CountGroups(uint64_t line_hash, const uint64_t group_keys[kDocumentGroupKeys]) const;
  uint64_t documents() const { return documents_; }
  size_t size() const { return size_; }
  size_t max_entries() const { return max_entries_; }
  // Bytes of the slot arrays (12 a slot). With keys spread over the shards
  // (hashes), at most those of one table of max_entries at load 1/2; a long
  // document's sorted keys fill one shard at a time, which may double until
  // the next prune gives it back its share.
  size_t memory_bytes() const;

  std::string Save() const;
  static Status Load(std::string_view bytes, LineFrequencyTable* out);

  // The fixed-size start of a saved table, up to the entry count.
  struct Header {
    uint32_t version = 0;
    uint64_t max_entries = 0;
    uint64_t documents = 0;
    uint32_t prune_floor = 0;
    uint64_t entries = 0;
  };
  static constexpr size_t kHeaderBytes = 36;
  // Reads and checks the header alone (magic, version, entries within
  // max_entries) from the first kHeaderBytes of bytes, so that a caller can
  // size a merge of many saved tables before loading any of them whole.
  // Load runs the same checks, and then those of the entries.
  static Status ReadHeader(std::string_view bytes, Header* out);

 private:
  // The table is kShards open-addressing tables, a key's shard chosen by its
  // top bits, so that a batch fills them in parallel. Pruning is one
  // decision over all of them (the shards are not pruned on their own), so
  // the shards change no count.
  static constexpr unsigned kShardBits = 4;
  static constexpr size_t kShards = size_t{1} << kShardBits;
  static size_t ShardOf(uint64_t hash) { return static_cast<size_t>(hash >> (64 - kShardBits)); }
  // Linear probing: keys[i] == 0 marks an empty slot (hash 0 is never
  // counted); capacity is a power of two, at most half full. Flat arrays:
  // the corpus pass touches one cache line per key, where a node-based map
  // would allocate one node per line of the corpus.
  // 64-byte aligned: the shards' sizes are written by different threads.
  struct alignas(64) Shard {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> counts;
    size_t size = 0;
    size_t max_slots = 16;  // its share of the table's slots (constructor)
    size_t Home(uint64_t hash) const {  // where Slot starts probing
      return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> 20) & (keys.size() - 1);
    }
    size_t Slot(uint64_t hash) const;  // where hash is, or the empty slot it would take
    bool Contains(uint64_t hash) const;
    bool NeedsRoom() const;  // a new key would make it double
    // Adds `by` to hash's count; true when the key is new. A new key may grow
    // the shard; a shard never prunes.
    bool Bump(uint64_t hash, uint32_t by);
    // Into `capacity` slots, keeping the entries with a count above
    // drop_at_or_below, and those of that count whose key is below
    // keep_tied_below (Prune's share of a tie); the others are dropped.
    void Rehash(size_t capacity, uint32_t drop_at_or_below, uint64_t keep_tied_below = 0);
  };

  void Bump(uint64_t hash, uint32_t by);  // prunes first when a new key finds the table full
  // AddDocuments' run of documents (sorted distinct keys) that fits.
  void AddRun(std::span<const std::span<const uint64_t>> docs, const ParallelFor& parallel_for);
  void Prune();
  // fn(key, count) for every entry, shard by shard in slot order.
  template <typename Fn>
  void ForEachEntry(Fn fn) const {
    for (const Shard& shard : shards_) {
      for (size_t i = 0; i < shard.keys.size(); ++i) {
        if (shard.keys[i] != 0) fn(shard.keys[i], shard.counts[i]);
      }
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> SortedEntries() const;

  size_t max_entries_;
  uint64_t documents_ = 0;
  uint32_t prune_floor_ = 0;
  Shard shards_[kShards];
  size_t size_ = 0;  // entries in all shards
};

}  // namespace boilerhash
