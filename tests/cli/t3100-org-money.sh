#!/bin/sh
# Amounts are exact: a deal's value is kept as decimal text and printed
# with the same digits in every format (a number in JSON); the limits
# (18 significant digits, 4 decimals) hold at their exact value and are
# refused one past it, with the store unchanged; a store of schema
# version 2, whose values are doubles, is upgraded with its deals and
# everything that refers to them intact.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
export KAM_ACCOUNT=acme

# The value of the report: 17 digits, beyond what a double holds.
run big 0 kam-org deal add big --name Big --value 12345678901234567 --currency CNY
expect_sql big-stored "SELECT typeof(value), value FROM deal WHERE handle = 'big'" \
  "text|12345678901234567"
run big-tsv 0 kam-org -F tsv deal show big
expect_text big-tsv "deal	name	value	currency	close	roles	created	cost	stage	owner	ext_id	status	closed_on	reason
acme/big	Big	12345678901234567	CNY		0	2026-03-02					open		"
run big-csv 0 kam-org -F csv deal show big
expect_text big-csv "deal,name,value,currency,close,roles,created,cost,stage,owner,ext_id,status,closed_on,reason
acme/big,Big,12345678901234567,CNY,,0,2026-03-02,,,,,open,,"
run big-json 0 kam-org -F json deal show big
expect_text big-json '{"deal":"acme/big","name":"Big","value":12345678901234567,"currency":"CNY","close":null,"roles":0,"created":"2026-03-02","cost":null,"stage":null,"owner":null,"ext_id":null,"status":"open","closed_on":null,"reason":null}'
run big-table 0 kam-org -F table deal show big
expect_text big-table "deal       acme/big
name       Big
value      12345678901234567
currency   CNY
close      -
roles      0
created    2026-03-02
cost       -
stage      -
owner      -
ext_id     -
status     open
closed_on  -
reason     -"

# At the limits: 18 significant digits, 4 decimals, both at once.
run d18 0 kam-org deal add d18 --name D --value 999999999999999999
run d18f 0 kam-org deal add d18f --name D --value 99999999999999.9999
run f4 0 kam-org deal add f4 --name D --value 0.0001
# Leading zeros and trailing zeros after the point carry no value.
run zeros 0 kam-org deal add zeros --name D --value 007.50000
run small 0 kam-org deal add small --name D --value .5
run nought 0 kam-org deal add nought --name D --value 0.000
run f4z 0 kam-org deal add f4z --name D --value 0.00010000
expect_sql limits "SELECT handle, value FROM deal WHERE handle <> 'big' ORDER BY id" \
  "d18|999999999999999999
d18f|99999999999999.9999
f4|0.0001
zeros|7.5
small|0.5
nought|0
f4z|0.0001"
run limits-json 0 kam-org -F json deal list
grep -q '"deal":"acme/d18f","name":"D","value":99999999999999.9999,' "$T/limits-json.out" ||
  fail "limits-json: 99999999999999.9999 not printed exactly"
run limits-tsv 0 kam-org deal list
expect_text limits-tsv "deal	name	value	currency	close	roles	created	cost	stage	owner	ext_id	status	closed_on	reason
acme/big	Big	12345678901234567	CNY		0	2026-03-02					open		
acme/d18	D	999999999999999999			0	2026-03-02					open		
acme/d18f	D	99999999999999.9999			0	2026-03-02					open		
acme/f4	D	0.0001			0	2026-03-02					open		
acme/f4z	D	0.0001			0	2026-03-02					open		
acme/nought	D	0			0	2026-03-02					open		
acme/small	D	0.5			0	2026-03-02					open		
acme/zeros	D	7.5			0	2026-03-02					open		"

# One past each limit is refused, saying which, and nothing is stored.
snapshot
run d19 3 kam-org deal add x --name X --value 1234567890123456789
expect_err d19 "kam-org: invalid value '1234567890123456789' (at most 18 significant digits)"
run d19f 3 kam-org deal add x --name X --value 999999999999999.9999
expect_err d19f "kam-org: invalid value '999999999999999.9999' (at most 18 significant digits)"
run f5 3 kam-org deal add x --name X --value 0.00001
expect_err f5 "kam-org: invalid value '0.00001' (at most 4 decimals)"
run f5b 3 kam-org deal add x --name X --value 1.23456
expect_err f5b "kam-org: invalid value '1.23456' (at most 4 decimals)"
# Not a plain decimal: signs, separators, exponents, a comma for the
# point (whatever the locale), a lone point.
for v in -5 +5 1,5 1,000 1e3 1.2.3 5. . '' ' 5' 0x10 inf 12k '¥5'; do
  run "bad-$v" 3 kam-org deal add x --name X --value "$v"
  expect_err "bad-$v" "kam-org: invalid value '$v' (a number, no currency sign)"
done
run bad-zh 3 env LC_ALL=zh_CN.UTF-8 kam-org deal add x --name X --value 1,5
expect_err bad-zh "kam-org: 无效的金额“1,5”（应为数字，不带货币符号）"
run bad-c 3 kam-org deal add x --name X --value 1,5
expect_err bad-c "kam-org: invalid value '1,5' (a number, no currency sign)"
unchanged refused
run ok-zh 0 env LC_ALL=zh_CN.UTF-8 kam-org deal add zh --name X --value 1.5
expect_sql ok-zh "SELECT value FROM deal WHERE handle = 'zh'" 1.5

