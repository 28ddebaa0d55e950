#!/bin/sh
# --explain in the language of the run (#13; docs/internals.md, "Messages and catalogues"):
#   - zh: the lines of the trail are formatted from the Chinese of po/libshebao/zh_CN.po; the expected lines below
#     are written here from the rules and the translations, not copied from a run; no English word of the trail's
#     vocabulary is left outside the policy parameters quoted in {...} (values, never translated);
#   - en: no Chinese character in the trail;
#   - both (a bare environment): the English trail, the same lines as en (the golden cases project-explain-both and
#     employee-plan-explain-both of tests/cli/cases hold today's bytes);
#   - JSON: the same bytes in every language (its "explain" is English).
#
#   sh tests/cli/explain_zh.sh build/shebao          (from the repository root; `make cli-tests`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init explain-zh 1 1 PATH/TO/shebao "$@"

# has_cjk FILE: a Chinese character (E3-E9 lead bytes: U+3000-U+9FFF) in FILE
has_cjk() { LC_ALL=C grep -q "$(printf '[\343-\351]')" "$1"; }
# english_left FILE: the words of the trail's English vocabulary left in FILE once the quoted policy parameters
# ({...}) are taken out
english_left() {
    sed -e 's/{[^}]*}//g' -e 's/cl2010-2013-pension//g' "$1" |
        grep -o -w -i -E 'claim|month|months|years?|birth|offset|deposit|grade|subsidy|collective|interest|balance|with|method|account|pension|divisor|rounding|base|series|force|carried|forward|past|band|supplement|total|age|paid|since|payments?|funeral|grant|lifetime|break-even|smallest|sum|personal|life|table|linear|within|each|male|female|ledger|wage|index|projected|assumed|floor|ceiling|credit|form|plan|benefit|policy|none|average|PV|worth|IRR|expected|inheritable|eligibility|required|back|no' |
        sort -u | tr '\n' ' '
}
# trail FILE OUT: the explanation of a `project --explain` table run (between its heading and the first empty line)
trail() { sed -n '2,/^$/p' "$1" | sed '/^$/d' >"$2"; }

# ---- project --explain ------------------------------------------------------------------------------------------
# Born 1964-12, grade 300 a year 2010-2024 (15 years) under zhejiang, "now" 2026-01.
set -- project --birth 1964-12 --grade 300 --start 2010 --years 15 --as-of 2026-01 --explain
run_bin "$@" --lang zh >"$TOP/zh.out" 2>"$TOP/err" || failed project-zh-status "$(cat "$TOP/err")"
if [ "$(head -n 1 "$TOP/zh.out")" = "计算过程" ]; then passed; else failed project-zh-heading "$(head -n 1 "$TOP/zh.out")"; fi
trail "$TOP/zh.out" "$TOP/zh"
# expect_line NAME FILE LINE: a line of FILE starts with LINE (the policy parameter quoted after it is not checked)
expect_line() {
    if awk -v s="$3" 'index($0, s) == 1 { found = 1 } END { exit !found }' "$2"; then passed
    else failed "$1" "no line starting [$3]"; fi
}
# claim_age 60 and benefit_start_offset_months 1 (zhejiang): 1964-12 + 60 years + 1 month = 2025-01
expect_line project-claim-month "$TOP/zh" "领取月份 = 出生 1964-12 + 领取年龄 60 岁 + 推后 1 个月 = 2025-01   {"
# grade 300 with its subsidy 30 (zhejiang's grade table from 2010-01), no collective subsidy: D = 330
expect_line project-deposit "$TOP/zh" "2010  存入 D = 档次 300.00 + 政府补贴 30.00 + 集体补助 0.00 = 330.00   {"
# The account by hand, in fen, year_end interest I = fen_half_up(B·r) on the balance brought forward, D = 33000
# each year 2010-2024, the rates of zhejiang's interest table: 2010 2.25%, 2011 2.75%, 2012 3.5%, 2013-2014 3%,
# 2015 2.75%, 2016-2021 1.5%, 2022-2024 2.46%:
#   B = 0 → 33000 → 66908 → 102250 → 138318 → 175468 → 213293 → 249492 → 286234 → 323528 → 361381 → 399802 →
#   438799 → 482593 → 527465 → 573441, so B = 5734.41 at the claim; ÷ 139 (计发月数) = 41.2547 → 41.25.
balance=$(awk 'BEGIN { split("225 275 350 300 300 275 150 150 150 150 150 150 246 246 246", r, " "); B = 0
    for (i = 1; i <= 15; i++) B += 33000 + int((B * r[i] * 2 + 10000) / 20000); print B }')
if [ "$balance" = 573441 ]; then passed; else failed project-hand-balance "$balance"; fi
expect_line project-account "$TOP/zh" \
    "领取  个人账户养老金 = fen_half_up(个人账户余额 B ÷ 计发月数) = fen_half_up(5734.41 ÷ 139) = 41.25   {"
