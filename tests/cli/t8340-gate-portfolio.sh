#!/bin/sh
# kam-gate portfolio: every open deal of the accounts named (each once;
# none: every account), its last run's verdict and investment, its value
# now times that run's win likelihood, the days since the run was last
# checked, its stale members and red flags today; sorted by expected
# value (then value, then deal); closed deals left out; every format,
# the picture; bad input.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
{
  kam-org deal add acme/a --name Alpha --value 1000000 --currency CNY --close 2026-06-30
  kam-org deal add acme/b --name Bravo --value 3000000 --currency CNY
  kam-org deal add acme/c --name Charlie --value 500000 --currency CNY
  kam-org deal add acme/d --name Delta
  kam-org deal add acme/e --name Echo --value 2000000 --currency CNY
  kam-org deal add acme/t1 --name Tie1 --value 200 --currency CNY
  kam-org deal add acme/t2 --name Tie2 --value 200 --currency CNY
  kam-org deal add acme/won --name Won --value 9999999 --currency CNY
  kam-org deal close acme/won --won --on 2026-03-01
  kam-org deal add beta/x --name 'X | <b>' --value 1000.5 --currency USD
  # acme/a: a complete group, the CFO last seen more than 90 days ago
  # (1 December 2025 is 91 days before 2 March 2026), the CTO exactly
  # 90 days ago (not stale).
  kam-org person add acme/ceo --name CEO
  kam-org person add acme/cto --name CTO
  kam-org person add acme/cfo --name CFO
  kam-org person add acme/biz --name Biz
  kam-org person add acme/coach --name Coach
  kam-org role acme/a acme/ceo decision-maker --influence high
  kam-org role acme/a acme/cto technical --influence high
  kam-org role acme/a acme/cfo finance
  kam-org role acme/a acme/biz business
  kam-org role acme/a acme/coach coach
  kam-stance set acme/ceo support --on 2026-02-01
  kam-stance set acme/cto support --on 2025-12-02
  kam-stance set acme/cfo neutral --on 2025-12-01
  kam-stance set acme/biz support --on 2026-02-01
  kam-stance set acme/coach support --on 2026-02-01
} >/dev/null

# The last runs, written as kam-gate stores them: a snapshot whose
# investment gives the level and the win likelihood.  Deal a has two
# runs; the later one counts.
run_row() { # DEAL NUMBER VERDICT LEVEL LIKELIHOOD CHECKED
  sql "INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, actor,
    verdict, snapshot) SELECT d.id, $2, substr('$6', 1, 10), '$6', '$6', 'tester',
    '$3', json_object('investment', json_object('level', '$4',
    'win_likelihood', $5)) FROM deal d JOIN account a ON a.id = d.account_id
    WHERE a.handle || '/' || d.handle = '$1'"
}
run_row acme/a 1 qualify minimal 0.4 2026-01-10T09:00:00Z
run_row acme/a 2 pursue full 0.9 2026-02-20T10:00:00Z
run_row acme/b 1 pursue-limited limited 0.5 2026-03-02T08:00:00Z
run_row acme/c 1 qualify minimal null 2026-02-01T09:00:00Z
run_row acme/d 1 drop none 0.2 2026-02-01T09:00:00Z
run_row acme/t1 1 pursue full 0.5 2026-02-01T09:00:00Z
run_row acme/t2 1 pursue full 0.5 2026-02-01T09:00:00Z
run_row acme/won 1 pursue full 1 2026-02-01T09:00:00Z
run_row beta/x 1 pursue full 0.25 2026-01-31T09:00:00Z

