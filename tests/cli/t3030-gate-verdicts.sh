#!/bin/sh
# A deal whose verdict moves over dated answers and stances: qualify,
# then pursue, then pursue-limited when the decision-maker turns against
# us, then drop when he backs a competitor.  history, diff and list read
# the stored runs.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 公司' >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add acme/wang --name '王伟' --level 1 >/dev/null
kam-org person add acme/li --name 'Li Na' --level 2 --reports-to acme/wang >/dev/null
kam-org person add acme/chen --name Chen --level 3 --reports-to acme/li >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
kam-org deal add acme/his --name 'HIS 2027' >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-org deal add beta/crm --name CRM >/dev/null
kam-org role acme/his acme/wang decision-maker --influence high --on 2026-01-01 >/dev/null
kam-org role acme/his acme/li technical --lead --on 2026-01-01 >/dev/null
kam-org role acme/his acme/chen finance --influence low --on 2026-01-01 >/dev/null

# January: a need, the budget not known yet.
kam-gate answer acme/his need yes --on 2026-01-10 --evidence 'RFP issued'
kam-gate answer acme/his budget unknown --on 2026-01-10
run r1 21 kam-gate run acme/his --as-of 2026-01-15 --exit-status -F json
expect_sql r1-verdict "SELECT verdict FROM gate_run WHERE id = 1" qualify

# February: the facts are in and the group is on our side.
for k in budget timeline fit gaps resources position differentiation \
  capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
for k in criteria-known price profit; do
  kam-gate answer acme/his $k partly --on 2026-02-01
done
kam-stance set acme/wang support --on 2026-02-01 >/dev/null
kam-stance set acme/li support --on 2026-02-01 >/dev/null
kam-stance set acme/chen neutral --on 2026-02-01 >/dev/null
kam-stance set acme/li neutral --toward orcl --on 2026-02-01 >/dev/null
run r2 0 kam-gate run acme/his --as-of 2026-02-15 --exit-status -F table
expect_out r2 gate-verdicts-pursue.table

# The decision-maker turns against us: the odds drop, he is called out.
kam-stance set acme/wang oppose --on 2026-02-20 >/dev/null
run r3 20 kam-gate run acme/his --as-of 2026-02-22 --exit-status -F table
expect_out r3 gate-verdicts-limited.table

# He backs Oracle: a sure loss, drop.
kam-stance set acme/wang support --toward orcl --on 2026-02-25 >/dev/null
run r4 22 kam-gate run acme/his --as-of 2026-03-01 --exit-status -F table
expect_out r4 gate-verdicts-drop.table

# Looking back from today changes nothing stored: the runs keep their day.
run r1again 21 kam-gate run acme/his --as-of 2026-01-15 --exit-status --dry-run
expect_sql runs "SELECT id, as_of, verdict FROM gate_run ORDER BY id" \
  "1|2026-01-15|qualify
2|2026-02-15|pursue
3|2026-02-22|pursue-limited
4|2026-03-01|drop"

run history 0 kam-gate history acme/his
expect_out history gate-history.tsv
run history-json 0 kam-gate history acme/his -F json
expect_out history-json gate-history.json
run history-none 0 kam-gate history acme/erp
expect_text history-none "run	as_of	recorded	checked	actor	verdict	real	compete	win	worth"

# diff: the last two runs by default, or any two.
run diff 0 kam-gate diff acme/his
expect_out diff gate-diff.tsv
run diff12 0 kam-gate diff acme/his 1 2 -F table
expect_out diff12 gate-diff-1-2.table
run diff-same 0 kam-gate diff acme/his 3 3
expect_text diff-same "what	item	before	after"

# list: every deal with its latest verdict.
run list 0 kam-gate list -F table
expect_out list gate-list.table
run list-acme 0 kam-gate list acme
expect_out list-acme gate-list-acme.tsv
run list-a 0 kam-gate -a beta list -F csv
expect_text list-a "deal,name,verdict,as_of,run,recorded,status
beta/crm,CRM,,,,,open"

snapshot
run diff-few 4 kam-gate diff acme/erp
expect_err diff-few "kam-gate: deal 'acme/erp' has fewer than two runs (see 'kam-gate history')"
run diff-other 4 kam-gate diff acme/erp 1 2
expect_err diff-other "kam-gate: no run 1 of deal 'acme/erp' (see 'kam-gate history')"
run diff-missing 4 kam-gate diff acme/his 1 9
expect_err diff-missing "kam-gate: no run 9 of deal 'acme/his' (see 'kam-gate history')"
run diff-bad 3 kam-gate diff acme/his 1 x
expect_err diff-bad "kam-gate: invalid run number 'x' (use the number shown by 'kam-gate history')"
run diff-one 2 kam-gate diff acme/his 1
head -1 "$T/diff-one.err" >"$T/diff-one.err1" && mv "$T/diff-one.err1" "$T/diff-one.err"
expect_err diff-one "kam-gate: missing the second RUN"
run history-bad 4 kam-gate history acme/hs
expect_err history-bad "kam-gate: unknown deal 'acme/hs' (did you mean 'acme/his'?)"
run list-bad 4 kam-gate list acm
expect_err list-bad "kam-gate: unknown account 'acm' (did you mean 'acme'?)"
run list-extra 2 kam-gate list acme beta
head -1 "$T/list-extra.err" >"$T/list-extra.err1" && mv "$T/list-extra.err1" "$T/list-extra.err"
expect_err list-extra "kam-gate: unexpected 'beta'"
unchanged bad-input

done_testing
