#!/bin/sh
# Our side of the relationship: kam-org seller add and list, contact and
# contacts.  A contact is dated and never overwritten: the latest record
# of a seller and a person on a day is in force, so a contact can weaken
# and what we knew on an earlier day can be asked again.  Every bad input
# with its message, exit status and an unchanged store; a store of
# schema 7 gains the two tables.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org person add boss --name Boss --level 1
  kam-org person add cfo --name CFO --level 2
  kam-org person add eng --name 陈工 --level 3
  kam-org person add beta/x --name X
} >/dev/null

run add 0 kam-org seller add ana --name 'Ana Lopez'
[ -s "$T/add.out" ] && fail "add: printed something"
run add2 0 kam-org seller add 王丽 --name 王丽
kam-org seller add bo --name Bo >/dev/null
expect_sql stored "SELECT handle, name, created FROM seller ORDER BY id" \
  "ana|Ana Lopez|2026-03-02
王丽|王丽|2026-03-02
bo|Bo|2026-03-02"

# Contacts: strength 1 to 3, from --on (default today).
run c1 0 kam-org contact ana boss --strength 2 --on 2026-01-05
[ -s "$T/c1.out" ] && fail "c1: printed something"
kam-org contact bo boss --strength 1 >/dev/null
kam-org contact ana cfo --strength 3 --on 2026-01-10 >/dev/null
kam-org contact 王丽 acme/eng --strength 1 --on 2026-02-01 >/dev/null
kam-org contact bo beta/x --strength 3 --on 2026-02-01 >/dev/null
# ana sees the CFO less from 20 February: a new row, the old one kept.
kam-org contact ana cfo --strength 1 --on 2026-02-20 >/dev/null
expect_sql rows "SELECT s.handle, p.handle, c.strength, c.effective, c.recorded, c.actor
  FROM contact c JOIN seller s ON s.id = c.seller_id
  JOIN person p ON p.id = c.person_id ORDER BY c.id" \
  "ana|boss|2|2026-01-05|2026-03-02T09:00:00Z|tester
bo|boss|1|2026-03-02|2026-03-02T09:00:00Z|tester
ana|cfo|3|2026-01-10|2026-03-02T09:00:00Z|tester
王丽|eng|1|2026-02-01|2026-03-02T09:00:00Z|tester
bo|x|3|2026-02-01|2026-03-02T09:00:00Z|tester
ana|cfo|1|2026-02-20|2026-03-02T09:00:00Z|tester"

# contacts: in force today, by person, strongest first, then seller.
run list 0 kam-org contacts
expect_text list "person	name	seller	seller_name	strength	since
acme/boss	Boss	ana	Ana Lopez	2	2026-01-05
acme/boss	Boss	bo	Bo	1	2026-03-02
acme/cfo	CFO	ana	Ana Lopez	1	2026-02-20
acme/eng	陈工	王丽	王丽	1	2026-02-01"
# On 19 February: the stronger contact with the CFO, and nobody knew
# the boss but ana; on 20 February, the weaker one holds (the day
# itself).
run feb19 0 kam-org contacts acme --as-of 2026-02-19
expect_text feb19 "person	name	seller	seller_name	strength	since
acme/boss	Boss	ana	Ana Lopez	2	2026-01-05
acme/cfo	CFO	ana	Ana Lopez	3	2026-01-10
acme/eng	陈工	王丽	王丽	1	2026-02-01"
run feb20 0 kam-org contacts acme --as-of 2026-02-20
grep cfo "$T/feb20.out" >"$T/feb20cfo.out"
expect_text feb20cfo "acme/cfo	CFO	ana	Ana Lopez	1	2026-02-20"
run jan4 0 kam-org contacts acme --as-of 2026-01-04
expect_text jan4 "person	name	seller	seller_name	strength	since"
run beta 0 kam-org -F csv contacts beta
expect_text beta "person,name,seller,seller_name,strength,since
beta/x,X,bo,Bo,3,2026-02-01"
run json 0 kam-org -F json contacts --as-of 2026-01-05
expect_text json '[
{"person":"acme/boss","name":"Boss","seller":"ana","seller_name":"Ana Lopez","strength":2,"since":"2026-01-05"}
]'

# seller list: people known today.
run sellers 0 kam-org -F table seller list
expect_text sellers "HANDLE  NAME       CONTACTS  CREATED
ana     Ana Lopez  2         2026-03-02
bo      Bo         2         2026-03-02
王丽    王丽       1         2026-03-02"

