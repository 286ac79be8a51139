// The classifier's C API (boilerhash.h: bh_model_*, bh_classify, bh_clean,
// bh_explain, bh_reason_name) driven as a caller would: the default model or
// one from a pattern file in the input, buffers of every size, null pointers.
// Checks: statuses match their documented conditions, results equal the C++
// API's, the size-query protocol holds (needed size reported, nothing written
// on BH_BUFFER_TOO_SMALL), nothing is written past a caller's buffer.
#include <fuzzer/FuzzedDataProvider.h>

#include <memory>
#include <string>
#include <vector>

#include "boilerhash/boilerhash.h"
#include "boilerhash/classifier.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;

namespace {
constexpr uint8_t kLabelCanary = 0xEE;
constexpr uint32_t kReasonCanary = 0xCA11AB1Eu;

bh_model* g_c_default = nullptr;
std::unique_ptr<BoilerplateModel> g_cpp_default;

// A buffer size around `needed`: 0, needed-1, needed, needed+3.
size_t PickCap(int pick, size_t needed) {
  switch (pick) {
    case 0: return 0;
    case 1: return needed ? needed - 1 : 0;
    case 2: return needed;
    default: return needed + 3;
  }
}

// bh_clean / bh_explain: the size-query protocol and the bytes against `expect`.
template <class Fn>
void CheckCopyOut(Fn call, const std::string& expect, int pick, const char* name, const std::string& what) {
  size_t needed = 12345;
  const bh_status q = call(nullptr, 0, &needed);
  FUZZ_CHECK(needed == expect.size() && q == (expect.empty() ? BH_OK : BH_BUFFER_TOO_SMALL),
             std::string(name) + " size query: " + std::to_string(needed) + " vs " +
                 std::to_string(expect.size()) + what);
  const size_t cap = PickCap(pick, expect.size());
  std::string out(cap + 8, '\x7F');
  size_t out_len = 0;
  const bh_status s = call(cap ? out.data() : nullptr, cap, &out_len);
  FUZZ_CHECK(out_len == expect.size(), std::string(name) + " out_len" + what);
  if (cap >= expect.size()) {
    FUZZ_CHECK(s == BH_OK && out.compare(0, expect.size(), expect) == 0,
               std::string(name) + " differs from the C++ API" + what);
    FUZZ_CHECK(out.find_first_not_of('\x7F', expect.size()) == std::string::npos,
               std::string(name) + " wrote past its output" + what);
  } else {
    FUZZ_CHECK(s == BH_BUFFER_TOO_SMALL && out.find_first_not_of('\x7F') == std::string::npos,
               std::string(name) + " wrote into a buffer it called too small" + what);
  }
}
}  // namespace

