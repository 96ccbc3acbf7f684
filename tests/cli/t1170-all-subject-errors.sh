#!/bin/sh
# The subject of a verb (an account, a deal, a person, or ACCOUNT or
# ACCOUNT/DEAL) is resolved once, by the frame, as the verb's row in the
# table declares it: each fault has one message and one exit code
# whichever of the four commands reads it, and leaves the store as it
# was.  So do a bad date, a bad format and a wrong number of operands.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org account add beta --name Beta
kam-org person add acme/chen --name Chen
kam-org deal add acme/erp --name ERP
# A deal of beta whose handle is also an account's.
kam-org deal add beta/acme --name "Acme line"
kam-org role acme/erp acme/chen decision-maker
kam-stance set acme/chen support --on 2026-01-05 >/dev/null
snapshot

# bad NAME STATUS MESSAGE COMMAND...: the first line of stderr is the
# message (a usage follows a usage error), nothing on stdout.
bad() {
  name=$1 want=$2 msg=$3
  shift 3
  run "$name" "$want" "$@"
  head -1 "$T/$name.err" >"$T/$name.first" && mv "$T/$name.first" "$T/$name.err"
  expect_err "$name" "$msg"
  [ -s "$T/$name.out" ] && fail "$name: wrote to stdout"
}

# An unknown account: exit 4, with the nearest handle.
m="unknown account 'acne' (did you mean 'acme'?)"
bad acct-org 4 "kam-org: $m" kam-org person list acne
bad acct-org-check 4 "kam-org: $m" kam-org check acne
bad acct-stance 4 "kam-stance: $m" kam-stance show acne
bad acct-stale 4 "kam-stance: $m" kam-stance stale acne
bad acct-gate 4 "kam-gate: $m" kam-gate list acne
bad acct-map 4 "kam-map: $m" kam-map acne
bad acct-env 4 "kam-org: $m" env KAM_ACCOUNT=acne kam-org tree

# An unknown deal.
m="unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
bad deal-org 4 "kam-org: $m" kam-org roles acme/epr
bad deal-org-check 4 "kam-org: $m" kam-org check acme/epr
bad deal-org-set 4 "kam-org: $m" kam-org deal set acme/epr --stage won
bad deal-stance 4 "kam-stance: $m" kam-stance changes acme/epr --from 2026-01-01 --to 2026-02-01
bad deal-gate 4 "kam-gate: $m" kam-gate plan acme/epr
bad deal-gate-run 4 "kam-gate: $m" kam-gate run acme/epr
bad deal-map 4 "kam-map: $m" kam-map acme/epr
# A bare word with -a is a deal of that account unless an account has
# that handle.
m="unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
bad bare-org 4 "kam-org: $m" kam-org -a acme check epr
bad bare-stance 4 "kam-stance: $m" kam-stance -a acme show epr
bad bare-gate 4 "kam-gate: $m" kam-gate -a acme answers epr
bad bare-map 4 "kam-map: $m" kam-map -a acme epr
# A bare deal without an account: a usage error.
m="deal 'erp' needs an account: write ACCOUNT/erp, give -a ACCOUNT or set KAM_ACCOUNT"
bad noacct-org 2 "kam-org: $m" kam-org deal show erp
bad noacct-gate 2 "kam-gate: $m" kam-gate history erp

# An unknown person.
m="unknown person 'acme/chne' (did you mean 'acme/chen'?)"
bad person-org 4 "kam-org: $m" kam-org person show acme/chne
bad person-org-log 4 "kam-org: $m" kam-org log acme/chne
bad person-stance 4 "kam-stance: $m" kam-stance set acme/chne support
bad person-gate 4 "kam-gate: $m" kam-gate run acme/erp --assume-stance acme/chne=support
bad person-map 4 "kam-map: $m" kam-map acme --focus acme/chne
bad person-log 4 "kam-stance: $m" kam-stance log acme/chne
bad person-log-a 4 "kam-stance: $m" kam-stance -a acme log chne

# Neither an operand nor -a where one is needed.
bad none-org 2 "kam-org: no account given (name one, use -a or set KAM_ACCOUNT)" kam-org person list
bad none-check 2 "kam-org: no account or deal given (name one, use -a or set KAM_ACCOUNT)" kam-org check
bad none-stale 2 "kam-stance: no account or deal given (name one, use -a or set KAM_ACCOUNT)" kam-stance stale

