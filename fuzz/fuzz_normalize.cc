// Normalize on every SIMD target against the scalar reference, for every
// option combination the input picks. Invariants (normalize.h, step 5): the
// output is valid UTF-8, words joined by single spaces, no leading or
// trailing space; the same input gives the same output on re-run.
#include <fuzzer/FuzzedDataProvider.h>

#include <string>

#include "boilerhash/normalize.h"
#include "boilerhash/utf8.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::StringDiff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 1) return 0;
  FuzzedDataProvider fdp(data, size);
  NormalizeOptions options;
  const uint8_t flags = fdp.ConsumeIntegral<uint8_t>();
  options.fold_digits = flags & 1;
  options.strip_accents = flags & 2;
  const std::string text = fdp.ConsumeRemainingBytesAsString();

  const std::string ref = reference::Normalize(text, options.fold_digits, options.strip_accents);
  const std::string opts = " (fold_digits=" + std::to_string(options.fold_digits) +
                           " strip_accents=" + std::to_string(options.strip_accents) +
                           ") input " + Escape(text);
  fuzz::ForEachTarget([&](const std::string& target) {
    const std::string out = Normalize(text, options);
    FUZZ_CHECK(out == ref, "Normalize on " + target + " vs reference: " + StringDiff(out, ref) + opts);
    FUZZ_CHECK(Normalize(text, options) == out, "Normalize not repeatable on " + target + opts);
  });
  FUZZ_CHECK(Utf8IsValid(ref), "normalized text is not valid UTF-8: " + Escape(ref) + opts);
  FUZZ_CHECK(ref.empty() || (ref.front() != ' ' && ref.back() != ' '),
             "leading or trailing space: " + Escape(ref) + opts);
  FUZZ_CHECK(ref.find("  ") == std::string::npos, "double space: " + Escape(ref) + opts);
  return 0;
}
