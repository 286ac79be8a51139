// The scratch buffers the library keeps per thread between calls.
//
// Classify, Sign, the line features and the normalizer reuse per-thread
// buffers, so a thread allocates nothing once they have grown to the
// largest document it met. After a huge document (or a call that failed
// with std::bad_alloc part way) those buffers stay that large until the
// thread ends. ReleaseThreadBuffers frees the calling thread's; the next
// call allocates what it needs again. Results are the same either way.
#pragma once

namespace boilerhash {

// Frees the calling thread's library scratch buffers. Never throws.
void ReleaseThreadBuffers() noexcept;

}  // namespace boilerhash
