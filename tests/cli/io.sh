#!/bin/sh
# Input and output of the command line, where the case format of tests/cli/run.sh does not reach (a redirection,
# files set up before a run and checked after it):
#   * every command writing to a full device (/dev/full) ends with exit 1 and one line,
#     "shebao: write error on standard output: No space left on device", never with success;
#   * batch refuses an input that is not a file it can read (standard input on a directory) with exit 4;
#   * batch refuses an output that is its input file (the same path, a symbolic or a hard link, standard input or
#     output) with exit 2, and leaves the input as it was;
#   * batch --out FILE becomes the output only when the run succeeds: a bad header, a write that fails midway
#     (a file size limit, ulimit -f) or SIGTERM leave the old FILE as it was and no temporary file behind; a
#     symbolic link is written through, and the file keeps its permission bits (a new one: 0666 less the umask);
#   * compare --chart FILE likewise: refused (exit 2) when it is the --policy file, and a write that fails midway
#     (exit 1) leaves the old FILE as it was.
# The expected exit codes and messages are written by hand from the rules (README.md, docs/scale.md).
#
#   sh tests/cli/io.sh build/shebao          (from the repository root; `make check`)
#   SHEBAO_VALGRIND=1 sh tests/cli/io.sh build/shebao   every run under valgrind (`make check-valgrind`)

. "$(dirname "$0")/../lib/cases.sh"
tc_init io 1 1 PATH/TO/shebao "$@"
if [ ! -d tests/cli/data ]; then
    echo "io.sh: run me from the repository root (tests/cli/data not found)" >&2
    exit 2
fi

# expect NAME RC WANT_RC ERRFILE WANT_STDERR : the exit code and the exact standard error (the time and rate of a
# batch summary line replaced by S and R)
expect() {
    sed -E 's/, [0-9]+\.[0-9]+ s, [0-9]+ rows\/s$/, S s, R rows\/s/' "$4" >"$4.norm"
    printf '%s\n' "$5" >"$TMP/want.err"
    if [ "$2" != "$3" ]; then
        failed "$1" "exit code $2, expected $3 (stderr: $(head -n 2 "$4" | tr '\n' ' '))"
        return 1
    elif ! cmp -s "$4.norm" "$TMP/want.err"; then
        failed "$1" "stderr: $(tr '\n' '|' <"$4.norm"), expected: $(tr '\n' '|' <"$TMP/want.err")"
        return 1
    fi
    pass=$((pass + 1))
    return 0
}

# check NAME TEST... : one more check, passed when the test command succeeds
check() {
    check_name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        failed "$check_name" "failed: $*"
    fi
}

FULL='shebao: write error on standard output: No space left on device'

# full NAME ARGS... : standard output on /dev/full
full() {
    name=$1
    shift
    run "$@" >/dev/full 2>"$TMP/err" </dev/null
    expect "full-$name" $? 1 "$TMP/err" "$FULL"
}

IN=$TMP/people.csv
printf 'id,birth,sex,plan,collective,backpay\n1,1980-01,female,,,5:1000\n' >"$IN"

full version version
full help help
full policy-list policy list
full policy-show policy show zhejiang
full policy-show-json policy show zhejiang --format json
full policy-check policy check tests/cli/data/user-standalone.json
full project project --birth 1975-03 --grade 2000 --start 2020 --years 15
full project-json project --birth 1975-03 --grade 2000 --start 2020 --years 15 --format json
full project-explain project --birth 1975-03 --grade 2000 --start 2020 --years 15 --explain
full compare compare --birth 1980-05 --start 2025
full compare-json compare --birth 1980-05 --start 2025 --format json
full ltc-assess ltc assess --adl 10,10,5,10,10,10,15,15,10,5 --cognition 4,4,4,4 --perception 4,4,4 --format json
full ltc-benefit ltc benefit --region zhejiang-hangzhou --grade 5 --mode home_visit --month 2025-06 --hours 40 \
    --price 60
full ltc-fund ltc fund --region zhejiang-hangzhou --group employee --month 2025-01
full ltc-cost ltc cost --beneficiaries 1000 --grade-mix 3:0.5,4:0.3,5:0.2 --mode-mix institution:0.6,home_visit:0.4 \
    --months 12 --from 2025-01 --cost 2400 --hours 30 --price 60
