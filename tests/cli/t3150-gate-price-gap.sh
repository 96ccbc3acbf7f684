#!/bin/sh
# Price with its size: kam-gate answer DEAL price --gap PERCENT, each
# threshold at its exact value and on both sides (a gap equal to a
# threshold gets the better answer), the cap holding gate 3 weak only
# above it, the settings moving the lines, the gap kept beside the
# answer, and every bad gap refused with the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/dm --name DM >/dev/null
kam-org person add acme/cto --name CTO >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-org role acme/erp acme/dm decision-maker --influence high >/dev/null
kam-org role acme/erp acme/cto technical --influence high >/dev/null
kam-stance set acme/dm support --on 2026-02-01 >/dev/null
kam-stance set acme/cto support --on 2026-02-01 >/dev/null
for k in need budget timeline fit gaps criteria-known resources position \
  rival-relationship differentiation profit capital side-effects strategy importance; do
  kam-gate answer acme/erp $k yes --on 2026-02-01
done

# gap GAP: the price's answer and gate 3's status, "answer status".
gap() {
  kam-gate answer acme/erp price --gap "$1" --on 2026-02-01
  kam-gate run acme/erp --dry-run -F json >"$T/gap.json"
  sql "SELECT json_extract(c.value, '\$.answer') || ' ' ||
    json_extract(readfile('$T/gap.json'), '\$.gates[2].status')
    FROM json_each(readfile('$T/gap.json'), '\$.gates[2].criteria') c
    WHERE json_extract(c.value, '\$.key') = 'price'"
}
check() {
  count=$((count + 1))
  got=$(gap "$1")
  [ "$got" = "$2" ] || fail "gap $1: '$got', expected '$2'"
}
check -20 "yes pass"
check 0 "yes pass"
check 5 "yes pass"
check +5.01 "partly pass"
check 15% "partly pass"
check 15.01 "no pass"
check 30 "no pass"
check 30.01% "no weak"
check 1000 "no weak"
check -100 "yes pass"

# The answer as recorded, and the gap beside it.
run answers 0 kam-gate answers acme/erp -F csv
grep '^2026-02-01,price,' "$T/answers.out" | head -3 >"$T/answers3.out"
expect_text answers3 "2026-02-01,price,yes,,2026-03-02T09:00:00Z,tester,-20
2026-02-01,price,yes,,2026-03-02T09:00:00Z,tester,0
2026-02-01,price,yes,,2026-03-02T09:00:00Z,tester,5"
expect_sql stored "SELECT answer, gap FROM answer WHERE gap IS NOT NULL ORDER BY id DESC LIMIT 3" \
  "yes|-100.0
no|1000.0
no|30.01"

# The evidence of a gap says its size and the lines.
kam-gate answer acme/erp price --gap +40 --evidence 'list price' --on 2026-02-01
run text 20 kam-gate run acme/erp --dry-run --exit-status -F table
sed -n '/^3 win/,/^4 worth/p' "$T/text.out" >"$T/win.out"
expect_text win "3 win      weak        0.89   our price is +40% against the strongest competitor's, above the cap of +30%: weak at best, whatever the relationships
                              score 0.89 reaches the strong threshold 0.75
                              'price' is no (answered)
4 worth    pass        1.00   score 1.00 reaches the fail threshold 0.50"
run json 0 kam-gate run acme/erp --dry-run -F json
grep -q '{"key": "price", "answer": "no", "source": "answered", "evidence": "our price is +40% against the strongest competitor'"'"'s (yes up to +5%, partly up to +15%): list price"}' \
  "$T/json.out" || fail "json: the price's evidence"
count=$((count + 1))

# The settings move the lines; an assessment reads the gap again.
kam-gate setting price.cap 40
run cap-at 0 kam-gate run acme/erp --dry-run --exit-status
kam-gate setting price.cap 39.99
run cap-below 20 kam-gate run acme/erp --dry-run --exit-status
kam-gate setting price.cap --reset
kam-gate setting price.partly-max 40
# The cap still holds: 40 is above it.
check 40 "partly weak"
kam-gate setting price.yes-max 40
check 40 "yes weak"
kam-gate setting price.yes-max --reset
kam-gate setting price.partly-max --reset
check 40 "no weak"

# A plain answer has no size: no cap.
kam-gate answer acme/erp price no --on 2026-02-01
run plain 0 kam-gate run acme/erp --dry-run --exit-status

snapshot
for g in 12.345 abc 1001 -100.01 4e1 '' 40%% '+' 5,5; do
  run "bad-$g" 3 kam-gate answer acme/erp price --gap "$g"
  expect_err "bad-$g" "kam-gate: invalid gap '$g' (a percentage from -100 to 1000 with at most 2 decimals, such as +40, -5 or 12.5%)"
done
run not-price 3 kam-gate answer acme/erp profit --gap 10
expect_err not-price "kam-gate: --gap answers the criterion 'price', not 'profit'"
run both 2 kam-gate answer acme/erp price no --gap 10
head -1 "$T/both.err" >"$T/both1.err" && mv "$T/both1.err" "$T/both.err"
expect_err both "kam-gate: give an answer or --gap, not both"
run bad-setting 3 kam-gate setting price.cap 1000.5
expect_err bad-setting "kam-gate: invalid value '1000.5' for 'price.cap' (use a percentage from -100 to 1000)"
unchanged refused

done_testing
