#!/bin/sh
# kam-org import --from salesforce with the three standard exports:
# Contact, Opportunity and OpportunityContactRole of a parent and its
# subsidiary, with no glue: opportunities become deals with external
# ids, contact roles buying roles through the role table (Other and
# blank skipped and counted), IsPrimary the primary flag.  Next week's
# export (a price and date changed, a deal won, a role changed, the
# primary moved, a new contact role, one gone) synced; the same export
# again changes nothing.  --role-map, role --primary, schema 10.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

SF="$KAM_SRCDIR/tests/data/salesforce"
DP=contoso/contoso.data.platform.renewal
RZ=contoso-de/contoso.de.rechenzentrum.migration
kam-org init >/dev/null
kam-org account add contoso --name "Contoso Ltd" --ext-id 0015g00000K7xAAAAZ >/dev/null
kam-org account add contoso-de --name "Contoso Deutschland GmbH" --parent contoso --ext-id 0015g00000K7yAAAAZ >/dev/null

# Opportunities before their account's contacts is fine; contact roles
# need both.
run w1-opp 0 kam-org import contoso "$SF/week1/Opportunity.csv" --from salesforce
expect_text w1-opp "2 added, 0 changed, 0 left, 0 unchanged, 1 skipped"
expect_err w1-opp "kam-org: $SF/week1/Opportunity.csv:4: skipped: account '0015g00000K7zAAAAZ' is not 'contoso' or one of its subsidiaries"
run w1-contact 0 kam-org import contoso "$SF/week1/Contact.csv" --from salesforce
expect_text w1-contact "10 added, 0 changed, 0 left, 0 unchanged, 2 skipped"
run w1-ocr 0 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce
expect_text w1-ocr "9 added, 0 changed, 0 left, 0 unchanged, 3 skipped"
expect_err w1-ocr "kam-org: $SF/week1/OpportunityContactRole.csv:6: skipped: Role 'Other' is not a buying role (map it with --role-map 'Other=ROLE')
kam-org: $SF/week1/OpportunityContactRole.csv:8: skipped: no Role
kam-org: $SF/week1/OpportunityContactRole.csv:13: skipped: opportunity '0065g00000Z9cAAAAZ' is not a deal of 'contoso' or its subsidiaries"

run w1-deals 0 kam-org -F tsv deal list contoso
expect_out w1-deals sf-week1-deals.tsv
run w1-deals-de 0 kam-org -F tsv deal list contoso-de
expect_out w1-deals-de sf-week1-deals-de.tsv
run w1-roles 0 kam-org -F tsv roles $DP
expect_out w1-roles sf-week1-roles.tsv
# The subsidiary's deal has the parent's CIO as executive sponsor.
run w1-roles-de 0 kam-org -F tsv roles $RZ
expect_out w1-roles-de sf-week1-roles-de.tsv
expect_sql w1-store "SELECT d.handle, d.ext_id, d.value, d.currency, d.close_on, d.stage, d.status FROM deal d ORDER BY d.id" \
"contoso.data.platform.renewal|0065g00000Z9aAAAAZ|480000|GBP|2026-06-30|Proposal/Price Quote|open
contoso.de.rechenzentrum.migration|0065g00000Z9bAAAAZ|1250000.5|EUR|2026-09-30|Qualification|open"

# The same exports again with --update change nothing; without it an
# opportunity or a contact role the store has is refused.
snapshot
for f in Contact Opportunity OpportunityContactRole; do
  run "again-$f" 0 kam-org import contoso "$SF/week1/$f.csv" --from salesforce --update
done
expect_text again-Contact "0 added, 0 changed, 0 left, 10 unchanged, 2 skipped"
expect_text again-Opportunity "0 added, 0 changed, 0 left, 2 unchanged, 1 skipped"
expect_text again-OpportunityContactRole "0 added, 0 changed, 0 left, 9 unchanged, 3 skipped"
unchanged again
run again-opp-plain 5 kam-org import contoso "$SF/week1/Opportunity.csv" --from salesforce
expect_err again-opp-plain "kam-org: $SF/week1/Opportunity.csv:2: deal '$DP' already exists (use --update to change it)"
run again-ocr-plain 5 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce
expect_err again-ocr-plain "kam-org: $SF/week1/OpportunityContactRole.csv:2: 'contoso/margaret.whitfield' already holds role 'decision-maker' in '$DP' (use --update to change it)"
[ ! -s "$T/again-ocr-plain.out" ] || fail "again-ocr-plain: printed a summary"
unchanged again-plain

# Week 2, synced as of Friday 6 March: the renewal's price and date
# moved, the German deal was won on the 5th, Søren is now an influencer
# rather than an evaluator, the CEO is the primary contact, Zoë joined
# as economic buyer, and one David Smith left.
KAM_NOW=2026-03-09T09:00:00Z
for f in Contact Opportunity OpportunityContactRole; do
  run "w2-$f" 0 kam-org import contoso "$SF/week2/$f.csv" --from salesforce --sync --on 2026-03-06
