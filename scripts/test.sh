#!/usr/bin/env bash
# Installs what the build needs, builds, and runs every test:
#   1. the Release build's ctest suite (unit, golden vectors, datasets, fuzz corpus replay);
#   2. the installed package, consumed by examples/ through CMake and pkg-config,
#      for the shared library and for a static build;
#   3. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
#   4. every fuzz harness for a short time (libFuzzer, clang-14).
# SKIP_SANITIZERS=1 / SKIP_FUZZ=1 skip steps 3 / 4 for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
JOBS=${JOBS:-$(nproc)}
B=${BUILD_DIR:-build}   # a separate tree per checkout user, e.g. BUILD_DIR=build-me

echo "== build (Release)"
BUILD_DIR=$B bash scripts/build.sh -DBOILERHASH_BUILD_TESTS=ON
echo "== ctest (Release)"
(cd "$B" && ctest -j "$JOBS" --output-on-failure)

# The installed package of build tree $1, consumed by examples/ through CMake
# and pkg-config ($2: extra pkg-config flags, --static for a static library).
check_package() {
  local I E
  I=$(realpath -m "$1/install") E=$(realpath -m "$1/examples")  # BUILD_DIR may be absolute
  rm -rf "$I" "$E"
  cmake --install "$1" --prefix "$I" >/dev/null
  cmake -S examples -B "$E" -DCMAKE_PREFIX_PATH="$I" >/dev/null
  cmake --build "$E" -j "$JOBS" >/dev/null
  "$E/c_consumer"   # the installed programs find the library by their RPATH
  "$E/similarity_table" datasets/articles/*.txt >/dev/null
  # pkg-config's flags as words: a path with a space comes back escaped ("a\ b"),
  # which read (without -r) joins; no eval, which would run a "$(...)" in a path.
  read -a PC_FLAGS <<<"$(PKG_CONFIG_PATH="$I/lib/pkgconfig" pkg-config $2 --cflags --libs boilerhash)"
  cc examples/c/c_consumer.c "${PC_FLAGS[@]}" -o "$E/c_consumer_pc"
  LD_LIBRARY_PATH="$I/lib" "$E/c_consumer_pc"
}
echo "== install + examples"
check_package "$B" ""
# BUILD_SHARED_LIBS=OFF is an offered option: its package must name the
# dependencies a static archive leaves to the consumer's link.
echo "== static library: install + examples"
BUILD_DIR=$B-static bash scripts/build.sh -DBUILD_SHARED_LIBS=OFF -DBOILERHASH_BUILD_TESTS=OFF \
  -DBOILERHASH_BUILD_BENCH=OFF -DBOILERHASH_BUILD_FUZZ=OFF >/dev/null
check_package "$B-static" --static
echo "examples: ok"

if [ "${SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== build + ctest (ASan + UBSan)"
  BUILD_DIR=$B-asan BUILD_TYPE=RelWithDebInfo bash scripts/build.sh \
    -DBOILERHASH_BUILD_TESTS=ON -DBOILERHASH_BUILD_BENCH=OFF -DBOILERHASH_BUILD_FUZZ=OFF \
    -DBOILERHASH_SANITIZE=ON  # the fuzz step below runs the harnesses under ASan+UBSan
  (cd "$B-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest -j "$JOBS" --output-on-failure)
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzz (libFuzzer + ASan/UBSan, ${FUZZ_CI_SECONDS:-30} s per harness)"
  FUZZ_CI_SECONDS=${FUZZ_CI_SECONDS:-30} JOBS="$JOBS" bash scripts/fuzz_ci.sh
fi
