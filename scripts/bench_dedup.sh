#!/usr/bin/env bash
# Throughput of `boilerhash dedup` end to end (JSONL parse, UTF-8 check,
# corpus pass, boilerplate removal, signing, clustering) on a generated corpus.
#
#   scripts/bench_dedup.sh [DOCS] [WORDS]     defaults: 100000 docs, 850 words (> 500 MB)
#
# Env: BENCH_DIR (corpus + results; default build/bench_dedup), CLI (default
# build/cli/boilerhash), SCALING_DOCS (documents for the 1..N thread sweep,
# default 20000: the sweep repeats the run, so it uses a slice of the corpus).
# Reports documents/s, MB/s, MB/s per core, the thread scaling, peak memory
# (/usr/bin/time -v) and index bytes per document (dedup --stats).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-100000}
WORDS=${2:-850}
BENCH_DIR=${BENCH_DIR:-build/bench_dedup}
CLI=${CLI:-build/cli/boilerhash}
SCALING_DOCS=${SCALING_DOCS:-20000}
NPROC=$(nproc)
mkdir -p "$BENCH_DIR"
CORPUS=$BENCH_DIR/corpus_${DOCS}_${WORDS}
if [ ! -f "$CORPUS/corpus.jsonl" ]; then
  echo "== generating $DOCS documents (~$WORDS content words each) in $CORPUS"
  python3 scripts/gen_corpus.py "$CORPUS" --docs "$DOCS" --words "$WORDS" --pool-in-body
fi
BYTES=$(stat -c %s "$CORPUS/corpus.jsonl")
head -n "$SCALING_DOCS" "$CORPUS/corpus.jsonl" > "$BENCH_DIR/slice.jsonl"
SLICE_BYTES=$(stat -c %s "$BENCH_DIR/slice.jsonl")

# One run: prints "seconds peak_kb" and keeps the command's stderr in $BENCH_DIR/last.err.
run() {
  /usr/bin/time -v -o "$BENCH_DIR/time.txt" "$CLI" dedup -q "$@" > /dev/null 2> "$BENCH_DIR/last.err" || {
    cat "$BENCH_DIR/last.err" >&2; return 1; }
  local wall peak
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$BENCH_DIR/time.txt")
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$BENCH_DIR/time.txt")
  echo "$wall $peak"
}

echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $NPROC cores"
echo "== $("$CLI" --version)"
echo "== full corpus: $DOCS documents, $((BYTES / 1000000)) MB of JSONL, $NPROC threads"
read -r wall peak < <(run "$CORPUS/corpus.jsonl")
awk -v d="$DOCS" -v b="$BYTES" -v w="$wall" -v p="$peak" -v n="$NPROC" 'BEGIN {
  printf "   %.2f s   %.0f docs/s   %.1f MB/s   %.1f MB/s per core   peak RSS %.0f MiB\n",
         w, d / w, b / 1e6 / w, b / 1e6 / w / n, p / 1024 }'
grep -h "boilerhash dedup" "$BENCH_DIR/last.err" | sed 's/^/   /'
# Index bytes per document from a second, untimed run: --stats builds the
# LSH index a caller would keep, after the work (seconds on this corpus).
run --stats "$CORPUS/corpus.jsonl" > /dev/null
grep -h "boilerhash dedup stats" "$BENCH_DIR/last.err" | sed 's/^/   (untimed run) /'

echo "== thread scaling on the first $SCALING_DOCS documents ($((SLICE_BYTES / 1000000)) MB)"
printf "   %-8s %-9s %-10s %-12s %s\n" threads seconds "MB/s" "MB/s/core" speedup
base=""
for t in $(seq 1 "$NPROC"); do
  read -r wall peak < <(run --threads "$t" "$BENCH_DIR/slice.jsonl")
  [ -z "$base" ] && base=$wall
  awk -v t="$t" -v w="$wall" -v b="$SLICE_BYTES" -v base="$base" 'BEGIN {
    printf "   %-8d %-9.2f %-10.1f %-12.1f %.2fx\n", t, w, b / 1e6 / w, b / 1e6 / w / t, base / w }'
done

echo "== where the time goes ($SCALING_DOCS documents, 1 thread)"
for variant in "--no-clean" "--no-corpus-stats" ""; do
  read -r wall peak < <(run --threads 1 $variant "$BENCH_DIR/slice.jsonl")
  awk -v v="${variant:-(default)}" -v w="$wall" -v b="$SLICE_BYTES" 'BEGIN {
    printf "   %-18s %.2f s  %.1f MB/s\n", v, w, b / 1e6 / w }'
done
