// Internal: the expressions, Hyperscan flags and ids a pattern list compiles to,
// shared by PatternDb::Compile and the serialized-database check (a database
// is only reused for exactly the expressions it was compiled from).
#pragma once
#include <string>
#include <vector>

#include "boilerhash/pattern_db.h"
#include "boilerhash/status.h"

namespace boilerhash::internal {

struct HsPatternSet {
  std::vector<std::string> expressions;  // every pattern but the word lists ('w')
  std::vector<unsigned> flags;           // HS_FLAG_* per expression
  std::vector<unsigned> ids;             // Hyperscan id per expression = its pattern index
};

Status BuildHsPatternSet(const std::vector<PatternSpec>& patterns, HsPatternSet* out);

}  // namespace boilerhash::internal
