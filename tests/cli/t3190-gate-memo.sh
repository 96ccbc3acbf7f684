#!/bin/sh
# The memo worth sending: names first, the deal's value, currency, close
# date and stage, the investment, the group by influence then role with
# the note behind each stance and the competitors by name, the red flags
# with their codes, the plan, the open questions, and the runs numbered
# per deal, an identical run kept once with its first and last time.
# report -F json gives the same data; every verb refuses a format it
# cannot write, with the usage status.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 公司' --category strategic >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
{
  kam-org person add acme/zz --name '王伟'
  kam-org person add acme/aa --name 'Li Na'
  kam-org person add acme/mm --name 'Chen'
  kam-org person add acme/bb --name 'Zhou'
  kam-org person add acme/cc --name 'Coach Wu'
  kam-org deal add acme/his --name 'HIS 2027' --value 12000000.5 --currency CNY \
    --close 2026-06-30 --stage proposal --cost 300000
  kam-org deal add acme/erp --name ERP
  kam-org role acme/his acme/aa finance --influence medium --on 2026-01-01
  kam-org role acme/his acme/zz decision-maker --influence high --on 2026-01-01
  kam-org role acme/his acme/mm technical --influence high --lead --on 2026-01-01
  kam-org role acme/his acme/bb business --influence high --on 2026-01-01
  kam-org role acme/his acme/cc coach --influence low --on 2026-01-01
  kam-org link acme/cc acme/zz --kind advises --on 2026-01-01
  kam-stance set acme/zz neutral --on 2026-02-01 --note '认为三年总价太高' --source 拜访
  kam-stance set acme/mm support --on 2026-02-01 --note 'liked the demo'
  kam-stance set acme/bb support --on 2026-02-01
  kam-stance set acme/aa oppose --on 2026-02-10
  kam-stance set acme/aa support --toward orcl --on 2026-02-10
  kam-stance set acme/cc support --on 2025-11-01
} >/dev/null
for k in need budget timeline fit gaps criteria-known resources position \
  differentiation profit capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
kam-gate answer acme/his price --gap +12 --on 2026-02-01 --evidence 'list price'

# Runs: his, erp, his again (identical, an hour later), his on another
# day; each deal counts its own.
KAM_NOW=2026-03-02T09:00:00Z kam-gate run acme/his >/dev/null
KAM_NOW=2026-03-02T09:30:00Z kam-gate run acme/erp >/dev/null
run same 0 env KAM_NOW=2026-03-02T10:00:00Z kam-gate run acme/his -F table
tail -1 "$T/same.out" >"$T/same1.out"
expect_text same1 "The same as run 1: checked again, not stored twice."
KAM_NOW=2026-03-02T11:00:00Z kam-gate run acme/his --as-of 2026-02-20 >/dev/null
expect_sql runs "SELECT d.handle, r.number, r.as_of, r.recorded, r.checked FROM gate_run r
  JOIN deal d ON d.id = r.deal_id ORDER BY r.id" \
  "his|1|2026-03-02|2026-03-02T09:00:00Z|2026-03-02T10:00:00Z
erp|1|2026-03-02|2026-03-02T09:30:00Z|2026-03-02T09:30:00Z
his|2|2026-02-20|2026-03-02T11:00:00Z|2026-03-02T11:00:00Z"

run report 0 kam-gate report acme/his
expect_out report gate-memo.md
# The default is Markdown, on a terminal or not; -F md says so.
run report-md 0 kam-gate report acme/his -F md
cmp -s "$T/report.out" "$T/report-md.out" || fail "report-md: differs from the default"
count=$((count + 1))

run json 0 kam-gate report acme/his -F json
expect_sql json-keys "SELECT group_concat(key, ',') FROM json_each(readfile('$T/json.out'))" \
  "deal,name,account_name,category,industry,profile,value,currency,close,stage,as_of,verdict,sentence,investment,gates,group,red_flags,stale,plan,open_questions,runs,since"
expect_sql json-industry "SELECT json_type(readfile('$T/json.out'), '\$.industry')" null
expect_sql json-group "SELECT group_concat(json_extract(g.value, '\$.person') || ':' ||
  coalesce(json_extract(g.value, '\$.note'), '-'), ' ') FROM json_each(readfile('$T/json.out'), '\$.group') g" \
  "acme/mm:liked the demo acme/zz:认为三年总价太高 acme/bb:- acme/aa:- acme/cc:-"
expect_sql json-flags "SELECT group_concat(json_extract(f.value, '\$.flag'), ',') FROM
  json_each(readfile('$T/json.out'), '\$.red_flags') f" "opposing-buyer,stale-stance"
