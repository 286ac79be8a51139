// Stage: boilerplate phrase and shape patterns, scanned with Hyperscan
// (Vectorscan) over a whole document in one pass.
//
// Compile once, scan many: a PatternDb is immutable after Compile(), may be
// shared by any number of threads, and hands each concurrent Scan() its own
// hs_scratch_t from an internal pool (cloned from a prototype on demand).
//
// A program that embeds boilerhash may give Hyperscan its own database and
// scratch allocators (hs_set_database_allocator, hs_set_scratch_allocator),
// but not its own misc allocator (hs_set_misc_allocator, or hs_set_allocator,
// which sets all of them): Hyperscan returns some results in misc memory
// (hs_expression_info, hs_serialize_database) for the caller to free, and
// boilerhash frees them with free(), the default allocator's.
//
// Pattern file format (docs/PATTERNS.md has the full text):
//   # comment                      (blank lines and '#' lines are skipped)
//   <id> <flags> <weight> <lang> <pattern...>
// Fields are separated by spaces or tabs; the pattern is the rest of the line
// (trailing spaces trimmed). id: [A-Za-z0-9_.-]+, unique. flags: '-' or any
// of
//   i  case-insensitive             u  UTF-8 + Unicode classes (\w, \s)
//   l  whole line: the pattern must match the whole line (spaces and closing
//      punctuation around it allowed); compiled as ^[ \t]*(?:P)[^\w\n]*$
//   h  section header: the line opens a teaser block (Related, Top Stories)
//   e  end marker: the article body ends at this line (Submit a Correction)
//   c  content cue: a match is evidence FOR content (weight is subtracted)
//   n  count every match in a line (a fixed phrase such as "An icon of");
//      without it a pattern counts at most once per line
//   w  word list: the pattern is plain phrases separated by '|', and a line
//      matches when its words are a sequence of one or more of them
//      ("Share", "Facebook Twitter Email"); matched by hashing the line's
//      words, not by Hyperscan (src/word_lists.h)
// weight: a positive decimal; lang: a language tag ("en") or "*" for any.
// Every pattern is compiled with HS_FLAG_MULTILINE, so ^ and $ match at line
// ends; '.' never crosses a '\n', and patterns must not match '\n' either.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "boilerhash/line_features.h"  // LineSpan
#include "boilerhash/status.h"

namespace boilerhash {

namespace internal {
class WordLists;
}

enum PatternFlag : uint32_t {
  kPatternCaseless = 1u << 0,   // i
  kPatternUtf8 = 1u << 1,       // u
  kPatternWholeLine = 1u << 2,  // l
  kPatternHeader = 1u << 3,     // h
  kPatternEndMarker = 1u << 4,  // e
  kPatternContentCue = 1u << 5, // c
  kPatternCountAll = 1u << 6,   // n
  kPatternWordList = 1u << 7,   // w
};

struct PatternSpec {
  std::string id;
  std::string pattern;   // as written in the file
  uint32_t flags = 0;    // PatternFlag bits
  float weight = 1.0f;
  std::string language;  // "en", "*", ...
  uint32_t line = 0;     // 1-based line in the pattern file (0: built in code)
};

// Parses a pattern file. Errors name the line: "line 12: ...".
Status ParsePatternFile(std::string_view text, std::vector<PatternSpec>* out);

// The default English pattern file (kernel/patterns/en.patterns), embedded in
// the library at build time.
std::string_view DefaultPatternText();

// The pattern engine and the runtime scans use, for version output and bug
// reports, e.g. "vectorscan 5.4.9, AVX2 runtime (its AVX-512 runtime avoided)".
std::string PatternEngineDescription();

// Called for every match: pattern index (into PatternDb::patterns()) and the
// byte offset one past the match's last byte. Return false to stop the scan.
using PatternMatchFn = bool (*)(void* context, uint32_t pattern, size_t end);

class PatternDb {
 public:
  // Compiles the patterns. A pattern Hyperscan rejects gives a null db and a
  // kCompileError status naming the pattern's file line and id.
  static std::unique_ptr<PatternDb> Compile(std::vector<PatternSpec> patterns, Status* status);
  static std::unique_ptr<PatternDb> FromText(std::string_view pattern_file_text, Status* status);

  // Compiling takes far longer than scanning a page (~0.4 s for the default
  // set), so a compiled database can be saved as bytes and loaded by a later
  // process. Deserialize accepts the bytes only for the same patterns (the
  // expressions and flags Hyperscan compiles, in order), the same vectorscan
  // version and the platform Compile would target on this machine; anything
  // else (another CPU, a library upgrade, corrupt bytes) gives a null db and
  // a status saying why, and the caller compiles instead. Matches are the
  // same as from Compile. The bytes are a boilerhash header and checksum
  // around hs_serialize_database's output; see docs/PATTERNS.md. Word lists
  // are not compiled: Deserialize rebuilds them from the specs, and a
  // database of only word lists has nothing to save (an error status).
  Status Serialize(std::string* out) const;
  static std::unique_ptr<PatternDb> Deserialize(std::vector<PatternSpec> patterns, std::string_view bytes,
                                                Status* status);

  ~PatternDb();
  PatternDb(const PatternDb&) = delete;
  PatternDb& operator=(const PatternDb&) = delete;

  const std::vector<PatternSpec>& patterns() const { return patterns_; }

  // Scans text once; on_match runs on this thread. Thread-safe. With 'u'
  // patterns, bytes of invalid UTF-8 sequences are read as '?' (offsets kept).
  // Word lists ('w') report after the other patterns, line by line, each
  // match ending where its line ends (before a '\r' of a CRLF).
  Status Scan(std::string_view text, PatternMatchFn on_match, void* context) const;
  // The same for a caller that has split text with SplitLines already: the
  // word lists take its lines instead of splitting text again (a span that
  // does not lie inside text is skipped).
  Status Scan(std::string_view text, const std::vector<LineSpan>& lines, PatternMatchFn on_match,
              void* context) const;

 private:
  PatternDb() = default;
  // Takes ownership of an hs_database_t*; allocates the prototype scratch.
  static std::unique_ptr<PatternDb> FromHsDatabase(std::vector<PatternSpec> patterns, void* database,
                                                   Status* status);
  Status ScanExpressions(std::string_view text, PatternMatchFn on_match, void* context, bool* stopped) const;
  void ScanWordLists(std::string_view text, const std::vector<LineSpan>& lines, PatternMatchFn on_match,
                     void* context) const;
  void* AcquireScratch() const;
  void ReleaseScratch(void* scratch) const;

  std::vector<PatternSpec> patterns_;
  void* db_ = nullptr;          // hs_database_t*; null when every pattern is a word list
  std::unique_ptr<const internal::WordLists> word_lists_;  // the 'w' patterns
  void* prototype_ = nullptr;   // hs_scratch_t*
  bool has_utf8_ = false;       // some pattern uses 'u': invalid input is sanitized first
  mutable std::mutex pool_mutex_;
  mutable std::vector<void*> pool_;  // free hs_scratch_t*
};

}  // namespace boilerhash
