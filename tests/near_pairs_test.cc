// All near-duplicate pairs in one call (near_pairs.h) against their
// definitions: for MinHash, the loop over an LshIndex that a caller would
// write (insert all, query each, verify the candidates); for SimHash, every
// pair compared by popcount. Plus the C API's layout, buffer and argument
// rules.
#include "boilerhash/near_pairs.h"

#include <algorithm>
#include <random>
#include <stdexcept>

#include "boilerhash/boilerhash.h"
#include "boilerhash/cluster.h"
#include "boilerhash/lsh.h"
#include "boilerhash/minhash.h"
#include "boilerhash/simhash.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::PairWithJaccard;
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
  const LshParams params = RecallFirstLshParams(threshold, static_cast<uint32_t>(k));
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

// Pairs of documents with Jaccard 0.85, just above the default threshold:
// each entry point that chooses its own bands must keep nearly every pair
// whose estimate reaches 0.8. Equal-weight bands (9 x 13) find a J = 0.85
// pair with probability 0.69; the recall-first ones (16 x 8) with 0.99.
TEST(MinHashPairs, DefaultBandsKeepPairsJustAboveTheThreshold) {
  constexpr size_t kK = 128, kPairs = 300;
  constexpr double kT = 0.8;
  const MinHasher hasher({kK, 3});
  std::mt19937_64 rng(85);
  std::vector<uint32_t> sigs(2 * kPairs * kK);
  for (size_t i = 0; i < kPairs; ++i) {
    const auto [a, b] = PairWithJaccard(rng, 400, 340);  // J = 0.85
    hasher.Sign(a, sigs.data() + 2 * i * kK);
    hasher.Sign(b, sigs.data() + (2 * i + 1) * kK);
  }
  const auto sig = [&](size_t d) { return std::span<const uint32_t>(sigs).subspan(d * kK, kK); };
  std::vector<NearPair> eligible;  // the pairs whose estimate reaches the threshold
  for (uint32_t i = 0; i < kPairs; ++i) {
    if (EstimateJaccard(sig(2 * i), sig(2 * i + 1)) >= kT) eligible.push_back({2 * i, 2 * i + 1});
  }
  ASSERT_GT(eligible.size(), kPairs * 8 / 10);

  const std::vector<NearPair> found = MinHashPairs(sigs, kK, kT);
  size_t kept = 0;
  for (const NearPair& p : eligible) kept += std::binary_search(found.begin(), found.end(), p,
      [](const NearPair& x, const NearPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  EXPECT_GE(kept, eligible.size() * 95 / 100) << kept << " of " << eligible.size();

  std::vector<DocumentSketch> docs;
  for (size_t d = 0; d < 2 * kPairs; ++d) docs.push_back({sig(d), {}, 0});
  const ClusterResult r = ClusterNearDuplicates(docs, ClusterOptions{});
  size_t joined = 0;
  for (const NearPair& p : eligible) joined += r.representative[p.b] == p.a;
  EXPECT_GE(joined, eligible.size() * 95 / 100) << joined << " of " << eligible.size();

  // The C API's index with bands = rows = 0 has the same bands.
  bh_lsh* lsh = nullptr;
  ASSERT_EQ(bh_lsh_new(kT, kK, 0, 0, &lsh), BH_OK);
  LshIndex index(RecallFirstLshParams(kT, kK), kK);
  for (uint32_t d = 0; d < 2 * kPairs; d += 2) {
    ASSERT_EQ(bh_lsh_insert(lsh, d, sig(d).data(), kK), BH_OK);
    ASSERT_TRUE(index.Insert(d, sig(d)).ok());
  }
  for (uint32_t d = 1; d < 2 * kPairs; d += 2) {
    uint32_t out[8];
    size_t count = 0;
    ASSERT_EQ(bh_lsh_query(lsh, sig(d).data(), kK, out, 8, &count), BH_OK);
    std::vector<uint32_t> expected;
    index.Query(sig(d), &expected);
    EXPECT_EQ(std::vector<uint32_t>(out, out + count), expected) << d;
  }
  bh_lsh_free(lsh);
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

// Many copies of one fingerprint: every pair, each once (a pair shares all
// five blocks and is taken from the first).
TEST(SimHashPairs, CopiesGiveEveryPairOnce) {
  std::vector<uint64_t> fps(400, 0xfeedfacecafebeefULL);
  fps.push_back(0);  // far from all
  const std::vector<NearPair> pairs = SimHashPairs(fps, 4);
  ASSERT_EQ(pairs.size(), 400u * 399u / 2);
  EXPECT_EQ(pairs.front(), (NearPair{0, 1}));
  EXPECT_EQ(pairs.back(), (NearPair{398, 399}));
  EXPECT_TRUE(std::adjacent_find(pairs.begin(), pairs.end()) == pairs.end());
}

TEST(MinHashPairs, BandsBeyondTheSignatureAreRefused) {
  const std::vector<uint32_t> sigs(256, 5u);  // two documents of k = 128
  EXPECT_EQ(MinHashPairs(sigs, 128, 0.5, {16, 8}).size(), 1u);
  EXPECT_THROW(MinHashPairs(sigs, 128, 0.5, {20, 8}), std::invalid_argument);
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
