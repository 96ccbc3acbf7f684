#!/bin/sh
# kam-map fades stale stances: a stance that took effect more than
# stale.days before the as-of date is drawn at alpha 70 with a grey
# border and "seen DATE", and the legend says so; exactly stale.days
# old is not stale; the setting moves the line; a map without a date
# fades nothing (the same bytes on any day).  A PNG renders.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_NOW=2026-05-31T09:00:00Z
export KAM_NOW
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
{
  kam-org person add acme/a --name A
  kam-org person add acme/b --name B
  kam-org person add acme/c --name C
  kam-org person add acme/d --name D
  # a: 90 days before 31 May; b: 91; c: never; d: 91 days, then again
  # on 1 May (the newer one is in force).
  kam-stance set acme/a support --on 2026-03-02
  kam-stance set acme/b oppose --on 2026-03-01
  kam-stance set acme/d neutral --on 2026-03-01
  kam-stance set acme/d neutral --on 2026-05-01
} >/dev/null

# node NAME FILE: the DOT statement of one person, on one line.
node() {
  awk -v n="$1" '$0 ~ "^\t" n "\t\\[" { on = 1 } on { printf "%s", $0 }
    on && /\];$/ { exit }' "$2" | tr -d '\t'
  echo
}

run dot 0 kam-map acme
node a "$T/dot.out" >"$T/a.out"
expect_text a 'a[fillcolor="#009E73",label=<<B>✔ A</B>>];'
node b "$T/dot.out" >"$T/b.out"
expect_text b 'b[color="#A0A0A0",fillcolor="#D55E0070",label=<<B>✖ B</B><BR/><FONT POINT-SIZE="10"><I>seen 2026-03-01</I></FONT>>];'
node c "$T/dot.out" >"$T/c.out"
expect_text c 'c[label=<<B>? C</B>>];'
node d "$T/dot.out" >"$T/d.out"
expect_text d 'd[fillcolor="#F0E442",label=<<B>○ D</B>>];'
grep -q '<TD BGCOLOR="#BBBBBB70"><FONT POINT-SIZE="10"><I>seen</I></FONT></TD><TD ALIGN="LEFT">stance seen more than 90 days ago</TD>' "$T/dot.out" ||
  fail "dot: the legend does not say what is stale"
count=$((count + 1))

# One day earlier, b is exactly 90 days old: nothing is stale, and the
# legend has no such item.
run earlier 0 kam-map acme --as-of 2026-05-30
grep -q 'seen' "$T/earlier.out" && fail "earlier: a stale stance at exactly 90 days"
count=$((count + 1))

# The setting: 89 days makes a stale too; 91 makes nothing stale.
kam-gate setting stale.days 89 >/dev/null
run s89 0 kam-map acme
node a "$T/s89.out" >"$T/a89.out"
expect_text a89 'a[color="#A0A0A0",fillcolor="#009E7370",label=<<B>✔ A</B><BR/><FONT POINT-SIZE="10"><I>seen 2026-03-02</I></FONT>>];'
grep -q 'stance seen more than 89 days ago' "$T/s89.out" || fail "s89: legend"
count=$((count + 1))
kam-gate setting stale.days 91 >/dev/null
run s91 0 kam-map acme
grep -q 'seen' "$T/s91.out" && fail "s91: a stale stance within 91 days"
count=$((count + 1))
kam-gate setting stale.days --reset >/dev/null

# Without a date nothing fades: the same bytes a year later.
run none1 0 kam-map --date none acme
KAM_NOW=2027-06-01 run none2 0 kam-map --date none acme
grep -q 'seen' "$T/none1.out" && fail "none1: faded without a date"
cmp -s "$T/none1.out" "$T/none2.out" || fail "none: differs across days"
count=$((count + 2))
# With --date none and --as-of, the day is named: b fades.
run none-asof 0 kam-map --date none --as-of 2026-05-31 acme
node b "$T/none-asof.out" >"$T/bn.out"
cmp -s "$T/bn.out" "$T/b.out" || fail "none-asof: b is not faded"
count=$((count + 1))

# A picture renders.
run png 0 kam-map acme -T png -o "$T/stale.png"
[ -s "$T/stale.png" ] || fail "png: empty"
count=$((count + 1))

done_testing
