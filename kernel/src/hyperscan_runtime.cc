// Stage: boilerplate patterns — choosing the vectorscan runtime (see
// hyperscan_runtime.h for the AVX-512 bug this avoids).
#include "hyperscan_runtime.h"

#include <string>

#include "boilerhash/pattern_db.h"

// Exported by vectorscan's fat x86 library; weak, so a build without it links
// and sees a null pointer.
extern "C" hs_error_t avx2_hs_scan(const hs_database_t*, const char*, unsigned int, unsigned int,
                                   hs_scratch_t*, match_event_handler, void*) __attribute__((weak));

namespace boilerhash::internal {
namespace {

bool DispatcherWouldPickAvx512() {
#if defined(__x86_64__) || defined(__i386__)
  // vectorscan's check_avx512() asks for AVX512F and AVX512BW (with OS support,
  // which __builtin_cpu_supports also checks).
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#else
  return false;
#endif
}

HyperscanRuntime Choose() {
  HyperscanRuntime r{&hs_scan, {}, "runtime chosen by CPU"};
  if (hs_populate_platform(&r.platform) != HS_SUCCESS) r.platform = hs_platform_info_t{};
  if (DispatcherWouldPickAvx512() && avx2_hs_scan != nullptr) {
    r.scan = &avx2_hs_scan;
    r.platform.cpu_features &= ~(HS_CPU_FEATURES_AVX512 | HS_CPU_FEATURES_AVX512VBMI);
    r.name = "AVX2 runtime (its AVX-512 runtime avoided)";
  }
  return r;
}

}  // namespace

const HyperscanRuntime& ChosenHyperscanRuntime() {
  static const HyperscanRuntime runtime = Choose();
  return runtime;
}

}  // namespace boilerhash::internal

namespace boilerhash {

std::string PatternEngineDescription() {
  // hs_version() is "5.4.9 2024-01-01"-like: keep the version number.
  std::string version = hs_version();
  version = version.substr(0, version.find(' '));
  return "vectorscan " + version + ", " + internal::ChosenHyperscanRuntime().name;
}

}  // namespace boilerhash
