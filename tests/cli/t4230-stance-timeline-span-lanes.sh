#!/bin/sh
# kam-stance timeline pictures of any length and size: the axis is
# labelled at every span, its ticks a month, a quarter, half a year, a
# year or more, the shortest whose labels fit (each threshold at its
# exact day); at most --max-lanes people (20 by default) are drawn, and
# the title says how many were left out and why; bad limits refused.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name ACME &&
  for i in $(seq -w 1 25); do
    kam-org person add acme/p$i --name "Person $i" || exit 1
  done &&
  kam-org deal add acme/d --name D &&
  kam-org role acme/d acme/p25 decision-maker --influence high &&
  kam-org role acme/d acme/p24 technical --influence low &&
  kam-org deal add acme/e --name E &&
  kam-org role acme/e acme/p01 technical --influence high &&
  kam-org role acme/e acme/p02 finance --influence low &&
  kam-stance set acme/p01 support --on 2025-01-10 &&
  kam-stance set acme/p02 oppose --on 2025-02-10 &&
  kam-stance set acme/p02 neutral --on 2025-06-10 &&
  kam-stance set acme/p02 support --on 2025-09-10 &&
  kam-stance set acme/p03 neutral --on 2025-03-10 &&
  kam-stance set acme/p21 oppose --on 2025-04-10 &&
  kam-stance set acme/p21 support --on 2025-05-10 &&
  kam-stance set acme/p22 neutral --on 2025-05-10
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# axis NAME: the axis's cells as "LABEL WIDTH" (no label: "- WIDTH").
axis() {
  grep -o 'WIDTH="[0-9]*" HEIGHT="16" SIDES="L" BORDER="1" COLOR="#A0A0A0" ALIGN="LEFT">\(<FONT POINT-SIZE="9">[0-9Q-]*</FONT>\)\?<' \
    "$T/$1.out" | sed 's/WIDTH="\([0-9]*\)".*LEFT">\(<FONT POINT-SIZE="9">\)\?\([0-9Q-]*\).*/\3 \1/; s/^ /- /' |
    tr '\n' ' ' | sed 's/ $//'
}
# labels NAME: the labels of the axis only.
labels() {
  axis "$1" | tr ' ' '\n' | awk 'NR % 2 == 1 && $0 != "-"' | tr '\n' ' ' | sed 's/ $//'
}
expect_axis() { # expect_axis NAME TEXT
  count=$((count + 1))
  got=$(axis "$1")
  [ "$got" = "$2" ] || fail "$1: axis '$got', expected '$2'"
}
expect_labels() {
  count=$((count + 1))
  got=$(labels "$1")
  [ "$got" = "$2" ] || fail "$1: labels '$got', expected '$2'"
}

# Ticks: the shortest whose label (40 points; a quarter's 44, a year's
# 30), with a point to spare, fits its shortest cell (a month of 28
# days, a quarter of 90, half a year of 181, a year of 365...) in 720
# points.  Months up to 491 days, from 492 quarters.  A tick that began
# before --from, or too narrow for its label, has none.
run m491 0 kam-stance timeline acme --from 2001-01-01 --to 2002-05-06 -T dot
expect_labels m491 "2001-01 2001-02 2001-03 2001-04 2001-05 2001-06 2001-07 2001-08 2001-09 2001-10 2001-11 2001-12 2002-01 2002-02 2002-03 2002-04"
run q492 0 kam-stance timeline acme --from 2001-01-01 --to 2002-05-07 -T dot
expect_axis q492 "2001-Q1 132 2001-Q2 133 2001-Q3 135 2001-Q4 134 2002-Q1 132 2002-Q2 54"
# Quarters up to 1440 days, then half years.
run q1440 0 kam-stance timeline acme --from 2001-01-01 --to 2004-12-10 -T dot
expect_labels q1440 "2001-Q1 2001-Q2 2001-Q3 2001-Q4 2002-Q1 2002-Q2 2002-Q3 2002-Q4 2003-Q1 2003-Q2 2003-Q3 2003-Q4 2004-Q1 2004-Q2 2004-Q3"
# (2004-Q4 holds 71 days: 35 points, too few for its label.)
run h1441 0 kam-stance timeline acme --from 2001-01-01 --to 2004-12-11 -T dot
expect_labels h1441 "2001-01 2001-07 2002-01 2002-07 2003-01 2003-07 2004-01 2004-07"
# Half years up to 3178 days, then years: a span of nine years is
# labelled year by year.
run h3178 0 kam-stance timeline acme --from 2001-01-01 --to 2009-09-13 -T dot
expect_labels h3178 "2001-01 2001-07 2002-01 2002-07 2003-01 2003-07 2004-01 2004-07 2005-01 2005-07 2006-01 2006-07 2007-01 2007-07 2008-01 2008-07 2009-01"
run y3179 0 kam-stance timeline acme --from 2001-01-01 --to 2009-09-14 -T dot
expect_labels y3179 "2001 2002 2003 2004 2005 2006 2007 2008 2009"
# Years up to 8477 days, then two years, on even years: the first tick
# (2000-2001) began before --from.
run y8477 0 kam-stance timeline acme --from 2001-01-01 --to 2024-03-17 -T dot
expect_labels y8477 "2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023"
run y8478 0 kam-stance timeline acme --from 2001-01-01 --to 2024-03-18 -T dot
expect_labels y8478 "2002 2004 2006 2008 2010 2012 2014 2016 2018 2020 2022"
# A picture longer than the table's 240 periods: 60 years, by fives.
run long 0 kam-stance timeline acme --from 1966-03-02 -T dot
expect_labels long "1970 1975 1980 1985 1990 1995 2000 2005 2010 2015 2020"
# Every cell of the axis adds up to its 720 points.
for n in m491 q492 q1440 h1441 h3178 y3179 y8477 y8478 long; do
  count=$((count + 1))
  w=$(axis $n | tr ' ' '\n' | awk 'NR % 2 == 0 { s += $0 } END { print s }')
  [ "$w" = 720 ] || fail "$n: the axis is $w points wide"
