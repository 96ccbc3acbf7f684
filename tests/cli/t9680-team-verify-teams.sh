#!/bin/sh
# kam-stance verify for a seller who sees only some teams: under
# row-level security the rows of other teams' accounts are hidden, so
# verify walks the whole chain through observation_chain (its links,
# every writer's to read), recomputes every row the seller sees and
# checks it is its link, and says how many rows it could not see; a
# role that sees every team verifies them all.  A changed row is caught
# by whoever sees it, a changed link of a hidden row by everyone.
# Runs on a throwaway cluster of its own (it makes roles).
need_own_cluster=1
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

PW=$KAM_TEST_PG_PASSWORD
# url ROLE: the test's database as ROLE.
url() { printf '%s\n' "$KAM_TEST_PG_TESTER" | sed "s|//tester:|//$1:|"; }
# admin SQL: as the cluster's superuser, who is not held by the policies.
admin() { psql "$KAM_TEST_PG_INSPECT" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# verify_as NAME STATUS ROLE: kam-stance verify as ROLE.
verify_as() {
  run "$1" "$2" env KAM_USER="$3" kam-stance --db "$(url "$3")" -F json verify
}

# Two teams' roles, a seller of each, one of both.
admin "CREATE ROLE kam_team_east NOLOGIN; CREATE ROLE kam_team_west NOLOGIN;
  CREATE ROLE vt_east LOGIN PASSWORD '$PW' IN ROLE kam_writer, kam_team_east;
  CREATE ROLE vt_west LOGIN PASSWORD '$PW' IN ROLE kam_writer, kam_team_west;
  CREATE ROLE vt_both LOGIN PASSWORD '$PW' IN ROLE kam_writer, kam_team_east, kam_team_west" ||
  fail "cannot make the roles"

# Observations of two accounts, interleaved in the chain, written by
# kam while neither has a team; then east sells acme and west beta.
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add acme/li --name Li >/dev/null
kam-org person add beta/wang --name Wang >/dev/null
kam-stance set acme/li support --on 2026-01-05 --note 'lunch' >/dev/null
kam-stance set beta/wang oppose --on 2026-01-06 >/dev/null
kam-stance set beta/wang neutral --on 2026-01-07 --note 'call' >/dev/null
kam-stance set acme/li neutral --on 2026-01-08 >/dev/null
kam-stance set beta/wang support --on 2026-01-09 >/dev/null
admin "INSERT INTO team (id, handle, created) VALUES (1, 'east', '2026-01-05'), (2, 'west', '2026-01-05');
  UPDATE account SET team_id = 1 WHERE handle = 'acme';
  UPDATE account SET team_id = 2 WHERE handle = 'beta'" || fail "cannot set the teams"
head=$(admin "SELECT hash FROM observation ORDER BY id DESC LIMIT 1")

# The role that sees both teams verifies every row: no warning.
verify_as both 0 vt_both
expect_text both "{\"observations\":5,\"last_hash\":\"$head\"}"
count=$((count + 1))
[ -s "$T/both.err" ] && fail "both: a message: $(cat "$T/both.err")"
# A seller of east recomputes acme's two rows, and follows the links of
# beta's three up to the same head.
verify_as east 0 vt_east
expect_text east "{\"observations\":2,\"last_hash\":\"$head\"}"
expect_err east "kam-stance: warning: 3 observations of accounts that 'vt_east' may not see (other teams') were not verified, only their links in the chain: a role that sees every team verifies them all"
verify_as west 0 vt_west
expect_text west "{\"observations\":3,\"last_hash\":\"$head\"}"
expect_err west "kam-stance: warning: 2 observations of accounts that 'vt_west' may not see (other teams') were not verified, only their links in the chain: a role that sees every team verifies them all"
# The suite's tester is in neither team: every row is another team's.
run none 0 kam-stance -F json verify
expect_text none "{\"observations\":0,\"last_hash\":\"$head\"}"
expect_err none "kam-stance: warning: 5 observations of accounts that 'tester' may not see (other teams') were not verified, only their links in the chain: a role that sees every team verifies them all"
# The text output is the same row.
run east-tsv 0 env KAM_USER=vt_east kam-stance --db "$(url vt_east)" verify
expect_text east-tsv "$(printf 'observations\tlast_hash\n2\t%s' "$head")"

# tamper SQL: a change behind kam's back, with the triggers off (the
# superuser's replica mode), which leaves the guards as they were.
tamper() { admin "SET session_replication_role = replica; $1" || fail "cannot tamper: $1"; }

# A west row changed (row 3): east cannot see it, and still verifies
# its own rows and the links; west and both find it.
tamper "UPDATE observation SET stance = 'support' WHERE id = 3"
verify_as east-changed 0 vt_east
expect_text east-changed "{\"observations\":2,\"last_hash\":\"$head\"}"
verify_as west-changed 1 vt_west
expect_text west-changed '{"broken":"hash","observation":3,"guard":null}'
expect_err west-changed "kam-stance: observation 3 does not match its hash: it was changed after it was recorded"
verify_as both-changed 1 vt_both
expect_text both-changed '{"broken":"hash","observation":3,"guard":null}'
tamper "UPDATE observation SET stance = 'neutral' WHERE id = 3"
verify_as west-restored 0 vt_west

# A row rehashed with its link (row 3 changed, its hash and link made
# to match): the next link no longer follows it, for everyone, east too.
old3=$(admin "SELECT hash FROM observation WHERE id = 3")
tamper "UPDATE observation_chain SET hash = repeat('a', 64) WHERE id = 3"
verify_as east-link 1 vt_east
expect_text east-link '{"broken":"prev-hash","observation":4,"guard":null}'
expect_err east-link "kam-stance: observation 4 breaks the chain: its prev_hash is not the hash of the row before it (a row was removed, inserted or rewritten)"
# west sees row 3 itself: its hash is not its link's.
verify_as west-link 1 vt_west
expect_text west-link '{"broken":"hash","observation":3,"guard":null}'
tamper "UPDATE observation_chain SET hash = '$old3' WHERE id = 3"
verify_as east-link-restored 0 vt_east

# A hidden row removed with its link: the chain no longer follows on.
tamper "CREATE TABLE saved AS SELECT * FROM observation_chain WHERE id = 2;
  DELETE FROM observation_chain WHERE id = 2"
verify_as east-gone 1 vt_east
expect_text east-gone '{"broken":"prev-hash","observation":3,"guard":null}'
tamper "INSERT INTO observation_chain SELECT * FROM saved; DROP TABLE saved"
verify_as east-back 0 vt_east
expect_text east-back "{\"observations\":2,\"last_hash\":\"$head\"}"

# A link added for no row reads as another team's row: a seller cannot
# tell them apart, and even a role that sees every team is told that
# one link has no row it could verify.
tamper "INSERT INTO observation_chain VALUES (99, '$head', repeat('b', 64))"
verify_as both-extra 0 vt_both
expect_text both-extra "{\"observations\":5,\"last_hash\":\"$(printf '%064d' 0 | tr 0 b)\"}"
expect_err both-extra "kam-stance: warning: 1 observations of accounts that 'vt_both' may not see (other teams') were not verified, only their links in the chain: a role that sees every team verifies them all"

done_testing
