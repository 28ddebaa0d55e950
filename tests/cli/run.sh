#!/bin/sh
# Golden tests of the shebao command line.
#
#   sh tests/cli/run.sh build/shebao          (from the repository root)
#   SHEBAO_VALGRIND=1 sh tests/cli/run.sh build/shebao   every run under valgrind (errors and leaks fail it)
#
# Each case is a folder tests/cli/cases/NAME/ holding at least cmd and status; the format (cmd, status, stdout,
# stderr, stdout.contains, stderr.contains, ...) is described in tests/lib/cases.sh, the runner of every suite.
# A stream with no expectation file is not checked.
#
# After the cases, a JSON round trip for every embedded policy (from `policy list`):
#   policy show ID --format json > FILE; policy show --policy FILE must print the same table as
#   policy show ID apart from the first two lines (policy and lineage), and
#   policy show --policy FILE --format json must print FILE again.

. "$(dirname "$0")/../lib/cases.sh"
tc_init cli 1 1 PATH/TO/shebao "$@"

tc_run_cases tests/cli/cases cmd status

# JSON round trip of every embedded policy
ids=$(run_bin policy list 2>"$TOP/err" | awk '{ print $1 }')
if [ -z "$ids" ]; then
    failed "round-trip" "policy list printed no policy ($(head -n 1 "$TOP/err"))"
fi
for id in $ids; do
    name="round-trip-$id"
    json=$TOP/$id.json
    if ! run_bin policy show "$id" --format json >"$json" 2>"$TOP/err"; then
        failed "$name" "policy show $id --format json failed: $(head -n 1 "$TOP/err")"
        continue
    fi
    if ! run_bin policy show --policy "$json" >"$TOP/from-file" 2>"$TOP/err"; then
        failed "$name" "policy show --policy FILE failed on the JSON of $id: $(head -n 1 "$TOP/err")"
        continue
    fi
    if ! run_bin policy show "$id" >"$TOP/embedded" 2>"$TOP/err"; then
        failed "$name" "policy show $id failed: $(head -n 1 "$TOP/err")"
        continue
    fi
    tail -n +3 "$TOP/from-file" >"$TOP/from-file.body"
    tail -n +3 "$TOP/embedded" >"$TOP/embedded.body"
    if ! cmp -s "$TOP/embedded.body" "$TOP/from-file.body"; then
        failed "$name" "tables differ: $(diff "$TOP/embedded.body" "$TOP/from-file.body" | sed -n 2,4p)"
        continue
    fi
    if ! run_bin policy show --policy "$json" --format json >"$TOP/again.json" 2>"$TOP/err" ||
        ! cmp -s "$json" "$TOP/again.json"; then
        failed "$name" "the JSON of $id, loaded and shown as JSON again, differs"
        continue
    fi
    passed
done

tc_summary cli
