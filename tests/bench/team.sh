#!/bin/sh
# The team store benchmark (make bench): kam-stance on PostgreSQL, on a
# throwaway cluster (tests/pg/cluster.sh), beside psql doing the same
# work in the same run: one kam-stance set beside one psql INSERT of the
# same row; the 1,000,000 observations of stance.sh imported beside
# psql's \copy of the rows kam stored into the same tables (the same
# indexes and triggers); show --as-of on that history.  Prints a
# Markdown section; without a PostgreSQL server, a section that says so
# (the rest of make bench runs on).
# Usage: team.sh BUILDDIR SRCDIR WORKDIR
set -u
build=$1 src=$2 work=$3
section() {
  echo "## The team store (PostgreSQL)"
  echo
}
if [ -z "${KAM_BENCH_IN_CLUSTER:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    section
    echo "Not measured in this run: no PostgreSQL server (the Debian"
    echo "packages postgresql-15 and postgresql-common)."
    exit 0
  fi
  KAM_BENCH_IN_CLUSTER=1 sh "$src/tests/pg/cluster.sh" sh "$0" "$@" \
    >"$work/cluster.log" 2>&1
  st=$?
  if [ "$st" != 0 ] || [ ! -s "$work/section.md" ]; then
    tail -n 30 "$work/cluster.log" >&2
    exit 1
  fi
  cat "$work/section.md"
  exit 0
fi

PSQL=${PSQL:-psql}
KS="$build/src/kam-stance"
KO="$build/src/kam-org"
cd "$work" || exit 1
exec 3>"$work/section.md"
unset KAM_NOW KAM_ACCOUNT KAM_DB
KAM_USER=tester
export KAM_USER

now_ms() { date +%s%3N; }
# url ROLE DATABASE: that role's URL of that database in the cluster.
url() {
  case $1 in
  postgres) printf '%s\n' "$KAM_TEST_PG_ADMIN" | sed "s|/postgres\$|/$2|" ;;
  *) printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|; s|/kam\$|/$2|" ;;
  esac
}
admin() { "$PSQL" "$KAM_TEST_PG_ADMIN" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

# best N SETUP CMD...: as in stance.sh: the fastest wall time in ms of
# N runs (SETUP, untimed, before each) to $work/best, the CPU time of
# that run (user + system, of the client only) in $cpu.
best() {
  n=$1 setup=$2
  shift 2
  b= cpu='?'
  while [ "$n" -gt 0 ]; do
    $setup
    t0=$(now_ms)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>"$work/err"
    else
      "$@" >/dev/null 2>"$work/err"
    fi || { cat "$work/err" >&2; echo fail; return 1; }
    t=$(($(now_ms) - t0))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then
      b=$t
      [ -x /usr/bin/time ] &&
        cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu" | tail -n 1)
    fi
    n=$((n - 1))
  done
  echo "$b" >"$work/best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
verdict() { awk -v r="$1" -v lim="$2" 'BEGIN { print (r + 0 <= lim + 0) ? "yes" : "**no**" }'; }

awk -v n="${KAM_BENCH_TEAM_ROWS:-1000000}" -v people=10000 \
  -f "$src/tests/bench/gen-stance.awk" >obs.csv
rows=$(($(wc -l <obs.csv) - 1))

# The empty team store: kam-org init by the database's owner, the
# account, and its 10,000 people written by tester with psql (they are
# not what is measured).  Each measured run gets a copy of it
# (CREATE DATABASE ... TEMPLATE).
admin "CREATE DATABASE bench_empty OWNER kam_owner" || exit 1
KAM_USER=kam_owner "$KO" -d "$(url kam_owner bench_empty)" init >/dev/null || exit 1
"$KO" -d "$(url tester bench_empty)" account add big --name 'Big account' >/dev/null || exit 1
"$PSQL" "$(url tester bench_empty)" -X -q -v ON_ERROR_STOP=1 -c "
  INSERT INTO person (account_id, handle, name, created, recorded_by)
  SELECT a.id, 'p' || lpad(i::text, 5, '0'), 'Person ' || i,
  '2021-01-01T00:00:00Z', 'tester'
  FROM generate_series(1, 10000) AS i, account a WHERE a.handle = 'big'" || exit 1
fresh() {
  admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)" &&
    admin "CREATE DATABASE $1 TEMPLATE bench_empty OWNER kam_owner"
}
fresh_k() { fresh bench_k; }
fresh_p() { fresh bench_p; }
K=$(url tester bench_k)

# import: kam-stance import, against psql's \copy of the rows kam stored
# (hashes and texts included) into the same tables.
best 2 fresh_k "$KS" -d "$K" import obs.csv || exit 1
t_imp=$(cat best) t_imp_cpu=$cpu
n_kam=$("$PSQL" "$K" -X -At -c "SELECT count(*) FROM observation")
# (one line: psql's \copy takes no other)
cols="id, kind, target_id, person_id, stance, toward_id, deal_id, effective, recorded, actor, note, source, why, prev_hash, hash, hash_version"
"$PSQL" "$K" -X -q -v ON_ERROR_STOP=1 \
  -c "\\copy (SELECT $cols FROM observation ORDER BY id) TO 'rows.tsv'" \
  -c "\\copy (SELECT observation_id, field, text FROM observation_text ORDER BY observation_id, field) TO 'texts.tsv'" ||
  exit 1
# The reference: the rows, as the cluster's superuser, straight into the
# tables by \copy: the same indexes and triggers (the recorder's check,
# the chain's link, the notification), no row-level security (which
# PostgreSQL does not apply to, and so refuses for, COPY FROM by any
# other role).
cat >copy.sql <<EOT
BEGIN;
\\copy observation ($cols) FROM 'rows.tsv'
\\copy observation_text (observation_id, field, text) FROM 'texts.tsv'
COMMIT;
EOT
best 2 fresh_p "$PSQL" "$(url postgres bench_p)" -X -q -v ON_ERROR_STOP=1 -f copy.sql || exit 1
t_copy=$(cat best) t_copy_cpu=$cpu
n_copy=$("$PSQL" "$(url postgres bench_p)" -X -At -c "SELECT count(*) FROM observation")
r_copy=$(ratio "$t_imp" "$t_copy")
# The same work as tester's: \copy into temporary tables, then one
# INSERT each, under the tables' row-level security, in one transaction.
cat >stage.sql <<EOT
BEGIN;
CREATE TEMPORARY TABLE s ON COMMIT DROP AS SELECT $cols FROM observation WITH NO DATA;
CREATE TEMPORARY TABLE st ON COMMIT DROP AS SELECT observation_id, field, text FROM observation_text WITH NO DATA;
\\copy s FROM 'rows.tsv'
\\copy st FROM 'texts.tsv'
INSERT INTO observation ($cols) SELECT $cols FROM s ORDER BY id;
INSERT INTO observation_text (observation_id, field, text) SELECT observation_id, field, text FROM st;
COMMIT;
EOT
best 2 fresh_p "$PSQL" "$(url tester bench_p)" -X -q -v ON_ERROR_STOP=1 -f stage.sql || exit 1
t_stage=$(cat best) t_stage_cpu=$cpu
r_stage=$(ratio "$t_imp" "$t_stage")

# show --as-of on that history, and verify for scale.
best 5 : "$KS" -d "$K" show big --as-of 2024-06-30 || exit 1
t_show=$(cat best) t_show_cpu=$cpu

# set: one observation, beside psql inserting the same row as its own
# process (no lookup, no hash, no lock on the chain: the row carries a
# hash that does not chain, so the store verifies no more after it).
best 10 : "$KS" -d "$K" set big/p00042 support --on 2026-03-01 --note bench || exit 1
t_set=$(cat best) t_set_cpu=$cpu
best 10 : "$PSQL" "$K" -X -q -v ON_ERROR_STOP=1 -c "INSERT INTO observation (id,
  kind, person_id, stance, effective, recorded, actor, note, prev_hash, hash,
  hash_version) SELECT max(id) + 1, 'observe', 42, 'support', '2026-03-01',
  '2026-03-02T09:00:00Z', 'tester', 'bench', '', '', 2 FROM observation_chain" || exit 1
