#!/bin/sh
# Hostile-input suite: every case must end with its documented one-line error and exit code, without a crash, a
# hang or (under valgrind) a memory error or leak. See tests/bad-input/README.md.
#
#   sh tests/bad-input/run.sh build/shebao                    (from the repository root; `make check`)
#   SHEBAO_VALGRIND=1 sh tests/bad-input/run.sh build/shebao  every run under valgrind (`make check-valgrind`)
#
# Each case is a folder tests/bad-input/cases/NAME/ holding at least cmd, status and stderr (the exact expected
# standard error); the format (stdout or stdout.sh, stdin or stdin.sh, $CASE and $TMP in cmd, the batch timings
# replaced in stderr, ...) is described in tests/lib/cases.sh, the runner of every suite.
# Each run is limited to 60 s (600 s under valgrind): a hang fails the case.

. "$(dirname "$0")/../lib/cases.sh"
tc_init badin 1 1 PATH/TO/shebao "$@"

tc_run_cases tests/bad-input/cases cmd status stderr

tc_summary bad-input
