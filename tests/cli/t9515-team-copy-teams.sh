#!/bin/sh
# kam copy of accounts that a team sells, into a team store and back
# (kam(7), COPYING ACCOUNTS and TEAMS): the team goes with its account,
# found on the target by handle or added as kam-org team add adds it
# (with its database role when the user may create roles); the user
# copying must be a member of the team's role, or the account would be
# out of their sight; each refusal names the team and what the
# administrator must run, and leaves the target as it was.  Back from a
# team store, a seller copies the accounts they see (their teams' and
# those of no team), each with its team.  Runs on a throwaway cluster of
# its own (tests/pg/cluster.sh): it makes roles.
need_own_cluster=1
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

TEAM=$KAM_DB PW=$KAM_TEST_PG_PASSWORD
A="$T/a.db" C="$T/c.db" W="$T/w.db"
name() { printf '%s\n' "$1" | sed "s/:$PW@/@/"; }
# url ROLE: the test's database as ROLE.
url() { printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|"; }
admin() { psql "$KAM_TEST_PG_INSPECT" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

# The source, one file: east sells acme, west globex, open is no team's.
{
  kam-org -d "$A" init
  kam-org -d "$A" team add east
  kam-org -d "$A" team add west
  kam-org -d "$A" account add acme --name Acme --team east
  kam-org -d "$A" account add globex --name Globex --team west
  kam-org -d "$A" account add open --name Open
  kam-org -d "$A" person add acme/li --name "Li Wei"
  kam-org -d "$A" person add globex/hank --name Hank
  kam-org -d "$A" person add open/ola --name Ola
  kam-stance -d "$A" set acme/li support --on 2026-01-10 --note "liked the demo"
  kam-stance -d "$A" set globex/hank oppose --on 2026-01-11
  kam-stance -d "$A" set open/ola neutral --on 2026-01-12
} >/dev/null 2>"$T/setup.err" || { cat "$T/setup.err" >&2; fail "setup"; }

# The administrator's set-up: east's role, tester in it; a seller of
# west (whose role does not exist yet).
admin "CREATE ROLE kam_team_east NOLOGIN;
  GRANT kam_team_east TO tester;
  CREATE ROLE west_seller LOGIN PASSWORD '$PW' IN ROLE kam_writer" ||
  fail "cannot make the roles"

# A team whose role does not exist, and tester may not create roles:
# nothing is copied, and the administrator is told what to run.
snapshot
run no-role 9 kam copy --from "$A" --to "$TEAM"
expect_err no-role "kam: cannot copy account 'globex' into store '$(name "$TEAM")': team 'west' sells it, its role \"kam_team_west\" does not exist, and database user 'tester' may not create roles; have the database's administrator run 'CREATE ROLE \"kam_team_west\" NOLOGIN' and 'GRANT \"kam_team_west\" TO tester', then run the copy again (kam(7), TEAMS)"
unchanged no-role

# The role made, but tester is not in it: refused, the target unchanged.
admin "CREATE ROLE kam_team_west NOLOGIN; GRANT kam_team_west TO west_seller" ||
  fail "cannot make west's role"
run not-member 9 kam copy --from "$A" --to "$TEAM"
expect_err not-member "kam: cannot copy account 'globex' into store '$(name "$TEAM")': team 'west' sells it, and database user 'tester' is not a member of its role \"kam_team_west\", so the account would be out of their sight; have the database's administrator run 'GRANT \"kam_team_west\" TO tester' first (kam(7), TEAMS)"
unchanged not-member

# acme (east, tester's team) and open (no team's): copied, each with
# its team; east is added to the team store.
run there 0 kam copy --from "$A" --to "$TEAM" acme open
expect_sql there-teams "SELECT a.handle, coalesce(t.handle, '-') FROM account a
  LEFT JOIN team t ON t.id = a.team_id ORDER BY a.handle" "acme|east
open|-"
expect_sql there-team-rows "SELECT handle FROM team" "east"
run list-team 0 kam-org account list -F tsv
cut -f1,10 "$T/list-team.out" >"$T/list-team.cut"
run list-a 0 kam-org -d "$A" account list -F tsv
grep -v '^globex' "$T/list-a.out" | cut -f1,10 >"$T/list-a.cut"
count=$((count + 1))
diff -u "$T/list-a.cut" "$T/list-team.cut" >&2 || fail "there: the accounts' teams differ"
run verify-there 0 kam-stance verify

# The seller of west sees neither acme nor east's rows: the team store's
# row-level security holds for what a copy wrote.
count=$((count + 1))
[ "$(psql "$(url west_seller)" -X -At -c "SELECT count(*) FROM account WHERE handle = 'acme'")" = 0 ] ||
  fail "west_seller sees acme"

# globex, now that tester is in west's role, copied by itself: west is
# the team store's team of that handle.
admin "GRANT kam_team_west TO tester" || fail "cannot grant west"
run globex 0 kam copy --from "$A" --to "$TEAM" globex
expect_sql globex-team "SELECT t.handle FROM account a JOIN team t ON t.id = a.team_id
  WHERE a.handle = 'globex'" "west"
run verify-globex 0 kam-stance verify
admin "REVOKE kam_team_west FROM tester" || fail "cannot revoke west"

# Back: tester copies what they see (acme, open: globex is west's) into
# a new file, each with its team; the same exports as the source's.
kam-org -d "$C" init >/dev/null
run back 0 kam copy --from "$TEAM" --to "$C"
expect_text back "copied acme, open from '$(name "$TEAM")' to '$C'
observations chained anew: 2
the source's chain: 3 rows, head $(kam-stance -d "$TEAM" verify -F tsv 2>/dev/null | tail -n 1 | cut -f2)"
grep -q "warning: 1 observation" "$T/back.err" ||
  fail "back: no warning of the row tester may not verify: $(cat "$T/back.err")"
run list-c 0 kam-org -d "$C" account list -F tsv
cut -f1,10 "$T/list-c.out" >"$T/list-c.cut"
count=$((count + 1))
diff -u "$T/list-a.cut" "$T/list-c.cut" >&2 || fail "back: the accounts' teams differ"
for acc in acme open; do
  kam-stance -d "$A" log "$acc" -F tsv | cut -f2,4- >"$T/log-a-$acc"
  kam-stance -d "$C" log "$acc" -F tsv | cut -f2,4- >"$T/log-c-$acc"
  count=$((count + 1))
  diff -u "$T/log-a-$acc" "$T/log-c-$acc" >&2 || fail "back: $acc's log differs"
done
run verify-c 0 kam-stance -d "$C" verify

# An account the seller does not see is unknown to them: nothing copied.
kam-org -d "$W" init >/dev/null
cp "$W" "$T/w0.db"
run unseen 4 env KAM_USER=west_seller kam copy --from "$(url west_seller)" --to "$W" acme
expect_err unseen "kam: unknown account 'acme'"
count=$((count + 1))
cmp -s "$W" "$T/w0.db" || fail "unseen: the file changed"
# west's seller copies west's and no team's accounts.
run west 0 env KAM_USER=west_seller kam copy --from "$(url west_seller)" --to "$W"
count=$((count + 1))
[ "$("$SQLITE3" "$W" "SELECT a.handle || ':' || coalesce(t.handle, '-') FROM account a
  LEFT JOIN team t ON t.id = a.team_id ORDER BY a.handle" | tr '\n' ' ')" = "globex:west open:- " ] ||
  fail "west: $("$SQLITE3" "$W" "SELECT handle FROM account")"

done_testing
