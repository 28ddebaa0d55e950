#!/bin/sh
# The answer key of the Chinese worksheet (docs/teaching.zh.md) is what the teaching programs print: each fenced
# ```text block whose first line is "$ build/examples/NAME" lists lines that must each be a whole line of NAME's
# output, as `make examples-run` saved it (BUILD/examples/NAME.out). A changed figure or sentence in a program, or a
# hand-edited answer, fails here.
#
#   sh tests/teaching_key.sh build/examples docs/teaching.zh.md      (make examples-run, after the programs ran)

if [ $# -ne 2 ]; then
    echo "usage: sh tests/teaching_key.sh BUILD/examples DOC.md" >&2
    exit 2
fi
DIR=$1 DOC=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-key.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

# one file per block: the program's name, then the lines expected
awk -v dir="$TMP" '
    /^```text$/ { inblock = 1; first = 1; next }
    /^```$/ { if (inblock && name != "") close(file); inblock = 0; name = ""; next }
    inblock && first { first = 0; if ($0 ~ /^\$ build\/examples\/[a-z_]+$/) { name = substr($0, 18); n++;
                       file = dir "/" n "." name } next }
    inblock && name != "" { print > file }
' "$DOC"

pass=0
fail=0
blocks=0
for f in "$TMP"/*.*; do
    [ -e "$f" ] || continue
    blocks=$((blocks + 1))
    name=${f##*.}
    out=$DIR/$name.out
    if [ ! -f "$out" ]; then
        echo "FAIL $DOC: no output of $name ($out; run make examples-run)"
        fail=$((fail + 1))
        continue
    fi
    while IFS= read -r line; do
        if grep -qxF -- "$line" "$out"; then
            pass=$((pass + 1))
        else
            echo "FAIL $DOC: $name does not print the line: $line"
            fail=$((fail + 1))
        fi
    done <"$f"
done
if [ $blocks -eq 0 ]; then
    echo "FAIL $DOC: no answer block"
    fail=$((fail + 1))
fi
echo "teaching_key.sh: $pass answer lines found in the programs' output, $fail failed"
[ $fail -eq 0 ]
