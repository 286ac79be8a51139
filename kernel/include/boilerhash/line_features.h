// Stage: per-line features for the boilerplate classifier, computed with SIMD.
//
// Definitions (the scalar reference in src/reference/line_features.cc is the
// executable spec; every target gives the same bits):
//  - bytes: length of the line in bytes.
//  - chars: code points, i.e. bytes that are not UTF-8 continuation bytes
//    (0x80..0xBF).
//  - words: maximal runs of non-space bytes (space = ' ', '\t', '\r', '\f', '\v').
//  - letters: ASCII letters plus non-ASCII code points (lead bytes >= 0xC0):
//    an approximation that counts accented and non-Latin letters and, rarely,
//    non-ASCII punctuation.
//  - upper: ASCII 'A'..'Z'. digits: ASCII '0'..'9'.
//  - cjk: code points U+3000..U+9FFF (lead bytes 0xE3..0xE9): CJK
//    punctuation, kana and ideographs, scripts written without spaces
//    between words, so `words` undercounts them (the classifier counts two
//    of them as a word).
//  - punct: ASCII punctuation (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~).
//  - stopwords: words that are in the StopwordSet after stripping leading and
//    trailing ASCII punctuation and ASCII lower-casing.
//  - terminal_punct: the last non-space character, after skipping closing
//    quotes and brackets (" ' ) ] » ” ’), is . ! ? … 。 ！ ？ or ; / :
//    is NOT terminal (a label "Source:" is no sentence).
//  - ellipsis: the line ends in "..." or "…" (closing quotes skipped too).
//  - question: the line ends in "?" or "？" (closing quotes skipped too).
//  - bullet: the line starts with "- ", "* ", "• ", "· ", "» ", "> ", "– ", "— ".
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "boilerhash/status.h"

namespace boilerhash {

struct LineFeatures {
  uint32_t bytes = 0;
  uint32_t chars = 0;
  uint32_t words = 0;
  uint32_t letters = 0;
  uint32_t upper = 0;
  uint32_t digits = 0;
  uint32_t punct = 0;
  uint32_t stopwords = 0;
  uint32_t cjk = 0;
  uint8_t terminal_punct = 0;
  uint8_t ellipsis = 0;
  uint8_t bullet = 0;
  uint8_t question = 0;

  float LetterRatio() const { return chars ? float(letters) / float(chars) : 0.f; }
  float DigitRatio() const { return chars ? float(digits) / float(chars) : 0.f; }
  float UpperRatio() const { return letters ? float(upper) / float(letters) : 0.f; }
  float PunctRatio() const { return chars ? float(punct) / float(chars) : 0.f; }
  float StopwordDensity() const { return words ? float(stopwords) / float(words) : 0.f; }
  bool operator==(const LineFeatures&) const = default;
};

// A set of stopwords for one or more languages (lower-case UTF-8 words).
// Text format: one word per line or several separated by spaces; '#' starts
// a comment; an optional "@lang xx" line names the language of the words
// after it (several languages may share one set). ASCII letters are
// lower-cased on load; a word over 32 bytes is an error (kParseError naming
// its line); a leading byte order mark is skipped. Immutable after build.
class StopwordSet {
 public:
  // The embedded English list (kernel/patterns/en.stopwords).
  static const StopwordSet& English();
  static std::unique_ptr<StopwordSet> FromText(std::string_view text, Status* status);

  // word must already be lower-case; up to 32 bytes are considered.
  bool Contains(std::string_view word) const;
  size_t size() const { return count_; }
  // Bytes of the longest word in the set (0 when empty): no longer word can match.
  size_t max_word_bytes() const { return max_len_; }

 private:
  friend struct StopwordProbe;  // the features pass probes packed keys directly
  StopwordSet() = default;
  void InsertLong(std::string_view word);
  void BuildShortTable(const std::vector<std::pair<uint64_t, uint64_t>>& keys);
  // Words of 1..15 bytes: exact packed keys (bytes, zero padding, length in
  // the top byte), four to a bucket; the seed is chosen so that every key
  // fits in the bucket its hash names. hi == 0 marks an empty entry.
  static constexpr int kBucketKeys = 4;
  struct alignas(64) Bucket {
    uint64_t lo[kBucketKeys], hi[kBucketKeys];
  };
  std::vector<Bucket> buckets_;
  uint64_t seed_ = 0;
  unsigned bucket_shift_ = 60;
  // Words of 16..32 bytes: XXH3 keys, open addressing, 0 = empty.
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
  uint32_t max_len_ = 0;
};

struct LineSpan {
  uint32_t begin = 0;
  uint32_t end = 0;  // one past the last byte, without '\n'
};

// Features of every line span of text (SIMD, dispatched per target).
// terminal_punct and not ellipsis (as above): the line ends like a finished
// sentence, not like a label, a link or a truncated teaser. The corpus
// pass's group keys fingerprint only such lines (corpus_stats.h).
bool EndsLikeSentence(std::string_view line);

void ComputeLineFeatures(std::string_view text, std::span<const LineSpan> lines,
                         const StopwordSet& stopwords, LineFeatures* out);

// Splits text into lines at '\n'; a '\r' before it is left out of the span.
// Lines longer than 4 GiB are not supported (spans are 32-bit).
std::vector<LineSpan> SplitLines(std::string_view text);
// The same into a caller's vector (cleared first), so its capacity is reused.
void SplitLines(std::string_view text, std::vector<LineSpan>* lines);

}  // namespace boilerhash
