#!/bin/sh
# kam-map --max-links: the title says how the links drawn were chosen,
# by the keys of the documented order that chose them.  With every
# strength equal the links drawn are not "the strongest": the title
# names the key that parted the last link drawn from the first left
# out, and the keys before it that ordered any links.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# Six links of strength 1, five edges; in the order of kam-map(1):
#   ab  a-b advises, each way (both ways)
#   ef  e->f influences (f: decision-maker, high)
#   cd  c->d advises
#   ch  c->h advises (as cd but for the handle)
#   gh  g->h allies (as ch but for the kind)
{
  kam-org init &&
  kam-org account add co --name Co &&
  for p in a b c d e f g h; do
    kam-org person add co/$p --name "Person $p" || exit 1
  done &&
  kam-org link co/a co/b --kind advises &&
  kam-org link co/b co/a --kind advises &&
  kam-org link co/e co/f --kind influences &&
  kam-org link co/c co/d --kind advises &&
  kam-org link co/c co/h --kind advises &&
  kam-org link co/g co/h --kind allies &&
  kam-org deal add co/d1 --name D1 &&
  kam-org role co/d1 co/f decision-maker --influence high
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# drawn NAME: "tail head" of each visible edge, sorted.
drawn() {
  awk '
    /^\t[^\t]+ -> [^\t]+\t\[/ { e = $0; while (e !~ /\];$/) { getline l; e = e l } }
    /^\t[^\t]+ -> [^\t]+;$/ { e = $0 }
    e != "" { split(e, p, /[\t ]+/); if (e !~ /style=invis/) print p[2], p[4]; e = "" }
  ' "$T/$1.out" | sort | tr '\n' ' ' | sed 's/ $//'
}
# check NAME EDGES SUBTITLE: the edges drawn and the title's last line.
check() {
  count=$((count + 2))
  got=$(drawn "$1")
  [ "$got" = "$2" ] || fail "$1: drew '$got', expected '$2'"
  got=$(sed -n 's/.*\(<BR\/>\|; \)\([0-9]* of [^>]*\)>,$/\2/p' "$T/$1.out")
  [ "$got" = "$3" ] || fail "$1: title says '$got', expected '$3'"
}

run m5 0 kam-map --view influence --max-links 5 co
check m5 "a b c d c h e f g h" ""
run m4 0 kam-map --view influence --max-links 4 co
check m4 "a b c d c h e f" \
  "5 of 6 links shown (both ways first, then by buying influence, then by kind)"
run m3 0 kam-map --view influence --max-links 3 co
check m3 "a b c d e f" \
  "4 of 6 links shown (both ways first, then by buying influence, then by kind, then by handle)"
run m2 0 kam-map --view influence --max-links 2 co
check m2 "a b e f" \
  "3 of 6 links shown (both ways first, then by buying influence)"
run m1 0 kam-map --view influence --max-links 1 co
check m1 "a b" "2 of 6 links shown (both ways first)"
# Only the advice: no key but the handle parts cd and ch.
run adv 0 kam-map --view influence --links advises --max-links 2 co
check adv "a b c d" "3 of 4 links shown (both ways first, then by handle)"
run adv1 0 kam-map --view influence --links advises,allies --max-links 1 co
check adv1 "a b" "2 of 5 links shown (both ways first)"

# One link stronger than the rest: strength chose it, and only it.
kam-org link co/g co/h --kind allies --strength 3 >/dev/null
run s1 0 kam-map --view influence --max-links 1 co
check s1 "g h" "1 of 6 links shown (the strongest)"
# Past the strong one, the rest as before.
run s2 0 kam-map --view influence --max-links 2 co
check s2 "a b g h" "3 of 6 links shown (the strongest, then both ways first)"

done_testing
