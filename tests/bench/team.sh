#!/bin/sh
# The team store benchmark (make bench): kam-stance on PostgreSQL, on a
# throwaway cluster of its own (tests/pg/cluster.sh: loopback only,
# dropped at the end), beside psql doing the same work in the same run:
# one kam-stance set beside one psql INSERT of the same row; stance.sh's
# 1,000,000 observations imported beside psql's \copy of the same rows
# into the same tables (the same indexes and triggers, which make what
# show reads again at the commit); show --as-of on that history.
# Prints a Markdown section; without PostgreSQL's server programs, a
# section of one line that says so (the rest of make bench runs on).
# Usage: team.sh BUILDDIR SRCDIR WORKDIR
# KAM_BENCH_TEAM_ROWS: the observations imported (1,000,000);
# KAM_BENCH_TEAM_RUNS: the runs of each import, the best kept (2).
set -u
build=$1 src=$2 work=$3
if [ -z "${KAM_BENCH_IN_CLUSTER:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1 ||
    ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "## The team store (PostgreSQL)"
    echo
    echo "Not measured: no PostgreSQL server programs here (Debian's postgresql-15 and postgresql-common)."
    exit 0
  fi
  # The shared buffers hold the history's indexes (some 180 MB), as on
  # a server set up for a team store (kam(7), THE TEAM STORE, "The
  # server"): with PostgreSQL's default of 128 MB, show would read
  # index pages from the system's cache.
  KAM_TEST_PG_GUC=${KAM_TEST_PG_GUC:-shared_buffers=512MB} \
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
rows=${KAM_BENCH_TEAM_ROWS:-1000000}
runs=${KAM_BENCH_TEAM_RUNS:-2}
cd "$work" || exit 1
. "$src/tests/bench/timing.sh"
# The recorded time is the server's (no test clock), the recorder the
# database user.
unset KAM_NOW KAM_ACCOUNT KAM_DB KAM_USER

# url ROLE DATABASE: that role's URL of that database in the cluster.
url() {
  case $1 in
  postgres) printf '%s\n' "$KAM_TEST_PG_ADMIN" | sed "s|/postgres\$|/$2|" ;;
  *) printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|; s|/kam\$|/$2|" ;;
  esac
}
admin() { "$PSQL" "$KAM_TEST_PG_ADMIN" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# phase WHAT: a line on stderr (the cluster's log), to follow a long run.
phase() { printf 'team.sh: %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

awk -v n="$rows" -v people=10000 -f "$src/tests/bench/gen-stance.awk" >obs.csv
mb=$(($(wc -c <obs.csv) / 1048576))

# The writers: tester, as which kam runs, a member of kam_writer and
# under row-level security like any seller; copier, the same but exempt
# from row-level security (BYPASSRLS), which PostgreSQL requires of a
# role that uses COPY FROM on a table under it.  Neither owns the
# tables, so the recorder's trigger checks the rows of both.
admin "CREATE ROLE copier LOGIN BYPASSRLS PASSWORD '$KAM_TEST_PG_PASSWORD' IN ROLE kam_writer" || exit 1

# The empty team store: kam-org init by the database's owner, the
# account, and its 10,000 people written with psql (they are not what
# is measured).  Each measured run gets a copy of it (CREATE DATABASE
# ... TEMPLATE), after a checkpoint, so that no run writes another's
# pages.
phase "the empty store"
admin "CREATE DATABASE bench_empty OWNER kam_owner" || exit 1
"$KO" -d "$(url kam_owner bench_empty)" init >/dev/null || exit 1
"$KO" -d "$(url tester bench_empty)" account add big --name 'Big account' >/dev/null || exit 1
"$PSQL" "$(url tester bench_empty)" -X -q -v ON_ERROR_STOP=1 -c "
  INSERT INTO person (account_id, handle, name, created, recorded_by)
  SELECT a.id, 'p' || lpad(i::text, 5, '0'), 'Person ' || i,
  '2021-01-01T00:00:00Z', 'tester'
  FROM generate_series(1, 10000) AS i, account a WHERE a.handle = 'big'" || exit 1
fresh() {
  admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)" &&
    admin "CREATE DATABASE $1 TEMPLATE bench_empty OWNER kam_owner" &&
    admin "CHECKPOINT"
}
fresh_k() { fresh bench_k; }
fresh_p() { fresh bench_p; }
K=$(url tester bench_k)

# (b) The import.  kam: reads and checks the CSV, finds each of the
# 10,000 people once, computes each note's SHA-256 and each row's hash
# (chained on the one before, its id included) in C, and sends the rows
# by COPY, 10,000 at a time, into temporary tables; then one INSERT ...
# SELECT each into observation and observation_text, where row-level
# security checks each row, and the triggers run: the recorder's check,
# the chain's link in observation_chain, the notification; then what
# show reads made (stance_refresh).
phase "kam-stance import of $rows observations"
best "$runs" fresh_k "$KS" -d "$K" import obs.csv || exit 1
t_imp=$(cat best) t_imp_cpu=$cpu
n_kam=$("$PSQL" "$K" -X -At -c "SELECT count(*) FROM observation")
n_text=$("$PSQL" "$K" -X -At -c "SELECT count(*) FROM observation_text")
# The baseline's rows: the ones kam stored, ids, digests and hashes
# included, with copier as their recorder (its trigger checks that).
# The rows' accounts too (account_id, deal_account_id), which kam's
# import gives, so that the store's trigger sets none on either side.
cols="id, kind, target_id, person_id, stance, toward_id, deal_id, effective, recorded, actor, note, source, why, prev_hash, hash, hash_version, account_id, deal_account_id"
"$PSQL" "$K" -X -q -v ON_ERROR_STOP=1 \
  -c "\\copy (SELECT $(echo "$cols" | sed 's/actor/'"'copier'"'/') FROM observation ORDER BY id) TO 'rows.tsv'" \
  -c "\\copy (SELECT $cols FROM observation ORDER BY id) TO 'rows-tester.tsv'" \
  -c "\\copy (SELECT observation_id, field, text FROM observation_text ORDER BY observation_id, field) TO 'texts.tsv'" ||
  exit 1
# psql: \copy of those rows and texts straight into observation and
# observation_text, as copier, in one transaction: the same indexes,
# the same triggers, no row-level security; then what show reads made,
# as the import makes it.
cat >copy.sql <<EOT
BEGIN;
SELECT pg_advisory_xact_lock(1262570802);
\\copy observation ($cols) FROM 'rows.tsv'
\\copy observation_text (observation_id, field, text) FROM 'texts.tsv'
SELECT count(*) FROM (SELECT DISTINCT o.account_id FROM observation o WHERE o.id > 0) a WHERE stance_refresh(a.account_id);
COMMIT;
EOT
phase "psql \\copy of the same rows"
best "$runs" fresh_p "$PSQL" "$(url copier bench_p)" -X -q -v ON_ERROR_STOP=1 -f copy.sql || exit 1
t_copy=$(cat best) t_copy_cpu=$cpu
n_copy=$("$PSQL" "$(url copier bench_p)" -X -At -c "SELECT count(*) FROM observation")
r_copy=$(ratio "$t_imp" "$t_copy")
# psql doing what kam does on the server, as tester: \copy into
# temporary tables, then one INSERT ... SELECT each, under row-level
# security.  What is left to kam is reading, checking and hashing.
cat >stage.sql <<EOT
BEGIN;
SELECT pg_advisory_xact_lock(1262570802);
CREATE TEMPORARY TABLE s ON COMMIT DROP AS SELECT $cols FROM observation WITH NO DATA;
CREATE TEMPORARY TABLE st ON COMMIT DROP AS SELECT observation_id, field, text FROM observation_text WITH NO DATA;
\\copy s FROM 'rows-tester.tsv'
\\copy st FROM 'texts.tsv'
INSERT INTO observation ($cols) SELECT $cols FROM s ORDER BY id;
INSERT INTO observation_text (observation_id, field, text) SELECT observation_id, field, text FROM st;
SELECT count(*) FROM (SELECT DISTINCT o.account_id FROM observation o WHERE o.id > 0) a WHERE stance_refresh(a.account_id);
COMMIT;
EOT
phase "psql \\copy into temporary tables"
best "$runs" fresh_p "$PSQL" "$(url tester bench_p)" -X -q -v ON_ERROR_STOP=1 -f stage.sql || exit 1
t_stage=$(cat best) t_stage_cpu=$cpu
r_stage=$(ratio "$t_imp" "$t_stage")

# The chain kam imported verifies.
phase "verify"
best 1 : "$KS" -d "$K" verify || exit 1
t_verify=$(cat best) t_verify_cpu=$cpu

# The import's peak memory (maximum resident set size, /usr/bin/time):
# the rows wait in memory between two batches only, so importing them
# all takes no more than importing a tenth of them (more than
# BULK_MIN, so by COPY too).  Each on a fresh store; the last leaves
# the whole history for what follows.
phase "peak memory of the import"
head -n $((rows / 10 + 1)) obs.csv >obs-tenth.csv
peak() {
  if [ -x /usr/bin/time ]; then
    fresh_k && /usr/bin/time -f %M -o mem "$KS" -d "$K" import "$1" >/dev/null &&
      tail -n 1 mem
  else
    fresh_k && "$KS" -d "$K" import "$1" >/dev/null && echo '?'
  fi
}
m_tenth=$(peak obs-tenth.csv) && m_all=$(peak obs.csv) || exit 1
r_mem=$(ratio "$m_all" "$m_tenth")
# verify's peak memory on that whole history: the rows come one at a
# time, so that it holds only the row it checks.
m_verify='?'
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f %M -o mem "$KS" -d "$K" verify >/dev/null || exit 1
  m_verify=$(tail -n 1 mem)
fi

# (c) show --as-of on that history: where each of the 10,000 people
# stood on a day, read from what the import derived (stance_span,
# stance_month; kam(7), "What show reads").  The first show comes right
# after the import, before autovacuum has analysed the derived tables.
phase "show --as-of"
best 1 : "$KS" -d "$K" show big --as-of 2024-06-30 || exit 1
t_show1=$(cat best) t_show1_cpu=$cpu
best 5 : "$KS" -d "$K" show big --as-of 2024-06-30 || exit 1
t_show=$(cat best) t_show_cpu=$cpu
# What kam costs before and around the stances: a command that reads
# one row (the connection, the store's checks), and show on a day
# before every observation (the 10,000 people, no stance).
best 5 : "$KO" -d "$K" account list || exit 1
t_list=$(cat best) t_list_cpu=$cpu
best 5 : "$KS" -d "$K" show big --as-of 2021-03-01 || exit 1
t_people=$(cat best) t_people_cpu=$cpu
# Their floors, psql doing as little in the same run: one connection
# and the account's one row; one connection and the 10,000 people's
# handles and names, in order, as TSV (no stance, no check).
best 5 : "$PSQL" "$K" -X -At -c "SELECT handle, name FROM account" || exit 1
t_list_p=$(cat best) t_list_p_cpu=$cpu
r_list=$(ratio "$t_list" "$t_list_p")
best 5 : "$PSQL" "$K" -X -At -F "$(printf '\t')" -c "SELECT p.handle, p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.handle = 'big' ORDER BY p.handle" || exit 1
t_people_p=$(cat best) t_people_p_cpu=$cpu
r_people=$(ratio "$t_people" "$t_people_p")
# The same once the store is vacuumed, as autovacuum leaves it a little
# after an import: the pages all visible, and no row's hint bits left
# to set.
"$PSQL" "$(url kam_owner bench_k)" -X -q -v ON_ERROR_STOP=1 -c "VACUUM (ANALYZE) observation, person, stance_span, stance_month" || exit 1
best 5 : "$KS" -d "$K" show big --as-of 2024-06-30 || exit 1
t_showv=$(cat best) t_showv_cpu=$cpu

# (a) set: one observation with a note, beside psql inserting the same
# row and its note as a process of its own, as tester, into the same
# tables (the same indexes, triggers and row-level security): the row
# carries an id and two hashes that psql does not compute (the hashes
# do not chain, so verify would fail after them: the store is not read
# again).  Both take the writers' lock first (kam(7), "What show
# reads"); kam also checks the arguments, finds the person, reads the
# chain's end and hashes the row.
phase "set"
best 10 : "$KS" -d "$K" set big/p00042 support --on 2026-03-01 --note bench || exit 1
t_set=$(cat best) t_set_cpu=$cpu
h=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
best 10 : "$PSQL" "$K" -X -q -v ON_ERROR_STOP=1 -c "SELECT pg_advisory_xact_lock(1262570802);
  INSERT INTO observation
  (id, kind, person_id, stance, effective, recorded, actor, note, prev_hash,
  hash, hash_version) SELECT max(id) + 1, 'observe', 42, 'support',
  '2026-03-01', '2026-03-02T09:00:00Z', current_user, '$h', '$h', '$h', 2
  FROM observation_chain;
  INSERT INTO observation_text (observation_id, field, text)
  SELECT max(id), 'note', 'bench' FROM observation_chain" || exit 1
t_ins=$(cat best) t_ins_cpu=$cpu
r_set=$(ratio "$t_set" "$t_ins")
# The first show after those sets: it brings what it reads up to them
# first (one person's rows, and the months of everyone), then reads.
phase "show after a set"
best 1 : "$KS" -d "$K" show big --as-of 2024-06-30 || exit 1
t_showset=$(cat best) t_showset_cpu=$cpu

load=$(cut -d' ' -f1-3 /proc/loadavg)
# Whether the server's shared buffers are in huge pages (huge_pages is
# try by default: used when the machine reserves them, vm.nr_hugepages).
# Without them, each new connection maps the buffers it touches a page
# of 4 kB at a time (show --as-of touches some 700 pages).
hp=$(awk '/^HugePages_Rsvd:/ { print $2 }' /proc/meminfo 2>/dev/null)
if [ "${hp:-0}" -gt 0 ]; then
  pages="in huge pages (the machine reserves them: vm.nr_hugepages)"
else
  pages="in pages of 4 kB (the machine reserves no huge pages)"
fi
server=$(admin "SHOW server_version" | cut -d' ' -f1)
settings=$(admin "SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit')")
phase "done"
cat >section.md <<EOT
## The team store (PostgreSQL)

PostgreSQL $server on a throwaway cluster of this machine
(tests/pg/cluster.sh: pg_virtualenv's defaults, $settings,
the shared buffers $pages, loopback TCP); the client and the server
share the machine's cores.
kam runs as \`tester\`, a writer under row-level security like any
seller, with the server's clock.  The history is stance.sh's: one
account of 10,000 people, $rows observations
(tests/bench/gen-stance.awk, $mb MB; a note on every tenth).
Wall-clock times, best of several runs ($runs for each import), with
the client's CPU time (user + system) in parentheses: the server's work
is in the wall-clock time only.  Load average at the end: $load.

What each side of the import does.  kam: reads and checks the CSV,
finds each person once, computes each note's SHA-256 and each row's
hash in C, and sends the rows by COPY, 10,000 at a time, into temporary
tables, then inserts them into \`observation\` and
\`observation_text\` with one \`INSERT ... SELECT\` each (PostgreSQL
refuses \`COPY FROM\` into a table under row-level security), where
each row is checked against the policies and the triggers run (the
recorder's check, the chain's link in \`observation_chain\`, the
notification for \`watch\`), then makes what show reads
(\`stance_refresh\`: \`stance_span\` and \`stance_month\`).  The
baseline: \`psql \\copy\` of the $n_copy rows kam stored (ids, digests
and hashes included, the recorder renamed) and their $n_text notes
straight into the same tables, with the same indexes and triggers, in
one transaction, as \`copier\`, a writer exempt from row-level security
(which \`COPY FROM\` requires), then the same \`stance_refresh\`.
The second line's baseline does, with \`psql\`, what kam asks of the
server, as \`tester\`.

| measure | kam | baseline | ratio | target | met |
| --- | ---: | ---: | ---: | --- | --- |
| \`import\` of $n_kam observations | $t_imp ms ($t_imp_cpu) | $t_copy ms ($t_copy_cpu): \`psql \\copy\` of the same rows into the same tables, as \`copier\` | $r_copy | ≤ 1.5 | $(verdict_at_most "$r_copy" 1.5) |
| (the same) | $t_imp ms ($t_imp_cpu) | $t_stage ms ($t_stage_cpu): \`psql\`, as \`tester\`: \`\\copy\` into temporary tables, then one \`INSERT ... SELECT\` each | $r_stage | | |
| \`show --as-of\`, 10,000 people | $t_show ms ($t_show_cpu) | | | < 100 ms | $(verdict "$t_show" 100) |
| (the same, the store vacuumed) | $t_showv ms ($t_showv_cpu) | | | < 100 ms | $(verdict "$t_showv" 100) |
| (the same, the first show after the import) | $t_show1 ms ($t_show1_cpu) | | | | |
| (the same, the first show after the sets below: it brings what it reads up to them first) | $t_showset ms ($t_showset_cpu) | | | | |
| (the same, a day before every observation: the people alone) | $t_people ms ($t_people_cpu) | $t_people_p ms ($t_people_p_cpu): \`psql\` printing the 10,000 people's handles and names, in order | $r_people | | |
| \`kam-org account list\` (one row: the connection and the store's checks) | $t_list ms ($t_list_cpu) | $t_list_p ms ($t_list_p_cpu): \`psql\` printing the account's row | $r_list | | |
| \`set\` of one observation with a note | $t_set ms ($t_set_cpu) | $t_ins ms ($t_ins_cpu): one \`INSERT\` of the same row and its note by \`psql\`, a process of its own, as \`tester\`, after the writers' lock (no lookup, no hash) | $r_set | ≤ 1.5 | $(verdict_at_most "$r_set" 1.5) |
| \`verify\` of the imported chain (passes) | $t_verify ms ($t_verify_cpu) | | | | |
| peak memory of the \`import\` of $n_kam observations | $m_all kB | $m_tenth kB: the import of a tenth of them | $r_mem | ≤ 1.1 | $(verdict_at_most "$r_mem" 1.1) |
| peak memory of \`verify\` of $n_kam observations | $m_verify kB | | | | |
EOT
admin "DROP DATABASE IF EXISTS bench_k WITH (FORCE)"
admin "DROP DATABASE IF EXISTS bench_p WITH (FORCE)"
exit 0
