// The raw-text -> signature pipeline, with per-thread scratch buffers.
#include "boilerhash/signer.h"

#include <algorithm>

#include "boilerhash/simhash.h"

namespace boilerhash {

Signer::Signer(const SignOptions& options)
    : options_(options), minhasher_(options.minhash) {}

void Signer::Sign(std::string_view text, DocumentSignature* out) const {
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<uint64_t> sorted;
  const std::string normalized = Normalize(text, options_.normalize);
  hashes.clear();
  ShingleHashes(normalized, options_.shingle, &hashes);
  out->minhash.resize(minhasher_.k());
  minhasher_.Sign(hashes, out->minhash.data());
  out->simhash = SimHash(hashes);
  out->exact = ExactHash(normalized);
  out->words = CountWords(normalized);
  out->shingles = hashes.size();
  sorted.assign(hashes.begin(), hashes.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  out->distinct_shingles = sorted.size();
  if (options_.keep_shingle_set) out->shingle_set.assign(sorted.begin(), sorted.end());
  else out->shingle_set.clear();
}

}  // namespace boilerhash
