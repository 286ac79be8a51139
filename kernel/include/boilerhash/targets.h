// Which SIMD target the dispatched kernels run on, and a way to force one.
//
// The environment variable BOILERHASH_FORCE_TARGET (one of SupportedTargets(),
// e.g. "AVX3", "AVX2", "SSE4", "SCALAR") is read once, before the first
// dispatched call or ForceTarget(); a name that does not take is reported on
// stderr and the automatic choice is kept. Forcing never changes a result:
// every target is bit-exact with the scalar reference.
//
// Forcing is process-wide: it goes through Highway's global target mask, so
// it also restricts any other Highway code in the process, and "auto" lifts
// restrictions that code set.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace boilerhash {

// Names of the targets compiled in and supported by this CPU, best first.
std::vector<std::string> SupportedTargets();

// Name of the target the dispatched kernels use now.
std::string ActiveTarget();

// Restricts dispatch to the named target ("" or "auto" undoes it). Returns
// false, changing nothing, when the name is unknown or the CPU lacks it.
// Overrides BOILERHASH_FORCE_TARGET. Not thread-safe: call it before
// starting work.
bool ForceTarget(std::string_view name);

}  // namespace boilerhash
