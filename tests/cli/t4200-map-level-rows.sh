#!/bin/sh
# kam-map --view org: the people of one level share a row, and the rows
# go down in the order of levels even where no reporting line joins
# them (an account with levels but no lines yet); people without a
# level are placed by their lines alone.  Positions are read from the
# SVG kam-map renders.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name ACME &&
  kam-org person add acme/wang --name Wang --title CEO --level 1 &&
  kam-org person add acme/li --name Li --title CTO --level 2 &&
  kam-org person add acme/zhao --name Zhao --title CFO --level 2 &&
  kam-org person add acme/chen --name Chen --title Engineer --level 3 &&
  kam-org person add acme/ma --name Ma --level 3 &&
  kam-org person add acme/he --name He --level 5
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# tops NAME: "handle top" of every person box of the SVG of NAME, the
# top edge in points from the top of the drawing (the boxes' paths).
tops() {
  awk '
    /<svg width=/ { sub(/.*height="/, ""); sub(/pt".*/, ""); h = $0 }
    /<title>/ { t = $0; sub(/.*<title>/, "", t); sub(/<\/title>.*/, "", t) }
    /<path/ && t != "" && t !~ /^_/ && t !~ /&#45;&gt;/ {
      d = $0; sub(/.* d="M/, "", d); sub(/".*/, "", d); gsub(/[MC]/, " ", d)
      n = split(d, v, /[ ,]+/); top = 1e9
      for (i = 2; i <= n; i += 2) if (v[i] + 0 < top) top = v[i] + 0
      print t, h + top; t = ""
    }' "$T/$1.out" | sort
}
# rows NAME: the people of each row, top row first, a line each.
rows() {
  tops "$1" | sort -k2,2n -k1,1 | awk '
    $2 != last { if (NR > 1) printf "\n"; last = $2; sep = "" }
    { printf "%s%s", sep, $1; sep = " " } END { printf "\n" }'
}

run dot 0 kam-map --view org --date none acme
expect_out dot map-level-rows.dot
run svg 0 kam-map --view org --date none -T svg acme
rows svg >"$T/rows.out"
expect_text rows "wang
li zhao
chen ma
he"

# A line from a person without a level: placed by it, under its
# manager; the rows of levels stay as they were.
kam-org person add acme/xu --name Xu --reports-to acme/chen >/dev/null
run svg2 0 kam-map --view org --layout wide --date none -T svg acme
rows svg2 >"$T/rows2.out"
expect_text rows2 "wang
li zhao
chen ma
he xu"

# The all view draws the same rows.
run all 0 kam-map --date none -T svg acme
rows all >"$T/rows3.out"
expect_text rows3 "wang
li zhao
chen ma
he xu"

done_testing
