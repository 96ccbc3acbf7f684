#!/bin/sh
# A version 8 team store is upgraded to version 9 (and on to 10) by its owner's first
# command, the normal path: each observation gets its person's and its
# deal's account (account_id, deal_account_id) in a rewrite of the
# table that leaves the chained columns and the guards as they were,
# and the policies of person, deal and observation compare a row's
# account with kam_seen_accounts().  The upgraded store verifies, shows
# what it showed, and each seller reads the rows they read before;
# after it, an observation's accounts are the trigger's, whatever the
# writer gives, so that a seller still adds none about another team's
# person.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

# url ROLE: the test's database as ROLE.
url() { printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|"; }
# as ROLE SQL: runs SQL as ROLE, one value per line.
as() { psql "$(url "$1")" -X -q -At -v ON_ERROR_STOP=1 -c "$2"; }
# expect_as NAME ROLE SQL EXPECTED: what ROLE reads.
expect_as() {
  count=$((count + 1))
  got=$(as "$2" "$3" 2>&1)
  [ "$got" = "$4" ] || fail "$1: $2 reads '$got', expected '$4' for: $3"
}
# pg NAME STATUS ROLE SQL: runs SQL as ROLE; expect_pg_err NAME MESSAGE:
# its first error.
pg() {
  run "$1" "$2" psql "$(url "$3")" -X -q -At -v ON_ERROR_STOP=1 -c "$4"
}
expect_pg_err() {
  got=$(sed -n 's/^psql:[^E]*ERROR:  //p; s/^ERROR:  //p' "$T/$1.err" | head -n 1)
  [ "$got" = "$2" ] || fail "$1: error '$got', expected '$2'"
}
# same NAME BEFORE: the output of run NAME is BEFORE's, byte for byte.
same() {
  count=$((count + 1))
  cmp -s "$T/$2.out" "$T/$1.out" ||
    { fail "$1: differs from $2"; diff "$T/$2.out" "$T/$1.out" >&2; }
}

rls_sellers rls_north:north rls_south:south rls_both:north+south ||
  fail "cannot make the roles"
KAM_NOW=2026-01-10T09:00:00Z
export KAM_NOW

# The history, written by kam as tester (in no team) while every
# account is no team's: three accounts, a deal, stances general, about
# the deal and toward a competitor, a retraction and a correction.
run acme 0 kam-org account add acme --name Acme
run beta 0 kam-org account add beta --name Beta
run open 0 kam-org account add open --name Open
for p in acme/li acme/liu beta/wang open/zhao; do
  run "add-${p#*/}" 0 kam-org person add "$p" --name "${p#*/}"
done
run rival 0 kam-org competitor add rivalco --name 'Rival Co'
run deal 0 kam-org deal add acme/erp --name ERP
run role 0 kam-org role acme/erp acme/li technical
run set1 0 kam-stance set acme/li support --on 2026-01-05 --note 'lunch'
run set2 0 kam-stance set acme/liu oppose --on 2026-01-06 --deal acme/erp
run set3 0 kam-stance set acme/li neutral --on 2026-01-07 --toward rivalco
run set4 0 kam-stance set beta/wang oppose --on 2026-01-05 --note 'south'
run set5 0 kam-stance set open/zhao neutral --on 2026-01-06
run set6 0 kam-stance set acme/li oppose --on 2026-01-08 --deal acme/erp
run retract 0 kam-stance retract 2 --why 'not him'
run correct 0 kam-stance correct 4 support --on 2026-01-05 --why 'asked again'
# North sells acme, south beta; open stays no team's.
pg_admin "INSERT INTO team (handle, created) VALUES ('north', '2026-01-05'), ('south', '2026-01-05');
  UPDATE account SET team_id = (SELECT id FROM team WHERE handle = 'north') WHERE handle = 'acme';
  UPDATE account SET team_id = (SELECT id FROM team WHERE handle = 'south') WHERE handle = 'beta'" >/dev/null ||
  fail "teams"

# What each reads, table by table.
READS="SELECT 'account ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM account
UNION ALL SELECT 'person ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM person
UNION ALL SELECT 'deal ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM deal
UNION ALL SELECT 'role ' || count(*) FROM deal_role
UNION ALL SELECT 'observation ' || coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM observation
UNION ALL SELECT 'plain ' || coalesce(string_agg(coalesce(note, '-'), ',' ORDER BY id), '') FROM observation_plain
UNION ALL SELECT 'text ' || count(*) FROM observation_text
UNION ALL SELECT 'chain ' || count(*) FROM observation_chain"

# The version 8 store: the accounts' columns, their trigger and the
# functions gone, version 8's policies and index, its version; and
# version 10's tables that show reads gone.
pg_admin "
$PG_BEFORE_10
ALTER POLICY person_team ON person
  USING (EXISTS (SELECT 1 FROM account a WHERE a.id = person.account_id));
ALTER POLICY deal_team ON deal
  USING (EXISTS (SELECT 1 FROM account a WHERE a.id = deal.account_id));
ALTER POLICY observation_team ON observation
  USING (EXISTS (SELECT 1 FROM person p WHERE p.id = observation.person_id)
  AND (deal_id IS NULL OR EXISTS (SELECT 1 FROM deal d WHERE d.id = observation.deal_id)));
DROP TRIGGER observation_account ON observation;
DROP FUNCTION observation_account(), kam_person_account(bigint),
  kam_deal_account(bigint), kam_seen_accounts();
DROP INDEX observation_person;
ALTER TABLE observation DROP COLUMN account_id, DROP COLUMN deal_account_id,
  ADD FOREIGN KEY (person_id) REFERENCES person(id) DEFERRABLE,
  ADD FOREIGN KEY (deal_id) REFERENCES deal(id) DEFERRABLE;
ALTER TABLE person DROP CONSTRAINT person_id_account_id_key;
ALTER TABLE deal DROP CONSTRAINT deal_id_account_id_key;
CREATE INDEX observation_person ON observation (person_id, toward_id,
  deal_id, effective, recorded, id, kind, stance, actor);
UPDATE kam_store SET schema_version = 8" >/dev/null || fail "making a version 8 store"
expect_as v8 rls_both "SELECT schema_version || ' ' || (SELECT count(*) FROM information_schema.columns
  WHERE table_schema = current_schema() AND table_name = 'observation'
  AND column_name IN ('account_id', 'deal_account_id')) FROM kam_store" "8 0"
