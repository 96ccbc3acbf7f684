#!/bin/sh
# kam-stance show on a team store, which asks for the whole subject in
# one query, prints what a store file prints, which asks person by
# person: the same history (general and deal rows, toward us and a
# competitor, retracted, corrected, a same-day tie, people with no
# stance, one in a deal's group only by an observation) shown with
# --as-of, --known-at and --toward, for an account, a deal and everyone.
# Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9545

at() { KAM_NOW=$1; export KAM_NOW; }

at 2026-01-10T09:00:00Z
both acme 0 kam-org account add acme --name Acme
both beta 0 kam-org account add beta --name Beta
for p in ann bo cy di ed; do
  both "add-$p" 0 kam-org person add "acme/$p" --name "Name $p"
done
both beta-fay 0 kam-org person add beta/fay --name Fay
both rival 0 kam-org competitor add rivalco --name 'Rival Co'
both deals 0 kam-org import acme "$KAM_SRCDIR/tests/cli/data/team-deals.csv" --kind deals
both role-ann 0 kam-org role acme/erp acme/ann decision-maker
both role-bo 0 kam-org role acme/erp acme/bo technical
both role-di 0 kam-org role acme/erp acme/di user
both set1 0 kam-stance set acme/ann support --on 2026-01-05
both set2 0 kam-stance set acme/bo oppose --on 2026-01-06
both set3 0 kam-stance set acme/ann oppose --on 2026-01-08 --deal acme/erp
both set4 0 kam-stance set acme/cy neutral --on 2026-01-07 --toward rivalco
both set5 0 kam-stance set acme/cy support --on 2026-01-07
both set6 0 kam-stance set acme/ed + --on 2026-01-09 --deal acme/erp
both set7 0 kam-stance set acme/bo support --on 2026-01-09 --deal acme/erp --toward rivalco
both set8 0 kam-stance set beta/fay oppose --on 2026-01-02

at 2026-02-01T09:00:00Z
both retract 0 kam-stance retract 3 --why 'about another deal'
both correct 0 kam-stance correct 2 neutral --on 2026-01-06 --why 'asked again'
both set-ann 0 kam-stance set acme/ann - --on 2026-01-20

at 2026-02-10T09:00:00Z
both tie 0 kam-stance set acme/cy oppose --on 2026-01-07
both retract-toward 0 kam-stance retract 4 --why 'not them'

at 2026-03-02T09:00:00Z
both show 0 kam-stance show acme
both_expect show team-stance-show-subject.tsv
both show-json 0 kam-stance -F json show acme
both show-before 0 kam-stance show acme --as-of 2026-01-04
both show-then 0 kam-stance show acme --as-of 2026-01-07
both show-known 0 kam-stance show acme --known-at 2026-01-31
both show-known-then 0 kam-stance show acme --known-at 2026-02-05 --as-of 2026-01-10
both show-known-first 0 kam-stance show acme --known-at 2026-01-10T09:00:00Z
both show-toward 0 kam-stance show acme --toward rivalco
both show-toward-known 0 kam-stance show acme --toward rivalco --known-at 2026-02-05
both show-deal 0 kam-stance show acme/erp
both_expect show-deal team-stance-show-deal.tsv
both show-deal-known 0 kam-stance show acme/erp --known-at 2026-01-31
both show-deal-then 0 kam-stance show acme/erp --as-of 2026-01-08 --known-at 2026-01-31
both show-deal-before 0 kam-stance show acme/erp --as-of 2026-01-07 --known-at 2026-01-31
both show-deal-toward 0 kam-stance show acme/erp --toward rivalco
both show-deal-toward-then 0 kam-stance show acme/erp --toward rivalco --as-of 2026-01-08
both show-other 0 kam-stance show beta
both show-table 0 kam-stance -F table show acme/erp --known-at 2026-01-31
both show-none 0 kam-stance show acme --toward rivalco --as-of 2026-01-01

done_testing
