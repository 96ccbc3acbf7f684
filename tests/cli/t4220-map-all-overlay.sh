#!/bin/sh
# kam-map's all view on Krackhardt's 21 managers (tests/data/krackhardt,
# see SOURCE.md) and their 190 advice ties: the organisation chart is
# laid out alone and the links are drawn over it, so every box stands
# where the org view puts it, however many links are drawn; by default
# one link per person drawn, and the title says how they were chosen.
# Positions are read from the SVG kam-map renders.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

K="$DATA/krackhardt"
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

# boxes NAME: "handle x y" of every person's box in the SVG of NAME, its
# top left corner relative to the CEO's (m07), in points.
boxes() {
  awk '
    /<title>/ { t = $0; sub(/.*<title>/, "", t); sub(/<\/title>.*/, "", t) }
    /<path/ && t ~ /^m[0-9][0-9]$/ {
      d = $0; sub(/.* d="M/, "", d); sub(/".*/, "", d); gsub(/[MC]/, " ", d)
      n = split(d, v, /[ ,]+/); x = y = 1e9
      for (i = 1; i < n; i += 2) {
        if (v[i] + 0 < x) x = v[i] + 0
        if (v[i + 1] + 0 < y) y = v[i + 1] + 0
      }
      X[t] = x; Y[t] = y; t = ""
    }
    END { for (k in X) printf "%s %.1f %.1f\n", k, X[k] - X["m07"], Y[k] - Y["m07"] }
  ' "$T/$1.out" | sort
}
# links NAME: the number of advice edges drawn in the DOT of NAME.
links() {
  grep -c '^		color="#56B4E9",$' "$T/$1.out"
}

# The DOT: the chart, the roles, and 21 links, one per manager.
run dot 0 kam-map --date none krack
expect_out dot map-krackhardt-all.dot
count=$((count + 1))
[ "$(links dot)" = 21 ] || fail "dot: $(links dot) links drawn"
count=$((count + 1))
grep -q '<BR/>42 of 190 links shown (both ways first, then by handle)>,$' \
  "$T/dot.out" || fail "dot: the title's count"
# The limit applies as given: three per person is 63 lines.
run dot63 0 kam-map --max-links 63 krack
count=$((count + 1))
[ "$(links dot63)" = 63 ] || fail "dot63: $(links dot63) links drawn"

# Every box where the org view puts it, with the default links, with
# three per person, and with all 190.
run org 0 kam-map --view org -T svg krack
boxes org >"$T/org.boxes"
count=$((count + 1))
[ "$(wc -l <"$T/org.boxes")" = 21 ] || fail "org: $(wc -l <"$T/org.boxes") boxes"
for lim in default 63 all; do
  if [ $lim = default ]; then
    run all-$lim 0 kam-map -T svg krack
  else
    run all-$lim 0 kam-map --max-links $lim -T svg krack
  fi
  boxes all-$lim >"$T/all-$lim.boxes"
  count=$((count + 1))
  diff -u "$T/org.boxes" "$T/all-$lim.boxes" >&2 ||
    fail "all-$lim: the boxes moved from where the org view has them"
done
# The links are drawn, in their colour.
count=$((count + 1))
[ "$(grep -c 'stroke="#56b4e9"' "$T/all-default.out")" -ge 21 ] ||
  fail "all-default: the links are not drawn"

# A slide: the natural PNG no wider than 2.4:1, and on 16:9 exactly.
mkdir "$T/p"
run png 0 kam-map -o "$T/p/all.png" krack
count=$((count + 1))
set -- $(od -An -tu1 -j16 -N8 "$T/p/all.png" | awk '{ print $3 * 256 + $4, $7 * 256 + $8 }')
[ $(($1 * 10)) -le $(($2 * 24)) ] || fail "png: $1 x $2 is wider than 2.4:1"

# Without Graphviz's neato plugin, the map is still drawn, in one
# layout (as dot(1) draws the DOT).
plugins=
for d in /usr/lib/x86_64-linux-gnu/graphviz /usr/lib/aarch64-linux-gnu/graphviz \
  /usr/lib64/graphviz /usr/lib/graphviz /usr/local/lib/graphviz; do
  if ls "$d"/libgvplugin_dot_layout.so.* >/dev/null 2>&1; then
    plugins=$d
    break
  fi
done
if [ -n "$plugins" ] && [ "$DOT" != no ]; then
  mkdir "$T/gv-core"
  for p in core dot_layout; do
    ln -s "$(ls "$plugins"/libgvplugin_$p.so.* | head -1)" "$T/gv-core/"
  done
  GVBINDIR="$T/gv-core" "$DOT" -c
  run no-neato 0 env GVBINDIR="$T/gv-core" kam-map -T svg krack
  count=$((count + 1))
  [ "$(boxes no-neato | wc -l)" = 21 ] || fail "no-neato: not 21 boxes"
fi

done_testing
