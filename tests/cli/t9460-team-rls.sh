#!/bin/sh
# Teams on a team store: row-level security, forced, lets a seller see
# and change only the accounts of the teams whose role they are a
# member of (and the accounts of no team), with everything that hangs
# on them (people, lines, links, deals, roles, observations and their
# texts, answers, gate runs, contacts, history); the chain's links are
# every writer's to read.  kam-org team add makes a team's role when the
# user may create roles, and otherwise says what the administrator
# must run.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

PW=$KAM_TEST_PG_PASSWORD
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
# pg NAME STATUS ROLE SQL: runs SQL as ROLE (psql's status 1 is an error
# in the script); expect_pg_err NAME MESSAGE: its first error.
pg() {
  run "$1" "$2" psql "$(url "$3")" -X -q -At -v ON_ERROR_STOP=1 -c "$4"
}
expect_pg_err() {
  got=$(sed -n 's/^psql:[^E]*ERROR:  //p; s/^ERROR:  //p' "$T/$1.err" | head -n 1)
  [ "$got" = "$2" ] || fail "$1: error '$got', expected '$2'"
}

# The roles, once per cluster: two teams' roles, a seller of each, one
# of both, one of none (tester), and one who may create roles.  The
# administrator's set-up of kam(7), TEAMS.
rls_sellers rls_north:north rls_south:south rls_both:north+south ||
  fail "cannot make the roles"
pg_admin "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rls_admin') THEN
    CREATE ROLE rls_admin LOGIN CREATEROLE PASSWORD '$PW' IN ROLE kam_writer;
  END IF;
END \$\$" || fail "cannot make the roles"

# The store's rows, written by the superuser: north sells acme, south
# beta, and open is no team's.
pg_admin "
INSERT INTO team (id, handle, created) VALUES (1, 'north', '2026-01-05'), (2, 'south', '2026-01-05');
INSERT INTO account (id, handle, name, created, team_id) VALUES
  (1, 'acme', 'Acme', '2026-01-05', 1), (2, 'beta', 'Beta', '2026-01-05', 2),
  (3, 'open', 'Open', '2026-01-05', NULL);
INSERT INTO person (id, account_id, handle, name, created, recorded_by) VALUES
  (1, 1, 'li', 'Li', '2026-01-05', 'tester'), (2, 1, 'liu', 'Liu', '2026-01-05', 'tester'),
  (3, 2, 'wang', 'Wang', '2026-01-05', 'tester'), (4, 2, 'wu', 'Wu', '2026-01-05', 'tester'),
  (5, 3, 'zhao', 'Zhao', '2026-01-05', 'tester');
INSERT INTO reporting_line (person_id, manager_id, kind, start_on) VALUES
  (2, 1, 'dotted', '2026-01-05'), (4, 3, 'dotted', '2026-01-05');
INSERT INTO person_history (person_id, effective, recorded, actor, field, new_value) VALUES
  (1, '2026-01-06', '2026-01-06T09:00:00Z', 'tester', 'title', 'CTO'),
  (3, '2026-01-06', '2026-01-06T09:00:00Z', 'tester', 'title', 'CFO');
INSERT INTO link_period (from_id, to_id, kind, created, start_on, actor) VALUES
  (1, 2, 'advises', '2026-01-05T09:00:00Z', '2026-01-05', 'tester'),
  (3, 4, 'allies', '2026-01-05T09:00:00Z', '2026-01-05', 'tester');
INSERT INTO deal (id, account_id, handle, name, created, recorded_by) VALUES
  (1, 1, 'erp', 'ERP', '2026-01-05', 'tester'), (2, 2, 'crm', 'CRM', '2026-01-05', 'tester');
INSERT INTO deal_history (deal_id, effective, recorded, actor, field, new_value) VALUES
  (1, '2026-01-06', '2026-01-06T09:00:00Z', 'tester', 'stage', 'rfp'),
  (2, '2026-01-06', '2026-01-06T09:00:00Z', 'tester', 'stage', 'demo');
INSERT INTO deal_role_period (deal_id, person_id, role, start_on, actor) VALUES
  (1, 1, 'technical', '2026-01-05', 'tester'), (2, 3, 'finance', '2026-01-05', 'tester');
