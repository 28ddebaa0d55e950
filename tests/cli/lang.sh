#!/bin/sh
# The language of the command line (--lang zh|en|both; docs/internals.md, "Messages and catalogues"):
#   - the default from LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 gives Chinese, en_US.UTF-8 English, C / POSIX /
#     C.UTF-8 / unset both; --lang overrides the environment;
#   - zh: the messages are the Chinese written by hand in po/zh_CN.po and po/libshebao/zh_CN.po (each expected line
#     below is typed here, not copied from a run), with no English word left in them; an error of each exit code;
#   - en: no Chinese character in the messages and in `help project`;
#   - both: the output of a bare environment (the one every golden test of tests/cli/cases checks);
#   - JSON and CSV are the same bytes in every language; headings follow the language.
#
#   sh tests/cli/lang.sh build/shebao          (from the repository root; `make check`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init lang 1 1 PATH/TO/shebao "$@"

# in ENV (a VAR=value, or - for none) run the arguments; standard output in $TOP/out, error in $TOP/err, status $st
run_env() {
    e=$1
    shift
    if [ "$e" = - ]; then
        run_bin "$@" >"$TOP/out" 2>"$TOP/err"
    else
        env "$e" "$BIN" "$@" >"$TOP/out" 2>"$TOP/err"
    fi
    st=$?
}

# expect NAME STATUS LINE: the run's status and its standard error exactly LINE
expect_err() {
    if [ "$st" != "$2" ]; then
        failed "$1" "status $st, want $2 ($(head -n 1 "$TOP/err"))"
    elif [ "$(cat "$TOP/err")" != "$3" ]; then
        failed "$1" "stderr [$(cat "$TOP/err")], want [$3]"
    else
        passed
    fi
}

# has_cjk FILE: a Chinese character (U+3000-U+9FFF, U+FF00-U+FFEF: E3-E9 or EF BC-BF lead bytes) in FILE
has_cjk() { LC_ALL=C grep -q "$(printf '[\343-\351]')" "$1"; }
# has_english FILE: an English word of three letters or more, other than the names the messages quote
# (option names, quoted values, "shebao help", command names, placeholders, choice lists ("a|b", "a、b 或 c"), file
# and JSON paths and policy ids left out)
has_english() {
    sed -e 's/--[a-z-]*//g' -e "s/'[^']*'//g" -e 's/shebao help//g' -e 's/[a-z0-9-]*|[a-z0-9|-]*//g' \
        -e 's/[A-Z][A-Z-]*//g' -e 's/zhejiang[a-z-]*//g' -e 's/national//g' -e 's/both//g' \
        -e 's/[a-z_]\{1,\}、//g' -e 's/[a-z_]* 或 [a-z_]*//g' -e 's/[a-z_]* 之一//g' \
        -e 's/[$A-Za-z0-9_./-]*[./][A-Za-z0-9_./-]*//g' \
        -e 's/\(shebao\|project\|compare\|ltc\|benefit\|retire\|employee\|choose\|policy\|show\)//g' "$1" |
        grep -q '[A-Za-z]\{3,\}'
}

SEP=$(printf '\t')

# ---- errors of each exit code, in Chinese (zh_CN.UTF-8), English (en_US.UTF-8), and --lang over the environment -
# name | status | arguments | the Chinese line
while IFS='|' read -r name status args zh; do
    [ -n "$name" ] || continue
    eval "set -- $args"
    run_env LANG=zh_CN.UTF-8 "$@"
    expect_err "zh-$name" "$status" "$zh"
    if has_english "$TOP/err"; then failed "zh-$name-no-english" "English left: $(cat "$TOP/err")"; else passed; fi
    run_env LANG=en_US.UTF-8 "$@"
    if [ "$st" != "$status" ] || has_cjk "$TOP/err" || [ ! -s "$TOP/err" ]; then
        failed "en-$name" "status $st, stderr: $(cat "$TOP/err")"
    else
        passed
    fi
    en=$(cat "$TOP/err")
    run_env LC_ALL=zh_CN.UTF-8 "$@" --lang en
    if [ "$(cat "$TOP/err")" != "$en" ]; then failed "lang-en-over-zh-$name" "$(cat "$TOP/err")"; else passed; fi
    run_env LANG=en_US.UTF-8 "$@" --lang zh
    expect_err "lang-zh-over-en-$name" "$status" "$zh"
    run_env LANG=C "$@"
    c=$(cat "$TOP/err")
    run_env - "$@" --lang both
    if [ "$(cat "$TOP/err")" != "$c" ]; then failed "C-is-both-$name" "[$c] vs [$(cat "$TOP/err")]"; else passed; fi
