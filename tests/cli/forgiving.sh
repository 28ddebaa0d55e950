#!/bin/sh
# Help and forgiving input (issue #13): what a guide types at the table is read, or refused with the right form.
#   * help: `shebao help CMD`, `shebao CMD --help` and `shebao CMD -h` print the command's usage and an example
#     (exit 0) for every command and every command of a group (policy, ltc), and for the groups themselves; the
#     examples run;
#   * tolerant input: full-width digits and punctuation (０-９，：－．), the ideographic space, spaces after commas
#     and months typed 2024/3, 2024.3, 2024年3月 give byte-identical JSON (and batch CSV) to the ASCII forms;
#   * refusals name the mistake and show the right form, Chinese first: a thousands separator (--grade 2,000:
#     write 2000), a percentage (--discount 2.5: write 0.025), a missing value (--grade --start 2025: --grade needs
#     a value), a repeated option;
#   * batch: --encoding gb18030 reads Excel's Chinese CSV (the same output as the UTF-8 file); GB18030 input without
#     it gets the hint; a header split by ';' or a tab, in another case, or with a name one edit away is named;
#     the years_missing column by the rule of docs/scale.md.
# Every expected figure and message is written by hand from the rules (include/shebao.h, docs/scale.md).
#
#   sh tests/cli/forgiving.sh build/shebao          (from the repository root; `make cli-tests`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init forgiving 1 1 PATH/TO/shebao "$@"

# same NAME "TOLERANT ARGS" "ASCII ARGS": both succeed with the same standard output, byte for byte
same() {
    _name=$1
    _ascii=$3
    eval "set -- $2"
    if ! run_bin "$@" >"$TOP/a" 2>"$TOP/ea"; then
        failed "$_name" "the tolerant form failed: $(head -n 1 "$TOP/ea")"
        return
    fi
    eval "set -- $_ascii"
    if ! run_bin "$@" >"$TOP/b" 2>"$TOP/eb"; then
        failed "$_name" "the ASCII form failed: $(head -n 1 "$TOP/eb")"
        return
    fi
    if [ ! -s "$TOP/b" ] || ! cmp -s "$TOP/a" "$TOP/b"; then
        failed "$_name" "outputs differ: $(diff "$TOP/a" "$TOP/b" | sed -n 2,3p)"
        return
    fi
    passed
}

# refused NAME STATUS "ARGS": exit STATUS with one line on standard error (has checks what it says)
refused() {
    _name=$1
    _status=$2
    eval "set -- $3"
    run_bin "$@" >/dev/null 2>"$TOP/err"
    _rc=$?
    if [ "$_rc" -ne "$_status" ]; then
        failed "$_name" "exit $_rc, expected $_status: $(head -n 1 "$TOP/err")"
        return
    fi
    if [ "$(wc -l <"$TOP/err")" -ne 1 ]; then
        failed "$_name" "not one line: $(cat "$TOP/err")"
        return
    fi
    passed
}

# has NAME TEXT: the last refusal's message holds TEXT
has() {
    if grep -qF -- "$2" "$TOP/err"; then
        passed
    else
        failed "$1" "'$2' not in: $(cat "$TOP/err")"
    fi
}

# ---- help ----------------------------------------------------------------------------------------------------
for c in version help policy "policy list" "policy show" "policy grades" "policy check" project ltc "ltc assess" \
    "ltc benefit" "ltc fund" "ltc cost" compare batch retire employee serve; do
    for how in "help $c" "$c --help" "$c -h"; do
        # shellcheck disable=SC2086 # (the words of the command)
        if ! run_bin $how >"$TOP/help" 2>"$TOP/err"; then
            failed "help: $how" "exit not 0: $(head -n 1 "$TOP/err")"
        elif ! head -n 1 "$TOP/help" | grep -qF "usage: shebao $c"; then
            failed "help: $how" "first line: $(head -n 1 "$TOP/help")"
        elif ! grep -qF -x "example:" "$TOP/help" || ! grep -q "^  shebao $c" "$TOP/help"; then
            failed "help: $how" "no example of shebao $c"
        elif [ -s "$TOP/err" ]; then
            failed "help: $how" "stderr: $(head -n 1 "$TOP/err")"
        else
            passed
        fi
    done
