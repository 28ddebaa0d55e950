#!/bin/sh
# Malformed-policy tests: every tests/bad-policies/NAME.json must be refused by
# `shebao policy check tests/bad-policies/NAME.json` with exit code 3, nothing on stdout, and exactly the one
# line of NAME.err on stderr. Companion files that are not cases live in tests/bad-policies/aux/.
#
#   sh tests/bad-policies/run.sh build/shebao          (from the repository root)
#   SHEBAO_VALGRIND=1 sh tests/bad-policies/run.sh build/shebao   each case also under valgrind (leaks and
#                                         errors fail it); each run counts once in the summary

if [ $# -ne 1 ]; then
    echo "usage: sh tests/bad-policies/run.sh PATH/TO/shebao" >&2
    exit 2
fi
BIN=$1
case $BIN in
*/*) ;;
*) BIN=./$BIN ;;
esac
if [ ! -x "$BIN" ]; then
    echo "run.sh: $BIN is not an executable" >&2
    exit 2
fi
DIR=tests/bad-policies
if [ ! -d "$DIR" ]; then
    echo "run.sh: run me from the repository root ($DIR not found)" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-bad.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0

# check NAME LABEL CMD... : run CMD, compare with the expectations of NAME
check() {
    name=$1
    label=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    why=
    if [ "$rc" -ne 3 ]; then
        why="exit code $rc, expected 3"
    elif [ -s "$TMP/out" ]; then
        why="stdout not empty: $(head -n 1 "$TMP/out")"
    elif ! cmp -s "$TMP/err" "$DIR/$name.err"; then
        why="stderr: got '$(head -n 3 "$TMP/err")', expected '$(cat "$DIR/$name.err")'"
    fi
    if [ -n "$why" ]; then
        # one line per failure: the message's own line breaks become " | "
        printf '%s\n' "$why" | awk -v name="$name$label" 'NR == 1 { printf "FAIL %s: ", name }
            NR > 1 { printf " | " } { printf "%s", $0 } END { print "" }'
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
}

for f in "$DIR"/*.json; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .json)
    if [ ! -f "$DIR/$name.err" ]; then
        echo "FAIL $name: $DIR/$name.err is missing"
        fail=$((fail + 1))
        continue
    fi
    check "$name" "" "$BIN" policy check "$f"
    if [ "${SHEBAO_VALGRIND:-0}" = 1 ]; then
        check "$name" " (valgrind)" valgrind --error-exitcode=99 --leak-check=full -q "$BIN" policy check "$f"
    fi
done

# an expectation without its case is a mistake (a renamed or deleted .json)
for e in "$DIR"/*.err; do
    [ -e "$e" ] || continue
    name=$(basename "$e" .err)
    if [ ! -f "$DIR/$name.json" ]; then
        echo "FAIL $name: $DIR/$name.json is missing (orphan $name.err)"
        fail=$((fail + 1))
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
