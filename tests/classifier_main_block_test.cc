// The main block (Body Text Extraction): the maximum-sum run of lines, cut
// where main_block_max_gap boilerplate lines come in a row, so prose far below
// the article does not join it across the furniture between them.
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

const std::string& kArticle = testing::kCouncilStory;

// A comment policy: sentences of under strong_words (30) words, so far from
// the body they do not survive on their own.
const std::string kCommentRules =
    "Users who post comments on this site agree to keep to the rules that are set out below.\n\n"
    "A comment will be removed when it insults other readers or when it has nothing to do with the "
    "story.\n\n"
    "The moderators may block the account of a reader who breaks these rules more than once.\n\n"
    "Readers who want an account restored should write to the moderators and explain what "
    "happened.\n";

// A menu: lines in a run (no blank line between), each boilerplate by its
// own signals (four words, no stopword). Short lines would not do: between
// two good lines they are content by context.
std::string Menu(size_t lines) {
  static const char* kItems[] = {"World", "Business", "Opinion", "Technology", "Science", "Culture",
                                 "Travel", "Weather", "Podcasts", "Puzzles"};
  std::string menu;
  for (size_t i = 0; i < lines; ++i) {
    menu += std::string(kItems[i % 10]) + " Desk Latest Headlines " + std::to_string(i) + "\n";
  }
  return menu + "\n";
}

std::vector<testing::ClassifiedLine> Classify(const std::string& doc, uint32_t max_gap) {
  ClassifierOptions options;
  options.main_block_max_gap = max_gap;
  return testing::ClassifyLines(doc, options);
}

constexpr uint32_t kDefaultGap = ClassifierOptions{}.main_block_max_gap;

// The prose below outweighs the menu, so by the sum alone it joins the body;
// a menu of main_block_max_gap lines cuts it off.
TEST(ClassifierMainBlock, ALongRunOfFurnitureEndsTheBlock) {
  const std::string doc = kArticle + Menu(kDefaultGap) + kCommentRules;
  const auto cut = Classify(doc, kDefaultGap);
  ASSERT_EQ(cut.size(), 3 + kDefaultGap + 4);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(cut[i].result.label, LineLabel::kContent) << cut[i].text;
  for (size_t i = 3; i < cut.size(); ++i) {
    EXPECT_EQ(cut[i].result.label, LineLabel::kBoilerplate) << cut[i].text;
  }
  for (size_t i = cut.size() - 4; i < cut.size(); ++i) {
    EXPECT_TRUE(cut[i].result.reasons & kReasonOutsideMainBlock) << cut[i].text;
  }
  // Without the limit the same page keeps the prose.
  const auto joined = Classify(doc, 0);
  ASSERT_EQ(joined.size(), cut.size());
  for (size_t i = joined.size() - 4; i < joined.size(); ++i) {
    EXPECT_EQ(joined[i].result.label, LineLabel::kContent) << joined[i].text;
  }
}

// One line fewer than the limit does not cut: a body's own lists and
// galleries are shorter than the furniture at its end.
TEST(ClassifierMainBlock, AShorterRunDoesNotEndTheBlock) {
  const auto lines = Classify(kArticle + Menu(kDefaultGap - 1) + kCommentRules, kDefaultGap);
  ASSERT_EQ(lines.size(), 3 + (kDefaultGap - 1) + 4);
  for (size_t i = lines.size() - 4; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
  }
}

// The cut keeps the larger side: with the comment rules above the menu and
// the article below it, the rules fall outside (without the limit, the sum
// joins them to the article).
TEST(ClassifierMainBlock, TheLargerSideOfTheGapIsTheBody) {
  const std::string doc = kCommentRules + "\n" + Menu(kDefaultGap) + kArticle;
  const auto cut = Classify(doc, kDefaultGap);
  ASSERT_EQ(cut.size(), 4 + kDefaultGap + 3);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(cut[i].result.label, LineLabel::kBoilerplate) << cut[i].text;
    EXPECT_TRUE(cut[i].result.reasons & kReasonOutsideMainBlock) << cut[i].text;
  }
  for (size_t i = cut.size() - 3; i < cut.size(); ++i) {
    EXPECT_EQ(cut[i].result.label, LineLabel::kContent) << cut[i].text;
  }
  const auto joined = Classify(doc, 0);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(joined[i].result.label, LineLabel::kContent) << joined[i].text;
}

// A list of sentences whose bullets the extractor dropped: lines in a run,
// each sentence-like (4+ words, ordinary stopwords) but unpunctuated, with
// boilerplate on both sides (an ellipsis teaser above, a low-stopword label
// below), so context alone makes them boilerplate. Inside the body they are
// content; one short line among them (a menu's shape) keeps the run out.
std::string BodyWithList(const std::string& list) {
  return kArticle.substr(0, kArticle.rfind("Residents")) +
         "But there is a catch that nobody mentioned \xE2\x80\xA6\n\n"
         "Think about it:\n\n" + list +
         "\nCouncil Bridge Works Timeline 2024\n\n" + kArticle.substr(kArticle.rfind("Residents")) +
         "The county will decide on the budget in March, and the council hopes to sign the contracts "
         "for the work before the end of the summer.\n";
}

const std::string kListItems =
    "The old stone arches come down in the first months of the work\n"
    "A steel deck goes up on the new piers before the summer ends\n"
    "The road on both banks is raised above the level of the floods\n";

// The results of kListItems' lines in BodyWithList(list).
std::vector<LineResult> ListItemResults(const std::string& list) {
  std::vector<LineResult> items;
  for (const auto& l : testing::ClassifyLines(BodyWithList(list))) {
    if (kListItems.find(l.text) != std::string::npos) items.push_back(l.result);
  }
  return items;
}

TEST(ClassifierMainBlock, AListOfSentencesInTheBodyIsContent) {
  const std::vector<LineResult> items = ListItemResults(kListItems);
  ASSERT_EQ(items.size(), 3u);
  for (const LineResult& r : items) {
    EXPECT_EQ(r.label, LineLabel::kContent) << r.begin;
    EXPECT_TRUE(r.reasons & kReasonInMainBlock) << r.begin;
  }
}

// A guard, not a test of the rule: it passes without the rule too, and fails
// if the rule is loosened to any sentence-like line in any run.
TEST(ClassifierMainBlock, AShortLineInTheRunKeepsItOut) {
  const std::vector<LineResult> items = ListItemResults(kListItems + "Share\n");
  ASSERT_EQ(items.size(), 3u);
  for (const LineResult& r : items) EXPECT_EQ(r.label, LineLabel::kBoilerplate) << r.begin;
}

}  // namespace
}  // namespace boilerhash
