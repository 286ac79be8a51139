// FoldShingleMins (the group keys' min-hash fold) on every SIMD target
// against reference::FoldGroupShingles: vector lanes, the scalar tail and
// the hand-off between them must give the reference's minima bit for bit.
#include "group_key_fold.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(GroupKeyFold, MatchesReferenceOnEveryTarget) {
  std::mt19937_64 rng(11);
  ForEachTarget([&](const std::string&) {
    // 5 words: one shingle; 12 and 13: one vector of 8 and a tail; long lines.
    for (size_t n : {5, 6, 8, 11, 12, 13, 19, 20, 21, 64, 100, 1000}) {
      for (int trial = 0; trial < 20; ++trial) {
        std::vector<uint64_t> words(n);
        for (auto& w : words) w = trial % 4 == 0 ? rng() % 4 : rng();  // repeated words too
        uint64_t start[kDocumentGroupKeys];
        for (auto& b : start) b = trial % 2 ? UINT64_MAX : rng();  // earlier lines' minima
        uint64_t got[kDocumentGroupKeys], want[kDocumentGroupKeys];
        std::copy(start, start + kDocumentGroupKeys, got);
        std::copy(start, start + kDocumentGroupKeys, want);
        const size_t shingles = internal::FoldShingleMins(words.data(), n, got);
        EXPECT_EQ(shingles, reference::FoldGroupShingles(words, want));
        EXPECT_EQ(shingles, n - 4);
        for (size_t k = 0; k < kDocumentGroupKeys; ++k) ASSERT_EQ(got[k], want[k]) << "n " << n << " key " << k;
      }
    }
  });
}

TEST(GroupKeyFold, FoldsIntoEarlierMinima) {
  // A smaller earlier minimum survives; the fold only lowers.
  std::vector<uint64_t> words(40);
  std::iota(words.begin(), words.end(), 1);
  uint64_t fresh[kDocumentGroupKeys], low[kDocumentGroupKeys];
  std::fill(fresh, fresh + kDocumentGroupKeys, UINT64_MAX);
  std::fill(low, low + kDocumentGroupKeys, 3);
  internal::FoldShingleMins(words.data(), words.size(), fresh);
  internal::FoldShingleMins(words.data(), words.size(), low);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    EXPECT_LT(fresh[k], UINT64_MAX);
    EXPECT_EQ(low[k], std::min<uint64_t>(3, fresh[k]));
  }
}

}  // namespace
}  // namespace boilerhash
