#!/bin/sh
# kam-gate, kam-map and kam-org's deal, seller, contact and erase verbs
# on a team store print what they print on a store file, errors and
# exit codes included: a gate assessment stored as a run, a diagram
# (the same DOT), a deal with its buying roles, an erasure.  With teams, row-level
# security keeps a seller of one team from seeing, mapping or gating
# another team's deal.  Runs on a throwaway cluster
# (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9600

# An account, its people, a competitor and a deal with its buying group.
both acme 0 kam-org account add acme --name 'Acme 中国'
both wang 0 kam-org person add acme/wang --name 王伟 --level 1
both li 0 kam-org person add acme/li --name 'Li Na' --level 2 --reports-to acme/wang
both chen 0 kam-org person add acme/chen --name Chen --level 3 --reports-to acme/li
both link 0 kam-org link acme/chen acme/wang --kind influences --strength 3 --on 2026-01-05
both orcl 0 kam-org competitor add orcl --name Oracle
both deal 0 kam-org deal add acme/erp --name 'ERP 2027' --value 500000 --cost 40000 --currency EUR --close 2026-09-30 --stage rfp
both deal-set 0 kam-org deal set acme/erp --stage proposal --on 2026-02-01
both deal-dup 5 kam-org deal add acme/erp --name Again
both deal-typo 4 kam-org deal show acme/epr
both role-dm 0 kam-org role acme/erp acme/wang decision-maker --influence high --on 2026-01-01
both role-tech 0 kam-org role acme/erp acme/li technical --lead --on 2026-01-01
both role-fin 0 kam-org role acme/erp acme/chen finance --influence low --on 2026-01-01
both role-bad 3 kam-org role acme/erp acme/chen boss
both deal-show 0 kam-org -F table deal show acme/erp
both deal-list 0 kam-org deal list acme
both deal-log 0 kam-org deal log acme/erp
both roles 0 kam-org roles acme/erp
both seller 0 kam-org seller add ann --name Ann
both sellers 0 kam-org seller list
both contact 0 kam-org contact ann acme/li --strength 2 --on 2026-01-10
both contact-bad 3 kam-org contact ann acme/li --strength 4
both contacts 0 kam-org contacts acme
both coverage 0 kam-org coverage acme/erp
both influence 0 kam-org influence acme --deal acme/erp

# Answers and stances, then the assessment, stored as run 1.
for k in need budget timeline fit gaps resources position differentiation \
  capital side-effects strategy importance; do
  both "answer-$k" 0 kam-gate answer acme/erp $k yes --on 2026-02-01
done
both answer-price 0 kam-gate answer acme/erp price no --on 2026-02-01 --evidence '15% above Oracle'
both answer-bad 3 kam-gate answer acme/erp price maybe
both stance-wang 0 kam-stance set acme/wang neutral --on 2026-02-01
both stance-li 0 kam-stance set acme/li support --on 2026-02-01
both stance-chen 0 kam-stance set acme/chen oppose --toward orcl --on 2026-02-01
both answers 0 kam-gate answers acme/erp
both run 20 kam-gate -F table run acme/erp --exit-status
both run-json 0 kam-gate -F json run acme/erp --dry-run
both plan 0 kam-gate plan acme/erp
both report 0 kam-gate report acme/erp
both history 0 kam-gate history acme/erp
both list 0 kam-gate list
both portfolio 0 kam-gate portfolio
both setting 0 kam-gate setting
both run-typo 4 kam-gate run acme/epr
# The run is stored on the team store as on the file.
count=$((count + 1))
[ "$(pgsql "SELECT number || '|' || as_of || '|' || actor || '|' || verdict FROM gate_run")" = \
  "1|2026-03-02|$KAM_USER|$("$SQLITE3" "$LITE" "SELECT verdict FROM gate_run")" ] ||
  fail "run: the team store's gate_run: $(pgsql "SELECT * FROM gate_run")"

# The diagram: the same DOT from both stores, every view.
for view in org buying influence all; do
  both "map-$view" 0 kam-map -T dot --view "$view" --as-of 2026-03-01 acme/erp
  count=$((count + 1))
  grep -q '^digraph' "$T/map-$view.pg.out" || fail "map-$view: no DOT graph"
done
both map-account 0 kam-map -T dot acme
both map-typo 4 kam-map acme/epr

