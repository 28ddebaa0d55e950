#!/bin/sh
# Instructions per request of `shebao serve` (valgrind's callgrind: repeatable on a shared machine, unlike wall
# time). Starts `BUILD/shebao serve --threads 1` under callgrind on a free loopback port, sends one request to warm
# the caches (the policy's, the EPV's annuity tails), zeroes the counters, sends COUNT more with curl, dumps, and
# prints the instructions per request with the biggest inclusive costs. Figures only; docs/performance.md.
#   sh bench/serve_callgrind.sh BUILD_DIR ROUTE BODY [COUNT [OUT]]
#   sh bench/serve_callgrind.sh build /v1/project \
#       '{"birth":"1975-03","grade":"2000","start":2020,"years":15,"region":"zhejiang-taizhou"}' 50
set -eu
B=$1
ROUTE=$2
BODY=$3
N=${4:-50}
OUT=${5:-${TMPDIR:-/tmp}/shebao-serve-cg.out}
command -v valgrind >/dev/null && command -v curl >/dev/null ||
    { echo "bench/serve_callgrind.sh: needs valgrind and curl" >&2; exit 2; }
LOG=$(mktemp "${TMPDIR:-/tmp}/shebao-serve-cg.XXXXXX")
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -f "$LOG"' EXIT
rm -f "$OUT" "$OUT".*
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$B/shebao" serve --listen 127.0.0.1:0 --threads 1 2>"$LOG" &
PID=$!
i=0
while ! grep -q 'http://' "$LOG" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(sed -n 's/^shebao serve.*http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$LOG")
[ -n "$PORT" ] || { echo "bench/serve_callgrind.sh: the server did not start" >&2; exit 1; }
post() { curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT$ROUTE"; }
post
callgrind_control -z "$PID" >/dev/null 2>&1
k=0
while [ $k -lt "$N" ]; do post; k=$((k + 1)); done
callgrind_control -d "$PID" >/dev/null 2>&1
kill -TERM "$PID"
wait "$PID" || true
PID=
total=$(callgrind_annotate "$OUT.1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
echo "$ROUTE: $N requests, $((total / N)) instructions per request (callgrind output: $OUT.1)"
callgrind_annotate --inclusive=yes "$OUT.1" 2>/dev/null |
    awk -v n="$N" '/^ *[0-9,]+ \(/ && / \[/ && !/=>/ && /shebao_|sb_|json_dump|serve_run|cmd_|npv/ {
        v = $1; gsub(",", "", v); f = $NF == "" ? $(NF - 1) : $(NF - 1); printf "%12d  %s\n", v / n, f }' | head -n 16
