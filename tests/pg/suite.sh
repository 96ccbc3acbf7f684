#!/bin/sh
# make check-pg-suite: the whole CLI suite a second time, on team stores
# of one throwaway cluster (tests/pg/cluster.sh; tests/cli/lib.sh makes a
# database of its own for each test, KAM_TEST_PG).  The CLI tests' logs
# go to tests/pg-suite/ (its test-suite.log too), so that make check's
# logs in tests/cli are left as they were and both can be counted.
# Usage: suite.sh SRCDIR MAKE [ARG...] (run in the build folder); its
# status is the suite's.
set -u
srcdir=$1
shift
out=tests/pg-suite
rm -rf "$out"
mkdir -p "$out/cli" "$out/kept"
# make check's logs, kept aside while the suite writes its own.
for f in tests/cli/*.log tests/cli/*.trs; do
  [ -e "$f" ] && mv "$f" "$out/kept/"
done
start=$(date +%s)
status=0
sh "$srcdir/tests/pg/cluster.sh" "$@" TEST_SUITE_LOG="$out/test-suite.log" || status=$?
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
  "in $((end - start)) s; logs in $out"
exit $status
