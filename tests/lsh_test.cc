#include "boilerhash/lsh.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "boilerhash/cluster.h"
#include "boilerhash/containment_index.h"
#include "boilerhash/minhash.h"
#include "boilerhash/set_similarity.h"
#include "boilerhash/simhash.h"
#include "boilerhash/simhash_index.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::PairWithJaccard;
using testing::RandomSet;

TEST(Lsh, OptimalParamsSplitTheCurveAtTheThreshold) {
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    const LshParams p = OptimalLshParams(t, 128);
    ASSERT_LE(p.bands * p.rows, 128u);
    // The S-curve's steep part sits near t: low below, high above.
    EXPECT_LT(LshCandidateProbability(t - 0.2, p), 0.35) << t;
    EXPECT_GT(LshCandidateProbability(std::min(t + 0.1, 1.0), p), 0.75) << t;
  }
  const LshParams p = OptimalLshParams(0.8, 128);
  EXPECT_EQ(OptimalLshParams(0.8, 128).bands, p.bands);  // deterministic
}

// Recall first: the S-curve's steep part sits below t, so a pair at the
// threshold is a candidate about 9 times in 10, while pairs 0.3 below it rarely are.
TEST(Lsh, RecallFirstParamsKeepPairsAtTheThreshold) {
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    const LshParams p = RecallFirstLshParams(t, 128);
    ASSERT_LE(p.bands * p.rows, 128u);
    EXPECT_GE(LshCandidateProbability(t, p), 0.88) << t;  // 0.90 at t = 0.9
    EXPECT_LT(LshCandidateProbability(t - 0.3, p), 0.25) << t;
    EXPECT_GT(LshCandidateProbability(t, p), LshCandidateProbability(t, OptimalLshParams(t, 128))) << t;
  }
  const LshParams p = RecallFirstLshParams(0.8, 128);  // documented in lsh.h
  EXPECT_EQ(p.bands, 16u);
  EXPECT_EQ(p.rows, 8u);
  // With exact verification, misses weigh more still: 18 x 7 at 0.8.
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    EXPECT_GE(LshCandidateProbability(t, RecallFirstLshParams(t, 128, true)), 0.98) << t;
  }
  const LshParams x = RecallFirstLshParams(0.8, 128, true);
  EXPECT_EQ(x.bands, 18u);
  EXPECT_EQ(x.rows, 7u);
}

// ClusterNearDuplicates with exact verification and its default bands keeps
// pairs at exactly the threshold: 300 pairs at J = 0.8, where 16 x 8 bands
// find 94.7% (16 misses expected) and 18 x 7 find 98.6% (4).
TEST(Cluster, ExactVerificationKeepsPairsAtTheThreshold) {
  const MinHasher hasher;
  std::mt19937_64 rng(80);
  constexpr size_t kPairs = 300;
  std::vector<std::vector<uint32_t>> sigs;
  std::vector<std::vector<uint64_t>> sets;
  for (size_t i = 0; i < kPairs; ++i) {
    const auto [a, b] = PairWithJaccard(rng, 200, 160);  // J = 0.8 exactly
    for (const auto* x : {&a, &b}) {
      sigs.push_back(hasher.Sign(*x));
      sets.push_back(ShingleSet(*x));
    }
  }
  std::vector<DocumentSketch> docs;
  for (size_t i = 0; i < sigs.size(); ++i) docs.push_back({sigs[i], sets[i], sets[i].size()});
  ClusterOptions o;
  o.exact_verify = true;
  const ClusterResult r = ClusterNearDuplicates(docs, o);
  size_t missed = 0;
  for (uint32_t i = 0; i < kPairs; ++i) missed += r.representative[2 * i + 1] != 2 * i;
  EXPECT_LE(missed, 9u);
}

