#!/bin/sh
# Who recorded a row on a team store, and when: the database user, not
# KAM_USER (a writing command with another KAM_USER is refused, naming
# both; a reading one is not), and no row can be written in another
# role's name, through kam or psql, added or ended; the server's time,
# unless the owner turned the test clock on, which alone lets KAM_NOW
# pin it (refused otherwise, naming KAM_NOW and the store).  Runs on a
# throwaway cluster (tests/pg/cluster.sh) of its own: it makes the
# sellers' roles, which are the cluster's (make check-pg-suite skips
# it: make check ran it).
need_own_cluster=1
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER PW=$KAM_TEST_PG_PASSWORD
shown() { printf '%s\n' "$1" | sed "s/:$PW@/@/"; }
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
su() { psql "$KAM_TEST_PG_INSPECT" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# as ROLE: the test database's URL for ROLE.
as() { printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|"; }
pg() {
  run "$1" "$2" psql "$3" -X -q -At -v ON_ERROR_STOP=1 -c "$4"
}
expect_pg_err() {
  got=$(sed -n 's/^psql:[^E]*ERROR:  //p; s/^ERROR:  //p' "$T/$1.err" | head -n 1)
  [ "$got" = "$2" ] || fail "$1: error '$got', expected '$2'"
}
dump() {
  q "SELECT 'o', id, actor, recorded FROM observation ORDER BY id;
     SELECT 'p', id, recorded_by FROM person ORDER BY id;
     SELECT 'd', id, recorded_by FROM deal ORDER BY id;
     SELECT 'h', id, actor FROM deal_history ORDER BY id;
     SELECT 'l', id, actor, ended_by FROM link_period ORDER BY id"
}
expect_sql_pg() {
  count=$((count + 1))
  got=$(q "$2")
  [ "$got" = "$3" ] || fail "$1: store has '$got', expected '$3' for: $2"
}

# Two sellers, members of kam_writer.
su "CREATE ROLE alice LOGIN PASSWORD '$PW' IN ROLE kam_writer;
    CREATE ROLE bob LOGIN PASSWORD '$PW' IN ROLE kam_writer"
ALICE=$(as alice) BOB=$(as bob)

# The suite's own set-up: the test clock on, KAM_NOW and KAM_USER
# tester, the role it connects as.
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null
run tester 0 kam-stance set acme/li support
expect_sql_pg tester "SELECT actor, recorded FROM observation" "tester|2026-03-02T09:00:00Z"

# Alice writes as alice, with KAM_USER unset, or set to her name.
KAM_DB=$ALICE run alice 0 env -u KAM_USER kam-org person add acme/wang --name Wang
KAM_DB=$ALICE KAM_USER=alice run alice-set 0 kam-stance set acme/wang oppose
expect_sql_pg alice "SELECT recorded_by FROM person WHERE handle = 'wang'" alice
expect_sql_pg alice-set "SELECT actor FROM observation WHERE id = 2" alice
dump >"$T/before"
# A KAM_USER of another name: refused before anything is written.
KAM_DB=$ALICE KAM_USER=bob run spoof 13 kam-stance set acme/li oppose
expect_err spoof "kam-stance: KAM_USER is 'bob', but store '$(shown "$ALICE")' is written as the database user 'alice', who records each row there: unset KAM_USER or connect as 'bob'"
KAM_DB=$ALICE KAM_USER=tester run spoof-person 13 kam-org person add acme/zhao --name Zhao
expect_err spoof-person "kam-org: KAM_USER is 'tester', but store '$(shown "$ALICE")' is written as the database user 'alice', who records each row there: unset KAM_USER or connect as 'tester'"
# Reading is not recording: another KAM_USER reads.
KAM_DB=$ALICE KAM_USER=bob run read 0 kam-stance show acme
# Through psql, as alice: no row added in another's name, none ended
# in another's name, no recorder changed.
pg psql-obs 1 "$ALICE" "INSERT INTO observation (id, person_id, stance, effective,
   recorded, actor, prev_hash, hash, hash_version)
   VALUES (3, 1, 'oppose', '2026-03-02', '2026-03-02T09:00:00Z', 'bob', 'x', 'y', 2)"
expect_pg_err psql-obs "observation.actor is 'bob', not the database user 'alice': a row is recorded by the role that writes it"
pg psql-null 1 "$ALICE" "INSERT INTO person (account_id, handle, name, created)
   VALUES (1, 'zhao', 'Zhao', '2026-03-02')"
expect_pg_err psql-null "person.recorded_by is 'NULL', not the database user 'alice': a row is recorded by the role that writes it"
pg psql-person 1 "$ALICE" "UPDATE person SET recorded_by = 'alice' WHERE handle = 'li'"
expect_pg_err psql-person "person.recorded_by is 'tester' and is never changed: a row is recorded by the role that writes it"
q "INSERT INTO deal (account_id, handle, name, created, recorded_by)
   VALUES (1, 'erp', 'ERP', '2026-01-05', 'tester')"
pg psql-history 1 "$BOB" "INSERT INTO deal_history (deal_id, effective, recorded,
   actor, field, new_value) VALUES (1, '2026-03-02', '2026-03-02T09:00:00Z', 'alice', 'stage', 'rfp')"
