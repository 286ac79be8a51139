// Stage: boilerplate patterns (pattern_db.h): a parser for the pattern file
// and a Hyperscan block-mode database over it, with a pool of scratches.
#include "boilerhash/pattern_db.h"

#include <hs/hs.h>

#include <charconv>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>
#include <unordered_set>

#include "boilerhash/utf8.h"
#include "embedded_data.h"
#include "hyperscan_runtime.h"
#include "pattern_db_internal.h"
#include "word_lists.h"

namespace boilerhash {

namespace internal {
// Text for an error message: control bytes as \xNN (a NUL would end the C
// API's message string; a newline would break the message's line).
std::string Printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace internal

namespace {

using internal::Printable;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Next field of line starting at *pos (skipping blanks).
std::string_view NextField(std::string_view line, size_t* pos) {
  size_t i = *pos;
  while (i < line.size() && IsBlank(line[i])) ++i;
  size_t j = i;
  while (j < line.size() && !IsBlank(line[j])) ++j;
  *pos = j;
  return line.substr(i, j - i);
}

Status LineError(uint32_t line, const std::string& what) {
  return Status(StatusCode::kParseError, "line " + std::to_string(line) + ": " + what);
}

// A language tag (BCP 47's shape: a 2-8 letter primary tag, then subtags of
// 1-8 letters or digits) or '*'.
bool IsLanguageTag(std::string_view tag) {
  if (tag == "*") return true;
  size_t i = 0;
  bool primary = true;
  while (true) {
    size_t j = i;
    while (j < tag.size() && j - i < 9 &&
           ((tag[j] >= 'a' && tag[j] <= 'z') || (tag[j] >= 'A' && tag[j] <= 'Z') ||
            (!primary && tag[j] >= '0' && tag[j] <= '9'))) {
      ++j;
    }
    const size_t len = j - i;
    if (len > 8 || len < (primary ? 2u : 1u)) return false;
    if (j == tag.size()) return true;
    if (tag[j] != '-') return false;
    i = j + 1;
    primary = false;
  }
}

struct MatchContext {
  PatternMatchFn fn;
  void* user;
};

int OnHsMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
              unsigned int /*flags*/, void* ctx) {
  auto* m = static_cast<MatchContext*>(ctx);
  return m->fn(m->user, id, static_cast<size_t>(to)) ? 0 : 1;
}

// Same-length copy of text with every byte of an invalid UTF-8 sequence
// replaced by '?': Hyperscan's UTF-8 mode requires valid input, and offsets
// must stay those of the document.
std::string SanitizeUtf8(std::string_view text) {
  std::string out(text);
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  while (i < out.size()) {
    const unsigned char c = p[i];
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                                          : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= out.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      const unsigned char c1 = p[i + 1];
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && len == 4) {
      const unsigned char c1 = p[i + 1];
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) {
      out[i++] = '?';
      continue;
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string_view DefaultPatternText() { return internal::EnglishPatternText(); }

Status ParsePatternFile(std::string_view text, std::vector<PatternSpec>* out) {
  out->clear();
  std::unordered_set<std::string> ids;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark
  size_t pos = 0;
  uint32_t line_no = 0;
  while (pos < text.size()) {
    // Lines end at LF, CRLF or a lone CR (a file saved with old Mac line
    // endings would otherwise be one pattern, silently).
    size_t nl = text.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + (nl + 1 < text.size() && text[nl] == '\r' && text[nl + 1] == '\n' ? 2 : 1);
    ++line_no;
    // Checked before comments are skipped: a NUL anywhere means the file is
    // not a pattern file (binary, UTF-16), whatever the line looks like.
    if (line.find('\0') != std::string_view::npos) {
      return LineError(line_no, "contains a NUL byte (a pattern file is UTF-8 text)");
    }
    while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
    size_t i = 0;
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (i == line.size() || line[i] == '#') continue;
    PatternSpec spec;
    spec.line = line_no;
    size_t p = 0;
    const std::string_view id = NextField(line, &p);
    const std::string_view flags = NextField(line, &p);
    const std::string_view weight = NextField(line, &p);
    const std::string_view lang = NextField(line, &p);
    while (p < line.size() && IsBlank(line[p])) ++p;
    const std::string_view pattern = line.substr(p);
    if (lang.empty()) return LineError(line_no, "expected '<id> <flags> <weight> <lang> <pattern>'");
    if (pattern.empty()) return LineError(line_no, "pattern '" + Printable(id) + "' is empty");
    for (char c : id) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '.' || c == '-';
      if (!ok) return LineError(line_no, "bad character in id '" + Printable(id) + "'");
    }
    if (!IsLanguageTag(lang)) {
      return LineError(line_no, "language '" + Printable(lang) + "' is not a language tag (en, pt-BR, ...) or *");
    }
    size_t backslashes = 0;
    while (backslashes < pattern.size() && pattern[pattern.size() - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) {
      return LineError(line_no, "pattern '" + std::string(id) +
                                    "' ends with a lone '\\' (trailing blanks are trimmed: write a final space as [ ])");
    }
    if (!ids.insert(std::string(id)).second) {
      return LineError(line_no, "duplicate id '" + std::string(id) + "'");
    }
    spec.id = std::string(id);
    if (flags != "-") {
      for (char c : flags) {
        switch (c) {
          case 'i': spec.flags |= kPatternCaseless; break;
          case 'u': spec.flags |= kPatternUtf8; break;
          case 'l': spec.flags |= kPatternWholeLine; break;
          case 'h': spec.flags |= kPatternHeader; break;
          case 'e': spec.flags |= kPatternEndMarker; break;
          case 'c': spec.flags |= kPatternContentCue; break;
          case 'n': spec.flags |= kPatternCountAll; break;
          case 'w': spec.flags |= kPatternWordList; break;
          default:
            return LineError(line_no, "unknown flag '" + std::string(1, c) + "' (known: i u l h e c n w, or -)");
        }
      }
    }
    double w = 0;  // checked as written, then stored as float (1000.00001 is over 1000)
    // Fixed notation only: "2", "0.5", ".5"; not "1e3" (a typo's likelier source).
    const auto [ptr, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), w,
                                           std::chars_format::fixed);
    if (ec != std::errc() || ptr != weight.data() + weight.size() || !std::isfinite(w) || w <= 0 ||
        w > 1000) {
      return LineError(line_no, "weight '" + Printable(weight) + "' is not a number in (0, 1000]");
    }
    spec.weight = std::max(static_cast<float>(w), std::numeric_limits<float>::denorm_min());
    spec.language = std::string(lang);
    spec.pattern = std::string(pattern);
    out->push_back(std::move(spec));
  }
  if (out->empty()) return Status(StatusCode::kParseError, "pattern file has no patterns");
  return Status::Ok();
}

std::unique_ptr<PatternDb> PatternDb::FromText(std::string_view text, Status* status) {
  std::vector<PatternSpec> specs;
  Status s = ParsePatternFile(text, &specs);
  if (!s.ok()) {
    if (status) *status = s;
    return nullptr;
  }
  return Compile(std::move(specs), status);
}

namespace internal {
namespace {

// The pattern as written, before the whole-line wrapper: an 'l' pattern
// such as "x)|(y" closes the wrapper's group and compiles as something else
// entirely, and an error inside the wrapper would point at its offsets. A
// pattern that can match nothing at all ("$", "\\b", "a*") would mark every
// line: refused with the reason, not Hyperscan's HS_FLAG_ALLOWEMPTY advice.
//
// The wrapped expression is checked too: a pattern can be valid alone and
// still break the wrapper ("\\Qfoo" quotes the wrapper's closing group).
std::string Where(const PatternSpec& p) { return "line " + std::to_string(p.line) + ": pattern '" + p.id + "': "; }

Status CheckExpression(const PatternSpec& p, const std::string& expression, unsigned flags) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_expression_info(p.pattern.c_str(), flags, &info, &err) != HS_SUCCESS) {
    std::string msg = err && err->message ? err->message : "not a valid expression";
    hs_free_compile_error(err);
    return Status(StatusCode::kCompileError, Where(p) + msg);
  }
  const bool empty = info->min_width == 0;
  std::free(info);  // hs_expression_info allocates with the misc allocator: malloc by default
  if (empty) return Status(StatusCode::kCompileError, Where(p) + "can match an empty string, so it would match every line");
  if (expression != p.pattern) {
    if (hs_expression_info(expression.c_str(), flags, &info, &err) != HS_SUCCESS) {
      std::string msg = err && err->message ? err->message : "not a valid expression";
      hs_free_compile_error(err);
      return Status(StatusCode::kCompileError,
                    Where(p) + "does not compile as a whole line ('l' wraps it as ^[ \\t]*(?:P)[^\\w\\n]*$; "
                               "an unterminated \\Q swallows the wrapper): " + msg);
    }
    std::free(info);
  }
  return Status::Ok();
}

}  // namespace

size_t FirstFailingAlone(const HsPatternSet& set) {
  for (size_t i = 0; i < set.expressions.size(); ++i) {
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    const hs_error_t rc = hs_compile(set.expressions[i].c_str(), set.flags[i], HS_MODE_BLOCK,
                                     &ChosenHyperscanRuntime().platform, &db, &err);
    hs_free_compile_error(err);
    hs_free_database(db);
    if (rc != HS_SUCCESS) return i;
  }
  return set.expressions.size();
}

Status BuildHsPatternSet(const std::vector<PatternSpec>& patterns, HsPatternSet* out) {
  out->expressions.clear();
  out->flags.clear();
  out->ids.clear();
  if (patterns.empty()) return Status(StatusCode::kInvalidArgument, "no patterns");
  out->expressions.reserve(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    const PatternSpec& p = patterns[i];
    if (p.flags & kPatternWordList) continue;  // word_lists.h matches these
    if (p.pattern.find('\0') != std::string::npos) {
      return Status(StatusCode::kCompileError,
                    "line " + std::to_string(p.line) + ": pattern '" + p.id + "' contains NUL");
    }
    unsigned f = HS_FLAG_MULTILINE;
    if (p.flags & kPatternCaseless) f |= HS_FLAG_CASELESS;
    if (p.flags & kPatternUtf8) f |= HS_FLAG_UTF8 | HS_FLAG_UCP;
    // Whole-line patterns may have spaces before and closing punctuation after.
    std::string expression =
        (p.flags & kPatternWholeLine) ? "^[ \\t]*(?:" + p.pattern + ")[^\\w\\n]*$" : p.pattern;
    if (Status s = CheckExpression(p, expression, f); !s.ok()) return s;
    out->expressions.push_back(std::move(expression));
    out->flags.push_back(f);
    out->ids.push_back(static_cast<unsigned>(i));
  }
  return Status::Ok();
}

}  // namespace internal

std::unique_ptr<PatternDb> PatternDb::Compile(std::vector<PatternSpec> patterns, Status* status) {
  internal::HsPatternSet set;
  Status s = internal::BuildHsPatternSet(patterns, &set);
  if (!s.ok()) {
    if (status) *status = std::move(s);
    return nullptr;
  }
  hs_database_t* db = nullptr;
  if (!set.expressions.empty()) {
    std::vector<const char*> exprs;
    for (const std::string& e : set.expressions) exprs.push_back(e.c_str());
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), set.flags.data(), set.ids.data(), static_cast<unsigned>(exprs.size()),
                         HS_MODE_BLOCK, &internal::ChosenHyperscanRuntime().platform, &db, &err) != HS_SUCCESS) {
      std::string msg = err && err->message ? err->message : "unknown error";
      std::string where = "pattern set: ";
      if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < set.ids.size()) {
        where = internal::Where(patterns[set.ids[static_cast<size_t>(err->expression)]]);
      } else if (const size_t culprit = internal::FirstFailingAlone(set); culprit < set.ids.size()) {
        // Hyperscan names no expression for some errors ("Resource limit
        // exceeded"): the first pattern that fails alone is the one to fix.
        where = internal::Where(patterns[set.ids[culprit]]);
      }
      hs_free_compile_error(err);
      if (status) *status = Status(StatusCode::kCompileError, where + msg);
      return nullptr;
    }
  }
  return FromHsDatabase(std::move(patterns), db, status);
}

