#!/bin/sh
# kam-stance show on a team store reads an account's general stances
# from what stance_refresh derives of the observations (schema-pg.sql:
# stance_span, stance_month, stance_built), and prints what a store
# file prints, which asks person by person: a history of three years,
# imported out of order, toward us and a competitor, with late rows,
# retractions and corrections across months, shown on the first and
# last days of months, before all of it and after; an account of more
# than 1,000 people, whose import makes its rows anew at once; a new
# month, which extends every person's months.  An import makes them in
# its transaction; a set, retract or correct leaves them as they are,
# and the next show of the account brings them up to date; a show of a
# deal or as known on a day makes none.  Once made, the derived rows
# are those the observations give, as a rebuild of the account makes
# them; a command that fails changes none of them.  A role that may
# not write them, or a show while a writer holds the writers' lock,
# reads the observations instead, and prints the same.  verify finds
# them changed outside kam.
# A version 9 store (without them) gets them from its owner's first
# command.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9550

at() { KAM_NOW=$1; export KAM_NOW; }
# derived NAME: the team store's derived rows are what a rebuild of
# each account makes of the observations, and each account's are made
# up to its last observation, or after.
IN_FORCE="SELECT o.id FROM observation o WHERE o.deal_id IS NULL
  AND o.kind <> 'retract' AND NOT EXISTS (SELECT 1 FROM observation s
  WHERE s.target_id = o.id)"
derived() {
  count=$((count + 1))
  got=$(pgsql "BEGIN;
    CREATE TEMPORARY TABLE m0 AS SELECT * FROM stance_month;
    CREATE TEMPORARY TABLE s0 AS SELECT * FROM stance_span;
    SELECT count(*) FROM (SELECT stance_rebuild(id) FROM account) r WHERE false;
    SELECT (SELECT count(*) FROM (SELECT * FROM m0 EXCEPT ALL SELECT * FROM stance_month) x)
      || ' ' || (SELECT count(*) FROM (SELECT * FROM stance_month EXCEPT ALL SELECT * FROM m0) x)
      || ' ' || (SELECT count(*) FROM (SELECT * FROM s0 EXCEPT ALL SELECT * FROM stance_span) x)
      || ' ' || (SELECT count(*) FROM (SELECT * FROM stance_span EXCEPT ALL SELECT * FROM s0) x)
      || ' ' || (SELECT count(*) FROM (SELECT id FROM s0 EXCEPT ALL $IN_FORCE) x)
      || ' ' || (SELECT count(*) FROM ($IN_FORCE EXCEPT ALL SELECT id FROM s0) x)
      || ' ' || (SELECT count(*) FROM account a WHERE coalesce((SELECT upto
        FROM stance_built b WHERE b.account_id = a.id), 0) <
        (SELECT coalesce(max(id), 0) FROM observation o WHERE o.account_id = a.id)
        AND EXISTS (SELECT 1 FROM person p WHERE p.account_id = a.id));
    ROLLBACK" 2>&1 | tail -n 1)
  [ "$got" = "0 0 0 0 0 0 0" ] ||
    fail "$1: derived rows differ from a rebuild's (months, spans, in force, behind): $got"
}
# behind NAME EXPECTED: the accounts whose derived rows are behind
# their observations, by handle.
behind() {
  count=$((count + 1))
  got=$(pgsql "SELECT coalesce(string_agg(a.handle, ',' ORDER BY a.handle), '-')
    FROM account a WHERE coalesce((SELECT upto FROM stance_built b
    WHERE b.account_id = a.id), 0) < (SELECT coalesce(max(id), 0)
    FROM observation o WHERE o.account_id = a.id)")
  [ "$got" = "$2" ] || fail "$1: accounts behind '$got', expected '$2'"
}
# rows NAME EXPECTED: how many derived rows the team store holds.
rows() {
  count=$((count + 1))
  got=$(pgsql "SELECT (SELECT count(*) FROM stance_span) || ' ' || (SELECT count(*) FROM stance_month)")
  [ "$got" = "$2" ] || fail "$1: derived rows '$got', expected '$2'"
}
# shows NAME ACCOUNT DAY...: show ACCOUNT on each day, on both stores.
shows() {
  sname=$1 sacc=$2
  shift 2
  for d; do
    both "$sname-$d" 0 kam-stance show "$sacc" --as-of "$d"
  done
}

at 2026-01-10T09:00:00Z
{
  echo handle,name
  i=1
  while [ $i -le 30 ]; do printf 'p%02d,Person %d\n' $i $i; i=$((i + 1)); done
} >"$T/acme.csv"
awk 'BEGIN { print "handle,name"; for (i = 1; i <= 1100; i++) printf "q%04d,Q %d\n", i, i }' >"$T/big.csv"
both acme 0 kam-org account add acme --name Acme
both big 0 kam-org account add big --name Big
both acme-people 0 kam-org import acme "$T/acme.csv"
both big-people 0 kam-org import big "$T/big.csv"
both rival 0 kam-org competitor add rivalco --name 'Rival Co'
# Three years, out of order: each row a person, a stance, a day of
# 2023 to 2025 (the first and last days of months among them), toward
# the competitor every fourth.
awk 'BEGIN {
  srand(9550); split("support neutral oppose", w, " ")
  print "person,stance,on,toward"
  for (i = 0; i < 400; i++) {
    y = 2023 + int(rand() * 3); m = 1 + int(rand() * 12)
    r = rand(); d = r < 0.2 ? 1 : r < 0.4 ? 28 : 1 + int(rand() * 28)
    printf "acme/p%02d,%s,%04d-%02d-%02d,%s\n", 1 + int(rand() * 30),
      w[1 + int(rand() * 3)], y, m, d, i % 4 == 3 ? "rivalco" : ""
  }
}' >"$T/acme-obs.csv"
both acme-obs 0 kam-stance import "$T/acme-obs.csv"
derived acme-obs
# More than 1,000 people at once: the account's rows made anew.
awk 'BEGIN { split("support neutral oppose", w, " "); print "person,stance,on"
  for (i = 1; i <= 1100; i++)
    printf "big/q%04d,%s,2025-%02d-%02d\n", i, w[1 + i % 3], 1 + i % 12, 1 + i % 28
  for (i = 1; i <= 1100; i += 7)
    printf "big/q%04d,%s,2025-%02d-01\n", i, w[1 + (i + 1) % 3], 1 + (i + 5) % 12
}' >"$T/big-obs.csv"
both big-obs 0 kam-stance import "$T/big-obs.csv"
derived big-obs

