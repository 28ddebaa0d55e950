#!/bin/sh
# The phone page of `shebao serve` (GET /, docs/serve.md) in a real browser: headless Chromium (Debian chromium),
# driven over the DevTools protocol by tests/browser/drive.py (Python standard library only), on a 390x844 phone
# viewport, against a server started here on a free loopback port. For each person below the form is filled and
# sent; then, in Chinese and after the English switch:
#   * every figure of the grade table (grade, years, monthly pension or "not eligible", paid in total, break-even
#     month) is the one POST /v1/compare answers for the same input (curl, read with jq), row by row;
#   * the lowest-vs-highest sentence, and the grade-table path when the tables change, are the lines that
#     `shebao compare --lang zh|en` prints for the same options, and the sentence holds the /v1/compare summary's
#     extra payment and pension (or the years missing, when an end is not eligible);
#   * the chart is an SVG with the signature (drive.py) of the one POST /v1/compare/chart.svg gives in that
#     language, as wide as the page at most;
#   * the headings and buttons are in the language shown, and the page is no wider than the phone (no sideways
#     scrolling);
# and a screenshot of each is kept: ARTIFACTS/browser-NAME-zh.png and -en.png (default build/artifacts). A refused
# input (years already paid that overlap the first year) shows the message of /v1/compare's refusal, in the language
# shown; the region list names each policy in Chinese (name_zh).
#
#   sh tests/browser/run.sh build/shebao [ARTIFACTS]     (from the repository root; `make check-browser`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init browser 1 2 "PATH/TO/shebao [ARTIFACTS]" "$@"
tc_limit 60 600
ART=${2:-build/artifacts}
DRIVE=$(dirname "$0")/drive.py

CHROMIUM=${CHROMIUM:-$(command -v chromium)}
for tool in "$CHROMIUM" python3 jq curl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "browser/run.sh: ${tool:-chromium} not found ('make deps-browser' installs chromium, jq, curl, python3)" >&2
        exit 2
    fi
done
mkdir -p "$ART" || exit 2

. "$(dirname "$0")/../lib/server.sh"
trap 'stop_server; rm -rf "$TOP"' EXIT
start_server --threads 2

# same NAME WHAT EXPECTED GOT : a passed case, or a failed one showing both
same() {
    if [ "$3" = "$4" ]; then
        passed
    else
        failed "$1" "$2: expected
    $3
got
    $4"
    fi
}

