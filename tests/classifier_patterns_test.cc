// Pattern files and the Hyperscan database: the parser's errors name the
// line, the default set compiles, scans are thread-safe with one scratch each.
#include <algorithm>
#include <set>
#include <thread>

#include "boilerhash/classifier.h"
#include "boilerhash/pattern_db.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(PatternFile, ParsesFields) {
  std::vector<PatternSpec> specs;
  const Status st = ParsePatternFile(
      "# comment\n\n"
      "copyright  i   2.0 en  \\ball rights reserved\\b\n"
      "related\tilh\t1\ten\trelated( stories)?   \n"
      "dur  -  0.5  *  \\d+:\\d\\d\n",
      &specs);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].id, "copyright");
  EXPECT_EQ(specs[0].flags, kPatternCaseless);
  EXPECT_FLOAT_EQ(specs[0].weight, 2.0f);
  EXPECT_EQ(specs[0].language, "en");
  EXPECT_EQ(specs[0].pattern, "\\ball rights reserved\\b");
  EXPECT_EQ(specs[0].line, 3u);
  EXPECT_EQ(specs[1].flags, kPatternCaseless | kPatternWholeLine | kPatternHeader);
  EXPECT_EQ(specs[1].pattern, "related( stories)?");
  EXPECT_EQ(specs[2].flags, 0u);
  EXPECT_EQ(specs[2].language, "*");
}

// Each text's error: the status code, and a message holding expect.
struct ErrorCase {
  std::string text;
  const char* expect;
};
template <class Load>
void ExpectErrors(const std::vector<ErrorCase>& cases, StatusCode code, Load load) {
  for (const auto& c : cases) {
    const Status st = load(c.text);
    EXPECT_EQ(st.code(), code) << c.text;
    EXPECT_NE(st.message().find(c.expect), std::string::npos) << st.message();
  }
}

TEST(PatternFile, BadFilesNameTheLine) {
  const std::vector<ErrorCase> cases = {
      {"ok i 1 en abc\nbroken i 1\n", "line 2:"},
      {"ok i 1 en abc\n\n# c\nx q 1 en abc\n", "line 4: unknown flag 'q'"},
      {"a i one en abc\n", "line 1: weight 'one'"},
      {"a i -1 en abc\n", "line 1: weight"},
      {"a i 1 en abc\na i 1 en def\n", "line 2: duplicate id 'a'"},
      {"a$b i 1 en abc\n", "line 1: bad character in id"},
      {"# only comments\n", "no patterns"},
      {"a - 1 !!! abc\n", "line 1: language '!!!'"},
      {"a - 1000.00001 en abc\n", "line 1: weight"},  // over 1000, though it rounds to 1000 as a float
      {"ok - 1 en abc\nb - 1 en x\\ \n", "line 2: pattern 'b' ends with a lone '\\'"},  // "x\ " trimmed
      {std::string("a w 1 en x\0y|z\n", 16), "line 1: contains a NUL byte"},
      {std::string("ok - 1 en q\n# a comment \0 with a NUL\n", 36), "line 2: contains a NUL byte"},
      {"a - 1e3 en abc\n", "line 1: weight '1e3'"},  // fixed notation only
      {"a\x01 - 1 en abc\n", "bad character in id 'a\\x01'"},
  };
  ExpectErrors(cases, StatusCode::kParseError, [](const std::string& text) {
    std::vector<PatternSpec> specs;
    return ParsePatternFile(text, &specs);
  });
}

// A byte order mark is skipped, and a lone CR ends a line as LF and CRLF do.
TEST(PatternFile, ByteOrderMarkAndLineEndings) {
  std::vector<PatternSpec> specs;
  Status st = ParsePatternFile("\xEF\xBB\xBF# comment\ra - 1 en x\r\nb - 1 pt-BR y\rc - 1 * z", &specs);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].pattern, "x");
  EXPECT_EQ(specs[1].line, 3u);
  EXPECT_EQ(specs[1].language, "pt-BR");
  EXPECT_EQ(specs[2].pattern, "z");
}

