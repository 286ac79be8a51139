// Stage 6c: SimHash Hamming search over pigeonhole block tables.
#include "boilerhash/simhash_index.h"

#include <algorithm>

#include "boilerhash/simhash.h"

namespace boilerhash {

SimHashBlocks::SimHashBlocks(int max_distance) : d_(std::clamp(max_distance, 0, 4)) {
  const int blocks = d_ + 1;
  int shift = 0;
  for (int b = 0; b < blocks; ++b) {
    const int width = 64 / blocks + (b < 64 % blocks ? 1 : 0);
    blocks_.emplace_back(shift, width);
    shift += width;
  }
}

uint64_t SimHashBlocks::Key(int block, uint64_t fingerprint) const {
  const auto [shift, width] = blocks_[static_cast<size_t>(block)];
  const uint64_t mask = width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  return (fingerprint >> shift) & mask;
}

bool SimHashBlocks::FirstSharedBlock(int block, uint64_t a, uint64_t b) const {
  for (int earlier = 0; earlier < block; ++earlier) {
    if (Key(earlier, a) == Key(earlier, b)) return false;
  }
  return true;
}

SimHashIndex::SimHashIndex(int max_distance) : blocks_(max_distance) {
  tables_.resize(static_cast<size_t>(blocks_.count()));
}

void SimHashIndex::Insert(uint32_t doc, uint64_t fingerprint) {
  if (const auto it = fingerprints_.find(doc); it != fingerprints_.end()) {
    if (it->second == fingerprint) return;
    // Inserted again with another fingerprint: its old entries go, or every
    // re-insert would leave one more behind for queries to walk past.
    for (int b = 0; b < blocks_.count(); ++b) {
      auto& table = tables_[static_cast<size_t>(b)];
      const auto bucket = table.find(blocks_.Key(b, it->second));
      std::erase_if(bucket->second, [&](const Entry& e) { return e.doc == doc; });
      if (bucket->second.empty()) table.erase(bucket);  // nor an empty bucket per re-insert
    }
  }
  fingerprints_[doc] = fingerprint;
  for (int b = 0; b < blocks_.count(); ++b) {
    tables_[static_cast<size_t>(b)][blocks_.Key(b, fingerprint)].push_back({fingerprint, doc});
  }
}

void SimHashIndex::Query(uint64_t fingerprint, std::vector<uint32_t>* out) const {
  const size_t first = out->size();
  for (int b = 0; b < blocks_.count(); ++b) {
    const auto& table = tables_[static_cast<size_t>(b)];
    const auto it = table.find(blocks_.Key(b, fingerprint));
    if (it == table.end()) continue;
    for (const Entry& e : it->second) {
      // Each document once: from the first block it shares with the query.
      if (HammingDistance(e.fingerprint, fingerprint) <= blocks_.max_distance() &&
          blocks_.FirstSharedBlock(b, e.fingerprint, fingerprint)) {
        out->push_back(e.doc);
      }
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
}

}  // namespace boilerhash
