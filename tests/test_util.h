// Shared helpers for the test binaries.
#pragma once
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "boilerhash/classifier.h"
#include "boilerhash/pattern_db.h"
#include "boilerhash/targets.h"

namespace boilerhash::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(BOILERHASH_SOURCE_DIR) + "/" + relative;
}

// Every match of a PatternDb scan, as (pattern index, end offset) in the
// order the scan reports them.
using PatternMatch = std::pair<uint32_t, size_t>;
inline std::vector<PatternMatch> ScanMatches(const PatternDb& db, std::string_view text) {
  std::vector<PatternMatch> out;
  auto collect = [](void* context, uint32_t pattern, size_t end) {
    static_cast<std::vector<PatternMatch>*>(context)->push_back({pattern, end});
    return true;
  };
  EXPECT_TRUE(db.Scan(text, collect, &out).ok());
  return out;
}

// Three paragraphs of a news story, each a good line of 30+ words followed by
// a blank line: the body that classifier tests surround with furniture.
inline const std::string kCouncilStory =
    "The council met on Tuesday evening and agreed, after a long debate, to rebuild the old stone "
    "bridge over the river that has been closed to lorries since the floods of last winter.\n\n"
    "Work on the new crossing will start in the spring and should be finished within two years, "
    "the officials said, although the budget for it has not yet been approved by the county.\n\n"
    "Residents who live near the river have asked for a new bridge for more than a decade, and "
    "several of them came to the meeting to say that they were glad the wait was over.\n\n";

// The non-blank lines of doc with their results, default patterns, no corpus.
struct ClassifiedLine {
  std::string text;
  LineResult result;
};
inline std::vector<ClassifiedLine> ClassifyLines(const std::string& doc,
                                                 const ClassifierOptions& options = {}) {
  auto model = BoilerplateModel::DefaultWithOptions(options, nullptr);
  EXPECT_TRUE(model);
  ClassifyResult r;
  model->Classify(doc, &r);
  std::vector<ClassifiedLine> lines;
  for (const LineResult& l : r.lines) {
    if (l.label == LineLabel::kBlank) continue;
    lines.push_back({doc.substr(l.begin, l.end - l.begin), l});
  }
  return lines;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A labels.tsv (file, line, label, text_start; header skipped) as
// file -> line -> label.
inline std::map<std::string, std::map<size_t, std::string>> ReadLineLabels(
    const std::string& relative) {
  std::map<std::string, std::map<size_t, std::string>> out;
  std::istringstream in(ReadFile(SourcePath(relative)));
  std::string row;
  std::getline(in, row);  // header
  while (std::getline(in, row)) {
    std::istringstream cols(row);
    std::string file, line, label;
    std::getline(cols, file, '\t');
    std::getline(cols, line, '\t');
    std::getline(cols, label, '\t');
    out[file][std::stoul(line)] = label;
  }
  return out;
}

inline const std::vector<std::string>& ArticleFiles() {
  static const std::vector<std::string> files = {
      "000_871c6862986da532.txt", "001_bff447cf799b2330.txt", "002_3f3337f82c176d69.txt",
      "003_d59a720f40c57080.txt", "004_868c9a50c98171be.txt"};
  return files;
}

// The golden files' spelling of values: 16 hex digits for a 64-bit value,
// 8 for each of a list of 32-bit ones, separated by spaces.
inline std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}
inline std::string Hex32List(const std::vector<uint32_t>& v) {
  std::string out;
  char buf[10];
  for (size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%08x", i ? " " : "", v[i]);
    out += buf;
  }
  return out;
}

inline std::string ReadArticle(const std::string& name) {
  return ReadFile(SourcePath("datasets/articles/" + name));
}

// Runs `body` once per SIMD target this CPU supports (forcing each in turn),
// then restores automatic dispatch. Fails if forcing did not take effect.
inline void ForEachTarget(const std::function<void(const std::string&)>& body) {
  const auto targets = SupportedTargets();
  ASSERT_FALSE(targets.empty());
  for (const std::string& t : targets) {
    ASSERT_TRUE(ForceTarget(t)) << t;
    ASSERT_EQ(ActiveTarget(), t);
    SCOPED_TRACE("target " + t);
    body(t);
  }
  ForceTarget("auto");
}

// n random 64-bit values: a random shingle set.
inline std::vector<uint64_t> RandomSet(std::mt19937_64& rng, size_t n) {
  std::vector<uint64_t> v(n);
  for (auto& x : v) x = rng();
  return v;
}

// A pair of sets with Jaccard exactly common/uni.
inline std::pair<std::vector<uint64_t>, std::vector<uint64_t>> PairWithJaccard(std::mt19937_64& rng,
                                                                              size_t uni, size_t common) {
  auto a = RandomSet(rng, common), b = a;
  for (uint64_t x : RandomSet(rng, (uni - common) / 2)) a.push_back(x);
  for (uint64_t x : RandomSet(rng, uni - common - (uni - common) / 2)) b.push_back(x);
  return {a, b};
}

// Random text mixing ASCII words, punctuation, Unicode letters, marks,
// digits, symbols and (optionally) invalid bytes.
inline std::string RandomText(std::mt19937_64& rng, size_t approx_len, bool invalid_bytes) {
  static const std::vector<std::string> pieces = {
      "the", "Quick", "BROWN", "fox", "2023", "café", "naïve", "Straße", "ΣΊΣΥΦΟΣ", "Москва",
      "東京", "한국어", "e\xCC\x81", "ﬁle", "①", "½", "™", " ", "  ", "\n", "\t", ".", ", ",
      "—", "“quote”", "'s", "-", "#", "\xE2\x80\x8B", std::string("x\0y", 3), "٣٤", "ǅ", "İ"};
  std::string out;
  while (out.size() < approx_len) {
    const auto& p = pieces[rng() % pieces.size()];
    out += p;
    if (invalid_bytes && rng() % 17 == 0) {
      static const char bad[] = {'\x80', '\xC0', '\xE2', '\xF5', '\xFF', '\xED'};
      out += bad[rng() % sizeof(bad)];
    }
    if (rng() % 3 == 0) out += ' ';
  }
  return out;
}

}  // namespace boilerhash::testing

namespace boilerhash {
using testing::ForEachTarget;
}  // namespace boilerhash
