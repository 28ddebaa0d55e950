#!/bin/sh
# Hostile-input suite: every case must end with its documented one-line error and exit code, without a crash, a
# hang or (under valgrind) a memory error or leak. See tests/bad-input/README.md.
#
#   sh tests/bad-input/run.sh build/shebao                    (from the repository root; `make check`)
#   SHEBAO_VALGRIND=1 sh tests/bad-input/run.sh build/shebao  every run under valgrind (`make check-valgrind`)
#
# Each case is a directory tests/bad-input/cases/NAME/ holding
#   cmd        the arguments after the binary, shell words (evaluated); $CASE is the case directory, $TMP a
#              scratch directory emptied before each case
#   status     the expected exit code
#   stderr     the exact expected standard error. In the summary line of `shebao batch` the measured time and
#              rate are replaced by S and R before the comparison (", 0.004 s, 512 rows/s" -> ", S s, R rows/s").
#   stdout     optional: the exact expected standard output ...
#   stdout.sh  ... or a script whose output it is (for outputs too large to keep)
#   stdin      optional: a file given as standard input (otherwise /dev/null) ...
#   stdin.sh   ... or a script whose output is (for inputs too large to keep, such as the 10 MB field)
# Each run is limited to 60 s (600 s under valgrind): a hang fails the case.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/bad-input/run.sh PATH/TO/shebao" >&2
    exit 2
fi
BIN=$1
case $BIN in
/*) ;;
*) BIN=$(pwd)/$BIN ;;
esac
if [ ! -x "$BIN" ]; then
    echo "run.sh: $BIN is not an executable" >&2
    exit 2
fi
CASES=tests/bad-input/cases
if [ ! -d "$CASES" ]; then
    echo "run.sh: run me from the repository root ($CASES not found)" >&2
    exit 2
fi

TOP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-badin.XXXXXX") || exit 2
trap 'rm -rf "$TOP"' EXIT
trap 'exit 130' INT TERM

if [ "${SHEBAO_VALGRIND:-0}" = 1 ]; then
    LIMIT=600
    set -- valgrind --error-exitcode=99 --leak-check=full -q
else
    LIMIT=60
    set --
fi
RUNNER="$*"

pass=0
fail=0

failed() {
    printf '%s\n' "$2" | awk -v name="$1" 'NR == 1 { printf "FAIL %s: ", name } NR > 1 { printf " | " }
        { printf "%s", $0 } END { print "" }'
    fail=$((fail + 1))
}

for dir in "$CASES"/*/; do
    [ -d "$dir" ] || continue
    dir=${dir%/}
    name=${dir##*/}
    if [ ! -f "$dir/cmd" ] || [ ! -f "$dir/status" ] || [ ! -f "$dir/stderr" ]; then
        failed "$name" "needs the files cmd, status and stderr"
        continue
    fi
    CASE=$(pwd)/$dir
    TMP=$TOP/case
    rm -rf "$TMP"
    mkdir -p "$TMP"
    if [ -f "$dir/stdin.sh" ]; then
        sh "$dir/stdin.sh" >"$TOP/in" || { failed "$name" "stdin.sh failed"; continue; }
    elif [ -f "$dir/stdin" ]; then
        cp "$dir/stdin" "$TOP/in"
    else
        : >"$TOP/in"
    fi
    eval "set -- $(cat "$dir/cmd")"
    timeout "$LIMIT" $RUNNER "$BIN" "$@" <"$TOP/in" >"$TOP/out" 2>"$TOP/err.raw"
    rc=$?
    sed -E 's/, [0-9]+\.[0-9]+ s, [0-9]+ rows\/s$/, S s, R rows\/s/' "$TOP/err.raw" >"$TOP/err"
    want=$(cat "$dir/status")
    why=
    if [ "$rc" = 124 ]; then
        why="no answer within $LIMIT s (a hang)"
    elif [ "$rc" = 99 ] && [ -n "$RUNNER" ]; then
        why="valgrind: $(grep -m 3 '==[0-9]*==' "$TOP/err.raw" | tr '\n' ' ')"
    elif [ "$rc" -ge 128 ]; then
        why="killed by signal $((rc - 128)) (a crash): $(head -n 2 "$TOP/err.raw")"
    elif [ "$rc" != "$want" ]; then
        why="exit code $rc, expected $want (stderr: $(head -n 2 "$TOP/err"))"
    elif ! cmp -s "$TOP/err" "$dir/stderr"; then
        why="stderr differs from $dir/stderr: $(diff "$dir/stderr" "$TOP/err" | sed -n 2,4p | cut -c 1-300)"
    elif [ -f "$dir/stdout" ] && ! cmp -s "$TOP/out" "$dir/stdout"; then
        why="stdout differs from $dir/stdout: $(diff "$dir/stdout" "$TOP/out" | sed -n 2,5p | cut -c 1-300)"
    elif [ -f "$dir/stdout.sh" ] && ! { sh "$dir/stdout.sh" >"$TOP/want" && cmp -s "$TOP/out" "$TOP/want"; }; then
        why="stdout differs from the output of $dir/stdout.sh: $(diff "$TOP/want" "$TOP/out" | sed -n 2,5p | cut -c 1-300)"
    fi
    if [ -n "$why" ]; then
        failed "$name" "$why"
    else
        pass=$((pass + 1))
    fi
done

echo "bad-input: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
