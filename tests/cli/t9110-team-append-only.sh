#!/bin/sh
# The team store's history tables are append-only whoever writes, its
# owner included: row triggers refuse UPDATE and DELETE of
# observations and deal history, a buying role's or a link's period
# can only be ended, and a statement trigger refuses TRUNCATE (also
# when a TRUNCATE ... CASCADE reaches them).  Runs on a throwaway
# cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
KAM_TEST_PG_EMPTY=1
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER
# pg NAME STATUS SQL: runs SQL as the owner; psql's status 3 is an
# error in the script, 0 success.
pg() {
  run "$1" "$2" psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$3"
}
# expect_pg_err NAME MESSAGE: psql's first line of error.
expect_pg_err() {
  got=$(sed -n 's/^psql:[^E]*ERROR:  //p; s/^ERROR:  //p' "$T/$1.err" | head -n 1)
  [ "$got" = "$2" ] || fail "$1: error '$got', expected '$2'"
}
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
dump() {
  q "SELECT 'o', id, kind, person_id, stance, note, hash FROM observation ORDER BY id;
     SELECT 'h', id, deal_id, field, new_value FROM deal_history ORDER BY id;
     SELECT 'l', id, kind, strength, end_on FROM link_period ORDER BY id;
     SELECT 'r', id, role, influence, end_on FROM deal_role_period ORDER BY id;
     SELECT 'a', count(*) FROM account; SELECT 'p', count(*) FROM person"
}

run init 0 kam-org --db "$OWNER" init
q "INSERT INTO account (handle, name, created) VALUES ('acme', 'Acme', '2026-01-05');
   INSERT INTO person (account_id, handle, name, created) VALUES
     (1, 'li', 'Li', '2026-01-05'), (1, 'wang', 'Wang', '2026-01-05');
   INSERT INTO deal (account_id, handle, name, created) VALUES
     (1, 'erp', 'ERP', '2026-01-05');
   INSERT INTO observation (person_id, stance, effective, recorded, actor,
     note, prev_hash, hash, hash_version) VALUES
     (1, 'support', '2026-01-05', '2026-01-05T09:00:00Z', 'tester', 'met',
      '0', 'h1', 2);
   INSERT INTO deal_history (deal_id, effective, recorded, actor, field,
     old_value, new_value) VALUES
     (1, '2026-01-06', '2026-01-06T09:00:00Z', 'tester', 'stage', NULL, 'rfp');
   INSERT INTO link (from_id, to_id, kind, created) VALUES
     (1, 2, 'advises', '2026-01-05T09:00:00Z');
   INSERT INTO deal_role (deal_id, person_id, role) VALUES
     (1, 1, 'technical')"
dump >"$T/before"

# Observations.
pg obs-update 1 "UPDATE observation SET stance = 'oppose'"
expect_pg_err obs-update "observations are append-only: use kam-stance correct or retract"
pg obs-delete 1 "DELETE FROM observation WHERE id = 1"
expect_pg_err obs-delete "observations are append-only: use kam-stance retract"
pg obs-truncate 1 "TRUNCATE observation, observation_text"
expect_pg_err obs-truncate "observations are append-only: use kam-stance retract"
# Deal history.
pg hist-update 1 "UPDATE deal_history SET new_value = 'won'"
expect_pg_err hist-update "deal history is append-only"
pg hist-delete 1 "DELETE FROM deal_history"
expect_pg_err hist-delete "deal history is append-only"
pg hist-truncate 1 "TRUNCATE deal_history"
expect_pg_err hist-truncate "deal history is append-only"
# Links and buying roles: only an end may be written.
pg link-update 1 "UPDATE link_period SET strength = 3"
expect_pg_err link-update "links are history: a period can only be ended"
pg link-id 1 "UPDATE link_period SET id = 9, end_on = '2026-02-01'"
expect_pg_err link-id "links are history: a period can only be ended"
pg link-delete 1 "DELETE FROM link_period"
expect_pg_err link-delete "links are history: end them with kam-org unlink"
pg link-truncate 1 "TRUNCATE link_period"
expect_pg_err link-truncate "links are history: end them with kam-org unlink"
pg role-update 1 "UPDATE deal_role_period SET influence = 'high'"
expect_pg_err role-update "buying roles are history: a period can only be ended"
pg role-primary 1 "UPDATE deal_role_period SET is_primary = 1, end_on = '2026-02-01'"
expect_pg_err role-primary "buying roles are history: a period can only be ended"
pg role-delete 1 "DELETE FROM deal_role_period"
expect_pg_err role-delete "buying roles are history: end them with kam-org role rm"
pg role-truncate 1 "TRUNCATE deal_role_period"
expect_pg_err role-truncate "buying roles are history: end them with kam-org role rm"
# A TRUNCATE that cascades from the accounts reaches the history too.
pg cascade 1 "TRUNCATE account CASCADE"
expect_pg_err cascade "links are history: end them with kam-org unlink"
pg cascade-obs 1 "TRUNCATE person, observation CASCADE"
dump >"$T/after"
count=$((count + 1))
cmp -s "$T/before" "$T/after" ||
  { fail "refused statements changed the store"; diff "$T/before" "$T/after" >&2; }
[ "$(grep -c '^o|' "$T/after")" = 1 ] || fail "the observation is missing"

# Ending a period is the one change allowed, once.
pg link-end 0 "UPDATE link_period SET end_on = '2026-02-01', ended = '2026-02-01T09:00:00Z', ended_by = 'tester'"
pg link-again 1 "UPDATE link_period SET end_on = '2026-03-01'"
expect_pg_err link-again "links are history: a period can only be ended"
pg role-end 0 "UPDATE deal_role_period SET end_on = '2026-02-01'"
pg role-reopen 1 "UPDATE deal_role_period SET end_on = NULL"
expect_pg_err role-reopen "buying roles are history: a period can only be ended"
count=$((count + 1))
[ "$(q "SELECT end_on FROM link_period; SELECT end_on FROM deal_role_period")" = "2026-02-01
2026-02-01" ] || fail "the ends were not written once"

done_testing