# Erasing a person: the same tombstone on both, and the stored run
# rewritten as on the file.
both erase 0 kam-org person erase acme/chen --reason 'asked to be forgotten'
both erased 4 kam-org person show acme/chen
both erased-show 0 kam-org person show acme/erased-3
both erased-map 0 kam-map -T dot acme
both erased-log 0 kam-org log acme/erased-3
count=$((count + 1))
[ "$(pgsql "SELECT snapshot FROM gate_run WHERE number = 1")" = "$("$SQLITE3" "$LITE" "SELECT snapshot FROM gate_run WHERE number = 1")" ] ||
  fail "erase: the team store's stored run differs from the file's"
count=$((count + 1))
! pgsql "SELECT snapshot FROM gate_run" | grep -q Chen || fail "erase: the run still names Chen"
both erase-again 5 kam-org person erase acme/erased-3 --reason again

# Teams: north sells acme, south beta.  A seller of south neither sees
# nor gates nor maps acme's deal; north's seller does, and what they see
# is what the store file shows.
rls_sellers gm_north:north gm_south:south || fail "cannot make the roles"
pg_admin "GRANT USAGE ON SCHEMA t9600 TO kam_writer" >/dev/null || fail "grant"
both team-north 0 kam-org team add north
both team-south 0 kam-org team add south
both beta 0 kam-org account add beta --name Beta
both beta-deal 0 kam-org deal add beta/crm --name CRM
# On the file by kam-org; on the team store by its administrator, as
# the writer here is of neither team (kam(7), TEAMS).
KAM_DB=$LITE run acme-north 0 kam-org account set acme --team north
KAM_DB=$LITE run beta-south 0 kam-org account set beta --team south
pg_admin "UPDATE t9600.account a SET team_id = t.id FROM t9600.team t
  WHERE (a.handle, t.handle) IN (('acme', 'north'), ('beta', 'south'))" >/dev/null ||
  fail "cannot give the accounts to their teams"
# as ROLE NAME STATUS COMMAND...: a command as ROLE on the team store.
as() {
  ar=$1 an=$2 as_=$3
  shift 3
  KAM_USER=$ar KAM_DB=$(printf '%s\n' "$PG" | sed "s|//[^:]*:|//$ar:|") \
    run "$an" "$as_" "$@"
}
as gm_south s-gate 4 kam-gate run acme/erp
expect_err s-gate "kam-gate: unknown account 'acme'"
as gm_south s-answer 4 kam-gate answer acme/erp need no
expect_err s-answer "kam-gate: unknown account 'acme'"
as gm_south s-map 4 kam-map -T dot acme/erp
expect_err s-map "kam-map: unknown account 'acme'"
as gm_south s-deal 4 kam-org deal show acme/erp
expect_err s-deal "kam-org: unknown account 'acme'"
as gm_south s-role 4 kam-org role acme/erp acme/li coach
expect_err s-role "kam-org: unknown account 'acme'"
as gm_south s-list 0 kam-gate list --all
count=$((count + 1))
! grep -q erp "$T/s-list.out" || fail "s-list: south sees acme's deal"
grep -q crm "$T/s-list.out" || fail "s-list: south does not see its own deal"
count=$((count + 1))
[ "$(pg_admin "SELECT count(*) FROM t9600.gate_run g JOIN t9600.deal d ON d.id = g.deal_id WHERE d.handle = 'erp'")" = 1 ] ||
  fail "south's refused run was stored"
[ "$(pg_admin "SELECT count(*) FROM t9600.answer WHERE answer = 'no' AND criterion_id = (SELECT id FROM t9600.criterion WHERE key = 'need' LIMIT 1)")" = 0 ] ||
  fail "south's refused answer was stored"
# North's seller maps and gates acme's deal as the file does.
KAM_DB=$LITE run lite-map 0 kam-map -T dot --view all --as-of 2026-03-01 acme/erp
as gm_north n-map 0 kam-map -T dot --view all --as-of 2026-03-01 acme/erp
count=$((count + 1))
cmp -s "$T/n-map.out" "$T/lite-map.out" || fail "n-map: north's DOT differs from the file's"
KAM_DB=$LITE run lite-gate 0 kam-gate -F json run acme/erp --dry-run
as gm_north n-gate 0 kam-gate -F json run acme/erp --dry-run
count=$((count + 1))
cmp -s "$T/n-gate.out" "$T/lite-gate.out" || fail "n-gate: north's assessment differs from the file's"
as gm_north n-run 20 kam-gate run acme/erp --exit-status
as gm_north n-beta 4 kam-map beta
expect_err n-beta "kam-map: unknown account 'beta'"

done_testing
