// BOILERHASH_FORCE_TARGET forces the target in a fresh process, and
// ForceTarget() switches the one that runs.
#include <cstdio>

#include "test_util.h"

namespace boilerhash {
namespace {

std::string RunProbe(const std::string& env_value) {
  const std::string cmd = "BOILERHASH_FORCE_TARGET=" + env_value + " " + BOILERHASH_PROBE;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "popen failed";
  char buf[128] = {0};
  std::string out = std::fgets(buf, sizeof buf, p) ? buf : "";
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST(Targets, EnvironmentVariableForcesEachSupportedTarget) {
  const auto targets = SupportedTargets();
  ASSERT_FALSE(targets.empty());
  for (const std::string& t : targets) EXPECT_EQ(RunProbe(t), t);
  // An unknown name changes nothing: the best target runs.
  EXPECT_EQ(RunProbe("NOT_A_TARGET"), targets.front());
}

TEST(Targets, ForceTargetSwitchesDispatch) {
  for (const std::string& t : SupportedTargets()) {
    ASSERT_TRUE(ForceTarget(t));
    EXPECT_EQ(ActiveTarget(), t);
  }
  EXPECT_FALSE(ForceTarget("NOT_A_TARGET"));
  ASSERT_TRUE(ForceTarget("auto"));
  EXPECT_EQ(ActiveTarget(), SupportedTargets().front());
}

}  // namespace
}  // namespace boilerhash