done
# With --by quarter, a quarter at least.
run byq 0 kam-stance timeline acme --from 2025-01-01 --to 2025-06-30 --by quarter -T dot
expect_labels byq "2025-Q1 2025-Q2"
# The table still counts periods, and refuses more than 240.
run table-long 3 kam-stance timeline acme --from 1966-03-02
expect_err table-long "kam-stance: --from '1966-03-02' to --to '2026-03-02' spans more than 240 periods"

# lanes NAME: the lanes' names, in order.
lanes() {
  sed 's/<TR><TD ALIGN="RIGHT" CELLPADDING="4"><B>/\
LANE /g' "$T/$1.out" | sed -n 's/^LANE \([^<]*\)<.*/\1/p' | tr '\n' ',' | sed 's/,$//'
}
# subtitle NAME: the title's third line, or nothing.
subtitle() {
  sed -n 's/.*stances over time, [0-9-]* to [0-9-]*<BR\/>\([^>]*\)>,$/\1/p' "$T/$1.out"
}
expect_lanes() {
  count=$((count + 2))
  got=$(lanes "$1")
  [ "$got" = "$2" ] || fail "$1: lanes '$got', expected '$2'"
  got=$(subtitle "$1")
  [ "$got" = "$3" ] || fail "$1: title says '$got', expected '$3'"
}
all25=$(seq -w 1 25 | sed 's/^/Person /' | tr '\n' ',' | sed 's/,$//')

# 25 people: 20 drawn by default, those with a known stance first (p01,
# p02, p03, p21, p22), then by handle; in the account's order of handles.
run default 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 -T dot
expect_lanes default "$(seq -w 1 18 | sed 's/^/Person /' | tr '\n' ',')Person 21,Person 22" \
  "20 of 25 people shown; left out: 5 with no known stance"
count=$((count + 1))
[ "$(lanes default | awk -F, '{ print NF }')" = 20 ] || fail "default: not 20 lanes"
run all 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes all -T dot
expect_lanes all "$all25" ""
run at25 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes 25 -T dot
expect_lanes at25 "$all25" ""
run at24 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes 24 -T dot
expect_lanes at24 "$(echo "$all25" | sed 's/,Person 25$//')" \
  "24 of 25 people shown; left out: 1 with no known stance"
# Of those known, the most changes first: p02 (three stances), p21
# (two), then p01, p03 and p22 (one each) by handle.
run three 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes 3 -T dot
expect_lanes three "Person 01,Person 02,Person 21" \
  "3 of 25 people shown; left out: 20 with no known stance, 2 whose stance changed least"
run one 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes 1 -T dot
expect_lanes one "Person 02" \
  "1 of 25 people shown; left out: 20 with no known stance, 4 whose stance changed least"
run five 0 kam-stance timeline acme --from 2025-01-01 --to 2025-12-31 --max-lanes 5 -T dot
expect_lanes five "Person 01,Person 02,Person 03,Person 21,Person 22" \
  "5 of 25 people shown; left out: 20 with no known stance"
# Only known stances left out: the second clause alone.  In a deal,
# influence first: p01 (high) is drawn, though p02 changed more.
run kn 0 kam-stance timeline acme/e --from 2025-01-01 --to 2025-12-31 --max-lanes 1 -T dot
expect_lanes kn "Person 01" \
  "1 of 2 people shown; left out: 1 of less influence or fewer changes"
# A deal's lanes: the members first, the higher influence first.
run deal 0 kam-stance timeline acme/d --from 2025-01-01 --to 2025-12-31 --max-lanes 1 -T dot
expect_lanes deal "Person 25" "1 of 2 people shown; left out: 1 with no known stance"

# Bad limits: the message, exit 2, nothing printed, the store unchanged.
snapshot
for v in 0 -1 100001 x 2.5 ''; do
  run bad 2 kam-stance timeline acme --max-lanes "$v" -T dot
  expect_err bad "kam-stance: invalid limit '$v' for --max-lanes (use a whole number from 1 to 100000, or all)"
  count=$((count + 1))
  [ -s "$T/bad.out" ] && fail "bad '$v': printed"
done
run edge 0 kam-stance timeline acme --max-lanes 100000 -T dot
run table 2 kam-stance timeline acme --max-lanes 3
expect_err table "kam-stance: --max-lanes applies to a timeline picture (use -T or -o)"
unchanged bad

done_testing
