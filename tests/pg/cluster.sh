#!/bin/sh
# Runs a command against a throwaway PostgreSQL cluster (make check-pg):
# pg_virtualenv makes the cluster in a temporary folder, listening on
# localhost only (its default) on a free random port, and drops it
# afterwards.
# The cluster has these roles, all with one password
# (KAM_TEST_PG_PASSWORD), and the database kam, owned by kam_owner:
#   kam_owner   owns the database (KAM_TEST_PG_OWNER, its URL);
#   kam_app     a login role that neither owns the database nor is a
#               superuser, in no group (KAM_TEST_PG, its URL);
#   kam_writer  the NOLOGIN group role to which kam-org init grants the
#               application's privileges (kam(7), THE TEAM STORE);
#   tester      a login role, member of kam_writer: the CLI suite's
#               KAM_USER, as which its commands run on a team store
#               (tests/cli/lib.sh; KAM_TEST_PG_TESTER, its URL of kam);
#   postgres    the cluster's superuser (KAM_TEST_PG_ADMIN, its URL of
#               the database postgres), with which tests/cli/lib.sh makes
#               and drops a database per test and inspects the store (a
#               superuser sees past row-level security).
# Neither kam_app nor tester is a superuser (a superuser ignores grants
# and row-level security).
# Usage: cluster.sh CMD [ARG...]; its status is the command's.
# KAM_TEST_PG_GUC: one server setting, NAME=VALUE, for the cluster's
# postgresql.conf (make bench sizes the shared buffers so).
set -eu
if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "cluster.sh: pg_virtualenv not found: install the Debian packages postgresql-15 and postgresql-common" >&2
  exit 1
fi
# A random port that nothing listens on (pg_virtualenv would take the
# first free one from 5432, which tests running at once would share),
# below the kernel's range of ephemeral ports (by default from 32768),
# where a client's connection may already hold the port chosen.
low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "$low" -gt 21024 ] 2>/dev/null || low=32768
for try in 1 2 3 4 5 6 7 8; do
  port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % (low - 20000)))
  [ -e "/var/run/postgresql/.s.PGSQL.$port.lock" ] && continue
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn "sport = :$port")" ]; then
    continue
  fi
  break
done
exec pg_virtualenv -t -c "-p $port" ${KAM_TEST_PG_GUC:+-o "$KAM_TEST_PG_GUC"} sh -c '
set -eu
pw=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")
psql -q -v ON_ERROR_STOP=1 -v pw="$pw" <<SQL
CREATE ROLE kam_owner LOGIN PASSWORD :'"'"'pw'"'"';
CREATE ROLE kam_app LOGIN PASSWORD :'"'"'pw'"'"';
CREATE ROLE kam_writer NOLOGIN;
CREATE ROLE tester LOGIN PASSWORD :'"'"'pw'"'"' IN ROLE kam_writer;
CREATE DATABASE kam OWNER kam_owner;
SQL
KAM_TEST_PG="postgresql://kam_app:$pw@127.0.0.1:$PGPORT/kam"
KAM_TEST_PG_OWNER="postgresql://kam_owner:$pw@127.0.0.1:$PGPORT/kam"
KAM_TEST_PG_TESTER="postgresql://tester:$pw@127.0.0.1:$PGPORT/kam"
KAM_TEST_PG_ADMIN="postgresql://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/postgres"
KAM_TEST_PG_PASSWORD=$pw
export KAM_TEST_PG KAM_TEST_PG_OWNER KAM_TEST_PG_TESTER KAM_TEST_PG_ADMIN
export KAM_TEST_PG_PASSWORD
unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
"$@"
' cluster "$@"