expect_sql json-runs "SELECT group_concat(json_extract(r.value, '\$.run') || '@' ||
  json_extract(r.value, '\$.checked'), ' ') FROM json_each(readfile('$T/json.out'), '\$.runs') r" \
  "1@2026-03-02T10:00:00Z 2@2026-03-02T11:00:00Z"
expect_sql json-money "SELECT json_extract(readfile('$T/json.out'), '\$.value') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.investment.pursuit_cost')" "12000000.5 300000"
grep -q '^  "value": 12000000.5,$' "$T/json.out" || fail "json: the value is not its exact digits"
count=$((count + 1))
# The industry our standing is weighed in, once recorded, beside the
# category; JSON carries it.
kam-org account set acme --industry '能源 & utilities' >/dev/null
run industry 0 kam-gate report acme/his
check_line=$(sed -n 5p "$T/industry.out")
[ "$check_line" = '- Account: Acme 公司 (acme), category strategic, industry 能源 &amp; utilities' ] ||
  fail "industry: '$check_line'"
count=$((count + 1))
run industry-json 0 kam-gate report acme/his -F json
expect_sql industry-json "SELECT json_extract(readfile('$T/industry-json.out'), '\$.industry')" '能源 & utilities'
kam-org account set acme --industry '' >/dev/null
# An earlier day: the runs on or before it.
run old 0 kam-gate report acme/his --as-of 2026-02-20
sed -n '/^## How the verdict moved/,$p' "$T/old.out" >"$T/old-runs.out"
expect_text old-runs "## How the verdict moved

| run | as of | first | last | by | verdict | real | compete | win | worth |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 2 | 2026-02-20 | 2026-03-02T11:00:00Z | 2026-03-02T11:00:00Z | tester | pursue-limited | pass | pass | weak | pass |"
# history shows each run once; diff takes the deal's numbers.
run history 0 kam-gate history acme/his
expect_text history "run	as_of	recorded	checked	actor	verdict	real	compete	win	worth
1	2026-03-02	2026-03-02T09:00:00Z	2026-03-02T10:00:00Z	tester	pursue-limited	pass	pass	weak	pass
2	2026-02-20	2026-03-02T11:00:00Z	2026-03-02T11:00:00Z	tester	pursue-limited	pass	pass	weak	pass"
run diff 0 kam-gate diff acme/his 1 2
head -2 "$T/diff.out" >"$T/diff2.out"
expect_text diff2 "what	item	before	after
as-of		2026-03-02	2026-02-20"
run list 0 kam-gate list acme
expect_text list "deal	name	verdict	as_of	run	recorded	status
acme/erp	ERP	qualify	2026-03-02	1	2026-03-02T09:30:00Z	open
acme/his	HIS 2027	pursue-limited	2026-02-20	2	2026-03-02T11:00:00Z	open"

# Formats a verb cannot write are refused, never ignored.
snapshot
for f in table tsv csv; do
  run "report-$f" 2 kam-gate report acme/his -F $f
  expect_err "report-$f" "kam-gate: 'report' cannot write $f (use md or json)
usage: kam-gate report DEAL [--as-of DATE]"
  count=$((count + 1))
  [ ! -s "$T/report-$f.out" ] || fail "report-$f: printed something"
done
run report-before 2 kam-gate -F tsv report acme/his
expect_err report-before "kam-gate: 'report' cannot write tsv (use md or json)
usage: kam-gate report DEAL [--as-of DATE]"
for v in "run acme/his" "plan acme/his" "criteria" "answers acme/his" "history acme/his" \
  "diff acme/his" "list" "setting" "profile list"; do
  vn=md-$(echo "$v" | cut -d' ' -f1)
  verb=$(echo "$v" | sed 's/ acme\/his//')
  # shellcheck disable=SC2086
  run "$vn" 2 kam-gate $v -F md
  head -1 "$T/$vn.err" >"$T/md1" && mv "$T/md1" "$T/$vn.err"
  expect_err "$vn" "kam-gate: '$verb' cannot write md (use table, tsv, csv or json)"
done
run org-md 2 kam-org deal list -F md
head -1 "$T/org-md.err" >"$T/o1" && mv "$T/o1" "$T/org-md.err"
expect_err org-md "kam-org: 'deal list' cannot write md (use table, tsv, csv or json)"
run stance-md 2 kam-stance -F md show acme
head -1 "$T/stance-md.err" >"$T/s1" && mv "$T/s1" "$T/stance-md.err"
expect_err stance-md "kam-stance: 'show' cannot write md (use table, tsv, csv or json)"
run unknown-format 2 kam-gate report acme/his -F pdf
head -1 "$T/unknown-format.err" >"$T/u1" && mv "$T/u1" "$T/unknown-format.err"
expect_err unknown-format "kam-gate: unknown format 'pdf' (use table, tsv, csv or json)"
unchanged refused

done_testing
