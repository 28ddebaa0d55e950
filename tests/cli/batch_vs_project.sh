#!/bin/sh
# `shebao batch` at scale: a generated population of ROWS people (bench/gen_population: mixed
# grades, one- and two-segment plans across the 2024 grade-table change, back payments, collective subsidies,
# both sexes) goes through `shebao batch`, and
#   1. rows in = rows out, the ids in input order, every status ok or not_eligible (the population is valid);
#   2. the output is byte-identical on 1 thread, on 3 threads (uneven slices) and on the default (all cores);
#   3. SAMPLES rows spread over the file give, column by column, what `shebao project --format csv` gives for the
#      same person (status, claim month, years paid, balance, the four parts of the pension, the total, the
#      personal total, the break-even month, the EPV): batch and project reach the figures by different calls
#      (the summary API and shebao_project with its getters).
#
#   sh tests/cli/batch_vs_project.sh build/shebao build/bench/gen_population [ROWS [SAMPLES]]

. "$(dirname "$0")/../lib/cases.sh"
tc_init batch 2 4 "PATH/TO/shebao PATH/TO/gen_population [ROWS [SAMPLES]]" "$@"
GEN=$2
ROWS=${3:-1000000}
SAMPLES=${4:-200}
T=batch-vs-project

"$GEN" "$ROWS" >"$TMP/in.csv" || { failed $T "$GEN failed"; exit 1; }
for t in 1 3 default; do
    if [ "$t" = default ]; then set --; else set -- --threads "$t"; fi
    "$BIN" batch "$@" --in "$TMP/in.csv" --out "$TMP/out-$t.csv" 2>"$TMP/err-$t"
    rc=$?
    [ "$rc" -eq 0 ] || failed $T "batch --threads $t: exit code $rc ($(head -n 2 "$TMP/err-$t" | tr '\n' ' '))"
done
for t in 3 default; do
    cmp -s "$TMP/out-1.csv" "$TMP/out-$t.csv" || failed $T "the output on --threads $t differs from --threads 1"
done
OUT=$TMP/out-1.csv

# 1. rows in = rows out (no field of this population holds a line break), same ids in the same order
rin=$(($(wc -l <"$TMP/in.csv") - 1))
rout=$(($(wc -l <"$OUT") - 1))
[ "$rin" -eq "$ROWS" ] || failed $T "gen_population wrote $rin rows, not $ROWS"
[ "$rout" -eq "$rin" ] || failed $T "rows in $rin, rows out $rout"
cut -d, -f1 "$TMP/in.csv" >"$TMP/ids-in"
cut -d, -f1 "$OUT" >"$TMP/ids-out"
cmp -s "$TMP/ids-in" "$TMP/ids-out" || failed $T "the ids of the output are not those of the input, in order"
bad=$(tail -n +2 "$OUT" | cut -d, -f2 | grep -v -x -e ok -e not_eligible | sort | uniq -c | head -n 3)
[ -z "$bad" ] || failed $T "statuses other than ok and not_eligible: $bad ($(grep -m 1 ',error,' "$OUT"))"
tail -n 1 "$TMP/err-1" | grep -q "^batch: rows $ROWS, " || failed $T "summary: $(tail -n 1 "$TMP/err-1")"

# 3. sampled rows against project: input rows 1, 1 + step, 1 + 2 step, ... (line k + 1 of both files)
step=$((ROWS / SAMPLES))
[ "$step" -ge 1 ] || step=1
awk -v step="$step" 'NR >= 2 && (NR - 2) % step == 0' "$TMP/in.csv" >"$TMP/sample-in"
awk -v step="$step" 'NR >= 2 && (NR - 2) % step == 0' "$OUT" >"$TMP/sample-out"
n=0
while IFS= read -r row; do
    n=$((n + 1))
    # id,birth,sex,plan,collective,backpay with the plan quoted when it holds a comma -> '|'-separated
    printf '%s\n' "$row" |
        sed -E 's/^([^,]*),([^,]*),([^,]*),("([^"]*)"|([^,]*)),([^,]*),([^,]*)$/\1|\2|\3|\5\6|\7|\8/' >"$TMP/row"
    IFS='|' read -r id birth sex plan coll backpay <"$TMP/row"
    set -- project --birth "$birth" --sex "$sex" --plan "$plan" --format csv
    [ -n "$coll" ] && set -- "$@" --collective "$coll"
    [ -n "$backpay" ] && set -- "$@" --backpay "$backpay"
    if ! "$BIN" "$@" >"$TMP/project.csv" 2>"$TMP/err"; then
        failed $T "$id: project failed: $(head -n 1 "$TMP/err")"
        continue
    fi
    { head -n 1 "$OUT"; sed -n "${n}p" "$TMP/sample-out"; } >"$TMP/batch.csv"
    awk -F, -v id="$id" '
        FNR == 1 { for (i = 1; i <= NF; i++) name[FILENAME, i] = $i; next }
        FNR == 2 { for (i = 1; i <= NF; i++) v[FILENAME, name[FILENAME, i]] = $i }
        END {
            if (v[ARGV[2], "id"] != id) { print id ": batch row has id " v[ARGV[2], "id"]; exit }
            if (v[ARGV[1], "status"] == "" || v[ARGV[2], "status"] == "") { print id ": no status column"; exit }
            split("status claim_month years_paid balance account_pension base_pension years_pension " \
                  "age_supplement monthly_total personal_total breakeven_month epv_benefits", cols, " ")
            for (c in cols)
                if (v[ARGV[1], cols[c]] != v[ARGV[2], cols[c]])
                    print id ": " cols[c] " project " v[ARGV[1], cols[c]] " batch " v[ARGV[2], cols[c]]
        }' "$TMP/project.csv" "$TMP/batch.csv" >"$TMP/diff"
    [ -s "$TMP/diff" ] && failed $T "$(head -n 3 "$TMP/diff" | tr '\n' '|')"
done <"$TMP/sample-in"
[ "$n" -ge "$SAMPLES" ] || [ "$n" -eq "$ROWS" ] || failed $T "only $n rows sampled"

if [ "$fail" -eq 0 ]; then
    echo "batch-vs-project: $ROWS rows in = out, identical on 1, 3 and all threads; $n sampled rows equal project's"
fi
[ "$fail" -eq 0 ]