# batch: the rows are all projected (the output is held in a buffer until the end), then the write fails
run batch --threads 1 --in "$IN" >/dev/full 2>"$TMP/err"
expect full-batch $? 1 "$TMP/err" "$FULL
batch: rows 1, ok 0, not eligible 1, errors 0, S s, R rows/s"

# an input that cannot be read as a file: exit 4 (docs/scale.md), nothing written
run batch <"$TMP" >"$TMP/out" 2>"$TMP/err"
expect stdin-directory $? 4 "$TMP/err" "shebao: standard input: Is a directory"
check stdin-directory-nothing-written [ ! -s "$TMP/out" ]

# ---- batch: an output that is the input file ----------------------------------------------------------------

D=$TMP/same
mkdir "$D"
cp "$IN" "$D/p.csv"
ln -s p.csv "$D/sym.csv"
ln "$D/p.csv" "$D/hard.csv"

# same NAME WANT_STDERR COMMAND : COMMAND (arguments and redirections, evaluated) run in the folder: exit 2, the
# message, the input unchanged, nothing else in the folder. (Files are limited to 1 MiB: a run that appended to its
# own input could otherwise read its own rows again until the timeout.)
same() {
    name=$1
    want=$2
    cp "$IN" "$D/p.csv" # (the same inode: hard.csv stays a link to it)
    (cd "$D" && trap '' XFSZ && ulimit -f 2048 && eval "run $3" 2>"$TMP/err")
    expect "same-$name" $? 2 "$TMP/err" "$want (see 'shebao help')"
    check "same-$name-input-kept" cmp -s "$D/p.csv" "$IN"
    check "same-$name-nothing-new" [ "$(ls -A "$D" | tr '\n' ' ')" = "hard.csv p.csv sym.csv " ]
}
same path 'shebao: batch: --out p.csv is the same file as --in p.csv' 'batch --in p.csv --out p.csv'
same symlink 'shebao: batch: --out sym.csv is the same file as --in p.csv' 'batch --in p.csv --out sym.csv'
same hardlink 'shebao: batch: --out hard.csv is the same file as --in p.csv' 'batch --in p.csv --out hard.csv'
same symlink-in 'shebao: batch: --out p.csv is the same file as --in sym.csv' 'batch --in sym.csv --out p.csv'
same stdin 'shebao: batch: --out hard.csv is the same file as standard input' 'batch --out hard.csv <p.csv'
same stdout 'shebao: batch: standard output is the same file as --in p.csv' 'batch --in p.csv >>p.csv'
same stdin-stdout 'shebao: batch: standard output is the same file as standard input' 'batch <p.csv >>sym.csv'

# ---- batch --out: the old file stays unless the run succeeds -------------------------------------------------

D=$TMP/dest
mkdir "$D"
BIG=$TMP/big.csv
{
    echo 'id,birth,sex,plan,collective,backpay'
    i=0
    while [ $i -lt 2000 ]; do # about 120 KB of output, more than the 32 KiB of ulimit -f 64
        echo "$i,1980-01,female,,,5:1000"
        i=$((i + 1))
    done
} >"$BIG"
echo 'the previous output' >"$TMP/old.csv"

# kept NAME : the old --out is as it was, and no temporary file is left in its folder
kept() {
    check "$1-old-kept" cmp -s "$D/o.csv" "$TMP/old.csv"
    check "$1-no-temp" [ "$(ls -A "$D" | tr '\n' ' ')" = "o.csv " ]
}

cp "$TMP/old.csv" "$D/o.csv"
printf 'id,name\n1,x\n' >"$TMP/bad.csv"
run batch --in "$TMP/bad.csv" --out "$D/o.csv" 2>"$TMP/err"
expect bad-header $? 4 "$TMP/err" "shebao: input header: missing column(s) birth, sex, plan, collective, backpay \
(needs id,birth,sex,plan,collective,backpay in any order; other columns pass through)"
kept bad-header

# a write that fails midway: a file size limit of 64 blocks of 512 bytes (SIGXFSZ ignored: the write fails, EFBIG)
cp "$TMP/old.csv" "$D/o.csv"
(trap '' XFSZ && ulimit -f 64 && run batch --threads 1 --in "$BIG" --out "$D/o.csv" 2>"$TMP/err")
expect write-fails $? 1 "$TMP/err" "shebao: batch: write error on --out $D/o.csv: File too large
batch: rows 2000, ok 0, not eligible 2000, errors 0, S s, R rows/s"
kept write-fails

