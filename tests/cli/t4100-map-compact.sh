#!/bin/sh
# kam-map --layout compact (the default) and wide: which reports are
# stacked under their manager, on one side or both, in what order, in
# stacks of at most ten rows; the reporting lines of the DOT; and the
# shape of a 71-lawyer firm's chart, read from the PNG's header.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# A boss over five managers: m1 has 4 leaves (both sides), m2 3 and m3 2
# (one side), m4 1 (no stack); m5 is a leaf of the boss, alone (no
# stack).  m1's leaves: a1, a2, a4 on level 3, a3 without a level.  c1
# has a dotted line to m1; c2 has left.  m6 has 21 leaves: three stacks.
{
  kam-org init &&
  kam-org account add co --name 'Co' &&
  kam-org person add co/boss --name Boss --level 1 &&
  for m in m1 m2 m3 m4 m5 m6; do
    kam-org person add co/$m --name "Manager $m" --level 2 --reports-to co/boss || exit 1
  done &&
  kam-org person add co/a1 --name A1 --level 3 --reports-to co/m1 &&
  kam-org person add co/a2 --name A2 --level 3 --reports-to co/m1 &&
  kam-org person add co/a3 --name A3 --reports-to co/m1 &&
  kam-org person add co/a4 --name A4 --level 3 --reports-to co/m1 &&
  kam-org person add co/b1 --name B1 --level 3 --reports-to co/m2 &&
  kam-org person add co/b2 --name B2 --level 3 --reports-to co/m2 &&
  kam-org person add co/b3 --name B3 --level 3 --reports-to co/m2 &&
  kam-org person add co/c1 --name C1 --level 3 --reports-to co/m3 \
    --dotted-to co/m1 &&
  kam-org person add co/c2 --name C2 --level 3 --reports-to co/m3 &&
  kam-org person leave co/c2 --on 2026-02-01 &&
  kam-org person add co/d1 --name D1 --level 3 --reports-to co/m4 &&
  for i in $(seq 10 30); do
    kam-org person add co/e$i --name "E$i" --level 3 --reports-to co/m6 || exit 1
  done
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# edges NAME: "tail head" of every visible edge, then "tail head invis".
edges() {
  awk '
    /^\t[^\t]+ -> [^\t]+\t\[/ { e = $0; while (e !~ /\];$/) { getline l; e = e l } }
    /^\t[^\t]+ -> [^\t]+;$/ { e = $0 }
    e != "" {
      split(e, p, /[\t ]+/); s = ""
      if (e ~ /style=invis/) s = " invis"
      else if (e ~ /style=dashed/) s = " dashed"
      print p[2], p[4] s; e = ""
    }' "$T/$1.out" | sort
}
# members NAME SUBGRAPH: the nodes of a subgraph, sorted (which side a
# report is on, the edges say: left -> point -> right).
members() {
  awk -v want="subgraph $2 {" '
    index($0, want) { match($0, /^\t*/); in_ = RLENGTH; on = 1; next }
    !on { next }
    { match($0, /^\t*/); d = RLENGTH }
    d == in_ && /^\t*}/ { exit }
    d == in_ + 1 && $0 !~ /^\t*(graph |\]|subgraph )/ && /^\t*[^\t]+(\t|;)/ {
      l = $0; sub(/^\t*/, "", l); sub(/[\t;].*/, "", l); print l }
  ' "$T/$1.out" | sort | tr '\n' ' '
}
has_edge() { # has_edge NAME "tail head[ style]"
  count=$((count + 1))
  edges "$1" | grep -qx -- "$2" || fail "$1: no edge '$2'"
}
no_edge() {
  count=$((count + 1))
  edges "$1" | grep -qx -- "$2" && fail "$1: an edge '$2'"
}
expect_members() { # expect_members NAME SUBGRAPH "a b c "
  count=$((count + 1))
  got=$(members "$1" "$2")
  [ "$got" = "$3" ] || fail "$1: $2 holds '$got', expected '$3'"
}

