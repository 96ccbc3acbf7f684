#!/bin/sh
# kam-org check DEAL and ACCOUNT: the red flags the stances raise
# (doubtful-coach, opposing-buyer, unknown-influencer, stale-stance,
# single-supporter, no-supporter), each at its boundary and on both
# sides, exit 1 while any remains and 0 once none does; and a solid
# reporting line between equal levels, which is no rank inversion.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
export KAM_ACCOUNT=acme
{
  kam-org person add boss --name Boss --level 1
  kam-org person add cfo --name CFO --level 2 --reports-to boss
  kam-org person add cto --name CTO --level 2 --reports-to boss
  kam-org person add biz --name Biz --level 2 --reports-to boss
  kam-org person add coach --name Coach --level 3 --reports-to cto
  kam-org person add user --name User --level 3 --reports-to cto
  kam-org deal add his --name HIS
  kam-org role his boss decision-maker --influence high
  kam-org role his cfo finance --influence medium
  kam-org role his cto technical --influence high
  kam-org role his biz business --influence medium
  kam-org role his coach coach --influence low
  kam-org role his user user --influence medium
} >/dev/null

# Nothing known: the two of high influence, and the coach.
run unknown 1 kam-org check his
expect_text unknown "flag	subject	message
doubtful-coach	acme/coach	coach Coach (acme/coach) has no known stance toward us in 'acme/his'
unknown-influencer	acme/boss	Boss (acme/boss), of high influence in 'acme/his', has no known stance
unknown-influencer	acme/cto	CTO (acme/cto), of high influence in 'acme/his', has no known stance"

# Opponents: the decision-maker and finance are buyers, business is not.
# A medium-influence member of unknown stance is not flagged.
kam-stance set boss oppose --on 2026-02-01 >/dev/null
kam-stance set cfo oppose --on 2026-02-01 >/dev/null
kam-stance set biz oppose --on 2026-02-01 >/dev/null
kam-stance set cto neutral --on 2026-02-01 >/dev/null
kam-stance set coach neutral --on 2026-02-01 >/dev/null
run buyers 1 kam-org check his
expect_text buyers "flag	subject	message
opposing-buyer	acme/boss	decision-maker Boss (acme/boss) opposes us in 'acme/his' (since 2026-02-01)
opposing-buyer	acme/cfo	finance CFO (acme/cfo) opposes us in 'acme/his' (since 2026-02-01)
doubtful-coach	acme/coach	coach Coach (acme/coach) is neutral toward us in 'acme/his'
no-supporter	acme/his	nobody in the buying group of 'acme/his' supports us"

# One supporter: the coach, who also favours Oracle.
kam-stance set boss neutral --on 2026-02-02 >/dev/null
kam-stance set cfo neutral --on 2026-02-02 >/dev/null
kam-stance set biz neutral --on 2026-02-02 >/dev/null
kam-stance set coach support --on 2026-02-02 >/dev/null
kam-stance set coach support --toward orcl --on 2026-02-02 >/dev/null
run single 1 kam-org -F csv check his
expect_text single "flag,subject,message
doubtful-coach,acme/coach,coach Coach (acme/coach) also supports Oracle in 'acme/his'
single-supporter,acme/his,Coach (acme/coach) is the only supporter in the buying group of 'acme/his'"

# Clean: two supporters, a coach we can rely on.
kam-stance set coach neutral --toward orcl --on 2026-02-03 >/dev/null
kam-stance set cto support --on 2026-02-03 >/dev/null
run clean 0 kam-org check his
expect_text clean "flag	subject	message"

# Stale: the latest observation in force, toward us or a competitor,
# more than stale.days (90) old.  On 4 May, 2 February is 91 days old,
# 3 February 90; the coach's latest, toward Oracle, is from 3 February.
run day91 1 env KAM_NOW=2026-05-04 kam-org check his
expect_text day91 "flag	subject	message
stale-stance	acme/boss	the latest observation of Boss (acme/boss), of the buying group of 'acme/his', is from 2026-02-02, 91 days before 2026-05-04 (more than 90)
stale-stance	acme/biz	the latest observation of Biz (acme/biz), of the buying group of 'acme/his', is from 2026-02-02, 91 days before 2026-05-04 (more than 90)
stale-stance	acme/cfo	the latest observation of CFO (acme/cfo), of the buying group of 'acme/his', is from 2026-02-02, 91 days before 2026-05-04 (more than 90)"
for p in boss biz cfo user; do kam-stance set $p neutral --on 2026-02-03 >/dev/null; done
run at90 0 env KAM_NOW=2026-05-04 kam-org check his
expect_text at90 "flag	subject	message"
run at91 1 env KAM_NOW=2026-05-05 kam-org -F tsv check his
cut -f1,2 "$T/at91.out" >"$T/at91c.out"
expect_text at91c "flag	subject
stale-stance	acme/boss
stale-stance	acme/cto
stale-stance	acme/biz
stale-stance	acme/cfo
stale-stance	acme/user
stale-stance	acme/coach"
kam-gate setting stale.days 91
run setting91 0 env KAM_NOW=2026-05-05 kam-org check his
kam-gate setting stale.days --reset

# An account check: each deal's flags after the record flags.
kam-org deal add crm --name CRM >/dev/null
kam-org role crm boss decision-maker --influence high >/dev/null
kam-org role crm cto technical --influence high >/dev/null
kam-org role crm biz business >/dev/null
kam-org role crm cfo finance >/dev/null
kam-org role crm coach coach >/dev/null
kam-stance set cto oppose --deal crm --on 2026-02-10 >/dev/null
run account 1 kam-org check acme
expect_text account "flag	subject	message
single-supporter	acme/crm	Coach (acme/coach) is the only supporter in the buying group of 'acme/crm'"

# A solid line between equal levels is no rank inversion; one level up
# is.
kam-org deal add done --name Done >/dev/null
kam-org person set user --reports-to coach >/dev/null
run equal-levels 1 kam-org check acme
grep -c rank-inversion "$T/equal-levels.out" >"$T/inv.out"
expect_text inv 0
kam-org person set user --level 4 --reports-to coach >/dev/null
kam-org person set coach --level 5 >/dev/null
run inversion 1 kam-org check acme
grep rank-inversion "$T/inversion.out" >"$T/inv2.out"
expect_text inv2 "rank-inversion	acme/user	'acme/user' (level 4) reports to 'acme/coach' (level 5), of a lower rank"

done_testing
