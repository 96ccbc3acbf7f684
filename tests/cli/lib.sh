# Shared by the command-line tests: paths, a fresh store, and assertions.
# A test sources this file, runs commands, and compares what they print
# and what they leave in the store with what it expects.

set -u
: "${KAM_BUILDDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KAM_SRCDIR:=$KAM_BUILDDIR}"
: "${SQLITE3:=sqlite3}"
: "${DOT:=dot}"
PATH="$KAM_BUILDDIR/src:$PATH"
export PATH

T=$(mktemp -d "${TMPDIR:-/tmp}/kam-test.XXXXXX")
trap 'rm -rf "$T"; pg_drop' EXIT

# make check-valgrind: every kam command runs under valgrind, and any
# memory error or leak fails the command (status 99).
if [ "${KAM_VALGRIND:-0}" = 1 ]; then
  mkdir -p "$T/vg"
  for c in kam kam-org kam-stance kam-gate kam-map; do
    printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s/tests/valgrind.supp "%s/src/%s" "$@"\n' \
      "$KAM_SRCDIR" "$KAM_BUILDDIR" "$c" >"$T/vg/$c"
    chmod +x "$T/vg/$c"
  done
  PATH="$T/vg:$PATH"
  export PATH
fi
KAM_DB="$T/kam.db"
KAM_USER=tester
KAM_NOW=2026-03-02T09:00:00Z
unset KAM_ACCOUNT XDG_DATA_HOME
export KAM_DB KAM_USER KAM_NOW

# The store: an SQLite file, or, with KAM_TEST_PG set (make
# check-pg-suite runs the whole suite so, under tests/pg/cluster.sh,
# which names the cluster's roles and URLs), a team store: a database of
# its own for each test, owned by kam_owner, a copy of one made by
# kam-org init run as that owner, with the test clock on (so that
# KAM_NOW sets the recorded time), dropped at exit.  KAM_DB is then the
# URL of the role tester, the KAM_USER, which neither owns the database
# nor is a superuser.
# KAM_TEST_PG, KAM_TEST_PG_OWNER and KAM_TEST_PG_TESTER are set to the
# test's database too, so that tests of the team store never share one.
# A test that wants the database empty (no kam-org init run) sets
# KAM_TEST_PG_EMPTY=1 before sourcing this file.
# A test that never opens a store (one of the documentation, the help,
# the sources) sets KAM_TEST_STORE=none before sourcing this file: on a
# team store it is skipped, since it would run the same commands again
# (make check runs it); on SQLite, done_testing checks that it made no
# store.
pg_db= pg_slot=
pg_drop() {
  if [ -n "$pg_db" ]; then
    psql "$KAM_TEST_PG_ADMIN" -X -q -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || :
  fi
  if [ -n "$pg_slot" ]; then
    rmdir "$pg_slot" 2>/dev/null || :
    pg_slot=
  fi
  return 0
}
# pg_url URL: URL naming the test's database instead of its own.
pg_url() {
  printf '%s/%s\n' "${1%/*}" "$pg_db"
}
if [ -n "${KAM_TEST_PG:-}" ] && [ "${KAM_TEST_STORE:-}" = none ]; then
  echo "SKIP: on a team store: opens no store (make check runs it)"
  exit 77
fi
# make check-pg-suite (tests/pg/suite.sh) runs several tests at once,
# on as many clusters, KAM_TEST_PG_SLOTS, described in
# KAM_TEST_PG_SLOT_DIR/K.env: the test takes one that no other test
# holds (the folder K.lock, made at once or not at all), and gives it
# back at exit (pg_drop).  A test that a test runs (t7130 runs t5010)
# stays on its cluster.  (A store-free test has been skipped above.)
if [ -n "${KAM_TEST_PG_SLOTS:-}" ]; then
  while [ -z "$pg_slot" ]; do
    k=0
    while [ "$k" -lt "$KAM_TEST_PG_SLOTS" ]; do
      if mkdir "$KAM_TEST_PG_SLOT_DIR/$k.lock" 2>/dev/null; then
        pg_slot=$KAM_TEST_PG_SLOT_DIR/$k.lock
        . "$KAM_TEST_PG_SLOT_DIR/$k.env"
        # A test that this one runs stays on its cluster.
        unset KAM_TEST_PG_SLOTS KAM_TEST_PG_SLOT_DIR
        break
      fi
      k=$((k + 1))
    done
    [ -n "$pg_slot" ] || sleep 0.2
  done
