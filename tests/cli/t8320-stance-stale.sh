#!/bin/sh
# kam-stance stale: each person's latest observation in force (toward
# us or a competitor, general or about any deal; about the deal, else
# general, with a deal), the people whose latest is older than
# --older-than (days, weeks, calendar months; default the stale.days
# setting), most influential first; each threshold at its exact value
# and on both sides; retractions; the memo's list; bad input.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_NOW=2026-05-31T09:00:00Z
export KAM_NOW
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org person add boss --name Boss --level 1
  kam-org person add cto --name CTO --level 2
  kam-org person add eng --name Eng --level 3
  kam-org person add ana --name Ana --level 3
  kam-org person add new --name New --level 4
  kam-org person add gone --name Gone --level 3
  # eng advises the CTO, who influences the boss: eng carries the most
  # weight, then the CTO; the others tie, by handle.  The scores are
  # those of networkx.pagerank (alpha 0.85, weight) over the five who
  # had not left: boss 0.134725, cto 0.249242, eng 0.346581, ana
  # 0.134725, new 0.134725.
  kam-org link eng cto --kind advises --strength 3
  kam-org link cto boss --kind influences --strength 3
  kam-org deal add erp --name ERP
  kam-org role erp boss decision-maker --influence high
  kam-org role erp cto technical --influence high
  kam-org role erp ana user
  # Stances: boss seen 2026-03-02 (90 days before 31 May), CTO
  # 2026-03-01 (91 days), eng 2026-02-28 toward us but 2026-05-01
  # toward Oracle, ana about the deal 2026-01-31 and in general
  # 2026-04-01, gone long ago but gone; new never.
  kam-stance set boss support --on 2026-03-02
  kam-stance set cto oppose --on 2026-03-01
  kam-stance set eng support --on 2026-02-28
  kam-stance set eng neutral --toward orcl --on 2026-05-01
  kam-stance set ana neutral --deal erp --on 2026-01-31
  kam-stance set ana support --on 2026-04-01
  kam-stance set gone oppose --on 2025-01-01
  kam-org person leave gone --on 2026-04-01
} >/dev/null

# The default, stale.days (90): more than 90 days; the boss, exactly 90
# days, is not stale; eng's latest is toward Oracle (30 days).
run dflt 0 kam-stance stale
expect_text dflt "person	name	roles	stance	latest	days	influence
acme/cto	CTO	erp:technical	oppose	2026-03-01	91	0.249242"
run d90 0 kam-stance stale acme --older-than 90d
cmp -s "$T/d90.out" "$T/dflt.out" || fail "d90: differs from the default"
count=$((count + 1))
# 89 days: the boss (90) too, after the CTO (more influence).
run d89 0 kam-stance stale --older-than 89d
cut -f1,6 "$T/d89.out" >"$T/d89c.out"
expect_text d89c "person	days
acme/cto	91
acme/boss	90"
run d91 0 kam-stance stale --older-than 91d
expect_text d91 "person	name	roles	stance	latest	days	influence"
# Weeks: 13w is 91 days; 12w is 84 days: eng (toward Oracle, 30) is
# still fresh, ana (60) too.
run w13 0 kam-stance stale --older-than 13w
expect_text w13 "person	name	roles	stance	latest	days	influence"
run w12 0 kam-stance stale --older-than 12w
cut -f1 "$T/w12.out" | sed 1d | tr '\n' ' ' >"$T/w12c.out"; echo >>"$T/w12c.out"
expect_text w12c "acme/cto acme/boss "
# Months: 3m before 31 May is 28 February (no 31st); eng's toward-us
# stance is 2026-02-28 but his latest is May; the CTO (1 March) is
# after 28 February: nobody.  2m (31 March): boss and CTO.
run m3 0 kam-stance stale --older-than 3m
expect_text m3 "person	name	roles	stance	latest	days	influence"
run m2 0 kam-stance stale --older-than 2m
cut -f1 "$T/m2.out" | sed 1d | tr '\n' ' ' >"$T/m2c.out"; echo >>"$T/m2c.out"
expect_text m2c "acme/cto acme/boss "
# 1d: everyone observed before today, most influential first; new
# (never observed) and gone (left) are not listed.
run d1 0 kam-stance -F table stale --older-than 1d
expect_out d1 stale-1d.table

