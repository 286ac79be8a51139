#include "boilerhash/simhash.h"

#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(SimHash, EveryTargetMatchesReference) {
  std::mt19937_64 rng(5);
  ForEachTarget([&](const std::string&) {
    for (size_t n : {0, 1, 2, 3, 4, 5, 63, 64, 65, 1000, 5001}) {
      std::vector<uint64_t> h(n);
      for (auto& x : h) x = rng();
      ASSERT_EQ(SimHash(h), reference::SimHash(h)) << n;
    }
  });
}

// The SIMD kernels count votes in byte-wide counters flushed every 255
// hashes: runs of one hash around and past that length (random hashes
// never fill a counter) and a majority decided by a single vote.
TEST(SimHash, RunsOfOneHashPastTheByteCounters) {
  const uint64_t h = 0xA5A5F00F0FF05A5Aull, g = ~h;
  ForEachTarget([&](const std::string& target) {
    for (size_t n : {254, 255, 256, 257, 510, 511, 512, 1000, 70000}) {
      const std::vector<uint64_t> same(n, h);
      ASSERT_EQ(SimHash(same), h) << target << " n=" << n;
      std::vector<uint64_t> mixed(n, h);  // n hashes of h, then n - 1 of its complement
      mixed.insert(mixed.end(), n - 1, g);
      ASSERT_EQ(SimHash(mixed), h) << target << " n=" << n;
      ASSERT_EQ(SimHash(mixed), reference::SimHash(mixed)) << target << " n=" << n;
      mixed.push_back(g);  // a tie on every bit: 0
      ASSERT_EQ(SimHash(mixed), 0u) << target << " n=" << n;
    }
  });
}

TEST(SimHash, TermFrequencyAndTies) {
  EXPECT_EQ(SimHash({}), 0u);
  const uint64_t a = 0xFF00FF00FF00FF00ull, b = 0x0F0F0F0F0F0F0F0Full;
  EXPECT_EQ(SimHash(std::vector<uint64_t>{a}), a);
  EXPECT_EQ(SimHash(std::vector<uint64_t>{a, b}), a & b);        // ties give 0
  EXPECT_EQ(SimHash(std::vector<uint64_t>{a, a, b}), a);         // weight 2 beats 1
  EXPECT_EQ(HammingDistance(a, b), 32);
}

TEST(SimHash, SimilarInputsAreClose) {
  std::mt19937_64 rng(9);
  std::vector<uint64_t> base(500);
  for (auto& x : base) x = rng();
  auto edited = base;
  for (int i = 0; i < 25; ++i) edited[rng() % edited.size()] = rng();  // 5% changed
  std::vector<uint64_t> other(500);
  for (auto& x : other) x = rng();
  EXPECT_LE(HammingDistance(SimHash(base), SimHash(edited)), 12);
  EXPECT_GE(HammingDistance(SimHash(base), SimHash(other)), 16);
}

}  // namespace
}  // namespace boilerhash
