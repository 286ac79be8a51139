// The classifier's C API: labels into caller buffers, sizes reported, errors
// as status codes, the explain view.
#include "boilerhash/boilerhash.h"
#include "boilerhash/classifier.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(ClassifierCApi, ClassifyCleanExplain) {
  bh_model* m = nullptr;
  ASSERT_EQ(bh_model_default(&m), BH_OK);
  const std::string text = testing::ReadArticle(testing::ArticleFiles()[0]);
  size_t n = 0;
  EXPECT_EQ(bh_classify(m, text.data(), text.size(), nullptr, nullptr, 0, &n), BH_BUFFER_TOO_SMALL);
  ASSERT_GT(n, 100u);
  std::vector<uint8_t> labels(n);
  std::vector<uint32_t> reasons(n);
  ASSERT_EQ(bh_classify(m, text.data(), text.size(), labels.data(), reasons.data(), n, &n), BH_OK);

  auto model = BoilerplateModel::Default();
  ClassifyResult r;
  model->Classify(text, &r);
  ASSERT_EQ(r.lines.size(), n);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(labels[i], static_cast<uint8_t>(r.lines[i].label)) << i;
    EXPECT_EQ(reasons[i], r.lines[i].reasons) << i;
  }
  size_t len = 0;
  EXPECT_EQ(bh_clean(m, text.data(), text.size(), nullptr, 0, &len), BH_BUFFER_TOO_SMALL);
  std::string cleaned(len, '\0');
  ASSERT_EQ(bh_clean(m, text.data(), text.size(), cleaned.data(), len, &len), BH_OK);
  EXPECT_EQ(cleaned, r.cleaned);
  ASSERT_EQ(bh_explain(m, text.data(), text.size(), nullptr, 0, &len), BH_BUFFER_TOO_SMALL);
  std::string explain(len, '\0');
  ASSERT_EQ(bh_explain(m, text.data(), text.size(), explain.data(), len, &len), BH_OK);
  EXPECT_EQ(explain, ExplainClassification(text, r));
  EXPECT_EQ(explain.substr(0, 10), "1\tcontent\t");
  EXPECT_STREQ(bh_reason_name(1), "pattern");
  EXPECT_STREQ(bh_reason_name(0), "unknown");
  bh_model_free(m);
}

// bh_classify and bh_clean reuse one result per thread: a call after a
// bigger document (past the size at which the buffers are given back) and
// after a smaller one must give what a fresh classification gives.
TEST(ClassifierCApi, CallsAfterLargerAndSmallerDocumentsAgreeWithFreshResults) {
  bh_model* m = nullptr;
  ASSERT_EQ(bh_model_default(&m), BH_OK);
  auto model = BoilerplateModel::Default();
  std::string big;
  for (const std::string& f : testing::ArticleFiles()) big += testing::ReadArticle(f) + "\n";
  while (big.size() < (size_t{3} << 20)) big += big;
  const std::vector<std::string> docs = {testing::ReadArticle(testing::ArticleFiles()[1]), big,
                                         testing::ReadArticle(testing::ArticleFiles()[0]),
                                         testing::ReadArticle(testing::ArticleFiles()[1])};
  for (const std::string& text : docs) {
    ClassifyResult fresh;
    model->Classify(text, &fresh);
    std::vector<uint8_t> labels(fresh.lines.size());
    size_t n = 0;
    ASSERT_EQ(bh_classify(m, text.data(), text.size(), labels.data(), nullptr, labels.size(), &n), BH_OK);
    ASSERT_EQ(n, fresh.lines.size());
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(labels[i], static_cast<uint8_t>(fresh.lines[i].label)) << i;
    std::string cleaned(fresh.cleaned.size(), '\0');
    size_t len = 0;
    ASSERT_EQ(bh_clean(m, text.data(), text.size(), cleaned.data(), cleaned.size(), &len), BH_OK);
    EXPECT_EQ(len, fresh.cleaned.size());
    EXPECT_TRUE(cleaned == fresh.cleaned);
  }
  bh_model_free(m);
}

TEST(ClassifierCApi, BadArgumentsAndBadPatterns) {
  bh_model* m = nullptr;
  EXPECT_EQ(bh_model_default(nullptr), BH_INVALID_ARGUMENT);
  char err[128];
  const char bad[] = "ok i 1 en abc\nbad i 1 en (x\n";
  EXPECT_EQ(bh_model_from_patterns(bad, sizeof(bad) - 1, err, sizeof(err), &m), BH_PARSE_ERROR);
  EXPECT_EQ(m, nullptr);
  EXPECT_NE(std::string(err).find("line 2"), std::string::npos) << err;
  char tiny[8];
  EXPECT_EQ(bh_model_from_patterns(bad, sizeof(bad) - 1, tiny, sizeof(tiny), &m), BH_PARSE_ERROR);
  EXPECT_EQ(std::string(tiny).size(), 7u);
  const char good[] = "ago il 1 en \\d+h ago\n";
  ASSERT_EQ(bh_model_from_patterns(good, sizeof(good) - 1, nullptr, 0, &m), BH_OK);
  size_t n = 0;
  uint8_t labels[4];
  EXPECT_EQ(bh_classify(nullptr, "a", 1, labels, nullptr, 4, &n), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_classify(m, nullptr, 3, labels, nullptr, 4, &n), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_classify(m, "", 0, labels, nullptr, 4, &n), BH_OK);
  EXPECT_EQ(n, 0u);
  const std::string t = "9h ago\n\nx";
  ASSERT_EQ(bh_classify(m, t.data(), t.size(), labels, nullptr, 4, &n), BH_OK);
  ASSERT_EQ(n, 3u);
  EXPECT_EQ(labels[0], BH_LABEL_BOILERPLATE);
  EXPECT_EQ(labels[1], BH_LABEL_BLANK);
  bh_model_free(m);
  bh_model_free(nullptr);
}

}  // namespace
}  // namespace boilerhash
