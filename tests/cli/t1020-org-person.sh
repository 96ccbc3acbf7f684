#!/bin/sh
# kam-org person add, set, leave, list, show, log, and tree: outputs in
# every format (Chinese names aligned in tables), the store after each
# command, and every bad input with its message and an unchanged store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 中国' >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add beta/b1 --name B1 >/dev/null

run ceo 0 kam-org person add acme/wang-wei --name 王伟 --title 总经理 --level 1
[ ! -s "$T/ceo.out" ] || fail "ceo: printed something"
run cto 0 kam-org -a acme person add li-na --name 李娜 --title CTO \
  --dept 技术部 --level 2 --reports-to wang-wei
KAM_ACCOUNT=acme
export KAM_ACCOUNT
run eng 0 kam-org person add zhang --name 'Zhang San' --title Engineer \
  --dept 技术部 --level 4 --reports-to acme/li-na --dotted-to wang-wei
run cfo 0 kam-org person add cfo --placeholder --title CFO --level 2 \
  --reports-to wang-wei
run pm 0 kam-org person add pm --name 'Ann "PM" O'"'"'Neil' --level 3 \
  --reports-to li-na --dotted-to wang-wei --dotted-to cfo
run empty-text 0 kam-org person add blank --name Blank --title '' --dept ''
expect_sql empty-text "SELECT quote(title), quote(dept) FROM person WHERE handle = 'blank'" "NULL|NULL"
sql "DELETE FROM person_history WHERE person_id = (SELECT id FROM person WHERE handle = 'blank'); DELETE FROM person WHERE handle = 'blank'"
run intern 0 kam-org person add intern --name 实习生 --level 5 \
  --reports-to zhang --dotted-to zhang
expect_sql people "SELECT handle, name, quote(title), quote(dept), quote(level), placeholder FROM person WHERE account_id = 1 ORDER BY id" \
"wang-wei|王伟|'总经理'|NULL|1|0
li-na|李娜|'CTO'|'技术部'|2|0
zhang|Zhang San|'Engineer'|'技术部'|4|0
cfo|CFO|'CFO'|NULL|2|1
pm|Ann \"PM\" O'Neil|NULL|NULL|3|0
intern|实习生|NULL|NULL|5|0"
expect_sql lines "SELECT p.handle, m.handle, r.kind, quote(r.end_on) FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id ORDER BY p.id, r.kind DESC, r.start_on, m.id" \
"li-na|wang-wei|solid|NULL
zhang|li-na|solid|NULL
zhang|wang-wei|dotted|NULL
cfo|wang-wei|solid|NULL
pm|li-na|solid|NULL
pm|wang-wei|dotted|NULL
pm|cfo|dotted|NULL
intern|zhang|solid|NULL
intern|zhang|dotted|NULL"
expect_sql created "SELECT count(*), min(created), min(recorded), min(recorded_by), min(origin) FROM person" \
  "7|2026-03-02|2026-03-02T09:00:00Z|tester|added"
expect_sql history "SELECT count(*) FROM person_history" "0"

run list-table 0 kam-org -F table person list acme
expect_out list-table org-person-list.table
run list-tsv 0 kam-org person list
expect_out list-tsv org-person-list.tsv
run list-csv 0 kam-org -F csv person list acme
expect_out list-csv org-person-list.csv
run list-json 0 kam-org -F json person list acme
expect_out list-json org-person-list.json
run show-table 0 kam-org -F table person show acme/zhang
expect_out show-table org-person-show.table
run show-json 0 kam-org -F json person show pm
expect_out show-json org-person-show.json
run tree 0 kam-org -F table tree
expect_out tree org-tree.table
# Piped without -F, tree still draws the tree; -F gives rows.
run tree-piped 0 kam-org tree acme
expect_out tree-piped org-tree.table
run tree-tsv 0 kam-org -F tsv tree acme
expect_out tree-tsv org-tree.tsv
run tree-json 0 kam-org -F json tree acme
expect_out tree-json org-tree.json

