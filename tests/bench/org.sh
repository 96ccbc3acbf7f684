#!/bin/sh
# Benchmark of kam-org (make bench): importing 100,000 people with their
# reporting lines from CSV, against the sqlite3 shell doing the same
# work (.import of the same file into a table with a unique handle index
# in a WAL store; target within 1.5x) and, for scale, into a bare table;
# for comparison, the shell writing the rows kam stored into the same
# table and indexes; and queries on the resulting store, each run as one
# process.  Prints a Markdown section with the figures, the targets and
# PASS/MISS per target.
#
# usage: org.sh BUILDDIR SRCDIR WORKDIR
set -eu
B=$1
W=$3
: "${SQLITE3:=sqlite3}"
: "${N:=100000}"
KO="$B/src/kam-org"
mkdir -p "$W"
W=$(cd "$W" && pwd)
export KAM_USER=bench KAM_NOW=2026-03-02T09:00:00Z
unset KAM_ACCOUNT

# Milliseconds since the epoch.
ms() { date +%s%3N; }

# CPU milliseconds (user + system) of the shell's children, from the
# output of times in file $1 (times must run in this shell, not in a
# subshell, whose counts start at zero).
cpu_ms() {
  awk 'NR == 2 {
    t = 0
    for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
    printf "%d\n", t * 1000 }' "$1"
}

# best3 CMD...: runs CMD three times (its stdout discarded) and sets
# $wall and $cpu to the best wall-clock and CPU times, in ms; prints
# "wall / cpu".  $before, if set, runs untimed before each run.
best3() {
  wall= cpu=
  for _ in 1 2 3; do
    if [ -n "${before:-}" ]; then eval "$before"; fi
    times >"$W/times0"
    t0=$(ms)
    "$@" >/dev/null || true
    t1=$(ms)
    times >"$W/times1"
    t=$((t1 - t0)) c=$(($(cpu_ms "$W/times1") - $(cpu_ms "$W/times0")))
    if [ -z "$wall" ] || [ "$t" -lt "$wall" ]; then wall=$t; fi
    if [ -z "$cpu" ] || [ "$c" -lt "$cpu" ]; then cpu=$c; fi
  done
}

# N people in a balanced tree, ten reports a manager: person i reports
# to (i - 2) / 10 + 1.  Rows are shuffled, so most people come before
# their manager.
awk -v n="$N" 'BEGIN {
  srand(20260302)
  print "handle,name,title,dept,level,reports_to" > "/dev/stderr"
  for (i = 1; i <= n; i++) {
    if (i == 1) { lv[i] = 1; boss = "" }
    else { m = int((i - 2) / 10) + 1; lv[i] = lv[m] + 1; boss = "p" m }
    printf "%.9f\tp%d,Person %d,Title %d,dept %d,%d,%s\n", rand(), i, i,
      lv[i], i % 50, lv[i], boss
  }
}' 2>"$W/people.csv" | sort -t "$(printf '\t')" -k1,1 | cut -f2- >>"$W/people.csv"
rows=$(($(wc -l <"$W/people.csv") - 1))
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# Baseline: the sqlite3 shell's .import into a bare table.
before='rm -f "$W/bare.db"'
best3 "$SQLITE3" "$W/bare.db" ".mode csv" ".import '$W/people.csv' people"
t_sqlite=$wall t_sqlite_cpu=$cpu
bare_rows=$("$SQLITE3" "$W/bare.db" "SELECT count(*) FROM people")

# A second baseline, to show where the time goes: the same .import into
# a table with a unique handle index, as kam's person table has, in a
# WAL store, as kam's is.
before='rm -f "$W/wal.db" "$W/wal.db-wal" "$W/wal.db-shm"; "$SQLITE3" "$W/wal.db" "PRAGMA journal_mode = WAL" "CREATE TABLE people (handle TEXT, name TEXT, title TEXT, dept TEXT, level TEXT, reports_to TEXT)" "CREATE UNIQUE INDEX people_handle ON people (handle)" >/dev/null'
best3 "$SQLITE3" "$W/wal.db" ".import --csv --skip 1 '$W/people.csv' people"
t_wal=$wall t_wal_cpu=$cpu

# kam-org import into a fresh store with the account.
export KAM_DB="$W/kam.db"
before='rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"; "$KO" init >/dev/null; "$KO" account add big --name Big'
best3 "$KO" import big "$W/people.csv"
t_kam=$wall t_kam_cpu=$cpu
before=
kam_rows=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM person")
kam_lines=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM reporting_line_all")

