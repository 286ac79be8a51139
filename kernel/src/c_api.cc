// The C API: a thin shell that turns exceptions into status codes.
#include "boilerhash/boilerhash.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>

#include "boilerhash/classifier.h"
#include "boilerhash/cluster.h"
#include "boilerhash/reasons.h"
#include "boilerhash/lsh.h"
#include "boilerhash/near_pairs.h"
#include "boilerhash/signer.h"
#include "boilerhash/simhash.h"
#include "boilerhash/targets.h"
#include "boilerhash/thread_buffers.h"
#include "boilerhash/version.h"
#include "dispatch.h"
#include "per_thread.h"

struct bh_signer {
  // One Signer per output, so each call computes only what it returns.
  boilerhash::Signer minhash;
  boilerhash::Signer simhash;
};
struct bh_model {
  std::unique_ptr<boilerhash::BoilerplateModel> model;
};
struct bh_lsh {
  boilerhash::LshIndex index;
  uint32_t k;
};

namespace {
template <class F>
bh_status Guard(F&& f) {
  bh_status status;
  try {
    status = f();
  } catch (const std::bad_alloc&) {
    status = BH_OUT_OF_MEMORY;
  } catch (...) {
    return BH_INTERNAL_ERROR;
  }
  // Out of memory, thrown or returned as a status: what the failed call
  // grew stays grown otherwise, and the caller's next (smaller) document
  // should not fail for it.
  if (status == BH_OUT_OF_MEMORY) boilerhash::ReleaseThreadBuffers();
  return status;
}

// Per-thread signature, so a call allocates nothing once warm.
struct SignScratch {
  boilerhash::DocumentSignature sig;
};
boilerhash::DocumentSignature& Scratch() { return boilerhash::internal::PerThread<SignScratch>().sig; }
}  // namespace

// The bh_* definitions take C linkage from their declarations in
// boilerhash.h. No extern "C" block here: helpers inside one, even in an
// unnamed namespace, were exported under their plain names (CopyOut,
// WritePairs), where a program's own function of that name replaced them.
const char* bh_version(void) { return boilerhash::kVersionString; }
uint32_t bh_signature_format_version(void) { return boilerhash::kSignatureFormatVersion; }

const char* bh_status_string(bh_status status) {
  switch (status) {
    case BH_OK: return "ok";
    case BH_INVALID_ARGUMENT: return "invalid argument";
    case BH_BUFFER_TOO_SMALL: return "buffer too small";
    case BH_OUT_OF_MEMORY: return "out of memory";
    case BH_PARSE_ERROR: return "parse error";
    case BH_INTERNAL_ERROR: return "internal error";
  }
  return "unknown status";
}

void bh_release_thread_buffers(void) { boilerhash::ReleaseThreadBuffers(); }

const char* bh_active_target(void) {
  // Highway's static name, as the header promises (a thread_local copy
  // dangled once its thread ended).
  return boilerhash::internal::ActiveTargetName();
}

void bh_sign_options_init(bh_sign_options* o) {
  if (!o) return;
  o->k = 128;
  o->seed = 1;
  o->ngram = 5;
  o->char_ngrams = 0;
  o->fold_digits = 0;
  o->strip_accents = 0;
}

bh_status bh_signer_new(const bh_sign_options* options, bh_signer** out) {
  if (!out) return BH_INVALID_ARGUMENT;
  *out = nullptr;
  bh_sign_options o;
  bh_sign_options_init(&o);
  if (options) o = *options;
  if (o.k == 0 || o.ngram == 0) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    boilerhash::SignOptions so;
    so.minhash = {o.k, o.seed};
    so.shingle.n = o.ngram;
    so.shingle.kind = o.char_ngrams ? boilerhash::ShingleKind::kChar : boilerhash::ShingleKind::kWord;
    so.normalize.fold_digits = o.fold_digits != 0;
    so.normalize.strip_accents = o.strip_accents != 0;
    boilerhash::SignOptions minhash_only = so, simhash_only = so;
    minhash_only.compute_simhash = false;
    simhash_only.compute_minhash = false;
    *out = new bh_signer{boilerhash::Signer(minhash_only), boilerhash::Signer(simhash_only)};
    return BH_OK;
  });
}

