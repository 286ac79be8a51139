// All near-duplicate pairs in one call (near_pairs.h) against their
// definitions: for MinHash, the loop over an LshIndex that a caller would
// write (insert all, query each, verify the candidates); for SimHash, every
// pair compared by popcount. Plus the C API's layout, buffer and argument
// rules.
#include "boilerhash/near_pairs.h"

#include <algorithm>
#include <random>

#include "boilerhash/boilerhash.h"
#include "boilerhash/minhash.h"
#include "boilerhash/simhash.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::RandomSet;

// n documents in families of near-duplicates: each family shares a base set,
// and each member swaps a random share (0..25%) of it for fresh elements.
// Every ninth document is empty (an empty signature).
std::vector<uint32_t> FamilySignatures(std::mt19937_64& rng, size_t n, size_t k) {
  const MinHasher hasher({static_cast<uint32_t>(k), 7});
  std::vector<uint32_t> sigs(n * k);
  std::vector<uint64_t> base;
  for (size_t d = 0; d < n; ++d) {
    if (d % 5 == 0) base = RandomSet(rng, 50 + rng() % 300);
    std::vector<uint64_t> set;
    if (d % 9 != 4) {
      set = base;
      const size_t swaps = set.size() * (rng() % 26) / 100;
      for (size_t s = 0; s < swaps; ++s) set[rng() % set.size()] = rng();
    }
    hasher.Sign(set, sigs.data() + d * k);
  }
  return sigs;
}

std::vector<NearPair> PairsByIndexLoop(const std::vector<uint32_t>& sigs, size_t k, double threshold) {
  const size_t n = sigs.size() / k;
  const LshParams params = OptimalLshParams(threshold, static_cast<uint32_t>(k));
  LshIndex index(params, static_cast<uint32_t>(k));
  auto sig = [&](size_t d) { return std::span<const uint32_t>(sigs).subspan(d * k, k); };
  for (size_t d = 0; d < n; ++d) {
    if (!IsEmptySignature(sig(d))) EXPECT_TRUE(index.Insert(static_cast<uint32_t>(d), sig(d)).ok());
  }
  std::vector<NearPair> pairs;
  std::vector<uint32_t> found;
  for (size_t d = 0; d < n; ++d) {
    if (IsEmptySignature(sig(d))) continue;
    found.clear();
    index.Query(sig(d), &found);
    for (uint32_t e : found) {
      if (e > d && EstimateJaccard(sig(d), sig(e)) >= threshold) pairs.push_back({static_cast<uint32_t>(d), e});
    }
  }
  return pairs;
}

TEST(MinHashPairs, EqualsTheIndexLoopAtSeveralThresholds) {
  std::mt19937_64 rng(2026);
  constexpr size_t kK = 128;
  const std::vector<uint32_t> sigs = FamilySignatures(rng, 400, kK);
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    const std::vector<NearPair> expected = PairsByIndexLoop(sigs, kK, t);
    EXPECT_GT(expected.size(), 10u) << t;  // the families give real pairs
    EXPECT_EQ(MinHashPairs(sigs, kK, t), expected) << t;
  }
}

TEST(MinHashPairs, EmptySignaturesPairWithNothing) {
  constexpr size_t kK = 64;
  std::vector<uint32_t> sigs(4 * kK, kEmptySlot);  // four empty documents
  EXPECT_TRUE(MinHashPairs(sigs, kK, 0.8).empty());
  std::fill(sigs.begin() + kK, sigs.begin() + 3 * kK, 5u);  // documents 1 and 2 equal, not empty
  EXPECT_EQ(MinHashPairs(sigs, kK, 0.8), (std::vector<NearPair>{{1, 2}}));
  EXPECT_TRUE(MinHashPairs({}, kK, 0.8).empty());
}

TEST(SimHashPairs, EqualsEveryPairByPopcount) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> fps;
  for (int f = 0; f < 60; ++f) {
    const uint64_t base = rng();
    for (int m = 0; m < 5; ++m) {
      uint64_t x = base;
      for (int flips = static_cast<int>(rng() % 7); flips > 0; --flips) x ^= uint64_t{1} << (rng() % 64);
      fps.push_back(x);
    }
  }
  for (int d = 0; d <= 4; ++d) {
    std::vector<NearPair> expected;
    for (uint32_t a = 0; a < fps.size(); ++a) {
      for (uint32_t b = a + 1; b < fps.size(); ++b) {
        if (HammingDistance(fps[a], fps[b]) <= d) expected.push_back({a, b});
      }
    }
    EXPECT_GT(expected.size(), 3u) << d;  // d = 0: members with no bit flipped
    EXPECT_EQ(SimHashPairs(fps, d), expected) << d;
  }
}

TEST(NearPairsCApi, LayoutBufferAndArguments) {
  std::mt19937_64 rng(11);
  constexpr size_t kK = 128;
  const std::vector<uint32_t> sigs = FamilySignatures(rng, 100, kK);
  const std::vector<NearPair> expected = MinHashPairs(sigs, kK, 0.8);
  ASSERT_GT(expected.size(), 2u);
  size_t count = 0;
  // Too small: the count still comes back, nothing is written past the cap.
  std::vector<uint32_t> out(2 * expected.size() + 2, 0xABCDu);
  EXPECT_EQ(bh_minhash_pairs(sigs.data(), 100, kK, 0.8, out.data(), 1, &count), BH_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, expected.size());
  EXPECT_EQ(out[2], 0xABCDu);
  ASSERT_EQ(bh_minhash_pairs(sigs.data(), 100, kK, 0.8, out.data(), expected.size(), &count), BH_OK);
  ASSERT_EQ(count, expected.size());
  for (size_t i = 0; i < count; ++i) {
    EXPECT_EQ(out[2 * i], expected[i].a);
    EXPECT_EQ(out[2 * i + 1], expected[i].b);
  }
  EXPECT_EQ(bh_minhash_pairs(nullptr, 0, kK, 0.8, nullptr, 0, &count), BH_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(bh_minhash_pairs(sigs.data(), 100, 0, 0.8, out.data(), 1, &count), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_minhash_pairs(sigs.data(), 100, kK, 1.5, out.data(), 1, &count), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_minhash_pairs(sigs.data(), 100, kK, 0.8, nullptr, 1, &count), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_minhash_pairs(sigs.data(), 100, kK, 0.8, out.data(), 1, nullptr), BH_INVALID_ARGUMENT);

  const uint64_t fps[4] = {0, 1, 0xFF, 3};  // distances: 0-1: 1, 0-3: 2, 1-3: 1, 0xFF to any: >= 6
  uint32_t pairs[8];
  ASSERT_EQ(bh_simhash_pairs(fps, 4, 2, pairs, 4, &count), BH_OK);
  ASSERT_EQ(count, 3u);
  const uint32_t want[6] = {0, 1, 0, 3, 1, 3};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(pairs[i], want[i]) << i;
  ASSERT_EQ(bh_simhash_pairs(fps, 4, 0, pairs, 4, &count), BH_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(bh_simhash_pairs(fps, 4, 5, pairs, 4, &count), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_simhash_pairs(fps, 4, -1, pairs, 4, &count), BH_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace boilerhash
