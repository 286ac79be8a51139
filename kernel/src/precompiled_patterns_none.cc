// No precompiled default patterns: the library compiles them on first use.
// Linked into the precompile tool itself, and into the library when
// BOILERHASH_PRECOMPILE_PATTERNS is off (cross builds).
#include "embedded_data.h"

namespace boilerhash::internal {

std::string_view PrecompiledEnglishPatterns() { return {}; }

}  // namespace boilerhash::internal
