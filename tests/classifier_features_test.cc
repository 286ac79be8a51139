// Line features: every SIMD target bit-exact with the scalar reference
// (src/reference/line_features.cc), plus the definitions on hand-made lines.
#include "boilerhash/line_features.h"

#include "reference/line_features.h"
#include "test_util.h"

namespace boilerhash {
namespace {

const std::set<std::string>& RefStopwords() {
  static const auto* set = new std::set<std::string>(
      reference::ParseStopwords(testing::ReadFile(testing::SourcePath("kernel/patterns/en.stopwords"))));
  return *set;
}

void ExpectMatchesReference(const std::string& text) {
  const auto spans = SplitLines(text);
  std::vector<LineFeatures> fast(spans.size());
  ComputeLineFeatures(text, spans, StopwordSet::English(), fast.data());
  for (size_t i = 0; i < spans.size(); ++i) {
    const std::string_view line(text.data() + spans[i].begin, spans[i].end - spans[i].begin);
    const LineFeatures ref = reference::ComputeLineFeatures(line, RefStopwords());
    ASSERT_EQ(fast[i], ref) << "line " << i << " of " << spans.size() << ": '" << line << "' words "
                            << fast[i].words << "/" << ref.words << " letters " << fast[i].letters
                            << "/" << ref.letters << " punct " << fast[i].punct << "/" << ref.punct;
  }
}

TEST(LineFeatures, EveryTargetMatchesReferenceOnRandomText) {
  std::mt19937_64 rng(17);
  std::vector<std::string> texts;
  for (size_t len : {0, 1, 5, 31, 32, 33, 63, 64, 65, 127, 200, 1000, 5000}) {
    texts.push_back(testing::RandomText(rng, len, false));
    texts.push_back(testing::RandomText(rng, len, true));
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& t : texts) ExpectMatchesReference(t);
  });
}

TEST(LineFeatures, EveryTargetMatchesReferenceOnArticlesAndDevPages) {
  std::vector<std::string> texts;
  for (const auto& f : testing::ArticleFiles()) texts.push_back(testing::ReadArticle(f));
  for (const char* f : {"042bb7b5fedab6ea.txt", "3c6d3381ef52ca26.txt", "702d1da63b8e064c.txt"}) {
    texts.push_back(testing::ReadFile(testing::SourcePath(std::string("datasets/pages-dev/texts/") + f)));
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& t : texts) ExpectMatchesReference(t);
  });
}

TEST(LineFeatures, EveryTargetMatchesReferenceOnEveryByteAtEveryOffset) {
  // Every byte value (the class edges included: \t, ' ', '!', '0', '9',
  // 'A', 'Z', 'z', '~', 0x80, 0xBF, 0xC0, 0xE3, 0xE9) at every position of
  // lines up to 130 bytes long (every fifth byte, from each of five phases),
  // so every lane and the vector/tail boundary see every class.
  std::vector<std::string> texts;
  for (int b = 0; b < 256; ++b) {
    if (b == '\n') continue;
    std::string t;
    for (size_t len = 1; len <= 130; len += 7) {
      for (size_t phase = 0; phase < 5; ++phase) {
        std::string line(len, 'a');
        for (size_t k = phase; k < len; k += 5) line[k] = static_cast<char>(b);
        if (len % 3 == 0) line[len / 2] = ' ';
        t += line + "\n";
      }
    }
    texts.push_back(t);
  }
  ForEachTarget([&](const std::string&) {
    for (const auto& t : texts) ExpectMatchesReference(t);
  });
}

TEST(LineFeatures, Definitions) {
  const std::string text =
      "The cat sat on the mat, and it was \xE2\x80\x9Chappy.\xE2\x80\x9D\n"
      "Read more...\n"
      "- Related headline here\n"
      "2:24\n"
      "\n"
      "Caf\xC3\xA9 NEWS Source:\r\n"
      "Kindle\xE3\x81\xAE\xE8\xA8\xAD\xE5\xAE\x9A\xE3\x80\x82\xE2\x80\x94\n";  // Kindleの設定。—
  const auto spans = SplitLines(text);
  ASSERT_EQ(spans.size(), 7u);
  EXPECT_EQ(text.substr(spans[5].begin, spans[5].end - spans[5].begin), "Caf\xC3\xA9 NEWS Source:");
  std::vector<LineFeatures> f(spans.size());
  ComputeLineFeatures(text, spans, StopwordSet::English(), f.data());
  EXPECT_EQ(f[0].words, 10u);
  EXPECT_EQ(f[0].stopwords, 6u);  // the, on, the, and, it, was
  EXPECT_TRUE(f[0].terminal_punct);
  EXPECT_FALSE(f[0].ellipsis);
  EXPECT_TRUE(f[1].ellipsis);
  EXPECT_TRUE(f[2].bullet);
  EXPECT_FALSE(f[2].terminal_punct);
  EXPECT_EQ(f[3].digits, 3u);
  EXPECT_EQ(f[3].punct, 1u);
  EXPECT_EQ(f[3].letters, 0u);
  EXPECT_EQ(f[4].words, 0u);
  EXPECT_EQ(f[5].chars, 17u);
  EXPECT_EQ(f[5].letters, 14u);  // é counts once
  EXPECT_EQ(f[5].upper, 6u);
  EXPECT_FALSE(f[5].terminal_punct);  // ':' is no sentence end
  EXPECT_FALSE(f[0].question);
  EXPECT_EQ(f[0].cjk, 0u);  // curly quotes are U+201C/D: not CJK
  EXPECT_EQ(f[6].words, 1u);
  EXPECT_EQ(f[6].cjk, 4u);  // の設定。 but not the dash
  EXPECT_FALSE(f[6].terminal_punct);  // the dash follows the 。
}

