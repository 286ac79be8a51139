// Reference twin of line_features.cc: one byte and one word at a time, no
// shared code with the fast path (its own stopword lookup over a std::set).
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "boilerhash/line_features.h"

namespace boilerhash::reference {

LineFeatures ComputeLineFeatures(std::string_view line, const std::set<std::string>& stopwords);

// Parses the stopword text format (line_features.h) into a set.
std::set<std::string> ParseStopwords(std::string_view text);

}  // namespace boilerhash::reference
