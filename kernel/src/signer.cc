// The raw-text -> signature pipeline, with per-thread scratch buffers.
#include "boilerhash/signer.h"

#include <algorithm>

#include "boilerhash/set_similarity.h"
#include "boilerhash/simhash.h"
#include "normalize_internal.h"

namespace boilerhash {

Signer::Signer(const SignOptions& options)
    : options_(options), minhasher_(options.minhash) {}

void Signer::Sign(std::string_view text, DocumentSignature* out) const {
  // Per-thread scratch, addressed once (each thread_local access in a shared
  // library is a __tls_get_addr call).
  struct Scratch {
    std::vector<uint64_t> hashes, sorted;
    std::vector<uint32_t> word_starts;
    std::string normalized;
  };
  thread_local Scratch tls_scratch;
  Scratch& scratch = tls_scratch;
  auto& [hashes, sorted, word_starts, normalized] = scratch;
  hashes.clear();
  const bool word_offsets_fit = text.size() < (size_t{1} << 32) / 2;  // normalized <= 2x input
  if (options_.shingle.kind == ShingleKind::kWord && word_offsets_fit) {
    internal::NormalizeInto(text, options_.normalize, &normalized, &word_starts);
    internal::WordShinglesFromStarts(normalized, word_starts, std::max<uint32_t>(options_.shingle.n, 1),
                                     options_.shingle.seed, &hashes);
  } else {
    internal::NormalizeInto(text, options_.normalize, &normalized, nullptr);
    ShingleHashes(normalized, options_.shingle, &hashes);
  }
  if (options_.compute_minhash) {
    out->minhash.resize(minhasher_.k());
    minhasher_.Sign(hashes, out->minhash.data());
  } else {
    out->minhash.clear();
  }
  out->simhash = options_.compute_simhash ? SimHash(hashes) : 0;
  out->exact = ExactHash(normalized);
  out->words = CountWords(normalized);
  out->shingles = hashes.size();
  if (options_.keep_shingle_set) {
    sorted.assign(hashes.begin(), hashes.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    out->distinct_shingles = sorted.size();
    out->shingle_set.assign(sorted.begin(), sorted.end());
  } else {
    out->distinct_shingles = CountDistinct(hashes);
    out->shingle_set.clear();
  }
}

}  // namespace boilerhash
