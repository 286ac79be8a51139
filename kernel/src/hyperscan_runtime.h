// Which vectorscan runtime boilerhash scans with, and the platform its
// pattern databases are compiled for.
//
// Why: vectorscan (seen in 5.4.9, Debian bookworm's libvectorscan5) ships a
// "fat" library with one runtime per x86 level and picks one by CPU. Its
// AVX-512 runtime misses matches depending on the input's address modulo 64:
// `\(.{0,80}ap\)` over 100 'x', " (abc/ap)\n\nabc" is found at 9 of 64
// buffer alignments (tests/pattern_scan_alignment_test.cc). The classifier's labels
// then depend on where the allocator put a document, so output changed with
// the thread count. Its AVX2 and SSE4.2 runtimes are exact at every alignment.
// On a CPU where the dispatcher would pick the AVX-512 runtime we call the
// library's AVX2 runtime directly (exported by fat builds as avx2_hs_scan)
// and compile databases for AVX2. Where that symbol is absent (non-fat or
// non-x86 builds) hs_scan is used as is.
#pragma once

#include <hs/hs.h>

namespace boilerhash::internal {

using HsScanFn = hs_error_t (*)(const hs_database_t*, const char*, unsigned int, unsigned int,
                                hs_scratch_t*, match_event_handler, void*);

struct HyperscanRuntime {
  HsScanFn scan;                 // hs_scan or the library's avx2_hs_scan
  hs_platform_info_t platform;   // what hs_compile_multi compiles for
  const char* name;              // for PatternEngineDescription()
};

// Chosen once per process; thread-safe.
const HyperscanRuntime& ChosenHyperscanRuntime();

}  // namespace boilerhash::internal
