#!/bin/sh
# A person written alone beside the account or deal a verb is about is
# of that account (the deal's), whatever -a says: kam-org role and role
# rm, kam-gate run --assume-stance, kam-map --focus (an account or a
# deal), and a manager written alone (person add, person set) is of
# the managed person's account.  Beside a person (kam-org link's TO) or
# a seller (kam-org contact) it is of -a's account (kam(7),
# ADDRESSING).  Both accounts have a bo; only acme has solo, so a
# refusal names where it looked.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org account add beta --name Beta
  kam-org person add acme/bo --name "Bo of Acme"
  kam-org person add acme/solo --name Solo
  kam-org person add beta/bo --name "Bo of Beta"
  kam-org person add beta/cy --name "Cy of Beta"
  kam-org deal add beta/big --name Big
  kam-org seller add sam --name Sam
} >/dev/null
# holders ROLE: the open holdings of ROLE, as ACCOUNT/PERSON.
holders() {
  echo "SELECT a.handle || '/' || p.handle FROM deal_role_period r JOIN person p ON p.id = r.person_id JOIN account a ON a.id = p.account_id WHERE r.role = '$1' AND r.end_on IS NULL"
}

# role, role rm: the deal's account.
run role 0 kam-org -a acme role beta/big bo decision-maker
expect_sql role "$(holders decision-maker)" "beta/bo"
run role-2 0 kam-org -a acme role beta/big bo technical
run role-rm 0 kam-org -a acme role rm beta/big bo technical
expect_sql role-rm "$(holders technical)" ""
expect_sql role-rm-ended "SELECT count(*) FROM deal_role_period WHERE role = 'technical' AND end_on IS NOT NULL AND person_id = (SELECT id FROM person WHERE name = 'Bo of Beta')" 1
snapshot
run role-solo 4 kam-org -a acme role beta/big solo coach
expect_err role-solo "kam-org: unknown person 'beta/solo' (did you mean 'beta/bo'?)"
unchanged role-solo

# gate run --assume-stance: the deal's account.
run gate-full 0 kam-gate run beta/big --dry-run --assume-stance beta/bo=support
run gate-bare 0 kam-gate -a acme run beta/big --dry-run --assume-stance bo=support
cmp -s "$T/gate-full.out" "$T/gate-bare.out" ||
  fail "gate-bare: the bare person is not the deal's account's"
grep -q . "$T/gate-bare.out" || fail "gate-bare: no output"
run gate-solo 4 kam-gate -a acme run beta/big --dry-run --assume-stance solo=support
expect_err gate-solo "kam-gate: unknown person 'beta/solo' (did you mean 'beta/bo'?)"
unchanged gate-solo

# kam-map --focus: the account's, or the deal's account's.
run map-full 0 kam-map beta --focus beta/bo -T dot --date none
run map-acct 0 kam-map -a acme beta --focus bo -T dot --date none
cmp -s "$T/map-full.out" "$T/map-acct.out" ||
  fail "map-acct: the bare focus is not the account's"
grep -q 'Bo of Beta' "$T/map-acct.out" || fail "map-acct: no focus drawn"
run map-deal-full 0 kam-map beta/big --focus beta/bo -T dot --date none
run map-deal 0 kam-map -a acme beta/big --focus bo -T dot --date none
cmp -s "$T/map-deal-full.out" "$T/map-deal.out" ||
  fail "map-deal: the bare focus is not the deal's account's"
run map-solo 4 kam-map -a acme beta --focus solo -T dot
expect_err map-solo "kam-map: unknown person 'beta/solo' (did you mean 'beta/bo'?)"
run map-other 3 kam-map -a beta beta --focus acme/solo -T dot
expect_err map-other "kam-map: person 'acme/solo' is not in account 'beta'"

# A manager written alone: the account of the person managed.
run manager 0 kam-org -a acme person add beta/dee --name Dee --reports-to bo --dotted-to cy
run manager-set 0 kam-org -a acme person set beta/cy --reports-to bo
expect_sql manager "SELECT p.handle || '>' || m.name FROM person p JOIN person m ON m.id = p.manager_id ORDER BY p.handle" "cy>Bo of Beta
dee>Bo of Beta"
expect_sql dotted "SELECT count(*) FROM reporting_line r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle = 'dee' AND m.name = 'Cy of Beta'" 1

# link's TO: -a's account, not FROM's.
snapshot
run link-a 5 kam-org -a acme link beta/cy bo --kind influences
expect_err link-a "kam-org: 'beta/cy' and 'acme/bo' are in different accounts"
unchanged link-a
run link 0 kam-org -a beta link beta/cy bo --kind influences
expect_sql link "SELECT f.handle || '>' || t.name FROM link_period l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id" "cy>Bo of Beta"

# contact's PERSON: -a's account.
run contact-acme 0 kam-org -a acme contact sam bo --strength 1
run contact-beta 0 kam-org -a beta contact sam bo --strength 3
expect_sql contact "SELECT p.name || ':' || c.strength FROM contact c JOIN person p ON p.id = c.person_id ORDER BY c.id" "Bo of Acme:1
Bo of Beta:3"

done_testing