std::unique_ptr<PatternDb> PatternDb::FromHsDatabase(std::vector<PatternSpec> patterns, void* database,
                                                     Status* status) {
  // Owned here until the PatternDb takes them: an allocation below that
  // throws (bad_alloc, for the caller to report) must not leak them.
  struct FreeDatabase {
    void operator()(hs_database_t* d) const { hs_free_database(d); }
  };
  struct FreeScratch {
    void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
  };
  std::unique_ptr<hs_database_t, FreeDatabase> db(static_cast<hs_database_t*>(database));
  auto fail = [&](Status s) -> std::unique_ptr<PatternDb> {
    if (status) *status = std::move(s);
    return nullptr;
  };
  auto lists = std::make_unique<internal::WordLists>();
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!(patterns[i].flags & kPatternWordList)) continue;
    Status s = lists->Add(static_cast<uint32_t>(i), patterns[i]);
    if (!s.ok()) return fail(std::move(s));
  }
  std::unique_ptr<hs_scratch_t, FreeScratch> scratch;
  if (db) {
    hs_scratch_t* allocated = nullptr;
    if (hs_alloc_scratch(db.get(), &allocated) != HS_SUCCESS) {
      return fail(Status(StatusCode::kOutOfMemory, "cannot allocate pattern scratch"));
    }
    scratch.reset(allocated);
  }
  auto out = std::unique_ptr<PatternDb>(new PatternDb());
  out->patterns_ = std::move(patterns);
  out->word_lists_ = std::move(lists);
  for (const PatternSpec& p : out->patterns_) out->has_utf8_ |= (p.flags & kPatternUtf8) != 0;  // never a word list
  out->db_ = db.release();
  out->prototype_ = scratch.release();
  if (status) *status = Status::Ok();
  return out;
}

