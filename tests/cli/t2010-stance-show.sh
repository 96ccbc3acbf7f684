#!/bin/sh
# kam-stance show: the stance of each person on a day (--as-of), as known
# at a time (--known-at), toward us or a competitor, for an account or a
# deal (the deal's own stance first, the general one as fallback).
. "$(dirname "$0")/lib.sh"

at() { KAM_NOW=$1; export KAM_NOW; shift; "$@" >/dev/null || fail "setup: $*"; }

at 2026-01-01T09:00:00Z kam-org init
at 2026-01-01T09:00:00Z kam-org account add acme --name 'Acme 公司'
at 2026-01-01T09:00:00Z kam-org person add acme/li-wei --name '李伟' --title CFO
at 2026-01-01T09:00:00Z kam-org person add acme/zhang --name '张三'
at 2026-01-01T09:00:00Z kam-org person add acme/wang --name '王五'
at 2026-01-01T09:00:00Z kam-org competitor add rivalco --name RivalCo
at 2026-01-01T09:00:00Z kam-org deal add acme/his-2027 --name HIS
at 2026-01-01T09:00:00Z kam-org role acme/his-2027 acme/li-wei finance
at 2026-01-01T09:00:00Z kam-org role acme/his-2027 acme/wang technical
at 2026-01-05T10:00:00Z kam-stance set acme/li-wei support --on 2026-01-05 --note lunch
at 2026-01-20T10:00:00Z kam-stance set acme/zhang neutral --on 2026-01-15
at 2026-02-12T10:00:00Z kam-stance set acme/li-wei oppose --on 2026-02-10 --source 'email from the CFO'
# The same day, recorded later: it wins (until retracted below).
at 2026-02-12T11:00:00Z kam-stance set acme/li-wei neutral --on 2026-02-10
at 2026-02-15T10:00:00Z kam-stance set acme/zhang support --deal his-2027 --on 2026-02-14
at 2026-02-20T10:00:00Z kam-stance set acme/zhang + --toward rivalco --on 2026-02-01
at 2026-02-25T10:00:00Z kam-stance retract 4 --why misheard
at 2026-02-26T10:00:00Z kam-stance correct 2 oppose --on 2026-01-16 --why 'he was opposed'
KAM_NOW=2026-03-02T09:00:00Z
export KAM_NOW

run now 0 kam-stance show acme
expect_out now stance-show-now.tsv
run table 0 kam-stance -F table show acme
expect_out table stance-show-now.table
run json 0 kam-stance -F json show acme
expect_out json stance-show-now.json
# -a names the account; without any, everyone is shown.
run dash-a 0 kam-stance -a acme show
expect_out dash-a stance-show-now.tsv
run all 0 kam-stance show
expect_out all stance-show-now.tsv
run deal 0 kam-stance show acme/his-2027
expect_out deal stance-show-deal.tsv
# With -a, a bare word that is no account's handle is a deal of -a's account.
run deal-bare 0 kam-stance -a acme show his-2027
cmp -s "$T/deal.out" "$T/deal-bare.out" || fail "deal-bare: differs from show acme/his-2027"
run account-bare 0 kam-stance -a acme show acme
cmp -s "$T/now.out" "$T/account-bare.out" || fail "account-bare: differs from show acme"
run deal-bare-typo 4 kam-stance -a acme show his-2072
expect_err deal-bare-typo "kam-stance: unknown deal 'acme/his-2072' (did you mean 'acme/his-2027'?)"
run as-of 0 kam-stance show acme --as-of 2026-01-31
expect_out as-of stance-show-as-of.tsv
# What we had recorded by 1 February: the correction of 2 was not known.
run known-at 0 kam-stance show acme --as-of 2026-01-31 --known-at 2026-02-01
expect_out known-at stance-show-known-at.tsv
# By 20 February the same-day neutral (4) was not yet retracted.
run known-at2 0 kam-stance show acme --known-at 2026-02-20T10:00:00Z
expect_out known-at2 stance-show-known-at2.tsv
run toward 0 kam-stance show acme --toward rivalco
expect_out toward stance-show-toward.tsv
run before 0 kam-stance -F csv show acme --as-of 2025-12-31
expect_out before stance-show-before.csv

run known-early 4 kam-stance show acme --known-at 2026-01-05T09:59:59Z
expect_err known-early "kam-stance: nothing was recorded by '2026-01-05T09:59:59Z' (the first observation was recorded at 2026-01-05T10:00:00Z)"
run known-bad 3 kam-stance show acme --known-at 2026-02-01T25:00:00Z
expect_err known-bad "kam-stance: malformed timestamp '2026-02-01T25:00:00Z' for --known-at (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"
run as-of-bad 3 kam-stance show acme --as-of 2026-13-01
expect_err as-of-bad "kam-stance: impossible date '2026-13-01' for --as-of"
run as-of-malformed 3 kam-stance show acme --as-of yesterday
expect_err as-of-malformed "kam-stance: malformed date 'yesterday' for --as-of (use YYYY-MM-DD)"
run bad-account 4 kam-stance show acne
expect_err bad-account "kam-stance: unknown account 'acne' (did you mean 'acme'?)"
run bad-deal 4 kam-stance show acme/his-2028
expect_err bad-deal "kam-stance: unknown deal 'acme/his-2028' (did you mean 'acme/his-2027'?)"
run bad-rival 4 kam-stance show acme --toward rival
expect_err bad-rival "kam-stance: unknown competitor 'rival' (did you mean 'rivalco'?)"
run extra 2 kam-stance show acme beta
expect_err extra "kam-stance: unexpected 'beta'
usage: kam-stance show [ACCOUNT | ACCOUNT/DEAL] [--as-of DATE] [--known-at TIMESTAMP] [--toward COMPETITOR]"

# An empty store: --known-at has nothing to look back on.
KAM_DB="$T/empty.db"
export KAM_DB
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
run empty 0 kam-stance show acme
expect_text empty "person	name	stance	since	toward	deal	recorded_by	recorded	id"
run empty-known 4 kam-stance show acme --known-at 2026-03-01
expect_err empty-known "kam-stance: nothing was recorded by '2026-03-01T23:59:59Z' (the store holds no observations)"

done_testing
