#!/bin/sh
# The team store (PostgreSQL), as far as this kam goes: kam-org init
# makes the schema on an empty database (once, when two run at once),
# finds it again, refuses a database that is not empty, a role that may
# not create tables, a newer or foreign store, and a server it cannot
# reach; kam-gate and kam-map try a server that is not there.  A URL's
# password is never shown.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
KAM_TEST_PG_EMPTY=1
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER APP=$KAM_TEST_PG PW=$KAM_TEST_PG_PASSWORD
# shown URL: without the password.
shown() { printf '%s\n' "$1" | sed "s/:$PW@/@/"; }
# psql as the owner: one value per line.
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# inschema SCHEMA URL: the URL with that schema searched first.
inschema() { printf '%s?options=-csearch_path%%3D%s\n' "$2" "$1"; }
# tables: what the schema SCHEMA holds, sorted.
tables() {
  q "SELECT string_agg(c.relname || ':' || c.relkind::text, ' ' ORDER BY c.relname)
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = '$1' AND c.relkind IN ('r', 'v')"
}
# no_password NAME: neither output of NAME holds the password.
no_password() {
  if grep -q "$PW" "$T/$1.out" "$T/$1.err"; then
    fail "$1: the password is shown"
  fi
}
q "CREATE SCHEMA other; CREATE TABLE other.t (i int);
   CREATE SCHEMA twice; CREATE SCHEMA locked; CREATE SCHEMA newer;
   CREATE SCHEMA foreign_; GRANT USAGE ON SCHEMA locked TO kam_app"

# init on the empty database, as its owner: the URL without the password.
run init 0 kam-org --db "$OWNER" init
expect_text init "$(shown "$OWNER")"
no_password init
expect_sql_pg() {
  got=$(q "$2")
  [ "$got" = "$3" ] || fail "$1: store has '$got', expected '$3' for: $2"
}
count=$((count + 1))
expect_sql_pg marks "SELECT application_id, schema_version FROM kam_store" \
  "1262570801|10"
expect_sql_pg tables "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" 25
expect_sql_pg profiles "SELECT string_agg(name, ',' ORDER BY id) FROM profile" \
  "default,strategic,transactional"
# The same rubrics as a new SQLite store's.
KAM_DB="$T/lite.db" kam-org init >/dev/null
q "SELECT p.name, c.gate, c.key, c.weight, c.must, c.computed, c.position
   FROM criterion c JOIN profile p ON p.id = c.profile_id
   ORDER BY p.id, c.gate, c.position" >"$T/pg-rubric"
"$SQLITE3" -batch -noheader -separator '|' "$T/lite.db" \
  "SELECT p.name, c.gate, c.key, c.weight, c.must, c.computed, c.position
   FROM criterion c JOIN profile p ON p.id = c.profile_id
   ORDER BY p.id, c.gate, c.position" | sed 's/\.0|/|/' >"$T/lite-rubric"
count=$((count + 1))
cmp -s "$T/pg-rubric" "$T/lite-rubric" ||
  { fail "rubric: differs from SQLite's"; diff "$T/lite-rubric" "$T/pg-rubric" | head >&2; }
[ "$(wc -l <"$T/pg-rubric")" -eq 57 ] || fail "rubric: $(wc -l <"$T/pg-rubric") criteria"
before=$(tables public)

# init again finds the store and changes nothing; JSON as on SQLite.
run again 0 kam-org --db "$OWNER" init
expect_text again "$(shown "$OWNER")"
run json 0 kam-org --db "$OWNER" -F json init
expect_text json "{\"store\":\"$(shown "$OWNER")\"}"
# The scheme in any case, and postgres:// too.
upper=$(printf '%s' "$OWNER" | sed 's|^postgresql://|PostgreSQL://|')
run upper 0 kam-org --db "$upper" init
expect_text upper "$(shown "$upper")"
short=$(printf '%s' "$OWNER" | sed 's|^postgresql://|postgres://|')
KAM_DB=$short run short 0 kam-org init
expect_text short "$(shown "$short")"
count=$((count + 1))
[ "$(tables public)" = "$before" ] || fail "again: the schema changed"
expect_sql_pg one-mark "SELECT count(*) FROM kam_store" 1

# kam-gate and kam-map run on a team store too (kam(7) says every verb
# does): on a server that is not there they fail to open it, naming the
# URL without its password, and change nothing.
for cmd in "kam-gate run acme/deal" "kam-map acme"; do
  name=dead-$(echo "$cmd" | cut -d' ' -f1)
  # shellcheck disable=SC2086
  run "$name" 10 env KAM_DB="postgresql://nobody:secret@127.0.0.1:1/none" $cmd
  grep -q "^${cmd%% *}: cannot open store 'postgresql://nobody@127.0.0.1:1/none': connection to server at \"127.0.0.1\", port 1 failed: Connection refused" "$T/$name.err" ||
    fail "$name: message: $(cat "$T/$name.err")"
  count=$((count + 1))
  ! grep -q secret "$T/$name.err" || fail "$name: the password is shown"