expect_line project-balance "$TOP/zh" "2024  个人账户余额 B = 5734.41   （计息方法 year_end）"
left=$(english_left "$TOP/zh")
if [ -z "$left" ]; then passed; else failed project-zh-no-english "English left: $left"; fi
if [ "$(wc -l <"$TOP/zh")" -gt 40 ]; then passed; else failed project-zh-lines "$(wc -l <"$TOP/zh") lines"; fi

run_bin "$@" --lang en >"$TOP/en.out" 2>"$TOP/err" || failed project-en-status "$(cat "$TOP/err")"
if [ "$(head -n 1 "$TOP/en.out")" = "How it was computed" ]; then passed; else failed project-en-heading "$(head -n 1 "$TOP/en.out")"; fi
trail "$TOP/en.out" "$TOP/en"
if has_cjk "$TOP/en"; then failed project-en-no-cjk "$(LC_ALL=C grep "$(printf '[\343-\351]')" "$TOP/en" | head -n 2)"
else passed; fi
expect_line project-en-account "$TOP/en" \
    "claim  account pension = fen_half_up(B / divisor) = fen_half_up(5734.41 / 139) = 41.25   {"
# both: the same English trail under the two-language heading
run_bin "$@" >"$TOP/both.out" 2>"$TOP/err"
trail "$TOP/both.out" "$TOP/both"
if cmp -s "$TOP/both" "$TOP/en"; then passed; else failed project-both-is-english "$(diff "$TOP/both" "$TOP/en" | head -n 3)"; fi
if [ "$(wc -l <"$TOP/zh")" = "$(wc -l <"$TOP/en")" ]; then passed; else failed project-same-lines "zh and en differ"; fi

# ---- employee --plan --explain ----------------------------------------------------------------------------------
# A flexible worker born 1965-06 paying 60% of the average wage in 2024 (zhejiang's 99722 a year): wage 99722/12 =
# 8310.1666 → 8310.17 a month, base 0.6 × 8310.17 = 4986.10, 12 months at the rate 0.2: 4986.10 × 0.2 × 12 = 11966.64
set -- employee --birth 1965-06 --category male --plan 2024:60% --paid-years 15 --index 1 --explain
run_bin "$@" --lang zh >"$TOP/ezh.out" 2>"$TOP/err" || failed employee-zh-status "$(cat "$TOP/err")"
sed '/^$/q' "$TOP/ezh.out" >"$TOP/ezh"
expect_line employee-ledger "$TOP/ezh" \
    "账户 2024  社会平均工资 99722.00/12 = 8310.17，缴费基数 4986.10（指数 0.6000），12 个月按费率 0.2 缴 11966.64，"
# the monthly total 2044.70 and the break-even by hand in tests/cli/cases/employee-plan-one-year/README.md
expect_line employee-break-even "$TOP/ezh" "终身  回本月数 m = ceil(个人缴费合计 11966.64 ÷ 月养老金 2044.70) = 6（2026-01，60岁7个月）"
left=$(english_left "$TOP/ezh")
if [ -z "$left" ]; then passed; else failed employee-zh-no-english "English left: $left"; fi
run_bin "$@" --lang en >"$TOP/een.out" 2>"$TOP/err"
sed '/^$/q' "$TOP/een.out" >"$TOP/een"
if has_cjk "$TOP/een"; then failed employee-en-no-cjk "$(head -n 2 "$TOP/een")"; else passed; fi
run_bin "$@" >"$TOP/eboth.out" 2>"$TOP/err"
sed '/^$/q' "$TOP/eboth.out" >"$TOP/eboth"
if cmp -s "$TOP/eboth" "$TOP/een" && [ -s "$TOP/een" ]; then passed; else failed employee-both-is-english "differs"; fi

# ---- JSON: the same bytes in every language ---------------------------------------------------------------------
while IFS='|' read -r name args; do
    eval "set -- $args"
    run_bin "$@" >"$TOP/j.both" 2>/dev/null
    for l in zh en; do
        run_bin "$@" --lang "$l" >"$TOP/j.$l" 2>/dev/null
        if cmp -s "$TOP/j.both" "$TOP/j.$l" && grep -q '"explain"' "$TOP/j.both"; then passed
        else failed "json-$name-$l" "$(diff "$TOP/j.both" "$TOP/j.$l" | head -n 3)"; fi
    done
done <<EOF
project|project --birth 1964-12 --grade 300 --start 2010 --years 15 --as-of 2026-01 --explain --format json
employee|employee --birth 1965-06 --category male --plan 2024:60% --paid-years 15 --index 1 --explain --format json
EOF

tc_summary explain-zh
