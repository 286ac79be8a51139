// Stage: line frequency across a corpus (corpus_stats.h).
#include "boilerhash/corpus_stats.h"

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "boilerhash/line_features.h"
#include "line_normalize.h"
#include "little_endian.h"
#include "sort_keys.h"

namespace boilerhash {

using internal::AppendLE32;
using internal::AppendLE64;
using internal::ReadLE32;
using internal::ReadLE64;


uint64_t LineHash(std::string_view line, bool fold_digits) {
  // The kept bytes are compacted (SIMD) a chunk at a time into a stack
  // buffer. XXH3's streaming and one-shot forms give the same value for the
  // same bytes, so a line of one chunk is hashed in one call (the streaming
  // state's reset and digest cost more than a short line's hash).
  constexpr size_t kChunk = 1024;
  unsigned char buf[kChunk + 8];
  if (line.size() <= kChunk) {
    const size_t n = internal::CompactLineKeep(line, fold_digits, buf);
    if (n == 0) return 0;
    const uint64_t h = XXH3_64bits(buf, n);
    return h ? h : 1;
  }
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  bool any = false;
  for (size_t pos = 0; pos < line.size(); pos += kChunk) {
    const size_t n = internal::CompactLineKeep(line.substr(pos, kChunk), fold_digits, buf);
    XXH3_64bits_update(&state, buf, n);
    any |= n != 0;
  }
  if (!any) return 0;
  const uint64_t h = XXH3_64bits_digest(&state);
  return h ? h : 1;
}

namespace {
// The keys as a sorted run of distinct keys: themselves when they are one
// already (DocumentCorpusKeys gives them so), else a sorted, deduplicated
// copy kept in *storage.
std::span<const uint64_t> SortedDistinct(std::span<const uint64_t> keys, std::vector<uint64_t>* storage) {
  if (std::adjacent_find(keys.begin(), keys.end(), std::greater_equal<uint64_t>()) == keys.end()) return keys;
  storage->assign(keys.begin(), keys.end());
  internal::SortKeys(storage->data(), storage->size());
  storage->erase(std::unique(storage->begin(), storage->end()), storage->end());
  return *storage;
}

// bump(key) for each key, the slot of the key kAhead places on loaded
// (prefetch(key)) meanwhile: keys spread over a table of millions of slots
// miss the cache nearly every time, and misses issued ahead overlap.
template <typename Prefetch, typename Bump>
void BumpAhead(std::span<const uint64_t> keys, Prefetch prefetch, Bump bump) {
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < keys.size() && i < kAhead; ++i) prefetch(keys[i]);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i + kAhead < keys.size()) prefetch(keys[i + kAhead]);
    bump(keys[i]);
  }
}
}  // namespace

LineFrequencyTable::LineFrequencyTable(size_t max_entries) : max_entries_(std::max<size_t>(max_entries, 16)) {
  // A shard's share of a full table at load 1/2: the slots one table of
  // max_entries had, split 16 ways (2^19 each at the default 2^22 entries).
  size_t slots = 16;
  while (slots < 2 * ((max_entries_ + kShards - 1) / kShards)) slots *= 2;
  for (Shard& shard : shards_) shard.max_slots = slots;
}

size_t LineFrequencyTable::memory_bytes() const {
  size_t bytes = 0;
  for (const Shard& shard : shards_) bytes += shard.keys.size() * (sizeof(uint64_t) + sizeof(uint32_t));
  return bytes;
}

size_t LineFrequencyTable::Shard::Slot(uint64_t hash) const {
  const size_t mask = keys.size() - 1;
  size_t s = Home(hash);
  while (keys[s] != 0 && keys[s] != hash) s = (s + 1) & mask;
  return s;
}

void LineFrequencyTable::Shard::Rehash(size_t capacity, uint32_t drop_at_or_below, uint64_t keep_tied_below) {
  // Kept: counts above drop_at_or_below, and the entries of that count whose
  // key is below keep_tied_below (Prune's share of a tie).
  const auto dropped = [&](uint64_t key, uint32_t count) {
    return key == 0 || count < drop_at_or_below || (count == drop_at_or_below && key >= keep_tied_below);
  };
  // The entries kept go back in slot order, so every slot is where a fresh
  // table puts it.
  std::vector<uint64_t> old_keys;
  std::vector<uint32_t> old_counts;
  if (capacity == keys.size()) {
    // A prune: the entries kept (at most a quarter of the slots) move out
    // and the arrays are cleared in place. A fresh pair for every prune cost
    // 96 MB of page faults and zeroing at the default size (a prune comes
    // every 2M new lines or so), 6% of the time of a table fed 30M random
    // keys, and held the old and the new arrays at once.
    for (size_t i = 0; i < keys.size(); ++i) {
      if (dropped(keys[i], counts[i])) continue;
      old_keys.push_back(keys[i]);
      old_counts.push_back(counts[i]);
    }
    std::fill(keys.begin(), keys.end(), 0);
    std::fill(counts.begin(), counts.end(), 0);
  } else {
    // Growing: the old arrays are the entries.
    old_keys.swap(keys);
    old_counts.swap(counts);
    keys.assign(capacity, 0);
    counts.assign(capacity, 0);
  }
  size = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (dropped(old_keys[i], old_counts[i])) continue;
    const size_t s = Slot(old_keys[i]);
    keys[s] = old_keys[i];
    counts[s] = old_counts[i];
    ++size;
  }
}

