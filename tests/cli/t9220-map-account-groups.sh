#!/bin/sh
# kam-map across the accounts of a group: a parent and its subsidiary,
# with a reporting line, a dotted line, links and buying roles across
# them.  A map that draws people of both draws each account as a cluster
# labelled with its name; in the buying view the boxes of roles are
# nested in the box of their account.  The DOT is compared whole; the
# people taken in follow the view's edges and the as-of date; two people
# of one handle in two accounts stay two nodes; a map of people of one
# account draws no cluster, byte for byte as before groups.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
{
  kam-org account add contoso --name "Contoso Ltd"
  kam-org account add contoso-de --name "Contoso Deutschland GmbH" --parent contoso
  kam-org person add contoso/margaret --name "Margaret Whitfield" --title CEO --level 1
  kam-org person add contoso/wei --name "Wei Chen" --title CIO --level 2 --reports-to contoso/margaret
  kam-org person add contoso/maria --name "María García" --title CFO --level 2 --reports-to contoso/margaret
  kam-org person add contoso/david --name "David Smith" --title "Enterprise Architect" --level 3 --reports-to contoso/wei
  kam-org person add contoso-de/jurgen --name "Jürgen Weiß" --title Geschäftsführer --level 2 --reports-to contoso/margaret
  kam-org person add contoso-de/siobhan --name "Siobhán O'Connor" --title "Leiterin IT" --level 3 --reports-to contoso-de/jurgen --dotted-to contoso/wei
  kam-org person add contoso-de/anna --name "Anna-Lena Krüger" --title Einkauf --level 3 --reports-to contoso-de/jurgen
  kam-org person add contoso-de/david --name "David Smith" --title "SAP Basis" --level 4 --reports-to contoso-de/siobhan
  kam-org person add contoso-de/lukas --name "Lukas Braun" --title Netzwerk --level 4 --reports-to contoso-de/siobhan
  kam-org person add contoso-de/mia --name "Mia Vogel" --title "Service Desk" --level 4 --reports-to contoso-de/siobhan
  KAM_NOW=2026-01-05 kam-org deal add contoso-de/erp --name ERP-Migration
  kam-org role contoso-de/erp contoso/maria finance --influence high --on 2026-02-01
  kam-org role contoso-de/erp contoso/wei decision-maker --influence high --on 2026-01-05
  kam-org role contoso-de/erp contoso-de/jurgen business --influence medium --on 2026-01-05
  kam-org role contoso-de/erp contoso-de/siobhan technical --influence high --lead --on 2026-01-05
  kam-org role contoso-de/erp contoso-de/david technical --influence medium --on 2026-01-05
  kam-org role contoso-de/erp contoso-de/anna procurement --influence medium --on 2026-01-05
  kam-org link contoso/wei contoso-de/siobhan --kind influences --strength 3
  kam-org link contoso/david contoso-de/david --kind advises --strength 2
  kam-org link contoso-de/anna contoso/maria --kind allies
  kam-stance set contoso/wei support --on 2026-02-01
  kam-stance set contoso/maria neutral --on 2025-10-01
  kam-stance set contoso-de/siobhan support --on 2026-02-10
  kam-stance set contoso-de/anna oppose --on 2026-02-20
  kam-stance set contoso-de/jurgen neutral --on 2026-01-20
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# The subsidiary's deal: its people in its box, the parent's CEO (the
# manager of its head), CIO (decision-maker, dotted-line manager), CFO
# (finance) and architect (a link) in the parent's.
run deal 0 kam-map contoso-de/erp
expect_out deal map-group-deal.dot
run buying 0 kam-map --view buying contoso-de/erp
expect_out buying map-group-buying.dot
run org 0 kam-map --view org contoso
expect_out org map-group-org.dot

# clusters NAME: the clusters of a DOT, with their labels, one a line,
# nested ones indented (not the undrawn boxes that hold stacks).
clusters() {
  awk '/subgraph "cluster_@_stacks_/ { name = ""; next }
       /subgraph "cluster_@/ { d = 0; for (i = 1; substr($0, i, 1) == "\t"; i++) d++
         name = $0; sub(/^\t*subgraph "/, "", name); sub(/" \{$/, "", name); next }
       name != "" && /label=</ { l = $0; sub(/.*<B>/, "", l); sub(/<\/B>.*/, "", l)
         printf "%*s%s %s\n", 2 * (d - 1), "", name, l; name = "" }' "$T/$1.out"
}
clusters buying >"$T/buying-clusters.out"
expect_text buying-clusters "cluster_@contoso-de Contoso Deutschland GmbH
  cluster_@contoso-de/procurement procurement
  cluster_@contoso-de/business business
  cluster_@contoso-de/technical technical
cluster_@contoso Contoso Ltd
  cluster_@contoso/finance finance
  cluster_@contoso/decision-maker decision-maker"
clusters deal >"$T/deal-clusters.out"
expect_text deal-clusters "cluster_@contoso-de Contoso Deutschland GmbH
cluster_@contoso Contoso Ltd"
# The people of the parent are ACCOUNT/HANDLE: the two David Smiths stay
# two nodes.
grep -q '^	*david	\[' "$T/deal.out" || fail "deal: no node david"
grep -q '^	*"contoso/david"	\[' "$T/deal.out" || fail "deal: no node contoso/david"
count=$((count + 2))

# Each view takes in the people of other accounts by the edges it draws:
# the influence view by links only (Margaret, reached by a reporting
# line, is not drawn; fdp lays out the boxes).
run influence 0 kam-map --view influence contoso-de
grep -q 'layout=fdp' "$T/influence.out" || fail "influence: not laid out by fdp"
grep -q 'contoso/margaret' "$T/influence.out" && fail "influence: Margaret drawn, reached by no link"
grep -q '"contoso/wei"' "$T/influence.out" || fail "influence: Wei Chen, who influences Siobhán, not drawn"
count=$((count + 3))
# The org view by reporting lines only: Wei Chen (dotted line) is drawn,
# María (only an ally of Anna) is not.
run de-org 0 kam-map --view org contoso-de
grep -q '"contoso/wei"' "$T/de-org.out" || fail "de-org: the dotted-line manager not drawn"
grep -q 'contoso/maria' "$T/de-org.out" && fail "de-org: María drawn, reached by no reporting line"
count=$((count + 2))
# The buying view by roles: before María's role began, the parent's box
# holds only Wei Chen.
run before 0 kam-map --view buying --as-of 2026-01-31 contoso-de/erp
grep -q 'contoso/maria' "$T/before.out" && fail "before: María drawn before her role began"
grep -q '"cluster_@contoso/decision-maker"' "$T/before.out" || fail "before: no decision-maker box in the parent's"
count=$((count + 2))

# A map whose people are of one account draws no cluster, and is the
# same bytes as the map of the same account outside any group.
run wei-focus 0 kam-map --view org --focus wei --depth 0 contoso
grep -q 'cluster' "$T/wei-focus.out" && fail "wei-focus: a cluster on a map of one account"
count=$((count + 1))
for db in "$KAM_DB" "$T/alone.db"; do
  [ "$db" = "$KAM_DB" ] || KAM_DB=$db kam-org init >/dev/null
  {
    KAM_DB=$db kam-org account add solo --name "Solo AG"
    KAM_DB=$db kam-org person add solo/boss --name Boss --level 1
    KAM_DB=$db kam-org person add solo/a --name A --level 2 --reports-to solo/boss
    KAM_DB=$db kam-org person add solo/b --name B --level 2 --reports-to solo/boss
    KAM_DB=$db kam-org deal add solo/d --name D
    KAM_DB=$db kam-org role solo/d solo/a technical
    KAM_DB=$db kam-stance set solo/a support
  } >/dev/null
done
# In the store of the group, solo has a subsidiary with a person of its
# own, tied to nobody of solo's.
kam-org account add solo-sub --name "Solo Sub" --parent solo >/dev/null
kam-org person add solo-sub/x --name X --level 1 >/dev/null
for v in all org buying influence; do
  s=solo
  [ $v = buying ] && s=solo/d
  run group-$v 0 kam-map --view $v $s
  KAM_DB="$T/alone.db" run alone-$v 0 kam-map --view $v $s
  count=$((count + 1))
  cmp -s "$T/group-$v.out" "$T/alone-$v.out" ||
    fail "$v: the map of an account of a group differs from the same account alone"
  grep -q cluster_@ "$T/group-$v.out" && fail "$v: an account cluster on a map of one account"
done

# The pictures render.
for v in all buying; do
  run png-$v 0 kam-map --view $v -o "$T/$v.png" contoso-de/erp
  [ -s "$T/$v.png" ] || fail "png-$v: empty"
  count=$((count + 1))
done

# Real-sized: the 71 lawyers of examples/lawfirm, their three offices
# made accounts of one group (Boston the parent, with the managing
# partner to whom the heads of Hartford and Providence report).
X="$KAM_SRCDIR/examples/lawfirm"
export KAM_DB="$T/firm.db"
{
  kam-org init
  kam-org account add sgr --name 'SG&R Boston'
  kam-org account add sgr-hartford --name 'SG&R Hartford' --parent sgr
  kam-org account add sgr-providence --name 'SG&R Providence' --parent sgr
  awk -F, -f "$X/ranks.awk" "$X/lazega-people.csv" >"$T/people.csv"
  for a in sgr sgr-hartford sgr-providence; do
    awk -F, -v a=$a 'function acc(o) { return o == "Boston" ? "sgr" : o == "Hartford" ? "sgr-hartford" : "sgr-providence" }
      NR == FNR { if (FNR > 1) acct[$1] = acc($4); next }
      FNR == 1 { print; next }
      acct[$1] == a { if ($6 != "" && acct[$6] != a) $6 = acct[$6] "/" $6; print }' \
      OFS=, "$T/people.csv" "$T/people.csv" >"$T/people-$a.csv"
    kam-org import $a "$T/people-$a.csv"
  done
} >"$T/firm.out" 2>&1 || { cat "$T/firm.out"; exit 1; }
run firm 0 kam-map --view org sgr
clusters firm >"$T/firm-clusters.out"
expect_text firm-clusters "cluster_@sgr SG&amp;R Boston
cluster_@sgr-hartford SG&amp;R Hartford
cluster_@sgr-providence SG&amp;R Providence"
# Boston's 48 lawyers, and the three heads of the other offices who
# report to the managing partner; nobody else.
got=$(grep -c '^	*"*[a-z/-]*l[0-9][0-9]"*	\[' "$T/firm.out")
[ "$got" = 51 ] || fail "firm: $got people drawn, expected 51"
grep -q '"sgr-hartford/l03"' "$T/firm.out" || fail "firm: the head of litigation in Hartford not drawn"
grep -q '"sgr-hartford/l14"' "$T/firm.out" && fail "firm: a Hartford lawyer two steps away drawn"
count=$((count + 3))
# On a 16:9 slide.
run firm-slide 0 kam-map --view org --fit 16:9 -o "$T/firm.png" sgr
size=$(od -An -tu1 -j16 -N8 "$T/firm.png" | awk '{ print $3 * 256 + $4, $7 * 256 + $8 }')
[ "$size" = "1920 1080" ] || fail "firm-slide: $size"
count=$((count + 1))

done_testing
