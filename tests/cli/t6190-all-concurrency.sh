#!/bin/sh
# make check-crash: many commands on one store at once.  Parallel inits
# leave one store; then 20 writers, importers, more inits, gate runs and
# readers run together.  Every command exits 0 (writers wait for the
# write lock, readers read a snapshot), nothing written is lost, and
# the store is whole and its history verifies.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "a store opened by path"

KAM_DB="$T/shared/kam.db"
W=20

# status FILE COMMAND...: runs COMMAND, appends "status command" to FILE.
status() {
  sf=$1
  shift
  "$@" >/dev/null 2>>"$sf.err"
  echo "$? $*" >>"$sf"
}

# Sixteen inits at once.
i=1
while [ $i -le 16 ]; do
  status "$T/init" kam-org init &
  i=$((i + 1))
done
wait
count=$((count + 2))
[ "$(grep -c '^0 ' "$T/init")" = 16 ] || fail "init: $(grep -v '^0 ' "$T/init") $(cat "$T/init.err")"
[ "$(ls -A "$T/shared" | grep -v '^kam\.db\(-wal\|-shm\)\{0,1\}$')" = "" ] ||
  fail "init: files left: $(ls -A "$T/shared" | tr '\n' ' ')"

# A base account, with a deal to assess.
kam-org account add base --name Base
awk 'BEGIN { print "handle,name,reports_to"; for (i = 1; i <= 500; i++)
  printf "b%03d,B %d,%s\n", i, i, (i > 1 ? sprintf("b%03d", int(i / 2)) : "") }' >"$T/base.csv"
kam-org import base "$T/base.csv"
for k in 1 2 3 4 5; do
  kam-org deal add "base/d$k" --name "Deal $k"
  kam-org role "base/d$k" base/b001 decision-maker
done
kam-stance set base/b001 support >/dev/null
# A small account to draw.
kam-org account add small --name Small
kam-org person add small/li --name Li
kam-org person add small/wu --name Wu --reports-to small/li
kam-org deal add small/crm --name CRM
kam-org role small/crm small/wu technical
for k in 1 2 3 4; do
  awk -v k=$k 'BEGIN { print "handle,name,reports_to"; for (i = 1; i <= 3000; i++)
    printf "i%d_%04d,Imported %d,%s\n", k, i, i, (i > 1 ? sprintf("i%d_%04d", k, int(i / 2)) : "") }' >"$T/imp$k.csv"
done
for k in 1 2; do
  awk -v k=$k 'BEGIN { split("support neutral oppose", s, " "); print "person,stance,note"
    for (i = 1; i <= 3000; i++) printf "base/b%03d,%s,import %d row %d\n", i % 500 + 1, s[i % 3 + 1], k, i }' >"$T/obs$k.csv"
done

# Readers read until the writers are done.
reader() {
  while [ ! -e "$T/done" ]; do
    status "$T/read$1" kam-stance log base/b001
    status "$T/read$1" kam-org -F json person list base
    status "$T/read$1" kam-stance show base
    status "$T/read$1" kam-map small/crm
    status "$T/read$1" kam-gate list base
    status "$T/read$1" kam-stance verify
  done
}
# A writer adds an account and a person, and records five stances.
writer() {
  status "$T/write$1" kam-org account add "w$1" --name "Writer $1"
  status "$T/write$1" kam-org person add "w$1/p" --name "P $1"
  for n in 1 2 3 4 5; do
    status "$T/write$1" kam-stance set "w$1/p" support --note "writer $1 stance $n"
  done
}

for r in 1 2 3 4 5 6; do
  reader $r &
done
pids=
i=1
while [ $i -le $W ]; do
  writer $i &
  pids="$pids $!"
  i=$((i + 1))
done
for k in 1 2 3 4; do
  status "$T/import" kam-org import "base" "$T/imp$k.csv" &
  pids="$pids $!"
done
for k in 1 2; do
  status "$T/import" kam-stance import "$T/obs$k.csv" &
  pids="$pids $!"
done
for k in 1 2 3 4 5; do
  status "$T/gate" kam-gate run "base/d$k" &
  pids="$pids $!"
  status "$T/init2" kam-org init &
  pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
touch "$T/done"
wait

# Every command exited 0.
for f in "$T"/init2 "$T"/import "$T"/gate "$T"/write* "$T"/read*; do
  case $f in *.err) continue ;; esac
  count=$((count + 1))
  bad=$(grep -v '^0 ' "$f")
  [ -z "$bad" ] || fail "${f##*/}: $bad: $(head -3 "$f.err")"
done
reads=$(cat "$T"/read? | wc -l)
count=$((count + 1))
[ "$reads" -ge 36 ] || fail "only $reads reads ran"
echo "$reads reads ran beside the writers"

# Nothing lost.
expect_sql accounts "SELECT count(*) FROM account" $((2 + W))
expect_sql people "SELECT count(*) FROM person" $((500 + 4 * 3000 + 2 + W))
expect_sql managers "SELECT count(*) FROM person WHERE manager_id IS NOT NULL" $((499 + 4 * 2999 + 1))
expect_sql stances "SELECT count(*) FROM observation" $((1 + 5 * W + 2 * 3000))
i=1
while [ $i -le $W ]; do
  expect_sql "writer$i" "SELECT count(*) FROM observation_plain WHERE note LIKE 'writer $i stance %'" 5
  i=$((i + 1))
done
expect_sql imported "SELECT count(*) FROM observation_plain WHERE note LIKE 'import %'" 6000
expect_sql runs "SELECT count(DISTINCT deal_id) FROM gate_run" 5
expect_sql integrity "PRAGMA integrity_check" ok
run verify 0 kam-stance -F json verify
count=$((count + 1))
grep -q "\"observations\":$((1 + 5 * W + 2 * 3000))" "$T/verify.out" || fail "verify: $(cat "$T/verify.out")"

done_testing