run batch --in "$IN" --out /dev/full 2>"$TMP/err"
expect out-dev-full $? 1 "$TMP/err" "shebao: batch: write error on --out /dev/full: No space left on device
batch: rows 1, ok 0, not eligible 1, errors 0, S s, R rows/s"

# SIGTERM while the input is still open (a FIFO): once the temporary file exists, the run is stopped
cp "$TMP/old.csv" "$D/o.csv"
mkfifo "$TMP/fifo"
timeout "$LIMIT" $VG "$BIN" batch --threads 1 --in "$TMP/fifo" --out "$D/o.csv" 2>"$TMP/err" &
pid=$! # (timeout's: it passes the signal on, and ends as its child did)
exec 3>"$TMP/fifo"
printf 'id,birth,sex,plan,collective,backpay\n1,1980-01,female,,,5:1000\n' >&3
has_temp() {
    ls -A "$D" | grep -q '^\.o\.csv\.'
}
n=0
while [ $n -lt $((LIMIT * 10)) ] && kill -0 $pid 2>/dev/null && ! has_temp; do
    sleep 0.1
    n=$((n + 1))
done
check sigterm-temp-seen has_temp
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
rc=$?
exec 3>&-
check sigterm-killed [ $rc -eq 143 ]
kept sigterm

run batch --in "$IN" --out "$TMP/no-such-folder/o.csv" 2>"$TMP/err"
expect out-folder-missing $? 4 "$TMP/err" "shebao: --out $TMP/no-such-folder/o.csv: No such file or directory"

# success: the output replaces the file; through a symbolic link, the file it points to; permission bits kept
run batch --in "$IN" >"$TMP/want.csv" 2>/dev/null
chmod 640 "$D/o.csv"
ln -s o.csv "$D/link.csv"
run batch --in "$IN" --out "$D/link.csv" 2>/dev/null
check link-exit-0 [ $? -eq 0 ]
check link-kept [ -L "$D/link.csv" ]
check link-target-written cmp -s "$D/o.csv" "$TMP/want.csv"
check link-mode-kept [ "$(ls -l "$D/o.csv" | cut -c 1-10)" = "-rw-r-----" ]
(umask 027 && run batch --in "$IN" --out "$D/new.csv" 2>/dev/null)
check new-exit-0 [ $? -eq 0 ]
check new-written cmp -s "$D/new.csv" "$TMP/want.csv"
check new-mode-umask [ "$(ls -l "$D/new.csv" | cut -c 1-10)" = "-rw-r-----" ]
check new-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "link.csv new.csv o.csv " ]

# ---- compare --chart -------------------------------------------------------------------------------------------

D=$TMP/chart
mkdir "$D"
POL=tests/cli/data/compare-simple.json
ln -s p.svg "$D/sym.svg"
for chart in p.svg sym.svg; do
    cp "$POL" "$D/p.svg"
    run compare --policy "$D/p.svg" --birth 1970-01 --start 2012 --years 15,16 --format csv --chart "$D/$chart" \
        >"$TMP/out" 2>"$TMP/err"
    expect "chart-same-$chart" $? 2 "$TMP/err" \
        "shebao: --chart $D/$chart is the same file as --policy $D/p.svg (see 'shebao help')"
    check "chart-same-$chart-policy-kept" cmp -s "$D/p.svg" "$POL"
    check "chart-same-$chart-nothing-written" [ ! -s "$TMP/out" ]
done
rm "$D/p.svg" "$D/sym.svg"

# a write that fails midway (the PNG is about 200 KB, the limit 32 KiB): exit 1, the old file as it was
cp "$TMP/old.csv" "$D/c.png"
(trap '' XFSZ && ulimit -f 64 &&
    run compare --birth 1980-05 --start 2025 --format csv --chart "$D/c.png" >/dev/null 2>"$TMP/err")
expect chart-write-fails $? 1 "$TMP/err" "shebao: cannot write the chart '$D/c.png': File too large"
check chart-write-fails-old-kept cmp -s "$D/c.png" "$TMP/old.csv"
check chart-write-fails-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "c.png " ]
# and one that succeeds replaces it
run compare --birth 1980-05 --start 2025 --format csv --chart "$D/c.png" >/dev/null 2>"$TMP/err"
check chart-written [ "$(od -A n -t x1 -N 4 "$D/c.png" | tr -d ' ')" = 89504e47 ]
check chart-written-no-temp [ "$(ls -A "$D" | tr '\n' ' ')" = "c.png " ]

tc_summary io
