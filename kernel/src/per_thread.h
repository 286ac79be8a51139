// Internal: one object of type T per thread, for scratch buffers reused
// across calls.
#pragma once

namespace boilerhash::internal {

// The thread's T, default-constructed on first use. Never inlined, on
// purpose: in a shared library a function-local thread_local is reached
// through a __tls_get_addr call, and GCC repeats that call at every use of
// the variable in the function it is inlined into (82 sites in Classify, 45
// in NormalizeInto, 18 in ComputeLineFeatures). Returned from a call, the
// address is an ordinary value kept in a register.
template <class T>
[[gnu::noinline]] T& PerThread() {
  thread_local T value;
  return value;
}

}  // namespace boilerhash::internal
