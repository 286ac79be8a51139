// Prints the SIMD target the library's kernels run on: started by
// targets_test with BOILERHASH_FORCE_TARGET set, to prove the variable works
// in a fresh process (it is read once, before the first dispatched call).
// With an argument, it first calls ForceTarget(argv[1]), which must win over
// the variable.
#include <cstdio>
#include <string>

#include "boilerhash/minhash.h"
#include "boilerhash/targets.h"

int main(int argc, char** argv) {
  if (argc > 1 && !boilerhash::ForceTarget(argv[1])) return 2;
  const uint64_t shingles[] = {1, 2, 3};
  boilerhash::MinHasher hasher;
  (void)hasher.Sign(shingles);  // a real dispatched call first
  std::printf("%s\n", boilerhash::ActiveTarget().c_str());
  return 0;
}
