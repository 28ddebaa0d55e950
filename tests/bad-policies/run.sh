#!/bin/sh
# Malformed-policy tests: every tests/bad-policies/NAME.json must be refused by
# `shebao policy check tests/bad-policies/NAME.json` with exit code 3, nothing on stdout, and exactly the one
# line of NAME.err on stderr. Companion files that are not cases live in tests/bad-policies/aux/.
#
#   sh tests/bad-policies/run.sh build/shebao          (from the repository root)
#   SHEBAO_VALGRIND=1 sh tests/bad-policies/run.sh build/shebao   each case also under valgrind (leaks and
#                                         errors fail it); each run counts once in the summary
#
# The runs are judged by the runner of every suite, tests/lib/cases.sh (each within 60 s, 600 s under valgrind).

. "$(dirname "$0")/../lib/cases.sh"
tc_init bad 1 1 PATH/TO/shebao "$@"
DIR=tests/bad-policies
if [ ! -d "$DIR" ]; then
    echo "run.sh: run me from the repository root ($DIR not found)" >&2
    exit 2
fi
VALGRIND_TOO=$VG # SHEBAO_VALGRIND=1: each case runs twice, as it is and under valgrind

# check NAME LABEL : run `policy check DIR/NAME.json` and compare with the expectations of NAME
check() {
    tc_exec policy check "$DIR/$1.json" </dev/null
    want_out=/dev/null
    want_err=$DIR/$1.err
    want_out_sh=
    want_out_has=
    want_err_has=
    want_out_lacks=
    tc_judge 3
    tc_result "$1$2"
}

for f in "$DIR"/*.json; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .json)
    if [ ! -f "$DIR/$name.err" ]; then
        failed "$name" "$DIR/$name.err is missing"
        continue
    fi
    VG=
    LIMIT=60
    check "$name" ""
    if [ -n "$VALGRIND_TOO" ]; then
        VG=$VALGRIND
        LIMIT=600
        check "$name" " (valgrind)"
    fi
done

# an expectation without its case is a mistake (a renamed or deleted .json)
for e in "$DIR"/*.err; do
    [ -e "$e" ] || continue
    name=$(basename "$e" .err)
    if [ ! -f "$DIR/$name.json" ]; then
        failed "$name" "$DIR/$name.json is missing (orphan $name.err)"
    fi
done

tc_summary bad-policies
