#!/bin/sh
# Stale intelligence: what a key person (decision-maker, lead, high
# influence) was last observed to think more than stale.days (90) before
# the assessment is a question again, not an answer: "can we win?" is
# open (qualify), and the reason names them.  Exactly 90 days is fresh,
# 91 is not; the setting moves the line; members who are not key are
# only flagged; a recent observation, toward us or a competitor, or an
# assumed stance makes it fresh; a sure loss needs fresh stances too.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme KAM_NOW=2026-06-01
ALL="need budget timeline fit gaps criteria-known resources position
  differentiation price profit capital side-effects strategy importance"
# deal NAME DATE: a deal whose group all backs us and whose every answer
# is yes, all observed and answered on DATE.
deal() {
  kam-org deal add "$1" --name "$1" --value 1000000 --currency USD
  kam-org role "$1" ceo decision-maker --influence high
  kam-org role "$1" cto technical --influence high --lead
  kam-org role "$1" cfo finance --influence high
  kam-org role "$1" eng technical
  for p in ceo cto cfo eng; do kam-stance set $p support --deal "$1" --on "$2"; done
  for k in $ALL; do kam-gate answer "$1" $k yes --on "$2"; done
}
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rival --name RivalCo
  for p in ceo cto cfo eng; do kam-org person add $p --name P-$p --level 2; done
  deal old 2024-06-01
  deal edge 2026-03-03
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

j() {
  sql "SELECT json_extract(readfile('$T/$1.out'), '$2')"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}
# line NAME: verdict, investment level, gate 3's status.
line() {
  echo "$(j "$1" '$.verdict') $(j "$1" '$.investment.level') $(j "$1" '$.gates[2].status')"
}

# Everything two years old: the question is open again.
run old 21 kam-gate run old --dry-run --exit-status -F table
expect_out old gate-stale-stances.table

# Exactly 90 days: fresh; 91: stale.
run edge-90 0 kam-gate run edge --dry-run --exit-status -F json
check edge-90 "$(line edge-90)" "pursue full pass"
run edge-91 21 env KAM_NOW=2026-06-02 kam-gate run edge --dry-run --exit-status -F json
check edge-91 "$(line edge-91)" "qualify minimal open"
check edge-91-coverage "$(sql "SELECT json_extract(c.value, '\$.answer') FROM
  json_each(readfile('$T/edge-91.out'), '\$.gates[2].criteria') c
  WHERE json_extract(c.value, '\$.key') = 'coverage'")" no
# The setting moves the line, and back.
kam-gate setting stale.days 91
run edge-setting 0 env KAM_NOW=2026-06-02 kam-gate run edge --dry-run --exit-status -F json
check edge-setting "$(line edge-setting)" "pursue full pass"
kam-gate setting stale.days --reset

# One key person stale is enough; a member who is not key only raises
# the red flag.
kam-stance set ceo support --deal edge --on 2026-05-30 >/dev/null
kam-stance set cto support --deal edge --on 2026-05-30 >/dev/null
run one 21 env KAM_NOW=2026-06-02 kam-gate run edge --dry-run --exit-status -F json
check one "$(j one '$.gates[2].reasons[0]')" \
  "what we know of P-cfo (acme/cfo, high influence, last observed 2026-03-03, 91 days before 2026-06-02) is more than 90 days old: find out before judging"
# The plan says the same: find out again where P-cfo stands, the day
# after stale.days, not on it.
run plan-91 0 env KAM_NOW=2026-06-02 kam-gate plan edge -F tsv
grep acme/cfo "$T/plan-91.out" | cut -f7-9 >"$T/plan-91-cfo.out"
expect_text plan-91-cfo "find-out	find out where they stand now: what we know is out of date	supported us, last observed 2026-03-03, 91 days before 2026-06-02 (more than 90)"
run plan-90 0 kam-gate plan edge -F tsv
check plan-90 "$(grep acme/cfo "$T/plan-90.out" | cut -f7)" sponsor
kam-stance set cfo support --deal edge --on 2026-05-30 >/dev/null
run not-key 0 env KAM_NOW=2026-06-02 kam-gate run edge --dry-run --exit-status -F json
check not-key "$(line not-key)" "pursue full pass"
run not-key-check 1 env KAM_NOW=2026-06-02 kam-org check edge
expect_text not-key-check "flag	subject	message
no-business	acme/edge	deal 'acme/edge' has no business role holder
no-coach	acme/edge	deal 'acme/edge' has no coach
stale-stance	acme/eng	the latest observation of P-eng (acme/eng), of the buying group of 'acme/edge', is from 2026-03-03, 91 days before 2026-06-02 (more than 90)"

