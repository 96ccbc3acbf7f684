# Sourced first by a test that runs on a PostgreSQL server: it reruns
# the test under tests/pg/cluster.sh (a throwaway cluster), or skips it
# (77) on a machine without one.  A test already on a cluster (make
# check-pg-suite sets KAM_TEST_PG) stays on it, unless it sets
# need_own_cluster=1 before sourcing this file: a test that makes or
# drops roles, which are the cluster's, then gets a cluster of its own.
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
  # Its own cluster, not one of make check-pg-suite's (tests/cli/lib.sh).
  unset KAM_TEST_PG_SLOTS
  exec sh "$(dirname "$0")/../pg/cluster.sh" sh "$0"
fi
