#!/bin/sh
# Benchmark of kam-org influence (make bench): the ranking of the
# 10,000-person account of the kam-map benchmark with its informal links
# (one a person), and kam-org check on it, which computes influence for
# its hidden-influencer flags; then the same people with three links
# each, to show how brokerage grows with the links.  Peak memory is the
# maximum resident set size.
#
# usage: influence.sh BUILDDIR SRCDIR WORKDIR
set -eu
B=$1
W=$3
: "${N:=10000}"
: "${SQLITE3:=sqlite3}"
KO="$B/src/kam-org"
mkdir -p "$W"
W=$(cd "$W" && pwd)
export KAM_USER=bench KAM_NOW=2026-03-02T09:00:00Z KAM_DB="$W/kam.db"
unset KAM_ACCOUNT

ms() { date +%s%3N; }

# best5 CMD...: the best of five wall-clock times of CMD in ms (its exit
# status ignored: check exits 1 when it finds something).
best5() {
  best=
  for _ in 1 2 3 4 5; do
    t0=$(ms)
    "$@" >/dev/null || true
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

# cpu CMD...: the least user + system CPU time of three runs of CMD,
# in ms.
cpu() {
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1
  done | awk '{ t = ($1 + $2) * 1000; if (NR == 1 || t < best) best = t }
    END { printf "%d\n", best }'
}

# The account of tests/bench/map.sh: N people, ten reports a manager,
# one informal link per person to someone random, of each kind in turn.
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
# Three links a person.
awk -v n="$N" 'BEGIN {
  srand(7)
  split("influences advises allies rivals", kind, " ")
  print "from,to,kind,strength"
  for (i = 1; i <= n; i++) for (r = 1; r <= 3; r++) {
    j = int(rand() * n) + 1
    k = (i + r) % 4 + 1
    if (j == i || (i, j, k) in seen) continue
    seen[i, j, k] = 1
    printf "p%05d,p%05d,%s,%d\n", i, j, kind[k], (i + r) % 3 + 1
  }
}' >"$W/links3.csv"

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
  "$KO" account add dense --name Dense
  "$KO" import dense "$W/people.csv"
  "$KO" import dense "$W/links3.csv"
} >/dev/null
people=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM person p JOIN account a ON a.id = p.account_id WHERE a.handle = 'big'")
links=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM link l JOIN person p ON p.id = l.from_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'big'")
links3=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM link l JOIN person p ON p.id = l.from_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'dense'")
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

t_inf=$(best5 "$KO" influence big)
c_inf=$(cpu "$KO" influence big)
m_inf=$(rss "$KO" influence big)
rows=$("$KO" influence big | sed 1d | wc -l)
t_deal=$(best5 "$KO" influence big --deal erp)
t_check=$(best5 "$KO" check big/erp)
c_check=$(cpu "$KO" check big/erp)
t_checka=$(best5 "$KO" check big)
c_checka=$(cpu "$KO" check big)
# Baseline: the same people listed, one query, no computation.
t_list=$(best5 "$KO" person list big)
# Three links a person: one run, as brokerage takes long; its wall and
# CPU times.
set -- $(/usr/bin/time -f '%e %U %S' "$KO" influence dense 2>&1 >/dev/null | tail -1)
t_dense=$(awk -v w="$1" 'BEGIN { printf "%d\n", w * 1000 }')
c_dense=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%d\n", (u + s) * 1000 }')
t_dcheck=$(best5 "$KO" check dense)

verdict() { # verdict VALUE LIMIT
  if [ "$1" -lt "$2" ]; then echo PASS; else echo MISS; fi
}

cat <<MD
## kam-org influence

$people people (ten reports a manager) with $links informal links, the
account of the kam-map benchmark, and a buying group of five; $(uname -m),
$(nproc) cores, load average $load at the start.  Wall-clock times are
the best of five runs, each one process; CPU time (user + system) the
least of three, which other load on the machine disturbs less: the
targets are on CPU time, as this machine is shared.

| run | wall ms | CPU ms | peak memory |
| --- | ---: | ---: | ---: |
| \`kam-org influence big\` ($rows rows: PageRank and brokerage) | $t_inf | $c_inf | $m_inf KiB |
| \`kam-org influence big --deal erp\` | $t_deal | | |
| \`kam-org check big/erp\` (PageRank for the hidden-influencer flag) | $t_check | $c_check | |
| \`kam-org check big\` (every deal, every rank flag) | $t_checka | $c_checka | |
| baseline: \`kam-org person list big\` (the same people, no computation) | $t_list | | |
| \`kam-org influence dense\` ($links3 links, three a person; one run) | $t_dense | $c_dense | |
| \`kam-org check dense\` ($links3 links) | $t_dcheck | | |

| target | CPU | verdict |
| --- | --- | --- |
| \`influence\` on $people people and $links links < 500 ms | $c_inf ms | $(verdict "$c_inf" 500) |
| \`check DEAL\` on the same < 100 ms | $c_check ms | $(verdict "$c_check" 100) |
MD
