// SortKeys (vqsort) against std::sort on every SIMD target: the corpus
// pass's keys and the clustering's bucket order must not depend on the target.
#include "sort_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "test_util.h"

namespace boilerhash {
namespace {
using internal::Key128;
using internal::SortKeys;

bool Less(uint64_t a, uint64_t b) { return a < b; }
bool Less(uint32_t a, uint32_t b) { return a < b; }
bool Less(const Key128& a, const Key128& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

// Shapes a sort can get wrong: tiny, around vector and base-case sizes,
// large; random, few distinct values, sorted, reversed, all equal.
template <typename T, typename Make>
std::vector<std::vector<T>> Inputs(Make make) {
  std::mt19937_64 rng(7);
  std::vector<std::vector<T>> out;
  for (size_t n : {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 65, 129, 257, 400, 1000, 4097, 100000}) {
    std::vector<T> random(n), few(n);
    for (auto& x : random) x = make(rng(), rng());
    for (auto& x : few) x = make(rng() % 3, rng() % 2);
    std::vector<T> sorted = random;
    std::sort(sorted.begin(), sorted.end(), [](const T& a, const T& b) { return Less(a, b); });
    std::vector<T> reversed(sorted.rbegin(), sorted.rend());
    std::vector<T> equal(n, make(42, 42));
    for (auto* v : {&random, &few, &sorted, &reversed, &equal}) out.push_back(*v);
  }
  return out;
}

template <typename T, typename Make>
void ExpectSameAsStdSort(Make make) {
  for (const std::vector<T>& input : Inputs<T>(make)) {
    std::vector<T> expected = input;
    std::sort(expected.begin(), expected.end(), [](const T& a, const T& b) { return Less(a, b); });
    std::vector<T> got = input;
    SortKeys(got.data(), got.size());
    ASSERT_TRUE(got == expected) << "n = " << input.size();
  }
}

TEST(SortKeys, U64MatchesStdSortOnEveryTarget) {
  ForEachTarget([](const std::string&) { ExpectSameAsStdSort<uint64_t>([](uint64_t a, uint64_t) { return a; }); });
}

TEST(SortKeys, U32MatchesStdSortOnEveryTarget) {
  ForEachTarget([](const std::string&) {
    ExpectSameAsStdSort<uint32_t>([](uint64_t a, uint64_t) { return static_cast<uint32_t>(a); });
  });
}

TEST(SortKeys, Key128OrdersByHighThenLowOnEveryTarget) {
  ForEachTarget([](const std::string&) {
    ExpectSameAsStdSort<Key128>([](uint64_t a, uint64_t b) { return Key128{b, a}; });
  });
  // The order the clustering relies on: hi first.
  std::vector<Key128> v = {{1, 2}, {0, 3}, {5, 1}, {0, 1}};
  SortKeys(v.data(), v.size());
  EXPECT_TRUE((v == std::vector<Key128>{{0, 1}, {5, 1}, {1, 2}, {0, 3}}));
}

}  // namespace
}  // namespace boilerhash