done
if run_bin help 2>/dev/null | head -n 1 | grep -qF "usage: shebao <command>"; then passed; else
    failed "help" "not the usage"; fi
# every example runs (exit 0), from the repository root (policy check names a file there); compare writes its chart
# into the scratch folder; batch (its files) and serve (a server) are not run
for c in version help policy "policy list" "policy show" "policy grades" "policy check" project ltc "ltc assess" \
    "ltc benefit" "ltc fund" "ltc cost" compare retire employee; do
    # shellcheck disable=SC2086
    ex=$(run_bin help $c 2>/dev/null | sed -n '/^example:$/{n;s/^  shebao //p;}')
    root=$(pwd)
    [ "$c" = compare ] && cd "$TOP"
    # shellcheck disable=SC2086 # (the words of the example)
    if run_bin $ex >/dev/null 2>"$TOP/err"; then passed; else
        failed "example of $c" "shebao $ex: $(head -n 1 "$TOP/err")"; fi
    cd "$root" || exit 2
done

# ---- tolerant input: the same bytes as the ASCII form ---------------------------------------------------------
P='--as-of 2026-01 --format json'
same project-fullwidth-grade "project --birth 1975-03 --grade ２０００ --start ２０２０ --years １５ $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-fullwidth-space "project --birth '　1975-03　' --grade ' 2000 ' --start 2020 --years 15 $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-month-slash "project --birth 1975/3 --grade 2000 --start 2020 --years 15 $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-month-dot "project --birth 1975.3 --grade 2000 --start 2020 --years 15 $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-month-zh "project --birth 1975年3月 --grade 2000 --start 2020 --years 15 --as-of 2026年1月 --format json" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-month-fullwidth "project --birth １９７５－０３ --grade 2000 --start 2020 --years 15 --as-of=２０２６．１ --format json" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 $P"
same project-plan-fullwidth "project --birth 1975-03 --plan '2020-2029：２０００，　2030-2034:3000' $P" \
    "project --birth 1975-03 --plan 2020-2029:2000,2030-2034:3000 $P"
same project-plan-spaces "project --birth 1975-03 --plan '2020-2029:2000, 2030-2034:3000' $P" \
    "project --birth 1975-03 --plan 2020-2029:2000,2030-2034:3000 $P"
same project-backpay-fullwidth "project --birth 1965-06 --plan 2020-2024:1000 --backpay ５：１０００ --discount ０．０３ $P" \
    "project --birth 1965-06 --plan 2020-2024:1000 --backpay 5:1000 --discount 0.03 $P"
same project-collective-fullwidth "project --birth 1975-03 --grade 2000 --start 2020 --years 15 --collective １００．５ $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 --collective 100.5 $P"
same project-choice-fullwidth "project --birth 1975-03 --grade 2000 --start 2020 --years 15 --sex ｆｅｍａｌｅ $P" \
    "project --birth 1975-03 --grade 2000 --start 2020 --years 15 --sex female $P"
same compare-lists "compare --birth 1975年3月 --start ２０２０ --grades '1000, 2000' --years '１０， 15' --format json" \
    "compare --birth 1975-03 --start 2020 --grades 1000,2000 --years 10,15 --format json"
same policy-grades-fullwidth "policy grades --year ２０２５ --format json" "policy grades --year 2025 --format json"
same retire-month "retire --birth 1975/3 --category male" "retire --birth 1975-03 --category male"
same ltc-benefit-month "ltc benefit --region zhejiang-hangzhou --grade ５ --mode institution --month 2025/6 --days ３０ --cost ６０００ --format json" \
    "ltc benefit --region zhejiang-hangzhou --grade 5 --mode institution --month 2025-06 --days 30 --cost 6000 --format json"

