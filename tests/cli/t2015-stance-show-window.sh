#!/bin/sh
# kam-stance show --as-of around the edge of the last quarter before the
# day: a team store looks first among the rows effective in the 92 days
# up to the day, then before them; on both engines the row in force is
# the latest, wherever it lies.
. "$(dirname "$0")/lib.sh"

at() { KAM_NOW=$1; export KAM_NOW; shift; "$@" >/dev/null || fail "setup: $*"; }

at 2025-01-01T09:00:00Z kam-org init
at 2025-01-01T09:00:00Z kam-org account add acme --name Acme
for p in a-edge b-out c-in d-retract e-correct f-later g-deal h-known; do
  at 2025-01-01T09:00:00Z kam-org person add acme/$p --name "$p"
done
at 2025-01-01T09:00:00Z kam-org competitor add rivalco --name RivalCo
at 2025-01-01T09:00:00Z kam-org deal add acme/his --name HIS
at 2025-01-01T09:00:00Z kam-org role acme/his acme/g-deal finance
# The day is 2026-04-02; the window's first day 2025-12-31.
at 2026-05-01T09:00:00Z kam-stance set acme/a-edge oppose --on 2025-06-01
at 2026-05-01T09:00:00Z kam-stance set acme/a-edge support --on 2025-12-31
at 2026-05-01T09:00:00Z kam-stance set acme/b-out oppose --on 2025-06-01
at 2026-05-01T09:00:00Z kam-stance set acme/b-out neutral --on 2025-12-30
at 2026-05-01T09:00:00Z kam-stance set acme/c-in oppose --on 2025-12-30
at 2026-05-01T09:00:00Z kam-stance set acme/c-in support --on 2026-01-01
at 2026-05-01T09:00:00Z kam-stance set acme/d-retract neutral --on 2025-10-01
at 2026-05-01T09:00:00Z kam-stance set acme/d-retract support --on 2026-03-01
at 2026-05-01T09:00:00Z kam-stance set acme/e-correct support --on 2026-02-01
at 2026-05-01T09:00:00Z kam-stance set acme/f-later support --on 2026-04-03
at 2026-05-01T09:00:00Z kam-stance set acme/g-deal oppose --on 2026-03-15
at 2026-05-01T09:00:00Z kam-stance set acme/g-deal support --deal his --on 2025-05-01
at 2026-05-01T09:00:00Z kam-stance set acme/h-known neutral --on 2025-01-10
at 2026-05-01T09:00:00Z kam-stance set acme/a-edge + --toward rivalco --on 2025-03-01
at 2026-05-01T09:00:00Z kam-stance set acme/b-out - --toward rivalco --on 2026-04-02
# The row in the window withdrawn (8), the one before it stands; a
# correction that moves a row to before the window (17), and a row in
# the window recorded after the time asked about (18).
at 2026-05-02T09:00:00Z kam-stance retract 8 --why misheard
at 2026-05-02T09:00:00Z kam-stance correct 9 oppose --on 2025-11-01 --why 'it was in November'
at 2026-05-03T09:00:00Z kam-stance set acme/h-known support --on 2026-03-01
KAM_NOW=2026-06-01T09:00:00Z
export KAM_NOW

run day 0 kam-stance show acme --as-of 2026-04-02
expect_text day "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/a-edge	a-edge	support	2025-12-31			tester	2026-05-01T09:00:00Z	2
acme/b-out	b-out	neutral	2025-12-30			tester	2026-05-01T09:00:00Z	4
acme/c-in	c-in	support	2026-01-01			tester	2026-05-01T09:00:00Z	6
acme/d-retract	d-retract	neutral	2025-10-01			tester	2026-05-01T09:00:00Z	7
acme/e-correct	e-correct	oppose	2025-11-01			tester	2026-05-02T09:00:00Z	17
acme/f-later	f-later	unknown						
acme/g-deal	g-deal	oppose	2026-03-15			tester	2026-05-01T09:00:00Z	11
acme/h-known	h-known	support	2026-03-01			tester	2026-05-03T09:00:00Z	18"
# The deal's own stance, from before the window, comes first.
run deal 0 kam-stance show acme/his --as-of 2026-04-02
expect_text deal "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/g-deal	g-deal	support	2025-05-01		acme/his	tester	2026-05-01T09:00:00Z	12"
# As known before the retraction, the correction and h-known's second row.
run known 0 kam-stance show acme --as-of 2026-04-02 --known-at 2026-05-01T23:59:59Z
expect_text known "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/a-edge	a-edge	support	2025-12-31			tester	2026-05-01T09:00:00Z	2
acme/b-out	b-out	neutral	2025-12-30			tester	2026-05-01T09:00:00Z	4
acme/c-in	c-in	support	2026-01-01			tester	2026-05-01T09:00:00Z	6
acme/d-retract	d-retract	support	2026-03-01			tester	2026-05-01T09:00:00Z	8
acme/e-correct	e-correct	support	2026-02-01			tester	2026-05-01T09:00:00Z	9
acme/f-later	f-later	unknown						
acme/g-deal	g-deal	oppose	2026-03-15			tester	2026-05-01T09:00:00Z	11
acme/h-known	h-known	neutral	2025-01-10			tester	2026-05-01T09:00:00Z	13"
run toward 0 kam-stance show acme --as-of 2026-04-02 --toward rivalco
expect_text toward "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/a-edge	a-edge	support	2025-03-01	rivalco		tester	2026-05-01T09:00:00Z	14
acme/b-out	b-out	oppose	2026-04-02	rivalco		tester	2026-05-01T09:00:00Z	15
acme/c-in	c-in	unknown		rivalco				
acme/d-retract	d-retract	unknown		rivalco				
acme/e-correct	e-correct	unknown		rivalco				
acme/f-later	f-later	unknown		rivalco				
acme/g-deal	g-deal	unknown		rivalco				
acme/h-known	h-known	unknown		rivalco				"
# Everyone, as of the window's first day and the day before it.
run edge 0 kam-stance show --as-of 2025-12-31
run before-edge 0 kam-stance show --as-of 2025-12-30
grep '^acme/a-edge' "$T/edge.out" | cut -f3,4 | grep -qx 'support	2025-12-31' ||
  fail "edge: a-edge is not support since 2025-12-31"
grep '^acme/a-edge' "$T/before-edge.out" | cut -f3,4 | grep -qx 'oppose	2025-06-01' ||
  fail "before-edge: a-edge is not oppose since 2025-06-01"

done_testing