PatternDb::~PatternDb() {
  for (void* s : pool_) hs_free_scratch(static_cast<hs_scratch_t*>(s));
  if (prototype_) hs_free_scratch(static_cast<hs_scratch_t*>(prototype_));
  if (db_) hs_free_database(static_cast<hs_database_t*>(db_));
}

void* PatternDb::AcquireScratch() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      void* s = pool_.back();
      pool_.pop_back();
      return s;
    }
  }
  hs_scratch_t* clone = nullptr;
  if (hs_clone_scratch(static_cast<hs_scratch_t*>(prototype_), &clone) != HS_SUCCESS) return nullptr;
  return clone;
}

void PatternDb::ReleaseScratch(void* scratch) const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  try {
    pool_.push_back(scratch);
  } catch (const std::bad_alloc&) {  // no room to pool it: free it (a later scan clones another)
    hs_free_scratch(static_cast<hs_scratch_t*>(scratch));
  }
}

Status PatternDb::Scan(std::string_view text, PatternMatchFn on_match, void* context) const {
  if (word_lists_->empty()) {
    bool stopped = false;
    return ScanExpressions(text, on_match, context, &stopped);
  }
  return Scan(text, SplitLines(text), on_match, context);
}

Status PatternDb::Scan(std::string_view text, const std::vector<LineSpan>& lines, PatternMatchFn on_match,
                       void* context) const {
  bool stopped = false;
  Status s = ScanExpressions(text, on_match, context, &stopped);
  if (!s.ok() || stopped) return s;
  ScanWordLists(text, lines, on_match, context);
  return Status::Ok();
}

