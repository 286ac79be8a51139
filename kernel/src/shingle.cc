// Stage 3: word and character shingles of normalized text, hashed with XXH3.
#include "boilerhash/shingle.h"

// XXH3 inlined: shingles are short, so call overhead is a real share of the cost.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "normalize_internal.h"

namespace boilerhash {

size_t CountWords(std::string_view normalized) {
  if (normalized.empty()) return 0;
  return 1 + static_cast<size_t>(std::count(normalized.begin(), normalized.end(), ' '));
}

namespace internal {

void WordShinglesFromStarts(std::string_view text, const std::vector<uint32_t>& starts, uint32_t n,
                            uint64_t seed, std::vector<uint64_t>* out) {
  const size_t words = starts.size();
  if (words == 0) return;
  const char* base = text.data();
  if (words < n) {  // one shingle of all of it
    out->push_back(XXH3_64bits_withSeed(base + starts[0], text.size() - starts[0], seed));
    return;
  }
  out->reserve(out->size() + words - n + 1);
  for (size_t i = 0; i + n <= words; ++i) {
    // The shingle ends where word i+n-1 ends: before the next word's space.
    const size_t end = i + n < words ? starts[i + n] - 1 : text.size();
    out->push_back(XXH3_64bits_withSeed(base + starts[i], end - starts[i], seed));
  }
}

void WordShinglesWide(std::string_view text, uint32_t n, uint64_t seed, std::vector<uint64_t>* out) {
  // The words' starts stream through a ring of the last n: 8n bytes, where
  // storing them all would take 8 bytes a word of a text this size.
  if (text.empty()) return;
  n = std::max<uint32_t>(n, 1);
  std::vector<size_t> ring(n);
  size_t words = 0;  // starts seen
  const auto start = [&](size_t s) {
    // Word `words` starts at s: the shingle of the n words before it ends
    // at its space.
    if (words >= n) {
      const size_t first = ring[(words - n) % n];
      out->push_back(XXH3_64bits_withSeed(text.data() + first, s - 1 - first, seed));
    }
    ring[words++ % n] = s;
  };
  start(0);
  size_t pos = 0;
  while (const void* space = std::memchr(text.data() + pos, ' ', text.size() - pos)) {
    pos = static_cast<size_t>(static_cast<const char*>(space) - text.data()) + 1;
    start(pos);
  }
  // The last shingle (or the only one, of fewer than n words) ends at the end.
  const size_t first = ring[(words >= n ? words - n : 0) % n];
  out->push_back(XXH3_64bits_withSeed(text.data() + first, text.size() - first, seed));
}

}  // namespace internal

static void WordShingles(std::string_view text, uint32_t n, uint64_t seed,
                         std::vector<uint64_t>* out) {
  if (text.size() > UINT32_MAX) {  // word offsets past 32 bits
    internal::WordShinglesWide(text, n, seed, out);
    return;
  }
  std::vector<uint32_t> starts;  // one allocation per call, no thread_local lookups
  internal::WordStarts(text, &starts);
  internal::WordShinglesFromStarts(text, starts, n, seed, out);
}

static void CharShingles(std::string_view text, uint32_t n, uint64_t seed,
                         std::vector<uint64_t>* out) {
  // Code point starts are the bytes that are not continuation bytes.
  std::vector<size_t> starts;
  starts.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const size_t cps = starts.size();
  starts.push_back(text.size());
  if (cps < n) {
    out->push_back(XXH3_64bits_withSeed(text.data(), text.size(), seed));
    return;
  }
  for (size_t i = 0; i + n <= cps; ++i) {
    out->push_back(XXH3_64bits_withSeed(text.data() + starts[i], starts[i + n] - starts[i], seed));
  }
}

void ShingleHashes(std::string_view normalized, const ShingleOptions& options,
                   std::vector<uint64_t>* out) {
  if (normalized.empty()) return;
  const uint32_t n = options.n == 0 ? 1 : options.n;
  if (options.kind == ShingleKind::kWord) {
    WordShingles(normalized, n, options.seed, out);
  } else {
    CharShingles(normalized, n, options.seed, out);
  }
}

}  // namespace boilerhash
