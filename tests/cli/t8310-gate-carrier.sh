#!/bin/sh
# Who carries each action: kam-gate plan's carrier (the seller who knows
# the member best: strongest, then most recent, then by handle; else the
# seller who knows best a supporter who influences or advises them, never
# a neutral), as contacts stood on the day assessed; kam-org coverage
# (the members nobody of ours knows, in the plan's order, with whom
# they could be reached through); the memo's plan; and bad input.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org person add boss --name Boss --level 1
  kam-org person add cto --name CTO --level 2
  kam-org person add cfo --name CFO --level 2
  kam-org person add eng --name Eng --level 3
  kam-org person add pm --name PM --level 3
  kam-org person add buyer --name Buyer --level 4
  kam-org person add gone --name Gone --level 3
  kam-org deal add erp --name ERP
  kam-org role erp boss decision-maker --influence high --on 2025-06-01
  kam-org role erp cto technical --influence high --on 2025-06-01
  kam-org role erp cfo finance --influence medium --on 2025-06-01
  kam-org role erp eng user --influence medium --on 2025-06-01
  kam-org role erp buyer procurement --influence low --on 2025-06-01
  kam-org role erp gone business --influence high --on 2025-06-01
  kam-org person leave gone --on 2026-02-01
  # eng (a supporter) advises the CTO; pm (neutral) influences the CTO.
  kam-org link eng cto --kind advises
  kam-org link pm cto --kind influences
  kam-stance set cto oppose --on 2026-01-05
  kam-stance set eng support --on 2026-01-05
  kam-stance set pm neutral --on 2026-01-05
  kam-stance set cfo neutral --on 2026-01-05
  kam-org seller add ana --name 'Ana Lopez'
  kam-org seller add bo --name Bo
  kam-org seller add cy --name Cy
  # boss: two equal contacts, bo's more recent; eng: ana; pm: cy, the
  # strongest of all, but pm is neutral; the CFO: cy strong until
  # 15 February, then weak, and bo in between; gone: ana (left).
  kam-org contact ana boss --strength 1 --on 2026-01-01
  kam-org contact bo boss --strength 1 --on 2026-02-01
  kam-org contact ana eng --strength 2 --on 2026-01-01
  kam-org contact cy pm --strength 3 --on 2026-01-01
  kam-org contact cy cfo --strength 3 --on 2026-01-01
  kam-org contact bo cfo --strength 2 --on 2026-01-10
  kam-org contact cy cfo --strength 1 --on 2026-02-15
  kam-org contact ana gone --strength 3 --on 2026-01-01
} >/dev/null

run plan 0 kam-gate plan erp
cut -f1,7,11 "$T/plan.out" >"$T/carrier.out"
expect_text carrier "person	action	carrier
acme/boss	find-out	Bo (bo)
acme/cto	contain	Ana Lopez (ana) via Eng (acme/eng)
acme/cfo	convert	Bo (bo)
acme/eng	recruit-coach	Ana Lopez (ana)
acme/buyer	find-out	"
# On 31 January: the CFO's strong contact with cy held; bo did not yet
# know the boss, so ana (the one contact then) carries it; gone had not
# left, and ana knew them.
run jan31 0 kam-gate plan erp --as-of 2026-01-31
cut -f1,11 "$T/jan31.out" | grep -E '^acme/(boss|cfo|gone)	' >"$T/jan31c.out"
expect_text jan31c "acme/boss	Ana Lopez (ana)
acme/gone	Ana Lopez (ana)
acme/cfo	Cy (cy)"
# The day before the first contact: nobody carries anything.
run dec 0 kam-gate plan erp --as-of 2025-12-31
cut -f11 "$T/dec.out" | sed 1d | sort -u >"$T/dec11.out"
expect_text dec11 ""

# JSON: the carrier as an object; null when none.
run json 0 kam-gate -F json plan erp
expect_sql json-cto "SELECT json_extract(readfile('$T/json.out'), '\$[1].carrier')" \
  '{"seller":"ana","name":"Ana Lopez","strength":2,"since":"2026-01-01","through":"acme/eng"}'
expect_sql json-boss "SELECT json_extract(readfile('$T/json.out'), '\$[0].carrier')" \
  '{"seller":"bo","name":"Bo","strength":1,"since":"2026-02-01","through":null}'
expect_sql json-buyer "SELECT json_type(readfile('$T/json.out'), '\$[4].carrier')" null

# coverage: members nobody knows, in the plan's order; gone has left.
run cov 0 kam-org coverage erp
expect_text cov "person	name	roles	influence	stance	through
acme/cto	CTO	technical	high	oppose	Ana Lopez (ana) via Eng (acme/eng)
acme/buyer	Buyer	procurement	low	unknown	"
run cov-table 0 kam-org -F table coverage acme/erp
expect_out cov-table carrier-coverage.table
run cov-json 0 kam-org -F json coverage erp
expect_text cov-json '[
{"person":"acme/cto","name":"CTO","roles":"technical","influence":"high","stance":"oppose","through":"Ana Lopez (ana) via Eng (acme/eng)"},
{"person":"acme/buyer","name":"Buyer","roles":"procurement","influence":"low","stance":"unknown","through":null}
]'
# Before 1 February, gone was still there and known; before any
# contact, everyone is uncovered, gone included.
run cov-dec 0 kam-org coverage erp --as-of 2025-12-31
cut -f1 "$T/cov-dec.out" | tr '\n' ' ' >"$T/cov-dec1.out"
echo >>"$T/cov-dec1.out"
expect_text cov-dec1 "person acme/boss acme/cto acme/gone acme/cfo acme/eng acme/buyer "
# Once the buyer is known, only the CTO is left.
kam-org contact cy buyer --strength 1 >/dev/null
run cov2 0 kam-org coverage erp
expect_text cov2 "person	name	roles	influence	stance	through
acme/cto	CTO	technical	high	oppose	Ana Lopez (ana) via Eng (acme/eng)"

# The memo names the carrier of each action.
run memo 0 kam-gate report erp
sed -n '/^## Plan/,/^## /p' "$T/memo.out" >"$T/memo-plan.out"
expect_out memo-plan carrier-memo-plan.md

# Bad input; nothing is written by reading verbs.
snapshot
run cov-none 2 kam-org coverage
head -1 "$T/cov-none.err" >"$T/n1" && mv "$T/n1" "$T/cov-none.err"
expect_err cov-none "kam-org: missing DEAL"
run cov-two 2 kam-org coverage erp erp
head -1 "$T/cov-two.err" >"$T/n1" && mv "$T/n1" "$T/cov-two.err"
expect_err cov-two "kam-org: unexpected 'erp'"
run cov-unknown 4 kam-org coverage erq
expect_err cov-unknown "kam-org: unknown deal 'acme/erq' (did you mean 'acme/erp'?)"
run cov-future 3 kam-org coverage erp --as-of 2026-03-03
expect_err cov-future "kam-org: date '2026-03-03' for --as-of is in the future (today is 2026-03-02)"
run cov-bad 3 kam-org coverage erp --as-of 2026-13-01
expect_err cov-bad "kam-org: impossible date '2026-13-01' for --as-of"
unchanged readers

done_testing
