#!/bin/sh
# kam-org import --update and --sync: a re-import changes what changed,
# each change in the person's dated history as person set records it;
# the same file again changes nothing; --sync --on marks the people the
# file no longer lists as left; every import ends with its summary line;
# bad options and bad files leave the store as it was.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/cfo --placeholder --title CFO >/dev/null
kam-org person add acme/own --name "Added by hand" >/dev/null

cat >"$T/w1.csv" <<'CSV'
handle,name,title,dept,level,reports_to,dotted_to
ceo,Wang Wei,CEO,,1,,
cto,Li Na,CTO,IT,2,ceo,
eng,Zhang San,Engineer,IT,4,cto,ceo
pm,Zhao Liu,PM,IT,3,cto,
CSV
run w1 0 kam-org import acme "$T/w1.csv"
expect_text w1 "4 added, 0 changed, 0 left, 0 unchanged, 0 skipped"

# The same file again: refused without --update, unchanged with it.
snapshot
run again 5 kam-org import acme "$T/w1.csv"
expect_err again "kam-org: $T/w1.csv:2: person 'acme/ceo' already exists (use --update to change it)"
[ ! -s "$T/again.out" ] || fail "again: printed a summary"
unchanged again
run same 0 kam-org import acme "$T/w1.csv" --update
expect_text same "0 added, 0 changed, 0 left, 4 unchanged, 0 skipped"
unchanged same
# An export imported back is unchanged too (its ext_id column is empty).
kam-org export acme >"$T/export.csv"
run same-export 0 kam-org import acme "$T/export.csv" --update
expect_text same-export "0 added, 0 changed, 0 left, 6 unchanged, 0 skipped"
unchanged same-export

# Week 2: a title, a manager, a dotted line and a level change; a new
# person; pm, and own (added by hand), are gone; the placeholder cfo
# stays.  Columns in another order; dept missing: kept.
cat >"$T/w2.csv" <<'CSV'
name,handle,level,title,reports_to,dotted_to
Wang Wei,ceo,1,CEO,,
Li Na,cto,2,CTO and CIO,ceo,
Zhang San,eng,3,Engineer,ceo,
Sun Qi,qa,4,QA,cto,eng
CSV
run w2 0 kam-org import acme "$T/w2.csv" --sync --on 2026-02-27
expect_text w2 "1 added, 2 changed, 2 left, 1 unchanged, 0 skipped"
expect_sql w2-people "SELECT handle, title, quote(dept), level, quote(left_on) FROM person ORDER BY handle" \
"ceo|CEO|NULL|1|NULL
cfo|CFO|NULL||NULL
cto|CTO and CIO|'IT'|2|NULL
eng|Engineer|'IT'|3|NULL
own||NULL||'2026-02-27'
pm|PM|'IT'|3|'2026-02-27'
qa|QA|NULL|4|NULL"
# Each change dated 2026-02-27, recorded now, by the actor, as person
# set records it: an ended line keeps its history.
run log-eng 0 kam-org -F tsv log acme/eng
expect_text log-eng "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		imported
2026-02-27	2026-03-02T09:00:00Z	tester	level	4	3
2026-02-27	2026-03-02T09:00:00Z	tester	reports_to	acme/cto	acme/ceo
2026-02-27	2026-03-02T09:00:00Z	tester	dotted_to	acme/ceo	"
run log-pm 0 kam-org -F tsv log acme/pm
expect_text log-pm "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		imported
2026-02-27	2026-03-02T09:00:00Z	tester	left_on		2026-02-27"
expect_sql w2-lines "SELECT p.handle, m.handle, kind, quote(start_on), quote(end_on) FROM reporting_line r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id ORDER BY r.id" \
"eng|ceo|dotted|NULL|'2026-02-27'
qa|eng|dotted|NULL|NULL
eng|cto|solid|NULL|'2026-02-27'"
expect_sql w2-history "SELECT count(*) FROM person_history" 6

# The same week-2 file again, synced again: nothing changes (those who
# left stay left, the placeholder stays).
snapshot
run w2-again 0 kam-org import acme "$T/w2.csv" --sync --on 2026-02-28
expect_text w2-again "0 added, 0 changed, 0 left, 4 unchanged, 0 skipped"
unchanged w2-again

# A departure given in the file is recorded on its own day; an empty
# left_on does not undo one; the same again changes nothing.
printf 'handle,name,left_on\npm,Zhao Liu,\nqa,Sun Qi,2026-02-20\n' >"$T/left.csv"
run left 0 kam-org import acme "$T/left.csv" --update
expect_text left "0 added, 1 changed, 0 left, 1 unchanged, 0 skipped"
expect_sql left-qa "SELECT left_on FROM person WHERE handle IN ('pm', 'qa') ORDER BY handle" "2026-02-27
2026-02-20"
expect_sql left-qa-log "SELECT effective, field, new_value FROM person_history WHERE person_id = (SELECT id FROM person WHERE handle = 'qa')" "2026-02-20|left_on|2026-02-20"

