#!/bin/sh
# make bench: reproducible population, library per-call cost, batch throughput on one thread and on all cores,
# peak memory. Figures only: nothing here asserts a speed.
#   sh bench/run.sh BUILD_DIR [ROWS [RUNS]]
# Each batch line is the best and the median of RUNS runs (default 5): on a shared machine the best is the
# figure least disturbed by other work.
set -eu
B=${1:-build}
ROWS=${2:-1000000}
RUNS=${3:-5}
POP=$B/bench/population-$ROWS.csv
mkdir -p "$B/bench"
[ -s "$POP" ] || "$B/bench/gen_population" "$ROWS" > "$POP"
NCPU=$(nproc)
echo "machine: $NCPU cores, $(uname -m); population $POP ($(wc -c < "$POP") bytes); best of $RUNS runs"
"$B/bench/bench_api" 1000000 300
if "$B/shebao" help 2>/dev/null | grep -q '^  batch'; then
    for t in 1 $NCPU; do
        "$B/bench/measure" -r "$RUNS" -t "$t" "batch --threads $t" "$ROWS" \
            "$B/shebao" batch --threads "$t" --in "$POP" --out /dev/null 2>/dev/null
        "$B/bench/measure" -r "$RUNS" -t "$t" "batch --threads $t (no EPV)" "$ROWS" \
            "$B/shebao" batch --threads "$t" --mortality none --in "$POP" --out /dev/null 2>/dev/null
    done
else
    echo "batch: not built yet"
fi
