#!/bin/sh
# kam-stance import on a team store sends its rows by COPY, 10,000 at a
# time, into temporary tables, and inserts them into the history at its
# end (kam(7), THE TEAM STORE).  The same files imported into a store
# file and into a team store (as the writers' role tester) print the
# same and leave the same chain, hash for hash, texts included: at the
# batch's size exactly and on both sides of it, and for an import of
# two batches and a row; verify passes after each; a bad row in the
# second batch, or the last row of the first, leaves both stores as
# they were, with the same message and exit code; an import runs
# beside other writers without forking the chain; the rows are
# recorded by the database user, at the server's time unless the test
# clock is on.  Runs on a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"

# The store file and lib.sh's team store, written as tester.
LITE="$T/lite.db"
PG=$KAM_DB
PG_SHOWN=$(store_name)
KAM_DB=$LITE kam-org init >/dev/null || fail "init $LITE"
pgsql() { psql "$PG" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
lite() { "$SQLITE3" -batch -noheader -separator '|' "$LITE" "$1"; }

echo handle,name >"$T/people.csv"
i=1
while [ $i -le 50 ]; do
  printf 'p%05d,Person %d\n' $i $i >>"$T/people.csv"
  i=$((i + 1))
done
both account 0 kam-org account add big --name 'Big account'
both people 0 kam-org import big "$T/people.csv"
both rival 0 kam-org competitor add rivalco --name 'Rival Co'
# The chain does not start with the import.
both first 0 kam-stance set big/p00001 support --note 'before the import'

# rows N: N observations of tests/bench/gen-stance.awk (50 people, a
# note every tenth row), header included.
rows() {
  awk -v n="$1" -v people=50 -f "$KAM_SRCDIR/tests/bench/gen-stance.awk"
}
# same_chain NAME: both stores hold the same observations and texts.
same_chain() {
  chain="SELECT id, kind, coalesce(target_id, 0), person_id,
         coalesce(stance, '-'), coalesce(toward_id, 0), coalesce(deal_id, 0),
         effective, recorded, actor, coalesce(note, '-'), prev_hash, hash,
         hash_version FROM observation ORDER BY id"
  texts="SELECT observation_id, field, text FROM observation_text
         ORDER BY observation_id, field"
  lite "$chain" >"$T/$1.lite.chain"
  pgsql "$chain" >"$T/$1.pg.chain"
  lite "$texts" >"$T/$1.lite.texts"
  pgsql "$texts" >"$T/$1.pg.texts"
  for x in chain texts; do
    count=$((count + 1))
    cmp -s "$T/$1.lite.$x" "$T/$1.pg.$x" ||
      { fail "$1: the team store's $x differs"; diff "$T/$1.lite.$x" "$T/$1.pg.$x" | head >&2; }
  done
}
# expect_pg NAME SQL WANT: the team store's answer to SQL.
expect_pg() {
  count=$((count + 1))
  got=$(pgsql "$2")
  [ "$got" = "$3" ] || fail "$1: team store has '$got', expected '$3' for: $2"
}
# linked NAME ROWS: the team store's chain has ROWS rows, ids 1..ROWS,
# each row's prev_hash the hash of the row before, and verify passes on
# both stores alike.
linked() {
  expect_pg "$1-ids" "SELECT count(*), min(id), max(id) FROM observation" "$2|1|$2"
  expect_pg "$1-links" "SELECT count(*) FROM observation o JOIN observation p
    ON p.id = o.id - 1 WHERE o.prev_hash = p.hash" "$(($2 - 1))"
  expect_pg "$1-chain" "SELECT count(*) FROM observation o JOIN observation_chain c
    USING (id) WHERE c.prev_hash = o.prev_hash AND c.hash = o.hash" "$2"
  both "$1-verify" 0 kam-stance verify
  count=$((count + 1))
  [ "$(sed -n 2p "$T/$1-verify.pg.out" | cut -f1)" = "$2" ] ||
    fail "$1-verify: $(cat "$T/$1-verify.pg.out")"
}

# Free texts as COPY's text format would misread them unescaped.
cat >"$T/texts.csv" <<'CSV'
person,stance,on,note,source
big/p00002,support,2026-01-05,\N,C:\notes\acme.txt
big/p00003,oppose,2026-01-06,\.,"a ""quoted"", \\ text"
big/p00004,0,2026-01-07,,\
CSV
both texts 0 kam-stance import "$T/texts.csv"
expect_pg texts-kept "SELECT string_agg(field || '=' || text, '|'
  ORDER BY observation_id, field) FROM observation_text WHERE observation_id > 1" \
  'note=\N|source=C:\notes\acme.txt|note=\.|source=a "quoted", \\ text|source=\'
same_chain texts
linked texts 4

# The batch's size exactly, one less and one more.
n=4
for size in 9999 10000 10001; do
  rows $size >"$T/rows$size.csv"
  both "import$size" 0 kam-stance import "$T/rows$size.csv"
  n=$((n + size))
  linked "import$size" $n
done
same_chain batches
expect_pg texts-batches "SELECT count(*) FROM observation_text" \
  "$(lite "SELECT count(*) FROM observation_text")"

# Two batches and a row, after a set; another set after it.
rows 20001 >"$T/rows20001.csv"
both set-between 0 kam-stance set big/p00007 oppose --toward rivalco
both import20001 0 kam-stance import "$T/rows20001.csv"
both set-after 0 kam-stance set big/p00007 neutral --note 'after the import'
n=$((n + 20003))
linked big $n
same_chain big