done
expect_text w2-Contact "1 added, 3 changed, 1 left, 6 unchanged, 2 skipped"
expect_text w2-Opportunity "0 added, 2 changed, 0 left, 0 unchanged, 1 skipped"
expect_text w2-OpportunityContactRole "2 added, 1 changed, 1 left, 7 unchanged, 2 skipped"
run w2-deals 0 kam-org -F tsv deal list contoso
expect_out w2-deals sf-week2-deals.tsv
run w2-deals-de 0 kam-org -F tsv deal list contoso-de
expect_out w2-deals-de sf-week2-deals-de.tsv
run w2-roles 0 kam-org -F tsv roles $DP
expect_out w2-roles sf-week2-roles.tsv
run w2-log 0 kam-org -F tsv deal log $RZ
expect_out w2-log sf-week2-log-de.tsv
# As of the day before the sync, the group is week 1's.
run w2-roles-before 0 kam-org -F tsv roles $DP --as-of 2026-03-05
expect_out w2-roles-before sf-week2-roles-before.tsv
expect_sql w2-periods "SELECT p.handle, r.role, r.is_primary, r.start_on, quote(r.end_on) FROM deal_role_period r JOIN person p ON p.id = r.person_id JOIN deal d ON d.id = r.deal_id WHERE d.handle = 'contoso.data.platform.renewal' AND p.handle IN ('margaret.whitfield', 'wei.chen', 'soren.odegard') ORDER BY r.id" \
"margaret.whitfield|decision-maker|0|2026-03-02|'2026-03-06'
wei.chen|decision-maker|1|2026-03-02|'2026-03-06'
soren.odegard|technical|0|2026-03-02|'2026-03-06'
margaret.whitfield|decision-maker|1|2026-03-06|NULL
wei.chen|decision-maker|0|2026-03-06|NULL
soren.odegard|influencer|0|2026-03-06|NULL"

snapshot
for f in Contact Opportunity OpportunityContactRole; do
  run "w2-again-$f" 0 kam-org import contoso "$SF/week2/$f.csv" --from salesforce --sync --on 2026-03-07
done
expect_text w2-again-Contact "0 added, 0 changed, 0 left, 10 unchanged, 2 skipped"
expect_text w2-again-Opportunity "0 added, 0 changed, 0 left, 2 unchanged, 1 skipped"
expect_text w2-again-OpportunityContactRole "0 added, 0 changed, 0 left, 10 unchanged, 2 skipped"
unchanged w2-again

# A deal the CRM reopened reopens on the import's day.
sed 's/"Closed Won","1250000.50","EUR","100","2026-03-05","true","true"/"Negotiation\/Review","1250000.50","EUR","80","2026-09-30","false","false"/' \
  "$SF/week2/Opportunity.csv" >"$T/Opportunity.csv"
run reopened 0 kam-org import contoso "$T/Opportunity.csv" --from salesforce --update --on 2026-03-08
expect_text reopened "0 added, 1 changed, 0 left, 1 unchanged, 1 skipped"
expect_sql reopened-store "SELECT status, quote(closed_on), close_on, stage FROM deal WHERE handle = 'contoso.de.rechenzentrum.migration'" \
  "open|NULL|2026-09-30|Negotiation/Review"
expect_sql reopened-history "SELECT effective, field, old_value, new_value FROM deal_history WHERE field = 'status' ORDER BY id" \
  "2026-03-05|status|open|won
2026-03-08|status|won|open"

# --role-map: a label read as another role, or skipped (LABEL=).
KAM_DB="$T/map.db"
kam-org init >/dev/null
kam-org account add contoso --name "Contoso Ltd" --ext-id 0015g00000K7xAAAAZ >/dev/null
kam-org import contoso "$SF/week1/Contact.csv" --from salesforce >/dev/null 2>&1
kam-org import contoso "$SF/week1/Opportunity.csv" --from salesforce >/dev/null 2>&1
run role-map 0 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce --role-map 'other=procurement' --role-map 'Evaluator=' --role-map 'Decision Maker=coach'
expect_text role-map "5 added, 0 changed, 0 left, 0 unchanged, 7 skipped"
expect_err role-map "kam-org: $SF/week1/OpportunityContactRole.csv:7: skipped: Role 'Evaluator' is not a buying role (map it with --role-map 'Evaluator=ROLE')
kam-org: $SF/week1/OpportunityContactRole.csv:8: skipped: no Role
kam-org: $SF/week1/OpportunityContactRole.csv:9: skipped: opportunity '0065g00000Z9bAAAAZ' is not a deal of 'contoso' or its subsidiaries
kam-org: $SF/week1/OpportunityContactRole.csv:10: skipped: opportunity '0065g00000Z9bAAAAZ' is not a deal of 'contoso' or its subsidiaries
kam-org: $SF/week1/OpportunityContactRole.csv:11: skipped: opportunity '0065g00000Z9bAAAAZ' is not a deal of 'contoso' or its subsidiaries
kam-org: $SF/week1/OpportunityContactRole.csv:12: skipped: opportunity '0065g00000Z9bAAAAZ' is not a deal of 'contoso' or its subsidiaries
kam-org: $SF/week1/OpportunityContactRole.csv:13: skipped: opportunity '0065g00000Z9cAAAAZ' is not a deal of 'contoso' or its subsidiaries"
expect_sql role-map-store "SELECT p.handle, r.role, r.is_primary FROM deal_role_period r JOIN person p ON p.id = r.person_id WHERE r.end_on IS NULL ORDER BY p.handle, r.role" \
"david.smith|technical|0
david.smith-2|procurement|0
margaret.whitfield|decision-maker|0
maria.jose.garcia.lopez|finance|0
wei.chen|coach|1"

