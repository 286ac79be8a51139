// Stage 7: exact-duplicate hash of normalized text.
#include "boilerhash/exact_hash.h"

#include <xxhash.h>

namespace boilerhash {

Hash128 ExactHash(std::string_view normalized) {
  const XXH128_hash_t h = XXH3_128bits(normalized.data(), normalized.size());
  return {h.low64, h.high64};
}

}  // namespace boilerhash
