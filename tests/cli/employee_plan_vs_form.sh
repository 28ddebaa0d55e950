#!/bin/sh
# `shebao employee --plan` against `shebao employee` from the form the plan implies: for each plan, the "form" of
# the plan's JSON (retirement month, N, Z, account, and the benefit base when projected) is given to `employee`
# as its own inputs, and the two "claim" objects must be identical, member by member.
#
#   sh tests/cli/employee_plan_vs_form.sh build/shebao

. "$(dirname "$0")/../lib/cases.sh"
tc_init eplan 1 1 PATH/TO/shebao "$@"

# member NAME OBJECT FILE: the value of "NAME" inside the top-level object "OBJECT" of an indented JSON document
member() {
    awk -v name="\"$1\":" -v obj="  \"$2\": {" '
        $0 == obj { inside = 1; next }
        inside && /^  }/ { exit }
        inside && $1 == name { v = $2; sub(/,$/, "", v); gsub(/"/, "", v); print v; exit }' "$3"
}

# block OBJECT FILE: the lines of the top-level object "OBJECT"
block() {
    awk -v obj="  \"$1\": {" '$0 == obj { inside = 1; next } inside && /^  }/ { exit } inside' "$2"
}

# check BIRTH CATEGORY PLAN [ARGS...]
check() {
    birth=$1
    cat=$2
    plan=$3
    shift 3
    name="plan-vs-form $birth $cat $plan $*"
    if ! "$BIN" employee --birth "$birth" --category "$cat" --plan "$plan" "$@" --format json >"$TMP/plan.json" \
        2>"$TMP/err"; then
        failed "$name" "employee --plan failed: $(head -n 1 "$TMP/err")"
        return
    fi
    set -- --retire "$(member retirement_month form "$TMP/plan.json")" \
        --years-paid "$(member years_paid form "$TMP/plan.json")" --index "$(member index form "$TMP/plan.json")" \
        --account "$(member account form "$TMP/plan.json")"
    base=$(member benefit_base form "$TMP/plan.json")
    [ "$base" = null ] || set -- "$@" --benefit-base "$base"
    if ! "$BIN" employee --birth "$birth" --category "$cat" "$@" --format json >"$TMP/form.json" 2>"$TMP/err"; then
        failed "$name" "employee $*: $(head -n 1 "$TMP/err")"
        return
    fi
    block claim "$TMP/plan.json" >"$TMP/a"
    block claim "$TMP/form.json" >"$TMP/b"
    if [ "$(wc -l <"$TMP/a")" -lt 8 ]; then
        failed "$name" "no claim in the plan's JSON"
    elif ! cmp -s "$TMP/a" "$TMP/b"; then
        failed "$name" "claims differ: $(diff "$TMP/a" "$TMP/b" | grep '^[<>]' | head -n 2 | tr '\n' '|')"
    else
        passed
    fi
}

check 1965-06 male 2024:60% --paid-years 15 --index 1
check 1965-06 male 2020-2022:60% --paid-years 13 --index 0.7
check 1965-06 male 2019-2025:300%
check 1976-06 female50 2019-2026:100% --paid-years 11 --index 0.9 --retire 2026-06
check 1980-05 male 2022-2040:100%,2041-2042:60%
check 1975-03 female55 2025-2028:5000,2029-2030:60% --paid-years 12 --index 0.8 --wage-growth 0.02
check 1990-01 male 2025-2053:150% --retire 2054-01
tc_summary employee-plan-vs-form