// Measured candidate rates follow 1 - (1 - s^r)^b within 3 percentage points.
TEST(Lsh, CandidateRatesMatchTheory) {
  const MinHasher hasher({128, 77});
  std::mt19937_64 rng(99);
  for (const LshParams p : {OptimalLshParams(0.8, 128), LshParams{16, 8}, LshParams{32, 4}}) {
    for (double s : {0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
      constexpr int kTrials = 1500;
      const size_t uni = 400, common = static_cast<size_t>(std::lround(s * uni));
      int hits = 0;
      std::vector<uint64_t> ka(p.bands), kb(p.bands);
      for (int t = 0; t < kTrials; ++t) {
        auto [a, b] = PairWithJaccard(rng, uni, common);
        const auto sa = hasher.Sign(a), sb = hasher.Sign(b);
        LshBandKeys(sa, p, ka.data());
        LshBandKeys(sb, p, kb.data());
        bool hit = false;
        for (uint32_t i = 0; i < p.bands; ++i) hit |= ka[i] == kb[i];
        hits += hit;
      }
      const double measured = static_cast<double>(hits) / kTrials;
      const double expected = LshCandidateProbability(static_cast<double>(common) / uni, p);
      EXPECT_NEAR(measured, expected, 0.03) << "b=" << p.bands << " r=" << p.rows << " s=" << s;
    }
  }
}

// The index against its definition: a query returns every inserted document
// with a band key equal to the query's in the same band, sorted and unique.
// 3,000 inserts grow each band's table several times; families of near-copies
// fill buckets with several documents; some documents are inserted twice
// and some ids reused, as a caller may do.
TEST(Lsh, IndexQueryEqualsABandKeyScan) {
  const MinHasher hasher;
  std::mt19937_64 rng(314);
  for (const LshParams p : {LshParams{16, 8}, LshParams{9, 13}, LshParams{1, 1}, LshParams{128, 1}}) {
    LshIndex index(p, 128);
    ASSERT_TRUE(index.ok());
    std::vector<std::pair<uint32_t, std::vector<uint64_t>>> inserted;  // (doc, band keys)
    std::vector<uint64_t> base;
    std::vector<std::vector<uint32_t>> queries;
    for (uint32_t i = 0; i < 3000; ++i) {
      if (i % 6 == 0) base = RandomSet(rng, 60);
      std::vector<uint64_t> set = base;
      set[rng() % set.size()] = rng();  // a near-copy: most bands shared
      const std::vector<uint32_t> sig = hasher.Sign(set);
      const uint32_t doc = i % 97 == 0 ? i / 2 : i;  // some ids reused
      for (int twice = 0; twice < (i % 50 == 0 ? 2 : 1); ++twice) {
        ASSERT_TRUE(index.Insert(doc, sig).ok());
        std::vector<uint64_t> keys(p.bands);
        LshBandKeys(sig, p, keys.data());
        inserted.emplace_back(doc, keys);
      }
      if (i % 7 == 0) queries.push_back(sig);
    }
    queries.push_back(hasher.Sign(RandomSet(rng, 60)));  // shares no bucket
    EXPECT_EQ(index.size(), inserted.size());
    std::vector<uint64_t> qk(p.bands);
    for (const auto& q : queries) {
      LshBandKeys(q, p, qk.data());
      std::vector<uint32_t> expected;
      for (const auto& [doc, keys] : inserted) {
        for (uint32_t b = 0; b < p.bands; ++b) {
          if (keys[b] == qk[b]) {
            expected.push_back(doc);
            break;
          }
        }
      }
      std::sort(expected.begin(), expected.end());
      expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
      std::vector<uint32_t> found = {7777777};  // Query appends
      index.Query(q, &found);
      ASSERT_EQ(found.front(), 7777777u);
      found.erase(found.begin());
      EXPECT_EQ(found, expected) << p.bands << "x" << p.rows;
    }
  }
}

TEST(Lsh, IndexInsertQueryAndErrors) {
  const MinHasher hasher;
  std::mt19937_64 rng(1);
  auto [a, b] = PairWithJaccard(rng, 300, 285);  // J = 0.95
  const auto c = RandomSet(rng, 300);
  LshIndex index(OptimalLshParams(0.8, 128), 128);
  ASSERT_TRUE(index.ok());
  ASSERT_TRUE(index.Insert(10, hasher.Sign(a)).ok());
  ASSERT_TRUE(index.Insert(20, hasher.Sign(c)).ok());
  std::vector<uint32_t> found;
  index.Query(hasher.Sign(b), &found);
  EXPECT_EQ(found, std::vector<uint32_t>{10});
  EXPECT_EQ(index.size(), 2u);
  EXPECT_GT(index.MemoryBytes(), 0u);
  EXPECT_FALSE(LshIndex({20, 10}, 128).ok());  // 200 rows > 128 slots
  EXPECT_FALSE(LshIndex({0, 4}, 128).ok());
  EXPECT_FALSE(index.Insert(1, std::vector<uint32_t>(3)).ok());
}

TEST(SimHashIndex, MatchesBruteForce) {
  std::mt19937_64 rng(4);
  for (int d = 0; d <= 4; ++d) {
    SimHashIndex index(d);
    std::vector<uint64_t> fps;
    for (uint32_t i = 0; i < 3000; ++i) {
      // Half random, half near an earlier fingerprint.
      uint64_t fp = rng();
      if (i > 0 && i % 2) {
        fp = fps[rng() % fps.size()];
        for (int flips = static_cast<int>(rng() % 7); flips > 0; --flips) fp ^= uint64_t{1} << (rng() % 64);
      }
      fps.push_back(fp);
      index.Insert(i, fp);
    }
    for (int q = 0; q < 300; ++q) {
      const uint64_t probe = fps[rng() % fps.size()] ^ (uint64_t{1} << (rng() % 64));
      std::vector<uint32_t> fast, brute;
      index.Query(probe, &fast);
      for (uint32_t i = 0; i < fps.size(); ++i)
        if (HammingDistance(fps[i], probe) <= d) brute.push_back(i);
      ASSERT_EQ(fast, brute) << "d=" << d;
    }
  }
}

// A document inserted again is found by its new fingerprint only, once.
TEST(SimHashIndex, InsertingADocumentAgainReplacesIt) {
  SimHashIndex index(3);
  const uint64_t old_fp = 0x0123456789abcdefULL, new_fp = ~old_fp;
  for (int i = 0; i < 3; ++i) index.Insert(7, old_fp);
  index.Insert(7, new_fp);
  index.Insert(8, old_fp);
  std::vector<uint32_t> found;
  index.Query(old_fp, &found);
  EXPECT_EQ(found, std::vector<uint32_t>{8});
  found.clear();
  index.Query(new_fp ^ 1, &found);
  EXPECT_EQ(found, std::vector<uint32_t>{7});
  EXPECT_EQ(index.size(), 2u);
}

// Arguments with no meaning are refused, not remembered or half-applied.
TEST(Lsh, BadWeightsAndShortSignaturesAreRefused) {
  EXPECT_THROW(OptimalLshParams(0.7, 100, std::nan(""), 0.5), std::invalid_argument);
  EXPECT_THROW(OptimalLshParams(0.7, 100, 0.5, -1.0), std::invalid_argument);
  // The NaN call left nothing behind for the same threshold and k.
  const LshParams p = OptimalLshParams(0.7, 100, 0.5, 0.5);
  EXPECT_GT(p.bands, 1u);
  EXPECT_EQ(ContainmentFromJaccard(std::nan(""), 10, 20), 0.0);
  ContainmentIndex index(128);
  EXPECT_FALSE(index.Insert(1, std::vector<uint32_t>(64, 5u), 64).ok());
  EXPECT_TRUE(index.Insert(2, std::vector<uint32_t>(128, 5u), 128).ok());
  std::vector<uint32_t> found;
  index.Query(std::vector<uint32_t>(128, 5u), 64, 0.5, &found);
  EXPECT_EQ(found, std::vector<uint32_t>{2});
}

// Band keys need bands x rows slots: a shorter span is refused, not read
// past its end.
TEST(Lsh, BandKeysRefuseAShortSignature) {
  const std::vector<uint32_t> sig(64, 7u);
  uint64_t keys[16];
  EXPECT_THROW(LshBandKeys(sig, {16, 8}, keys), std::invalid_argument);
  LshBandKeys(sig, {8, 8}, keys);
  EXPECT_EQ(keys[0] == keys[1], false);  // seeded per band
}

// Jaccard with signatures of mixed lengths: the default bands (for the
// longest) would give the short ones no band, and they would stay apart
// silently: refused instead. Bands that fit the shortest cluster them all.
TEST(Cluster, MixedSignatureLengthsNeedBandsThatFitTheShortest) {
  const std::vector<uint32_t> short_sig(64, 3u), long_sig(128, 9u);
  std::vector<DocumentSketch> docs = {{short_sig, {}, 10}, {short_sig, {}, 10}, {long_sig, {}, 10}};
  ClusterOptions o;
  EXPECT_THROW(ClusterNearDuplicates(docs, o), std::invalid_argument);
  o.lsh = {16, 8};
  EXPECT_THROW(ClusterNearDuplicates(docs, o), std::invalid_argument);
  o.lsh = {8, 8};
  EXPECT_EQ(ClusterNearDuplicates(docs, o).representative, (std::vector<uint32_t>{0, 0, 2}));
  // An empty signature is never merged anyway: it does not count.
  docs.push_back({{}, {}, 0});
  EXPECT_EQ(ClusterNearDuplicates(docs, o).representative, (std::vector<uint32_t>{0, 0, 2, 3}));
}

// Excerpts of long documents are found by the containment index and scored
// close to their exact containment.
TEST(Containment, IndexFindsExcerptsAndEstimatesTrackExact) {
  const MinHasher hasher({128, 5});
  std::mt19937_64 rng(8);
  ContainmentIndex index(128);
  std::vector<std::vector<uint64_t>> sets;
  for (uint32_t i = 0; i < 200; ++i) {
    sets.push_back(RandomSet(rng, 100 + rng() % 3000));
    index.Insert(i, hasher.Sign(sets.back()), sets.back().size());
  }
  int found = 0, total = 0, within = 0;
  for (int q = 0; q < 100; ++q) {
    const uint32_t host = static_cast<uint32_t>(rng() % sets.size());
    const auto& big = sets[host];
    // An excerpt: 10-40% of the host plus 5% foreign shingles.
    const size_t take = std::max<size_t>(20, big.size() * (10 + rng() % 31) / 100);
    std::vector<uint64_t> excerpt(big.begin(), big.begin() + static_cast<std::ptrdiff_t>(take));
    for (uint64_t x : RandomSet(rng, take / 20)) excerpt.push_back(x);
    const auto qs = ShingleSet(excerpt), hs = ShingleSet(big);
    const double exact = ExactContainment(qs, hs);
    const auto qsig = hasher.Sign(excerpt);
    std::vector<uint32_t> cand;
    index.Query(qsig, qs.size(), 0.8, &cand);
    ++total;
    found += std::find(cand.begin(), cand.end(), host) != cand.end();
    const double jaccard = ExactJaccard(qs, hs);
    const double est = ContainmentFromJaccard(EstimateJaccard(qsig, hasher.Sign(big)), qs.size(), hs.size());
    // The Jaccard estimate's standard error, carried through
    // c = J(a+b)/((1+J)a): dc/dJ = (a+b)/(a(1+J)^2).
    const double a = static_cast<double>(qs.size()), b = static_cast<double>(hs.size());
    const double se = std::sqrt(jaccard * (1 - jaccard) / 128) * (a + b) / (a * (1 + jaccard) * (1 + jaccard));
    within += std::abs(est - exact) <= 3 * se + 1e-9;
  }
  EXPECT_GE(found, 90) << "of " << total;
  EXPECT_GE(within, 97) << "of " << total;
}

TEST(Cluster, UnionFindKeepsLowestIndexAsRoot) {
  UnionFind uf(6);
  uf.Union(5, 3);
  uf.Union(3, 4);
  uf.Union(4, 1);
  EXPECT_EQ(uf.Find(5), 1u);
  EXPECT_EQ(uf.Find(0), 0u);
}

TEST(Cluster, GroupsNearDuplicatesAndLeavesOthersAlone) {
  const MinHasher hasher;
  std::mt19937_64 rng(12);
  auto [a, b] = PairWithJaccard(rng, 500, 480);  // 0.96
  auto c = RandomSet(rng, 500);
  std::vector<std::vector<uint32_t>> sigs = {hasher.Sign(c), hasher.Sign(a), hasher.Sign({}),
                                             hasher.Sign(b), hasher.Sign({})};
  std::vector<std::vector<uint64_t>> sets = {ShingleSet(c), ShingleSet(a), {}, ShingleSet(b), {}};
  std::vector<DocumentSketch> docs;
  for (size_t i = 0; i < sigs.size(); ++i) docs.push_back({sigs[i], sets[i], sets[i].size()});
  for (bool exact : {false, true}) {
    ClusterOptions o;
    o.exact_verify = exact;
    const ClusterResult r = ClusterNearDuplicates(docs, o);
    EXPECT_EQ(r.representative, (std::vector<uint32_t>{0, 1, 2, 1, 4}));  // empties stay apart
    EXPECT_GE(r.similarity[3], 0.8);
  }
  // Containment: a 30% excerpt of c joins c; Jaccard would not merge them.
  std::vector<uint64_t> part(c.begin(), c.begin() + 150);
  const auto psig = hasher.Sign(part);
  const auto pset = ShingleSet(part);
  docs.push_back({psig, pset, pset.size()});
  ClusterOptions o;
  o.measure = Measure::kContainment;
  EXPECT_EQ(ClusterNearDuplicates(docs, o).representative[5], 0u);
  o.measure = Measure::kJaccard;
  EXPECT_EQ(ClusterNearDuplicates(docs, o).representative[5], 5u);
}

// A document like two cluster leaders that are not like each other joins
// both clusters, whichever order they come in (the first match used to end
// its comparisons: A, B, C gave {A, C}, {B}). k = 10, one band of one row:
// every document shares the bucket of its first value.
TEST(Cluster, ADocumentLikeTwoLeadersJoinsBoth) {
  const std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<uint32_t> c = {1, 2, 3, 4, 5, 16, 17, 18, 19, 20};   // a: 0.5
  const std::vector<uint32_t> b = {1, 22, 23, 24, 25, 16, 17, 18, 19, 20};  // c: 0.6, a: 0.1
  ClusterOptions o;
  o.threshold = 0.5;
  o.lsh = {1, 1};
  for (const auto& order : {std::vector<const std::vector<uint32_t>*>{&a, &b, &c},
                            std::vector<const std::vector<uint32_t>*>{&c, &a, &b},
                            std::vector<const std::vector<uint32_t>*>{&b, &a, &c}}) {
    std::vector<DocumentSketch> docs;
    for (const auto* sig : order) docs.push_back({*sig, {}, 10});
    EXPECT_EQ(ClusterNearDuplicates(docs, o).representative, (std::vector<uint32_t>{0, 0, 0}));
  }
  o.lsh = {3, 4};  // 12 values from 10: no document has a band
  std::vector<DocumentSketch> docs = {{a, {}, 10}, {b, {}, 10}};
  EXPECT_THROW(ClusterNearDuplicates(docs, o), std::invalid_argument);
}

// A like B and B like C, A not like C, all in one bucket: B-C passes, so C
// joins whatever the order. It used to be compared with the bucket's leader
// alone: with A leading, C stayed out (a review found this on three
// generated documents, exact Jaccard 0.95 / 0.80 / 0.76).
TEST(Cluster, EveryPassingPairInABucketIsJoinedInAnyOrder) {
  const std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<uint32_t> b = {1, 2, 3, 4, 5, 6, 7, 8, 19, 20};   // a: 0.8
  const std::vector<uint32_t> c = {1, 2, 3, 4, 5, 6, 27, 28, 19, 20};  // b: 0.8, a: 0.6
  ClusterOptions o;
  o.threshold = 0.8;
  o.lsh = {1, 1};  // one band of slot 0, which all share
  const std::vector<const std::vector<uint32_t>*> sigs = {&a, &b, &c};
  std::vector<int> order = {0, 1, 2};
  do {
    std::vector<DocumentSketch> docs;
    for (const int i : order) docs.push_back({*sigs[i], {}, 10});
    const ClusterResult r = ClusterNearDuplicates(docs, o);
    EXPECT_EQ(r.representative, (std::vector<uint32_t>{0, 0, 0})) << order[0] << order[1] << order[2];
    EXPECT_EQ(r.verified_pairs, 2u);
  } while (std::next_permutation(order.begin(), order.end()));
}

// m exact copies form one cluster with O(m) similarity checks in both
// measures. (Containment used to spend O(m^2) in its index queries, which
// return every copy; that cost is not visible here: 4,000 copies took 12 s.)
TEST(Cluster, ExactCopiesCostLinearComparisons) {
  const MinHasher hasher;
  std::mt19937_64 rng(21);
  const auto set = ShingleSet(RandomSet(rng, 300));
  const auto sig = hasher.Sign(set);
  const size_t m = 2000;
  std::vector<DocumentSketch> docs(m, DocumentSketch{sig, set, set.size()});
  for (const Measure measure : {Measure::kJaccard, Measure::kContainment}) {
    ClusterOptions o;
    o.measure = measure;
    const ClusterResult r = ClusterNearDuplicates(docs, o);
    EXPECT_EQ(r.representative, std::vector<uint32_t>(m, 0));
    EXPECT_LT(r.candidate_pairs, 2 * m) << (measure == Measure::kJaccard ? "jaccard" : "containment");
  }
}

// Containment is not transitive: pages that each quote one sentence are
// not near-duplicates of each other. Each keeps its own row (it used to be
// one cluster led by the sentence, which --filter kept alone); the sentence
// goes to the largest page, and a chain of excerpts to its largest end.
TEST(Cluster, ContainmentDoesNotJoinPagesThroughASharedExcerpt) {
  const MinHasher hasher;
  std::mt19937_64 rng(5);
  const std::vector<uint64_t> sentence = RandomSet(rng, 60);
  std::vector<std::vector<uint64_t>> sets = {ShingleSet(sentence)};
  for (size_t extra : {25, 40, 30, 20}) {  // four unrelated pages quoting it
    std::vector<uint64_t> page = RandomSet(rng, extra);
    page.insert(page.end(), sentence.begin(), sentence.end());
    sets.push_back(ShingleSet(page));
  }
  const auto cluster = [&](const std::vector<std::vector<uint64_t>>& sets, bool exact) {
    std::vector<std::vector<uint32_t>> sigs;
    std::vector<DocumentSketch> docs;
    for (const auto& set : sets) sigs.push_back(hasher.Sign(set));
    for (size_t i = 0; i < sets.size(); ++i) docs.push_back({sigs[i], sets[i], sets[i].size()});
    ClusterOptions o;
    o.measure = Measure::kContainment;
    o.exact_verify = exact;
    return ClusterNearDuplicates(docs, o);
  };
  for (const bool exact : {false, true}) {
    const ClusterResult r = cluster(sets, exact);
    EXPECT_EQ(r.representative, (std::vector<uint32_t>{2, 1, 2, 3, 4})) << "exact " << exact;
    EXPECT_GE(r.similarity[0], 0.8);
  }
  // A chain: an excerpt of an excerpt of a page leads to the page.
  const std::vector<uint64_t> page = RandomSet(rng, 120);
  const std::vector<std::vector<uint64_t>> chain = {
      ShingleSet({page.begin(), page.begin() + 80}), ShingleSet(page), ShingleSet({page.begin(), page.begin() + 100})};
  EXPECT_EQ(cluster(chain, true).representative, (std::vector<uint32_t>{1, 1, 1}));
  // Not through a chain: S is in A (wholly) and A is in B (at 0.9), but S
  // shares nothing with B. S must not go to B (similarity 0, and --filter
  // would drop it); A's representative is B, so S stays its own.
  std::vector<uint64_t> a = RandomSet(rng, 200);
  std::vector<uint64_t> b(a.begin() + 20, a.end());
  for (uint64_t x : RandomSet(rng, 60)) b.push_back(x);
  const std::vector<std::vector<uint64_t>> not_a_chain = {
      ShingleSet({a.begin(), a.begin() + 20}), ShingleSet(a), ShingleSet(b)};
  for (const bool exact : {false, true}) {
    const ClusterResult r = cluster(not_a_chain, exact);
    EXPECT_EQ(r.representative, (std::vector<uint32_t>{0, 2, 2})) << "exact " << exact;
    for (uint32_t d = 0; d < 3; ++d) EXPECT_GE(r.similarity[d], 0.8) << d;
  }
}

// NaN is not a threshold: it must not leave its parameters to later callers
// (as a memo key it equalled every threshold).
TEST(Lsh, NanThresholdDoesNotPoisonTheMemo) {
  (void)RecallFirstLshParams(std::nan(""), 77);
  const LshParams p = RecallFirstLshParams(0.5, 77);
  EXPECT_GT(p.bands, 1u);
  EXPECT_LE(p.bands * p.rows, 77u);
}

}  // namespace
}  // namespace boilerhash
