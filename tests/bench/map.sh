#!/bin/sh
# Benchmark of kam-map (make bench): the DOT of a 10,000-person account
# against the time dot(1) then takes to lay the same file out as SVG, and
# the neighbourhood of one person (--focus) on that store; then the
# influence map of the 71 lawyers of examples/lawfirm (892 advice ties)
# rendered to SVG in-process, beside dot(1) on the same DOT file.  Peak
# memory of each run shows that it follows the drawn graph, not the
# history.
#
# usage: map.sh BUILDDIR SRCDIR WORKDIR
set -eu
B=$1
W=$3
: "${N:=10000}"
: "${OBS:=50000}"
: "${DOT:=dot}"
KO="$B/src/kam-org"
KS="$B/src/kam-stance"
KM="$B/src/kam-map"
mkdir -p "$W"
W=$(cd "$W" && pwd)
export KAM_USER=bench KAM_NOW=2026-03-02T09:00:00Z KAM_DB="$W/kam.db"
unset KAM_ACCOUNT

ms() { date +%s%3N; }

# best5 CMD...: the best of five wall-clock times of CMD in ms.
best5() {
  best=
  for _ in 1 2 3 4 5; do
    t0=$(ms)
    "$@" >/dev/null
    t1=$(ms)
    t=$((t1 - t0))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

# rss CMD...: peak resident memory of CMD in KiB.
rss() {
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

# N people, ten reports a manager (levels follow), one informal link per
# person to someone random, a deal with a buying group of five, and OBS
# stance observations spread over the five years before 2026-03-02.
awk -v n="$N" 'BEGIN {
  print "handle,name,title,dept,level,reports_to"
  for (i = 1; i <= n; i++) {
    if (i == 1) { lv[i] = 1; boss = "" }
    else { m = int((i - 2) / 10) + 1; lv[i] = lv[m] + 1; boss = sprintf("p%05d", m) }
    printf "p%05d,Person %d 员工,Title %d,dept %d,%d,%s\n", i, i, lv[i], i % 50, lv[i], boss
  }
}' >"$W/people.csv"
awk -v n="$N" 'BEGIN {
  srand(20260302)
  split("influences advises allies rivals", kind, " ")
  print "from,to,kind,strength"
  for (i = 1; i <= n; i++) {
    j = int(rand() * n) + 1
    if (j == i) continue
    printf "p%05d,p%05d,%s,%d\n", i, j, kind[i % 4 + 1], i % 3 + 1
  }
}' >"$W/links.csv"
awk -v n="$OBS" -v people="$N" -f "$2/tests/bench/gen-stance.awk" >"$W/stances.csv"

rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
{
  "$KO" init
  "$KO" account add big --name 'Big 公司'
  "$KO" import big "$W/people.csv"
  "$KO" import big "$W/links.csv"
  "$KO" deal add big/erp --name ERP
  "$KO" role big/erp p00001 decision-maker --influence high --lead
  "$KO" role big/erp p00012 technical --lead
  "$KO" role big/erp p00013 business
  "$KO" role big/erp p00014 finance
  "$KO" role big/erp p00150 coach
  "$KS" import "$W/stances.csv"
} >/dev/null
people=$(sqlite3 "$KAM_DB" "SELECT count(*) FROM person")
links=$(sqlite3 "$KAM_DB" "SELECT count(*) FROM link")
obs=$(sqlite3 "$KAM_DB" "SELECT count(*) FROM observation")

# The whole account as DOT, then dot's own layout of that file.
t_dot=$(best5 "$KM" --since 2026-01-01 big)
"$KM" --since 2026-01-01 big >"$W/big.dot"
nodes=$(grep -c '^	*p[0-9]*	\[' "$W/big.dot" || true)
bytes=$(wc -c <"$W/big.dot")
m_dot=$(rss "$KM" --since 2026-01-01 big)
t0=$(ms)
if "$DOT" -Tsvg "$W/big.dot" >"$W/big.svg" 2>"$W/dot.err"; then
  layout_ok=yes
else
  layout_ok="no ($(head -1 "$W/dot.err"))"
fi
t1=$(ms)
t_layout=$((t1 - t0))
m_layout=$(rss "$DOT" -Tsvg "$W/big.dot")

# One person's neighbourhood (a middle manager: boss, ten reports, links).
t_focus=$(best5 "$KM" --focus p00123 --depth 2 big)
focus_nodes=$("$KM" --focus p00123 --depth 2 big | grep -c '^	*p[0-9]*	\[' || true)
m_focus=$(rss "$KM" --focus p00123 --depth 2 big)
t_focus_svg=$(best5 "$KM" -T svg --focus p00123 --depth 2 big)

