// FoldShingleMins (the group keys' min-hash fold, group_key_fold.h) on every
// SIMD target against reference::FoldGroupShingles: the starting minima and
// the word hashes come from the input, so repeated words, zeros and runs of
// equal shingles come from the fuzzer too.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "group_key_fold.h"
#include "reference/reference.h"

using namespace boilerhash;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8 * 1024) return 0;
  FuzzedDataProvider fdp(data, size);
  uint64_t start[kDocumentGroupKeys];
  for (auto& b : start) b = fdp.ConsumeBool() ? UINT64_MAX : fdp.ConsumeIntegral<uint64_t>();
  std::vector<uint64_t> words;
  while (fdp.remaining_bytes() > 0) words.push_back(fdp.ConsumeIntegral<uint64_t>());
  if (words.size() < internal::kGroupShingleWords) return 0;  // FoldShingleMins needs one shingle
  uint64_t expect[kDocumentGroupKeys];
  std::copy(start, start + kDocumentGroupKeys, expect);
  const size_t shingles = reference::FoldGroupShingles(words, expect);
  fuzz::ForEachTarget([&](const std::string& target) {
    uint64_t got[kDocumentGroupKeys];
    std::copy(start, start + kDocumentGroupKeys, got);
    FUZZ_CHECK(internal::FoldShingleMins(words.data(), words.size(), got) == shingles,
               "shingle count differs from the reference on " + target);
    for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
      FUZZ_CHECK(got[k] == expect[k], "key " + std::to_string(k) + " differs from the reference on " + target +
                                          " (" + std::to_string(words.size()) + " words)");
    }
  });
  return 0;
}
