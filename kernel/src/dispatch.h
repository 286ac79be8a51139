// Internal: one-time target selection before the first dispatched call.
#pragma once

namespace boilerhash::internal {

// Applies BOILERHASH_FORCE_TARGET the first time it runs; cheap afterwards.
void InitTargetsOnce();

// Whether dispatch picks a target with vector instructions (not SCALAR or
// EMU128): asks the dispatch table Highway already filled, so it is cheap
// on every call (hwy::SupportedTargets() runs CPUID, which costs
// microseconds in a VM).
bool VectorTargetActive();

// ActiveTarget()'s name in static storage (Highway's), for the C API.
const char* ActiveTargetName();

}  // namespace boilerhash::internal