fi
# pg_admin_db SQL: runs SQL as the cluster's superuser on its database
# postgres, one value per line.
pg_admin_db() {
  psql "$KAM_TEST_PG_ADMIN" -X -q -At -v ON_ERROR_STOP=1 -c "$1"
}
# pg_create TEMPLATE: makes the database pg_db, owned by kam_owner, a
# copy of TEMPLATE; the test ends (status 99) if it cannot.
pg_create() {
  if ! pg_admin_db "CREATE DATABASE $pg_db TEMPLATE $1 OWNER kam_owner" \
    >"$T/pg-create.err" 2>&1; then
    pg_db=
    echo "lib.sh: cannot make the test's database: $(cat "$T/pg-create.err")" >&2
    exit 99
  fi
}
# pg_tpl_exists: has the cluster the template database pg_tpl?
pg_tpl_exists() {
  [ "$(pg_admin_db "SELECT count(*) FROM pg_database WHERE datname = '$pg_tpl'")" = 1 ]
}
# pg_random: a random part of a database's name.
pg_random() {
  od -An -N6 -tx1 /dev/urandom | tr -d ' \n'
}
# pg_fill ADMIN_URL OWNER_URL: makes a new database a test's store: the
# functions of SQLite that the tests' queries use, made by the
# superuser (ADMIN_URL), and, unless KAM_TEST_PG_EMPTY=1, kam-org init
# run as the database's owner (OWNER_URL) and the test clock on.
pg_fill() {
  # The functions of SQLite that the tests' queries use (sql), as
  # SQLite has them: group_concat, quote, instr, hex, char (which sql
  # calls sqlite_char: char is a type's name in PostgreSQL), typeof,
  # json_valid, json_extract and json_type (a path of .KEY and [N]
  # steps); sql calls json_object PostgreSQL's json_build_object, and
# writes SQLite's CAST(x'HEX' AS TEXT) as the UTF-8 text of those bytes.
  psql "$1" -X -q -v ON_ERROR_STOP=1 >"$T/pg-compat.err" 2>&1 <<'SQL' ||
CREATE SCHEMA kam_test;
CREATE FUNCTION kam_test.quote(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN 'NULL'
         ELSE '''' || replace(v, '''', '''''') || '''' END $$;
CREATE FUNCTION kam_test.quote(v bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(v::text, 'NULL') $$;
CREATE FUNCTION kam_test.instr(h text, n text) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$ SELECT strpos(h, n) $$;
CREATE FUNCTION kam_test.hex(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT upper(encode(convert_to(coalesce(v, ''), 'UTF8'), 'hex')) $$;
CREATE FUNCTION kam_test.sqlite_char(VARIADIC c integer[]) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(chr(x), '' ORDER BY i) FROM unnest(c) WITH ORDINALITY u (x, i) $$;
CREATE FUNCTION kam_test.typeof(v anyelement) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN 'null'
         WHEN pg_typeof(v) IN ('smallint'::regtype, 'integer', 'bigint') THEN 'integer'
         WHEN pg_typeof(v) IN ('real'::regtype, 'double precision', 'numeric') THEN 'real'
         WHEN pg_typeof(v) = 'bytea'::regtype THEN 'blob'
         ELSE 'text' END $$;
CREATE FUNCTION kam_test.json_valid(v text) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM v::jsonb;
  RETURN 1;
EXCEPTION WHEN others THEN
  RETURN 0;
END $$;
-- A double as sqlite3 prints it: a whole one with '.0'.
CREATE FUNCTION kam_test.real_text(x double precision) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x = trunc(x) AND abs(x) < 1e15
         THEN trunc(x)::bigint::text || '.0' ELSE x::text END $$;
CREATE FUNCTION kam_test.json_extract(doc text, path text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  p text[] := '{}';
  m text[];
  j jsonb;
BEGIN
  FOR m IN SELECT regexp_matches(substr(path, 2), '\.([^.\[]+)|\[([0-9]+)\]', 'g') LOOP
    p := p || coalesce(m[1], m[2]);
  END LOOP;
  j := doc::jsonb #> p;
  IF j IS NULL OR jsonb_typeof(j) = 'null' THEN
    RETURN NULL;
  ELSIF jsonb_typeof(j) = 'string' THEN
    RETURN j #>> '{}';
  ELSIF jsonb_typeof(j) = 'boolean' THEN
    RETURN CASE WHEN j = 'true'::jsonb THEN '1' ELSE '0' END;
  ELSIF jsonb_typeof(j) = 'number' AND j::text !~ '^-?[0-9]+$' THEN
    RETURN kam_test.real_text((j::text)::double precision);
  END IF;
  RETURN j::text;
END $$;
CREATE FUNCTION kam_test.json_type(doc text, path text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  p text[] := '{}';
  m text[];
  j jsonb;
BEGIN
  FOR m IN SELECT regexp_matches(substr(path, 2), '\.([^.\[]+)|\[([0-9]+)\]', 'g') LOOP
    p := p || coalesce(m[1], m[2]);
  END LOOP;
  j := doc::jsonb #> p;
  IF j IS NULL THEN
    RETURN NULL;
  ELSIF jsonb_typeof(j) = 'boolean' THEN
    RETURN j::text;
  ELSIF jsonb_typeof(j) = 'number' THEN
    RETURN CASE WHEN j::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END;
  ELSIF jsonb_typeof(j) = 'string' THEN
    RETURN 'text';
  END IF;
  RETURN jsonb_typeof(j);
END $$;
CREATE FUNCTION kam_test.concat_step(acc text, v anyelement, sep text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text
         ELSE acc || sep || v::text END $$;
CREATE FUNCTION kam_test.concat_step(acc text, v anyelement)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT kam_test.concat_step(acc, v, ',') $$;
CREATE AGGREGATE kam_test.group_concat(anyelement, text)
  (SFUNC = kam_test.concat_step, STYPE = text);
CREATE AGGREGATE kam_test.group_concat(anyelement)
  (SFUNC = kam_test.concat_step, STYPE = text);
SQL
  { echo "lib.sh: cannot prepare the test's database: $(cat "$T/pg-compat.err")" >&2; exit 99; }
  if [ "${KAM_TEST_PG_EMPTY:-0}" != 1 ]; then
    if ! env -u KAM_USER -u KAM_NOW kam-org --db "$2" init \
      >/dev/null 2>"$T/pg-init.err"; then
      echo "lib.sh: kam-org init as the owner failed: $(cat "$T/pg-init.err")" >&2
      exit 99
    fi
    # The test clock (kam(7)), where the store has it.
    psql "$2" -X -q -v ON_ERROR_STOP=1 >"$T/pg-clock.err" 2>&1 <<'SQL' ||
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = current_schema()
             AND table_name = 'kam_store' AND column_name = 'test_clock') THEN
    EXECUTE 'UPDATE kam_store SET test_clock = true';
  END IF;
END $$;
SQL
    { echo "lib.sh: cannot turn the test clock on: $(cat "$T/pg-clock.err")" >&2; exit 99; }
  fi
}
if [ -n "${KAM_TEST_PG:-}" ]; then
  # PostgreSQL's own programs rather than Debian's pg_wrapper, which
  # chooses among installed versions in Perl at every call (some 60 ms,
  # a third of a psql's time): the suite runs psql and pg_dump some
  # thousands of times.
  pg_bin=$(pg_config --bindir 2>/dev/null) || pg_bin=
  if [ -n "$pg_bin" ] && [ -x "$pg_bin/psql" ] && [ -x "$pg_bin/pg_dump" ]; then
    PATH="$pg_bin:$PATH"
  fi
  # The test's number and a random part: names unique in the cluster.
  pg_db=$(printf '%s' "${0##*/}" | sed 's/[^a-z0-9].*//')
  pg_db="kam_${pg_db:-test}_$(pg_random)"
  pg_name=$pg_db
  if [ "${KAM_TEST_PG_EMPTY:-0}" = 1 ]; then
    pg_create template1
    pg_fill "$(pg_url "$KAM_TEST_PG_ADMIN")" "$(pg_url "$KAM_TEST_PG_OWNER")"
  else
    # A store made by kam-org init is copied from a template database
    # that the first test made, once for each build of kam-org and
    # version of this file (their checksum in the name): copying takes
    # a third of the time that making one does.  The template is made
    # under a name of its own and renamed when whole, so that a test
    # running at the same time copies a whole one or makes its own;
    # pg_drop drops an unfinished one.
    pg_tpl="kam_tpl_$(cat "$KAM_BUILDDIR/src/kam-org" "$KAM_SRCDIR/tests/cli/lib.sh" | cksum | cut -d' ' -f1)"
    if ! pg_tpl_exists; then
      pg_db="${pg_tpl}_$(pg_random)"
      pg_create template1
      pg_fill "$(pg_url "$KAM_TEST_PG_ADMIN")" "$(pg_url "$KAM_TEST_PG_OWNER")"
      # Another test's, renamed first, is as good.
      if ! pg_admin_db "ALTER DATABASE $pg_db RENAME TO $pg_tpl" >"$T/pg-rename.err" 2>&1; then
        if ! pg_tpl_exists; then
          echo "lib.sh: cannot name the template $pg_tpl: $(cat "$T/pg-rename.err")" >&2
          exit 99
        fi
        pg_admin_db "DROP DATABASE $pg_db WITH (FORCE)" >/dev/null 2>&1 || :
      fi
      pg_db=$pg_name
    fi
    pg_create "$pg_tpl"
  fi
  KAM_TEST_PG=$(pg_url "$KAM_TEST_PG")
  KAM_TEST_PG_OWNER=$(pg_url "$KAM_TEST_PG_OWNER")
  KAM_TEST_PG_TESTER=$(pg_url "$KAM_TEST_PG_TESTER")
  KAM_TEST_PG_INSPECT=$(pg_url "$KAM_TEST_PG_ADMIN")
  export KAM_TEST_PG KAM_TEST_PG_OWNER KAM_TEST_PG_TESTER
  KAM_DB=$KAM_TEST_PG_TESTER
fi

# on_pg: is the store a team store (PostgreSQL)?
on_pg() {
  [ -n "$pg_db" ]
}

# sqlite_only REASON: the test is about SQLite files or what a team
# store does otherwise; on a team store it is skipped (status 77), with
# a SKIP line giving the reason.
sqlite_only() {
  if on_pg; then
    echo "SKIP: on a team store: $*"
    exit 77
  fi
}

# as_user NAME COMMAND...: runs the command in the name of the user
# NAME: KAM_USER=NAME, and, on a team store, where a row's recorder is
# the database user (kam(7), THE TEAM STORE), KAM_DB the URL of the
# login role NAME, with the cluster's password, a member of kam_writer
# (made once in the cluster, by whichever test asks first).
as_user() {
  au=$1
  shift
  if db_is_pg; then
    # A test running at the same time may make it first.
    if ! pg_role_exists "$au"; then
      psql "$KAM_TEST_PG_INSPECT" -X -q -v ON_ERROR_STOP=1 -v u="$au" \
        -v pw="$KAM_TEST_PG_PASSWORD" >"$T/as-user.err" 2>&1 <<'SQL' ||
CREATE ROLE :"u" LOGIN PASSWORD :'pw' IN ROLE kam_writer;
SQL
        pg_role_exists "$au" ||
        { echo "lib.sh: cannot make the role $au: $(cat "$T/as-user.err")" >&2; return 99; }
    fi
    env KAM_USER="$au" KAM_DB="$(printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$au:|")" "$@"
  else
    env KAM_USER="$au" "$@"
  fi
}

pg_role_exists() {
  [ "$(psql "$KAM_TEST_PG_INSPECT" -X -q -A -t -v u="$1" <<'SQL'
SELECT count(*) FROM pg_roles WHERE rolname = :'u';
SQL
)" = 1 ]
}

# team_roles TEAM...: on a team store, what its administrator does for
# each team before 'kam-org team add' (kam(7), TEAMS): the NOLOGIN role
# kam_team_TEAM (made once in the cluster), with tester a member, so
# that tester sees the team's accounts.  Nothing on a store file.
team_roles() {
  db_is_pg || return 0
  for tr in "$@"; do
    psql "$KAM_TEST_PG_INSPECT" -X -q -v ON_ERROR_STOP=1 -v r="kam_team_$tr" \
      >"$T/team-role.err" 2>&1 <<'SQL' ||
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'r') AS missing \gset
\if :missing
CREATE ROLE :"r" NOLOGIN;
\endif
SQL
      pg_role_exists "kam_team_$tr" ||
      { echo "lib.sh: cannot make the role kam_team_$tr: $(cat "$T/team-role.err")" >&2; return 99; }
    psql "$KAM_TEST_PG_INSPECT" -X -q -v ON_ERROR_STOP=1 -v r="kam_team_$tr" \
      >"$T/team-role.err" 2>&1 <<'SQL' ||
GRANT :"r" TO tester;
SQL
      { echo "lib.sh: cannot grant kam_team_$tr: $(cat "$T/team-role.err")" >&2; return 99; }
  done
}

# The SQL that takes a team store's schema back to before version 10:
# what show reads (stance_span, stance_month, stance_built) and its
# functions dropped, for the tests that make an older store from a new
# one.
PG_BEFORE_10="DROP TABLE stance_span, stance_month, stance_built;
DROP FUNCTION stance_refresh(bigint), stance_rebuild(bigint),
  stance_last(bigint),
  stance_make(bigint, bigint, bigint, boolean, boolean, text);"

# pg_admin SQL: runs SQL on a team store as the cluster's superuser,
# who is not held by row-level security, one value per line.
pg_admin() {
  psql "$KAM_TEST_PG_INSPECT" -X -q -At -v ON_ERROR_STOP=1 -c "$1"
}

# rls_sellers SELLER:TEAM[+TEAM]...: the administrator's set-up of
# kam(7), TEAMS for a test of row-level security: each team's NOLOGIN
# role kam_team_TEAM, and each SELLER a login role with the cluster's
# password, a member of kam_writer and of its teams' roles (each made
# once in the cluster).
rls_sellers() {
  rs_sql=
  for rs in "$@"; do
    rs_in=kam_writer
    for rs_t in $(printf '%s\n' "${rs#*:}" | tr + ' '); do
      rs_sql="$rs_sql
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kam_team_$rs_t') THEN
    CREATE ROLE kam_team_$rs_t NOLOGIN; END IF;"
      rs_in="$rs_in, kam_team_$rs_t"
    done
    rs_sql="$rs_sql
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${rs%%:*}') THEN
    CREATE ROLE ${rs%%:*} LOGIN PASSWORD '$KAM_TEST_PG_PASSWORD' IN ROLE $rs_in; END IF;"
  done
  pg_admin "DO \$\$ BEGIN$rs_sql
END \$\$" >/dev/null
}

# stance_history: the history both stores verify alike (t2050,
# t9410): an account, two people, three stances and a retraction, the
# same hashes on each.
stance_history() {
  kam-org account add acme --name Acme >/dev/null &&
    kam-org person add acme/li-wei --name '李伟' >/dev/null &&
    kam-org person add acme/zhang --name '张三' >/dev/null &&
    kam-stance set acme/li-wei support --on 2026-01-05 --note '午餐' >/dev/null &&
    kam-stance set acme/li-wei oppose --on 2026-02-10 >/dev/null &&
    kam-stance set acme/zhang neutral --on 2026-02-11 >/dev/null &&
    kam-stance retract 1 --why 'wrong person' >/dev/null
}

# owner_sql STATEMENT: runs the statement on the store as the owner of
# its tables (sqlite3 on a file; psql as kam_owner on a team store,
# where grants do not hold the owner back, only the store's triggers),
# its messages on stderr.
owner_sql() {
  if db_is_pg; then
    psql "$KAM_TEST_PG_OWNER" -X -q -v ON_ERROR_STOP=1 -c "$1"
  else
    "$SQLITE3" "$KAM_DB" "$1"
  fi
}

# store_name: the store as kam-org init prints it (a team store's URL
# without its password).
store_name() {
  if on_pg; then
    printf '%s\n' "$KAM_DB" | sed "s/:$KAM_TEST_PG_PASSWORD@/@/"
  else
    printf '%s\n' "$KAM_DB"
  fi
}
# English messages whatever the user's settings: LANGUAGE would override
# LC_ALL for messages.  The catalogs are the build tree's (kam(7),
# KAM_LOCALEDIR); a test of another language runs commands under in_locale.
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
: "${KAM_LOCALEDIR:=$KAM_BUILDDIR/po/locale}"
export KAM_LOCALEDIR
DATA="$KAM_SRCDIR/tests/data"
EXP="$KAM_SRCDIR/tests/cli/expected"

failures=0
count=0

fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$*" >&2
}

# run NAME EXPECTED-STATUS COMMAND...: runs the command, keeping its
# stdout in $T/NAME.out and stderr in $T/NAME.err; checks the status.
run() {
  name=$1 want=$2
  shift 2
  count=$((count + 1))
  "$@" >"$T/$name.out" 2>"$T/$name.err"
  got=$?
  if [ "$got" != "$want" ]; then
    fail "$name: exit status $got, expected $want: $*"
    sed 's/^/  stderr: /' "$T/$name.err" >&2
    not_on_team "$got" "$T/$name.err"
  fi
}

# not_on_team STATUS ERR-FILE: on a team store, notes a command that
# refused it as one it does not run on yet (exit 14, KAM_NOTBUILT, and
# kam(7)'s THE TEAM STORE named); done_testing then skips the test,
# saying which.
not_team=
not_on_team() {
  if on_pg && [ "$1" = 14 ] && grep -q 'THE TEAM STORE' "$2"; then
    not_team="$not_team$(head -n 1 "$2" | sed "s|'[Pp][Oo][Ss][Tt][Gg][Rr][Ee][Ss][^']*'|the store|")
"
  fi
}

# expect_out NAME FILE: stdout of NAME equals the expected file
# (tests/cli/expected/FILE).
expect_out() {
  if ! diff -u "$EXP/$2" "$T/$1.out" >&2; then
    fail "$1: output differs from expected/$2"
  fi
}

# expect_text NAME TEXT: stdout of NAME equals TEXT (plus a newline).
expect_text() {
  printf '%s\n' "$2" >"$T/$1.want"
  if ! diff -u "$T/$1.want" "$T/$1.out" >&2; then
    fail "$1: output differs"
  fi
}

# expect_err NAME MESSAGE: stderr of NAME is exactly MESSAGE.
expect_err() {
  printf '%s\n' "$2" >"$T/$1.want"
  if ! diff -u "$T/$1.want" "$T/$1.err" >&2; then
    fail "$1: message differs"
  fi
}

# db_is_pg: is KAM_DB the test's team store (a test may point KAM_DB at
# an SQLite file of its own for a while)?
db_is_pg() {
  case $KAM_DB in
  [Pp][Oo][Ss][Tt][Gg][Rr][Ee][Ss]*://*) on_pg ;;
  *) return 1 ;;
  esac
}

