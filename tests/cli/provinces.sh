#!/bin/sh
# The example policies of other provinces (examples/policies/, docs/policy-format.md "Writing a policy for your
# county"), run through the CLI against the figures their sources publish. Each expected value is the published
# one, or where the source prints a display rounding, the hand calculation written beside it (research note
# ../shared/research/urrbpi.md §5 and issue #15). Columns of `project --format csv`: 4 balance, 5 account pension,
# 6 base pension, 7 years pension, 9 monthly total.
#
#   sh tests/cli/provinces.sh build/shebao        (from the repository root; `make test`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init provinces 1 1 PATH/TO/shebao "$@"
DIR=examples/policies
if [ ! -d "$DIR" ]; then
    echo "provinces.sh: run me from the repository root ($DIR not found)" >&2
    exit 2
fi

# expect NAME POLICY "BALANCE ACCOUNT BASE YEARS TOTAL" PROJECT-ARGS... : the claim's figures of one person
expect() {
    name=$1 policy=$2 want=$3
    shift 3
    tc_exec project --policy "$DIR/$policy" --mortality none --format csv "$@" </dev/null
    got=$(awk -F, 'NR == 2 { print $4, $5, $6, $7, $9 }' "$RUN/out")
    if [ "$rc" -ne 0 ]; then
        failed "$name" "exit $rc: $(cat "$RUN/err")"
    elif [ "$got" != "$want" ]; then
        failed "$name" "got '$got', expected '$want'"
    else
        passed
    fi
}

# 梅州 (urrbpi.md §5.1): the printed table, 15 years of each grade, base 170, no interest, no subsidy. Account =
# 15·grade/139 half up: 2700/139 = 19.424 → 19.42, 3600/139 = 25.899 → 25.90, 5400/139 = 38.849 → 38.85,
# 9000/139 = 64.748 → 64.75, 13500/139 = 97.122 → 97.12, 27000/139 = 194.245 → 194.24, 54000/139 = 388.489 →
# 388.49, 72000/139 = 517.986 → 517.99; totals as printed (170 + account).
mz() { expect "meizhou-$1" meizhou.json "$2 $3 170.00 0.00 $4" --birth 1964-12 --grade "$1" --start 2010 --years 15; }
mz 180 2700.00 19.42 189.42
mz 240 3600.00 25.90 195.90
mz 360 5400.00 38.85 208.85
mz 600 9000.00 64.75 234.75
mz 900 13500.00 97.12 267.12
mz 1800 27000.00 194.24 364.24
mz 3600 54000.00 388.49 558.49
mz 4800 72000.00 517.99 687.99
# beyond 15 years the Guangdong bonus of 3 a year (not in the table): 17 years of 180 = 3060, 3060/139 = 22.014 →
# 22.01; years pension 2 × 3 = 6.00; total 170 + 22.01 + 6 = 198.01
expect meizhou-17-years meizhou.json "3060.00 22.01 170.00 6.00 198.01" --birth 1966-12 --grade 180 --start 2010 --years 17

# 上海 2021 (§5.2): 18 years of 2300 with subsidy 525: B = 2825 × 18 = 50850, 50850/139 = 365.827 → 365.83; base
# 1200 + 20 × (18 − 15) = 1260 (here 1200 and a years pension of 60); total 1625.83 (the guide's '1626' is display)
expect shanghai-2021 shanghai-2021.json "50850.00 365.83 1200.00 60.00 1625.83" \
    --birth 1961-01 --grade 2300 --start 2003 --years 18

# 石家庄 (§5.3): 130 a year for 15 years at 3.5 %, each deposit earning its whole year (year_start), the interest
# half up to the fen each year: b ← round((b + 130) × 1.035). By hand: 134.55, 273.81, 417.94, 567.12, 721.52,
# 881.32, 1046.72, 1217.91, 1395.09, 1578.47, 1768.27, 1964.71, 2168.02, 2378.45, 2596.25 — interest 2596.25 − 1950
# = 646.25 (the article: 646.2); account 2596.25/139 = 18.678 → 18.68; total 55 + 18.68 = 73.68 (the article: 73.6)
expect shijiazhuang shijiazhuang.json "2596.25 18.68 55.00 0.00 73.68" --birth 1964-12 --grade 100 --start 2010 --years 15

# 济南 (§5.4): base 160 from 2021-07, 15 years, no interest: 1950/139 = 14.029 → 14.03 (printed '14', total 174);
# 16200/139 = 116.547 → 116.55 ('116', 276); 76200/139 = 548.201 → 548.20 ('548', 708). The printed whole yuan are
# the totals cut to the yuan, checked below.
expect jinan-100 jinan.json "1950.00 14.03 160.00 0.00 174.03" --birth 1961-06 --grade 100 --start 2006 --years 15
expect jinan-1000 jinan.json "16200.00 116.55 160.00 0.00 276.55" --birth 1961-06 --grade 1000 --start 2006 --years 15
expect jinan-5000 jinan.json "76200.00 548.20 160.00 0.00 708.20" --birth 1961-06 --grade 5000 --start 2006 --years 15
for row in "100 174" "1000 276" "5000 708"; do
    set -- $row
    tc_exec project --policy "$DIR/jinan.json" --mortality none --format csv --birth 1961-06 --grade "$1" \
        --start 2006 --years 15 </dev/null
    shown=$(awk -F, 'NR == 2 { split($9, a, "."); print a[1] }' "$RUN/out")
    if [ "$shown" = "$2" ]; then passed; else failed "jinan-$1-printed" "total cut to the yuan is '$shown', printed $2"; fi
done

# Nanjing-style (issue #15): 20 years of 1000, no subsidy, no interest: 20000/139 = 143.885 → 143.88; years pension
# yuan_half_up(616 × 1 % × 5 = 30.80) = 31.00; total 616 + 143.88 + 31 = 790.88
expect nanjing-style nanjing-style.json "20000.00 143.88 616.00 31.00 790.88" \
    --birth 1964-12 --grade 1000 --start 2005 --years 20
# 15 years: no bonus: 15000/139 = 107.913 → 107.91; total 616 + 107.91 = 723.91
expect nanjing-style-15 nanjing-style.json "15000.00 107.91 616.00 0.00 723.91" \
    --birth 1964-12 --grade 1000 --start 2010 --years 15

# every example policy passes `policy check` and `policy show`
for f in "$DIR"/*.json; do
    tc_exec policy show --policy "$f" </dev/null
    if [ "$rc" -eq 0 ]; then passed; else failed "show-$(basename "$f")" "exit $rc: $(cat "$RUN/err")"; fi
done

tc_summary provinces
