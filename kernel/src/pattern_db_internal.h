// Internal: the expressions, Hyperscan flags and ids a pattern list compiles to,
// shared by PatternDb::Compile and the serialized-database check (a database
// is only reused for exactly the expressions it was compiled from).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "boilerhash/pattern_db.h"
#include "boilerhash/status.h"

namespace boilerhash::internal {

struct HsPatternSet {
  std::vector<std::string> expressions;  // every pattern but the word lists ('w')
  std::vector<unsigned> flags;           // HS_FLAG_* per expression
  std::vector<unsigned> ids;             // Hyperscan id per expression = its pattern index
};

// Text for an error message: control bytes as \xNN (a NUL would end the C
// API's message string; a newline would break the message's line).
std::string Printable(std::string_view text);

Status BuildHsPatternSet(const std::vector<PatternSpec>& patterns, HsPatternSet* out);

// The index of the first expression that does not compile on its own, or
// set.expressions.size(): for naming the line when a multi-pattern compile
// fails without saying which expression (resource limits).
size_t FirstFailingAlone(const HsPatternSet& set);

}  // namespace boilerhash::internal
