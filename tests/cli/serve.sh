#!/bin/sh
# `shebao serve` against its contract (docs/serve.md), with curl on a free loopback port:
#   * every route answers; each POST answer and GET /v1/policies/ID is byte for byte what the CLI prints with
#     --format json for the same options (the SVG chart: what compare --chart FILE.svg writes), GET / is one
#     HTML page that links nothing outside, and each refusal the CLI would make is {"error":{"code":EXIT,"message":
#     MESSAGE}} with the CLI's exit code and message (the expectation is the CLI's own run, made here);
#   * every status: 200, 400 (bad value, usage, wrong member type, not JSON, not UTF-8, not an object), 404 (route,
#     region), 405 (with Allow), 413 (declared and chunked bodies over --max-body), 422 (policy), 431 (headers over
#     the connection's memory, libmicrohttpd's own answer);
#   * hostile clients in small numbers: a truncated body and an idle connection are closed after --timeout, garbage
#     and many connections opened and dropped leave /v1/health answering, parallel requests all get the CLI's bytes;
#   * one log line per request on standard error; SIGTERM ends the server with exit 0 (under valgrind: no error,
#     no leak); a second server on one policy file (--policy) answers for it alone. The server is killed when the
#     test ends, however it ends.
#
#   sh tests/cli/serve.sh build/shebao                      (from the repository root; `make check`)
#   SHEBAO_VALGRIND=1 sh tests/cli/serve.sh build/shebao    the server under valgrind

. "$(dirname "$0")/../lib/cases.sh"
tc_init serve 1 1 PATH/TO/shebao "$@"
tc_limit 20 120

if ! command -v curl >/dev/null 2>&1; then
    echo "serve.sh: curl not found (Debian package curl; 'make deps' installs it)" >&2
    exit 2
fi

. "$(dirname "$0")/../lib/server.sh"
trap 'stop_server; rm -rf "$TOP"' EXIT

start_server --threads 2 --max-body 4096 --timeout 2 --max-connections 64

