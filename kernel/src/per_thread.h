// Internal: one object of type T per thread, for scratch buffers reused
// across calls, and a way to give them all back (thread_buffers.h).
#pragma once

namespace boilerhash::internal {

// Adds release to the calling thread's list that ReleaseThreadBuffers runs.
void RegisterThreadRelease(void (*release)());

// The thread's T, default-constructed on first use. There is one object per
// type, so T must be a type of the caller's own (a struct in its anonymous
// namespace), never a shared one like std::vector<uint64_t>: two callers
// naming the same type would share, and overwrite, one buffer. Never inlined, on
// purpose: in a shared library a function-local thread_local is reached
// through a __tls_get_addr call, and GCC repeats that call at every use of
// the variable in the function it is inlined into (82 sites in Classify, 45
// in NormalizeInto, 18 in ComputeLineFeatures). Returned from a call, the
// address is an ordinary value kept in a register.
template <class T>
[[gnu::noinline]] T& PerThread() {
  // The first use in a thread registers the reset that frees the buffers:
  // a T grown by a huge document keeps its size until then.
  struct Registered {
    T value;
    Registered() { RegisterThreadRelease([] { PerThread<T>() = T{}; }); }
  };
  thread_local Registered slot;
  return slot.value;
}

}  // namespace boilerhash::internal
