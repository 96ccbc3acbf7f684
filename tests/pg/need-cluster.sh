# Sourced first by a test that runs on a PostgreSQL server: it reruns
# the test under tests/pg/cluster.sh (a throwaway cluster), or skips it
# (77) on a machine without one.  A test already on a cluster
# (KAM_TEST_PG set, as for a test that another runs) stays on it, unless
# it sets need_own_cluster=1 before sourcing this file: a test that
# makes or drops roles, which are the cluster's, then gets a cluster of
# its own.
# make check-pg-suite (tests/pg/suite.sh, which sets KAM_TEST_PG_SLOTS)
# skips such a test: make check has run it, on a cluster of its own,
# with the same build, so that the suite's second run of the CLI tests
# on team stores would repeat it step for step.
if [ -n "${KAM_TEST_PG_SLOTS:-}" ]; then
  echo "SKIP: on a team store: runs on one in make check (a cluster of its own)"
  exit 77
fi
if { [ "${need_own_cluster:-0}" = 1 ] && [ -z "${KAM_TEST_PG_OWN_CLUSTER:-}" ]; } ||
  [ -z "${KAM_TEST_PG:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "SKIP: no PostgreSQL server (Debian packages postgresql-15, postgresql-common)"
    exit 77
  fi
  if [ "${need_own_cluster:-0}" = 1 ]; then
    KAM_TEST_PG_OWN_CLUSTER=1
    export KAM_TEST_PG_OWN_CLUSTER
  fi
  exec sh "$(dirname "$0")/../pg/cluster.sh" sh "$0"
fi
