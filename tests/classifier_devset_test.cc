// Pins the classifier's quality on the dev set (datasets/pages-dev) so it
// cannot silently drop: per-line F1 of both labels, ambiguous rows left out,
// the same scoring as scripts/eval_pages_dev.py.
#include <map>

#include "boilerhash/classifier.h"
#include "test_util.h"

namespace boilerhash {
namespace {

constexpr double kPinnedContentF1 = 0.850;  // issue 3's goal
constexpr double kPinnedBoilerplateF1 = 0.970;

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double F1() const {
    const double p = tp + fp ? double(tp) / double(tp + fp) : 0;
    const double r = tp + fn ? double(tp) / double(tp + fn) : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Per-line counts of a labelled set (texts/ and labels.tsv under dir), each
// page classified alone, ambiguous rows left out.
struct SetScore {
  Counts content, boiler;
  size_t pages = 0, scored = 0;
};
SetScore ScoreSet(const std::string& dir) {
  SetScore s;
  auto model = BoilerplateModel::Default();
  EXPECT_TRUE(model);
  if (!model) return s;
  for (const auto& [file, rows] : testing::ReadLineLabels(dir + "/labels.tsv")) {
    const std::string text = testing::ReadFile(testing::SourcePath(dir + "/texts/" + file));
    ClassifyResult r;
    model->Classify(text, &r);
    ++s.pages;
    for (const auto& [line, label] : rows) {
      if (label == "ambiguous") continue;
      EXPECT_LE(line, r.lines.size()) << file;
      if (line > r.lines.size()) continue;
      const bool pred_content = r.lines[line - 1].label == LineLabel::kContent;
      const bool gold_content = label == "content";
      ++s.scored;
      if (pred_content && gold_content) ++s.content.tp;
      if (pred_content && !gold_content) ++s.content.fp, ++s.boiler.fn;
      if (!pred_content && gold_content) ++s.content.fn, ++s.boiler.fp;
      if (!pred_content && !gold_content) ++s.boiler.tp;
    }
  }
  std::printf("%s: content F1 %.4f, boilerplate F1 %.4f\n", dir.c_str(), s.content.F1(), s.boiler.F1());
  return s;
}

TEST(ClassifierDevSet, F1AtLeastPinned) {
  const SetScore s = ScoreSet("datasets/pages-dev");
  EXPECT_EQ(s.pages, 181u);
  EXPECT_EQ(s.scored, 30396u - 1639u);  // SOURCE.md's counts
  // Pinned: the figures reached when this test was written, minus 0.005.
  EXPECT_GE(s.content.F1(), kPinnedContentF1);
  EXPECT_GE(s.boiler.F1(), kPinnedBoilerplateF1);
}

// Page types other than news (datasets/page-types/README.md): far below the
// dev set, as the model is built around prose; pinned all the same (0.508
// and 0.841 when written, less 0.01: a set of 921 lines moves in steps of
// about 0.003).
TEST(ClassifierPageTypes, F1AtLeastPinned) {
  const SetScore s = ScoreSet("datasets/page-types");
  EXPECT_EQ(s.pages, 18u);
  EXPECT_EQ(s.scored, 921u);
  EXPECT_GE(s.content.F1(), 0.498);
  EXPECT_GE(s.boiler.F1(), 0.831);
}

}  // namespace
}  // namespace boilerhash
