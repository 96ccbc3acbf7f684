#!/bin/sh
# kam-gate run and report: since the last review.  A deal assessed on
# 1 February (run 1), then changed: the CTO moves from neutral to
# support (10 February), the CFO joins the buying group with high
# influence and no known stance (15 February), the budget is answered
# yes instead of partly (20 February); run again as of 1 March.  The
# right answer is known: the budget lifts gate 1's score from 0.81
# ((3 + 3 x 0.5 + 2) / 8 = 0.8125, shown 0.81) to 1.00, and the CFO,
# an influential member of unknown stance, leaves gate 3 open, which
# turns the verdict from pursue to qualify.  The business member's
# stance changed on 1 February itself, recorded after run 1: a run as
# of a day sees everything dated that day, so that change belongs to
# the review of 1 February and is not listed (the boundary, kam-gate(1)).
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_NOW=2026-01-15T09:00:00Z
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org deal add acme/erp --name 'ERP renewal' --value 1000000 --currency CNY --cost 50000 --close 2026-06-30
  kam-org person add acme/ceo --name 'Chen CEO' --level 1
  kam-org person add acme/cto --name 'Tang CTO' --level 2
  kam-org person add acme/cfo --name 'Fang CFO' --level 2
  kam-org person add acme/biz --name 'Bai Biz' --level 3
  kam-org role acme/erp acme/ceo decision-maker --influence high --on 2026-01-10
  kam-org role acme/erp acme/cto technical --influence high --lead --on 2026-01-10
  kam-org role acme/erp acme/biz business --on 2026-01-10
  kam-stance set acme/ceo support --on 2026-01-10
  kam-stance set acme/cto neutral --on 2026-01-10
  kam-stance set acme/biz support --on 2026-01-10
  for k in need timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer acme/erp $k yes --on 2026-01-10
  done
  kam-gate answer acme/erp budget partly --on 2026-01-10
} >/dev/null

# No earlier run: the text says so, the JSON has no "since".
run first 0 env KAM_NOW=2026-02-01T10:00:00Z kam-gate -F table run acme/erp
sed -n '/^Since the last review/p' "$T/first.out" >"$T/first-since.out"
expect_text first-since "Since the last review: no earlier run before 2026-02-01 to compare with."
run first-json 0 env KAM_NOW=2026-02-01T10:00:00Z kam-gate -F json run acme/erp --dry-run
expect_sql first-json "SELECT json_type(readfile('$T/first-json.out'), '\$.since') IS NULL" 1
run first-memo 0 env KAM_NOW=2026-02-01T10:00:00Z kam-gate report acme/erp
sed -n '/^## Since the last review/,/^## The gates/p' "$T/first-memo.out" >"$T/first-memo-since.out"
expect_text first-memo-since "## Since the last review

No earlier run before 2026-02-01 to compare with.

## The gates"
expect_sql runs1 "SELECT group_concat(number || ' ' || as_of || ' ' || verdict, ';') FROM gate_run" \
  "1 2026-02-01 pursue"

# What happened after the review.
KAM_NOW=2026-02-01T12:00:00Z kam-stance set acme/biz neutral --on 2026-02-01 >/dev/null
KAM_NOW=2026-02-10T12:00:00Z kam-stance set acme/cto support --on 2026-02-10 >/dev/null
KAM_NOW=2026-02-15T12:00:00Z kam-org role acme/erp acme/cfo finance --influence high --on 2026-02-15 >/dev/null
KAM_NOW=2026-02-20T12:00:00Z kam-gate answer acme/erp budget yes --on 2026-02-20 >/dev/null

KAM_NOW=2026-03-01T12:00:00Z
run second 0 kam-gate -F table run acme/erp --as-of 2026-03-01
expect_out second since-run.txt
expect_sql runs2 "SELECT group_concat(number || ' ' || as_of || ' ' || verdict, ';') FROM gate_run" \
  "1 2026-02-01 pursue;2 2026-03-01 qualify"
# The stored snapshot has no "since": it is what the run found, not a
# comparison.
expect_sql snap2 "SELECT json_type(snapshot, '\$.since') IS NULL FROM gate_run WHERE number = 2" 1
run second-json 0 kam-gate -F json run acme/erp --as-of 2026-03-01 --dry-run
expect_out second-json since-run.json
run memo 0 kam-gate report acme/erp --as-of 2026-03-01
expect_out memo since-report.md
run memo-json 0 kam-gate -F json report acme/erp --as-of 2026-03-01
expect_sql memo-json "SELECT json_extract(readfile('$T/memo-json.out'), '\$.since')" \
  '{"run":1,"as_of":"2026-02-01","verdict_before":"pursue","verdict":"qualify","stances":[{"person":"acme/cto","name":"Tang CTO","toward":null,"from":"neutral","to":"support","on":"2026-02-10","gates":[3]}],"joined":[{"person":"acme/cfo","name":"Fang CFO","roles":"finance (high)","on":"2026-02-15","gates":[3]}],"left":[],"roles":[],"answers":[{"key":"budget","gate":1,"from":"partly","to":"yes","on":"2026-02-20","gates":[1]}],"gates":[{"gate":1,"name":"real","status_before":"pass","score_before":0.81,"status":"pass","score":1.00,"changes":1},{"gate":3,"name":"win","status_before":"pass","score_before":1.00,"status":"open","score":1.00,"changes":2}]}'

