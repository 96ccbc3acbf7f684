#!/bin/sh
# A buying group with a history: roles and links hold for a period, from
# --on DATE (default today) until role rm or unlink end it on a day.
# kam-org roles and links --as-of, kam-map --as-of and kam-gate run
# --as-of see the group as it stood that day (a period counts from its
# first day and not on its last); kam-org log and deal log show each
# start and end with who and when.  Refusals leave the store as it was;
# the periods cannot be deleted or rewritten; a store of an older schema
# gets open periods from each deal's creation and each link's.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/wang --name Wang --title CEO --level 1
  kam-org person add acme/li --name Li --title CTO --level 2 --reports-to acme/wang
  kam-org person add acme/chen --name Chen --level 3 --reports-to acme/li
  kam-org deal add acme/erp --name ERP
} >/dev/null
export KAM_ACCOUNT=acme

# Wang decides from 5 January; on 1 February Li takes over (Ann records
# it); Li leads the technical side throughout; Chen advises Li from
# 10 January, more strongly from 20 January, until 15 February.
run dm-wang 0 kam-org role erp wang decision-maker --influence high --on 2026-01-05
run tech-li 0 kam-org role erp li technical --lead --on 2026-01-05
run dm-li 0 as_user ann kam-org role erp li decision-maker --influence high --on 2026-02-01
run dm-wang-end 0 as_user ann kam-org role rm erp wang decision-maker --on 2026-02-01
run link 0 kam-org link chen li --kind advises --strength 1 --on 2026-01-10
run link-stronger 0 kam-org link chen li --kind advises --strength 3 --on 2026-01-20
run link-same 0 kam-org link chen li --kind advises --strength 3 --on 2026-02-01
run unlink 0 kam-org unlink chen li --kind advises --on 2026-02-15
expect_sql periods "SELECT p.handle, r.role, r.influence, r.lead, r.start_on, quote(r.end_on), r.actor, quote(r.ended_by) FROM deal_role_period r JOIN person p ON p.id = r.person_id ORDER BY r.id" \
  "wang|decision-maker|high|0|2026-01-05|'2026-02-01'|tester|'ann'
li|technical|medium|1|2026-01-05|NULL|tester|NULL
li|decision-maker|high|0|2026-02-01|NULL|ann|NULL"
expect_sql link-periods "SELECT strength, start_on, end_on, ended FROM link_period ORDER BY id" \
  "1|2026-01-10|2026-01-20|2026-03-02T09:00:00Z
3|2026-01-20|2026-02-15|2026-03-02T09:00:00Z"
expect_sql now "SELECT person_id, role FROM deal_role ORDER BY person_id, role" \
  "2|decision-maker
2|technical"
expect_sql no-link-now "SELECT count(*) FROM link" 0

# Who was the decision-maker on 1 March, and before?  The day before a
# change, the day of it, the day after; before anything and today.
run roles-before 0 kam-org roles erp --as-of 2026-01-31
expect_text roles-before "person	name	role	influence	lead	primary	title	level	placeholder	left_on
acme/wang	Wang	decision-maker	high	no	no	CEO	1	no	
acme/li	Li	technical	medium	yes	no	CTO	2	no	"
run roles-on 0 kam-org roles erp --as-of 2026-02-01
expect_text roles-on "person	name	role	influence	lead	primary	title	level	placeholder	left_on
acme/li	Li	decision-maker	high	no	no	CTO	2	no	
acme/li	Li	technical	medium	yes	no	CTO	2	no	"
run roles-march 0 kam-org roles erp --as-of 2026-03-01
cmp -s "$T/roles-on.out" "$T/roles-march.out" || fail "roles-march: not the group of 1 February"
run roles-first-day 0 kam-org roles erp --as-of 2026-01-05 -F csv
expect_text roles-first-day "person,name,role,influence,lead,primary,title,level,placeholder,left_on
acme/wang,Wang,decision-maker,high,no,no,CEO,1,no,
acme/li,Li,technical,medium,yes,no,CTO,2,no,"
run roles-none 0 kam-org roles erp --as-of 2026-01-04
expect_text roles-none "person	name	role	influence	lead	primary	title	level	placeholder	left_on"
run roles-today 0 kam-org roles erp
cmp -s "$T/roles-on.out" "$T/roles-today.out" || fail "roles-today: not today's group"

