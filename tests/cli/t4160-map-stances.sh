#!/bin/sh
# Stances on every map: on an account map, someone with no stance on the
# account shows the latest one recorded about a deal, marked with the
# deal (latest effective, then latest recorded, then the first deal by
# handle); someone who supports a competitor carries a flag with its
# name, unless the map is drawn toward a competitor.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add co --name Co &&
  for p in gen one two tie same none rival both; do
    kam-org person add co/$p --name "P $p" || exit 1
  done &&
  kam-org deal add co/alpha --name Alpha &&
  kam-org deal add co/beta --name Beta &&
  kam-org competitor add acorp --name 'A Corp' &&
  kam-org competitor add bcorp --name 'B Corp' &&
  # gen: a general stance, and one on a deal: the general one shows.
  kam-stance set co/gen neutral --on 2026-01-05 &&
  kam-stance set co/gen oppose --deal co/alpha --on 2026-02-01 &&
  # one: only a deal stance.
  kam-stance set co/one support --deal co/alpha --on 2026-01-10 &&
  # two: beta took effect later.
  kam-stance set co/two oppose --deal co/beta --on 2026-02-01 &&
  kam-stance set co/two support --deal co/alpha --on 2026-01-20 &&
  # tie: the same day; beta recorded later.
  KAM_NOW=2026-02-02 kam-stance set co/tie support --deal co/beta --on 2026-01-15 &&
  KAM_NOW=2026-02-01 kam-stance set co/tie oppose --deal co/alpha --on 2026-01-15 &&
  # same: the same day, recorded together: the first deal, alpha.
  kam-stance set co/same neutral --deal co/beta --on 2026-01-15 &&
  kam-stance set co/same support --deal co/alpha --on 2026-01-15 &&
  # rival: supports A Corp; both: A Corp and B Corp, and on beta opposes
  # A Corp.
  kam-stance set co/rival support --toward acorp --on 2026-01-03 &&
  kam-stance set co/both support --toward bcorp --on 2026-01-03 &&
  kam-stance set co/both support --toward acorp --on 2026-01-04 &&
  kam-stance set co/both oppose --toward acorp --deal co/beta --on 2026-01-05 &&
  kam-stance set co/none neutral --toward bcorp --on 2026-01-03
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# node NAME PERSON: the person's node, attributes on one line.
node() {
  awk -v p="$2" '
    $0 ~ "^\t*" p "\t\\[" { e = $0; while (e !~ /\];$/) { getline l; e = e l }; print e; exit }
  ' "$T/$1.out"
}
# shows NAME PERSON FILL TEXT|-: the fill, and TEXT in the label (or no
# deal line, for -).
shows() {
  count=$((count + 1))
  n=$(node "$1" "$2")
  case $n in
    *"fillcolor=\"$3\""*) ;;
    *) [ "$3" = "#FFFFFF" ] && [ "${n#*fillcolor}" = "$n" ] ||
      fail "$1: $2 is not filled $3: $n" ;;
  esac
  if [ "$4" = - ]; then
    case $n in *"on deal"*) fail "$1: $2 has a deal line: $n" ;; esac
  else
    case $n in *"$4"*) ;; *) fail "$1: $2 has no '$4': $n" ;; esac
  fi
}
noflag() {
  count=$((count + 1))
  case $(node "$1" "$2") in *⚑*) fail "$1: $2 has a flag" ;; esac
}

run account 0 kam-map --view org co
shows account gen "#F0E442" -
shows account one "#009E73" "<I>✔ on deal alpha</I>"
shows account two "#D55E00" "<I>✖ on deal beta</I>"
shows account tie "#009E73" "<I>✔ on deal beta</I>"
shows account same "#009E73" "<I>✔ on deal alpha</I>"
shows account none "#FFFFFF" -
shows account rival "#FFFFFF" "⚑ A Corp</FONT>"
shows account both "#FFFFFF" "⚑ A Corp, B Corp</FONT>"
noflag account none
noflag account gen
count=$((count + 1))
grep '_legend	\[' "$T/account.out" | grep -q 'stance from a deal' ||
  fail "account: the legend has no deal stance"
count=$((count + 1))
grep '_legend	\[' "$T/account.out" | grep -q 'supports a competitor' ||
  fail "account: the legend has no flag"

# Before the deal stances took effect: unknown, no deal line.
run early 0 kam-map --view org --as-of 2026-01-09 co
shows early one "#FFFFFF" -
count=$((count + 1))
grep '_legend	\[' "$T/early.out" | grep -q 'stance from a deal' &&
  fail "early: the legend lists a deal stance not drawn"
run mid 0 kam-map --view org --as-of 2026-01-25 co
shows mid two "#009E73" "on deal alpha"

# On a deal's map, the deal's stance, without a deal line; the flag from
# the deal's stance toward a competitor (both opposes A Corp on beta).
run beta 0 kam-map --view org co/beta
shows beta two "#D55E00" -
shows beta one "#FFFFFF" -
shows beta both "#FFFFFF" "⚑ B Corp</FONT>"
shows beta rival "#FFFFFF" "⚑ A Corp</FONT>"

# Toward a competitor: coloured by that stance, no flags.
run toward 0 kam-map --view org --toward acorp co
shows toward rival "#009E73" -
noflag toward rival
noflag toward both
count=$((count + 1))
grep '_legend	\[' "$T/toward.out" | grep -q 'supports a competitor' &&
  fail "toward: the legend lists flags"

# A map reads only.
snapshot
run readonly 0 kam-map co
unchanged readonly

done_testing