# The last review is the latest run dated before the day assessed: a
# run again on 1 March compares with run 1, not with run 2 of the same
# day; a report as of 20 February (before run 2) compares with run 1 and
# sees only what had happened by then.
run again 0 kam-gate -F json run acme/erp --as-of 2026-03-01 --dry-run
expect_sql again "SELECT json_extract(readfile('$T/again.out'), '\$.since.run')" 1
run feb20 0 kam-gate -F json report acme/erp --as-of 2026-02-20
expect_sql feb20 "SELECT json_extract(readfile('$T/feb20.out'), '\$.since.run') || ' ' ||
  (SELECT group_concat(json_extract(value, '\$.person'), ',') FROM json_each(readfile('$T/feb20.out'), '\$.since.stances')) || ' ' ||
  (SELECT group_concat(json_extract(value, '\$.person'), ',') FROM json_each(readfile('$T/feb20.out'), '\$.since.joined')) || ' ' ||
  (SELECT group_concat(json_extract(value, '\$.key') || '=' || json_extract(value, '\$.to'), ',') FROM json_each(readfile('$T/feb20.out'), '\$.since.answers'))" \
  "1 acme/cto acme/cfo budget=yes"
# The boundary on the other side: as of 10 February the CTO's move
# (dated that day) counts; as of 9 February it is not there yet.
run feb10 0 kam-gate -F json report acme/erp --as-of 2026-02-10
expect_sql feb10 "SELECT json_array_length(readfile('$T/feb10.out'), '\$.since.stances') || ' ' ||
  json_array_length(readfile('$T/feb10.out'), '\$.since.joined')" "1 0"
run feb9 0 kam-gate -F json report acme/erp --as-of 2026-02-09
expect_sql feb9 "SELECT json_array_length(readfile('$T/feb9.out'), '\$.since.stances')" 0
# Gate 3 still moved: the business member's neutral stance of 1 February,
# recorded after run 1, is dated on the review's day, so it is not
# listed, but run 1 did not see it.  The memo says so.
run feb9-memo 0 kam-gate report acme/erp --as-of 2026-02-09
sed -n '/^## Since the last review/,/^## The gates/p' "$T/feb9-memo.out" >"$T/feb9-since.out"
expect_text feb9-since "## Since the last review (2026-02-01)

Compared with run 1, as of 2026-02-01 (pursue): what took effect after 2026-02-01, up to 2026-02-09.

Nothing changed in the buying group, its stances or the answers.

| gate | before | after |
| --- | --- | --- |
| 3. win | pass 1.00 | pass 0.79 |

A gate that moved with no change listed moved by what was recorded after run 1 but dated on or before 2026-02-01, or by a changed setting or rubric.

The verdict stays pursue.

## The gates"
# A report as of run 1's own day has no earlier run.
run feb1 0 kam-gate -F table run acme/erp --as-of 2026-02-01 --dry-run
sed -n '/^Since the last review/p' "$T/feb1.out" >"$T/feb1-since.out"
expect_text feb1-since "Since the last review: no earlier run before 2026-02-01 to compare with."

# Members who leave and whose roles change: the business member's role
# ends on 10 March; the CEO takes the lead from the CTO on 5 March (the
# CTO's holding ends and begins again without it) and gains the business
# role on 12 March, the latest of his changes; the CFO, of unknown
# stance, supports us from 14 March.  Run 3 as of 15 March compares
# with run 2 (1 March): gate 3 is decided again and passes.
KAM_NOW=2026-03-15T12:00:00Z
{
  kam-org role rm acme/erp acme/biz business --on 2026-03-10
  kam-org role acme/erp acme/ceo decision-maker --influence high --lead --on 2026-03-05
  kam-org role acme/erp acme/ceo business --influence high --on 2026-03-12
  kam-stance set acme/cfo support --on 2026-03-14
} >/dev/null
run third 0 kam-gate -F table run acme/erp --as-of 2026-03-15
sed -n '/^Since the last review/,$p' "$T/third.out" >"$T/third-since.out"
expect_out third-since since-run-3.txt

# Unchanged store after a dry run and a report.
snapshot
run dry 0 kam-gate -F table run acme/erp --as-of 2026-03-15 --dry-run
run rep 0 kam-gate report acme/erp --as-of 2026-03-15
unchanged dry-report

done_testing