for r in rls_north rls_south rls_both tester; do
  as "$r" "$READS" >"$T/reads-8-$r" 2>&1 || fail "reads-8: $r: $(cat "$T/reads-8-$r")"
done
count=$((count + 1))
[ "$(sed -n 's/^observation //p' "$T/reads-8-rls_north")" = "1,2,3,5,6,7" ] ||
  fail "reads-8: north reads $(sed -n 's/^observation //p' "$T/reads-8-rls_north")"
# A writer's command reads the version and leaves the upgrade to the
# owner, changing nothing.
run writer 9 env KAM_DB="$(url rls_both)" KAM_USER=rls_both kam-stance show acme
expect_err writer "kam-stance: store '$(url rls_both | sed "s/:$KAM_TEST_PG_PASSWORD@/@/")' has schema version 8, older than this kam's (10), and only its owner may upgrade it: run 'kam-org init' as the role that owns its tables"
expect_as writer-v8 rls_both "SELECT schema_version FROM kam_store" 8

# The owner's first command upgrades it.
run upgrade 0 env -u KAM_USER -u KAM_NOW kam-org --db "$KAM_TEST_PG_OWNER" init
expect_as version rls_both "SELECT schema_version FROM kam_store" 10
# Each row's accounts are its person's and its deal's ...
count=$((count + 1))
got=$(pg_admin "SELECT count(*) || ' ' || count(deal_account_id) || ' ' || count(*) FILTER (WHERE
  o.account_id IS DISTINCT FROM p.account_id OR o.deal_account_id IS DISTINCT FROM
  (SELECT d.account_id FROM deal d WHERE d.id = o.deal_id))
  FROM observation o JOIN person p ON p.id = o.person_id")
[ "$got" = "8 3 0" ] || fail "accounts: '$got', expected '8 3 0' (rows, with a deal, wrong)"
# ... the table, its index, trigger, functions and policies those of a
# new store's schema ...
pg_admin "CREATE SCHEMA fresh AUTHORIZATION kam_owner; GRANT USAGE ON SCHEMA fresh TO kam_writer" >/dev/null ||
  fail "fresh"