run compact 0 kam-map --view org --no-legend co
# Four leaves: two rows, both sides; by level, then handle (a3 has none).
expect_members compact _stack_m1_0 "_bus_m1_0 a1 a2 "
expect_members compact _stack_m1_1 "_bus_m1_1 a3 a4 "
has_edge compact "m1 _bus_m1_0"
has_edge compact "_bus_m1_0 _bus_m1_1"
has_edge compact "a1 _bus_m1_0"
has_edge compact "_bus_m1_0 a2"
has_edge compact "a4 _bus_m1_1"
has_edge compact "_bus_m1_1 a3"
no_edge compact "m1 a1"
# The sides of the first row are held by invisible edges from the
# manager; further down, the rows' own lines hold them.
has_edge compact "m1 a1 invis"
has_edge compact "m1 a2 invis"
no_edge compact "a1 a4 invis"
no_edge compact "a2 a3 invis"
# Three leaves: one side, three rows.
expect_members compact _stack_m2_0 "_bus_m2_0 b1 "
has_edge compact "_bus_m2_0 b1"
has_edge compact "_bus_m2_2 b3"
expect_members compact _stack_m2_2 "_bus_m2_2 b3 "
count=$((count + 1))
grep -q '_bus_m2_3' "$T/compact.out" && fail "compact: m2 has a fourth row"
# Two leaves (c2 has left but is drawn): one side, two rows.
expect_members compact _stack_m3_1 "_bus_m3_1 c2 "
has_edge compact "_bus_m3_1 c2"
# The dotted line is drawn as it was.
has_edge compact "m1 c1 dashed"
# One leaf, and a lone leaf of the boss: no stack.
has_edge compact "m4 d1"
has_edge compact "boss m5"
count=$((count + 1))
grep -q '_bus_m4_\|_bus_boss_' "$T/compact.out" && fail "compact: a stack of one"
# The managers with reports of their own keep their row.
expect_members compact _level_2 "m1 m2 m3 m4 m5 m6 "
expect_members compact _level_3 "d1 "
# 21 leaves: stacks of at most ten rows (twenty leaves), the first the
# fullest: 11 leaves on the points 0-5, 10 on the points 6-10, each
# stack with its own line down from the manager, side by side: a row of
# the manager holds that row of both, the first stack's last report
# before the second's first.
has_edge compact "m6 _bus_m6_0"
has_edge compact "m6 _bus_m6_6"
no_edge compact "_bus_m6_5 _bus_m6_6"
expect_members compact _stack_m6_0 "_bus_m6_0 _bus_m6_6 e10 e11 e21 e22 "
has_edge compact "e11 e21 invis"
has_edge compact "e21 _bus_m6_6"
has_edge compact "_bus_m6_6 e22"
expect_members compact _stack_m6_4 "_bus_m6_10 _bus_m6_4 e18 e19 e29 e30 "
has_edge compact "e19 e29 invis"
expect_members compact _stack_m6_5 "_bus_m6_5 e20 "
has_edge compact "e20 _bus_m6_5"
count=$((count + 1))
grep -q '_stack_m6_6' "$T/compact.out" && fail "compact: m6 has a seventh row"
count=$((count + 1))
grep -q '_bus_m6_11' "$T/compact.out" && fail "compact: m6 has a twelfth point"
# The rows sit in groups (_stacks_N, then _stacks_N_M, sixteen to a
# group), not at the top: agwrite asks each subgraph of a graph about
# each node and edge.
count=$((count + 1))
grep -q '^	subgraph _stack_' "$T/compact.out" && fail "compact: a row at the top"
count=$((count + 1))
grep -q '^			subgraph _stack_m1_0 {' "$T/compact.out" ||
  fail "compact: m1's first row is not in a group"
count=$((count + 1))
[ "$(grep -c '^	subgraph _stacks_[0-9]* {' "$T/compact.out")" = 1 ] &&
  [ "$(grep -c '^		subgraph _stacks_0_[0-9]* {' "$T/compact.out")" = 1 ] &&
  [ "$(grep -c '^			subgraph _stack_' "$T/compact.out")" = 13 ] ||
  fail "compact: not 13 rows in 1 group of 1"
