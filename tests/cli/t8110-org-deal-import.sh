#!/bin/sh
# kam-org import and export --kind deals: the deals of an account with
# their record and outcome.  Exporting, importing into an empty store and
# exporting again gives the same bytes; the kind is told from the
# header; every bad row is refused with FILE:LINE and leaves the store as
# it was.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

A=$T/a.db
{
  kam-org -d "$A" init &&
  kam-org -d "$A" account add acme --name Acme &&
  kam-org -d "$A" account add beta --name Beta &&
  kam-org -d "$A" deal add beta/b1 --name 'Not exported' &&
  kam-org -d "$A" -a acme deal add zz --name 'Big, "exact"' \
    --value 12345678901234567 --cost 0.0001 --currency CNY \
    --close 2026-12-31 --stage '入围 shortlisted' --owner 'Zoe' --ext-id 006Z &&
  kam-org -d "$A" -a acme deal add 医院 --name 'HIS 升级' --value 0.5 &&
  kam-org -d "$A" -a acme deal add aa --name Lost --value 100 &&
  kam-org -d "$A" -a acme deal close aa --lost --on 2026-01-15 \
    --reason "$(printf 'price, by 12%%\n"and" the CIO')" &&
  kam-org -d "$A" -a acme deal add mm --name Won &&
  kam-org -d "$A" -a acme deal close mm --won --on 2026-03-02 &&
  kam-org -d "$A" -a acme deal add nn --name Dropped --ext-id 9 &&
  kam-org -d "$A" -a acme deal close nn --abandoned --on 2025-11-30 --reason 'no budget'
} >/dev/null || fail "setup failed"

run export 0 kam-org -d "$A" export acme --kind deals
expect_text export 'deal,name,value,currency,close,stage,owner,cost,ext_id,status,closed_on,reason
aa,Lost,100,,,,,,,lost,2026-01-15,"price, by 12%
""and"" the CIO"
mm,Won,,,,,,,,won,2026-03-02,
nn,Dropped,,,,,,,9,abandoned,2025-11-30,no budget
zz,"Big, ""exact""",12345678901234567,CNY,2026-12-31,入围 shortlisted,Zoe,0.0001,006Z,open,,
医院,HIS 升级,0.5,,,,,,,open,,'
cp "$T/export.out" "$T/deals.csv"

# Into an empty store, the kind told from the header; the same bytes out.
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
run import 0 kam-org import acme "$T/deals.csv"
run export2 0 kam-org export acme --kind deals
cmp -s "$T/export.out" "$T/export2.out" || fail "export2: the round trip changed the export"
expect_sql imported "SELECT handle, value, cost, status, quote(closed_on), origin, recorded_by FROM deal ORDER BY handle" \
  "aa|100||lost|'2026-01-15'|imported|tester
mm|||won|'2026-03-02'|imported|tester
nn|||abandoned|'2025-11-30'|imported|tester
zz|12345678901234567|0.0001|open|NULL|imported|tester
医院|0.5||open|NULL|imported|tester"
expect_sql imported-exact "SELECT typeof(value), value FROM deal WHERE handle = 'zz'" "text|12345678901234567"
run list 0 kam-gate list acme
expect_text list "deal	name	verdict	as_of	run	recorded	status
acme/zz	Big, \"exact\"					open
acme/医院	HIS 升级					open"
run log 0 kam-org deal log acme/aa
expect_text log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		imported"

# A minimal file: only the required columns, with the account written in
# the handle, given --kind and from standard input.
run minimal 0 sh -c "printf 'name,deal\nMinimal,acme/min\n' | kam-org import acme - --kind deals"
expect_sql minimal "SELECT name, status, quote(value) FROM deal WHERE handle = 'min'" "Minimal|open|NULL"

# Bad rows: the message names the line; nothing is imported.
H='deal,name,value,currency,close,stage,owner,cost,ext_id,status,closed_on,reason'
bad() {
  name=$1 want=$2 msg=$3 row=$4
  printf '%s\nok1,Fine,,,,,,,,,,\n%s\n' "$H" "$row" >"$T/$name.csv"
  run "$name" "$want" kam-org import acme "$T/$name.csv"
  expect_err "$name" "kam-org: $T/$name.csv:3: $msg"
}
snapshot
bad exists 5 "deal 'acme/zz' already exists" 'zz,Again,,,,,,,,,,'
bad dup 5 "deal 'acme/ok1' already exists" 'ok1,Twice,,,,,,,,,,'
bad ext 5 "external id '9' is already deal 'acme/nn''s" 'e1,E,,,,,,,9,,,'
bad noname 3 "deal 'n1' has no name" 'n1,,,,,,,,,,,'
bad handle 3 "invalid deal handle 'a b' (use letters, digits, '.', '_' and '-')" 'a b,A,,,,,,,,,,'
bad other 3 "deal 'beta/b2' is in another account" 'beta/b2,B,,,,,,,,,,'
bad value 3 "invalid value '1e6' (a number, no currency sign)" 'v1,V,1e6,,,,,,,,,'
bad cost 3 "invalid cost '0.00001' (at most 4 decimals)" 'c1,C,,,,,,0.00001,,,,'
bad close 3 "impossible date '2026-02-30' for close" 'd1,D,,,2026-02-30,,,,,,,'
bad status 3 "unknown status 'closed' (use open, won, lost or abandoned)" 's1,S,,,,,,,,closed,,'
bad open-closed 3 "deal 's2' is open but has a closed_on date" 's2,S,,,,,,,,open,2026-01-01,'
bad open-reason 3 "deal 's3' is open but has a reason" 's3,S,,,,,,,,,,why'
bad no-closed 3 "deal 's4' is won but has no closed_on date" 's4,S,,,,,,,,won,,'
bad closed-bad 3 "malformed date '2026-1-5' for closed_on (use YYYY-MM-DD)" 's5,S,,,,,,,,lost,2026-1-5,'
bad closed-future 3 "date '2026-03-03' for closed_on is in the future (today is 2026-03-02)" 's6,S,,,,,,,,lost,2026-03-03,'
bad owner-ctl 3 "owner contains control character U+001B" "o1,O,,,,,$(printf 'Z\033'),,,,,"
bad stage-ctl 3 "stage contains control character U+0009 (a tab)" "o2,O,,,,$(printf 'a\tb'),,,,,,"
unchanged bad-rows
run badkind 2 kam-org import acme "$T/deals.csv" --kind deal
head -1 "$T/badkind.err" >"$T/badkind1.err" && mv "$T/badkind1.err" "$T/badkind.err"
expect_err badkind "kam-org: unknown kind 'deal' (use people, links, roles or deals)"
printf 'deal,name,person\nx,X,li\n' >"$T/cols.csv"
run badcol 3 kam-org import acme "$T/cols.csv" --kind deals
expect_err badcol "kam-org: $T/cols.csv:1: unknown column 'person' (known: deal, name, value, currency, close, stage, owner, cost, ext_id, status, closed_on, reason)"
unchanged bad-files

# The closing day: today is accepted.
printf '%s\nt1,Today,,,,,,,,won,2026-03-02,\n' "$H" >"$T/today.csv"
run today 0 kam-org import acme "$T/today.csv"
expect_sql today "SELECT status, closed_on FROM deal WHERE handle = 't1'" "won|2026-03-02"

done_testing
