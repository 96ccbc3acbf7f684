#!/bin/sh
# Benchmark of kam-gate (make bench): "run", "plan" and a what-if on a
# deal of a store with 10,000 people and 1,000,000 stance observations,
# whole process, against baselines measured in the same run (starting a
# kam command that opens the store, and the sqlite3 shell counting the
# observations of the buying group); "list" and "portfolio" over
# 1,000 deals that each have a stored run (and, for portfolio, a value
# and a buying group of eight); and "calibrate" once those deals are
# closed, each with three runs.
# Prints a Markdown section with the figures, the targets and PASS/MISS.
#
# usage: gate.sh BUILDDIR SRCDIR WORKDIR
set -eu
B=$1
S=$2
W=$3
: "${SQLITE3:=sqlite3}"
: "${N:=1000000}"
: "${PEOPLE:=10000}"
: "${DEALS:=1000}"
KO="$B/src/kam-org"
KS="$B/src/kam-stance"
KG="$B/src/kam-gate"
mkdir -p "$W"
W=$(cd "$W" && pwd)
export KAM_USER=bench KAM_NOW=2026-03-02T09:00:00Z KAM_DB="$W/kam.db"
unset KAM_ACCOUNT

# Milliseconds since the epoch.
ms() { date +%s%3N; }

# best5 CMD...: the best of five wall-clock times, in ms, of CMD; its
# stdout is discarded and its exit status ignored (verdicts are not 0).
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

# cpu20 CMD...: the CPU time (user + system) of CMD, in ms, averaged
# over twenty runs, from the shell's times (children's line); unlike wall
# time, it does not grow when the machine is busy.
# times must run in this shell, not in a command substitution's.
cpu_ms() {
  awk 'NR == 2 {
    n = split($0, f, /[ \t]+/); s = 0
    for (i = 1; i <= n; i++) {
      if (f[i] == "") continue
      split(f[i], p, "m"); sub(/s$/, "", p[2]); s += p[1] * 60 + p[2]
    }
    printf "%d\n", s * 1000
  }' "$1"
}
cpu20() {
  times >"$W/times0"
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    "$@" >/dev/null || true
  done
  times >"$W/times1"
  awk -v a="$(cpu_ms "$W/times0")" -v b="$(cpu_ms "$W/times1")" \
    'BEGIN { printf "%.1f\n", (b - a) / 20 }'
}

# The store: PEOPLE people of account "big", N observations from the
# stance benchmark's generator (random people, stances and days over five
# years), imported through kam-stance so the hash chain is real.
rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
"$KO" init >/dev/null
"$KO" account add big --name Big >/dev/null
awk -v n="$PEOPLE" 'BEGIN {
  print "handle,name,level"
  for (i = 1; i <= n; i++) printf "p%05d,Person %d,%d\n", i, i, 1 + i % 6
}' >"$W/people.csv"
"$KO" import big "$W/people.csv" >/dev/null
awk -v n="$N" -v people="$PEOPLE" -f "$S/tests/bench/gen-stance.awk" \
  >"$W/obs.csv"
t0=$(ms)
"$KS" import "$W/obs.csv" >/dev/null
t_import=$(($(ms) - t0))
nobs=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM observation")

# The deal: a buying group of twelve, stances toward two competitors too,
# every criterion answered but the three computed ones.
"$KO" competitor add rival1 --name 'Rival One' >/dev/null
"$KO" competitor add rival2 --name 'Rival Two' >/dev/null
"$KO" deal add big/erp --name ERP --value 2400000 --currency EUR --cost 150000 >/dev/null
i=0
for role in decision-maker technical business finance procurement user \
  coach influencer gatekeeper technical business user; do
  i=$((i + 1))
  p=$(printf 'big/p%05d' $((i * 701)))
  "$KO" role big/erp "$p" "$role" --influence \
    "$(echo high medium low | cut -d' ' -f$((i % 3 + 1)))" >/dev/null
  "$KS" set "$p" support --toward rival$((i % 2 + 1)) --on 2026-01-0$((i % 9 + 1)) >/dev/null
done
for k in need budget timeline fit gaps criteria-known resources position \
  differentiation price profit capital side-effects strategy importance; do
  "$KG" answer big/erp "$k" yes --on 2026-02-01
done
group_obs=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM observation o
  JOIN deal_role r ON r.person_id = o.person_id WHERE r.deal_id = 1")

