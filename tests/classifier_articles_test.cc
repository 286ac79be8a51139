// The boilerplate classifier on the sample article set (datasets/articles):
// content recall 1.0, >= 95% of boilerplate caught, and the near-duplicate
// outcome the detector exists for (README of the set).
#include <map>

#include "boilerhash/classifier.h"
#include "boilerhash/cluster.h"
#include "boilerhash/signer.h"
#include "test_util.h"

namespace boilerhash {
namespace {

// file -> line -> label, from labels.tsv.
std::map<std::string, std::map<size_t, std::string>> ArticleLabels() {
  return testing::ReadLineLabels("datasets/articles/labels.tsv");
}

TEST(ClassifierArticles, ContentRecallOneAndBoilerplateCaught) {
  Status st;
  auto model = BoilerplateModel::Default(&st);
  ASSERT_TRUE(model) << st.message();
  const auto labels = ArticleLabels();
  ASSERT_EQ(labels.size(), 5u);
  size_t content = 0, content_kept = 0, boiler = 0, caught = 0;
  for (const auto& [file, rows] : labels) {
    const std::string text = testing::ReadArticle(file);
    ClassifyResult r;
    model->Classify(text, &r);
    for (const auto& [line, label] : rows) {
      ASSERT_LE(line, r.lines.size()) << file;
      const LineResult& lr = r.lines[line - 1];
      const std::string shown = file + ":" + std::to_string(line) + " " +
                                text.substr(lr.begin, std::min<size_t>(60, lr.end - lr.begin));
      if (label == "content") {
        ++content;
        content_kept += lr.label == LineLabel::kContent;
        EXPECT_EQ(lr.label, LineLabel::kContent) << shown;
      } else if (label == "boilerplate") {
        ++boiler;
        caught += lr.label == LineLabel::kBoilerplate;
      }
    }
  }
  EXPECT_EQ(content_kept, content);
  EXPECT_GT(boiler, 100u);
  EXPECT_GE(double(caught), 0.95 * double(boiler)) << caught << " of " << boiler;
}

struct Signed {
  std::vector<DocumentSignature> sigs;
  ClusterResult clusters;
};

Signed SignAndCluster(const std::vector<std::string>& texts) {
  Signed s;
  const Signer signer;  // k = 128, word 5-grams
  s.sigs.resize(texts.size());
  std::vector<DocumentSketch> sketches(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    signer.Sign(texts[i], &s.sigs[i]);
    sketches[i].minhash = s.sigs[i].minhash;
  }
  ClusterOptions o;
  o.threshold = 0.8;
  s.clusters = ClusterNearDuplicates(sketches, o);
  return s;
}

TEST(ClassifierArticles, CleaningMakesTheThreeCopiesOneCluster) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  std::vector<std::string> raw, cleaned;
  for (const auto& f : testing::ArticleFiles()) {
    raw.push_back(testing::ReadArticle(f));
    ClassifyResult r;
    model->Classify(raw.back(), &r);
    cleaned.push_back(r.cleaned);
  }
  const Signed c = SignAndCluster(cleaned);
  EXPECT_EQ(c.clusters.representative, (std::vector<uint32_t>{0, 0, 0, 3, 4}));
  for (int i = 0; i < 3; ++i) {
    for (int j = i + 1; j < 3; ++j) {
      EXPECT_GE(EstimateJaccard(c.sigs[i].minhash, c.sigs[j].minhash), 0.9) << i << " " << j;
    }
  }
  // On raw text the same pipeline must not group them: the detector's point.
  const Signed r = SignAndCluster(raw);
  for (uint32_t i = 0; i < 5; ++i) EXPECT_EQ(r.clusters.representative[i], i) << i;
}

TEST(ClassifierArticles, SameLabelsOnEveryTarget) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  std::vector<std::string> expected;
  for (const auto& f : testing::ArticleFiles()) {
    const std::string text = testing::ReadArticle(f);
    ClassifyResult r;
    model->Classify(text, &r);
    expected.push_back(ExplainClassification(text, r));
  }
  ForEachTarget([&](const std::string&) {
    for (size_t i = 0; i < expected.size(); ++i) {
      const std::string text = testing::ReadArticle(testing::ArticleFiles()[i]);
      ClassifyResult r;
      model->Classify(text, &r);
      EXPECT_EQ(ExplainClassification(text, r), expected[i]);
    }
  });
}

}  // namespace
}  // namespace boilerhash

namespace boilerhash {
namespace {

// Windows line endings change nothing: every label and reason of the CRLF
// copy equals the LF original's (patterns anchored at '$' end on the CR).
TEST(ClassifierArticles, CrlfLinesClassifyLikeLf) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  for (const auto& name : testing::ArticleFiles()) {
    const std::string lf = testing::ReadArticle(name);
    std::string crlf;
    for (char c : lf) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    ClassifyResult a, b;
    model->Classify(lf, &a);
    model->Classify(crlf, &b);
    ASSERT_EQ(a.lines.size(), b.lines.size()) << name;
    for (size_t i = 0; i < a.lines.size(); ++i) {
      EXPECT_EQ(a.lines[i].label, b.lines[i].label) << name << ":" << i + 1;
      EXPECT_EQ(a.lines[i].reasons, b.lines[i].reasons) << name << ":" << i + 1;
    }
  }
}

}  // namespace
}  // namespace boilerhash
