// Documents of many lines are classified in windows (classifier.h,
// kClassifyWindowLines): where the windows are cut, and that the result is
// that of each window classified as a document of its own, so memory follows
// the window, not the document.
#include <random>
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "boilerhash/reasons.h"
#include "line_spans.h"  // internal: LineWindowEnds
#include "test_util.h"

namespace boilerhash {
namespace {

// Lines of a random text: empty, space-only or words; '\n' or "\r\n" ends.
std::string RandomLines(std::mt19937_64& rng, size_t lines, double empty_share) {
  std::string text;
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t i = 0; i < lines; ++i) {
    if (u(rng) >= empty_share) text += rng() % 9 == 0 ? "  " : "word " + std::to_string(rng() % 50);
    text += rng() % 5 == 0 ? "\r\n" : "\n";
  }
  if (rng() % 2 && !text.empty()) text.pop_back();  // sometimes no final newline
  return text;
}

TEST(LineWindowEnds, WindowsCoverTheTextAndCutAtEmptyLinesInTheLastQuarter) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 400; ++trial) {
    const size_t max_lines = 4 + rng() % 40;
    const std::string text = RandomLines(rng, rng() % (6 * max_lines), trial % 3 == 0 ? 0.0 : 0.15);
    std::vector<size_t> ends;
    const size_t total = internal::LineWindowEnds(text, max_lines, SIZE_MAX, &ends);
    ASSERT_EQ(total, SplitLines(text).size());
    ASSERT_FALSE(ends.empty());
    ASSERT_EQ(ends.back(), text.size());
    ASSERT_EQ(ends.size() == 1, total <= max_lines) << "trial " << trial;
    size_t begin = 0, lines = 0;
    for (size_t k = 0; k < ends.size(); ++k) {
      const std::string_view window(text.data() + begin, ends[k] - begin);
      const std::vector<LineSpan> spans = SplitLines(window);
      lines += spans.size();
      ASSERT_LE(spans.size(), max_lines) << "trial " << trial << " window " << k;
      if (k + 1 < ends.size()) {
        ASSERT_GT(ends[k], begin);
        ASSERT_EQ(text[ends[k] - 1], '\n') << "a window ends at a line's end";
        const auto empty = [&](size_t j) { return spans[j].begin == spans[j].end; };
        const size_t quarter = max_lines - max_lines / 4;  // lines after this are the last quarter
        if (spans.size() < max_lines) {
          // Cut early: at an empty line of the last quarter.
          EXPECT_TRUE(empty(spans.size() - 1)) << "trial " << trial << " window " << k;
          EXPECT_GT(spans.size(), quarter);
        } else if (!empty(spans.size() - 1)) {
          // Cut at the limit: no empty line in the last quarter to cut at instead.
          for (size_t j = quarter; j + 1 < spans.size(); ++j) {
            EXPECT_FALSE(empty(j)) << "trial " << trial << " window " << k << " line " << j;
          }
        }
      }
      begin = ends[k];
    }
    EXPECT_EQ(lines, total);
  }
}

// A window also stays within max_bytes (the classifier's 32-bit offsets: a
// document past 4 GiB is cut so): it ends at a line's end before a line
// that would take it past, and a longer line is a window alone.
TEST(LineWindowEnds, WindowsStayWithinMaxBytes) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 400; ++trial) {
    const size_t max_lines = 4 + rng() % 40;
    const size_t max_bytes = 20 + rng() % 200;
    const std::string text = RandomLines(rng, rng() % (6 * max_lines), 0.15);
    std::vector<size_t> ends;
    const size_t total = internal::LineWindowEnds(text, max_lines, max_bytes, &ends);
    ASSERT_EQ(ends.back(), text.size());
    size_t begin = 0, lines = 0;
    for (size_t k = 0; k < ends.size(); ++k) {
      const std::string_view window(text.data() + begin, ends[k] - begin);
      const std::vector<LineSpan> spans = SplitLines(window);
      const size_t n = spans.size();
      lines += n;
      ASSERT_LE(n, max_lines);
      ASSERT_TRUE(window.size() <= max_bytes || n == 1) << "trial " << trial << " window " << k;
      if (k + 1 < ends.size()) {
        ASSERT_EQ(text[ends[k] - 1], '\n');
        // Not cut early for bytes: the next line would not have fit.
        if (n < max_lines && window.size() <= max_bytes) {
          const size_t next_end = text.find('\n', ends[k]);
          const size_t with_next = (next_end == std::string::npos ? text.size() : next_end + 1) - begin;
          const bool empty_cut = spans.back().begin == spans.back().end;  // cut for lines, at an empty one
          EXPECT_TRUE(with_next > max_bytes || empty_cut) << "trial " << trial << " window " << k;
        }
      }
      begin = ends[k];
    }
    ASSERT_EQ(lines, total);
  }
}

