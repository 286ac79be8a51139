// Target reporting and forcing over Highway's dynamic dispatch.
#include "boilerhash/targets.h"

#include <cstdlib>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "targets.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
// The target this copy was compiled for: what dispatch actually picked.
int64_t CompiledTarget() { return HWY_TARGET; }
}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"

namespace boilerhash {
HWY_EXPORT(CompiledTarget);

namespace {
// Targets compiled in and supported by the CPU, best first. Computed once,
// before any forcing narrows what Highway reports.
const std::vector<int64_t>& CpuTargets() {
  static const std::vector<int64_t> targets = [] {
    hwy::SetSupportedTargetsForTest(0);
    return hwy::SupportedAndGeneratedTargets();
  }();
  return targets;
}
}  // namespace

std::vector<std::string> SupportedTargets() {
  std::vector<std::string> names;
  for (int64_t t : CpuTargets()) names.emplace_back(hwy::TargetName(t));
  return names;
}

std::string ActiveTarget() { return internal::ActiveTargetName(); }

const char* internal::ActiveTargetName() {
  InitTargetsOnce();
  return hwy::TargetName(HWY_DYNAMIC_DISPATCH(CompiledTarget)());
}

bool ForceTarget(std::string_view name) {
  const std::vector<int64_t>& cpu = CpuTargets();
  if (name.empty() || name == "auto") {
    hwy::SetSupportedTargetsForTest(0);
    return true;
  }
  for (int64_t t : cpu) {
    if (name == hwy::TargetName(t)) {
      hwy::SetSupportedTargetsForTest(t);
      return true;
    }
  }
  return false;
}

namespace internal {
void InitTargetsOnce() {
  // A function-local static: after the first call, one acquire load. (Every
  // dispatched entry point calls this; libstdc++'s call_once also writes
  // thread-local state on each call.)
  static const bool applied = [] {
    if (const char* forced = std::getenv("BOILERHASH_FORCE_TARGET")) ForceTarget(forced);
    return true;
  }();
  (void)applied;
}

bool VectorTargetActive() {
  InitTargetsOnce();
  const int64_t target = HWY_DYNAMIC_DISPATCH(CompiledTarget)();
  return target != HWY_SCALAR && target != HWY_EMU128;
}
}  // namespace internal

}  // namespace boilerhash
#endif  // HWY_ONCE
