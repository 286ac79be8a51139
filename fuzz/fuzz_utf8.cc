// Utf8IsValid / Utf8Repair on every SIMD target against the scalar reference.
// Invariants: valid <=> no replacements; the repair is valid UTF-8, equals the
// input when the input was valid, replaces (not appends to) *out, and is a
// fixed point of itself.
#include <string>

#include "boilerhash/utf8.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::StringDiff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool ref_valid = reference::Utf8IsValid(in);
  std::string ref_out;
  const size_t ref_count = reference::Utf8Repair(in, &ref_out);
  FUZZ_CHECK(ref_valid == (ref_count == 0), "reference disagrees with itself on " + Escape(in));

  fuzz::ForEachTarget([&](const std::string& target) {
    const bool valid = Utf8IsValid(in);
    FUZZ_CHECK(valid == ref_valid, "Utf8IsValid on " + target + " says " + std::to_string(valid) +
                                       ", reference " + std::to_string(ref_valid) + " for " +
                                       Escape(in));
    std::string out = "stale contents";
    const size_t count = Utf8Repair(in, &out);
    FUZZ_CHECK(count == ref_count, "Utf8Repair count on " + target + ": " + std::to_string(count) +
                                       " vs reference " + std::to_string(ref_count));
    FUZZ_CHECK(out == ref_out, "Utf8Repair on " + target + " vs reference: " + StringDiff(out, ref_out));
    FUZZ_CHECK(!valid || out == in, "repair of valid input changed it on " + target);
    FUZZ_CHECK(Utf8IsValid(out), "repaired text is not valid UTF-8 on " + target + ": " + Escape(out));
    std::string again;
    FUZZ_CHECK(Utf8Repair(out, &again) == 0 && again == out, "repair is not a fixed point on " + target);
  });
  return 0;
}
