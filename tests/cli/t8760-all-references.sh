#!/bin/sh
# One form of reference in every output: people and deals, and the
# people a row points at (managers, dotted lines, link ends, role
# holders), are ACCOUNT/HANDLE in the TSV, CSV and JSON of every
# listing, so outputs join without editing; tables write a person of
# the listed account by handle alone.  A listing re-imports, and export
# files keep the import's format and round-trip.  Every verb of the
# four commands either writes JSON with -F json or refuses it clearly.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add acme-de --name "Acme DE" --parent acme >/dev/null
kam-org person add acme/ceo --name Chen --level 1 >/dev/null
kam-org person add acme/cto --name Li --level 2 --reports-to acme/ceo >/dev/null
kam-org person add acme/pm --name Wu --level 3 --reports-to acme/cto --dotted-to acme/ceo >/dev/null
kam-org person add acme-de/gf --name Weiß --level 1 --reports-to acme/ceo >/dev/null
kam-org person add acme-de/it --name Krüger --level 2 --reports-to acme-de/gf --dotted-to acme/cto >/dev/null
kam-org link acme/pm acme/cto --kind advises >/dev/null
kam-org link acme-de/it acme/cto --kind allies >/dev/null
kam-org deal add acme-de/dc --name DC >/dev/null
kam-org role acme-de/dc acme-de/gf decision-maker --influence high >/dev/null
kam-org role acme-de/dc acme/cto technical --lead >/dev/null
kam-org person set acme-de/it --reports-to acme/cto --on 2026-03-01 >/dev/null
kam-stance set acme-de/gf support --on 2026-02-01 >/dev/null
kam-stance set acme/cto neutral --on 2026-02-01 >/dev/null

run people 0 kam-org -F tsv person list acme-de
expect_text people "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme-de/gf	Weiß			1	acme/ceo		no		
acme-de/it	Krüger			2	acme/cto	acme/cto	no		"
run people-csv 0 kam-org -F csv person list acme
expect_text people-csv "handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id
acme/ceo,Chen,,,1,,,no,,
acme/cto,Li,,,2,acme/ceo,,no,,
acme/pm,Wu,,,3,acme/cto,acme/ceo,no,,"
run people-json 0 kam-org -F json person list acme
expect_text people-json '[
{"handle":"acme/ceo","name":"Chen","title":null,"dept":null,"level":1,"reports_to":null,"dotted_to":[],"placeholder":false,"left_on":null,"ext_id":null},
{"handle":"acme/cto","name":"Li","title":null,"dept":null,"level":2,"reports_to":"acme/ceo","dotted_to":[],"placeholder":false,"left_on":null,"ext_id":null},
{"handle":"acme/pm","name":"Wu","title":null,"dept":null,"level":3,"reports_to":"acme/cto","dotted_to":["acme/ceo"],"placeholder":false,"left_on":null,"ext_id":null}
]'
# A table, for a reader, writes the account's people by handle alone.
run people-table 0 kam-org -F table person list acme-de
expect_text people-table "HANDLE  NAME    TITLE  DEPT  LEVEL  REPORTS_TO  DOTTED_TO  PLACEHOLDER  LEFT_ON  EXT_ID
gf      Weiß    -      -     1      acme/ceo    -          no           -        -
it      Krüger  -      -     2      acme/cto    acme/cto   no           -        -"
run show 0 kam-org -F tsv person show acme/pm
expect_text show "person	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/pm	Wu			3	acme/cto	acme/ceo	no		"
run tree 0 kam-org -F tsv tree acme
expect_text tree "depth	handle	name	title	level	reports_to	dotted_to
0	acme/ceo	Chen		1		
1	acme/cto	Li		2	acme/ceo	
2	acme/pm	Wu		3	acme/cto	acme/ceo"
run links 0 kam-org -F tsv links acme-de
expect_text links "from	to	kind	strength	from_name	to_name
acme-de/it	acme/cto	allies	2	Krüger	Li"
run links-table 0 kam-org -F table links acme-de
expect_text links-table "FROM  TO        KIND    STRENGTH  FROM_NAME  TO_NAME
it    acme/cto  allies  2         Krüger     Li"
run roles 0 kam-org -F csv roles acme-de/dc
expect_text roles "person,name,role,influence,lead,primary,title,level,placeholder,left_on
acme-de/gf,Weiß,decision-maker,high,no,no,,1,no,
acme/cto,Li,technical,medium,yes,no,,2,no,"
run log 0 kam-org -F tsv log acme-de/it
expect_text log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-03-01	2026-03-02T09:00:00Z	tester	reports_to	acme-de/gf	acme/cto
2026-03-02	2026-03-02T09:00:00Z	tester	link		acme-de/it allies acme/cto (2)"
run influence 0 kam-org -F tsv influence acme-de
cut -f 1,4 "$T/influence.out" | sort >"$T/influence-cut.out"
expect_text influence-cut "acme-de/gf	acme-de/dc:decision-maker
acme-de/it	
person	roles"
# The outputs join as they are: the buying group with the stances.
run stances 0 kam-stance -F tsv show acme-de/dc
tail -n +2 "$T/roles.out" | tr , '\t' | cut -f 1,3 | sort >"$T/r.tsv"
tail -n +2 "$T/stances.out" | cut -f 1,3 | sort >"$T/s.tsv"
join -t "$(printf '\t')" "$T/r.tsv" "$T/s.tsv" >"$T/joined.out"
expect_text joined "acme-de/gf	decision-maker	support
acme/cto	technical	neutral"

