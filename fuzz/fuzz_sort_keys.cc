// SortKeys (vqsort, sort_keys.h) on every SIMD target against std::sort:
// 64-, 32- and 128-bit keys read from the input, so duplicates, runs and
// sorted stretches come from the fuzzer as well as random values.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "sort_keys.h"

using boilerhash::internal::Key128;
using boilerhash::internal::SortKeys;

namespace {
bool Less(const Key128& a, const Key128& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }
bool Less(uint64_t a, uint64_t b) { return a < b; }
bool Less(uint32_t a, uint32_t b) { return a < b; }

template <typename T>
void Check(const uint8_t* data, size_t size, const char* type) {
  std::vector<T> keys(size / sizeof(T));
  if (!keys.empty()) std::memcpy(keys.data(), data, keys.size() * sizeof(T));
  std::vector<T> expect = keys;
  std::sort(expect.begin(), expect.end(), [](const T& a, const T& b) { return Less(a, b); });
  boilerhash::fuzz::ForEachTarget([&](const std::string& target) {
    std::vector<T> got = keys;
    SortKeys(got.data(), got.size());
    FUZZ_CHECK(got == expect, std::string(type) + " keys sorted differently from std::sort on " + target +
                                  " (n = " + std::to_string(keys.size()) + ")");
  });
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 8193) return 0;
  switch (data[0] % 3) {
    case 0: Check<uint64_t>(data + 1, size - 1, "64-bit"); break;
    case 1: Check<uint32_t>(data + 1, size - 1, "32-bit"); break;
    default: Check<Key128>(data + 1, size - 1, "128-bit"); break;
  }
  return 0;
}
