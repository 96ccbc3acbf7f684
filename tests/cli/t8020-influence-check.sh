#!/bin/sh
# kam-org check, hidden-influencer: a person in the top tenth of
# influence (rounded up; ties with the last of it included) whose level
# number is above the account's median, outside the deal's buying group
# or of no known stance.  Each boundary on both sides: rank k and k + 1,
# the tenth growing from 1 to 2 with the eleventh person, a tie at the
# edge, a level at the median and one above it, in the group or not,
# stance known or not; and the flags of an account check, deal by deal.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
# Ten people.  x1 advises a1-a4 and takes all their weight; x2 and x3
# both advise a5-a7 and share theirs: x1 first, x2 and x3 tied next.
# Levels 1 2 2 3 3 3 3 4 4 4: the median is 3.
{
  kam-org person add a1 --name A1 --level 1
  kam-org person add a2 --name A2 --level 2
  kam-org person add a3 --name A3 --level 2
  for p in a4 a5 a6 a7; do kam-org person add $p --name $p --level 3; done
  for p in x1 x2 x3; do kam-org person add $p --name $p --level 4; done
  for p in a1 a2 a3 a4; do kam-org link x1 $p --kind advises; done
  for p in a5 a6 a7; do
    kam-org link x2 $p --kind advises
    kam-org link x3 $p --kind advises
  done
  kam-org deal add erp --name ERP
  kam-org role erp a1 decision-maker
  kam-org role erp a2 technical
  kam-org role erp a3 business
  kam-org role erp a4 finance
  kam-org role erp a5 coach
  # Where the buying group stands is known, so that only hidden
  # influencers are flagged.
  for p in a1 a2 a3 a4 a5; do kam-stance set $p support; done
} >/dev/null

run rank 0 kam-org -F tsv influence
cut -f1 "$T/rank.out" | sed -n 2,4p | tr '\n' ' ' >"$T/top3.out"
echo >>"$T/top3.out"
expect_text top3 "acme/x1 acme/x2 acme/x3 "
cut -f6 "$T/rank.out" | sed -n 3,4p | uniq | wc -l | tr -d ' ' >"$T/tied.out"
expect_text tied 1

# Ten people: the top tenth is x1 alone (rank 1 in, rank 2 out).
run ten 1 kam-org check erp
expect_text ten "flag	subject	message
hidden-influencer	acme/x1	'acme/x1' (level 4, below the median level 3) is in the top tenth by influence (rank 1 of 10) and is outside the buying group of 'acme/erp', with no known stance"

# The median: x1 at level 3, the median itself, is not flagged; the
# median stays 3 (1 2 2 3 3 3 3 3 4 4).
kam-org person set x1 --level 3 >/dev/null
run at-median 0 kam-org check erp
expect_text at-median "flag	subject	message"
kam-org person set x1 --level 4 >/dev/null

# In the group, of no known stance; then with a stance: clean.
kam-org role erp x1 influencer >/dev/null
run in-group 1 kam-org check erp
expect_text in-group "flag	subject	message
hidden-influencer	acme/x1	'acme/x1' (level 4, below the median level 3) is in the top tenth by influence (rank 1 of 10) and has no known stance on 'acme/erp'"
kam-stance set x1 support --deal erp >/dev/null
run known 0 kam-org check erp
expect_text known "flag	subject	message"

# An eleventh person: the top tenth is two, x2 and x3, tied (both rank
# 2, as people of equal influence share a rank, and the tie is in); a
# general stance is known for x2, who is outside
# the group.  a8 has level 4 but no weight from a link: not flagged.
kam-org person add a8 --name A8 --level 4 >/dev/null
kam-stance set x2 neutral >/dev/null
run eleven 1 kam-org check erp
expect_text eleven "flag	subject	message
hidden-influencer	acme/x2	'acme/x2' (level 4, below the median level 3) is in the top tenth by influence (rank 2 of 11) and is outside the buying group of 'acme/erp'
hidden-influencer	acme/x3	'acme/x3' (level 4, below the median level 3) is in the top tenth by influence (rank 2 of 11) and is outside the buying group of 'acme/erp', with no known stance"
# A fourth influencer, tied with nobody at the edge, stays out: y advises
# a8 alone, and ranks below x2 and x3.
kam-org person add y --name Y --level 4 >/dev/null
kam-org link y a8 --kind advises >/dev/null
run edge 1 kam-org -F tsv check erp
grep -c hidden-influencer "$T/edge.out" >"$T/edge-count.out"
expect_text edge-count 2
grep -q "acme/y	" "$T/edge.out" && fail "edge: y, below the top tenth, is flagged"
count=$((count + 1))
kam-org unlink y a8 --kind advises >/dev/null

# Twelve people now (a8, y).  An account check: the record flags first, then the hidden influencers
# deal by deal in handle order (crm before erp).
kam-org deal add crm --name CRM >/dev/null
run account 1 kam-org -F tsv check acme
cut -f1,2 "$T/account.out" >"$T/account2.out"
expect_text account2 "flag	subject
no-decision-maker	acme/crm
no-technical	acme/crm
no-business	acme/crm
no-finance	acme/crm
no-coach	acme/crm
hidden-influencer	acme/x1
hidden-influencer	acme/x2
hidden-influencer	acme/x3
hidden-influencer	acme/x2
hidden-influencer	acme/x3"
# x1's stance is about erp, where he holds a role: about crm, where he
# holds none, it is unknown.
grep "acme/x1" "$T/account.out" | cut -f3 >"$T/x1.out"
expect_text x1 "'acme/x1' (level 4, below the median level 3) is in the top tenth by influence (rank 1 of 12) and is outside the buying group of 'acme/crm', with no known stance"
# A deal's check names only that deal.
run crm 1 kam-org -F tsv check crm
grep -c "hidden-influencer" "$T/crm.out" >"$T/crm-count.out"
expect_text crm-count 3
grep -q "acme/erp" "$T/crm.out" && fail "crm: names another deal"
count=$((count + 1))

# kam-gate report lists the flags among its red flags.
run report 0 kam-gate report erp
grep -c "is in the top tenth by influence" "$T/report.out" >"$T/report-count.out"
expect_text report-count 2

# Without a single link, nobody is flagged, whatever the levels.
kam-org account add flat --name Flat >/dev/null
kam-org person add flat/boss --name Boss --level 1 >/dev/null
kam-org person add flat/low --name Low --level 5 >/dev/null
kam-org deal add flat/d --name D >/dev/null
run flat 1 kam-org -F tsv check flat/d
grep -c hidden-influencer "$T/flat.out" >"$T/flat-count.out"
expect_text flat-count 0

done_testing