# batch: full-width fields, loose months, spaces after commas; the id and pass-through columns stay as typed
printf 'id,birth,sex,plan,collective,backpay,name\nA,1975-03,male,"2020-2029:2000,2030-2034:3000",100,,ＡＢ\nB,1980-01,,,,5:1000,x\n' >"$TOP/ascii.csv"
printf 'id,birth,sex,plan,collective,backpay,name\nA,１９７５年３月,ｍａｌｅ,"2020-2029:２０００， 2030-2034：3000",１００,,ＡＢ\nB, 1980/1 ,,,,５：１０００,x\n' >"$TOP/typed.csv"
same batch-typed "batch --in '$TOP/typed.csv' --threads 1" "batch --in '$TOP/ascii.csv' --threads 1"

# ---- refusals with the right form ---------------------------------------------------------------------------
G='--birth 1975-03 --start 2020 --years 15'
refused thousands-grade 4 "project $G --grade 2,000"
has thousands-grade "--grade '2,000': 数字不要千位分隔符，请写 2000 no thousands separator: write 2000"
refused thousands-fullwidth 4 "project $G --grade ２，０００"
has thousands-fullwidth "请写 2000"
refused thousands-decimals 4 "project $G --grade 1,234,567.50"
has thousands-decimals "write 1234567.50"
refused thousands-collective 4 "project $G --grade 2000 --collective 1,000"
has thousands-collective "write 1000"
refused thousands-backpay 4 "project --birth 1965-06 --plan 2020-2024:1000 --backpay 5:2,000"
has thousands-backpay "no thousands separator in GRADE (5:2000, not 5:2,000)"
refused percent-discount 4 "project $G --grade 2000 --discount 2.5"
has percent-discount "write 0.025 for 2.5%"
refused percent-sign 4 "project $G --grade 2000 --discount 2.5%"
has percent-sign "write 0.025 for 2.5%"
refused missing-value 2 "project --birth 1975-03 --grade --start 2020 --years 15"
has missing-value "选项 --grade 缺少值，应写 --grade G option --grade needs a value: --grade G"
refused missing-value-last 2 "project --birth 1975-03 --grade 2000 --start 2020 --years"
has missing-value-last "option --years needs a value: --years N"
refused missing-value-help 2 "project --birth -h"
has missing-value-help "option --birth needs a value"
refused repeated 2 "project --birth 1975-03 --birth 1976-03 --grade 2000 --start 2020 --years 15"
has repeated "选项 --birth 重复了，只能给一次 option --birth is given twice"
refused month-still-bad 4 "project --birth 1975/13 --grade 2000 --start 2020 --years 15"
has month-still-bad "--birth '1975/13': expected YYYY-MM"
# a file name is kept as typed: a full-width name is not the ASCII one
refused file-verbatim 3 "policy check ｘ.json"
has file-verbatim "ｘ.json"

# ---- batch: encodings and headers -----------------------------------------------------------------------------
printf 'id,birth,sex,plan,collective,backpay,姓名\nA,1975-03,male,"2020-2029:2000,2030-2034:3000",100,,张三\n' >"$TOP/utf8.csv"
if iconv -f UTF-8 -t GB18030 "$TOP/utf8.csv" >"$TOP/gb.csv" 2>/dev/null; then
    same batch-gb18030 "batch --in '$TOP/gb.csv' --encoding gb18030" "batch --in '$TOP/utf8.csv'"
    refused batch-gb18030-hint 4 "batch --in '$TOP/gb.csv'"
    has batch-gb18030-hint "input header: field 7: not valid UTF-8; 看来是 GB18030 编码（中文版 Excel 存的 CSV），请加 --encoding gb18030 it looks like GB18030 (a CSV file saved by Chinese Excel): add --encoding gb18030"
else
    failed batch-gb18030 "iconv(1) cannot write GB18030 here"
fi
# 男 in GB18030 is C4 D0 (GB2312 row 36, cell 48): a row's field gets the hint in its error column
printf 'id,birth,sex,plan,collective,backpay\nA,1975-03,\304\320,,,5:1000\n' >"$TOP/gbsex.csv"
run_bin batch --in "$TOP/gbsex.csv" >"$TOP/out" 2>/dev/null
if grep -qF "A,error,column 'sex': not valid UTF-8; 看来是 GB18030" "$TOP/out"; then passed; else
    failed batch-gb18030-row "$(tail -n 1 "$TOP/out")"; fi
