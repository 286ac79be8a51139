// The corpus line-frequency table: counts documents, bounded memory,
// merge = one table, versioned Save/Load with errors as values, and the
// classifier's frequent_in_corpus signal.
#include <cctype>

#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(LineHash, Normalization) {
  EXPECT_EQ(LineHash("9h ago"), LineHash("2h  ago!"));
  EXPECT_EQ(LineHash("Read More"), LineHash("read more"));
  EXPECT_NE(LineHash("read more \xE2\x80\xBA"), LineHash("read more"));  // non-ASCII kept
  EXPECT_NE(LineHash("read more"), LineHash("read less"));
  EXPECT_EQ(LineHash(" | -- "), 0u);
  EXPECT_NE(LineHash("x"), 0u);
}

// Short lines are hashed in one XXH3 call, long ones (> 512 bytes) in
// streaming chunks: both must give the hash of the same normalized bytes.
TEST(LineHash, OneShotAndStreamingPathsAgree) {
  std::string letters, spaced;
  for (int i = 0; i < 500; ++i) {
    const char c = static_cast<char>('a' + (i * 7) % 26);
    letters += c;
    spaced += c;
    if (i % 2 == 0) spaced += " -";  // dropped by the normalization
  }
  ASSERT_LE(letters.size(), 512u);
  ASSERT_GT(spaced.size(), 512u);
  EXPECT_EQ(LineHash(letters), LineHash(spaced));
  EXPECT_EQ(LineHash(letters + "9"), LineHash(spaced + " 3", /*fold_digits=*/true));
  EXPECT_NE(LineHash(letters + "9", false), LineHash(spaced + " 3", false));
}

TEST(LineFrequencyTable, CountsDocumentsNotOccurrences) {
  LineFrequencyTable t;
  t.AddDocument("Sign up for our newsletter\nbody one\nSign up for our newsletter\n");
  t.AddDocument("Sign up for our newsletter\nbody two\n");
  t.AddDocument("other\n");
  EXPECT_EQ(t.documents(), 3u);
  EXPECT_EQ(t.CountLine("Sign up for our newsletter"), 2u);
  EXPECT_EQ(t.CountLine("body one"), 1u);
  EXPECT_EQ(t.CountLine("never seen"), 0u);
}

TEST(LineFrequencyTable, MergeEqualsOneTable) {
  std::mt19937_64 rng(3);
  std::vector<std::string> docs;
  for (int d = 0; d < 40; ++d) {
    std::string doc;
    for (int l = 0; l < 20; ++l) doc += "line " + std::to_string(rng() % 60) + "\n";
    docs.push_back(doc);
  }
  LineFrequencyTable all, a, b;
  for (size_t i = 0; i < docs.size(); ++i) {
    all.AddDocument(docs[i]);
    (i % 2 ? a : b).AddDocument(docs[i]);
  }
  LineFrequencyTable merged_ab = a, merged_ba = b;
  merged_ab.Merge(b);
  merged_ba.Merge(a);
  EXPECT_EQ(merged_ab.Save(), all.Save());
  EXPECT_EQ(merged_ba.Save(), all.Save());
}

TEST(LineFrequencyTable, BoundedMemoryKeepsFrequentLines) {
  LineFrequencyTable t(64);
  for (int d = 0; d < 500; ++d) {
    t.AddDocument("Accept all cookies\nunique line " + std::to_string(d) + "\n");
    ASSERT_LE(t.size(), 64u);
  }
  EXPECT_GE(t.CountLine("Accept all cookies"), 490u);  // lower bound, error <= prunes
  EXPECT_LE(t.CountLine("Accept all cookies"), 500u);
}

