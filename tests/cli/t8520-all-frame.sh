#!/bin/sh
# One frame for every command: kam passes -d, -a and -F on; "VERB -h"
# prints the usage of the verbs that begin with VERB; a command honours
# -F json or refuses it with a usage error; every import, of people or of
# observations, ends with its summary line (a JSON object with -F json)
# and reads other tools' columns through --map.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null

# kam -d DB -a ACCOUNT -F FORMAT COMMAND: the options reach the command.
db=$KAM_DB
unset KAM_DB
run kam-pass 0 kam -d "$db" -a acme -F json org person list
expect_text kam-pass '[
{"handle":"acme/li","name":"Li","title":null,"dept":null,"level":null,"reports_to":null,"dotted_to":[],"placeholder":false,"left_on":null,"ext_id":null}
]'
run kam-pass-long 0 kam --db="$db" --account=acme --format=csv org person show li
expect_text kam-pass-long "person,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id
acme/li,Li,,,,,,no,,"
# The last of an option given twice wins, as in the command.
run kam-twice 0 kam -F json -F tsv -d "$db" org account list
expect_text kam-twice "handle	name	industry	people	deals	created	category	parent	ext_id	team
acme	Acme		1	0	2026-03-02				"
run kam-novalue 2 kam -d
grep -q "^kam: option '-d' needs a value$" "$T/kam-novalue.err" || fail "kam-novalue: $(head -1 "$T/kam-novalue.err")"
KAM_DB="$db"
export KAM_DB

# VERB -h: the usage of each verb it begins, on stdout, status 0.
run person-h 0 kam-org person -h
expect_text person-h "usage: kam-org person add PERSON --name NAME [--title T] [--dept D] [--level N] [--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] [--ext-id ID]
usage: kam-org person set PERSON [--name NAME] [--title T] [--dept D] [--level N] [--reports-to PERSON | --no-reports-to] [--dotted-to PERSON... | --no-dotted] [--no-leave] [--placeholder | --no-placeholder] [--ext-id ID] [--on DATE]
usage: kam-org person leave PERSON --on DATE
usage: kam-org person rm PERSON
usage: kam-org person erase PERSON --reason TEXT
usage: kam-org person list [ACCOUNT]
usage: kam-org person show PERSON"
run account-help 0 kam-org account --help
[ "$(wc -l <"$T/account-help.out")" = 4 ] || fail "account-help: $(cat "$T/account-help.out")"
run person-h-kam 0 kam org person -h
expect_text person-h-kam "$(cat "$T/person-h.out")"
# Not a verb's first word: still an unknown verb.
run nothing-h 2 kam-org persn -h
expect_err nothing-h "kam-org: unknown verb 'persn' (did you mean 'person rm'?)"

# -F json: export refuses it (its files are the import's CSV); import
# honours it.
snapshot
run export-json 2 kam-org export acme -F json
expect_err export-json "kam-org: 'export' cannot write json (use csv)
usage: kam-org export [ACCOUNT] [--kind people|links|roles|deals]"
[ ! -s "$T/export-json.out" ] || fail "export-json: printed something"
run export-tsv 2 kam-org -F tsv export acme
run export-csv 0 kam-org -F csv export acme
expect_text export-csv "handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id
li,Li,,,,,,,,"
unchanged json-refused
printf 'handle,name\nwu,Wu\n' >"$T/p.csv"
run import-json 0 kam-org -F json import acme "$T/p.csv"
expect_text import-json '{"added":1,"changed":0,"left":0,"unchanged":0,"skipped":0}'
run import-csv 2 kam-org -F csv import acme "$T/p.csv"
expect_err import-csv "kam-org: 'import' cannot write csv (use tsv, table or json)
usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"

# kam-stance import: the same summary, --map, -F json.
printf 'Who,What,When,Extra\nacme/li,support,2026-03-01,x\nacme/wu,oppose,2026-03-01,y\n' >"$T/obs.csv"
run stance-map 0 kam-stance import "$T/obs.csv" --map person=Who --map stance=What --map on=When
expect_text stance-map "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql stance-rows "SELECT p.handle, o.stance, o.effective FROM observation o JOIN person p ON p.id = o.person_id ORDER BY o.id" "li|support|2026-03-01
wu|oppose|2026-03-01"
printf 'person,stance\nacme/li,neutral\n' >"$T/obs2.csv"
run stance-json 0 kam-stance -F json import "$T/obs2.csv"
expect_text stance-json '{"added":1,"changed":0,"left":0,"unchanged":0,"skipped":0}'
snapshot
run stance-map-bad 2 kam-stance import "$T/obs.csv" --map mood=What
expect_err stance-map-bad "kam-stance: unknown field 'mood' in --map (observations: person,stance,on,toward,deal,note,source)"
unchanged stance-map-bad

done_testing
