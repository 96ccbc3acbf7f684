#!/bin/sh
# kam-org deal set, close, reopen and log: deals that move.  An owner and
# an external id unique within the account; every change dated and kept
# in the deal's log; won, lost or abandoned on a day, with a reason;
# reopened on or after that day.  kam-gate list shows open deals unless
# --all, and a closed deal keeps its runs.  Every refusal leaves the
# store as it was.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
export KAM_ACCOUNT=acme

run add 0 kam-org deal add erp --name ERP --value 2400000 --currency EUR \
  --close 2026-06-30 --owner 'Zoe Martin' --ext-id 006A
run add2 0 kam-org deal add crm --name CRM --value 12345678901234567
run add-beta 0 kam-org deal add beta/x --name X --ext-id 006A
expect_sql added "SELECT handle, owner, ext_id, status, quote(closed_on), origin, recorded, recorded_by FROM deal ORDER BY id" \
  "erp|Zoe Martin|006A|open|NULL|added|2026-03-02T09:00:00Z|tester
crm|||open|NULL|added|2026-03-02T09:00:00Z|tester
x||006A|open|NULL|added|2026-03-02T09:00:00Z|tester"
expect_sql no-history "SELECT count(*) FROM deal_history" 0

# A slipped close date and a cut value, dated when they happened; a
# field set to what it holds is not a change.
run slip 0 kam-org deal set erp --close 2026-09-30 --value 2000000.50 \
  --owner 'Zoe Martin' --on 2026-02-15
run owner 0 as_user ann kam-org deal set erp --owner 'Li Wei' --stage shortlisted
run same 0 kam-org deal set erp --owner 'Li Wei' --ext-id 006A
expect_sql slipped "SELECT close_on, value, owner, stage FROM deal WHERE handle = 'erp'" \
  "2026-09-30|2000000.5|Li Wei|shortlisted"
run log 0 kam-org -F tsv deal log erp
expect_text log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-02-15	2026-03-02T09:00:00Z	tester	value	2400000	2000000.5
2026-02-15	2026-03-02T09:00:00Z	tester	close	2026-06-30	2026-09-30
2026-03-02	2026-03-02T09:00:00Z	ann	stage		shortlisted
2026-03-02	2026-03-02T09:00:00Z	ann	owner	Zoe Martin	Li Wei"

# The external id: unique within the account, free in another; clearing.
snapshot
run ext-taken 5 kam-org deal set crm --ext-id 006A
expect_err ext-taken "kam-org: external id '006A' is already deal 'acme/erp''s"
run ext-taken-add 5 kam-org deal add d9 --name D9 --ext-id 006A
expect_err ext-taken-add "kam-org: external id '006A' is already deal 'acme/erp''s"
run on-future 3 kam-org deal set erp --stage won --on 2026-03-03
expect_err on-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run on-bad 3 kam-org deal set erp --stage won --on 2026-02-30
expect_err on-bad "kam-org: impossible date '2026-02-30' for --on"
run owner-ctl 3 kam-org deal set erp --owner "$(printf 'Zoe\tM')"
expect_err owner-ctl "kam-org: --owner contains control character U+0009 (a tab)"
run ext-ctl 3 kam-org deal set erp --ext-id "$(printf '0\0336A')"
expect_err ext-ctl "kam-org: --ext-id contains control character U+001B"
run on-only 2 kam-org deal set erp --on 2026-03-01
head -1 "$T/on-only.err" >"$T/on-only1.err" && mv "$T/on-only1.err" "$T/on-only.err"
expect_err on-only "kam-org: nothing to change (give --close, --cost, --currency, --ext-id, --name, --owner, --stage or --value)"
run on-add 2 kam-org deal add d9 --name D9 --on 2026-03-01
unchanged ext
run today-edge 0 kam-org deal set crm --ext-id 006B --on 2026-03-02
run ext-clear 0 kam-org deal set crm --ext-id ''
expect_sql ext-cleared "SELECT quote(ext_id) FROM deal WHERE handle = 'crm'" NULL
run ext-reuse 0 kam-org deal set crm --ext-id 006B
expect_sql ext-log "SELECT effective, quote(old_value), quote(new_value) FROM deal_history WHERE field = 'ext_id' ORDER BY id" \
  "2026-03-02|NULL|'006B'