run fresh 0 env -u KAM_USER -u KAM_NOW kam-org --db "$(printf '%s?options=-csearch_path%%3Dfresh\n' "$KAM_TEST_PG_OWNER")" init
# shape SCHEMA: observation's columns, its indexes and triggers, the
# functions (but the search_path each was made with) and the policies,
# as the catalog has them.
shape() {
  pg_admin "SET search_path = $1;
    SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull::text, ', ' ORDER BY attnum)
      FROM pg_attribute WHERE attrelid = '$1.observation'::regclass AND attnum > 0 AND NOT attisdropped;
    SELECT replace(pg_get_indexdef(indexrelid), '$1.', '') FROM pg_index
      WHERE indrelid = '$1.observation'::regclass ORDER BY 1;
    SELECT tgname || ' ' || tgenabled::text || ' ' || replace(pg_get_triggerdef(oid), '$1.', '') FROM pg_trigger
      WHERE tgrelid = '$1.observation'::regclass AND NOT tgisinternal ORDER BY 1;
    SELECT p.proname || ' ' || p.provolatile::text || ' ' || p.prosecdef::text || ' ' || regexp_replace(replace(pg_get_functiondef(p.oid), '$1.', ''), 'SET search_path TO [^\n]*', '')
      FROM pg_proc p WHERE p.pronamespace = '$1'::regnamespace
      AND p.proname IN ('kam_seen_accounts', 'kam_person_account', 'kam_deal_account', 'observation_account') ORDER BY 1;
    SELECT tablename || ' ' || policyname || ' ' || qual FROM pg_policies WHERE schemaname = '$1' ORDER BY 1;
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || replace(pg_get_constraintdef(oid), '$1.', '') FROM pg_constraint
      WHERE conrelid IN ('$1.observation'::regclass, '$1.person'::regclass, '$1.deal'::regclass) ORDER BY 1;
    SELECT relname || ' ' || relrowsecurity::text || ' ' || relforcerowsecurity::text FROM pg_class
      WHERE relnamespace = '$1'::regnamespace AND relkind = 'r' ORDER BY 1"
}
shape public >"$T/shape-upgraded" || fail "shape: public"
shape fresh >"$T/shape-fresh" || fail "shape: fresh"
count=$((count + 1))
cmp -s "$T/shape-fresh" "$T/shape-upgraded" ||
  { fail "upgraded: not a new store's schema"; diff "$T/shape-fresh" "$T/shape-upgraded" >&2; }
count=$((count + 1))
[ "$(grep -E '^(person|deal|observation) [a-z_]*_team .*kam_seen_accounts\(\)' "$T/shape-upgraded" | cut -d' ' -f1 | tr '\n' ' ')" = "deal observation person " ] ||
  fail "upgraded: the policies of deal, observation and person do not read kam_seen_accounts()"
# ... each seller reads what they read before ...
for r in rls_north rls_south rls_both tester; do
  count=$((count + 1))
  as "$r" "$READS" >"$T/reads-9-$r" 2>&1 || fail "reads-9: $r: $(cat "$T/reads-9-$r")"
  cmp -s "$T/reads-8-$r" "$T/reads-9-$r" ||
    { fail "reads: $r reads otherwise"; diff "$T/reads-8-$r" "$T/reads-9-$r" >&2; }
