#!/bin/sh
# Runs a command against a throwaway PostgreSQL cluster (make check-pg):
# pg_virtualenv makes the cluster in a temporary folder, listening on
# localhost only (its default) on a free random port, and drops it
# afterwards.
# The command runs as a role that neither owns the database nor is a
# superuser (a superuser ignores grants and row-level security), named
# by KAM_TEST_PG (a postgresql:// URL); the owner's is in
# KAM_TEST_PG_OWNER, the password of both in KAM_TEST_PG_PASSWORD.
# kam_writer is the writers' group role that kam-org init grants to;
# KAM_TEST_PG_SUPER, the cluster's superuser, makes and drops roles.
# Usage: cluster.sh CMD [ARG...]
set -eu
if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "cluster.sh: pg_virtualenv not found: install the Debian packages postgresql-15 and postgresql-common" >&2
  exit 1
fi
# A random port that nothing listens on (pg_virtualenv would take the
# first free one from 5432, which tests running at once would share).
for try in 1 2 3 4 5 6 7 8; do
  port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
  [ -e "/var/run/postgresql/.s.PGSQL.$port.lock" ] && continue
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn "sport = :$port")" ]; then
    continue
  fi
  break
done
exec pg_virtualenv -t -c "-p $port" sh -c '
set -eu
pw=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")
psql -q -v ON_ERROR_STOP=1 -v pw="$pw" <<SQL
CREATE ROLE kam_owner LOGIN PASSWORD :'"'"'pw'"'"';
CREATE ROLE kam_app LOGIN PASSWORD :'"'"'pw'"'"';
CREATE ROLE kam_writer NOLOGIN;
CREATE DATABASE kam OWNER kam_owner;
SQL
KAM_TEST_PG="postgresql://kam_app:$pw@127.0.0.1:$PGPORT/kam"
KAM_TEST_PG_OWNER="postgresql://kam_owner:$pw@127.0.0.1:$PGPORT/kam"
KAM_TEST_PG_PASSWORD=$pw
KAM_TEST_PG_SUPER="postgresql://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/kam"
export KAM_TEST_PG KAM_TEST_PG_OWNER KAM_TEST_PG_PASSWORD KAM_TEST_PG_SUPER
unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
"$@"
' cluster "$@"
