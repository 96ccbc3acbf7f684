#!/bin/sh
# kam-org on a team store: accounts, people, reporting lines, links,
# buying roles, import, export, check and logs print on a team store
# exactly what they print on a store file, errors and exit codes
# included, and lists come out in the file's (byte) order.  Runs on a
# throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9300

# Accounts, with handles whose byte order is not a locale's.
both acme 0 kam-org account add acme --name 'Acme 中国' --industry Manufacturing
both beta 0 kam-org account add beta --name Beta --parent acme
both upper 0 kam-org account add Zulu --name Zulu
both dash 0 kam-org account add b-1 --name 'B one'
both under 0 kam-org account add b_2 --name 'B two'
both dot 0 kam-org account add b.3 --name 'B three'
both accented 0 kam-org account add été --name Été
both account-list 0 kam-org account list
both_expect account-list team-accounts.tsv
both account-json 0 kam-org -F json account list
both account-set 0 kam-org account set beta --industry Retail --name 'Beta GmbH'
both account-show 0 kam-org -F table account show beta
both account-twice 5 kam-org account add acme --name Again
both account-typo 4 kam-org account show acmee
both account-bad 3 kam-org account add 'no good' --name X

# People and their reporting lines.
both wang 0 kam-org person add acme/wang --name 王伟 --title 总经理 --level 1
both li 0 kam-org person add acme/li --name 李娜 --title CTO --level 2 --reports-to wang
both zhao 0 kam-org person add acme/zhao --name Zhao --title CFO --level 2 --reports-to acme/wang
both chen 0 kam-org -a acme person add chen --name 陈工 --level 4 --reports-to li --dotted-to wang --dotted-to zhao
both bob 0 kam-org person add acme/Bob --name Bob --placeholder
both ann 0 kam-org person add acme/ann --name Ann --title 'Buyer, senior'
both person-set 0 kam-org person set acme/chen --title 'Engineer, senior' --on 2026-02-01
both person-move 0 kam-org person set acme/ann --reports-to zhao --on 2026-02-10
both leave 0 kam-org person leave acme/zhao --on 2026-02-20
both person-list 0 kam-org person list acme
both_expect person-list team-people.tsv
both person-csv 0 kam-org -F csv person list acme
both person-json 0 kam-org -F json person list acme
both person-show 0 kam-org -F table person show acme/chen
both person-show-json 0 kam-org -F json person show acme/ann
both tree 0 kam-org -F table tree acme
both_expect tree team-tree.table
both person-twice 5 kam-org person add acme/wang --name Again
both person-typo 4 kam-org person show acme/chne
both person-cycle 5 kam-org person set acme/wang --reports-to chen
both person-rm 0 kam-org person rm acme/Bob
both person-rm-again 4 kam-org person rm acme/Bob

# Informal links.
both link1 0 kam-org link acme/chen acme/li --kind advises --strength 3 --on 2026-01-10
both link2 0 kam-org link acme/li acme/wang --kind influences --on 2026-01-11
both link3 0 kam-org link acme/ann acme/li --kind rivals --strength 1 --on 2026-01-12
both unlink 0 kam-org unlink acme/ann acme/li --kind rivals --on 2026-02-01
both unlink-again 4 kam-org unlink acme/ann acme/li --kind rivals --on 2026-02-02
both links 0 kam-org links acme
both links-then 0 kam-org -F json links acme --as-of 2026-01-20
both log-chen 0 kam-org log acme/chen
both log-ann 0 kam-org -F json log acme/ann

# Deals and buying roles, imported; roles added, listed and ended.
cat >"$T/deals.csv" <<'CSV'
deal,name,value,currency,close
erp,ERP 升级,1200000.5,CNY,2026-12-31
crm,CRM,,,
CSV
both deals 0 kam-org import acme "$T/deals.csv" --kind deals
cat >"$T/roles.csv" <<'CSV'
deal,person,role,influence,lead
erp,li,technical,high,yes
erp,wang,decision-maker,,
CSV
both roles-import 0 kam-org import acme "$T/roles.csv"
both role 0 kam-org role acme/erp acme/zhao finance --influence low
both role-ann 0 kam-org role acme/erp acme/ann procurement
both role-rm 0 kam-org role rm acme/erp acme/ann procurement --on 2026-03-02
both roles 0 kam-org roles acme/erp
both roles-json 0 kam-org -F json roles acme/erp
both role-bad 3 kam-org role acme/erp acme/li chef
both check 1 kam-org check acme
both check-deal 1 kam-org -F json check acme/erp

# Import: people, links, all or nothing; export in the import's format.
cat >"$T/people.csv" <<'CSV'
handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on
gao,高,VP,销售部,2,acme/wang,,,
he,何,,销售部,3,gao,li,,
CSV
both import 0 kam-org import acme "$T/people.csv"
printf 'handle,name\nx1,X\nx2,\n' >"$T/bad.csv"
both import-bad 3 kam-org import acme "$T/bad.csv"
printf 'from,to,kind\nhe,gao,allies\n' >"$T/links.csv"
both import-links 0 kam-org -a acme import "$T/links.csv"
both import-again 0 kam-org import acme "$T/people.csv" --update
both export 0 kam-org export acme
both export-links 0 kam-org export acme --kind links
both export-roles 0 kam-org export acme --kind roles
both export-deals 0 kam-org export acme --kind deals
# The store holds what the file holds, row for row.
rows() {
  echo "SELECT a.handle, p.handle, p.name, coalesce(p.title, '-'), coalesce(p.level, 0),
        p.placeholder, coalesce(p.left_on, '-'), coalesce(m.handle, '-')
        FROM person p JOIN account a ON a.id = p.account_id
        LEFT JOIN person m ON m.id = p.manager_id ORDER BY p.id"
}
"$SQLITE3" -batch -noheader -separator '|' "$LITE" "$(rows)" >"$T/lite.rows"
pgsql "$(rows)" >"$T/pg.rows"
count=$((count + 1))
cmp -s "$T/lite.rows" "$T/pg.rows" ||
  { fail "rows: the team store holds other people"; diff "$T/lite.rows" "$T/pg.rows" | head >&2; }
[ "$(wc -l <"$T/pg.rows")" -eq 7 ] || fail "rows: $(wc -l <"$T/pg.rows") people"

done_testing
