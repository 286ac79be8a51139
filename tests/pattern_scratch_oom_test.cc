// A pattern scan that cannot get its scratch (hs_clone_scratch fails: out of
// memory) is reported as out of memory, not classified without patterns:
// Classify throws bad_alloc, bh_classify returns BH_OUT_OF_MEMORY. The test
// binary interposes hs_clone_scratch (the library calls it through the
// dynamic linker) to make it fail on demand.
#include <dlfcn.h>
#include <hs/hs.h>

#include <cstring>
#include <new>
#include <string>

#include "boilerhash/boilerhash.h"
#include "boilerhash/classifier.h"
#include "test_util.h"

namespace {
bool g_fail_clone = false;
}  // namespace

extern "C" hs_error_t hs_clone_scratch(const hs_scratch_t* src, hs_scratch_t** dest) {
  using Clone = hs_error_t (*)(const hs_scratch_t*, hs_scratch_t**);
  static const Clone real = reinterpret_cast<Clone>(dlsym(RTLD_NEXT, "hs_clone_scratch"));
  if (g_fail_clone || real == nullptr) return HS_NOMEM;
  return real(src, dest);
}

namespace boilerhash {
namespace {

constexpr char kPatterns[] = "share_on i 2.0 en share on facebook\n";
constexpr char kDoc[] =
    "This is a long sentence of real content, with the stopwords that prose has in it.\n"
    "Share on Facebook\n";

// A fresh model has no pooled scratch: its first scan clones one.
TEST(PatternScratch, NoScratchIsOutOfMemoryInClassify) {
  g_fail_clone = false;
  auto working = BoilerplateModel::FromPatternText(kPatterns, ClassifierOptions{}, nullptr);
  ASSERT_NE(working, nullptr);
  ClassifyResult r;
  working->Classify(kDoc, &r);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[1].label, LineLabel::kBoilerplate);  // the pattern's signal

  auto fresh = BoilerplateModel::FromPatternText(kPatterns, ClassifierOptions{}, nullptr);
  ASSERT_NE(fresh, nullptr);
  g_fail_clone = true;
  EXPECT_THROW(fresh->Classify(kDoc, &r), std::bad_alloc);
  g_fail_clone = false;
  fresh->Classify(kDoc, &r);  // and works once memory is back
  EXPECT_EQ(r.lines[1].label, LineLabel::kBoilerplate);
}

TEST(PatternScratch, NoScratchIsOutOfMemoryInTheCApi) {
  for (const bool fail : {false, true}) {
    bh_model* model = nullptr;
    char error[128];
    ASSERT_EQ(bh_model_from_patterns(kPatterns, std::strlen(kPatterns), error, sizeof error, &model), BH_OK);
    uint8_t labels[4];
    size_t n = 0;
    g_fail_clone = fail;
    const bh_status s = bh_classify(model, kDoc, std::strlen(kDoc), labels, nullptr, 4, &n);
    g_fail_clone = false;
    EXPECT_EQ(s, fail ? BH_OUT_OF_MEMORY : BH_OK);
    bh_model_free(model);
  }
}

}  // namespace
}  // namespace boilerhash
