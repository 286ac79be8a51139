// Pattern matches must not depend on where the text sits in memory: the
// classifier's labels (and so every signature after cleaning) would change
// with the allocator and the thread count. vectorscan 5.4.9's AVX-512 runtime
// breaks this (kernel/src/hyperscan_runtime.h); these tests fail wherever the
// runtime boilerhash picks does.
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "boilerhash/pattern_db.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using Match = testing::PatternMatch;

// Scans `text` copied to `offset` bytes past a 64-byte boundary.
std::vector<Match> ScanAt(const PatternDb& db, const std::string& text, size_t offset) {
  std::vector<std::max_align_t> storage((text.size() + 128) / sizeof(std::max_align_t) + 1);
  char* base = reinterpret_cast<char*>(storage.data());
  base += (64 - reinterpret_cast<uintptr_t>(base) % 64) % 64;
  std::memcpy(base + offset, text.data(), text.size());
  return testing::ScanMatches(db, std::string_view(base + offset, text.size()));
}

TEST(PatternScanAlignment, BoundedRepeatFoundAtEveryAlignment) {
  // The smallest input found that the vectorscan 5.4.9 AVX-512 runtime gets
  // wrong at 55 of 64 alignments.
  Status status;
  auto db = PatternDb::FromText("paren_ap - 1.0 en \\(.{0,80}ap\\)\n", &status);
  ASSERT_TRUE(db) << status.message();
  const std::string text = std::string(100, 'x') + " (abc/ap)\n\nabc";
  const size_t end = text.find("ap)") + 3;
  for (size_t offset = 0; offset < 64; ++offset) {
    EXPECT_EQ(ScanAt(*db, text, offset), (std::vector<Match>{{0, end}})) << "offset " << offset;
  }
}

TEST(PatternScanAlignment, DefaultSetOnDevPagesMatchesAtEveryAlignment) {
  Status status;
  auto db = PatternDb::FromText(DefaultPatternText(), &status);
  ASSERT_TRUE(db) << status.message();
  size_t pages = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourcePath("datasets/pages-dev/texts"))) {
    if (++pages > 60) break;  // a third of the set keeps the test short
    const std::string text = testing::ReadFile(entry.path().string());
    const std::vector<Match> first = ScanAt(*db, text, 0);
    for (size_t offset : {1, 5, 13, 22, 31, 37, 48, 63}) {
      ASSERT_EQ(ScanAt(*db, text, offset), first)
          << entry.path().filename() << " scanned at offset " << offset;
    }
  }
  EXPECT_GT(pages, 50u);
}

}  // namespace
}  // namespace boilerhash