verdict=$("$KG" run big/erp --dry-run -F csv | awk -F, 'NR == 2 { print $3 }')
t_run_dry=$(best5 "$KG" run big/erp --dry-run)
t_run=$(best5 "$KG" run big/erp -F json)
t_report=$(best5 "$KG" report big/erp)
t_plan=$(best5 "$KG" plan big/erp)
t_whatif=$(best5 "$KG" run big/erp --assume-stance big/p00701=support \
  --assume-answer price=+20)
# Baselines: a kam command that opens the store and reads one row, and
# the sqlite3 shell counting the group's observations.
t_base_kam=$(best5 "$KG" criteria --gate 1)
t_base_sql=$(best5 "$SQLITE3" "$KAM_DB" "SELECT count(*) FROM observation o
  JOIN deal_role r ON r.person_id = o.person_id WHERE r.deal_id = 1")
t_base_v=$(best5 "$KG" -V)
cpu20 "$KG" run big/erp --dry-run >"$W/c_run"
cpu20 "$KG" plan big/erp >"$W/c_plan"
cpu20 "$KG" criteria --gate 1 >"$W/c_base"
cpu20 "$KG" -V >"$W/c_v"
c_run_dry=$(cat "$W/c_run") c_base_kam=$(cat "$W/c_base") c_base_v=$(cat "$W/c_v")
c_plan=$(cat "$W/c_plan")

# DEALS deals in all, for list.
"$SQLITE3" "$KAM_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
  SELECT i + 1 FROM n WHERE i < $DEALS - 1)
  INSERT INTO deal (account_id, handle, name, created)
  SELECT 1, printf('d%04d', i), printf('Deal %d', i), '2026-03-02T09:00:00Z'
  FROM n"
ndeals=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM deal")
# Each new deal gets a stored run: a copy of the last run of big/erp
# (list reads the runs' verdicts, not their snapshots; storing them one
# process each would only measure process starts).
"$SQLITE3" "$KAM_DB" "INSERT INTO gate_run (deal_id, number, as_of, recorded,
  checked, actor, verdict, snapshot) SELECT d.id, 1, r.as_of, r.recorded,
  r.checked, r.actor, r.verdict, r.snapshot FROM deal d, gate_run r
  WHERE d.handle <> 'erp' AND r.id = (SELECT max(id) FROM gate_run)"
nruns=$("$SQLITE3" "$KAM_DB" "SELECT count(DISTINCT deal_id) FROM gate_run")
t_list=$(best5 "$KG" list)
t_list_acct=$(best5 "$KG" list big -F json)
t_base_list=$(best5 "$SQLITE3" "$KAM_DB" "SELECT d.handle, r.verdict
  FROM deal d LEFT JOIN gate_run r ON r.deal_id = d.id")

# The portfolio: each new deal gets a value and a buying group of eight
# of the account's people (every 1249th from a start of its own), whose
# stances and red flags portfolio reads today, deal by deal.
"$SQLITE3" "$KAM_DB" "UPDATE deal SET value = printf('%d', 100000 + id * 1000),
  currency = 'EUR' WHERE handle <> 'erp';
  WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 7)
  INSERT OR IGNORE INTO deal_role (deal_id, person_id, role, influence)
  SELECT d.id, (d.id * 7 + k.j * 1249) % $PEOPLE + 1,
  CASE k.j WHEN 0 THEN 'decision-maker' WHEN 1 THEN 'technical'
  WHEN 2 THEN 'business' WHEN 3 THEN 'finance' WHEN 4 THEN 'coach'
  ELSE 'user' END, CASE WHEN k.j < 2 THEN 'high' ELSE 'medium' END
  FROM deal d, k WHERE d.handle <> 'erp'"
pf_members=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM deal_role")
pf_rows=$("$KG" portfolio | sed 1d | wc -l)
t_pf=$(best5 "$KG" portfolio)
t_pf_svg=$(best5 "$KG" portfolio -T svg)
t_pf_md=$(best5 "$KG" portfolio -F md)

