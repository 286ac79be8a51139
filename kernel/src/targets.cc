// Target reporting and forcing over Highway's dynamic dispatch.
#include "boilerhash/targets.h"

#include <cstdio>
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
// on the first call, which comes before any forcing of ours narrows what
// Highway reports (ApplyForce asks for it first). A restriction the host
// process set through Highway itself is respected, not undone.
const std::vector<int64_t>& CpuTargets() {
  static const std::vector<int64_t> targets = hwy::SupportedAndGeneratedTargets();
  return targets;
}

// The forcing itself, without reading the environment: ForceTarget and the
// one-time environment check both end here.
bool ApplyForce(std::string_view name) {
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
  // The environment is applied first, so an explicit call made later wins
  // over BOILERHASH_FORCE_TARGET instead of being undone by it at the first
  // dispatched call.
  internal::InitTargetsOnce();
  return ApplyForce(name);
}

namespace internal {
void InitTargetsOnce() {
  // A function-local static: after the first call, one acquire load. (Every
  // dispatched entry point calls this; libstdc++'s call_once also writes
  // thread-local state on each call.)
  static const bool applied = [] {
    const char* forced = std::getenv("BOILERHASH_FORCE_TARGET");
    if (forced == nullptr || ApplyForce(forced)) return true;
    // A misspelt or unsupported name must not pass for a forced run: say so
    // once, and keep the automatic choice.
    std::string names;
    for (const std::string& n : SupportedTargets()) names += (names.empty() ? "" : ", ") + n;
    std::fprintf(stderr,
                 "boilerhash: BOILERHASH_FORCE_TARGET=%s is not a target of this build on this CPU "
                 "(supported: %s); using the automatic choice\n",
                 forced, names.c_str());
    return false;
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