at 2026-02-01T09:00:00Z
# Late rows, retractions and corrections, each moving a thread's
# months.
both late1 0 kam-stance set acme/p03 oppose --on 2023-05-31
both late2 0 kam-stance set acme/p03 support --on 2024-02-01 --toward rivalco
both late3 0 kam-stance set acme/p07 neutral --on 2022-12-31
both retract1 0 kam-stance retract 10 --why 'not so'
both retract2 0 kam-stance retract 250 --why 'not so'
both correct1 0 kam-stance correct 20 oppose --on 2023-01-01 --why 'asked again'
both correct2 0 kam-stance correct 399 support --on 2025-12-31 --why 'asked again'
both late4 0 kam-stance set acme/p01 neutral --on 2024-06-28
# Same-day rows: of two sets, the later recorded wins; of two rows of
# one import (recorded together), the later id.
both tie-set1 0 kam-stance set acme/p11 oppose --on 2024-03-31
at 2026-02-01T10:00:00Z
both tie-set2 0 kam-stance set acme/p11 support --on 2024-03-31
printf 'person,stance,on\nacme/p12,oppose,2024-04-30\nacme/p12,neutral,2024-04-30\n' >"$T/ties.csv"
both tie-import 0 kam-stance import "$T/ties.csv"
# The import made acme's rows, sets and all, in its transaction.
behind tie-import -
derived late
# A set leaves them as they are; a show of a deal, or as known on a
# day, reads the observations and makes none; a show of the account
# makes them.
rows_now=$(pgsql "SELECT (SELECT count(*) FROM stance_span) || ' ' || (SELECT count(*) FROM stance_month)")
both late5 0 kam-stance set acme/p04 oppose --on 2024-08-01
behind late5 acme
rows late5 "$rows_now"
both known-at 0 kam-stance show acme --known-at 2026-02-01T10:00:00Z --as-of 2024-08-02
behind known-at acme
both deal 0 kam-org deal add acme/big-deal --name 'Big deal'
both show-deal 0 kam-stance show acme/big-deal --as-of 2024-08-02
behind show-deal acme
both show-late5 0 kam-stance show acme --as-of 2024-08-02
behind show-late5 -
derived show-late5
at 2026-02-20T09:00:00Z
# A row of a month after the last: every person's months run on to it.
before=$(pgsql "SELECT max(month) FROM stance_month WHERE account_id = (SELECT id FROM account WHERE handle = 'acme')")
both new-month 0 kam-stance set acme/p05 support --on 2026-02-15
both new-month-show 0 kam-stance show acme
after=$(pgsql "SELECT max(month) || ' ' || count(*) FROM stance_month WHERE account_id = (SELECT id FROM account WHERE handle = 'acme') AND month = '2026-03-01'")
count=$((count + 1))
[ "$before" = 2026-01-01 ] && [ "${after%% *}" = 2026-03-01 ] && [ "${after#* }" -gt 30 ] ||
  fail "new-month: months '$before' then '$after'"