# For comparison, not the target: the shell writing the rows kam stored
# (every column of the person table) into a copy of the same empty
# store, with its table, checks and indexes, in WAL mode, in one
# transaction.  .import makes an empty field '', not NULL, so it goes
# through a view whose trigger writes NULL for it.
"$SQLITE3" -csv -noheader "$KAM_DB" "SELECT * FROM person" >"$W/rows.csv"
cols=$("$SQLITE3" "$KAM_DB" "SELECT group_concat(name, ', ') FROM
  pragma_table_info('person')")
vals=$("$SQLITE3" "$KAM_DB" "SELECT group_concat('NULLIF(NEW.' || name ||
  ', '''')', ', ') FROM pragma_table_info('person')")
rm -f "$W/empty.db"*
KAM_DB="$W/empty.db" "$KO" init >/dev/null
KAM_DB="$W/empty.db" "$KO" account add big --name Big >/dev/null
"$SQLITE3" "$W/empty.db" "CREATE VIEW person_in AS SELECT $cols FROM person" \
  "CREATE TRIGGER person_in INSTEAD OF INSERT ON person_in BEGIN
     INSERT INTO person ($cols) VALUES ($vals); END" \
  "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before='rm -f "$W/same.db" "$W/same.db-wal" "$W/same.db-shm"; cp "$W/empty.db" "$W/same.db"'
best3 "$SQLITE3" "$W/same.db" "BEGIN" ".import --csv '$W/rows.csv' person_in" "COMMIT"
t_rows=$wall t_rows_cpu=$cpu
before=
n_rows=$("$SQLITE3" "$W/same.db" "SELECT count(*) FROM person")
n_rows_mgr=$("$SQLITE3" "$W/same.db" "SELECT count(*) FROM person WHERE
  manager_id IS NOT NULL")

# A week later: the same export with 1% of the rows changed (every
# hundredth person has a new title, and every thousandth a new manager),
# imported with --update into a copy of that store; and the same file
# again, which changes nothing.
"$SQLITE3" "$KAM_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$KAM_DB" "$W/base.db"
awk -F, 'NR > 1 { split($1, h, "p"); i = h[2] + 0
  if (i % 100 == 0) $3 = $3 " (acting)"
  if (i % 1000 == 0 && i > 1) $6 = "p1" }
  { print }' OFS=, "$W/people.csv" >"$W/people-1pct.csv"
changed_rows=$(awk -F, 'NR > 1 && $1 ~ /00$/' "$W/people.csv" | wc -l)
export KAM_DB="$W/upd.db"
before='rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"; cp "$W/base.db" "$KAM_DB"'
best3 "$KO" import big "$W/people-1pct.csv" --update
t_upd=$wall t_upd_cpu=$cpu
eval "$before"
upd_summary=$("$KO" import big "$W/people-1pct.csv" --update)
upd_history=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM person_history")
best3 "$KO" import big "$W/people.csv" --update
t_same=$wall t_same_cpu=$cpu
eval "$before"
same_summary=$("$KO" import big "$W/people.csv" --update)
before=
export KAM_DB="$W/kam.db"

# A deal with a buying group, for roles and check.
"$KO" deal add big/erp --name ERP >/dev/null
"$KO" role big/erp p1 decision-maker --influence high >/dev/null
"$KO" role big/erp p12 technical --lead >/dev/null
"$KO" role big/erp p13 business >/dev/null
"$KO" role big/erp p14 finance >/dev/null
"$KO" role big/erp p150 coach >/dev/null

# Baselines: the timing itself, starting kam-org, and the sqlite3 shell
# printing every person (the floor for listing 100,000 people).
best3 true
b_true=$wall b_true_cpu=$cpu
best3 "$KO" -V
b_version=$wall b_version_cpu=$cpu
best3 "$SQLITE3" "$KAM_DB" "SELECT * FROM person"
b_select=$wall b_select_cpu=$cpu
best3 "$KO" person show "big/p$((N / 2 + 17))"
q_show=$wall q_show_cpu=$cpu
best3 "$KO" roles big/erp
q_roles=$wall q_roles_cpu=$cpu
best3 "$KO" check big/erp
q_check_deal=$wall q_check_deal_cpu=$cpu
best3 "$KO" log "big/p$((N / 2 + 17))"
q_log=$wall q_log_cpu=$cpu
best3 "$KO" account list
q_accounts=$wall q_accounts_cpu=$cpu
best3 "$KO" deal list big
q_deals=$wall q_deals_cpu=$cpu
best3 "$KO" person list big
q_list=$wall q_list_cpu=$cpu
before=
best3 "$KO" check big
q_check=$wall q_check_cpu=$cpu
best3 "$KO" tree big
q_tree=$wall q_tree_cpu=$cpu
best3 "$KO" export big
q_export=$wall q_export_cpu=$cpu

verdict() { # verdict VALUE LIMIT
  if [ "$1" -lt "$2" ]; then echo PASS; else echo MISS; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b ? a / b : 0 }'; }
# The target: within 1.5 times the shell doing the same work.
limit=$((3 * t_wal / 2))
row() { # row COMMAND NOTE WALL CPU
  printf '| `%s`%s < 50 ms | %s | %s | %s |\n' "$1" "$2" "$3" "$4" \
    "$(verdict "$3" 50)"
}
queries=$(
  row "person show" "" "$q_show" "$q_show_cpu"
  row "roles" "" "$q_roles" "$q_roles_cpu"
  row "check DEAL" "" "$q_check_deal" "$q_check_deal_cpu"
  row "log" "" "$q_log" "$q_log_cpu"
  row "account list" "" "$q_accounts" "$q_accounts_cpu"
  row "deal list" "" "$q_deals" "$q_deals_cpu"
  row "check ACCOUNT" " ($rows people)" "$q_check" "$q_check_cpu"
  row "person list" " ($rows rows out)" "$q_list" "$q_list_cpu"
  row "tree" " ($rows lines out)" "$q_tree" "$q_tree_cpu"
  row "export" " ($rows rows out)" "$q_export" "$q_export_cpu"
)

cat <<MD
## kam-org

$rows people with reporting lines (a balanced tree, ten reports a
manager, rows shuffled), $(uname -m), $(nproc) cores, load average
$load at the start.  Each figure is the best of three runs of one
process: wall-clock time (what the targets are about) and CPU time
(user + system, which other load on the machine disturbs less), in ms.

| import | wall | CPU | rows |
| --- | ---: | ---: | ---: |
| \`sqlite3\` shell \`.import\` into a bare table | $t_sqlite | $t_sqlite_cpu | $bare_rows |
| the same into a table with a unique handle index, in a WAL store | $t_wal | $t_wal_cpu | $bare_rows |
| the shell writing the rows kam stores into the same table and indexes (for comparison) | $t_rows | $t_rows_cpu | $n_rows people, $n_rows_mgr with a manager |
| \`kam-org import\` (people with their creation record and reporting lines) | $t_kam | $t_kam_cpu | $kam_rows people, $kam_lines lines |
| \`kam-org import --update\` of the same people, $changed_rows rows (1%) changed | $t_upd | $t_upd_cpu | $upd_summary; $upd_history history rows |
| \`kam-org import --update\` of the same file again | $t_same | $t_same_cpu | $same_summary |

| baseline | wall | CPU |
| --- | ---: | ---: |
| timing harness (\`true\`) | $b_true | $b_true_cpu |
| \`kam-org -V\` (start a process, no store) | $b_version | $b_version_cpu |
| \`sqlite3\` shell printing every person | $b_select | $b_select_cpu |

| target | wall | CPU | verdict |
| --- | ---: | ---: | --- |
| import < 1.5 x the shell doing the same work (the indexed WAL \`.import\`, $limit ms) | $t_kam ($(ratio "$t_kam" "$t_wal") x) | $t_kam_cpu ($(ratio "$t_kam_cpu" "$t_wal_cpu") x) | $(verdict "$t_kam" "$limit") |
| (import against the shell writing the rows kam stores, for comparison) | $t_kam ($(ratio "$t_kam" "$t_rows") x) | $t_kam_cpu ($(ratio "$t_kam_cpu" "$t_rows_cpu") x) | |
| (import against a bare \`.import\`, for scale) | $t_kam ($(ratio "$t_kam" "$t_sqlite") x) | $t_kam_cpu ($(ratio "$t_kam_cpu" "$t_sqlite_cpu") x) | |
| \`--update\` re-import, 1% changed < 2 x the import ($((2 * t_kam)) ms) | $t_upd ($(ratio "$t_upd" "$t_kam") x) | $t_upd_cpu ($(ratio "$t_upd_cpu" "$t_kam_cpu") x) | $(verdict "$t_upd" "$((2 * t_kam))") |
$queries

MD
