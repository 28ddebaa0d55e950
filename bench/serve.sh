#!/bin/sh
# make bench-serve: `shebao serve` under load (wrk, Debian package wrk), loopback only, bounded in time.
# For POST /v1/project and POST /v1/compare at 1, 8 and 64 connections: requests/s, p50 and p99 latency; then the
# server's resident memory (VmRSS) sampled while /v1/project is loaded for SOAK seconds. Figures only: nothing
# here asserts a speed. docs/performance.md records them.
#   sh bench/serve.sh BUILD_DIR [SECONDS_PER_RUN [SOAK_SECONDS [THREADS]]]
set -eu
B=${1:-build}
SECS=${2:-10}
SOAK=${3:-60}
THREADS=${4:-$(nproc)}
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk not found (make deps installs it)" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-bench-serve.XXXXXX")
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$TMP"' EXIT
"$B/shebao" serve --listen 127.0.0.1:0 --threads "$THREADS" --max-connections 512 2>"$TMP/log" &
PID=$!
i=0
while ! grep -q 'http://' "$TMP/log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(sed -n 's/^shebao serve.*http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/log")
[ -n "$PORT" ] || { echo "bench/serve.sh: the server did not start: $(head -n 2 "$TMP/log")" >&2; exit 1; }
URL=http://127.0.0.1:$PORT

# a wrk script posting BODY
script() {
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$1" >"$2"
}
script '{"birth":"1975-03","grade":"2000","start":2020,"years":15,"region":"zhejiang-taizhou"}' "$TMP/project.lua"
script '{"birth":"1980-05","start":2025}' "$TMP/compare.lua"
rss() { awk '/^VmRSS/ { print $2 " kB" }' "/proc/$PID/status"; }

echo "machine: $(nproc) cores, $(uname -m); server: $THREADS threads; wrk: 2 threads, $SECS s a run, loopback"
printf '%-12s %6s %12s %10s %10s %8s\n' route conns requests/s p50 p99 errors
for route in project compare; do
    for c in 1 8 64; do
        t=2
        [ "$c" -lt 2 ] && t=1
        wrk -t"$t" -c"$c" -d"${SECS}s" --latency -s "$TMP/$route.lua" "$URL/v1/$route" >"$TMP/out" 2>&1
        awk -v r="/v1/$route" -v c="$c" '
            /Requests\/sec/ { rps = $2 }
            $1 == "50%" { p50 = $2 }
            $1 == "99%" { p99 = $2 }
            /Non-2xx|Socket errors/ { err = err $0 }
            END { printf "%-12s %6s %12s %10s %10s %8s\n", r, c, rps, p50, p99, err == "" ? "0" : "yes" }' "$TMP/out"
        grep -E 'Non-2xx|Socket errors' "$TMP/out" || true
    done
done
# the layers around the computation: a route that computes nothing, and a projection without the life table (no
# EPV, no IRR)
script '{"birth":"1975-03","grade":"2000","start":2020,"years":15,"region":"zhejiang-taizhou","mortality":"none"}' \
    "$TMP/project-none.lua"
for what in "health GET /v1/health" "project-none POST /v1/project"; do
    set -- $what
    s=
    [ "$2" = POST ] && s="-s $TMP/$1.lua"
    # shellcheck disable=SC2086
    wrk -t2 -c8 -d"${SECS}s" --latency $s "$URL$3" >"$TMP/out" 2>&1
    awk -v r="$3 ($1)" '
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = $2 }
        $1 == "99%" { p99 = $2 }
        END { printf "%-12s %6s %12s %10s %10s\n", r, 8, rps, p50, p99 }' "$TMP/out"
done
echo "memory: VmRSS after the runs above: $(rss)"
n=0
step=$((SOAK / 6))
[ "$step" -gt 0 ] || step=1
total=0
while [ $n -lt 6 ]; do
    wrk -t2 -c8 -d"${step}s" -s "$TMP/project.lua" "$URL/v1/project" >"$TMP/out" 2>&1
    total=$((total + $(awk '/requests in/ { print $1 }' "$TMP/out")))
    echo "memory: after $total more /v1/project requests: $(rss)"
    n=$((n + 1))
done
kill -TERM "$PID"
wait "$PID" && echo "SIGTERM: exit 0" || echo "SIGTERM: exit $?"
PID=
