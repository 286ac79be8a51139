// Internal: the expressions and Hyperscan flags a pattern list compiles to,
// shared by PatternDb::Compile and the serialized-database check (a database
// is only reused for exactly the expressions it was compiled from).
#pragma once
#include <string>
#include <vector>

#include "boilerhash/pattern_db.h"
#include "boilerhash/status.h"

namespace boilerhash::internal {

struct HsPatternSet {
  std::vector<std::string> expressions;  // index = pattern index = Hyperscan id
  std::vector<unsigned> flags;           // HS_FLAG_* per expression
};

Status BuildHsPatternSet(const std::vector<PatternSpec>& patterns, HsPatternSet* out);

}  // namespace boilerhash::internal
