#!/bin/sh
# kam-org import --map FIELD=COLUMN, external ids and handles made from
# names: a CRM's export read as it is, its rows matched by external id
# on re-import, managers named by external id, handles folded to ASCII
# (accents, other Latin letters, a Chinese name falling back to the
# external id, two people of the same name), collisions resolved in file
# order, and every refusal with its message, status and an unchanged
# store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
# A person added by hand whose handle a name would also give.
kam-org person add acme/john.smith --name "John Smith (ours)" >/dev/null

# A CRM's contacts: its own column names, columns kam does not know, a
# manager given by the CRM's id, in any order.
cat >"$T/crm.csv" <<'CSV'
Id,Full Name,Job Title,Email,Boss
C1,María José García,CEO,mj@example.com,
C2,Søren O'Brien,CTO,so@example.com,C1
C3,John Smith,Engineer,js1@example.com,C2
C4,John Smith,Engineer,js2@example.com,C2
C5,陈伟,CFO,cw@example.com,C1
C6,"Zoë Ærø-Łukasz",Analyst,,C5
CSV
# Each --map is one argument: the column name has a space.
run crm 0 kam-org import acme "$T/crm.csv" --map ext_id=Id --map "name=Full Name" --map "title=Job Title" --map reports_to=Boss
expect_text crm "6 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
run crm-list 0 kam-org -F tsv person list acme
expect_text crm-list "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/john.smith	John Smith (ours)						no		
acme/C5	陈伟	CFO			acme/maria.jose.garcia		no		C5
acme/john.smith-2	John Smith	Engineer			acme/soren.obrien		no		C3
acme/john.smith-3	John Smith	Engineer			acme/soren.obrien		no		C4
acme/maria.jose.garcia	María José García	CEO					no		C1
acme/soren.obrien	Søren O'Brien	CTO			acme/maria.jose.garcia		no		C2
acme/zoe.aero.lukasz	Zoë Ærø-Łukasz	Analyst			acme/C5		no		C6"

# Next week: rows in another order, a title changed, a manager changed,
# the same people found by their ids whatever their names now are.
cat >"$T/crm2.csv" <<'CSV'
Id,Full Name,Job Title,Email,Boss
C4,John Smith,Lead Engineer,js2@example.com,C1
C6,"Zoë Ærø-Łukasz",Analyst,,C5
C1,María José García López,CEO,mj@example.com,
C3,John Smith,Engineer,js1@example.com,C2
C2,Søren O'Brien,CTO,so@example.com,C1
C5,陈伟,CFO,cw@example.com,C1
CSV
run crm2 0 kam-org import acme "$T/crm2.csv" --update --map ext_id=Id --map "name=Full Name" --map "title=Job Title" --map reports_to=Boss
expect_text crm2 "0 added, 2 changed, 0 left, 4 unchanged, 0 skipped"
expect_sql crm2-store "SELECT handle, name, title, (SELECT m.handle FROM person m WHERE m.id = p.manager_id) FROM person p WHERE ext_id IN ('C1', 'C4') ORDER BY ext_id" \
"maria.jose.garcia|María José García López|CEO|
john.smith-3|John Smith|Lead Engineer|maria.jose.garcia"
snapshot
run crm2-again 0 kam-org import acme "$T/crm2.csv" --update --map ext_id=Id --map "name=Full Name" --map "title=Job Title" --map reports_to=Boss
expect_text crm2-again "0 added, 0 changed, 0 left, 6 unchanged, 0 skipped"
unchanged crm2-again

# Without external ids, a re-import finds the people by the handles
# their names give, in file order.
kam-org account add beta --name Beta >/dev/null
printf 'name,title\nAnn Lee,CEO\nAnn Lee,CTO\nBo Wu,CFO\n' >"$T/names.csv"
run names 0 kam-org import beta "$T/names.csv"
expect_text names "3 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
printf 'name,title\nAnn Lee,CEO\nAnn Lee,CIO\nBo Wu,CFO\n' >"$T/names2.csv"
run names2 0 kam-org import beta "$T/names2.csv" --update
expect_text names2 "0 added, 1 changed, 0 left, 2 unchanged, 0 skipped"
expect_sql names2-store "SELECT handle, title FROM person WHERE account_id = 2 ORDER BY handle" "ann.lee|CEO
ann.lee-2|CIO
bo.wu|CFO"

