#!/bin/sh
# kam-map --size-by influence on Krackhardt's managers: each box's text
# is 12 x (0.75 + 1.25 x influence / the greatest drawn) points, with the
# influence kam-org influence prints; the most influential is twice the
# usual size; a map of part of the account keeps the whole account's
# scores; --size-by none is the default; a bad value is refused.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

K="$DATA/krackhardt"
awk -F, 'NR == FNR { if (FNR > 1) boss[$1] = "m" $2; next }
  FNR == 1 { print "handle,name,title,dept,level,reports_to"; next }
  { t = $6; gsub(/_/, " ", t)
    printf "m%s,Manager %s,%s,%s,%s,%s\n", $1, $1, t,
      ($3 == 0 ? "" : "dept " $3), $2, boss[$1] }' \
  "$K/reports_to.csv" "$K/people.csv" >"$T/people.csv"
awk -F, 'NR == 1 { print "from,to,kind"; next }
  { print "m" $2 ",m" $1 ",advises" }' "$K/advice.csv" >"$T/advice.csv"
kam-org init >/dev/null
kam-org account add krack --name 'Krackhardt high-tech' >/dev/null
kam-org import krack "$T/people.csv" >/dev/null
kam-org import krack "$T/advice.csv" >/dev/null

run influence 0 kam-org -F tsv influence krack
run sized 0 kam-map --view influence --size-by influence krack
# The font size of each person's node, from the DOT.
sed -n 's/^	*\(m[0-9]*\)	*\[fontsize=\([0-9.]*\),.*/\1 \2/p' "$T/sized.out" |
  sort >"$T/got"
# The same from the ranking, by the documented formula.
awk -F'\t' 'NR > 1 { h = $1; sub(/.*\//, "", h); i[h] = $6; if ($6 > top) top = $6 }
  END { for (h in i) printf "%s %.1f\n", h, 12 * (0.75 + 1.25 * i[h] / top) }' \
  "$T/influence.out" | sort >"$T/want"
count=$((count + 1))
if ! diff -u "$T/want" "$T/got" >&2; then
  fail "sized: the node sizes do not follow the influence"
fi
expect_sql people "SELECT count(*) FROM person" 21
[ "$(wc -l <"$T/got")" -eq 21 ] || fail "sized: not every manager has a size"
count=$((count + 1))
# The most influential, m21, is twice the usual 12 points.
grep -qx 'm21 24.0' "$T/got" || fail "sized: m21 is not 24 points"
count=$((count + 1))
grep -q 'size: influence' "$T/sized.out" || fail "sized: no legend line"
count=$((count + 1))

# A map of one neighbourhood: the same scores, scaled to the greatest
# drawn.
run focus 0 kam-map --view influence --size-by influence --focus m10 --depth 1 krack
sed -n 's/^	*\(m[0-9]*\)	*\[fontsize=\([0-9.]*\),.*/\1 \2/p' "$T/focus.out" |
  sort >"$T/got-focus"
cut -d' ' -f1 "$T/got-focus" >"$T/drawn"
awk -F'\t' 'NR == FNR { d[$1] = 1; next }
  FNR > 1 { h = $1; sub(/.*\//, "", h); if (h in d) { i[h] = $6; if ($6 > top) top = $6 } }
  END { for (h in i) printf "%s %.1f\n", h, 12 * (0.75 + 1.25 * i[h] / top) }' \
  "$T/drawn" "$T/influence.out" | sort >"$T/want-focus"
count=$((count + 1))
if ! diff -u "$T/want-focus" "$T/got-focus" >&2; then
  fail "focus: the node sizes do not follow the whole account's influence"
fi
[ "$(wc -l <"$T/got-focus")" -lt 21 ] || fail "focus: every manager is drawn"
count=$((count + 1))

# Without --size-by, or with none: no size of its own, no legend line.
run plain 0 kam-map --view influence krack
run none 0 kam-map --view influence --size-by none krack
cmp -s "$T/plain.out" "$T/none.out" || fail "none: differs from the default"
count=$((count + 1))
grep -q '\[fontsize=' "$T/plain.out" && fail "plain: a node has a size of its own"
grep -q 'size: influence' "$T/plain.out" && fail "plain: the legend speaks of size"
count=$((count + 2))

run bad 2 kam-map --size-by rank krack
expect_err bad "kam-map: unknown size 'rank' for --size-by (use influence or none)"

done_testing
