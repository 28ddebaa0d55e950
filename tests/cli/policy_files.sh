#!/bin/sh
# Which files the policy loader opens (docs/policy-format.md, "Inheritance"): only regular files, the policy asked
# for as well as every `extends` parent, checked on the opened file; a parent file only in the folder of the file
# that names it or below; at most 16 policies in a chain, refused with the file asked for and the chain on one
# bounded line. The FIFOs, links and long chains these cases need are made here, at test time, in a scratch folder
# that is the working directory of every run, so the messages hold short relative names. Each run is limited to
# 20 s (300 s under valgrind): a loader that waits on a FIFO fails instead of hanging the suite.
#
#   sh tests/cli/policy_files.sh build/shebao           (from the repository root; `make test`)
#   SHEBAO_VALGRIND=1 sh tests/cli/policy_files.sh build/shebao   every run under valgrind (errors, leaks fail it)
#
# The expected messages are written by hand from the message formats of lib/policy.c.

. "$(dirname "$0")/../lib/cases.sh"
tc_init polfiles 1 1 PATH/TO/shebao "$@"
tc_limit 20 300
cd "$TOP" || exit 2
mkdir work out || exit 2
cd work || exit 2

# check NAME STATUS STDERR : judge the run that just wrote $TOP/out/rc and $TOP/out/err: exit code STATUS and the
# one line STDERR on stderr
check() {
    rc=$(cat "$TOP/out/rc")
    tc_judge_run "$2" "$TOP/out/err"
    if [ -z "$why" ] && { [ "$(cat "$TOP/out/err")" != "$3" ] || [ "$(wc -l <"$TOP/out/err")" -gt 1 ]; }; then
        why="stderr: got '$(cat "$TOP/out/err")', expected '$3'"
    fi
    tc_result "$1"
}

# run ARGS... : the binary with standard input from /dev/null; pipe INPUT ARGS... : with INPUT through a pipe
run() {
    timeout "$LIMIT" $VG "$BIN" "$@" </dev/null >"$TOP/out/stdout" 2>"$TOP/out/err"
    echo $? >"$TOP/out/rc"
}
pipe() {
    input=$1
    shift
    { printf '%s\n' "$input" | timeout "$LIMIT" $VG "$BIN" "$@" >"$TOP/out/stdout" 2>"$TOP/out/err"; echo $? >"$TOP/out/rc"; }
}

# child FILE PARENT : a policy FILE that extends PARENT and sets nothing else
child() {
    printf '{"schema": "shebao-policy/1", "id": "t", "name": "t", "extends": "%s"}\n' "$2" >"$1"
}

# ---- only regular files ---------------------------------------------------------------------------------------

mkfifo fifo.json || exit 2
child to-fifo.json fifo.json
run policy check to-fifo.json
check extends-fifo 3 'shebao: to-fifo.json: $.extends: fifo.json: not a regular file (a FIFO or pipe)'
run policy check fifo.json
check policy-fifo 3 'shebao: fifo.json: not a regular file (a FIFO or pipe)'

# /dev/stdin in a pipeline is the pipe: it must not swallow the batch input
ln -s /dev/stdin stdin.json
child to-stdin.json stdin.json
pipe 'id,birth,sex,plan' batch --policy to-stdin.json
check extends-stdin-batch 3 'shebao: to-stdin.json: $.extends: stdin.json: not a regular file (a FIFO or pipe)'
pipe '{"schema": "shebao-policy/1", "id": "t", "name": "t", "extends": "zhejiang"}' policy check /dev/stdin
check policy-stdin 3 'shebao: /dev/stdin: not a regular file (a FIFO or pipe)'

ln -s /dev/null null.json
child to-null.json null.json
run policy check to-null.json
check extends-dev-null 3 'shebao: to-null.json: $.extends: null.json: not a regular file (a character device)'

mkdir dir.json
child to-dir.json dir.json
run policy check to-dir.json
check extends-directory 3 'shebao: to-dir.json: $.extends: dir.json: not a regular file (a directory)'

# ---- the folder rule ------------------------------------------------------------------------------------------

# a parent in a folder below is fine, and so is a link in the folder, even one that points outside it (a link is
# made by whoever owns the folder, not by the text of a policy)
mkdir sub
child sub/parent.json zhejiang
child to-sub.json sub/parent.json
run policy check to-sub.json
check extends-subfolder 0 ''
child ../out/outside.json zhejiang
ln -s ../out/outside.json link.json
child to-link.json link.json
run policy check to-link.json
check extends-link-outside 0 ''

# the same parent named through '..' or by its absolute path is refused, and so is a way back up from below
child up.json ../out/outside.json
run policy check up.json
check extends-dotdot 3 "shebao: up.json: \$.extends: '../out/outside.json' has a '..' component; a parent file must be in the folder of this file or below it"
child absolute.json "$TOP/out/outside.json"
run policy check absolute.json
check extends-absolute 3 "shebao: absolute.json: \$.extends: '$(printf '%.64s' "$TOP/out/outside.json")' is an absolute path; a parent file must be in the folder of this file or below it"
child sub/back-up.json ../to-sub.json
child to-back-up.json sub/back-up.json
run policy check to-back-up.json
check extends-dotdot-below 3 "shebao: sub/back-up.json: \$.extends: '../to-sub.json' has a '..' component; a parent file must be in the folder of this file or below it"

# ---- at most 16 policies in a chain ---------------------------------------------------------------------------

# c00.json > c01.json > ... > cNN.json > zhejiang > national: 14 files make 16 policies, 15 files make 17
mkdir chain14 chain15
for dir in chain14 chain15; do
    last=$([ $dir = chain14 ] && echo 13 || echo 14)
    i=0
    while [ $i -le "$last" ]; do
        if [ $i -eq "$last" ]; then
            child "$(printf '%s/c%02d.json' $dir $i)" zhejiang
        else
            child "$(printf '%s/c%02d.json' $dir $i)" "$(printf 'c%02d.json' $((i + 1)))"
        fi
        i=$((i + 1))
    done
done
run policy check chain14/c00.json
check chain-16-policies 0 ''
run policy check chain15/c00.json
check chain-17-policies 3 'shebao: chain15/c00.json: $.extends: more than 16 levels of extends: chain15/c00.json > chain15/c01.json > … (13 more) > embedded:zhejiang > embedded:national'

# 17 files with names of 66 bytes: every name is cut to its first 20 and last 40 bytes, and the line stays short
long=abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij
i=0
while [ $i -le 16 ]; do
    child "$(printf 'overlay-%02d-%s.json' $i $long)" "$(printf 'overlay-%02d-%s.json' $((i + 1)) $long)"
    i=$((i + 1))
done
run policy check "overlay-00-$long.json"
check chain-17-long-names 3 "shebao: overlay-00-$long.json: \$.extends: more than 16 levels of extends: overlay-00-abcdefghi…fghijabcdefghijabcdefghijabcdefghij.json > overlay-01-abcdefghi…fghijabcdefghijabcdefghijabcdefghij.json > … (13 more) > overlay-15-abcdefghi…fghijabcdefghijabcdefghijabcdefghij.json > overlay-16-abcdefghi…fghijabcdefghijabcdefghijabcdefghij.json"

tc_summary policy-files
