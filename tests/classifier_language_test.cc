// Pages in other languages. The stopword signal is English: a page in
// another language must not have all its lines flagged low_stopwords. The
// page passes when its lines of 4+ words are at least 5% English stopwords
// and, given a paragraph's worth of sentences, those sentences are at least
// 1/8 stopwords. And scripts without spaces between words still have words.
#include <string>

#include "boilerhash/classifier.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::ClassifyLines;

// Indonesian sentences: none of their words is an English stopword.
const std::string kIndonesianBody =
    "Dewan kota bertemu pada hari Selasa malam dan setuju membangun kembali jembatan batu tua.\n\n"
    "Pekerjaan jembatan baru akan dimulai musim semi dan selesai dalam waktu dua tahun.\n\n"
    "Warga yang tinggal dekat sungai sudah meminta jembatan baru selama lebih sepuluh tahun.\n\n"
    "Beberapa warga datang rapat untuk mengatakan bahwa mereka senang penantian sudah berakhir.\n\n"
    "Insinyur kabupaten akan memeriksa dasar sungai bulan Maret untuk menguji pondasi lama.\n\n";

// An English sidebar: lines of 4+ words, most of them stopwords.
const std::string kEnglishSidebar =
    "What to do in the city this weekend\n"
    "All of the things we are reading now\n"
    "How to get there and where to stay\n";

TEST(ClassifierLanguage, EnglishSidebarDoesNotTurnStopwordsOnForAnotherLanguage) {
  const auto lines = ClassifyLines(kEnglishSidebar + "\n" + kIndonesianBody);
  ASSERT_EQ(lines.size(), 8u);
  for (size_t i = 3; i < 8; ++i) {
    EXPECT_FALSE(lines[i].result.reasons & kReasonLowStopwords) << lines[i].text;
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
  }
}

TEST(ClassifierLanguage, EnglishPageFlagsLowStopwordLines) {
  const std::string doc =
      "The council met on Tuesday evening and agreed, after a long debate, to rebuild the bridge.\n\n"
      "Work on the new crossing will start in the spring and should be finished within two years.\n\n"
      "Residents who live near the river have asked for a new bridge for more than a decade.\n\n"
      "Several of them came to the meeting to say that they were glad that the wait was over.\n\n"
      "Bridge Repair Fund Council Vote Results Tuesday Evening Session Minutes Archive\n";
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_FALSE(lines[0].result.reasons & kReasonLowStopwords) << lines[0].text;
  EXPECT_TRUE(lines[4].result.reasons & kReasonLowStopwords) << lines[4].text;
}

// Japanese puts no spaces between words: each paragraph below is one
// space-separated "word". Two CJK code points count as a word, so the
// paragraphs are good lines and the one-word menu items stay short.
TEST(ClassifierLanguage, JapaneseParagraphsAreContent) {
  const std::string doc =
      "\xE3\x83\x9B\xE3\x83\xBC\xE3\x83\xA0\n"                          // ホーム
      "\xE3\x83\x96\xE3\x83\xAD\xE3\x82\xB0\n\n"                        // ブログ
      "市議会は火曜日の夜に長い議論の末、冬の洪水以来閉鎖されている古い石の橋を架け替えることを決めました。\n\n"
      "新しい橋の工事は春に始まり、二年以内に終わる予定ですが、予算はまだ県に承認されていません。\n\n"
      "川の近くに住む人々は十年以上前から新しい橋を求めており、何人かは会議に来て喜びを語りました。\n\n"
      "\xE3\x83\x96\xE3\x83\xAD\xE3\x82\xB0\n";                         // ブログ
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 6u);
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(lines[i].result.label, LineLabel::kContent) << lines[i].text;
    EXPECT_FALSE(lines[i].result.reasons & kReasonShort) << lines[i].text;
  }
  EXPECT_EQ(lines[0].result.label, LineLabel::kBoilerplate) << lines[0].text;
  EXPECT_EQ(lines[5].result.label, LineLabel::kBoilerplate) << lines[5].text;
}

}  // namespace
}  // namespace boilerhash