# A listing re-imports as it is; export files keep the import's format
# (bare handles of the account) and round-trip.
run list-csv 0 kam-org -F csv person list acme
for k in people links roles deals; do
  run "export-$k" 0 kam-org export acme-de --kind $k
done
expect_text export-people "handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id
gf,Weiß,,,1,acme/ceo,,,,
it,Krüger,,,2,acme/cto,acme/cto,,,"
main_db=$KAM_DB
KAM_DB="$T/copy.db"
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add acme-de --name "Acme DE" --parent acme >/dev/null
run import-list 0 kam-org import acme "$T/list-csv.out"
expect_text import-list "3 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
run list-again 0 kam-org -F csv person list acme
expect_text list-again "$(cat "$T/list-csv.out")"
for k in people deals links roles; do
  run "import-$k" 0 kam-org import acme-de "$T/export-$k.out" --kind $k
  run "again-$k" 0 kam-org export acme-de --kind $k
  expect_text "again-$k" "$(cat "$T/export-$k.out")"
done
KAM_DB=$main_db

# -F json: every verb of the four commands writes JSON (or nothing, for
# a verb that only writes the store), or refuses it with exit 2 and a
# message naming the format.  The verbs are the ones -h lists.
json_ok() { # NAME COMMAND...: JSON, nothing, or a clear refusal
  name=$1
  shift
  count=$((count + 1))
  "$@" -F json >"$T/$name.out" 2>"$T/$name.err"
  st=$?
  if [ $st -eq 2 ] && grep -q "cannot write json\|-F does not apply" "$T/$name.err"; then
    return
  fi
  if [ -s "$T/$name.out" ] && ! jq -e . "$T/$name.out" >/dev/null 2>&1; then
    failures=$((failures + 1))
    printf 'FAIL: %s: -F json wrote what is not JSON (status %s): %s\n' "$name" $st "$(head -c 200 "$T/$name.out")" >&2
  elif [ $st -ne 0 ] && [ $st -ne 1 ]; then
    failures=$((failures + 1))
    printf 'FAIL: %s: -F json: status %s: %s\n' "$name" $st "$(cat "$T/$name.err")" >&2
  fi
}
command -v jq >/dev/null 2>&1 || { echo "SKIP: no jq" >&2; exit 77; }
kam-org seller add ann --name Ann >/dev/null
kam-org contact ann acme/cto --strength 2 >/dev/null
kam-org competitor add rival --name Rival >/dev/null
kam-gate run acme-de/dc >/dev/null
json_ok o-init kam-org init
json_ok o-account-list kam-org account list
json_ok o-account-show kam-org account show acme
json_ok o-account-add kam-org account add zz --name Z
json_ok o-account-set kam-org account set zz --name Zed
json_ok o-person-add kam-org person add acme/new --name New
json_ok o-person-set kam-org person set acme/new --title T
json_ok o-person-leave kam-org person leave acme/new --on 2026-03-01
json_ok o-person-list kam-org person list acme
json_ok o-person-show kam-org person show acme/cto
json_ok o-tree kam-org tree acme
json_ok o-link kam-org link acme/ceo acme/pm --kind advises
json_ok o-unlink kam-org unlink acme/ceo acme/pm --kind advises
json_ok o-links kam-org links acme
json_ok o-competitor-add kam-org competitor add rival2 --name R2
json_ok o-competitor-list kam-org competitor list
json_ok o-deal-add kam-org deal add acme/d2 --name D2
json_ok o-deal-set kam-org deal set acme/d2 --stage s
json_ok o-deal-close kam-org deal close acme/d2 --lost --on 2026-03-01
json_ok o-deal-reopen kam-org deal reopen acme/d2
json_ok o-deal-list kam-org deal list acme
json_ok o-deal-show kam-org deal show acme-de/dc
json_ok o-deal-log kam-org deal log acme-de/dc
json_ok o-role kam-org role acme/d2 acme/pm user
json_ok o-role-rm kam-org role rm acme/d2 acme/pm user
json_ok o-roles kam-org roles acme-de/dc
json_ok o-check kam-org check acme-de
json_ok o-influence kam-org influence acme
json_ok o-seller-add kam-org seller add bo --name Bo
json_ok o-seller-list kam-org seller list
json_ok o-contact kam-org contact bo acme/pm --strength 1
json_ok o-contacts kam-org contacts acme
json_ok o-coverage kam-org coverage acme-de/dc
json_ok o-import kam-org import acme "$T/list-csv.out" --update
json_ok o-export kam-org export acme
json_ok o-log kam-org log acme/cto
json_ok o-person-rm kam-org person rm acme/new
json_ok s-set kam-stance set acme/pm oppose --on 2026-02-02
json_ok s-show kam-stance show acme
json_ok s-log kam-stance log acme
json_ok s-changes kam-stance changes acme --from 2026-01-01 --to 2026-03-01
json_ok s-timeline kam-stance timeline acme
json_ok s-stale kam-stance stale acme
json_ok s-verify kam-stance verify
json_ok s-retract kam-stance retract 3 --why mistaken
json_ok s-correct kam-stance correct 2 support --why better
printf 'person,stance,on\nacme/ceo,support,2026-02-03\n' >"$T/obs.csv"
json_ok s-import kam-stance import "$T/obs.csv"
json_ok g-criteria kam-gate criteria
json_ok g-profile-list kam-gate profile list
json_ok g-answer kam-gate answer acme-de/dc need yes
json_ok g-answers kam-gate answers acme-de/dc
json_ok g-run kam-gate run acme-de/dc
json_ok g-plan kam-gate plan acme-de/dc
json_ok g-report kam-gate report acme-de/dc
json_ok g-history kam-gate history acme-de/dc
kam-gate run acme-de/dc >/dev/null
json_ok g-diff kam-gate diff acme-de/dc
json_ok g-list kam-gate list
json_ok g-portfolio kam-gate portfolio
json_ok g-setting kam-gate setting
json_ok m-map kam-map acme
json_ok k-help kam org account list
# The refusals say which formats the verb writes.
run export-json 2 kam-org -F json export acme
head -1 "$T/export-json.err" >"$T/export-json1.out"
expect_text export-json1 "kam-org: 'export' cannot write json (use csv)"
run map-json 2 kam-map -F json acme
expect_err map-json "kam-map: -F does not apply to maps (use -T dot, svg, png or pdf)"

done_testing
