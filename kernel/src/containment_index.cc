// Stage 6d: size-partitioned LSH for containment (definition in the header).
#include "boilerhash/containment_index.h"

#include <algorithm>
#include <bit>
#include <string>

namespace boilerhash {

const std::vector<double>& ContainmentIndex::Ladder() {
  static const std::vector<double> ladder = {0.8, 0.6, 0.45, 0.3, 0.2, 0.1, 0.05};
  return ladder;
}

ContainmentIndex::ContainmentIndex(uint32_t k) : k_(k) {}

static int PartitionOf(size_t set_size) {
  return set_size == 0 ? 0 : static_cast<int>(std::bit_width(set_size)) - 1;
}

Status ContainmentIndex::Insert(uint32_t doc, std::span<const uint32_t> signature, size_t set_size) {
  // Checked here, before any level: each level's bands take a prefix of
  // the signature, so a short one would enter some levels and not others.
  if (k_ == 0 || signature.size() < k_) {
    return Status(StatusCode::kInvalidArgument, "containment index: signature of " +
                                                    std::to_string(signature.size()) + " values, index k " +
                                                    std::to_string(k_));
  }
  Partition& part = partitions_[PartitionOf(set_size)];
  if (part.levels.empty()) {
    for (double t : Ladder()) {
      part.levels.push_back(std::make_unique<LshIndex>(OptimalLshParams(t, k_), k_));
    }
  }
  for (auto& level : part.levels) {
    if (Status s = level->Insert(doc, signature); !s.ok()) return s;
  }
  return Status();
}

void ContainmentIndex::Query(std::span<const uint32_t> signature, size_t set_size,
                             double threshold, std::vector<uint32_t>* out) const {
  const size_t first = out->size();
  const double q = static_cast<double>(set_size);
  const double tq = threshold * q;
  const auto& ladder = Ladder();
  for (const auto& [p, part] : partitions_) {
    const double upper = static_cast<double>((uint64_t{2} << p) - 1);  // largest size in p
    if (upper < tq) continue;  // too small to hold t*q shared shingles
    // Lowest Jaccard a contained pair can have here: |X| <= upper.
    const double jaccard_floor = tq / (q + upper - tq);
    size_t level = ladder.size() - 1;
    for (size_t i = 0; i < ladder.size(); ++i) {
      if (ladder[i] <= jaccard_floor) { level = i; break; }
    }
    std::vector<uint32_t> found;
    part.levels[level]->Query(signature, &found);
    out->insert(out->end(), found.begin(), found.end());
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

size_t ContainmentIndex::MemoryBytes() const {
  size_t bytes = 0;
  for (const auto& [p, part] : partitions_)
    for (const auto& level : part.levels) bytes += level->MemoryBytes();
  return bytes;
}

}  // namespace boilerhash
