#!/usr/bin/env bash
# The CI fuzz step: builds every harness with clang-14 + libFuzzer + ASan/UBSan
# (fuzz/build.sh) and runs each for FUZZ_CI_SECONDS (default 30) without
# touching the committed corpora. Fails when any harness finds a crash.
# Budget on 2 cores: 3-5 min of build plus 21 harnesses x 30 s = 10.5 min of
# fuzzing, so the step takes about 14-16 min of the 90-min CI budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash fuzz/build.sh
FUZZ_MERGE=0 bash scripts/fuzz.sh "${FUZZ_CI_SECONDS:-30}"
