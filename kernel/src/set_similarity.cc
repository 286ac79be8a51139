// Exact Jaccard and containment over sorted shingle sets (merge walks).
#include "boilerhash/set_similarity.h"

#include <algorithm>

#include "per_thread.h"
#include "sort_keys.h"

namespace boilerhash {

std::vector<uint64_t> ShingleSet(std::span<const uint64_t> hashes) {
  std::vector<uint64_t> set(hashes.begin(), hashes.end());
  internal::SortKeys(set.data(), set.size());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

namespace {
struct DistinctTable {  // CountDistinct's open-addressing slots (per_thread.h)
  std::vector<uint64_t> slots;
};
}  // namespace

size_t CountDistinct(std::span<const uint64_t> hashes) {
  if (hashes.size() < 2) return hashes.size();
  size_t capacity = 16;
  while (capacity < 2 * hashes.size()) capacity *= 2;
  std::vector<uint64_t>& table = internal::PerThread<DistinctTable>().slots;
  // Slot value 0 means empty, so the value 0 is counted on the side.
  table.assign(capacity, 0);
  const size_t mask = capacity - 1;
  size_t distinct = 0;
  bool seen_zero = false;
  for (uint64_t h : hashes) {
    if (h == 0) { seen_zero = true; continue; }
    for (size_t slot = (h ^ (h >> 29)) & mask;; slot = (slot + 1) & mask) {
      if (table[slot] == h) break;
      if (table[slot] == 0) {
        table[slot] = h;
        ++distinct;
        break;
      }
    }
  }
  return distinct + seen_zero;
}

static size_t IntersectionSize(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++common; ++i; ++j; }
  }
  return common;
}

double ExactJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  const size_t common = IntersectionSize(a, b);
  const size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

double ExactContainment(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  if (a.empty()) return 0.0;
  return static_cast<double>(IntersectionSize(a, b)) / static_cast<double>(a.size());
}

double ContainmentFromJaccard(double jaccard, size_t size_a, size_t size_b) {
  if (size_a == 0 || !(jaccard > 0)) return 0.0;  // NaN too: std::clamp passes it through
  const double inter = jaccard * static_cast<double>(size_a + size_b) / (1.0 + jaccard);
  return std::clamp(inter / static_cast<double>(size_a), 0.0, 1.0);
}

}  // namespace boilerhash