# Bad input: each message and status, the store unchanged.
snapshot
run dup 5 kam-org seller add ana --name Other
expect_err dup "kam-org: seller 'ana' already exists"
run badh 3 kam-org seller add 'a b' --name X
expect_err badh "kam-org: invalid seller handle 'a b' (use letters, digits, '.', '_' and '-')"
run noname 2 kam-org seller add cy
head -1 "$T/noname.err" >"$T/n1" && mv "$T/n1" "$T/noname.err"
expect_err noname "kam-org: --name is required"
run ctrl 3 kam-org seller add cy --name "$(printf 'C\tY')"
expect_err ctrl "kam-org: --name contains control character U+0009 (a tab)"
run s0 3 kam-org contact ana boss --strength 0
expect_err s0 "kam-org: invalid strength '0' (1 acquainted, 2 works with, 3 trusted)"
run s4 3 kam-org contact ana boss --strength 4
expect_err s4 "kam-org: invalid strength '4' (1 acquainted, 2 works with, 3 trusted)"
run sx 3 kam-org contact ana boss --strength 2x
expect_err sx "kam-org: invalid strength '2x' (1 acquainted, 2 works with, 3 trusted)"
run nostr 2 kam-org contact ana boss
head -1 "$T/nostr.err" >"$T/n1" && mv "$T/n1" "$T/nostr.err"
expect_err nostr "kam-org: --strength is required"
run oneop 2 kam-org contact ana --strength 1
head -1 "$T/oneop.err" >"$T/n1" && mv "$T/n1" "$T/oneop.err"
expect_err oneop "kam-org: missing PERSON"
run future 3 kam-org contact ana boss --strength 1 --on 2026-03-03
expect_err future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run badday 3 kam-org contact ana boss --strength 1 --on 2026-02-30
expect_err badday "kam-org: impossible date '2026-02-30' for --on"
run useller 4 kam-org contact anna boss --strength 1
expect_err useller "kam-org: unknown seller 'anna' (did you mean 'ana'?)"
run uperson 4 kam-org contact ana bos --strength 1
expect_err uperson "kam-org: unknown person 'acme/bos' (did you mean 'acme/boss'?)"
run asfuture 3 kam-org contacts --as-of 2026-03-03
expect_err asfuture "kam-org: date '2026-03-03' for --as-of is in the future (today is 2026-03-02)"
run uacct 4 kam-org contacts acne
expect_err uacct "kam-org: unknown account 'acne' (did you mean 'acme'?)"
run listop 2 kam-org seller list extra
head -1 "$T/listop.err" >"$T/n1" && mv "$T/n1" "$T/listop.err"
expect_err listop "kam-org: unexpected 'extra'"
unchanged refused
# The lowest and the highest strength are taken.
run s1 0 kam-org contact bo cfo --strength 1 --on 2026-03-02
run s3 0 kam-org contact 王丽 cfo --strength 3
expect_sql s13 "SELECT group_concat(strength) FROM contact WHERE id > 6" "1,3"

# A store of schema 7 (without schema 9's external ids and account
# groups, schema 10's primary flag on roles, schema 11's observation texts,
# schema 12's record of copies or schema 13's teams)
# gains the tables, empty,
# when first opened.
KAM_DB="$T/v7.db"
kam-org init >/dev/null
"$SQLITE3" "$KAM_DB" "DROP INDEX account_team; ALTER TABLE account DROP COLUMN team_id; DROP TABLE team; DROP VIEW observation_chain; DROP TABLE store_copy; ALTER TABLE gate_run DROP COLUMN reasons; DROP VIEW observation_plain; DROP TABLE observation_text; ALTER TABLE person DROP COLUMN erased; DROP TABLE contact; DROP TABLE seller; DROP INDEX person_ext_id; DROP INDEX account_ext_id; ALTER TABLE person DROP COLUMN ext_id; ALTER TABLE account DROP COLUMN ext_id; ALTER TABLE account DROP COLUMN parent_id; DROP TRIGGER deal_role_period_end_only; ALTER TABLE deal_role_period DROP COLUMN is_primary; PRAGMA user_version = 7"
run v7 0 kam-org seller list
expect_text v7 "handle	name	contacts	created"
expect_sql v7-version "PRAGMA user_version" 14
expect_sql v7-tables "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema
  WHERE name IN ('seller', 'contact', 'contact_person', 'contact_seller') ORDER BY name)" \
  "contact,contact_person,contact_seller,seller"

done_testing