done <<EOF
usage-together|2|project --birth 1975-03 --grade 2000|shebao: --grade、--start 和 --years 要一起给（用法见 shebao help）
usage-twice|2|project --birth 1975-03 --birth 1976-03|shebao: 选项 --birth 重复了，只能给一次（用法见 shebao help）
usage-unknown|2|nosuch|shebao: 没有命令 'nosuch'（用法见 shebao help）
policy-unknown|3|policy show nowhere|shebao: 未知的政策 'nowhere'（内置的有：national, zhejiang, zhejiang-hangzhou, zhejiang-jiaxing, zhejiang-jinhua, zhejiang-ningbo, zhejiang-taizhou, zhejiang-zhoushan）
input-month|4|project --birth 1975-13 --grade 2000 --start 2020 --years 15|shebao: --birth '1975-13'：应为 YYYY-MM（年份 1900-2150，月份 01-12）
input-thousands|4|project --birth 1975-03 --grade 2,000 --start 2020 --years 15|shebao: --grade '2,000'：数字不要千位分隔符，请写 2000
input-plan|4|project --birth 1975-03 --plan 2021-2019:300|shebao: 缴费计划第 1 段 '2021-2019:300'：结束年份早于开始年份
input-grade-table|4|project --birth 1975-03 --grade 2000 --start 2000 --years 15|shebao: 计划年份 2000：没有施行中的档次表（第一张从 2010 年开始）
compute-overflow|5|project --policy tests/bad-input/cases/range-balance/p.json --birth 1960-01 --plan 1976-2040:1000000000000|shebao: 数值超出范围：2029 年的个人账户余额
ltc-benefit|2|ltc benefit --grade 3|shebao: ltc benefit 需要 --grade N（失能等级）、--mode MODE（护理方式）和 --month YYYY-MM（用法见 shebao help）
retire-missing|2|retire --birth 1970-05|shebao: retire 需要 --birth YYYY-MM 和 --category male|female55|female50（男、原55岁退休的女干部、原50岁退休的女工人）（用法见 shebao help）
employee-missing|2|employee --birth 1976-06 --category female50|shebao: employee 需要 --birth、--category、--retire、--years-paid、--index 和 --account（用法见 shebao help）
choose-missing|2|choose --birth 1980-05|shebao: choose 需要 --birth YYYY-MM 和 --start YYYY（用法见 shebao help）
compare-missing|2|compare --birth 1980-05|shebao: compare 需要 --start YYYY（开始缴费的年份）（用法见 shebao help）
bad-lang|2|project --lang fr|shebao: --lang 应为 zh、en 或 both，不能是 'fr'（用法见 shebao help）
choice-format|2|project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format xml|shebao: --format 应为 table、json 或 csv，不能是 'xml'（用法见 shebao help）
choice-mode|4|ltc benefit --grade 3 --mode home --month 2025-03|shebao: --mode 'home'：应为 institution、medical_institution、home_visit 或 home_cash
employee-segment|4|employee --birth 1980-06 --category male --plan 2023-2042|shebao: 缴费计划第 1 段 '2023-2042'：应写 YYYY-YYYY:比例% 或 YYYY-YYYY:每月金额
plan-grade-word|4|project --birth 1975-03 --plan 2020-2034:abc|shebao: 缴费计划第 1 段 '2020-2034:abc'：档次 'abc' 不是普通的十进制数（数字，可带小数点和正负号）
ltc-mix-share|4|ltc cost --beneficiaries 10 --grade-mix 3:x --mode-mix home_visit:1 --from 2025-01 --hours 10 --price 50|shebao: 等级构成（--grade-mix）：第 1 项：占比 'x'：不是普通的十进制数（数字，可带小数点和正负号）
policy-type|3|policy check tests/bad-policies/claim-age-string.json|shebao: tests/bad-policies/claim-age-string.json：$.resident_pension.claim_age：应为整数，不能是字符串
policy-choice|3|policy check tests/bad-policies/employee-divisor-mode.json|shebao: tests/bad-policies/employee-divisor-mode.json：$.employee_pension.divisor_mode：应为 whole_year、month_linear 之一
EOF

# internal error (exit 1): a write error on standard output, with the C library's reason (Chinese when the system
# has its catalogue, so only the start is checked)
if [ -w /dev/full ]; then
    LANG=zh_CN.UTF-8 "$BIN" policy list >/dev/full 2>"$TOP/err"
    st=$?
    case $st:$(cat "$TOP/err") in
    "1:shebao: 写入标准输出出错："*) passed ;;
    *) failed zh-internal "status $st: $(cat "$TOP/err")" ;;
    esac
    LANG=en_US.UTF-8 "$BIN" policy list >/dev/full 2>"$TOP/err"
    if [ "$(cat "$TOP/err")" = "shebao: write error on standard output: No space left on device" ]; then passed
    else failed en-internal "$(cat "$TOP/err")"; fi
