#!/bin/sh
# kam-org import --from salesforce: a Salesforce Contact export of a
# parent and its subsidiary (non-ASCII names, a Chinese name, two people
# of the same name, a manager in the parent for the subsidiary's head,
# another account's rows skipped and counted), imported with no glue,
# then next week's export synced; the same export again changes nothing.
# Account groups: --parent, --ext-id, lines across accounts of a group.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

SF="$KAM_SRCDIR/tests/data/salesforce"
kam-org init >/dev/null
run parent 0 kam-org account add contoso --name "Contoso Ltd" --ext-id 0015g00000K7xAAAAZ
run sub 0 kam-org account add contoso-de --name "Contoso Deutschland GmbH" --parent contoso --ext-id 0015g00000K7yAAAAZ
run accounts 0 kam-org -F tsv account list
expect_text accounts "handle	name	industry	people	deals	created	category	parent	ext_id	team
contoso	Contoso Ltd		0	0	2026-03-02			0015g00000K7xAAAAZ	
contoso-de	Contoso Deutschland GmbH		0	0	2026-03-02		contoso	0015g00000K7yAAAAZ	"

run week1 0 kam-org import contoso "$SF/week1/Contact.csv" --from salesforce
expect_text week1 "10 added, 0 changed, 0 left, 0 unchanged, 2 skipped"
expect_err week1 "kam-org: $SF/week1/Contact.csv:12: skipped: account '0015g00000K7zAAAAZ' is not 'contoso' or one of its subsidiaries
kam-org: $SF/week1/Contact.csv:13: skipped: account '0015g00000K7zAAAAZ' is not 'contoso' or one of its subsidiaries"
run list1 0 kam-org -F tsv person list contoso
expect_text list1 "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
contoso/0035g00000Q1gAAAAZ	王芳	Data Protection Officer	Legal		contoso/margaret.whitfield		no		0035g00000Q1gAAAAZ
contoso/david.smith	David Smith	Enterprise Architect	IT		contoso/wei.chen		no		0035g00000Q1dAAAAZ
contoso/david.smith-2	David Smith	Procurement Manager	Procurement		contoso/maria.jose.garcia.lopez		no		0035g00000Q1eAAAAZ
contoso/margaret.whitfield	Margaret Whitfield	Chief Executive Officer	Executive				no		0035g00000Q1aAAAAZ
contoso/maria.jose.garcia.lopez	María José García López	Chief Financial Officer	Finance		contoso/margaret.whitfield		no		0035g00000Q1cAAAAZ
contoso/soren.odegard	Søren Ødegård	Head of Infrastructure	IT		contoso/wei.chen		no		0035g00000Q1fAAAAZ
contoso/wei.chen	Wei Chen	Chief Information Officer	IT		contoso/margaret.whitfield		no		0035g00000Q1bAAAAZ"
# The subsidiary's head reports to the parent's CEO: a line across the
# accounts of the group, written ACCOUNT/HANDLE.
run list1-de 0 kam-org -F tsv person list contoso-de
expect_text list1-de "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
contoso-de/anna.lena.kruger	Anna-Lena Krüger	Einkauf	Einkauf		contoso-de/jurgen.weiss		no		0035g00000Q2cAAAAZ
contoso-de/jurgen.weiss	Jürgen Weiß	Geschäftsführer	Geschäftsführung		contoso/margaret.whitfield		no		0035g00000Q2aAAAAZ
contoso-de/siobhan.oconnor	Siobhán O'Connor	Leiterin IT	IT		contoso-de/jurgen.weiss		no		0035g00000Q2bAAAAZ"

# The same export again, with --update: nothing changes.
snapshot
run again 0 kam-org import contoso "$SF/week1/Contact.csv" --from salesforce --update
expect_text again "0 added, 0 changed, 0 left, 10 unchanged, 2 skipped"
unchanged again
# Without --update it is refused, naming the first person it has.
run again-plain 5 kam-org import contoso "$SF/week1/Contact.csv" --from salesforce
grep -q "Contact.csv:2: person 'contoso/margaret.whitfield' already exists (use --update to change it)$" "$T/again-plain.err" ||
  fail "again-plain: $(cat "$T/again-plain.err")"
unchanged again-plain

# Week 2: a title changed in each account, Søren now reports to the CEO,
# a new procurement director, one David Smith gone.
KAM_NOW=2026-03-09T09:00:00Z
run week2 0 kam-org import contoso "$SF/week2/Contact.csv" --from salesforce --sync --on 2026-03-06
expect_text week2 "1 added, 3 changed, 1 left, 6 unchanged, 2 skipped"
expect_sql week2-people "SELECT a.handle, p.handle, p.title, quote(p.left_on) FROM person p JOIN account a ON a.id = p.account_id WHERE p.ext_id IN ('0035g00000Q1bAAAAZ', '0035g00000Q1eAAAAZ', '0035g00000Q1hAAAAZ', '0035g00000Q2bAAAAZ') ORDER BY p.ext_id" \
"contoso|wei.chen|Chief Digital and Information Officer|NULL
contoso|david.smith-2|Procurement Manager|'2026-03-06'
contoso|zoe.angstrom|Procurement Director|NULL
contoso-de|siobhan.oconnor|Leiterin IT und Digitalisierung|NULL"
run log-soren 0 kam-org -F tsv log contoso/soren.odegard
expect_text log-soren "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		imported
2026-03-06	2026-03-09T09:00:00Z	tester	reports_to	contoso/wei.chen	contoso/margaret.whitfield"
run tree2 0 kam-org -F table tree contoso
expect_text tree2 "Margaret Whitfield (margaret.whitfield), Chief Executive Officer
├── 王芳 (0035g00000Q1gAAAAZ), Data Protection Officer
├── María José García López (maria.jose.garcia.lopez), Chief Financial Officer
│   ├── David Smith (david.smith-2), Procurement Manager (left 2026-03-06)
│   └── Zoë Ångström (zoe.angstrom), Procurement Director
├── Søren Ødegård (soren.odegard), Head of Infrastructure
└── Wei Chen (wei.chen), Chief Digital and Information Officer
    └── David Smith (david.smith), Enterprise Architect"
