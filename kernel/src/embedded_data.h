// Internal: data files embedded at build time (kernel/CMakeLists.txt generates
// embedded_data.cc from kernel/patterns/*), so the library never looks for
// files at run time.
#pragma once
#include <string_view>

namespace boilerhash::internal {

std::string_view EnglishPatternText();   // kernel/patterns/en.patterns
std::string_view EnglishStopwordText();  // kernel/patterns/en.stopwords

// PatternDb::Serialize bytes of EnglishPatternText() compiled on the build
// machine (kernel/tools/precompile_patterns.cc writes the definition), or
// empty where the build does not precompile (precompiled_patterns_none.cc).
std::string_view PrecompiledEnglishPatterns();

}  // namespace boilerhash::internal
