// Reference SimHash: one bit at a time, +1/-1 votes per shingle occurrence.
#include "reference/reference.h"

namespace boilerhash::reference {

uint64_t SimHash(const std::vector<uint64_t>& hashes) {
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    long long vote = 0;
    for (uint64_t h : hashes) vote += ((h >> bit) & 1) ? 1 : -1;
    if (vote > 0) fingerprint |= uint64_t{1} << bit;
  }
  return fingerprint;
}

}  // namespace boilerhash::reference
