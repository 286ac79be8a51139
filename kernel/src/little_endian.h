// Internal: fixed little-endian byte order for the stored formats (corpus
// table, serialized pattern databases) and for bytes fed to hashes, so every
// machine writes, reads and hashes the same bytes.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace boilerhash::internal {

inline uint64_t LoadLE64(const void* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

inline void StoreLE64(uint64_t v, void* p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  std::memcpy(p, &v, 8);
}

inline void AppendLE32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline void AppendLE64(std::string* out, uint64_t v) {
  char b[8];
  StoreLE64(v, b);
  out->append(b, 8);
}

// Reads from the front of *in; false (nothing consumed) when too short.
inline bool ReadLE32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= uint32_t{static_cast<unsigned char>((*in)[i])} << (8 * i);
  in->remove_prefix(4);
  return true;
}

inline bool ReadLE64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = LoadLE64(in->data());
  in->remove_prefix(8);
  return true;
}

}  // namespace boilerhash::internal