done
# ... and the chain verifies, every row of it, and shows what a new
# store with the same history shows.
BOTH="env KAM_DB=$(url rls_both) KAM_USER=rls_both"
run verify 0 $BOTH kam-stance verify
count=$((count + 1))
[ "$(sed -n '2s/\t.*//p' "$T/verify.out")" = 8 ] || fail "verify: $(cat "$T/verify.out")"
run show 0 $BOTH kam-stance show acme
run show-then 0 $BOTH kam-stance show acme --as-of 2026-01-06
run show-deal 0 $BOTH kam-stance show acme/erp
run show-toward 0 $BOTH kam-stance show acme --toward rivalco
run show-beta 0 $BOTH kam-stance show beta
run show-north-beta 4 env KAM_DB="$(url rls_north)" KAM_USER=rls_north kam-stance show beta
# The same history in a store file, shown by the same commands.
LITE="$T/lite.db"
(
  KAM_DB=$LITE KAM_USER=tester
  export KAM_DB KAM_USER
  kam-org init &&
  kam-org account add acme --name Acme && kam-org account add beta --name Beta &&
    kam-org account add open --name Open &&
    for p in acme/li acme/liu beta/wang open/zhao; do kam-org person add "$p" --name "${p#*/}" || exit 1; done &&
    kam-org competitor add rivalco --name 'Rival Co' && kam-org deal add acme/erp --name ERP &&
    kam-org role acme/erp acme/li technical &&
    kam-stance set acme/li support --on 2026-01-05 --note 'lunch' &&
    kam-stance set acme/liu oppose --on 2026-01-06 --deal acme/erp &&
    kam-stance set acme/li neutral --on 2026-01-07 --toward rivalco &&
    kam-stance set beta/wang oppose --on 2026-01-05 --note 'south' &&
    kam-stance set open/zhao neutral --on 2026-01-06 &&
    kam-stance set acme/li oppose --on 2026-01-08 --deal acme/erp &&
    kam-stance retract 2 --why 'not him' &&
    kam-stance correct 4 support --on 2026-01-05 --why 'asked again'
) >/dev/null || fail "the store file's history"
for c in "show:show acme" "show-then:show acme --as-of 2026-01-06" \
  "show-deal:show acme/erp" "show-toward:show acme --toward rivalco" "show-beta:show beta"; do
  run "lite-${c%%:*}" 0 env KAM_DB="$LITE" KAM_USER=rls_both kam-stance ${c#*:}
  same "${c%%:*}" "lite-${c%%:*}"
done

# After the upgrade: the guard still refuses to change a row, for the
# owner too ...
run owner-update 1 psql "$KAM_TEST_PG_OWNER" -X -q -v ON_ERROR_STOP=1 -c "UPDATE observation SET account_id = 2"
expect_pg_err owner-update "observations are append-only: use kam-stance correct or retract"
# ... a seller's new row gets its accounts from its person and deal ...
run north-set 0 env KAM_DB="$(url rls_north)" KAM_USER=rls_north kam-stance set acme/liu support --on 2026-01-09 --deal acme/erp
expect_as north-set-accounts rls_north "SELECT a.handle || ' ' || d.handle FROM observation o
  JOIN account a ON a.id = o.account_id JOIN account d ON d.id = o.deal_account_id
  WHERE o.id = (SELECT max(id) FROM observation)" "acme acme"
# ... and an import's rows theirs, read for the whole batch.
printf 'person,stance,on,deal\nacme/liu,neutral,2026-01-09,erp\nacme/li,support,2026-01-09,\n' >"$T/north.csv"
run north-import 0 env KAM_DB="$(url rls_north)" KAM_USER=rls_north kam-stance import "$T/north.csv"
expect_as north-import-accounts rls_north "SELECT string_agg(p.handle || ' ' || a.handle || ' ' || coalesce(d.handle, '-'), ',' ORDER BY o.id)
  FROM observation o JOIN person p ON p.id = o.person_id JOIN account a ON a.id = o.account_id
  LEFT JOIN account d ON d.id = o.deal_account_id WHERE o.id > (SELECT max(id) - 2 FROM observation)" "liu acme acme,li acme -"
# ... and a row about another team's person is refused, whatever
# accounts the INSERT gives (the table's keys hold them to the person's
# and the deal's) and whatever table of its own the writer names
# person.
ROW="kind, person_id, stance, effective, recorded, actor, prev_hash, hash, hash_version"
VALS="'observe', (SELECT id FROM person WHERE handle = 'wang'), 'support', '2026-01-09', '2026-01-09T09:00:00Z', 'rls_north', 'x', 'y', 2"
pg north-wang 1 rls_north "INSERT INTO observation ($ROW) VALUES ($VALS)"
expect_pg_err north-wang 'new row violates row-level security policy for table "observation"'
WANG=$(pg_admin "SELECT id FROM person WHERE handle = 'wang'")
ACME=$(pg_admin "SELECT id FROM account WHERE handle = 'acme'")
pg north-given 1 rls_north "INSERT INTO observation (id, $ROW, account_id)
  VALUES ((SELECT max(id) + 1 FROM observation_chain), 'observe', $WANG, 'support', '2026-01-09', '2026-01-09T09:00:00Z', 'rls_north', 'x', 'y', 2, $ACME)"
expect_pg_err north-given 'insert or update on table "observation" violates foreign key constraint "observation_person_account"'
OPEN=$(pg_admin "SELECT id FROM account WHERE handle = 'open'")
LIU_ID=$(pg_admin "SELECT p.id FROM person p JOIN account a ON a.id = p.account_id WHERE p.handle = 'liu' AND a.handle = 'acme'")
pg north-other 1 rls_north "INSERT INTO observation (id, $ROW, account_id)
  VALUES ((SELECT max(id) + 1 FROM observation_chain), 'observe', $LIU_ID, 'support', '2026-01-09', '2026-01-09T09:00:00Z', 'rls_north', 'x', 'y', 2, $OPEN)"
expect_pg_err north-other 'insert or update on table "observation" violates foreign key constraint "observation_person_account"'
pg north-no-deal 1 rls_north "INSERT INTO observation (id, $ROW, deal_account_id)
  VALUES ((SELECT max(id) + 1 FROM observation_chain), 'observe', $LIU_ID, 'support', '2026-01-09', '2026-01-09T09:00:00Z', 'rls_north', 'x', 'y', 2, $ACME)"
expect_pg_err north-no-deal 'new row for relation "observation" violates check constraint "observation_deal_account_set"'
pg north-temp 1 rls_north "CREATE TEMPORARY TABLE person AS SELECT $WANG::bigint AS id, $ACME::bigint AS account_id;
  INSERT INTO observation ($ROW)
  VALUES ('observe', $WANG, 'support', '2026-01-09', '2026-01-09T09:00:00Z', 'rls_north', 'x', 'y', 2)"
expect_pg_err north-temp 'new row violates row-level security policy for table "observation"'
expect_as refused-none rls_both "SELECT count(*) FROM observation" 11
run verify-after 0 $BOTH kam-stance verify
count=$((count + 1))
[ "$(sed -n '2s/\t.*//p' "$T/verify-after.out")" = 11 ] || fail "verify-after: $(cat "$T/verify-after.out")"
# A row's link goes to the store's chain, even when the writer has a
# temporary table of that name (pg_temp is named last in the path of
# the function that adds it).
LIU="(SELECT p.id FROM person p JOIN account a ON a.id = p.account_id WHERE p.handle = 'liu' AND a.handle = 'acme')"
NEXT=$(pg_admin "SELECT max(id) + 1 FROM observation")
pg north-temp-chain 0 rls_north "CREATE TEMPORARY TABLE observation_chain (id bigint, prev_hash text, hash text);
  INSERT INTO observation (id, $ROW)
  VALUES ($NEXT, 'observe', $LIU, 'support', '2026-01-10', '2026-01-10T09:00:00Z', 'rls_north', 'x', 'y', 2)"
count=$((count + 1))
got=$(pg_admin "SELECT count(*) FROM observation_chain WHERE id = $NEXT")
[ "$got" = 1 ] || fail "north-temp-chain: the link is in the store's chain $got times, expected 1"
# A writer's own functions do not stand in for the store's in its
# triggers: neither in a schema named as the writer ("$user", first in
# the default path) nor in one the writer names before pg_catalog.
pg_admin "CREATE SCHEMA rls_north AUTHORIZATION rls_north" >/dev/null || fail "rls_north's schema"
pg north-own-account 1 rls_north "CREATE FUNCTION rls_north.kam_person_account(bigint) RETURNS bigint
  LANGUAGE sql AS 'SELECT $ACME::bigint';
  INSERT INTO observation (id, $ROW)
  VALUES ((SELECT max(id) + 1 FROM observation_chain), 'observe', $WANG, 'support', '2026-01-10', '2026-01-10T09:00:00Z', 'rls_north', 'x', 'y', 2)"
expect_pg_err north-own-account 'new row violates row-level security policy for table "observation"'
pg north-own-role 1 rls_north "CREATE FUNCTION rls_north.pg_has_role(oid, text) RETURNS boolean
  LANGUAGE sql AS 'SELECT true';
  SET search_path = rls_north, pg_catalog, public;
  INSERT INTO observation (id, $ROW)
  VALUES ((SELECT max(id) + 1 FROM observation_chain), 'observe', $LIU_ID, 'support', '2026-01-10', '2026-01-10T09:00:00Z', 'tester', 'x', 'y', 2)"
expect_pg_err north-own-role "observation.actor is 'tester', not the database user 'rls_north': a row is recorded by the role that writes it"
expect_as own-none rls_both "SELECT count(*) FROM observation" 12
# A person with observations keeps its account (its rows' accounts
# would go stale, and another team read them).
pg both-move 1 rls_both "UPDATE person SET account_id = $ACME WHERE id = $WANG"
expect_pg_err both-move 'update or delete on table "person" violates foreign key constraint "observation_person_account" on table "observation"'
expect_as both-move-none rls_both "SELECT a.handle FROM person p JOIN account a ON a.id = p.account_id WHERE p.id = $WANG" beta

done_testing
