#!/bin/sh
# Every threshold of the rules at its exact value and on both sides,
# through the command line: a gate score equal to the fail threshold
# passes (and fails one hundredth above it), a gate-3 score equal to the
# strong threshold is strong, an unknown must-criterion leaves a gate
# open however small its share, the unknown share at unknown.max, the
# lead's factor, and the relationship thresholds.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
export KAM_ACCOUNT=acme
{
  kam-org person add dm --name DM
  kam-org person add li --name Li
  kam-org person add wu --name Wu
  kam-org deal add his --name HIS
  kam-org role his dm decision-maker --influence high
  kam-org role his li technical --influence medium --lead
  kam-org role his wu business --influence medium
  kam-stance set dm support --on 2026-02-01
  kam-stance set li support --on 2026-02-01
  kam-stance set wu oppose --on 2026-02-01
} >/dev/null
for k in need budget timeline fit gaps criteria-known resources position \
  rival-relationship differentiation price profit capital side-effects strategy importance; do
  kam-gate answer his $k yes --on 2026-02-01
done

# gates NAME: each gate's status and score, "status:score ...".
gates() {
  kam-gate run his --dry-run -F json >"$T/$1.json"
  sql "SELECT group_concat(json_extract(g.value, '\$.status') || ':' ||
    coalesce(json_extract(g.value, '\$.score'), '-'), ' ')
    FROM json_each(readfile('$T/$1.json'), '\$.gates') g"
}
expect() {
  count=$((count + 1))
  got=$(gates "$1")
  [ "$got" = "$2" ] || fail "$1: '$got', expected '$2'"
}
expect all-yes "pass:1.0 pass:1.0 pass:1.0 pass:1.0"

# Gate 2 at exactly 0.50: (1.5 + 1 + 1 + 0) / 7.
kam-gate answer his fit partly --on 2026-02-01
kam-gate answer his resources no --on 2026-02-01
expect fail-at "pass:1.0 pass:0.5 pass:1.0 pass:1.0"
kam-gate setting compete.fail 0.51
expect fail-above "pass:1.0 fail:0.5 not-reached:- not-reached:-"
kam-gate setting compete.fail 0.49
expect fail-below "pass:1.0 pass:0.5 pass:1.0 pass:1.0"
kam-gate setting compete.fail --reset
kam-gate answer his fit yes --on 2026-02-01
kam-gate answer his resources yes --on 2026-02-01

# Our relationships: (3 + 3 - 2) / 8 = 0.50, yes at our-relationship.yes.
run ours 0 kam-gate run his --dry-run -F json
grep -q '"key": "our-relationship", "answer": "yes", "source": "computed", "evidence": "influence-weighted support +0.50 among' \
  "$T/ours.out" || fail "ours: not yes at 0.50"
count=$((count + 1))
kam-gate setting our-relationship.yes 0.51
# (1 + 1.5 + 2 + 2 + 1) / 9 = 0.83 with partly.
expect ours-above "pass:1.0 pass:1.0 pass:0.83 pass:1.0"
# Gate 3 at exactly the strong threshold: strong; one hundredth above:
# weak.
kam-gate setting win.strong 0.83
expect strong-at "pass:1.0 pass:1.0 pass:0.83 pass:1.0"
kam-gate setting win.strong 0.84
expect strong-above "pass:1.0 pass:1.0 weak:0.83 pass:1.0"
kam-gate setting win.strong --reset
kam-gate setting our-relationship.yes --reset
# Without the lead's factor: (3 + 2 - 2) / 7 = 0.43, partly.
kam-gate setting lead.factor 1
expect lead-1 "pass:1.0 pass:1.0 pass:0.83 pass:1.0"
kam-gate setting lead.factor --reset

# An unknown must-criterion, 2 of 9 of gate 4's weight: open.
kam-gate answer his side-effects unknown --on 2026-02-01
expect must-small "pass:1.0 pass:1.0 pass:1.0 open:1.0"
kam-gate answer his side-effects yes --on 2026-02-01
# The unknown share at unknown.max is not above it: 2 of 8 in gate 1.
kam-gate answer his timeline unknown --on 2026-02-01
kam-gate setting unknown.max 0.25
expect share-at "pass:1.0 pass:1.0 pass:1.0 pass:1.0"
kam-gate setting unknown.max 0.24
expect share-above "open:1.0 pass:1.0 pass:1.0 pass:1.0"
kam-gate setting unknown.max --reset

done_testing
