#!/usr/bin/env bash
# Runs every fuzz harness for SECONDS each (default 60), one at a time, one
# process each, then merges the inputs that add coverage into fuzz/corpus/<name>/.
# Prints per harness: executions, executions/s, coverage (edges, features),
# corpus size, crashes. Exit status 1 when any harness crashed; the crashing
# inputs are under $FUZZ_WORK/<name>/ (see fuzz/README.md to reproduce).
#
#   scripts/fuzz.sh [SECONDS]            # build with fuzz/build.sh first
#   FUZZ_MERGE=0 scripts/fuzz.sh 30      # CI: leave the committed corpora alone
#   FUZZ_ONLY="utf8 lsh" scripts/fuzz.sh # a subset
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
B=${FUZZ_BUILD_DIR:-build-libfuzzer}
WORK=${FUZZ_WORK:-$B/fuzz-work}
MERGE=${FUZZ_MERGE:-1}
HARNESSES=${FUZZ_ONLY:-$(sed -n '/^set(BOILERHASH_FUZZERS/,/)/p' fuzz/CMakeLists.txt |
                         sed -e 's/set(BOILERHASH_FUZZERS//' -e 's/)//' | tr -s ' \n' ' ')}

dict_for() {
  case "$1" in
    utf8) echo fuzz/dict/utf8.dict ;;
    normalize|shingle|exact_hash|signer|c_api|c_classify|classifier|line_features|corpus_stats)
      echo fuzz/dict/text.dict ;;
    pattern_db) echo fuzz/dict/patterns.dict ;;
    *) [ -f "fuzz/dict/$1.dict" ] && echo "fuzz/dict/$1.dict" ;;
  esac
}

mkdir -p "$WORK"
printf '%-14s %12s %9s %7s %8s %7s %8s\n' harness executions exec/s cov features corpus crashes
status=0
for h in $HARNESSES; do
  bin=$B/fuzz/fuzz_$h
  if [ ! -x "$bin" ]; then echo "$h: $bin missing (run fuzz/build.sh)"; status=1; continue; fi
  rm -rf "$WORK/$h" && mkdir -p "$WORK/$h/new" "$WORK/$h/artifacts"
  mkdir -p "fuzz/corpus/$h"
  dict=$(dict_for "$h")
  log=$WORK/$h/fuzz.log
  # New inputs go to new/ (first corpus dir); the committed corpus is read.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  "$bin" "$WORK/$h/new" "fuzz/corpus/$h" ${dict:+-dict=$dict} \
    -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 -report_slow_units=1 \
    -print_final_stats=1 -artifact_prefix="$WORK/$h/artifacts/" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*')
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*')
  # Failures only: -report_slow_units also saves inputs that took over a
  # second (slow-unit-*), which a stall of a busy machine produces too.
  crashes=$(find "$WORK/$h/artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$WORK/$h/artifacts" -type f -name 'slow-unit-*' | wc -l)
  if [ "$rc" != 0 ] && [ "$crashes" = 0 ]; then crashes="rc=$rc"; fi
  if [ "$MERGE" = 1 ]; then
    "$bin" -merge=1 "fuzz/corpus/$h" "$WORK/$h/new" >"$WORK/$h/merge.log" 2>&1 || true
  fi
  corpus=$(find "fuzz/corpus/$h" -type f | wc -l)
  printf '%-14s %12s %9s %7s %8s %7s %8s\n' "$h" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes"
  if [ "$crashes" != 0 ]; then
    status=1
    find "$WORK/$h/artifacts" -type f ! -name 'slow-unit-*' | sed 's/^/    crash input: /'
    grep -m1 -A3 -E 'ERROR|boilerhash fuzz check failed|runtime error' "$log" | sed 's/^/    /'
  fi
  if [ "$slow" != 0 ]; then echo "    $slow input(s) over 1 s (not failures): $WORK/$h/artifacts/slow-unit-*"; fi
done
exit $status