INSERT INTO observation (id, person_id, stance, deal_id, effective, recorded, actor, note, prev_hash, hash, hash_version) VALUES
  (1, 1, 'support', 1, '2026-01-05', '2026-01-05T09:00:00Z', 'tester', 'n1', '0', 'h1', 2),
  (2, 3, 'oppose', 2, '2026-01-05', '2026-01-05T09:01:00Z', 'tester', 'n2', 'h1', 'h2', 2),
  (3, 5, 'neutral', NULL, '2026-01-05', '2026-01-05T09:02:00Z', 'tester', NULL, 'h2', 'h3', 2);
INSERT INTO observation_text (observation_id, field, text) VALUES
  (1, 'note', 'north note'), (2, 'note', 'south note');
INSERT INTO answer (deal_id, criterion_id, answer, effective, recorded, actor) VALUES
  (1, 1, 'yes', '2026-01-06', '2026-01-06T09:00:00Z', 'tester'),
  (2, 1, 'no', '2026-01-06', '2026-01-06T09:00:00Z', 'tester');
INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, actor, verdict, snapshot) VALUES
  (1, 1, '2026-01-06', '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z', 'tester', 'pursue', '{}'),
  (2, 1, '2026-01-06', '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z', 'tester', 'drop', '{}');
INSERT INTO seller (id, handle, name, created) VALUES (1, 'ann', 'Ann', '2026-01-05');
INSERT INTO contact (seller_id, person_id, strength, effective, recorded, actor) VALUES
  (1, 1, 2, '2026-01-05', '2026-01-05T09:00:00Z', 'tester'),
  (1, 3, 3, '2026-01-05', '2026-01-05T09:00:00Z', 'tester');
SELECT setval(pg_get_serial_sequence(t, 'id'), 10)
  FROM unnest(ARRAY['team', 'account', 'person', 'deal', 'observation']) t;
" >/dev/null || fail "cannot fill the store"

# Every table that holds an account's data has its policy, forced.
expect_as forced rls_both "SELECT string_agg(c.relname, ' ' ORDER BY c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind = 'r'
  AND c.relrowsecurity AND c.relforcerowsecurity
  AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)" \
  "account answer contact deal deal_history deal_role_period gate_run link_period observation observation_text person person_history reporting_line stance_built stance_month stance_span"

