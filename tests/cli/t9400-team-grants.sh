#!/bin/sh
# The team store's roles: kam-org init refuses a cluster without the
# writers' group role kam_writer, and grants it the application's
# privileges (history tables only read and added to, a period only
# ended, kam_store only read, the identities' sequences used, the
# schema looked in); a writer may add to the history but never change,
# remove or empty it, nor turn the test clock on.  A role that is not
# the database's owner but may create in a schema makes a store there
# and owns it.  A version 1 store is upgraded by its owner only, to the
# same schema and grants as a new one.  Runs on a throwaway cluster
# (tests/pg/cluster.sh) of its own: it drops and makes roles, which are
# the cluster's (make check-pg-suite skips it: make check ran it).
need_own_cluster=1
. "$(dirname "$0")/../pg/need-cluster.sh"
KAM_TEST_PG_EMPTY=1
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER APP=$KAM_TEST_PG PW=$KAM_TEST_PG_PASSWORD
shown() { printf '%s\n' "$1" | sed "s/:$PW@/@/"; }
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# As the cluster's superuser: roles.
su() { psql "$KAM_TEST_PG_INSPECT" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# pg NAME STATUS URL SQL: psql's status 3 is an error in the script.
pg() {
  run "$1" "$2" psql "$3" -X -q -At -v ON_ERROR_STOP=1 -c "$4"
}
expect_pg_err() {
  got=$(sed -n 's/^psql:[^E]*ERROR:  //p; s/^ERROR:  //p' "$T/$1.err" | head -n 1)
  [ "$got" = "$2" ] || fail "$1: error '$got', expected '$2'"
}
inschema() { printf '%s?options=-csearch_path%%3D%s\n' "$2" "$1"; }
expect_sql_pg() {
  count=$((count + 1))
  got=$(q "$2")
  [ "$got" = "$3" ] || fail "$1: store has '$got', expected '$3' for: $2"
}
# privileges SCHEMA ROLE: what ROLE may do on each relation of SCHEMA
# (a table's privileges, then the columns it may update alone).
privileges() {
  q "SELECT c.relname || ':' || concat_ws(',',
       CASE WHEN has_table_privilege('$2', c.oid, 'SELECT') THEN 'SELECT' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'INSERT') THEN 'INSERT' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'UPDATE') THEN 'UPDATE' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'DELETE') THEN 'DELETE' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'REFERENCES') THEN 'REFERENCES' END,
       CASE WHEN has_table_privilege('$2', c.oid, 'TRIGGER') THEN 'TRIGGER' END,
       (SELECT 'UPDATE(' || string_agg(a.attname, ',' ORDER BY a.attnum) || ')'
        FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
        AND NOT has_table_privilege('$2', c.oid, 'UPDATE')
        AND has_column_privilege('$2', c.oid, a.attnum, 'UPDATE')),
       CASE WHEN c.relkind = 'S' AND has_sequence_privilege('$2', c.oid, 'USAGE') THEN 'USAGE' END,
       CASE WHEN c.relkind = 'S' AND has_sequence_privilege('$2', c.oid, 'UPDATE') THEN 'SETVAL' END)
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = '$1' AND c.relkind IN ('r', 'v', 'S')
     ORDER BY c.relname"
}
tables() {
  q "SELECT string_agg(c.relname, ' ' ORDER BY c.relname)
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = '$1' AND c.relkind IN ('r', 'v')"
}
# catalog SCHEMA: the tables' columns, the triggers and the functions
# of SCHEMA, to compare two stores.
catalog() {
  q "SELECT 'c', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
            a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE n.nspname = '$1' AND c.relkind IN ('r', 'v')
     ORDER BY 2, 3;
     SELECT 't', c.relname, t.tgname, t.tgenabled,
            regexp_replace(pg_get_triggerdef(t.oid), '\m(public|sales|old)\.', '', 'g')
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = '$1' AND NOT t.tgisinternal ORDER BY 2, 3;
     SELECT 'f', p.proname, md5(p.prosrc) FROM pg_proc p
     JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = '$1' ORDER BY 2"
}