Status PatternDb::ScanExpressions(std::string_view text, PatternMatchFn on_match, void* context,
                                  bool* stopped) const {
  if (text.size() > 0xFFFFFFFFu) return Status(StatusCode::kInvalidArgument, "text over 4 GiB");
  if (!db_) return Status::Ok();
  std::string sanitized;  // before the scratch is taken: a failed allocation must not keep it
  if (has_utf8_ && !Utf8IsValid(text)) {
    sanitized = SanitizeUtf8(text);
    text = sanitized;
  }
  void* scratch = AcquireScratch();
  if (!scratch) return Status(StatusCode::kOutOfMemory, "cannot allocate pattern scratch");
  MatchContext ctx{on_match, context};
  const hs_error_t rc = internal::ChosenHyperscanRuntime().scan(
      static_cast<const hs_database_t*>(db_), text.data(), static_cast<unsigned>(text.size()), 0,
      static_cast<hs_scratch_t*>(scratch), OnHsMatch, &ctx);
  ReleaseScratch(scratch);
  *stopped = rc == HS_SCAN_TERMINATED;
  if (rc != HS_SUCCESS && rc != HS_SCAN_TERMINATED) {
    return Status(StatusCode::kInvalidArgument, "pattern scan failed: " + std::to_string(rc));
  }
  return Status::Ok();
}

void PatternDb::ScanWordLists(std::string_view text, const std::vector<LineSpan>& lines, PatternMatchFn on_match,
                              void* context) const {
  for (const LineSpan& line : lines) {
    if (line.begin > line.end || line.end > text.size()) continue;  // not a line of text
    size_t end = line.end;
    if (end > line.begin && text[end - 1] == '\r') --end;  // a match ends before a CRLF's CR
    for (uint64_t m = word_lists_->Match(text.substr(line.begin, end - line.begin)); m; m &= m - 1) {
      const uint32_t pattern = word_lists_->pattern_of(static_cast<size_t>(__builtin_ctzll(m)));
      if (!on_match(context, pattern, end)) return;  // stopped
    }
  }
}

}  // namespace boilerhash