snapshot
run week2-again 0 kam-org import contoso "$SF/week2/Contact.csv" --from salesforce --sync --on 2026-03-07
expect_text week2-again "0 added, 0 changed, 0 left, 10 unchanged, 2 skipped"
unchanged week2-again

# Refusals.
snapshot
USAGE="usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
run from-kind 2 kam-org import contoso "$SF/week2/Contact.csv" --from salesforce --kind people
expect_err from-kind "kam-org: --from salesforce tells the kind and the columns itself (no --kind or --map)
$USAGE"
run from-other 2 kam-org import contoso "$SF/week2/Contact.csv" --from hubspot
expect_err from-other "kam-org: unknown --from 'hubspot' (use salesforce)
$USAGE"
printf '%s\n' '"Id","Name"' '"x","y"' >"$T/not-contact.csv"
run not-contact 3 kam-org import contoso "$T/not-contact.csv" --from salesforce
expect_err not-contact "kam-org: $T/not-contact.csv:1: not a Salesforce Contact, Opportunity or OpportunityContactRole export (no LastName, StageName or OpportunityId column)"
kam-org account add fabrikam --name Fabrikam >/dev/null
snapshot
run no-ext 3 kam-org import fabrikam "$SF/week2/Contact.csv" --from salesforce
expect_err no-ext "kam-org: account 'fabrikam' has no external id (Salesforce rows are matched to accounts by AccountId: give it with account set --ext-id)"
unchanged refusals

# Groups: a parent below its own subsidiary is refused; an external id
# is one account's; lines cross accounts within a group, not outside.
run loop 5 kam-org account set contoso --parent contoso-de
expect_err loop "kam-org: account 'contoso' cannot be a subsidiary of 'contoso-de', which is in its own group below it"
run self 5 kam-org account set contoso --parent contoso
expect_err self "kam-org: account 'contoso' cannot be its own parent"
run ext-taken 5 kam-org account set fabrikam --ext-id 0015g00000K7xAAAAZ
expect_err ext-taken "kam-org: external id '0015g00000K7xAAAAZ' is already account 'contoso''s"
run no-parent 4 kam-org account set fabrikam --parent nosuch
expect_err no-parent "kam-org: unknown account 'nosuch'"
unchanged groups
kam-org person add fabrikam/petra --name "Petra Novak" >/dev/null
run cross-group 0 kam-org person set contoso-de/anna.lena.kruger --reports-to contoso/maria.jose.garcia.lopez --on 2026-03-08
expect_sql cross-group-store "SELECT m.handle FROM person p JOIN person m ON m.id = p.manager_id WHERE p.handle = 'anna.lena.kruger'" "maria.jose.garcia.lopez"
snapshot
run cross-out 5 kam-org person set contoso-de/anna.lena.kruger --reports-to fabrikam/petra
expect_err cross-out "kam-org: reporting line from 'contoso-de/anna.lena.kruger' to 'fabrikam/petra' crosses accounts"
unchanged cross-out
# Once fabrikam is in the group, the same line is allowed.
run join 0 kam-org account set fabrikam --parent contoso
run cross-in 0 kam-org person set contoso-de/anna.lena.kruger --reports-to fabrikam/petra --on 2026-03-08
run leave-group 0 kam-org account set fabrikam --parent ""
expect_sql left-group "SELECT quote(parent_id) FROM account WHERE handle = 'fabrikam'" "NULL"

# Links and buying roles across the accounts of a group: the subsidiary's
# deal has the parent's CFO as its finance role; listings write the
# person of the other account as ACCOUNT/HANDLE.
kam-org deal add contoso-de/dc --name "Rechenzentrum" >/dev/null
run role-group 0 kam-org role contoso-de/dc contoso/maria.jose.garcia.lopez finance
run roles-group 0 kam-org -F tsv roles contoso-de/dc
expect_text roles-group "person	name	role	influence	lead	primary	title	level	placeholder	left_on
contoso/maria.jose.garcia.lopez	María José García López	finance	medium	no	no	Chief Financial Officer		no	"
run link-group 0 kam-org link contoso-de/jurgen.weiss contoso/margaret.whitfield --kind advises
run links-group 0 kam-org -F tsv links contoso-de
expect_text links-group "from	to	kind	strength	from_name	to_name
contoso-de/jurgen.weiss	contoso/margaret.whitfield	advises	2	Jürgen Weiß	Margaret Whitfield"
snapshot
run role-out 5 kam-org role contoso-de/dc fabrikam/petra coach
expect_err role-out "kam-org: 'fabrikam/petra' is not in the account of deal 'contoso-de/dc' or its group"
run link-out 5 kam-org link contoso-de/jurgen.weiss fabrikam/petra --kind advises
expect_err link-out "kam-org: 'contoso-de/jurgen.weiss' and 'fabrikam/petra' are in different accounts"
unchanged across-out

done_testing
