#!/bin/sh
# Benchmark of kam on large accounts (make bench): kam-org influence and
# check on 100,000 people, check and kam-gate report on a 4,000-person
# account whose hidden-influencer rule has people to rank, the stance
# timeline of 100,000 people, kam-map of a deal of a 12,500-person
# account, and what a write costs beside a read.  Each beside a baseline
# measured in the same run.
#
# usage: large.sh BUILDDIR SRCDIR WORKDIR
set -eu
B=$1
S=$2
W=$3
: "${N:=100000}"
: "${OBS:=500000}"
: "${MID:=4000}"
: "${MAPN:=12500}"
: "${SQLITE3:=sqlite3}"
KO="$B/src/kam-org"
KS="$B/src/kam-stance"
KG="$B/src/kam-gate"
KM="$B/src/kam-map"
mkdir -p "$W"
W=$(cd "$W" && pwd)
export KAM_USER=bench KAM_NOW=2026-03-02T09:00:00Z KAM_DB="$W/kam.db"
unset KAM_ACCOUNT OMP_NUM_THREADS

# run3 CMD...: three runs of CMD (stdout discarded, exit status
# ignored: check exits 1 when it finds something); sets $wall to the
# best wall-clock time and $cpu to the least user + system time, in ms.
run3() {
  wall= cpu=
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$W/time" "$@" >/dev/null 2>&1 || true
    t=$(awk 'END { printf "%d", $1 * 1000 }' "$W/time")
    c=$(awk 'END { printf "%d", ($2 + $3) * 1000 }' "$W/time")
    if [ -z "$wall" ] || [ "$t" -lt "$wall" ]; then wall=$t; fi
    if [ -z "$cpu" ] || [ "$c" -lt "$cpu" ]; then cpu=$c; fi
  done
}

# rss CMD...: peak resident memory of CMD in KiB.
rss() {
  /usr/bin/time -f %M -o "$W/rss" "$@" >/dev/null 2>&1 || true
  tail -1 "$W/rss"
}

# people N PREFIX LEVELS: N people, ten reports a manager; LEVELS
# "tree" gives each the depth of the tree (the usual pyramid), "spread"
# levels 1 to 5 in turn (most people then sit below the median level).
people() {
  awk -v n="$1" -v pre="$2" -v how="$3" 'BEGIN {
    print "handle,name,title,dept,level,reports_to"
    for (i = 1; i <= n; i++) {
      if (i == 1) { lv[i] = 1; boss = "" }
      else { m = int((i - 2) / 10) + 1; lv[i] = lv[m] + 1; boss = sprintf("%s%05d", pre, m) }
      level = how == "tree" ? lv[i] : i % 5 + 1
      printf "%s%05d,Person %d 员工,Title %d,dept %d,%d,%s\n", pre, i, i, lv[i], i % 50, level, boss
    }
  }'
}
# links N PREFIX PER SEED: PER links a person to someone random, of each
# kind in turn, strengths 1 to 3 (the generator of tests/bench/map.sh
# with PER 1).
links() {
  awk -v n="$1" -v pre="$2" -v per="$3" -v seed="$4" 'BEGIN {
    srand(seed)
    split("influences advises allies rivals", kind, " ")
    print "from,to,kind,strength"
    for (i = 1; i <= n; i++) for (r = 1; r <= per; r++) {
      j = int(rand() * n) + 1
      k = per == 1 ? i % 4 + 1 : (i + r) % 4 + 1
      if (j == i || (i, j, k) in seen) continue
      seen[i, j, k] = 1
      printf "%s%05d,%s%05d,%s,%d\n", pre, i, pre, j, kind[k], (per == 1 ? i : i + r) % 3 + 1
    }
  }'
}
group() { # group DEAL PREFIX
  "$KO" deal add "$1" --name ERP
  "$KO" role "$1" "${2}00001" decision-maker --influence high --lead
  "$KO" role "$1" "${2}00012" technical --lead
  "$KO" role "$1" "${2}00013" business
  "$KO" role "$1" "${2}00014" finance
  "$KO" role "$1" "${2}00150" coach
}

people "$N" p tree >"$W/people.csv"
links "$N" p 1 20260302 >"$W/links.csv"
awk -v n="$OBS" -v people="$N" -f "$S/tests/bench/gen-stance.awk" >"$W/stances.csv"
people "$MID" q spread >"$W/mid.csv"
links "$MID" q 3 7 >"$W/mid-links.csv"
rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
{
  "$KO" init
  "$KO" account add big --name 'Big 公司'
  "$KO" import big "$W/people.csv"
  "$KO" import big "$W/links.csv"
  group big/erp p
  "$KS" import "$W/stances.csv"
  "$KO" account add mid --name Mid
  "$KO" import mid "$W/mid.csv"
  "$KO" import mid "$W/mid-links.csv"
  group mid/erp q
  "$KO" deal add mid/crm --name CRM
} >/dev/null
q() { "$SQLITE3" "$KAM_DB" "$1"; }
big_links=$(q "SELECT count(*) FROM link l JOIN person p ON p.id = l.from_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'big'")
mid_links=$(q "SELECT count(*) FROM link l JOIN person p ON p.id = l.from_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'mid'")
obs=$(q "SELECT count(*) FROM observation")
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# 100,000 people.
run3 "$KO" influence big
w_inf=$wall c_inf=$cpu
m_inf=$(rss "$KO" influence big)
run3 "$KO" check big
w_check=$wall c_check=$cpu
run3 "$KO" check big/erp
w_checkd=$wall c_checkd=$cpu
run3 "$KO" -F tsv person list big
w_list=$wall c_list=$cpu

