#!/bin/sh
# `shebao compare --birth 1980-05 --start 2025` on the embedded policy matches
# `shebao project` cell by cell. For every row of `compare --format csv`, run `project` with that grade and
# length and compare every column the two CSVs share (status, claim month, years paid, balance, the four parts
# of the pension, the total, the personal total, the break-even month, the EPV). Also a grid that spans the
# Zhejiang 2024 grade-table change, for a woman.
#
#   sh tests/cli/compare_vs_project.sh build/shebao

. "$(dirname "$0")/../lib/cases.sh"
tc_init cmp 1 1 PATH/TO/shebao "$@"

cells=0

# check BIRTH START [EXTRA ARGS...]
check() {
    birth=$1
    start=$2
    shift 2
    if ! "$BIN" compare --birth "$birth" --start "$start" "$@" --format csv >"$TMP/compare.csv" 2>"$TMP/err"; then
        failed compare-vs-project "compare --birth $birth --start $start $*: $(head -n 1 "$TMP/err")"
        return
    fi
    rows=$(($(wc -l <"$TMP/compare.csv") - 1))
    if [ "$rows" -lt 2 ]; then
        failed compare-vs-project "compare --birth $birth --start $start printed $rows cell(s)"
        return
    fi
    tail -n +2 "$TMP/compare.csv" | while IFS=, read -r grade years rest; do
        "$BIN" project --birth "$birth" --grade "$grade" --start "$start" --years "$years" "$@" --format csv \
            >"$TMP/project.csv" 2>"$TMP/err" || { echo "project failed: $(head -n 1 "$TMP/err")"; continue; }
        # join the two CSVs on their column names: each shared column of project's row must equal compare's
        awk -F, -v grade="$grade" -v years="$years" '
            FNR == 1 { for (i = 1; i <= NF; i++) name[FILENAME, i] = $i; n[FILENAME] = NF; next }
            FILENAME == ARGV[1] && $1 == grade && $2 == years { for (i = 1; i <= NF; i++) c[name[FILENAME, i]] = $i; found = 1 }
            FILENAME == ARGV[2] && FNR == 2 { for (i = 1; i <= NF; i++) p[name[FILENAME, i]] = $i }
            END {
                if (!found) { print "cell " grade " x " years " not found"; exit }
                shared = 0
                for (k in p) if (k in c) { shared++; if (p[k] != c[k]) print grade " x " years ": " k " project " p[k] " compare " c[k] }
                if (shared < 12) print grade " x " years ": only " shared " shared columns"
            }' "$TMP/compare.csv" "$TMP/project.csv"
    done >"$TMP/diff"
    if [ -s "$TMP/diff" ]; then
        failed "compare-vs-project (--birth $birth --start $start $*)" "$(head -n 3 "$TMP/diff" | tr '\n' '|')"
    fi
    cells=$((cells + rows))
}

# project's own options that compare also takes pass through to both (here: --sex)
check 1980-05 2025
check 1975-03 2020 --sex female

if [ "$fail" -eq 0 ]; then
    echo "compare-vs-project: $cells cells identical to shebao project"
fi
[ "$fail" -eq 0 ]