run links-weak 0 kam-org links --as-of 2026-01-19
expect_text links-weak "from	to	kind	strength	from_name	to_name
acme/chen	acme/li	advises	1	Chen	Li"
run links-strong 0 kam-org links acme --as-of 2026-01-20
expect_text links-strong "from	to	kind	strength	from_name	to_name
acme/chen	acme/li	advises	3	Chen	Li"
run links-last-day 0 kam-org links --as-of 2026-02-14
cmp -s "$T/links-strong.out" "$T/links-last-day.out" || fail "links-last-day: the link had ended"
run links-ended 0 kam-org links --as-of 2026-02-15
expect_text links-ended "from	to	kind	strength	from_name	to_name"
run links-before 0 kam-org links --as-of 2026-01-09
expect_text links-before "from	to	kind	strength	from_name	to_name"

# The map of the buying group before and after the change.
run map-before 0 kam-map --view buying erp --as-of 2026-01-31
expect_out map-before group-history-before.dot
run map-after 0 kam-map --view buying erp --as-of 2026-02-01
expect_out map-after group-history-after.dot

# kam-gate run: the decision-maker whose stance counts is the one of the
# day.  Wang supports us, Li opposes.
kam-stance set wang support --on 2026-01-06 >/dev/null
kam-stance set li oppose --on 2026-01-06 >/dev/null
run gate-before 0 kam-gate run erp --as-of 2026-01-31 --dry-run -F tsv
sed -n 4p "$T/gate-before.out" | cut -f 4,8 >"$T/gate-before3.out"
expect_text gate-before3 "3	position=unknown;our-relationship=partly;rival-relationship=unknown;coverage=yes;differentiation=unknown;price=unknown"
grep -q ';evaluation lead Li (acme/li) opposes us (since 2026-01-06)$' "$T/gate-before.out" ||
  fail "gate-before: Li is not only the evaluation lead on 31 January"
run gate-after 0 kam-gate run erp --as-of 2026-02-01 --dry-run -F tsv
sed -n 4p "$T/gate-after.out" | cut -f 4,8 >"$T/gate-after3.out"
expect_text gate-after3 "3	position=unknown;our-relationship=no;rival-relationship=unknown;coverage=yes;differentiation=unknown;price=unknown"
grep -q ';decision-maker and evaluation lead Li (acme/li) opposes us (since 2026-01-06)$' "$T/gate-after.out" ||
  fail "gate-after: Li is not the decision-maker on 1 February"
run report-before 0 kam-gate report erp --as-of 2026-01-31 -F json
sed -n '/^  "group": \[/,/^  \],/p' "$T/report-before.out" >"$T/group-before.out"
expect_text group-before '  "group": [
    {"person": "acme/wang", "name": "Wang", "roles": ["decision-maker"], "influence": "high", "lead": false,
     "stance": "support", "since": "2026-01-06", "note": null, "toward": []},
    {"person": "acme/li", "name": "Li", "roles": ["technical"], "influence": "medium", "lead": true,
     "stance": "oppose", "since": "2026-01-06", "note": null, "toward": []}
  ],'
run report-after 0 kam-gate report erp --as-of 2026-02-01 -F json
sed -n '/^  "group": \[/,/^  \],/p' "$T/report-after.out" >"$T/group-after.out"
expect_text group-after '  "group": [
    {"person": "acme/li", "name": "Li", "roles": ["decision-maker", "technical"], "influence": "high", "lead": true,
     "stance": "oppose", "since": "2026-01-06", "note": null, "toward": []}
  ],'

# The logs: each start and end, when it took effect, who wrote it.
run log-wang 0 kam-org log wang
expect_text log-wang "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-01-05	2026-03-02T09:00:00Z	tester	role		acme/erp decision-maker (high)
2026-02-01	2026-03-02T09:00:00Z	ann	role	acme/erp decision-maker (high)	"
run log-chen 0 kam-org log chen -F csv
expect_text log-chen "effective,recorded,actor,field,old,new
2026-03-02,2026-03-02T09:00:00Z,tester,created,,added
2026-01-10,2026-03-02T09:00:00Z,tester,link,,acme/chen advises acme/li (1)
2026-01-20,2026-03-02T09:00:00Z,tester,link,acme/chen advises acme/li (1),
2026-01-20,2026-03-02T09:00:00Z,tester,link,,acme/chen advises acme/li (3)
2026-02-15,2026-03-02T09:00:00Z,tester,link,acme/chen advises acme/li (3),"
run deal-log 0 kam-org deal log erp
expect_text deal-log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-01-05	2026-03-02T09:00:00Z	tester	role		acme/wang decision-maker (high)
2026-01-05	2026-03-02T09:00:00Z	tester	role		acme/li technical (medium, lead)
2026-02-01	2026-03-02T09:00:00Z	ann	role	acme/wang decision-maker (high)	
2026-02-01	2026-03-02T09:00:00Z	ann	role		acme/li decision-maker (high)"