fi

# ---- the default from the environment: LC_ALL over LC_MESSAGES over LANG, an empty one skipped ----------------
zh_line="shebao: --grade、--start 和 --years 要一起给（用法见 shebao help）"
en_line="shebao: --grade, --start and --years go together (see 'shebao help')"
both_line="$en_line"
for case in "LC_ALL=zh_CN.UTF-8 LANG=en_US.UTF-8|$zh_line" "LC_ALL= LC_MESSAGES=en_US.UTF-8 LANG=zh_CN|$en_line" \
    "LC_MESSAGES=zh_TW.UTF-8 LANG=C|$zh_line" "LANG=en|$en_line" "LANG=POSIX|$both_line" "LANG=C.UTF-8|$both_line" \
    "LANG=fr_FR.UTF-8|$both_line" "LANG=|$both_line"; do
    vars=${case%%|*}
    want=${case#*|}
    # shellcheck disable=SC2086 # (the variables are words)
    env $vars "$BIN" project --birth 1975-03 --grade 2000 >/dev/null 2>"$TOP/err"
    if [ "$(cat "$TOP/err")" = "$want" ]; then passed; else failed "env $vars" "$(cat "$TOP/err")"; fi
done

# ---- help ----------------------------------------------------------------------------------------------------
run_env LANG=zh_CN.UTF-8 help project
for line in "用法： shebao project [--region ID | --policy FILE] --birth YYYY-MM [--sex male|female]" \
    "  --birth YYYY-MM             出生年月" "  --grade G                   每年缴同一个档次（和 --start、--years 一起用）" \
    "  --lang zh|en|both           文字的语言（默认按 LC_ALL、LC_MESSAGES、LANG 决定）" "选项：" "示例："; do
    if grep -qxF -- "$line" "$TOP/out"; then passed; else failed help-zh "lacks [$line]"; fi
done
if grep -q "month of birth\|options:" "$TOP/out"; then failed help-zh-english "English left"; else passed; fi
run_env LANG=en_US.UTF-8 help project
if has_cjk "$TOP/out" || ! grep -qxF "  --birth YYYY-MM             month of birth" "$TOP/out" ||
    ! grep -qxF "  --collective AMOUNT         collective subsidy credited in every year paid" "$TOP/out"; then
    failed help-en "$(grep -n "$(printf '[\343-\351]')" "$TOP/out" | head -n 3)"
else
    passed
fi
run_env - help project
if grep -qxF "  --collective AMOUNT         集体补助 collective subsidy credited in every year paid" "$TOP/out"; then passed
else failed help-both "lacks the help of --collective as before"; fi
run_env - help --lang zh
if grep -qxF "退出码：0 成功，1 内部错误，2 用法错误，3 政策或数据错误，4 输入错误，" "$TOP/out"; then passed
else failed help-usage-zh "$(tail -n 2 "$TOP/out")"; fi

# ---- headings ------------------------------------------------------------------------------------------------
run_env - compare --birth 1980-05 --start 2025 --lang zh
if grep -qxF "档次 × 年限" "$TOP/out" && ! grep -q "Grade × years\|One grade up" "$TOP/out" &&
    grep -qxF "多缴一档" "$TOP/out"; then passed; else failed compare-zh-headings "$(head -n 6 "$TOP/out")"; fi
run_env - compare --birth 1980-05 --start 2025 --lang en
if grep -qxF "Grade × years" "$TOP/out" && ! grep -q "档次 × 年限\|多缴一档" "$TOP/out" &&
    grep -qxF "One grade up (same years)" "$TOP/out"; then passed; else failed compare-en-headings "$(head -n 6 "$TOP/out")"; fi
run_env - compare --birth 1980-05 --start 2025
if grep -qxF "档次 × 年限 Grade × years" "$TOP/out"; then passed; else failed compare-both-heading "$(head -n 6 "$TOP/out")"; fi
run_env - project --birth 1975-03 --grade 2000 --start 2020 --years 15 --lang zh
if grep -qxF "个人账户" "$TOP/out" && grep -qxF "终身" "$TOP/out" && ! grep -q "^year  *grade" "$TOP/out"; then passed
else failed project-zh-headings "$(head -n 4 "$TOP/out")"; fi
run_env - project --birth 1975-03 --grade 2000 --start 2020 --years 15 --lang en
if grep -qxF "Individual account ledger" "$TOP/out" && grep -qxF "Lifetime" "$TOP/out" && ! grep -q "^年度" "$TOP/out"; then
    passed
else
    failed project-en-headings "$(head -n 4 "$TOP/out")"
fi
run_env - project --birth 1975-03 --grade 2000 --start 2020 --years 15 --lang zh
if grep -q "^依据的非官方数值（[0-9]* 项）：$" "$TOP/out" && ! grep -q "non-official" "$TOP/out"; then passed
else failed params-zh "$(grep -n "非官方\|non-official" "$TOP/out")"; fi
run_env - project --birth 1975-03 --grade 2000 --start 2020 --years 15 --lang en
if grep -q "^This result rests on [0-9]* non-official value(s):$" "$TOP/out"; then passed
else failed params-en "$(grep -n "非官方\|non-official" "$TOP/out")"; fi
run_env - ltc assess --adl 10,10,5,5,5,5,5,5,5,5 --cognition 1,1,1,1 --perception 1,1,1 --lang zh
if grep -qxF "失能等级评估（长期护理失能等级评估标准 2021）" "$TOP/out"; then passed; else failed ltc-assess-zh "$(head -n 1 "$TOP/out")"; fi

# ---- the labels and lines of the text tables (#13) ------------------------------------------------------------
# zh: each table has the Chinese lines typed below (the Chinese half of what both prints) and none of the English
# labels that both prints beside them; en: no Chinese character, once the data are left out: the non-official values
# (paths and values as the policy files write them) and the Chinese titles of the sources. (The title lines, "policy
# Zhejiang province (provincial minimum) (zhejiang > national)", "policy   zhejiang — Zhejiang province …", are
# English in en: checked too.)
# en_text FILE: the table without those lines; zh_text FILE: without the non-official values (their paths and values
# are English in every language)
en_text() { sed -e '/non-official value(s):$/,$d' -e '/^SOURCES$/,$d' "$1"; }
zh_text() { sed -e '/^依据的非官方数值/,$d' "$1"; }
# name | arguments | Chinese lines (separated by ;) | English labels that zh must not have (a grep -E pattern)
while IFS='|' read -r name args lines english; do
    [ -n "$name" ] || continue
    eval "set -- $args"
    run_env - "$@" --lang zh
    missing=
    rest=$lines
    while [ -n "$rest" ]; do
        line=${rest%%;*}
        if [ "$line" = "$rest" ]; then rest=; else rest=${rest#*;}; fi
        grep -qxF -- "$line" "$TOP/out" || missing="$missing [$line]"
    done
    if [ "$st" != 0 ] || [ -n "$missing" ]; then
        failed "table-zh-$name" "status $st, lacks$missing"
    elif zh_text "$TOP/out" | grep -Eq -- "$english"; then
        failed "table-zh-$name-english" "$(zh_text "$TOP/out" | grep -En -- "$english" | head -n 3)"
    else
        passed
    fi
    run_env - "$@" --lang en
    en_text "$TOP/out" >"$TOP/en"
    if [ "$st" != 0 ] || ! [ -s "$TOP/en" ] || has_cjk "$TOP/en"; then
        failed "table-en-$name" "status $st: $(grep -n "$(printf '[\343-\351]')" "$TOP/en" | head -n 3)"
    else
        passed
    fi
done <<'EOF'
project|project --birth 1975-03 --grade 2000 --start 2020 --years 15 --as-of 2040-01|缴费年限: 15;按月领取 2035-04;  基础养老金           220.00元;                 (沿用最近公布标准);终身;现在每月 (2040-01, 64岁)|Years paid|Monthly pension|base pension|monthly total|break-even|funeral grant|balance|carried forward|pension now| to 
project-not-eligible|project --birth 1975-03 --grade 2000 --start 2020 --years 5|缴费年限: 5;不符合领取条件;怎样才能领取;  已缴5年，需缴15年，还差10年|Not eligible|paid 5 of|year\(s\)|back payment|lowest|highest
compare|compare --birth 1980-05 --start 2025|出生 1980-05 · 起缴 2025 · 起领 2040-06 · 最多可缴 16 年;档次 × 年限|born|paying from|at most|not eligible|Paying|Lowest vs
compare-midway|compare --birth 1968-06 --paid 2015-2019:100 --start 2026 --backpay auto:300 --years 1,2,3 --grades 300|已缴: 2015-2019:100（5 年）;自动补缴 300.00元:;  缴费 1 年 → 补缴 9 年|years already paid|automatic|back-paid|paying
compare-left-out|compare --birth 1975-03 --start 2020|未比较的档次|Grades left out|is a|not in the grade table|the lowest grade each year
retire|retire --birth 1970-05 --category male|  法定退休年月 2031-10;  法定退休年龄 61岁5个月;  最低缴费年限 16年|Statutory|retirement month|statutory age|delay|elastic|minimum years
employee|employee --birth 1976-06 --category female50 --retire 2026-06 --years-paid 19.42 --index 1.1222 --account 149442.32|  过渡性养老金                 -|Employee pension|benefit base|divisor|basic pension|account pension|monthly total|provisional
employee-not-eligible|employee --birth 1976-06 --category female50 --retire 2026-06 --years-paid 9 --index 1.1222 --account 149442.32|  不符合领取条件：已缴 9 年，少于最低缴费年限 180 个月|not eligible|years paid|fewer than
employee-plan|employee --birth 1965-06 --category male --plan 2020-2024:100%|职工养老金（出生 1965-06，类别 male，2025-08 退休，60岁2个月）|Flexible|personal total|account at retirement|Employee pension|not eligible
employee-plan-lifetime|employee --birth 1980-06 --category male --plan 2023-2042:100%|终身（生命表 cl2010-2013-pension，折现率 2.5%；领取后养老金不调整）|year months|projected|Lifetime|break-even|EPV|worth|IRR|inheritable
choose|choose --birth 1980-05 --start 2025|  城乡居民 60岁起领（2040-06）；职工 法定退休年龄 63岁 起领（2043-05）|Which scheme|resident|employee pension|Resident scheme|Employee scheme|Short of|Estimates|break-even|IRR
ltc-assess|ltc assess --adl 10,10,5,5,5,5,5,5,5,5 --cognition 1,1,1,1 --perception 1,1,1|  失能等级             3   重度失能Ⅰ级|ADL|cognition|perception|level|grade
ltc-benefit|ltc benefit --grade 3 --mode institution --month 2025-03 --cost 3000|  起作用的限额:|Long-term care|rules in force|eligible days|cost|fund pays|self pays|formula|limit|binding|days of care|daily_cap|yuan
ltc-fund|ltc fund --group resident --month 2025-06 --count 1000|  每人每年定额|Long-term care|fixed amounts|payer|per person|count|individual|fiscal|total
ltc-cost|ltc cost --beneficiaries 10 --grade-mix 3:0.5,4:0.5 --mode-mix home_visit:1 --from 2025-01 --hours 10 --price 50|  合计                                                                                  60000.00|Fund spending|beneficiaries|grade|mode|persons|per person|total|home_visit
policy-grades|policy grades --year 2025|年份     2025（档次表自 2024-01 起）|GRADE|SUBSIDY|KIND|STATUS|daijiao|normal|^year|grade table
EOF
run_env - policy show --lang zh
if grep -q "^参数  *起始  *数值  *状态  *来源$" "$TOP/out" && grep -qx "来源" "$TOP/out" &&
    ! grep -q "PARAMETER\|^SOURCES\|^lineage\|parameter values" "$TOP/out"; then
    passed
else
    failed table-zh-policy-show "$(sed -n 1,4p "$TOP/out")"
fi
run_env - policy show --lang en
sed -n 1,4p "$TOP/out" >"$TOP/en"
if grep -q "^PARAMETER  *FROM  *VALUE  *STATUS  *SOURCE$" "$TOP/out" && grep -qx "SOURCES" "$TOP/out" && ! has_cjk "$TOP/en"
then
    passed
else
    failed table-en-policy-show "$(sed -n 1,4p "$TOP/out")"
fi

# a share outside the national band of the employee scheme (its English message cites the document in Chinese)
run_env LANG=zh_CN.UTF-8 employee --birth 1980-06 --category male --plan 2023-2042:400%
expect_err zh-employee-share 4 "shebao: 缴费计划第 1 段 '2023-2042:400%'：比例应在平均工资的 60% 到 300% 之间（国办发〔2019〕13号）"

# ---- policy list and check, and the non-official values, in the language (#13) --------------------------------
# policy list: the part of each policy's "name" before " / " in zh, after it in en, the whole name in both
# (data/policies/zhejiang-taizhou.json: "台州市区城乡居民基本养老保险 / Taizhou city districts (Zhejiang)")
for pair in "zh|zhejiang-taizhou     台州市区城乡居民基本养老保险" "en|zhejiang-taizhou     Taizhou city districts (Zhejiang)" \
    "both|zhejiang-taizhou     台州市区城乡居民基本养老保险 / Taizhou city districts (Zhejiang)"; do
    run_env - policy list --lang "${pair%%|*}"
    if [ "$st" = 0 ] && grep -qxF "${pair#*|}" "$TOP/out"; then passed
    else failed "policy-list-${pair%%|*}" "$(grep taizhou "$TOP/out")"; fi
done
# the title line of a result names the policy by its display name (name_zh) in zh and both, by the English half of
# its name in en (data/policies/zhejiang-taizhou.json: name_zh 台州市区, name "… / Taizhou city districts (Zhejiang)")
for pair in "zh|政策 台州市区 (zhejiang-taizhou > zhejiang > national)" \
    "en|policy Taizhou city districts (Zhejiang) (zhejiang-taizhou > zhejiang > national)" \
    "both|政策 policy 台州市区 (zhejiang-taizhou > zhejiang > national)"; do
    run_env - retire --birth 1970-05 --category male --region zhejiang-taizhou --lang "${pair%%|*}"
    if [ "$st" = 0 ] && [ "$(head -n 1 "$TOP/out")" = "${pair#*|}" ]; then passed
    else failed "title-${pair%%|*}" "$(head -n 1 "$TOP/out")"; fi
done
# policy check: 215 values, 190 of them not official, as the golden case policy-check-bundled says in English
run_env LANG=zh_CN.UTF-8 policy check data/policies/zhejiang.json
if grep -qxF "data/policies/zhejiang.json：通过：政策 zhejiang（zhejiang > national），共 215 个参数值，其中 190 个不是官方的" \
    "$TOP/out"; then passed; else failed policy-check-zh "$(cat "$TOP/out")"; fi
# The non-official values under a table: the status in Chinese (假设, 二手资料 …) and the values and notes the library
# writes in Chinese; the paths and the source ids stay. The values are data/policies/zhejiang.json's: grade 500 with
# subsidy 80 from 2024-01 (ASSUME-ZJ-2024-LOW-SUBSIDY), 5 yuan a year from the 16th year (ZJ-BENEFIT-TEXT); the
# discount's default 0.025; long_term_care.eligibility.min_disability_months 6.
run_env - compare --birth 1980-05 --start 2025 --lang zh
sed -n '/^依据的非官方数值/,$p' "$TOP/out" >"$TOP/params"
missing=
for line in "  假设        resident_pension.grades@2024-01 = 档次 500.00：补贴 80.00  (ASSUME-ZJ-2024-LOW-SUBSIDY)" \
    "  二手资料    resident_pension.years_pension = 第16年起：每年 5.00元  (ZJ-BENEFIT-TEXT)" \
    "  假设        run.discount = 0.025  (运行选项（默认 0.025）)"; do
    grep -qxF "$line" "$TOP/params" || missing="$missing [$line]"
done
if [ -n "$missing" ]; then failed params-zh "lacks$missing"
elif grep -E "secondary|assumption|inferred|official|run option|grade [0-9]|per year" "$TOP/params"; then
    failed params-zh-english "$(grep -E "secondary|assumption|run option|per year" "$TOP/params" | head -n 2)"
else passed; fi
run_env - ltc benefit --grade 3 --mode institution --month 2025-03 --cost 3000 --lang zh
if grep -qxF "  假设        run.disability_months = 未提供  (未提供：假定失能已满 6 个月（min_disability_months）)" "$TOP/out"
then passed; else failed params-zh-ltc "$(grep run.disability "$TOP/out")"; fi
run_env - ltc benefit --grade 3 --mode institution --month 2025-03 --cost 3000 --lang en
if grep -qxF "  assumption  run.disability_months = not given  (not given: assumed to meet min_disability_months 6)" \
    "$TOP/out"; then passed; else failed params-en-ltc "$(grep run.disability "$TOP/out")"; fi

# the version line (the numbers are the library's own: SHEBAO_VERSION_STRING twice, as the golden case version-flag)
run_env - version --lang zh
v=$(sed -n 's/^shebao \([0-9.]*\) (library .*/\1/p' tests/cli/cases/version-flag/stdout.contains)
if [ "$(cat "$TOP/out")" = "shebao $v（库 $v，数据格式 shebao-policy/1）" ]; then passed
else failed version-zh "$(cat "$TOP/out")"; fi

# ---- the reasons of a refused care claim, a policy file jansson cannot read, a chart or report not written (#13) --
# ltc benefit: the line of the refusal in zh (Chinese from the figures of the refusal), in en (the grades' English
# names), and in both as before (the library's English reason_text, that of the JSON). Hangzhou: min_grade 3,
# min_disability_months 6 (inherited from zhejiang); tests/cli/data/ltc-user.json: waiting_months 12.
hz="ltc benefit --region zhejiang-hangzhou --mode institution --month 2026-01 --cost 3000"
user="ltc benefit --policy tests/cli/data/ltc-user.json --grade 4 --mode home_cash --month 2026-03"
# name | arguments | lang | the line
while IFS='|' read -r name args lang line; do
    [ -n "$name" ] || continue
    eval "set -- $args"
    run_env - "$@" --lang "$lang"
    if [ "$st" = 0 ] && grep -qxF -- "$line" "$TOP/out"; then passed
    else failed "refusal-$lang-$name" "status $st: $(grep -n "不符合\|eligible" "$TOP/out")"; fi
done <<EOF
grade|$hz --grade 2|zh|  不符合享受条件：失能等级 2 级（中度失能）低于享受待遇的最低等级 3 级（重度失能Ⅰ级）
grade|$hz --grade 2|en|  Not eligible: grade 2 (moderate disability) is below min_grade 3 (severe disability I)
grade|$hz --grade 2|both|  不符合享受条件 Not eligible: grade 2 (中度失能) is below min_grade 3 (重度失能Ⅰ级)
disability|$hz --grade 3 --disability-months 4|zh|  不符合享受条件：失能持续 4 个月，不足享受待遇所需的 6 个月
disability|$hz --grade 3 --disability-months 4|en|  Not eligible: disability of 4 months is shorter than min_disability_months 6
disability|$hz --grade 3 --disability-months 4|both|  不符合享受条件 Not eligible: disability of 4 months is shorter than min_disability_months 6
waiting|$user --insured-months 6|zh|  不符合享受条件：连续参保 6 个月，未满 12 个月的待遇等待期
waiting|$user --insured-months 6|en|  Not eligible: insured for 6 months, fewer than waiting_months 12
EOF
# shellcheck disable=SC2086 # (the variable is words)
run_env - $hz --grade 2 --lang zh
if zh_text "$TOP/out" | grep -q "grade\|below\|min_grade\|Not eligible"; then failed refusal-zh-english "$(cat "$TOP/out")"
else passed; fi

# a policy file jansson cannot read: in zh what went wrong in Chinese, then the position and jansson's own text
# (English, the detail: only the start of the message is checked against the Chinese); en and both as before
printf '{"id": "x", "id": "y"}\n' >"$TOP/dup.json"
printf '{"id": "\377"}\n' >"$TOP/utf8.json"
# name | file | the Chinese start | the English line. jansson's position is where its token ends: column 1 of README.md
# ('#'), 8 in utf8.json (the string that starts there), 16 in dup.json (the closing quote of the second "id")
while IFS='|' read -r name file zh en; do
    [ -n "$name" ] || continue
    run_env - policy show --policy "$file" --lang zh
    case $st:$(cat "$TOP/err") in
    "3:$zh"*) passed ;;
    *) failed "json-zh-$name" "status $st: $(cat "$TOP/err")" ;;
    esac
    run_env - policy show --policy "$file" --lang en
    expect_err "json-en-$name" 3 "$en"
    run_env - policy show --policy "$file"
    expect_err "json-both-$name" 3 "$en"
