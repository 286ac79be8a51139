// The line classifier (BoilerplateModel::Classify with the default English
// model, with and without a corpus table) on every SIMD target. Invariants:
// one result per line of SplitLines (labels count = lines count), spans in
// order inside the document, label counts add up, the cleaned text is the
// content lines' original bytes joined by '\n' (so a subsequence of the input
// lines) and equals AppendCleanedText, ExplainClassification has one row per
// line, and every target gives the same labels, reasons, scores and text.
// Also where the classifier would cut the input into windows of a few lines
// (LineWindowEnds): every window within the limit, ending at a line's end,
// the windows' lines together the document's; and a model with such windows
// gives each window's result, the window classified alone.
#include <algorithm>
#include <fuzzer/FuzzedDataProvider.h>

#include <memory>
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "fuzz_util.h"
#include "line_spans.h"  // internal: LineWindowEnds

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::StringDiff;

namespace {
const BoilerplateModel& Model() {
  static const std::unique_ptr<BoilerplateModel> model = [] {
    Status st;
    auto m = BoilerplateModel::Default(&st);
    FUZZ_CHECK(m && st.ok(), "default model: " + st.message());
    return m;
  }();
  return *model;
}

// The default model with windows of `window` lines (1..16), built once each.
const BoilerplateModel& WindowModel(uint32_t window) {
  static std::unique_ptr<BoilerplateModel> models[17];
  if (!models[window]) {
    ClassifierOptions options;
    options.window_lines = window;
    Status st;
    models[window] = BoilerplateModel::DefaultWithOptions(options, &st);
    FUZZ_CHECK(models[window] && st.ok(), "model with windows: " + st.message());
  }
  return *models[window];
}

bool SameResult(const ClassifyResult& a, const ClassifyResult& b, std::string* why) {
  if (a.lines.size() != b.lines.size()) return *why = "line counts differ", false;
  for (size_t i = 0; i < a.lines.size(); ++i) {
    const LineResult& x = a.lines[i];
    const LineResult& y = b.lines[i];
    if (x.begin != y.begin || x.end != y.end || x.label != y.label || x.reasons != y.reasons ||
        x.score != y.score) {
      *why = "line " + std::to_string(i + 1) + ": label " + LineLabelName(x.label) + "/" +
             LineLabelName(y.label) + " reasons " + std::to_string(x.reasons) + "/" +
             std::to_string(y.reasons) + " score " + std::to_string(x.score) + "/" + std::to_string(y.score);
      return false;
    }
  }
  if (a.cleaned != b.cleaned) return *why = "cleaned: " + StringDiff(a.cleaned, b.cleaned), false;
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 8) return 0;
  FuzzedDataProvider fdp(data, size);
  const bool with_corpus = fdp.ConsumeBool();
  const std::string doc = fdp.ConsumeRemainingBytesAsString();
  // A corpus where every line of the document appears in 0..4 documents.
  std::unique_ptr<LineFrequencyTable> corpus;
  if (with_corpus) {
    corpus = std::make_unique<LineFrequencyTable>(1024);
    for (size_t d = 0; d < (size % 5); ++d) corpus->AddDocument(doc);
  }
  const BoilerplateModel& model = Model();
  ClassifyResult first;
  model.Classify(doc, &first, corpus.get());