TEST(LineFrequencyTable, SaveLoadRoundTripAndErrors) {
  LineFrequencyTable t(1000);
  t.AddDocument("a\nb\nc\n");
  t.AddDocument("a\nb\n");
  const std::string bytes = t.Save();
  ASSERT_EQ(bytes.substr(0, 4), "BHLF");
  LineFrequencyTable u;
  ASSERT_TRUE(LineFrequencyTable::Load(bytes, &u).ok());
  EXPECT_EQ(u.Save(), bytes);
  EXPECT_EQ(u.CountLine("a"), 2u);
  EXPECT_EQ(u.documents(), 2u);
  EXPECT_EQ(u.max_entries(), 1000u);
  // Header: magic, version 2, then fields (docs/CLASSIFIER.md); entries for
  // the lines a, b, c (short lines: no group keys).
  EXPECT_EQ(bytes[4], 2);
  EXPECT_EQ(bytes.size(), 4 + 4 + 8 + 8 + 4 + 8 + 3 * 12u);

  EXPECT_EQ(LineFrequencyTable::Load("", &u).code(), StatusCode::kParseError);
  EXPECT_EQ(LineFrequencyTable::Load("XXXX", &u).code(), StatusCode::kParseError);
  std::string v3 = bytes;
  v3[4] = 3;
  const Status s3 = LineFrequencyTable::Load(v3, &u);
  EXPECT_NE(s3.message().find("version 3"), std::string::npos) << s3.message();
  std::string v0 = bytes;
  v0[4] = 0;
  EXPECT_FALSE(LineFrequencyTable::Load(v0, &u).ok());
  // Version 1 (line-pair keys instead of group keys) still loads: its line
  // counts mean the same.
  std::string v1 = bytes;
  v1[4] = 1;
  LineFrequencyTable old;
  ASSERT_TRUE(LineFrequencyTable::Load(v1, &old).ok());
  EXPECT_EQ(old.CountLine("a"), 2u);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(LineFrequencyTable::Load(bytes.substr(0, cut), &u).ok()) << cut;
  }
  std::string unsorted = bytes;
  std::swap_ranges(unsorted.end() - 24, unsorted.end() - 12, unsorted.end() - 12);
  EXPECT_FALSE(LineFrequencyTable::Load(unsorted, &u).ok());
  // A failed load leaves the table as it was.
  EXPECT_EQ(u.Save(), bytes);
}

// A story of `paragraphs` lines of 14 words each, drawn from a fixed word
// list by `seed`: different seeds share (almost) no word 5-grams.
std::string Story(uint32_t seed, int paragraphs = 4) {
  static const char* kWords[] = {"council", "river",  "bridge", "spring",  "officials", "residents",
                                 "lorries", "closed", "budget", "vote",    "mayor",     "traffic",
                                 "repair",  "plan",   "years",  "workers", "city",      "report",
                                 "the",     "and",    "said",   "would",   "after",     "before"};
  std::mt19937 rng(seed);
  std::string text;
  for (int p = 0; p < paragraphs; ++p) {
    for (int w = 0; w < 14; ++w) text += std::string(w ? " " : "") + kWords[rng() % 24];
    text += ".\n";
  }
  return text;
}

TEST(DocumentGroupKeys, NearDuplicatesShareKeysUnrelatedDoNot) {
  const std::string story = Story(1);
  uint64_t a[kDocumentGroupKeys], b[kDocumentGroupKeys], c[kDocumentGroupKeys];
  // Short lines (menus, labels) are not part of the keys.
  DocumentGroupKeys("Home | News\nSport\n" + story + "Menu item 1\n", a);
  DocumentGroupKeys("Site two\n\n" + story + "\nContact us\nAbout\n", b);
  DocumentGroupKeys("Home | News\nSport\n" + Story(2) + "Menu item 1\n", c);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    EXPECT_NE(a[k], 0u);
    EXPECT_EQ(a[k], b[k]) << k;
    EXPECT_NE(a[k], c[k]) << k;
  }
  std::vector<bool> long_lines;
  DocumentGroupKeys("Home\n" + story, a, &long_lines);
  ASSERT_EQ(long_lines.size(), 5u);  // "Home" and 4 paragraphs
  EXPECT_FALSE(long_lines[0]);
  for (int i = 1; i <= 4; ++i) EXPECT_TRUE(long_lines[i]) << i;
}

TEST(DocumentGroupKeys, NoKeysWithoutEnoughLongText) {
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys("Home\nNews\nSport\nWeather\n", keys);  // a menu
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
  // One 8-word line: long, but 4 shingles are too few to stand for a story.
  std::vector<bool> long_lines;
  DocumentGroupKeys("Story number one has its own text here.\n", keys, &long_lines);
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
  ASSERT_FALSE(long_lines.empty());
  EXPECT_TRUE(long_lines[0]);
  DocumentGroupKeys("", keys);
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
}

// Group keys are counted into saved tables (format version 2): these values
// may change only together with kLineFrequencyFormatVersion.
TEST(DocumentGroupKeys, GoldenValues) {
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys(Story(7, 3), keys);
  const uint64_t golden[kDocumentGroupKeys] = {185987220720437457ull, 231560197898237068ull,
                                                59648658269847773ull, 233957440048658943ull};
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(keys[k], golden[k]) << k;
  // Case, digits and punctuation fold as in LineHash.
  std::string shouted = Story(7, 3);
  for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  DocumentGroupKeys(shouted, keys);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(keys[k], golden[k]) << k;
}