# Without the writers' role init refuses, and makes nothing.
su "DROP ROLE kam_writer"
run no-writer 9 kam-org --db "$OWNER" init
expect_err no-writer "kam-org: cannot create store '$(shown "$OWNER")': there is no role kam_writer, the group role of its writers (a DBA creates it once: CREATE ROLE kam_writer NOLOGIN; see kam(7), THE TEAM STORE)"
count=$((count + 1))
[ -z "$(tables public)" ] || fail "no-writer: tables made: $(tables public)"

# The DBA's set-up (kam(7)): the group role, a seller's login in it.
su "CREATE ROLE kam_writer NOLOGIN; GRANT kam_writer TO kam_app"
run init 0 kam-org --db "$OWNER" init
expect_text init "$(shown "$OWNER")"
privileges public kam_writer >"$T/granted"
cat >"$T/want" <<'WANT'
account:SELECT,INSERT,UPDATE,DELETE
account_id_seq:USAGE
answer:SELECT,INSERT,UPDATE,DELETE
answer_id_seq:USAGE
competitor:SELECT,INSERT,UPDATE,DELETE
competitor_id_seq:USAGE
contact:SELECT,INSERT,UPDATE,DELETE
contact_id_seq:USAGE
criterion:SELECT,INSERT,UPDATE,DELETE
criterion_id_seq:USAGE
deal:SELECT,INSERT,UPDATE,DELETE
deal_history:SELECT,INSERT
deal_history_id_seq:USAGE
deal_id_seq:USAGE
deal_role:SELECT,INSERT
deal_role_period:SELECT,INSERT,UPDATE(end_on,ended,ended_by)
deal_role_period_id_seq:USAGE
gate_run:SELECT,INSERT,UPDATE,DELETE
gate_run_id_seq:USAGE
gate_setting:SELECT,INSERT,UPDATE,DELETE
kam_store:SELECT
link:SELECT,INSERT
link_period:SELECT,INSERT,UPDATE(end_on,ended,ended_by)
link_period_id_seq:USAGE
observation:SELECT,INSERT
observation_chain:SELECT
observation_id_seq:USAGE
observation_plain:SELECT
observation_text:SELECT,INSERT,DELETE
person:SELECT,INSERT,UPDATE,DELETE
person_history:SELECT,INSERT,UPDATE,DELETE
person_history_id_seq:USAGE
person_id_seq:USAGE
profile:SELECT,INSERT,UPDATE,DELETE
profile_id_seq:USAGE
reporting_line:SELECT,INSERT,UPDATE,DELETE
reporting_line_all:SELECT
reporting_line_id_seq:USAGE
seller:SELECT,INSERT,UPDATE,DELETE
seller_id_seq:USAGE
stance_built:SELECT,INSERT,UPDATE
stance_month:SELECT,INSERT,DELETE
stance_span:SELECT,INSERT,DELETE
store_copy:SELECT,INSERT
store_copy_id_seq:USAGE
team:SELECT,INSERT,DELETE
team_id_seq:USAGE
WANT
count=$((count + 1))
cmp -s "$T/want" "$T/granted" ||
  { fail "init: kam_writer's privileges"; diff "$T/want" "$T/granted" >&2; }
# Nothing to anyone else: PUBLIC has no privilege on any table.
count=$((count + 1))
privileges public public | grep -v ':$' >"$T/public"
[ ! -s "$T/public" ] || fail "PUBLIC may: $(cat "$T/public")"
# The seller, a member, finds the store.
run app-finds 0 kam-org --db "$APP" init
expect_text app-finds "$(shown "$APP")"

# A writer adds to the history, as itself, with the sequences' ids ...
q "INSERT INTO account (handle, name, created) VALUES ('acme', 'Acme', '2026-01-05');
   INSERT INTO person (account_id, handle, name, created, recorded_by) VALUES
     (1, 'li', 'Li', '2026-01-05', 'kam_owner');
   INSERT INTO deal (account_id, handle, name, created) VALUES
     (1, 'erp', 'ERP', '2026-01-05')"
