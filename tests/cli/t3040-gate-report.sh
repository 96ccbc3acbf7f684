#!/bin/sh
# kam-gate report: the Markdown memo (verdict, gates with evidence,
# answered versus computed, the buying group, red flags, open questions,
# how the verdict moved), and its bad input.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 公司' >/dev/null
kam-org person add acme/wang --name '王伟' --level 1 >/dev/null
kam-org person add acme/li --name 'Li Na' --level 2 --reports-to acme/wang >/dev/null
kam-org person add acme/chen --name 'Chen | Jr' --level 3 --reports-to acme/li >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
kam-org deal add acme/his --name 'HIS 2027' >/dev/null
kam-org role acme/his acme/wang decision-maker --influence high --on 2026-01-01 >/dev/null
kam-org role acme/his acme/li technical --lead --on 2026-01-01 >/dev/null
kam-org role acme/his acme/chen finance --influence low --on 2026-01-01 >/dev/null
kam-org role acme/his acme/chen business --on 2026-01-01 >/dev/null

kam-gate answer acme/his need yes --on 2026-01-10 --evidence 'RFP issued'
run r1 0 kam-gate run acme/his --as-of 2026-01-15
for k in budget fit gaps resources position differentiation \
  capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
kam-gate answer acme/his profit no --on 2026-02-01 --evidence 'thin margin | 3%'
kam-gate answer acme/his our-relationship partly --on 2026-02-01 --evidence 'Li likes us; 王 undecided'
kam-stance set acme/wang oppose --on 2026-02-10 >/dev/null
kam-stance set acme/li support --on 2026-02-01 >/dev/null
kam-stance set acme/li support --toward orcl --on 2026-02-01 >/dev/null
run r2 0 kam-gate run acme/his --as-of 2026-02-15

run report 0 kam-gate report acme/his
expect_out report gate-report.md
# An earlier day, without the runs that came later changing.
run report-old 0 kam-gate report acme/his --as-of 2026-01-20
expect_out report-old gate-report-old.md
# report stores nothing.
expect_sql runs "SELECT count(*) FROM gate_run" 2

snapshot
run future 3 kam-gate report acme/his --as-of 2027-01-01
expect_err future "kam-gate: date '2027-01-01' for --as-of is in the future (today is 2026-03-02)"
run unknown 4 kam-gate report acme/hiss
expect_err unknown "kam-gate: unknown deal 'acme/hiss' (did you mean 'acme/his'?)"
run missing 2 kam-gate report
head -1 "$T/missing.err" >"$T/missing.err1" && mv "$T/missing.err1" "$T/missing.err"
expect_err missing "kam-gate: missing DEAL"
unchanged bad-input

done_testing
