#!/bin/sh
# Same digits, old and new: runs two builds of the CLI over a generated population and requires byte-identical
# JSON. For a change to the lifetime figures (the IRR, the inheritable balance, the EPV) that must not change any
# printed digit: build the old binary first (e.g. `git stash; make; cp build/shebao /tmp/shebao-old`).
#   sh bench/irr_same.sh OLD_SHEBAO NEW_SHEBAO GEN_POPULATION [PEOPLE [COMPARES [SEED]]]
# Each person of `gen_population PEOPLE SEED` (birth, sex, plan, collective subsidy, back payment) is projected
# (`project --format json`: ledger, pension, EPV, PV of contributions, money's worth, IRR, inheritable balance)
# with a discount rate, a base growth and a region taken in turn from small lists (so the IRR is searched up and
# down from 0 and the inheritance runs with and without interest after the claim); every
# PEOPLE/COMPARES-th person is also compared (`compare --format json`: 7 grades × 2-6 lengths, each a full
# projection). Prints the counts and the first differences; exit 1 on any difference. Not part of `make test`
# (it needs an old binary); docs/performance.md gives the run that proves the fast paths.
set -eu
OLD=$1
NEW=$2
GEN=$3
N=${4:-2000}
NC=${5:-100}
SEED=${6:-1}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-irr-same.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
"$GEN" "$N" "$SEED" | tail -n +2 >"$TMP/people"
every=$((N / (NC > 0 ? NC : 1)))
[ "$every" -ge 1 ] || every=1
set -- 0.025 0 0.01 0.04 0.07 0.015 0.099
discounts=$*
i=0 same=0 differ=0 irrs=0 cmp=0 noirr=0 inel=0 errs=0
pick() { # pick K WORDS...: the (K mod count)-th word
    k=$1
    shift
    shift $((k % $#))
    echo "$1"
}
while IFS= read -r row; do
    i=$((i + 1))
    # id,birth,sex,plan,collective,backpay with the plan quoted when it holds a comma -> '|'-separated
    printf '%s\n' "$row" |
        sed -E 's/^([^,]*),([^,]*),([^,]*),("([^"]*)"|([^,]*)),([^,]*),([^,]*)$/\1|\2|\3|\5\6|\7|\8/' >"$TMP/row"
    IFS='|' read -r id birth sex plan coll backpay <"$TMP/row"
    # shellcheck disable=SC2086
    d=$(pick "$i" $discounts)
    g=$(pick $((i / 7)) 0 0.02 0 0.05 0.01)
    r=$(pick $((i / 3)) zhejiang zhejiang-taizhou zhejiang-jinhua zhejiang-zhoushan national)
    set -- project --region "$r" --birth "$birth" --sex "$sex" --plan "$plan" --discount "$d" --base-growth "$g" \
        --as-of 2026-12 --format json
    [ -n "$coll" ] && set -- "$@" --collective "$coll"
    [ -n "$backpay" ] && set -- "$@" --backpay "$backpay"
    "$OLD" "$@" >"$TMP/a" 2>&1 || true
    "$NEW" "$@" >"$TMP/b" 2>&1 || true
    if cmp -s "$TMP/a" "$TMP/b"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        [ "$differ" -le 3 ] && { echo "differs: shebao $*"; diff "$TMP/a" "$TMP/b" | head -n 6; }
    fi
    if grep -q '"irr": "' "$TMP/a"; then irrs=$((irrs + 1)); sed -n 's/.*"irr": "\(.*\)".*/\1/p' "$TMP/a" >>"$TMP/irr"
    elif grep -q '"irr": null' "$TMP/a"; then noirr=$((noirr + 1))
    elif grep -q '"eligible": false' "$TMP/a"; then inel=$((inel + 1))
    else errs=$((errs + 1)); fi
    if [ $((i % every)) -eq 0 ]; then
        start=${plan%%-*}
        start=${start%%:*}
        set -- compare --region "$r" --birth "$birth" --sex "$sex" --start "$start" --discount "$d" --format json
        [ -n "$coll" ] && set -- "$@" --collective "$coll"
        "$OLD" "$@" >"$TMP/a" 2>&1 || true
        "$NEW" "$@" >"$TMP/b" 2>&1 || true
        cmp=$((cmp + 1))
        if cmp -s "$TMP/a" "$TMP/b"; then
            same=$((same + 1))
            grep -o '"irr": "[^"]*"' "$TMP/a" | sed 's/.*: "//; s/"//' >>"$TMP/irr" || true
        else
            differ=$((differ + 1))
            [ "$differ" -le 3 ] && { echo "differs: shebao $*"; diff "$TMP/a" "$TMP/b" | head -n 6; }
        fi
    fi
done <"$TMP/people"
touch "$TMP/irr"
echo "irr_same: $i projections ($irrs with an IRR, $noirr without, $inel not eligible, $errs refused)," \
    "$cmp compares;" \
    "$same outputs identical, $differ different; $(wc -l <"$TMP/irr") IRRs printed," \
    "$(sort -u "$TMP/irr" | wc -l) distinct, from $(sort -g "$TMP/irr" | head -n 1) to $(sort -g "$TMP/irr" | tail -n 1)"
[ "$differ" -eq 0 ]