# What each reads, table by table: one line per table.
READS="SELECT 'account ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM account
UNION ALL SELECT 'person ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM person
UNION ALL SELECT 'line ' || count(*) FROM reporting_line
UNION ALL SELECT 'line_all ' || count(*) FROM reporting_line_all
UNION ALL SELECT 'history ' || coalesce(string_agg(new_value, ',' ORDER BY new_value), '') FROM person_history
UNION ALL SELECT 'link ' || coalesce(string_agg(kind, ',' ORDER BY kind), '') FROM link
UNION ALL SELECT 'link_period ' || count(*) FROM link_period
UNION ALL SELECT 'deal ' || coalesce(string_agg(handle, ',' ORDER BY handle), '') FROM deal
UNION ALL SELECT 'deal_history ' || coalesce(string_agg(new_value, ',' ORDER BY new_value), '') FROM deal_history
UNION ALL SELECT 'role ' || coalesce(string_agg(role, ',' ORDER BY role), '') FROM deal_role
UNION ALL SELECT 'role_period ' || count(*) FROM deal_role_period
UNION ALL SELECT 'observation ' || coalesce(string_agg(stance, ',' ORDER BY id), '') FROM observation
UNION ALL SELECT 'plain ' || coalesce(string_agg(coalesce(note, '-'), ',' ORDER BY id), '') FROM observation_plain
UNION ALL SELECT 'text ' || coalesce(string_agg(text, ',' ORDER BY text), '') FROM observation_text
UNION ALL SELECT 'answer ' || coalesce(string_agg(answer, ',' ORDER BY answer), '') FROM answer
UNION ALL SELECT 'gate_run ' || coalesce(string_agg(verdict, ',' ORDER BY verdict), '') FROM gate_run
UNION ALL SELECT 'contact ' || count(*) FROM contact
UNION ALL SELECT 'team ' || string_agg(handle, ',' ORDER BY handle) FROM team
UNION ALL SELECT 'seller ' || count(*) FROM seller
UNION ALL SELECT 'chain ' || string_agg(id || ':' || hash, ',' ORDER BY id) FROM observation_chain"
expect_as north rls_north "$READS" "account acme,open
person li,liu,zhao
line 1
line_all 1
history CTO
link advises
link_period 1
deal erp
deal_history rfp
role technical
role_period 1
observation support,neutral
plain north note,-
text north note
answer yes
gate_run pursue
contact 1
team north,south
seller 1
chain 1:h1,2:h2,3:h3"
expect_as south rls_south "$READS" "account beta,open
person wang,wu,zhao
line 1
line_all 1
history CFO
link allies
link_period 1
deal crm
deal_history demo
role finance
role_period 1
observation oppose,neutral
plain south note,-
text south note
answer no
gate_run drop
contact 1
team north,south
seller 1
chain 1:h1,2:h2,3:h3"
expect_as both rls_both "$READS" "account acme,beta,open
person li,liu,wang,wu,zhao
line 2
line_all 2
history CFO,CTO
link advises,allies
link_period 2
deal crm,erp
deal_history demo,rfp
role finance,technical
role_period 2
observation support,oppose,neutral
plain north note,south note,-
text north note,south note
answer no,yes
gate_run drop,pursue
contact 2
team north,south
seller 1
chain 1:h1,2:h2,3:h3"
# A writer of no team sees the accounts of no team; so does the
# tables' owner (the security is forced).
for who in tester kam_owner; do
  expect_as "none-$who" $who "SELECT string_agg(handle, ',' ORDER BY handle) FROM account
    UNION ALL SELECT string_agg(handle, ',' ORDER BY handle) FROM person
    UNION ALL SELECT count(*)::text FROM observation
    UNION ALL SELECT count(*)::text FROM deal" "open
zhao
1
0"
done

# The same through kam's commands, every one of which runs on a team
# store (a refusal, status 14, is a failure here).
# kam_as ROLE NAME STATUS COMMAND...: runs a kam command as ROLE.
kam_as() {
  kr=$1 kn=$2 ks=$3
  shift 3
  env KAM_USER="$kr" KAM_DB="$(url "$kr")" "$@" >"$T/$kn.out" 2>"$T/$kn.err"
  kgot=$?
  count=$((count + 1))
  if [ "$kgot" != "$ks" ]; then
    fail "$kn: exit status $kgot, expected $ks: $*"
    sed 's/^/  stderr: /' "$T/$kn.err" >&2
  fi
  return 0
}
if kam_as rls_north k-list 0 kam-org -F tsv account list; then
  expect_text k-list "handle	name	industry	people	deals	created	category	parent	ext_id	team
acme	Acme		2	1	2026-01-05				north
open	Open		1	0	2026-01-05				"
fi
if kam_as rls_both k-list-both 0 kam-org -F tsv account list; then
  expect_text k-list-both "handle	name	industry	people	deals	created	category	parent	ext_id	team
acme	Acme		2	1	2026-01-05				north
beta	Beta		2	1	2026-01-05				south
open	Open		1	0	2026-01-05				"
fi
if kam_as rls_south k-teams 0 kam-org -F tsv team list; then
  expect_text k-teams "handle	db_role	accounts	created
north	kam_team_north	0	2026-01-05
south	kam_team_south	1	2026-01-05"
fi
snapshot
kam_as rls_north k-show 4 kam-org account show beta &&
  expect_err k-show "kam-org: unknown account 'beta'"
kam_as rls_north k-people 4 kam-org person list beta &&
  expect_err k-people "kam-org: unknown account 'beta'"
kam_as rls_north k-person 4 kam-org person add beta/spy --name Spy &&
  expect_err k-person "kam-org: unknown account 'beta'"
kam_as rls_north k-set 4 kam-org account set beta --name X &&
  expect_err k-set "kam-org: unknown account 'beta'"
