# Starting and stopping `shebao serve` in a shell test. POSIX sh, sourced after cases.sh (it uses $BIN, $TOP, $VG,
# $LIMIT, failed and passed), never run:
#
#   . "$(dirname "$0")/../lib/server.sh"
#   start_server ARGS...        the server on a free loopback port (--listen 127.0.0.1:0 ARGS...); its process id in
#                               $PID, its standard error in $LOG, its port in $PORT and its address in $URL; the test
#                               ends ("FAIL NAME: the server did not start") when no port is logged within $LIMIT s
#   stop_server                 kill it (SIGKILL) and reap it; nothing when none runs
#   stop_with_sigterm NAME      SIGTERM ends it with exit 0 within $LIMIT s (under valgrind: no error, no leak): a
#                               passed or failed case NAME
#
# Set the EXIT trap to call stop_server, so that the server is killed however the test ends:
#   trap 'stop_server; rm -rf "$TOP"' EXIT
# Used by tests/cli/serve.sh and tests/browser/run.sh.

PID=

stop_server() {
    if [ -n "$PID" ]; then
        kill -KILL "$PID" 2>/dev/null
        wait "$PID" 2>/dev/null
        PID=
    fi
}

start_server() {
    LOG=$TOP/server.log
    $VG "$BIN" serve --listen 127.0.0.1:0 "$@" 2>"$LOG" &
    PID=$!
    PORT=
    _i=0
    while [ $_i -lt $((LIMIT * 10)) ]; do
        PORT=$(sed -n 's/^shebao serve.*http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$LOG")
        [ -n "$PORT" ] && break
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
        _i=$((_i + 1))
    done
    if [ -z "$PORT" ]; then
        echo "FAIL ${_tag:-serve}: the server did not start: $(head -n 3 "$LOG")"
        exit 1
    fi
    URL=http://127.0.0.1:$PORT
}

stop_with_sigterm() {
    kill -TERM "$PID"
    _i=0
    while kill -0 "$PID" 2>/dev/null && [ $_i -lt $((LIMIT * 10)) ]; do
        sleep 0.1
        _i=$((_i + 1))
    done
    if kill -0 "$PID" 2>/dev/null; then
        failed "$1" "still running ${LIMIT} s after SIGTERM"
    else
        wait "$PID"
        _rc=$?
        PID=
        if [ "$_rc" = 0 ]; then passed; else failed "$1" "exit code $_rc: $(grep -v '^[A-Z]* /' "$LOG" | head -n 5)"; fi
    fi
}
