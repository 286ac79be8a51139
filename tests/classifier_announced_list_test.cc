// Announced lists: a line of the body that ends in ':' announces the run of
// lines right under it (tour dates, table rows, ingredients), which are
// content unless a structural boilerplate signal or a strong pattern fired
// on them.
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::ClassifyLines;

const std::string kBody =
    "The band will go back on the road next summer for a tour of fifty cities, the first time "
    "that all five of its members have played together on one stage in more than ten years.\n\n"
    "Tickets go on sale on Friday morning, and the band said that a part of the money from every "
    "show would go to the music programmes of the schools in the towns where it plays.\n\n";

// Dates and venues: four or more words, no stopword, no terminal punctuation.
const std::string kDates =
    "June 9 - Coral Sky Amphitheatre, West Palm Beach\n"
    "June 10 - Midflorida Credit Union Amphitheatre, Tampa\n"
    "June 14 - Ameris Bank Amphitheatre, Alpharetta\n"
    "June 17 - Bridgestone Arena, Nashville\n";

TEST(ClassifierAnnouncedList, ASentenceEndingInAColonKeepsTheListUnderIt) {
  const auto lines = ClassifyLines(kBody + "The dates of the first weeks of the tour are these:\n\n" + kDates);
  ASSERT_EQ(lines.size(), 3u + 4u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
  for (size_t i = 3; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_TRUE(lines[i].result.reasons & kReasonAnnouncedList) << lines[i].text;
  }
}

// The same lines with no announcing sentence are boilerplate (the rule, not
// the lines, keeps them above).
TEST(ClassifierAnnouncedList, WithoutTheColonTheLinesAreBoilerplate) {
  const auto lines = ClassifyLines(kBody + "The dates of the first weeks of the tour are these.\n\n" + kDates);
  ASSERT_EQ(lines.size(), 3u + 4u);
  for (size_t i = 3; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kBoilerplate) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonAnnouncedList) << lines[i].text;
  }
}

// A timeline: its items carry full dates, which alone decide a short line
// elsewhere (the dateline between headline and body). One weak pattern does
// not veto an announced list's item; a strong one (a copyright line, weight
// 2) still does.
TEST(ClassifierAnnouncedList, DatedItemsStayInTheList) {
  const std::string dated =
      "June 9, 2020 - Coral Sky Amphitheatre, West Palm Beach\n"
      "June 10, 2020 - Midflorida Credit Union Amphitheatre, Tampa\n"
      "June 14, 2020 - Ameris Bank Amphitheatre, Alpharetta\n"
      "\xC2\xA9 2020 Live Nation Entertainment. All rights reserved.\n";
  const auto lines = ClassifyLines(kBody + "The dates of the first weeks of the tour are these:\n\n" + dated);
  ASSERT_EQ(lines.size(), 3u + 4u);
  for (size_t i = 3; i < 6; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_TRUE(lines[i].result.reasons & kReasonPattern) << lines[i].text;  // the date matched
    EXPECT_TRUE(lines[i].result.reasons & kReasonAnnouncedList) << lines[i].text;
  }
  EXPECT_EQ(lines[6].result.label, LineLabel::kBoilerplate) << lines[6].text;
}

const std::string kMoreBody =
    "The last tour of the band ended early when its singer lost his voice, and the shows that were "
    "called off then will be played first, in the same halls, for the people who kept their tickets.\n";

// A short label ending in ':' announces nothing ("Share this:"), even when,
// standing alone inside the body, it is kept as content; and a run of fewer
// than three lines is no list.
TEST(ClassifierAnnouncedList, ShortLabelsAndShortRunsAnnounceNothing) {
  const auto label = ClassifyLines(kBody + "Share this:\n\n" + kDates + "\n" + kMoreBody);
  ASSERT_EQ(label.size(), 2u + 1u + 4u + 1u);
  EXPECT_EQ(label[2].result.label, LineLabel::kContent) << label[2].text;  // inside the main block
  for (size_t i = 3; i < 7; ++i) EXPECT_EQ(label[i].result.label, LineLabel::kBoilerplate) << label[i].text;
  const std::string two_dates = kDates.substr(0, kDates.find("June 14"));
  const auto run = ClassifyLines(kBody + "The dates of the first weeks of the tour are these:\n\n" + two_dates);
  for (size_t i = run.size() - 2; i < run.size(); ++i) {
    EXPECT_EQ(run[i].result.label, LineLabel::kBoilerplate) << run[i].text;
  }
}

}  // namespace
}  // namespace boilerhash