derived new-month

# An import that fails leaves the derived rows as they were.
rows_now=$(pgsql "SELECT (SELECT count(*) FROM stance_span) || ' ' || (SELECT count(*) FROM stance_month)")
both fails 4 kam-stance set acme/nobody support --on 2024-01-01
printf 'person,stance,on\nacme/p02,support,2024-03-03\nacme/p02,maybe,2024-03-04\n' >"$T/bad.csv"
both bad-import 3 kam-stance import "$T/bad.csv"
rows bad-import "$rows_now"
derived fails

at 2026-03-02T09:00:00Z
shows acme acme 2022-12-30 2022-12-31 2023-01-01 2023-05-31 2023-06-01 \
  2024-01-31 2024-02-01 2024-02-29 2024-06-28 2024-07-01 2025-12-31 \
  2026-01-01 2026-02-14 2026-02-15 2026-03-01 2026-03-02 \
  2024-03-30 2024-03-31 2024-04-01 2024-04-29 2024-04-30 2024-05-01
both toward-2023 0 kam-stance show acme --toward rivalco --as-of 2023-06-30
both toward-2024 0 kam-stance show acme --toward rivalco --as-of 2024-02-01
both toward-now 0 kam-stance show acme --toward rivalco
both json 0 kam-stance -F json show acme --as-of 2024-02-29
shows big big 2024-12-31 2025-01-01 2025-06-15 2025-12-31

# The account's latest row retracted: its last month goes back, and
# every person's months after it go.
id=$(pgsql "SELECT id FROM observation WHERE effective = '2026-02-15'")
both retract-last 0 kam-stance retract "$id" --why 'not so'
both retract-last-show 0 kam-stance show acme
count=$((count + 1))
got=$(pgsql "SELECT max(month) FROM stance_month WHERE account_id = (SELECT id FROM account WHERE handle = 'acme')")
[ "$got" = 2026-01-01 ] || fail "retract-last: last month '$got', expected 2026-01-01"
derived retract-last
shows retracted acme 2025-12-31 2026-01-01 2026-02-15 2026-03-02

# Days after the last month: the last month's rows and the rows since.
at 2026-05-10T09:00:00Z
both set-april 0 kam-stance set acme/p09 oppose --on 2026-04-02
both now-acme 0 kam-stance show acme
derived set-april
both now-big 0 kam-stance show big
shows later acme 2026-03-31 2026-04-01 2026-04-02 2026-04-30 2026-05-10

# While a writer holds the writers' lock, show does not wait for it:
# it reads the observations, and prints the same.
both set-may 0 kam-stance set acme/p10 neutral --on 2026-05-01
psql "$PG" -X -q -At -v ON_ERROR_STOP=1 -c "SELECT pg_advisory_lock(1262570802)" \
  -c "\\! KAM_DB='$PG' kam-stance show acme >'$T/locked.out' 2>'$T/locked.err'; echo \$? >'$T/locked.rc'" \
  >/dev/null || fail "locked: cannot hold the lock"