kam_as rls_north k-give 9 kam-org account set acme --team south &&
  expect_err k-give 'kam-org: cannot change the account: new row violates row-level security policy for table "account"'
kam_as rls_north k-stance 4 kam-stance set beta/wang support &&
  expect_err k-stance "kam-stance: unknown account 'beta'"
kam_as rls_north k-stance-show 4 kam-stance show beta &&
  expect_err k-stance-show "kam-stance: unknown account 'beta'"
kam_as rls_north k-map 4 kam-map beta &&
  expect_err k-map "kam-map: unknown account 'beta'"
kam_as rls_north k-roles 4 kam-org roles beta/crm &&
  expect_err k-roles "kam-org: unknown account 'beta'"
kam_as rls_north k-deal 4 kam-org deal show beta/crm &&
  expect_err k-deal "kam-org: unknown account 'beta'"
kam_as rls_north k-gate 4 kam-gate run beta/crm &&
  expect_err k-gate "kam-gate: unknown account 'beta'"
kam_as rls_north k-rm 5 kam-org team rm south &&
  expect_err k-rm "kam-org: team 'south' still sells accounts: give them to another team or to none first (kam-org account set ACCOUNT --team TEAM)"
# A team whose role is missing: the writer may not create roles, so
# the administrator is told what to run; a role that may, makes it.
kam_as tester k-add-denied 9 kam-org team add west &&
  expect_err k-add-denied "kam-org: cannot add team 'west': its role \"kam_team_west\" does not exist and this database user may not create roles; have the database's administrator run 'CREATE ROLE \"kam_team_west\" NOLOGIN', then run 'kam-org team add west' again (kam(7), TEAMS)"
unchanged k-refused
if kam_as rls_admin k-add 0 kam-org team add west; then
  count=$((count + 1))
  [ "$(pg_admin "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'kam_team_west'")" = f ] ||
    fail "k-add: no NOLOGIN role kam_team_west"
fi
# A team whose role exists already: recorded by any writer.
pg_admin "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kam_team_ready') THEN CREATE ROLE kam_team_ready NOLOGIN; END IF; END \$\$" || fail "ready"
kam_as tester k-add-ready 0 kam-org team add ready