// Errors are about the pattern as written: an 'l' pattern is checked before
// the whole-line wrapper, which "x)|(y" would otherwise close and reopen
// (it loaded, and matched every line starting with x). A pattern that can
// match an empty string would match every line.
TEST(PatternFile, PatternsAreCheckedAsWritten) {
  const std::vector<ErrorCase> cases = {
      {"a l 1 en x)|(y\n", "line 1: pattern 'a': "},
      {"ok - 1 en q\na - 1 en $\n", "line 2: pattern 'a': can match an empty string"},
      {"a - 1 en \\b\n", "can match an empty string"},
      {"a l 1 en (?:foo)?\n", "can match an empty string"},
  };
  ExpectErrors(cases, StatusCode::kCompileError, [](const std::string& text) {
    Status st;
    EXPECT_FALSE(PatternDb::FromText(text, &st)) << text;
    return st;
  });
  Status st;
  EXPECT_TRUE(PatternDb::FromText("a l 1 en x|y\n", &st)) << st.message();
  EXPECT_TRUE(PatternDb::FromText("a - .5 en x\n", &st)) << st.message();
}

// A pattern valid alone can still break the whole-line wrapper: "\Qfoo"
// quotes the wrapper's own closing group. The error names the line and says
// the wrapper is why, not an offset inside text the user never wrote.
TEST(PatternFile, WholeLineWrapperErrorsNameTheLine) {
  Status st;
  EXPECT_TRUE(PatternDb::FromText("a - 1 en \\Qfoo\n", &st)) << st.message();
  EXPECT_FALSE(PatternDb::FromText("ok - 1 en q\na l 1 en \\Qfoo\n", &st));
  EXPECT_EQ(st.code(), StatusCode::kCompileError);
  EXPECT_NE(st.message().find("line 2: pattern 'a': does not compile as a whole line"), std::string::npos)
      << st.message();
}

// Hyperscan reports some failures of a multi-pattern compile without naming
// an expression (a resource limit): the line is still found, by compiling
// the patterns one by one.
TEST(PatternFile, ResourceLimitErrorsNameTheLine) {
  Status st;
  EXPECT_FALSE(PatternDb::FromText("ok - 1 en q\n# c\nhuge - 1 en a{30000}\n", &st));
  EXPECT_EQ(st.code(), StatusCode::kCompileError);
  EXPECT_NE(st.message().find("line 3: pattern 'huge': "), std::string::npos) << st.message();
}

TEST(PatternFile, UncompilablePatternNamesTheLine) {
  Status st;
  auto db = PatternDb::FromText("good i 1 en abc\n# x\nbad i 1 en (unclosed\n", &st);
  EXPECT_FALSE(db);
  EXPECT_EQ(st.code(), StatusCode::kCompileError);
  EXPECT_NE(st.message().find("line 3: pattern 'bad'"), std::string::npos) << st.message();
  // The model surfaces the same error.
  auto model = BoilerplateModel::FromPatternText("bad i 1 en a(\n", {}, &st);
  EXPECT_FALSE(model);
  EXPECT_NE(st.message().find("line 1"), std::string::npos) << st.message();
}

