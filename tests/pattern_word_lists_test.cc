// Word-list patterns ('w', docs/PATTERNS.md): which lines match, what a bad
// list is told, how they mix with compiled patterns, and agreement with the
// reference (src/reference/word_lists.cc) on generated lines.
#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include "boilerhash/classifier.h"
#include "boilerhash/pattern_db.h"
#include "boilerhash/reasons.h"
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using Match = std::pair<uint32_t, size_t>;  // pattern index, end offset

std::unique_ptr<PatternDb> Db(std::string_view file) {
  Status st;
  auto db = PatternDb::FromText(file, &st);
  EXPECT_TRUE(db) << st.message();
  return db;
}

bool Collect(void* ctx, uint32_t pattern, size_t end) {
  static_cast<std::vector<Match>*>(ctx)->push_back({pattern, end});
  return true;
}

std::vector<Match> ScanAll(const PatternDb& db, std::string_view text) {
  std::vector<Match> out;
  const Status st = db.Scan(text, Collect, &out);
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

bool LineMatches(const PatternDb& db, std::string_view line) { return !ScanAll(db, line).empty(); }

constexpr char kSocial[] = "social w 1 en facebook|twitter|e-mail|copy link|comments\n";

TEST(PatternWordLists, OnePhraseOrASequenceOfThemWithAnySeparators) {
  auto db = Db(kSocial);
  ASSERT_TRUE(db);
  for (const char* yes : {"Facebook", "  FACEBOOK  ", "» Facebook ›", "Facebook\xC2\xA0\xE2\x80\xA2 Twitter",
                          "Facebook | Twitter | E-mail", "Copy link", "copy-link", "E mail", "Twitter, Twitter",
                          "comments:", "Facebook\r"}) {
    EXPECT_TRUE(LineMatches(*db, yes)) << yes;
  }
  for (const char* no : {"", "   ", "--", "Facebook and Twitter", "Facebooks", "Copy", "link",
                         "Facebook Ελλάδα", "Facebook 2", "comment", "email",
                         "We shared it on Facebook", "Facebook\xFF" "x"}) {
    EXPECT_FALSE(LineMatches(*db, no)) << no;
  }
}

TEST(PatternWordLists, AtMostSixteenWordsAndNoLongerWords) {
  auto db = Db("w1 w 1 en share\n");
  ASSERT_TRUE(db);
  std::string line = "Share";
  for (int i = 1; i < 16; ++i) line += " share";
  EXPECT_TRUE(LineMatches(*db, line));
  EXPECT_FALSE(LineMatches(*db, line + " share"));
  EXPECT_FALSE(LineMatches(*db, "shareshare"));
  EXPECT_FALSE(LineMatches(*db, std::string(200, 'x')));
}

TEST(PatternWordLists, MultiWordPhrasesNeedEveryWord) {
  auto db = Db("skip w 1 en skip to content|skip to main content|log in\n");
  ASSERT_TRUE(db);
  EXPECT_TRUE(LineMatches(*db, "Skip to main content"));
  EXPECT_TRUE(LineMatches(*db, "Skip to content"));
  EXPECT_TRUE(LineMatches(*db, "Log in / Skip to content"));
  EXPECT_FALSE(LineMatches(*db, "Skip to"));
  EXPECT_FALSE(LineMatches(*db, "Skip to main"));
  EXPECT_FALSE(LineMatches(*db, "login"));  // "log in" is two words
  EXPECT_FALSE(LineMatches(*db, "Skip to main content now"));
}

TEST(PatternWordLists, ReportedOnceAtTheEndOfTheLineWithTheirPatternIndex) {
  // Word lists between compiled patterns: indices are the file's.
  auto db = Db("first - 1 en ^Posted\n"
               "list w 1 en share|tweet\n"
               "last - 1 en Updated$\n");
  ASSERT_TRUE(db);
  const std::string text = "Posted\r\nShare Tweet\r\nnothing\nTweet\nUpdated";
  const std::vector<Match> m = ScanAll(*db, text);
  const std::vector<Match> want = {{0, 6}, {2, text.size()}, {1, 19}, {1, 34}};
  EXPECT_EQ(m, want);
  // The classifier's overload takes lines already split: the same matches.
  std::vector<Match> with_lines;
  ASSERT_TRUE(db->Scan(text, SplitLines(text), Collect, &with_lines).ok());
  EXPECT_EQ(with_lines, want);
  // Spans that do not lie inside the text are skipped, not read.
  std::vector<Match> odd;
  const std::vector<LineSpan> bad = {{0, 99}, {9, 3}, {8, 19}};
  ASSERT_TRUE(db->Scan(text, bad, Collect, &odd).ok());
  const std::vector<Match> only_good = {{0, 6}, {2, text.size()}, {1, 19}};
  EXPECT_EQ(odd, only_good);
}

TEST(PatternWordLists, StoppingTheScanStopsTheWordLists) {
  auto db = Db("list w 1 en share\n");
  ASSERT_TRUE(db);
  size_t calls = 0;
  ASSERT_TRUE(db->Scan("share\nshare\nshare", [](void* ctx, uint32_t, size_t) {
                  ++*static_cast<size_t*>(ctx);
                  return false;
                }, &calls).ok());
  EXPECT_EQ(calls, 1u);
}

TEST(PatternWordLists, BadListsAreRefusedNamingTheLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"# c\nx w 1 en share|(tweet)\n", "line 2: word list 'x': '(' is not allowed"},
      {"x w 1 en share||tweet\n", "line 1: word list 'x': phrase '' has no words"},
      {"x w 1 en share|--\n", "line 1: word list 'x': phrase '--' has no words"},
      {"x wl 1 en share\n", "line 1: word list 'x': flag 'w' cannot be combined"},
      {"x wu 1 en share\n", "line 1: word list 'x': flag 'w' cannot be combined"},
      {"x w 1 en a b c d e f g h i j k l m n o p q\n", "has more than 16 words"},
  };
  for (const auto& [file, error] : cases) {
    Status st;
    EXPECT_FALSE(PatternDb::FromText(file, &st)) << file;
    EXPECT_NE(st.message().find(error), std::string::npos) << st.message();
    Status ms;
    EXPECT_FALSE(BoilerplateModel::FromPatternText(file, {}, &ms)) << file;
  }
  std::string many;
  for (int i = 0; i <= 64; ++i) many += "l" + std::to_string(i) + " w 1 en word" + std::to_string(i) + "\n";
  Status st;
  EXPECT_FALSE(PatternDb::FromText(many, &st));
  EXPECT_NE(st.message().find("line 65: word list 'l64': more than 64 word lists"), std::string::npos)
      << st.message();
}