// The default model's Hyperscan compile takes seconds under ASan: once.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (bh_model_default(&g_c_default) != BH_OK || !g_c_default) std::abort();
  g_cpp_default = BoilerplateModel::Default();
  if (!g_cpp_default) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 600) return 0;
  FuzzedDataProvider fdp(data, size);
  const bool custom = fdp.ConsumeIntegralInRange<int>(0, 3) == 0;  // a Hyperscan compile: rarely
  const std::string patterns = custom ? fdp.ConsumeRandomLengthString(512) : std::string();
  const size_t error_cap = std::vector<size_t>{0, 1, 16, 256}[fdp.ConsumeIntegralInRange<size_t>(0, 3)];
  const int label_pick = fdp.ConsumeIntegralInRange<int>(0, 3);
  const bool with_reasons = fdp.ConsumeBool();
  const int clean_pick = fdp.ConsumeIntegralInRange<int>(0, 3);
  const int explain_pick = fdp.ConsumeIntegralInRange<int>(0, 3);
  const std::string text = fdp.ConsumeRemainingBytesAsString();
  const std::string what = " text " + Escape(text) + (custom ? " patterns " + Escape(patterns) : "");

  FUZZ_CHECK(bh_model_default(nullptr) == BH_INVALID_ARGUMENT, "bh_model_default(NULL)");
  FUZZ_CHECK(bh_model_from_patterns("x", 1, nullptr, 0, nullptr) == BH_INVALID_ARGUMENT,
             "bh_model_from_patterns(out=NULL)");
  FUZZ_CHECK(bh_model_from_patterns(nullptr, 1, nullptr, 0, &g_c_default) == BH_INVALID_ARGUMENT,
             "bh_model_from_patterns(NULL, 1)");
  FUZZ_CHECK(g_c_default != nullptr, "a failed call cleared a model it was not given");

  const bh_model* model = g_c_default;
  const BoilerplateModel* cpp = g_cpp_default.get();
  bh_model* custom_model = nullptr;
  std::unique_ptr<BoilerplateModel> custom_cpp;
  if (custom) {
    Status st;
    custom_cpp = BoilerplateModel::FromPatternText(patterns, ClassifierOptions{}, &st);
    std::string error(error_cap + 8, '\x7F');
    custom_model = reinterpret_cast<bh_model*>(&error);  // must be reset on failure
    const bh_status ms = bh_model_from_patterns(patterns.data(), patterns.size(),
                                                error_cap ? error.data() : nullptr, error_cap, &custom_model);
    FUZZ_CHECK((ms == BH_OK) == (custom_cpp != nullptr) && (ms == BH_OK) == (custom_model != nullptr),
               std::string("bh_model_from_patterns: ") + bh_status_string(ms) + " vs C++ " + st.message() + what);
    if (ms != BH_OK) {
      FUZZ_CHECK(ms == BH_PARSE_ERROR, std::string("bad pattern file gave ") + bh_status_string(ms));
      if (error_cap) {
        const std::string expect = st.message().substr(0, error_cap - 1);
        FUZZ_CHECK(error.compare(0, expect.size() + 1, expect + '\0') == 0,
                   "error message '" + Escape(error) + "' vs '" + Escape(st.message()) + "'");
        FUZZ_CHECK(error.find_first_not_of('\x7F', expect.size() + 1) == std::string::npos,
                   "error written past its NUL");
      }
      FUZZ_CHECK(error.find_first_not_of('\x7F', error_cap) == std::string::npos, "error written past error_cap");
      return 0;
    }
    model = custom_model;
    cpp = custom_cpp.get();
  }

  ClassifyResult expect;
  cpp->Classify(text, &expect);
  const size_t n = expect.lines.size();

  // bh_classify: argument checks, then a buffer of 0, n-1, n or n+3 labels.
  size_t n_lines = 99;
  uint8_t one = 0;
  FUZZ_CHECK(bh_classify(nullptr, text.data(), text.size(), &one, nullptr, 1, &n_lines) == BH_INVALID_ARGUMENT &&
                 bh_classify(model, text.data(), text.size(), &one, nullptr, 1, nullptr) == BH_INVALID_ARGUMENT &&
                 bh_classify(model, nullptr, 1, &one, nullptr, 1, &n_lines) == BH_INVALID_ARGUMENT &&
                 bh_classify(model, text.data(), text.size(), nullptr, nullptr, 1, &n_lines) == BH_INVALID_ARGUMENT,
             "bh_classify accepted a NULL argument");
  const size_t cap = PickCap(label_pick, n);
  std::vector<uint8_t> labels(cap + 4, kLabelCanary);
  std::vector<uint32_t> reasons(cap + 4, kReasonCanary);
  const bh_status cs = bh_classify(model, text.data(), text.size(), cap ? labels.data() : nullptr,
                                   with_reasons ? reasons.data() : nullptr, cap, &n_lines);
  FUZZ_CHECK(n_lines == n, "bh_classify n_lines " + std::to_string(n_lines) + " vs " + std::to_string(n) + what);
  FUZZ_CHECK(cs == (cap >= n ? BH_OK : BH_BUFFER_TOO_SMALL), std::string("bh_classify: ") + bh_status_string(cs));
  const size_t written = cs == BH_OK ? n : 0;
  for (size_t i = 0; i < written; ++i) {
    FUZZ_CHECK(labels[i] == static_cast<uint8_t>(expect.lines[i].label),
               "label of line " + std::to_string(i + 1) + " differs from the C++ API" + what);
    FUZZ_CHECK(!with_reasons || reasons[i] == expect.lines[i].reasons,
               "reasons of line " + std::to_string(i + 1) + " differ from the C++ API" + what);
    for (uint32_t bits = reasons[i]; with_reasons && bits; bits &= bits - 1) {
      const uint32_t bit = bits & (~bits + 1);
      FUZZ_CHECK(std::string(bh_reason_name(bit)) != "unknown", "reason bit without a name" + what);
    }
  }
  for (size_t i = written; i < labels.size(); ++i) {
    FUZZ_CHECK(labels[i] == kLabelCanary && reasons[i] == kReasonCanary,
               "bh_classify wrote past the lines it reported" + what);
  }
  for (size_t i = 0; i < written && !with_reasons; ++i) {
    FUZZ_CHECK(reasons[i] == kReasonCanary, "bh_classify wrote reasons it was not asked for");
  }
  FUZZ_CHECK(std::string(bh_reason_name(0)) == "unknown" && std::string(bh_reason_name(3)) == "unknown",
             "bh_reason_name of a non-single bit");

  // bh_clean and bh_explain: the C++ API's cleaned text and explain view.
  CheckCopyOut([&](char* out, size_t c, size_t* len) { return bh_clean(model, text.data(), text.size(), out, c, len); },
               expect.cleaned, clean_pick, "bh_clean", what);
  CheckCopyOut([&](char* out, size_t c, size_t* len) { return bh_explain(model, text.data(), text.size(), out, c, len); },
               ExplainClassification(text, expect), explain_pick, "bh_explain", what);
  size_t len = 0;
  FUZZ_CHECK(bh_clean(model, text.data(), text.size(), nullptr, 1, &len) == BH_INVALID_ARGUMENT &&
                 bh_explain(model, text.data(), text.size(), nullptr, 0, nullptr) == BH_INVALID_ARGUMENT,
             "bh_clean/bh_explain accepted a NULL argument");

  bh_model_free(custom_model);
  bh_model_free(nullptr);
  return 0;
}