# The law firm: its org chart and advice ties as examples/lawfirm.sh
# imports them, and its influence map: DOT, SVG in-process, and dot(1)
# (which follows the file's layout=neato) on the same DOT.
X="$2/examples/lawfirm"
export KAM_DB="$W/firm.db"
rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
awk -F, -f "$X/ranks.awk" "$X/lazega-people.csv" >"$W/firm-people.csv"
awk -F, 'NR == 1 { print "from,to,kind"; next }
  { printf "l%02d,l%02d,advises\n", $2, $1 }' "$X/lazega-advice.csv" >"$W/firm-links.csv"
{
  "$KO" init
  "$KO" account add sgr --name 'SG&R'
  "$KO" import sgr "$W/firm-people.csv"
  "$KO" import sgr "$W/firm-links.csv"
} >/dev/null
firm_links=$(sqlite3 "$KAM_DB" "SELECT count(*) FROM link")
"$KM" --view influence sgr >"$W/firm.dot"
firm_shown=$(grep -o '[0-9]* of [0-9]* links shown' "$W/firm.dot" || echo "all links shown")
t_firm_dot=$(best5 "$KM" --view influence sgr)
t_firm_svg=$(best5 "$KM" --view influence -T svg sgr)
m_firm_svg=$(rss "$KM" --view influence -T svg sgr)
t_firm_gv=$(best5 "$DOT" -Tsvg "$W/firm.dot")
m_firm_gv=$(rss "$DOT" -Tsvg "$W/firm.dot")
"$KM" --view influence --max-links all sgr >"$W/firm-all.dot"
t0=$(ms)
timeout 120 "$DOT" -Tsvg "$W/firm-all.dot" >/dev/null 2>&1 && all_ok=yes || all_ok="no (120 s)"
t1=$(ms)
t_firm_all=$((t1 - t0))
t_org_svg=$(best5 "$KM" --view org -T svg sgr)

verdict() { # verdict VALUE LIMIT
  if [ "$1" -lt "$2" ]; then echo PASS; else echo MISS; fi
}
tenth=$((t_layout / 10))
limit=$tenth
[ "$limit" -gt 500 ] && limit=500
pct=$(awk -v a="$t_dot" -v b="$t_layout" 'BEGIN { printf "%.1f", b ? 100 * a / b : 0 }')

cat <<MD
## kam-map

$people people (ten reports a manager, $links informal links, a buying
group of five), $obs stance observations over five years, $(uname -m),
$(nproc) cores; best of five runs, wall clock, each one process.
Peak memory is the maximum resident set size.

| run | ms | peak memory | drawn |
| --- | ---: | ---: | --- |
| \`kam-map --since 2026-01-01 big\` (DOT, all three dimensions) | $t_dot | $m_dot KiB | $nodes people, $bytes bytes |
| \`dot -Tsvg\` of that DOT file (layout and SVG; baseline, one run, layout ok: $layout_ok) | $t_layout | $m_layout KiB | |
| \`kam-map --focus p00123 --depth 2 big\` (DOT) | $t_focus | $m_focus KiB | $focus_nodes people |
| \`kam-map -T svg --focus p00123 --depth 2 big\` (layout in-process) | $t_focus_svg | | |

| target | measured | verdict |
| --- | --- | --- |
| DOT < 10% of \`dot -Tsvg\` ($tenth ms) and < 500 ms | $t_dot ms ($pct%) | $(verdict "$t_dot" "$limit") |
| \`--focus\` < 100 ms | $t_focus ms | $(verdict "$t_focus" 100) |
| memory follows the drawn graph | $m_focus KiB for $focus_nodes people, $m_dot KiB for $nodes | $(if [ "$m_focus" -lt "$m_dot" ]; then echo PASS; else echo MISS; fi) |

### The law firm of examples/lawfirm

71 lawyers, $firm_links advice ties (\`advises\` links); the influence
view draws the strongest three links per person ($firm_shown), laid out
by neato, as the DOT's \`layout\` attribute tells \`dot\` too.

| run | ms | peak memory |
| --- | ---: | ---: |
| \`kam-map --view influence sgr\` (DOT) | $t_firm_dot | |
| \`kam-map --view influence -T svg sgr\` (layout and SVG in-process) | $t_firm_svg | $m_firm_svg KiB |
| \`dot -Tsvg\` of that DOT file (baseline) | $t_firm_gv | $m_firm_gv KiB |
| \`dot -Tsvg\` of the DOT with every link (\`--max-links all\`; one run, done: $all_ok) | $t_firm_all | |
| \`kam-map --view org -T svg sgr\` (the compact org chart) | $t_org_svg | |

| target | measured | verdict |
| --- | --- | --- |
| the 71-person influence SVG < 2000 ms | $t_firm_svg ms | $(verdict "$t_firm_svg" 2000) |
MD
