#!/bin/sh
# Input and output of the command line, where the case format of tests/cli/run.sh does not reach (a redirection,
# files set up before a run and checked after it):
#   * every command writing to a full device (/dev/full) ends with exit 1 and one line,
#     "shebao: write error on standard output: No space left on device", never with success;
#   * batch refuses an input that is not a file it can read (standard input on a directory) with exit 4.
# The expected exit codes and messages are written by hand from the rules (README.md, docs/scale.md).
#
#   sh tests/cli/io.sh build/shebao          (from the repository root; `make check`)
#   SHEBAO_VALGRIND=1 sh tests/cli/io.sh build/shebao   every run under valgrind (`make check-valgrind`)

if [ $# -ne 1 ]; then
    echo "usage: sh tests/cli/io.sh PATH/TO/shebao" >&2
    exit 2
fi
BIN=$1
case $BIN in
/*) ;;
*) BIN=$(pwd)/$BIN ;;
esac
if [ ! -x "$BIN" ]; then
    echo "io.sh: $BIN is not an executable" >&2
    exit 2
fi
if [ ! -d tests/cli/data ]; then
    echo "io.sh: run me from the repository root (tests/cli/data not found)" >&2
    exit 2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-io.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
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

# run ARGS... : the binary (under valgrind when asked), at most LIMIT seconds; the caller redirects
run() {
    timeout "$LIMIT" $RUNNER "$BIN" "$@"
}

failed() {
    printf 'FAIL %s: %s\n' "$1" "$2"
    fail=$((fail + 1))
}

# expect NAME RC WANT_RC ERRFILE WANT_STDERR : the exit code and the exact standard error (the time and rate of a
# batch summary line replaced by S and R)
expect() {
    sed -E 's/, [0-9]+\.[0-9]+ s, [0-9]+ rows\/s$/, S s, R rows\/s/' "$4" >"$4.norm"
    printf '%s\n' "$5" >"$TMP/want.err"
    if [ "$2" != "$3" ]; then
        failed "$1" "exit code $2, expected $3 (stderr: $(head -n 2 "$4" | tr '\n' ' '))"
        return 1
    elif ! cmp -s "$4.norm" "$TMP/want.err"; then
        failed "$1" "stderr: $(tr '\n' '|' <"$4.norm"), expected: $(tr '\n' '|' <"$TMP/want.err")"
        return 1
    fi
    pass=$((pass + 1))
    return 0
}

# check NAME TEST... : one more check, passed when the test command succeeds
check() {
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        failed "$name" "failed: $*"
    fi
}

FULL='shebao: write error on standard output: No space left on device'

# full NAME ARGS... : standard output on /dev/full
full() {
    name=$1
    shift
    run "$@" >/dev/full 2>"$TMP/err" </dev/null
    expect "full-$name" $? 1 "$TMP/err" "$FULL"
}

IN=$TMP/people.csv
printf 'id,birth,sex,plan,collective,backpay\n1,1980-01,female,,,5:1000\n' >"$IN"

full version version
full help help
full policy-list policy list
full policy-show policy show zhejiang
full policy-show-json policy show zhejiang --format json
full policy-check policy check tests/cli/data/user-standalone.json
full project project --birth 1975-03 --grade 2000 --start 2020 --years 15
full project-json project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format json
full project-explain project --birth 1975-03 --grade 2000 --start 2020 --years 15 --explain
full compare compare --birth 1980-05 --start 2025
full compare-json compare --birth 1980-05 --start 2025 --format json
full ltc-assess ltc assess --adl 10,10,5,10,10,10,15,15,10,5 --cognition 4,4,4,4 --perception 4,4,4 --format json
full ltc-benefit ltc benefit --region zhejiang-hangzhou --grade 5 --mode home_visit --month 2025-06 --hours 40 \
    --price 60
full ltc-fund ltc fund --region zhejiang-hangzhou --group employee --month 2025-01
full ltc-cost ltc cost --beneficiaries 1000 --grade-mix 3:0.5,4:0.3,5:0.2 --mode-mix institution:0.6,home_visit:0.4 \
    --months 12 --from 2025-01 --cost 2400 --hours 30 --price 60
# batch: the rows are all projected (the output is held in a buffer until the end), then the write fails
run batch --threads 1 --in "$IN" >/dev/full 2>"$TMP/err"
expect full-batch $? 1 "$TMP/err" "$FULL
batch: rows 1, ok 0, not eligible 1, errors 0, S s, R rows/s"

# an input that cannot be read as a file: exit 4 (docs/scale.md), nothing written
run batch <"$TMP" >"$TMP/out" 2>"$TMP/err"
expect stdin-directory $? 4 "$TMP/err" "shebao: standard input: Is a directory"
check stdin-directory-nothing-written [ ! -s "$TMP/out" ]

echo "io: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