TEST(LineWindowEnds, OneWindowUpToTheLimit) {
  std::vector<size_t> ends;
  const std::string at_limit(kClassifyWindowLines, '\n');
  EXPECT_EQ(internal::LineWindowEnds(at_limit, kClassifyWindowLines, SIZE_MAX, &ends), kClassifyWindowLines);
  EXPECT_EQ(ends, std::vector<size_t>{at_limit.size()});
  const std::string over = at_limit + "x";
  internal::LineWindowEnds(over, kClassifyWindowLines, SIZE_MAX, &ends);
  EXPECT_EQ(ends.size(), 2u);
  // An empty line near the end of a text of max_lines lines cuts nothing.
  std::string full;
  for (int i = 0; i < 98; ++i) full += "a\n";
  full += "\nlast";
  EXPECT_EQ(internal::LineWindowEnds(full, 100, SIZE_MAX, &ends), 100u);
  EXPECT_EQ(ends, std::vector<size_t>{full.size()});
  EXPECT_EQ(internal::LineWindowEnds(full + "\nmore", 100, SIZE_MAX, &ends), 101u);
  EXPECT_EQ(ends, (std::vector<size_t>{2 * 98 + 1, full.size() + 5}));
  EXPECT_EQ(internal::LineWindowEnds("", 8, SIZE_MAX, &ends), 0u);
  EXPECT_EQ(ends, std::vector<size_t>{0});
}

// A long page-like text: stories (good lines) between menus and footers that
// repeat, blank lines between blocks; at least `lines` lines.
std::string ManyLinePage(size_t min_lines) {
  std::mt19937_64 rng(11);
  static const char* menu[] = {"Home", "World", "Sports", "Share on Facebook", "Sign up for our newsletter",
                               "Read more", "Advertisement", "All rights reserved."};
  std::string text;
  size_t lines = 0;
  while (lines < min_lines) {
    for (int m = 0; m < 6; ++m, ++lines) text += std::string(menu[rng() % 8]) + "\n";
    text += "\n";
    ++lines;
    const size_t paragraphs = 1 + rng() % 4;
    for (size_t p = 0; p < paragraphs; ++p, lines += 2) {
      // A sentence of its own (random nouns between stopwords): the windows'
      // shingles differ, and so would group keys made from one window alone.
      text += "The council said that";
      for (int w = 0; w < 12; ++w) {
        static const char* syllables[] = {"ka", "lo", "mi", "ne", "su", "ta", "ver", "don"};
        text += " the ";
        for (int k = 0; k < 3; ++k) text += syllables[rng() % 8];  // digits would fold to one key
        text += " of it";
      }
      text += " would be built.\n\n";
    }
  }
  return text;
}

void ExpectSameLine(const LineResult& got, const LineResult& want, size_t base, size_t line) {
  ASSERT_EQ(got.begin, want.begin + base) << "line " << line;
  ASSERT_EQ(got.end, want.end + base) << "line " << line;
  ASSERT_EQ(got.label, want.label) << "line " << line;
  ASSERT_EQ(got.reasons, want.reasons) << "line " << line;
  ASSERT_EQ(got.score, want.score) << "line " << line;
}

