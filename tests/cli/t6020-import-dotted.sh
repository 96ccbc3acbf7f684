#!/bin/sh
# dotted_to naming the same manager twice (in any spelling) stores one
# dotted line, as --dotted-to given twice does.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/old --name Old >/dev/null

printf 'handle,name,reports_to,dotted_to\nboss,Boss,,\nx,X,,boss;boss\ny,Y,boss,boss;acme/boss;old;;old\n' >"$T/people.csv"
run import 0 kam-org import acme "$T/people.csv"
expect_sql lines "SELECT p.handle, m.handle, r.kind FROM reporting_line_all r
  JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id
  ORDER BY p.handle, r.kind, m.handle" \
"x|boss|dotted
y|boss|dotted
y|old|dotted
y|boss|solid"
expect_sql count "SELECT count(*) FROM reporting_line" 3

# The command line gives the same.
run cli 0 kam-org person add acme/z --name Z --dotted-to boss --dotted-to boss
expect_sql cli "SELECT count(*) FROM reporting_line r JOIN person p ON p.id = r.person_id WHERE p.handle = 'z'" 1

# Export writes it once, and the export imports back as it was.
run export 0 kam-org export acme
grep '^x,' "$T/export.out" >"$T/x.row"
printf 'x,X,,,,,boss,,,\n' >"$T/x.want"
cmp -s "$T/x.want" "$T/x.row" || fail "export: row x is '$(cat "$T/x.row")'"
count=$((count + 1))

done_testing
