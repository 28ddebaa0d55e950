#!/bin/sh
# `shebao choose` against the commands it is made of: every resident cell equals `shebao project` with that grade
# over the same years, and every employee row equals `shebao employee --plan` with the same plan (personal total,
# monthly total, break-even, EPV, PV of the payments, money's worth, IRR, inheritable balance, N, Z).
#
#   sh tests/cli/choose_vs.sh build/shebao

. "$(dirname "$0")/../lib/cases.sh"
tc_init choose 1 1 PATH/TO/shebao "$@"

# rows ARRAY FILE: one line per object of the top-level array "ARRAY": key=value|key=value|... (strings unquoted)
rows() {
    awk -v arr="  \"$1\": [" '
        $0 == arr { inside = 1; next }
        inside && /^  \]/ { exit }
        inside && /^    \{/ { line = ""; next }
        inside && /^    \}/ { print line; next }
        inside && /^      "/ { k = $1; sub(/:$/, "", k); gsub(/"/, "", k); v = $0; sub(/^[^:]*: /, "", v)
                              sub(/,$/, "", v); gsub(/"/, "", v); line = line k "=" v "|" }' "$2"
}

# get KEY ROW: the value of KEY in a row of rows()
get() {
    printf '%s\n' "$2" | tr '|' '\n' | awk -F= -v k="$1" '$1 == k { print substr($0, length(k) + 2); exit }'
}

# member PATH FILE: a member of an indented JSON document, "name" at the top level or "object.name"
member() {
    case $1 in
    *.*) obj=${1%%.*} name=${1#*.} ;;
    *) obj= name=$1 ;;
    esac
    awk -v name="\"$name\":" -v obj="$obj" '
        obj == "" && /^  "/ && $1 == name { v = $2; sub(/,$/, "", v); gsub(/"/, "", v); print v; exit }
        obj != "" && $0 == "  \"" obj "\": {" { inside = 1; next }
        inside && /^  }/ { exit }
        inside && $1 == name { v = $2; sub(/,$/, "", v); gsub(/"/, "", v); print v; exit }' "$2"
}

# same NAME WHAT A B: count a comparison
same() {
    if [ -z "$3" ] || [ "$3" != "$4" ]; then
        failed "$1" "$2: choose $3, other $4"
        return 1
    fi
    return 0
}

checked=0

# check BIRTH SEX CATEGORY START [PAID]: PAID, resident years already paid (choose --paid), comes before each
# project's plan
check() {
    birth=$1 sex=$2 cat=$3 start=$4 paid=${5:-}
    name="choose $birth $sex $cat $start $paid"
    if ! "$BIN" choose --birth "$birth" --sex "$sex" --category "$cat" --start "$start" ${paid:+--paid "$paid"} \
        --format json >"$TMP/choose.json" 2>"$TMP/err"; then
        failed "$name" "choose failed: $(head -n 1 "$TMP/err")"
        return
    fi
    rows resident "$TMP/choose.json" >"$TMP/res"
    rows employee "$TMP/choose.json" >"$TMP/emp"
    if [ "$(wc -l <"$TMP/res")" -lt 2 ] || [ "$(wc -l <"$TMP/emp")" -ne 5 ]; then
        failed "$name" "$(wc -l <"$TMP/res") resident cells, $(wc -l <"$TMP/emp") employee rows"
        return
    fi
    while read -r row; do
        grade=$(get grade "$row") years=$(get years "$row")
        if ! "$BIN" project --birth "$birth" --sex "$sex" --plan "${paid:+$paid,}$start-$((start + years - 1)):$grade" \
            --format json >"$TMP/p.json" 2>"$TMP/err"; then
            failed "$name" "project --grade $grade --years $years: $(head -n 1 "$TMP/err")"
            continue
        fi
        members="personal_total claim_month years_paid eligible"
        [ "$(get eligible "$row")" = false ] || members="$members monthly_total:claim.monthly_total
            breakeven_month:lifetime.breakeven_month epv_benefits:lifetime.epv_benefits
            pv_contributions:lifetime.pv_contributions moneys_worth_ratio:lifetime.moneys_worth_ratio irr:lifetime.irr
            expected_inheritable_balance:lifetime.expected_inheritable_balance"
        for m in $members; do
            same "$name" "resident $grade $m" "$(get "${m%%:*}" "$row")" "$(member "${m#*:}" "$TMP/p.json")" &&
                checked=$((checked + 1))
        done
    done <"$TMP/res"
    while read -r row; do
        plan=$(get plan "$row")
        if ! "$BIN" employee --birth "$birth" --category "$cat" --plan "$plan" --format json >"$TMP/e.json" \
            2>"$TMP/err"; then
            failed "$name" "employee --plan $plan: $(head -n 1 "$TMP/err")"
            continue
        fi
        for m in personal_total years_paid index retirement_month eligible monthly_total:claim.monthly_total \
            breakeven_month:lifetime.breakeven_month epv_benefits:lifetime.epv_benefits \
            pv_contributions:lifetime.pv_contributions moneys_worth_ratio:lifetime.moneys_worth_ratio \
            irr:lifetime.irr expected_inheritable_balance:lifetime.expected_inheritable_balance; do
            want=$(member "${m#*:}" "$TMP/e.json")
            [ -n "$want" ] || want=null # a lifetime that is null as a whole
            same "$name" "employee $plan $m" "$(get "${m%%:*}" "$row")" "$want" && checked=$((checked + 1))
        done
    done <"$TMP/emp"
    passed
}

check 1978-03 male male 2019
check 1980-05 male male 2025
check 1976-06 female female50 2019
check 1972-09 female female55 2020
# born in December (the resident claim in January of the year after the 60th birthday: 1979-12 + 60 y 1 m = 2040-01)
check 1979-12 male male 2019
# ... starting in the last payable resident year, 2039 (one year paid: not eligible on either side)
check 1979-12 male male 2039
# a woman born in December who starts in the year she retires (female55: 55 years and 3 months, 2026-03)
check 1970-12 female female55 2026
# a woman with years already paid (2010-2014 at 300: the resident cells are project's over both segments)
check 1975-12 female female55 2025 2010-2014:300
# a woman's category without --sex is a woman: the same document as with --sex female
"$BIN" choose --birth 1976-06 --category female50 --start 2019 --format json >"$TMP/a.json" 2>&1
"$BIN" choose --birth 1976-06 --sex female --category female50 --start 2019 --format json >"$TMP/b.json" 2>&1
if cmp -s "$TMP/a.json" "$TMP/b.json"; then passed; else failed "choose female50 without --sex" "not the woman's"; fi
if [ "$fail" -eq 0 ]; then
    echo "choose-vs: $checked figures identical to project and employee --plan"
fi
tc_summary choose-vs
