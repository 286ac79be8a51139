// ReleaseThreadBuffers gives back what a huge document grew in the calling
// thread's scratch, and nothing computed afterwards changes.
#include "boilerhash/thread_buffers.h"

#include <malloc.h>

#include <string>
#include <thread>

#include "boilerhash/boilerhash.h"
#include "boilerhash/classifier.h"
#include "boilerhash/signer.h"
#include "test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define BOILERHASH_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOILERHASH_TEST_ASAN 1
#endif
#endif

namespace boilerhash {
namespace {

// Bytes the process has allocated with malloc (arena and mmapped chunks).
size_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

std::string Article() {
  return "Breaking news from the city\n\nThe council voted on Tuesday to approve the new budget, "
         "which funds schools and roads for the next two years.\nShare on Facebook\n"
         "Officials said the plan would be reviewed again in the spring after the first results.\n"
         "All rights reserved.\n";
}

TEST(ThreadBuffers, ReleaseFreesWhatAHugeDocumentGrew) {
#ifdef BOILERHASH_TEST_ASAN
  GTEST_SKIP() << "the sanitizer's allocator does not report through mallinfo2";
#endif
  // 32 MB of words on lines of a paragraph's length: the signer keeps the
  // normalized text and a hash per word, the classifier a result per line.
  std::string huge;
  while (huge.size() < (size_t{32} << 20)) huge += "every word of this line is one more word to hash and sign here\n";
  const Signer signer;
  const auto model = BoilerplateModel::Default();
  ASSERT_NE(model, nullptr);
  DocumentSignature sig;
  ClassifyResult result;
  std::thread worker([&] {
    signer.Sign(huge, &sig);
    model->Classify(huge, &result);
    const size_t grown = HeapInUse();
    ReleaseThreadBuffers();
    const size_t released = HeapInUse();
    // The normalized text alone is 32 MB; its word hashes are 8 bytes a word.
    EXPECT_GT(grown, released + (size_t{64} << 20)) << grown << " -> " << released;
    ReleaseThreadBuffers();  // twice: nothing left, no harm
  });
  worker.join();
  EXPECT_GT(sig.words, size_t{4} << 20);
  EXPECT_GT(result.content_lines + result.boilerplate_lines, size_t{400000});
}

TEST(ThreadBuffers, ResultsAreTheSameAfterARelease) {
  const Signer signer;
  const auto model = BoilerplateModel::Default();
  ASSERT_NE(model, nullptr);
  const std::string doc = Article();
  DocumentSignature before, after;
  ClassifyResult classified_before, classified_after;
  signer.Sign(doc, &before);
  model->Classify(doc, &classified_before);
  ReleaseThreadBuffers();
  signer.Sign(doc, &after);
  model->Classify(doc, &classified_after);
  EXPECT_EQ(before.minhash, after.minhash);
  EXPECT_EQ(before.exact, after.exact);
  ASSERT_EQ(classified_before.lines.size(), classified_after.lines.size());
  for (size_t i = 0; i < classified_before.lines.size(); ++i) {
    EXPECT_EQ(classified_before.lines[i].label, classified_after.lines[i].label) << i;
    EXPECT_EQ(classified_before.lines[i].reasons, classified_after.lines[i].reasons) << i;
  }
  EXPECT_EQ(classified_before.cleaned, classified_after.cleaned);
  EXPECT_GT(classified_before.boilerplate_lines, 0u);  // the article has boilerplate to find
}

TEST(ThreadBuffers, ReleaseOnAFreshThreadDoesNothing) {
  std::thread([] { ReleaseThreadBuffers(); }).join();
  // The C API entry point, then a call that must still work.
  bh_release_thread_buffers();
  bh_model* model = nullptr;
  ASSERT_EQ(bh_model_default(&model), BH_OK);
  const std::string doc = Article();
  uint8_t labels[16];
  size_t n = 0;
  EXPECT_EQ(bh_classify(model, doc.data(), doc.size(), labels, nullptr, 16, &n), BH_OK);
  EXPECT_EQ(n, 6u);  // six lines, the last ending in a line break
  bh_model_free(model);
}

}  // namespace
}  // namespace boilerhash