# 4,000 people, levels spread: check ranks the account by PageRank.
run3 "$KO" check mid
w_mcheck=$wall c_mcheck=$cpu
flags=$("$KO" -F tsv check mid | grep -c '^hidden-influencer' || true)
run3 "$KO" check mid/erp
w_mcheckd=$wall c_mcheckd=$cpu
run3 "$KG" report mid/erp
w_report=$wall c_report=$cpu
run3 "$KO" influence mid
w_minf=$wall c_minf=$cpu
run3 "$KO" -F tsv person list mid
w_mlist=$wall c_mlist=$cpu

# The timeline of 100,000 people over twelve months.
run3 "$KS" -F tsv timeline big
w_tl=$wall c_tl=$cpu
m_tl=$(rss "$KS" -F tsv timeline big)
tl_rows=$("$KS" -F tsv timeline big | sed 1d | wc -l)
run3 "$KS" -F tsv show big
w_show=$wall c_show=$cpu
run3 "$SQLITE3" "$KAM_DB" "SELECT o.* FROM observation o JOIN person p ON p.id = o.person_id JOIN account a ON a.id = p.account_id WHERE a.handle = 'big'"
w_sqlobs=$wall c_sqlobs=$cpu

# A write beside a read of the same person: what committing costs,
# checkpoint included (kam(7), THE STORE).
run3 "$KS" set big/p00002 support --on 2026-03-01
w_set=$wall c_set=$cpu
run3 "$KS" show big/p00002
w_get=$wall c_get=$cpu

# kam-map of a deal of a 12,500-person account (DOT): the account of
# tests/bench/map.sh at that size, in a store of its own.
export KAM_DB="$W/map.db"
rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
people "$MAPN" p tree >"$W/map.csv"
links "$MAPN" p 1 20260302 >"$W/map-links.csv"
awk -v n=$((MAPN * 5)) -v people="$MAPN" -f "$S/tests/bench/gen-stance.awk" >"$W/map-stances.csv"
{
  "$KO" init
  "$KO" account add big --name 'Big 公司'
  "$KO" import big "$W/map.csv"
  "$KO" import big "$W/map-links.csv"
  group big/erp p
  "$KS" import "$W/map-stances.csv"
} >/dev/null
run3 "$KM" big/erp
w_map=$wall c_map=$cpu
m_map=$(rss "$KM" big/erp)
map_bytes=$("$KM" big/erp | wc -c)
run3 "$KO" -F tsv person list big
w_maplist=$wall c_maplist=$cpu

verdict() { # verdict VALUE LIMIT
  if [ "$1" -lt "$2" ]; then echo PASS; else echo MISS; fi
}

cat <<MD
## Large accounts

\`big\`: $N people (ten reports a manager), $big_links informal links
(one a person), a buying group of five and $obs stance observations;
\`mid\`: $MID people whose levels run 1 to 5 in turn, so that most sit
below the median level and the hidden-influencer rule has people to
rank, with $mid_links links (three a person) and two deals; and an
account of $MAPN people like \`big\`, with $((MAPN * 5)) observations, for
kam-map.  $(uname -m), $(nproc) cores, load average $load at the start.
Wall-clock time is the best of three runs of one process, CPU time
(user + system) the least of three: the targets are on CPU time, which
the other load of this shared machine disturbs less.

| run | wall ms | CPU ms | peak memory |
| --- | ---: | ---: | ---: |
| \`kam-org influence big\` ($N people: PageRank and brokerage) | $w_inf | $c_inf | $m_inf KiB |
| \`kam-org check big\` | $w_check | $c_check | |
| \`kam-org check big/erp\` | $w_checkd | $c_checkd | |
| baseline: \`kam-org -F tsv person list big\` | $w_list | $c_list | |
| \`kam-org check mid\` ($flags hidden-influencer flags) | $w_mcheck | $c_mcheck | |
| \`kam-org check mid/erp\` | $w_mcheckd | $c_mcheckd | |
| \`kam-gate report mid/erp\` | $w_report | $c_report | |
| \`kam-org influence mid\` (brokerage over three links a person) | $w_minf | $c_minf | |
| baseline: \`kam-org -F tsv person list mid\` | $w_mlist | $c_mlist | |
| \`kam-stance -F tsv timeline big\` ($tl_rows rows: twelve months) | $w_tl | $c_tl | $m_tl KiB |
| baseline: \`kam-stance -F tsv show big\` (one day) | $w_show | $c_show | |
| baseline: \`sqlite3\` printing the account's observations | $w_sqlobs | $c_sqlobs | |
| \`kam-map big/erp\` ($MAPN people, DOT of $map_bytes bytes) | $w_map | $c_map | $m_map KiB |
| baseline: \`kam-org -F tsv person list big\` ($MAPN people) | $w_maplist | $c_maplist | |
| \`kam-stance set\` (one observation written, checkpoint included) | $w_set | $c_set | |
| baseline: \`kam-stance show\` of the same person (read only) | $w_get | $c_get | |

| target | CPU | verdict |
| --- | ---: | --- |
| \`influence\` on $N people < 1000 ms | $c_inf ms | $(verdict "$c_inf" 1000) |
| \`check ACCOUNT\` on $N people < 500 ms | $c_check ms | $(verdict "$c_check" 500) |
| \`check ACCOUNT\` on $MID people < 100 ms | $c_mcheck ms | $(verdict "$c_mcheck" 100) |
| \`check DEAL\` on $MID people < 100 ms | $c_mcheckd ms | $(verdict "$c_mcheckd" 100) |
| \`kam-gate report\` on $MID people < 100 ms | $c_report ms | $(verdict "$c_report" 100) |
| \`timeline\` of $N people < 1000 ms | $c_tl ms | $(verdict "$c_tl" 1000) |
| \`kam-map\` of a deal of $MAPN people < 1000 ms | $c_map ms | $(verdict "$c_map" 1000) |
MD