# A bad date.
m="impossible date '2026-02-30' for --as-of"
bad date-org 3 "kam-org: $m" kam-org links acme --as-of 2026-02-30
bad date-stance 3 "kam-stance: $m" kam-stance show acme --as-of 2026-02-30
bad date-gate 3 "kam-gate: $m" kam-gate plan acme/erp --as-of 2026-02-30
bad date-map 3 "kam-map: $m" kam-map acme --as-of 2026-02-30

# A bad format: -F names a row format, -T a drawing's.
m="unknown format 'xml' (use table, tsv, csv or json)"
bad fmt-org 2 "kam-org: $m" kam-org -F xml person list acme
bad fmt-stance 2 "kam-stance: $m" kam-stance show acme -F xml
bad fmt-gate 2 "kam-gate: $m" kam-gate -F xml list
bad fmt-map 2 "kam-map: $m" kam-map -F xml acme
m="unknown format 'xml' (use dot, svg, png or pdf)"
bad draw-stance 2 "kam-stance: $m" kam-stance timeline acme -T xml
bad draw-gate 2 "kam-gate: $m" kam-gate portfolio -T xml
bad draw-map 2 "kam-map: $m" kam-map acme -T xml

# Too few or too many operands: the missing one named from the usage.
bad few-org 2 "kam-org: missing ROLE" kam-org role acme/erp acme/chen
bad few-stance 2 "kam-stance: missing STANCE" kam-stance set acme/chen
bad few-gate 2 "kam-gate: missing DEAL" kam-gate plan
bad few-map 2 "kam-map: missing ACCOUNT or DEAL" kam-map
bad few-import 2 "kam-stance: missing FILE" kam-stance import
bad many-org 2 "kam-org: unexpected 'beta'" kam-org tree acme beta
bad many-stance 2 "kam-stance: unexpected 'beta'" kam-stance show acme beta
bad many-gate 2 "kam-gate: unexpected 'x'" kam-gate diff acme/erp 1 2 x
bad many-map 2 "kam-map: unexpected 'beta'" kam-map acme beta
unchanged faults

# The same subjects, found: an account, a deal by its full name, a deal
# of -a's account, and -a's own account where the operand is left out.
run ok-acct 0 kam-stance -F tsv show acme
grep -q "^acme/chen	Chen	support	2026-01-05	" "$T/ok-acct.out" || fail "ok-acct: not acme's stances"
run ok-deal 0 kam-org -F tsv roles acme/erp
run ok-bare 0 kam-org -F tsv -a acme roles erp
cmp -s "$T/ok-deal.out" "$T/ok-bare.out" || fail "ok-bare: not the deal's roles"
grep -q "^acme/chen	Chen	decision-maker" "$T/ok-deal.out" || fail "ok-deal: no role"
# beta has a deal called acme: with -a beta, acme is still the account.
# (check exits 1: each has red flags, the account's are of acme/erp.)
run ok-both 1 kam-org -F tsv -a beta check acme
run ok-acme 1 kam-org -F tsv check acme
cmp -s "$T/ok-both.out" "$T/ok-acme.out" || fail "ok-both: not the account acme"
grep -q "	acme/erp	" "$T/ok-both.out" || fail "ok-both: not acme's flags"
run ok-beta-deal 1 kam-org -F tsv check beta/acme
grep -q "^no-coach	beta/acme	" "$T/ok-beta-deal.out" || fail "ok-beta-deal: not the deal's flags"
# kam-stance log: a person, or an account (the same rule, with people).
run ok-log-acct 0 kam-stance -F tsv log acme
run ok-log-person 0 kam-stance -F tsv -a acme log chen
cmp -s "$T/ok-log-acct.out" "$T/ok-log-person.out" || fail "ok-log-person: not chen's log"
grep -q "	acme/chen	Chen	support	" "$T/ok-log-person.out" || fail "ok-log-person: no observation"
run ok-env 0 env KAM_ACCOUNT=acme kam-org -F tsv person list
grep -q "^acme/chen	Chen" "$T/ok-env.out" || fail "ok-env: not acme's people"
unchanged found

done_testing