# Changes: north's seller cannot reach south's rows.  A row out of
# sight is not changed (0 rows), a new row for it is refused, and the
# store is as it was.
snapshot
expect_as upd-account rls_north "WITH u AS (UPDATE account SET name = 'X' WHERE handle = 'beta' RETURNING 1) SELECT count(*) FROM u" 0
expect_as upd-person rls_north "WITH u AS (UPDATE person SET title = 'X' WHERE handle = 'wang' RETURNING 1) SELECT count(*) FROM u" 0
expect_as del-person rls_north "WITH u AS (DELETE FROM person WHERE handle = 'wu' RETURNING 1) SELECT count(*) FROM u" 0
expect_as upd-deal rls_north "WITH u AS (UPDATE deal SET stage = 'X' WHERE handle = 'crm' RETURNING 1) SELECT count(*) FROM u" 0
expect_as end-link rls_north "WITH u AS (UPDATE link_period SET end_on = '2026-02-01' WHERE from_id = 3 RETURNING 1) SELECT count(*) FROM u" 0
expect_as end-role rls_north "WITH u AS (UPDATE deal_role_period SET end_on = '2026-02-01' WHERE deal_id = 2 RETURNING 1) SELECT count(*) FROM u" 0
expect_as del-text rls_north "WITH u AS (DELETE FROM observation_text WHERE observation_id = 2 RETURNING 1) SELECT count(*) FROM u" 0
pg add-person 1 rls_north "INSERT INTO person (account_id, handle, name, created, recorded_by) VALUES (2, 'spy', 'Spy', '2026-03-02', 'rls_north')"
expect_pg_err add-person 'new row violates row-level security policy for table "person"'
pg add-obs 1 rls_north "INSERT INTO observation (id, person_id, stance, effective, recorded, actor, prev_hash, hash, hash_version) VALUES (4, 3, 'support', '2026-03-02', '2026-03-02T09:00:00Z', 'rls_north', 'h3', 'h4', 2)"
expect_pg_err add-obs 'new row violates row-level security policy for table "observation"'
pg add-obs-deal 1 rls_north "INSERT INTO observation (id, person_id, stance, deal_id, effective, recorded, actor, prev_hash, hash, hash_version) VALUES (4, 1, 'support', 2, '2026-03-02', '2026-03-02T09:00:00Z', 'rls_north', 'h3', 'h4', 2)"
expect_pg_err add-obs-deal 'new row violates row-level security policy for table "observation"'
pg add-deal 1 rls_north "INSERT INTO deal (account_id, handle, name, created, recorded_by) VALUES (2, 'spy', 'Spy', '2026-03-02', 'rls_north')"
expect_pg_err add-deal 'new row violates row-level security policy for table "deal"'
pg add-link 1 rls_north "INSERT INTO link_period (from_id, to_id, kind, created, start_on, actor) VALUES (1, 3, 'advises', '2026-03-02T09:00:00Z', '2026-03-02', 'rls_north')"
expect_pg_err add-link 'new row violates row-level security policy for table "link_period"'
pg add-role 1 rls_north "INSERT INTO deal_role_period (deal_id, person_id, role, start_on, actor) VALUES (2, 1, 'coach', '2026-03-02', 'rls_north')"
expect_pg_err add-role 'new row violates row-level security policy for table "deal_role_period"'
pg add-contact 1 rls_north "INSERT INTO contact (seller_id, person_id, strength, effective, recorded, actor) VALUES (1, 3, 1, '2026-03-02', '2026-03-02T09:00:00Z', 'rls_north')"
expect_pg_err add-contact 'new row violates row-level security policy for table "contact"'
pg add-answer 1 rls_north "INSERT INTO answer (deal_id, criterion_id, answer, effective, recorded, actor) VALUES (2, 2, 'yes', '2026-03-02', '2026-03-02T09:00:00Z', 'rls_north')"
expect_pg_err add-answer 'new row violates row-level security policy for table "answer"'
pg add-run 1 rls_north "INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, actor, verdict, snapshot) VALUES (2, 2, '2026-03-02', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z', 'rls_north', 'drop', '{}')"
expect_pg_err add-run 'new row violates row-level security policy for table "gate_run"'
pg add-line 1 rls_north "INSERT INTO reporting_line (person_id, manager_id, kind, start_on) VALUES (1, 3, 'dotted', '2026-03-02')"
expect_pg_err add-line 'new row violates row-level security policy for table "reporting_line"'
# An account is not taken into a team the seller is not in, nor added
# to one; the seller's own accounts stay where they are.
pg give-away 1 rls_north "UPDATE account SET team_id = 2 WHERE handle = 'acme'"
expect_pg_err give-away 'new row violates row-level security policy for table "account"'
pg take-open 1 rls_north "UPDATE account SET team_id = 2 WHERE handle = 'open'"
expect_pg_err take-open 'new row violates row-level security policy for table "account"'
pg add-account 1 rls_north "INSERT INTO account (handle, name, created, team_id) VALUES ('spy', 'Spy', '2026-03-02', 2)"
expect_pg_err add-account 'new row violates row-level security policy for table "account"'
# Nor may a writer make chain links of their own.
pg chain-forge 1 rls_north "INSERT INTO observation_chain VALUES (9, 'h3', 'x')"
expect_pg_err chain-forge "permission denied for table observation_chain"
unchanged refused

