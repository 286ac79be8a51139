// The sample set on raw text: MinHash estimates agree with exact 5-gram
// Jaccard (within 3 standard errors), and the exact values match the table
// in datasets/articles/README.md.
#include <cmath>

#include "boilerhash/set_similarity.h"
#include "boilerhash/signer.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(Articles, RawEstimatesWithinThreeStandardErrorsOfExact) {
  SignOptions o;
  o.keep_shingle_set = true;
  const Signer signer(o);
  const auto& files = testing::ArticleFiles();
  std::vector<DocumentSignature> sigs(files.size());
  for (size_t i = 0; i < files.size(); ++i) signer.Sign(testing::ReadArticle(files[i]), &sigs[i]);
  for (size_t i = 0; i < files.size(); ++i) {
    for (size_t j = i + 1; j < files.size(); ++j) {
      const double exact = ExactJaccard(sigs[i].shingle_set, sigs[j].shingle_set);
      const double est = EstimateJaccard(sigs[i].minhash, sigs[j].minhash);
      // Floor the error at one slot's worth so near-zero pairs are testable.
      const double se = std::max(std::sqrt(exact * (1 - exact) / 128.0), 1.0 / 128.0);
      EXPECT_LE(std::abs(est - exact), 3 * se) << files[i] << " vs " << files[j];
    }
  }
  // The README's raw-text column (word 5-grams, lower-cased, no punctuation).
  EXPECT_NEAR(ExactJaccard(sigs[0].shingle_set, sigs[1].shingle_set), 0.281, 0.02);
  EXPECT_NEAR(ExactJaccard(sigs[0].shingle_set, sigs[2].shingle_set), 0.400, 0.02);
  EXPECT_NEAR(ExactJaccard(sigs[1].shingle_set, sigs[2].shingle_set), 0.474, 0.02);
  for (size_t j : {0, 1, 2, 4}) EXPECT_LE(ExactJaccard(sigs[3].shingle_set, sigs[j].shingle_set), 0.04);
  for (size_t j : {0, 1, 2}) EXPECT_LE(ExactJaccard(sigs[4].shingle_set, sigs[j].shingle_set), 0.03);
}

}  // namespace
}  // namespace boilerhash
