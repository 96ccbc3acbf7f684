#!/bin/sh
# kam-gate run: the verdict in every format, the stored snapshot,
# --dry-run, --exit-status, and every bad input refused with its message,
# its exit status and the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 公司' >/dev/null
kam-org person add acme/wang --name '王伟' --level 1 >/dev/null
kam-org person add acme/li --name 'Li Na' --level 2 --reports-to acme/wang >/dev/null
kam-org person add acme/chen --name Chen --level 3 --reports-to acme/li >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
kam-org deal add acme/his --name 'HIS 2027' >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-org role acme/his acme/wang decision-maker --influence high --on 2026-01-01 >/dev/null
kam-org role acme/his acme/li technical --lead --on 2026-01-01 >/dev/null
kam-org role acme/his acme/chen finance --influence low --on 2026-01-01 >/dev/null
kam-org role acme/his acme/chen business --influence medium --on 2026-01-01 >/dev/null
for k in need budget timeline fit gaps resources position differentiation \
  capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
kam-gate answer acme/his criteria-known partly --on 2026-02-01 --evidence 'two of five criteria'
kam-gate answer acme/his price no --on 2026-02-01 --evidence '15% above Oracle'
kam-gate answer acme/his profit no --on 2026-02-01 --evidence 'thin margin'
kam-stance set acme/wang neutral --on 2026-02-01 >/dev/null
kam-stance set acme/li support --on 2026-02-01 >/dev/null
kam-stance set acme/li neutral --toward orcl --on 2026-02-01 >/dev/null
kam-stance set acme/chen oppose --toward orcl --on 2026-02-01 >/dev/null

# Table, JSON, TSV, CSV; each stores a run unless --dry-run.
run table 20 kam-gate -F table run acme/his --exit-status
expect_out table gate-run.table
run json 0 kam-gate -F json run acme/his
expect_out json gate-run.json
run tsv 0 kam-gate run acme/his --dry-run
expect_out tsv gate-run.tsv
run csv 0 kam-gate run acme/his -F csv --dry-run
expect_out csv gate-run.csv
# The second run found the same as the first: one run, checked again.
expect_sql runs "SELECT id, deal_id, number, as_of, recorded, checked, actor, verdict FROM gate_run" \
  "1|1|1|2026-03-02|2026-03-02T09:00:00Z|2026-03-02T09:00:00Z|tester|pursue-limited"
grep -q '^Stored as run 1\.$' "$T/table.out" || fail "table: not stored as run 1"
# The snapshot is the JSON that run prints.
sql "SELECT snapshot FROM gate_run WHERE id = 1" >"$T/snap.out"
printf '\n' >>"$T/json.out"
if ! cmp -s "$T/snap.out" "$T/json.out"; then fail "snapshot: differs from run -F json"; fi
expect_sql snap-json "SELECT json_extract(snapshot, '\$.gates[2].criteria[1].source'),
  json_extract(snapshot, '\$.gates[2].criteria[1].answer') FROM gate_run WHERE id = 1" \
  "computed|partly"
# Exactly the documented keys.
sql "SELECT snapshot FROM gate_run WHERE id = 1" >"$T/run1.json"
expect_sql keys "SELECT group_concat(key, ',') FROM (SELECT DISTINCT j.key FROM
  json_tree(readfile('$T/run1.json')) j WHERE j.key GLOB '[a-z]*' ORDER BY j.key)" \
  "answer,as_of,criteria,currency,deal,evidence,expected_value,gate,gates,investment,key,level,name,profile,pursuit_cost,reasons,score,source,status,value,verdict,win_likelihood"

# A deal with nothing known: qualify, exit status 21 with --exit-status.
run empty 21 kam-gate run acme/erp --exit-status --dry-run -F json
expect_out empty gate-run-empty.json
run empty2 0 kam-gate run acme/erp --dry-run
# Drop: 22.
kam-gate answer acme/his side-effects no --on 2026-03-01 --evidence 'hurts our partner Beta'
run drop 22 kam-gate run acme/his --exit-status --dry-run -F table
expect_out drop gate-run-drop.table
# Pursue: 0.
kam-gate answer acme/his side-effects yes
kam-gate answer acme/his price partly
kam-stance set acme/wang support --on 2026-03-02 >/dev/null
run pursue 0 kam-gate run acme/his --exit-status --dry-run -F table
expect_out pursue gate-run-pursue.table
# An earlier day: what was in force then.
run before 20 kam-gate run acme/his --exit-status --dry-run --as-of 2026-02-15 -F json
grep -q '"as_of": "2026-02-15"' "$T/before.out" || fail "before: as_of"

snapshot
run future 3 kam-gate run acme/his --as-of 2026-03-03
expect_err future "kam-gate: date '2026-03-03' for --as-of is in the future (today is 2026-03-02)"
run impossible 3 kam-gate run acme/his --as-of 2026-13-01
expect_err impossible "kam-gate: impossible date '2026-13-01' for --as-of"
run unknown 4 kam-gate run acme/hiss
expect_err unknown "kam-gate: unknown deal 'acme/hiss' (did you mean 'acme/his'?)"
run invalid 3 kam-gate run 'acme/h s'
expect_err invalid "kam-gate: invalid deal 'acme/h s' (write ACCOUNT/HANDLE or HANDLE)"
run missing 2 kam-gate run
head -1 "$T/missing.err" >"$T/missing.err1" && mv "$T/missing.err1" "$T/missing.err"
expect_err missing "kam-gate: missing DEAL"
run extra 2 kam-gate run acme/his acme/erp
head -1 "$T/extra.err" >"$T/extra.err1" && mv "$T/extra.err1" "$T/extra.err"
expect_err extra "kam-gate: unexpected 'acme/erp'"
run bad-format 2 kam-gate run acme/his -F yaml
head -1 "$T/bad-format.err" >"$T/bad-format.err1" && mv "$T/bad-format.err1" "$T/bad-format.err"
expect_err bad-format "kam-gate: unknown format 'yaml' (use table, tsv, csv or json)"
unchanged bad-input

# Someone who left the client is no longer in the buying group.
kam-org person leave acme/chen --on 2026-03-01 >/dev/null
run left 0 kam-gate run acme/his --dry-run -F json
grep -q '"evidence": "influence-weighted support +1.00 among the 2 of 2 people whose stance we know (2 support, 0 neutral, 0 oppose); the lead, Li Na (acme/li), counts 1.50 times"' \
  "$T/left.out" || fail "left: acme/chen still counted"
run before-left 0 kam-gate run acme/his --dry-run -F json --as-of 2026-02-28
grep -q 'among the 2 of 3 people' "$T/before-left.out" || fail "before-left: acme/chen not counted"

# A read-only store: --dry-run still works, a stored run is refused
# (a file's mode: SQLite only).
if db_is_pg; then
  :
elif ! chmod 0400 "$KAM_DB" || [ -w "$KAM_DB" ]; then
  :  # running as root: permissions do not apply
else
  run ro 0 kam-gate run acme/his --dry-run
  run ro2 9 kam-gate run acme/his
  expect_err ro2 "kam-gate: store '$KAM_DB' is not writable"
fi
db_is_pg || chmod 0600 "$KAM_DB"

done_testing
