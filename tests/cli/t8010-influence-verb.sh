#!/bin/sh
# kam-org influence: the columns in every format, the order and its
# tie-break, what --deal changes (roles and stances, never the scores),
# what --as-of changes (who was there, their levels, their stances; the
# links as stored), and every bad input with its message, exit status
# and an unchanged store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org deal add beta/other --name Other >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org person add wang --name 王伟 --title 总经理 --level 1
  kam-org person add li --name 李娜 --title CTO --level 2 --reports-to wang
  kam-org person add zhao --name 赵六 --title CFO --level 2 --reports-to wang
  kam-org person add chen --name 陈工 --title Engineer --level 4 --reports-to li
  kam-org person add sun --name 孙七 --title Analyst --level 3 --reports-to zhao
  kam-org person add zhou --name 周八 --level 3 --reports-to zhao
  # chen advises li, li influences wang: chen carries the most weight;
  # sun allies with zhou both ways; a rivalry counts for nothing.
  kam-org link chen li --kind advises --strength 3 --on 2026-01-01
  kam-org link li wang --kind influences --on 2026-01-01
  kam-org link sun zhou --kind allies --strength 1 --on 2026-01-01
  kam-org link zhao chen --kind rivals --strength 3 --on 2026-01-01
  kam-org deal add erp --name ERP
  kam-org deal add crm --name CRM
  kam-org role erp wang decision-maker --on 2026-01-01
  kam-org role erp li technical --on 2026-01-01
  kam-org role erp li business --on 2026-01-01
  kam-org role crm chen coach --on 2026-01-01
  kam-stance set li support --on 2026-01-05
  kam-stance set chen oppose --on 2026-01-05
  kam-stance set chen support --deal erp --on 2026-01-05
} >/dev/null

# Every format: the same rows, most influential first.
run table 0 kam-org -F table influence
expect_out table influence-verb.table
run tsv 0 kam-org -F tsv influence acme
expect_out tsv influence-verb.tsv
run csv 0 kam-org -F csv influence acme
expect_out csv influence-verb.csv
run json 0 kam-org -F json influence acme
expect_out json influence-verb.json
# TSV is the default when piped.
run piped 0 kam-org influence acme
cmp -s "$T/piped.out" "$T/tsv.out" || fail "piped: not the TSV output"
count=$((count + 1))
# Influence sums to 1; every score is from 0 to 1 with six decimals.
awk -F'\t' 'NR > 1 { s += $6; if ($6 !~ /^0\.[0-9][0-9][0-9][0-9][0-9][0-9]$/ ||
    $7 !~ /^0\.[0-9][0-9][0-9][0-9][0-9][0-9]$/) bad = 1 }
  END { if (bad || s < 0.999995 || s > 1.000005) exit 1 }' "$T/tsv.out" ||
  fail "scores: not six decimals from 0 to 1 summing to 1"
count=$((count + 1))

# The order: sun and zhou, allies who give each other all their weight,
# tie first and come in handle order; then chen, who advises the CTO;
# li, the CTO, who influences the director and is the one broker (on
# the path from wang to chen: 1 pair of 5 x 4); wang and zhao tie, by
# handle.
cut -f1 "$T/tsv.out" | sed 1d | tr '\n' ' ' | sed 's/ $//' >"$T/order.out"
echo >>"$T/order.out"
expect_text order "acme/sun acme/zhou acme/chen acme/li acme/wang acme/zhao"
cut -f1,7 "$T/tsv.out" | grep li >"$T/li.out"
expect_text li "acme/li	0.050000"

# --deal: the deal's roles and stances (about the deal, else general);
# the scores are the same.
run deal 0 kam-org -F tsv influence --deal erp
expect_out deal influence-verb-deal.tsv
cut -f1,6,7 "$T/tsv.out" >"$T/scores-all"
cut -f1,6,7 "$T/deal.out" >"$T/scores-deal"
cmp -s "$T/scores-all" "$T/scores-deal" || fail "deal: the scores changed with --deal"
count=$((count + 1))
run deal-ref 0 kam-org -F tsv influence acme --deal acme/erp
cmp -s "$T/deal-ref.out" "$T/deal.out" || fail "deal-ref: differs from --deal erp"
count=$((count + 1))

# --as-of: zhou leaves on 2026-02-01 and chen is promoted on 2026-02-10.
kam-org person leave zhou --on 2026-02-01 >/dev/null
kam-org person set chen --level 3 --on 2026-02-10 >/dev/null
run today 0 kam-org -F tsv influence
expect_out today influence-verb-today.tsv
run before 0 kam-org -F tsv influence --as-of 2026-01-31
expect_out before influence-verb-before.tsv
run before-stance 0 kam-org -F tsv influence --as-of 2026-01-04
cut -f1,3,5 "$T/before-stance.out" | grep chen >"$T/chen.out"
expect_text chen "acme/chen	4	"
# The day someone leaves, they are gone.
run leave-day 0 kam-org -F tsv influence --as-of 2026-02-01
grep -q zhou "$T/leave-day.out" && fail "leave-day: zhou is listed on the day he left"
count=$((count + 1))

# An account without links: everyone equal, by handle; without people:
# the header alone.
kam-org person add beta/b2 --name B2 --level 1 >/dev/null
kam-org person add beta/b1 --name B1 --level 2 >/dev/null
run flat 0 kam-org -F tsv influence beta
expect_text flat "person	name	level	roles	stance	influence	brokerage
beta/b1	B1	2			0.500000	0.000000
beta/b2	B2	1			0.500000	0.000000"
kam-org account add empty --name Empty >/dev/null
run empty 0 kam-org -F json influence empty
expect_text empty "[]"

# Bad input: the message, the exit status, and nothing written.
snapshot
run no-account 2 env -u KAM_ACCOUNT kam-org influence
expect_err no-account "kam-org: no account given (name one, use -a or set KAM_ACCOUNT)
usage: kam-org influence [ACCOUNT] [--deal DEAL] [--as-of DATE]"
run two 2 kam-org influence acme beta
expect_err two "kam-org: unexpected 'beta'
usage: kam-org influence [ACCOUNT] [--deal DEAL] [--as-of DATE]"
run option 2 kam-org influence --depth 2
head -1 "$T/option.err" >"$T/option1.out"
expect_text option1 "kam-org: unknown option '--depth'"
run unknown 4 kam-org influence acmee
expect_err unknown "kam-org: unknown account 'acmee' (did you mean 'acme'?)"
run deal-unknown 4 kam-org influence --deal epr
expect_err deal-unknown "kam-org: unknown deal 'acme/epr' (did you mean 'acme/erp'?)"
run deal-other 3 kam-org influence acme --deal beta/other
expect_err deal-other "kam-org: deal 'beta/other' is not in account 'acme'"
run date 3 kam-org influence --as-of 2026-02-30
expect_err date "kam-org: impossible date '2026-02-30' for --as-of"
run nostore 6 kam-org -d "$T/none.db" influence acme
expect_err nostore "kam-org: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)"
unchanged errors

done_testing