# A bad row in the second batch, on its first row, and on the last row
# of the first: the same message and exit code, nothing recorded.
head -n 15000 "$T/rows20001.csv" >"$T/bad2.csv"
echo 'big/nobody,support,2026-01-05,' >>"$T/bad2.csv"
tail -n 100 "$T/rows20001.csv" >>"$T/bad2.csv"
head -n 10001 "$T/rows20001.csv" >"$T/bad-first.csv"
echo 'big/p00001,maybe,2026-01-05,' >>"$T/bad-first.csv"
head -n 10000 "$T/rows20001.csv" >"$T/bad-last.csv"
echo 'big/p00001,support,2031-01-05,' >>"$T/bad-last.csv"
echo 'big/p00001,support,2026-01-05,' >>"$T/bad-last.csv"
before=$(pgsql "SELECT count(*), max(id) FROM observation; SELECT count(*) FROM observation_text; SELECT count(*) FROM observation_chain")
for f in bad2 bad-first bad-last; do
  both "$f" "$(case $f in bad2) echo 4 ;; *) echo 3 ;; esac)" kam-stance import "$T/$f.csv"
done
count=$((count + 1))
grep -q "^kam-stance: $T/bad2.csv:15001: " "$T/bad2.pg.err" ||
  fail "bad2: $(cat "$T/bad2.pg.err")"
count=$((count + 1))
grep -q "^kam-stance: $T/bad-first.csv:10002: " "$T/bad-first.pg.err" ||
  fail "bad-first: $(cat "$T/bad-first.pg.err")"
count=$((count + 1))
grep -q "^kam-stance: $T/bad-last.csv:10001: " "$T/bad-last.pg.err" ||
  fail "bad-last: $(cat "$T/bad-last.pg.err")"
count=$((count + 1))
[ "$(pgsql "SELECT count(*), max(id) FROM observation; SELECT count(*) FROM observation_text; SELECT count(*) FROM observation_chain")" = "$before" ] ||
  fail "bad: the team store changed"
same_chain bad
linked bad $n

# Recorded by the database user, at the test clock's time.
expect_pg who "SELECT count(*) FROM observation WHERE actor = 'tester'
  AND recorded = '2026-03-02T09:00:00Z'" $n

# Beside other writers: an import of two batches while 10 sets run in
# 2 processes; the chain does not fork, nothing is lost.
rows 12000 >"$T/rows12000.csv"
KAM_DB=$PG kam-stance import "$T/rows12000.csv" >"$T/busy.out" 2>"$T/busy.err" &
importer=$!
write_p9() {
  KAM_DB=$PG kam-stance set big/p00009 support --note "p$1-w$2"
}
writers 2 5 write_p9
count=$((count + 1))
wait $importer
st=$?
[ $st = 0 ] && [ ! -s "$T/busy.err" ] || fail "busy import: status $st: $(cat "$T/busy.err")"
writers_ok 2 5
n=$((n + 12010))
# The import's rows are consecutive: no set ran inside it.
expect_pg busy-one "SELECT max(id) - min(id) + 1 FROM observation
  WHERE recorded = '2026-03-02T09:00:00Z' AND id > $((n - 12010))
  AND id NOT IN (SELECT observation_id FROM observation_text
  WHERE text LIKE 'p_-w_')" 12000
expect_pg busy-sets "SELECT count(DISTINCT text) FROM observation_text
  WHERE text LIKE 'p_-w_'" 10
KAM_DB=$LITE kam-stance verify >/dev/null 2>&1 # the file is not compared here
count=$((count + 1))
run busy-verify 0 env KAM_DB="$PG" kam-stance verify
[ "$(sed -n 2p "$T/busy-verify.out" | cut -f1)" = "$n" ] ||
  fail "busy-verify: $(cat "$T/busy-verify.out")"
expect_pg busy-links "SELECT count(*) FROM observation o JOIN observation p
  ON p.id = o.id - 1 WHERE o.prev_hash = p.hash" "$((n - 1))"

# The server's clock once the owner turns the test clock off: every
# row of one import recorded at the same time, the time of the server.
psql "$KAM_TEST_PG_OWNER" -X -q -v ON_ERROR_STOP=1 \
  -c "UPDATE kam_store SET test_clock = false" || fail "test clock off"
t0=$(pgsql "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
run clock 0 env -u KAM_NOW KAM_DB="$PG" kam-stance import "$T/rows10001.csv"
t1=$(pgsql "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
expect_pg clock-one "SELECT count(*), count(DISTINCT recorded), count(DISTINCT actor)
  FROM observation WHERE id > $n" "10001|1|1"
expect_pg clock-when "SELECT recorded >= '$t0' AND recorded <= '$t1' AND actor = 'tester'
  FROM observation WHERE id = $((n + 1))" t
n=$((n + 10001))
run clock-refused 13 env KAM_DB="$PG" kam-stance import "$T/rows9999.csv"
expect_err clock-refused "kam-stance: KAM_NOW is set, but store '$PG_SHOWN' records the server's time: its owner has not turned its test clock on (kam(7), THE TEAM STORE); unset KAM_NOW"
expect_pg clock-unchanged "SELECT count(*) FROM observation" $n
run clock-verify 0 env -u KAM_NOW KAM_DB="$PG" kam-stance verify

done_testing