# What is refused, with the store as it was.
snapshot
run on-future 3 kam-org role erp chen user --on 2026-03-03
expect_err on-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run on-bad 3 kam-org role erp chen user --on 2026-02-30
expect_err on-bad "kam-org: impossible date '2026-02-30' for --on"
run rm-future 3 kam-org role rm erp li technical --on 2026-03-03
expect_err rm-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run link-future 3 kam-org link wang li --kind influences --on 2026-03-03
expect_err link-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run unlink-future 3 kam-org unlink chen li --kind advises --on 2026-03-03
expect_err unlink-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run rm-early 3 kam-org role rm erp li technical --on 2026-01-04
expect_err rm-early "kam-org: 'acme/li' holds role 'technical' in 'acme/erp' since 2026-01-05: it cannot end on 2026-01-04, before"
run change-early 3 kam-org role erp li technical --influence high --on 2026-01-04
expect_err change-early "kam-org: 'acme/li' holds role 'technical' in 'acme/erp' since 2026-01-05: it cannot change on 2026-01-04, before"
run again-early 3 kam-org role erp wang decision-maker --on 2026-01-31
expect_err again-early "kam-org: 'acme/wang' held role 'decision-maker' in 'acme/erp' until 2026-02-01: it cannot start again on 2026-01-31, before"
run lead-early 3 kam-org role erp chen technical --lead --on 2026-01-04
expect_err lead-early "kam-org: 'acme/li' holds role 'technical' in 'acme/erp' since 2026-01-05: it cannot change on 2026-01-04, before"
run relink-early 3 kam-org link chen li --kind advises --on 2026-02-14
expect_err relink-early "kam-org: the 'advises' link from 'acme/chen' to 'acme/li' ended on 2026-02-15: it cannot start again on 2026-02-14, before"
kam-org link wang li --kind influences --on 2026-02-10 >/dev/null
snapshot
run restrength-early 3 kam-org link wang li --kind influences --strength 3 --on 2026-02-09
expect_err restrength-early "kam-org: the 'influences' link from 'acme/wang' to 'acme/li' holds since 2026-02-10: it cannot change on 2026-02-09, before"
run unlink-early 3 kam-org unlink wang li --kind influences --on 2026-02-09
expect_err unlink-early "kam-org: the 'influences' link from 'acme/wang' to 'acme/li' holds since 2026-02-10: it cannot end on 2026-02-09, before"
run rm-ended 4 kam-org role rm erp wang decision-maker
expect_err rm-ended "kam-org: 'acme/wang' holds no role 'decision-maker' in 'acme/erp'"
run unlink-ended 4 kam-org unlink chen li --kind advises
expect_err unlink-ended "kam-org: no 'advises' link from 'acme/chen' to 'acme/li'"
run as-of-bad 3 kam-org roles erp --as-of 2026-13-01
expect_err as-of-bad "kam-org: impossible date '2026-13-01' for --as-of"
run links-as-of-bad 3 kam-org links --as-of yesterday
expect_err links-as-of-bad "kam-org: malformed date 'yesterday' for --as-of (use YYYY-MM-DD)"
run roles-opt 2 kam-org roles erp --on 2026-01-01
head -1 "$T/roles-opt.err" >"$T/roles-opt1.err" && mv "$T/roles-opt1.err" "$T/roles-opt.err"
expect_err roles-opt "kam-org: unknown option '--on'"
for q in "DELETE FROM deal_role_period" "DELETE FROM link_period" \
  "UPDATE deal_role_period SET influence = 'low' WHERE id = 2" \
  "UPDATE deal_role_period SET end_on = '2026-02-20' WHERE id = 1" \
  "UPDATE deal_role_period SET start_on = '2026-01-01' WHERE id = 2" \
  "UPDATE link_period SET strength = 2 WHERE id = 1" \
  "UPDATE link_period SET end_on = NULL WHERE id = 2"; do
  owner_sql "$q" >/dev/null 2>"$T/guard.err"
  grep -q 'are history' "$T/guard.err" || fail "guard: '$q' was not refused"
