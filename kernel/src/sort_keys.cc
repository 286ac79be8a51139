// Integer key sorting over hwy::Sorter (sort_keys.h).
#include "sort_keys.h"

#include <algorithm>
#include <cstddef>
#include <functional>

#include <hwy/base.h>
#include <hwy/contrib/sort/vqsort.h>

#include "dispatch.h"

namespace boilerhash::internal {
namespace {
static_assert(sizeof(Key128) == sizeof(hwy::uint128_t) && alignof(Key128) == alignof(hwy::uint128_t));
static_assert(offsetof(Key128, lo) == offsetof(hwy::uint128_t, lo) &&
              offsetof(Key128, hi) == offsetof(hwy::uint128_t, hi));

// A Sorter allocates its buffer once: one per thread, reused by every sort.
const hwy::Sorter& ThreadSorter() {
  thread_local const hwy::Sorter sorter;
  return sorter;
}

template <typename T, typename Less = std::less<T>>
void Sort(T* keys, size_t n, Less less = Less()) {
  if (n < 2) return;
  // vqsort has no vector code without SIMD (a CPU without SSSE3 or NEON, or
  // BOILERHASH_FORCE_TARGET=SCALAR): it falls back to a heapsort for 32-
  // and 64-bit keys and aborts for 128-bit ones. std::sort serves those.
  if (!VectorTargetActive()) {
    std::sort(keys, keys + n, less);
    return;
  }
  ThreadSorter()(keys, n, hwy::SortAscending());
}
}  // namespace

void SortKeys(uint64_t* keys, size_t n) { Sort(keys, n); }
void SortKeys(uint32_t* keys, size_t n) { Sort(keys, n); }

void SortKeys(Key128* keys, size_t n) {
  Sort(reinterpret_cast<hwy::uint128_t*>(keys), n, [](const hwy::uint128_t& a, const hwy::uint128_t& b) {
    return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
  });
}

}  // namespace boilerhash::internal
