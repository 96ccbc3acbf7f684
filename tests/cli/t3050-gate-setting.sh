#!/bin/sh
# kam-gate setting: the documented defaults, changing a threshold changes
# the verdict, reset goes back to the default, bad keys and values are
# refused with the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org deal add acme/his --name HIS >/dev/null
for k in need budget timeline fit gaps criteria-known resources position \
  our-relationship rival-relationship coverage differentiation profit \
  capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
kam-gate answer acme/his our-relationship no --on 2026-02-01
kam-gate answer acme/his price partly --on 2026-02-01

run list 0 kam-gate setting -F table
expect_out list gate-setting.table
run get 0 kam-gate setting win.strong
expect_text get 0.75
run weak 20 kam-gate run acme/his --exit-status --dry-run

# Lower the strong threshold of gate 3: the same deal becomes pursue.
run set 0 kam-gate setting win.strong 0.6
[ ! -s "$T/set.out" ] || fail "set: printed something"
expect_sql stored "SELECT key, value FROM gate_setting" "win.strong|0.6"
run get2 0 kam-gate setting win.strong
expect_text get2 0.6
run pursue 0 kam-gate run acme/his --exit-status --dry-run
run list2 0 kam-gate setting
grep -q '^win.strong	0.6	0.75	' "$T/list2.out" || fail "list2: win.strong not 0.6"

# Influence weights and computed thresholds are settings too; a negative
# value follows --.
run set-inf 0 kam-gate setting influence.low 0.5
run set-stale 0 kam-gate setting stale.days 120
run set-rel 0 kam-gate setting our-relationship.partly -- -0.25
expect_sql stored2 "SELECT key, value FROM gate_setting ORDER BY key" \
  "influence.low|0.5
our-relationship.partly|-0.25
stale.days|120.0
win.strong|0.6"

run reset 0 kam-gate setting win.strong --reset
run get3 0 kam-gate setting win.strong
expect_text get3 0.75
run weak2 20 kam-gate run acme/his --exit-status --dry-run

snapshot
run bad-key 4 kam-gate setting win.strng 0.5
expect_err bad-key "kam-gate: unknown setting 'win.strng' (did you mean 'win.strong'?)"
run bad-key2 4 kam-gate setting zzzzzzzzzzzz
expect_err bad-key2 "kam-gate: unknown setting 'zzzzzzzzzzzz' (see 'kam-gate setting')"
run bad-value 3 kam-gate setting win.strong 1.5
expect_err bad-value "kam-gate: invalid value '1.5' for 'win.strong' (use a number from 0 to 1)"
run bad-value2 3 kam-gate setting real.fail high
expect_err bad-value2 "kam-gate: invalid value 'high' for 'real.fail' (use a number from 0 to 1)"
run bad-value3 3 kam-gate setting stale.days 2.5
expect_err bad-value3 "kam-gate: invalid value '2.5' for 'stale.days' (use a whole number of days from 1 to 36500)"
# Coverage is knowledge now: its old thresholds are gone.
run bad-key3 4 kam-gate setting coverage.yes 2
expect_err bad-key3 "kam-gate: unknown setting 'coverage.yes' (see 'kam-gate setting')"
run bad-value4 3 kam-gate setting -- rival-relationship.yes -2
expect_err bad-value4 "kam-gate: invalid value '-2' for 'rival-relationship.yes' (use a number from -1 to 1)"
run bad-value5 3 kam-gate setting unknown.max nan
expect_err bad-value5 "kam-gate: invalid value 'nan' for 'unknown.max' (use a number from 0 to 1)"
run reset-value 2 kam-gate setting win.strong 0.5 --reset
head -1 "$T/reset-value.err" >"$T/reset-value.err1" && mv "$T/reset-value.err1" "$T/reset-value.err"
expect_err reset-value "kam-gate: --reset takes no VALUE"
run reset-none 2 kam-gate setting --reset
head -1 "$T/reset-none.err" >"$T/reset-none.err1" && mv "$T/reset-none.err1" "$T/reset-none.err"
expect_err reset-none "kam-gate: missing KEY"
unchanged bad-input

# Settings that bound one another stay in order: equal is allowed, a
# hundredth past it refused (5, a conflict with what is stored) with
# nothing changed; a reset counts too.
for k in win.fail win.strong; do kam-gate setting $k --reset; done
run order-eq 0 kam-gate setting win.fail 0.75
run order-eq2 0 kam-gate setting win.fail 0.5
snapshot
run order-fail 5 kam-gate setting win.fail 0.76
expect_err order-fail "kam-gate: 'win.fail' (0.76) would be above 'win.strong' (0.75), which it may not be"
run order-strong 5 kam-gate setting win.strong 0.49
expect_err order-strong "kam-gate: 'win.fail' (0.5) would be above 'win.strong' (0.49), which it may not be"
run order-price 5 kam-gate setting price.yes-max 16
expect_err order-price "kam-gate: 'price.yes-max' (16) would be above 'price.partly-max' (15), which it may not be"
run order-ours 5 kam-gate setting -- our-relationship.yes -0.5
expect_err order-ours "kam-gate: 'our-relationship.partly' (-0.25) would be above 'our-relationship.yes' (-0.5), which it may not be"
run order-rival 5 kam-gate setting rival-relationship.yes 0.9
expect_err order-rival "kam-gate: 'rival-relationship.yes' (0.9) would be above 'rival-relationship.partly' (0.5), which it may not be"
run order-infl 5 kam-gate setting influence.low 2.5
expect_err order-infl "kam-gate: 'influence.low' (2.5) would be above 'influence.medium' (2), which it may not be"
unchanged order
run order-price-eq 0 kam-gate setting price.yes-max 15
kam-gate setting price.yes-max --reset
kam-gate setting win.fail 0.3
kam-gate setting win.strong 0.4
snapshot
run order-reset 5 kam-gate setting win.fail --reset
expect_err order-reset "kam-gate: 'win.fail' (0.5) would be above 'win.strong' (0.4), which it may not be"
unchanged order-reset
run order-reset-strong 0 kam-gate setting win.strong --reset
run order-reset-fail 0 kam-gate setting win.fail --reset

done_testing