TEST(LineFeatures, QuestionMarksAfterClosers) {
  const std::string text =
      "Who won the game?\n"
      "Did she say \xE2\x80\x9Cno?\xE2\x80\x9D  \n"
      "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x9F\n"  // full-width question mark
      "Why? Because it rained.\n"
      "What now?...\n";
  const auto spans = SplitLines(text);
  ASSERT_EQ(spans.size(), 5u);
  std::vector<LineFeatures> f(spans.size());
  ComputeLineFeatures(text, spans, StopwordSet::English(), f.data());
  EXPECT_TRUE(f[0].question);
  EXPECT_TRUE(f[1].question);
  EXPECT_TRUE(f[2].question);
  EXPECT_TRUE(f[2].terminal_punct);
  EXPECT_FALSE(f[3].question);  // a question inside, a statement at the end
  EXPECT_FALSE(f[4].question);  // ends in an ellipsis
  EXPECT_TRUE(f[4].ellipsis);
}

TEST(LineFeatures, StopwordSetFromText) {
  Status st;
  auto set = StopwordSet::FromText("# German\n@lang de\nder die das\nund\n", &st);
  ASSERT_TRUE(set) << st.message();
  EXPECT_EQ(set->size(), 4u);
  EXPECT_TRUE(set->Contains("und"));
  EXPECT_FALSE(set->Contains("the"));
  EXPECT_FALSE(set->Contains("@lang"));
  EXPECT_FALSE(StopwordSet::FromText(std::string(40, 'x'), &st));
  EXPECT_EQ(st.code(), StatusCode::kParseError);
  EXPECT_GT(StopwordSet::English().size(), 100u);
  // A byte order mark is not part of the first word; capitals are lowered,
  // as the features pass lowers a line's words before it looks them up.
  set = StopwordSet::FromText("\xEF\xBB\xBFthe And OF\n", &st);
  ASSERT_TRUE(set) << st.message();
  EXPECT_TRUE(set->Contains("the"));
  EXPECT_TRUE(set->Contains("and"));
  EXPECT_TRUE(set->Contains("of"));
  EXPECT_EQ(set->size(), 3u);
}

// Words of 1..15 bytes live in a packed-key table, 16..32 in a hashed one;
// keys are exact (length included), so prefixes, padding and NUL bytes never
// match by accident.
TEST(LineFeatures, EveryTargetMatchesReferenceOnPunctuationRunsAndChunkEdges) {
  // The word pass strips punctuation by counting bits in 56-bit windows and
  // finds words across 64-byte chunks: runs of 1..130 punctuation bytes
  // around stopwords, and stopwords placed at every offset around the chunk
  // edges (63/64/65, 127/128/129), with the line ending there or going on.
  std::vector<std::string> texts;
  std::string t;
  for (size_t run : {1, 2, 15, 55, 56, 57, 62, 63, 64, 65, 66, 127, 128, 129, 130}) {
    const std::string p1(run, '('), p2(run, '.');
    t += p1 + "the" + p2 + " " + p2 + "And" + " of" + p1 + "\n";
    t += p1 + p2 + "\n";  // all punctuation: no word left
    t += "x " + p1 + "\n";
  }
  for (size_t offset = 50; offset < 140; ++offset) {
    const std::string pad(offset, 'z');
    t += pad + " the\n" + pad + " (the)\n" + pad + "the of\n" + pad + " \"The,\" of\n";
  }
  texts.push_back(t);
  texts.push_back("of the and");  // stopwords at the buffer's very end
  texts.push_back(std::string(200, ',') + " the");
  ForEachTarget([&](const std::string&) {
    for (const auto& x : texts) ExpectMatchesReference(x);
  });
}

