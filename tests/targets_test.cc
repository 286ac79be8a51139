// BOILERHASH_FORCE_TARGET forces the target in a fresh process, and
// ForceTarget() switches the one that runs.
#include <cstdio>

#include "test_util.h"

namespace boilerhash {
namespace {

// The probe's output, stderr first (2>&1 on an unbuffered stderr), with the
// last newline cut.
std::string RunProbe(const std::string& env_value, const std::string& explicit_target = "") {
  const std::string cmd = "BOILERHASH_FORCE_TARGET=" + env_value + " " + BOILERHASH_PROBE + " " +
                          explicit_target + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "popen failed";
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST(Targets, EnvironmentVariableForcesEachSupportedTarget) {
  const auto targets = SupportedTargets();
  ASSERT_FALSE(targets.empty());
  for (const std::string& t : targets) EXPECT_EQ(RunProbe(t), t);
  // An unknown name changes nothing but is reported: the best target runs.
  const std::string unknown = RunProbe("NOT_A_TARGET");
  EXPECT_NE(unknown.find("BOILERHASH_FORCE_TARGET=NOT_A_TARGET is not a target"), std::string::npos)
      << unknown;
  EXPECT_EQ(unknown.substr(unknown.rfind('\n') + 1), targets.front()) << unknown;
}

TEST(Targets, ExplicitForceTargetWinsOverTheEnvironment) {
  // The variable is applied before an explicit call, never after it: a
  // program that forces a target keeps it whatever the environment says.
  const auto targets = SupportedTargets();
  for (const std::string& env : targets) {
    for (const std::string& t : targets) EXPECT_EQ(RunProbe(env, t), t) << "env " << env;
  }
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
