#!/bin/sh
# shebao report: the one-page handout (docs/report.md).
#   * every figure on the page is the one `shebao compare --format json` gives for the same options: the page's text
#     (pdftotext) holds, for the lowest, a middle and the highest grade compared at every length, the personal total,
#     the monthly total and the break-even age; the summary's extra a year, extra in all, extra a month and the months
#     to recoup; the advice of an end that is not eligible; the number of non-official values; the policy's display
#     name, its data_through and the date (SOURCE_DATE_EPOCH);
#   * the page is one A4 page, not blank (pdftoppm: dark pixels), its fonts are Noto Sans CJK embedded (pdffonts), and
#     no text has a character without a glyph (the command warns when one has: a box);
#   * the file is written safely: a failed write (ulimit -f) exits 1 and leaves the old file and no temporary file;
#     a name that is not .pdf, the --policy file as --out and a missing --out are usage errors (exit 2).
# The expected figures are read from compare's JSON (jq), never from the page; the page's text is compared with all
# white space removed (a sentence may wrap inside the page).
#
#   sh tests/cli/report.sh build/shebao          (from the repository root; `make check`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init report 1 1 PATH/TO/shebao "$@"
tc_limit 120 600
for tool in pdftotext pdftoppm pdffonts pdfinfo jq; do
    command -v $tool >/dev/null 2>&1 || { echo "report.sh: $tool not found (make deps: poppler-utils, jq)" >&2; exit 2; }
done
# the date printed on the page: a fixed day, and the same day computed by date(1)
SOURCE_DATE_EPOCH=1764806400
export SOURCE_DATE_EPOCH
DAY=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

# under AddressSanitizer (make sanitize): cairo's own leak at the end of a PDF, and only it, is suppressed
# (tests/cli/report.lsan.supp says why); the suppression needs the slow unwinder to see the whole stack
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$(pwd)/tests/cli/report.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS LSAN_OPTIONS

# has NAME TEXT: the page's text ($TMP/page.txt, no white space) holds TEXT (white space removed)
has() {
    want=$(printf '%s' "$2" | tr -d ' \n\t')
    if grep -qF -- "$want" "$TMP/page.txt"; then pass=$((pass + 1)); else failed "$1" "page lacks '$want'"; fi
}
check() {
    what=$1
    shift
    if "$@"; then pass=$((pass + 1)); else failed "$what" "$*"; fi
}

# page NAME LANG ARGS... : the page for ARGS, its text in $TMP/page.txt, compare's JSON for ARGS in $TMP/c.json;
# checks the run, the page's shape, fonts and ink
page() {
    name=$1 lang=$2
    shift 2
    rm -f "$TMP/p.pdf"
    run report "$@" --lang "$lang" --out "$TMP/p.pdf" >"$TMP/out" 2>"$TMP/err"
    code=$?
    if [ $code -ne 0 ] || [ -s "$TMP/err" ] || [ -s "$TMP/out" ]; then
        failed "$name-run" "exit $code, out '$(cat "$TMP/out")', err '$(cat "$TMP/err")'"
        return 1
    fi
    # the same options, minus --name, for compare
    set -- $(printf '%s\n' "$@" | awk 'skip { skip = 0; next } $0 == "--name" { skip = 1; next } { print }')
    run compare "$@" --format json >"$TMP/c.json" 2>"$TMP/err" || { failed "$name-compare" "$(cat "$TMP/err")"; return 1; }
    pdftotext -enc UTF-8 "$TMP/p.pdf" - | tr -d ' \n\t\f' >"$TMP/page.txt"
    info=$(pdfinfo "$TMP/p.pdf")
    check "$name-one-page" sh -c "printf '%s' '$info' | grep -q '^Pages: *1\$'"
    check "$name-a4" sh -c "printf '%s' '$info' | grep -q 'Page size: *595.28 x 841.89 pts (A4)'"
    # fonts: only Noto Sans CJK, each embedded (no fallback font, nothing left to the viewer)
    pdffonts "$TMP/p.pdf" | tail -n +3 >"$TMP/fonts"
    check "$name-fonts-noto" sh -c "[ -s '$TMP/fonts' ] && ! grep -v 'NotoSansCJK' '$TMP/fonts' | grep -q ."
    check "$name-fonts-embedded" sh -c "awk '{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit bad }' '$TMP/fonts'"
    # ink: the page at 30 dpi in grey (248 x 351 pixels); some of its pixels dark (text, table, bars), not most
    pdftoppm -r 30 -gray "$TMP/p.pdf" >"$TMP/p.pgm"
    dark=$(tail -c 86400 "$TMP/p.pgm" | od -An -tu1 -v | tr -s ' ' '\n' | awk 'NF && $1 < 128 { n++ } END { print n + 0 }')
    check "$name-not-blank" [ "$dark" -gt 1000 -a "$dark" -lt 40000 ]
}