count=$((count + 1))
[ "$(cat "$T/locked.rc")" = 0 ] &&
  [ ! -s "$T/locked.err" ] || fail "locked: show failed: $(cat "$T/locked.err")"
KAM_DB=$LITE run locked-lite 0 kam-stance show acme
count=$((count + 1))
cmp -s "$T/locked-lite.out" "$T/locked.out" || fail "locked: show differs from the file's"
behind locked acme
# A role that may only read them: show reads the observations, and
# prints the same; the rows stay behind.
pg_admin "CREATE ROLE t9550_reader LOGIN PASSWORD '$PW';
  GRANT USAGE ON SCHEMA t9550 TO t9550_reader;
  GRANT SELECT ON ALL TABLES IN SCHEMA t9550 TO t9550_reader" >/dev/null ||
  fail "reader: cannot make the role"
READER=$(printf '%s\n' "$PG" | sed 's|//[^:]*:|//t9550_reader:|')
KAM_DB=$READER KAM_USER=t9550_reader run reader 0 kam-stance show acme
count=$((count + 1))
cmp -s "$T/locked-lite.out" "$T/reader.out" || fail "reader: show differs from the file's"
behind reader acme
# ... and one whose grants are from before them (no SELECT on them).
pg_admin "REVOKE SELECT ON t9550.stance_built FROM t9550_reader" >/dev/null ||
  fail "reader-old: cannot revoke"
