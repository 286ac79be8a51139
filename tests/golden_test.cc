// Signatures are a stored format: the MinHash (k = 128) and SimHash of every
// sample article are pinned in tests/golden/signatures_v<N>.tsv and checked on
// every SIMD target. To change them on purpose, bump kSignatureFormatVersion
// and regenerate with BOILERHASH_WRITE_GOLDEN=1 (the values come from the
// scalar reference, never from the code under test).
#include <cstdio>
#include <cstdlib>

#include "boilerhash/signer.h"
#include "boilerhash/version.h"
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

std::string GoldenPath() {
  return testing::SourcePath("tests/golden/signatures_v" +
                             std::to_string(kSignatureFormatVersion) + ".tsv");
}

std::string FormatRow(const std::string& name, uint64_t simhash, const std::vector<uint32_t>& mh) {
  return name + "\t" + testing::Hex64(simhash) + "\t" + testing::Hex32List(mh) + "\n";
}

std::string Header() {
  return "# boilerhash golden signatures: format_version=" + std::to_string(kSignatureFormatVersion) +
         " minhash k=128 seed=1; shingles word 5-grams seed 0; default normalization\n"
         "# file\tsimhash\tminhash\n";
}

std::string ReferenceTable() {
  std::string out = Header();
  for (const auto& name : testing::ArticleFiles()) {
    const auto shingles = reference::ShingleHashes(
        reference::Normalize(testing::ReadArticle(name), false, false), 'w', 5, 0);
    out += FormatRow(name, reference::SimHash(shingles), reference::MinHash(shingles, 128, 1));
  }
  return out;
}

TEST(Golden, SignaturesOfTheSampleArticlesOnEveryTarget) {
  if (std::getenv("BOILERHASH_WRITE_GOLDEN")) {
    FILE* f = std::fopen(GoldenPath().c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string table = ReferenceTable();
    std::fwrite(table.data(), 1, table.size(), f);
    std::fclose(f);
  }
  const std::string golden = testing::ReadFile(GoldenPath());
  ASSERT_FALSE(golden.empty()) << "missing " << GoldenPath();
  EXPECT_EQ(golden, ReferenceTable()) << "the reference no longer gives the pinned values";
  const Signer signer;
  testing::ForEachTarget([&](const std::string&) {
    std::string table = Header();
    for (const auto& name : testing::ArticleFiles()) {
      DocumentSignature sig;
      signer.Sign(testing::ReadArticle(name), &sig);
      table += FormatRow(name, sig.simhash, sig.minhash);
    }
    EXPECT_EQ(table, golden);
  });
}

}  // namespace
}  // namespace boilerhash