done <<EOF
syntax|README.md|shebao: README.md：不是有效的 JSON（第1行第1列；|shebao: README.md:1:1: '[' or '{' expected near '#'
utf8|$TOP/utf8.json|shebao: $TOP/utf8.json：不是 UTF-8 文本（第1行第8列；|shebao: $TOP/utf8.json:1:8: unable to decode byte 0xff near '"'
duplicate|$TOP/dup.json|shebao: $TOP/dup.json：同一对象中有重复的键（第1行第16列；|shebao: $TOP/dup.json:1:16: duplicate object key near '"id"'
EOF

# a report or a chart that cannot be written: the file and what it is named in Chinese (the reason is the C
# library's, Chinese when the system has its catalogue; cairo's own failures: tests/unit/test_chart.c)
run_env - report --birth 1980-05 --start 2025 --out /nonexistent/x.pdf --lang zh
case $st:$(cat "$TOP/err") in
"4:shebao: 无法写入报告 '/nonexistent/x.pdf'："*) passed ;;
*) failed report-write-zh "status $st: $(cat "$TOP/err")" ;;
esac
run_env - compare --birth 1980-05 --start 2025 --chart /nonexistent/x.png --lang zh
case $st:$(cat "$TOP/err") in
"4:shebao: 无法写入图 '/nonexistent/x.png'："*) passed ;;
*) failed chart-write-zh "status $st: $(cat "$TOP/err")" ;;
esac

