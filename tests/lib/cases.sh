# The shell test helper: the preamble of every shell test and the one case runner. POSIX sh, sourced, never run:
#
#   . "$(dirname "$0")/../lib/cases.sh"
#   tc_init TAG MIN MAX USAGE "$@"     arguments, $BIN, the scratch folder $TOP (= $TMP), removed on exit
#   tc_limit SECONDS VALGRIND_SECONDS  $VG and $LIMIT: the valgrind prefix (SHEBAO_VALGRIND=1) and the time limit
#   run_bin ARGS...                    the binary, under valgrind when SHEBAO_VALGRIND=1
#   run ARGS...                        the same within $LIMIT s (timeout(1): 124 on a hang; a suite may redefine it)
#   failed NAME WHY / passed           one line per failure ("FAIL NAME: WHY"), counted in $fail and $pass
#   tc_summary LABEL                   "LABEL: N passed, M failed"; its status is the script's (0: none failed)
#   tc_run_cases DIR FILE...           every case folder DIR/NAME/ (the format below), each needing FILE...
#
# Used by tests/cli/run.sh, tests/bad-input/run.sh, tests/bad-policies/run.sh and the other tests/cli/*.sh.
#
# ---- the case format ----------------------------------------------------------------------------------------
# Each case is a folder NAME/ holding
#   cmd              the arguments after the binary: shell words, evaluated (eval "set -- $(cat cmd)"); $CASE is
#                    the case folder (absolute), $TMP a scratch folder emptied before each case; empty for none
#   status           the expected exit code
#   stdout           optional: the exact expected standard output (an empty file: no output at all) ...
#   stdout.sh        ... or a script whose output it is (for outputs too large to keep)
#   stderr           optional: the exact expected standard error (an empty file: no output at all)
#   stdout.contains  optional: lines that must each appear in the standard output (grep -F, fixed strings)
#   stderr.contains  optional: the same for the standard error
#   stdout.lacks     optional: lines that must not appear in the standard output (grep -F)
#   stdin            optional: a file given as standard input (otherwise /dev/null) ...
#   stdin.sh         ... or a script whose output is (for inputs too large to keep, such as a 10 MB field)
# A stream with no expectation file is not checked; a suite may require some of the files (tc_run_cases). In the
# summary line of `shebao batch` the measured time and rate are replaced by S and R before stderr is compared
# (", 0.004 s, 512 rows/s" -> ", S s, R rows/s"). The scripts run from the repository root.
#
# A run fails on: no answer within $LIMIT s (a hang; 60 s, 600 s under valgrind unless the suite says otherwise),
# a valgrind error or leak (exit code 99 under valgrind), a signal (a crash), then the first expectation missed.

VALGRIND='valgrind --error-exitcode=99 --leak-check=full -q'

# The same results whatever the caller's locale: shebao's default language comes from LC_ALL, LC_MESSAGES and LANG
# (--lang), and the expected outputs are those of the default of a bare environment, both.
unset LC_ALL LC_MESSAGES LANG LANGUAGE

pass=0
fail=0

# tc_init TAG MIN MAX USAGE ARGS... : MIN to MAX arguments, the first the shebao binary (made absolute, so that a
# test may change folder); a scratch folder $TOP, also $TMP, named after TAG and removed on exit.
tc_init() {
    _tag=$1
    _min=$2
    _max=$3
    _usage=$4
    shift 4
    if [ $# -lt "$_min" ] || [ $# -gt "$_max" ]; then
        echo "usage: sh $0 $_usage" >&2
        exit 2
    fi
    case $1 in
    /*) BIN=$1 ;;
    *) BIN=$(pwd)/$1 ;;
    esac
    if [ ! -x "$BIN" ]; then
        echo "${0##*/}: $BIN is not an executable" >&2
        exit 2
    fi
    TOP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-$_tag.XXXXXX") || exit 2
    TMP=$TOP
    trap 'rm -rf "$TOP"' EXIT
    trap 'exit 130' INT TERM
    RUN=$TOP/.run # the runner's own files
    mkdir "$RUN" || exit 2
    tc_limit 60 600
}

