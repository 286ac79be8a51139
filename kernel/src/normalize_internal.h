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

// Normalize() into *out (reusing its capacity). When word_starts is given,
// fills it with the offset of every word and returns true — unless the
// normalized text is 4 GiB or more (offsets are 32-bit), when it leaves it
// empty and returns false. Returns true when word_starts is null.
bool NormalizeInto(std::string_view text, const NormalizeOptions& options, std::string* out,
                   std::vector<uint32_t>* word_starts);

// The offset of every word of normalized text (0, then one past each space;
// empty for empty text), found with SIMD. Offsets are 32-bit: text of 4 GiB
// or more is the caller's to refuse.
void WordStarts(std::string_view text, std::vector<uint32_t>* starts);

// ShingleHashes() for word n-grams, given the word starts of `normalized`.
void WordShinglesFromStarts(std::string_view normalized, const std::vector<uint32_t>& starts,
                            uint32_t n, uint64_t seed, std::vector<uint64_t>* out);
// The same for a text past 4 GiB, whose word offsets do not fit 32 bits:
// the starts (WordStarts' definition) stream by as size_t, the last n kept.
// Used by the shingler for such texts; tests compare it with the 32-bit
// path on small ones.
void WordShinglesWide(std::string_view text, uint32_t n, uint64_t seed, std::vector<uint64_t>* out);

}  // namespace boilerhash::internal