# ---- JSON and CSV: the same bytes in every language ------------------------------------------------------------
printf 'id,birth,sex,plan,collective,backpay\n1,1975-03,male,2020-2034:2000,,\n2,1975-13,male,2020-2034:2000,,\n' \
    >"$TOP/people.csv"
while IFS='|' read -r name args; do
    eval "set -- $args"
    run_bin "$@" >"$TOP/both" 2>/dev/null
    for env_lang in LANG=zh_CN.UTF-8 LANG=en_US.UTF-8; do
        env "$env_lang" "$BIN" "$@" >"$TOP/other" 2>/dev/null
        if cmp -s "$TOP/both" "$TOP/other" && [ -s "$TOP/both" ]; then passed
        else failed "same-$name-$env_lang" "$(diff "$TOP/both" "$TOP/other" | head -n 3)"; fi
    done
done <<EOF
project-json|project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format json
project-csv|project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format csv
compare-json|compare --birth 1980-05 --start 2025 --format json
ltc-benefit-json|ltc benefit --grade 3 --mode institution --month 2025-03 --cost 3000 --format json
ltc-refused-json|ltc benefit --region zhejiang-hangzhou --grade 2 --mode institution --month 2026-01 --cost 3000 --format json
policy-show-json|policy show zhejiang --format json
retire-json|retire --birth 1970-05 --category male --format json
employee-json|employee --birth 1976-06 --category female50 --retire 2026-06 --years-paid 19.42 --index 1.1222 --account 149442.32 --format json
choose-json|choose --birth 1980-05 --start 2025 --format json
batch-error-row|batch --in $TOP/people.csv
EOF
# the batch summary follows the language; the rows' error column does not
LANG=zh_CN.UTF-8 "$BIN" batch --in "$TOP/people.csv" 2>"$TOP/err" >"$TOP/out"
case $(cat "$TOP/err") in
"batch：共 2 行，成功 1 行，不符合领取条件 0 行，出错 1 行，用时 "*) passed ;;
*) failed batch-summary-zh "$(cat "$TOP/err")" ;;
esac
if grep -qF "2,error,\"birth '1975-13': expected YYYY-MM (year 1900-2150, month 01-12)\"" "$TOP/out"; then passed
else failed batch-row-english "$(sed -n 3p "$TOP/out")"; fi
printf 'id,birth,sex,plan\n' | LANG=zh_CN.UTF-8 "$BIN" batch >/dev/null 2>"$TOP/err"
if [ "$(cat "$TOP/err")" = "shebao: 表头：缺少列 collective、backpay（需要 id,birth,sex,plan,collective,backpay 这几列，顺序不限；其他列原样输出）" ]; then
    passed
