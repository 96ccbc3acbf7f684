#!/bin/sh
# The chain on a team store under concurrency: 20 writers in 4
# processes append to one person's chain at once; each append holds the
# chain's advisory lock to its commit, so the chain never forks (each
# row's prev_hash is the hash of the row before it, over the whole
# table), nothing is lost, and verify passes.  A reader is never
# blocked by the lock; a writer waits for it.  Runs on a throwaway
# cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

OWNER=$KAM_TEST_PG_OWNER
q() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
expect_sql_pg() {
  count=$((count + 1))
  got=$(q "$2")
  [ "$got" = "$3" ] || fail "$1: store has '$got', expected '$3' for: $2"
}

kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null
kam-org person add acme/wang --name Wang >/dev/null
kam-stance set acme/wang support --note first >/dev/null

# 4 processes, each starting 5 writers at once; each writer's note
# names it.
write_li() {
  case $((($1 + $2) % 3)) in 0) s=support ;; 1) s=neutral ;; *) s=oppose ;; esac
  kam-stance set acme/li "$s" --note "p$1-w$2"
}
writers 4 5 write_li
writers_ok 4 5
# Nothing lost: every writer's row, once.
expect_sql_pg all "SELECT count(*), count(DISTINCT t.text) FROM observation o
  JOIN observation_text t ON t.observation_id = o.id AND t.field = 'note'
  WHERE o.person_id = (SELECT id FROM person WHERE handle = 'li')" "20|20"
for p in 1 2 3 4; do
  for w in 1 2 3 4 5; do
    count=$((count + 1))
    [ "$(q "SELECT count(*) FROM observation_text WHERE text = 'p$p-w$w'")" = 1 ] ||
      fail "writer p$p-w$w: its row is not there once"
  done
done
# No fork: the ids run 1..21 and each row follows the one before.
expect_sql_pg ids "SELECT min(id), max(id), count(*) FROM observation" "1|21|21"
expect_sql_pg prev "SELECT count(*) FROM observation o JOIN observation p
  ON p.id = o.id - 1 WHERE o.prev_hash = p.hash" 20
expect_sql_pg distinct "SELECT count(DISTINCT prev_hash) FROM observation" 21
run verify 0 kam-stance verify
count=$((count + 1))
[ "$(sed -n 2p "$T/verify.out" | cut -f1)" = 21 ] || fail "verify: $(cat "$T/verify.out")"

# A transaction holding the chain's lock (1262570802, kam(7)) ...
mkfifo "$T/hold"
(
  printf 'BEGIN;\nSELECT pg_advisory_xact_lock(1262570802);\n\\! touch %s/locked\n' "$T"
  read -r _ <"$T/hold"
  printf 'COMMIT;\n'
) | psql "$KAM_TEST_PG_TESTER" -X -q -At -v ON_ERROR_STOP=1 >/dev/null 2>"$T/holder.err" &
holder=$!
i=0
while [ ! -e "$T/locked" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
count=$((count + 1))
[ -e "$T/locked" ] || fail "holder: the lock was not taken: $(cat "$T/holder.err")"
# ... makes a writer wait ...
kam-stance set acme/li support --note waited >"$T/waiter.out" 2>"$T/waiter.err" &
waiter=$!
# ... and no reader: these end while it holds it (a reader that waited
# would wait for ever: timeout ends it, and the test fails).
run read 0 timeout 120 kam-stance show acme
run read-verify 0 timeout 120 kam-stance verify
run read-log 0 timeout 120 kam-stance log acme/li
count=$((count + 1))
if ! kill -0 "$waiter" 2>/dev/null; then
  fail "waiter: it wrote while another held the chain's lock: $(cat "$T/waiter.err")"
fi
expect_sql_pg not-yet "SELECT count(*) FROM observation_text WHERE text = 'waited'" 0
echo done >"$T/hold"
wait "$holder"
count=$((count + 1))
wait "$waiter" || fail "waiter: $(cat "$T/waiter.err")"
expect_sql_pg waited "SELECT o.id FROM observation o JOIN observation_text t
  ON t.observation_id = o.id WHERE t.text = 'waited'" 22
run verify-after 0 kam-stance verify

done_testing
