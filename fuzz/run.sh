#!/bin/sh
# make fuzz: run each libFuzzer target for a bounded time, starting from its seed corpus.
#
#   sh fuzz/run.sh FUZZ_BUILD_DIR SECONDS NAME...      (from the repository root)
#
# Each target NAME runs for SECONDS seconds (libFuzzer -max_total_time) on the seeds in fuzz/corpus/NAME/ and the
# directories named by `sh fuzz/seeds.sh NAME`, plus what earlier runs found (FUZZ_BUILD_DIR/corpus/NAME/: new
# inputs go there, never into the checked-in seeds),
# with ASan + UBSan, from an empty working directory. A crash, a leak, a timeout (10 s per input) or a broken
# invariant stops that target; the input is saved as FUZZ_BUILD_DIR/artifacts/NAME-crash-... and the script fails.
#
# Every crash becomes a regression test: fix the bug, then copy the saved input into fuzz/corpus/NAME/ (the
# `make check` replay runs every file there through the target) and, where it fits, add a case to
# tests/bad-input/ or a unit test. Until the fix lands, keep the input in fuzz/pending/NAME/ (not replayed; see
# fuzz/pending/README.md). The value targets (fuzz/values.h) fail in the same way on a wrong value; the script then
# runs the saved input once more to show the target's message with both sides (libFuzzer closes its stderr here).

if [ $# -lt 3 ]; then
    echo "usage: sh fuzz/run.sh FUZZ_BUILD_DIR SECONDS NAME..." >&2
    exit 2
fi
F=$1
SECONDS_EACH=$2
shift 2
case $F in
/*) ;;
*) F=$(pwd)/$F ;;
esac
mkdir -p "$F/run" "$F/artifacts" || exit 2
fail=0
for name in "$@"; do
    bin=$F/fuzz_$name
    work=$F/corpus/$name
    mkdir -p "$work"
    seeds=
    for d in fuzz/corpus/$name $(sh fuzz/seeds.sh "$name"); do
        [ -d "$d" ] && seeds="$seeds $(pwd)/$d"
    done
    dict=
    [ -f "fuzz/$name.dict" ] && dict="-dict=$(pwd)/fuzz/$name.dict"
    log=$F/$name.log
    echo "== fuzz $name: ${SECONDS_EACH}s"
    # the working directory is empty: a relative `extends` of the policy target finds no file there
    if (cd "$F/run" && exec "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$F/artifacts/$name-" $dict \
            "$work" $seeds </dev/null >"$log" 2>&1); then
        grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$log" | tr '\n' ' ' | sed 's/stat:://g'
        echo
    else
        echo "FAIL fuzz $name: see $log; the input is in $F/artifacts/ (reproduce: $bin FILE)"
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" | head -n 8
        # the target's own words (both sides of a wrong value): libFuzzer closed its stderr, so run the input again
        art=$(ls -t "$F/artifacts/$name-"* 2>/dev/null | head -n 1)
        [ -n "$art" ] && (cd "$F/run" && "$bin" "$art" 2>&1 >/dev/null) |
            grep -E '^fuzz:|^  (library|reference|library says)|runtime error' | head -n 8
        fail=1
    fi
done
exit "$fail"
