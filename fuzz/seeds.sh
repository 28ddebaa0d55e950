#!/bin/sh
# The seed directories of fuzz target NAME beyond fuzz/corpus/NAME/: the project's own test inputs, and the corpora of
# other targets that read the same kind of input, read where they are (so that they never go stale). Used by
# fuzz/run.sh and fuzz/replay.sh.
#   sh fuzz/seeds.sh NAME
case $1 in
policy) echo data/policies tests/bad-policies tests/bad-policies/aux tests/cli/data ;;
decimal_gmp) echo fuzz/corpus/decimal ;;
plan_roundtrip) echo fuzz/corpus/plan ;;
batch_vs_project) echo fuzz/corpus/ledger_sums ;;
esac
