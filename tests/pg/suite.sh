#!/bin/sh
# make check-pg-suite: the whole CLI suite a second time, on team stores
# of throwaway clusters (tests/pg/cluster.sh; tests/cli/lib.sh makes a
# database of its own for each test, KAM_TEST_PG).  The CLI tests' logs
# go to tests/pg-suite/ (its test-suite-N.log too), so that make check's
# logs in tests/cli are left as they were and both can be counted.
#
# The tests run in shards, one a processor (at most 4; KAM_TEST_PG_SHARDS
# sets the number, a whole number above 0), each shard on a cluster of its own and its tests one
# at a time: the roles of a cluster (tester, the teams' roles some tests
# make and drop) are shared by all its databases, so two tests of one
# cluster must not run at once.  Test i of the list goes to shard i mod N.
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
k=0
pids=
while [ "$k" -lt "$shards" ]; do
  # shellcheck disable=SC2086 # one test a word
  list=$(printf '%s\n' $tests | awk -v n="$shards" -v k="$k" 'NR % n == k' | tr '\n' ' ')
  if [ -n "$list" ]; then
    sh "$srcdir/tests/pg/cluster.sh" "$@" TESTS="$list" \
      TEST_SUITE_LOG="$out/test-suite-$k.log" &
    pids="$pids $!"
  fi
  k=$((k + 1))
done
for p in $pids; do
  wait "$p" || status=1
done
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
  "in $((end - start)) s ($shards shards); logs in $out"
exit $status
