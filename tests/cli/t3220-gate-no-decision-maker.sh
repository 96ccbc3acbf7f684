#!/bin/sh
# Nobody can judge the odds before knowing who decides: a buying group
# with no decision-maker leaves "can we win?" open (verdict qualify), with
# our relationships partly at best and no win likelihood, however warm
# the rest of the group is; naming a decision-maker whose stance we do
# not know keeps it open; knowing where they stand decides it.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme KAM_NOW=2026-06-01
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rival --name RivalCo
  for p in ceo cto cfo eng; do kam-org person add $p --name P-$p --level 2; done
  kam-org deal add nodm --name nodm --value 1000000 --currency USD
  kam-org role nodm cto technical --influence high --lead
  kam-org role nodm cfo finance --influence high
  kam-stance set cto support --deal nodm --on 2026-05-01
  kam-stance set cfo support --deal nodm --on 2026-05-01
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer nodm $k yes --on 2026-05-01
  done
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

# j NAME KEY: a value of the JSON run NAME.
j() {
  sql "SELECT json_extract(readfile('$T/$1.out'), '$2')"
}
# crit NAME KEY: a criterion's "answer|evidence" in the JSON run NAME.
crit() {
  sql "SELECT json_extract(c.value, '\$.answer') || '|' || json_extract(c.value, '\$.evidence')
    FROM json_each(readfile('$T/$1.out'), '\$.gates') g,
      json_each(g.value, '\$.criteria') c WHERE json_extract(c.value, '\$.key') = '$2'"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}

# Everyone we know backs us, every answer is yes, but nobody is named to
# decide: qualify, minimal, no win likelihood and no expected value.
run nodm 21 kam-gate run nodm --dry-run --exit-status -F table
expect_out nodm gate-no-decision-maker.table
run nodm-json 0 kam-gate run nodm --dry-run -F json
check nodm-ours "$(crit nodm-json our-relationship)" "partly|influence-weighted support +1.00 among the 2 of 2 people whose stance we know (2 support, 0 neutral, 0 oppose); the lead, P-cto (acme/cto), counts 1.50 times; no decision-maker is named in the buying group: partly at best"
check nodm-coverage "$(crit nodm-json coverage)" "no|no decision-maker is named in the buying group"
check nodm-likelihood "$(j nodm-json '$.investment.win_likelihood')" ""
check nodm-null "$(sql "SELECT json_type(readfile('$T/nodm-json.out'), '\$.investment.win_likelihood') || ',' ||
  json_type(readfile('$T/nodm-json.out'), '\$.investment.expected_value')")" "null,null"
# kam-org check says the same.
run nodm-check 1 kam-org check nodm
grep -q '^no-decision-maker	' "$T/nodm-check.out" || fail "nodm-check: no no-decision-maker flag"
count=$((count + 1))

# Finding out who decides becomes the first step of the plan, for the
# group, carried by our supporters; and of the memo's plan.
run plan 0 kam-gate plan nodm -F table
expect_out plan gate-plan-no-decision-maker.table
run plan-json 0 kam-gate plan nodm -F json
expect_out plan-json gate-plan-no-decision-maker.json
run memo 0 kam-gate report nodm
sed -n '/^## Plan/,/^## Open questions/p' "$T/memo.out" >"$T/memo-plan.out"
expect_text memo-plan "## Plan

| person | action | what to do | through | carried by |
| --- | --- | --- | --- | --- |
| who decides (nobody is named) | find-decision-maker | find out who decides, and where they stand, before anything else | P-cto (acme/cto), P-cfo (acme/cfo) | - |
| P-cto (acme/cto) | recruit-coach | recruit them as our coach, someone inside who guides us | - | - |
| P-cfo (acme/cfo) | sponsor | develop them into a sponsor who sells for us inside | - | - |

## Open questions"

# A decision-maker named, stance unknown: still open, naming them.
kam-org role nodm ceo decision-maker --influence high >/dev/null
run named 21 kam-gate run nodm --dry-run --exit-status -F json
check named-reason "$(j named '$.gates[2].reasons[0]')" \
  "we do not know where P-ceo (acme/ceo, high influence, decision-maker) stands: find out before judging"
check named-coverage "$(crit named coverage)" "no|we do not know where P-ceo (acme/ceo, high influence, decision-maker) stands"
check named-level "$(j named '$.investment.level')" minimal
# The plan's step for the group is gone; the decision-maker is found out.
run named-plan 0 kam-gate plan nodm -F tsv
check named-plan "$(cut -f1,7 "$T/named-plan.out" | tr '\t\n' ' ;')" \
  "person action;acme/cto recruit-coach;acme/ceo find-out;acme/cfo sponsor;"

# Named and known to back us: every gate passes, win likelihood 1.
kam-stance set ceo support --deal nodm --on 2026-05-01 >/dev/null
run known 0 kam-gate run nodm --dry-run --exit-status -F json
check known-verdict "$(j known '$.verdict') $(j known '$.investment.level') $(j known '$.investment.win_likelihood')" "pursue full 1.0"
check known-ours "$(crit known our-relationship | cut -d'|' -f1)" yes
# Known to be neutral: judged (a neutral decision-maker holds nothing),
# and relationships partly at best while no decision-maker supports us.
run neutral 0 kam-gate run nodm --dry-run --exit-status --assume-stance ceo=neutral -F json
check neutral-gate3 "$(j neutral '$.gates[2].status')" pass
check neutral-ours "$(crit neutral our-relationship | cut -d'|' -f1)" partly

# Nothing was stored by a dry run.
expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
