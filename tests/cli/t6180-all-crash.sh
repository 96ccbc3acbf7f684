#!/bin/sh
# make check-crash: kill -9 at random moments during a 200,000-row
# people import and a 200,000-row observation import, 20 times each.
# After each kill the store is whole (PRAGMA integrity_check), its
# history verifies, and the import is all or nothing: every table it
# writes has either all of its rows or none.  Every few kills, the
# import is run again to completion on the recovered store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "an SQLite file killed mid-write"

: "${CRASH_RUNS:=20}" "${CRASH_ROWS:=200000}"
N=$CRASH_ROWS

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org account add obs --name Obs
kam-org person add acme/boss --name Boss
awk 'BEGIN { print "handle,name"; for (i = 1; i <= 1000; i++) printf "q%04d,Q %d\n", i, i }' >"$T/q.csv"
kam-org import obs "$T/q.csv"
kam-stance set obs/q0001 support --on 2025-01-01 >/dev/null
kam-stance set obs/q0002 oppose --on 2025-01-01 >/dev/null
cp "$KAM_DB" "$T/base.db"

awk -v n="$N" 'BEGIN {
  print "handle,name,title,dept,level,reports_to,dotted_to"
  for (i = 1; i <= n; i++)
    printf "p%06d,Person %06d,Engineer %d,Dept %d,%d,%s,%s\n", i, i, i % 97,
      i % 31, i % 9 + 1, (i > 1 ? sprintf("p%06d", int(i / 2)) : "boss"),
      (i > 3 ? sprintf("p%06d", int(i / 3)) : "")
}' >"$T/people.csv"
awk -v n="$N" 'BEGIN {
  split("support neutral oppose", s, " ")
  print "person,stance,on,note,source"
  for (i = 1; i <= n; i++)
    printf "obs/q%04d,%s,2025-%02d-%02d,note %d,meeting %d\n", i % 1000 + 1,
      s[i % 3 + 1], i % 12 + 1, i % 28 + 1, i, i % 7
}' >"$T/obs.csv"

# counts: the rows of every table an import writes, and the indexes.
counts() {
  sql "SELECT (SELECT count(*) FROM person) || ' ' ||
    (SELECT count(*) FROM person WHERE manager_id IS NOT NULL) || ' ' ||
    (SELECT count(*) FROM reporting_line) || ' ' ||
    (SELECT count(*) FROM observation) || ' ' ||
    (SELECT count(*) FROM sqlite_schema WHERE type = 'index')"
}
fresh() {
  rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
  cp "$T/base.db" "$KAM_DB"
}

# The store before, and after a whole import, of each kind.  An
# import's time is the fastest of three whole runs: the kills are drawn
# within it, and one run slowed by other load on the machine would put
# most of them after the import's end.
fresh
none=$(counts)
# timed COMMAND...: runs COMMAND three times on a fresh store; sets best
# to the fastest run's time in nanoseconds.
timed() {
  best=
  for i in 1 2 3; do
    fresh
    t0=$(date +%s%N)
    "$@" >/dev/null || fail "$*: the import failed"
    t1=$(date +%s%N)
    [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ] && best=$((t1 - t0))
  done
}
timed kam-org import acme "$T/people.csv"
people_ns=$best
all_people=$(counts)
timed kam-stance import "$T/obs.csv"
obs_ns=$best
all_obs=$(counts)
echo "a whole import takes $((people_ns / 1000000)) ms (people), $((obs_ns / 1000000)) ms (observations)"
count=$((count + 2))
[ "$all_people" != "$none" ] || fail "people: the import changed nothing"
[ "$all_obs" != "$none" ] || fail "observations: the import changed nothing"

# crash KIND NS COMMAND...: runs COMMAND on a fresh store and kills it
# with SIGKILL after a random time below NS nanoseconds, CRASH_RUNS
# times; checks the store after each.
crash() {
  kind=$1 ns=$2 whole=$3
  shift 3
  killed=0 r=1
  while [ $r -le "$CRASH_RUNS" ]; do
    fresh
    # A moment between 2% and 98% of a whole import's time.
    delay=$(awk -v ns="$ns" -v seed="$r$$" 'BEGIN { srand(seed);
      printf "%.3f\n", ns / 1e9 * (0.02 + 0.96 * rand()) }')
    "$@" >/dev/null 2>"$T/crash.err" &
    pid=$!
    sleep "$delay"
    kill -9 $pid 2>/dev/null
    # (The shell's "Killed" notice goes to /dev/null.)
    { wait $pid; } 2>/dev/null
    st=$?
    [ $st = 137 ] && killed=$((killed + 1))
    count=$((count + 4))
    [ $st = 137 ] || [ $st = 0 ] || fail "$kind $r: exit status $st: $(cat "$T/crash.err")"
    ok=$("$SQLITE3" "$KAM_DB" "PRAGMA integrity_check")
    [ "$ok" = ok ] || fail "$kind $r (killed after ${delay}s): integrity_check: $ok"
    kam-stance verify >/dev/null 2>"$T/verify.err" ||
      fail "$kind $r (killed after ${delay}s): verify: $(cat "$T/verify.err")"
    got=$(counts)
    if [ $st = 0 ]; then
      [ "$got" = "$whole" ] || fail "$kind $r: finished, but has $got, not $whole"
    else
      [ "$got" = "$none" ] || [ "$got" = "$whole" ] ||
        fail "$kind $r (killed after ${delay}s): part of the import: $got (none: $none, all: $whole)"
    fi
    # Every fifth time, the import is run again on the recovered store.
    if [ $((r % 5)) = 0 ] && [ "$got" = "$none" ]; then
      count=$((count + 2))
      "$@" >/dev/null 2>"$T/again.err" || fail "$kind $r: again: $(cat "$T/again.err")"
      [ "$(counts)" = "$whole" ] || fail "$kind $r: again: $(counts), not $whole"
    fi
    r=$((r + 1))
  done
  echo "$kind: $killed of $CRASH_RUNS imports killed part way"
  # Most kills must land inside the import, or the test proves little.
  count=$((count + 1))
  [ $((killed * 4)) -ge $((CRASH_RUNS * 3)) ] ||
    fail "$kind: only $killed of $CRASH_RUNS kills landed inside the import"
}

crash people "$people_ns" "$all_people" kam-org import acme "$T/people.csv"
crash observations "$obs_ns" "$all_obs" kam-stance import "$T/obs.csv"

done_testing
