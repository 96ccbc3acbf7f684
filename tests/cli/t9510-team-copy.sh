#!/bin/sh
# kam copy into a team store (PostgreSQL) and back: a store file's
# accounts with their whole history go to the team store and come back
# into another file, leaving the same exports and chains that verify on
# every side; the team store records each copy.  Rows recorded by
# another seller keep their recorder, which only the store's owner may
# write: the writers' role is refused, and nothing is kept.  An account
# already there is refused.  Runs on a throwaway cluster
# (tests/pg/cluster.sh).
if [ -z "${KAM_TEST_PG:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "SKIP: no PostgreSQL server (Debian packages postgresql-15, postgresql-common)"
    exit 77
  fi
  exec sh "$(dirname "$0")/../pg/cluster.sh" sh "$0"
fi
. "$(dirname "$0")/lib.sh"

TEAM=$KAM_DB OWNER=$KAM_TEST_PG_OWNER
shown() { printf '%s\n' "$1" | sed "s/:$KAM_TEST_PG_PASSWORD@/@/"; }
A="$T/a.db" C="$T/c.db"

# The source, by tester, and one row by ann.
{
  kam-org -d "$A" init
  kam-org -d "$A" account add acme --name Acme --industry Steel --ext-id SF-1
  kam-org -d "$A" account add acme-cn --name "Acme 中国" --parent acme
  kam-org -d "$A" account add globex --name Globex
  kam-org -d "$A" person add acme/wang --name Wang --title CEO --level 1
  kam-org -d "$A" person add acme/li --name "Li Wei" --level 2 --reports-to acme/wang
  kam-org -d "$A" person add acme-cn/zhao --name Zhao --reports-to acme/li
  KAM_NOW=2026-03-05T10:00:00Z kam-org -d "$A" person set acme/li --title CTO --on 2026-03-04
  kam-org -d "$A" person add globex/hank --name Hank
  kam-org -d "$A" link acme-cn/zhao acme/li --kind advises --strength 1 --on 2026-01-10
  kam-org -d "$A" link acme-cn/zhao acme/li --kind advises --strength 3 --on 2026-01-20
  kam-org -d "$A" competitor add rival --name Rival
  kam-org -d "$A" deal add acme/erp --name ERP --value 120000.5 --currency EUR --close 2026-06-30
  KAM_NOW=2026-03-07T10:00:00Z kam-org -d "$A" deal set acme/erp --stage proposal --on 2026-03-07
  kam-org -d "$A" role acme/erp acme/wang decision-maker --influence high --on 2026-01-05
  kam-org -d "$A" role acme/erp acme-cn/zhao user --on 2026-01-05
  kam-org -d "$A" seller add sam --name "Sam Seller"
  kam-org -d "$A" contact sam acme/wang --strength 3 --on 2026-01-02
  kam-stance -d "$A" set acme/wang support --on 2026-01-10 --note "liked the demo" --source "call 3"
  kam-stance -d "$A" set acme/li neutral --deal acme/erp --on 2026-01-12 --note "wants a pilot"
  kam-stance -d "$A" set acme/li support --toward rival --on 2026-01-13
  KAM_NOW=2026-03-03T09:00:00Z kam-stance -d "$A" correct 2 oppose --on 2026-01-12 --why "misread the call"
  kam-stance -d "$A" set globex/hank oppose --on 2026-01-11
  KAM_NOW=2026-03-04T09:00:00Z kam-stance -d "$A" retract 5 --why "wrong person"
  kam-gate -d "$A" answer acme/erp need yes --evidence "RFP issued" --on 2026-01-20
  kam-gate -d "$A" run acme/erp --as-of 2026-02-01
} >/dev/null 2>"$T/setup.err" || { cat "$T/setup.err" >&2; fail "setup"; }
cp "$A" "$T/a-ann.db"
KAM_USER=ann kam-org -d "$T/a-ann.db" role rm acme/erp acme/wang decision-maker --on 2026-02-01 >/dev/null

# exports DB OUT: what kam prints of the accounts (no ids).
exports() {
  db=$1
  {
    for acc in acme acme-cn globex; do
      echo "== $acc"
      kam-org -d "$db" account show "$acc" -F tsv
      for k in people links roles deals; do
        kam-org -d "$db" export "$acc" --kind $k
      done
      kam-org -d "$db" links "$acc" --as-of 2026-01-15 -F tsv
      kam-org -d "$db" contacts "$acc" -F tsv
      kam-stance -d "$db" log "$acc" -F tsv | cut -f2,4-
      kam-stance -d "$db" show "$acc" -F tsv | cut -f1-8
      for p in $(kam-org -d "$db" person list "$acc" -F tsv | tail -n +2 | cut -f1); do
        kam-org -d "$db" log "$p" -F tsv
      done
      for d in $(kam-org -d "$db" deal list "$acc" -F tsv | tail -n +2 | cut -f1); do
        kam-org -d "$db" deal log "$d" -F tsv
        kam-org -d "$db" roles "$d" -F tsv
        kam-gate -d "$db" answers "$d" -F tsv
        kam-gate -d "$db" history "$d" -F tsv
      done
    done
    kam-org -d "$db" competitor list -F tsv
    kam-org -d "$db" seller list -F tsv
  } >"$2" 2>&1
}

run verify-a 0 kam-stance -d "$A" verify -F tsv
head_a=$(tail -n 1 "$T/verify-a.out" | cut -f2)

# There, as the writers' role tester.
run there 0 kam copy --from "$A" --to "$TEAM"
expect_text there "copied acme, acme-cn, globex from '$A' to '$(shown "$TEAM")'
observations chained anew: 6
the source's chain: 6 rows, head $head_a"
run verify-team 0 kam-stance -d "$TEAM" verify -F tsv
expect_text verify-team "observations	last_hash
6	$head_a"
expect_sql record "SELECT recorded, actor, source, source_head, source_rows, accounts, observations FROM store_copy" \
  "2026-03-02T09:00:00Z|tester|$A|$head_a|6|acme, acme-cn, globex|6"
exports "$A" "$T/exp-a"
exports "$TEAM" "$T/exp-team"
diff -u "$T/exp-a" "$T/exp-team" >&2 || fail "there: the exports differ"
grep -q "liked the demo" "$T/exp-team" || fail "there: the texts are not there"

# And back, into a new file.
kam-org -d "$C" init >/dev/null
run back 0 kam copy --from "$TEAM" --to "$C"
expect_text back "copied acme, acme-cn, globex from '$(shown "$TEAM")' to '$C'
observations chained anew: 6
the source's chain: 6 rows, head $head_a"
run verify-c 0 kam-stance -d "$C" verify -F tsv
cmp -s "$T/verify-a.out" "$T/verify-c.out" || fail "verify-c: not the source's chain"
exports "$C" "$T/exp-c"
diff -u "$T/exp-a" "$T/exp-c" >&2 || fail "back: the exports differ"
KAM_DB=$C
expect_sql back-record "SELECT source, source_head, source_rows FROM store_copy" \
  "$(shown "$TEAM")|$head_a|6"
KAM_DB=$TEAM

# Again: refused, the team store unchanged.
snapshot
run again 5 kam copy --from "$A" --to "$TEAM" globex
expect_err again "kam: account 'globex' exists in store '$(shown "$TEAM")' already: copy never merges (leave it out, or rename one of them with kam-org account set)"
unchanged again

# A row ann recorded: the writers' role may not write another's name,
# and nothing is kept; the owner may.
B_OWNER=$(printf '%s' "$OWNER" | sed "s|/$pg_db\$|/${pg_db}_b|")
B_TESTER=$(printf '%s' "$TEAM" | sed "s|/$pg_db\$|/${pg_db}_b|")
psql "$KAM_TEST_PG_ADMIN" -X -q -v ON_ERROR_STOP=1 \
  -c "CREATE DATABASE ${pg_db}_b OWNER kam_owner" >/dev/null
env -u KAM_USER -u KAM_NOW kam-org -d "$B_OWNER" init >/dev/null
psql "$B_OWNER" -X -q -c "UPDATE kam_store SET test_clock = true" >/dev/null
run ann-tester 9 kam copy --from "$T/a-ann.db" --to "$B_TESTER" acme acme-cn
grep -q "not the database user 'tester'" "$T/ann-tester.err" ||
  fail "ann-tester: not refused for the recorder: $(cat "$T/ann-tester.err")"
count=$((count + 1))
[ "$(psql "$B_OWNER" -X -At -c "SELECT count(*) FROM account")" = 0 ] ||
  fail "ann-tester: accounts were kept"
run ann-owner 0 env KAM_USER=kam_owner kam copy --from "$T/a-ann.db" --to "$B_OWNER" acme acme-cn
run verify-b 0 kam-stance -d "$B_TESTER" verify
count=$((count + 1))
[ "$(psql "$B_OWNER" -X -At -c "SELECT actor FROM deal_role_period WHERE ended_by IS NOT NULL")" = "tester" ] ||
  fail "ann-owner: the role's recorder changed"
count=$((count + 1))
[ "$(psql "$B_OWNER" -X -At -c "SELECT ended_by FROM deal_role_period WHERE ended_by IS NOT NULL")" = "ann" ] ||
  fail "ann-owner: the end's recorder changed"
psql "$KAM_TEST_PG_ADMIN" -X -q -c "DROP DATABASE IF EXISTS ${pg_db}_b WITH (FORCE)" >/dev/null 2>&1

done_testing
