#!/bin/sh
# kam-org link, unlink, links; deal add, list, show; role, role rm,
# roles (the buying group); check (red flags, exit 1 when any).
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add beta/b1 --name B1 >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
kam-org person add wang --name 王伟 --title 总经理 --level 1 >/dev/null
kam-org person add li --name 李娜 --title CTO --level 2 --reports-to wang >/dev/null
kam-org person add zhao --name 赵六 --title 财务总监 --level 2 --reports-to wang >/dev/null
kam-org person add chen --name 陈工 --title Engineer --level 4 --reports-to li >/dev/null
kam-org person add cpo --placeholder --title 采购经理 --level 3 --reports-to zhao >/dev/null

# Links.
run link1 0 kam-org link chen li --kind advises --strength 3
run link2 0 kam-org link acme/li acme/wang --kind influences
run link3 0 kam-org link zhao li --kind rivals --strength 1
run link-update 0 kam-org link chen li --kind advises --strength 1
expect_sql links "SELECT f.handle, t.handle, l.kind, l.strength FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id ORDER BY l.id" \
"chen|li|advises|1
li|wang|influences|2
zhao|li|rivals|1"
run links-table 0 kam-org -F table links
expect_out links-table org-links.table
run links-json 0 kam-org -F json links acme
expect_out links-json org-links.json
snapshot
run link-kind 3 kam-org link chen li --kind loves
expect_err link-kind "kam-org: unknown link kind 'loves' (use influences, advises, allies or rivals)"
run link-nokind 2 kam-org link chen li
expect_err link-nokind "kam-org: --kind is required
usage: kam-org link FROM TO --kind influences|advises|allies|rivals [--on DATE] [--strength 1-3]"
run link-strength 3 kam-org link chen li --kind advises --strength 4
expect_err link-strength "kam-org: invalid strength '4' (1, 2 or 3)"
run link-unknown 4 kam-org link chne li --kind advises
expect_err link-unknown "kam-org: unknown person 'acme/chne' (did you mean 'acme/chen'?)"
run link-cross 5 kam-org link chen beta/b1 --kind advises
expect_err link-cross "kam-org: 'acme/chen' and 'beta/b1' are in different accounts"
run link-self 5 kam-org link chen chen --kind advises
expect_err link-self "kam-org: a link needs two people, not 'acme/chen' twice"
run unlink-none 4 kam-org unlink chen li --kind allies
expect_err unlink-none "kam-org: no 'allies' link from 'acme/chen' to 'acme/li'"
run unlink-kind 3 kam-org unlink chen li --kind friends
expect_err unlink-kind "kam-org: unknown link kind 'friends' (use influences, advises, allies or rivals)"
unchanged link-errors
run unlink 0 kam-org unlink zhao li --kind rivals
expect_sql unlinked "SELECT count(*) FROM link WHERE kind = 'rivals'" 0

# Deals.
run deal 0 kam-org deal add erp --name 'ERP 升级' --value 1200000.5 --currency CNY --close 2026-12-31
run deal2 0 kam-org deal add acme/crm --name CRM
run deal3 0 kam-org deal add beta/x1 --name 'Beta X1' --value 0
expect_sql deals "SELECT a.handle, d.handle, d.name, quote(d.value), quote(d.currency), quote(d.close_on), d.created FROM deal d JOIN account a ON a.id = d.account_id ORDER BY d.id" \
"acme|erp|ERP 升级|'1200000.5'|'CNY'|'2026-12-31'|2026-03-02
acme|crm|CRM|NULL|NULL|NULL|2026-03-02
beta|x1|Beta X1|'0'|NULL|NULL|2026-03-02"
snapshot
run deal-dup 5 kam-org deal add erp --name Again
expect_err deal-dup "kam-org: deal 'acme/erp' already exists"
run deal-date 3 kam-org deal add d9 --name D --close 2026-02-30
expect_err deal-date "kam-org: impossible date '2026-02-30' for --close"
run deal-value 3 kam-org deal add d9 --name D --value 12k
expect_err deal-value "kam-org: invalid value '12k' (a number, no currency sign)"
run deal-neg 3 kam-org deal add d9 --name D --value -5
expect_err deal-neg "kam-org: invalid value '-5' (a number, no currency sign)"
for v in inf nan 0x10 1e400; do
  run "deal-value-$v" 3 kam-org deal add d9 --name D --value "$v"
  expect_err "deal-value-$v" "kam-org: invalid value '$v' (a number, no currency sign)"
done
run deal-noname 2 kam-org deal add d9
expect_err deal-noname "kam-org: --name is required
usage: kam-org deal add DEAL --name NAME [--close DATE] [--cost N] [--currency C] [--ext-id ID] [--owner TEXT] [--stage TEXT] [--value N]"
run deal-account 4 kam-org deal add acm/d9 --name D
expect_err deal-account "kam-org: unknown account 'acm' (did you mean 'acme'?)"
run deal-handle 3 kam-org deal add 'd 9' --name D
expect_err deal-handle "kam-org: invalid deal handle 'd 9' (use letters, digits, '.', '_' and '-')"
run deal-unknown 4 kam-org deal show epr
expect_err deal-unknown "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
unchanged deal-errors
run deal-list 0 kam-org -F table deal list
expect_out deal-list org-deal-list.table
run deal-list-all 0 env -u KAM_ACCOUNT kam-org deal list
expect_out deal-list-all org-deal-list-all.tsv
run deal-show 0 kam-org -F json deal show erp
expect_text deal-show '{"deal":"acme/erp","name":"ERP 升级","value":1200000.5,"currency":"CNY","close":"2026-12-31","roles":0,"created":"2026-03-02","cost":null,"stage":null,"owner":null,"ext_id":null,"status":"open","closed_on":null,"reason":null}'