// The whole document's result is its windows' results, each window
// classified alone (offsets shifted), and the cleaned text is theirs joined;
// ClassifyWindows gives the same lines one window at a time.
void ExpectWindowed(const BoilerplateModel& model, const std::string& doc, const LineFrequencyTable* corpus,
                    const uint64_t* keys_given, const uint64_t* window_keys) {
  ClassifyResult whole;
  model.Classify(doc, &whole, corpus, keys_given);
  const std::vector<LineSpan> spans = SplitLines(doc);
  ASSERT_EQ(whole.lines.size(), spans.size());
  std::vector<size_t> ends;
  internal::LineWindowEnds(doc, model.options().window_lines, SIZE_MAX, &ends);
  ASSERT_GE(ends.size(), 3u) << "the page should need several windows";
  size_t begin = 0, line = 0, content = 0, boilerplate = 0;
  for (size_t end : ends) {
    ClassifyResult part;
    model.Classify(std::string_view(doc).substr(begin, end - begin), &part, corpus, window_keys);
    for (const LineResult& l : part.lines) {
      ExpectSameLine(whole.lines[line], l, begin, line);
      ++line;
    }
    content += part.content_lines;
    boilerplate += part.boilerplate_lines;
    begin = end;
  }
  EXPECT_EQ(line, spans.size());
  // ClassifyWindows, the window-at-a-time form, gives the same lines.
  size_t streamed = 0;
  ClassifyResult scratch;
  ClassifyWindows(model, doc, ends, corpus, keys_given, &scratch, [&](size_t begin, const ClassifyResult& part) {
    for (const LineResult& l : part.lines) {
      ExpectSameLine(whole.lines[streamed], l, begin, streamed);
      ++streamed;
    }
  });
  EXPECT_EQ(streamed, spans.size());
  EXPECT_EQ(whole.content_lines, content);
  EXPECT_EQ(whole.boilerplate_lines, boilerplate);
  EXPECT_GT(content, 0u);
  EXPECT_GT(boilerplate, 0u);
  std::string cleaned;
  AppendCleanedText(doc, whole, &cleaned);
  EXPECT_EQ(whole.cleaned, cleaned);
}

std::unique_ptr<BoilerplateModel> ModelWithWindow(uint32_t window_lines) {
  ClassifierOptions options;
  options.window_lines = window_lines;
  Status status;
  auto model = BoilerplateModel::DefaultWithOptions(options, &status);
  EXPECT_TRUE(model) << status.message();
  return model;
}

TEST(ClassifierWindows, ADocumentOfManyLinesIsItsWindowsClassifiedAlone) {
  const auto model = BoilerplateModel::Default();
  ASSERT_EQ(model->options().window_lines, kClassifyWindowLines);
  ExpectWindowed(*model, ManyLinePage(kClassifyWindowLines * 5 / 2), nullptr, nullptr, nullptr);
  ExpectWindowed(*ModelWithWindow(97), ManyLinePage(1000), nullptr, nullptr, nullptr);
}

// Within the limit, or with none (window_lines 0), a document is one window.
TEST(ClassifierWindows, WithinTheLimitOneWindow) {
  const std::string twice = "Printed at the top and at the bottom of the page";
  const std::string page = twice + "\n\n" + ManyLinePage(900) + "\n" + twice + "\n";
  ClassifyResult limited, unlimited, windowed;
  ModelWithWindow(static_cast<uint32_t>(SplitLines(page).size()))->Classify(page, &limited);
  ModelWithWindow(0)->Classify(page, &unlimited);
  ModelWithWindow(300)->Classify(page, &windowed);
  ASSERT_EQ(limited.lines.size(), unlimited.lines.size());
  for (size_t i = 0; i < limited.lines.size(); ++i) ExpectSameLine(limited.lines[i], unlimited.lines[i], 0, i);
  // The line printed at both ends repeats in one window, not across windows.
  for (const ClassifyResult* r : {&unlimited, &windowed}) {
    const bool one = r == &unlimited;
    EXPECT_EQ((r->lines.front().reasons & kReasonRepeatedInDoc) != 0, one);
    EXPECT_EQ((r->lines.back().reasons & kReasonRepeatedInDoc) != 0, one);
  }
}

// With a corpus, every window looks its lines up in it, with the whole
// document's group keys (those the corpus pass counted it under), computed
// once when not given. (Keys made from one window would mostly agree: a line
// needs 3 of the 8 keys shared. So this checks that the corpus and the keys
// reach every window, not which keys a window would have made.)
TEST(ClassifierWindows, EveryWindowUsesTheCorpus) {
  const auto model = ModelWithWindow(211);
  const std::string doc = ManyLinePage(1500);
  LineFrequencyTable corpus;
  for (int d = 0; d < 4; ++d) corpus.AddDocument(doc);  // every line frequent: group counts decide
  corpus.AddDocument("Home\nWorld\nSports\n");
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys(doc, keys);
  ASSERT_NE(keys[0], 0u);
  ExpectWindowed(*model, doc, &corpus, nullptr, keys);
  ExpectWindowed(*model, doc, &corpus, keys, keys);
  // The corpus matters here: its menu lines are frequent.
  ClassifyResult with;
  model->Classify(doc, &with, &corpus, keys);
  size_t frequent = 0;
  for (const LineResult& l : with.lines) frequent += (l.reasons & kReasonFrequentInCorpus) != 0;
  EXPECT_GT(frequent, 500u);
}

}  // namespace
}  // namespace boilerhash