# What north's seller may do: their team's and no team's accounts.
expect_as own-person rls_north "WITH i AS (INSERT INTO person (account_id, handle, name, created, recorded_by) VALUES (1, 'ma', 'Ma', '2026-03-02', 'rls_north') RETURNING 1) SELECT count(*) FROM i" 1
expect_as own-obs rls_north "WITH i AS (INSERT INTO observation (id, person_id, stance, effective, recorded, actor, prev_hash, hash, hash_version) VALUES (4, 1, 'oppose', '2026-03-02', '2026-03-02T09:00:00Z', 'rls_north', 'h3', 'h4', 2) RETURNING 1) SELECT count(*) FROM i" 1
expect_as open-to-north rls_north "WITH u AS (UPDATE account SET team_id = 1 WHERE handle = 'open' RETURNING 1) SELECT count(*) FROM u" 1
# The chain's links of the new row, for every writer; the row for north.
expect_as chain-south rls_south "SELECT id || ':' || prev_hash || ':' || hash FROM observation_chain ORDER BY id DESC LIMIT 1" "4:h3:h4"
expect_as obs-south rls_south "SELECT count(*) FROM observation" 1
# What show reads (stance_span, stance_month, stance_built) follows the
# same teams: a seller makes the derived rows of the accounts they see
# and of no other team's (stance_refresh of north's account, by south,
# makes none), reads those they see, removes none of another team's,
# and remakes none of another team's by remaking their own (open is
# north's here, out of south's sight).
expect_as refresh-south rls_south "SELECT stance_refresh(1)" f
expect_as built-none rls_north "SELECT count(*) FROM stance_built" 0
expect_as refresh-north rls_north "SELECT string_agg(stance_refresh(id)::text, ',' ORDER BY id) FROM account" "true,true"
expect_as built-north rls_north "SELECT string_agg(account_id || ':' || upto, ',' ORDER BY account_id) FROM stance_built" "1:4,3:4"
expect_as span-north rls_north "SELECT string_agg(person_id::text, ',' ORDER BY person_id) FROM stance_span" "1,5"
expect_as span-south rls_south "SELECT count(*) FROM stance_span" 0
expect_as month-north rls_north "SELECT count(DISTINCT person_id) FROM stance_month" 2
expect_as month-south rls_south "SELECT count(*) FROM stance_month" 0
expect_as built-south rls_south "SELECT count(*) FROM stance_built" 0
expect_as span-gone rls_south "WITH d AS (DELETE FROM stance_span WHERE person_id = 1 RETURNING 1) SELECT count(*) FROM d" 0
pg built-other 1 rls_south "INSERT INTO stance_built VALUES (1, 99)"
expect_pg_err built-other 'new row violates row-level security policy for table "stance_built"'
expect_as built-same rls_south "WITH u AS (UPDATE stance_built SET upto = 99 WHERE account_id = 1 RETURNING 1) SELECT count(*) FROM u" 0
pg span-other 1 rls_south "INSERT INTO stance_span VALUES (1, 1, NULL, '2026-03-02', '2026-03-02T09:00:00Z', 5, 'support', 'rls_south')"
expect_pg_err span-other 'new row violates row-level security policy for table "stance_span"'
# A row a seller adds under their own account for another team's
# person stands in no way of that team's rows: north's next
# observation of li is made into north's; and a seller who sees both
# teams, remaking beta's rows (where the row was added), changes none
# of north's.
expect_as span-squat rls_south "WITH i AS (INSERT INTO stance_span VALUES (2, 1, NULL, '2026-03-02', '2026-03-02T09:00:00Z', 5, 'support', 'rls_south') RETURNING 1) SELECT count(*) FROM i" 1
expect_as obs-after rls_north "WITH i AS (INSERT INTO observation (id, person_id, stance, effective, recorded, actor, prev_hash, hash, hash_version) VALUES (5, 1, 'support', '2026-03-02', '2026-03-02T10:00:00Z', 'rls_north', 'h4', 'h5', 2) RETURNING 1) SELECT count(*) FROM i" 1
expect_as refresh-after rls_north "SELECT stance_refresh(1)" t
expect_as span-after rls_north "SELECT string_agg(id::text, ',' ORDER BY id) FROM stance_span WHERE person_id = 1" "4,5"
expect_as month-after rls_north "SELECT string_agg(month || ':' || id, ',' ORDER BY month) FROM stance_month WHERE person_id = 1" "2026-04-01:5"
expect_as remake-other rls_both "SELECT count(*) FROM (SELECT stance_rebuild(2)) r" 1
expect_as squat-gone rls_south "SELECT count(*) FROM stance_span WHERE person_id = 1" 0
expect_as mark-other rls_north "SELECT string_agg(month || ':' || id, ',' ORDER BY month) FROM stance_month WHERE person_id = 1" "2026-04-01:5"
expect_as mark-span rls_north "SELECT string_agg(id::text, ',' ORDER BY id) FROM stance_span WHERE person_id = 1" "4,5"
# open is north's now: out of south's sight, with its person.
expect_as open-gone rls_south "SELECT string_agg(handle, ',') FROM account UNION ALL SELECT string_agg(handle, ',') FROM person" "beta
wang,wu"
# Back to no team: seen by every writer again.
expect_as open-back rls_north "WITH u AS (UPDATE account SET team_id = NULL WHERE handle = 'open' RETURNING 1) SELECT count(*) FROM u" 1
expect_as open-again rls_south "SELECT string_agg(handle, ',' ORDER BY handle) FROM account" "beta,open"

