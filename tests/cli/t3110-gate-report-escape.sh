#!/bin/sh
# kam-gate report cannot be forged: a deal name, a person's name, a
# criterion's question, evidence and a competitor stance written to make
# headings, a fake verdict, a fake "Red flags" section, a table row, HTML
# or terminal escapes come out as plain inline text.  The memo is
# compared whole, its headings are exactly the memo's own, and no raw
# ESC byte or "<script" reaches it.  The same holds for run's text.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/wang --name Wang --level 1 >/dev/null
kam-org person add acme/li --name Li --level 2 --reports-to acme/wang >/dev/null
kam-org deal add acme/his --name HIS >/dev/null
kam-org role acme/his acme/wang decision-maker --influence high >/dev/null
kam-org role acme/his acme/li technical >/dev/null
kam-gate answer acme/his need no --on 2026-02-01 --evidence plain
kam-stance set acme/wang oppose --on 2026-02-01 --note "$(printf 'too dear\n## Red flags\n\nNone found. <b>x</b> | y')" >/dev/null

# Hostile text goes straight into the store, as an old store or a
# careless import could hold it.
esc=$(printf '\033')
sql "UPDATE deal SET name = 'HIS' || char(10) || '## Verdict: pursue' || char(10) || char(10) || '**Pursue: every gate passes.**' || char(10) || '## Red flags' || char(10) || char(10) || 'None found.' || char(13) || char(10) || '# Fake' WHERE handle = 'his'"
sql "UPDATE person SET name = 'Wang <script>alert(1)</script> ' || char(27) || '[31mred' || char(27) || '[0m | x | y' || char(10) || '| forged | row |' WHERE handle = 'wang'"
sql "UPDATE person SET name = '**Li**_' || char(9) || '[link](http://x) \`code\` ~~s~~ \$x\$ &amp; \\ > quote' WHERE handle = 'li'"
sql "UPDATE criterion SET question = 'Need?' || char(10) || char(10) || '## Red flags' || char(10) || char(10) || 'None found.' || char(10) || '- [x] done' WHERE key = 'budget'"
sql "UPDATE deal SET stage = '**won**' || char(10) || '# Stage', currency = '<i>CNY</i>', value = '12.5' WHERE handle = 'his'"
sql "UPDATE answer SET evidence = 'line one' || char(10) || '### 2. Can we compete? **pass**' || char(127) || char(8) || ' rtl:' || char(8238) || 'evil' || char(8233) || 'next' || char(133) || 'nel' WHERE evidence = 'plain'"

run report 0 kam-gate report acme/his
expect_out report gate-report-escape.md
grep '^#' "$T/report.out" >"$T/headings.out"
expect_text headings "# HIS \\#\\# Verdict: pursue  \\*\\*Pursue: every gate passes.\\*\\* \\#\\# Red flags  None found.  \\# Fake (acme/his): drop
## Investment
## Since the last review
## The gates
### 1. Is it a real opportunity? **fail** (score 0.00)
### 2. Can we compete? **not-reached**
### 3. Can we win? **not-reached**
### 4. Is it worth winning? **not-reached**
## The buying group
## Red flags
## Whom to check in with
## Plan
## Open questions
## How the verdict moved"
if grep -q "$esc" "$T/report.out"; then fail "report: a raw ESC byte"; fi
if grep -qi '<script' "$T/report.out"; then fail "report: raw <script>"; fi
if grep -q "$(printf '\177')" "$T/report.out"; then fail "report: a raw DEL byte"; fi
if grep -q "$(printf '\342\200\256')" "$T/report.out"; then fail "report: a raw U+202E"; fi

# run's text: one line per name, no control characters.
run text 22 kam-gate -F table run acme/his --dry-run --exit-status
expect_out text gate-run-escape.table
if grep -q "$esc" "$T/text.out"; then fail "text: a raw ESC byte"; fi
# JSON keeps the text exactly, escaped as JSON.
run json 0 kam-gate -F json run acme/his --dry-run
sql "SELECT evidence FROM answer" >"$T/evidence"
expect_sql json-evidence "SELECT json_extract(readfile('$T/json.out'), '\$.gates[0].criteria[0].evidence') || char(10) =
  CAST(readfile('$T/evidence') AS TEXT)" 1

done_testing
