#!/bin/sh
# Twenty kam-stance set processes at once: each waits for the write lock,
# none fails, every observation is present and the chain is whole.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
i=1
while [ $i -le 20 ]; do
  kam-org person add "acme/p$i" --name "Person $i" >/dev/null
  i=$((i + 1))
done
kam-stance set acme/p1 neutral --on 2026-01-01 >/dev/null

i=1
while [ $i -le 20 ]; do
  (kam-stance set "acme/p$i" support --note "writer $i" \
    >"$T/w$i.out" 2>"$T/w$i.err"; echo $? >"$T/w$i.rc") &
  i=$((i + 1))
done
wait

i=1
while [ $i -le 20 ]; do
  count=$((count + 1))
  [ "$(cat "$T/w$i.rc")" = 0 ] || fail "writer $i: exit $(cat "$T/w$i.rc"): $(cat "$T/w$i.err")"
  expect_sql "writer$i" "SELECT count(*) FROM observation_plain o JOIN person p
    ON p.id = o.person_id WHERE p.handle = 'p$i' AND o.note = 'writer $i'
    AND o.id = $(cat "$T/w$i.out")" 1
  i=$((i + 1))
done
expect_sql rows "SELECT count(*), count(DISTINCT id), min(id), max(id)
  FROM observation" "21|21|1|21"
run verify 0 kam-stance -F json verify
count=$((count + 1))
grep -q '"observations":21' "$T/verify.out" || fail "verify: $(cat "$T/verify.out")"

done_testing