TEST(LineFeatures, StopwordSetOfManyWordsFindsEachAndNoOther) {
  // Thousands of short words: the bucket table grows and its seed search
  // must place every word; Contains and the features pass agree.
  std::string list;
  std::vector<std::string> in, out;
  std::mt19937_64 rng(5);
  for (int i = 0; i < 6000; ++i) {
    std::string w;
    const size_t len = 1 + rng() % 15;
    for (size_t k = 0; k < len; ++k) w += static_cast<char>('a' + rng() % 26);
    (i % 2 ? out : in).push_back(w);
  }
  for (const auto& w : in) list += w + "\n";
  Status st;
  auto set = StopwordSet::FromText(list, &st);
  ASSERT_TRUE(set) << st.message();
  const std::set<std::string> ref(in.begin(), in.end());
  EXPECT_EQ(set->size(), ref.size());
  for (const auto& w : in) EXPECT_TRUE(set->Contains(w)) << w;
  for (const auto& w : out) EXPECT_EQ(set->Contains(w), ref.count(w) == 1) << w;
  std::string text;
  for (size_t i = 0; i < 400; ++i) text += in[i] + " " + out[i] + ((i % 7 == 6) ? "\n" : " ");
  const auto spans = SplitLines(text);
  std::vector<LineFeatures> f(spans.size());
  ComputeLineFeatures(text, spans, *set, f.data());
  for (size_t i = 0; i < spans.size(); ++i) {
    const std::string_view line(text.data() + spans[i].begin, spans[i].end - spans[i].begin);
    EXPECT_EQ(f[i].stopwords, reference::ComputeLineFeatures(line, ref).stopwords) << line;
  }
}

TEST(LineFeatures, StopwordSetShortAndLongWords) {
  Status st;
  const std::string w15(15, 'q'), w16(16, 'q'), w32(32, 'z');
  auto set = StopwordSet::FromText("a " + w15 + " " + w16 + " " + w32 + " caf\xC3\xA9\n", &st);
  ASSERT_TRUE(set) << st.message();
  EXPECT_EQ(set->size(), 5u);
  EXPECT_EQ(set->max_word_bytes(), 32u);
  EXPECT_TRUE(set->Contains("a"));
  EXPECT_TRUE(set->Contains(w15));
  EXPECT_TRUE(set->Contains(w16));
  EXPECT_TRUE(set->Contains(w32));
  EXPECT_TRUE(set->Contains("caf\xC3\xA9"));
  EXPECT_FALSE(set->Contains(std::string(14, 'q')));
  EXPECT_FALSE(set->Contains(std::string(17, 'q')));
  EXPECT_FALSE(set->Contains(std::string("a\0", 2)));
  EXPECT_FALSE(set->Contains(""));
  EXPECT_FALSE(set->Contains(std::string(33, 'z')));
  // Through the features pass (packed loads and SWAR lower-casing), at the
  // end of the buffer too, where the scalar path is taken.
  const std::string text = "A " + std::string(15, 'Q') + " (a) Caf\xC3\xA9, x\n" + w16 + " a";
  const auto spans = SplitLines(text);
  std::vector<LineFeatures> f(spans.size());
  ComputeLineFeatures(text, spans, *set, f.data());
  EXPECT_EQ(f[0].stopwords, 4u);  // A, QQQ..., (a), Caf\xC3\xA9 (non-ASCII bytes are not lower-cased)
  EXPECT_EQ(f[1].stopwords, 2u);
}

}  // namespace
}  // namespace boilerhash

namespace boilerhash {
namespace {

// The group keys' sentence test: terminal punctuation after closing quotes
// and brackets, but no trailing ellipsis (a truncated teaser).
TEST(LineFeatures, EndsLikeSentence) {
  EXPECT_TRUE(EndsLikeSentence("The council met on Tuesday."));
  EXPECT_TRUE(EndsLikeSentence("Will the bridge reopen?  "));
  EXPECT_TRUE(EndsLikeSentence("He said: \xE2\x80\x9CIt is done.\xE2\x80\x9D"));
  EXPECT_TRUE(EndsLikeSentence("(The vote is next week.)"));
  EXPECT_TRUE(EndsLikeSentence("\xE4\xBC\x9A\xE8\xAE\xAE\xE7\xBB\x93\xE6\x9D\x9F\xE3\x80\x82"));  // 。
  EXPECT_FALSE(EndsLikeSentence("Officials said the bridge would reopen..."));
  EXPECT_FALSE(EndsLikeSentence("Officials said the bridge would reopen\xE2\x80\xA6"));
  EXPECT_FALSE(EndsLikeSentence("Source:"));
  EXPECT_FALSE(EndsLikeSentence("Home | News | Sport"));
  EXPECT_FALSE(EndsLikeSentence(""));
}

}  // namespace
}  // namespace boilerhash
