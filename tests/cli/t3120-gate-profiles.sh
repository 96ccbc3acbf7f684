#!/bin/sh
# Client categories and rubric profiles: the three shipped profiles, an
# account's category selecting one (default otherwise), --profile on
# every criteria verb, real weights, answers that keep their key across
# profiles, profile add/remove, and every refusal with its message, its
# status and the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta --category strategic >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-org deal add beta/crm --name CRM >/dev/null

run list 0 kam-gate profile list
expect_text list "profile	criteria	accounts	answers
default	19	1	0
strategic	19	1	0
transactional	19	0	0"
expect_sql category "SELECT handle, quote(category) FROM account ORDER BY id" \
  "acme|NULL
beta|'strategic'"

# The emphasis of each shipped profile.
run strategic 0 kam-gate criteria --gate worth --profile strategic -F csv
expect_text strategic "gate,name,key,weight,must,computed,question
4,worth,profit,2,no,no,Is the profit worth the effort?
4,worth,capital,1,no,no,Are the capital tied up and the payment risk acceptable?
4,worth,side-effects,2,yes,no,Does winning do no harm to other key clients or partners?
4,worth,strategy,4,no,no,Does the deal fit our direction?
4,worth,importance,4,no,no,\"Is the client important to us, with future value?\"
4,worth,expected-value,0,no,yes,Does the expected value of the deal cover the cost of pursuing it?"
run transactional 0 kam-gate criteria --profile transactional -F csv
grep -E '^(3,win,(our|rival)-relationship|4,worth,profit),' "$T/transactional.out" >"$T/tx.out"
expect_text tx "3,win,our-relationship,1.5,no,yes,Are our relationships with the buying group close?
3,win,rival-relationship,1,no,yes,Are the competitors' relationships with the buying group weak?
4,worth,profit,2,yes,no,Is the profit worth the effort?"

# A run says which profile it used: the category's, else default.
run acme-run 0 kam-gate run acme/erp --dry-run -F json
grep -q '^  "profile": "default",$' "$T/acme-run.out" || fail "acme-run: not default"
run beta-run 0 kam-gate run beta/crm --dry-run -F json
grep -q '^  "profile": "strategic",$' "$T/beta-run.out" || fail "beta-run: not strategic"
# A category no profile has: default.
kam-org account set acme --category retail >/dev/null
run retail 0 kam-gate run acme/erp --dry-run -F table
head -1 "$T/retail.out" >"$T/retail1.out"
expect_text retail1 "acme/erp (ERP), as of 2026-03-02, profile default: qualify"

# A new profile, a copy; a criterion of its own, with a real weight.
run add 0 kam-gate profile add retail --from transactional
kam-gate criteria add compete local-presence --question 'Do we have a local team?' \
  --weight 2.5 --profile retail
kam-gate criteria set price --weight 3.25 --profile retail
run retail-rubric 0 kam-gate criteria --gate compete --profile retail -F csv
expect_text retail-rubric "gate,name,key,weight,must,computed,question
2,compete,fit,3,yes,no,\"Do our products, solutions, technology and services meet the core requirements?\"
2,compete,gaps,1,no,no,Can what we lack be covered by partners?
2,compete,criteria-known,1,no,no,Do we know their decision criteria?
2,compete,resources,2,no,no,Can we deliver?
2,compete,local-presence,2.5,no,no,Do we have a local team?"
expect_sql retail-price "SELECT c.weight FROM criterion c JOIN profile p
  ON p.id = c.profile_id WHERE p.name = 'retail' AND c.key = 'price'" 3.25
expect_sql default-price "SELECT c.weight FROM criterion c JOIN profile p
  ON p.id = c.profile_id WHERE p.name = 'default' AND c.key = 'price'" 1.0
run retail-run 0 kam-gate run acme/erp --dry-run -F json
grep -q '^  "profile": "retail",$' "$T/retail-run.out" || fail "retail-run: not retail"
grep -q '"key": "local-presence"' "$T/retail-run.out" || fail "retail-run: no local-presence"

# Answers belong to the deal and the key: answered under retail, they
# hold under default too.
kam-gate answer acme/erp need yes --on 2026-02-01
kam-gate answer acme/erp local-presence yes --on 2026-02-01
run list2 0 kam-gate profile list
expect_text list2 "profile	criteria	accounts	answers
default	19	0	0
strategic	19	1	0
transactional	19	0	0
retail	20	1	2"
kam-org account set acme --category '' >/dev/null
expect_sql cleared "SELECT quote(category) FROM account WHERE handle = 'acme'" NULL
run default-again 0 kam-gate run acme/erp --dry-run -F json
grep -q '{"key": "need", "answer": "yes", "source": "answered"' "$T/default-again.out" ||
  fail "default-again: the answer to need is lost"