# Refusals: each names the input at fault and changes nothing.
snapshot
USAGE="usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
run map-bad-role 3 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce --role-map 'Other=boss'
expect_err map-bad-role "kam-org: --role-map 'Other=boss': unknown role 'boss' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
run map-no-eq 2 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce --role-map Other
expect_err map-no-eq "kam-org: --role-map 'Other' is not LABEL=ROLE"
run map-no-label 2 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --from salesforce --role-map =coach
expect_err map-no-label "kam-org: --role-map '=coach' is not LABEL=ROLE"
run map-no-from 2 kam-org import contoso "$SF/week1/OpportunityContactRole.csv" --role-map Other=coach
expect_err map-no-from "kam-org: --role-map is for --from salesforce
$USAGE"
printf '%s\n' '"OpportunityId","ContactId","Role","IsPrimary"' \
  '"0065g00000Z9aAAAAZ","0035g00000Q1dAAAAZ","Technical Buyer","perhaps"' >"$T/bad-primary.csv"
run bad-primary 3 kam-org import contoso "$T/bad-primary.csv" --from salesforce --update
expect_err bad-primary "kam-org: $T/bad-primary.csv:2: invalid IsPrimary 'perhaps' (true or false)"
printf '%s\n' '"OpportunityId","ContactId","Role"' \
  '"0065g00000Z9aAAAAZ","0035g00000Q9zAAAAZ","Technical Buyer"' >"$T/no-contact.csv"
run no-contact 0 kam-org import contoso "$T/no-contact.csv" --from salesforce --update
expect_err no-contact "kam-org: $T/no-contact.csv:2: skipped: contact '0035g00000Q9zAAAAZ' is not a person of 'contoso''s group"
expect_text no-contact "0 added, 0 changed, 0 left, 0 unchanged, 1 skipped"
printf '%s\n' '"OpportunityId","ContactId","Role"' \
  '"0065g00000Z9aAAAAZ","0035g00000Q1dAAAAZ","Legal Counsel"' >"$T/unknown-label.csv"
run unknown-label 0 kam-org import contoso "$T/unknown-label.csv" --from salesforce --update
expect_err unknown-label "kam-org: $T/unknown-label.csv:2: skipped: Role 'Legal Counsel' is not in the role table (map it with --role-map 'Legal Counsel=ROLE')"
H='"Id","AccountId","Name","StageName","CloseDate","IsClosed","IsWon","Amount"'
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New","Prospecting","2026-04-31","false","false","10"' >"$T/bad-date.csv"
run bad-date 3 kam-org import contoso "$T/bad-date.csv" --from salesforce
expect_err bad-date "kam-org: $T/bad-date.csv:2: impossible date '2026-04-31' for CloseDate"
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New","Prospecting","2026-04-30","false","yes please","10"' >"$T/bad-won.csv"
run bad-won 3 kam-org import contoso "$T/bad-won.csv" --from salesforce
expect_err bad-won "kam-org: $T/bad-won.csv:2: invalid IsWon 'yes please' (true or false)"
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New","Prospecting","2026-04-30","false","true","10"' >"$T/won-open.csv"
run won-open 3 kam-org import contoso "$T/won-open.csv" --from salesforce
expect_err won-open "kam-org: $T/won-open.csv:2: opportunity '0065g00000Z9xAAAAZ' is won but not closed"
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New","Prospecting","2026-04-30","false","false","ten"' >"$T/bad-amount.csv"
run bad-amount 3 kam-org import contoso "$T/bad-amount.csv" --from salesforce
grep -q "^kam-org: $T/bad-amount.csv:2: invalid Amount 'ten' (" "$T/bad-amount.err" || fail "bad-amount: $(cat "$T/bad-amount.err")"
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New","Prospecting","2026-04-30","false","false","10"' \
  '"0065g00000Z9yAAAAZ","0015g00000K7xAAAAZ","Newer","Prospecting","2026-04-30","false","false","10"' \
  '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","New again","Prospecting","2026-04-30","false","false","10"' >"$T/twice.csv"