void bh_signer_free(bh_signer* signer) { delete signer; }
uint32_t bh_signer_k(const bh_signer* signer) { return signer ? signer->minhash.minhasher().k() : 0; }

bh_status bh_signer_minhash(const bh_signer* signer, const char* text, size_t len, uint32_t* out,
                            size_t out_len) {
  if (!signer || !out || (!text && len)) return BH_INVALID_ARGUMENT;
  if (out_len < signer->minhash.minhasher().k()) return BH_BUFFER_TOO_SMALL;
  return Guard([&] {
    boilerhash::DocumentSignature& sig = Scratch();
    signer->minhash.Sign(std::string_view(text ? text : "", len), &sig);
    std::memcpy(out, sig.minhash.data(), sig.minhash.size() * sizeof(uint32_t));
    return BH_OK;
  });
}

bh_status bh_signer_minhash_batch(const bh_signer* signer, const char* const* texts,
                                  const size_t* lens, size_t n, uint32_t* out, size_t out_len) {
  if (!signer || (n && (!texts || !lens || !out))) return BH_INVALID_ARGUMENT;
  const size_t k = signer->minhash.minhasher().k();
  if (n > out_len / k) return BH_BUFFER_TOO_SMALL;
  for (size_t i = 0; i < n; ++i) {
    if (!texts[i] && lens[i]) return BH_INVALID_ARGUMENT;
  }
  return Guard([&] {
    boilerhash::DocumentSignature& sig = Scratch();
    for (size_t i = 0; i < n; ++i) {
      signer->minhash.Sign(std::string_view(texts[i] ? texts[i] : "", lens[i]), &sig);
      std::memcpy(out + i * k, sig.minhash.data(), k * sizeof(uint32_t));
    }
    return BH_OK;
  });
}

bh_status bh_signer_simhash(const bh_signer* signer, const char* text, size_t len, uint64_t* out) {
  if (!signer || !out || (!text && len)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    boilerhash::DocumentSignature& sig = Scratch();
    signer->simhash.Sign(std::string_view(text ? text : "", len), &sig);
    *out = sig.simhash;
    return BH_OK;
  });
}

bh_status bh_normalize(const char* text, size_t len, int fold_digits, int strip_accents, char* out,
                       size_t out_cap, size_t* out_len) {
  if ((!text && len) || !out_len || (!out && out_cap)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    const std::string s = boilerhash::Normalize(std::string_view(text ? text : "", len),
                                                {fold_digits != 0, strip_accents != 0});
    *out_len = s.size();
    if (out_cap < s.size()) return BH_BUFFER_TOO_SMALL;
    if (!s.empty()) std::memcpy(out, s.data(), s.size());
    return BH_OK;
  });
}

double bh_estimate_jaccard(const uint32_t* a, const uint32_t* b, size_t k) {
  if (!a || !b) return 0.0;
  return boilerhash::EstimateJaccard({a, k}, {b, k});
}

int bh_hamming_distance(uint64_t a, uint64_t b) { return boilerhash::HammingDistance(a, b); }

bh_status bh_lsh_new(double threshold, uint32_t k, uint32_t bands, uint32_t rows, bh_lsh** out) {
  if (!out || k == 0 || !(threshold >= 0.0 && threshold <= 1.0)) return BH_INVALID_ARGUMENT;
  *out = nullptr;
  return Guard([&] {
    boilerhash::LshParams p{bands, rows};
    if (bands == 0 && rows == 0) p = boilerhash::RecallFirstLshParams(threshold, k);
    auto lsh = std::make_unique<bh_lsh>(bh_lsh{boilerhash::LshIndex(p, k), k});
    if (!lsh->index.ok()) return BH_INVALID_ARGUMENT;
    *out = lsh.release();
    return BH_OK;
  });
}

