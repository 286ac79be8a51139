// ShingleHashes and CountWords against the scalar reference, for word and
// character n-grams, any n (0 included) and seed, on normalized text and on
// raw valid UTF-8 (the definition is byte-level, so both must agree; raw
// invalid UTF-8 is outside the contract and only run for memory safety). Invariants:
// the output is appended (existing elements kept), the number of shingles is
// max(units - n + 1, 1) for non-empty text and 0 for empty text.
#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <vector>

#include "boilerhash/normalize.h"
#include "boilerhash/shingle.h"
#include "boilerhash/utf8.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::FirstDiff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 16) return 0;
  FuzzedDataProvider fdp(data, size);
  ShingleOptions options;
  options.kind = fdp.ConsumeBool() ? ShingleKind::kChar : ShingleKind::kWord;
  const bool raw = fdp.ConsumeBool();
  const bool any_n = fdp.ConsumeBool();
  const uint32_t n_bits = fdp.ConsumeIntegral<uint32_t>();
  options.seed = fdp.ConsumeIntegral<uint64_t>();
  const std::string input = fdp.ConsumeRemainingBytesAsString();
  // Mostly small n; sometimes any n larger than the text (one shingle). A
  // middle n is capped at 256 so the reference's O(shingles * n) stays fast.
  options.n = !any_n ? n_bits % 17 : n_bits > input.size() ? n_bits : n_bits % 257;
  const std::string text = raw ? input : Normalize(input);

  const std::vector<uint64_t> ref = reference::ShingleHashes(
      text, options.kind == ShingleKind::kWord ? 'w' : 'c', options.n, options.seed);
  const std::string what = std::string(" kind=") + (options.kind == ShingleKind::kWord ? "word" : "char") +
                           " n=" + std::to_string(options.n) + " seed=" + std::to_string(options.seed) +
                           " text " + Escape(text);
  // Every target: word starts are found with SIMD (WordStartsAfterSpaces).
  std::vector<uint64_t> out;
  bool first = true;
  boilerhash::fuzz::ForEachTarget([&](const std::string& target) {
    std::vector<uint64_t> got = {0x5EED5EED5EED5EEDull};  // must survive: output is appended
    ShingleHashes(text, options, &got);
    FUZZ_CHECK(!got.empty() && got[0] == 0x5EED5EED5EED5EEDull, "ShingleHashes dropped existing output" + what);
    got.erase(got.begin());
    if (!(raw && !Utf8IsValid(text))) {
      FUZZ_CHECK(got == ref, "ShingleHashes vs reference on " + target + ": " + FirstDiff(got, ref) + what);
    }
    if (first) out = got, first = false;
    FUZZ_CHECK(got == out, "ShingleHashes differs between targets on " + target + what);
  });
  if (raw && !Utf8IsValid(text)) return 0;

  // Count check from the definition, independent of both implementations.
  size_t units = 0;
  if (!text.empty()) {
    if (options.kind == ShingleKind::kWord) {
      units = 1;
      for (char c : text) units += c == ' ';
      FUZZ_CHECK(CountWords(text) == units, "CountWords " + std::to_string(CountWords(text)) +
                                                " vs " + std::to_string(units) + what);
    } else {
      for (char c : text) units += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
  } else {
    FUZZ_CHECK(CountWords(text) == 0, "CountWords of empty text" + what);
  }
  const uint64_t n = options.n == 0 ? 1 : options.n;
  const size_t expect = text.empty() ? 0 : (units >= n ? units - n + 1 : 1);
  FUZZ_CHECK(out.size() == expect, "shingle count " + std::to_string(out.size()) + ", expected " +
                                       std::to_string(expect) + what);
  return 0;
}
