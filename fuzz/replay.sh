#!/bin/sh
# make check: run every file of fuzz/corpus/NAME/ (the seeds and every crash the fuzzers ever found) and of the
# directories `sh fuzz/seeds.sh NAME` names once through the fuzz target NAME, built without libFuzzer
# (fuzz/replay.c). A crash or a broken invariant fails the check.
#
#   sh fuzz/replay.sh REPLAY_BUILD_DIR NAME...      (from the repository root)
if [ $# -lt 2 ]; then
    echo "usage: sh fuzz/replay.sh REPLAY_BUILD_DIR NAME..." >&2
    exit 2
fi
R=$1
shift
fail=0
for name in "$@"; do
    set --
    for d in fuzz/corpus/$name $(sh fuzz/seeds.sh "$name"); do
        for f in "$d"/*; do
            [ -f "$f" ] && set -- "$@" "$f"
        done
    done
    if [ $# -eq 0 ]; then
        echo "FAIL replay $name: no input in fuzz/corpus/$name/ or the seed directories"
        fail=1
        continue
    fi
    if "$R/fuzz_$name" "$@" >/dev/null 2>"$R/$name.log"; then
        echo "replay $name: $# inputs"
    else
        echo "FAIL replay $name: $(tail -n 3 "$R/$name.log" | tr '\n' ' ')"
        fail=1
    fi
done
exit "$fail"
