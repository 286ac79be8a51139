// Stage 3: tokens and shingles.
//
// Input is normalized text (Normalize()): words separated by single spaces.
// A word n-gram is the n consecutive words joined by one space, i.e. exactly a
// substring of the normalized text; a character n-gram is n consecutive code
// points of it (spaces included). Each shingle's UTF-8 bytes are hashed with
// XXH3_64bits_withSeed(bytes, len, seed). A text with at least one word but
// fewer than n words (or code points) gives one shingle of all of it; an empty
// text gives none.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace boilerhash {

enum class ShingleKind { kWord, kChar };

struct ShingleOptions {
  ShingleKind kind = ShingleKind::kWord;
  uint32_t n = 5;       // words or code points per shingle; 0 is treated as 1
  uint64_t seed = 0;    // XXH3 seed
};

// Appends one 64-bit hash per shingle position to `*out` (duplicates kept, in
// text order, so callers can count term frequency).
void ShingleHashes(std::string_view normalized, const ShingleOptions& options,
                   std::vector<uint64_t>* out);

// Number of words (space-separated tokens) in normalized text.
size_t CountWords(std::string_view normalized);

}  // namespace boilerhash
