// Stage 2: normalization for hashing.
//
// The exact definition (docs/FORMAT.md repeats it):
//  1. Input is read as UTF-8; invalid sequences count as U+FFFD.
//  2. Every code point is a word character when its general category is a
//     letter (L*), a number (N*) or a mark (M*); everything else (punctuation,
//     symbols, separators, controls, U+FFFD) is a separator.
//  3. Each maximal run of word characters is mapped with utf8proc's
//     NFKC_Casefold-like map (COMPAT | COMPOSE | CASEFOLD | STABLE, plus
//     STRIPMARK when strip_accents), then split again at any separator the map
//     produced.
//  4. With fold_digits, every decimal digit (Nd) becomes '0'.
//  5. The resulting words are joined with one U+0020, no leading or trailing
//     space. For ASCII this is: lower-case [a-z0-9] runs joined by spaces.
#pragma once
#include <string>
#include <string_view>

namespace boilerhash {

struct NormalizeOptions {
  bool fold_digits = false;    // digits -> '0', so "2023" and "2024" shingle alike
  bool strip_accents = false;  // "café" -> "cafe"
};

// Appends nothing and returns the normalized text of `text`.
std::string Normalize(std::string_view text, const NormalizeOptions& options = {});

// The Unicode version whose word characters the format uses (docs/FORMAT.md)
// and the utf8proc that maps words here, for version output and bug reports:
// "Unicode 15.0.0; utf8proc 2.8.0 knows 15.0.0".
std::string UnicodeDescription();

}  // namespace boilerhash