TEST(PatternWordLists, AFileOfOnlyWordListsScansAndClassifiesButHasNothingToSave) {
  auto db = Db("share w 1 en share|tweet\n");
  ASSERT_TRUE(db);
  EXPECT_EQ(ScanAll(*db, "x\nShare\n").size(), 1u);
  std::string bytes;
  EXPECT_FALSE(db->Serialize(&bytes).ok());
  Status st;
  auto model = BoilerplateModel::FromPatternText("share w 1 en share|tweet\n", {}, &st);
  ASSERT_TRUE(model) << st.message();
  ClassifyResult r;
  model->Classify("Share\n\nThe council voted on Tuesday to approve the new budget for the city schools.", &r);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].label, LineLabel::kBoilerplate);
  EXPECT_TRUE(r.lines[0].reasons & kReasonPattern);
}

TEST(PatternWordLists, SavedDatabasesKeepTheIdsAroundWordLists) {
  const std::string file = "a - 1 en alpha\nlist w 1 en share\nb - 1 en beta\n";
  auto db = Db(file);
  ASSERT_TRUE(db);
  std::string bytes;
  ASSERT_TRUE(db->Serialize(&bytes).ok());
  std::vector<PatternSpec> specs;
  ASSERT_TRUE(ParsePatternFile(file, &specs).ok());
  Status st;
  auto loaded = PatternDb::Deserialize(specs, bytes, &st);
  ASSERT_TRUE(loaded) << st.message();
  const std::string text = "alpha beta\nshare\nbeta";
  EXPECT_EQ(ScanAll(*loaded, text), ScanAll(*db, text));
  // The same expressions with the list elsewhere compile to other ids.
  std::vector<PatternSpec> moved;
  ASSERT_TRUE(ParsePatternFile("list w 1 en share\na - 1 en alpha\nb - 1 en beta\n", &moved).ok());
  EXPECT_FALSE(PatternDb::Deserialize(moved, bytes, &st));
}

// Lines drawn from the lists' words, separators and other words agree with
// the reference's plain dynamic program over every segmentation.
TEST(PatternWordLists, AgreeWithTheReferenceOnGeneratedLines) {
  const std::vector<std::string> lists = {
      "share|tweet|e-mail|copy link|read more|read full story|the ap|ap",
      "more|top stories|more stories|stories|top|a b c|a b|b c d",
      "Ελλάδα|naïve café|x1|1x|añejo|a|ñu",
  };
  std::string file;
  for (size_t i = 0; i < lists.size(); ++i) file += "l" + std::to_string(i) + " w 1 en " + lists[i] + "\n";
  auto db = Db(file);
  ASSERT_TRUE(db);
  const std::vector<std::string> words = {"share", "Tweet", "e", "mail", "copy", "link", "read", "more", "full",
                                          "story", "the", "ap", "top", "stories", "a", "b", "c", "d",
                                          "ελλάδα", "Ελλάδα", "naïve", "café", "x1", "1x", "añejo", "ñu", "Añejo", "other"};
  const std::vector<std::string> seps = {" ", "  ", " | ", "-", "\xC2\xA0", " \xE2\x80\xA2 ", ", ", "\xFF"};
  std::vector<std::vector<std::string>> phrases;  // each list's phrases as written
  for (const std::string& list : lists) {
    phrases.emplace_back();
    for (size_t b = 0, e; b <= list.size(); b = e + 1) {
      e = std::min(list.find('|', b), list.size());
      phrases.back().push_back(list.substr(b, e - b));
    }
  }
  std::mt19937_64 rng(42);
  size_t matched = 0;
  for (int t = 0; t < 20000; ++t) {
    std::string line = rng() % 4 == 0 ? seps[rng() % seps.size()] : "";
    const size_t n = 1 + rng() % 18;
    // Half the lines are phrases of one list (which match unless the words
    // run past 16), the rest words drawn at random; either may get a stray word.
    const std::vector<std::string>& from = phrases[rng() % phrases.size()];
    for (size_t i = 0; i < (t % 2 ? n / 2 + 1 : n); ++i) {
      if (i) line += seps[rng() % seps.size()];
      line += t % 2 ? from[rng() % from.size()] : words[rng() % (t % 3 == 0 ? words.size() : 12)];
    }
    if (rng() % 8 == 0) line.insert(rng() % (line.size() + 1), " " + words[rng() % words.size()] + " ");
    std::set<uint32_t> got;
    for (const Match& m : ScanAll(*db, line)) got.insert(m.first);
    for (uint32_t i = 0; i < lists.size(); ++i) {
      ASSERT_EQ(got.count(i) > 0, reference::WordListMatches(lists[i], line)) << "list " << i << " line " << line;
    }
    matched += !got.empty();
  }
  EXPECT_GT(matched, 4000u) << matched;  // the generator reaches matches, not only misses
}

}  // namespace
}  // namespace boilerhash