# Bad input: the message, the exit code, the store unchanged.
snapshot
run unknown-account 4 kam-org person add acmee/x --name X
expect_err unknown-account "kam-org: unknown account 'acmee' (did you mean 'acme'?)"
run unknown-manager 4 kam-org person add x --name X --reports-to li-ma
expect_err unknown-manager "kam-org: unknown person 'acme/li-ma' (did you mean 'acme/li-na'?)"
run unknown-dotted 4 kam-org person add x --name X --dotted-to zzzzzz
expect_err unknown-dotted "kam-org: unknown person 'acme/zzzzzz'"
run unknown-show 4 kam-org person show zhnag
expect_err unknown-show "kam-org: unknown person 'acme/zhnag' (did you mean 'acme/zhang'?)"
run no-account-empty 2 env KAM_ACCOUNT= kam-org person show zhang
expect_err no-account-empty "kam-org: person 'zhang' needs an account: write ACCOUNT/zhang, give -a ACCOUNT or set KAM_ACCOUNT"
run no-account 2 env -u KAM_ACCOUNT kam-org person show zhang
expect_err no-account "kam-org: person 'zhang' needs an account: write ACCOUNT/zhang, give -a ACCOUNT or set KAM_ACCOUNT"
run bad-handle 3 kam-org person add 'li na' --name X
expect_err bad-handle "kam-org: invalid person handle 'li na' (use letters, digits, '.', '_' and '-')"
run bad-handle2 3 kam-org person add acme/李·娜 --name X
expect_err bad-handle2 "kam-org: invalid person handle '李·娜' (use letters, digits, '.', '_' and '-')"
run dup 5 kam-org person add li-na --name Other
expect_err dup "kam-org: person 'acme/li-na' already exists"
run no-name 2 kam-org person add x --title T
expect_err no-name "kam-org: --name is required (or --placeholder for someone not yet named)
usage: kam-org person add PERSON --name NAME [--title T] [--dept D] [--level N] [--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] [--ext-id ID]"
run empty-name 3 kam-org person add x --name ''
expect_err empty-name "kam-org: --name is empty"
run bad-utf8 3 kam-org person add x --name "$(printf 'Li \377')"
expect_err bad-utf8 "kam-org: --name is not valid UTF-8"
for lv in 0 100 two 1.5 -1 ''; do
  run "bad-level$lv" 3 kam-org person add x --name X --level "$lv"
  expect_err "bad-level$lv" "kam-org: invalid level '$lv' (a whole number from 1, the top, to 99)"
done
run cross 5 kam-org person add x --name X --reports-to beta/b1
expect_err cross "kam-org: reporting line from 'acme/x' to 'beta/b1' crosses accounts"
run cross-dotted 5 kam-org person add x --name X --dotted-to beta/b1
expect_err cross-dotted "kam-org: reporting line from 'acme/x' to 'beta/b1' crosses accounts"
run cycle 5 kam-org person set wang-wei --reports-to zhang
expect_err cycle "kam-org: reporting line from 'acme/wang-wei' to 'acme/zhang' would close a cycle: acme/wang-wei -> acme/zhang -> acme/wang-wei"
run cycle-solid 5 kam-org person set li-na --reports-to pm
expect_err cycle-solid "kam-org: reporting line from 'acme/li-na' to 'acme/pm' would close a cycle: acme/li-na -> acme/pm -> acme/li-na"
run cycle-long 5 kam-org person set li-na --reports-to intern
expect_err cycle-long "kam-org: reporting line from 'acme/li-na' to 'acme/intern' would close a cycle: acme/li-na -> acme/intern -> acme/zhang -> acme/li-na"
run cycle-add 5 kam-org person set li-na --dotted-to cfo --dotted-to intern
expect_err cycle-add "kam-org: reporting line from 'acme/li-na' to 'acme/intern' would close a cycle: acme/li-na -> acme/intern -> acme/zhang -> acme/li-na"
run self 5 kam-org person set li-na --reports-to li-na
expect_err self "kam-org: 'acme/li-na' cannot report to themselves"
run set-on-add 2 kam-org person add x --name X --on 2026-01-01
expect_err set-on-add "kam-org: '--on' is for person set
usage: kam-org person add PERSON --name NAME [--title T] [--dept D] [--level N] [--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] [--ext-id ID]"
run bad-date 3 kam-org person set li-na --title CIO --on 2026-02-30
expect_err bad-date "kam-org: impossible date '2026-02-30' for --on"
run bad-date2 3 kam-org person leave li-na --on 2026-3-1
expect_err bad-date2 "kam-org: malformed date '2026-3-1' for --on (use YYYY-MM-DD)"
run leave-no-on 2 kam-org person leave li-na
expect_err leave-no-on "kam-org: --on DATE is required
usage: kam-org person leave PERSON --on DATE"
run unknown-leave 4 kam-org person leave li-n --on 2026-02-01
expect_err unknown-leave "kam-org: unknown person 'acme/li-n' (did you mean 'acme/li-na'?)"
run unknown-set 4 kam-org person set acme/nobody-at-all --title X
expect_err unknown-set "kam-org: unknown person 'acme/nobody-at-all'"
run unknown-option 2 kam-org person add x --name X --boss y
expect_err unknown-option "kam-org: unknown option '--boss'
usage: kam-org person add PERSON --name NAME [--title T] [--dept D] [--level N] [--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] [--ext-id ID]"
run missing 2 kam-org person show
expect_err missing "kam-org: missing PERSON
usage: kam-org person show PERSON"
run tree-unknown 4 kam-org tree acm
expect_err tree-unknown "kam-org: unknown account 'acm' (did you mean 'acme'?)"
run list-no-account 2 env -u KAM_ACCOUNT kam-org person list
expect_err list-no-account "kam-org: no account given (name one, use -a or set KAM_ACCOUNT)
usage: kam-org person list [ACCOUNT]"
unchanged person-errors

# person set: changes kept as history with their date and actor; naming a
# placeholder fills it in; the old reporting line ends, a new one starts.
run set-cfo 0 as_user alice kam-org person set cfo --name 赵六 --on 2026-02-01
run set-zhang 0 kam-org person set zhang --reports-to wang-wei --level 3 \
  --title 'Lead Engineer' --no-dotted --on 2026-02-15
