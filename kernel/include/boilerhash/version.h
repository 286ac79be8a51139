// Library and stored-format versions.
#pragma once
#include <cstdint>

namespace boilerhash {

inline constexpr int kVersionMajor = 0;
inline constexpr int kVersionMinor = 1;
inline constexpr int kVersionPatch = 0;
inline constexpr const char* kVersionString = "0.1.0";

// Version of every stored signature format (MinHash, SimHash, shingle hashing,
// normalization). Bump it whenever any of them would give a different value for
// the same input; tests/golden/ pins the current one. See docs/FORMAT.md.
inline constexpr uint32_t kSignatureFormatVersion = 2;

}  // namespace boilerhash
