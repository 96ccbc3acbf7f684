#!/bin/sh
# kam-map at density: --links and --min-strength filter the links, a
# pair of one kind each way is one edge with two heads, --max-links
# keeps the strongest by the documented order (strength, mutual, buying
# influence, kind, handles), and the title says what was left out; the
# exact limits on both sides, and every bad value.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# Nine links among six people, seven edges once the pairs are one:
#   e1 p1-p2 influences, 3 and 1: mutual, drawn at 3
#   e2 p1-p3 advises, 2 each way: mutual
#   e3 p2->p3 allies 2; e4 p4->p5 rivals 1; e5 p5->p4 influences 2
#   e6 p6->p1 influences 2; e7 p3->p6 advises 1
# p6 is a coach of deal d (high), p4 a user (low).
{
  kam-org init &&
  kam-org account add co --name Co &&
  for p in p1 p2 p3 p4 p5 p6; do
    kam-org person add co/$p --name "Person $p" || exit 1
  done &&
  kam-org link co/p1 co/p2 --kind influences --strength 3 &&
  kam-org link co/p2 co/p1 --kind influences --strength 1 &&
  kam-org link co/p1 co/p3 --kind advises --strength 2 &&
  kam-org link co/p3 co/p1 --kind advises --strength 2 &&
  kam-org link co/p2 co/p3 --kind allies --strength 2 &&
  kam-org link co/p4 co/p5 --kind rivals --strength 1 &&
  kam-org link co/p5 co/p4 --kind influences --strength 2 &&
  kam-org link co/p6 co/p1 --kind influences --strength 2 &&
  kam-org link co/p3 co/p6 --kind advises --strength 1 &&
  kam-org deal add co/d --name D &&
  kam-org role co/d co/p6 coach --influence high &&
  kam-org role co/d co/p4 user --influence low
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# edges NAME: "tail head kind-colour dir penwidth" of each visible edge.
edges() {
  awk '
    /^\t[^\t]+ -> [^\t]+\t\[/ { e = $0; while (e !~ /\];$/) { getline l; e = e l } }
    /^\t[^\t]+ -> [^\t]+;$/ { e = $0 }
    e != "" {
      split(e, p, /[\t ]+/); d = "fwd"; w = 1; c = "-"
      if (e ~ /style=invis/) { e = ""; next }
      if (match(e, /dir=[a-z]+/)) d = substr(e, RSTART + 4, RLENGTH - 4)
      if (match(e, /penwidth=[0-9]/)) w = substr(e, RSTART + 9, 1)
      if (match(e, /color="[^"]*"/)) c = substr(e, RSTART + 7, RLENGTH - 8)
      print p[2], p[4], c, d, w; e = ""
    }' "$T/$1.out" | sort
}
expect_edges() { # expect_edges NAME "line" ...
  n=$1
  shift
  printf '%s\n' "$@" | sort >"$T/$n.want"
  edges "$n" >"$T/$n.got"
  count=$((count + 1))
  diff -u "$T/$n.want" "$T/$n.got" >&2 || fail "$n: edges differ"
}
# subtitle NAME: the title's line about links, or nothing.
subtitle() {
  sed -n 's/.*<BR\/>\(\(links: \|strength \|[0-9]* of \)[^>]*\)>,$/\1/p' "$T/$1.out"
}
expect_subtitle() {
  count=$((count + 1))
  got=$(subtitle "$1")
  [ "$got" = "$2" ] || fail "$1: title says '$got', expected '$2'"
}
legend() { # legend NAME TEXT: the legend lists TEXT
  count=$((count + 1))
  grep '_legend	\[label' "$T/$1.out" | grep -qF -- "$2" ||
    fail "$1: the legend does not list '$2'"
}
nolegend() {
  count=$((count + 1))
  grep '_legend	\[label' "$T/$1.out" | grep -qF -- "$2" &&
    fail "$1: the legend lists '$2'"
}

E1="p1 p2 #0072B2 both 3"
E2="p1 p3 #56B4E9 both 2"
E3="p2 p3 #009E73 none 2"
E4="p4 p5 #D55E00 both 1"
E5="p5 p4 #0072B2 fwd 2"
E6="p6 p1 #0072B2 fwd 2"
E7="p3 p6 #56B4E9 fwd 1"

# Every link: seven edges, the pairs with two heads; no count.
run all 0 kam-map --view influence --max-links all co
expect_edges all "$E1" "$E2" "$E3" "$E4" "$E5" "$E6" "$E7"
expect_subtitle all ""
count=$((count + 1))
grep -A4 '^	p1 -> p3' "$T/all.out" | grep -q 'arrowtail=empty' ||
  fail "all: the advice pair has no hollow tail"
legend all "both ways"
legend all "line width: strength"

# The default limit is three per person drawn (18 here): all drawn.
run default 0 kam-map --view influence co
count=$((count + 1))
cmp -s "$T/all.out" "$T/default.out" || fail "default: differs from all"

# At the number of edges, nothing is left out; one fewer drops the
# weakest by the order e1 e2 e6 e5 e3 e7 e4.
run max7 0 kam-map --view influence --max-links 7 co
expect_edges max7 "$E1" "$E2" "$E3" "$E4" "$E5" "$E6" "$E7"
expect_subtitle max7 ""
run max6 0 kam-map --view influence --max-links 6 co
expect_edges max6 "$E1" "$E2" "$E3" "$E5" "$E6" "$E7"
# e7 and e4 are both of strength 1: e7 is drawn for p6's influence.
expect_subtitle max6 "8 of 9 links shown (the strongest, then both ways first, then by buying influence)"
nolegend max6 "rivals"
run max5 0 kam-map --view influence --max-links 5 co
expect_edges max5 "$E1" "$E2" "$E3" "$E5" "$E6"
expect_subtitle max5 "7 of 9 links shown (the strongest)"
run max4 0 kam-map --view influence --max-links 4 co
expect_edges max4 "$E1" "$E2" "$E5" "$E6"
run max3 0 kam-map --view influence --max-links 3 co
# Of e5 and e6 (strength 2, one-way, influences), e6 has the higher
# buying influence: p6 is high in deal d (an account map counts every
# deal), p4 low.
expect_edges max3 "$E1" "$E2" "$E6"
expect_subtitle max3 "5 of 9 links shown (the strongest, then both ways first, then by buying influence)"
run max1 0 kam-map --view influence --max-links 1 co
expect_edges max1 "$E1"
expect_subtitle max1 "2 of 9 links shown (the strongest)"
nolegend max1 "advises"
nolegend max1 "line width"
# On the deal's map too.
run deal3 0 kam-map --view influence --max-links 3 co/d
expect_edges deal3 "$E1" "$E2" "$E6"
# The same store, the same choice.
run max3-again 0 kam-map --view influence --max-links 3 co
count=$((count + 1))
cmp -s "$T/max3.out" "$T/max3-again.out" || fail "max3-again: differs"

# Kinds.
run influences 0 kam-map --view influence --links influences co
expect_edges influences "$E1" "$E5" "$E6"
expect_subtitle influences "links: influences"
legend influences "influences"
nolegend influences "advises"
nolegend influences "allies"
legend influences "2 3</TD><TD ALIGN=\"LEFT\">line width"
run two 0 kam-map --view influence --links rivals,advises co
expect_edges two "$E2" "$E4" "$E7"
expect_subtitle two "links: advises, rivals"

# Strength at each threshold: 1 is every link; at 2 the weak half of
# the pair p1-p2 goes, and the rest of it is one-way.
run s1 0 kam-map --view influence --min-strength 1 co
count=$((count + 1))
cmp -s "$T/all.out" "$T/s1.out" || fail "s1: differs from all"
run s2 0 kam-map --view influence --min-strength 2 co
expect_edges s2 "p1 p2 #0072B2 fwd 3" "$E2" "$E3" "$E5" "$E6"
expect_subtitle s2 "strength 2 or more"
run s3 0 kam-map --view influence --min-strength 3 co
expect_edges s3 "p1 p2 #0072B2 fwd 3"
nolegend s3 "both ways"
nolegend s3 "line width"
run both 0 kam-map --view influence --links influences --min-strength 2 \
  --max-links 1 co
expect_edges both "p1 p2 #0072B2 fwd 3"
expect_subtitle both "links: influences; strength 2 or more; 1 of 3 links shown (the strongest)"

# The all view draws the same links over the chart.
run allview 0 kam-map --max-links 2 --no-legend co
expect_edges allview "$E1" "$E2"

# Bad values: the message, the exit status (3 for a word or a strength,
# bad data as in kam-org link; 2 for a limit, a usage error), nothing
# printed, the store as it was.
snapshot
bad() { # bad NAME STATUS MESSAGE ARGS...
  b=$1 want=$2 m=$3
  shift 3
  run "$b" "$want" kam-map "$@" co
  expect_err "$b" "$m"
  count=$((count + 1))
  [ -s "$T/$b.out" ] && fail "$b: printed a map"
}
for s in 0 4 -1 x 2.5 ''; do
  bad "strength$s" 3 "kam-map: invalid strength '$s' for --min-strength (use 1, 2 or 3)" \
    --min-strength "$s"
done
for n in 0 -1 1000001 x ''; do
  bad "max$n" 2 "kam-map: invalid limit '$n' for --max-links (use a whole number from 1 to 1000000, or all)" \
    --max-links "$n"
done
run max1000000 0 kam-map --max-links 1000000 co
for k in influence Advises 'advises,' ',advises' 'advises,,rivals' ''; do
  w=$k
  case $k in advises,) w= ;; ,advises) w= ;; advises,,rivals) w= ;; esac
  bad "links$k" 3 "kam-map: unknown link kind '$w' in --links (use influences, advises, allies or rivals, separated by commas)" \
    --links "$k"
done
unchanged bad

done_testing
