#!/bin/sh
# kam-org import and export: RFC 4180 CSV (quotes, embedded commas,
# CRLF, a UTF-8 BOM; a line break in a title refused), people before their manager, every kind
# of bad row rejecting the whole file with FILE:LINE: and the store
# unchanged, and export -> import into an empty store -> the same export.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add beta/b1 --name B1 >/dev/null

# A BOM, CRLF line ends, a quoted comma, doubled quotes;
# reports before their managers; columns in any order.
printf '\357\273\277handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on\r\n' >"$T/people.csv"
printf 'chen,陈工,"Engineer, senior",技术部,4,li,wang;zhao,,\r\n' >>"$T/people.csv"
printf 'li,李娜,"CTO (acting)",技术部,2,wang,,no,\r\n' >>"$T/people.csv"
printf 'cpo,采购经理,"the ""buyer""",,3,zhao,,yes,\r\n' >>"$T/people.csv"
printf 'zhao,赵六,CFO,,2,acme/wang,,,2026-02-20\r\n' >>"$T/people.csv"
printf 'wang,王伟,总经理,,1,,,,\r\n' >>"$T/people.csv"
run import 0 kam-org import acme "$T/people.csv"
expect_text import "5 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql people "SELECT handle, name, quote(replace(title, char(13), '<CR>')), quote(dept), level, placeholder, quote(left_on) FROM person WHERE account_id = 1 ORDER BY id" \
"chen|陈工|'Engineer, senior'|'技术部'|4|0|NULL
cpo|采购经理|'the \"buyer\"'|NULL|3|1|NULL
li|李娜|'CTO (acting)'|'技术部'|2|0|NULL
wang|王伟|'总经理'|NULL|1|0|NULL
zhao|赵六|'CFO'|NULL|2|0|'2026-02-20'"
expect_sql lines "SELECT p.handle, m.handle, r.kind FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id ORDER BY p.handle, r.kind, m.handle" \
"chen|wang|dotted
chen|zhao|dotted
chen|li|solid
cpo|zhao|solid
li|wang|solid
zhao|wang|solid"
expect_sql created "SELECT count(*), min(origin), min(recorded_by), min(recorded) FROM person WHERE account_id = 1" \
  "5|imported|tester|2026-03-02T09:00:00Z"
run tree 0 kam-org -F table tree acme
expect_out tree org-import-tree.table

# Links and roles: kind told by the header or by --kind.
cat >"$T/links.csv" <<'CSV'
from,to,kind,strength
chen,li,advises,3
li,wang,influences,
acme/zhao,acme/li,rivals,1
CSV
run links 0 kam-org -a acme import "$T/links.csv"
expect_sql links "SELECT f.handle, t.handle, l.kind, l.strength FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id ORDER BY l.id" \
"chen|li|advises|3
li|wang|influences|2
zhao|li|rivals|1"
kam-org deal add acme/erp --name ERP >/dev/null
printf 'person,deal,role\nwang,erp,decision-maker\n' >"$T/roles-min.csv"
run roles-min 0 kam-org import acme "$T/roles-min.csv" --kind roles
cat >"$T/roles.csv" <<'CSV'
deal,person,role,influence,lead
erp,li,technical,high,yes
acme/erp,chen,technical,,
erp,zhao,finance,low,no
erp,cpo,procurement,medium,
CSV
run roles 0 env KAM_ACCOUNT=acme kam-org import "$T/roles.csv"
expect_sql roles "SELECT p.handle, r.role, r.influence, r.lead FROM deal_role_period r JOIN person p ON p.id = r.person_id WHERE r.end_on IS NULL ORDER BY r.id" \
"wang|decision-maker|medium|0
li|technical|high|1
chen|technical|medium|0
zhao|finance|low|0
cpo|procurement|medium|0"

# The import checks references itself (SQLite's foreign-key checks are
# off during it): every reference holds.
expect_sql fk-check "PRAGMA foreign_key_check" ""

