#!/bin/sh
# kam-org init run many times at once: one valid store, every process
# succeeds (printing its path), nothing is deleted and no temporary file
# is left; commands opening an old store at once upgrade it once.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "SQLite files made at once, and an SQLite upgrade"

# The schema version a new store has.
VERSION=$(sed -n 's/^#define KAM_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$KAM_SRCDIR/include/kam/store.h")

N=12

# check_store NAME: the store is whole and current.
check_store() {
  expect_sql "$1-integrity" "PRAGMA integrity_check" ok
  expect_sql "$1-appid" "PRAGMA application_id" 1262570801
  expect_sql "$1-version" "PRAGMA user_version" "$VERSION"
  expect_sql "$1-wal" "PRAGMA journal_mode" wal
  expect_sql "$1-tables" "SELECT count(*) FROM sqlite_schema WHERE name = 'account'" 1
}

# parallel NAME N COMMAND...: runs N copies at once; each one's status,
# stdout and stderr go to $T/NAME.I.{rc,out,err}.
parallel() {
  pname=$1 pn=$2
  shift 2
  i=1
  while [ "$i" -le "$pn" ]; do
    ("$@" >"$T/$pname.$i.out" 2>"$T/$pname.$i.err"; echo $? >"$T/$pname.$i.rc") &
    i=$((i + 1))
  done
  wait
}

# all_ok NAME N TEXT: every copy exited 0, printed TEXT, said nothing.
all_ok() {
  i=1
  while [ "$i" -le "$2" ]; do
    count=$((count + 3))
    rc=$(cat "$T/$1.$i.rc")
    [ "$rc" = 0 ] || fail "$1.$i: exit status $rc: $(cat "$T/$1.$i.err")"
    [ "$(cat "$T/$1.$i.out")" = "$3" ] || fail "$1.$i: printed '$(cat "$T/$1.$i.out")'"
    [ ! -s "$T/$1.$i.err" ] || fail "$1.$i: said '$(cat "$T/$1.$i.err")'"
    i=$((i + 1))
  done
}

# Into a folder that does not exist yet, five times over.
for trial in 1 2 3 4 5; do
  KAM_DB="$T/r$trial/sub/k.db"
  parallel init$trial $N kam-org init
  all_ok init$trial $N "$KAM_DB"
  count=$((count + 1))
  [ -f "$KAM_DB" ] || fail "init$trial: no store left: $(ls "$T/r$trial/sub" | tr '\n' ' ')"
  check_store init$trial
  # Nothing but the store (and SQLite's files while it is open).
  left=$(ls -A "$T/r$trial/sub" | grep -v '^k\.db\(-wal\|-shm\)\{0,1\}$' | tr '\n' ' ')
  count=$((count + 1))
  [ -z "$left" ] || fail "init$trial: files left beside the store: $left"
  mode=$(stat -c %a "$KAM_DB")
  count=$((count + 1))
  [ "$mode" = 600 ] || fail "init$trial: mode $mode"
  # The store is used at once by the commands that follow.
  run use$trial 0 kam-org account add acme --name Acme
  expect_sql use$trial "SELECT handle FROM account" acme
done

# Inits and writers at once on a new store: no write is lost.
KAM_DB="$T/mixed/k.db"
i=1
while [ "$i" -le 8 ]; do
  (kam-org init >/dev/null 2>"$T/mixed-init.$i.err"; echo $? >"$T/mixed-init.$i.rc") &
  (
    # Writers retry until a store exists, then write once.
    n=0
    while [ $n -lt 200 ]; do
      kam-org account add "a$i" --name "A$i" >/dev/null 2>"$T/mixed-add.$i.err"
      rc=$?
      [ $rc = 6 ] || break
      n=$((n + 1))
      sleep 0.02
    done
    echo $rc >"$T/mixed-add.$i.rc"
  ) &
  i=$((i + 1))
done
wait
i=1
while [ "$i" -le 8 ]; do
  count=$((count + 1))
  [ "$(cat "$T/mixed-init.$i.rc")" = 0 ] || fail "mixed-init.$i: $(cat "$T/mixed-init.$i.err")"
  count=$((count + 1))
  [ "$(cat "$T/mixed-add.$i.rc")" = 0 ] || fail "mixed-add.$i: $(cat "$T/mixed-add.$i.err")"
  i=$((i + 1))
done
check_store mixed
expect_sql mixed-rows "SELECT count(*) FROM account" 8

# Over an existing empty file: made a store once, in place.
KAM_DB="$T/empty.db"
: >"$KAM_DB"
parallel empty $N kam-org init
all_ok empty $N "$KAM_DB"
check_store empty

# A version 1 store opened by many commands at once is upgraded once.
KAM_DB="$T/v1.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v1.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO person (id, account_id, handle, name, level, created, recorded,
  recorded_by) VALUES
  (1, 1, 'ceo', 'Chen', 1, '2026-01-05', '2026-01-05T09:00:00Z', 'ann'),
  (2, 1, 'cto', 'Li', 2, '2026-01-05', '2026-01-05T09:00:00Z', 'ann');
INSERT INTO reporting_line (person_id, manager_id, kind, start_on, end_on)
  VALUES (2, 1, 'solid', NULL, NULL);
PRAGMA application_id = 1262570801;
PRAGMA user_version = 1;
SQL
} | "$SQLITE3" "$KAM_DB"
parallel v1 $N kam-org -F tsv person list acme
all_ok v1 $N "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/ceo	Chen			1			no		
acme/cto	Li			2	acme/ceo		no		"
check_store v1
expect_sql v1-moved "SELECT id, quote(manager_id) FROM person ORDER BY id" "1|NULL
2|1"
expect_sql v1-lines "SELECT count(*) FROM reporting_line" 0

done_testing