# call METHOD PATH [BODY]: the answer's body in $TMP/got, its status in $status (000: no answer); the request
# carries the header Accept-Language: $ACCEPT when ACCEPT is set
ACCEPT=
call() {
    if [ $# -ge 3 ]; then
        printf '%s' "$3" >"$TMP/body"
        status=$(curl -s -m "$LIMIT" -o "$TMP/got" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
            ${ACCEPT:+-H "Accept-Language: $ACCEPT"} --data-binary @"$TMP/body" "$URL$2")
    else
        status=$(curl -s -m "$LIMIT" -o "$TMP/got" -w '%{http_code}' -X "$1" ${ACCEPT:+-H "Accept-Language: $ACCEPT"} \
            "$URL$2")
    fi
}

# like NAME METHOD PATH BODY STATUS CLI-ARGS... : the answer has STATUS and is what `shebao CLI-ARGS` prints:
# its standard output (exit 0), or its exit code and message as the error body
like() {
    name=$1 method=$2 path=$3 body=$4 want=$5
    shift 5
    call "$method" "$path" "$body"
    "$BIN" "$@" >"$TMP/want" 2>"$TMP/err"
    code=$?
    if [ "$code" != 0 ]; then
        msg=$(sed 's/^shebao: //' "$TMP/err")
        printf '{"error":{"code":%d,"message":"%s"}}\n' "$code" "$msg" >"$TMP/want"
    fi
    if [ "$status" != "$want" ]; then
        failed "$name" "status $status, expected $want: $(head -c 300 "$TMP/got")"
    elif ! cmp -s "$TMP/got" "$TMP/want"; then
        failed "$name" "not the CLI's bytes: $(tc_diff "$TMP/want" "$TMP/got")"
    else
        passed
    fi
}

# refused NAME METHOD PATH BODY STATUS CODE PATTERN : an error body with that status, code and a message holding
# PATTERN (grep -F)
refused() {
    call "$2" "$3" "$4"
    if [ "$status" != "$5" ]; then
        failed "$1" "status $status, expected $5: $(head -c 300 "$TMP/got")"
    elif ! grep -q "^{\"error\":{\"code\":$6,\"message\":\".*\"}}\$" "$TMP/got" || ! grep -F -q -e "$7" "$TMP/got"; then
        failed "$1" "error body: $(head -c 300 "$TMP/got")"
    else
        passed
    fi
}

# health NAME : GET /v1/health answers 200 with the library's version
health() {
    call GET /v1/health
    version=$("$BIN" version | sed -n 's/.*(library \([^,]*\),.*/\1/p')
    if [ "$status" = 200 ] && [ "$(cat "$TMP/got")" = "{\"status\":\"ok\",\"version\":\"$version\"}" ]; then
        passed
    else
        failed "$1" "status $status: $(head -c 200 "$TMP/got")"
    fi
}

P='{"birth":"1975-03","grade":"2000","start":2020,"years":15,"region":"zhejiang-taizhou"}'
PA='--birth 1975-03 --grade 2000 --start 2020 --years 15 --region zhejiang-taizhou'
ADL='"adl":"10,10,5,10,10,10,15,15,10,5","cognition":"4,4,4,4","perception":"4,4,4"'

# ---- every route, the CLI's bytes ----
health health
call GET /v1/policies
ids=$(grep -o '"id": "[^"]*"' "$TMP/got" | sed 's/"id": "\(.*\)"/\1/' | tr '\n' ' ')
want_ids=$("$BIN" policy list | awk '{ printf "%s ", $1 }')
if [ "$status" = 200 ] && [ "$ids" = "$want_ids" ]; then passed; else failed policies "status $status, ids '$ids', expected '$want_ids'"; fi
like policy-show GET /v1/policies/zhejiang-taizhou '' 200 policy show zhejiang-taizhou --format json
like policy-show-national GET /v1/policies/national '' 200 policy show national --format json
# shellcheck disable=SC2086 # $PA: the options, split on purpose
like project POST /v1/project "$P" 200 project $PA --format json
like project-plan POST /v1/project '{"birth":"1970-11","sex":"female","plan":"2012-2016:500,2017-2022:2000","collective":"100","backpay":"2:1000","explain":true}' \
    200 project --birth 1970-11 --sex female --plan 2012-2016:500,2017-2022:2000 --collective 100 --backpay 2:1000 --explain --format json
like project-format-json POST /v1/project '{"birth":"1975-03","grade":"2000","start":2020,"years":15,"format":"json","explain":false}' \
    200 project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format json
like project-not-eligible POST /v1/project '{"birth":"1966-01","grade":"300","start":2020,"years":3}' \
    200 project --birth 1966-01 --grade 300 --start 2020 --years 3 --format json
like compare POST /v1/compare '{"birth":"1980-05","start":2025}' 200 compare --birth 1980-05 --start 2025 --format json
like compare-lists POST /v1/compare '{"birth":"1975-03","start":2020,"sex":"female","grades":"500,2000","years":"15,16","region":"zhejiang-taizhou"}' \
    200 compare --birth 1975-03 --start 2020 --sex female --grades 500,2000 --years 15,16 --region zhejiang-taizhou --format json
like policy-grades POST /v1/policy/grades '{"year":2026,"region":"zhejiang-taizhou"}' 200 \
    policy grades --year 2026 --region zhejiang-taizhou --format json
like ltc-assess POST /v1/ltc/assess "{$ADL,\"region\":\"zhejiang-taizhou\"}" 200 ltc assess --adl 10,10,5,10,10,10,15,15,10,5 \
    --cognition 4,4,4,4 --perception 4,4,4 --region zhejiang-taizhou --format json
like ltc-benefit POST /v1/ltc/benefit '{"grade":5,"mode":"institution","month":"2025-06","days":30,"cost":"6000","region":"zhejiang-taizhou"}' \
    200 ltc benefit --grade 5 --mode institution --month 2025-06 --days 30 --cost 6000 --region zhejiang-taizhou --format json
like ltc-fund POST /v1/ltc/fund '{"group":"resident","month":"2025-01","region":"zhejiang-taizhou"}' \
    200 ltc fund --group resident --month 2025-01 --region zhejiang-taizhou --format json
like retire POST /v1/retire '{"birth":"1965-02","category":"male"}' 200 retire --birth 1965-02 --category male --format json
like employee-form POST /v1/employee '{"birth":"1976-06","category":"female50","retire":"2026-06","years-paid":"19.42","index":"1.1222","account":"149442.32"}' \
    200 employee --birth 1976-06 --category female50 --retire 2026-06 --years-paid 19.42 --index 1.1222 --account 149442.32 --format json
like employee-plan POST /v1/employee '{"birth":"1965-06","category":"male","plan":"2020-2022:60%","paid-years":"13","index":"0.7","explain":true}' \
    200 employee --birth 1965-06 --category male --plan 2020-2022:60% --paid-years 13 --index 0.7 --explain --format json
like choose POST /v1/choose '{"birth":"1978-03","sex":"male","start":2019}' 200 choose --birth 1978-03 --sex male --start 2019 --format json

# the chart: the bytes that `compare --chart FILE.svg` writes
call POST /v1/compare/chart.svg '{"birth":"1980-05","start":2025,"lang":"en"}'
"$BIN" compare --birth 1980-05 --start 2025 --lang en --chart "$TMP/want.svg" >/dev/null 2>&1
if [ "$status" = 200 ] && cmp -s "$TMP/got" "$TMP/want.svg"; then passed; else failed chart "status $status, or not the CLI's chart"; fi
# the phone page: one HTML document that fetches nothing from elsewhere
status=$(curl -s -m "$LIMIT" -o "$TMP/got" -w '%{http_code} %{content_type}' "$URL/")
if [ "$status" = '200 text/html; charset=utf-8' ] && grep -q '^<!DOCTYPE html>' "$TMP/got" && ! grep -q -i 'https\{0,1\}://' "$TMP/got"; then
    passed
else
    failed page "$status"
fi

# the page's lowest-vs-highest sentences (its JS, run by node when present) are the ones `compare` prints
if command -v node >/dev/null 2>&1; then
    "$BIN" compare --birth 1980-05 --start 2025 --format json >"$TMP/cmp.json"
    { echo 'let lang = "zh";'; sed -n '/^function sentence/,/^}/p' "$TMP/got"
      echo 'const d = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));'
      echo 'console.log(sentence(d)); lang = "en"; console.log(sentence(d));'; } >"$TMP/sentence.js"
    node "$TMP/sentence.js" "$TMP/cmp.json" >"$TMP/page.txt" 2>&1
    "$BIN" compare --birth 1980-05 --start 2025 | sed -n '/^最低档与最高档/{n;p;n;p;}' >"$TMP/cli.txt"
    if [ -s "$TMP/cli.txt" ] && cmp -s "$TMP/page.txt" "$TMP/cli.txt"; then
        passed
    else
        failed page-sentences "$(tc_diff "$TMP/cli.txt" "$TMP/page.txt")"
    fi
fi

# ---- the CLI's refusals: its exit code and message ----
like bad-month POST /v1/project '{"birth":"1975-13","grade":"2000","start":2020,"years":15}' 400 \
    project --birth 1975-13 --grade 2000 --start 2020 --years 15 --format json
like missing-birth POST /v1/project '{"grade":"2000","start":2020,"years":15}' 400 \
    project --grade 2000 --start 2020 --years 15 --format json
like unknown-option POST /v1/project '{"birth":"1975-03","colour":"red"}' 400 project --birth 1975-03 --colour=red --format json
like bad-grade POST /v1/project '{"birth":"1975-03","grade":"-5","start":2020,"years":15}' 400 \
    project --birth 1975-03 --grade=-5 --start 2020 --years 15 --format json
like negative-int POST /v1/project '{"birth":"1975-03","grade":"2000","start":-2020,"years":15}' 400 \
    project --birth 1975-03 --grade 2000 --start=-2020 --years 15 --format json
like ltc-policy-error POST /v1/ltc/assess "{$ADL,\"region\":\"national\"}" 422 ltc assess --adl 10,10,5,10,10,10,15,15,10,5 \
    --cognition 4,4,4,4 --perception 4,4,4 --region national --format json
like unknown-region POST /v1/project '{"birth":"1975-03","grade":"2000","start":2020,"years":15,"region":"atlantis"}' 404 \
    project --birth 1975-03 --grade 2000 --start 2020 --years 15 --region atlantis --format json
like unknown-policy-id GET /v1/policies/atlantis '' 404 policy show atlantis --format json

# ---- the service's own refusals ----
refused wrong-type-real POST /v1/project '{"birth":"1975-03","discount":0.03}' 400 2 "member 'discount' must be a string"
refused wrong-type-list POST /v1/project '{"birth":["1975-03"]}' 400 2 "member 'birth' must be a string"
refused wrong-type-null POST /v1/project '{"birth":null}' 400 2 "member 'birth' must be a string"
refused wrong-type-object POST /v1/compare '{"birth":{"y":1975}}' 400 2 "member 'birth' must be a string"
refused switch-not-bool POST /v1/project '{"birth":"1975-03","explain":"yes"}' 400 2 "member 'explain' must be true or false"
refused not-an-option-name POST /v1/project '{"--birth":"1975-03"}' 400 2 "is not an option name"
refused file-member POST /v1/project '{"birth":"1975-03","policy":"/etc/passwd"}' 400 2 "member 'policy' is not taken over HTTP"
refused chart-member POST /v1/compare '{"birth":"1975-03","start":2020,"chart":"/tmp/x.png"}' 400 2 "member 'chart' is not taken"
# a member that is no option of the command is the command's refusal, whatever its value's type
like unknown-option-bool POST /v1/choose '{"birth":"1980-01","start":2025,"explain":true}' 400 choose --birth 1980-01 --start 2025 --explain --format json
like unknown-option-object POST /v1/retire '{"birth":"1965-02","category":"male","grades":{"a":[1]}}' 400 retire --birth 1965-02 --category male --grades --format json
refused choose-sex-category POST /v1/choose '{"birth":"1980-01","start":2025,"sex":"male","category":"female50"}' 400 2 \
    "--sex male and --category female50 do not go together"
refused employee-plan-before-16 POST /v1/employee '{"birth":"2004-06","category":"male","plan":"2019-2020:100%"}' 400 4 \
    "plan segment 1: year 2019 is before the person turns 16 (born 2004-06; first allowed year 2020)"
refused employee-long-category POST /v1/employee "{\"birth\":\"1980-01\",\"category\":\"$(printf %03000d 0)\"}" 400 2 \
    "not '0000000000000000000000000000000000000000...' (see"
refused employee-plan-bad POST /v1/employee '{"birth":"1965-06","category":"male","plan":"2024:59%"}' 400 4 "a share must be 60% to 300%"
refused help-member POST /v1/project '{"help":true}' 400 2 "member 'help' is not taken"
refused format-csv POST /v1/project '{"birth":"1975-03","format":"csv"}' 400 2 "member 'format' must be"
refused not-json POST /v1/project '{"birth":' 400 4 "the body is not JSON"
refused empty-body POST /v1/project '' 400 4 "the body is not JSON"
refused duplicate-member POST /v1/project '{"birth":"1975-03","birth":"1976-03"}' 400 4 "the body is not JSON"
refused not-object POST /v1/project '[1,2]' 400 4 "not a list"
refused not-object-scalar POST /v1/project '"birth"' 400 4 "not a single value"
refused not-utf8 POST /v1/project "$(printf '{"birth":"\377\376"}')" 400 4 "the body is not JSON"
refused nul-escape POST /v1/project '{"birth":"1975-03\u0000"}' 400 4 "the body is not JSON"
refused nul-in-path POST '/v1/retire%00x' '{"birth":"1965-02","category":"male"}' 404 2 "no such route: /v1/retire%00x"
refused nul-in-policy-id GET '/v1/policies/zhejiang%00x' '' 404 3 "unknown policy 'zhejiang%00x'"
refused no-route GET /v2/health '' 404 2 "no such route"
refused no-route-prefix GET /v1/policies/ '' 404 2 "no such route"
refused method-get POST /v1/health '{}' 405 2 "/v1/health takes GET"
refused method-post GET /v1/project '' 405 2 "/v1/project takes POST"
curl -s -o /dev/null -D "$TMP/headers" -X PUT "$URL/v1/compare"
if grep -q -i '^Allow: POST' "$TMP/headers"; then passed; else failed allow-header "$(head -c 300 "$TMP/headers")"; fi
big=$(head -c 5000 /dev/zero | tr '\0' ' ')
refused body-over-limit POST /v1/project "{$big}" 413 4 "over 4096 bytes"
head -c 5000 /dev/zero | tr '\0' ' ' >"$TMP/big"
status=$(curl -s -m "$LIMIT" -o "$TMP/got" -w '%{http_code}' -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big" \
    "$URL/v1/project")
if [ "$status" = 413 ]; then passed; else failed body-over-limit-chunked "status $status"; fi
head -c 40000 /dev/zero | tr '\0' a | sed 's/^/X-Big: /' >"$TMP/header"
status=$(curl -s -m "$LIMIT" -o /dev/null -w '%{http_code}' -H @"$TMP/header" "$URL/v1/health")
if [ "$status" = 431 ]; then passed; else failed header-too-large "status $status"; fi

# ---- the language of a refusal: ?lang=, else Accept-Language, else the server's; the body's "lang" after it ----
# (the Chinese sentences: the msgstr of po/zh_CN.po, written out here)
ACCEPT='zh-CN,zh;q=0.9'
refused zh-no-route GET /v2/health '' 404 2 '"message":"没有这个地址：/v2/health（见 docs/serve.md）"'
refused zh-query-en GET '/v2/health?lang=en' '' 404 2 '"message":"no such route: /v2/health (see docs/serve.md)"'
refused zh-method GET /v1/project '' 405 2 '"message":"/v1/project 只接受 POST，不接受 GET"'
refused zh-body-over-limit POST /v1/project "{$big}" 413 4 '"message":"请求体超过 4096 字节（--max-body）"'
refused zh-not-json POST /v1/project '{"birth":' 400 4 '"message":"请求体不是 JSON（UTF-8）：'
refused zh-not-object POST /v1/project '[1,2]' 400 4 '"message":"请求体应为选项组成的 JSON 对象，不能是列表"'
refused zh-not-object-scalar POST /v1/project '"birth"' 400 4 '"message":"请求体应为选项组成的 JSON 对象，不能是单个值"'
refused zh-format-csv POST /v1/project '{"birth":"1975-03","format":"csv"}' 400 2 \
    '"message":"成员 '"'format'"' 应为 \"json\"：服务只用 JSON 回答"'
refused zh-bad-query GET '/v1/health?lang=fr' '' 400 2 '"message":"查询参数 lang 应为 zh、en 或 both，不能是 '"'fr'"'"'
# the body's "lang" wins for the body's own refusals, wherever it is among the members, and for the command's
refused zh-body-en POST /v1/project '{"lang":"en","birth":"1975-03","format":"csv"}' 400 2 \
    '"message":"member '"'format'"' must be \"json\": the service answers in JSON"'
refused zh-body-en-last POST /v1/project '{"birth":"1975-03","format":"csv","lang":"en"}' 400 2 \
    '"message":"member '"'format'"' must be \"json\": the service answers in JSON"'
like zh-body-en-command POST /v1/project '{"birth":"1975-13","lang":"en"}' 400 project --birth 1975-13 --lang en --format json
# the header's language for the whole request when the body names none: the command's and the library's messages
like zh-command POST /v1/project '{"birth":"1975-13"}' 400 project --birth 1975-13 --lang zh --format json
like zh-unknown-policy-id GET /v1/policies/atlantis '' 404 policy show atlantis --lang zh --format json
# shellcheck disable=SC2086 # $PA: the options, split on purpose
like zh-ok POST /v1/project "$P" 200 project $PA --format json
# the tag of the highest q among zh* and en* (ties: the first); a header that cannot be read is passed over
ACCEPT='fr, en;q=0.8, ZH-tw;q=0.9'
refused accept-highest-q GET /v2/health '' 404 2 '"message":"没有这个地址：'
ACCEPT='en-GB, zh'
refused accept-tie-first GET /v2/health '' 404 2 '"message":"no such route: /v2/health (see docs/serve.md)"'
ACCEPT='zh;q=0, en;q=0.1'
refused accept-q-zero GET /v2/health '' 404 2 '"message":"no such route: '
ACCEPT='zh;q=high'
refused accept-unreadable GET /v2/health '' 404 2 '"message":"no such route: '
ACCEPT='zha, fr'
refused accept-no-zh-en GET /v2/health '' 404 2 '"message":"no such route: '
ACCEPT=
refused query-zh GET '/v2/health?lang=zh' '' 404 2 '"message":"没有这个地址：/v2/health（见 docs/serve.md）"'
refused query-bad GET '/v1/health?lang=' '' 400 2 "the query argument lang must be zh, en or both, not ''"

# ---- GET /v1/policies: name_zh, the region's Chinese name in its policy file ----
want=$(sed -n 's/^  "name_zh": "\(.*\)",$/\1/p' data/policies/zhejiang-taizhou.json) # 台州市区
call GET /v1/policies
if [ -n "$want" ] && tr -d '\n' <"$TMP/got" | grep -F -q "\"id\": \"zhejiang-taizhou\",      \"name\": \"$(sed -n 's/^  "name": "\(.*\)",$/\1/p' data/policies/zhejiang-taizhou.json)\",      \"name_zh\": \"$want\",      \"lineage\""; then
    passed
else
    failed policies-name-zh "no name_zh \"$want\" for zhejiang-taizhou: $(grep -A 3 '"zhejiang-taizhou"' "$TMP/got")"
fi

# ---- hostile clients, in small numbers ----
start=$(date +%s)
printf 'POST /v1/project HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"bi' | curl -s -m "$LIMIT" telnet://127.0.0.1:"$PORT" >/dev/null
curl -s -m "$LIMIT" telnet://127.0.0.1:"$PORT" </dev/null >/dev/null
took=$(($(date +%s) - start))
if [ "$took" -lt "$LIMIT" ]; then passed; else failed timeouts "a truncated body and an idle connection took ${took} s"; fi
printf 'GARBAGE \001\002\r\n\r\n' | curl -s -m 5 telnet://127.0.0.1:"$PORT" >/dev/null
health health-after-garbage
# 200 connections opened and dropped, 50 at a time, while /v1/health keeps answering
n=0
while [ $n -lt 4 ]; do
    k=0
    pids=
    while [ $k -lt 50 ]; do
        curl -s -m 1 telnet://127.0.0.1:"$PORT" </dev/null >/dev/null 2>&1 &
        pids="$pids $!"
        k=$((k + 1))
    done
    health "health-during-drops-$n"
    for j in $pids; do wait "$j" 2>/dev/null; done
    n=$((n + 1))
done
health health-after-drops
# 16 requests at once: each gets the CLI's bytes
# shellcheck disable=SC2086
"$BIN" project $PA --format json >"$TMP/want"
printf '%s' "$P" >"$TMP/par.body"
k=0
pids=
while [ $k -lt 16 ]; do
    curl -s -m "$LIMIT" --data-binary @"$TMP/par.body" -o "$TMP/par.$k" "$URL/v1/project" &
    pids="$pids $!"
    k=$((k + 1))
done
for j in $pids; do wait "$j"; done
k=0
bad=0
while [ $k -lt 16 ]; do
    cmp -s "$TMP/par.$k" "$TMP/want" || bad=$((bad + 1))
    k=$((k + 1))
done
if [ $bad = 0 ]; then passed; else failed parallel "$bad of 16 answers differ from the CLI's"; fi

# ---- the log, and SIGTERM ----
if grep -q '^POST /v1/project 200 [0-9]*us$' "$LOG" && grep -q '^GET /v1/nope 404\|^GET /v2/health 404 [0-9]*us$' "$LOG"; then
    passed
else
    failed log "$(tail -n 3 "$LOG")"
fi
stop_with_sigterm sigterm

# ---- one policy file served: requests without "region" get it, other regions are refused ----
start_server --threads 1 --policy data/policies/zhejiang.json
like file-policy POST /v1/project '{"birth":"1975-03","grade":"2000","start":2020,"years":15}' 200 \
    project --birth 1975-03 --grade 2000 --start 2020 --years 15 --policy data/policies/zhejiang.json --format json
refused file-policy-other-region POST /v1/project '{"birth":"1975-03","region":"zhejiang-taizhou"}' 404 3 \
    "policy 'zhejiang-taizhou' is not served here (served: zhejiang)"
stop_with_sigterm sigterm-file-policy

# ---- a policy file without name_zh: null in /v1/policies; --lang zh: the server's language for every request ----
grep -v '^  "name_zh": ' data/policies/zhejiang.json >"$TMP/no-name-zh.json"
start_server --threads 1 --policy "$TMP/no-name-zh.json" --lang zh
call GET /v1/policies
if [ "$status" = 200 ] && tr -d '\n ' <"$TMP/got" | grep -F -q '"id":"zhejiang","name":"浙江省城乡居民基本养老保险（全省最低标准）/Zhejiang' &&
    tr -d '\n ' <"$TMP/got" | grep -F -q '(provincialminimum)","name_zh":null,"lineage":'; then
    passed
else
    failed policies-name-zh-null "$(head -c 400 "$TMP/got")"
fi
refused server-lang-zh GET /v2/health '' 404 2 '"message":"没有这个地址：/v2/health（见 docs/serve.md）"'
refused server-lang-zh-query-both GET '/v2/health?lang=both' '' 404 2 '"message":"no such route: /v2/health (see docs/serve.md)"'
stop_with_sigterm sigterm-lang-zh

tc_summary serve
