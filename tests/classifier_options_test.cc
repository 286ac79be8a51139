// ClassifierOptions the model's rules cannot mean are refused by both
// factories with a status naming the option, not taken silently (each one
// changed every label: see ValidateOptions in classifier.cc).
#include <cmath>
#include <limits>
#include <string>

#include "boilerhash/classifier.h"
#include "boilerhash/pattern_db.h"
#include "test_util.h"

namespace boilerhash {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

void ExpectRefused(const ClassifierOptions& options, const std::string& option) {
  Status st;
  EXPECT_EQ(BoilerplateModel::DefaultWithOptions(options, &st), nullptr) << option;
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << option;
  EXPECT_NE(st.message().find(option), std::string::npos) << st.message();
  Status st2;
  EXPECT_EQ(BoilerplateModel::FromPatternText(DefaultPatternText(), options, &st2), nullptr) << option;
  EXPECT_EQ(st2.code(), StatusCode::kInvalidArgument) << option;
}

TEST(ClassifierOptions, ValuesTheRulesCannotMeanAreRefused) {
  {
    ClassifierOptions o;
    o.corpus_min_documents = 0;  // an unseen line (count 0) would be "frequent"
    ExpectRefused(o, "corpus_min_documents");
  }
  for (const float v : {kNaN, -0.1f, 1.5f, kInf}) {
    ClassifierOptions o;
    o.min_stopword_density = v;
    ExpectRefused(o, "min_stopword_density");
  }
  for (const float v : {kNaN, 0.0f, -12.0f, kInf}) {
    ClassifierOptions o;
    o.pattern_words_per_weight = v;
    ExpectRefused(o, "pattern_words_per_weight");
  }
  {
    ClassifierOptions o;
    o.max_link_like_upper = kNaN;
    ExpectRefused(o, "max_link_like_upper");
  }
}

TEST(ClassifierOptions, TheEdgesOfTheRangesAreAccepted) {
  ClassifierOptions o;
  o.corpus_min_documents = 1;
  o.min_stopword_density = 0.0f;
  o.pattern_words_per_weight = 0.5f;
  Status st;
  auto model = BoilerplateModel::DefaultWithOptions(o, &st);
  ASSERT_NE(model, nullptr) << st.message();
  EXPECT_TRUE(st.ok());
  o.min_stopword_density = 1.0f;
  EXPECT_NE(BoilerplateModel::FromPatternText(DefaultPatternText(), o, &st), nullptr) << st.message();
  // Options are kept as given.
  EXPECT_EQ(model->options().corpus_min_documents, 1u);
}

}  // namespace
}  // namespace boilerhash
