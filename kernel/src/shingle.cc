// Stage 3: word and character shingles of normalized text, hashed with XXH3.
#include "boilerhash/shingle.h"

#include <xxhash.h>

#include <cstring>

namespace boilerhash {

size_t CountWords(std::string_view normalized) {
  if (normalized.empty()) return 0;
  size_t words = 1;
  for (const char* p = normalized.data(), *end = p + normalized.size();
       (p = static_cast<const char*>(std::memchr(p, ' ', static_cast<size_t>(end - p))));
       ++p) {
    ++words;
  }
  return words;
}

static void WordShingles(std::string_view text, uint32_t n, uint64_t seed,
                         std::vector<uint64_t>* out) {
  // Ring of the last n word starts; a shingle ends where its last word ends.
  std::vector<size_t> starts(n);
  size_t words = 0;
  size_t pos = 0;
  const char* base = text.data();
  while (pos <= text.size()) {
    const void* sp = std::memchr(base + pos, ' ', text.size() - pos);
    const size_t end = sp ? static_cast<size_t>(static_cast<const char*>(sp) - base) : text.size();
    starts[words % n] = pos;
    ++words;
    if (words >= n) {
      const size_t first = starts[(words - n) % n];
      out->push_back(XXH3_64bits_withSeed(base + first, end - first, seed));
    }
    pos = end + 1;
  }
  if (words < n) out->push_back(XXH3_64bits_withSeed(base, text.size(), seed));
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