pg add 0 "$APP" "INSERT INTO observation (person_id, stance, effective, recorded,
   actor, prev_hash, hash, hash_version) VALUES
   (1, 'support', '2026-01-05', '2026-01-05T09:00:00Z', 'kam_app', '0', 'h1', 2);
   INSERT INTO deal_history (deal_id, effective, recorded, actor, field, new_value)
   VALUES (1, '2026-01-06', '2026-01-06T09:00:00Z', 'kam_app', 'stage', 'rfp');
   INSERT INTO person (account_id, handle, name, created, recorded_by)
     VALUES (1, 'wang', 'Wang', '2026-01-05', 'kam_app');
   INSERT INTO link_period (from_id, to_id, kind, created, start_on, actor)
   SELECT 1, id, 'advises', '2026-01-05T09:00:00Z', '2026-01-05', 'kam_app'
   FROM person WHERE handle = 'wang'"
pg add-ends 0 "$APP" "UPDATE link_period SET end_on = '2026-02-01',
   ended = '2026-02-01T09:00:00Z', ended_by = 'kam_app'"
q "SELECT 'o', id, actor FROM observation; SELECT 'l', id, end_on, ended_by FROM link_period" >"$T/before"
# ... and no privilege lets it change, remove or empty a history row
# (the table is checked before the trigger would fire).
for t in observation deal_history link_period deal_role_period; do
  pg "$t-delete" 1 "$APP" "DELETE FROM $t"
  expect_pg_err "$t-delete" "permission denied for table $t"
  pg "$t-truncate" 1 "$APP" "TRUNCATE $t"
  expect_pg_err "$t-truncate" "permission denied for table $t"
done
pg obs-update 1 "$APP" "UPDATE observation SET stance = 'oppose'"
expect_pg_err obs-update "permission denied for table observation"
pg hist-update 1 "$APP" "UPDATE deal_history SET new_value = 'won'"
expect_pg_err hist-update "permission denied for table deal_history"
pg link-update 1 "$APP" "UPDATE link_period SET strength = 3"
expect_pg_err link-update "permission denied for table link_period"
pg role-update 1 "$APP" "UPDATE deal_role_period SET influence = 'high'"
expect_pg_err role-update "permission denied for table deal_role_period"
# The test clock is the owner's.
pg clock 1 "$APP" "UPDATE kam_store SET test_clock = true"
expect_pg_err clock "permission denied for table kam_store"
pg marks 1 "$APP" "UPDATE kam_store SET schema_version = 1"
expect_pg_err marks "permission denied for table kam_store"
q "SELECT 'o', id, actor FROM observation; SELECT 'l', id, end_on, ended_by FROM link_period" >"$T/after"
count=$((count + 1))
cmp -s "$T/before" "$T/after" || fail "refused statements changed the store"
expect_sql_pg clock-off "SELECT test_clock FROM kam_store" f
pg owner-clock 0 "$OWNER" "UPDATE kam_store SET test_clock = true"
expect_sql_pg clock-on "SELECT test_clock FROM kam_store" t

# A role other than the database's owner, which may create in a schema,
# makes a store there and owns it: the writers may look in the schema.
su "CREATE ROLE kam_dba LOGIN PASSWORD '$PW'"
q "CREATE SCHEMA sales;
   GRANT USAGE, CREATE ON SCHEMA sales TO kam_dba"
DBA=$(printf '%s' "$OWNER" | sed 's|//kam_owner:|//kam_dba:|')
u=$(inschema sales "$DBA")
# The schema's owner lets the writers look in it first.
run other-no-usage 9 kam-org --db "$u" init
expect_err other-no-usage "kam-org: cannot create store '$(shown "$u")': kam_writer may not use schema sales, and kam_dba may not let it: its owner kam_owner runs GRANT USAGE ON SCHEMA sales TO kam_writer"
count=$((count + 1))
[ -z "$(tables sales)" ] || fail "other-no-usage: tables made: $(tables sales)"
q "GRANT USAGE ON SCHEMA sales TO kam_writer"
run other-owner 0 kam-org --db "$u" init
expect_text other-owner "$(shown "$u")"
expect_sql_pg other-owns "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sales'" kam_dba
expect_sql_pg other-usage "SELECT has_schema_privilege('kam_writer', 'sales', 'USAGE')" t
privileges sales kam_writer >"$T/granted-sales"
count=$((count + 1))
cmp -s "$T/want" "$T/granted-sales" || fail "other-owner: kam_writer's privileges differ"
run other-app 0 kam-org --db "$(inschema sales "$APP")" init
catalog public >"$T/cat-public"
catalog sales >"$T/cat-sales"
count=$((count + 1))
cmp -s "$T/cat-public" "$T/cat-sales" || fail "other-owner: not the same schema"