done
unchanged refusals

# The edges: ended and begun again on the day it ended; a role given
# the lead takes it from its holder on that day; a change of influence
# on the day the period began leaves a period of no days.
run again 0 kam-org role erp wang decision-maker --on 2026-02-01
run lead 0 kam-org role erp chen technical --lead --on 2026-02-20
run same-day 0 kam-org role erp chen technical --influence low --on 2026-02-20
expect_sql edges "SELECT p.handle, r.role, r.influence, r.lead, r.start_on, quote(r.end_on) FROM deal_role_period r JOIN person p ON p.id = r.person_id WHERE r.id > 3 ORDER BY r.id" \
  "wang|decision-maker|medium|0|2026-02-01|NULL
chen|technical|medium|1|2026-02-20|'2026-02-20'
li|technical|medium|0|2026-02-20|NULL
chen|technical|low|1|2026-02-20|NULL"
expect_sql li-lead "SELECT end_on FROM deal_role_period WHERE id = 2" 2026-02-20
run lead-before 0 kam-org roles erp --as-of 2026-02-19 -F tsv
grep -q '^acme/li	Li	technical	medium	yes' "$T/lead-before.out" || fail "lead-before: Li lost the lead too soon"
run lead-after 0 kam-org roles erp --as-of 2026-02-20 -F tsv
expect_text lead-after "person	name	role	influence	lead	primary	title	level	placeholder	left_on
acme/li	Li	decision-maker	high	no	no	CTO	2	no	
acme/wang	Wang	decision-maker	medium	no	no	CEO	1	no	
acme/chen	Chen	technical	low	yes	no		3	no	
acme/li	Li	technical	medium	no	no	CTO	2	no	"
run today-default 0 kam-org role erp chen user
expect_sql today-default "SELECT start_on FROM deal_role_period WHERE role = 'user'" 2026-03-02

# A store of schema version 2 is upgraded: its roles hold from their
# deal's creation, its links from their own.
KAM_DB="$T/v2.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v2.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO person (id, account_id, handle, name, created) VALUES
  (1, 1, 'wang', 'Wang', '2026-01-05'), (2, 1, 'li', 'Li', '2026-01-05');
INSERT INTO deal (id, account_id, handle, name, created) VALUES
  (1, 1, 'erp', 'ERP', '2026-01-20');
INSERT INTO deal_role VALUES (1, 2, 'technical', 'high', 1),
  (1, 1, 'decision-maker', 'high', 0);
INSERT INTO link (id, from_id, to_id, kind, strength, created) VALUES
  (4, 2, 1, 'advises', 3, '2026-01-12T10:00:00Z');
PRAGMA application_id = 1262570801;
PRAGMA user_version = 2;
SQL
} | "$SQLITE3" "$KAM_DB"
run v2-roles 0 kam-org roles erp --as-of 2026-01-20 -F csv
expect_text v2-roles "person,name,role,influence,lead,primary,title,level,placeholder,left_on
acme/wang,Wang,decision-maker,high,no,no,,,no,
acme/li,Li,technical,high,yes,no,,,no,"
run v2-roles-before 0 kam-org roles erp --as-of 2026-01-19 -F csv
expect_text v2-roles-before "person,name,role,influence,lead,primary,title,level,placeholder,left_on"
expect_sql v2-periods "SELECT id, person_id, role, start_on, quote(end_on), quote(recorded), quote(actor) FROM deal_role_period ORDER BY id" \
  "1|2|technical|2026-01-20|NULL|NULL|NULL
2|1|decision-maker|2026-01-20|NULL|NULL|NULL"
expect_sql v2-links "SELECT id, start_on, created, quote(end_on) FROM link_period" \
  "4|2026-01-12|2026-01-12T10:00:00Z|NULL"
run v2-links-before 0 kam-org links --as-of 2026-01-11
expect_text v2-links-before "from	to	kind	strength	from_name	to_name"
run v2-log 0 kam-org log li
expect_text v2-log "effective	recorded	actor	field	old	new
2026-01-05	2026-01-05		created		added
2026-01-12	2026-01-12T10:00:00Z		link		acme/li advises acme/wang (3)
2026-01-20	2026-01-20		role		acme/erp technical (high, lead)"
run v2-rm 0 kam-org role rm erp wang decision-maker --on 2026-02-01
expect_sql v2-ended "SELECT end_on, ended_by FROM deal_role_period WHERE id = 2" "2026-02-01|tester"

done_testing
