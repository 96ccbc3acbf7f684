#!/bin/sh
# Whoever decides, holds the purse or leads the evaluation and opposes us
# holds "can we win?" weak at best (pursue-limited at most), named with
# their role among the reasons, whatever the score; others who oppose us
# weigh only in the score, and a neutral key member holds nothing.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme KAM_NOW=2026-06-01
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rival --name RivalCo
  for p in ceo cto cfo eng; do kam-org person add $p --name P-$p --level 2; done
  kam-org deal add good --name good --value 1000000 --currency USD
  kam-org role good ceo decision-maker --influence high
  kam-org role good cto technical --influence high --lead
  kam-org role good cfo finance --influence high
  kam-org role good eng technical
  for p in ceo cto cfo eng; do kam-stance set $p support --deal good --on 2026-05-01; done
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer good $k yes --on 2026-05-01
  done
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

j() {
  sql "SELECT json_extract(readfile('$T/$1.out'), '$2')"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}
# reasons NAME: gate 3's reasons, one a line.
reasons() {
  sql "SELECT value FROM json_each(readfile('$T/$1.out'), '\$.gates[2].reasons')"
}
# line NAME: verdict, investment level, win likelihood, gate 3's status.
line() {
  echo "$(j "$1" '$.verdict') $(j "$1" '$.investment.level') $(j "$1" '$.investment.win_likelihood') $(j "$1" '$.gates[2].status')"
}

run all 0 kam-gate run good --dry-run --exit-status -F json
check all "$(line all)" "pursue full 1.0 pass"

# The lead and the CFO against us: the score still reaches the strong
# threshold (0.79), but the gate is held weak and both are named.
run both 0 kam-gate run good --dry-run --assume-stance cto=oppose --assume-stance cfo=oppose -F table
expect_out both gate-opposing-lead-cfo.table

# Each alone is enough.
run lead 20 kam-gate run good --dry-run --exit-status --assume-stance cto=oppose -F json
check lead "$(line lead)" "pursue-limited limited 0.5 weak"
check lead-reason "$(reasons lead | head -1)" "evaluation lead P-cto (acme/cto) opposes us: weak at best until that changes"
run cfo 20 kam-gate run good --dry-run --exit-status --assume-stance cfo=oppose -F json
check cfo "$(line cfo)" "pursue-limited limited 0.5 weak"
check cfo-reason "$(reasons cfo | head -1)" "finance P-cfo (acme/cfo) opposes us: weak at best until that changes"

# Recorded, not assumed: the reason says since when.  Whatever the
# influence of the finance member: low holds it too.
kam-stance set cfo oppose --deal good --on 2026-05-20 >/dev/null
kam-org role good cfo finance --influence low >/dev/null
run recorded 20 kam-gate run good --dry-run --exit-status -F json
check recorded "$(line recorded)" "pursue-limited limited 0.5 weak"
check recorded-reason "$(reasons recorded | head -1)" "finance P-cfo (acme/cfo) opposes us (since 2026-05-20): weak at best until that changes"

# One step short of opposing holds nothing: the lead and the CFO neutral.
kam-stance set cfo neutral --deal good --on 2026-05-21 >/dev/null
run neutral 0 kam-gate run good --dry-run --exit-status --assume-stance cto=neutral -F json
# (3 + 0 + 0 + 2) / 10.5 = 0.48: partly, a score of 0.79.
check neutral "$(line neutral)" "pursue full 0.79 pass"
# A technical member who does not lead, against us: in the score only,
# (3 + 4.5 + 0 - 2) / 10.5 = 0.52, still yes.
run eng 0 kam-gate run good --dry-run --exit-status --assume-stance eng=oppose -F json
check eng "$(line eng)" "pursue full 1.0 pass"
check eng-reasons "$(reasons eng)" "score 1.00 reaches the strong threshold 0.75"

# One person who decides and leads, against us: named once, both roles.
kam-org role good ceo technical --influence high --lead >/dev/null
run dm-lead 20 kam-gate run good --dry-run --exit-status --assume-stance ceo=oppose -F json
check dm-lead-reason "$(reasons dm-lead | head -1)" "decision-maker and evaluation lead P-ceo (acme/ceo) opposes us: weak at best until that changes"

expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
