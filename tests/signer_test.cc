// The fused raw-text path (normalize with word offsets, shingle, sign) gives
// what the reference stages give one after the other, on every target.
#include "boilerhash/signer.h"

#include "boilerhash/set_similarity.h"
#include "boilerhash/simhash.h"
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(Signer, MatchesReferencePipelineOnRandomText) {
  std::mt19937_64 rng(21);
  std::vector<std::string> inputs;
  for (int i = 0; i < 200; ++i) inputs.push_back(testing::RandomText(rng, rng() % 800, i % 3 == 0));
  for (uint32_t n : {1u, 3u, 5u}) {
    SignOptions o;
    o.shingle.n = n;
    o.minhash.k = 64;
    const Signer signer(o);
    ForEachTarget([&](const std::string&) {
      for (const auto& in : inputs) {
        DocumentSignature sig;
        signer.Sign(in, &sig);
        const auto shingles =
            reference::ShingleHashes(reference::Normalize(in, false, false), 'w', n, 0);
        const auto expected = shingles.empty() ? std::vector<uint32_t>(64, kEmptySlot)
                                               : reference::MinHash(shingles, 64, 1);
        ASSERT_EQ(sig.minhash, expected) << in;
        ASSERT_EQ(sig.simhash, reference::SimHash(shingles));
        ASSERT_EQ(sig.shingles, shingles.size());
        ASSERT_EQ(sig.distinct_shingles, ShingleSet(shingles).size());
      }
    });
  }
}

TEST(Signer, SkipsWhatIsNotAskedFor) {
  SignOptions o;
  o.compute_simhash = false;
  DocumentSignature sig;
  Signer(o).Sign("some words to sign here and there and everywhere", &sig);
  EXPECT_EQ(sig.simhash, 0u);
  EXPECT_EQ(sig.minhash.size(), 128u);
  EXPECT_FALSE(IsEmptySignature(sig.minhash));
  o.compute_simhash = true;
  o.compute_minhash = false;
  Signer(o).Sign("some words to sign here and there and everywhere", &sig);
  EXPECT_TRUE(sig.minhash.empty());
  EXPECT_NE(sig.simhash, 0u);
  // Distinct shingles: 0 when not counted, unless the set is kept anyway;
  // the signature is the same either way.
  const std::string text = "a b c d e f a b c d e f a b c d e f g";
  DocumentSignature counted, uncounted, kept;
  Signer(SignOptions{}).Sign(text, &counted);
  EXPECT_EQ(counted.distinct_shingles, 7u);  // 15 five-word shingles: the 6 of the cycle and "c d e f g"
  o = SignOptions{};
  o.count_distinct = false;
  Signer(o).Sign(text, &uncounted);
  EXPECT_EQ(uncounted.distinct_shingles, 0u);
  EXPECT_EQ(uncounted.minhash, counted.minhash);
  o.keep_shingle_set = true;
  Signer(o).Sign(text, &kept);
  EXPECT_EQ(kept.distinct_shingles, 7u);
}

TEST(Signer, CountDistinctMatchesSortedSet) {
  std::mt19937_64 rng(5);
  for (size_t n : {0, 1, 2, 17, 1000, 50000}) {
    std::vector<uint64_t> v(n);
    for (auto& x : v) x = rng() % (n / 2 + 1);  // many repeats, 0 included
    EXPECT_EQ(CountDistinct(v), ShingleSet(v).size()) << n;
  }
}

}  // namespace
}  // namespace boilerhash