TEST(PatternDb, DefaultSetCompilesAndMatchesBoilerplateShapes) {
  Status st;
  auto db = PatternDb::FromText(DefaultPatternText(), &st);
  ASSERT_TRUE(db) << st.message();
  EXPECT_GT(db->patterns().size(), 30u);
  struct Ctx {
    const PatternDb* db;
    std::vector<std::string> ids;
  } ctx{db.get(), {}};
  auto collect = [](void* c, uint32_t p, size_t) {
    auto* x = static_cast<Ctx*>(c);
    x->ids.push_back(x->db->patterns()[p].id);
    return true;
  };
  auto hit = [&](const std::string& text, const std::string& id) {
    ctx.ids.clear();
    EXPECT_TRUE(db->Scan(text, collect, &ctx).ok());
    return std::find(ctx.ids.begin(), ctx.ids.end(), id) != ctx.ids.end();
  };
  const auto header = [&](const std::string& text) {
    return hit(text, "related_header") || hit(text, "related_header_more") || hit(text, "related_header_view");
  };
  EXPECT_TRUE(hit("9h ago", "relative_time"));
  EXPECT_TRUE(hit("2:24", "duration"));
  EXPECT_TRUE(hit("\xC2\xA9 2019 Example Media. All rights reserved.", "all_rights"));
  EXPECT_TRUE(hit("Home > News > World", "breadcrumb"));
  EXPECT_TRUE(hit("Top Stories", "related_header"));
  EXPECT_TRUE(hit("Editors' Picks", "related_header"));
  EXPECT_TRUE(hit("Editor\xE2\x80\x99s Pick", "related_header"));
  EXPECT_TRUE(hit("Most Popular View all", "related_header_view"));  // the header's own link
  EXPECT_TRUE(hit("Featured Video View all", "related_header_view"));
  EXPECT_TRUE(hit("Next Up In Science & Health", "related_header_more"));
  EXPECT_TRUE(hit("More From the Los Angeles Times", "related_header_more"));
  EXPECT_TRUE(hit("Most read in World", "related_header_more"));
  EXPECT_TRUE(hit("Related Stories:", "related_header"));
  EXPECT_TRUE(hit("\xC2\xAB Previous Post", "related_header"));  // word list: symbols only separate
  EXPECT_TRUE(hit("Most Read\tMost Shared", "related_header"));  // two tabs' headers on one line
  EXPECT_TRUE(hit("Editor\xE2\x80\x99s Picks", "related_header"));
  EXPECT_FALSE(header("Click the button below to see all of the photos"));
  EXPECT_FALSE(header("Click to see more"));  // a label is capitalised words
  EXPECT_FALSE(header("We will see more."));
  EXPECT_TRUE(hit("Most Popular\tView all", "related_header_view"));
  EXPECT_TRUE(hit("You May Also Like View All", "related_header_view"));
  EXPECT_TRUE(hit("Editor\xE2\x80\x99s Picks View all", "related_header_view"));
  EXPECT_FALSE(hit("Most Popular\nView all", "related_header_view"));  // not across lines
  EXPECT_FALSE(header("Related reading for the council"));
  EXPECT_TRUE(hit("Further Reading", "related_header"));
  EXPECT_TRUE(hit("More on this story", "related_header"));
  EXPECT_TRUE(hit("Similar Articles", "related_header"));
  EXPECT_TRUE(hit("Popular Articles", "related_header"));
  EXPECT_TRUE(hit("By Jane Roe | Updated: 10:32 a.m.", "byline"));
  EXPECT_TRUE(hit("By Jane Roe on Monday, November 18th, 2019 at 11:04 a.m.", "byline"));
  EXPECT_FALSE(hit("By contrast, the council kept its own budget.", "byline"));
  EXPECT_FALSE(header("Further reading of the report shows the council was right."));
  EXPECT_TRUE(hit("Image 3 of 12", "page_of"));
  EXPECT_TRUE(hit("Write to Jane Roe at jane.roe@example.com", "author_contact"));
  EXPECT_TRUE(hit("Email Tariq Malik at tmalik@example.com or follow him @tariq", "author_contact"));
  EXPECT_FALSE(hit("Email the council at info@example.org to complain.", "author_contact"));
  EXPECT_FALSE(header("Next up in the queue was a farmer from Kent."));
  EXPECT_TRUE(hit("No spam, we promise.", "no_spam"));
  EXPECT_TRUE(hit("You can unsubscribe at any time.", "unsubscribe_anytime"));
  EXPECT_TRUE(hit("The stories that matter, delivered weekday mornings.", "delivered_to_you"));
  EXPECT_TRUE(hit("CLICK HERE TO GET THE APP", "click_here"));
  EXPECT_FALSE(hit("The parcel was delivered to the wrong house.", "delivered_to_you"));
  EXPECT_FALSE(hit("He clicked through the photos.", "click_here"));
  EXPECT_TRUE(hit("Sign Up for e-mail newsletters", "newsletter"));
  EXPECT_TRUE(hit("Related: The 15 Weirdest Galaxies in Our Universe", "link_label_prefix"));
  EXPECT_TRUE(hit("READ MORE: China plague outbreak confirmed", "link_label_prefix"));
  EXPECT_FALSE(hit("The related issue: nobody had asked the council.", "link_label_prefix"));
  EXPECT_FALSE(header("Most Popular View all the photos"));
  EXPECT_TRUE(hit("Posted October 13, 2023 7:47 am.", "posted_date"));
  EXPECT_TRUE(hit("Submit a Correction", "correction"));
  EXPECT_FALSE(header("The stories at the top of the page were related to the summit."));
  EXPECT_FALSE(hit("He arrived at 9 and left two hours later.", "relative_time"));
  EXPECT_TRUE(hit("Jane Roe - Nov 19, 2019, 10:31 pm CST", "dateline"));
  EXPECT_TRUE(hit("Published November 20th, 2019 - 07:29 GMT", "dateline"));
  EXPECT_TRUE(hit("Wednesday 20 November 2019 11:42, UK", "dateline"));
  EXPECT_TRUE(hit("11/19/2019 by Jane Roe", "dateline_numeric"));
  EXPECT_FALSE(hit("Marathon 12 2019 results", "dateline"));  // a month's letters, not a month
  EXPECT_FALSE(hit("Nearly 3/4 of 2019's budget went on roads.", "dateline_numeric"));
  EXPECT_TRUE(hit("\xE2\x80\x94 Jane Roe (@janeroe) November 18, 2019", "tweet_attribution"));
}