bool LineFrequencyTable::Shard::NeedsRoom() const {
  return keys.size() >= max_slots ? 4 * (size + 1) > 3 * keys.size() : 2 * (size + 1) > keys.size();
}

bool LineFrequencyTable::Shard::Contains(uint64_t hash) const {
  return !keys.empty() && keys[Slot(hash)] == hash;
}

bool LineFrequencyTable::Shard::Bump(uint64_t hash, uint32_t by) {
  if (keys.empty()) Rehash(16, 0);
  size_t s = Slot(hash);
  if (keys[s] == hash) {
    counts[s] = (counts[s] > UINT32_MAX - by) ? UINT32_MAX : counts[s] + by;
    return false;
  }
  // Load 1/2, except at max_slots, where a shard fills to 3/4 before it
  // doubles: a full table's shards hold max_entries / 16 entries give or
  // take a few hundred (the keys are hashes), and half of them would
  // otherwise double, for 1.5 times the slots of one table.
  if (NeedsRoom()) {
    Rehash(2 * keys.size(), 0);
    s = Slot(hash);
  }
  // A new entry counts from here: counts are lower bounds (Prune).
  keys[s] = hash;
  counts[s] = by;
  ++size;
  return true;
}

void LineFrequencyTable::Bump(uint64_t hash, uint32_t by) {
  if (hash == 0) return;
  Shard& shard = shards_[ShardOf(hash)];
  if (size_ >= max_entries_ && !shard.Contains(hash)) Prune();
  size_ += shard.Bump(hash, by);
}

void LineFrequencyTable::Prune() {
  // Drop the entries seen in the fewest documents, at most half the table
  // kept: one histogram pass picks the smallest threshold that leaves room,
  // one rehash drops the entries at or below it. The threshold starts at 1
  // in every prune. A floor that only rises (lossy counting without its
  // per-entry deltas) made every later prune drop each line seen in fewer
  // documents than the number of prunes so far: after a few million
  // documents, a site whose pages come late in the stream could never get
  // its template counted. Here a line seen twice between two prunes stays,
  // unless the table is full of lines seen as often or more. Ties at a
  // threshold of 1 (lines seen once) are dropped together; at 2 and more,
  // the tied entries with the smallest keys fill the room left (keys are
  // hashes: an even-handed, input-order-free choice). Dropping them all
  // emptied the table when over half of it was lines in every document,
  // the very lines it is there to count.
  const size_t target = max_entries_ / 2;
  constexpr uint32_t kBuckets = 256;
  size_t histogram[kBuckets] = {};
  ForEachEntry([&](uint64_t, uint32_t count) { ++histogram[std::min(count, kBuckets - 1)]; });
  uint32_t threshold = 0;
  size_t keep = size_;  // entries with a count above the threshold
  // histogram[c] holds the entries of count c exactly for c < kBuckets - 1;
  // the last bucket lumps the larger counts together.
  while (keep > target && threshold + 2 < kBuckets) keep -= histogram[++threshold];
  if (keep > target) {
    // Counts of 255 and more fill the table: the threshold is the count of
    // rank target (0 = largest), so at most target entries lie above it, all
    // among the first target after the partition.
    std::vector<uint32_t> counts;
    counts.reserve(size_);
    ForEachEntry([&](uint64_t, uint32_t count) { counts.push_back(count); });
    const auto rank = counts.begin() + static_cast<std::ptrdiff_t>(target);
    std::nth_element(counts.begin(), rank, counts.end(), std::greater<uint32_t>());
    threshold = *rank;
    keep = static_cast<size_t>(std::count_if(counts.begin(), rank, [&](uint32_t c) { return c > threshold; }));
  }
  // keep: the entries above the threshold. Of those at it, the ones with the
  // smallest keys fill the room left (the threshold drops some of them).
  uint64_t keep_tied_below = 0;
  if (threshold >= 2 && keep < target) {
    const size_t room = target - keep;
    std::vector<uint64_t> tied;
    tied.reserve(threshold < kBuckets - 1 ? histogram[threshold] : 0);
    ForEachEntry([&](uint64_t key, uint32_t count) {
      if (count == threshold) tied.push_back(key);
    });
    if (room < tied.size()) {
      std::nth_element(tied.begin(), tied.begin() + static_cast<std::ptrdiff_t>(room), tied.end());
      keep_tied_below = tied[room];  // keys are distinct: exactly room of them are smaller
    } else {
      keep_tied_below = UINT64_MAX;  // cannot happen, but then all of them fit
    }
  }
  size_ = 0;
  for (Shard& shard : shards_) {
    if (shard.keys.empty()) continue;
    shard.Rehash(shard.keys.size(), threshold, keep_tied_below);
    // A shard that grew past its share (a long document's sorted keys come
    // one shard at a time) goes back to it when what it keeps fits: the
    // slots do not ratchet up prune after prune.
    if (shard.keys.size() > shard.max_slots && 2 * shard.size <= shard.max_slots) {
      shard.Rehash(shard.max_slots, 0);
    }
    size_ += shard.size;
  }
  prune_floor_ = std::max(prune_floor_, threshold);
}

