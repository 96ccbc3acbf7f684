#!/bin/sh
# kam-stance about a deal of another account of the person's group: the
# parent's CIO, decision-maker of the subsidiary's deal, has a stance on
# that deal (set and import), which the deal's map draws; a deal of an
# account outside the group is still refused, exit 5, nothing changed.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
{
  kam-org account add contoso --name "Contoso Ltd"
  kam-org account add contoso-de --name "Contoso Deutschland GmbH" --parent contoso
  kam-org account add fabrikam --name Fabrikam
  kam-org person add contoso/wei --name "Wei Chen" --title CIO
  kam-org person add contoso/maria --name "María García" --title CFO
  kam-org person add contoso-de/jurgen --name "Jürgen Weiß"
  kam-org person add fabrikam/petra --name "Petra Novak"
  kam-org deal add contoso-de/erp --name ERP-Migration
  kam-org role contoso-de/erp contoso/wei decision-maker --influence high
  kam-org role contoso-de/erp contoso/maria finance
  kam-org role contoso-de/erp contoso-de/jurgen business
  kam-stance set contoso/wei neutral --on 2026-02-01
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

run set 0 kam-stance set contoso/wei support --deal contoso-de/erp --on 2026-02-20
expect_sql set-store "SELECT p.handle, o.stance, a.handle || '/' || d.handle FROM observation o JOIN person p ON p.id = o.person_id JOIN deal d ON d.id = o.deal_id JOIN account a ON a.id = d.account_id" "wei|support|contoso-de/erp"
printf 'person,stance,on,toward,deal,note,source\ncontoso/maria,oppose,2026-02-21,,contoso-de/erp,,\n' >"$T/in.csv"
run import 0 kam-stance import "$T/in.csv"
expect_sql import-store "SELECT count(*) FROM observation WHERE deal_id IS NOT NULL" "2"

# The deal's map draws the deal's stance of the parent's people; the
# account's own stance of Wei Chen (neutral) gives way to it.
run map 0 kam-map --view buying contoso-de/erp
grep -q '"contoso/wei"	\[fillcolor="#009E73",' "$T/map.out" || fail "map: Wei Chen not drawn as a supporter"
grep -q '"contoso/maria"	\[fillcolor="#D55E00",' "$T/map.out" || fail "map: María not drawn as opposed"
count=$((count + 2))

# Outside the group: refused, set and import alike.
snapshot
run other 5 kam-stance set fabrikam/petra support --deal contoso-de/erp
expect_err other "kam-stance: deal 'contoso-de/erp' is not of the person's account 'fabrikam' or its group"
unchanged other
printf 'person,stance,on,toward,deal,note,source\nfabrikam/petra,support,2026-02-21,,contoso-de/erp,,\n' >"$T/out.csv"
run other-import 5 kam-stance import "$T/out.csv"
expect_err other-import "kam-stance: $T/out.csv:2: deal 'contoso-de/erp' is not of the person's account 'fabrikam' or its group"
unchanged other-import

done_testing
