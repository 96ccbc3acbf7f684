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

write_p() {
  kam-stance set "acme/p$2" support --note "writer $2"
}
writers 1 20 write_p
writers_ok 1 20

i=1
while [ $i -le 20 ]; do
  expect_sql "writer$i" "SELECT count(*) FROM observation_plain o JOIN person p
    ON p.id = o.person_id WHERE p.handle = 'p$i' AND o.note = 'writer $i'
    AND o.id = $(cat "$T/w1-$i.out")" 1
  i=$((i + 1))
done
expect_sql rows "SELECT count(*), count(DISTINCT id), min(id), max(id)
  FROM observation" "21|21|1|21"
run verify 0 kam-stance -F json verify
count=$((count + 1))
grep -q '"observations":21' "$T/verify.out" || fail "verify: $(cat "$T/verify.out")"

done_testing
