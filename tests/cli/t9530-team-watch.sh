#!/bin/sh
# kam-stance watch on a team store (PostgreSQL): a watcher prints each
# observation another process commits, of its account or deal only, as
# soon as it is committed, one flushed line each (log's columns, or one
# JSON object a line); nothing committed before it began, nothing of
# other accounts or deals.  SIGINT and SIGTERM end it with status 0, and
# a reader that goes away ends it too.  Runs on a throwaway cluster
# (tests/pg/cluster.sh).
if [ -z "${KAM_TEST_PG:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "SKIP: no PostgreSQL server (Debian packages postgresql-15, postgresql-common)"
    exit 77
  fi
  exec sh "$(dirname "$0")/../pg/cluster.sh" sh "$0"
fi
. "$(dirname "$0")/lib.sh"

{
  kam-org account add acme --name Acme
  kam-org account add globex --name Globex
  kam-org person add acme/li --name "Li Wei"
  kam-org person add acme/wang --name Wang
  kam-org person add globex/hank --name Hank
  kam-org deal add acme/erp --name ERP
  kam-org competitor add rival --name Rival
  kam-stance set acme/li support --on 2026-01-01
} >/dev/null

# listeners N: waits (10 s at most) until N sessions listen.
listeners() {
  i=0
  while [ "$i" -lt 100 ]; do
    n=$(psql "$KAM_TEST_PG_INSPECT" -X -At -c "SELECT count(*) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN%'")
    [ "$n" = "$1" ] && return 0
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}
# lines FILE N: waits (10 s at most) until FILE has N lines.
lines() {
  i=0
  while [ "$i" -lt 100 ]; do
    [ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ] && return 0
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

kam-stance watch acme >"$T/acme.out" 2>"$T/acme.err" &
acme=$!
kam-stance watch acme/erp -F json >"$T/erp.out" 2>"$T/erp.err" &
erp=$!
kam-stance watch >"$T/all.out" 2>"$T/all.err" &
all=$!
count=$((count + 1))
listeners 3 || fail "the watchers do not listen"

# Written by other processes, each committed on its own.
kam-stance set acme/wang oppose --on 2026-01-02 --note "said no" >/dev/null
kam-stance set globex/hank neutral --on 2026-01-03 >/dev/null
kam-stance set acme/li neutral --deal acme/erp --on 2026-01-04 --source "call" >/dev/null
count=$((count + 1))
lines "$T/all.out" 3 || fail "all: not every observation came"
# One that fails commits nothing, and is not seen.
run refused 4 kam-stance set acme/nobody support
kam-stance correct 4 support --why "misheard" >/dev/null
kam-stance set acme/li support --toward rival --on 2026-01-05 >/dev/null
count=$((count + 1))
lines "$T/all.out" 5 || fail "all: not every observation came"
lines "$T/acme.out" 4 || :
lines "$T/erp.out" 2 || :

kill -INT "$acme"
wait "$acme"
st=$?
count=$((count + 1))
[ "$st" = 0 ] || fail "acme: SIGINT ended it with status $st"
kill -TERM "$erp" "$all"
wait "$erp"
st=$?
count=$((count + 1))
[ "$st" = 0 ] || fail "erp: SIGTERM ended it with status $st"
wait "$all"

count=$((count + 1))
cat >"$T/acme.want" <<'EOF'
2	observe		acme/wang	Wang	oppose			2026-01-02	2026-03-02T09:00:00Z	tester	said no		
4	observe		acme/li	Li Wei	neutral		acme/erp	2026-01-04	2026-03-02T09:00:00Z	tester		call	
5	correct	4	acme/li	Li Wei	support		acme/erp	2026-01-04	2026-03-02T09:00:00Z	tester			misheard
6	observe		acme/li	Li Wei	support	rival		2026-01-05	2026-03-02T09:00:00Z	tester			
EOF
diff -u "$T/acme.want" "$T/acme.out" >&2 || fail "acme: not its observations"
count=$((count + 1))
cat >"$T/erp.want" <<'EOF'
{"id":4,"kind":"observe","target":null,"person":"acme/li","name":"Li Wei","stance":"neutral","toward":null,"deal":"acme/erp","effective":"2026-01-04","recorded":"2026-03-02T09:00:00Z","recorded_by":"tester","note":null,"source":"call","why":null}
{"id":5,"kind":"correct","target":4,"person":"acme/li","name":"Li Wei","stance":"support","toward":null,"deal":"acme/erp","effective":"2026-01-04","recorded":"2026-03-02T09:00:00Z","recorded_by":"tester","note":null,"source":null,"why":"misheard"}
EOF
diff -u "$T/erp.want" "$T/erp.out" >&2 || fail "erp: not the deal's observations"
count=$((count + 1))
[ "$(cut -f1 "$T/all.out" | tr '\n' ' ')" = "2 3 4 5 6 " ] ||
  fail "all: $(cut -f1 "$T/all.out" | tr '\n' ' ')"
count=$((count + 1))
[ -s "$T/acme.err" ] || [ -s "$T/erp.err" ] || [ -s "$T/all.err" ] &&
  fail "a watcher said: $(cat "$T/acme.err" "$T/erp.err" "$T/all.err")"

# Each line as it comes: a reader that acts on the first line and goes.
(kam-stance watch acme; echo "status $?" >"$T/pipe.status") | {
  read -r line
  printf '%s\n' "$line" >"$T/pipe.out"
} &
pipe=$!
count=$((count + 1))
listeners 1 || fail "pipe: the watcher does not listen"
kam-stance set acme/wang support --on 2026-01-06 >/dev/null
count=$((count + 1))
lines "$T/pipe.out" 1 || fail "pipe: the line did not come through the pipe"
# The reader has gone: the watcher ends, at its next line at the latest.
kam-stance set acme/wang neutral --on 2026-01-07 >/dev/null
wait "$pipe"
count=$((count + 1))
listeners 0 || fail "pipe: the watcher still runs"
count=$((count + 1))
grep -q "^7	observe		acme/wang	Wang	support" "$T/pipe.out" ||
  fail "pipe: $(cat "$T/pipe.out")"
count=$((count + 1))
grep -q "^status \(0\|141\)$" "$T/pipe.status" ||
  fail "pipe: $(cat "$T/pipe.status")"

done_testing
