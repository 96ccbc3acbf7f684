#!/bin/sh
# kam-map --focus P --depth N walks only the edges the view draws:
# reporting lines (solid and dotted) in org, links in influence (of the
# kinds and strength drawn), both in all.  Nobody is drawn unconnected.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# a <- b <- c (solid), e <- a with a dotted line to b; c -> f influences
# (strength 3), f -> g advises (1), b -> h allies; i alone.
{
  kam-org init &&
  kam-org account add co --name Co &&
  kam-org person add co/a --name A --level 1 &&
  kam-org person add co/b --name B --level 2 --reports-to co/a &&
  kam-org person add co/c --name C --level 3 --reports-to co/b &&
  kam-org person add co/e --name E --level 2 --reports-to co/a \
    --dotted-to co/b &&
  for p in f g h i; do kam-org person add co/$p --name "$p" || exit 1; done &&
  kam-org link co/c co/f --kind influences --strength 3 &&
  kam-org link co/f co/g --kind advises --strength 1 &&
  kam-org link co/b co/h --kind allies
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

people() {
  grep -o '^	*[a-z]	\[' "$T/$1.out" | tr -d '\t[' | sort | tr '\n' ' '
}
# focus NAME WANT ARGS...: the people drawn around c.
focus() {
  f=$1 w=$2
  shift 2
  run "$f" 0 kam-map --no-legend --focus c "$@" co
  count=$((count + 1))
  got=$(people "$f")
  [ "$got" = "$w" ] || fail "$f: draws '$got', expected '$w'"
}
focus org0 "c " --view org --depth 0
focus org1 "b c " --view org --depth 1
focus org2 "a b c e " --view org --depth 2
focus org9 "a b c e " --view org --depth 9
focus infl1 "c f " --view influence --depth 1
focus infl2 "c f g " --view influence --depth 2
focus infl-kind "c " --view influence --depth 2 --links advises
focus infl-strong "c f " --view influence --depth 2 --min-strength 2
focus all1 "b c f " --depth 1
focus all2 "a b c e f g h " --depth 2

# Everyone drawn in the org focus is on a line drawn.
count=$((count + 1))
for p in a b c e; do
  grep -q "^	$p -> \|-> $p	\|-> $p;" "$T/org2.out" ||
    fail "org2: $p has no line"
done
# The title says whose neighbourhood.
count=$((count + 1))
grep -q 'around C, 2 steps' "$T/org2.out" || fail "org2: no 'around' line"

done_testing