// A dateline between the headline and the body is boilerplate, and the
// headline rule passes over it to the headline; a date inside a sentence
// decides nothing, and an embedded tweet's attribution line (a date too)
// stays with the tweet it closes.
TEST(PatternDb, DatelinesAreBoilerplateAndNotTheHeadline) {
  const auto lines = testing::ClassifyLines(
      "Home\nNews\nSport\n\n"
      "Council agrees to rebuild the old river bridge\n\n"
      "Jane Roe - Nov 19, 2019, 10:31 pm CST\n\n" +
      testing::kCouncilStory +
      "The council first discussed the bridge on November 18, 2019, when the floods had only just "
      "receded and the road was still closed.\n\n"
      "The bridge is coming back at last, and not a day too soon for the lorries. pic.twitter.com/x1\n\n"
      "\xE2\x80\x94 Jane Roe (@janeroe) November 18, 2019\n\n"
      "Lorry drivers have had to take a detour of twenty miles since the crossing closed, and the "
      "haulage firms in the town say they will be glad to see the back of it.\n");
  const auto find = [&](const std::string& prefix) {
    for (const auto& l : lines) {
      if (l.text.rfind(prefix, 0) == 0) return l.result;
    }
    ADD_FAILURE() << "no line " << prefix;
    return LineResult{};
  };
  EXPECT_EQ(find("Council agrees").label, LineLabel::kContent);
  EXPECT_TRUE(find("Council agrees").reasons & kReasonTitle);
  EXPECT_EQ(find("Jane Roe - Nov").label, LineLabel::kBoilerplate);
  EXPECT_TRUE(find("Jane Roe - Nov").reasons & kReasonPattern);
  EXPECT_EQ(find("The council first").label, LineLabel::kContent);
  EXPECT_EQ(find("The bridge is coming").label, LineLabel::kContent);
  EXPECT_EQ(find("\xE2\x80\x94 Jane Roe").label, LineLabel::kContent);
}

