// Internal: normalization that also reports where each word starts, so the
// shingler need not search the text for spaces again.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "boilerhash/normalize.h"
#include "boilerhash/shingle.h"

namespace boilerhash::internal {

// Normalize() into *out (reusing its capacity); word_starts may be null.
// Offsets are 32-bit: one document's normalized text is under 4 GiB.
void NormalizeInto(std::string_view text, const NormalizeOptions& options, std::string* out,
                   std::vector<uint32_t>* word_starts);

// ShingleHashes() for word n-grams, given the word starts of `normalized`.
void WordShinglesFromStarts(std::string_view normalized, const std::vector<uint32_t>& starts,
                            uint32_t n, uint64_t seed, std::vector<uint64_t>* out);

}  // namespace boilerhash::internal