2026-03-02|'006B'|NULL
2026-03-02|NULL|'006B'"

# A run before the deal closes; then it is lost.
kam-org person add li --name Li >/dev/null
kam-org role erp li decision-maker --influence high >/dev/null
run gate-run 0 kam-gate run erp
run lost 0 kam-org deal close erp --lost --on 2026-02-28 \
  --reason "$(printf 'price, by 12%%\nand the CIO')"
expect_sql closed "SELECT status, closed_on, reason FROM deal WHERE handle = 'erp'" \
  "lost|2026-02-28|price, by 12%
and the CIO"
run log-closed 0 kam-org -F csv deal log erp
expect_text log-closed 'effective,recorded,actor,field,old,new
2026-03-02,2026-03-02T09:00:00Z,tester,created,,added
2026-02-15,2026-03-02T09:00:00Z,tester,value,2400000,2000000.5
2026-02-15,2026-03-02T09:00:00Z,tester,close,2026-06-30,2026-09-30
2026-03-02,2026-03-02T09:00:00Z,ann,stage,,shortlisted
2026-03-02,2026-03-02T09:00:00Z,ann,owner,Zoe Martin,Li Wei
2026-02-28,2026-03-02T09:00:00Z,tester,status,open,lost
2026-02-28,2026-03-02T09:00:00Z,tester,reason,,"price, by 12%
and the CIO"
2026-03-02,2026-03-02T09:00:00Z,tester,role,,acme/li decision-maker (high)'

# kam-gate list: open deals, or every deal with --all; the closed deal
# keeps its run.
run list 0 env -u KAM_ACCOUNT kam-gate list
expect_text list "deal	name	verdict	as_of	run	recorded	status
acme/crm	CRM					open
beta/x	X					open"
run list-all 0 env -u KAM_ACCOUNT kam-gate list --all
expect_text list-all "deal	name	verdict	as_of	run	recorded	status
acme/crm	CRM					open
acme/erp	ERP	qualify	2026-03-02	1	2026-03-02T09:00:00Z	lost
beta/x	X					open"
run list-acme-all 0 kam-gate list acme --all -F csv
expect_text list-acme-all "deal,name,verdict,as_of,run,recorded,status
acme/crm,CRM,,,,,open
acme/erp,ERP,qualify,2026-03-02,1,2026-03-02T09:00:00Z,lost"
run history 0 kam-gate history erp -F tsv
[ "$(wc -l <"$T/history.out")" = 2 ] || fail "history: the closed deal lost its run"
run list-bad 2 kam-gate list --every
expect_err list-bad "kam-gate: unknown option '--every'
usage: kam-gate list [ACCOUNT] [--all]"

# What close and reopen refuse.
snapshot
run again 5 kam-org deal close erp --won --on 2026-03-01
expect_err again "kam-org: deal 'acme/erp' is already closed (lost on 2026-02-28; reopen it first)"
run none 2 kam-org deal close crm --on 2026-03-01
head -1 "$T/none.err" >"$T/none1.err" && mv "$T/none1.err" "$T/none.err"
expect_err none "kam-org: give one of --won, --lost and --abandoned"
run two 2 kam-org deal close crm --won --lost --on 2026-03-01
head -1 "$T/two.err" >"$T/two1.err" && mv "$T/two1.err" "$T/two.err"
expect_err two "kam-org: give one of --won, --lost and --abandoned"
run no-on 2 kam-org deal close crm --won
head -1 "$T/no-on.err" >"$T/no-on1.err" && mv "$T/no-on1.err" "$T/no-on.err"
expect_err no-on "kam-org: --on is required"
run close-future 3 kam-org deal close crm --won --on 2026-03-03
expect_err close-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run close-bad 3 kam-org deal close crm --won --on 2026-13-01
expect_err close-bad "kam-org: impossible date '2026-13-01' for --on"
run reason-ctl 3 kam-org deal close crm --won --on 2026-03-01 --reason "$(printf 'a\033[2J')"
expect_err reason-ctl "kam-org: --reason contains control character U+001B"
run close-unknown 4 kam-org deal close epr --won --on 2026-03-01
expect_err close-unknown "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
run reopen-open 5 kam-org deal reopen crm
expect_err reopen-open "kam-org: deal 'acme/crm' is open: nothing to reopen"
run reopen-before 3 kam-org deal reopen erp --on 2026-02-27
expect_err reopen-before "kam-org: deal 'acme/erp' closed on 2026-02-28: it cannot reopen on 2026-02-27, before"
run reopen-future 3 kam-org deal reopen erp --on 2026-03-03
expect_err reopen-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run reopen-bad 3 kam-org deal reopen erp --on 2026-02-29
expect_err reopen-bad "kam-org: impossible date '2026-02-29' for --on"
owner_sql "UPDATE deal_history SET new_value = 'won' WHERE field = 'status'" \
  >/dev/null 2>"$T/history-update.err"
