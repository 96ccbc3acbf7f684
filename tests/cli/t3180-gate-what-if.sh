#!/bin/sh
# kam-gate run --assume-answer KEY=ANSWER --assume-stance PERSON=STANCE:
# the verdict as if, nothing stored even without --dry-run, the gates
# that moved and the verdict before and after in every format, the exit
# status of the verdict as if, repeated and combined assumptions, a gap
# for the price, a stance toward a competitor; and the bad assumptions
# refused with their messages and the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
kam-org competitor add sap --name SAP >/dev/null
{
  kam-org person add acme/wang --name Wang
  kam-org person add acme/li --name Li
  kam-org person add acme/out --name Outsider
  kam-org deal add acme/his --name HIS
  kam-org role acme/his acme/wang decision-maker --influence high
  kam-org role acme/his acme/li technical --influence high --lead
  kam-stance set acme/wang neutral --on 2026-02-01
  kam-stance set acme/li support --on 2026-02-01
} >/dev/null
for k in need budget timeline fit gaps criteria-known resources position \
  rival-relationship price profit capital side-effects strategy importance; do
  kam-gate answer acme/his $k yes --on 2026-02-01
done
kam-gate answer acme/his differentiation partly --on 2026-02-01

# Wang neutral: relationships partly at best, gate 3 weak (0.72).
run base 20 kam-gate run acme/his --dry-run --exit-status
snapshot
run text 0 kam-gate run acme/his --assume-stance acme/wang=support --exit-status -F table
expect_text text "acme/his (HIS), as of 2026-03-02, profile default: pursue
Pursue: every gate passes.
Investment: full (value -, win likelihood 0.89, expected value -, pursuit cost -).

1 real     pass        1.00   score 1.00 reaches the fail threshold 0.50
2 compete  pass        1.00   score 1.00 reaches the fail threshold 0.50
3 win      pass        0.89   score 0.89 reaches the strong threshold 0.75
4 worth    pass        1.00   score 1.00 reaches the fail threshold 0.50

What if acme/wang=support (nothing stored):
  gate 3 (win) moves: weak -> pass
  the verdict moves: pursue-limited -> pursue"
unchanged text-stored

# Two gates move, the answers and stances combined; JSON says so.
run json 22 kam-gate run acme/his --assume-answer budget=no --assume-stance wang=support \
  --assume-answer importance=partly --exit-status -F json
expect_sql json-moved "SELECT json_extract(readfile('$T/json.out'), '\$.assumed') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.verdict_before') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.verdict') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.moved')" \
  '["budget=no","wang=support","importance=partly"] pursue-limited drop [{"gate":1,"name":"real","before":"pass","after":"fail"},{"gate":2,"name":"compete","before":"pass","after":"not-reached"},{"gate":3,"name":"win","before":"weak","after":"not-reached"},{"gate":4,"name":"worth","before":"pass","after":"not-reached"}]'
expect_sql json-source "SELECT json_extract(c.value, '\$.source') || ' ' ||
  json_extract(c.value, '\$.evidence') FROM json_each(readfile('$T/json.out'),
  '\$.gates[0].criteria') c WHERE json_extract(c.value, '\$.key') = 'budget'" "assumed assumed"
expect_sql json-keys "SELECT group_concat(key, ',') FROM (SELECT j.key FROM
  json_each(readfile('$T/json.out')) j)" \
  "deal,as_of,profile,verdict,gates,investment,assumed,verdict_before,moved"

# TSV: the status and the verdict before, beside the ones as if.
run tsv 0 kam-gate run acme/his --assume-stance wang=support
cut -f3-8 "$T/tsv.out" >"$T/tsv6.out"
expect_text tsv6 "verdict	verdict_before	gate	name	status	status_before
pursue	pursue-limited	1	real	pass	pass
pursue	pursue-limited	2	compete	pass	pass
pursue	pursue-limited	3	win	pass	weak
pursue	pursue-limited	4	worth	pass	pass"

# Nothing moves: said so.
run same 0 kam-gate run acme/his --assume-answer need=yes -F table
tail -3 "$T/same.out" >"$T/same3.out"
expect_text same3 "What if need=yes (nothing stored):
  no gate moves
  the verdict stays pursue-limited"

# A gap for the price: above the cap, weak whatever Wang thinks; at it,
# not.  A stance toward a competitor: a sure loss.
run gap 0 kam-gate run acme/his --assume-stance wang=support --assume-answer price=+31 -F table
tail -2 "$T/gap.out" >"$T/gap2.out"
expect_text gap2 "  no gate moves
  the verdict stays pursue-limited"
run gap-at 0 kam-gate run acme/his --assume-stance wang=support --assume-answer price=30% -F table
tail -2 "$T/gap-at.out" >"$T/gap-at2.out"
expect_text gap-at2 "  gate 3 (win) moves: weak -> pass
  the verdict moves: pursue-limited -> pursue"
run lost 22 kam-gate run acme/his --assume-stance wang=oppose --assume-stance li=oppose \
  --assume-stance wang=support@sap --exit-status -F table
grep -c "sure loss by rule decision-maker-lost: the decision-maker Wang (acme/wang) opposes us and supports SAP" "$T/lost.out" >"$T/lost-n.out"
expect_text lost-n 2
# The last of two assumptions about the same stance holds.
run last 0 kam-gate run acme/his --assume-stance wang=oppose --assume-stance wang=+ --exit-status
run last-other 20 kam-gate run acme/his --assume-stance wang=+ --assume-stance wang=0 --exit-status
unchanged assumed

# Bad assumptions: nothing stored, nothing printed.
for a in budget nope= =yes; do
  run "syntax-$a" 2 kam-gate run acme/his --assume-answer "$a"
  expect_err "syntax-$a" "kam-gate: --assume-answer needs KEY=ANSWER, not '$a'"
done
run syntax-stance 2 kam-gate run acme/his --assume-stance wang
expect_err syntax-stance "kam-gate: --assume-stance needs PERSON=STANCE, not 'wang'"
run bad-key 4 kam-gate run acme/his --assume-answer budgte=yes
expect_err bad-key "kam-gate: unknown criterion 'budgte' (did you mean 'budget'?)"
run bad-answer 3 kam-gate run acme/his --assume-answer budget=maybe
expect_err bad-answer "kam-gate: invalid answer 'maybe' for --assume-answer (use yes, partly, no or unknown, or a gap for price)"
run bad-gap 3 kam-gate run acme/his --assume-answer budget=+40
expect_err bad-gap "kam-gate: invalid answer '+40' for --assume-answer (use yes, partly, no or unknown, or a gap for price)"
run bad-person 4 kam-gate run acme/his --assume-stance wnag=support
expect_err bad-person "kam-gate: unknown person 'acme/wnag' (did you mean 'acme/wang'?)"
run outsider 5 kam-gate run acme/his --assume-stance out=support
expect_err outsider "kam-gate: 'acme/out' is not in the buying group of 'acme/his'"
run bad-stance 3 kam-gate run acme/his --assume-stance wang=happy
expect_err bad-stance "kam-gate: invalid stance 'happy' for --assume-stance (use support, neutral, oppose or unknown)"
run bad-rival 4 kam-gate run acme/his --assume-stance wang=support@ibm
expect_err bad-rival "kam-gate: unknown competitor 'ibm' (did you mean 'sap'?)"
for f in "$T"/syntax-*.out "$T"/bad-*.out "$T/outsider.out"; do
  count=$((count + 1))
  [ ! -s "$f" ] || fail "$(basename "$f"): printed something"
done
unchanged refused

done_testing
