// The whole raw-text -> signature path: repair, normalize, shingle, sign.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "boilerhash/exact_hash.h"
#include "boilerhash/minhash.h"
#include "boilerhash/normalize.h"
#include "boilerhash/shingle.h"

namespace boilerhash {

struct SignOptions {
  NormalizeOptions normalize;
  ShingleOptions shingle;
  MinHashParams minhash;
  bool keep_shingle_set = false;  // fill DocumentSignature::shingle_set
  bool compute_minhash = true;    // fill DocumentSignature::minhash
  bool compute_simhash = true;    // fill DocumentSignature::simhash (0 when off)
  // Fill DocumentSignature::distinct_shingles (0 when off, unless
  // keep_shingle_set gives it anyway). Counting distinct shingles is a hash
  // set over every shingle; only containment needs the set sizes.
  bool count_distinct = true;
};

struct DocumentSignature {
  std::vector<uint32_t> minhash;       // k values
  uint64_t simhash = 0;
  Hash128 exact;                       // ExactHash of the normalized text
  size_t words = 0;                    // words after normalization
  size_t shingles = 0;                 // shingle positions
  size_t distinct_shingles = 0;        // |shingle set|
  std::vector<uint64_t> shingle_set;   // sorted unique, when asked for
};

// Immutable after construction; Sign() may run on many threads at once.
class Signer {
 public:
  explicit Signer(const SignOptions& options = {});
  const SignOptions& options() const { return options_; }
  const MinHasher& minhasher() const { return minhasher_; }
  void Sign(std::string_view text, DocumentSignature* out) const;

 private:
  SignOptions options_;
  MinHasher minhasher_;
};

}  // namespace boilerhash
