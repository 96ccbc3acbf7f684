#!/bin/sh
# Undoing mistakes about people: person leave refuses a day in the
# future, as stances do; person set --no-leave undoes a departure and
# logs it; person rm removes someone added by mistake, with their own
# reporting lines and log, only when nothing else refers to them, and
# otherwise says what does and what to do instead.  Every refusal
# leaves the store as it was.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/wang --name Wang --level 1
  kam-org person add acme/li --name Li --level 2 --reports-to acme/wang
  kam-org person add acme/chen --name Chen --level 3 --reports-to acme/li
  kam-org deal add acme/erp --name ERP
} >/dev/null
export KAM_ACCOUNT=acme

# person leave: not in the future; today is the edge.
snapshot
run leave-future 3 kam-org person leave chen --on 2026-03-03
expect_err leave-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run leave-far 3 kam-org person leave chen --on 2099-01-01
expect_err leave-far "kam-org: date '2099-01-01' for --on is in the future (today is 2026-03-02)"
unchanged leave-future
run leave-today 0 kam-org person leave chen --on 2026-03-02
expect_sql left "SELECT left_on FROM person WHERE handle = 'chen'" 2026-03-02

# --no-leave undoes it, dated by --on (default today), and logs it.
run back 0 as_user ann kam-org person set chen --no-leave --on 2026-03-01
expect_sql back "SELECT quote(left_on) FROM person WHERE handle = 'chen'" NULL
run log 0 kam-org log chen -F csv
expect_text log "effective,recorded,actor,field,old,new
2026-03-02,2026-03-02T09:00:00Z,tester,created,,added
2026-03-02,2026-03-02T09:00:00Z,tester,left_on,,2026-03-02
2026-03-01,2026-03-02T09:00:00Z,ann,left_on,2026-03-02,"
run show 0 kam-org person show chen -F json
grep -q '"left_on":null' "$T/show.out" || fail "show: chen still left"
kam-org person leave li --on 2026-02-10 >/dev/null
run back-title 0 kam-org person set li --title CTO --no-leave
expect_sql back-title "SELECT quote(left_on), title FROM person WHERE handle = 'li'" "NULL|CTO"
expect_sql back-title-log "SELECT effective, field, quote(old_value), quote(new_value) FROM person_history WHERE person_id = 2 ORDER BY id" \
  "2026-02-10|left_on|NULL|'2026-02-10'
2026-03-02|title|NULL|'CTO'
2026-03-02|left_on|'2026-02-10'|NULL"

kam-org person leave li --on 2026-02-20 >/dev/null
snapshot
run not-left 5 kam-org person set wang --no-leave
expect_err not-left "kam-org: 'acme/wang' has not left: no departure to undo"
run not-left-title 5 kam-org person set wang --title CEO --no-leave
expect_err not-left-title "kam-org: 'acme/wang' has not left: no departure to undo"
run no-leave-add 2 kam-org person add zhou --name Zhou --no-leave
head -1 "$T/no-leave-add.err" >"$T/no-leave-add1.err" && mv "$T/no-leave-add1.err" "$T/no-leave-add.err"
expect_err no-leave-add "kam-org: '--no-leave' is for person set"
run no-leave-future 3 kam-org person set li --no-leave --on 2026-03-03
expect_err no-leave-future "kam-org: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
unchanged no-leave

# person rm: someone added by mistake goes, with their own lines and log.
{
  kam-org person add acme/typo --name Tpyo --reports-to acme/li --dotted-to acme/wang
  kam-org person set acme/typo --title Engineer
} >/dev/null
run rm 0 kam-org person rm typo
expect_sql rm "SELECT (SELECT count(*) FROM person WHERE handle = 'typo'), (SELECT count(*) FROM person_history WHERE person_id = 5), (SELECT count(*) FROM reporting_line WHERE person_id = 5 OR manager_id = 5)" "0|0|0"
expect_sql rm-others "SELECT handle FROM person ORDER BY id" "wang
li
chen"

# Not when anything refers to them: what does, and what to do instead.
kam-org role erp chen technical >/dev/null
kam-org link wang li --kind influences >/dev/null
kam-org unlink wang li --kind influences >/dev/null
kam-stance set chen support --on 2026-02-01 >/dev/null
kam-org person add acme/zhou --name Zhou >/dev/null
kam-org person set acme/zhou --dotted-to acme/wang >/dev/null
snapshot
run rm-wang 5 kam-org person rm wang
expect_err rm-wang "kam-org: 'acme/wang' cannot be removed: other records refer to them (reports: 2, links: 1); record a departure with person leave instead"
run rm-li 5 kam-org person rm li
expect_err rm-li "kam-org: 'acme/li' cannot be removed: other records refer to them (reports: 1, links: 1); record a departure with person leave instead"
run rm-chen 5 kam-org person rm chen
expect_err rm-chen "kam-org: 'acme/chen' cannot be removed: other records refer to them (buying roles: 1, stance observations: 1); record a departure with person leave instead"
run rm-unknown 4 kam-org person rm chne
expect_err rm-unknown "kam-org: unknown person 'acme/chne' (did you mean 'acme/chen'?)"
run rm-operands 2 kam-org person rm
head -1 "$T/rm-operands.err" >"$T/rm-operands1.err" && mv "$T/rm-operands1.err" "$T/rm-operands.err"
expect_err rm-operands "kam-org: missing PERSON"
unchanged rm-refused
run rm-zhou 0 kam-org person rm zhou
expect_sql rm-zhou "SELECT count(*) FROM person WHERE handle = 'zhou'" 0

done_testing