# jqr FILTER: one value of compare's JSON, raw
jqr() {
    jq -r "$1" "$TMP/c.json"
}

# the options table: the lowest, a middle (index count/2) and the highest grade compared, at every length
options() {
    name=$1 lang=$2
    jq -r --arg lang "$lang" '
      .grades as $g | ($g | length) as $n
      | ([$g[0]] + (if $n >= 3 then [$g[$n / 2 | floor]] else [] end) + (if $n >= 2 then [$g[$n - 1]] else [] end))
        as $shown
      | .cells[]
      | select(.grade as $cg | any($shown[]; . == $cg))
      | .personal_total,
        (if .eligible then .monthly_total else empty end),
        (if .eligible and .breakeven_age_years != null then
           (.breakeven_age_months as $m | if $lang == "zh" then
              "\(.breakeven_age_years)岁" + (if $m > 0 then "\($m)个月" else "" end)
            else "\(.breakeven_age_years)y" + (if $m > 0 then "\($m)m" else "" end) end) else empty end)' \
      "$TMP/c.json" >"$TMP/figs"
    check "$name-options-some" [ -s "$TMP/figs" ]
    while IFS= read -r f; do has "$name-option" "$f"; done <"$TMP/figs"
}

# the three sentences of the summary, when both ends are eligible
sentences_zh() {
    name=$1
    y=$(jqr .summary.extra_per_year) all=$(jqr .summary.extra_paid) n=$(jqr .summary.from_years)
    m=$(jqr .summary.extra_monthly) r=$(jqr .summary.recoup_months)
    has "$name-per-year" "多缴${y}元"
    has "$name-in-all" "${n}年共多缴${all}元"
    has "$name-monthly" "每月多领${m}元"
    has "$name-recoup" "领$((r / 12))年$((r % 12))个月（${r}个月）回本"
}

# the footer: the number of non-official values, and the date; the title's policy name and data horizon
common_zh() {
    name=$1 policy=$2
    has "$name-nonofficial" "非官方数值 $(jqr '.assumptions | length') 项"
    has "$name-date" "生成日期 $DAY"
    has "$name-policy" "政策：$policy"
    dt=$(jqr '[.assumptions[] | select(.parameter == "data_through") | .value][0] // empty')
    [ -n "$dt" ] && has "$name-data-through" "数据截至 $dt"
}

# ---- one grade table, both ends eligible ---------------------------------------------------------------------
page zj zh --birth 1980-05 --start 2025 --name 张三 && {
    has zj-name "城乡居民养老保险：缴费选择 · 张三"
    has zj-person "1980-05 出生 · 2025 年起缴 · $(jqr .claim_month) 起领"
    options zj zh
    sentences_zh zj
    common_zh zj "浙江省城乡居民基本养老保险（全省最低标准）"
}

# ---- the grade tables change (2024): the summary follows the grades in force each year ---------------------------
page path zh --birth 1975-03 --start 2020 && {
    check path-has-path [ "$(jqr '.path != null')" = true ]
    options path zh
    sentences_zh path
    has path-last-year "按当年最高档缴，最后一年多缴$(jqr .summary.extra_per_year)元"
    common_zh path "浙江省城乡居民基本养老保险（全省最低标准）"
}

# ---- neither end eligible: the sentence of compare, and the advice of the lowest end -----------------------------
page advice zh --birth 1966-05 --start 2025 --backpay 5:3000 && {
    options advice zh
    has advice-sentence "按缴费$(jqr .summary.from_years)年计：最低档和最高档都不符合领取条件（还差$(jqr .summary_ends.lowest.advice.years_missing)年），无法比较待遇。"
    A=.summary_ends.lowest.advice
    has advice-gap "已缴$(jqr $A.years_paid)年，需缴$(jqr $A.years_required)年，还差$(jqr $A.years_missing)年。"
    has advice-none-payable "已没有可以按年缴费的年份（最后可缴年份$(jqr $A.last_payable_year)年）。"
    for end in lowest highest; do
        B=$A.backpay_$end
        w=$([ $end = lowest ] && echo 最低档 || echo 最高档)
        has "advice-$end" "按${w}补缴$(jqr $B.years)年（每年$(jqr $B.grade)元），共$(jqr $B.cost)元，每月可领$(jqr $B.monthly_total)元。"
    done
    has advice-backpay "补缴 5 年 × 3000 元"
}

