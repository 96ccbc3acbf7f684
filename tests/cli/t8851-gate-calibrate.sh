#!/bin/sh
# kam-gate calibrate: what the last run recorded N days (default 30)
# before each close said, against what happened.  Nine deals of one
# account whose group backs us, every criterion yes but where said, run
# on known days (KAM_NOW dates each run), eight of them closed on
# 1 March 2026 (30 days before is 30 January):
#
#   deal  runs recorded (verdict, win likelihood)               outcome
#   w1    20 Jan (pursue 1.00)                                  won
#   w2    30 Jan (pursue-limited 0.57: differentiation and      won
#         price no, 4 of 7), 19 Feb (pursue 1.00)
#   l1    1 Jan (pursue 0.93: price partly), 9 Feb (qualify:    lost
#         budget unknown), 24 Feb (drop: side-effects no)
#   l2    15 Jan (drop: side-effects no, 1.00)                  lost
#   a1    25 Jan (pursue 1.00)                                  abandoned
#   x1    31 Jan (pursue): 29 days before, too late             lost
#   q1    10 Jan (qualify: budget unknown, 1.00)                won
#   nr    never run                                             lost
#   op    10 Jan, still open: not calibrated
#
# Hits: pursue w1 yes, l1 no, a1 no (1 of 3); pursue-limited w2 yes (1 of
# 1); qualify q1 (no hit defined); drop l2 yes (1 of 1).  w2's run of
# exactly 30 days before counts (the boundary); x1 and nr are left out
# and counted (2).  Brier over the won and lost deals with a likelihood
# (a1 abandoned is left out): w1 (1.00 - 1)^2 = 0, w2 (0.57 - 1)^2 =
# 0.1849, l1 (0.93 - 0)^2 = 0.8649, l2 (1.00 - 0)^2 = 1, q1 (1.00 - 1)^2
# = 0; 2.0498 / 5 = 0.40996, shown 0.410.  The share won is 3 of 5, 0.60;
# always saying 0.60 scores 0.6 x 0.4 = 0.240.  The verdict turned: w2
# on 19 Feb (10 days before), l1 on 24 Feb (5), the others at their
# first run: a1 35, l2 45, q1 50, w1 40, x1 29; the median of 5, 10, 29,
# 35, 40, 45, 50 is 35.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_NOW=2026-01-01T08:00:00Z
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/ceo --name CEO --level 1
  kam-org person add acme/cto --name CTO --level 2
  kam-stance set acme/ceo support --on 2026-01-01
  kam-stance set acme/cto support --on 2026-01-01
} >/dev/null
# deal D NAME [KEY=ANSWER...]: every criterion yes but those given.
deal() {
  d=$1 n=$2
  shift 2
  kam-org deal add "acme/$d" --name "$n" --value 100000 --currency CNY
  kam-org role "acme/$d" acme/ceo decision-maker --influence high --on 2026-01-01
  kam-org role "acme/$d" acme/cto technical --influence high --on 2026-01-01
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer "acme/$d" $k yes --on 2026-01-01
  done
  for kv in "$@"; do
    kam-gate answer "acme/$d" "${kv%%=*}" "${kv#*=}" --on 2026-01-01
  done
}
# at DAY DEAL [KEY=ANSWER...]: answers of that day, then a run recorded
# that day.
at() {
  day=$1 d=$2
  shift 2
  for kv in "$@"; do
    KAM_NOW=${day}T09:00:00Z kam-gate answer "acme/$d" "${kv%%=*}" "${kv#*=}" --on "$day"
  done
  KAM_NOW=${day}T10:00:00Z kam-gate run "acme/$d"
}
close() { # DEAL won|lost|abandoned DAY
  KAM_NOW=${3}T12:00:00Z kam-org deal close "acme/$1" "--$2" --on "$3"
}
{
  deal w1 'Won 1'
  deal w2 'Won 2' differentiation=no price=no
  deal l1 'Lost 1' price=partly
  deal l2 'Lost 2' side-effects=no
  deal a1 'Abandoned 1'
  deal x1 'Late 1'
  deal q1 'Qualify 1' budget=unknown
  deal nr 'Never run'
  deal op 'Still open'
  at 2026-01-20 w1
  close w1 won 2026-03-01
  at 2026-01-30 w2
  at 2026-02-19 w2 differentiation=yes price=yes
  close w2 won 2026-03-01
  at 2026-01-01 l1
  at 2026-02-09 l1 budget=unknown
  at 2026-02-24 l1 side-effects=no
  close l1 lost 2026-03-01
  at 2026-01-15 l2
  close l2 lost 2026-03-01
  at 2026-01-25 a1
  close a1 abandoned 2026-03-01
  at 2026-01-31 x1
  close x1 lost 2026-03-01
  at 2026-01-10 q1
  close q1 won 2026-03-01
  close nr lost 2026-03-01
  at 2026-01-10 op
} >/dev/null
# The runs are what the table above says.
expect_sql runs "SELECT group_concat(x, ' ') FROM (SELECT d.handle || ':' || substr(r.recorded, 1, 10) || ':' || r.verdict || ':' ||
  coalesce(json_extract(r.snapshot, '\$.investment.win_likelihood'), '-') AS x
  FROM gate_run r JOIN deal d ON d.id = r.deal_id ORDER BY d.handle, r.number) AS runs" \
  "a1:2026-01-25:pursue:1.0 l1:2026-01-01:pursue:0.93 l1:2026-02-09:qualify:0.93 l1:2026-02-24:drop:0.93 l2:2026-01-15:drop:1.0 op:2026-01-10:pursue:1.0 q1:2026-01-10:qualify:1.0 w1:2026-01-20:pursue:1.0 w2:2026-01-30:pursue-limited:0.57 w2:2026-02-19:pursue:1.0 x1:2026-01-31:pursue:1.0"

