#!/bin/sh
# One cluster of make check-pg-suite's (tests/pg/suite.sh), run inside
# tests/pg/cluster.sh: writes the cluster's URLs (KAM_TEST_PG and the
# others cluster.sh sets) to DIR/K.env, for tests/cli/lib.sh to read
# when a test takes that cluster; then starts the next cluster the same
# way, or, after the last, runs the command.
# Usage: slot.sh SRCDIR DIR K N CMD [ARG...]: clusters K to N-1.
set -eu
srcdir=$1 dir=$2 k=$3 n=$4
shift 4
{
  for v in KAM_TEST_PG KAM_TEST_PG_OWNER KAM_TEST_PG_TESTER \
    KAM_TEST_PG_ADMIN KAM_TEST_PG_PASSWORD; do
    eval "printf \"%s='%s'\\n\" $v \"\$$v\""
  done
  echo "export KAM_TEST_PG KAM_TEST_PG_OWNER KAM_TEST_PG_TESTER"
  echo "export KAM_TEST_PG_ADMIN KAM_TEST_PG_PASSWORD"
} >"$dir/$k.env"
k=$((k + 1))
if [ "$k" -lt "$n" ]; then
  exec sh "$srcdir/tests/pg/cluster.sh" \
    sh "$srcdir/tests/pg/slot.sh" "$srcdir" "$dir" "$k" "$n" "$@"
fi
exec "$@"
