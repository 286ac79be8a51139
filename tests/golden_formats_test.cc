// Every stored format of docs/FORMAT.md beyond the sample articles' default
// signatures (golden_test.cc): normalized text, word and character
// shingles, non-default seeds and k, fold_digits and strip_accents, LSH band
// keys and the exact hash, over texts in many scripts with marks, ligatures,
// compatibility forms, digits of other scripts, invalid UTF-8 and NULs
// (tests/golden/texts.txt). Pinned in tests/golden/formats_v<N>.tsv and
// checked on every SIMD target. The values come from the scalar reference,
// and the band keys and exact hash from XXH3 as FORMAT.md defines them,
// never from the code under test; BOILERHASH_WRITE_GOLDEN=1 rewrites the
// file (only with a format version bump).
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "boilerhash/lsh.h"
#include "boilerhash/normalize.h"
#include "boilerhash/signer.h"
#include "boilerhash/version.h"
#include "reference/reference.h"
#include "test_util.h"

namespace boilerhash {
namespace {

// One option set of a row.
struct Variant {
  const char* name;
  NormalizeOptions normalize;
  ShingleKind kind;
  uint32_t n;
  uint64_t shingle_seed;
  uint32_t k;
  uint64_t minhash_seed;
  LshParams bands;
};

const Variant kVariants[] = {
    {"default-w5-k16", {}, ShingleKind::kWord, 5, 0, 16, 1, {4, 4}},
    {"digits-w3-seed7-k16-seed99", {.fold_digits = true}, ShingleKind::kWord, 3, 7, 16, 99, {2, 8}},
    {"accents-c4-k16", {.strip_accents = true}, ShingleKind::kChar, 4, 0, 16, 1, {16, 1}},
    {"both-c1-seedmax-k8-seed12345", {.fold_digits = true, .strip_accents = true}, ShingleKind::kChar, 1,
     ~uint64_t{0}, 8, 12345, {2, 4}},
};

// texts.txt: one text per line; '#' lines and empty lines skipped; \t, \n,
// \r, \\ and \xHH escapes (so NULs, invalid bytes and line breaks can be
// written).
std::vector<std::string> Texts() {
  std::vector<std::string> out;
  const std::string file = testing::ReadFile(testing::SourcePath("tests/golden/texts.txt"));
  size_t pos = 0;
  while (pos < file.size()) {
    size_t nl = file.find('\n', pos);
    if (nl == std::string::npos) nl = file.size();
    const std::string line = file.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '\\' || i + 1 == line.size()) {
        text += line[i];
        continue;
      }
      const char e = line[++i];
      if (e == 't') text += '\t';
      else if (e == 'n') text += '\n';
      else if (e == 'r') text += '\r';
      else if (e == 'x' && i + 2 < line.size()) {
        text += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        text += e;
      }
    }
    out.push_back(text);
  }
  return out;
}

using testing::Hex32List;
using testing::Hex64;

std::string Hex64List(const std::vector<uint64_t>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? " " : "") + Hex64(v[i]);
  return out;
}

// The values of one row, however they were computed.
struct Row {
  std::string normalized;
  uint64_t simhash = 0;
  std::vector<uint32_t> minhash;
  std::vector<uint64_t> band_keys;
  uint64_t exact_low = 0, exact_high = 0;
};

std::string Format(size_t text, const Variant& v, const Row& r) {
  return "text" + std::to_string(text) + "\t" + v.name + "\t" + r.normalized + "\t" + Hex64(r.simhash) + "\t" +
         Hex32List(r.minhash) + "\t" + Hex64List(r.band_keys) + "\t" + Hex64(r.exact_high) + Hex64(r.exact_low) +
         "\n";
}

std::string Header() {
  return "# boilerhash golden formats: format_version=" + std::to_string(kSignatureFormatVersion) +
         "; texts from tests/golden/texts.txt, variants in golden_formats_test.cc\n"
         "# text\tvariant\tnormalized\tsimhash\tminhash\tband keys\texact hash (high, low)\n";
}

// From the reference and from FORMAT.md's definitions.
Row Expected(const std::string& text, const Variant& v) {
  Row r;
  r.normalized = reference::Normalize(text, v.normalize.fold_digits, v.normalize.strip_accents);
  const auto shingles = reference::ShingleHashes(r.normalized, v.kind == ShingleKind::kWord ? 'w' : 'c', v.n,
                                                 v.shingle_seed);
  r.simhash = reference::SimHash(shingles);
  r.minhash = reference::MinHash(shingles, v.k, v.minhash_seed);
  // Band j: XXH3_64bits_withSeed(rows slots as little-endian uint32, seed j).
  for (uint32_t j = 0; j < v.bands.bands; ++j) {
    std::string bytes;
    for (uint32_t i = 0; i < v.bands.rows; ++i) {
      const uint32_t slot = r.minhash[j * v.bands.rows + i];
      for (int b = 0; b < 4; ++b) bytes += static_cast<char>((slot >> (8 * b)) & 0xFF);
    }
    r.band_keys.push_back(XXH3_64bits_withSeed(bytes.data(), bytes.size(), j));
  }
  const XXH128_hash_t h = XXH3_128bits(r.normalized.data(), r.normalized.size());
  r.exact_low = h.low64;
  r.exact_high = h.high64;
  return r;
}

// From the code under test.
Row Actual(const std::string& text, const Variant& v) {
  Row r;
  r.normalized = Normalize(text, v.normalize);
  SignOptions o;
  o.normalize = v.normalize;
  o.shingle = {v.kind, v.n, v.shingle_seed};
  o.minhash = {v.k, v.minhash_seed};
  DocumentSignature sig;
  Signer(o).Sign(text, &sig);
  r.simhash = sig.simhash;
  r.minhash = sig.minhash;
  r.band_keys.resize(v.bands.bands);
  LshBandKeys(r.minhash, v.bands, r.band_keys.data());
  r.exact_low = sig.exact.low;
  r.exact_high = sig.exact.high;
  return r;
}

template <typename Compute>
std::string Table(Compute compute) {
  std::string out = Header();
  const std::vector<std::string> texts = Texts();
  for (size_t t = 0; t < texts.size(); ++t) {
    for (const Variant& v : kVariants) out += Format(t, v, compute(texts[t], v));
  }
  return out;
}

std::string GoldenPath() {
  return testing::SourcePath("tests/golden/formats_v" + std::to_string(kSignatureFormatVersion) + ".tsv");
}

TEST(GoldenFormats, EveryStoredFormatOnEveryTarget) {
  ASSERT_GE(Texts().size(), 8u);
  if (std::getenv("BOILERHASH_WRITE_GOLDEN")) {
    FILE* f = std::fopen(GoldenPath().c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string table = Table(Expected);
    std::fwrite(table.data(), 1, table.size(), f);
    std::fclose(f);
  }
  const std::string golden = testing::ReadFile(GoldenPath());
  ASSERT_FALSE(golden.empty()) << "missing " << GoldenPath();
  EXPECT_EQ(golden, Table(Expected)) << "the reference no longer gives the pinned values";
  testing::ForEachTarget([&](const std::string& target) { EXPECT_EQ(Table(Actual), golden) << target; });
}

}  // namespace
}  // namespace boilerhash
