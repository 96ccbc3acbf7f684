#!/bin/sh
# kam-map --view buying: the members only, the decision-makers on top,
# a box per role in the method's order with its members in a column;
# --context adds the outsiders linked to a member, faded; --focus walks
# the roles shared and the links between members.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name ACME &&
  for p in wang li chen zhao buyer sun ma zed out; do
    kam-org person add acme/$p --name "N $p" || exit 1
  done &&
  kam-org deal add acme/his --name HIS &&
  kam-org role acme/his acme/wang decision-maker --influence high --lead &&
  kam-org role acme/his acme/wang technical --influence high &&
  kam-org role acme/his acme/chen technical --influence medium &&
  kam-org role acme/his acme/li technical --influence high --lead &&
  kam-org role acme/his acme/zhao finance --influence high &&
  kam-org role acme/his acme/buyer procurement --influence low &&
  kam-org role acme/his acme/sun user --influence low &&
  kam-org link acme/chen acme/li --kind advises --strength 3 &&
  kam-org link acme/zhao acme/li --kind rivals --strength 1 &&
  kam-org link acme/wang acme/zhao --kind influences &&
  kam-org link acme/ma acme/wang --kind influences --strength 3 &&
  kam-org link acme/ma acme/zed --kind allies &&
  kam-org link acme/chen acme/sun --kind allies &&
  kam-org deal add acme/two --name Two &&
  kam-org role acme/two acme/zhao finance &&
  kam-org role acme/two acme/li technical
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

people() { # people NAME: the people drawn, sorted
  grep -o '^	*[a-z][a-z0-9]*	\[' "$T/$1.out" | tr -d '\t[' | sort | tr '\n' ' '
}
expect_people() {
  count=$((count + 1))
  got=$(people "$1")
  [ "$got" = "$2" ] || fail "$1: draws '$got', expected '$2'"
}
members() {
  awk -v want="subgraph $2 {" '
    index($0, want) { match($0, /^\t*/); in_ = RLENGTH; on = 1; next }
    !on { next }
    { match($0, /^\t*/); d = RLENGTH }
    d == in_ && /^\t*}/ { exit }
    d == in_ + 1 && $0 !~ /^\t*(graph |\]|subgraph )/ && /^\t*[^\t]+(\t|;)/ {
      l = $0; sub(/^\t*/, "", l); sub(/[\t;].*/, "", l); print l }
  ' "$T/$1.out" | sort | tr '\n' ' '
}
expect_members() {
  count=$((count + 1))
  got=$(members "$1" "$2")
  [ "$got" = "$3" ] || fail "$1: $2 holds '$got', expected '$3'"
}
edges() { # "tail head" of the visible edges, "tail head invis[ minlen]" else
  awk '
    /^\t[^\t]+ -> [^\t]+\t\[/ { e = $0; while (e !~ /\];$/) { getline l; e = e l } }
    /^\t[^\t]+ -> [^\t]+;$/ { e = $0 }
    e != "" {
      split(e, p, /[\t ]+/); s = ""
      if (e ~ /style=invis/) s = " invis"
      if (match(e, /minlen=[0-9]+/)) s = s " " substr(e, RSTART, RLENGTH)
      print p[2], p[4] s; e = ""
    }' "$T/$1.out" | sort
}
expect_edges() {
  n=$1
  shift
  printf '%s\n' "$@" | sort >"$T/$n.want"
  edges "$n" >"$T/$n.got"
  count=$((count + 1))
  diff -u "$T/$n.want" "$T/$n.got" >&2 || fail "$n: edges differ"
}

run group 0 kam-map --view buying acme/his
expect_people group "buyer chen li sun wang zhao "
# wang holds the decision: on top, though he also holds technical.
expect_members group '"cluster_decision-maker"' "wang "
expect_members group cluster_technical "chen li "
expect_members group cluster_finance "zhao "
# The first of each box beneath, on one row.
expect_members group _roles "buyer li sun zhao "
# The boxes held in the method's order (technical, finance, procurement,
# user) under the decision; li, the lead, above chen; the legend under
# the deepest column (two rows beneath the decision); the links between
# members.
expect_edges group \
  "wang li invis" "li zhao invis" "zhao buyer invis" "buyer sun invis" \
  "wang zhao invis" "wang buyer invis" "wang sun invis" \
  "li chen invis" "wang _legend invis minlen=3" \
  "chen li" "zhao li" "wang zhao" "chen sun"
count=$((count + 1))
grep -q '^		newrank=true,$' "$T/group.out" || fail "group: no newrank"
# The legend: no faded people, a lead.
count=$((count + 1))
grep '_legend	\[' "$T/group.out" | grep -q 'outside the group' &&
  fail "group: the legend lists the faded"
count=$((count + 1))
grep '_legend	\[' "$T/group.out" | grep -q 'leads the role' ||
  fail "group: the legend has no lead"

# --context: ma (linked to wang) faded, in a row beneath; not zed (linked
# to ma only) nor out (no link).
run context 0 kam-map --view buying --context acme/his
expect_people context "buyer chen li ma sun wang zhao "
expect_members context _context_0 "ma "
count=$((count + 1))
grep -A4 '^		*ma	\[' "$T/context.out" | grep -q 'fillcolor="#FFFFFF50"' ||
  fail "context: ma is not faded"
count=$((count + 1))
edges context | grep -qx 'ma wang' || fail "context: no link ma -> wang"
count=$((count + 1))
edges context | grep -qx 'wang ma invis minlen=3' ||
  fail "context: ma is not under the columns"
count=$((count + 1))
edges context | grep -qx 'wang _legend invis minlen=4' ||
  fail "context: the legend is not under the context"
count=$((count + 1))
grep '_legend	\[' "$T/context.out" | grep -q 'outside the group' ||
  fail "context: the legend does not list the faded"
# A limit that leaves ma's link out leaves ma out.
run context1 0 kam-map --view buying --context --max-links 1 acme/his
expect_people context1 "buyer chen li sun wang zhao "
# --links: the context follows the kinds drawn.
run context-adv 0 kam-map --view buying --context --links advises acme/his
expect_people context-adv "buyer chen li sun wang zhao "

# A group with no decision-maker: the boxes start the top row.
run nodm 0 kam-map --view buying --no-legend acme/two
expect_people nodm "li zhao "
expect_members nodm _roles "li zhao "
expect_edges nodm "li zhao invis" "zhao li"
count=$((count + 1))
grep -q 'cluster_decision' "$T/nodm.out" && fail "nodm: a decision box"

# Focus: the roles shared (wang holds technical too) and the links
# between members.
run focus 0 kam-map --view buying --focus chen --depth 1 acme/his
expect_people focus "chen li sun wang "
run focus-sun 0 kam-map --view buying --focus sun --depth 1 acme/his
expect_people focus-sun "chen sun "
run focus0 0 kam-map --view buying --focus chen --depth 0 acme/his
expect_people focus0 "chen "
run focus2 0 kam-map --view buying --focus chen --depth 2 acme/his
expect_people focus2 "chen li sun wang zhao "
run focus-ctx 0 kam-map --view buying --context --focus wang --depth 1 acme/his
expect_people focus-ctx "chen li ma wang zhao "

# --context is for the buying view only.
for v in org influence all; do
  run "ctx-$v" 2 kam-map --view "$v" --context acme
  expect_err "ctx-$v" "kam-map: --context needs --view buying"
done

done_testing
