#!/bin/sh
# The importers say what is wrong as the file has it: a person named as
# written in the file, an account that does not exist named as such, a
# CSV quoting fault in words (FILE:LINE, not libcsv's wording), one code
# for one fault whatever the kind of file (unknown person 4, a cycle 5:
# see also t9050), and the rule for two observations of one day.  Every
# refused file leaves the store as it was.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org account add beta --name Beta
kam-org person add acme/ceo --name CEO
kam-org person add acme/cto --name CTO --reports-to acme/ceo
kam-org person add beta/b1 --name B1
kam-org deal add acme/erp --name ERP
snapshot

# A person is named as the file writes it, and so is the suggestion.
printf 'person,stance\nceoo,support\n' >"$T/bare.csv"
run bare 4 kam-stance import -a acme "$T/bare.csv"
expect_err bare "kam-stance: $T/bare.csv:2: unknown person 'ceoo' (did you mean 'ceo'?)"
printf 'person,stance\nacme/ceoo,support\n' >"$T/full.csv"
run full 4 kam-stance import "$T/full.csv"
expect_err full "kam-stance: $T/full.csv:2: unknown person 'acme/ceoo' (did you mean 'acme/ceo'?)"
# The same fault, the same code, from every kind of file.
printf 'from,to,kind\nceo,ceoo,advises\n' >"$T/links.csv"
run links 4 kam-org import acme "$T/links.csv"
expect_err links "kam-org: $T/links.csv:2: unknown person 'ceoo' (did you mean 'ceo'?)"
printf 'deal,person,role\nerp,ceoo,coach\n' >"$T/roles.csv"
run roles 4 kam-org import acme "$T/roles.csv"
expect_err roles "kam-org: $T/roles.csv:2: unknown person 'ceoo' (did you mean 'ceo'?)"
printf 'handle,name,reports_to\nx,X,ceoo\n' >"$T/mgr.csv"
run mgr 4 kam-org import acme "$T/mgr.csv"
expect_err mgr "kam-org: $T/mgr.csv:2: unknown manager 'ceoo' (did you mean 'ceo'?)"
unchanged unknown-person

# An account that does not exist is named as such (4, as an unknown
# account everywhere); one that exists is another account (3).
printf 'handle,name,reports_to\nx,X,nope/boss\n' >"$T/nope-mgr.csv"
run nope-mgr 4 kam-org import acme "$T/nope-mgr.csv"
expect_err nope-mgr "kam-org: $T/nope-mgr.csv:2: manager 'nope/boss': unknown account 'nope'"
printf 'handle,name,reports_to\nx,X,beta/b1\n' >"$T/beta-mgr.csv"
run beta-mgr 3 kam-org import acme "$T/beta-mgr.csv"
expect_err beta-mgr "kam-org: $T/beta-mgr.csv:2: manager 'beta/b1' is in another account"
printf 'from,to,kind\nceo,nope/x,advises\n' >"$T/nope-link.csv"
run nope-link 4 kam-org import acme "$T/nope-link.csv"
expect_err nope-link "kam-org: $T/nope-link.csv:2: person 'nope/x': unknown account 'nope'"
printf 'from,to,kind\nceo,beta/b1,advises\n' >"$T/beta-link.csv"
run beta-link 3 kam-org import acme "$T/beta-link.csv"
expect_err beta-link "kam-org: $T/beta-link.csv:2: person 'beta/b1' is in another account"
printf 'deal,person,role\nnope/erp,ceo,coach\n' >"$T/nope-deal.csv"
run nope-deal 4 kam-org import acme "$T/nope-deal.csv"
expect_err nope-deal "kam-org: $T/nope-deal.csv:2: deal 'nope/erp': unknown account 'nope'"
unchanged accounts

# Quoting faults, in words, at the line the row begins on.
printf 'handle,name\nx,"X\ny,Y\n' >"$T/open.csv"
run open 3 kam-org import acme "$T/open.csv"
expect_err open "kam-org: $T/open.csv:2: malformed CSV: a quoted field is not closed (a '\"' is missing)"
printf 'person,stance,note\nacme/ceo,support,"a"b\n' >"$T/stray.csv"
run stray 3 kam-stance import "$T/stray.csv"
expect_err stray "kam-stance: $T/stray.csv:2: malformed CSV: a stray quote (quote the whole field, and double a '\"' inside it)"
printf 'person,stance,note\nacme/ceo,support,a"b\n' >"$T/inner.csv"
run inner 3 kam-stance import "$T/inner.csv"
expect_err inner "kam-stance: $T/inner.csv:2: malformed CSV: a stray quote (quote the whole field, and double a '\"' inside it)"
# A doubled quote inside quotes is a quote.
printf 'person,stance,note\nacme/ceo,support,"say ""yes"""\n' >"$T/doubled.csv"
run doubled 0 kam-stance import "$T/doubled.csv"
expect_sql doubled-note "SELECT note FROM observation_plain" 'say "yes"'
snapshot

# Dates in an import: the commands' messages, with FILE:LINE.
printf 'person,stance,on\nacme/ceo,support,2026-02-30\n' >"$T/bad-day.csv"
run bad-day 3 kam-stance import "$T/bad-day.csv"
expect_err bad-day "kam-stance: $T/bad-day.csv:2: impossible date '2026-02-30'"
printf 'person,stance,on\nacme/ceo,support,2026-03-03\n' >"$T/tomorrow.csv"
run tomorrow 3 kam-stance import "$T/tomorrow.csv"
expect_err tomorrow "kam-stance: $T/tomorrow.csv:2: date '2026-03-03' is in the future (today is 2026-03-02)"
unchanged dates

# Two observations of one person on one day: both are kept in file
# order, and the later row of the file is the stance of that day
# (kam-stance(1), import; the rule of RULES for one recorded time).
printf 'person,stance,on,note\nacme/cto,support,2026-02-01,morning\nacme/cto,oppose,2026-02-01,afternoon\n' >"$T/day.csv"
run day 0 kam-stance import "$T/day.csv"
expect_text day "2 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql day-rows "SELECT o.stance, o.effective FROM observation o JOIN person p ON p.id = o.person_id WHERE p.handle = 'cto' ORDER BY o.id" \
"support|2026-02-01
oppose|2026-02-01"
run day-show 0 kam-stance show acme --as-of 2026-02-01 -F csv
grep -q '^acme/cto,CTO,oppose,2026-02-01,' "$T/day-show.out" ||
  fail "day-show: the later row of the file is not in force"
# In the other order, the other stance.
printf 'person,stance,on\nacme/ceo,oppose,2026-02-02\nacme/ceo,support,2026-02-02\n' >"$T/day2.csv"
run day2 0 kam-stance import "$T/day2.csv"
run day2-show 0 kam-stance show acme --as-of 2026-02-02 -F csv
grep -q '^acme/ceo,CEO,support,2026-02-02,' "$T/day2-show.out" ||
  fail "day2-show: the later row of the file is not in force"

done_testing