# The lead is key whatever its influence.
kam-org role edge cto technical --influence low --lead >/dev/null
run lead 21 env KAM_NOW=2026-09-01 kam-gate run edge --dry-run --exit-status \
  --assume-stance ceo=support --assume-stance cfo=support -F json
check lead "$(j lead '$.gates[2].reasons[0]')" \
  "what we know of P-cto (acme/cto, low influence, lead, last observed 2026-05-30, 94 days before 2026-09-01) is more than 90 days old: find out before judging"

# A recent observation toward a competitor is news of them too; an
# assumed stance is as fresh as the assessment.
kam-stance set ceo neutral --toward rival --deal old --on 2026-05-20 >/dev/null
for p in cto cfo; do kam-stance set $p support --deal old --on 2026-05-20 >/dev/null; done
run toward 0 kam-gate run old --dry-run --exit-status -F json
check toward "$(line toward)" "pursue full pass"
run assumed-old 21 env KAM_NOW=2026-09-01 kam-gate run old --dry-run --exit-status -F json
check assumed-old "$(j assumed-old '$.gates[2].reasons[0]' | cut -c1-118)" \
  "what we know of P-ceo (acme/ceo, high influence, decision-maker, last observed 2026-05-20, 104 days before 2026-09-01)"
run assumed-new 21 env KAM_NOW=2026-09-01 kam-gate run old --dry-run --exit-status \
  --assume-stance ceo=support -F json
check assumed-new "$(j assumed-new '$.gates[2].reasons[0]')" \
  "what we know of P-cfo (acme/cfo, high influence, last observed 2026-05-20, 104 days before 2026-09-01) and P-cto (acme/cto, high influence, lead, last observed 2026-05-20, 104 days before 2026-09-01) is more than 90 days old: find out before judging"

# A sure loss rests on what we know now: the decision-maker against us
# and for the rival, observed 90 days ago, drops the deal; a day later it
# is a question again, and the plan and the verdict agree: find out.
kam-org deal add lost --name lost --value 1000000 --currency USD >/dev/null
kam-org role lost ceo decision-maker --influence high >/dev/null
kam-org role lost cto technical --influence high --lead >/dev/null
for k in $ALL; do kam-gate answer lost $k yes --on 2026-03-03 >/dev/null; done
kam-stance set ceo oppose --deal lost --on 2026-03-03 >/dev/null
kam-stance set ceo support --toward rival --deal lost --on 2026-03-03 >/dev/null
kam-stance set cto neutral --deal lost --on 2026-05-30 >/dev/null
run lost-90 22 kam-gate run lost --dry-run --exit-status -F json
check lost-90 "$(line lost-90)" "drop none fail"
check lost-90-why "$(j lost-90 '$.gates[2].reasons[0]' | cut -d: -f1)" \
  "sure loss by rule decision-maker-lost"
run lost-91 21 env KAM_NOW=2026-06-02 kam-gate run lost --dry-run --exit-status -F json
check lost-91 "$(line lost-91)" "qualify minimal open"
check lost-91-why "$(j lost-91 '$.gates[2].reasons[0]')" \
  "what we know of P-ceo (acme/ceo, high influence, decision-maker, last observed 2026-03-03, 91 days before 2026-06-02) is more than 90 days old: find out before judging"
run lost-91-plan 0 env KAM_NOW=2026-06-02 kam-gate plan lost -F tsv
check lost-91-plan "$(grep acme/ceo "$T/lost-91-plan.out" | cut -f7)" find-out

expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
