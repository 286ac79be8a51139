// Internal: which code points belong to words, and the per-word Unicode map.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace boilerhash::internal {

// Letters (L*), numbers (N*) and marks (M*) build words; all else separates.
bool IsWordCodePoint(uint32_t cp);

// NFKC + case folding (+ mark stripping) of one run of word characters, then
// split at separators the map produced, digits folded if asked; appends the
// resulting words to *out, each preceded by a space when *out is non-empty.
void AppendMappedWordRun(std::string_view run, bool strip_accents, bool fold_digits,
                         std::string* out);

}  // namespace boilerhash::internal
