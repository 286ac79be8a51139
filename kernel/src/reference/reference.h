// The scalar reference: deliberately simple, separate from the fast stages
// (it includes none of their code), so that a bug cannot hide in both. Tests
// and fuzzers compare every dispatched target against it bit for bit.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace boilerhash::reference {

bool Utf8IsValid(std::string_view text);
size_t Utf8Repair(std::string_view text, std::string* out);

std::string Normalize(std::string_view text, bool fold_digits, bool strip_accents);
// Letters, numbers and marks (Unicode categories L*, N*, M*) build words.
bool IsWordCodePoint(int32_t cp);

// kind: 'w' word n-grams, 'c' character n-grams.
std::vector<uint64_t> ShingleHashes(std::string_view normalized, char kind, uint32_t n,
                                    uint64_t seed);

// The k permutation keys: the low 32 bits of SplitMix64's first k outputs from seed.
std::vector<uint32_t> MinHashKeys(uint32_t k, uint64_t seed);
std::vector<uint32_t> MinHash(const std::vector<uint64_t>& hashes, uint32_t k, uint64_t seed);

uint64_t SimHash(const std::vector<uint64_t>& hashes);

// The bytes LineHash hashes: ASCII letters lower-cased, digits kept or folded
// to '0', bytes >= 0x80 kept, every other byte dropped.
std::string LineKeyBytes(std::string_view line, bool fold_digits);
// XXH3-64 (seed 0) of LineKeyBytes; 0 when they are empty, 1 for a hash of 0.
uint64_t LineHash(std::string_view line, bool fold_digits);
// Where each run of kept bytes (a word) ends in LineKeyBytes.
std::vector<uint32_t> LineKeyWordEnds(std::string_view line);

// The group keys' fold (group_key_fold.h): for every 5-word shingle of the
// word hashes (the polynomial sum_j words[i+j] * M^(4-j), M the golden-ratio
// constant), SplitMix64's finalizer times each of the eight key multipliers,
// folded into best[k] by minimum. Returns the shingle count (0 below 5 words).
size_t FoldGroupShingles(const std::vector<uint64_t>& words, uint64_t best[8]);

// The words of a word-list pattern's phrase or of a line: runs of letters,
// digits and marks (Unicode categories L*, N*, M*), ASCII letters lower-cased;
// any other character or invalid byte separates them.
std::vector<std::string> WordListWords(std::string_view text);
// Whether line's words (1 to 16 of them) are a sequence of the phrases of a
// word-list pattern ("phrase|phrase|..."), phrases compared as their words.
bool WordListMatches(std::string_view list, std::string_view line);

}  // namespace boilerhash::reference