# 0xFF is no byte of GB18030: the 48th byte (37 of header, "A,1975-03," 10 more)
printf 'id,birth,sex,plan,collective,backpay\nA,1975-03,\377,,,5:1000\n' >"$TOP/notgb.csv"
refused batch-not-gb18030 4 "batch --in '$TOP/notgb.csv' --encoding gb18030"
has batch-not-gb18030 "第 48 字节起不是 GB18030 编码（若是 UTF-8，去掉 --encoding） byte 48 on is not GB18030"
refused batch-encoding-unknown 2 "batch --in '$TOP/utf8.csv' --encoding latin1"
has batch-encoding-unknown "--encoding must be utf-8 or gb18030"

printf 'id;birth;sex;plan;collective;backpay\n1;1980-01;;;;5:1000\n' >"$TOP/semi.csv"
refused header-semicolon 4 "batch --in '$TOP/semi.csv'"
has header-semicolon "input header: 列用分号分隔，要用逗号 the columns are separated by ';', not commas"
printf 'id\tbirth\tsex\tplan\tcollective\tbackpay\n1\t1980-01\t\t\t\t5:1000\n' >"$TOP/tab.csv"
refused header-tab 4 "batch --in '$TOP/tab.csv'"
has header-tab "the columns are separated by a tab, not commas"
printf 'ID,Birth,sex,plan,collective,backpay\n1,1980-01,,,,5:1000\n' >"$TOP/case.csv"
refused header-case 4 "batch --in '$TOP/case.csv'"
has header-case "列名要小写，'ID' 应写 'id' column names are lower case: write 'id' for 'ID'"
printf 'id,birth,sex,plan,collectve,backpay\n1,1980-01,,,,5:1000\n' >"$TOP/typo.csv"
refused header-typo 4 "batch --in '$TOP/typo.csv'"
has header-typo "缺少列 collective，'collectve' 是不是 'collective'？ missing column collective: did you mean 'collective' for 'collectve'?"
printf 'id,birth,sex,plan,collective,backpay,diajiao\n1,1980-01,,,,5:1000,yes\n' >"$TOP/swap.csv"
refused header-swap 4 "batch --in '$TOP/swap.csv'"
has header-swap "did you mean 'daijiao' for 'diajiao'?"
printf 'id,birth,sex,plan,collective,backpay,notes\n1,1980-01,,,,5:1000,n\n' >"$TOP/far.csv"
if run_bin batch --in "$TOP/far.csv" >/dev/null 2>&1; then passed; else failed header-far "a column two edits away stopped the run"; fi

# ---- years_missing (docs/scale.md): years_required − years_paid, 0 when eligible, empty on an error row --------
# Zhejiang, scheme start 2010, min_years 15. Born 1980-01: claim 2040-02, required min(15, 2040 − 2010) = 15;
# 5 years back-paid: 15 − 5 = 10. Born 1975-03 with the 15 years 2020-2034: eligible, 0. M3's sex 'x' is refused:
# an error row, years_missing empty.
printf 'id,birth,sex,plan,collective,backpay\nM1,1980-01,,,,5:1000\nM2,1975-03,,2020-2034:2000,,\nM3,1980-01,x,,,5:1000\n' >"$TOP/missing.csv"
run_bin batch --in "$TOP/missing.csv" --threads 1 >"$TOP/out" 2>/dev/null
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $1 ":" $col["status"] ":" $col["years_paid"] ":" $col["years_missing"] }' "$TOP/out" >"$TOP/got"
printf 'M1:not_eligible:5:10\nM2:ok:15:0\nM3:error::\n' >"$TOP/want"
if cmp -s "$TOP/got" "$TOP/want"; then passed; else failed years-missing "$(tr '\n' ' ' <"$TOP/got")"; fi
if head -n 1 "$TOP/out" | grep -q '^id,status,error,claim_month,years_paid,years_missing,balance,'; then passed; else
    failed years-missing-header "$(head -n 1 "$TOP/out")"; fi

tc_summary forgiving
