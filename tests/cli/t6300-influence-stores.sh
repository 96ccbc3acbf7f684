#!/bin/sh
# kam-org influence and check read an account's network the same way
# whatever else the store holds: alone in its store (one pass over the
# links, its people's ids in a row), after an account three times its
# size (the links found through the person index), and with its people's
# ids spread among another account's (found by binary search, not by
# table).  The same account gives the same ranking and the same flags in
# all three; links of the other account, and of a person who has left,
# count for nothing.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

# The account: x1 advises a1-a4, x2 and x3 advise a5-a7 (levels 1 2 2 3
# 3 3 3 4 4 4, median 3), and gone, who left in 2025, advised everyone.
cat >"$T/people.csv" <<'CSV'
handle,name,level,left_on
a1,A1,1,
a2,A2,2,
a3,A3,2,
a4,A4,3,
a5,A5,3,
a6,A6,3,
a7,A7,3,
x1,X1,4,
x2,X2,4,
x3,X3,4,
gone,Gone,4,2025-06-30
CSV
{
  echo from,to,kind,strength
  for p in a1 a2 a3 a4; do echo "x1,$p,advises,2"; done
  for p in a5 a6 a7; do echo "x2,$p,advises,2"; echo "x3,$p,influences,2"; done
  echo "a4,x1,allies,1"
  echo "a6,a7,rivals,3"
  for p in a1 a2 a3 a4 a5 a6 a7 x1 x2 x3; do echo "gone,$p,advises,3"; done
} >"$T/links.csv"
cat >"$T/roles.csv" <<'CSV'
deal,person,role
erp,a1,decision-maker
erp,a2,technical
erp,a3,business
erp,a4,finance
erp,a5,coach
CSV
# The other account: f1 ... fN, each advising the next.
filler() { # filler N
  echo handle,name,level >"$T/f-people.csv"
  echo from,to,kind >"$T/f-links.csv"
  i=1
  while [ "$i" -le "$1" ]; do
    echo "f$i,F$i,$((i % 5 + 1))" >>"$T/f-people.csv"
    [ "$i" -gt 1 ] && echo "f$((i - 1)),f$i,advises" >>"$T/f-links.csv"
    i=$((i + 1))
  done
}

# setup: the account acme, its links, roles and one stance.
setup() {
  kam-org account add acme --name Acme &&
    kam-org import acme "$T/people.csv" &&
    kam-org import acme "$T/links.csv" &&
    kam-org deal add acme/erp --name ERP &&
    kam-org deal add acme/crm --name CRM &&
    kam-org import acme "$T/roles.csv" &&
    kam-stance set acme/x2 neutral
}

# Alone.
KAM_DB="$T/alone.db"
{ kam-org init && setup; } >/dev/null
run alone-rank 0 kam-org -F tsv influence acme
run alone-check 1 kam-org -F tsv check acme
run alone-deal 1 kam-org -F tsv check acme/erp
expect_out alone-rank t6300-rank.tsv
expect_out alone-check t6300-check.tsv
grep -v 'acme/crm' "$EXP/t6300-check.tsv" | grep -v '^no-' >"$T/deal.want"
if ! diff -u "$T/deal.want" "$T/alone-deal.out" >&2; then
  fail "alone-deal: not the account's flags about erp"
fi

# After an account of three times as many people, with links of its own.
KAM_DB="$T/after.db"
filler 40
{
  kam-org init &&
    kam-org account add big --name Big &&
    kam-org import big "$T/f-people.csv" &&
    kam-org import big "$T/f-links.csv" &&
    setup
} >/dev/null
expect_sql after-ids "SELECT min(p.id) FROM person p JOIN account a ON a.id = p.account_id WHERE a.handle = 'acme'" 41
run after-rank 0 kam-org -F tsv influence acme
run after-check 1 kam-org -F tsv check acme
expect_out after-rank t6300-rank.tsv
expect_out after-check t6300-check.tsv

# Interleaved: twelve of the other account's people between two of
# acme's, so acme's ids spread over more than four times its size.
KAM_DB="$T/spread.db"
{ kam-org init && kam-org account add big --name Big &&
  kam-org account add acme --name Acme; } >/dev/null
n=0
tail -n +2 "$T/people.csv" | while IFS=, read -r h name level left; do
  i=0
  while [ "$i" -lt 12 ]; do
    n=$((n + 1))
    kam-org person add "big/g$h$i" --name "G $h $i" >/dev/null
    i=$((i + 1))
  done
  kam-org person add "acme/$h" --name "$name" --level "$level" >/dev/null
  [ -n "$left" ] && kam-org person leave "acme/$h" --on "$left" >/dev/null
done
{
  kam-org import acme "$T/links.csv" &&
    kam-org link big/ga10 big/ga20 --kind advises &&
    kam-org deal add acme/erp --name ERP &&
    kam-org deal add acme/crm --name CRM &&
    kam-org import acme "$T/roles.csv" &&
    kam-stance set acme/x2 neutral
} >/dev/null
expect_sql spread-ids "SELECT min(p.id) || ' ' || max(p.id) FROM person p JOIN account a ON a.id = p.account_id WHERE a.handle = 'acme'" "13 143"
run spread-rank 0 kam-org -F tsv influence acme
run spread-check 1 kam-org -F tsv check acme
expect_out spread-rank t6300-rank.tsv
expect_out spread-check t6300-check.tsv

done_testing
