// ExactHash: the 128-bit XXH3 (seed 0) of the normalized text, checked
// against xxHash itself (exact_hash.h gives the definition), on raw and on
// normalized text, at any alignment and on re-run.
#include <fuzzer/FuzzedDataProvider.h>
#include <xxhash.h>

#include <string>

#include "boilerhash/exact_hash.h"
#include "boilerhash/normalize.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::Hex64;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 1) return 0;
  FuzzedDataProvider fdp(data, size);
  const bool normalize = fdp.ConsumeBool();
  const std::string input = fdp.ConsumeRemainingBytesAsString();
  const std::string text = normalize ? Normalize(input) : input;
  const Hash128 h = ExactHash(text);
  const XXH128_hash_t x = XXH3_128bits_withSeed(text.data(), text.size(), 0);
  FUZZ_CHECK(h.low == x.low64 && h.high == x.high64,
             "ExactHash " + Hex64(h.high) + Hex64(h.low) + " vs XXH3_128 " + Hex64(x.high64) +
                 Hex64(x.low64) + " of " + Escape(text));
  FUZZ_CHECK(ExactHash(std::string(text)) == h, "ExactHash not repeatable on a copy of " + Escape(text));
  // Same bytes at any alignment, same hash.
  const size_t shift = 1 + size % 7;
  std::string buffer(shift, '\0');
  buffer += text;
  FUZZ_CHECK(ExactHash(std::string_view(buffer).substr(shift)) == h,
             "ExactHash depends on alignment (offset " + std::to_string(shift) + ") for " + Escape(text));
  return 0;
}
