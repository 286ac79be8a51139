// Boilerplate detection: a line classifier (issue 3).
//
// Input: a document's text. Output: for every line a label, a reason bitmask
// naming every signal that fired (reasons.h), and a score; plus the cleaned
// text (content lines only, original bytes kept, joined by '\n').
//
// A BoilerplateModel is built once (patterns compiled, stopword lists loaded)
// and is then immutable: Classify() may run on many threads at once; each
// thread gets its own pattern scratch internally.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "boilerhash/status.h"

namespace boilerhash {

class LineFrequencyTable;  // corpus_stats.h

enum class LineLabel : uint8_t { kContent = 0, kBoilerplate = 1, kBlank = 2 };
const char* LineLabelName(LineLabel label);  // "content", "boilerplate", "blank"

struct LineResult {
  size_t begin = 0;      // byte offset of the line in the document
  size_t end = 0;        // one past its last byte, without the '\n' (and '\r')
  LineLabel label = LineLabel::kBlank;
  uint32_t reasons = 0;  // bitmask of Reason (reasons.h)
  float score = 0.0f;    // > 0 leans boilerplate, < 0 leans content
};

// A document of more lines than this (ClassifierOptions::window_lines) is
// classified in consecutive windows of at most this many lines, each as if it
// were a document of its own: the repetition count, the main block and the
// section context do not cross a window's edge (corpus statistics and group
// keys stay the document's). A window ends after the last empty line in its
// final quarter where there is one. Web pages have a few thousand lines at
// most, so this changes nothing for them; it bounds the classifier's working
// memory (about 150 bytes a line) for a huge document of short lines, which
// would otherwise need 16 GB for 100 MB of empty lines. The result still has
// a LineResult (32 bytes) per line. A window also holds at most 4 GiB - 1
// bytes (line offsets inside it are 32-bit), whatever window_lines is: a
// document past that is cut before the line that would pass it, and a
// single line longer than that is kept as content, unclassified.
inline constexpr size_t kClassifyWindowLines = size_t{1} << 16;

struct ClassifyResult {
  std::vector<LineResult> lines;  // one per line of the input, in order
  std::string cleaned;            // content lines joined with '\n'
  size_t boilerplate_lines = 0;
  size_t content_lines = 0;
};

// The factories below refuse values the rules cannot mean, with a null model
// and kInvalidArgument naming the option: corpus_min_documents 0, a
// min_stopword_density outside [0, 1] or NaN, a pattern_words_per_weight
// that is not finite and above 0, a NaN or infinite max_link_like_upper.
struct ClassifierOptions {
  // Lines seen in at least this many corpus documents are boilerplate.
  uint32_t corpus_min_documents = 3;
  // The model's thresholds (docs/CLASSIFIER.md explains each and where it
  // comes from). Defaults tuned on datasets/pages-dev.
  uint32_t short_words = 4;          // fewer words: "short" (jusText: 4+ words are not short)
  uint32_t good_words = 10;          // a good (content) line has at least this many words
  float min_stopword_density = 0.2f; // jusText's stopwords_low for English
  float pattern_words_per_weight = 12.0f;  // pattern weight needed grows 1 per this many words
  float max_link_like_upper = 0.0f;  // reserved
  bool use_main_block = true;        // Body Text Extraction pass (reason outside_main_block)
  uint32_t strong_words = 30;        // a good line this long survives outside the main block
                                     // and is body, not a teaser's blurb
  uint32_t main_block_max_gap = 15;  // this many non-content lines in a row end the main
                                     // block (0: no limit)
  uint32_t window_lines = kClassifyWindowLines;  // lines per window of a long document
                                                 // (above; 0: one window, no limit)
};

class BoilerplateModel {
 public:
  // The default model: the English pattern set embedded in the library.
  static std::unique_ptr<BoilerplateModel> Default(Status* status = nullptr);
  // A model with the patterns of a pattern file (format: docs/PATTERNS.md).
  // A bad file gives a null model and a status naming the offending line.
  static std::unique_ptr<BoilerplateModel> FromPatternText(std::string_view pattern_file_text,
                                                           const ClassifierOptions& options,
                                                           Status* status);
  // The default English patterns with other options.
  static std::unique_ptr<BoilerplateModel> DefaultWithOptions(const ClassifierOptions& options,
                                                              Status* status);
  virtual ~BoilerplateModel() = default;
  virtual const ClassifierOptions& options() const = 0;

  // corpus may be null (no cross-document statistics). group_keys, when not
  // null, are the document's kDocumentGroupKeys DocumentGroupKeys, as
  // DocumentCorpusKeys returned them in the corpus pass: given, Classify does
  // not compute them again (same labels either way).
  virtual void Classify(std::string_view document, ClassifyResult* out,
                        const LineFrequencyTable* corpus = nullptr,
                        const uint64_t* group_keys = nullptr) const = 0;
};

// Where Classify cuts a document into windows of at most window_lines lines
// (ClassifierOptions::window_lines; kClassifyWindowLines above): the end
// offset of each window, the last being document.size(); one entry when the
// document is one window (window_lines 0: always, up to 4 GiB - 1 bytes). Classifying each window
// alone, with the whole document's group keys when there is a corpus, gives
// the lines Classify gives for the document: a caller that keeps only the
// cleaned text can hold one window's LineResults at a time.
std::vector<size_t> ClassifyWindowEnds(std::string_view document, uint32_t window_lines);

// Classifies the document one window at a time (ends: its
// ClassifyWindowEnds), as Classify does, with the document's group keys
// (computed here when there is a corpus and none are given), calling
// each(window_begin, result) with each window's result in *scratch (offsets
// within the window). Together they are the lines Classify gives.
void ClassifyWindows(const BoilerplateModel& model, std::string_view document, const std::vector<size_t>& ends,
                     const LineFrequencyTable* corpus, const uint64_t* group_keys, ClassifyResult* scratch,
                     const std::function<void(size_t window_begin, const ClassifyResult&)>& each);

// Tab-separated rows: line number (1-based), label, reason names joined by
// ',' (or '-' when none), line text. One row per input line.
std::string ExplainClassification(std::string_view document, const ClassifyResult& result);

// Adds the content lines of result (original bytes, joined with '\n') to out;
// the same text as result.cleaned.
void AppendCleanedText(std::string_view document, const ClassifyResult& result, std::string* out);

}  // namespace boilerhash
