// The raw-text -> signature pipeline, with per-thread scratch buffers.
#include "boilerhash/signer.h"

#include <algorithm>

#include "boilerhash/set_similarity.h"
#include "boilerhash/simhash.h"
#include "normalize_internal.h"
#include "per_thread.h"

namespace boilerhash {

Signer::Signer(const SignOptions& options)
    : options_(options), minhasher_(options.minhash) {}

namespace {
struct Scratch {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> word_starts;
  std::string normalized;
};
}  // namespace

void Signer::Sign(std::string_view text, DocumentSignature* out) const {
  auto& [hashes, word_starts, normalized] = internal::PerThread<Scratch>();  // per_thread.h
  hashes.clear();
  // Word n-grams come straight from the word offsets normalization found,
  // when they fit in 32 bits; otherwise the shingler finds the words again.
  const bool word_ngrams = options_.shingle.kind == ShingleKind::kWord;
  const bool have_starts = internal::NormalizeInto(text, options_.normalize, &normalized,
                                                   word_ngrams ? &word_starts : nullptr) &&
                           word_ngrams;
  if (have_starts) {
    internal::WordShinglesFromStarts(normalized, word_starts, std::max<uint32_t>(options_.shingle.n, 1),
                                     options_.shingle.seed, &hashes);
  } else {
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
  out->words = have_starts ? word_starts.size() : CountWords(normalized);
  out->shingles = hashes.size();
  if (options_.keep_shingle_set) {
    out->shingle_set = ShingleSet(hashes);
    out->distinct_shingles = out->shingle_set.size();
  } else {
    out->distinct_shingles = options_.count_distinct ? CountDistinct(hashes) : 0;
    out->shingle_set.clear();
  }
}

}  // namespace boilerhash
