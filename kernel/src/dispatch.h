// Internal: one-time target selection before the first dispatched call.
#pragma once

namespace boilerhash::internal {

// Applies BOILERHASH_FORCE_TARGET the first time it runs; cheap afterwards.
void InitTargetsOnce();

}  // namespace boilerhash::internal