done
expect_sql_pg untouched "SELECT count(*) FROM account" 0
count=$((count + 1))
[ "$(tables public)" = "$before" ] || fail "refused: the schema changed"
# Not taken for a file name: no folder "postgresql:" made.
count=$((count + 1))
[ ! -e postgresql: ] && [ ! -e postgres: ] || fail "a folder was made"

# Two inits at once on an empty schema: both succeed, the schema is
# made once.
u=$(inschema twice "$OWNER")
kam-org --db "$u" init >"$T/a.out" 2>"$T/a.err" & pa=$!
kam-org --db "$u" init >"$T/b.out" 2>"$T/b.err" & pb=$!
count=$((count + 1))
wait $pa || fail "twice: the first init failed: $(cat "$T/a.err")"
wait $pb || fail "twice: the second init failed: $(cat "$T/b.err")"
expect_text a "$(shown "$u")"
expect_text b "$(shown "$u")"
expect_sql_pg twice "SELECT count(*) FROM twice.kam_store" 1
count=$((count + 1))
[ "$(tables twice)" = "$before" ] || fail "twice: not the same schema"

# A schema that holds other tables is not a store; it is left as it was.
u=$(inschema other "$OWNER")
run other 7 kam-org --db "$u" init
expect_err other "kam-org: '$(shown "$u")' is not a kam store: its schema holds other tables"
count=$((count + 1))
[ "$(tables other)" = "t:r" ] || fail "other: the schema changed: $(tables other)"

# A role that may not create tables there (the application's role).
u=$(inschema locked "$APP")
run role 9 kam-org --db "$u" init
expect_err role "kam-org: cannot create store '$(shown "$u")': the role may not create tables in its schema (run 'kam-org init' as the database's owner)"
no_password role
count=$((count + 1))
[ -z "$(tables locked)" ] || fail "locked: tables made: $(tables locked)"
# The store in public, found by that role once it may read kam_store.
run app-denied 9 kam-org --db "$APP" init
expect_err app-denied "kam-org: cannot read store '$(shown "$APP")': permission denied for table kam_store"
q "GRANT SELECT ON kam_store TO kam_app"
run app-finds 0 kam-org --db "$APP" init
expect_text app-finds "$(shown "$APP")"
count=$((count + 1))
[ "$(tables public)" = "$before" ] || fail "app-finds: the schema changed"

# A store of a newer kam, and a table of the name that is not kam's.
q "CREATE TABLE newer.kam_store (application_id integer, schema_version integer);
   INSERT INTO newer.kam_store VALUES (1262570801, 99);
   CREATE TABLE foreign_.kam_store (application_id integer, schema_version integer);
   INSERT INTO foreign_.kam_store VALUES (42, 1)"
u=$(inschema newer "$OWNER")
run newer 8 kam-org --db "$u" init
expect_err newer "kam-org: store '$(shown "$u")' has schema version 99, newer than this kam understands (10): upgrade kam"
u=$(inschema foreign_ "$OWNER")
run foreign 7 kam-org --db "$u" init
expect_err foreign "kam-org: '$(shown "$u")' is not a kam store"
expect_sql_pg newer-kept "SELECT count(*) FROM pg_tables WHERE schemaname IN ('newer', 'foreign_')" 2

# A server that cannot be reached: I/O, the password not shown, in the
# URL's user part or as a parameter.
run down 10 kam-org --db "postgresql://kam_app:$PW@127.0.0.1:1/kam" init
no_password down
grep -q "^kam-org: cannot open store 'postgresql://kam_app@127.0.0.1:1/kam': connection to server at \"127.0.0.1\", port 1 failed: Connection refused" "$T/down.err" ||
  fail "down: message: $(cat "$T/down.err")"
run param 10 kam-org --db "postgres://kam_app@127.0.0.1:1/kam?connect_timeout=5&password=$PW&application_name=kam" init
no_password param
grep -q "^kam-org: cannot open store 'postgres://kam_app@127.0.0.1:1/kam?connect_timeout=5&application_name=kam': " "$T/param.err" ||
  fail "param: message: $(cat "$T/param.err")"
# A wrong password is the server's refusal, shown without either.
run badpw 10 kam-org --db "postgresql://kam_app:wrong-$PW@127.0.0.1:${KAM_TEST_PG##*:}" init
no_password badpw
grep -q "password authentication failed for user \"kam_app\"" "$T/badpw.err" ||
  fail "badpw: message: $(cat "$T/badpw.err")"

done_testing
