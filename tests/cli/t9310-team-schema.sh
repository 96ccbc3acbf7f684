#!/bin/sh
# The team store's schema 3: every text column in byte order (COLLATE
# "C") and every foreign key deferrable; a schema 1 team store (the
# fixture data/team-schema-v1.sql) is upgraded once, when first opened by its
# owner, to the very schema a new one has, its rows kept; another role
# cannot upgrade it and changes nothing.  Runs on a throwaway cluster
# (tests/pg/cluster.sh).
if [ -z "${KAM_TEST_PG:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "SKIP: no PostgreSQL server (Debian packages postgresql-15, postgresql-common)"
    exit 77
  fi
  exec sh "$(dirname "$0")/../pg/cluster.sh" sh "$0"
fi
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
APP=$KAM_TEST_PG
inschema() { printf '%s?options=-csearch_path%%3D%s\n' "$2" "$1"; }
expect_q() {
  count=$((count + 1))
  got=$(pgq "$2")
  [ "$got" = "$3" ] || fail "$1: has '$got', expected '$3' for: $2"
}
# dump SCHEMA: its definition, with the schema's name taken out.
dump() {
  pg_dump -s -n "$1" "$OWNER" | grep -v -e '^--' -e '^$' -e '^\\' |
    sed "s/\\b$1\\./S./g; s/SCHEMA $1\\b/SCHEMA S/g; s/TO $1\\b/TO S/g"
}

pgq "DROP SCHEMA IF EXISTS new2 CASCADE; DROP SCHEMA IF EXISTS old1 CASCADE;
     DROP SCHEMA IF EXISTS old1b CASCADE;
     CREATE SCHEMA new2; CREATE SCHEMA old1; CREATE SCHEMA old1b;
     GRANT USAGE ON SCHEMA old1b TO kam_app" 2>/dev/null
run new 0 kam-org --db "$(inschema new2 "$OWNER")" init
expect_q version "SELECT schema_version FROM new2.kam_store" 3
# Text columns: all in byte order, none left to the database's locale.
cols="SELECT count(*) FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema
      AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'new2' AND c.data_type = 'text'"
expect_q text-c "$cols AND c.collation_name = 'C'" 101
expect_q text-other "$cols AND c.collation_name IS DISTINCT FROM 'C'" 0
# Foreign keys: all deferrable, checked at once unless deferred.
fks="SELECT count(*) FROM pg_constraint k JOIN pg_namespace n
     ON n.oid = k.connamespace WHERE n.nspname = 'new2' AND k.contype = 'f'"
expect_q fk-deferrable "$fks AND k.condeferrable AND NOT k.condeferred" 24
expect_q fk-other "$fks AND NOT k.condeferrable" 0
# Byte order, whatever the database's collation: '-' < '.' < digits <
# capitals < '_' < small letters < other scripts.
expect_q order "INSERT INTO new2.account (handle, name, created) VALUES
  ('b_2', 'x', 'x'), ('Zulu', 'x', 'x'), ('été', 'x', 'x'), ('b-1', 'x', 'x'),
  ('b.3', 'x', 'x'), ('beta', 'x', 'x'), ('acme', 'x', 'x');
  SELECT string_agg(handle, ' ' ORDER BY handle) FROM new2.account" \
  "Zulu acme b-1 b.3 b_2 beta été"

# A schema 1 store with rows in it.
{ echo "SET search_path = old1;"; cat "$KAM_SRCDIR/tests/cli/data/team-schema-v1.sql"
  echo "INSERT INTO kam_store VALUES (1262570801, 1);
  INSERT INTO account (handle, name, created) VALUES ('b', 'B', '2026-01-01'),
  ('_a', 'A', '2026-01-01'), ('a', 'a', '2026-01-01');
  INSERT INTO person (account_id, handle, name, created)
  VALUES (1, 'zz', 'Z', '2026-01-01');" ; } >"$T/old1.sql"
psql "$OWNER" -X -q -v ON_ERROR_STOP=1 -f "$T/old1.sql" >/dev/null ||
  fail "old1: the fixture does not load"
sed 's/search_path = old1;/search_path = old1b;/' "$T/old1.sql" |
  psql "$OWNER" -X -q -v ON_ERROR_STOP=1 >/dev/null || fail "old1b: the fixture does not load"
pgq "GRANT SELECT ON ALL TABLES IN SCHEMA old1b TO kam_app"
# Another role cannot upgrade it: refused, nothing changed.
u=$(inschema old1b "$APP")
run app 9 kam-org --db "$u" account list
expect_err app "kam-org: store '$(shown "$u")' has schema version 1, older than this kam's (3), and only its owner may upgrade it: run 'kam-org init' as the role that owns its tables"
expect_q app-kept "SELECT schema_version FROM old1b.kam_store" 1
expect_q app-kept-c "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'old1b' AND collation_name = 'C'" 0
# Its owner's first command upgrades it, and reads it in byte order.
u=$(inschema old1 "$OWNER")
run upgrade 0 env -u KAM_NOW kam-org --db "$u" account list
expect_text upgrade "handle	name	industry	people	deals	created	category	parent	ext_id	team
_a	A		0	0	2026-01-01				
a	a		0	0	2026-01-01				
b	B		1	0	2026-01-01				"
expect_q upgraded "SELECT schema_version FROM old1.kam_store" 3
dump new2 >"$T/new2.schema"
dump old1 >"$T/old1.schema"
count=$((count + 1))
cmp -s "$T/new2.schema" "$T/old1.schema" ||
  { fail "upgrade: not the new store's schema"; diff "$T/new2.schema" "$T/old1.schema" | head -20 >&2; }
expect_q kept "SELECT string_agg(handle, ' ' ORDER BY id) FROM old1.account" "b _a a"
# Once: a second command finds it upgraded.
run again 0 env -u KAM_NOW kam-org --db "$u" init
expect_q once "SELECT count(*) || ' ' || min(schema_version) FROM old1.kam_store" "1 3"

done_testing
