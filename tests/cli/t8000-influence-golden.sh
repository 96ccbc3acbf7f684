#!/bin/sh
# kam-org influence on the two advice networks, Krackhardt's 21 managers
# and Lazega's 71 lawyers, against golden values computed independently
# with networkx (tests/cli/data/influence-golden.py, which says how):
# the same people in the same order, and each score within 1e-6.  A
# third network mixes strengths and every kind of link on Lazega's
# lawyers: advice of varied strength, cowork as allies, friendship as
# rivals (which must count for nothing).
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

K="$DATA/krackhardt"
L="$DATA/lazega"

# matches OUT GOLDEN: whether kam-org's TSV output OUT and the golden
# file list the same people (without the account) in the same order,
# each score within 1e-6; the differences go to OUT.cmp.
matches() {
  awk -F'\t' -v tol=1e-6 '
    FNR == 1 { next }
    NR == FNR { p[++n] = $1; i[n] = $2; b[n] = $3; next }
    { k++; h = $1; sub(/^[^\/]*\//, "", h)
      if (h != p[k]) { printf "row %d: %s, expected %s\n", k, h, p[k]; bad = 1; next }
      d = $6 - i[k]; if (d < 0) d = -d
      if (d > tol) { printf "%s: influence %s, expected %s\n", h, $6, i[k]; bad = 1 }
      d = $7 - b[k]; if (d < 0) d = -d
      if (d > tol) { printf "%s: brokerage %s, expected %s\n", h, $7, b[k]; bad = 1 } }
    END { if (k != n) { printf "%d rows, expected %d\n", k, n; bad = 1 }
          exit bad }' "$EXP/$2" "$1" >"$1.cmp"
}

# compare NAME GOLDEN: the output of run NAME matches the golden file.
compare() {
  count=$((count + 1))
  if ! matches "$T/$1.out" "$2"; then
    sed 's/^/  /' "$T/$1.out.cmp" >&2
    fail "$1: differs from expected/$2"
  fi
}

kam-org init >/dev/null

# Krackhardt, converted by the commands of kam-org(1), EXAMPLES: to
# advises from.
awk -F, 'NR == FNR { if (FNR > 1) boss[$1] = "m" $2; next }
  FNR == 1 { print "handle,name,title,dept,level,reports_to"; next }
  { t = $6; gsub(/_/, " ", t)
    printf "m%s,Manager %s,%s,%s,%s,%s\n", $1, $1, t,
      ($3 == 0 ? "" : "dept " $3), $2, boss[$1] }' \
  "$K/reports_to.csv" "$K/people.csv" >"$T/k-people.csv"
awk -F, 'NR == 1 { print "from,to,kind"; next }
  { print "m" $2 ",m" $1 ",advises" }' "$K/advice.csv" >"$T/k-advice.csv"
kam-org account add krack --name 'Krackhardt high-tech' >/dev/null
run k-people 0 kam-org import krack "$T/k-people.csv"
run k-advice 0 kam-org import krack "$T/k-advice.csv"
run krack 0 kam-org -F tsv influence krack
compare krack influence-golden-krackhardt.tsv
expect_sql k-links "SELECT count(*) FROM link" 190

# Lazega: partners (level 1) and associates (level 2) by office.
awk -F, 'NR == 1 { print "handle,name,title,dept,level"; next }
  { printf "l%s,Lawyer %s,%s,%s,%s\n", $1, $1, $4, $5, $2 }' \
  "$L/people.csv" >"$T/l-people.csv"
awk -F, 'NR == 1 { print "from,to,kind"; next }
  { print "l" $2 ",l" $1 ",advises" }' "$L/advice.csv" >"$T/l-advice.csv"
kam-org account add lazega --name 'Lazega law firm' >/dev/null
run l-people 0 kam-org import lazega "$T/l-people.csv"
run l-advice 0 kam-org import lazega "$T/l-advice.csv"
run lazega 0 kam-org -F tsv influence lazega
compare lazega influence-golden-lazega.tsv

# The mixed network, in its own account.
kam-org account add mix --name 'Lazega, every kind of link' >/dev/null
run m-people 0 kam-org import mix "$T/l-people.csv"
awk -F, 'BEGIN { print "from,to,kind,strength" }
  FNR == 1 { next }
  FILENAME ~ /advice/ { print "l" $2 ",l" $1 ",advises," ($1 + $2) % 3 + 1; next }
  FILENAME ~ /cowork/ { if ($1 < $2) print "l" $1 ",l" $2 ",allies,1"; next }
  { print "l" $1 ",l" $2 ",rivals,3" }' \
  "$L/advice.csv" "$L/cowork.csv" "$L/friendship.csv" >"$T/m-links.csv"
run m-links 0 kam-org import mix "$T/m-links.csv"
expect_sql m-kinds "SELECT kind, count(*) FROM link l JOIN person p ON p.id = l.from_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'mix' GROUP BY kind ORDER BY kind" \
"advises|892
allies|378
rivals|575"
run mix 0 kam-org -F tsv influence mix
compare mix influence-golden-lazega-mix.tsv

# The comparison bites: a score off by 2e-6 fails it, one off by 5e-7
# passes, and two rows swapped fail it on the order.
G=influence-golden-krackhardt.tsv
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $6 += 0.000002 } 1' "$T/krack.out" >"$T/far.out"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $7 += 0.0000005 } 1' "$T/krack.out" >"$T/near.out"
awk 'NR == 3 { x = $0; next } NR == 4 { print; print x; next } 1' "$T/krack.out" >"$T/swap.out"
count=$((count + 3))
matches "$T/far.out" "$G" && fail "tolerance: a score off by 2e-6 passed"
matches "$T/near.out" "$G" || fail "tolerance: a score off by 5e-7 failed"
matches "$T/swap.out" "$G" && fail "order: two rows swapped passed"

done_testing
