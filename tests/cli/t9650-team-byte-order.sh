#!/bin/sh
# A team store's text sorts byte by byte (COLLATE "C", as SQLite's
# BINARY) whatever the database's collation, so lists come out in the
# same order on both engines; its foreign keys are deferrable, so an
# import may list a person before their manager, as on a store file;
# and a version 4 team store, which had neither, gets both from its
# owner's kam-org init (team store version 5).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
need_locale de_DE.UTF-8

# A database of the test's own whose collation is German (where 'a'
# sorts before 'B', which bytes put after it), beside the test's.
de_db=${pg_db}_de
trap 'rm -rf "$T"; pg_drop; psql "$KAM_TEST_PG_ADMIN" -X -q -c "DROP DATABASE IF EXISTS $de_db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql "$KAM_TEST_PG_ADMIN" -X -q -v ON_ERROR_STOP=1 -c \
  "CREATE DATABASE $de_db OWNER kam_owner TEMPLATE template0 LOCALE 'de_DE.UTF-8'" >/dev/null ||
  { echo "cannot make a German database" >&2; exit 99; }
DE_OWNER="${KAM_TEST_PG_OWNER%/*}/$de_db"
DE_TESTER="${KAM_TEST_PG_TESTER%/*}/$de_db"
DE_ADMIN="${KAM_TEST_PG_INSPECT%/*}/$de_db"
de() {
  psql "$DE_ADMIN" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"
}
# The database does sort as German: the test would prove nothing else.
expect_de() {
  count=$((count + 1))
  got=$(de "$2" 2>&1)
  [ "$got" = "$3" ] || fail "$1: '$got', expected '$3' for: $2"
}
expect_de german "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('b'), ('B'), ('a'), ('Z')) v (x)" \
  "a,b,B,Z"

run init 0 env -u KAM_USER -u KAM_NOW kam-org --db "$DE_OWNER" init
de "UPDATE kam_store SET test_clock = true" >/dev/null

LITE="$T/lite.db"
kam-org --db "$LITE" init >/dev/null
# fill DB: the same accounts, people and a manager-first import.
fill() {
  for a in b B a Z; do
    kam-org --db "$1" account add "$a" --name "Name $a" >/dev/null || fail "fill $1: account $a"
  done
  for p in li Li ann Zoe; do
    kam-org --db "$1" person add a/"$p" --name "P $p" >/dev/null || fail "fill $1: person $p"
  done
}
fill "$LITE"
fill "$DE_TESTER"
for f in tsv table json; do
  run lite-accounts-$f 0 kam-org --db "$LITE" -F $f account list
  run pg-accounts-$f 0 kam-org --db "$DE_TESTER" -F $f account list
  count=$((count + 1))
  cmp -s "$T/lite-accounts-$f.out" "$T/pg-accounts-$f.out" ||
    { fail "accounts-$f: not SQLite's order"; diff "$T/lite-accounts-$f.out" "$T/pg-accounts-$f.out" >&2; }
  run lite-people-$f 0 kam-org --db "$LITE" -F $f person list a
  run pg-people-$f 0 kam-org --db "$DE_TESTER" -F $f person list a
  count=$((count + 1))
  cmp -s "$T/lite-people-$f.out" "$T/pg-people-$f.out" ||
    { fail "people-$f: not SQLite's order"; diff "$T/lite-people-$f.out" "$T/pg-people-$f.out" >&2; }
done
# Byte order, as the expected handles say: upper case before lower.
count=$((count + 1))
[ "$(cut -f1 "$T/pg-accounts-tsv.out" | paste -sd ' ' -)" = "handle B Z a b" ] ||
  fail "accounts-tsv: handles not in byte order: $(cut -f1 "$T/pg-accounts-tsv.out" | paste -sd ' ' -)"
expect_de collation "SELECT count(*) FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = 'text' AND c.collation_name IS DISTINCT FROM 'C'" 0
expect_de deferrable "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND NOT (condeferrable AND NOT condeferred)" 0

# An import listing people before their managers (and a manager named
# by a person two rows further down) works as on SQLite.
printf 'handle,name,reports_to\nchen,Chen,li\nli,Li Na,wang\nwang,Wang Wei,\n' >"$T/people.csv"
kam-org --db "$LITE" account add acme --name Acme >/dev/null
kam-org --db "$DE_TESTER" account add acme --name Acme >/dev/null
run lite-import 0 kam-org --db "$LITE" import acme "$T/people.csv"
run pg-import 0 kam-org --db "$DE_TESTER" import acme "$T/people.csv"
expect_text pg-import "3 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
run lite-export 0 kam-org --db "$LITE" export acme
run pg-export 0 kam-org --db "$DE_TESTER" export acme
count=$((count + 1))
cmp -s "$T/lite-export.out" "$T/pg-export.out" ||
  { fail "export: differs from SQLite's"; diff "$T/lite-export.out" "$T/pg-export.out" >&2; }
