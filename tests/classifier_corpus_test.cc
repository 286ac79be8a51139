// The corpus line-frequency table: counts documents, bounded memory,
// merge = one table, versioned Save/Load with errors as values, and the
// classifier's frequent_in_corpus signal.
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
  // Header: magic, version 1, then fields (docs/CLASSIFIER.md); entries for
  // the lines a, b, c and the pairs (start, a), (a, b), (b, c).
  EXPECT_EQ(bytes[4], 1);
  EXPECT_EQ(bytes.size(), 4 + 4 + 8 + 8 + 4 + 8 + 6 * 12u);
  EXPECT_EQ(u.Count(LinePairKey(LineHash("a"), LineHash("b"))), 2u);
  EXPECT_EQ(u.Count(LinePairKey(LineHash("b"), LineHash("c"))), 1u);

  EXPECT_EQ(LineFrequencyTable::Load("", &u).code(), StatusCode::kParseError);
  EXPECT_EQ(LineFrequencyTable::Load("XXXX", &u).code(), StatusCode::kParseError);
  std::string v2 = bytes;
  v2[4] = 2;
  const Status s2 = LineFrequencyTable::Load(v2, &u);
  EXPECT_NE(s2.message().find("version 2"), std::string::npos) << s2.message();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(LineFrequencyTable::Load(bytes.substr(0, cut), &u).ok()) << cut;
  }
  std::string unsorted = bytes;
  std::swap_ranges(unsorted.end() - 24, unsorted.end() - 12, unsorted.end() - 12);
  EXPECT_FALSE(LineFrequencyTable::Load(unsorted, &u).ok());
  // A failed load leaves the table as it was.
  EXPECT_EQ(u.Save(), bytes);
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

}  // namespace
}  // namespace boilerhash
