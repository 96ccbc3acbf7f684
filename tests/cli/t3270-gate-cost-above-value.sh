#!/bin/sh
# A pursuit that costs more than the deal is worth fails "is it worth
# winning?" at any odds (drop), even while other gates are still open; a
# cost equal to the value does not fail, and is judged by the expected
# value against the cost (weak when below it, as before).  The smallest
# amount above the value on one side, the value itself on the other.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme KAM_NOW=2026-06-01
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rival --name RivalCo
  for p in ceo cto cfo eng; do kam-org person add $p --name P-$p --level 2; done
  for d in good thin; do
    kam-org deal add $d --name $d --value 1000000 --currency USD
    kam-org role $d ceo decision-maker --influence high
    kam-org role $d cto technical --influence high --lead
    kam-org role $d cfo finance --influence high
    kam-org role $d eng technical
    for k in need budget timeline fit gaps criteria-known resources position \
      differentiation price profit capital side-effects strategy importance; do
      kam-gate answer $d $k yes --on 2026-05-01
    done
  done
  for p in ceo cto cfo eng; do kam-stance set $p support --deal good --on 2026-05-01; done
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

j() {
  sql "SELECT json_extract(readfile('$T/$1.out'), '$2')"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}
# ev NAME: the expected-value criterion's "answer|evidence".
ev() {
  sql "SELECT json_extract(c.value, '\$.answer') || '|' || json_extract(c.value, '\$.evidence')
    FROM json_each(readfile('$T/$1.out'), '\$.gates[3].criteria') c
    WHERE json_extract(c.value, '\$.key') = 'expected-value'"
}
# line NAME: verdict, investment level and the gates' statuses.
line() {
  echo "$(j "$1" '$.verdict') $(j "$1" '$.investment.level') $(sql "SELECT group_concat(json_extract(g.value, '\$.status'), ',')
    FROM json_each(readfile('$T/$1.out'), '\$.gates') g")"
}

# Nine times the value: dropped.
kam-org deal set good --value 100000 --cost 900000
run nine 22 kam-gate run good --dry-run --exit-status -F table
expect_out nine gate-cost-nine-times.table

# One cent above the value: dropped; at the value, with a certain win:
# the expected value covers it.
kam-org deal set good --cost 100000.01
run above 22 kam-gate run good --dry-run --exit-status -F json
check above "$(line above)" "drop none pass,pass,pass,fail"
check above-ev "$(ev above)" "no|the pursuit cost 100000.01 exceeds the deal's value 100000"
kam-org deal set good --cost 100000
run at 0 kam-gate run good --dry-run --exit-status -F json
check at "$(line at)" "pursue full pass,pass,pass,pass"
check at-ev "$(ev at)" "yes|expected value 100000 (value 100000 x win likelihood 1.00) covers the pursuit cost 100000"
# At the value with odds below certain: the expected value is below the
# cost, which holds the gate weak, as before.
run at-odds 20 kam-gate run good --dry-run --exit-status --assume-answer price=partly -F json
check at-odds "$(line at-odds)" "pursue-limited limited pass,pass,pass,weak"
check at-odds-ev "$(ev at-odds)" "no|expected value 93000 (value 100000 x win likelihood 0.93) is below the pursuit cost 100000"
check at-odds-reason "$(j at-odds '$.gates[3].reasons[0]')" \
  "the expected value does not cover the cost of pursuit: weak at best, invest less"

# Before anything of the group is known (gate 3 open), a cost above the
# value drops it all the same; at the value it waits (qualify).
kam-org deal set thin --cost 1000000.01
run thin 22 kam-gate run thin --dry-run --exit-status -F json
check thin "$(line thin)" "drop none pass,pass,open,fail"
check thin-sentence "$(j thin '$.investment.win_likelihood')" ""
kam-org deal set thin --cost 1000000
run thin-at 21 kam-gate run thin --dry-run --exit-status -F json
check thin-at "$(line thin-at)" "qualify minimal pass,pass,open,pass"
check thin-at-ev "$(ev thin-at)" "unknown|no win likelihood: gate 3 is open"

expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
