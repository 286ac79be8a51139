// The whole raw-text -> signature path (Signer::Sign) on every SIMD target
// against the scalar reference pipeline (reference Normalize, ShingleHashes,
// MinHash, SimHash; XXH3-128 for the exact hash). Invariants: a second Sign
// into a used DocumentSignature gives the same bits; counts are consistent;
// the shingle set, when kept, is sorted, unique and of the counted size.
#include <fuzzer/FuzzedDataProvider.h>
#include <xxhash.h>

#include <algorithm>
#include <string>
#include <vector>

#include "boilerhash/signer.h"
#include "fuzz_util.h"
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;
using boilerhash::fuzz::FirstDiff;
using boilerhash::fuzz::Hex64;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 32) return 0;
  FuzzedDataProvider fdp(data, size);
  SignOptions o;
  const uint8_t flags = fdp.ConsumeIntegral<uint8_t>();
  o.normalize.fold_digits = flags & 1;
  o.normalize.strip_accents = flags & 2;
  o.shingle.kind = flags & 4 ? ShingleKind::kChar : ShingleKind::kWord;
  o.keep_shingle_set = flags & 8;
  o.shingle.n = fdp.ConsumeIntegralInRange<uint32_t>(0, 12);
  o.shingle.seed = fdp.ConsumeIntegral<uint64_t>();
  o.minhash.k = fdp.ConsumeIntegralInRange<uint32_t>(0, 200);
  o.minhash.seed = fdp.ConsumeIntegral<uint64_t>();
  const std::string text = fdp.ConsumeRemainingBytesAsString();
  const std::string what = " (flags=" + std::to_string(flags) + " n=" + std::to_string(o.shingle.n) +
                           " k=" + std::to_string(o.minhash.k) + ") text " + Escape(text);

  const std::string norm = reference::Normalize(text, o.normalize.fold_digits, o.normalize.strip_accents);
  const std::vector<uint64_t> hashes = reference::ShingleHashes(
      norm, o.shingle.kind == ShingleKind::kWord ? 'w' : 'c', o.shingle.n, o.shingle.seed);
  const std::vector<uint32_t> minhash = reference::MinHash(hashes, o.minhash.k, o.minhash.seed);
  const uint64_t simhash = reference::SimHash(hashes);
  const XXH128_hash_t exact = XXH3_128bits_withSeed(norm.data(), norm.size(), 0);
  std::vector<uint64_t> set = hashes;
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  size_t words = norm.empty() ? 0 : 1 + static_cast<size_t>(std::count(norm.begin(), norm.end(), ' '));

  const Signer signer(o);
  fuzz::ForEachTarget([&](const std::string& target) {
    DocumentSignature sig;
    for (int run = 0; run < 2; ++run) {  // the second run reuses a filled signature
      signer.Sign(text, &sig);
      const std::string on = " on " + target + " run " + std::to_string(run) + what;
      FUZZ_CHECK(sig.minhash == minhash, "minhash vs reference: " + FirstDiff(sig.minhash, minhash) + on);
      FUZZ_CHECK(sig.simhash == simhash, "simhash " + Hex64(sig.simhash) + " vs reference " + Hex64(simhash) + on);
      FUZZ_CHECK(sig.exact.low == exact.low64 && sig.exact.high == exact.high64, "exact hash" + on);
      FUZZ_CHECK(sig.words == words, "words " + std::to_string(sig.words) + " vs " + std::to_string(words) + on);
      FUZZ_CHECK(sig.shingles == hashes.size(), "shingles " + std::to_string(sig.shingles) + on);
      FUZZ_CHECK(sig.distinct_shingles == set.size(), "distinct shingles " + std::to_string(sig.distinct_shingles) + on);
      if (o.keep_shingle_set) {
        FUZZ_CHECK(sig.shingle_set == set, "shingle set: " + FirstDiff(sig.shingle_set, set) + on);
      } else {
        FUZZ_CHECK(sig.shingle_set.empty(), "shingle set kept though not asked for" + on);
      }
    }
  });
  return 0;
}
