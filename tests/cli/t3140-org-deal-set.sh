#!/bin/sh
# kam-org deal add and deal set: the value, the cost of pursuit, the
# currency, the close date, the stage and the name; an empty value
# clears a field; amounts are exact and their limits hold for the cost
# as for the value; every refusal leaves the store as it was.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
export KAM_ACCOUNT=acme

run add 0 kam-org deal add erp --name ERP --value 2400000 --cost 120000.50 \
  --currency EUR --close 2026-06-30 --stage proposal
run show 0 kam-org -F json deal show erp
expect_text show '{"deal":"acme/erp","name":"ERP","value":2400000,"currency":"EUR","close":"2026-06-30","roles":0,"created":"2026-03-02","cost":120000.5,"stage":"proposal","owner":null,"ext_id":null,"status":"open","closed_on":null,"reason":null}'
expect_sql stored "SELECT quote(value), quote(cost), stage FROM deal" "'2400000'|'120000.5'|proposal"

run set 0 kam-org deal set erp --cost 99999999999999.9999 --stage 'shortlisted 入围' \
  --name 'ERP 2027' --value 12345678901234567
expect_sql set "SELECT name, value, cost, stage, currency, close_on FROM deal" \
  "ERP 2027|12345678901234567|99999999999999.9999|shortlisted 入围|EUR|2026-06-30"
run show2 0 kam-org -F tsv deal show erp
expect_text show2 "deal	name	value	currency	close	roles	created	cost	stage	owner	ext_id	status	closed_on	reason
acme/erp	ERP 2027	12345678901234567	EUR	2026-06-30	0	2026-03-02	99999999999999.9999	shortlisted 入围			open		"
run clear 0 kam-org deal set erp --cost '' --stage '' --close '' --currency '' --value ''
expect_sql cleared "SELECT name, quote(value), quote(cost), quote(stage), quote(currency), quote(close_on) FROM deal" \
  "ERP 2027|NULL|NULL|NULL|NULL|NULL"
run again 0 kam-org deal set erp --value 1 --cost 0
expect_sql again "SELECT value, cost FROM deal" "1|0"

snapshot
run cost-digits 3 kam-org deal set erp --cost 1234567890123456789
expect_err cost-digits "kam-org: invalid cost '1234567890123456789' (at most 18 significant digits)"
run cost-decimals 3 kam-org deal set erp --cost 0.00001
expect_err cost-decimals "kam-org: invalid cost '0.00001' (at most 4 decimals)"
run cost-bad 3 kam-org deal add crm --name CRM --cost 5k
expect_err cost-bad "kam-org: invalid cost '5k' (a number, no currency sign)"
run cost-empty-add 3 kam-org deal add crm --name CRM --cost ''
expect_err cost-empty-add "kam-org: invalid cost '' (a number, no currency sign)"
run value-bad 3 kam-org deal set erp --value -1
expect_err value-bad "kam-org: invalid value '-1' (a number, no currency sign)"
run close-bad 3 kam-org deal set erp --close 2026-02-30
expect_err close-bad "kam-org: impossible date '2026-02-30' for --close"
run name-empty 3 kam-org deal set erp --name ''
expect_err name-empty "kam-org: --name is empty"
run nothing 2 kam-org deal set erp
head -1 "$T/nothing.err" >"$T/nothing1.err" && mv "$T/nothing1.err" "$T/nothing.err"
expect_err nothing "kam-org: nothing to change (give --close, --cost, --currency, --ext-id, --name, --owner, --stage or --value)"
run unknown 4 kam-org deal set epr --stage won
expect_err unknown "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
run missing 2 kam-org deal set --stage won
head -1 "$T/missing.err" >"$T/missing1.err" && mv "$T/missing1.err" "$T/missing.err"
expect_err missing "kam-org: missing DEAL"
run stage-ctl 3 kam-org deal set erp --stage "$(printf 'won\033[2J')"
expect_err stage-ctl "kam-org: --stage contains control character U+001B"
unchanged refused

done_testing
