#!/bin/sh
# kam-stance on a team store: observations set, retracted, corrected
# and imported print on a team store what they print on a store file,
# in show, log, changes, timeline and stale, with the same errors and
# exit codes; the chain's rows are the file's, hash for hash.  Runs on
# a throwaway cluster (tests/pg/cluster.sh).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/team-both.sh"
team_stores t9320

both acme 0 kam-org account add acme --name Acme
both li 0 kam-org person add acme/li-wei --name 李伟 --title CTO --level 2
both zhang 0 kam-org person add acme/zhang --name Zhang --level 3 --reports-to li-wei
both Ann 0 kam-org person add acme/Ann --name Ann --level 3 --reports-to li-wei
both rival 0 kam-org competitor add rivalco --name 'Rival Co'
both rivals 0 kam-org competitor list
both deals 0 kam-org import acme "$KAM_SRCDIR/tests/cli/data/team-deals.csv" --kind deals

# Observations, one by one.
both set1 0 kam-stance set acme/li-wei support --on 2026-01-05 --note '午餐时说的' --source 'call notes'
both set2 0 kam-stance set acme/zhang oppose --on 2026-01-10
both set3 0 kam-stance set acme/zhang neutral --on 2026-02-01 --toward rivalco
both set4 0 kam-stance set acme/Ann + --on 2026-02-03 --deal acme/erp
both set5 0 kam-stance -a acme set zhang support --on 2026-02-20 --note 'after the demo'
both set-typo 4 kam-stance set acme/zhnag support
both set-bad 3 kam-stance set acme/zhang maybe
both set-future 3 kam-stance set acme/zhang support --on 2027-01-01
both retract 0 kam-stance retract 2 --why 'misheard at the fair'
both retract-twice 5 kam-stance retract 2 --why again
both correct 0 kam-stance correct 1 neutral --on 2026-01-06 --why 'asked again'
both correct-none 4 kam-stance correct 99 neutral --why none

# Import: all or nothing.
cat >"$T/ok.csv" <<'CSV'
source,person,stance,on,toward,deal,note
minutes,acme/li-wei,support,2026-02-25,,,"lunch, then ""tea"""
,acme/zhang,-,2026-02-26,rivalco,,
,acme/Ann,0,2026-02-27,,acme/erp,
CSV
both import 0 kam-stance import "$T/ok.csv"
printf 'person,stance\nacme/li-wei,support\nacme/nobody,oppose\n' >"$T/bad.csv"
both import-bad 4 kam-stance import "$T/bad.csv"

# What each reading verb prints.
both show 0 kam-stance show acme
both_expect show team-stance-show.tsv
both show-table 0 kam-stance -F table show acme
both show-then 0 kam-stance -F json show acme --as-of 2026-01-31
both show-deal 0 kam-stance show acme/erp
both show-toward 0 kam-stance show acme --toward rivalco
both log 0 kam-stance log acme
both_expect log team-stance-log.tsv
both log-person 0 kam-stance -F json log acme/zhang
both log-since 0 kam-stance log acme --since 2026-02-01 --until 2026-02-26
both changes 0 kam-stance changes acme --from 2026-01-01 --to 2026-02-28
both timeline 0 kam-stance -F table timeline acme --from 2026-01-01 --to 2026-03-31
both timeline-dot 0 kam-stance timeline acme -T dot --from 2026-01-01 --to 2026-03-31
both stale 0 kam-stance stale acme --older-than 30d
both stale-json 0 kam-stance -F json stale acme --as-of 2026-06-30 --older-than 90d

# The chain: the same rows, the same hashes, each row's prev_hash the
# hash of the row before.
chain="SELECT id, kind, coalesce(target_id, 0), person_id,
       coalesce(stance, '-'), effective, recorded, actor, prev_hash, hash
       FROM observation ORDER BY id"
"$SQLITE3" -batch -noheader -separator '|' "$LITE" "$chain" >"$T/lite.chain"
pgsql "$chain" >"$T/pg.chain"
count=$((count + 1))
cmp -s "$T/lite.chain" "$T/pg.chain" ||
  { fail "chain: the team store's differs"; diff "$T/lite.chain" "$T/pg.chain" | head >&2; }
[ "$(wc -l <"$T/pg.chain")" -eq 10 ] || fail "chain: $(wc -l <"$T/pg.chain") rows"
expect_pg() {
  count=$((count + 1))
  got=$(pgsql "$2")
  [ "$got" = "$3" ] || fail "$1: team store has '$got', expected '$3' for: $2"
}
expect_pg linked "SELECT count(*) FROM observation o JOIN observation p
  ON p.id = o.id - 1 WHERE o.prev_hash <> p.hash" 0
# An append rolled back (its output could not be written) leaves no
# gap in the chain's ids: the next is the one after the last.
KAM_DB=$PG run closed 10 sh -c 'kam-stance set acme/li-wei oppose --on 2026-02-28 >&-'
expect_pg closed "SELECT max(id), count(*) FROM observation" "10|10"
both after-closed 0 kam-stance set acme/li-wei oppose --on 2026-02-28
expect_pg after-closed "SELECT max(id), count(*) FROM observation" "11|11"

done_testing
