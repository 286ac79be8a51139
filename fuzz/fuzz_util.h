// Shared helpers for the fuzz harnesses: input caps, a check that prints a
// readable diff and aborts (libFuzzer then saves the input), and the loop
// over every SIMD target the CPU supports.
#pragma once
#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "boilerhash/targets.h"

namespace boilerhash::fuzz {

// Text inputs above this are ignored: every stage is linear, so larger inputs
// add time per execution without new paths. Keeps each input well under 1 s
// even under ASan+UBSan with every target run.
inline constexpr size_t kMaxTextBytes = 16 << 10;

// Printable rendering of bytes: ASCII as is, the rest as \xHH; long strings cut.
inline std::string Escape(std::string_view s, size_t max = 200) {
  std::string out;
  for (size_t i = 0; i < s.size() && i < max; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  if (s.size() > max) out += "...(" + std::to_string(s.size()) + " bytes)";
  return out;
}

[[noreturn]] inline void Fail(const char* file, int line, const char* cond, const std::string& what) {
  std::fprintf(stderr, "\n==== boilerhash fuzz check failed: %s:%d\n  check: %s\n  %s\n", file,
               line, cond, what.c_str());
  std::fflush(stderr);
  std::abort();
}

// FUZZ_CHECK(cond, message): message is only built when the check fails.
#define FUZZ_CHECK(cond, message)                                                  \
  do {                                                                             \
    if (!(cond)) ::boilerhash::fuzz::Fail(__FILE__, __LINE__, #cond, (message));   \
  } while (0)

// Names the first difference between two sequences ("" when equal).
template <class T>
std::string FirstDiff(const std::vector<T>& a, const std::vector<T>& b) {
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) {
      return "first difference at [" + std::to_string(i) + "]: " + std::to_string(a[i]) +
             " vs " + std::to_string(b[i]) + " (sizes " + std::to_string(a.size()) + ", " +
             std::to_string(b.size()) + ")";
    }
  }
  if (a.size() != b.size()) {
    return "sizes differ: " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
  }
  return "";
}

inline std::string StringDiff(std::string_view a, std::string_view b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from = i > 16 ? i - 16 : 0;
  return "first difference at byte " + std::to_string(i) + " (sizes " + std::to_string(a.size()) +
         ", " + std::to_string(b.size()) + ")\n    a: ..." + Escape(a.substr(from, 64)) +
         "\n    b: ..." + Escape(b.substr(from, 64));
}

inline std::string Hex64(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016" PRIx64, v);
  return buf;
}

// Runs body(target_name) once per SIMD target this CPU supports, forcing each
// in turn, then restores automatic dispatch. Aborts when forcing does not take.
// With BOILERHASH_FORCE_TARGET naming a target that took (a crash
// reproduced on one target, as fuzz/README.md shows), that target alone; a
// name that did not take (unknown, or not on this CPU) runs them all.
template <class F>
void ForEachTarget(F&& body) {
  // The target forced by the environment, if it took ("" otherwise): read
  // once, before any loop forces others.
  static const std::string forced = [] {
    const std::string active = ActiveTarget();  // applies BOILERHASH_FORCE_TARGET now, not mid-loop
    const char* env = std::getenv("BOILERHASH_FORCE_TARGET");
    return env != nullptr && active == env ? active : std::string();
  }();
  static const std::vector<std::string> targets =
      forced.empty() ? SupportedTargets() : std::vector<std::string>{forced};
  FUZZ_CHECK(!targets.empty(), std::string("no supported SIMD target"));
  for (const std::string& t : targets) {
    FUZZ_CHECK(ForceTarget(t), "cannot force target " + t);
    FUZZ_CHECK(ActiveTarget() == t, "forced " + t + " but dispatch runs " + ActiveTarget());
    body(t);
  }
  ForceTarget(forced.empty() ? "auto" : forced);  // back to automatic dispatch, or to the forced target
}

}  // namespace boilerhash::fuzz
