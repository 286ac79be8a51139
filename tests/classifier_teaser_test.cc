// Teaser blocks: a section header ("Related stories") opens a block of
// headline + blurb pairs that lasts until the body resumes. Blurbs are
// sentences, so a short good line between non-good ones stays in the block;
// the body comes back as a run of good lines or a long one.
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::ClassifyLines;

const std::string& kBody = testing::kCouncilStory;

const std::string kMoreBody =
    "Engineers from the county will survey the riverbed in March to find out whether the old "
    "foundations can carry the weight of the new deck and its traffic for fifty years.\n\n"
    "If they cannot, the council will have to choose between a more expensive design and a "
    "crossing at another place, which the residents of the east bank oppose.\n\n"
    "A public meeting on the two options is planned for the summer, before the final vote of the "
    "council in the autumn of next year.\n\n";

// Headline (no terminal punctuation) + blurb (a sentence of 10-20 words).
const std::string kTeasers =
    "Related stories\n\n"
    "Storms close three coastal schools\n\n"
    "The schools will stay shut until the power comes back, which may take until the end of the "
    "week.\n\n"
    "Bakery wins national prize again\n\n"
    "It is the second year in a row that the small family bakery has taken the top prize.\n\n"
    "Mayor opens the new library wing\n\n"
    "The new wing has room for twice as many books and a reading room for the children of the town.\n";

TEST(ClassifierTeaser, HeadlineBlurbPairsAfterAHeaderAreBoilerplate) {
  const auto lines = ClassifyLines(kBody + kTeasers);
  ASSERT_EQ(lines.size(), 10u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
  EXPECT_TRUE(lines[3].result.reasons & kReasonSectionHeader) << lines[3].text;
  for (size_t i = 3; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kBoilerplate) << lines[i].text;
  }
  // The blurbs are good lines on their own: the block, not the line, decides.
  for (size_t i = 5; i < lines.size(); i += 2) {
    EXPECT_TRUE(lines[i].result.reasons & kReasonInTeaserBlock) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonNoTerminalPunct) << lines[i].text;
  }
}

// The body resumes after the block with two good paragraphs in a row: the
// first ends the block, and both are content.
TEST(ClassifierTeaser, ARunOfGoodLinesEndsTheBlock) {
  const auto lines = ClassifyLines(kBody + kTeasers + "\n" + kMoreBody);
  ASSERT_EQ(lines.size(), 13u);
  for (size_t i = 10; i < 13; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonInTeaserBlock) << lines[i].text;
  }
}

// A good line of strong_words (30) or more is body even when alone.
TEST(ClassifierTeaser, ALongParagraphEndsTheBlock) {
  const std::string doc = kBody + "Related stories\n\nBakery wins national prize again\n\n" +
                          kMoreBody.substr(0, kMoreBody.find("\n\n")) + "\n\nShare this article\n";
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_TRUE(lines[4].result.reasons & kReasonInTeaserBlock) << lines[4].text;
  EXPECT_FALSE(lines[5].result.reasons & kReasonInTeaserBlock) << lines[5].text;
  EXPECT_EQ(lines[5].result.label, LineLabel::kContent) << lines[5].text;
}

// A teaser headline just above the body is not kept as the page's title.
TEST(ClassifierTeaser, NoTitleFromATeaserBlock) {
  const std::string doc = "Top stories\n\nStorms close three coastal schools\n\n" + kBody;
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(lines[1].result.reasons & kReasonInTeaserBlock) << lines[1].text;
  EXPECT_FALSE(lines[1].result.reasons & kReasonTitle) << lines[1].text;
  EXPECT_EQ(lines[1].result.label, LineLabel::kBoilerplate) << lines[1].text;
  for (size_t i = 2; i < 5; ++i) EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
}

// Before the body, a header is the page's navigation: its block ends at the
// first good line, even a short one, which may be the body's first paragraph.
TEST(ClassifierTeaser, BeforeTheBodyTheFirstGoodLineEndsTheBlock) {
  const std::string doc =
      "Previous post\n\nSeptember 10, 2018 | by Catherine\n\n"
      "The schools will stay shut until the power comes back, which may take until the end of the "
      "week.\n\nPhoto: Jane Smith\n\n" + kMoreBody;
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_TRUE(lines[0].result.reasons & kReasonSectionHeader) << lines[0].text;
  EXPECT_FALSE(lines[2].result.reasons & kReasonInTeaserBlock) << lines[2].text;
  EXPECT_EQ(lines[2].result.label, LineLabel::kContent) << lines[2].text;
}

// Items of headline, author, date and blurb, the blurb glued to the date:
// every item carries the date, so it repeats on the page, and the blurb after
// it belongs to the block however long it is. The body that resumes after a
// blank line is not glued to a repeated line and ends the block.
TEST(ClassifierTeaser, ABlurbGluedToARepeatedDateStaysInTheBlock) {
  const std::string doc =
      kBody + "More from the Gazette\n\n" +
      "Mayor opens the new library wing\n\nJane Smith\nNovember 20, 2019\n"
      "The new wing has room for twice as many books, a reading room for the children of the town, "
      "a cafe on the ground floor and a garden where the library will hold readings in the summer.\n\n"
      "Bakery wins national prize again\n\nTom Brown\nNovember 20, 2019\n"
      "It is the second year in a row that the small family bakery on the corner of the market square "
      "has taken the top prize, this time for a rye loaf that the owner's grandmother first baked.\n\n" +
      kMoreBody;
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 15u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
  for (size_t i = 3; i < 12; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kBoilerplate) << lines[i].text;
  }
  EXPECT_TRUE(lines[7].result.reasons & kReasonInTeaserBlock) << lines[7].text;  // a long blurb
  EXPECT_TRUE(lines[11].result.reasons & kReasonInTeaserBlock) << lines[11].text;
  for (size_t i = 12; i < 15; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonInTeaserBlock) << lines[i].text;
  }
}

// The rule wants an item: the repeated line glued to the paragraph follows
// another block line. A label that repeats on the page ("Advertisement")
// standing alone above a body paragraph does not keep the block open.
TEST(ClassifierTeaser, ARepeatedLabelAloneAboveTheBodyDoesNotHoldTheBlock) {
  const std::string doc =
      "Advertisement\n\n" + kBody + "Related stories\n\nStorms close three coastal schools\n\n" +
      "Advertisement\n" + kMoreBody;
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_TRUE(lines[5].result.reasons & kReasonInTeaserBlock) << lines[5].text;
  EXPECT_TRUE(lines[6].result.reasons & kReasonRepeatedInDoc) << lines[6].text;
  for (size_t i = 7; i < 10; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonInTeaserBlock) << lines[i].text;
  }
}

}  // namespace
}  // namespace boilerhash