# Expected value: b 3000000 x 0.5, a 1000000 x 0.9, then beta/x 1000.5
# x 0.25 = 250.125 (rounded to the value's decimals: 250.1), then the
# ties t1 and t2 (100 each) by deal; without one, by value: e (never
# run), c (no likelihood), then d (no value).  acme/won is closed.
run tsv 0 kam-gate portfolio
expect_out tsv portfolio.tsv
run table 0 kam-gate -F table portfolio
expect_out table portfolio.table
run csv 0 kam-gate -F csv portfolio acme
expect_out csv portfolio-acme.csv
run json 0 kam-gate -F json portfolio beta
expect_text json '[
{"deal":"beta/x","name":"X | <b>","verdict":"pursue","investment":"full","value":1000.5,"currency":"USD","expected_value":250.1,"close":null,"days_since_check":30,"stale":0,"flags":["no-decision-maker","no-technical","no-business","no-finance","no-coach"]}
]'
run md 0 kam-gate -F md portfolio
expect_out md portfolio.md
# The accounts named, each once, in any order: the same rows.
run both 0 kam-gate portfolio beta acme beta
cmp -s "$T/both.out" "$T/tsv.out" || fail "both: differs from every account"
count=$((count + 1))
run dflt 0 env KAM_ACCOUNT=beta kam-gate -F json portfolio
cmp -s "$T/dflt.out" "$T/json.out" || fail "dflt: KAM_ACCOUNT is not the default"
count=$((count + 1))
# The expected value follows the value now: a's value raised, its
# likelihood (0.9) kept.
kam-org deal set acme/a --value 2000000 >/dev/null
run raised 0 kam-gate portfolio acme
cut -f1,5,7 "$T/raised.out" | sed -n 2,3p >"$T/raised2.out"
expect_text raised2 "acme/a	2000000	1800000
acme/b	3000000	1500000"
# A real run is read the same way: its expected value is the run's.
kam-gate run acme/e >/dev/null
run real 0 kam-gate -F json portfolio acme
ev_run=$(kam-gate run acme/e --dry-run -F json | sed -n 's/.*"expected_value": \([0-9.null]*\).*/\1/p' | head -1)
ev_pf=$(sql "SELECT json_extract(value, '\$.expected_value') FROM json_each(readfile('$T/real.out')) WHERE json_extract(value, '\$.deal') = 'acme/e'")
[ "$ev_run" = "${ev_pf:-null}" ] || fail "real: portfolio says '$ev_pf', the run '$ev_run'"
count=$((count + 1))

# The picture: a slide, the deals by verdict.
run dot 0 kam-gate portfolio -T dot
for text in 'Portfolio' '8 open deals by verdict' 'pursue, limited' 'qualify first' \
  'drop' 'Bravo' 'X | &lt;b&gt;' '1500000 CNY' 'no-decision-maker' \
  'size="13.3333,7.5000!"'; do
  grep -qF -- "$text" "$T/dot.out" || fail "dot: no '$text'"
  count=$((count + 1))
done
grep -q 'Won' "$T/dot.out" && fail "dot: a closed deal"
count=$((count + 1))
run png 0 kam-gate portfolio -o "$T/pf.png" --title 'Q2 review'
[ -s "$T/png.out" ] && fail "png: printed something"
file "$T/pf.png" | grep -q 'PNG image data, 1920 x 1080' || fail "png: $(file "$T/pf.png")"
count=$((count + 1))
run png43 0 kam-gate portfolio -T png --fit 4:3 -o "$T/pf43.png"
file "$T/pf43.png" | grep -q 'PNG image data, 1440 x 1080' || fail "png43: $(file "$T/pf43.png")"
count=$((count + 1))
run svg 0 kam-gate portfolio -T svg
grep -q 'Q2' "$T/svg.out" && fail "svg: the title of another run"
grep -q '<svg' "$T/svg.out" || fail "svg: not SVG"
count=$((count + 2))

# No open deal: an empty table, a document that says so.
kam-org account add empty --name Empty >/dev/null
run none 0 kam-gate portfolio empty
expect_text none "deal	name	verdict	investment	value	currency	expected_value	close	days_since_check	stale	flags"
run none-md 0 kam-gate -F md portfolio empty
expect_text none-md "# Portfolio, 2026-03-02

No open deals."

# Bad input.
snapshot
run uacct 4 kam-gate portfolio acme acne
expect_err uacct "kam-gate: unknown account 'acne' (did you mean 'acme'?)"
run both-f 2 kam-gate portfolio -F md -T svg
expect_err both-f "kam-gate: -F does not apply to a drawing (use -T dot, svg, png or pdf)"
run badt 2 kam-gate portfolio -T gif
head -1 "$T/badt.err" >"$T/n1" && mv "$T/n1" "$T/badt.err"
expect_err badt "kam-gate: unknown format 'gif' (use dot, svg, png or pdf)"
run badfit 2 kam-gate portfolio -T png --fit 3:2
expect_err badfit "kam-gate: unknown fit '3:2' (use 16:9, 4:3, a4, a4-landscape or letter)"
run badtitle 3 kam-gate portfolio -T dot --title "$(printf 'a\tb')"
expect_err badtitle "kam-gate: --title contains control character U+0009 (a tab)"
run dir 10 kam-gate portfolio -o "$T"
unchanged refused

done_testing
