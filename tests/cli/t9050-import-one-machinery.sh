#!/bin/sh
# Every importer reads through one machinery and reports one error the
# same way (kam(7), CSV INPUT): an unknown person is exit 4 in kam-org
# import and kam-stance import alike, a reporting-line cycle is 5 from
# an import as from person set, and a link or role given twice in one
# file is refused, naming the first line, with the store unchanged.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/chen --name Chen
kam-org person add acme/wang --name Wang
kam-org person add acme/li --name Li --reports-to acme/wang
kam-org deal add acme/erp --name ERP
snapshot

# One message and one code for an unknown person, whichever importer.
printf 'from,to,kind\nchen,wnag,advises\n' >"$T/links.csv"
run org-unknown 4 kam-org import acme --kind links "$T/links.csv"
expect_err org-unknown "kam-org: $T/links.csv:2: unknown person 'wnag' (did you mean 'wang'?)"
printf 'person,stance\nacme/wnag,support\n' >"$T/obs.csv"
run stance-unknown 4 kam-stance import "$T/obs.csv"
expect_err stance-unknown "kam-stance: $T/obs.csv:2: unknown person 'acme/wnag' (did you mean 'acme/wang'?)"
printf 'deal,person,role\nerp,wnag,coach\n' >"$T/roles.csv"
run role-unknown 4 kam-org import acme "$T/roles.csv"
expect_err role-unknown "kam-org: $T/roles.csv:2: unknown person 'wnag' (did you mean 'wang'?)"
unchanged unknown

# A cycle: 5 from an import, as from person set.
printf 'handle,name,reports_to\nx,X,y\ny,Y,x\n' >"$T/cycle.csv"
run import-cycle 5 kam-org import acme "$T/cycle.csv"
expect_err import-cycle "kam-org: $T/cycle.csv:3: reporting lines form a cycle: x -> y -> x"
run set-cycle 5 kam-org person set acme/wang --reports-to acme/li
unchanged cycle

# A link given twice in one file: refused, whatever the strengths.
printf 'from,to,kind,strength\nchen,wang,advises,1\nli,chen,allies,2\nchen,wang,advises,3\n' >"$T/twice.csv"
run link-twice 3 kam-org import acme "$T/twice.csv"
expect_err link-twice "kam-org: $T/twice.csv:4: link repeated (first on line 2)"
# The same people with another kind are another link; names and
# handles of one person are one person.
printf 'from,to,kind\nchen,wang,advises\nchen,wang,allies\nChen,acme/wang,advises\n' >"$T/named.csv"
run link-named 3 kam-org import acme "$T/named.csv"
expect_err link-named "kam-org: $T/named.csv:4: link repeated (first on line 2)"
printf 'deal,person,role,influence\nerp,chen,coach,high\nerp,wang,coach,\nerp,acme/chen,coach,low\n' >"$T/role-twice.csv"
run role-twice 3 kam-org import acme "$T/role-twice.csv"
expect_err role-twice "kam-org: $T/role-twice.csv:4: role repeated (first on line 2)"
unchanged twice

# Once each, they go in; a link already in the store is updated, as
# kam-org link does, so importing an export again changes nothing.
printf 'from,to,kind,strength\nchen,wang,advises,1\nchen,wang,allies,2\n' >"$T/once.csv"
run link-once 0 kam-org import acme "$T/once.csv"
expect_sql links "SELECT f.handle, t.handle, l.kind, l.strength FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id ORDER BY l.kind" \
"chen|wang|advises|1
chen|wang|allies|2"
printf 'from,to,kind,strength\nchen,wang,advises,3\n' >"$T/again.csv"
run link-again 0 kam-org import acme "$T/again.csv"
expect_sql link-updated "SELECT strength FROM link WHERE kind = 'advises'" 3
kam-org export acme --kind links >"$T/export.csv"
snapshot
run reimport 0 kam-org import acme "$T/export.csv"
unchanged reimport

# An empty file names the columns the importer expects.
: >"$T/empty.csv"
run org-empty 3 kam-org import acme --kind links "$T/empty.csv"
expect_err org-empty "kam-org: $T/empty.csv: empty file (expected a header: from,to,kind,strength)"
run stance-empty 3 kam-stance import "$T/empty.csv"
expect_err stance-empty "kam-stance: $T/empty.csv: empty file (expected a header: person,stance,on,toward,deal,note,source)"

done_testing