expect_de lines "SELECT string_agg(p.handle || '>' || m.handle, ' ' ORDER BY p.handle) FROM person p JOIN person m ON m.id = p.manager_id" \
  "chen>li li>wang"
# A manager that is nowhere is still refused, the store unchanged.
printf 'handle,name,reports_to\nmo,Mo,nobody\n' >"$T/bad.csv"
de "SELECT count(*) FROM person" >"$T/before"
run lite-bad 4 kam-org --db "$LITE" import acme "$T/bad.csv"
run pg-bad 4 kam-org --db "$DE_TESTER" import acme "$T/bad.csv"
count=$((count + 1))
[ "$(sed "s|$LITE|STORE|" "$T/lite-bad.err")" = "$(sed "s|postgresql://[^ ']*|STORE|" "$T/pg-bad.err")" ] ||
  fail "pg-bad: not SQLite's message: $(cat "$T/pg-bad.err")"
expect_de bad-unchanged "SELECT count(*) FROM person" "$(cat "$T/before")"
# Outside an import a foreign key is checked at its statement.
run pg-bad-row 1 psql "$DE_TESTER" -X -q -v ON_ERROR_STOP=1 -c \
  "INSERT INTO person (id, account_id, handle, name, created, recorded_by, manager_id) VALUES (100000, 1, 'q', 'Q', '2026-03-02', current_user, 9999)"
count=$((count + 1))
grep -q 'violates foreign key constraint' "$T/pg-bad-row.err" || fail "pg-bad-row: $(cat "$T/pg-bad-row.err")"

# A version 4 store: text in the database's collation, foreign keys not
# deferrable (the views and the policy that read text made again around
# the change).
de "DO \$\$
DECLARE r record;
BEGIN
  CREATE TEMP TABLE keep (stmt text, n serial);
  INSERT INTO keep (stmt) SELECT format('CREATE VIEW %I AS %s', viewname, definition)
    FROM pg_views WHERE schemaname = 'public';
  INSERT INTO keep (stmt) SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal
    AND (c.relkind = 'v' OR t.tgqual IS NOT NULL);
  FOR r IN SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relkind = 'r' AND t.tgqual IS NOT NULL LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, r.relname);
  END LOOP;
  INSERT INTO keep (stmt) SELECT format('CREATE POLICY %I ON %I USING (%s)', policyname, tablename, qual)
    FROM pg_policies WHERE policyname = 'account_team';
  FOR r IN SELECT viewname FROM pg_views WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP VIEW %I', r.viewname);
  END LOOP;
  DROP POLICY account_team ON account;
  FOR r IN SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = 'text' LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE \"default\"', r.table_name, r.column_name);
  END LOOP;
  FOR r IN SELECT k.conname, c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I NOT DEFERRABLE', r.relname, r.conname);
  END LOOP;
  FOR r IN SELECT stmt FROM keep ORDER BY n LOOP
    EXECUTE r.stmt;
  END LOOP;
  DROP FUNCTION vocab_rank(text, text), kam_group_concat_step(text, text, text) CASCADE;
  ALTER TABLE gate_run DROP COLUMN reasons;
  UPDATE kam_store SET schema_version = 4;
END \$\$" >"$T/old.out" 2>"$T/old.err" || fail "old: making a version 4 store: $(cat "$T/old.err")"
expect_de old-order "SELECT string_agg(handle, ' ' ORDER BY handle) FROM account" "a acme b B Z"
expect_de old-deferrable "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND condeferrable" 0
# The writer may not upgrade it; its owner does.
run old-tester 9 kam-org --db "$DE_TESTER" account list
run upgrade 0 env -u KAM_USER -u KAM_NOW kam-org --db "$DE_OWNER" init
expect_de upgraded "SELECT schema_version FROM kam_store" 10
expect_de up-collation "SELECT count(*) FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = 'text' AND c.collation_name IS DISTINCT FROM 'C'" 0
expect_de up-deferrable "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND NOT (condeferrable AND NOT condeferred)" 0
expect_de up-order "SELECT string_agg(handle, ' ' ORDER BY handle) FROM account" "B Z a acme b"
run up-accounts 0 kam-org --db "$DE_TESTER" -F tsv account list
run up-lite-accounts 0 kam-org --db "$LITE" -F tsv account list
count=$((count + 1))
cmp -s "$T/up-lite-accounts.out" "$T/up-accounts.out" ||
  { fail "up-accounts: not SQLite's order"; diff "$T/up-lite-accounts.out" "$T/up-accounts.out" >&2; }
# The views and their triggers are back, and the writers may use them.
run up-link 0 kam-org --db "$DE_TESTER" link acme/chen acme/wang --kind allies
expect_de up-link-row "SELECT count(*) FROM link" 1
printf 'handle,name,reports_to\nyu,Yu,xu\nxu,Xu,wang\n' >"$T/more.csv"
run up-import 0 kam-org --db "$DE_TESTER" import acme "$T/more.csv"
expect_text up-import "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
run up-verify 0 kam-stance --db "$DE_TESTER" verify

done_testing
