#!/bin/sh
# kam-stance verify on a team store: the chain as on a store file (the
# same commands give the same hashes), then the guards: every trigger
# that refuses a change to a history table or holds a row's recorder is
# there, as kam makes it and enabled, their functions are kam's, and no
# writer (kam_writer, a member of it, PUBLIC) may UPDATE, DELETE or
# TRUNCATE a history table but for the end of a period.  Each fault
# fails verify, naming the guard, the role or the table; restored, it
# passes again.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
dump() {
  q "SELECT id, prev_hash, hash FROM observation ORDER BY id"
}
# broken NAME MESSAGE: verify fails (1) with MESSAGE, and the chain is
# as it was.
broken() {
  run "$1" 1 kam-stance verify
  expect_err "$1" "kam-stance: $2"
}
# sound NAME: verify passes again.
sound() {
  run "$1" 0 kam-stance -F json verify
  expect_out "$1" stance-verify-ok.json
}

# The same history as t2050 writes in a store file: the same hashes.
stance_history || fail "cannot write the history"
sound ok
run ok-tsv 0 kam-stance verify
expect_out ok-tsv stance-verify-ok.tsv
dump >"$T/chain"

# A trigger disabled, or firing only for replication, guards nothing.
q "ALTER TABLE observation DISABLE TRIGGER observation_no_update"
broken disabled "the append-only guard 'observation_no_update' is disabled: history can be rewritten (4 rows match their hashes)"
q "ALTER TABLE observation ENABLE REPLICA TRIGGER observation_no_update"
broken replica "the append-only guard 'observation_no_update' is disabled: history can be rewritten (4 rows match their hashes)"
q "ALTER TABLE observation ENABLE ALWAYS TRIGGER observation_no_update"
sound always
q "ALTER TABLE observation ENABLE TRIGGER observation_no_update"
sound enabled
q "ALTER TABLE link_period DISABLE TRIGGER USER"
broken all-disabled "the append-only guard 'link_period_no_delete' is disabled: history can be rewritten (4 rows match their hashes)"
q "ALTER TABLE link_period ENABLE TRIGGER USER"
sound all-enabled

# A trigger removed; put back as kam makes it, it passes.
q "DROP TRIGGER deal_history_no_truncate ON deal_history"
broken missing "the append-only guard 'deal_history_no_truncate' is missing: history can be rewritten (4 rows match their hashes)"
q "CREATE TRIGGER deal_history_no_truncate BEFORE TRUNCATE ON deal_history
     FOR EACH STATEMENT EXECUTE FUNCTION kam_refuse('deal history is append-only')"
sound restored
# The recorders are guards too.
q "DROP TRIGGER observation_recorder ON observation"
broken recorder "the append-only guard 'observation_recorder' is missing: history can be rewritten (4 rows match their hashes)"
q "CREATE TRIGGER observation_recorder BEFORE INSERT ON observation
     FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor')"
sound recorder-back

# A trigger of the name that does not do what kam's does: a condition
# that never holds, another event, another function's argument.
q "DROP TRIGGER observation_no_delete ON observation;
   CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation
     FOR EACH ROW WHEN (false) EXECUTE FUNCTION
     kam_refuse('observations are append-only: use kam-stance retract')"
broken never "the append-only guard 'observation_no_delete' is not the one kam creates: history can be rewritten (4 rows match their hashes)"
q "DROP TRIGGER observation_no_delete ON observation;
   CREATE TRIGGER observation_no_delete BEFORE INSERT ON observation
     FOR EACH ROW EXECUTE FUNCTION
     kam_refuse('observations are append-only: use kam-stance retract')"
broken event "the append-only guard 'observation_no_delete' is not the one kam creates: history can be rewritten (4 rows match their hashes)"
q "DROP TRIGGER observation_no_delete ON observation;
   CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation
     FOR EACH ROW EXECUTE FUNCTION
     kam_refuse('observations are append-only: use kam-stance retract')"
sound no-delete-back
q "DROP TRIGGER link_period_recorder ON link_period;
   CREATE TRIGGER link_period_recorder BEFORE INSERT OR UPDATE ON link_period
     FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor')"
broken argument "the append-only guard 'link_period_recorder' is not the one kam creates: history can be rewritten (4 rows match their hashes)"
q "DROP TRIGGER link_period_recorder ON link_period;
   CREATE TRIGGER link_period_recorder BEFORE INSERT OR UPDATE ON link_period
     FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor', 'ended_by')"
sound argument-back

# The grants: kam_writer, a seller directly, PUBLIC; an UPDATE of a
# period's other columns.
q "GRANT UPDATE ON observation TO kam_writer"
broken writer-update "role 'kam_writer' may UPDATE the history table 'observation': history can be rewritten (4 rows match their hashes)"
run writer-json 1 kam-stance -F json verify
expect_text writer-json '{"broken":"grant","observation":null,"guard":"observation"}'
q "REVOKE UPDATE ON observation FROM kam_writer; GRANT UPDATE (note) ON observation TO kam_writer"
broken writer-column "role 'kam_writer' may UPDATE the history table 'observation': history can be rewritten (4 rows match their hashes)"
q "REVOKE UPDATE (note) ON observation FROM kam_writer"
sound writer-revoked
q "GRANT DELETE ON deal_history TO tester"
broken member-delete "role 'tester' may DELETE the history table 'deal_history': history can be rewritten (4 rows match their hashes)"
q "REVOKE DELETE ON deal_history FROM tester; GRANT TRUNCATE ON deal_role_period TO PUBLIC"
broken public-truncate "role 'PUBLIC' may TRUNCATE the history table 'deal_role_period': history can be rewritten (4 rows match their hashes)"
q "REVOKE TRUNCATE ON deal_role_period FROM PUBLIC; GRANT UPDATE (strength) ON link_period TO kam_writer"
broken period-column "role 'kam_writer' may UPDATE the history table 'link_period': history can be rewritten (4 rows match their hashes)"
q "REVOKE UPDATE (strength) ON link_period FROM kam_writer"
# Ending a period is what the writers may do: their column UPDATE is
# kam's own grant.
sound period-end
count=$((count + 1))
[ "$(dump)" = "$(cat "$T/chain")" ] || fail "the chain is not the one first written"

# A guard function that refuses nothing leaves every trigger in place.
q "CREATE OR REPLACE FUNCTION kam_refuse() RETURNS trigger LANGUAGE plpgsql AS \$\$
   BEGIN
     RETURN NEW;
   END;
   \$\$"
broken function "the append-only guard 'kam_refuse' is not the one kam creates: history can be rewritten (4 rows match their hashes)"
run function-json 1 kam-stance -F json verify
expect_text function-json '{"broken":"guard-changed","observation":null,"guard":"kam_refuse"}'
q "DROP FUNCTION kam_refuse() CASCADE" >/dev/null 2>&1
broken function-gone "the append-only guard 'kam_refuse' is missing: history can be rewritten (4 rows match their hashes)"

done_testing
