#!/usr/bin/env bash
# Builds every fuzz harness with clang-14 and -fsanitize=fuzzer,address,undefined
# into build-libfuzzer/ (or $FUZZ_BUILD_DIR). The library is instrumented for
# coverage too (BOILERHASH_LIBFUZZER, fuzz/CMakeLists.txt), and so is the
# command's library, which fuzz_jsonl and fuzz_cli_args link (hence
# BOILERHASH_BUILD_CLI=ON). Extra args go to cmake.
#   fuzz/build.sh                 # all harnesses
#   FUZZ_TARGETS="fuzz_utf8" fuzz/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
B=${FUZZ_BUILD_DIR:-build-libfuzzer}
JOBS=${JOBS:-$(nproc)}
CC=${CC_FUZZ:-clang-14}
CXX=${CXX_FUZZ:-clang++-14}
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DBUILD_SHARED_LIBS=OFF \
  -DBOILERHASH_BUILD_FUZZ=ON -DBOILERHASH_LIBFUZZER=ON -DBOILERHASH_SANITIZE=ON \
  -DBOILERHASH_BUILD_TESTS=OFF -DBOILERHASH_BUILD_BENCH=OFF -DBOILERHASH_BUILD_CLI=ON \
  "$@" >/dev/null
if [ -n "${FUZZ_TARGETS:-}" ]; then
  # shellcheck disable=SC2086
  cmake --build "$B" -j "$JOBS" --target $FUZZ_TARGETS
else
  cmake --build "$B" -j "$JOBS" --target fuzz_all
fi
echo "fuzz harnesses in $B/fuzz/"