# Bad files: FILE:LINE: what is wrong, exit status, the store unchanged.
snapshot
# A title is one line: a quoted line break in it is refused.
printf 'handle,name,title\r\nzz,Z,x\r\nyy,Y,"CTO\r\n(acting)"\r\n' >"$T/title-crlf.csv"
run title-crlf 3 kam-org import acme "$T/title-crlf.csv"
expect_err title-crlf "kam-org: $T/title-crlf.csv:3: title contains control character U+000D (a line break)"
bad() { # bad NAME STATUS MESSAGE-AFTER-PATH [KIND]: imports $T/NAME.csv
  run "$1" "$2" kam-org import acme "$T/$1.csv" ${4:+--kind "$4"}
  expect_err "$1" "kam-org: $T/$1.csv$3"
}
printf 'handle,name,boss\nx,X,wang\n' >"$T/unknown-column.csv"
bad unknown-column 3 ":1: unknown column 'boss' (known: handle, name, title, dept, level, reports_to, dotted_to, placeholder, left_on, ext_id)"
printf 'handle,name,handle\nx,X,x\n' >"$T/repeated-column.csv"
bad repeated-column 3 ":1: column 'handle' repeated"
printf 'handle,title\nx,T\n' >"$T/missing-column.csv"
bad missing-column 3 ":1: missing column 'name'"
printf 'handle,name,reports_to\nx,X,\ny,Y,wnag\n' >"$T/unknown-manager.csv"
bad unknown-manager 4 ":3: unknown manager 'wnag' (did you mean 'wang'?)"
printf 'handle,name,dotted_to\nx,X,wang;nobody-at-all\n' >"$T/unknown-dotted.csv"
bad unknown-dotted 4 ":2: unknown manager 'nobody-at-all'"
printf 'handle,name,reports_to\nx,X,beta/b1\n' >"$T/cross-account.csv"
bad cross-account 3 ":2: manager 'beta/b1' is in another account"
printf 'handle,name,reports_to\nx,X,y\ny,Y,z\nz,Z,x\nw,W,wang\n' >"$T/cycle.csv"
bad cycle 5 ":4: reporting lines form a cycle: x -> y -> z -> x"
printf 'handle,name,reports_to,dotted_to\nx,X,wang,y\ny,Y,x,\n' >"$T/cycle-dotted.csv"
bad cycle-dotted 5 ":3: reporting lines form a cycle: x -> y -> x"
printf 'handle,name,reports_to\nx,X,x\n' >"$T/self.csv"
bad self 5 ":2: 'x' cannot report to themselves"
printf 'handle,name\nx,X\ny,"Bad \377 name"\n' >"$T/invalid-utf8.csv"
bad invalid-utf8 3 ":3: invalid UTF-8"
# Invalid UTF-8 on line 5 of a record that begins on line 4.
printf 'handle,name\nx,"two, names"\n\ny,"fine\nthen \377"\n' >"$T/invalid-utf8-late.csv"
bad invalid-utf8-late 3 ":4: invalid UTF-8"
# The line of a bad row after blank lines.  (Names and titles are one
# line; line breaks in quoted fields are counted in t6010, with notes.)
printf 'handle,name,title\nx,X,"one, two"\n\ny,Y,"three, four"\r\n\r\nz,Z,T,extra\n' >"$T/late-line.csv"
bad late-line 3 ":6: 4 fields, the header has 3"
for lv in 0 100 two 2.5; do
  printf 'handle,name,level\nx,X,%s\n' "$lv" >"$T/level-$lv.csv"
  bad "level-$lv" 3 ":2: invalid level '$lv' (a whole number from 1, the top, to 99)"
