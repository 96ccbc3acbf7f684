#!/bin/sh
# kam-map on real data: Krackhardt's 21 managers (tests/data/krackhardt,
# see SOURCE.md), imported with kam-org (level, department, reporting
# line; advice as 'advises' links), drawn with every reporting line and
# every advice tie, the CEO alone on the top row.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

K="$DATA/krackhardt"

# People: m01..m21, reporting lines from reports_to.csv (from reports
# to to).  Advice: 'from goes to to for advice', so to advises from.
awk -F, '
  FNR == 1 { next }
  FILENAME ~ /reports_to/ { boss[$1] = sprintf("m%02d", $2); next }
  {
    label = $6; gsub(/_/, " ", label)
    printf "m%02d,Manager %d,%s,%s,%d,%s\n", $1, $1, label,
      ($3 == 0 ? "" : "dept " $3), $2, boss[$1]
  }' "$K/reports_to.csv" "$K/people.csv" |
  { echo "handle,name,title,dept,level,reports_to"; cat; } >"$T/people.csv"
awk -F, 'NR > 1 { printf "m%02d,m%02d,advises\n", $2, $1 }' \
  "$K/advice.csv" | { echo "from,to,kind"; cat; } >"$T/links.csv"
{
  kam-org init &&
  kam-org account add krack --name 'Krackhardt (1987) high-tech managers' &&
  kam-org import krack "$T/people.csv" &&
  kam-org import krack "$T/links.csv"
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }
expect_sql people "SELECT count(*) FROM person" 21
expect_sql lines "SELECT count(*) FROM reporting_line_all" 20
expect_sql links "SELECT count(*) FROM link WHERE kind = 'advises'" 190

# edges NAME: "tail head color style" of every edge drawn in the DOT of
# NAME (not the invisible ones that hold rows and columns).
edges() {
  awk '
    /^\t[^\t]+ -> [^\t]+\t\[/ { e = $0; while (e !~ /\];$/) { getline l; e = e l } }
    /^\t[^\t]+ -> [^\t]+;$/ { e = $0 }
    e ~ /style=invis/ { e = "" }
    e != "" {
      split(e, p, /[\t ]+/); c = "-"; s = "-"
      if (match(e, /color="[^"]*"/)) c = substr(e, RSTART + 7, RLENGTH - 8)
      if (match(e, /style=[a-z]+/)) s = substr(e, RSTART + 6, RLENGTH - 6)
      print p[2], p[4], c, s; e = ""
    }' "$T/$1.out" | sort
}

# row NAME LEVEL: the people on that level's row, in order.
row() {
  awk -v want="subgraph _level_$2 {" '
    index($0, want) { on = 1; next }
    on && /^\t}/ { exit }
    on && /^\t\tm[0-9]+\t/ { sub(/^\t\t/, ""); sub(/\t.*/, ""); printf "%s ", $0 }
  ' "$T/$1.out"
}

canon() {
  [ "$DOT" = no ] && return 0
  count=$((count + 1))
  if ! "$DOT" -Tcanon "$T/$1.out" >/dev/null 2>"$T/$1.canon" ||
    [ -s "$T/$1.canon" ]; then
    fail "$1: dot -Tcanon refused the map"
    cat "$T/$1.canon" >&2
  fi
}

# The org chart, wide: 20 solid reporting lines exactly as the records
# have them, each report beside the others.
run org 0 kam-map --view org --layout wide --no-legend krack
canon org
awk -F, 'NR > 1 { printf "m%02d m%02d - -\n", $2, $1 }' "$K/reports_to.csv" |
  sort >"$T/org.want"
edges org >"$T/org.got"
count=$((count + 1))
diff -u "$T/org.want" "$T/org.got" >&2 || fail "org: reporting lines differ"
printf '%s\n' "$(row org 1)" >"$T/org-1.out"
expect_text org-1 "m07 "
printf '%s\n' "$(row org 2)" >"$T/org-2.out"
expect_text org-2 "m02 m14 m18 m21 "
count=$((count + 1))
[ "$(row org 3 | wc -w)" -eq 16 ] || fail "org: 16 managers on row 3"
count=$((count + 1))
grep -q 'label=<<B>? Manager 7</B><BR/><FONT POINT-SIZE="10">CEO</FONT>>' \
  "$T/org.out" || fail "org: the CEO's label"

# Influence, without a limit: the 190 advice ties, dashed, from adviser
# to advisee; a pair each way is one edge, from the first handle.
run influence 0 kam-map --view influence --max-links all --no-legend krack
canon influence
awk -F, 'NR > 1 { a = sprintf("m%02d", $2); b = sprintf("m%02d", $1)
    tie[a " " b] = 1 }
  END { for (k in tie) { split(k, p, " ")
    if (!((p[2] " " p[1]) in tie) || p[1] < p[2])
      print k, "#56B4E9", "dashed" } }' "$K/advice.csv" |
  sort >"$T/influence.want"
edges influence >"$T/influence.got"
count=$((count + 1))
diff -u "$T/influence.want" "$T/influence.got" >&2 ||
  fail "influence: advice ties differ"

# Everything at once: both sets of edges.
run all 0 kam-map --layout wide --max-links all krack
canon all
edges all >"$T/all.got"
sort "$T/org.want" "$T/influence.want" >"$T/all.want"
count=$((count + 1))
diff -u "$T/all.want" "$T/all.got" >&2 || fail "all: edges differ"

# The neighbourhood of manager 10 (dept 3) in the influence view: one
# step along advice ties either way, not along reporting lines.
run focus 0 kam-map --view influence --focus m10 --depth 1 --no-legend krack
canon focus
awk -F, 'NR > 1 && ($1 == 10 || $2 == 10) { print ($1 == 10 ? $2 : $1) }
  END { print 10 }' "$K/advice.csv" |
  sort -n -u | awk '{ printf "m%02d\n", $1 }' >"$T/focus.want"
grep -o '^	m[0-9]*	' "$T/focus.out" | tr -d '\t' | sort >"$T/focus.got"
count=$((count + 1))
diff -u "$T/focus.want" "$T/focus.got" >&2 || fail "focus: people differ"

# Drawn: an SVG with every manager in it.
run svg 0 kam-map -T svg krack
count=$((count + 1))
n=$(grep -c '<title>\(m[0-9][0-9]\|_legend\)</title>' "$T/svg.out")
[ "$n" -eq 22 ] || fail "svg: $n nodes, expected 21 and the legend"
count=$((count + 1))
for i in $(seq 1 21); do
  grep -q ">? Manager $i</text>" "$T/svg.out" || fail "svg: no Manager $i"
done

done_testing
