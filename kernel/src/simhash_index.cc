// Stage 6c: SimHash Hamming search over pigeonhole block tables.
#include "boilerhash/simhash_index.h"

#include <algorithm>

#include "boilerhash/simhash.h"

namespace boilerhash {

SimHashIndex::SimHashIndex(int max_distance) : d_(std::clamp(max_distance, 0, 4)) {
  const int blocks = d_ + 1;
  int shift = 0;
  for (int b = 0; b < blocks; ++b) {
    const int width = 64 / blocks + (b < 64 % blocks ? 1 : 0);
    blocks_.emplace_back(shift, width);
    shift += width;
  }
  tables_.resize(static_cast<size_t>(blocks));
}

uint64_t SimHashIndex::BlockKey(int block, uint64_t fingerprint) const {
  const auto [shift, width] = blocks_[static_cast<size_t>(block)];
  const uint64_t mask = width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  return (fingerprint >> shift) & mask;
}

void SimHashIndex::Insert(uint32_t doc, uint64_t fingerprint) {
  fingerprints_[doc] = fingerprint;
  for (int b = 0; b <= d_; ++b) tables_[static_cast<size_t>(b)][BlockKey(b, fingerprint)].push_back(doc);
}

void SimHashIndex::Query(uint64_t fingerprint, std::vector<uint32_t>* out) const {
  const size_t first = out->size();
  for (int b = 0; b <= d_; ++b) {
    const auto& table = tables_[static_cast<size_t>(b)];
    const auto it = table.find(BlockKey(b, fingerprint));
    if (it == table.end()) continue;
    for (uint32_t doc : it->second) {
      if (HammingDistance(fingerprints_.at(doc), fingerprint) <= d_) out->push_back(doc);
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

}  // namespace boilerhash