done
printf 'handle,name\nx,X\nx,Again\n' >"$T/duplicate.csv"
bad duplicate 3 ":3: handle 'x' repeated (first on line 2)"
# Handles alike in their first eight bytes (the import compares those
# first): exactly 8, longer, repeated.
printf 'handle,name\nengineer,E\nengineer-b,B\nengineer-a,A\nengineer-b,Again\n' >"$T/duplicate-long.csv"
bad duplicate-long 3 ":5: handle 'engineer-b' repeated (first on line 3)"
printf 'handle,name\nengineer,E\nengineer-a,A\nengineer-b,B\nengineer,Again\n' >"$T/duplicate-8.csv"
bad duplicate-8 3 ":5: handle 'engineer' repeated (first on line 2)"
printf 'handle,name,reports_to\nengineer-a,A,engineer-c\nengineer-b,B,engineer\nengineer,E,\n' >"$T/manager-long.csv"
bad manager-long 4 ":2: unknown manager 'engineer-c' (did you mean 'engineer-a'?)"
printf 'handle,name\nx,X\nwang,Again\n' >"$T/exists.csv"
bad exists 5 ":3: person 'acme/wang' already exists (use --update to change it)"
printf 'handle,name\n"x y",X\n' >"$T/bad-handle.csv"
bad bad-handle 3 ":2: invalid handle 'x y' (use letters, digits, '.', '_' and '-')"
printf 'handle,name\nx,\n' >"$T/no-name.csv"
bad no-name 3 ":2: 'x' has no name"
printf 'handle,name\nx,X,extra\n' >"$T/fields.csv"
bad fields 3 ":2: 3 fields, the header has 2"
printf 'handle,name\nx,"never closed\ny,Y\n' >"$T/malformed.csv"
run malformed 3 kam-org import acme "$T/malformed.csv"
grep -q "^kam-org: $T/malformed.csv:2: malformed CSV" "$T/malformed.err" ||
  fail "malformed: $(cat "$T/malformed.err")"
printf 'handle,name,left_on\nx,X,2026-02-30\n' >"$T/left.csv"
bad left 3 ":2: impossible date '2026-02-30'"
printf 'handle,name,placeholder\nx,X,maybe\n' >"$T/placeholder.csv"
bad placeholder 3 ":2: invalid placeholder 'maybe' (yes or no)"
: >"$T/empty.csv"
run empty 3 kam-org import acme "$T/empty.csv"
expect_err empty "kam-org: $T/empty.csv: empty file (expected a header: handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id)"
run nofile 4 kam-org import acme "$T/nosuch.csv"
expect_err nofile "kam-org: cannot open '$T/nosuch.csv': No such file or directory"
run noaccount 4 kam-org import acmee "$T/people.csv"
expect_err noaccount "kam-org: unknown account 'acmee' (did you mean 'acme'?)"
run badkind 2 kam-org import acme "$T/people.csv" --kind persons
expect_err badkind "kam-org: unknown kind 'persons' (use people, links, roles or deals)
usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
run nooperand 2 env -u KAM_ACCOUNT kam-org import "$T/people.csv"
expect_err nooperand "kam-org: no account given (name one, use -a or set KAM_ACCOUNT)
usage: kam-org import [ACCOUNT] FILE.csv [--kind people|links|roles|deals] [--map FIELD=COLUMN]... [--from salesforce [--role-map LABEL=ROLE]...] [--update] [--sync --on DATE]"
# Links and roles.
printf 'from,to,kind\nchen,wang,advises\nchen,lii,advises\n' >"$T/link-person.csv"
bad link-person 4 ":3: unknown person 'lii' (did you mean 'li'?)"
printf 'from,to,kind\nchen,wang,loves\n' >"$T/link-kind.csv"
bad link-kind 3 ":2: unknown link kind 'loves' (use influences, advises, allies or rivals)"
printf 'from,to,kind,strength\nchen,wang,advises,5\n' >"$T/link-strength.csv"
bad link-strength 3 ":2: invalid strength '5' (1, 2 or 3)"
printf 'from,to,kind\nchen,chen,advises\n' >"$T/link-self.csv"
bad link-self 5 ":2: a link needs two people, not 'chen' twice"
printf 'from,to,kind\nchen,beta/b1,advises\n' >"$T/link-cross.csv"
bad link-cross 3 ":2: person 'beta/b1' is in another account"
printf 'from,to,kind,weight\nchen,wang,advises,1\n' >"$T/link-column.csv"
bad link-column 3 ":1: unknown column 'weight' (known: from, to, kind, strength)"
printf 'deal,person,role\nerp,chen,coach\ncrm,chen,coach\n' >"$T/role-deal.csv"
bad role-deal 4 ":3: unknown deal 'crm'"
printf 'deal,person,role\nerp,chen,boss\n' >"$T/role-role.csv"
bad role-role 3 ":2: unknown role 'boss' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
printf 'deal,person,role,influence\nerp,chen,coach,huge\n' >"$T/role-influence.csv"
bad role-influence 3 ":2: unknown influence 'huge' (use high, medium or low)"
printf 'deal,person,role,lead\nerp,chen,coach,perhaps\n' >"$T/role-lead.csv"
bad role-lead 3 ":2: invalid lead 'perhaps' (yes or no)"
printf 'deal,person,role\nerp,chn,coach\n' >"$T/role-person.csv"
bad role-person 4 ":2: unknown person 'chn' (did you mean 'chen'?)"
# --kind names what the file must be.
cp "$T/people.csv" "$T/people-as-links.csv"
bad people-as-links 3 ":1: unknown column 'handle' (known: from, to, kind, strength)" links
unchanged import-errors

