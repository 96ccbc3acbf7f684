#!/bin/sh
# kam-org account set --parent: an account that leaves its group (the
# parent cleared, or another group's account made its parent) may not
# leave lines, links or roles across the groups behind.  It is refused
# (exit 5, the store unchanged), naming the ties that cross (at most
# five, then how many more) and how to end them; once they are ended it
# leaves.  Moving within the group, joining a group, and ties within the
# moved subtree, ended, or of people who left are no obstacle.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
{
  kam-org account add contoso --name "Contoso Ltd"
  kam-org account add contoso-de --name "Contoso Deutschland GmbH" --parent contoso
  kam-org account add contoso-uk --name "Contoso UK" --parent contoso
  kam-org account add fabrikam --name Fabrikam
  kam-org person add contoso/margaret --name "Margaret Whitfield" --level 1
  kam-org person add contoso/wei --name "Wei Chen" --level 2 --reports-to contoso/margaret
  kam-org person add contoso/maria --name "María García" --level 2 --reports-to contoso/margaret
  kam-org person add contoso-de/jurgen --name "Jürgen Weiß" --level 2 --reports-to contoso/margaret
  kam-org person add contoso-de/siobhan --name "Siobhán O'Connor" --level 3 --reports-to contoso-de/jurgen --dotted-to contoso/wei
  kam-org person add contoso-de/anna --name "Anna-Lena Krüger" --level 3 --reports-to contoso-de/jurgen
  kam-org deal add contoso-de/erp --name ERP-Migration
  kam-org role contoso-de/erp contoso/maria finance --influence high
  kam-org role contoso-de/erp contoso-de/siobhan technical
  kam-org link contoso/wei contoso-de/siobhan --kind influences --strength 3
  kam-org link contoso-de/anna contoso-de/siobhan --kind allies
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }
end_hint="person set --no-reports-to or --no-dotted, unlink, role rm"

snapshot
run leave 5 kam-org account set contoso-de --parent ""
expect_err leave "kam-org: account 'contoso-de' cannot leave its group while 4 ties cross to it: 'contoso-de/siobhan' has a dotted line to 'contoso/wei'; role finance of 'contoso/maria' in 'contoso-de/erp'; link from 'contoso/wei' to 'contoso-de/siobhan' (influences); 'contoso-de/jurgen' reports to 'contoso/margaret' (end them first: $end_hint)"
unchanged leave
# Made a subsidiary of another group's account: it leaves its group too.
run move-out 5 kam-org account set contoso-de --parent fabrikam
grep -q "^kam-org: account 'contoso-de' cannot leave its group while 4 ties cross to it: " "$T/move-out.err" ||
  fail "move-out: $(cat "$T/move-out.err")"
unchanged move-out
# The other changes of the same command are not made either.
run leave-name 5 kam-org account set contoso-de --parent "" --name "Contoso DE"
expect_sql leave-name-store "SELECT name, (SELECT handle FROM account p WHERE p.id = a.parent_id) FROM account a WHERE handle = 'contoso-de'" "Contoso Deutschland GmbH|contoso"
unchanged leave-name

# Within the group, it moves freely; a group joining another keeps its
# ties within the new, larger group.
run within 0 kam-org account set contoso-de --parent contoso-uk
expect_sql within-store "SELECT p.handle FROM account a JOIN account p ON p.id = a.parent_id WHERE a.handle = 'contoso-de'" "contoso-uk"
run back 0 kam-org account set contoso-de --parent contoso
run join 0 kam-org account set contoso --parent fabrikam
run unjoin 0 kam-org account set contoso --parent ""

# The ties ended one by one; at one, the message is singular.
KAM_NOW=2026-03-09T09:00:00Z
export KAM_NOW
run end-line 0 kam-org person set contoso-de/jurgen --no-reports-to
run end-dotted 0 kam-org person set contoso-de/siobhan --no-dotted
run end-link 0 kam-org unlink contoso/wei contoso-de/siobhan --kind influences
snapshot
run one 5 kam-org account set contoso-de --parent ""
expect_err one "kam-org: account 'contoso-de' cannot leave its group while 1 tie crosses to it: role finance of 'contoso/maria' in 'contoso-de/erp' (end it first: $end_hint)"
unchanged one
run end-role 0 kam-org role rm contoso-de/erp contoso/maria finance
# The ties inside the account (Anna's link, Siobhán's role) stay.
run leave-now 0 kam-org account set contoso-de --parent ""
expect_sql left "SELECT quote(parent_id) FROM account WHERE handle = 'contoso-de'" "NULL"
expect_sql kept "SELECT count(*) FROM link_period WHERE end_on IS NULL AND kind = 'allies'" "1"

# At most five ties are named, then how many more: five, six.
{
  kam-org account add p --name P
  kam-org account add s --name S --parent p
  kam-org person add p/boss --name Boss
  for i in 1 2 3 4 5 6; do kam-org person add s/x$i --name "X $i"; done
  for i in 1 2 3 4 5; do kam-org link p/boss s/x$i --kind advises; done
} >/dev/null
tie() { printf "link from 'p/boss' to 's/x%s' (advises)" "$1"; }
five="$(tie 1); $(tie 2); $(tie 3); $(tie 4); $(tie 5)"
run five 5 kam-org account set s --parent ""
expect_err five "kam-org: account 's' cannot leave its group while 5 ties cross to it: $five (end them first: $end_hint)"
kam-org link p/boss s/x6 --kind advises >/dev/null
run six 5 kam-org account set s --parent ""
expect_err six "kam-org: account 's' cannot leave its group while 6 ties cross to it: $five; and 1 more (end them first: $end_hint)"
# A tie that ended, and the line of someone who left, do not count; nor
# do ties within the subtree that leaves.
for i in 1 2 3 4 5 6; do kam-org unlink p/boss s/x$i --kind advises >/dev/null; done
kam-org account add s2 --name S2 --parent s >/dev/null
kam-org person add s2/y --name Y --reports-to s/x1 >/dev/null
kam-org person set s/x2 --reports-to p/boss >/dev/null
kam-org person leave s/x2 --on 2026-03-09 >/dev/null
run leave-s 0 kam-org account set s --parent ""
expect_sql s2-group "SELECT p.handle FROM account a JOIN account p ON p.id = a.parent_id WHERE a.handle = 's2'" "s"

done_testing
