#!/bin/sh
# A KAM_ACCOUNT that cannot be an account is the variable's fault, named
# as such (13, as a bad KAM_NOW), not that of the operand it would have
# completed; -a overrides it.  And every -F json answer is JSON: kam-org
# init's path, and kam-stance verify's broken chain.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

run init-json 0 kam-org init -F json
expect_text init-json "{\"store\":\"$(store_name)\"}"
run init-text 0 kam-org init
expect_text init-text "$(store_name)"
kam-org account add acme --name Acme
kam-org person add acme/ceo --name CEO
kam-org deal add acme/erp --name ERP
kam-stance set acme/ceo support --on 2026-01-05 >/dev/null
snapshot

msg="invalid KAM_ACCOUNT 'a b' (use letters, digits, '.', '_' and '-', or unset it)"
badenv() {
  name=$1 cmd=$2
  shift 2
  run "$name" 13 env KAM_ACCOUNT='a b' "$cmd" "$@"
  expect_err "$name" "$cmd: $msg"
}
badenv person kam-org person show ceo
badenv list kam-org person list
badenv stance-set kam-stance set ceo oppose
badenv stance-show kam-stance show erp
badenv gate kam-gate run erp --dry-run
badenv map kam-map erp -o "$T/m.dot"
run slash 13 env KAM_ACCOUNT=acme/x kam-org person show ceo
expect_err slash "kam-org: invalid KAM_ACCOUNT 'acme/x' (use letters, digits, '.', '_' and '-', or unset it)"
unchanged badenv
# -a names the account: the variable is not used, so not refused.
run override 0 env KAM_ACCOUNT='a b' kam-org -a acme person show ceo -F tsv
grep -q "^acme/ceo	CEO	" "$T/override.out" || fail "override: ceo not shown"
run override-verb 0 env KAM_ACCOUNT='a b' kam-stance show -a acme -F tsv
# An empty one is no account at all.
run empty 2 env KAM_ACCOUNT= kam-org person show ceo
expect_err empty "kam-org: person 'ceo' needs an account: write ACCOUNT/ceo, give -a ACCOUNT or set KAM_ACCOUNT"
# A well-formed one that names no account is an unknown account.
run unknown 4 env KAM_ACCOUNT=nope kam-org person show ceo
expect_err unknown "kam-org: unknown account 'nope' (did you mean 'acme'?)"

# kam-stance verify -F json: the object on success, unchanged ...
run verify 0 kam-stance verify -F json
hash=$(sql "SELECT hash FROM observation ORDER BY id DESC LIMIT 1")
expect_text verify "{\"observations\":1,\"last_hash\":\"$hash\"}"
# ... and an object naming what broke when the chain is broken, with the
# message on the standard error and status 1.
# (On a team store its owner does it: the writers may not.)
if on_pg; then
  owner_sql "DROP TRIGGER observation_no_update ON observation;
UPDATE observation SET stance = 'oppose' WHERE id = 1;" >/dev/null
else
  "$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update;
UPDATE observation SET stance = 'oppose' WHERE id = 1;"
fi
run broken 1 kam-stance verify -F json
expect_text broken '{"broken":"hash","observation":1,"guard":null}'
expect_err broken "kam-stance: observation 1 does not match its hash: it was changed after it was recorded"
run broken-tsv 1 kam-stance verify -F tsv
[ ! -s "$T/broken-tsv.out" ] || fail "broken-tsv: a row was written for a broken chain"
owner_sql "UPDATE observation SET stance = 'support' WHERE id = 1;" >/dev/null
run guard 1 kam-stance verify -F json
expect_text guard '{"broken":"guard-missing","observation":null,"guard":"observation_no_update"}'
expect_err guard "kam-stance: the append-only guard 'observation_no_update' is missing: history can be rewritten (1 rows match their hashes)"

done_testing
