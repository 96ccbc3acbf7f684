#!/bin/sh
# kam-stance watch needs a team store: on a store file it says so and
# exits with the usage code, whatever its operand, and changes nothing;
# a format other than tsv or json and a bad operand are refused first.
# (t9530 watches a team store.)
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "watch on a store file (t9530 watches a team store)"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/li --name Li
  kam-org deal add acme/erp --name ERP
  kam-stance set acme/li support
} >/dev/null
snapshot
msg="kam-stance: watch needs a team store (PostgreSQL), where teammates commit observations: '$KAM_DB' is a file (kam(7), THE TEAM STORE)"
run all 2 kam-stance watch
expect_err all "$msg"
[ -s "$T/all.out" ] && fail "all: printed something"
run account 2 kam-stance watch acme
expect_err account "$msg"
run deal 2 kam-stance watch acme/erp -F json
expect_err deal "$msg"
run default-account 2 env KAM_ACCOUNT=acme kam-stance watch
expect_err default-account "$msg"
run csv 2 kam-stance watch acme -F csv
expect_err csv "kam-stance: 'watch' cannot write csv (use tsv or json)
usage: kam-stance watch [ACCOUNT | ACCOUNT/DEAL]"
run table 2 kam-stance watch acme -F table
expect_err table "kam-stance: 'watch' cannot write table (use tsv or json)
usage: kam-stance watch [ACCOUNT | ACCOUNT/DEAL]"
run two 2 kam-stance watch acme acme/erp
expect_err two "kam-stance: unexpected 'acme/erp'
usage: kam-stance watch [ACCOUNT | ACCOUNT/DEAL]"
run option 2 kam-stance watch --since 2026-01-01
expect_err option "kam-stance: unknown option '--since'
usage: kam-stance watch [ACCOUNT | ACCOUNT/DEAL]"
run unknown 4 kam-stance watch acmee
expect_err unknown "kam-stance: unknown account 'acmee' (did you mean 'acme'?)"
run no-store 6 kam-stance -d "$T/none.db" watch
unchanged watch

done_testing