# Buying roles.
run role1 0 kam-org role erp wang decision-maker --influence high
run role2 0 kam-org role erp chen technical --lead
run role3 0 kam-org role acme/erp acme/li technical --influence high
run role4 0 kam-org role erp zhao finance --influence low
run role5 0 kam-org role erp cpo procurement
run role6 0 kam-org role erp chen user --influence low
# Another lead moves the lead; updating keeps unnamed fields.
run role7 0 kam-org role erp li technical --lead
run role8 0 kam-org role erp chen technical --influence medium
expect_sql roles "SELECT p.handle, r.role, r.influence, r.lead FROM deal_role r JOIN person p ON p.id = r.person_id ORDER BY p.handle, r.role" \
"chen|technical|medium|0
chen|user|low|0
cpo|procurement|medium|0
li|technical|high|1
wang|decision-maker|high|0
zhao|finance|low|0"
run roles-table 0 kam-org -F table roles erp
expect_out roles-table org-roles.table
run roles-tsv 0 kam-org roles acme/erp
expect_out roles-tsv org-roles.tsv
run roles-csv 0 kam-org -F csv roles acme/erp
expect_out roles-csv org-roles.csv
run roles-json 0 kam-org -F json roles acme/erp
expect_out roles-json org-roles.json
snapshot
run role-unknown-role 3 kam-org role erp chen boss
expect_err role-unknown-role "kam-org: unknown role 'boss' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
run role-influence 3 kam-org role erp chen coach --influence huge
expect_err role-influence "kam-org: unknown influence 'huge' (use high, medium or low)"
run role-person 4 kam-org role erp chne coach
expect_err role-person "kam-org: unknown person 'acme/chne' (did you mean 'acme/chen'?)"
run role-deal 4 kam-org role epr chen coach
expect_err role-deal "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
run role-cross 5 kam-org role erp beta/b1 coach
expect_err role-cross "kam-org: 'beta/b1' is not in the account of deal 'acme/erp' or its group"
run role-operands 2 kam-org role erp chen
expect_err role-operands "kam-org: missing ROLE
usage: kam-org role DEAL PERSON ROLE [--influence high|medium|low] [--lead] [--on DATE] [--primary]"
run role-rm-none 4 kam-org role rm erp chen coach
expect_err role-rm-none "kam-org: 'acme/chen' holds no role 'coach' in 'acme/erp'"
run role-rm-role 3 kam-org role rm erp chen boss
expect_err role-rm-role "kam-org: unknown role 'boss' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
run roles-unknown 4 kam-org roles crn
expect_err roles-unknown "kam-org: unknown deal 'acme/crn' (did you mean 'acme/crm'?)"
unchanged role-errors
run role-rm 0 kam-org role rm erp chen user
expect_sql role-rm "SELECT count(*) FROM deal_role WHERE role = 'user'" 0

# check: red flags, one a line, exit 1; 0 and nothing when clean.
run check 1 kam-org -F table check
expect_out check org-check.table
run check-deal 1 kam-org check acme/erp
expect_out check-deal org-check-deal.tsv
run check-json 1 kam-org -F json check erp
expect_out check-json org-check-deal.json
# Rank inversion: someone reports to a person of a lower rank.
kam-org person set chen --level 1 --on 2026-02-01 >/dev/null
kam-org person leave zhao --on 2026-02-20 >/dev/null
run check2 1 kam-org -F table check acme
expect_out check2 org-check-2.table
# Fill every gap: check is clean.
kam-org person set chen --level 4 >/dev/null
kam-org person set cpo --name 孙采购 >/dev/null
kam-org person add qian --name 钱会计 --level 3 --reports-to wang >/dev/null
kam-org role rm erp zhao finance >/dev/null
kam-org role erp qian finance >/dev/null
kam-org role erp li business >/dev/null
kam-org role erp chen coach >/dev/null
kam-org role crm wang decision-maker >/dev/null
kam-org role crm li technical >/dev/null
kam-org role crm li business >/dev/null
kam-org role crm qian finance >/dev/null
kam-org role crm chen coach >/dev/null
# Where the two of high influence stand is known.
kam-stance set wang support --on 2026-03-01 >/dev/null
kam-stance set li support --on 2026-03-01 >/dev/null
# Chen, at level 4, advises the CTO, who influences the director: the
# most influential person of the account, and a hidden influencer
# until we know where he stands.
run check-hidden 1 kam-org check acme
expect_text check-hidden "flag	subject	message
hidden-influencer	acme/chen	'acme/chen' (level 4, below the median level 3) is in the top tenth by influence (rank 1 of 5) and has no known stance on 'acme/crm'
hidden-influencer	acme/chen	'acme/chen' (level 4, below the median level 3) is in the top tenth by influence (rank 1 of 5) and has no known stance on 'acme/erp'
doubtful-coach	acme/chen	coach 陈工 (acme/chen) has no known stance toward us in 'acme/crm'
doubtful-coach	acme/chen	coach 陈工 (acme/chen) has no known stance toward us in 'acme/erp'"
kam-stance set chen support >/dev/null
run check-clean 0 kam-org check acme
expect_text check-clean "flag	subject	message"
run check-clean-deal 0 kam-org -F table check erp
expect_text check-clean-deal "FLAG  SUBJECT  MESSAGE"
run check-unknown 4 kam-org check acme/epr
expect_err check-unknown "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
run check-unknown-account 4 env -u KAM_ACCOUNT kam-org check acmee
expect_err check-unknown-account "kam-org: unknown account 'acmee' (did you mean 'acme'?)"

done_testing
