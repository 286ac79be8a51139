// The C API (boilerhash.h) driven as a caller would: signer options from the
// input (invalid ones included), buffers of every size, null pointers, LSH and
// clustering. Checks: every status matches its documented condition, results
// equal the C++ API's, the size-query protocol of bh_normalize, bh_lsh_query
// and the bh_*_pairs calls holds, nothing is written past a caller's buffer.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "boilerhash/boilerhash.h"
#include "boilerhash/normalize.h"
#include "boilerhash/signer.h"
#include "boilerhash/targets.h"
#include "fuzz_util.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::FirstDiff;

namespace {
constexpr uint32_t kCanary = 0xCA11AB1Eu;

double PickThreshold(FuzzedDataProvider& fdp) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return -0.5;
    case 2: return 1.5;
    default: return fdp.ConsumeProbability<double>();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 64) return 0;
  FuzzedDataProvider fdp(data, size);

  FUZZ_CHECK(bh_version() && *bh_version(), std::string("bh_version empty"));
  const std::string active = bh_active_target();
  const auto targets = SupportedTargets();
  FUZZ_CHECK(std::find(targets.begin(), targets.end(), active) != targets.end(),
             "bh_active_target " + active + " not supported");
  for (int s = 0; s <= 7; ++s) {
    FUZZ_CHECK(bh_status_string(static_cast<bh_status>(s)) != nullptr, "null status string");
  }

  bh_sign_options o;
  bh_sign_options_init(&o);
  const bool defaults = fdp.ConsumeBool();
  if (!defaults) {
    o.k = fdp.ConsumeIntegralInRange<uint32_t>(0, 160);
    o.seed = fdp.ConsumeIntegral<uint64_t>();
    o.ngram = fdp.ConsumeIntegralInRange<uint32_t>(0, 10);
    o.char_ngrams = fdp.ConsumeIntegral<int>();
    o.fold_digits = fdp.ConsumeIntegral<int>();
    o.strip_accents = fdp.ConsumeIntegral<int>();
  }
  const size_t out_slack = fdp.ConsumeIntegralInRange<size_t>(0, 3);
  const bool short_buffer = fdp.ConsumeIntegralInRange<int>(0, 15) == 0;
  const uint32_t short_pick = fdp.ConsumeIntegral<uint16_t>();
  const size_t norm_cap_pick = fdp.ConsumeIntegralInRange<size_t>(0, 4);
  const double threshold = PickThreshold(fdp);
  const uint32_t bands = fdp.ConsumeIntegralInRange<uint32_t>(0, 20);
  const uint32_t rows = fdp.ConsumeIntegralInRange<uint32_t>(0, 20);
  const size_t query_cap = fdp.ConsumeIntegralInRange<size_t>(0, 6);
  const std::string text = fdp.ConsumeRemainingBytesAsString();
  const std::string what = " (k=" + std::to_string(o.k) + " ngram=" + std::to_string(o.ngram) +
                           " char=" + std::to_string(o.char_ngrams) + ") text " + Escape(text);

  FUZZ_CHECK(bh_signer_new(&o, nullptr) == BH_INVALID_ARGUMENT, "bh_signer_new(out=NULL)");
  bh_signer* signer = reinterpret_cast<bh_signer*>(&o);  // must be reset to NULL on failure
  const bh_status st = bh_signer_new(defaults ? nullptr : &o, &signer);
  if (o.k == 0 || o.ngram == 0) {
    FUZZ_CHECK(st == BH_INVALID_ARGUMENT && signer == nullptr, "bh_signer_new accepted k or ngram 0" + what);
    return 0;
  }
  FUZZ_CHECK(st == BH_OK && signer, std::string("bh_signer_new: ") + bh_status_string(st) + what);
  const uint32_t k = bh_signer_k(signer);
  FUZZ_CHECK(k == o.k, "bh_signer_k " + std::to_string(k) + what);

  // The same signature through the C++ API.
  SignOptions so;
  so.minhash = {o.k, o.seed};
  so.shingle.n = o.ngram;
  so.shingle.kind = o.char_ngrams ? ShingleKind::kChar : ShingleKind::kWord;
  so.normalize = {o.fold_digits != 0, o.strip_accents != 0};
  DocumentSignature expect;
  Signer(so).Sign(text, &expect);

  // MinHash into a buffer with canaries after it.
  const size_t len = short_buffer ? short_pick % k : k + out_slack;
  std::vector<uint32_t> buf(len + 4, kCanary);
  const bh_status ms = bh_signer_minhash(signer, text.data(), text.size(), buf.data(), len);
  if (len < k) {
    FUZZ_CHECK(ms == BH_BUFFER_TOO_SMALL, "short minhash buffer accepted" + what);
  } else {
    FUZZ_CHECK(ms == BH_OK, std::string("bh_signer_minhash: ") + bh_status_string(ms) + what);
    const std::vector<uint32_t> got(buf.begin(), buf.begin() + k);
    FUZZ_CHECK(got == expect.minhash, "C minhash vs C++: " + FirstDiff(got, expect.minhash) + what);
    for (size_t i = k; i < buf.size(); ++i) FUZZ_CHECK(buf[i] == kCanary, "written past k" + what);
    const double j = bh_estimate_jaccard(buf.data(), expect.minhash.data(), k);
    FUZZ_CHECK(j == 1.0, "bh_estimate_jaccard of equal signatures " + std::to_string(j) + what);
  }
  FUZZ_CHECK(bh_signer_minhash(signer, nullptr, 1, buf.data(), len) == BH_INVALID_ARGUMENT,
             "NULL text with a length accepted");
  uint64_t sim = 0;
  FUZZ_CHECK(bh_signer_simhash(signer, text.data(), text.size(), &sim) == BH_OK && sim == expect.simhash,
             "C simhash vs C++" + what);
  FUZZ_CHECK(bh_signer_simhash(signer, text.data(), text.size(), nullptr) == BH_INVALID_ARGUMENT,
             "NULL simhash out accepted");
  FUZZ_CHECK(bh_hamming_distance(sim, ~sim) == 64, "bh_hamming_distance(x, ~x) != 64");

  // bh_normalize: the size-query protocol with a buffer of 0, needed-1, needed, needed+1 bytes.
  const std::string norm = Normalize(text, so.normalize);
  size_t needed = 12345;
  const bh_status q = bh_normalize(text.data(), text.size(), o.fold_digits, o.strip_accents, nullptr, 0, &needed);
  FUZZ_CHECK(needed == norm.size() && (q == BH_OK) == norm.empty() && (q == BH_OK || q == BH_BUFFER_TOO_SMALL),
             "bh_normalize size query: " + std::to_string(needed) + " vs " + std::to_string(norm.size()) + what);
  const size_t caps[] = {0, norm.size() ? norm.size() - 1 : 0, norm.size(), norm.size() + 1, norm.size() + 7};
  const size_t cap = caps[norm_cap_pick];
  std::string out(cap + 8, '\x7F');
  size_t out_len = 0;
  const bh_status ns = bh_normalize(text.data(), text.size(), o.fold_digits, o.strip_accents,
                                    cap ? out.data() : nullptr, cap, &out_len);
  FUZZ_CHECK(out_len == norm.size(), "bh_normalize out_len" + what);
  if (cap >= norm.size()) {
    FUZZ_CHECK(ns == BH_OK && out.compare(0, norm.size(), norm) == 0, "bh_normalize result" + what);
  } else {
    FUZZ_CHECK(ns == BH_BUFFER_TOO_SMALL, "bh_normalize small buffer" + what);
  }
  FUZZ_CHECK(out.find_first_not_of('\x7F', std::min(cap, norm.size())) == std::string::npos,
             "bh_normalize wrote past what it reported" + what);

  // LSH: threshold and parameters as given, then insert/query the signature.
  bh_lsh* lsh = nullptr;
  const bh_status ls = bh_lsh_new(threshold, k, bands, rows, &lsh);
  const bool threshold_ok = threshold >= 0.0 && threshold <= 1.0;
  const bool params_ok = (bands == 0 && rows == 0) || (bands > 0 && rows > 0 && uint64_t{bands} * rows <= k);
  FUZZ_CHECK((ls == BH_OK) == (threshold_ok && params_ok) && (ls == BH_OK) == (lsh != nullptr),
             "bh_lsh_new(" + std::to_string(threshold) + ", " + std::to_string(k) + ", " + std::to_string(bands) +
                 ", " + std::to_string(rows) + ") = " + bh_status_string(ls));
  if (lsh) {
    FUZZ_CHECK(bh_lsh_insert(lsh, 1, expect.minhash.data(), k - 1) == BH_INVALID_ARGUMENT, "short insert");
    for (uint32_t doc = 0; doc < 3; ++doc) {
      FUZZ_CHECK(bh_lsh_insert(lsh, doc * 5, expect.minhash.data(), k) == BH_OK, "bh_lsh_insert");
    }
    std::vector<uint32_t> found(query_cap + 2, kCanary);
    size_t count = 99;
    const bh_status qs = bh_lsh_query(lsh, expect.minhash.data(), k, query_cap ? found.data() : nullptr,
                                      query_cap, &count);
    FUZZ_CHECK(count == 3, "bh_lsh_query found " + std::to_string(count) + " of 3 identical" + what);
    FUZZ_CHECK((qs == BH_OK) == (query_cap >= 3) && (qs == BH_OK || qs == BH_BUFFER_TOO_SMALL),
               std::string("bh_lsh_query status ") + bh_status_string(qs));
    if (qs == BH_OK) FUZZ_CHECK(found[0] == 0 && found[1] == 5 && found[2] == 10, "bh_lsh_query order");
    for (size_t i = query_cap; i < found.size(); ++i) FUZZ_CHECK(found[i] == kCanary, "bh_lsh_query overflow");
    bh_lsh_free(lsh);
  }

  // Clustering: the signature, a copy and an empty-text signature.
  std::vector<uint32_t> sigs(expect.minhash);
  sigs.insert(sigs.end(), expect.minhash.begin(), expect.minhash.end());
  std::vector<uint32_t> empty(k);
  FUZZ_CHECK(bh_signer_minhash(signer, "", 0, empty.data(), k) == BH_OK, "minhash of empty text");
  sigs.insert(sigs.end(), empty.begin(), empty.end());
  const bool empty_text = std::all_of(expect.minhash.begin(), expect.minhash.end(),
                                      [](uint32_t v) { return v == 0xFFFFFFFFu; });
  uint32_t reps[3] = {kCanary, kCanary, kCanary};
  const bh_status cs = bh_cluster_minhash(sigs.data(), 3, k, threshold, reps);
  if (threshold_ok) {
    FUZZ_CHECK(cs == BH_OK, std::string("bh_cluster_minhash: ") + bh_status_string(cs) + what);
    FUZZ_CHECK(reps[0] == 0 && reps[2] == 2, "cluster representatives " + std::to_string(reps[0]) + "," +
                                                 std::to_string(reps[2]) + what);
    // Identical non-empty signatures have estimate 1 >= any threshold.
    FUZZ_CHECK(reps[1] == (empty_text ? 1u : 0u), "copy's representative " + std::to_string(reps[1]) + what);
  } else {
    FUZZ_CHECK(cs == BH_INVALID_ARGUMENT, "bh_cluster_minhash accepted threshold " + std::to_string(threshold));
  }
  FUZZ_CHECK(bh_cluster_minhash(nullptr, 0, k, 0.5, nullptr) == BH_OK, "cluster of no documents");

  // All pairs at once: the signature and its copy pair up (estimate 1), the
  // empty-text one pairs with nothing; the SimHash of the text, a copy and a
  // far fingerprint (every bit flipped): one pair at any distance.
  const auto check_pairs = [&](const char* fn, bh_status ps, size_t count, size_t want, bool args_ok,
                               const std::vector<uint32_t>& out) {
    if (!args_ok) {
      FUZZ_CHECK(ps == BH_INVALID_ARGUMENT, std::string(fn) + " accepted bad arguments" + what);
      return;
    }
    FUZZ_CHECK(count == want, std::string(fn) + " found " + std::to_string(count) + " pairs, not " +
                                  std::to_string(want) + what);
    FUZZ_CHECK((ps == BH_OK) == (query_cap >= want) && (ps == BH_OK || ps == BH_BUFFER_TOO_SMALL),
               std::string(fn) + " status " + bh_status_string(ps));
    if (ps == BH_OK && want) FUZZ_CHECK(out[0] == 0 && out[1] == 1, std::string(fn) + ": not the pair (0, 1)");
    const size_t written = ps == BH_OK ? 2 * want : 0;
    for (size_t i = written; i < out.size(); ++i) {
      FUZZ_CHECK(out[i] == kCanary, std::string(fn) + " wrote past its pairs or on a short buffer");
    }
  };
  {
    std::vector<uint32_t> out(2 * query_cap + 2, kCanary);
    size_t count = 99;
    const bh_status ps = bh_minhash_pairs(sigs.data(), 3, k, threshold, query_cap ? out.data() : nullptr,
                                          query_cap, &count);
    check_pairs("bh_minhash_pairs", ps, count, empty_text ? 0 : 1, threshold_ok, out);
  }
  {
    const int distance = fdp.ConsumeIntegralInRange<int>(-1, 5);
    const uint64_t fps[3] = {expect.simhash, expect.simhash, ~expect.simhash};
    std::vector<uint32_t> out(2 * query_cap + 2, kCanary);
    size_t count = 99;
    const bh_status ps = bh_simhash_pairs(fps, 3, distance, query_cap ? out.data() : nullptr, query_cap, &count);
    check_pairs("bh_simhash_pairs", ps, count, 1, distance >= 0 && distance <= 4, out);
  }

  bh_signer_free(signer);
  bh_signer_free(nullptr);
  bh_lsh_free(nullptr);
  return 0;
}