# A version 1 store (as the kam before this one made it: no test clock,
# no recorder triggers, no grants; nor version 3's teams, row-level
# security and chain links, nor version 5's functions) ...
q "CREATE SCHEMA old; GRANT USAGE ON SCHEMA old TO kam_app"
u=$(inschema old "$OWNER")
kam-org --db "$u" init >/dev/null
q "SET search_path = old;
   ALTER TABLE kam_store DROP COLUMN test_clock;
   UPDATE kam_store SET schema_version = 1;
   REVOKE ALL ON ALL TABLES IN SCHEMA old FROM kam_writer;
   REVOKE ALL ON ALL SEQUENCES IN SCHEMA old FROM kam_writer;
   REVOKE USAGE ON SCHEMA old FROM kam_writer;
   GRANT SELECT ON kam_store TO kam_app;
   DROP FUNCTION kam_recorder() CASCADE;
   DO \$\$ DECLARE r record; BEGIN
     FOR r IN SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'old' LOOP
       EXECUTE format('DROP POLICY %I ON old.%I', r.policyname, r.tablename);
     END LOOP;
     FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'old' AND c.relrowsecurity LOOP
       EXECUTE format('ALTER TABLE old.%I NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY', r.relname);
     END LOOP;
   END \$\$;
   ALTER VIEW reporting_line_all RESET (security_invoker);
   ALTER VIEW link RESET (security_invoker);
   ALTER VIEW deal_role RESET (security_invoker);
   ALTER VIEW observation_plain RESET (security_invoker);
   DROP TABLE observation_chain; DROP FUNCTION observation_chain_add() CASCADE;
   ALTER TABLE account DROP COLUMN team_id; DROP TABLE team;
   DROP TABLE store_copy;
   ALTER TABLE gate_run DROP COLUMN reasons;
   DROP FUNCTION vocab_rank(text, text),
     kam_group_concat_step(text, text, text) CASCADE;
   DROP FUNCTION observation_notify() CASCADE"
catalog old >"$T/cat-v1"
# ... is not upgraded by a writer, who changes nothing ...
run old-app 9 kam-org --db "$(inschema old "$APP")" init
expect_err old-app "kam-org: store '$(shown "$(inschema old "$APP")")' has schema version 1, older than this kam's (10), and only its owner may upgrade it: run 'kam-org init' as the role that owns its tables"
catalog old >"$T/cat-v1-after"
count=$((count + 1))
cmp -s "$T/cat-v1" "$T/cat-v1-after" || fail "old-app: the store changed"
expect_sql_pg old-version "SELECT schema_version FROM old.kam_store" 1
# ... nor without the writers' role ...
su "DROP OWNED BY kam_writer; DROP ROLE kam_writer"
run old-no-writer 9 kam-org --db "$u" init
expect_err old-no-writer "kam-org: cannot upgrade store '$(shown "$u")': there is no role kam_writer, the group role of its writers (a DBA creates it once: CREATE ROLE kam_writer NOLOGIN; see kam(7), THE TEAM STORE)"
expect_sql_pg old-still "SELECT schema_version FROM old.kam_store" 1
su "CREATE ROLE kam_writer NOLOGIN; GRANT kam_writer TO kam_app"
# ... and by its owner to a new store's schema and grants.
run upgrade 0 kam-org --db "$u" init
expect_text upgrade "$(shown "$u")"
expect_sql_pg upgraded "SELECT schema_version, test_clock FROM old.kam_store" "10|f"
catalog old >"$T/cat-old"
count=$((count + 1))
cmp -s "$T/cat-sales" "$T/cat-old" ||
  { fail "upgrade: not a new store's schema"; diff "$T/cat-sales" "$T/cat-old" >&2; }
privileges old kam_writer >"$T/granted-old"
count=$((count + 1))
cmp -s "$T/want" "$T/granted-old" ||
  { fail "upgrade: kam_writer's privileges"; diff "$T/want" "$T/granted-old" >&2; }

done_testing
