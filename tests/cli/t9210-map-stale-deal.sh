#!/bin/sh
# kam-map fades stale stances on deal maps as on account maps, relative
# to the day the map is drawn for: today when no --as-of is given (here
# with no KAM_NOW at all, the real clock), else the --as-of day.  A
# stance exactly stale.days old is not stale, one day more is; the deal's
# own stance, where there is one, is the one judged.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

unset KAM_NOW
today=$(date -u +%F)
ago() { date -u -d "$today - $1 days" +%F; }
d90=$(ago 90) d91=$(ago 91) d10=$(ago 10) d30=$(ago 30)

kam-org init >/dev/null
{
  kam-org account add acme --name Acme
  kam-org person add acme/a --name A --level 1
  kam-org person add acme/b --name B --level 2 --reports-to a
  kam-org person add acme/c --name C --level 2 --reports-to a
  kam-org deal add acme/his --name HIS
  kam-org role acme/his a decision-maker --influence high --on "$d91"
  kam-org role acme/his b finance --influence medium --on "$d91"
  kam-org role acme/his c technical --influence high --on "$d91"
  # a: exactly 90 days ago, on the deal; b: 91 days ago, on the deal;
  # c: 91 days ago on the account, 10 days ago on the deal.
  kam-stance set acme/a support --deal his --on "$d90"
  kam-stance set acme/b oppose --deal his --on "$d91"
  kam-stance set acme/c neutral --on "$d91"
  kam-stance set acme/c support --deal his --on "$d10"
} >/dev/null

# node NAME FILE: the DOT statement of one person, on one line.
node() {
  awk -v n="$1" '$0 ~ "^\t*" n "\t\\[" { on = 1 } on { printf "%s", $0 }
    on && /\];$/ { exit }' "$2" | tr -d '\t'
  echo
}
legend='<TD BGCOLOR="#BBBBBB70"><FONT POINT-SIZE="10"><I>seen</I></FONT></TD><TD ALIGN="LEFT">stance seen more than 90 days ago</TD>'

# The deal map of today, in both views that draw the group.
for v in all buying; do
  run $v 0 kam-map acme/his --view $v
  grep -q "stance toward us on $today" "$T/$v.out" || fail "$v: the legend is not of today"
  node a "$T/$v.out" >"$T/$v-a.out"
  node b "$T/$v.out" >"$T/$v-b.out"
  node c "$T/$v.out" >"$T/$v-c.out"
  expect_text $v-a "a[fillcolor=\"#009E73\",label=<<B>✔ A</B><BR/><FONT POINT-SIZE=\"10\">decision-maker (high)</FONT>>];"
  expect_text $v-b "b[color=\"#A0A0A0\",fillcolor=\"#D55E0070\",label=<<B>✖ B</B><BR/><FONT POINT-SIZE=\"10\">finance (medium)</FONT><BR/><FONT POINT-SIZE=\"10\"><I>seen $d91</I></FONT>>];"
  expect_text $v-c "c[fillcolor=\"#009E73\",label=<<B>✔ C</B><BR/><FONT POINT-SIZE=\"10\">technical (high)</FONT>>];"
  grep -qF "$legend" "$T/$v.out" || fail "$v: the legend does not say what is stale"
  count=$((count + 1))
done

# The account map of today: c's account stance is the one drawn, and it
# is 91 days old.
run account 0 kam-map acme
node c "$T/account.out" >"$T/account-c.out"
expect_text account-c "c[color=\"#A0A0A0\",fillcolor=\"#F0E44270\",label=<<B>○ C</B><BR/><FONT POINT-SIZE=\"10\">his: technical (high)</FONT><BR/><FONT POINT-SIZE=\"10\"><I>seen $d91</I></FONT>>];"

# As of 30 days ago, nothing is stale: b's stance was 61 days old.
run as-of 0 kam-map acme/his --as-of "$d30"
grep -q 'seen' "$T/as-of.out" && fail "as-of: a stance faded that was 61 days old on $d30"
count=$((count + 1))
# As of yesterday, b's stance was exactly 90 days old: not stale.
run yesterday 0 kam-map acme/his --view buying --as-of "$(ago 1)"
grep -q 'seen' "$T/yesterday.out" && fail "yesterday: a stance exactly 90 days old faded"
count=$((count + 1))
# As of today, given: the same map as without --as-of.
run today 0 kam-map acme/his --as-of "$today"
cmp -s "$T/today.out" "$T/all.out" || fail "today: --as-of today differs from no --as-of"
count=$((count + 1))

# A picture renders with the faded fill.
run svg 0 kam-map acme/his --view buying -T svg
grep -q 'fill="#d55e00" fill-opacity="0.439216"' "$T/svg.out" ||
  fail "svg: b is not drawn half transparent"
count=$((count + 1))

# The clock moved on while the test ran (midnight): the days are off.
[ "$(date -u +%F)" = "$today" ] || { echo "SKIP: the day changed"; exit 77; }
done_testing
