// A compiled pattern database saved as bytes and loaded again must match
// exactly what a fresh compile matches, and bytes that do not belong to the
// patterns, this machine or this format must be refused (the caller then
// compiles), never trusted.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "boilerhash/pattern_db.h"
#include "embedded_data.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using testing::PatternMatch;
using testing::ScanMatches;

std::vector<PatternSpec> DefaultSpecs() {
  std::vector<PatternSpec> specs;
  EXPECT_TRUE(ParsePatternFile(DefaultPatternText(), &specs).ok());
  return specs;
}

// Every page of the sample set and the dev set, the texts the patterns were
// written for.
std::vector<std::string> SampleTexts() {
  std::vector<std::string> texts;
  for (const char* dir : {"datasets/articles", "datasets/pages-dev/texts"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath(dir))) {
      if (entry.path().extension() == ".txt") texts.push_back(testing::ReadFile(entry.path().string()));
    }
  }
  return texts;
}

void ExpectSameMatches(const PatternDb& expected, const PatternDb& actual) {
  size_t matches = 0;
  for (const std::string& text : SampleTexts()) {
    const std::vector<PatternMatch> want = ScanMatches(expected, text);
    ASSERT_EQ(ScanMatches(actual, text), want);
    matches += want.size();
  }
  EXPECT_GT(matches, 1000u);  // the comparison saw real matches
}

// The default set compiled once for the whole binary (compiling is ~0.4 s).
const PatternDb& CompiledDefault() {
  static const PatternDb* db = [] {
    Status st;
    auto compiled = PatternDb::Compile(DefaultSpecs(), &st);
    EXPECT_TRUE(compiled) << st.message();
    return compiled.release();
  }();
  return *db;
}

std::string SerializedDefault() {
  std::string bytes;
  EXPECT_TRUE(CompiledDefault().Serialize(&bytes).ok());
  return bytes;
}

TEST(PatternDbSerialize, RoundTripMatchesLikeACompile) {
  const std::string bytes = SerializedDefault();
  Status st;
  auto loaded = PatternDb::Deserialize(DefaultSpecs(), bytes, &st);
  ASSERT_TRUE(loaded) << st.message();
  EXPECT_EQ(loaded->patterns().size(), CompiledDefault().patterns().size());
  ExpectSameMatches(CompiledDefault(), *loaded);
}

TEST(PatternDbSerialize, EmbeddedDefaultLoadsOnTheBuildMachineAndMatchesACompile) {
  // The build and the tests run on one machine, so the bytes the build
  // embedded must be accepted here (the library would otherwise fall back
  // to compiling in every process, silently slow).
  const std::string_view embedded = internal::PrecompiledEnglishPatterns();
  if (embedded.empty()) GTEST_SKIP() << "built with BOILERHASH_PRECOMPILE_PATTERNS=OFF";
  Status st;
  auto loaded = PatternDb::Deserialize(DefaultSpecs(), embedded, &st);
  ASSERT_TRUE(loaded) << st.message();
  ExpectSameMatches(CompiledDefault(), *loaded);
}

TEST(PatternDbSerialize, WeightsAndLabelsComeFromTheSpecsNotTheBytes) {
  // Only what Hyperscan compiles is pinned: a new weight loads the same bytes.
  std::vector<PatternSpec> specs = DefaultSpecs();
  const std::string bytes = SerializedDefault();
  specs[0].weight = specs[0].weight * 2 + 1;
  specs[0].language = "*";
  Status st;
  auto loaded = PatternDb::Deserialize(specs, bytes, &st);
  ASSERT_TRUE(loaded) << st.message();
  EXPECT_EQ(loaded->patterns()[0].weight, specs[0].weight);
}

TEST(PatternDbSerialize, RefusesBytesOfOtherPatterns) {
  const std::string bytes = SerializedDefault();
  Status st;
  std::vector<PatternSpec> specs = DefaultSpecs();
  specs.back().pattern += "x";
  EXPECT_FALSE(PatternDb::Deserialize(specs, bytes, &st));
  EXPECT_NE(st.message().find("other patterns"), std::string::npos) << st.message();

  specs = DefaultSpecs();
  specs[0].flags ^= kPatternCaseless;
  EXPECT_FALSE(PatternDb::Deserialize(specs, bytes, &st));
  EXPECT_NE(st.message().find("other patterns"), std::string::npos) << st.message();

  specs = DefaultSpecs();
  std::swap(specs[0], specs[1]);  // ids are indices: order matters
  EXPECT_FALSE(PatternDb::Deserialize(specs, bytes, &st));

  specs = DefaultSpecs();
  specs.pop_back();
  EXPECT_FALSE(PatternDb::Deserialize(specs, bytes, &st));
}

TEST(PatternDbSerialize, RefusesCorruptTruncatedAndForeignBytes) {
  const std::string bytes = SerializedDefault();
  ASSERT_GT(bytes.size(), 1000u);
  Status st;
  auto refused = [&](const std::string& b, const char* why) {
    EXPECT_FALSE(PatternDb::Deserialize(DefaultSpecs(), b, &st)) << why;
    EXPECT_NE(st.message().find(why), std::string::npos) << st.message();
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  };
  refused("", "not boilerhash");
  refused("hello, this is not a database at all, not even close", "not boilerhash");
  refused(bytes.substr(0, bytes.size() - 1), "truncated");
  refused(bytes + "x", "truncated or padded");
  for (size_t at : {size_t{48}, bytes.size() / 2, bytes.size() - 1}) {
    std::string corrupt = bytes;
    corrupt[at] ^= 0x20;
    refused(corrupt, "checksum");
  }
  std::string version = bytes;
  version[7] = 2;  // a future format
  refused(version, "not boilerhash");
  std::string features = bytes;
  features[16] ^= 1;  // the CPU features compiled for
  refused(features, "CPU features");
}

TEST(PatternDbSerialize, RefusesTheCpuLevelThisMachineWouldNotCompileFor) {
  // Compile's platform always loads; every other feature set is refused,
  // since this machine's runtime may not run it or may be the one avoided.
  std::string bytes = SerializedDefault();
  Status st;
  ASSERT_TRUE(PatternDb::Deserialize(DefaultSpecs(), bytes, &st)) << st.message();
  for (int bit = 0; bit < 64; ++bit) {
    std::string other = bytes;
    other[16 + bit / 8] ^= static_cast<char>(1 << (bit % 8));
    EXPECT_FALSE(PatternDb::Deserialize(DefaultSpecs(), other, &st)) << "feature bit " << bit;
  }
}

}  // namespace
}  // namespace boilerhash