void bh_lsh_free(bh_lsh* lsh) { delete lsh; }

bh_status bh_lsh_insert(bh_lsh* lsh, uint32_t doc, const uint32_t* signature, size_t k) {
  if (!lsh || !signature || k < lsh->k) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    return lsh->index.Insert(doc, {signature, k}).ok() ? BH_OK : BH_INVALID_ARGUMENT;
  });
}

bh_status bh_lsh_query(const bh_lsh* lsh, const uint32_t* signature, size_t k, uint32_t* out,
                       size_t cap, size_t* count) {
  if (!lsh || !signature || !count || k < lsh->k || (!out && cap)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    std::vector<uint32_t> found;
    lsh->index.Query({signature, k}, &found);
    *count = found.size();
    if (found.size() > cap) return BH_BUFFER_TOO_SMALL;
    if (!found.empty()) std::memcpy(out, found.data(), found.size() * sizeof(uint32_t));
    return BH_OK;
  });
}

bh_status bh_cluster_minhash(const uint32_t* signatures, size_t n, size_t k, double threshold,
                             uint32_t* representatives) {
  if ((n && (!signatures || !representatives)) || k == 0 || !(threshold >= 0.0 && threshold <= 1.0))
    return BH_INVALID_ARGUMENT;
  if (n > UINT32_MAX) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    std::vector<boilerhash::DocumentSketch> docs(n);
    for (size_t i = 0; i < n; ++i) docs[i].minhash = {signatures + i * k, k};
    boilerhash::ClusterOptions options;
    options.threshold = threshold;
    const auto result = boilerhash::ClusterNearDuplicates(docs, options);
    // n == 0 allows null pointers, and memcpy must not be given one.
    if (n) std::memcpy(representatives, result.representative.data(), n * sizeof(uint32_t));
    return BH_OK;
  });
}

namespace {
// Writes pairs as a0, b0, a1, b1, ... when they fit in cap pairs.
bh_status WritePairs(const std::vector<boilerhash::NearPair>& found, uint32_t* out, size_t cap, size_t* count) {
  *count = found.size();
  if (found.size() > cap) return BH_BUFFER_TOO_SMALL;
  for (size_t i = 0; i < found.size(); ++i) {
    out[2 * i] = found[i].a;
    out[2 * i + 1] = found[i].b;
  }
  return BH_OK;
}
}  // namespace

bh_status bh_minhash_pairs(const uint32_t* signatures, size_t n, size_t k, double threshold, uint32_t* pairs,
                           size_t cap, size_t* count) {
  if (!count || (n && !signatures) || (cap && !pairs) || k == 0 || k > UINT32_MAX || n > UINT32_MAX ||
      !(threshold >= 0.0 && threshold <= 1.0)) {
    return BH_INVALID_ARGUMENT;
  }
  return Guard([&] {
    const size_t values = n * k;  // n, k < 2^32: no overflow on 64-bit size_t
    return WritePairs(boilerhash::MinHashPairs({signatures, values}, k, threshold), pairs, cap, count);
  });
}

bh_status bh_simhash_pairs(const uint64_t* fingerprints, size_t n, int max_distance, uint32_t* pairs,
                           size_t cap, size_t* count) {
  if (!count || (n && !fingerprints) || (cap && !pairs) || n > UINT32_MAX || max_distance < 0 ||
      max_distance > 4) {
    return BH_INVALID_ARGUMENT;
  }
  return Guard([&] { return WritePairs(boilerhash::SimHashPairs({fingerprints, n}, max_distance), pairs, cap, count); });
}

// ---- boilerplate classifier (issue 3) ----------------------------------------

bh_status bh_model_default(bh_model** out) {
  if (!out) return BH_INVALID_ARGUMENT;
  *out = nullptr;
  return Guard([&] {
    boilerhash::Status st;
    auto m = boilerhash::BoilerplateModel::Default(&st);
    if (!m) return BH_INTERNAL_ERROR;
    *out = new bh_model{std::move(m)};
    return BH_OK;
  });
}

