#include "boilerhash/minhash.h"

#include <cmath>

#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::RandomSet;

TEST(MinHash, EveryTargetMatchesReference) {
  std::mt19937_64 rng(1);
  std::vector<std::vector<uint64_t>> sets;
  for (size_t n : {0, 1, 2, 3, 7, 8, 9, 31, 100, 1000, 4097}) sets.push_back(RandomSet(rng, n));
  ForEachTarget([&](const std::string&) {
    for (uint32_t k : {1u, 3u, 16u, 63u, 64u, 100u, 128u, 256u}) {
      for (uint64_t seed : {uint64_t{1}, uint64_t{0xDEADBEEF}}) {
        const MinHasher hasher({k, seed});
        for (const auto& s : sets) {
          const auto expected = s.empty() ? std::vector<uint32_t>(k, kEmptySlot)
                                          : reference::MinHash(s, k, seed);
          ASSERT_EQ(hasher.Sign(s), expected) << "k=" << k << " n=" << s.size();
        }
      }
    }
  });
}

TEST(MinHash, EmptyAndOrderIndependence) {
  const MinHasher hasher;
  EXPECT_EQ(hasher.k(), 128u);
  EXPECT_TRUE(IsEmptySignature(hasher.Sign({})));
  std::vector<uint64_t> a = {5, 9, 1, 5, 77};
  std::vector<uint64_t> b = {77, 1, 9, 5};  // same set, other order, no duplicate
  EXPECT_EQ(hasher.Sign(a), hasher.Sign(b));
  EXPECT_FALSE(IsEmptySignature(hasher.Sign(a)));
  EXPECT_EQ(MinHasher({0, 1}).k(), 1u);
}

// Over 2,000 set pairs with known Jaccard J in [0.1, 0.95], the estimator is
// unbiased (mean error within 0.005) and its spread is the binomial one,
// sqrt(J(1-J)/k), within 10%.
TEST(MinHash, EstimatorIsUnbiasedWithBinomialSpread) {
  constexpr uint32_t k = 128;
  const MinHasher hasher({k, 42});
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> jdist(0.1, 0.95);
  double sum_err = 0, sum_z2 = 0;
  constexpr int kPairs = 2000;
  for (int i = 0; i < kPairs; ++i) {
    const size_t uni = 200 + rng() % 300;
    const size_t common = static_cast<size_t>(std::lround(jdist(rng) * static_cast<double>(uni)));
    const size_t only_a = (uni - common) / 2, only_b = uni - common - only_a;
    const double j = static_cast<double>(common) / static_cast<double>(uni);
    auto shared = RandomSet(rng, common);
    auto a = shared, b = shared;
    for (uint64_t x : RandomSet(rng, only_a)) a.push_back(x);
    for (uint64_t x : RandomSet(rng, only_b)) b.push_back(x);
    const double est = EstimateJaccard(hasher.Sign(a), hasher.Sign(b));
    sum_err += est - j;
    sum_z2 += (est - j) * (est - j) / (j * (1 - j) / k);
  }
  const double mean_err = sum_err / kPairs;
  const double spread_ratio = std::sqrt(sum_z2 / kPairs);
  EXPECT_LT(std::abs(mean_err), 0.005) << mean_err;
  EXPECT_GT(spread_ratio, 0.9);
  EXPECT_LT(spread_ratio, 1.1);
  RecordProperty("mean_error", std::to_string(mean_err));
  RecordProperty("spread_ratio", std::to_string(spread_ratio));
}

TEST(MinHash, KeysAreSplitMix64) {
  // SplitMix64 seeded with 0: first output 0xE220A8397B1DCDAF.
  EXPECT_EQ(MinHashKeys(1, 0)[0], 0x7B1DCDAFu);
}

}  // namespace
}  // namespace boilerhash