t_ins=$(cat best) t_ins_cpu=$cpu
r_set=$(ratio "$t_set" "$t_ins")

load=$(cut -d' ' -f1-3 /proc/loadavg)
server=$("$PSQL" "$KAM_TEST_PG_ADMIN" -X -At -c "SHOW server_version" | cut -d' ' -f1)
cat >&3 <<EOT
## The team store (PostgreSQL)

PostgreSQL $server, a throwaway cluster on this machine
(tests/pg/cluster.sh: pg_virtualenv's defaults, loopback TCP), the
commands run as the writers' role \`tester\`; load average at the end
$load.  The history is stance.sh's: one account of 10,000 people,
$rows observations (tests/bench/gen-stance.awk).  Wall-clock times,
best of several runs, with the client's CPU time (user + system) in
parentheses: the server's work is in the wall-clock time only.

| measure | kam | baseline | ratio | target | met |
| --- | ---: | ---: | ---: | --- | --- |
| \`import\` of $rows observations | $t_imp ms ($t_imp_cpu) | $t_copy ms ($t_copy_cpu): \`psql \\copy\` of the $n_copy rows kam stored (hashes included) and their texts into the same tables (the same indexes and triggers), in one transaction, as the superuser | $r_copy | ≤ 1.5 | $(verdict "$r_copy" 1.5) |
| (the same) | $t_imp ms ($t_imp_cpu) | $t_stage ms ($t_stage_cpu): the same rows as \`tester\`, under row-level security: \`\\copy\` into temporary tables, then one \`INSERT ... SELECT\` each | $r_stage | ≤ 1.5 | $(verdict "$r_stage" 1.5) |
| \`show --as-of\`, 10,000 people, $n_kam observations | $t_show ms ($t_show_cpu) | | | < 100 ms | $(verdict "$t_show" 100) |
| \`set\` of one observation | $t_set ms ($t_set_cpu) | $t_ins ms ($t_ins_cpu): one \`INSERT\` of the same row by \`psql\`, a process of its own (no lookup, no hash, no lock) | $r_set | ≤ 1.5 | $(verdict "$r_set" 1.5) |
EOT
admin "DROP DATABASE IF EXISTS bench_k WITH (FORCE)"
admin "DROP DATABASE IF EXISTS bench_p WITH (FORCE)"
exit 0
