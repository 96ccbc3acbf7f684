#!/bin/sh
# kam-org import --from salesforce of an empty file: the message names
# the exports the preset reads, not the plain people header; exit 3 and
# the store unchanged.  Without --from the kind's own header is named,
# as before; a Salesforce header with no rows is not empty.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
run acct 0 kam-org account add contoso --name "Contoso Ltd" --ext-id 0015g00000K7xAAAAZ
: >"$T/empty.csv"
printf '\n\n' >"$T/blank.csv"
sf="expected a Salesforce Contact, Opportunity or OpportunityContactRole export, whose header has a LastName, StageName or OpportunityId column"

snapshot
run sf-empty 3 kam-org import contoso "$T/empty.csv" --from salesforce
expect_err sf-empty "kam-org: $T/empty.csv: empty file ($sf)"
[ -s "$T/sf-empty.out" ] && fail "sf-empty: printed $(cat "$T/sf-empty.out")"
unchanged sf-empty
# Blank lines only are no header either.
run sf-blank 3 kam-org import contoso "$T/blank.csv" --from salesforce
expect_err sf-blank "kam-org: $T/blank.csv: empty file ($sf)"
unchanged sf-blank
# Standard input, with a role map: the same message.
run sf-stdin 3 sh -c "kam-org import contoso - --from salesforce --role-map 'Other=procurement' </dev/null"
expect_err sf-stdin "kam-org: <stdin>: empty file ($sf)"
unchanged sf-stdin
# In Chinese.
if locale -a 2>/dev/null | grep -qx zh_CN.utf8; then
  run sf-zh 3 in_locale zh_CN.UTF-8 kam-org import contoso "$T/empty.csv" --from salesforce
  expect_err sf-zh "kam-org: $T/empty.csv: 文件为空（需要Salesforce 的 Contact、Opportunity 或 OpportunityContactRole 导出文件，其表头含 LastName、StageName 或 OpportunityId 列）"
  unchanged sf-zh
fi

# Without --from, each kind still names its own header.
run people-empty 3 kam-org import contoso "$T/empty.csv"
expect_err people-empty "kam-org: $T/empty.csv: empty file (expected a header: handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id)"
run deals-empty 3 kam-org import contoso "$T/empty.csv" --kind deals
expect_err deals-empty "kam-org: $T/empty.csv: empty file (expected a header: deal,name,value,currency,close,stage,owner,cost,ext_id,status,closed_on,reason)"
unchanged deals-empty

# A Salesforce header with no rows is read, and changes nothing.
printf 'Id,AccountId,FirstName,LastName,Title\n' >"$T/Contact.csv"
run sf-header 0 kam-org import contoso "$T/Contact.csv" --from salesforce
expect_text sf-header "0 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
unchanged sf-header
# A header of none of the three exports is told apart from an empty file.
printf 'Foo,Bar\n' >"$T/other.csv"
run sf-other 3 kam-org import contoso "$T/other.csv" --from salesforce
expect_err sf-other "kam-org: $T/other.csv:1: not a Salesforce Contact, Opportunity or OpportunityContactRole export (no LastName, StageName or OpportunityId column)"
unchanged sf-other

done_testing