# Settings are decimal numbers read the same way: '.' in every locale.
snapshot
run set-comma 3 env LC_ALL=zh_CN.UTF-8 kam-gate setting win.strong 0,6
expect_err set-comma "kam-gate: “win.strong”的值“0,6”无效（应为介于 0 和 1 之间的数）"
run set-exp 3 kam-gate setting win.strong 6e-1
expect_err set-exp "kam-gate: invalid value '6e-1' for 'win.strong' (use a number from 0 to 1)"
unchanged settings
run set-point 0 env LC_ALL=zh_CN.UTF-8 kam-gate setting win.strong 0.6
expect_sql set-point "SELECT value FROM gate_setting WHERE key = 'win.strong'" 0.6

# A store of schema version 2 keeps values as doubles; opening it
# rebuilds deal with decimal text, keeps ids, and every row that refers
# to a deal still finds it.
KAM_DB="$T/v2.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v2.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO person (id, account_id, handle, name, created) VALUES
  (1, 1, 'wang', 'Wang', '2026-01-05');
INSERT INTO deal (id, account_id, handle, name, value, currency, close_on,
  created) VALUES
  (3, 1, 'erp', 'ERP', 1200000.5, 'CNY', '2026-12-31', '2026-01-05'),
  (5, 1, 'big', 'Big', 12345678901234567, NULL, NULL, '2026-01-05'),
  (6, 1, 'tenth', 'Tenth', 0.1, NULL, NULL, '2026-01-05'),
  (7, 1, 'whole', 'Whole', 2400000.0, 'EUR', NULL, '2026-01-05'),
  (8, 1, 'none', 'None', NULL, NULL, NULL, '2026-01-05'),
  (9, 1, 'cents', 'Cents', 19.99, NULL, NULL, '2026-01-05');
INSERT INTO deal_role VALUES (3, 1, 'decision-maker', 'high', 0);
INSERT INTO answer (deal_id, criterion_id, answer, effective, recorded,
  actor) VALUES (3, 1, 'yes', '2026-01-05', '2026-01-05T09:00:00Z', 'ann');
INSERT INTO gate_run (deal_id, as_of, recorded, actor, verdict, snapshot)
  VALUES (5, '2026-01-05', '2026-01-05T09:00:00Z', 'ann', 'qualify', '{}');
INSERT INTO observation (person_id, stance, deal_id, effective, recorded,
  actor, prev_hash, hash) VALUES (1, 'support', 3, '2026-01-05',
  '2026-01-05T09:00:00Z', 'ann', '', 'x');
PRAGMA application_id = 1262570801;
PRAGMA user_version = 2;
SQL
} | "$SQLITE3" "$KAM_DB"
run v2-list 0 kam-org deal list acme
expect_text v2-list "deal	name	value	currency	close	roles	created	cost	stage	owner	ext_id	status	closed_on	reason
acme/big	Big	12345678901234568			0	2026-01-05					open		
acme/cents	Cents	19.99			0	2026-01-05					open		
acme/erp	ERP	1200000.5	CNY	2026-12-31	1	2026-01-05					open		
acme/none	None				0	2026-01-05					open		
acme/tenth	Tenth	0.1			0	2026-01-05					open		
acme/whole	Whole	2400000	EUR		0	2026-01-05					open		"
expect_sql v2-version "PRAGMA user_version" 14
expect_sql v2-rows "SELECT id, handle, quote(value) FROM deal ORDER BY id" \
  "3|erp|'1200000.5'
5|big|'12345678901234568'
6|tenth|'0.1'
7|whole|'2400000'
8|none|NULL
9|cents|'19.99'"
expect_sql v2-fk "PRAGMA foreign_key_check" ""
expect_sql v2-integrity "PRAGMA integrity_check" ok
expect_sql v2-refs "SELECT (SELECT deal_id FROM deal_role), (SELECT deal_id FROM answer),
  (SELECT deal_id FROM gate_run), (SELECT deal_id FROM observation)" "3|3|5|3"
expect_sql v2-temp "SELECT count(*) FROM sqlite_temp_schema" 0
# The upgraded table has the columns, types and checks a new store has.
cols="SELECT group_concat(name || ' ' || type || ' ' || \"notnull\", ', ') FROM pragma_table_info('deal')"
sql "$cols" >"$T/v2-schema.out"
# (A new store file: on a team store, the test's own store is not one.)
kam-org -d "$T/new.db" init >/dev/null || fail "v2-schema: cannot make a new store"
"$SQLITE3" "$T/new.db" "$cols" >"$T/new-schema.out"
cmp -s "$T/v2-schema.out" "$T/new-schema.out" || fail "v2-schema: deal differs from a new store's"
# A deal still cannot point at a missing account, and a value must be
# decimal text.
run v2-add 0 kam-org deal add acme/new --name New --value 12345678901234567
expect_sql v2-add "SELECT value FROM deal WHERE handle = 'new'" 12345678901234567
if sql "PRAGMA foreign_keys = ON; INSERT INTO deal (account_id, handle, name, created) VALUES (9, 'x', 'X', '2026-01-01')" 2>/dev/null; then
  fail "v2-fk-on: a deal of a missing account was accepted"
fi
if sql "PRAGMA foreign_keys = ON; UPDATE deal SET value = '1e5' WHERE id = 3" 2>/dev/null; then
  fail "v2-check: a value '1e5' was accepted"
fi

done_testing