# A team whose role does not exist: its accounts are no writer's
# (a seller's membership is the role's).
pg_admin "INSERT INTO team (id, handle, created) VALUES (3, 'ghost', '2026-03-02');
  UPDATE account SET team_id = 3 WHERE handle = 'open'" || fail "ghost"
expect_as ghost rls_both "SELECT string_agg(handle, ',' ORDER BY handle) FROM account" "acme,beta"
pg_admin "UPDATE account SET team_id = NULL WHERE handle = 'open'; DELETE FROM team WHERE id = 3" || fail "ghost back"

# A version 2 store gains the teams, the policies and the chain's links
# (its rows' too) when its owner opens it.
pg_admin "CREATE SCHEMA old AUTHORIZATION kam_owner; GRANT USAGE ON SCHEMA old TO kam_writer" || fail "old"
OLD=$(printf '%s?options=-csearch_path%%3Dold\n' "$KAM_TEST_PG_OWNER")
env -u KAM_USER -u KAM_NOW kam-org --db "$OLD" init >/dev/null || fail "old: init"
psql "$OLD" -X -q -v ON_ERROR_STOP=1 -c "$PG_BEFORE_10
   INSERT INTO account (handle, name, created) VALUES ('acme', 'Acme', '2026-01-05');
   INSERT INTO person (account_id, handle, name, created) VALUES (1, 'li', 'Li', '2026-01-05');
   INSERT INTO observation (person_id, stance, effective, recorded, actor, prev_hash, hash, hash_version)
     VALUES (1, 'support', '2026-01-05', '2026-01-05T09:00:00Z', 'kam_owner', '0', 'h1', 2);
   DO \$\$ DECLARE r record; BEGIN
     FOR r IN SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'old' LOOP
       EXECUTE format('DROP POLICY %I ON old.%I', r.policyname, r.tablename);
     END LOOP;
     FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'old' AND c.relrowsecurity LOOP
       EXECUTE format('ALTER TABLE old.%I NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY', r.relname);
     END LOOP;
   END \$\$;
   DROP TABLE observation_chain; DROP FUNCTION observation_chain_add() CASCADE;
   ALTER TABLE account DROP COLUMN team_id; DROP TABLE team;
   DROP TABLE store_copy; DROP FUNCTION observation_notify() CASCADE;
   ALTER TABLE gate_run DROP COLUMN reasons;
   DROP FUNCTION vocab_rank(text, text),
     kam_group_concat_step(text, text, text) CASCADE;
   UPDATE kam_store SET schema_version = 2" >/dev/null || fail "old: making a version 2 store"
run old-upgrade 0 env -u KAM_USER -u KAM_NOW kam-org --db "$OLD" init
expect_as old-version rls_both "SELECT schema_version FROM old.kam_store" 10
expect_as old-forced rls_both "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'old' AND c.relrowsecurity AND c.relforcerowsecurity
  AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)" 16
expect_as old-chain rls_both "SELECT id || ':' || prev_hash || ':' || hash FROM old.observation_chain" "1:0:h1"
expect_as old-seen rls_north "SELECT count(*) FROM old.observation" 1
# ... and what show reads (version 10), made by its first show.
expect_as old-none rls_north "SELECT count(*) FROM old.stance_span" 0
expect_as old-refresh rls_north "SELECT old.stance_refresh(1)" t
expect_as old-span rls_north "SELECT person_id || ' ' || effective FROM old.stance_span" "1 2026-01-05"

done_testing
