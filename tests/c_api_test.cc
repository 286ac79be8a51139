#include "boilerhash/boilerhash.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <thread>

#include "boilerhash/signer.h"
#include "boilerhash/version.h"
#include "test_util.h"

namespace {

TEST(CApi, SignMatchesCppAndChecksArguments) {
  bh_signer* signer = nullptr;
  ASSERT_EQ(bh_signer_new(nullptr, &signer), BH_OK);
  ASSERT_EQ(bh_signer_k(signer), 128u);
  const std::string text = boilerhash::testing::ReadArticle("000_871c6862986da532.txt");
  std::vector<uint32_t> sig(128);
  ASSERT_EQ(bh_signer_minhash(signer, text.data(), text.size(), sig.data(), sig.size()), BH_OK);
  boilerhash::DocumentSignature cpp;
  boilerhash::Signer().Sign(text, &cpp);
  EXPECT_EQ(sig, cpp.minhash);
  uint64_t simhash = 0;
  ASSERT_EQ(bh_signer_simhash(signer, text.data(), text.size(), &simhash), BH_OK);
  EXPECT_EQ(simhash, cpp.simhash);
  EXPECT_EQ(bh_signer_minhash(signer, text.data(), text.size(), sig.data(), 10), BH_BUFFER_TOO_SMALL);
  EXPECT_EQ(bh_signer_minhash(signer, nullptr, 5, sig.data(), 128), BH_INVALID_ARGUMENT);
  EXPECT_EQ(bh_signer_minhash(signer, nullptr, 0, sig.data(), 128), BH_OK);  // empty text:
  EXPECT_EQ(sig, std::vector<uint32_t>(128, 0xFFFFFFFFu));                    // the empty signature
  bh_signer_free(signer);

  bh_sign_options o;
  bh_sign_options_init(&o);
  o.k = 0;
  EXPECT_EQ(bh_signer_new(&o, &signer), BH_INVALID_ARGUMENT);
  EXPECT_EQ(signer, nullptr);
}

TEST(CApi, BatchSigningEqualsOneByOne) {
  bh_signer* signer = nullptr;
  ASSERT_EQ(bh_signer_new(nullptr, &signer), BH_OK);
  std::vector<std::string> texts;
  for (const auto& name : boilerhash::testing::ArticleFiles()) texts.push_back(boilerhash::testing::ReadArticle(name));
  texts.push_back("");
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  for (const auto& t : texts) ptrs.push_back(t.data()), lens.push_back(t.size());
  std::vector<uint32_t> batch(texts.size() * 128), one(128);
  ASSERT_EQ(bh_signer_minhash_batch(signer, ptrs.data(), lens.data(), texts.size(), batch.data(),
                                    batch.size()), BH_OK);
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(bh_signer_minhash(signer, ptrs[i], lens[i], one.data(), one.size()), BH_OK);
    EXPECT_TRUE(std::equal(one.begin(), one.end(), batch.begin() + static_cast<std::ptrdiff_t>(i * 128)));
  }
  EXPECT_EQ(bh_signer_minhash_batch(signer, ptrs.data(), lens.data(), texts.size(), batch.data(),
                                    batch.size() - 1), BH_BUFFER_TOO_SMALL);
  EXPECT_EQ(bh_signer_minhash_batch(signer, nullptr, nullptr, 0, nullptr, 0), BH_OK);
  const char* null_text[] = {nullptr};
  const size_t bad_len[] = {3};
  EXPECT_EQ(bh_signer_minhash_batch(signer, null_text, bad_len, 1, batch.data(), batch.size()),
            BH_INVALID_ARGUMENT);
  bh_signer_free(signer);
}

TEST(CApi, NormalizeReportsNeededLength) {
  char buf[4];
  size_t len = 0;
  EXPECT_EQ(bh_normalize("Hello, World", 12, 0, 0, buf, sizeof buf, &len), BH_BUFFER_TOO_SMALL);
  EXPECT_EQ(len, 11u);
  std::vector<char> big(len);
  ASSERT_EQ(bh_normalize("Hello, World", 12, 0, 0, big.data(), big.size(), &len), BH_OK);
  EXPECT_EQ(std::string(big.data(), len), "hello world");
}

TEST(CApi, LshAndClustering) {
  bh_signer* signer = nullptr;
  ASSERT_EQ(bh_signer_new(nullptr, &signer), BH_OK);
  const char* docs[] = {"the quick brown fox jumps over the lazy dog near the river bank today",
                        "the quick brown fox jumps over the lazy dog near the river bank today!",
                        "an entirely different sentence about markets and interest rates rising"};
  std::vector<uint32_t> sigs(3 * 128);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(bh_signer_minhash(signer, docs[i], std::strlen(docs[i]), &sigs[i * 128], 128), BH_OK);
  EXPECT_DOUBLE_EQ(bh_estimate_jaccard(&sigs[0], &sigs[128], 128), 1.0);

  bh_lsh* lsh = nullptr;
  ASSERT_EQ(bh_lsh_new(0.8, 128, 0, 0, &lsh), BH_OK);
  ASSERT_EQ(bh_lsh_insert(lsh, 7, &sigs[0], 128), BH_OK);
  ASSERT_EQ(bh_lsh_insert(lsh, 9, &sigs[256], 128), BH_OK);
  uint32_t out[4];
  size_t count = 0;
  ASSERT_EQ(bh_lsh_query(lsh, &sigs[128], 128, out, 4, &count), BH_OK);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(out[0], 7u);
  EXPECT_EQ(bh_lsh_query(lsh, &sigs[128], 128, out, 0, &count), BH_BUFFER_TOO_SMALL);
  bh_lsh_free(lsh);
  EXPECT_EQ(bh_lsh_new(0.8, 128, 100, 100, &lsh), BH_INVALID_ARGUMENT);

  uint32_t reps[3];
  ASSERT_EQ(bh_cluster_minhash(sigs.data(), 3, 128, 0.8, reps), BH_OK);
  EXPECT_EQ(reps[0], 0u);
  EXPECT_EQ(reps[1], 0u);
  EXPECT_EQ(reps[2], 2u);
  EXPECT_EQ(std::string(bh_active_target()), boilerhash::ActiveTarget());
  EXPECT_EQ(bh_signature_format_version(), boilerhash::kSignatureFormatVersion);
  bh_signer_free(signer);
}

// The header promises static storage: a name taken on a thread that has
// since ended is still the name (a thread_local copy dangled).
TEST(CApi, ActiveTargetOutlivesItsThread) {
  const char* from_thread = nullptr;
  std::thread([&] { from_thread = bh_active_target(); }).join();
  for (int i = 0; i < 4; ++i) {
    std::thread([] { std::string churn(64, 'x'); (void)bh_active_target(); }).join();
  }
  ASSERT_NE(from_thread, nullptr);
  EXPECT_STREQ(from_thread, bh_active_target());
  EXPECT_EQ(from_thread, bh_active_target());  // the same storage
}

}  // namespace
