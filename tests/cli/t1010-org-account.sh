#!/bin/sh
# kam-org account add, list, show; competitor add, list.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
run add 0 kam-org account add acme --name '艾克美 中国' --industry 钢铁
[ ! -s "$T/add.out" ] || fail "add: printed something"
expect_sql add-row "SELECT handle, name, industry, created FROM account" \
  "acme|艾克美 中国|钢铁|2026-03-02"
run add2 0 kam-org account add beta-2 --name 'Beta GmbH'
expect_sql add2-row "SELECT handle, name, quote(industry) FROM account WHERE handle = 'beta-2'" \
  "beta-2|Beta GmbH|NULL"
kam-org person add acme/p1 --name P1 >/dev/null
kam-org deal add acme/d1 --name D1 >/dev/null

run list-table 0 kam-org -F table account list
expect_out list-table org-account-list.table
run list-tsv 0 kam-org account list
expect_out list-tsv org-account-list.tsv
run list-csv 0 kam-org -F csv account list
expect_out list-csv org-account-list.csv
run list-json 0 kam-org -F json account list
expect_out list-json org-account-list.json
run show-table 0 kam-org -F table account show acme
expect_out show-table org-account-show.table
run show-json 0 kam-org account show acme -F json
expect_out show-json org-account-show.json

# Bad input: each refused with its message, the store unchanged.
snapshot
run dup 5 kam-org account add acme --name Other
expect_err dup "kam-org: account 'acme' already exists"
run badhandle 3 kam-org account add 'ac me' --name X
expect_err badhandle "kam-org: invalid account handle 'ac me' (use letters, digits, '.', '_' and '-')"
run badhandle2 3 kam-org account add .acme --name X
expect_err badhandle2 "kam-org: invalid account handle '.acme' (use letters, digits, '.', '_' and '-')"
run nonletter 3 kam-org account add 艾克美！ --name X
expect_err nonletter "kam-org: invalid account handle '艾克美！' (use letters, digits, '.', '_' and '-')"
run noname 2 kam-org account add gamma
expect_err noname "kam-org: --name is required
usage: kam-org account add HANDLE --name NAME [--category NAME] [--ext-id ID] [--industry TEXT] [--parent ACCOUNT] [--team TEAM]"
run emptyname 3 kam-org account add gamma --name ''
expect_err emptyname "kam-org: --name is empty"
run badutf8 3 kam-org account add gamma --name "$(printf 'A\377')"
expect_err badutf8 "kam-org: --name is not valid UTF-8"
run nohandle 2 kam-org account add --name X
expect_err nohandle "kam-org: missing HANDLE
usage: kam-org account add HANDLE --name NAME [--category NAME] [--ext-id ID] [--industry TEXT] [--parent ACCOUNT] [--team TEAM]"
run unknown 4 kam-org account show acmee
expect_err unknown "kam-org: unknown account 'acmee' (did you mean 'acme'?)"
run unknown-far 4 kam-org account show zzzzzz
expect_err unknown-far "kam-org: unknown account 'zzzzzz'"
unchanged account-errors

# Competitors.
run comp 0 kam-org competitor add huawei --name 华为技术
run comp2 0 kam-org competitor add cisco --name Cisco
expect_sql comp-rows "SELECT handle, name FROM competitor ORDER BY id" \
  "huawei|华为技术
cisco|Cisco"
run comp-list 0 kam-org -F table competitor list
expect_out comp-list org-competitor-list.table
run comp-json 0 kam-org -F json competitor list
expect_text comp-json '[
{"handle":"cisco","name":"Cisco"},
{"handle":"huawei","name":"华为技术"}
]'
snapshot
run comp-dup 5 kam-org competitor add huawei --name X
expect_err comp-dup "kam-org: competitor 'huawei' already exists"
run comp-bad 3 kam-org competitor add 'hua wei' --name X
expect_err comp-bad "kam-org: invalid competitor handle 'hua wei' (use letters, digits, '.', '_' and '-')"
run comp-noname 2 kam-org competitor add zte
expect_err comp-noname "kam-org: --name is required
usage: kam-org competitor add HANDLE --name NAME"
unchanged comp-errors

done_testing
