// Stage: line frequency across a corpus (corpus_stats.h).
#include "boilerhash/corpus_stats.h"

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "boilerhash/line_features.h"

namespace boilerhash {
namespace {

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= uint32_t{static_cast<unsigned char>((*in)[i])} << (8 * i);
  in->remove_prefix(4);
  return true;
}
bool GetU64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i) *v |= uint64_t{static_cast<unsigned char>((*in)[i])} << (8 * i);
  in->remove_prefix(8);
  return true;
}

}  // namespace

namespace {
// What LineHash keeps of each byte: 0 = dropped, else the byte to hash
// (ASCII lower-cased; digits kept or folded to '0'; non-ASCII kept).
struct HashMap256 {
  unsigned char keep[2][256] = {};
  constexpr HashMap256() {
    for (int f = 0; f < 2; ++f) {
      for (int c = 0; c < 256; ++c) {
        unsigned char k = 0;
        if (c >= 'A' && c <= 'Z') k = static_cast<unsigned char>(c + 32);
        else if ((c >= 'a' && c <= 'z') || c >= 0x80) k = static_cast<unsigned char>(c);
        else if (c >= '0' && c <= '9') k = f ? '0' : static_cast<unsigned char>(c);
        keep[f][c] = k;
      }
    }
  }
};
constexpr HashMap256 kHashMap;
}  // namespace

uint64_t LineHash(std::string_view line, bool fold_digits) {
  const unsigned char* keep = kHashMap.keep[fold_digits ? 1 : 0];
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  // XXH3's streaming and one-shot forms give the same value for the same
  // bytes, so a line that fits the buffer is hashed in one call (the
  // streaming state's reset and digest cost more than a short line's hash).
  char buf[512];
  if (line.size() <= sizeof(buf)) {
    size_t n = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      const unsigned char k = keep[p[i]];
      buf[n] = static_cast<char>(k);
      n += k != 0;
    }
    if (n == 0) return 0;
    const uint64_t h = XXH3_64bits(buf, n);
    return h ? h : 1;
  }
  size_t n = 0;
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  bool any = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char k = keep[p[i]];
    if (!k) continue;
    buf[n++] = static_cast<char>(k);
    any = true;
    if (n == sizeof(buf)) {
      XXH3_64bits_update(&state, buf, n);
      n = 0;
    }
  }
  if (!any) return 0;
  XXH3_64bits_update(&state, buf, n);
  const uint64_t h = XXH3_64bits_digest(&state);
  return h ? h : 1;
}

LineFrequencyTable::LineFrequencyTable(size_t max_entries) : max_entries_(std::max<size_t>(max_entries, 16)) {}

void LineFrequencyTable::Bump(uint64_t hash, uint32_t by) {
  if (hash == 0) return;
  auto it = counts_.find(hash);
  if (it != counts_.end()) {
    it->second = (it->second > UINT32_MAX - by) ? UINT32_MAX : it->second + by;
    return;
  }
  if (counts_.size() >= max_entries_) Prune();
  // A new entry starts above the floor it could have lost (lossy counting).
  counts_.emplace(hash, by);
}

void LineFrequencyTable::Prune() {
  // Drop entries at or below the floor until there is room (raising the floor).
  while (counts_.size() >= max_entries_) {
    ++prune_floor_;
    for (auto it = counts_.begin(); it != counts_.end();) {
      it = it->second <= prune_floor_ ? counts_.erase(it) : std::next(it);
    }
  }
}

void LineFrequencyTable::AddLineHashes(const uint64_t* hashes, size_t n) {
  std::vector<uint64_t> distinct(hashes, hashes + n);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (uint64_t h : distinct) Bump(h, 1);
  ++documents_;
}

uint64_t LinePairKey(uint64_t previous_line_hash, uint64_t line_hash) {
  uint8_t bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<uint8_t>(previous_line_hash >> (8 * i));
    bytes[8 + i] = static_cast<uint8_t>(line_hash >> (8 * i));
  }
  const uint64_t key = XXH3_64bits_withSeed(bytes, sizeof bytes, 0x70616972);
  return key ? key : 1;  // 0 means "not counted"
}

void DocumentCorpusKeys(std::string_view document, std::vector<uint64_t>* keys) {
  keys->clear();
  uint64_t previous = 0;
  for (const LineSpan& s : SplitLines(document)) {
    const uint64_t h = LineHash(document.substr(s.begin, s.end - s.begin));
    if (h == 0) continue;
    keys->push_back(h);
    keys->push_back(LinePairKey(previous, h));
    previous = h;
  }
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

void LineFrequencyTable::AddDocument(std::string_view document) {
  std::vector<uint64_t> keys;
  DocumentCorpusKeys(document, &keys);
  AddLineHashes(keys.data(), keys.size());
}

void LineFrequencyTable::Merge(const LineFrequencyTable& other) {
  // Sorted, so the result does not depend on the other table's hash order.
  std::vector<std::pair<uint64_t, uint32_t>> items(other.counts_.begin(), other.counts_.end());
  std::sort(items.begin(), items.end());
  for (const auto& [h, c] : items) Bump(h, c);
  documents_ += other.documents_;
  prune_floor_ = std::max(prune_floor_, other.prune_floor_);
}

uint32_t LineFrequencyTable::Count(uint64_t line_hash) const {
  auto it = counts_.find(line_hash);
  return it == counts_.end() ? 0 : it->second;
}

std::string LineFrequencyTable::Save() const {
  std::vector<std::pair<uint64_t, uint32_t>> items(counts_.begin(), counts_.end());
  std::sort(items.begin(), items.end());
  std::string out = "BHLF";
  PutU32(&out, kLineFrequencyFormatVersion);
  PutU64(&out, max_entries_);
  PutU64(&out, documents_);
  PutU32(&out, prune_floor_);
  PutU64(&out, items.size());
  out.reserve(out.size() + 12 * items.size());
  for (const auto& [h, c] : items) {
    PutU64(&out, h);
    PutU32(&out, c);
  }
  return out;
}

Status LineFrequencyTable::Load(std::string_view in, LineFrequencyTable* out) {
  auto bad = [](const std::string& what) {
    return Status(StatusCode::kParseError, "line frequency table: " + what);
  };
  if (in.size() < 4 || in.substr(0, 4) != "BHLF") return bad("bad magic (not a BHLF file)");
  in.remove_prefix(4);
  uint32_t version = 0, floor = 0;
  uint64_t max_entries = 0, documents = 0, n = 0;
  if (!GetU32(&in, &version)) return bad("truncated header");
  if (version != kLineFrequencyFormatVersion) {
    return bad("unsupported format version " + std::to_string(version) + " (this library reads " +
               std::to_string(kLineFrequencyFormatVersion) + ")");
  }
  if (!GetU64(&in, &max_entries) || !GetU64(&in, &documents) || !GetU32(&in, &floor) || !GetU64(&in, &n)) {
    return bad("truncated header");
  }
  if (in.size() != n * 12 || n > in.size()) return bad("size does not match the entry count");
  if (n > max_entries || max_entries < 16) return bad("more entries than max_entries");
  LineFrequencyTable t(static_cast<size_t>(max_entries));
  t.documents_ = documents;
  t.prune_floor_ = floor;
  t.counts_.reserve(static_cast<size_t>(n));
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    uint32_t c = 0;
    GetU64(&in, &h);
    GetU32(&in, &c);
    if (h == 0 || (i > 0 && h <= prev)) return bad("entries not sorted or zero hash");
    prev = h;
    t.counts_.emplace(h, c);
  }
  *out = std::move(t);
  return Status::Ok();
}

}  // namespace boilerhash
