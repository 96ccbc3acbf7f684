#!/bin/sh
# How many things the test scripts run at once (tests/jobs.sh): make
# fuzz's harnesses (FUZZ_JOBS) and the team-store suite's shards
# (KAM_TEST_PG_SHARDS).  A value that is not a whole number above 0
# stops the script at once, with status 2 and a message naming the
# variable, before it has run or removed anything.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

mkdir -p "$T/run/tests/pg-suite"
: >"$T/run/tests/pg-suite/kept"
for v in abc 0 00 -1 '' '2 3'; do
  run "suite-$v" 2 env -u MAKEFLAGS -u MFLAGS KAM_TEST_PG_SHARDS="$v" \
    sh -c 'cd "$1" && sh "$2/tests/pg/suite.sh" "$2" "t1 t2" false' \
    sh "$T/run" "$KAM_SRCDIR"
  expect_err "suite-$v" "suite.sh: KAM_TEST_PG_SHARDS must be a whole number above 0, not '$v'"
  run "fuzz-$v" 2 env FUZZ_JOBS="$v" sh "$KAM_SRCDIR/tests/fuzz/run.sh" \
    "$KAM_SRCDIR" 1 "$T/run/no-such-harness"
  expect_err "fuzz-$v" "run.sh: FUZZ_JOBS must be a whole number above 0, not '$v'"
done
count=$((count + 1))
[ -e "$T/run/tests/pg-suite/kept" ] || fail "suite.sh removed its logs' folder"
count=$((count + 1))
[ ! -e "$T/run/corpus" ] || fail "run.sh made a corpus folder"

# jobs_count itself: a value as given, or the processors, at most MAX.
. "$KAM_SRCDIR/tests/jobs.sh"
N=3
jobs_count N 2
count=$((count + 1))
[ "$jobs" = 3 ] || fail "N=3 gave $jobs"
N=07
jobs_count N 2
count=$((count + 1))
[ "$jobs" -eq 7 ] || fail "N=07 gave $jobs"
unset N
jobs_count N 1
count=$((count + 1))
[ "$jobs" = 1 ] || fail "unset, at most 1, gave $jobs"
jobs_count N 64
count=$((count + 1))
[ "$jobs" = "$(getconf _NPROCESSORS_ONLN)" ] || fail "unset gave $jobs, not the processors"

done_testing