std::vector<std::pair<uint64_t, uint32_t>> LineFrequencyTable::SortedEntries() const {
  std::vector<std::pair<uint64_t, uint32_t>> items;
  items.reserve(size_);
  ForEachEntry([&](uint64_t key, uint32_t count) { items.emplace_back(key, count); });
  std::sort(items.begin(), items.end());
  return items;
}

void LineFrequencyTable::AddLineHashes(const uint64_t* hashes, size_t n) {
  std::vector<uint64_t> storage;
  BumpAhead(
      SortedDistinct({hashes, n}, &storage), [&](uint64_t h) { Prefetch(h); }, [&](uint64_t h) { Bump(h, 1); });
  ++documents_;
}

void LineFrequencyTable::AddDocuments(std::span<const std::span<const uint64_t>> documents,
                                      const ParallelFor& parallel_for) {
  // Each document's keys sorted and distinct, so a shard's keys (its top
  // bits) are one run of them. Documents given so already are not copied.
  std::vector<std::vector<uint64_t>> storage(documents.size());  // copies of unsorted documents
  std::vector<std::span<const uint64_t>> docs(documents.size());
  for (size_t i = 0; i < docs.size(); ++i) docs[i] = SortedDistinct(documents[i], &storage[i]);
  // Runs of documents with at most max_entries / 2 keys, each after a prune
  // when its keys might not fit, so the table never holds more than
  // max_entries entries. A document with more keys than that is added key
  // by key, as AddLineHashes does. The runs depend on key counts only: the
  // same for any number of threads.
  const size_t room = max_entries_ / 2;
  for (size_t first = 0; first < docs.size();) {
    if (docs[first].size() > room) {
      AddLineHashes(docs[first].data(), docs[first].size());
      ++first;
      continue;
    }
    size_t last = first, keys = 0;
    while (last < docs.size() && keys + docs[last].size() <= room) keys += docs[last++].size();
    if (size_ + keys > max_entries_) Prune();
    AddRun(std::span(docs).subspan(first, last - first), parallel_for);
    first = last;
  }
}

void LineFrequencyTable::AddRun(std::span<const std::span<const uint64_t>> docs, const ParallelFor& parallel_for) {
  std::exception_ptr failed;  // the first exception of a shard task, rethrown after them all
  std::mutex failed_mutex;
  auto fill_shard = [&](size_t s) {
    try {
      // The shard's keys of the whole run, in document order, so the slots
      // are loaded a few keys ahead across documents (a shard gets about one
      // in 16 of a document's keys: too few to look ahead within one).
      std::vector<uint64_t> keys;
      for (const auto& d : docs) {
        const auto first = std::lower_bound(d.begin(), d.end(), uint64_t{s} << (64 - kShardBits));
        for (auto it = first; it != d.end() && ShardOf(*it) == s; ++it) {
          if (*it != 0) keys.push_back(*it);
        }
      }
      Shard& shard = shards_[s];
      BumpAhead(keys, [&](uint64_t h) { Prefetch(h); }, [&](uint64_t h) { shard.Bump(h, 1); });
    } catch (...) {
      std::lock_guard<std::mutex> lock(failed_mutex);
      if (!failed) failed = std::current_exception();
    }
  };
  if (parallel_for) {
    parallel_for(kShards, fill_shard);
  } else {
    for (size_t s = 0; s < kShards; ++s) fill_shard(s);
  }
  size_ = 0;
  for (const Shard& shard : shards_) size_ += shard.size;
  if (failed) std::rethrow_exception(failed);  // the shards hold what was added; documents_ does not count the run
  documents_ += docs.size();
}