# page NAME FORM-JSON CLI-OPTIONS... : the page for the person of FORM-JSON (the form's fields, which are also the
# members of the /v1/compare body), checked against /v1/compare and `shebao compare CLI-OPTIONS`
page() {
    name=$1
    printf '%s\n' "$2" >"$TMP/in.json"
    shift 2
    if ! python3 "$DRIVE" "$CHROMIUM" "$URL/" "$TMP/in.json" "$ART/browser-$name" >"$TMP/page.json" 2>"$TMP/drive.err"
    then
        failed "$name" "$(cat "$TMP/drive.err")"
        return
    fi
    status=$(curl -s -m "$LIMIT" -o "$TMP/cmp.json" -w '%{http_code}' --data-binary @"$TMP/in.json" "$URL/v1/compare")
    if [ "$status" != 200 ]; then
        failed "$name" "/v1/compare answered $status: $(head -c 300 "$TMP/cmp.json")"
        return
    fi
    for lang in zh en; do
        r=".$lang"
        if ! jq -e "$r.err == \"\"" "$TMP/page.json" >/dev/null; then
            failed "$name-$lang" "the page shows a refusal: $(jq -r "$r.err" "$TMP/page.json")"
            continue
        fi
        if [ $lang = zh ]; then
            ne=不符合领取条件 heads='["档次","年限","月领","个人缴费合计","回本年月"]'
            words='["zh-CN","城乡居民养老保险 档次比较","English"]'
        else
            ne='not eligible' heads='["grade","years","monthly","paid in total","break-even month"]'
            words='["en","Resident pension: grades compared","中文"]'
        fi
        # the grade table: every row of /v1/compare's cells, in its order
        want=$(jq -c --arg ne "$ne" '[.cells[] | [.grade, (.years | tostring), (if .eligible then .monthly_total
            else $ne end), .personal_total, (.breakeven_month // "-")]]' "$TMP/cmp.json")
        same "$name-$lang-table" "the grade table" "$want" "$(jq -c "$r.rows" "$TMP/page.json")"
        same "$name-$lang-headers" "the table's headers" "$heads" "$(jq -c "$r.headers" "$TMP/page.json")"
        same "$name-$lang-words" "language, title, switch" "$words" "$(jq -c "[$r.lang, $r.title, $r.button]" "$TMP/page.json")"
        # the region list: each policy by its Chinese name (name_zh of data/policies/zhejiang-taizhou.json)
        same "$name-$lang-region" "the region list's zhejiang-taizhou" 台州市区 \
            "$(jq -r "$r.regions[] | select(.[0] == \"zhejiang-taizhou\") | .[1]" "$TMP/page.json")"
        # the sentence and the path: the lines `shebao compare` prints in that language
        "$BIN" compare "$@" --lang $lang >"$TMP/cli.txt" 2>&1
        want=$(sed -n '/^最低档与最高档\|^Lowest vs highest grade/{n;p;}' "$TMP/cli.txt") # the heading: zh or en
        got=$(jq -r "$r.sentences[]" "$TMP/page.json")
        same "$name-$lang-sentence" "the lowest-vs-highest sentence" "$want" "$got"
        # its figures: the extra payment and pension of the /v1/compare summary, or the years the ends lack
        for fig in $(jq -r 'if .summary.available then .summary.extra_paid, .summary.extra_monthly else .summary_ends |
                (if .lowest.eligible then .highest else .lowest end).advice.years_missing end' "$TMP/cmp.json"); do
            case $got in
            *"$fig"*) passed ;;
            *) failed "$name-$lang-sentence-figure" "$fig of /v1/compare is not in: $got" ;;
            esac
        done
        want=$(sed -n 's/^  \(每年最\(低\|高\)档: .*\)/\1/p; s/^  \(the [a-z]* grade each year: .*\)/\1/p' "$TMP/cli.txt")
        same "$name-$lang-path" "the grade-table path" "$want" "$(jq -r "$r.path[][1:][]" "$TMP/page.json")"
        # the chart: the one /v1/compare/chart.svg draws in that language
        jq -c --arg l $lang '. + {lang: $l}' "$TMP/in.json" >"$TMP/chart.json"
        curl -s -m "$LIMIT" -o "$TMP/chart.svg" --data-binary @"$TMP/chart.json" "$URL/v1/compare/chart.svg"
        want=$(python3 "$DRIVE" --svg-signature "$TMP/chart.svg" 2>&1)
        same "$name-$lang-chart" "the chart's signature" "$want" "$(jq -r "$r.svg.signature" "$TMP/page.json")"
        # on the phone: nothing wider than the 390 px screen, the chart shown at a readable size
        if jq -e "$r | .width.client == 390 and .width.scroll <= 390 and .width.body <= 390 and .svg.left >= 0 and
                   .svg.right <= 390 and .svg.height > 300" "$TMP/page.json" >/dev/null; then
            passed
        else
            failed "$name-$lang-phone" "wider than the screen, or the chart too small: $(jq -c "$r.width, $r.svg" "$TMP/page.json")"
        fi
        if [ "$(head -c 4 "$ART/browser-$name-$lang.png" | tail -c 3)" = PNG ]; then
            passed
        else
            failed "$name-$lang-screenshot" "no PNG at $ART/browser-$name-$lang.png"
        fi
    done
}

# grade tables that change (2024) and years already paid: the sentence follows the grades in force each year
page taizhou '{"birth":"1975-03","sex":"female","start":"2020","paid":"2012-2015:300","years":"15,16","region":"zhejiang-taizhou"}' \
    --birth 1975-03 --sex female --start 2020 --paid 2012-2015:300 --years 15,16 --region zhejiang-taizhou
# the defaults of the page's region (zhejiang) and of --years (every length up to the most still possible)
page zhejiang '{"birth":"1980-05","sex":"male","start":"2025","region":"zhejiang"}' \
    --birth 1980-05 --sex male --start 2025 --region zhejiang
# too late to reach the years required: every row "not eligible", the sentence says why the pensions cannot be compared
page not-eligible '{"birth":"1963-01","sex":"male","start":"2020","region":"zhejiang"}' \
    --birth 1963-01 --start 2020 --region zhejiang

# refused NAME FORM-JSON : the page shows the message of /v1/compare's refusal for the same input, in the language
# shown (the page sends it as "lang")
refused() {
    printf '%s\n' "$2" >"$TMP/in.json"
    if ! python3 "$DRIVE" "$CHROMIUM" "$URL/" "$TMP/in.json" "$ART/browser-$1" >"$TMP/page.json" 2>"$TMP/drive.err"
    then
        failed "$1" "$(cat "$TMP/drive.err")"
        return
    fi
    for lang in zh en; do
        jq -c --arg l $lang '. + {lang: $l}' "$TMP/in.json" >"$TMP/refused.json"
        status=$(curl -s -m "$LIMIT" -o "$TMP/cmp.json" -w '%{http_code}' --data-binary @"$TMP/refused.json" "$URL/v1/compare")
        want=$(jq -r '.error.message' "$TMP/cmp.json")
        if [ "$status" = 200 ] || [ -z "$want" ]; then
            failed "$1-$lang" "/v1/compare did not refuse: $status $(head -c 300 "$TMP/cmp.json")"
            continue
        fi
        same "$1-$lang" "the refusal shown" "$want" "$(jq -r ".$lang.err" "$TMP/page.json")"
    done
}

# years already paid that overlap the first year to pay
refused paid-overlap '{"birth":"1975-03","sex":"female","start":"2020","paid":"2015-2021:300","region":"zhejiang"}'

stop_with_sigterm sigterm
tc_summary browser