# Stacked rows sit closer.
count=$((count + 1))
grep -q 'ranksep=0.3' "$T/compact.out" || fail "compact: no ranksep"

# Without c2 (--hide-left), m3 has one leaf: no stack.
run hide 0 kam-map --view org --hide-left --no-legend co
has_edge hide "m3 c1"
count=$((count + 1))
grep -q '_bus_m3_' "$T/hide.out" && fail "hide: m3 still stacks one"

# Wide: every report on its level's row, a line each.
run wide 0 kam-map --view org --layout wide --no-legend co
count=$((count + 1))
grep -q '_bus_\|_stack_\|ranksep' "$T/wide.out" && fail "wide: a stack"
has_edge wide "m1 a1"
has_edge wide "m1 a3"
has_edge wide "m2 b3"
has_edge wide "m6 e30"
expect_members wide _level_3 "a1 a2 a4 b1 b2 b3 c1 c2 d1 e10 e11 e12 e13 e14 e15 e16 e17 e18 e19 e20 e21 e22 e23 e24 e25 e26 e27 e28 e29 e30 "

# The same in the all view; and with LR, the stacks run across.
run all 0 kam-map --no-legend co
expect_members all _stack_m1_0 "_bus_m1_0 a1 a2 "
has_edge all "a1 _bus_m1_0"
run lr 0 kam-map --view org --rankdir LR --no-legend co
expect_members lr _stack_m1_0 "_bus_m1_0 a1 a2 "

# Deterministic.
run again 0 kam-map --view org --no-legend co
count=$((count + 1))
cmp -s "$T/compact.out" "$T/again.out" || fail "again: not the same bytes"

run bad 2 kam-map --layout tall co
expect_err bad "kam-map: unknown layout 'tall' (use compact or wide)"
count=$((count + 1))
[ -s "$T/bad.out" ] && fail "bad: printed something"

# The firm of examples/lawfirm: 71 lawyers, 28 under one head.
X="$KAM_SRCDIR/examples/lawfirm"
export KAM_DB="$T/firm.db"
{
  kam-org init &&
  kam-org account add sgr --name 'SG&R' &&
  awk -F, -f "$X/ranks.awk" "$X/lazega-people.csv" >"$T/people.csv" &&
  kam-org import sgr "$T/people.csv"
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }
# size FILE: "W H" from the PNG header.
size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $3 * 256 + $4, $7 * 256 + $8 }'
}
run firm 0 kam-map --view org -o "$T/firm.png" sgr
count=$((count + 1))
set -- $(size "$T/firm.png")
[ "$1" -le $(( $2 * 24 / 10 )) ] || fail "firm: $1 x $2 is wider than 2.4:1"
count=$((count + 1))
[ "$1" -ge "$2" ] || fail "firm: $1 x $2 is taller than wide"
run firm-wide 0 kam-map --view org --layout wide -o "$T/firm-wide.png" sgr
count=$((count + 1))
set -- $(size "$T/firm-wide.png")
[ "$1" -gt $(( $2 * 10 )) ] || fail "firm-wide: $1 x $2 is not a strip"
# On a 16:9 slide at 1920 x 1080 (144 dpi, 2 pixels a point), the names
# (12 points bold) are drawn at least 13 pixels high.
run firm-slide 0 kam-map --view org --fit 16:9 -o "$T/firm-slide.png" sgr
count=$((count + 1))
[ "$(size "$T/firm-slide.png")" = "1920 1080" ] ||
  fail "firm-slide: $(size "$T/firm-slide.png")"
run firm-svg 0 kam-map --view org --fit 16:9 -T svg sgr
count=$((count + 1))
scale=$(grep -o 'transform="scale([0-9.]*' "$T/firm-svg.out" | head -1 |
  sed 's/.*(//')
awk -v s="$scale" 'BEGIN { exit !(12 * s * 2 >= 13) }' ||
  fail "firm-svg: names drawn at $scale x 24 pixels"

done_testing
