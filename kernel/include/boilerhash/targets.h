// Which SIMD target the dispatched kernels run on, and a way to force one.
//
// The environment variable BOILERHASH_FORCE_TARGET (e.g. "AVX2", "SSE4",
// "EMU128", "AVX3") is read once, before the first dispatched call. Forcing
// never changes a result: every target is bit-exact with the scalar reference.
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
// Not thread-safe: call it before starting work.
bool ForceTarget(std::string_view name);

}  // namespace boilerhash