# A deal: the buying group, its latest as kam-gate reads it (about the
# deal, else general): ana's stance about the deal (31 January) is the
# one in force for it, however recent her general one.
run deal 0 kam-stance stale erp
expect_text deal "person	name	roles	stance	latest	days	influence
acme/cto	CTO	technical	oppose	2026-03-01	91	0.249242
acme/ana	Ana	user	neutral	2026-01-31	120	0.134725"
run deal-json 0 kam-stance -F json stale acme/erp
expect_out deal-json stale-deal.json
# The memo lists the same people, with the same rule as the flag.
run memo 0 kam-gate report erp
sed -n '/^## Whom to check in with/,/^## Plan/p' "$T/memo.out" >"$T/memo-stale.out"
expect_text memo-stale "## Whom to check in with

Observed more than 90 days ago, most influential first:

| person | latest observation | days |
| --- | --- | --- |
| CTO (acme/cto) | 2026-03-01 | 91 |
| Ana (acme/ana) | 2026-01-31 | 120 |

## Plan"
run memo-json 0 kam-gate -F json report erp
expect_sql memo-json "SELECT json_extract(readfile('$T/memo-json.out'), '\$.stale')" \
  '[{"person":"acme/cto","name":"CTO","latest":"2026-03-01","days":91},{"person":"acme/ana","name":"Ana","latest":"2026-01-31","days":120}]'
# The setting moves both.
kam-gate setting stale.days 120 >/dev/null
run set120 0 kam-stance stale erp
expect_text set120 "person	name	roles	stance	latest	days	influence"
run memo120 0 kam-gate report erp
grep -q '^Every stance known in the group was observed in the last 120 days\.$' "$T/memo120.out" ||
  fail "memo120: no all-fresh sentence"
count=$((count + 1))
kam-gate setting stale.days 119 >/dev/null
run set119 0 kam-stance stale erp
cut -f1 "$T/set119.out" | sed 1d >"$T/set119c.out"
expect_text set119c "acme/ana"
kam-gate setting stale.days --reset >/dev/null

# A retraction takes the row out: the CTO's March stance retracted, his
# latest is none and he is not listed; ana and the boss tie on
# influence, and the more senior comes first (boss, level 1, before ana,
# level 3): ties go by level, then handle, never by brokerage.
id=$(sql "SELECT id FROM observation WHERE person_id = (SELECT id FROM person WHERE handle = 'cto')")
kam-stance retract "$id" --why 'wrong person' >/dev/null
run retracted 0 kam-stance stale --older-than 1d
cut -f1 "$T/retracted.out" | sed 1d | tr '\n' ' ' >"$T/retc.out"; echo >>"$T/retc.out"
expect_text retc "acme/eng acme/boss acme/ana "
# As of 15 March, older than 14 days (before 1 March): eng's stance
# toward Oracle and ana's general one were yet to come, and gone had
# not left; the CTO's 1 March is not before it (and is retracted).  The
# links were made on 31 May: on 15 March everyone weighs the same, and
# the order is by level (all three are level 3), then handle.
run asof 0 kam-stance stale --as-of 2026-03-15 --older-than 14d
cut -f1,5,6 "$T/asof.out" >"$T/asofc.out"
expect_text asofc "person	latest	days
acme/ana	2026-01-31	43
acme/eng	2026-02-28	15
acme/gone	2025-01-01	438"

# Bad input.
snapshot
for bad in 0d 90 90x d 36501d 09d -1d 1.5m; do
  run "bad-$bad" 3 kam-stance stale --older-than "$bad"
  expect_err "bad-$bad" "kam-stance: invalid length of time '$bad' for --older-than (use a number of days, weeks or months from 1 to 36500, as 90d, 12w or 3m)"
done
run max 0 kam-stance stale --older-than 36500d
run noacct 2 env -u KAM_ACCOUNT kam-stance stale
head -1 "$T/noacct.err" >"$T/n1" && mv "$T/n1" "$T/noacct.err"
expect_err noacct "kam-stance: no account or deal given (name one, use -a or set KAM_ACCOUNT)"
run uacct 4 kam-stance stale acne/erp
expect_err uacct "kam-stance: unknown account 'acne' (did you mean 'acme'?)"
run udeal 4 kam-stance stale erq
expect_err udeal "kam-stance: unknown deal 'acme/erq' (did you mean 'acme/erp'?)"
run two 2 kam-stance stale acme erp
head -1 "$T/two.err" >"$T/n1" && mv "$T/n1" "$T/two.err"
expect_err two "kam-stance: unexpected 'erp'"
run baddate 3 kam-stance stale --as-of 2026-02-30
expect_err baddate "kam-stance: impossible date '2026-02-30' for --as-of"
unchanged refused

done_testing