grep -q 'local-presence' "$T/default-again.out" && fail "default-again: local-presence is not in default"
count=$((count + 2))

# Refused, the store unchanged.
snapshot
run unknown 4 kam-gate criteria --profile retial
expect_err unknown "kam-gate: unknown profile 'retial' (did you mean 'retail'?)"
run unknown2 4 kam-gate criteria set need --weight 2 --profile zzzzzzzz
expect_err unknown2 "kam-gate: unknown profile 'zzzzzzzz' (see 'kam-gate profile list')"
run unknown-from 4 kam-gate profile add public --from strategc
expect_err unknown-from "kam-gate: unknown profile 'strategc' (did you mean 'strategic'?)"
run exists 5 kam-gate profile add retail
expect_err exists "kam-gate: profile 'retail' exists already"
run bad-name 3 kam-gate profile add 'big deal'
expect_err bad-name "kam-gate: invalid profile name 'big deal' (use letters, digits, '.', '_' and '-')"
run rm-default 5 kam-gate profile remove default
expect_err rm-default "kam-gate: profile 'default' cannot be removed: it is the rubric of every account without another"
run rm-answers 5 kam-gate profile remove retail
expect_err rm-answers "kam-gate: profile 'retail' has 2 answers to its criteria: it is kept"
run not-in-profile 4 kam-gate criteria set local-presence --weight 1
expect_err not-in-profile "kam-gate: unknown criterion 'local-presence' (see 'kam-gate criteria')"
run not-in-profile2 4 kam-gate criteria set locl-presence --weight 1 --profile retail
expect_err not-in-profile2 "kam-gate: unknown criterion 'locl-presence' in profile 'retail' (did you mean 'local-presence'?)"
run coverage 5 kam-gate criteria set coverage --weight 1 --profile strategic
expect_err coverage "kam-gate: 'coverage' is knowledge, not score: its weight stays 0"
run coverage-add 5 kam-gate criteria add 3 coverage --question 'Q?' --weight 2 --profile retail
expect_err coverage-add "kam-gate: 'coverage' is knowledge, not score: its weight stays 0"
# Weights: from 0 to 100, two decimals at most.
for w in 100.01 -1 1.234 abc 1e2; do
  run "weight-$w" 3 kam-gate criteria set need --weight "$w"
  expect_err "weight-$w" "kam-gate: invalid weight '$w' (use a number from 0 to 100, at most 2 decimals)"
done
run bad-category 3 kam-org account set acme --category 'big deal'
expect_err bad-category "kam-org: invalid category 'big deal' (use letters, digits, '.', '_' and '-')"
run set-nothing 2 kam-org account set acme
head -1 "$T/set-nothing.err" >"$T/set-nothing.err1" && mv "$T/set-nothing.err1" "$T/set-nothing.err"
expect_err set-nothing "kam-org: nothing to change (give --category, --ext-id, --industry, --name, --parent or --team)"
run set-unknown 4 kam-org account set acm --category retail
expect_err set-unknown "kam-org: unknown account 'acm' (did you mean 'acme'?)"
run set-empty-name 3 kam-org account set acme --name ''
expect_err set-empty-name "kam-org: --name is empty"
unchanged refused

# The boundaries of a weight are accepted.
run weight-0 0 kam-gate criteria set timeline --weight 0 --profile retail
run weight-100 0 kam-gate criteria set timeline --weight 100.00 --profile retail
expect_sql weights "SELECT c.weight FROM criterion c JOIN profile p ON p.id = c.profile_id
  WHERE p.name = 'retail' AND c.key = 'timeline'" 100.0

# A profile without answers goes; its accounts fall back to default.
kam-gate profile add spare --from default
kam-org account set beta --category spare >/dev/null
run rm 0 kam-gate profile remove spare
expect_sql rm-rows "SELECT count(*) FROM criterion c JOIN profile p ON p.id = c.profile_id
  WHERE p.name = 'spare'" 0
run beta-default 0 kam-gate run beta/crm --dry-run -F table
head -1 "$T/beta-default.out" >"$T/beta-default1.out"
expect_text beta-default1 "beta/crm (CRM), as of 2026-03-02, profile default: qualify"
# An account's other fields.
run set-all 0 kam-org account set beta --name 'Beta GmbH' --industry Steel --category strategic
expect_sql set-all "SELECT name, industry, category FROM account WHERE handle = 'beta'" \
  "Beta GmbH|Steel|strategic"
kam-org account set beta --industry '' >/dev/null
expect_sql clear-industry "SELECT quote(industry) FROM account WHERE handle = 'beta'" NULL

done_testing
