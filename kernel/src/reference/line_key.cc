// Reference line key: the executable spec of the bytes LineHash hashes
// (corpus_stats.h) and of the word ends the group keys read (line_normalize.h).
#include <xxhash.h>

#include "reference/reference.h"

namespace boilerhash::reference {
namespace {
bool Kept(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}
}  // namespace

std::string LineKeyBytes(std::string_view line, bool fold_digits) {
  std::string out;
  for (unsigned char c : line) {
    if (!Kept(c)) continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (fold_digits && c >= '0' && c <= '9') c = '0';
    out += static_cast<char>(c);
  }
  return out;
}

uint64_t LineHash(std::string_view line, bool fold_digits) {
  const std::string key = LineKeyBytes(line, fold_digits);
  if (key.empty()) return 0;
  const uint64_t h = XXH3_64bits(key.data(), key.size());
  return h ? h : 1;
}

std::vector<uint32_t> LineKeyWordEnds(std::string_view line) {
  std::vector<uint32_t> ends;
  uint32_t kept = 0;
  bool in_word = false;
  for (unsigned char c : line) {
    const bool keep = Kept(c);
    if (in_word && !keep) ends.push_back(kept);
    kept += keep;
    in_word = keep;
  }
  if (in_word) ends.push_back(kept);
  return ends;
}

}  // namespace boilerhash::reference