# tc_limit SECONDS VALGRIND_SECONDS : $LIMIT for one run of tc_exec, and $VG, the valgrind prefix when
# SHEBAO_VALGRIND=1 (else empty)
tc_limit() {
    if [ "${SHEBAO_VALGRIND:-0}" = 1 ]; then
        VG=$VALGRIND
        LIMIT=$2
    else
        VG=
        LIMIT=$1
    fi
}

# run_bin ARGS... : the binary, under valgrind when SHEBAO_VALGRIND=1 (no time limit)
run_bin() {
    $VG "$BIN" "$@"
}

# run ARGS... : the binary, under valgrind when SHEBAO_VALGRIND=1, within $LIMIT s; the caller redirects
run() {
    timeout "$LIMIT" $VG "$BIN" "$@"
}

# failed NAME WHY : one line per failure (WHY's own line breaks become " | ")
failed() {
    printf '%s\n' "$2" | awk -v name="$1" 'NR == 1 { printf "FAIL %s: ", name } NR > 1 { printf " | " }
        { printf "%s", $0 } END { print "" }'
    fail=$((fail + 1))
}

passed() {
    pass=$((pass + 1))
}

tc_summary() {
    echo "$1: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}

# tc_exec ARGS... : one run of the binary ($VG, within $LIMIT s), standard input as given to tc_exec; leaves the
# exit code in $rc, stdout in $RUN/out, stderr in $RUN/err.raw and, with batch timings replaced, in $RUN/err
tc_exec() {
    timeout "$LIMIT" $VG "$BIN" "$@" >"$RUN/out" 2>"$RUN/err.raw"
    rc=$?
    sed -E 's/, [0-9]+\.[0-9]+ s, [0-9]+ rows\/s$/, S s, R rows\/s/' "$RUN/err.raw" >"$RUN/err"
}

# tc_judge_run STATUS [STDERR] : $why is empty when the last run (exit code $rc, standard error in the file STDERR,
# by default tc_exec's) ended by itself with exit code STATUS, else the reason
tc_judge_run() {
    _err=${2:-$RUN/err.raw}
    why=
    if [ "$rc" = 124 ]; then
        why="no answer within $LIMIT s (a hang)"
    elif [ "$rc" = 99 ] && [ -n "$VG" ]; then
        why="valgrind: $(grep -m 3 '==[0-9]*==' "$_err" | tr '\n' ' ')"
    elif [ "$rc" -ge 128 ]; then
        why="killed by signal $((rc - 128)) (a crash): $(head -n 2 "$_err")"
    elif [ "$rc" != "$1" ]; then
        why="exit code $rc, expected $1 (stderr: $(head -n 2 "$_err"))"
    fi
}

# tc_contains FILE PATTERNS : print the first line of PATTERNS not found in FILE, return 1 if there is one
tc_contains() {
    while IFS= read -r _line || [ -n "$_line" ]; do
        [ -n "$_line" ] || continue
        if ! grep -F -q -e "$_line" "$1"; then
            printf '%s\n' "$_line"
            return 1
        fi
    done <"$2"
    return 0
}

# tc_lacks FILE PATTERNS : print the first line of PATTERNS found in FILE, return 1 if there is one
tc_lacks() {
    while IFS= read -r _line || [ -n "$_line" ]; do
        [ -n "$_line" ] || continue
        if grep -F -q -e "$_line" "$1"; then
            printf '%s\n' "$_line"
            return 1
        fi
    done <"$2"
    return 0
}

# tc_diff WANT GOT : the first lines of the difference, cut to 300 characters each
tc_diff() {
    diff "$1" "$2" | sed -n 2,5p | cut -c 1-300
}

# tc_judge STATUS : tc_judge_run, then the streams against the expectations named by
#   want_err, want_out  files (want_out=/dev/null: no output at all), want_out_sh  a script printing stdout,
#   want_out_has, want_err_has  files of lines each stream must contain, want_out_lacks  lines stdout must not
#   contain; an empty name is not checked
tc_judge() {
    tc_judge_run "$1"
    [ -z "$why" ] || return 0
    if [ -n "$want_err" ] && ! cmp -s "$RUN/err" "$want_err"; then
        why="stderr differs from $want_err: $(tc_diff "$want_err" "$RUN/err")"
    elif [ -n "$want_out" ] && ! cmp -s "$RUN/out" "$want_out"; then
        if [ "$want_out" = /dev/null ]; then
            why="stdout not empty: $(head -n 2 "$RUN/out" | cut -c 1-300)"
        else
            why="stdout differs from $want_out: $(tc_diff "$want_out" "$RUN/out")"
        fi
    elif [ -n "$want_out_sh" ] && ! { sh "$want_out_sh" >"$RUN/want" && cmp -s "$RUN/out" "$RUN/want"; }; then
        why="stdout differs from the output of $want_out_sh: $(tc_diff "$RUN/want" "$RUN/out")"
    elif [ -n "$want_out_has" ] && ! _missing=$(tc_contains "$RUN/out" "$want_out_has"); then
        why="stdout lacks: $_missing"
    elif [ -n "$want_err_has" ] && ! _missing=$(tc_contains "$RUN/err" "$want_err_has"); then
        why="stderr lacks: $_missing"
    elif [ -n "$want_out_lacks" ] && ! _found=$(tc_lacks "$RUN/out" "$want_out_lacks"); then
        why="stdout has what it must not: $_found"
    fi
}

# tc_result NAME : count the judged run as passed, or print why it failed
tc_result() {
    if [ -n "$why" ]; then
        failed "$1" "$why"
    else
        passed
    fi
}

# tc_want DIR : the expectations of the case folder DIR (the files it has)
tc_want() {
    want_err=
    want_out=
    want_out_sh=
    want_out_has=
    want_err_has=
    want_out_lacks=
    [ ! -f "$1/stderr" ] || want_err=$1/stderr
    [ ! -f "$1/stdout" ] || want_out=$1/stdout
    [ ! -f "$1/stdout.sh" ] || want_out_sh=$1/stdout.sh
    [ ! -f "$1/stdout.contains" ] || want_out_has=$1/stdout.contains
    [ ! -f "$1/stderr.contains" ] || want_err_has=$1/stderr.contains
    [ ! -f "$1/stdout.lacks" ] || want_out_lacks=$1/stdout.lacks
}

# tc_and WORD... : "a", "a and b", "a, b and c"
tc_and() {
    _list=$1
    shift
    while [ $# -gt 1 ]; do
        _list="$_list, $1"
        shift
    done
    [ $# -eq 0 ] || _list="$_list and $1"
    printf '%s\n' "$_list"
}

# tc_case DIR FILE... : run and judge the case folder DIR, which must hold FILE...
tc_case() {
    _dir=$1
    _name=${_dir##*/}
    shift
    for _f in "$@"; do
        if [ ! -f "$_dir/$_f" ]; then
            failed "$_name" "needs the files $(tc_and "$@")"
            return
        fi
    done
    case $_dir in
    /*) CASE=$_dir ;;
    *) CASE=$(pwd)/$_dir ;;
    esac
    TMP=$TOP/case
    rm -rf "$TMP"
    mkdir -p "$TMP"
    if [ -f "$_dir/stdin.sh" ]; then
        if ! sh "$_dir/stdin.sh" >"$RUN/in"; then
            failed "$_name" "stdin.sh failed"
            return
        fi
    elif [ -f "$_dir/stdin" ]; then
        cp "$_dir/stdin" "$RUN/in"
    else
        : >"$RUN/in"
    fi
    eval "set -- $(cat "$_dir/cmd")"
    tc_exec "$@" <"$RUN/in"
    tc_want "$_dir"
    tc_judge "$(cat "$_dir/status")"
    tc_result "$_name"
}

# tc_run_cases DIR FILE... : every case folder under DIR, in the order of the shell's glob, each needing FILE...
tc_run_cases() {
    _cases=$1
    shift
    if [ ! -d "$_cases" ]; then
        echo "${0##*/}: run me from the repository root ($_cases not found)" >&2
        exit 2
    fi
    for _d in "$_cases"/*/; do
        [ -d "$_d" ] || continue
        tc_case "${_d%/}" "$@"
    done
}