# Export writes the import's format; into an empty store it gives back
# the same export.
run export 0 kam-org export acme
expect_out export org-export-people.csv
run export-links 0 kam-org export acme --kind links
expect_out export-links org-export-links.csv
run export-roles 0 kam-org -a acme export --kind roles
expect_out export-roles org-export-roles.csv
cp "$T/export.out" "$T/e-people.csv"
cp "$T/export-links.out" "$T/e-links.csv"
cp "$T/export-roles.out" "$T/e-roles.csv"
KAM_DB="$T/copy.db"
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
run re-people 0 kam-org import acme "$T/e-people.csv"
run re-links 0 kam-org import acme "$T/e-links.csv"
run re-roles 0 kam-org import acme "$T/e-roles.csv"
run re-export 0 kam-org export acme
expect_out re-export org-export-people.csv
run re-export-links 0 kam-org export acme --kind links
expect_out re-export-links org-export-links.csv
run re-export-roles 0 kam-org export acme --kind roles
expect_out re-export-roles org-export-roles.csv
# person list as TSV and JSON uses the CSV's column names.
run list-tsv 0 kam-org person list acme
head -1 "$T/list-tsv.out" | tr '\t' ',' >"$T/list-head.out"
expect_text list-head "$(head -1 "$T/e-people.csv")"

# person list -F csv is importable as it is, and gives the same list.
run list-csv 0 kam-org -F csv person list acme
cp "$T/list-csv.out" "$T/list.csv"
KAM_DB="$T/copy2.db"
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
run list-import 0 kam-org import acme "$T/list.csv"
expect_sql list-fk-check "PRAGMA foreign_key_check" ""
run list-again 0 kam-org -F csv person list acme
cmp -s "$T/list.csv" "$T/list-again.out" || fail "list-again: person list differs after import"
# The standard input.
printf 'handle,name,reports_to\nnew,New,wang\n' >"$T/stdin.csv"
run stdin 0 kam-org import acme - <"$T/stdin.csv"
expect_sql stdin "SELECT m.handle FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle = 'new'" wang
snapshot
printf 'handle,name\nx,X\ny,\n' >"$T/stdin-bad.csv"
run stdin-bad 3 kam-org import acme - <"$T/stdin-bad.csv"
expect_err stdin-bad "kam-org: <stdin>:3: 'y' has no name"
unchanged stdin-bad

# Handles alike in their first eight bytes, managers after their reports,
# into an account that has people already: each gets the right manager,
# and the new people take ids in handle order after the existing ones.
kam-org account add gamma --name Gamma >/dev/null
kam-org person add gamma/engineer-z --name Z >/dev/null
printf 'handle,name,reports_to\nengineering-lead-2,L2,engineering-lead\nengineer-b,B,engineering-lead-2\nengineer,E,engineer-z\nengineering-lead,L,engineer\nengineer-a,A,engineering-lead\n' >"$T/alike.csv"
run alike 0 kam-org import gamma "$T/alike.csv"
expect_sql alike "SELECT p.handle, m.handle FROM person p JOIN person m ON m.id = p.manager_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'gamma' ORDER BY p.id" \
"engineer|engineer-z
engineer-a|engineering-lead
engineer-b|engineering-lead-2
engineering-lead|engineer
engineering-lead-2|engineering-lead"

done_testing