# Calibration: every deal but big/erp closed on 1 March 2026 (won, lost
# and abandoned in turn), each with two more runs recorded 59 and 10
# days before (copies of the run of big/erp, the verdicts varied), so
# that calibrate reads three runs a deal, their snapshots' criteria
# included.
"$SQLITE3" "$KAM_DB" "UPDATE deal SET status = CASE id % 3 WHEN 0 THEN 'won'
  WHEN 1 THEN 'lost' ELSE 'abandoned' END, closed_on = '2026-03-01'
  WHERE handle <> 'erp';
  INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, actor,
  verdict, snapshot) SELECT d.id, k.n, k.day, k.day || 'T09:00:00Z',
  k.day || 'T09:00:00Z', 'bench', CASE (d.id + k.n) % 4 WHEN 0 THEN 'pursue'
  WHEN 1 THEN 'pursue-limited' WHEN 2 THEN 'qualify' ELSE 'drop' END,
  r.snapshot FROM deal d, gate_run r,
  (SELECT 2 AS n, '2026-01-01' AS day UNION ALL SELECT 3, '2026-02-19') k
  WHERE d.handle <> 'erp' AND r.deal_id = d.id AND r.number = 1"
cal_deals=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM deal WHERE status <> 'open'")
cal_runs=$("$SQLITE3" "$KAM_DB" "SELECT count(*) FROM gate_run r JOIN deal d
  ON d.id = r.deal_id WHERE d.status <> 'open'")
t_cal=$(best5 "$KG" calibrate -F table)
t_cal_json=$(best5 "$KG" calibrate -F json)
cpu20 "$KG" calibrate -F table >"$W/c_cal"
c_cal=$(cat "$W/c_cal")
t_base_cal=$(best5 "$SQLITE3" "$KAM_DB" "SELECT count(*) FROM gate_run r,
  json_each(r.snapshot, '\$.gates') g, json_each(g.value, '\$.criteria') c
  WHERE json_extract(c.value, '\$.answer') = 'yes'")

verdict_of() { if [ "$1" -le "$2" ]; then echo PASS; else echo MISS; fi; }

cat <<EOF
## kam-gate

A store with $PEOPLE people and $nobs stance observations (imported with
kam-stance in $t_import ms), a deal whose buying group of 12 has
$group_obs observations and stances toward two competitors; verdict
\`$verdict\`.  Then $ndeals deals, $nruns of them with a stored run
(copies of the run of \`big/erp\`).

Wall time is the best of five runs; CPU time (user + system) the mean of
twenty, which does not grow with the load of the machine.

| what | ms | target | | CPU ms |
| --- | ---: | ---: | --- | ---: |
| \`kam-gate run DEAL --dry-run\` | $t_run_dry | 50 | $(verdict_of "$t_run_dry" 50) | $c_run_dry |
| \`kam-gate run DEAL -F json\` (stores the run; then checks it again) | $t_run | 50 | $(verdict_of "$t_run" 50) | |
| \`kam-gate plan DEAL\` | $t_plan | 50 | $(verdict_of "$t_plan" 50) | $c_plan |
| \`kam-gate run DEAL --assume-stance ... --assume-answer ...\` (judged twice) | $t_whatif | 50 | $(verdict_of "$t_whatif" 50) | |
| \`kam-gate report DEAL\` | $t_report | | | |
| baseline: \`kam-gate criteria --gate 1\` (open the store, one query) | $t_base_kam | | | $c_base_kam |
| baseline: \`kam-gate -V\` (start a process, no store) | $t_base_v | | | $c_base_v |
| baseline: \`sqlite3\` counting the group's observations | $t_base_sql | | | |
| \`kam-gate list\` over $ndeals deals | $t_list | 1000 | $(verdict_of "$t_list" 1000) | |
| \`kam-gate list big -F json\` | $t_list_acct | 1000 | $(verdict_of "$t_list_acct" 1000) | |
| baseline: \`sqlite3\` joining deals and runs | $t_base_list | | | |
| \`kam-gate portfolio\` over $pf_rows open deals ($pf_members buying roles: stances, stale members and red flags of each) | $t_pf | 2000 | $(verdict_of "$t_pf" 2000) | |
| \`kam-gate portfolio -T svg\` (the slide: laid out and rendered) | $t_pf_svg | 2000 | $(verdict_of "$t_pf_svg" 2000) | |
| \`kam-gate portfolio -F md\` | $t_pf_md | 2000 | $(verdict_of "$t_pf_md" 2000) | |
| \`kam-gate calibrate\` over $cal_deals closed deals ($cal_runs runs: verdicts, likelihoods and the criteria of each snapshot) | $t_cal | 500 | $(verdict_of "$t_cal" 500) | $c_cal |
| \`kam-gate calibrate -F json\` | $t_cal_json | 500 | $(verdict_of "$t_cal_json" 500) | |
| baseline: \`sqlite3\` counting the yes answers in every run's snapshot | $t_base_cal | | | |
EOF