KAM_DB=$READER KAM_USER=t9550_reader run reader-old 0 kam-stance show acme
count=$((count + 1))
cmp -s "$T/locked-lite.out" "$T/reader-old.out" || fail "reader-old: show differs from the file's"
# A session that may not write: the same.
RO=$(printf '%s\n' "$PG" | sed 's|options=-c|options=-cdefault_transaction_read_only%3Don%20-c|')
KAM_DB=$RO run read-only 0 kam-stance show acme
count=$((count + 1))
cmp -s "$T/locked-lite.out" "$T/read-only.out" || fail "read-only: show differs from the file's"
behind read-only acme
# A row written past kam whose day is no date: the rows cannot be made,
# and are left as they were (show reads the observations).
count=$((count + 1))
got=$(pgsql "BEGIN;
  INSERT INTO observation (id, person_id, stance, effective,
  recorded, actor, prev_hash, hash, hash_version, account_id)
  SELECT (SELECT max(id) + 1 FROM observation), id, 'support', '2024-02-30',
  '2026-05-10T09:00:00Z', current_user, 'x', 'y', 2, account_id FROM person
  WHERE handle = 'p02';
  SELECT stance_refresh(account_id) FROM person WHERE handle = 'p02';
  SELECT count(*) FROM stance_built WHERE upto = (SELECT max(id) FROM observation);
  ROLLBACK" 2>&1 | tr '\n' ' ')
[ "$got" = 'f 0 ' ] || fail "no-date: '$got'"
both may-show 0 kam-stance show acme
behind may-show -
rows_now=$(pgsql "SELECT (SELECT count(*) FROM stance_span) || ' ' || (SELECT count(*) FROM stance_month)")
derived may-show

# verify makes what show reads again from the observations and
# compares: a row changed, removed or added outside kam is found, the
# account and the table named; made anew, it passes again.
n=$(pgsql "SELECT count(*) FROM observation")
KAM_DB=$PG run verify-ok 0 kam-stance verify
# broken NAME TABLE ACCOUNT SQL: after SQL, verify fails naming them.
broken() {
  pgsql "$4" >/dev/null || fail "$1: cannot change the store"
  KAM_DB=$PG run "$1" 1 kam-stance verify
  expect_err "$1" "kam-stance: what show reads of account '$3' ($2) is not what its observations give: it was changed outside kam ($n rows match their hashes; kam(7), THE TEAM STORE, says how to make it again)"
  pgsql "SELECT count(*) FROM (SELECT stance_rebuild(id) FROM account) r" >/dev/null ||
    fail "$1: cannot make it anew"
  KAM_DB=$PG run "$1-again" 0 kam-stance verify
}
broken changed stance_span acme "UPDATE stance_span SET stance = CASE stance
  WHEN 'support' THEN 'oppose' ELSE 'support' END WHERE id = (SELECT min(id)
  FROM stance_span WHERE account_id = (SELECT id FROM account WHERE handle = 'acme'))"
broken added stance_span big "INSERT INTO stance_span SELECT account_id, person_id,
  toward_id, '2025-06-30', recorded, 999999, stance, actor FROM stance_span
  WHERE account_id = (SELECT id FROM account WHERE handle = 'big') LIMIT 1"
broken month-changed stance_month acme "UPDATE stance_month SET stance = NULL
  WHERE month = '2024-02-01' AND person_id = (SELECT min(person_id) FROM stance_month WHERE month = '2024-02-01')"
broken month-removed stance_month big "DELETE FROM stance_month
  WHERE account_id = (SELECT id FROM account WHERE handle = 'big') AND month =
  (SELECT max(month) FROM stance_month WHERE account_id = (SELECT id FROM account WHERE handle = 'big'))"
pgsql "UPDATE stance_span SET recorded = '2026-01-01T00:00:00Z' WHERE id = (SELECT max(id) FROM stance_span)" >/dev/null
KAM_DB=$PG run verify-json 1 kam-stance -F json verify
expect_text verify-json '{"broken":"derived","observation":null,"guard":"stance_span"}'
pgsql "SELECT count(*) FROM (SELECT stance_rebuild(id) FROM account) r" >/dev/null

# A version 9 store: the derived tables dropped, its owner's first
# command makes them, and each account's first show its rows.
pgsql "$PG_BEFORE_10
  UPDATE kam_store SET schema_version = 9" >/dev/null || fail "v9: making one"
KAM_DB=$PG run upgrade 0 kam-org account list
count=$((count + 1))
[ ! -s "$T/upgrade.err" ] || fail "upgrade: it says '$(cat "$T/upgrade.err")'"
count=$((count + 1))
[ "$(pgsql "SELECT schema_version FROM kam_store")" = 10 ] || fail "upgrade: not version 10"
rows upgrade "0 0"
behind upgrade acme,big
shows upgraded acme 2023-06-01 2024-02-29 2026-03-02
behind upgraded big
both upgraded-big 0 kam-stance show big
rows upgraded "$rows_now"
derived upgrade

# A show of an account whose rows are made up to its last observation,
# and at most 10,000 observations behind the store's last, writes
# nothing (no lock taken): its mark stays.  One more observation of
# another account, and its next show brings the mark up to it.
mark() { pgsql "SELECT b.upto FROM stance_built b JOIN account a ON a.id = b.account_id WHERE a.handle = '$1'"; }
u=$(mark big)
h=$(pgsql "SELECT max(id) FROM observation")
awk -v n=$((u + 10000 - h)) 'BEGIN { print "person,stance,on"
  for (i = 0; i < n; i++)
    printf "acme/p%02d,%s,2025-%02d-%02d\n", 1 + i % 30, i % 2 ? "support" : "oppose", 1 + i % 12, 1 + i % 28
}' >"$T/near.csv"
KAM_DB=$PG run near-import 0 kam-stance import "$T/near.csv"
count=$((count + 1))
[ "$(pgsql "SELECT max(id) FROM observation")" = $((u + 10000)) ] ||
  fail "near: the store's last observation is not 10,000 after big's mark"
KAM_DB=$PG run near 0 kam-stance show big
KAM_DB=$LITE run near-lite 0 kam-stance show big
count=$((count + 1))
cmp -s "$T/near-lite.out" "$T/near.out" || fail "near: show differs from the file's"
count=$((count + 1))
[ "$(mark big)" = "$u" ] || fail "near: big's mark moved from $u to $(mark big)"
at 2026-05-11T09:00:00Z
KAM_DB=$PG run near-set 0 kam-stance set acme/p01 support --on 2026-05-11
KAM_DB=$PG run near-show 0 kam-stance show big
count=$((count + 1))
cmp -s "$T/near-lite.out" "$T/near-show.out" || fail "near-show: show differs from the file's"
count=$((count + 1))
[ "$(mark big)" = $((u + 10001)) ] ||
  fail "near-show: big's mark is $(mark big), expected $((u + 10001))"
behind near-show acme
KAM_DB=$PG run near-acme 0 kam-stance show acme
behind near-acme -
derived near-acme

done_testing
