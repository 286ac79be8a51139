// ReleaseThreadBuffers: each per-thread scratch object (per_thread.h)
// registers its reset on first use in the thread's list.
#include "boilerhash/thread_buffers.h"

#include <vector>

#include "per_thread.h"

namespace boilerhash {
namespace internal {
namespace {
std::vector<void (*)()>& Releases() {
  thread_local std::vector<void (*)()> releases;
  return releases;
}
}  // namespace

void RegisterThreadRelease(void (*release)()) { Releases().push_back(release); }
}  // namespace internal

void ReleaseThreadBuffers() noexcept {
  // A reset assigns an empty T: its moves free memory and allocate none.
  for (void (*release)() : internal::Releases()) release();
}

}  // namespace boilerhash