# A handle given with an external id: the person of that handle gets it.
printf 'handle,name,ext_id\nbo.wu,Bo Wu,X9\n' >"$T/give-ext.csv"
run give-ext 0 kam-org import beta "$T/give-ext.csv" --update
expect_text give-ext "0 added, 1 changed, 0 left, 0 unchanged, 0 skipped"
run give-ext-log 0 kam-org -F tsv log beta/bo.wu
expect_text give-ext-log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		imported
2026-03-02	2026-03-02T09:00:00Z	tester	ext_id		X9"
# person set --ext-id and person add --ext-id.
run set-ext 0 kam-org person set beta/ann.lee --ext-id X1
run add-ext 0 kam-org person add beta/cy --name Cy --ext-id X2
expect_sql ext-ids "SELECT handle, ext_id FROM person WHERE account_id = 2 AND ext_id IS NOT NULL ORDER BY ext_id" "ann.lee|X1
cy|X2
bo.wu|X9"
# The same external id in another account is another person.
run other-account 0 kam-org person add acme/cy --name Cy --ext-id X2

# Refusals: message, status, nothing written, no summary.
snapshot
bad() {
  name=$1 status=$2 msg=$3
  shift 3
  run "$name" "$status" kam-org "$@"
  expect_err "$name" "$msg"
  [ ! -s "$T/$name.out" ] || fail "$name: printed '$(cat "$T/$name.out")'"
  unchanged "$name"
}
bad set-ext-taken 5 "kam-org: external id 'X2' is already 'beta/cy''s" person set beta/bo.wu --ext-id X2
bad add-ext-taken 5 "kam-org: external id 'X1' is already 'beta/ann.lee''s" person add beta/dd --name D --ext-id X1
bad ext-control 3 "kam-org: --ext-id contains control character U+0009 (a tab)" person set beta/bo.wu --ext-id "$(printf 'a\tb')"
printf 'name,ext_id\nA,Z1\nB,Z1\n' >"$T/ext-twice.csv"
bad ext-twice 3 "kam-org: $T/ext-twice.csv:3: external id 'Z1' repeated (first on line 2)" import beta "$T/ext-twice.csv"
printf 'handle,name,ext_id\ncy,Cy,X9\n' >"$T/ext-other.csv"
bad ext-other 5 "kam-org: $T/ext-other.csv:2: external id 'X9' is person 'beta/bo.wu', not 'cy'" import beta "$T/ext-other.csv" --update
bad ext-differs 5 "kam-org: <stdin>:2: person 'beta/cy' has external id 'X2', not 'X3'" import beta - --update <<'CSV'
handle,name,ext_id
cy,Cy,X3
CSV
printf 'name,title\n陈伟,CFO\n' >"$T/no-handle.csv"
bad no-handle 3 "kam-org: $T/no-handle.csv:2: no handle for '陈伟' (its name has no letter or digit in ASCII: give a handle or an external id)" import beta "$T/no-handle.csv"
printf 'handle,title\nx,T\n' >"$T/no-name-col.csv"
bad no-name-col 3 "kam-org: $T/no-name-col.csv:1: missing column 'name'" import beta "$T/no-name-col.csv"
printf 'Id,Name\nq,Q\n' >"$T/mapped-missing.csv"
bad mapped-missing 3 "kam-org: $T/mapped-missing.csv:1: missing column 'Full Name'" import beta "$T/mapped-missing.csv" --map "name=Full Name"
printf 'name,title\n,CFO\n' >"$T/empty-name.csv"
bad empty-name 3 "kam-org: $T/empty-name.csv:2: a person with no name" import beta "$T/empty-name.csv"
USAGE="usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
bad map-field 2 "kam-org: unknown field 'boss' in --map (people: handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id)" import beta "$T/names.csv" --map boss=Boss
bad map-form 2 "kam-org: invalid --map 'name' (use FIELD=COLUMN)" import beta "$T/names.csv" --map name
bad map-empty 2 "kam-org: invalid --map 'name=' (use FIELD=COLUMN)" import beta "$T/names.csv" --map name=
bad map-links 2 "kam-org: unknown field 'handle' in --map (links: from,to,kind,strength)" import beta "$T/names.csv" --kind links --map handle=Id
# A manager's external id that nobody has.
printf 'name,ext_id,reports_to\nA,Q1,Q2\n' >"$T/mgr-ext.csv"
bad mgr-ext 4 "kam-org: $T/mgr-ext.csv:2: unknown manager 'Q2'" import beta "$T/mgr-ext.csv"

# Links and roles read through a map too.
printf 'From,To,How\nann.lee,bo.wu,advises\n' >"$T/links.csv"
run map-links-ok 0 kam-org import beta "$T/links.csv" --kind links --map from=From --map to=To --map kind=How
expect_text map-links-ok "1 added, 0 changed, 0 left, 0 unchanged, 0 skipped"

done_testing