  const std::vector<LineSpan> spans = SplitLines(doc);
  FUZZ_CHECK(first.lines.size() == spans.size(), "labels " + std::to_string(first.lines.size()) +
                                                     " for " + std::to_string(spans.size()) + " lines");
  std::string cleaned;
  size_t content = 0, boiler = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    const LineResult& l = first.lines[i];
    FUZZ_CHECK(l.begin == spans[i].begin && l.end == spans[i].end && l.end <= doc.size(),
               "span of line " + std::to_string(i + 1));
    FUZZ_CHECK(l.label == LineLabel::kContent || l.label == LineLabel::kBoilerplate ||
                   l.label == LineLabel::kBlank, "unknown label");
    if (l.label == LineLabel::kContent) {
      if (content++) cleaned += '\n';
      cleaned.append(doc, l.begin, l.end - l.begin);
    }
    boiler += l.label == LineLabel::kBoilerplate;
  }
  FUZZ_CHECK(first.cleaned == cleaned, "cleaned text is not the content lines: " + StringDiff(first.cleaned, cleaned));
  FUZZ_CHECK(first.content_lines == content && first.boilerplate_lines == boiler,
             "label counts " + std::to_string(first.content_lines) + "/" + std::to_string(first.boilerplate_lines) +
                 " vs " + std::to_string(content) + "/" + std::to_string(boiler));
  {
    // Where a document of many lines is cut into the classifier's windows
    // (line_spans.h), at a window size small enough for this input, and the
    // result of a model with such windows: each window's, classified alone.
    const size_t max_lines = 1 + size % 16;
    // Windows by lines (what the model cuts at this size) and, as a document
    // past 4 GiB is cut, also by bytes (scaled down).
    const auto check_windows = [&](size_t max_bytes, std::vector<size_t>* ends) {
      FUZZ_CHECK(internal::LineWindowEnds(doc, max_lines, max_bytes, ends) == spans.size(),
                 "LineWindowEnds' line count");
      FUZZ_CHECK(!ends->empty() && ends->back() == doc.size(), "the windows end at the document's end");
      size_t begin = 0, lines = 0;
      for (size_t e : *ends) {
        FUZZ_CHECK(e >= begin && (e == doc.size() || (e > begin && doc[e - 1] == '\n')),
                   "a window ends at a line's end");
        const size_t n = SplitLines(std::string_view(doc).substr(begin, e - begin)).size();
        FUZZ_CHECK(n <= max_lines, "a window of " + std::to_string(n) + " lines, over " + std::to_string(max_lines));
        FUZZ_CHECK(e - begin <= max_bytes || n == 1, "a window of several lines over max_bytes");
        lines += n;
        begin = e;
      }
      FUZZ_CHECK(lines == spans.size(), "the windows' lines are not the document's");
    };
    std::vector<size_t> ends, byte_ends;
    check_windows(SIZE_MAX, &ends);
    check_windows(1 + size % 509, &byte_ends);
    size_t begin = 0;
    const BoilerplateModel& windowed = WindowModel(static_cast<uint32_t>(max_lines));
    ClassifyResult whole, part;
    windowed.Classify(doc, &whole, corpus.get());
    uint64_t doc_keys[kDocumentGroupKeys];  // every window counts with the document's group keys
    DocumentGroupKeys(doc, doc_keys);
    FUZZ_CHECK(whole.lines.size() == spans.size(), "windowed: labels for every line");
    size_t line = 0;
    begin = 0;
    for (size_t e : ends) {
      windowed.Classify(std::string_view(doc).substr(begin, e - begin), &part, corpus.get(),
                        corpus ? doc_keys : nullptr);
      for (const LineResult& l : part.lines) {
        const LineResult& w = whole.lines[line++];
        FUZZ_CHECK(w.begin == l.begin + begin && w.end == l.end + begin && w.label == l.label &&
                       w.reasons == l.reasons && w.score == l.score,
                   "windowed: line " + std::to_string(line) + " is not its window's, classified alone");
      }
      begin = e;
    }
    std::string joined;
    AppendCleanedText(doc, whole, &joined);
    FUZZ_CHECK(whole.cleaned == joined, "windowed: cleaned text is not the content lines");
  }
  std::string appended = "x";
  AppendCleanedText(doc, first, &appended);
  FUZZ_CHECK(appended.substr(1) == cleaned, "AppendCleanedText differs from cleaned");
  const std::string explain = ExplainClassification(doc, first);
  size_t rows = 0;
  for (char c : explain) rows += c == '\n';
  if (!explain.empty() && explain.back() != '\n') ++rows;
  FUZZ_CHECK(rows == spans.size(), "explain rows " + std::to_string(rows) + " for " + std::to_string(spans.size()) + " lines");

  fuzz::ForEachTarget([&](const std::string& target) {
    ClassifyResult r;
    r.cleaned = "stale";
    model.Classify(doc, &r, corpus.get());
    std::string why;
    FUZZ_CHECK(SameResult(r, first, &why), "Classify on " + target + " differs: " + why + " doc " + Escape(doc));
  });
  if (corpus) {
    // The corpus pass's group keys handed in give the labels computed ones do.
    std::vector<uint64_t> keys;
    uint64_t groups[kDocumentGroupKeys];
    DocumentCorpusKeys(doc, &keys, groups);
    uint64_t direct[kDocumentGroupKeys];
    DocumentGroupKeys(doc, direct);
    FUZZ_CHECK(std::equal(groups, groups + kDocumentGroupKeys, direct),
               "DocumentCorpusKeys' group keys differ from DocumentGroupKeys on " + Escape(doc));
    ClassifyResult r;
    model.Classify(doc, &r, corpus.get(), groups);
    std::string why;
    FUZZ_CHECK(SameResult(r, first, &why), "Classify with the corpus pass's group keys differs: " + why);
  }
  return 0;
}
