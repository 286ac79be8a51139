// Stage 6b: the sorted entries of banded LSH (band_entries.h).
#include "band_entries.h"

#include "boilerhash/minhash.h"

namespace boilerhash::internal {

std::vector<BandEntry> SortedBandEntries(size_t n, const std::function<std::span<const uint32_t>(uint32_t)>& signature,
                                         const LshParams& params) {
  std::vector<BandEntry> entries;
  std::vector<uint64_t> keys(params.bands);
  for (uint32_t d = 0; d < n; ++d) {
    const std::span<const uint32_t> sig = signature(d);
    if (IsEmptySignature(sig) || sig.size() < size_t{params.bands} * params.rows) continue;
    LshBandKeys(sig, params, keys.data());
    for (uint32_t b = 0; b < params.bands; ++b) entries.push_back(MakeBandEntry(keys[b], b, d));
  }
  SortKeys(entries.data(), entries.size());
  return entries;
}

}  // namespace boilerhash::internal
