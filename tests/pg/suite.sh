#!/bin/sh
# make check-pg-suite: the whole CLI suite a second time, on team stores
# of throwaway clusters (tests/pg/cluster.sh; tests/cli/lib.sh makes a
# database of its own for each test, KAM_TEST_PG).  The CLI tests' logs
# go to tests/pg-suite/ (its test-suite.log too), so that make check's
# logs in tests/cli are left as they were and both can be counted.
#
# The tests run several at a time, by one make -j (one a processor, at
# most 4; KAM_TEST_PG_SHARDS sets the number, a whole number above 0),
# each on a throwaway cluster that no other test is using at
# the time: the roles of a cluster (tester, the teams' roles some tests
# make and drop) are shared by all its databases, so two tests of one
# cluster must not run at once.  The clusters are started one inside
# the other (tests/pg/slot.sh), and a test takes a free one when it
# starts (tests/cli/lib.sh, KAM_TEST_PG_SLOTS), so that a processor
# that ends its tests early takes the next one instead of waiting.
# Usage: suite.sh SRCDIR 'TEST...' MAKE [ARG...] (run in the build
# folder; MAKE ARG... runs the tests given as TESTS=); its status is the
# suite's.
set -u
srcdir=$1 tests=$2
shift 2
. "$srcdir/tests/jobs.sh"
jobs_count KAM_TEST_PG_SHARDS 4
shards=$jobs
out=tests/pg-suite
rm -rf "$out"
mkdir -p "$out/cli" "$out/kept"
# make check's logs, kept aside while the suite writes its own.
for f in tests/cli/*.log tests/cli/*.trs; do
  [ -e "$f" ] && mv "$f" "$out/kept/"
done
start=$(date +%s)
status=0
slots=$(mktemp -d "${TMPDIR:-/tmp}/kam-pg-slots.XXXXXX") || exit 99
KAM_TEST_PG_SLOTS=$shards KAM_TEST_PG_SLOT_DIR=$slots
export KAM_TEST_PG_SLOTS KAM_TEST_PG_SLOT_DIR
# shellcheck disable=SC2086 # one test a word
sh "$srcdir/tests/pg/cluster.sh" sh "$srcdir/tests/pg/slot.sh" "$srcdir" \
  "$slots" 0 "$shards" "$@" -j"$shards" TESTS="$(echo $tests)" \
  TEST_SUITE_LOG="$out/test-suite.log" || status=1
rm -rf "$slots"
for f in tests/cli/*.log tests/cli/*.trs; do
  [ -e "$f" ] && mv "$f" "$out/cli/"
done
for f in "$out"/kept/*; do
  [ -e "$f" ] && mv "$f" tests/cli/
done
rmdir "$out/kept"
end=$(date +%s)
echo "check-pg-suite: $(grep -l '^:test-result: PASS' "$out"/cli/*.trs 2>/dev/null | wc -l) tests passed," \
  "$(grep -l '^:test-result: SKIP' "$out"/cli/*.trs 2>/dev/null | wc -l) skipped," \
  "$(grep -l '^:test-result: FAIL\|^:test-result: ERROR' "$out"/cli/*.trs 2>/dev/null | wc -l) failed," \
  "in $((end - start)) s ($shards at a time); logs in $out"
exit $status