# Lines that swap within one file are checked as the file leaves them:
# cto over ceo, ceo under cto is no cycle once both rows are in.
printf 'handle,name,reports_to\nceo,Wang Wei,cto\ncto,Li Na,\n' >"$T/swap.csv"
run swap 0 kam-org import acme "$T/swap.csv" --update --on 2026-03-01
expect_text swap "0 added, 2 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql swap-lines "SELECT p.handle, quote(m.handle) FROM person p LEFT JOIN person m ON m.id = p.manager_id WHERE p.handle IN ('ceo', 'cto') ORDER BY p.handle" "ceo|'cto'
cto|NULL"

# Bad input: exact message, status, nothing written, nothing printed on
# standard output.
snapshot
bad() {
  name=$1 status=$2 msg=$3
  shift 3
  run "$name" "$status" kam-org "$@"
  expect_err "$name" "$msg"
  [ ! -s "$T/$name.out" ] || fail "$name: printed '$(cat "$T/$name.out")'"
  unchanged "$name"
}
USAGE="usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
bad sync-no-on 2 "kam-org: --sync needs --on DATE (the day the missing people left)
$USAGE" import acme "$T/w2.csv" --sync
bad on-alone 2 "kam-org: --on is for --update or --sync
$USAGE" import acme "$T/w2.csv" --on 2026-03-01
bad sync-links 2 "kam-org: --sync is for people
$USAGE" import acme "$T/w2.csv" --sync --on 2026-03-01 --kind links
bad on-future 3 "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)" \
  import acme "$T/w2.csv" --sync --on 2026-03-03
bad on-bad 3 "kam-org: impossible date '2026-02-30' for --on" \
  import acme "$T/w2.csv" --update --on 2026-02-30
# Today itself is accepted (the threshold of the future).
# (On a copy of the store, a store file whatever the test's store is,
# so the test's store stays as it was for what follows.)
kam-org -d "$T/today.db" init >/dev/null || fail "on-today: cannot make a store"
kam copy --from "$KAM_DB" --to "$T/today.db" >/dev/null ||
  fail "on-today: cannot copy the store"
run on-today 0 kam-org -d "$T/today.db" import acme "$T/w2.csv" --update --on 2026-03-02
# A change that closes a cycle through people the file does not change,
# named at the line of the row that closes it.
printf 'handle,name,reports_to\nqa,Sun Qi,\ncto,Li Na,eng\n' >"$T/cycle.csv"
bad cycle 5 "kam-org: $T/cycle.csv:3: reporting lines form a cycle: ceo -> cto -> eng -> ceo" \
  import acme "$T/cycle.csv" --update
# A bad row late in the file: none of the earlier changes stay.
printf 'handle,name,title\nceo,Wang Wei,Chairman\nnew1,New,\ncto,Li Na,x\nzz,Z,"a\nb"\n' >"$T/late.csv"
bad late 3 "kam-org: $T/late.csv:5: title contains control character U+000A (a line break)" \
  import acme "$T/late.csv" --update
# A person named twice in one file.
printf 'handle,name\nceo,Wang Wei\nceo,Again\n' >"$T/twice.csv"
bad twice 3 "kam-org: $T/twice.csv:3: person 'acme/ceo' repeated (first on line 2)" \
  import acme "$T/twice.csv" --update

# Links and roles count what they did; --update is what they always did.
printf 'from,to,kind,strength\nceo,cto,advises,2\neng,cto,allies,\n' >"$T/links.csv"
run links 0 kam-org import acme "$T/links.csv"
expect_text links "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
printf 'from,to,kind,strength\nceo,cto,advises,3\neng,cto,allies,2\n' >"$T/links2.csv"
run links2 0 kam-org import acme "$T/links2.csv"
expect_text links2 "0 added, 1 changed, 0 left, 1 unchanged, 0 skipped"
kam-org deal add acme/erp --name ERP >/dev/null
printf 'deal,person,role,influence,lead\nerp,ceo,decision-maker,high,\nerp,cto,technical,,yes\n' >"$T/roles.csv"
run roles 0 kam-org import acme "$T/roles.csv"
expect_text roles "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
run roles-same 0 kam-org import acme "$T/roles.csv"
expect_text roles-same "0 added, 0 changed, 0 left, 2 unchanged, 0 skipped"
printf 'deal,person,role,influence\nerp,ceo,decision-maker,medium\nerp,cto,technical,\n' >"$T/roles2.csv"
run roles2 0 kam-org import acme "$T/roles2.csv"
expect_text roles2 "0 added, 1 changed, 0 left, 1 unchanged, 0 skipped"
expect_sql roles2-store "SELECT p.handle, r.influence, r.lead FROM deal_role r JOIN person p ON p.id = r.person_id ORDER BY p.handle" "ceo|medium|0
cto|medium|1"

done_testing