# ---- a city, years already paid, English ---------------------------------------------------------------------
page tz en --region zhejiang-taizhou --birth 1972-08 --paid 2014-2019:500 --start 2024 && {
    options tz en
    has tz-per-year "costs $(jqr .summary.extra_per_year) more each year"
    has tz-in-all "$(jqr .summary.extra_paid) more in $(jqr .summary.from_years) years"
    has tz-monthly "The pension is $(jqr .summary.extra_monthly) more a month."
    r=$(jqr .summary.recoup_months)
    has tz-recoup "after $((r / 12)) years $((r % 12)) months ($r months) of pension"
    has tz-policy "Policy: Taizhou city districts (Zhejiang)"
    has tz-nonofficial "$(jqr '.assumptions | length') non-official values"
    has tz-date "Made $DAY"
    has tz-paid "years already paid 2014-2019:500"
}

# ---- a character without a glyph: a warning, the page still written ------------------------------------------
run report --birth 1980-05 --start 2025 --name "张三 😀" --out "$TMP/g.pdf" >/dev/null 2>"$TMP/err"
code=$?
check glyph-warned [ $code -eq 0 -a -s "$TMP/g.pdf" ]
check glyph-warning grep -q "has no glyph for some characters" "$TMP/err"

# ---- writing safely ------------------------------------------------------------------------------------------
D=$TMP/io
mkdir -p "$D"
echo old >"$D/r.pdf"
(trap '' XFSZ && ulimit -f 16 && run report --birth 1980-05 --start 2025 --out "$D/r.pdf" >/dev/null 2>"$TMP/err")
code=$?
check write-fails-exit [ $code -eq 1 ]
check write-fails-message [ "$(cat "$TMP/err")" = "shebao: cannot write the report '$D/r.pdf': File too large" ]
check write-fails-old-kept [ "$(cat "$D/r.pdf")" = old ]
check write-fails-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "r.pdf " ]
run report --birth 1980-05 --start 2025 --out "$D/nodir/r.pdf" >/dev/null 2>"$TMP/err"
code=$?
check no-dir-exit [ $code -eq 4 ]
check no-dir-message grep -q "^shebao: cannot write the report '$D/nodir/r.pdf': No such file or directory\$" "$TMP/err"
run report --birth 1980-05 --start 2025 --out "$D/r.png" >/dev/null 2>"$TMP/err"
check not-pdf [ $? -eq 2 ]
check not-pdf-message grep -q "^shebao: --out '$D/r.png': the file name must end in .pdf" "$TMP/err"
cp data/policies/zhejiang.json "$D/p.pdf"
run report --policy "$D/p.pdf" --birth 1980-05 --start 2025 --out "$D/p.pdf" >/dev/null 2>"$TMP/err"
check same-as-policy [ $? -eq 2 ]
check same-as-policy-kept cmp -s "$D/p.pdf" data/policies/zhejiang.json
run report --birth 1980-05 --start 2025 >/dev/null 2>"$TMP/err"
check no-out [ $? -eq 2 ]
check no-out-message grep -q "^shebao: report needs --out FILE.pdf" "$TMP/err"
# the options: help, a bad language, a bad back payment, a name of two lines (the messages written from the rules)
run report --help >"$TMP/out" 2>"$TMP/err"
check help [ $? -eq 0 -a ! -s "$TMP/err" ]
check help-text grep -q "^usage: shebao report " "$TMP/out"
run report --birth 1980-05 --start 2025 --out "$D/r.pdf" --lang fr >/dev/null 2>"$TMP/err"
check bad-lang [ $? -eq 2 ]
check bad-lang-message [ "$(cat "$TMP/err")" = "shebao: --lang must be zh, en or both, not 'fr' (see 'shebao help')" ]
run report --birth 1980-05 --start 2025 --out "$D/r.pdf" --backpay 3 >/dev/null 2>"$TMP/err"
check bad-backpay [ $? -eq 4 ]
check bad-backpay-message [ "$(cat "$TMP/err")" = "shebao: --backpay '3': expected N:GRADE (e.g. 5:1000)" ]
run report --birth 1980-05 --start 2025 --out "$D/r.pdf" --name "$(printf 'a\nb')" >/dev/null 2>"$TMP/err"
check bad-name [ $? -eq 2 ]
check refused-old-kept [ "$(cat "$D/r.pdf")" = old ]
check refused-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "p.pdf r.pdf " ]
run report --birth 1980-05 --start 2025 --out "$D/r.pdf" >/dev/null 2>"$TMP/err"
check written [ "$(head -c 5 "$D/r.pdf")" = "%PDF-" ]
check written-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "p.pdf r.pdf " ]

tc_summary report.sh
