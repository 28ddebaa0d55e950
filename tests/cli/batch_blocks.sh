#!/bin/sh
# `shebao batch` reads its input in blocks and hands the whole records of a block to the workers in pieces cut at
# a line end after an even number of quotes; a piece whose reader does not end between records (a quoted field
# across the cut, or quotes RFC 4180 would not write) sends the block back to the single main reader. This test
# checks that the cutting never changes the output: an input full of the awkward cases (quoted fields holding
# line ends, commas and doubled quotes; stray and unbalanced quotes; CRLF, CR-only and blank lines; invalid UTF-8;
# a long field; pass-through columns; error rows), read with blocks of 1 byte to the default 2 MiB, on 1, 2 and 3
# threads, gives byte for byte the same output and the same exit code every time. With 1-byte blocks no block
# ever holds a whole record but a blank line, so that run is the main reader alone: the reference.
#
#   sh tests/cli/batch_blocks.sh build/shebao
#   SHEBAO_VALGRIND=1 sh tests/cli/batch_blocks.sh build/shebao   a few of the runs under valgrind (errors, leaks)

. "$(dirname "$0")/../lib/cases.sh"
tc_init blocks 1 1 PATH/TO/shebao "$@"
T=batch-blocks

# 40 copies of a set of awkward records, ids numbered so that every output row is traceable
IN=$TMP/in.csv
printf 'id,birth,sex,plan,collective,backpay,note\r\n' >"$IN"
i=0
while [ $i -lt 40 ]; do
    {
        printf 'A%d,1966-05,male,2024-2025:300,,,plain\n' $i
        printf '"B%d",1980-05,female,"2016-2023:500,2024-2040:7000",100,,"a, quoted, note"\r\n' $i
        printf 'C%d,1970-01,male,"2010-2023:300,2024-2029:1000",,"3:1000","two\nlines, one ""quoted"" word"\n' $i
        printf '\n'
        printf 'D%d,1975-07,female,2020-2034:2000,,,cr only\r' $i
        printf 'E%d,19"70-01,male,2024-2029:300,,,stray quote in an unquoted field\n' $i
        printf 'F%d,1970-01,male,2024-2029:300,,,"a quote that closes late\n,still the note\n"\n' $i
        printf 'G%d,1970-01,male,2024-2029:300,,,\377\376 not utf-8\n' $i
        printf 'H%d,1970-01,male,2024-2029:300,,,%s\n' $i "$(printf '%0300d' 0)"
        printf 'I%d,1970-13,male,2024-2029:300,,,bad month\n' $i
        printf 'J%d,1970-01,male,2024-2029:300,,,"""\n' $i
        printf 'K%d,1970-01,male,2024-2029:300,,,"closed"\n' $i
    } >>"$IN"
    i=$((i + 1))
done
printf 'Z,1970-01,male,2024-2029:300,,,"never closed\nat the end of the input' >>"$IN"

SHEBAO_BATCH_BLOCK=1 "$BIN" batch --threads 1 --in "$IN" --out "$TMP/ref.csv" 2>"$TMP/ref.err"
ref_rc=$?
[ -s "$TMP/ref.csv" ] || { failed $T "no output with 1-byte blocks"; exit 1; }
grep -q '^A39,not_eligible,' "$TMP/ref.csv" || failed $T "the reference lacks row A39"
grep -q '^I0,error,"birth' "$TMP/ref.csv" || failed $T "the reference lacks the error row I0"
runs=0
for b in 1 2 3 5 8 13 64 100 257 1000 4096 65536 default; do
    for t in 1 2 3; do
        if [ "$b" = default ]; then
            "$BIN" batch --threads "$t" --in "$IN" --out "$TMP/out.csv" 2>/dev/null
        else
            SHEBAO_BATCH_BLOCK=$b "$BIN" batch --threads "$t" --in "$IN" --out "$TMP/out.csv" 2>/dev/null
        fi
        rc=$?
        runs=$((runs + 1))
        [ "$rc" -eq "$ref_rc" ] || failed $T "block $b, $t threads: exit $rc, expected $ref_rc"
        cmp -s "$TMP/ref.csv" "$TMP/out.csv" || failed $T "block $b, $t threads: output differs from the main reader's"
    done
done
if [ -n "$VG" ]; then
    for b in 100 4096; do
        SHEBAO_BATCH_BLOCK=$b $VG "$BIN" batch --threads 3 --in "$IN" --out "$TMP/vg.csv" 2>"$TMP/vg.err"
        rc=$?
        runs=$((runs + 1))
        [ "$rc" -eq "$ref_rc" ] || failed $T "valgrind, block $b: exit $rc
$(cat "$TMP/vg.err")"
        cmp -s "$TMP/ref.csv" "$TMP/vg.csv" || failed $T "valgrind, block $b: output differs"
    done
fi
# the same through a pipe (reads may come short)
cat "$IN" | "$BIN" batch --threads 2 --out "$TMP/pipe.csv" 2>/dev/null
cmp -s "$TMP/ref.csv" "$TMP/pipe.csv" || failed $T "piped input: output differs"
[ $fail -eq 0 ] && echo "batch-blocks: $runs runs (blocks of 1 byte to 2 MiB, 1-3 threads) and a pipe: identical output"
[ $fail -eq 0 ]
