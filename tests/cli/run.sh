#!/bin/sh
# Golden tests of the shebao command line.
#
#   sh tests/cli/run.sh build/shebao          (from the repository root)
#   SHEBAO_VALGRIND=1 sh tests/cli/run.sh build/shebao   every run under valgrind (errors and leaks fail it)
#
# Each case is a directory tests/cli/cases/NAME/ holding
#   cmd              the arguments after the binary, one line of shell words (evaluated: eval set -- $(cat cmd));
#                    empty for no arguments
#   status           the expected exit code
#   stdout           optional: the exact expected standard output (an empty file: no output at all)
#   stderr           optional: the exact expected standard error (an empty file: no output at all)
#   stdout.contains  optional: lines that must each appear in the standard output (grep -F, fixed strings)
#   stderr.contains  optional: the same for the standard error
# A stream with no expectation file is not checked.
#
# After the cases, a JSON round trip for every embedded policy (from `policy list`):
#   policy show ID --format json > FILE; policy show --policy FILE must print the same table as
#   policy show ID apart from the first two lines (policy and lineage), and
#   policy show --policy FILE --format json must print FILE again.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/cli/run.sh PATH/TO/shebao" >&2
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
CASES=tests/cli/cases
if [ ! -d "$CASES" ]; then
    echo "run.sh: run me from the repository root ($CASES not found)" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-cli.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0

# run_bin ARGS... : the binary, under valgrind when SHEBAO_VALGRIND=1
run_bin() {
    if [ "${SHEBAO_VALGRIND:-0}" = 1 ]; then
        valgrind --error-exitcode=99 --leak-check=full -q "$BIN" "$@"
    else
        "$BIN" "$@"
    fi
}

# failed NAME WHY : one line per failure (WHY's own line breaks become " | ")
failed() {
    printf '%s\n' "$2" | awk -v name="$1" 'NR == 1 { printf "FAIL %s: ", name } NR > 1 { printf " | " }
        { printf "%s", $0 } END { print "" }'
    fail=$((fail + 1))
}

# contains FILE PATTERNS : print the first line of PATTERNS not found in FILE, return 1 if there is one
contains() {
    while IFS= read -r line || [ -n "$line" ]; do
        [ -n "$line" ] || continue
        if ! grep -F -q -e "$line" "$1"; then
            printf '%s\n' "$line"
            return 1
        fi
    done <"$2"
    return 0
}

for dir in "$CASES"/*/; do
    [ -d "$dir" ] || continue
    dir=${dir%/}
    name=${dir##*/}
    if [ ! -f "$dir/cmd" ] || [ ! -f "$dir/status" ]; then
        failed "$name" "needs the files cmd and status"
        continue
    fi
    want=$(cat "$dir/status")
    eval set -- $(cat "$dir/cmd")
    run_bin "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    why=
    if [ "$rc" != "$want" ]; then
        why="exit code $rc, expected $want (stderr: $(head -n 2 "$TMP/err"))"
    elif [ -f "$dir/stdout" ] && ! cmp -s "$TMP/out" "$dir/stdout"; then
        why="stdout differs from $dir/stdout: $(diff "$dir/stdout" "$TMP/out" | sed -n 2,4p)"
    elif [ -f "$dir/stderr" ] && ! cmp -s "$TMP/err" "$dir/stderr"; then
        why="stderr differs from $dir/stderr: $(diff "$dir/stderr" "$TMP/err" | sed -n 2,4p)"
    elif [ -f "$dir/stdout.contains" ] && ! missing=$(contains "$TMP/out" "$dir/stdout.contains"); then
        why="stdout lacks: $missing"
    elif [ -f "$dir/stderr.contains" ] && ! missing=$(contains "$TMP/err" "$dir/stderr.contains"); then
        why="stderr lacks: $missing"
    fi
    if [ -n "$why" ]; then
        failed "$name" "$why"
    else
        pass=$((pass + 1))
    fi
done

# JSON round trip of every embedded policy
ids=$(run_bin policy list 2>"$TMP/err" | awk '{ print $1 }')
if [ -z "$ids" ]; then
    failed "round-trip" "policy list printed no policy ($(head -n 1 "$TMP/err"))"
fi
for id in $ids; do
    name="round-trip-$id"
    json=$TMP/$id.json
    if ! run_bin policy show "$id" --format json >"$json" 2>"$TMP/err"; then
        failed "$name" "policy show $id --format json failed: $(head -n 1 "$TMP/err")"
        continue
    fi
    if ! run_bin policy show --policy "$json" >"$TMP/from-file" 2>"$TMP/err"; then
        failed "$name" "policy show --policy FILE failed on the JSON of $id: $(head -n 1 "$TMP/err")"
        continue
    fi
    if ! run_bin policy show "$id" >"$TMP/embedded" 2>"$TMP/err"; then
        failed "$name" "policy show $id failed: $(head -n 1 "$TMP/err")"
        continue
    fi
    tail -n +3 "$TMP/from-file" >"$TMP/from-file.body"
    tail -n +3 "$TMP/embedded" >"$TMP/embedded.body"
    if ! cmp -s "$TMP/embedded.body" "$TMP/from-file.body"; then
        failed "$name" "tables differ: $(diff "$TMP/embedded.body" "$TMP/from-file.body" | sed -n 2,4p)"
        continue
    fi
    if ! run_bin policy show --policy "$json" --format json >"$TMP/again.json" 2>"$TMP/err" ||
        ! cmp -s "$json" "$TMP/again.json"; then
        failed "$name" "the JSON of $id, loaded and shown as JSON again, differs"
        continue
    fi
    pass=$((pass + 1))
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
