// Line features and stopword sets: StopwordSet::FromText on any text, and
// ComputeLineFeatures of every line on every SIMD target against the scalar
// reference (reference::ComputeLineFeatures over reference::ParseStopwords);
// EndsLikeSentence agrees with the reference's terminal_punct and ellipsis.
#include <fuzzer/FuzzedDataProvider.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "boilerhash/line_features.h"
#include "fuzz_util.h"
#include "reference/line_features.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;

namespace {
std::string Show(const LineFeatures& f) {
  return "bytes=" + std::to_string(f.bytes) + " chars=" + std::to_string(f.chars) +
         " words=" + std::to_string(f.words) + " letters=" + std::to_string(f.letters) +
         " upper=" + std::to_string(f.upper) + " digits=" + std::to_string(f.digits) +
         " punct=" + std::to_string(f.punct) + " stop=" + std::to_string(f.stopwords) + " cjk=" + std::to_string(f.cjk) +
         " term=" + std::to_string(f.terminal_punct) + " ell=" + std::to_string(f.ellipsis) +
         " bullet=" + std::to_string(f.bullet);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 8) return 0;
  FuzzedDataProvider fdp(data, size);
  const std::string stop_text = fdp.ConsumeRandomLengthString(512);
  const std::string doc = fdp.ConsumeRemainingBytesAsString();
  Status st;
  const std::unique_ptr<StopwordSet> stops = StopwordSet::FromText(stop_text, &st);
  FUZZ_CHECK((stops != nullptr) == st.ok(), "StopwordSet::FromText: null model with ok status or the reverse");
  if (!stops) return 0;
  const std::set<std::string> ref_stops = reference::ParseStopwords(stop_text);
  const std::vector<LineSpan> lines = SplitLines(doc);
  std::vector<LineFeatures> expect;
  for (const LineSpan& l : lines) {
    FUZZ_CHECK(l.begin <= l.end && l.end <= doc.size(), std::string("line span out of range"));
    const std::string_view text = std::string_view(doc).substr(l.begin, l.end - l.begin);
    expect.push_back(reference::ComputeLineFeatures(text, ref_stops));
    // The group keys' sentence test is the reference's terminal_punct and
    // not ellipsis.
    FUZZ_CHECK(EndsLikeSentence(text) == (expect.back().terminal_punct && !expect.back().ellipsis),
               "EndsLikeSentence disagrees with the reference on " + Escape(text));
  }
  fuzz::ForEachTarget([&](const std::string& target) {
    std::vector<LineFeatures> got(lines.size() + 1);
    got.back().bytes = 0xDEADu;  // must not be written
    ComputeLineFeatures(doc, lines, *stops, got.data());
    FUZZ_CHECK(got.back().bytes == 0xDEADu, "ComputeLineFeatures wrote past the last line on " + target);
    for (size_t i = 0; i < lines.size(); ++i) {
      FUZZ_CHECK(got[i] == expect[i], "line " + std::to_string(i + 1) + " on " + target + ": " + Show(got[i]) +
                                          "\n  reference: " + Show(expect[i]) + "\n  line " +
                                          Escape(std::string_view(doc).substr(lines[i].begin, lines[i].end - lines[i].begin)) +
                                          "\n  stopwords " + Escape(stop_text));
    }
  });
  return 0;
}