// A newsletter box between two paragraphs: each phrase weighs 1, and two of
// them decide a line of up to 24 words (docs/PATTERNS.md, weights).
TEST(PatternDb, NewsletterBoxBetweenParagraphsIsBoilerplate) {
  const auto lines = testing::ClassifyLines(
      "The council met on Tuesday and agreed to rebuild the old bridge over the river after years "
      "of delay.\n\n"
      "No spam, we promise. You can unsubscribe at any time and we will never share your details "
      "without your permission.\n\n"
      "The work will start in spring and should be finished within two years, officials said.\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].result.label, LineLabel::kContent);
  EXPECT_EQ(lines[1].result.label, LineLabel::kBoilerplate);
  EXPECT_TRUE(lines[1].result.reasons & kReasonPattern);
  EXPECT_EQ(lines[2].result.label, LineLabel::kContent);
}

TEST(PatternDb, CountsEveryMatchOfCountedPhrases) {
  auto db = PatternDb::FromText("icon in 1 en an icon of\nonce i 1 en icon\n", nullptr);
  ASSERT_TRUE(db);
  std::string line;
  for (int i = 0; i < 50; ++i) line += "Mail An icon of a paper envelope. ";
  std::vector<size_t> counts(2, 0);
  ASSERT_TRUE(db->Scan(line,
                       [](void* c, uint32_t p, size_t) {
                         ++(*static_cast<std::vector<size_t>*>(c))[p];
                         return true;
                       },
                       &counts)
                  .ok());
  EXPECT_EQ(counts[0], 50u);  // the scan reports all; the classifier dedupes non-'n' patterns
}

TEST(PatternDb, ConcurrentScansAgree) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string text = testing::ReadArticle(testing::ArticleFiles()[0]);
  ClassifyResult expected;
  model->Classify(text, &expected);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) {
        ClassifyResult r;
        model->Classify(text, &r);
        same[t] += r.cleaned == expected.cleaned &&
                   ExplainClassification(text, r) == ExplainClassification(text, expected);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(same[t], 20) << t;
}

TEST(PatternDb, InvalidUtf8WithUnicodePatterns) {
  auto db = PatternDb::FromText("w iu 1 en \\w+ ago\n", nullptr);
  ASSERT_TRUE(db);
  size_t n = 0;
  const std::string text = "caf\xC3\xA9 \xFF\xFE 3h ago\n\xC3";
  ASSERT_TRUE(db->Scan(text,
                       [](void* c, uint32_t, size_t) {
                         ++*static_cast<size_t*>(c);
                         return true;
                       },
                       &n)
                  .ok());
  EXPECT_GE(n, 1u);
}