void LineFrequencyTable::AddDocument(std::string_view document) {
  std::vector<uint64_t> keys;
  DocumentCorpusKeys(document, &keys);
  AddLineHashes(keys.data(), keys.size());
}

void LineFrequencyTable::Merge(const LineFrequencyTable& other) {
  // Sorted, so the result does not depend on the other table's hash order.
  for (const auto& [h, c] : other.SortedEntries()) Bump(h, c);
  documents_ += other.documents_;
  prune_floor_ = std::max(prune_floor_, other.prune_floor_);
}

uint32_t LineFrequencyTable::Count(uint64_t line_hash) const {
  const Shard& shard = shards_[ShardOf(line_hash)];
  if (line_hash == 0 || shard.keys.empty()) return 0;
  const size_t s = shard.Slot(line_hash);
  return shard.keys[s] == line_hash ? shard.counts[s] : 0;
}

uint32_t LineFrequencyTable::CountGroups(uint64_t line_hash,
                                         const uint64_t group_keys[kDocumentGroupKeys]) const {
  uint64_t keys[kDocumentGroupKeys];
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    keys[k] = LineGroupKey(group_keys[k], line_hash);  // 0 when the group key is 0
    Prefetch(keys[k]);  // eight independent cache misses, overlapped
  }
  const uint32_t all = Count(line_hash);
  uint32_t counts[kDocumentGroupKeys];
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) counts[k] = keys[k] ? Count(keys[k]) : 0;
  std::sort(counts, counts + kDocumentGroupKeys);
  uint32_t group = std::min(counts[kDocumentGroupKeys - kGroupKeysShared], all);
  return group == 0 ? all : all - group + 1;
}

std::string LineFrequencyTable::Save() const {
  const std::vector<std::pair<uint64_t, uint32_t>> items = SortedEntries();
  std::string out = "BHLF";
  AppendLE32(&out, kLineFrequencyFormatVersion);
  AppendLE64(&out, max_entries_);
  AppendLE64(&out, documents_);
  AppendLE32(&out, prune_floor_);
  AppendLE64(&out, items.size());
  out.reserve(out.size() + 12 * items.size());
  for (const auto& [h, c] : items) {
    AppendLE64(&out, h);
    AppendLE32(&out, c);
  }
  return out;
}

namespace {

Status BadTable(const std::string& what) {
  return Status(StatusCode::kParseError, "line frequency table: " + what);
}

}  // namespace

Status LineFrequencyTable::ReadHeader(std::string_view in, Header* out) {
  if (in.size() < 4 || in.substr(0, 4) != "BHLF") return BadTable("bad magic (not a BHLF file)");
  in.remove_prefix(4);
  Header h;
  if (!ReadLE32(&in, &h.version)) return BadTable("truncated header");
  if (h.version < 1 || h.version > kLineFrequencyFormatVersion) {
    return BadTable("unsupported format version " + std::to_string(h.version) + " (this library reads 1 to " +
                    std::to_string(kLineFrequencyFormatVersion) + ")");
  }
  if (!ReadLE64(&in, &h.max_entries) || !ReadLE64(&in, &h.documents) || !ReadLE32(&in, &h.prune_floor) ||
      !ReadLE64(&in, &h.entries)) {
    return BadTable("truncated header");
  }
  if (h.max_entries < 16) return BadTable("max_entries below 16");
  if (h.entries > h.max_entries) return BadTable("more entries than max_entries");
  *out = h;
  return Status::Ok();
}

Status LineFrequencyTable::Load(std::string_view in, LineFrequencyTable* out) {
  Header header;
  if (Status s = ReadHeader(in, &header); !s.ok()) return s;
  in.remove_prefix(kHeaderBytes);
  const uint64_t n = header.entries, max_entries = header.max_entries, documents = header.documents;
  const uint32_t floor = header.prune_floor;
  if (in.size() != n * 12 || n > in.size()) return BadTable("size does not match the entry count");
  LineFrequencyTable t(static_cast<size_t>(max_entries));
  t.documents_ = documents;
  t.prune_floor_ = floor;
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    uint32_t c = 0;
    ReadLE64(&in, &h);
    ReadLE32(&in, &c);
    if (h == 0 || (i > 0 && h <= prev)) return BadTable("entries not sorted or zero hash");
    if (c == 0) return BadTable("an entry with count 0");  // Save writes none; Prune would count it as kept
    // A line is counted once per document: more documents than the table
    // saw means a corrupt or hand-made file, whose counts would mislead.
    if (c > documents) return BadTable("an entry counted in more documents than the table has");
    prev = h;
    t.size_ += t.shards_[ShardOf(h)].Bump(h, c);  // sorted: each key is new
  }
  *out = std::move(t);
  return Status::Ok();
}

}  // namespace boilerhash