else
    failed batch-header-zh "$(cat "$TOP/err")"
fi

# ---- the catalogues are found next to the executable, not in the working folder ------------------------------
(cd / && LANG=zh_CN.UTF-8 "$BIN" project --birth 1975-03 --grade 2000 >/dev/null 2>"$TOP/err")
if [ "$(cat "$TOP/err")" = "$zh_line" ]; then passed; else failed catalogue-from-elsewhere "$(cat "$TOP/err")"; fi

# ---- shebao serve: a body's "lang" for its request only, on worker threads -------------------------------------
if command -v curl >/dev/null 2>&1; then
    tc_limit 20 120
    . "$(dirname "$0")/../lib/server.sh"
    trap 'stop_server; rm -rf "$TOP"' EXIT
    start_server --threads 1
    # post NAME BODY WANT: the answer to POST /v1/project is exactly WANT
    post() {
        got=$(curl -s -m "$LIMIT" -X POST -H 'Content-Type: application/json' -d "$2" "$URL/v1/project")
        if [ "$got" = "$3" ]; then passed; else failed "serve-$1" "[$got], want [$3]"; fi
    }
    zh_body='{"error":{"code":2,"message":"--grade、--start 和 --years 要一起给（用法见 shebao help）"}}'
    en_body='{"error":{"code":2,"message":"--grade, --start and --years go together (see '"'"'shebao help'"'"')"}}'
    post zh '{"birth": "1975-03", "grade": "2000", "lang": "zh"}' "$zh_body"
    post default-after-zh '{"birth": "1975-03", "grade": "2000"}' "$en_body" # (the same thread: back to both)
    post en '{"birth": "1975-03", "grade": "2000", "lang": "en"}' "$en_body"
    # the JSON of a result is the same in every language
    one=$(curl -s -m "$LIMIT" -X POST -d '{"birth": "1975-03", "plan": "2020-2034:2000", "lang": "zh"}' "$URL/v1/project")
    two=$(curl -s -m "$LIMIT" -X POST -d '{"birth": "1975-03", "plan": "2020-2034:2000"}' "$URL/v1/project")
    if [ -n "$one" ] && [ "$one" = "$two" ]; then passed; else failed serve-same-json "differs"; fi
    stop_server
fi

tc_summary lang
