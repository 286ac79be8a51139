#!/usr/bin/env bash
# The CI fuzz step: builds every harness with clang-14 + libFuzzer + ASan/UBSan
# (fuzz/build.sh) and runs each for FUZZ_CI_SECONDS (default 30) without
# touching the committed corpora. Fails when any harness finds a crash.
# Budget: about 3 min of build on 2 cores plus 12 x 30 s of fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash fuzz/build.sh
FUZZ_MERGE=0 bash scripts/fuzz.sh "${FUZZ_CI_SECONDS:-30}"