# snapshot / unchanged: the store is byte-for-byte the same dump (on a
# team store, pg_dump's, sequences' values left out: a rolled-back
# insert moves them; so is the random key of the \restrict and
# \unrestrict lines that wrap it; and so are the rows of what show
# reads, which a show brings up to the observations before it reads,
# whatever it prints after: kam(7), "What show reads", and t9550,
# which checks them against the observations).
dump_store() {
  if db_is_pg; then
    pg_dump -d "$KAM_TEST_PG_INSPECT" --no-owner --no-privileges \
      --exclude-schema=kam_test --exclude-table-data=stance_span \
      --exclude-table-data=stance_month --exclude-table-data=stance_built |
      grep -v '^SELECT pg_catalog.setval(\|^\\restrict \|^\\unrestrict '
  else
    "$SQLITE3" "$KAM_DB" .dump
  fi
}
snapshot() {
  dump_store >"$T/snapshot.sql"
}
unchanged() {
  dump_store >"$T/now.sql"
  if ! cmp -s "$T/snapshot.sql" "$T/now.sql"; then
    fail "$1: the store changed"
    diff -u "$T/snapshot.sql" "$T/now.sql" | head -20 >&2
  fi
}

# sql QUERY: prints the query's result from the store, as sqlite3
# prints it: no header, columns separated by '|', NULL empty.  On a
# team store psql runs it as the cluster's superuser (which sees every
# row), with the SQLite functions above, but a query of a file's JSON
# (readfile) runs in SQLite on no store.
sql() {
  if db_is_pg; then
    case $1 in
    *readfile\(*)
      sqlite "$1"
      return
      ;;
    esac
    q=$(printf '%s\n' "$1" | sed 's/\([^A-Za-z0-9_]\)char(/\1sqlite_char(/g
      s/\([^A-Za-z0-9_]\)json_object(/\1json_build_object(/g
      s/CAST(x'"'"'\([0-9A-Fa-f]*\)'"'"' AS TEXT)/convert_from(decode('"'"'\1'"'"', '"'"'hex'"'"'), '"'"'UTF8'"'"')/g')
    # One SELECT: its values as SQLite prints them (pg_rows).
    if printf '%s' "$q" | tr '\n' ' ' | grep -qiE '^ *(SELECT|WITH) [^;]*;? *$' &&
      pg_rows "${q%;}" 2>/dev/null; then
      return 0
    fi
    pg_psql -c "$q"
  else
    "$SQLITE3" -batch -noheader -separator '|' "$KAM_DB" "$1"
  fi
}

# pg_rows QUERY: the rows of one SELECT on a team store, each as one
# line of its values as sqlite3 prints them: '|' between, NULL empty, a
# boolean 1 or 0, a double as kam_test.real_text writes it.  The
# columns' types are psql's \gdesc; they are renamed c1, c2, ... (a
# query's own names may repeat).
pg_rows() {
  printf '%s\n\\gdesc\n' "$1" | pg_psql >"$T/pg-desc" || return 1
  i=0 cols= expr=
  while IFS= read -r line; do
    i=$((i + 1))
    cols="$cols${cols:+, }c$i"
    case ${line##*|} in
    boolean) e="CASE WHEN c$i THEN '1' ELSE '0' END" ;;
    'double precision' | real) e="kam_test.real_text(c$i)" ;;
    *) e="c$i::text" ;;
    esac
    expr="$expr${expr:+ || '|' || }coalesce($e, '')"
  done <"$T/pg-desc"
  [ "$i" -gt 0 ] || return 1
  printf 'SELECT %s FROM (%s\n) AS q (%s)\n' "$expr" "$1" "$cols" | pg_psql
}

# pg_psql ARG...: psql on the test's database, as sql prints.
pg_psql() {
  PGOPTIONS='-c search_path=public,kam_test' \
    psql "$KAM_TEST_PG_INSPECT" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$@"
}

# sqlite QUERY: SQLite on no store, for its JSON functions over a
# command's output (readfile, json_each, json_extract), whatever the
# store's engine.
sqlite() {
  "$SQLITE3" -batch -noheader -separator '|' :memory: "$1"
}

# expect_sql NAME QUERY EXPECTED
expect_sql() {
  got=$(sql "$2")
  if [ "$got" != "$3" ]; then
    fail "$1: store has '$got', expected '$3' for: $2"
  fi
}

# need_locale NAME...: skips the whole test (status 77) unless every
# locale is installed; .ci/run generates them with localedef.
need_locale() {
  for l in "$@"; do
    want=$(printf '%s' "$l" | sed 's/UTF-8$/utf8/')
    if ! locale -a 2>/dev/null | grep -qx "$want"; then
      echo "SKIP: locale $l is not installed (localedef -i ${l%%.*} -f UTF-8 $l)"
      exit 77
    fi
  done
}

# in_locale NAME COMMAND...: runs the command with LC_ALL=NAME (LANG and
# LC_ALL are the variables a user sets; LC_ALL wins over both).
in_locale() {
  loc=$1
  shift
  LC_ALL=$loc "$@"
}

# hospital_zh: the store of examples/hospital.sh, made in $T/ex/kam.db
# and copied into the test's store (a team store too, as its owner: the
# example's rows keep their recorder, whom only the owner may write),
# with KAM_ACCOUNT hospital, the clock at 2026-07-01 and ZH the Chinese
# locale (the test is skipped without it).
hospital_zh() {
  need_locale zh_CN.UTF-8
  ZH=zh_CN.UTF-8
  sh "$KAM_SRCDIR/examples/hospital.sh" "$T/ex" >"$T/example.md" 2>&1 ||
    fail "the hospital example failed: $(tail -n 3 "$T/example.md")"
  hz_to=$KAM_DB
  if on_pg; then
    hz_to=$KAM_TEST_PG_OWNER
  else
    kam-org init >/dev/null
  fi
  env -u KAM_USER -u KAM_NOW kam copy --from "$T/ex/kam.db" --to "$hz_to" \
    hospital >"$T/example-copy.out" 2>&1 ||
    fail "cannot copy the example's store: $(cat "$T/example-copy.out")"
  KAM_ACCOUNT=hospital KAM_NOW=2026-07-01T09:00:00Z
  export KAM_ACCOUNT KAM_NOW
}

# writers PROCS EACH FUNCTION: concurrent writers.  PROCS processes
# start at once, and each starts EACH writers at once: writer W of
# process P runs FUNCTION P W (a shell function of the test), its
# output kept in $T/wP-W.out and .err, its exit status in $T/wP-W.rc.
# Returns once every writer has ended (not waiting for the test's other
# background jobs).
writers() {
  wr_pids=
  wr_p=1
  while [ "$wr_p" -le "$1" ]; do
    (
      wr_w=1
      while [ "$wr_w" -le "$2" ]; do
        (
          "$3" "$wr_p" "$wr_w" >"$T/w$wr_p-$wr_w.out" 2>"$T/w$wr_p-$wr_w.err"
          echo $? >"$T/w$wr_p-$wr_w.rc"
        ) &
        wr_w=$((wr_w + 1))
      done
      wait
    ) &
    wr_pids="$wr_pids $!"
    wr_p=$((wr_p + 1))
  done
  # shellcheck disable=SC2086 # the ids are words
  wait $wr_pids
}

# writers_ok PROCS EACH: every writer of writers PROCS EACH exited 0
# and wrote nothing on stderr (one check each).
writers_ok() {
  wr_p=1
  while [ "$wr_p" -le "$1" ]; do
    wr_w=1
    while [ "$wr_w" -le "$2" ]; do
      count=$((count + 1))
      wr_f=$T/w$wr_p-$wr_w
      [ "$(cat "$wr_f.rc" 2>/dev/null)" = 0 ] && [ ! -s "$wr_f.err" ] ||
        fail "writer p$wr_p-w$wr_w: status $(cat "$wr_f.rc" 2>/dev/null): $(cat "$wr_f.err")"
      wr_w=$((wr_w + 1))
    done
    wr_p=$((wr_p + 1))
  done
}

# done_testing: the summary line and the exit status.
done_testing() {
  if [ -n "$not_team" ]; then
    echo "SKIP: on a team store: $(printf '%s' "$not_team" | sort -u | head -n 3 | paste -sd ';' -)"
    exit 77
  fi
  if [ "${KAM_TEST_STORE:-}" = none ]; then
    count=$((count + 1))
    dt_made=$(grep -rlas '^SQLite format 3' "$T" | head -n 1)
    [ -z "$dt_made" ] ||
      fail "KAM_TEST_STORE=none, but the test made a store: ${dt_made#"$T"/}"
  fi
  echo "$((count - failures)) passed, $failures failed"
  { printf '%s: ' "${0##*/}"; echo "$((count - failures)) passed, $failures failed"; } 2>/dev/null >&9 || :
  [ "$failures" -eq 0 ]
}