grep -q 'deal history is append-only' "$T/history-update.err" ||
  fail "history-update: deal_history was changed"
owner_sql "DELETE FROM deal_history" >/dev/null 2>"$T/history-delete.err"
grep -q 'deal history is append-only' "$T/history-delete.err" ||
  fail "history-delete: deal_history was changed"
unchanged refusals

# Reopened on the day it closed (the edge), then won; closed today (the
# other edge); abandoned without a reason.
run reopen 0 kam-org deal reopen erp --on 2026-02-28
expect_sql reopened "SELECT status, quote(closed_on), quote(reason) FROM deal WHERE handle = 'erp'" "open|NULL|NULL"
run won 0 kam-org deal close erp --won --on 2026-03-02
run abandon 0 kam-org deal close crm --abandoned --on 2026-01-31
expect_sql outcomes "SELECT handle, status, closed_on, quote(reason) FROM deal ORDER BY id" \
  "erp|won|2026-03-02|NULL
crm|abandoned|2026-01-31|NULL
x|open||NULL"
expect_sql log-reopen "SELECT effective, field, quote(old_value), quote(new_value) FROM deal_history WHERE deal_id = 1 AND id > 9 ORDER BY id" \
  "2026-02-28|status|'lost'|'open'
2026-02-28|reason|'price, by 12%
and the CIO'|NULL
2026-03-02|status|'open'|'won'"
run show 0 kam-org -F json deal show erp
expect_text show '{"deal":"acme/erp","name":"ERP","value":2000000.5,"currency":"EUR","close":"2026-09-30","roles":1,"created":"2026-03-02","cost":null,"stage":"shortlisted","owner":"Li Wei","ext_id":"006A","status":"won","closed_on":"2026-03-02","reason":null}'
run reopen-today 0 kam-org deal reopen crm
expect_sql reopened-today "SELECT effective, new_value FROM deal_history WHERE deal_id = 2 ORDER BY id DESC LIMIT 1" "2026-03-02|open"
run list-after 0 kam-gate list acme
expect_text list-after "deal	name	verdict	as_of	run	recorded	status
acme/crm	CRM					open"

# A store of schema version 2 is upgraded: its deals are open, with no
# outcome, and their logs begin with the deal's own record.
KAM_DB="$T/v2.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v2.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO deal (id, account_id, handle, name, value, currency, close_on,
  created) VALUES (3, 1, 'erp', 'ERP', 1200000.5, 'CNY', '2026-12-31',
  '2026-01-05');
PRAGMA application_id = 1262570801;
PRAGMA user_version = 2;
SQL
} | "$SQLITE3" "$KAM_DB"
run v2-list 0 kam-gate list
expect_text v2-list "deal	name	verdict	as_of	run	recorded	status
acme/erp	ERP					open"
expect_sql v2-deal "SELECT status, quote(owner), quote(ext_id), quote(closed_on), quote(recorded), origin FROM deal" \
  "open|NULL|NULL|NULL|NULL|added"
run v2-log 0 kam-org deal log erp
expect_text v2-log "effective	recorded	actor	field	old	new
2026-01-05	2026-01-05		created		added"
run v2-close 0 kam-org deal close erp --won --on 2026-02-01 --reason signed
expect_sql v2-closed "SELECT status, closed_on, reason FROM deal" "won|2026-02-01|signed"

done_testing
