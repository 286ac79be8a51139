// Reference shingles: split into words or code points, join, hash.
#include <xxhash.h>

#include "reference/reference.h"

namespace boilerhash::reference {

std::vector<uint64_t> ShingleHashes(std::string_view text, char kind, uint32_t n, uint64_t seed) {
  if (n == 0) n = 1;
  std::vector<uint64_t> out;
  if (text.empty()) return out;
  std::vector<std::string> units;
  if (kind == 'w') {
    std::string cur;
    for (char c : text) {
      if (c == ' ') { units.push_back(cur); cur.clear(); }
      else cur += c;
    }
    units.push_back(cur);
  } else {
    for (char c : text) {
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80 && !units.empty()) units.back() += c;
      else units.emplace_back(1, c);
    }
  }
  const std::string sep = kind == 'w' ? " " : "";
  auto join = [&](size_t from, size_t count) {
    std::string s;
    for (size_t i = 0; i < count; ++i) s += (i ? sep : "") + units[from + i];
    return XXH3_64bits_withSeed(s.data(), s.size(), seed);
  };
  if (units.size() < n) {
    out.push_back(join(0, units.size()));
  } else {
    for (size_t i = 0; i + n <= units.size(); ++i) out.push_back(join(i, n));
  }
  return out;
}

}  // namespace boilerhash::reference
