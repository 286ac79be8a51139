#!/usr/bin/env bash
# Runs the Google Benchmark suites with repetitions and writes
#   bench/results/<date>-<host>.json  (raw Google Benchmark JSON, all suites)
#   bench/results/latest.json         (a copy)
#   bench/results/latest.md           (MB/s per stage and target, the dispatched target over SCALAR and the reference)
# Options: --quick (fewer repetitions, shorter runs), --filter REGEX, --peers (also scripts/bench_peers.py),
# --scaling (also scripts/bench_scaling.py: size, thread and LSH-memory sweeps, bench/results/scaling.md).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=5; MIN_TIME=0.3; FILTER="."; PEERS=0; SCALING=0; QUICK=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) REPS=2; MIN_TIME=0.1; QUICK=(--quick) ;;
    --filter) FILTER="$2"; shift ;;
    --peers) PEERS=1 ;;
    --scaling) SCALING=1 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
bash scripts/setup.sh
BUILD_DIR=build bash scripts/build.sh -DBOILERHASH_BUILD_BENCH=ON >/dev/null
stamp="$(date -u +%Y%m%d)-$(hostname -s)"
out=bench/results
parts=()
for exe in build/bench/kernel_bench build/bench/classifier_bench; do
  [ -x "$exe" ] || continue
  part="$out/.$(basename "$exe").json.tmp"
  "$exe" --benchmark_filter="$FILTER" --benchmark_repetitions=$REPS \
    --benchmark_min_time=$MIN_TIME --benchmark_report_aggregates_only=true \
    --benchmark_out="$part" --benchmark_out_format=json >&2
  parts+=("$part")
done
python3 scripts/bench_summary.py "$out/$stamp.json" "${parts[@]}" > "$out/latest.md"
cp "$out/$stamp.json" "$out/latest.json"
rm -f "${parts[@]}"
cat "$out/latest.md"
if [ "$PEERS" = 1 ]; then python3 scripts/bench_peers.py; fi
if [ "$SCALING" = 1 ]; then python3 scripts/bench_scaling.py --build-dir build ${QUICK[@]+"${QUICK[@]}"}; fi
