#!/bin/sh
# A writing verb on a team store that meets a serialisation failure or
# a deadlock is rolled back and run again, up to 8 times: the user sees
# one run's output, once, and no failure; one that fails every time
# reports the failure once (status 5) and changes nothing; one that
# read a pipe is not run again, one that read a file is.  The failures
# are the server's own, raised by a trigger the test adds (a sequence,
# which no rollback undoes, counts the runs).  Runs on a throwaway
# cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9330
expect_pg() {
  count=$((count + 1))
  got=$(pgsql "$2")
  [ "$got" = "$3" ] || fail "$1: team store has '$got', expected '$3' for: $2"
}
# fail_on TABLE STATE N: the next N inserts into TABLE fail with the
# SQLSTATE STATE; runs counts every try.
pgsql "CREATE SEQUENCE runs; CREATE TABLE failing (n bigint, state text);
  INSERT INTO failing VALUES (0, '');
  CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS \$\$
  DECLARE f failing;
  BEGIN
    PERFORM nextval('runs');
    SELECT * INTO f FROM failing;
    IF currval('runs') <= f.n THEN
      RAISE EXCEPTION 'injected' USING ERRCODE = f.state;
    END IF;
    RETURN NEW;
  END \$\$;
  CREATE TRIGGER fail_person BEFORE INSERT ON person
    FOR EACH ROW EXECUTE FUNCTION fail();
  CREATE TRIGGER fail_observation BEFORE INSERT ON observation
    FOR EACH ROW EXECUTE FUNCTION fail();" >/dev/null
fail_on() {
  pgsql "SELECT setval('runs', 1, false); UPDATE failing SET n = $1, state = '$2'" >/dev/null
}

both acme 0 kam-org account add acme --name Acme
# A deadlock, then a serialisation failure: run again, printed once.
fail_on 1 40P01
both li 0 kam-org person add acme/li --name 'Li Na' --title CTO
expect_pg li-runs "SELECT last_value FROM runs" 2
fail_on 3 40001
both set 0 kam-stance set acme/li support --on 2026-01-05 --note 'at lunch'
expect_pg set-runs "SELECT last_value FROM runs" 4
both set-id 0 kam-stance -F json log acme
expect_pg set-rows "SELECT count(*), max(id) FROM observation" "1|1"
# Seven failures and the eighth run kept.
fail_on 7 40001
both zhang 0 kam-org person add acme/zhang --name Zhang --reports-to li
expect_pg zhang-runs "SELECT last_value FROM runs" 8
# Eight: the failure is reported, once, and nothing is kept.
fail_on 8 40P01
KAM_DB=$PG run chen 5 kam-org person add acme/chen --name Chen
expect_err chen "kam-org: cannot add person: injected"
expect_pg chen-runs "SELECT last_value FROM runs" 8
expect_pg chen-kept "SELECT string_agg(handle, ' ' ORDER BY id) FROM person" "li zhang"
# A file is read again from its start; a pipe is not.
printf 'handle,name\nwu,Wu\nzhou,Zhou\n' >"$T/people.csv"
fail_on 1 40P01
both file 0 kam-org import acme "$T/people.csv"
expect_text file.pg "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_pg file-runs "SELECT last_value FROM runs" 3
printf 'handle,name\nqian,Qian\n' >"$T/pipe.csv"
fail_on 1 40P01
KAM_DB=$PG run pipe 5 sh -c "cat '$T/pipe.csv' | kam-org import acme -"
expect_err pipe "kam-org: cannot add person: injected"
expect_pg pipe-runs "SELECT last_value FROM runs" 1
expect_pg pipe-kept "SELECT count(*) FROM person WHERE handle = 'qian'" 0
# Another failure is not tried again.
fail_on 1 23514
KAM_DB=$PG run check 5 kam-org person add acme/sun --name Sun
expect_err check "kam-org: cannot add person: injected"
expect_pg check-runs "SELECT last_value FROM runs" 1
# The stores hold the same people.
both list 0 kam-org person list acme

done_testing
