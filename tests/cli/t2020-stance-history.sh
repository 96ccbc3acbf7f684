#!/bin/sh
# kam-stance log, changes and timeline: the audit trail with who and
# when, who moved between two days, and stances by month or quarter.
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

# log: originals, retractions and corrections, with who and when.
run log 0 kam-stance log
expect_out log stance-log-all.tsv
run log-json 0 kam-stance -F json log acme/li-wei
expect_out log-json stance-log-li-wei.json
# With -a, a bare word that is no account's handle is a person of it.
run log-bare 0 kam-stance -a acme -F json log li-wei
cmp -s "$T/log-json.out" "$T/log-bare.out" || fail "log-bare: differs from log acme/li-wei"
run log-account 0 kam-stance log acme
expect_out log-account stance-log-all.tsv
# --since and --until filter by the day recorded.
run log-since 0 kam-stance log acme --since 2026-02-15 --until 2026-02-25
expect_out log-since stance-log-since.tsv
run log-none 0 kam-stance log acme --since 2026-03-01
expect_text log-none "id	kind	target	person	name	stance	toward	deal	effective	recorded	recorded_by	note	source	why"
run log-bad-person 4 kam-stance log acme/li-wie
expect_err log-bad-person "kam-stance: unknown person 'acme/li-wie' (did you mean 'acme/li-wei'?)"
run log-bad-date 3 kam-stance log --since 2026-02-29
expect_err log-bad-date "kam-stance: impossible date '2026-02-29' for --since"
run log-bad-until 3 kam-stance log --until 2026-2-1
expect_err log-bad-until "kam-stance: malformed date '2026-2-1' for --until (use YYYY-MM-DD)"
run log-reversed 3 kam-stance log --since 2026-02-02 --until 2026-02-01
expect_err log-reversed "kam-stance: --since '2026-02-02' is after --until '2026-02-01'"

# changes: one row per person whose stance differs between the days.
run changes 0 kam-stance changes acme --from 2026-01-10 --to 2026-03-01
expect_out changes stance-changes.tsv
run changes-table 0 kam-stance -F table changes acme --from 2026-01-10 --to 2026-03-01
expect_out changes-table stance-changes.table
run changes-deal 0 kam-stance changes acme/his-2027 --from 2026-02-01 --to 2026-03-01
expect_out changes-deal stance-changes-deal.tsv
run changes-toward 0 kam-stance -F json changes acme --toward rivalco --from 2026-01-01 --to 2026-03-01
expect_out changes-toward stance-changes-toward.json
run changes-none 0 kam-stance changes acme --from 2026-02-11 --to 2026-02-13
expect_text changes-none "person	name	from	to	changed	recorded_by	id"
run changes-no-from 2 kam-stance changes acme --to 2026-03-01
expect_err changes-no-from "kam-stance: missing --from
usage: kam-stance changes [ACCOUNT | ACCOUNT/DEAL] --from DATE --to DATE [--toward COMPETITOR]"
run changes-no-to 2 kam-stance changes acme --from 2026-03-01
expect_err changes-no-to "kam-stance: missing --to
usage: kam-stance changes [ACCOUNT | ACCOUNT/DEAL] --from DATE --to DATE [--toward COMPETITOR]"
run changes-reversed 3 kam-stance changes acme --from 2026-03-01 --to 2026-02-01
expect_err changes-reversed "kam-stance: --from '2026-03-01' is after --to '2026-02-01'"
run changes-bad-date 3 kam-stance changes acme --from 2026-04-31 --to 2026-05-01
expect_err changes-bad-date "kam-stance: impossible date '2026-04-31' for --from"

# timeline: a matrix for people, the same data in long form for programs.
run tl-table 0 kam-stance -F table timeline acme --from 2025-12-01
expect_out tl-table stance-timeline.table
run tl-tsv 0 kam-stance timeline acme --by quarter --from 2025-10-01
expect_out tl-tsv stance-timeline-quarter.tsv
run tl-default 0 kam-stance -F table timeline acme/his-2027 --by quarter
expect_out tl-default stance-timeline-deal.table
run tl-json 0 kam-stance -F json timeline acme --from 2026-02-01 --to 2026-02-14
expect_out tl-json stance-timeline.json
run tl-bad-by 2 kam-stance timeline acme --by week
expect_err tl-bad-by "kam-stance: unknown period 'week' for --by (use month or quarter)
usage: kam-stance timeline [ACCOUNT | ACCOUNT/DEAL] [-o FILE] [-T dot | svg | png | pdf] [--by month | quarter] [--from DATE] [--max-lanes N | all] [--to DATE] [--toward COMPETITOR]"
run tl-reversed 3 kam-stance timeline acme --from 2026-03-01 --to 2026-01-01
expect_err tl-reversed "kam-stance: --from '2026-03-01' is after --to '2026-01-01'"
run tl-long 3 kam-stance timeline acme --from 1990-01-01
expect_err tl-long "kam-stance: --from '1990-01-01' to --to '2026-03-02' spans more than 240 periods"

run tl-toward 0 kam-stance -F csv timeline acme --toward rivalco --from 2026-01-01 --to 2026-02-28
expect_text tl-toward "person,name,period,as_of,stance
acme/li-wei,李伟,2026-01,2026-01-31,unknown
acme/li-wei,李伟,2026-02,2026-02-28,unknown
acme/wang,王五,2026-01,2026-01-31,unknown
acme/wang,王五,2026-02,2026-02-28,unknown
acme/zhang,张三,2026-01,2026-01-31,unknown
acme/zhang,张三,2026-02,2026-02-28,support"
run tl-dash-a 0 kam-stance -a acme -F table timeline --from 2025-12-01
expect_out tl-dash-a stance-timeline.table
run tl-bad-account 4 kam-stance timeline acmee
expect_err tl-bad-account "kam-stance: unknown account 'acmee' (did you mean 'acme'?)"
run tl-bad-rival 4 kam-stance timeline acme --toward rivalc0
expect_err tl-bad-rival "kam-stance: unknown competitor 'rivalc0' (did you mean 'rivalco'?)"
run tl-bad-from 3 kam-stance timeline acme --from 2026-02-30
expect_err tl-bad-from "kam-stance: impossible date '2026-02-30' for --from"
run changes-bad-deal 4 kam-stance changes acme/his-2072 --from 2026-01-01 --to 2026-02-01
expect_err changes-bad-deal "kam-stance: unknown deal 'acme/his-2072' (did you mean 'acme/his-2027'?)"
run changes-dash-a 0 kam-stance -a acme changes --from 2026-01-10 --to 2026-03-01
expect_out changes-dash-a stance-changes.tsv
run log-bad-account 4 kam-stance log acmee
expect_err log-bad-account "kam-stance: unknown account 'acmee' (did you mean 'acme'?)"
run log-extra 2 kam-stance log acme acme/li-wei
expect_err log-extra "kam-stance: unexpected 'acme/li-wei'
usage: kam-stance log [PERSON | ACCOUNT] [--since DATE] [--until DATE]"

done_testing