bh_status bh_model_from_patterns(const char* patterns, size_t len, char* error, size_t error_cap,
                                 bh_model** out) {
  if (!out || (!patterns && len)) return BH_INVALID_ARGUMENT;
  *out = nullptr;
  if (error && error_cap) error[0] = '\0';
  return Guard([&] {
    boilerhash::Status st;
    auto m = boilerhash::BoilerplateModel::FromPatternText(std::string_view(patterns ? patterns : "", len),
                                                           boilerhash::ClassifierOptions{}, &st);
    if (!m) {
      if (error && error_cap) {
        const size_t k = std::min(error_cap - 1, st.message().size());
        std::memcpy(error, st.message().data(), k);
        error[k] = '\0';
      }
      return st.code() == boilerhash::StatusCode::kOutOfMemory ? BH_OUT_OF_MEMORY : BH_PARSE_ERROR;
    }
    *out = new bh_model{std::move(m)};
    return BH_OK;
  });
}

void bh_model_free(bh_model* model) { delete model; }

namespace {
// The calling thread's ClassifyResult, reused by bh_classify and bh_clean: a
// fresh one per call allocated a line array and a cleaned-text string for
// every page. A huge document's buffers are given back when the call ends.
struct ClassifyScratch {
  boilerhash::ClassifyResult result;
};
struct ResultLease {
  boilerhash::ClassifyResult& result = boilerhash::internal::PerThread<ClassifyScratch>().result;
  ~ResultLease() {
    constexpr size_t kKeepBytes = size_t{1} << 20;
    if (result.cleaned.capacity() > kKeepBytes ||
        result.lines.capacity() * sizeof(boilerhash::LineResult) > kKeepBytes) {
      result = boilerhash::ClassifyResult{};
    }
  }
};
}  // namespace

bh_status bh_classify(const bh_model* model, const char* text, size_t len, uint8_t* labels,
                      uint32_t* reasons, size_t cap, size_t* n_lines) {
  if (!model || !n_lines || (!text && len) || (!labels && cap)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    ResultLease lease;
    boilerhash::ClassifyResult& r = lease.result;
    model->model->Classify(std::string_view(text ? text : "", len), &r);
    *n_lines = r.lines.size();
    if (r.lines.size() > cap) return BH_BUFFER_TOO_SMALL;
    for (size_t i = 0; i < r.lines.size(); ++i) {
      labels[i] = static_cast<uint8_t>(r.lines[i].label);
      if (reasons) reasons[i] = r.lines[i].reasons;
    }
    return BH_OK;
  });
}

namespace {
bh_status CopyOut(const std::string& s, char* out, size_t out_cap, size_t* out_len) {
  *out_len = s.size();
  if (s.size() > out_cap) return BH_BUFFER_TOO_SMALL;
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  return BH_OK;
}
}  // namespace

bh_status bh_clean(const bh_model* model, const char* text, size_t len, char* out, size_t out_cap,
                   size_t* out_len) {
  if (!model || !out_len || (!text && len) || (!out && out_cap)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    ResultLease lease;
    boilerhash::ClassifyResult& r = lease.result;
    model->model->Classify(std::string_view(text ? text : "", len), &r);
    return CopyOut(r.cleaned, out, out_cap, out_len);
  });
}

bh_status bh_explain(const bh_model* model, const char* text, size_t len, char* out, size_t out_cap,
                     size_t* out_len) {
  if (!model || !out_len || (!text && len) || (!out && out_cap)) return BH_INVALID_ARGUMENT;
  return Guard([&] {
    const std::string_view doc(text ? text : "", len);
    boilerhash::ClassifyResult r;
    model->model->Classify(doc, &r);
    return CopyOut(boilerhash::ExplainClassification(doc, r), out, out_cap, out_len);
  });
}

const char* bh_reason_name(uint32_t reason_bit) { return boilerhash::ReasonName(reason_bit); }