expect_pg_err psql-history "deal_history.actor is 'alice', not the database user 'bob': a row is recorded by the role that writes it"
KAM_DB=$ALICE KAM_USER=alice run alice-link 0 kam-org link acme/li acme/wang --kind advises
dump >"$T/before"
pg psql-end 1 "$BOB" "UPDATE link_period SET end_on = '2026-03-03',
   ended = '2026-03-03T09:00:00Z', ended_by = 'alice'"
expect_pg_err psql-end "link_period.ended_by is 'alice', not the database user 'bob': a row is recorded by the role that writes it"
pg psql-deal 1 "$BOB" "UPDATE deal SET recorded_by = 'bob'"
expect_pg_err psql-deal "deal.recorded_by is 'tester' and is never changed: a row is recorded by the role that writes it"
dump >"$T/after"
count=$((count + 1))
cmp -s "$T/before" "$T/after" || { fail "refused writes changed the store"; diff "$T/before" "$T/after" >&2; }
# In their own names they may: bob ends the period as bob.
pg bob-ends 0 "$BOB" "UPDATE link_period SET end_on = '2026-03-03',
   ended = '2026-03-03T09:00:00Z', ended_by = 'bob'"
expect_sql_pg bob-ends "SELECT actor, ended_by FROM link_period" "alice|bob"
pg bob-again 1 "$BOB" "UPDATE link_period SET ended_by = 'bob'"
pg alice-reends 1 "$ALICE" "UPDATE link_period SET ended_by = 'alice'"
expect_pg_err alice-reends "links are history: a period can only be ended"

# The test clock off: KAM_NOW is refused, reading or writing, and
# nothing is written ...
q "UPDATE kam_store SET test_clock = false"
dump >"$T/before"
run clock-off 13 kam-stance set acme/li oppose
expect_err clock-off "kam-stance: KAM_NOW is set, but store '$(shown "$KAM_DB")' records the server's time: its owner has not turned its test clock on (kam(7), THE TEAM STORE); unset KAM_NOW"
KAM_NOW=2026-03-02 run clock-off-day 13 kam-stance show acme/li
expect_err clock-off-day "kam-stance: KAM_NOW is set, but store '$(shown "$KAM_DB")' records the server's time: its owner has not turned its test clock on (kam(7), THE TEAM STORE); unset KAM_NOW"
dump >"$T/after"
count=$((count + 1))
cmp -s "$T/before" "$T/after" || fail "clock-off: the store changed"
# ... and without it the server's time is recorded, in UTC, whatever
# this machine's clock and zone say.
before=$(q "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
TZ=Pacific/Kiritimati run server 0 env -u KAM_NOW kam-stance set acme/li oppose
KAM_NOW= run server-empty 0 kam-stance set acme/li neutral
after=$(q "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
q "SELECT recorded FROM observation WHERE id > 2 ORDER BY id" >"$T/times"
count=$((count + 1))
[ "$(wc -l <"$T/times")" = 2 ] || fail "server: $(cat "$T/times")"
while read -r t; do
  count=$((count + 1))
  case $t in
    [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z) ;;
    *) fail "server: '$t' is not a UTC timestamp" ;;
  esac
  { [ "$t" \> "$before" ] || [ "$t" = "$before" ]; } &&
    { [ "$t" \< "$after" ] || [ "$t" = "$after" ]; } ||
    fail "server: '$t' is not between '$before' and '$after'"
done <"$T/times"
# Only the owner turns the clock on; then KAM_NOW pins it again.
pg clock-writer 1 "$ALICE" "UPDATE kam_store SET test_clock = true"
expect_pg_err clock-writer "permission denied for table kam_store"
q "UPDATE kam_store SET test_clock = true"
KAM_NOW=2026-04-01T10:00:00Z run clock-on 0 kam-stance set acme/li support
expect_sql_pg clock-on "SELECT recorded FROM observation ORDER BY id DESC LIMIT 1" 2026-04-01T10:00:00Z
run verify 0 kam-stance verify

done_testing
