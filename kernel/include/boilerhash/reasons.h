// Reason bits: why the classifier (classifier.h) labelled a line the way it did.
//
// One bit per signal. The names are lower-case words shared by the library,
// the CLI's `--explain` and the Python module; this header is the only list.
// A line's LineResult::reasons has every bit whose signal fired on it, even
// when other signals outvoted it (so `--explain` shows the whole picture).
#pragma once
#include <cstdint>
#include <string>

namespace boilerhash {

enum Reason : uint32_t {
  // A pattern of the pattern database (pattern_db.h) matched in the line:
  // share/icon text, copyright, bylines, dates, relative times, counters, ...
  kReasonPattern = 1u << 0,
  // Fewer than 4 words (jusText's "short" class): navigation, labels, counters.
  kReasonShort = 1u << 1,
  // The line does not end in terminal punctuation (. ! ? … or a CJK stop,
  // possibly followed by closing quotes or brackets): headlines, links.
  kReasonNoTerminalPunct = 1u << 2,
  // Stopword density below the model's threshold: lists of names, tags, menus.
  kReasonLowStopwords = 1u << 3,
  // The same normalized line occurs more than once in the document
  // (a "Top Stories" block printed twice, a doubled headline or caption).
  kReasonRepeatedInDoc = 1u << 4,
  // The normalized line occurs in at least ClassifierOptions::corpus_min_documents
  // documents of the corpus table (corpus_stats.h).
  kReasonFrequentInCorpus = 1u << 5,
  // The label came from the neighbours (context smoothing, jusText's second
  // pass), not from the line itself.
  kReasonContext = 1u << 6,
  // The line comes after a strong end-of-article marker ("Submit a
  // Correction", "More Videos", "Related Articles", ...).
  kReasonAfterEndMarker = 1u << 7,
  // The line is a section header of a teaser block ("Related", "Top Stories",
  // "Most Watched", "Recommended"), or a line inside such a block.
  kReasonSectionHeader = 1u << 8,
  kReasonInTeaserBlock = 1u << 9,
  // The line ends in an ellipsis ("..." or "…"): a truncated teaser.
  kReasonEllipsis = 1u << 10,
  // The line starts with a list bullet ("- ", "• ", "* ", "» ", "· ").
  kReasonBullet = 1u << 11,
  // Patterns cover the line densely (many matches per word): a line of icon
  // descriptions or share buttons however long it is.
  kReasonPatternDense = 1u << 12,
  // The line lies outside the document's main text block (the maximum-score
  // run of lines, Finn et al.'s Body Text Extraction in linear time).
  kReasonOutsideMainBlock = 1u << 13,
  // Few letters: dates, times, scores, counters, symbols.
  kReasonLowLetters = 1u << 14,
  // Not a boilerplate signal: the line was kept as the article's headline
  // (the nearest headline-like line above the first body paragraph).
  kReasonTitle = 1u << 15,
  // Not a boilerplate signal: a line that is its own paragraph inside the
  // main text block, with no decisive boilerplate signal, inherits the
  // block's content label (list items, recipe steps, table rows, subheads).
  kReasonInMainBlock = 1u << 16,
  // The line is a reader-comment signature ("Jane says:", "Bob on May 2,
  // 2019 at 5:23 pm said:"); after the body, such lines start the comments.
  kReasonCommentSignature = 1u << 17,
  // Not a boilerplate signal: the line belongs to a list that a content line
  // ending in ':' announces ("The tour's 2020 dates:"), the run of lines
  // right under it, and no decisive boilerplate signal fired on it.
  kReasonAnnouncedList = 1u << 18,
};

inline constexpr int kReasonCount = 19;

// The name of one reason bit ("pattern", "short", ...); "unknown" for a
// value that is not exactly one known bit.
const char* ReasonName(uint32_t reason_bit);

// Names of every bit set in mask, in bit order, joined by separator;
// "" for 0. Unknown bits are written as "bit<N>".
std::string ReasonNames(uint32_t mask, char separator = ',');

}  // namespace boilerhash