KAM_NOW=2026-03-10T09:00:00Z
snapshot
run table 0 kam-gate -F table calibrate
expect_out table calibrate.table
run md 0 kam-gate -F md calibrate
expect_out md calibrate.md
run tsv 0 kam-gate -F tsv calibrate
expect_out tsv calibrate.tsv
run json 0 kam-gate -F json calibrate
expect_out json calibrate.json
run csv 0 kam-gate -F csv calibrate --days-before 30
expect_sql csv-same "SELECT count(*) FROM (SELECT 1) AS one" 1
# The same rows in CSV as in TSV.
tr '\t' ',' <"$T/tsv.out" >"$T/tsv-as-csv.out"
count=$((count + 1))
cmp -s "$T/tsv-as-csv.out" "$T/csv.out" || fail "csv: not the TSV's rows"
# The JSON's numbers, checked apart from the layout.
expect_sql json-brier "SELECT json_extract(readfile('$T/json.out'), '\$.brier.score') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.brier.deals') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.brier.base_score') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.used') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.excluded') || ' ' ||
  json_extract(readfile('$T/json.out'), '\$.turned_median')" "0.41 5 0.24 6 2 35"
expect_sql json-hits "SELECT group_concat(json_extract(value, '\$.verdict') || '=' ||
  coalesce(json_extract(value, '\$.hits'), '-') || '/' || json_extract(value, '\$.deals'), ' ')
  FROM json_each(readfile('$T/json.out'), '\$.verdicts')" \
  "pursue=1/3 pursue-limited=1/1 qualify=-/1 drop=1/1"

# The boundary: 29 days before takes x1's run of 31 January in and
# still uses w2's of 30 January (the last on or before 31 January);
# 31 days before leaves w2 out (its first run is 30 days before).
run d29 0 kam-gate -F tsv calibrate --days-before 29
cut -f1,5,7 "$T/d29.out" | sed 1d | tr '\t\n' ': ' >"$T/d29c.out"; echo >>"$T/d29c.out"
expect_text d29c "acme/a1:1:pursue acme/l1:1:pursue acme/l2:1:drop acme/nr:: acme/q1:1:qualify acme/w1:1:pursue acme/w2:1:pursue-limited acme/x1:1:pursue "
run d31 0 kam-gate -F tsv calibrate --days-before 31
cut -f1,5,7 "$T/d31.out" | sed 1d | tr '\t\n' ': ' >"$T/d31c.out"; echo >>"$T/d31c.out"
expect_text d31c "acme/a1:1:pursue acme/l1:1:pursue acme/l2:1:drop acme/nr:: acme/q1:1:qualify acme/w1:1:pursue acme/w2:: acme/x1:: "
# 10 days before: w2's later run (19 February) is the one used, l1's of
# 9 February (qualify); 0 days: the run of the close day or before.
run d10 0 kam-gate -F json calibrate --days-before 10
expect_sql d10 "SELECT group_concat(json_extract(value, '\$.deal') || '=' || coalesce(json_extract(value, '\$.verdict'), '-'), ' ')
  FROM json_each(readfile('$T/d10.out'), '\$.deals')" \
  "acme/a1=pursue acme/l1=qualify acme/l2=drop acme/nr=- acme/q1=qualify acme/w1=pursue acme/w2=pursue acme/x1=pursue"
run d0 0 kam-gate -F json calibrate --days-before 0
expect_sql d0 "SELECT json_extract(readfile('$T/d0.out'), '\$.verdicts[3].deals') || ' ' ||
  json_extract(readfile('$T/d0.out'), '\$.excluded')" "2 1"

# Bad input: the message, the usage code, nothing written.
for bad in -1 x 1.5 36501 ''; do
  run "bad$bad" 3 kam-gate calibrate --days-before "$bad"
  expect_err "bad$bad" "kam-gate: invalid number of days '$bad' for --days-before (use a whole number from 0 to 36500)"
done
run extra 2 kam-gate calibrate acme
head -1 "$T/extra.err" >"$T/e1" && mv "$T/e1" "$T/extra.err"
expect_err extra "kam-gate: unexpected 'acme'"
unchanged calibrate

# A store with no closed deal.
KAM_DB="$T/empty.db" kam-org init >/dev/null
run empty 0 env KAM_DB="$T/empty.db" kam-gate -F table calibrate
expect_out empty calibrate-empty.table

done_testing