run set-same 0 kam-org person set zhang --reports-to wang-wei --level 3
run set-pm 0 kam-org person set pm --dotted-to cfo --dept '' --on 2026-02-20
run leave 0 as_user bob kam-org person leave li-na --on 2026-02-28
expect_sql set-row "SELECT name, placeholder FROM person WHERE handle = 'cfo'" "赵六|0"
expect_sql set-lines "SELECT p.handle, m.handle, r.kind, quote(r.start_on), quote(r.end_on) FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle IN ('zhang', 'pm') ORDER BY p.id, r.kind DESC, r.start_on IS NOT NULL, r.start_on, m.id" \
"zhang|li-na|solid|NULL|'2026-02-15'
zhang|wang-wei|solid|'2026-02-15'|NULL
zhang|wang-wei|dotted|NULL|'2026-02-15'
pm|li-na|solid|NULL|NULL
pm|wang-wei|dotted|NULL|'2026-02-20'
pm|cfo|dotted|NULL|NULL"
# The current solid line is on the person row; ended ones are not.
expect_sql set-rows "SELECT p.handle, m.handle, quote(p.manager_since) FROM person p JOIN person m ON m.id = p.manager_id WHERE p.handle IN ('zhang', 'pm') ORDER BY p.id" \
"zhang|wang-wei|'2026-02-15'
pm|li-na|NULL"
expect_sql left "SELECT left_on FROM person WHERE handle = 'li-na'" 2026-02-28
run log-cfo 0 kam-org -F table log cfo
expect_out log-cfo org-log-cfo.table
run log-zhang 0 kam-org log acme/zhang
expect_out log-zhang org-log-zhang.tsv
run log-pm 0 kam-org -F json log pm
expect_out log-pm org-log-pm.json
run log-li-na 0 kam-org -F csv log li-na
expect_text log-li-na "effective,recorded,actor,field,old,new
2026-03-02,2026-03-02T09:00:00Z,tester,created,,added
2026-02-28,2026-03-02T09:00:00Z,bob,left_on,,2026-02-28"
run after-table 0 kam-org -F table person list
expect_out after-table org-person-list-after.table
run after-tree 0 kam-org -F table tree
expect_out after-tree org-tree-after.table

# Clearing: --no-reports-to, --no-dotted, --level 0, an empty --title,
# --placeholder and --no-placeholder, each recorded.
run clear 0 kam-org person set intern --no-reports-to --no-dotted --level 0 \
  --placeholder --on 2026-03-01
run clear-title 0 kam-org person set zhang --title '' --on 2026-03-01
expect_sql cleared "SELECT quote(level), placeholder FROM person WHERE handle = 'intern'" "NULL|1"
expect_sql cleared-title "SELECT quote(title) FROM person WHERE handle = 'zhang'" "NULL"
expect_sql cleared-lines "SELECT count(*) FROM reporting_line_all r JOIN person p ON p.id = r.person_id WHERE p.handle = 'intern' AND r.end_on IS NULL" 0
run log-intern 0 kam-org -F csv log intern
expect_text log-intern "effective,recorded,actor,field,old,new
2026-03-02,2026-03-02T09:00:00Z,tester,created,,added
2026-03-01,2026-03-02T09:00:00Z,tester,level,5,
2026-03-01,2026-03-02T09:00:00Z,tester,placeholder,no,yes
2026-03-01,2026-03-02T09:00:00Z,tester,reports_to,acme/zhang,
2026-03-01,2026-03-02T09:00:00Z,tester,dotted_to,acme/zhang,"
run unplaceholder 0 kam-org person set intern --no-placeholder
expect_sql unplaceholder "SELECT placeholder FROM person WHERE handle = 'intern'" 0
# Nothing to change: nothing recorded.
snapshot
run noop 0 kam-org person set zhang --dept 技术部 --reports-to wang-wei
unchanged noop

snapshot
run leave-again 5 kam-org person leave li-na --on 2026-03-01
expect_err leave-again "kam-org: 'acme/li-na' already left on 2026-02-28"
unchanged leave-again

# Tree order: roots and reports by level, people without a level last,
# then by handle; two roots.
kam-org account add gamma --name Gamma >/dev/null
kam-org person add gamma/z-boss --name Z --level 1 >/dev/null
kam-org person add gamma/a-root --name A >/dev/null
kam-org person add gamma/m --name M --reports-to z-boss -a gamma >/dev/null
kam-org person add gamma/b --name B --level 3 --reports-to z-boss -a gamma >/dev/null
kam-org person add gamma/c --name C --level 2 --reports-to z-boss -a gamma >/dev/null
kam-org person add gamma/d --name D --level 3 --reports-to z-boss -a gamma >/dev/null
run tree-order 0 kam-org -F table tree gamma
expect_text tree-order "Z (z-boss) [L1]
├── C (c) [L2]
├── B (b) [L3]
├── D (d) [L3]
└── M (m)
A (a-root)"

done_testing