// Copies of one story count as one document for the story's lines; a long
// footer printed under many different stories still counts every page.
TEST(LineFrequencyTable, CountGroupsCountsNearDuplicatesOnce) {
  const std::string footer =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  const std::string story = Story(11);
  LineFrequencyTable t;
  for (int d = 0; d < 4; ++d) t.AddDocument("Site " + std::to_string(d) + "\n" + story + footer + "\n");
  for (int d = 0; d < 4; ++d) t.AddDocument(Story(100 + d) + footer + "\n");
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys("Site 0\n" + story + footer + "\n", keys);
  const uint64_t paragraph = LineHash(story.substr(0, story.find('\n')));
  EXPECT_EQ(t.Count(paragraph), 4u);
  EXPECT_EQ(t.CountGroups(paragraph, keys), 1u);
  EXPECT_EQ(t.Count(LineHash(footer)), 8u);
  EXPECT_GE(t.CountGroups(LineHash(footer), keys), 5u);
  // Without keys (or keys never counted) it is the plain count.
  const uint64_t none[kDocumentGroupKeys] = {};
  EXPECT_EQ(t.CountGroups(paragraph, none), 4u);
  uint64_t other[kDocumentGroupKeys];
  DocumentGroupKeys(Story(999), other);
  EXPECT_EQ(t.CountGroups(paragraph, other), 4u);
}

TEST(ClassifierCorpus, FrequentLinesAreBoilerplate) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string footer =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  LineFrequencyTable corpus;
  for (int d = 0; d < 5; ++d) {
    corpus.AddDocument("Story number " + std::to_string(d) + " has its own text here.\n" + footer + "\n");
  }
  const std::string doc =
      "The council met on Tuesday and agreed to rebuild the old bridge over the river.\n" + footer +
      "\nThe work will start in spring and should be finished within two years, officials said.\n";
  ClassifyResult without, with;
  model->Classify(doc, &without);
  model->Classify(doc, &with, &corpus);
  ASSERT_EQ(with.lines.size(), 3u);
  EXPECT_EQ(without.lines[1].label, LineLabel::kContent);
  EXPECT_EQ(with.lines[1].label, LineLabel::kBoilerplate);
  EXPECT_TRUE(with.lines[1].reasons & kReasonFrequentInCorpus);
  EXPECT_EQ(with.lines[0].label, LineLabel::kContent);
  EXPECT_EQ(with.lines[2].label, LineLabel::kContent);
}

// The same prose paragraphs in several documents (one story, syndicated)
// are content: near-duplicate detection must still see them.
TEST(ClassifierCorpus, SyndicatedParagraphsStayContent) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string story =
      "The council met on Tuesday and agreed to rebuild the old bridge over the river.\n\n"
      "The work will start in spring and should be finished within two years, officials said.\n\n"
      "Residents have asked for a new crossing since the old one was closed to lorries last year.\n";
  LineFrequencyTable corpus;
  std::vector<std::string> copies;
  for (int d = 0; d < 5; ++d) {
    copies.push_back("Site " + std::to_string(d) + " | Home | News\n\n" + story + "\nMenu item " +
                     std::to_string(d) + "\n");
    corpus.AddDocument(copies.back());
  }
  ClassifyResult r;
  model->Classify(copies[2], &r, &corpus);
  for (const LineResult& line : r.lines) {
    const std::string_view text(copies[2].data() + line.begin, line.end - line.begin);
    if (story.find(text) != std::string::npos && !text.empty()) {
      EXPECT_EQ(line.label, LineLabel::kContent) << text;
      EXPECT_FALSE(line.reasons & kReasonFrequentInCorpus) << text;
    }
  }
}

// Both at once: in one corpus, the copies of a story keep its paragraphs
// while the appeal their site prints under every story is still removed.
TEST(ClassifierCorpus, SyndicatedStoryKeptSiteAppealRemoved) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string appeal =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  const std::string story = Story(11);
  LineFrequencyTable corpus;
  std::vector<std::string> copies;
  for (int d = 0; d < 4; ++d) {
    copies.push_back("Edition " + std::to_string(d) + "\n" + story + appeal + "\n");
    corpus.AddDocument(copies.back());
  }
  for (int d = 0; d < 6; ++d) corpus.AddDocument("Edition\n" + Story(200 + d) + appeal + "\n");
  ClassifyResult r;
  model->Classify(copies[1], &r, &corpus);
  ASSERT_EQ(r.lines.size(), 6u);
  for (int i = 1; i <= 4; ++i) {
    EXPECT_EQ(r.lines[i].label, LineLabel::kContent) << i;
    EXPECT_FALSE(r.lines[i].reasons & kReasonFrequentInCorpus) << i;
  }
  EXPECT_EQ(r.lines[5].label, LineLabel::kBoilerplate);
  EXPECT_TRUE(r.lines[5].reasons & kReasonFrequentInCorpus);
}

}  // namespace
}  // namespace boilerhash