TEST(Reasons, NamesAreUniqueAndJoin) {
  std::set<std::string> names;
  for (int b = 0; b < kReasonCount; ++b) {
    const std::string name = ReasonName(1u << b);
    EXPECT_NE(name, "unknown") << b;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_"), std::string::npos) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), size_t(kReasonCount));
  EXPECT_STREQ(ReasonName(kReasonPattern), "pattern");
  EXPECT_STREQ(ReasonName(kReasonAfterEndMarker), "after_end_marker");
  EXPECT_STREQ(ReasonName(3), "unknown");
  EXPECT_EQ(ReasonNames(kReasonShort | kReasonRepeatedInDoc), "short,repeated_in_doc");
  EXPECT_EQ(ReasonNames(0), "");
  EXPECT_EQ(ReasonNames(1u << 31), "bit31");
}

// An author box ("Jane Roe is a staff writer ...") ends the article; a body
// sentence about an author does not. The name must be two or more
// capitalised words: under a case-insensitive pattern "My grandmother was a
// famous author" matched and the paragraphs after it were dropped as
// after_end_marker, and with one word "She was ..." and "He is ..." did.
TEST(PatternDb, AuthorBioNeedsACapitalisedName) {
  const std::string tail =
      "The new bridge will be named after the engineer who designed the first one, the council "
      "said, and a plaque will be placed at each end of it.\n\n";
  for (const auto& [line, ends] : {std::pair<std::string, bool>{
                                       "My grandmother was a famous author, and she crossed the old bridge "
                                       "every morning on her way to the library for forty years.", false},
                                   {"She was a famous author, and she crossed the old bridge every morning "
                                    "on her way to the library for forty years.", false},
                                   {"He is the author of three books about the bridges of the county and "
                                    "spoke at the meeting on Tuesday.", false},
                                   {"She is a reporter for The Times and lives in the town with her family "
                                    "by the river.", false},
                                   {"Jane Roe is a staff writer who covers the county council.", true}}) {
    const auto lines = testing::ClassifyLines(testing::kCouncilStory + line + "\n\n" + tail);
    ASSERT_FALSE(lines.empty());
    const bool dropped = lines.back().result.reasons & kReasonAfterEndMarker;
    EXPECT_EQ(dropped, ends) << line;
  }
}

// Reasons of the non-blank lines of doc under a model of the given patterns.
std::vector<uint32_t> ReasonsUnder(const std::string& patterns, const std::string& doc) {
  Status st;
  auto model = BoilerplateModel::FromPatternText(patterns, {}, &st);
  EXPECT_TRUE(model) << st.message();
  if (!model) return {};
  ClassifyResult r;
  model->Classify(doc, &r);
  std::vector<uint32_t> reasons;
  for (const LineResult& l : r.lines) {
    if (l.label != LineLabel::kBlank) reasons.push_back(l.reasons);
  }
  return reasons;
}

// 'e', 'h' and comment signatures act only when their pattern decides the
// line. "More videos ..." is boilerplate anyway (a trailing ellipsis); with
// a marker of weight 0.5 (under the 1 a short line needs) it is not an end
// marker, and the paragraph after it stays. At weight 1 it ends the body.
TEST(PatternDb, EndMarkerActsOnlyWhenItsPatternDecidesTheLine) {
  const std::string doc = testing::kCouncilStory + "More videos ...\n\n" +
                          "The bridge will carry a footpath and a cycle lane on its north side, the "
                          "engineers said in their report to the council.\n";
  for (const auto& [weight, ends] : {std::pair<const char*, bool>{"0.5", false}, {"1", true}}) {
    const auto reasons = ReasonsUnder(std::string("more ie ") + weight + " en more videos\n", doc);
    ASSERT_EQ(reasons.size(), 5u);
    EXPECT_TRUE(reasons[3] & kReasonEllipsis) << weight;
    EXPECT_EQ(bool(reasons[4] & kReasonAfterEndMarker), ends) << weight;
  }
}

// A comment_sig* pattern marks a signature only when it decides the line,
// and never as a content cue ('c'), though the line is boilerplate anyway.
TEST(PatternDb, CommentSignatureOnlyWhenItsPatternDecidesTheLine) {
  const std::string doc = testing::kCouncilStory + "Jane says: ...\n";
  const auto reasons_of = [&](const std::string& patterns) {
    const auto reasons = ReasonsUnder(patterns, doc);
    EXPECT_EQ(reasons.size(), 4u) << patterns;
    return reasons.size() == 4 ? reasons[3] : 0u;
  };
  EXPECT_TRUE(reasons_of("comment_sig_says - 1 en says:\n") & kReasonCommentSignature);
  EXPECT_FALSE(reasons_of("comment_sig_says - 0.5 en says:\n") & kReasonCommentSignature);
  EXPECT_FALSE(reasons_of("comment_sig_says c 1 en says:\n") & kReasonCommentSignature);
  EXPECT_TRUE(reasons_of("comment_sig_says c 1 en says:\n") & kReasonEllipsis);
}

}  // namespace
}  // namespace boilerhash
