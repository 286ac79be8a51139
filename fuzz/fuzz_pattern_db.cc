// The pattern-file loader: any text must give either a clean error (a null
// database and a status naming a line) or a working database that scans text
// and reports matches inside it, the same wherever the text sits in memory
// (vectorscan's AVX-512 runtime did not: kernel/src/hyperscan_runtime.h);
// BoilerplateModel::FromPatternText agrees. Serialize/Deserialize round-trip
// with the same matches, and refuse corrupt or arbitrary bytes. Word lists
// ('w') match the lines the reference's plain dynamic program matches.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/line_features.h"
#include "boilerhash/pattern_db.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;

namespace {
struct Matches {
  size_t patterns;
  size_t text_size;
  bool bad = false;
  std::vector<std::pair<uint32_t, size_t>> list;
};
bool OnMatch(void* context, uint32_t pattern, size_t end) {
  auto* m = static_cast<Matches*>(context);
  if (pattern >= m->patterns || end > m->text_size) m->bad = true;
  m->list.push_back({pattern, end});
  return m->list.size() < 10000;  // a pattern matching everywhere stops early
}
// Saved and loaded again, the database matches as compiled; one flipped byte
// is refused unless it is the informational tune field (header bytes 24-31).
void CheckSerializedRoundTrip(const PatternDb& db, const std::vector<PatternSpec>& specs,
                              const std::string& text, const std::vector<std::pair<uint32_t, size_t>>& expected,
                              size_t seed) {
  std::string bytes;
  const Status saved = db.Serialize(&bytes);
  bool compiled = false;  // word lists are not compiled: a file of only lists has nothing to save
  for (const PatternSpec& p : specs) compiled |= !(p.flags & kPatternWordList);
  FUZZ_CHECK(saved.ok() == compiled, "Serialize: " + (saved.ok() ? "saved a file of only word lists" : saved.message()));
  if (!compiled) return;
  Status st;
  const std::unique_ptr<PatternDb> loaded = PatternDb::Deserialize(specs, bytes, &st);
  FUZZ_CHECK(loaded != nullptr, "own bytes refused: " + st.message());
  Matches m{specs.size(), text.size(), false, {}};
  const Status scanned = loaded->Scan(text, &OnMatch, &m);
  FUZZ_CHECK(scanned.ok() && m.list == expected, "loaded database matches differently on " + Escape(text));
  const size_t at = (seed * 2654435761u) % bytes.size();
  bytes[at] = static_cast<char>(bytes[at] ^ (1 + seed % 255));
  const bool accepted = PatternDb::Deserialize(specs, bytes, &st) != nullptr;
  FUZZ_CHECK(accepted == (at >= 24 && at < 32),
             "byte " + std::to_string(at) + " flipped: " + (accepted ? "accepted" : "refused: " + st.message()));
}
// Every word list matches exactly the lines the reference matches, each
// once, ending where the line ends (before a CRLF's CR). Only when the scan
// ran to the end (it stops after 10,000 matches).
void CheckWordLists(const std::vector<PatternSpec>& specs, const std::string& text,
                    const std::vector<std::pair<uint32_t, size_t>>& matches) {
  if (matches.size() >= 10000) return;
  std::vector<std::pair<uint32_t, size_t>> got, want;
  for (const auto& m : matches) {
    if (specs[m.first].flags & kPatternWordList) got.push_back(m);
  }
  for (const LineSpan& s : SplitLines(text)) {
    size_t end = s.end;
    if (end > s.begin && text[end - 1] == '\r') --end;
    const std::string_view line = std::string_view(text).substr(s.begin, end - s.begin);
    for (uint32_t p = 0; p < specs.size(); ++p) {
      if ((specs[p].flags & kPatternWordList) && reference::WordListMatches(specs[p].pattern, line)) {
        want.push_back({p, end});
      }
    }
  }
  FUZZ_CHECK(got == want, "word lists match other lines than the reference on " + Escape(text));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Hyperscan compile time grows with the patterns; small files are enough.
  if (size > 4096) return 0;
  FuzzedDataProvider fdp(data, size);
  const std::string file = fdp.ConsumeRandomLengthString(2048);
  const std::string text = fdp.ConsumeRemainingBytesAsString();
  std::vector<PatternSpec> specs;
  const Status parsed = ParsePatternFile(file, &specs);
  if (parsed.ok()) {
    // Arbitrary bytes offered as a serialized database are refused cleanly.
    Status refused;
    FUZZ_CHECK(!PatternDb::Deserialize(specs, text, &refused) && !refused.message().empty(),
               "fuzz bytes accepted as a database: " + Escape(text));
  }
  Status st;
  const std::unique_ptr<PatternDb> db = PatternDb::FromText(file, &st);
  FUZZ_CHECK((db != nullptr) == st.ok(), "PatternDb::FromText: db and status disagree: " + st.message());
  if (!parsed.ok()) {
    FUZZ_CHECK(!db, "a file that does not parse compiled: " + parsed.message() + " file " + Escape(file));
    // A file without a single pattern line (only blanks and comments) has no
    // line to blame; any other error names one. Lines end at '\n' or a lone
    // '\r', and a byte order mark before the first is not part of it, as the
    // parser reads them.
    bool has_pattern_line = false;
    const size_t bom = file.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (size_t pos = bom; pos < file.size() && !has_pattern_line;) {
      size_t nl = file.find_first_of("\r\n", pos);
      if (nl == std::string::npos) nl = file.size();
      const size_t first = file.find_first_not_of(" \t\f\v", pos);
      has_pattern_line = first < nl && file[first] != '#';
      pos = nl + 1;
    }
    FUZZ_CHECK(!has_pattern_line || parsed.message().rfind("line ", 0) == 0,
               "parse error does not name a line: " + parsed.message() + " file " + Escape(file));
  }
  if (!db) {
    FUZZ_CHECK(!st.message().empty(), "error without a message for " + Escape(file));
  } else {
    FUZZ_CHECK(db->patterns().size() == specs.size(), "pattern count differs from ParsePatternFile");
    // Scanned at two addresses, 64-byte aligned and shifted, the same bytes
    // give the same matches.
    const size_t shift = 1 + size % 63;
    std::vector<char> buffer(text.size() + 128);
    char* aligned = buffer.data() + (64 - reinterpret_cast<uintptr_t>(buffer.data()) % 64) % 64;
    Matches at[2] = {{db->patterns().size(), text.size(), false, {}},
                     {db->patterns().size(), text.size(), false, {}}};
    Status scan[2];
    for (int i = 0; i < 2; ++i) {
      char* where = aligned + (i ? shift : 0);
      if (!text.empty()) std::memcpy(where, text.data(), text.size());
      scan[i] = db->Scan(std::string_view(where, text.size()), &OnMatch, &at[i]);
      FUZZ_CHECK(!at[i].bad, "match outside the text or pattern index out of range for " + Escape(file));
    }
    FUZZ_CHECK(scan[0].ok() == scan[1].ok() && at[0].list == at[1].list,
               "matches depend on the text's address (64-byte aligned vs +" + std::to_string(shift) +
                   ") for " + Escape(file) + " on " + Escape(text));
    CheckSerializedRoundTrip(*db, specs, text, at[0].list, size);
    CheckWordLists(specs, text, at[0].list);
  }
  // The classifier's loader must agree with the database's on every file.
  Status ms;
  const std::unique_ptr<BoilerplateModel> model = BoilerplateModel::FromPatternText(file, {}, &ms);
  FUZZ_CHECK((model != nullptr) == ms.ok(), "FromPatternText: model and status disagree: " + ms.message());
  if (model) {
    ClassifyResult r;
    model->Classify(text, &r);
    FUZZ_CHECK(r.lines.size() == SplitLines(text).size(), std::string("labels count != lines count"));
  }
  return 0;
}