run twice 3 kam-org import contoso "$T/twice.csv" --from salesforce
expect_err twice "kam-org: $T/twice.csv:4: opportunity '0065g00000Z9xAAAAZ' repeated (first on line 2)"
[ ! -s "$T/twice.out" ] || fail "twice: printed a summary"
printf '%s\n' '"Id","Name"' '"x","y"' >"$T/other.csv"
run not-sf 3 kam-org import contoso "$T/other.csv" --from salesforce
expect_err not-sf "kam-org: $T/other.csv:1: not a Salesforce Contact, Opportunity or OpportunityContactRole export (no LastName, StageName or OpportunityId column)"
unchanged refusals

# A name that folds to the same handle as a deal the account has: -2.
printf '%s\n' "$H" '"0065g00000Z9xAAAAZ","0015g00000K7xAAAAZ","Contoso — Data Platform Renewal","Prospecting","2026-04-30","true","false",""' >"$T/same-name.csv"
run same-name 0 kam-org import contoso "$T/same-name.csv" --from salesforce
expect_sql same-name-store "SELECT handle, status, closed_on, quote(value) FROM deal WHERE ext_id = '0065g00000Z9xAAAAZ'" \
  "contoso.data.platform.renewal-2|lost|2026-03-09|NULL"

# role --primary: one primary per deal, distinct from the lead; it
# moves from whoever held it, and a role keeps it when changed.
run primary 0 kam-org role $DP contoso/david.smith technical --primary --lead
run primary-roles 0 kam-org -F json roles $DP
expect_out primary-roles sf-primary-roles.json
expect_sql primary-store "SELECT p.handle, r.is_primary, r.lead FROM deal_role_period r JOIN person p ON p.id = r.person_id JOIN deal d ON d.id = r.deal_id WHERE d.handle = 'contoso.data.platform.renewal' AND r.end_on IS NULL AND (r.is_primary OR r.lead)" \
  "david.smith|1|1"
run primary-keep 0 kam-org role $DP contoso/david.smith technical --influence high
expect_sql primary-kept "SELECT r.is_primary, r.influence FROM deal_role_period r JOIN person p ON p.id = r.person_id WHERE p.handle = 'david.smith' AND r.end_on IS NULL" "1|high"
run primary-log 0 kam-org -F tsv deal log $DP
grep -q "	role		contoso/david.smith technical (medium, lead, primary)$" "$T/primary-log.out" || fail "primary-log: $(cat "$T/primary-log.out")"

# Schema 10: a store of schema 9 gains the flag, no role primary.
KAM_DB="$T/v9.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v9.sql"
  cat <<'SQL'
INSERT INTO account (id, handle, name, created) VALUES (1, 'acme', 'Acme', '2026-01-05');
INSERT INTO person (id, account_id, handle, name, created) VALUES (1, 1, 'li', 'Li', '2026-01-05');
INSERT INTO deal (id, account_id, handle, name, created) VALUES (1, 1, 'erp', 'ERP', '2026-01-20');
INSERT INTO deal_role VALUES (1, 1, 'technical', 'high', 1);
PRAGMA application_id = 1262570801;
PRAGMA user_version = 9;
SQL
} | "$SQLITE3" "$KAM_DB"
run v9-roles 0 kam-org -F csv roles acme/erp
expect_text v9-roles "person,name,role,influence,lead,primary,title,level,placeholder,left_on
acme/li,Li,technical,high,yes,no,,,no,"
expect_sql v9-version "PRAGMA user_version" 14
# The upgraded guard is the one a new store has.
run v9-verify 0 kam-stance verify
expect_sql v9-period "SELECT role, influence, lead, is_primary, start_on FROM deal_role_period" "technical|high|1|0|2026-01-20"
run v9-primary 0 kam-org role acme/erp li technical --primary --on 2026-02-01
expect_sql v9-periods "SELECT is_primary, start_on, quote(end_on) FROM deal_role_period ORDER BY id" \
  "0|2026-01-20|'2026-02-01'
1|2026-02-01|NULL"
snapshot
if "$SQLITE3" "$KAM_DB" "UPDATE deal_role_period SET is_primary = 0 WHERE end_on IS NULL" 2>"$T/v9-guard.err"; then
  fail "v9-guard: a period's primary flag was changed in place"
fi
grep -q "buying roles are history: a period can only be ended" "$T/v9-guard.err" || fail "v9-guard: $(cat "$T/v9-guard.err")"
unchanged v9-guard

done_testing
