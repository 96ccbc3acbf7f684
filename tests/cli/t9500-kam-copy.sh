#!/bin/sh
# kam copy between SQLite stores: accounts with all their history (people
# and their record's changes, reporting lines, links, deals and their
# changes, buying roles, contacts, observations with their texts,
# answers, gate runs), in order, the observations chained anew; the
# target records the copy (source, its chain's head and length).  A copy
# there and back leaves the same exports and verifying chains.  Every
# refusal names what is at fault and leaves the target as it was: an
# account already there (never merged), one the source lacks, a group
# cut in two, a criterion the target lacks, a source that does not
# verify, a CRM id taken, no store, the same store twice, a bad command
# line.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "copies between store files (t9510 copies to a team store and back)"

A="$T/a.db" B="$T/b.db" C="$T/c.db"

# The source: acme, with a subsidiary acme-cn in its group (a reporting
# line and a link across the two), and globex on its own.
{
  kam-org -d "$A" init
  kam-org -d "$A" team add east
  kam-org -d "$A" team add west
  kam-org -d "$A" account add acme --name Acme --industry Steel --ext-id SF-1 --team east
  kam-org -d "$A" account add globex --name Globex --category strategic --team west
  kam-org -d "$A" account add acme-cn --name "Acme 中国" --parent acme
  kam-org -d "$A" person add acme/wang --name Wang --title CEO --level 1
  kam-org -d "$A" person add acme/li --name "Li Wei" --title CTO --level 2 --reports-to acme/wang
  kam-org -d "$A" person add acme/cfo --name "the CFO" --placeholder
  kam-org -d "$A" person add acme-cn/zhao --name Zhao --reports-to acme/li --ext-id P-9
  kam-org -d "$A" person add acme/chen --name Chen --level 3 --reports-to acme/li
  KAM_NOW=2026-03-05T10:00:00Z kam-org -d "$A" person set acme/chen --title Architect --dotted-to acme/wang --on 2026-03-04
  kam-org -d "$A" person add globex/hank --name Hank --level 1
  kam-org -d "$A" person add globex/ann --name Ann --reports-to globex/hank
  KAM_NOW=2026-03-06T10:00:00Z kam-org -d "$A" person leave globex/ann --on 2026-03-06
  kam-org -d "$A" link acme/chen acme/li --kind advises --strength 1 --on 2026-01-10
  kam-org -d "$A" link acme/chen acme/li --kind advises --strength 3 --on 2026-01-20
  kam-org -d "$A" link acme-cn/zhao acme/wang --kind allies --on 2026-02-01
  kam-org -d "$A" competitor add rival --name Rival
  kam-org -d "$A" competitor add unused --name Unused
  kam-org -d "$A" deal add acme/erp --name ERP --value 120000.5 --currency EUR --close 2026-06-30 --cost 8000
  kam-org -d "$A" deal add globex/crm --name CRM --value 5000 --currency USD
  KAM_NOW=2026-03-07T10:00:00Z kam-org -d "$A" deal set acme/erp --stage proposal --on 2026-03-07
  KAM_NOW=2026-03-08T10:00:00Z kam-org -d "$A" deal close globex/crm --lost --reason price --on 2026-03-08
  kam-org -d "$A" role acme/erp acme/wang decision-maker --influence high --on 2026-01-05
  kam-org -d "$A" role acme/erp acme/li technical --lead --on 2026-01-05
  kam-org -d "$A" role acme/erp acme-cn/zhao user --on 2026-01-05
  KAM_USER=ann kam-org -d "$A" role rm acme/erp acme/wang decision-maker --on 2026-02-01
  kam-org -d "$A" seller add sam --name "Sam Seller"
  kam-org -d "$A" contact sam acme/wang --strength 3 --on 2026-01-02
  kam-org -d "$A" contact sam globex/hank --strength 1 --on 2026-01-03
  kam-stance -d "$A" set acme/wang support --on 2026-01-10 --note "liked the demo" --source "call 3"
  kam-stance -d "$A" set globex/hank oppose --on 2026-01-11
  kam-stance -d "$A" set acme/li neutral --deal acme/erp --on 2026-01-12 --note "wants a pilot"
  kam-stance -d "$A" set acme/li support --toward rival --on 2026-01-13
  KAM_NOW=2026-03-03T09:00:00Z kam-stance -d "$A" correct 3 oppose --on 2026-01-12 --why "misread the call"
  kam-stance -d "$A" set acme-cn/zhao support --on 2026-01-14 --source "wechat"
  KAM_NOW=2026-03-04T09:00:00Z kam-stance -d "$A" retract 2 --why "wrong person"
  kam-gate -d "$A" answer acme/erp need yes --evidence "RFP issued" --on 2026-01-20
  kam-gate -d "$A" answer acme/erp price --gap 12 --on 2026-01-21
  kam-gate -d "$A" run acme/erp --as-of 2026-02-01
  kam-gate -d "$A" run acme/erp --as-of 2026-03-01
} >/dev/null 2>"$T/setup.err" || { cat "$T/setup.err"; fail "setup"; }
[ -s "$T/setup.err" ] && { cat "$T/setup.err" >&2; fail "setup: messages"; }

# exports DB OUT [ACCOUNT...]: everything kam prints about the store's
# accounts (or those named), in the machine formats, with the history;
# not the store's ids, which a copy changes.
exports() {
  db=$1 out=$2
  shift 2
  [ $# -gt 0 ] || set -- $(kam-org -d "$db" account list -F tsv | tail -n +2 | cut -f1)
  set -- "$db" "$out" "$@"
  {
    for acc in $(shift 2; echo "$@"); do
      echo "== $acc"
      kam-org -d "$1" account show "$acc" -F tsv
      for k in people links roles deals; do
        kam-org -d "$1" export "$acc" --kind $k
      done
      kam-org -d "$1" person list "$acc" -F tsv
      kam-org -d "$1" tree "$acc"
      kam-org -d "$1" links "$acc" --as-of 2026-01-15 -F tsv
      kam-org -d "$1" links "$acc" -F tsv
      kam-org -d "$1" contacts "$acc" -F tsv
      kam-org -d "$1" deal list "$acc" -F tsv
      kam-stance -d "$1" log "$acc" -F tsv | cut -f2,4-
      kam-stance -d "$1" show "$acc" -F tsv | cut -f1-8
      kam-stance -d "$1" show "$acc" --as-of 2026-01-12 -F tsv | cut -f1-8
      for p in $(kam-org -d "$1" person list "$acc" -F tsv | tail -n +2 | cut -f1); do
        kam-org -d "$1" log "$p" -F tsv
      done
      for d in $(kam-org -d "$1" deal list "$acc" -F tsv | tail -n +2 | cut -f1); do
        kam-org -d "$1" deal show "$d" -F tsv
        kam-org -d "$1" deal log "$d" -F tsv
        kam-org -d "$1" roles "$d" --as-of 2026-01-20 -F tsv
        kam-org -d "$1" roles "$d" -F tsv
        kam-gate -d "$1" answers "$d" -F tsv
        kam-gate -d "$1" history "$d" -F tsv
        kam-gate -d "$1" report "$d" --as-of 2026-02-01 -F json
      done
    done
    kam-org -d "$1" competitor list -F tsv
    kam-org -d "$1" seller list -F tsv
    kam-org -d "$1" team list -F tsv
  } >"$2" 2>&1
}

# The whole source, into an empty store.
kam-org -d "$B" init >/dev/null
run verify-a 0 kam-stance -d "$A" verify -F tsv
head_a=$(tail -n 1 "$T/verify-a.out" | cut -f2)
rows_a=$(tail -n 1 "$T/verify-a.out" | cut -f1)
[ "$rows_a" = 7 ] || fail "verify-a: $rows_a rows, expected 7"
run all 0 kam copy --from "$A" --to "$B"
expect_text all "copied acme, globex, acme-cn from '$A' to '$B'
observations chained anew: 7
the source's chain: 7 rows, head $head_a"
run verify-b 0 kam-stance -d "$B" verify -F tsv
expect_text verify-b "observations	last_hash
7	$head_a"
KAM_DB=$B
expect_sql record "SELECT id, recorded, actor, source = '$A', source_head, source_rows, accounts, observations FROM store_copy" \
  "1|2026-03-02T09:00:00Z|tester|1|$head_a|7|acme, globex, acme-cn|7"
exports "$A" "$T/exp-a"
exports "$B" "$T/exp-b"
diff -u "$T/exp-a" "$T/exp-b" >&2 || fail "all: the exports differ"
grep -q "liked the demo" "$T/exp-b" || fail "all: the texts are not copied"
grep -q "RFP issued" "$T/exp-b" || fail "all: the answers are not copied"
# Competitors and sellers are the store's, not an account's: all of
# them, those no copied row names too.
expect_sql competitors "SELECT handle FROM competitor ORDER BY id" "rival
unused"
expect_sql texts "SELECT observation_id, field, text FROM observation_text ORDER BY 1, 2" \
  "1|note|liked the demo
1|source|call 3
3|note|wants a pilot
5|why|misread the call
6|source|wechat
7|why|wrong person"

# And back, into a third store: the same exports again.
kam-org -d "$C" init >/dev/null
run back 0 kam copy --from "$B" --to "$C"
exports "$C" "$T/exp-c"
diff -u "$T/exp-a" "$T/exp-c" >&2 || fail "back: the exports differ"
run verify-c 0 kam-stance -d "$C" verify
run verify-a-after 0 kam-stance -d "$A" verify -F tsv
cmp -s "$T/verify-a.out" "$T/verify-a-after.out" || fail "verify-a-after: the source changed"
KAM_DB=$C
expect_sql back-record "SELECT source = '$B', source_head, source_rows FROM store_copy" "1|$head_a|7"

# Into a store that has history of its own: new ids (each row chained
# after the target's last), the same history, by the same people.
D="$T/d.db"
{
  kam-org -d "$D" init
  kam-org -d "$D" account add initech --name Initech
  kam-org -d "$D" person add initech/bob --name Bob
  kam-org -d "$D" competitor add rival --name Rival
  kam-org -d "$D" seller add sam --name "Sam Seller"
  kam-org -d "$D" team add west
  kam-stance -d "$D" set initech/bob support --on 2026-01-01
  kam-stance -d "$D" set initech/bob oppose --on 2026-01-02
} >/dev/null
run into-d 0 kam copy --from "$A" --to "$D" globex acme acme-cn globex
expect_text into-d "copied acme, globex, acme-cn from '$A' to '$D'
observations chained anew: 7
the source's chain: 7 rows, head $head_a"
run verify-d 0 kam-stance -d "$D" verify -F tsv
KAM_DB=$D
expect_sql d-ids "SELECT o.id, p.handle, o.kind, quote(o.target_id) FROM observation o JOIN person p ON p.id = o.person_id ORDER BY o.id" \
  "1|bob|observe|NULL
2|bob|observe|NULL
3|wang|observe|NULL
4|hank|observe|NULL
5|li|observe|NULL
6|li|observe|NULL
7|li|correct|5
8|zhao|observe|NULL
9|hank|retract|4"
# The competitor and the seller of the same handle are the target's.
expect_sql d-competitors "SELECT id, handle, name FROM competitor ORDER BY id" "1|rival|Rival
2|unused|Unused"
expect_sql d-sellers "SELECT id, handle, name FROM seller ORDER BY id" "1|sam|Sam Seller"
expect_sql d-toward "SELECT toward_id FROM observation WHERE id = 6" "1"
expect_sql d-contacts "SELECT count(*) FROM contact WHERE seller_id = 1" "2"
# The team of the same handle is the target's; another is added.
expect_sql d-teams "SELECT a.handle, t.id, t.handle FROM account a JOIN team t ON t.id = a.team_id ORDER BY a.id" \
  "acme|2|east
globex|1|west"
exports "$A" "$T/exp-a-part" acme globex acme-cn
exports "$D" "$T/exp-d-part" acme globex acme-cn
diff -u "$T/exp-a-part" "$T/exp-d-part" >&2 || fail "into-d: the exports differ"
exports "$D" "$T/exp-d-initech" initech
grep -q "^initech/bob	Bob	oppose	2026-01-02" "$T/exp-d-initech" ||
  fail "into-d: initech's own history changed"

# Some accounts only: the group's two together; globex alone.
E="$T/e.db"
kam-org -d "$E" init >/dev/null
run group 0 kam copy --from "$A" --to "$E" acme-cn acme
expect_text group "copied acme, acme-cn from '$A' to '$E'
observations chained anew: 5
the source's chain: 7 rows, head $head_a"
run verify-e 0 kam-stance -d "$E" verify
KAM_DB=$E
expect_sql e-accounts "SELECT a.handle, quote(p.handle) FROM account a LEFT JOIN account p ON p.id = a.parent_id ORDER BY a.id" \
  "acme|NULL
acme-cn|'acme'"
expect_sql e-record "SELECT accounts, observations, source_rows FROM store_copy" "acme, acme-cn|5|7"
expect_sql e-sellers "SELECT handle FROM seller" "sam"
# Only the teams of the accounts copied.
expect_sql e-teams "SELECT handle FROM team" "east"
run globex 0 kam copy --from "$A" --to "$E" globex
expect_sql e-records "SELECT id, accounts, observations FROM store_copy ORDER BY id" "1|acme, acme-cn|5
2|globex|2"
run verify-e2 0 kam-stance -d "$E" verify

# Refusals: each names what is at fault, and the target is as it was.
KAM_DB=$E
snapshot
run again 5 kam copy --from "$A" --to "$E" globex
expect_err again "kam: account 'globex' exists in store '$E' already: copy never merges (leave it out, or rename one of them with kam-org account set)"
unchanged again
F="$T/f.db"
kam-org -d "$F" init >/dev/null
kam-org -d "$F" account add globex --name "Globex here" >/dev/null
KAM_DB=$F
snapshot
run one-there 5 kam copy --from "$A" --to "$F"
expect_err one-there "kam: account 'globex' exists in store '$F' already: copy never merges (leave it out, or rename one of them with kam-org account set)"
unchanged one-there
KAM_DB=$F
run crm-id 5 sh -c "kam-org -d '$F' account add acme-eu --name 'Acme EU' --ext-id SF-1 >/dev/null && kam copy --from '$A' --to '$F' acme acme-cn"
expect_err crm-id "kam: account 'acme' has the CRM id 'SF-1', which account 'acme-eu' of store '$F' has already"
expect_sql crm-id-unchanged "SELECT count(*) FROM account" 2
snapshot
run unknown 4 kam copy --from "$A" --to "$F" acmee
expect_err unknown "kam: unknown account 'acmee' (did you mean 'acme'?)"
unchanged unknown
K="$T/k.db"
kam-org -d "$K" init >/dev/null
KAM_DB=$K
snapshot
run child-alone 5 kam copy --from "$A" --to "$K" acme-cn
expect_err child-alone "kam: cannot copy account 'acme-cn' without account 'acme', its parent (copy both at once)"
unchanged child-alone
# acme alone: Zhao of acme-cn reports to Li, but the line is Zhao's;
# the role of Zhao in acme's deal is acme's, and names acme-cn.
run cut-group 5 kam copy --from "$A" --to "$K" acme
expect_err cut-group "kam: cannot copy account 'acme' without account 'acme-cn': its rows in deal_role_period refer to it (copy both at once)"
unchanged cut-group
# A criterion answered in the source that the target does not have:
# found late, after the people and deals, and still nothing is kept.
G="$T/g.db"
kam-org -d "$G" init >/dev/null
kam-gate -d "$G" criteria remove price --profile default >/dev/null
KAM_DB=$G
snapshot
run criterion 4 kam copy --from "$A" --to "$G" acme acme-cn
expect_err criterion "kam: deal 'acme/erp' has an answer to criterion 'price' of profile 'default', which store '$G' does not have: add it there first (kam-gate criteria add)"
unchanged criterion
KAM_DB=$F
snapshot
run no-target 6 kam copy --from "$A" --to "$T/none.db"
expect_err no-target "kam: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)"
[ -e "$T/none.db" ] && fail "no-target: a store was made"
run no-source 6 kam copy --from "$T/none.db" --to "$F"
expect_err no-source "kam: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)"
H="$T/h.db"
kam-org -d "$H" init >/dev/null
run empty 4 kam copy --from "$H" --to "$F"
expect_err empty "kam: store '$H' has no accounts to copy"
run same 2 kam copy --from "$F" --to "$F"
expect_err same "kam: --from and --to name the same store '$F'"
run no-to 2 kam copy --from "$A"
expect_err no-to "kam: copy needs --from STORE and --to STORE
usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run no-from 2 kam copy --to "$F" acme
expect_err no-from "kam: copy needs --from STORE and --to STORE
usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run with-db 2 kam -d "$F" copy --from "$A" --to "$F"
expect_err with-db "kam: copy takes its stores from --from and --to, and no -a, -d or -F
usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run bad-option 2 kam copy --from "$A" --to "$F" --merge
expect_err bad-option "kam: unknown option '--merge'
usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run no-value 2 kam copy --from "$A" --to
expect_err no-value "kam: option '--to' needs a value
usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run help 0 kam copy --help
expect_text help "usage: kam copy --from STORE --to STORE [ACCOUNT ...]"
run bad-now 13 env KAM_NOW=yesterday kam copy --from "$A" --to "$F" acme acme-cn
unchanged bad-now
# A source whose chain was tampered with is not copied.
cp "$A" "$T/bad.db"
"$SQLITE3" "$T/bad.db" "DROP TRIGGER observation_no_update; UPDATE observation SET stance = 'support' WHERE id = 2"
run tampered 3 kam copy --from "$T/bad.db" --to "$F" acme acme-cn
expect_err tampered "kam: store '$T/bad.db' does not verify (run 'kam-stance verify' on it): nothing copied"
unchanged tampered

# A person erased in the source: the texts are gone, the digests the
# chain kept are copied and chained again.
cp "$A" "$T/erased.db"
kam-org -d "$T/erased.db" person erase acme/wang --reason "asked to be forgotten" >/dev/null
X="$T/x.db"
kam-org -d "$X" init >/dev/null
run erased 0 kam copy --from "$T/erased.db" --to "$X" acme acme-cn
run verify-x 0 kam-stance -d "$X" verify
KAM_DB=$T/erased.db
digests=$(sql "SELECT note, source FROM observation WHERE id = 1")
[ -n "$digests" ] || fail "erased: no digests in the source"
KAM_DB=$X
expect_sql x-digests "SELECT note, source FROM observation WHERE id = 1" "$digests"
expect_sql x-texts "SELECT observation_id, field FROM observation_text ORDER BY 1, 2" \
  "2|note
4|why
5|source"

# A store of schema 2, its chain of encoding 1: the rows are chained
# anew with encoding 2, and read the same.
V="$T/v2.db" W="$T/w.db"
"$SQLITE3" "$V" <"$KAM_SRCDIR/tests/cli/data/store-v2-chain.sql"
"$SQLITE3" "$V" "PRAGMA application_id = 1262570801" "PRAGMA user_version = 2"
kam-org -d "$W" init >/dev/null
run v1 0 kam copy --from "$V" --to "$W"
expect_text v1 "copied acme from '$V' to '$W'
observations chained anew: 5
the source's chain: 5 rows, head ca074e13675216696b0fbd81c936c0f12d367dc0871cd52ef1f664ac72ca1aae"
run verify-w 0 kam-stance -d "$W" verify
KAM_DB=$W
expect_sql w-versions "SELECT group_concat(hash_version) FROM observation" "2,2,2,2,2"
kam-stance -d "$V" log -F tsv >"$T/log-v"
kam-stance -d "$W" log -F tsv >"$T/log-w"
count=$((count + 1))
cmp -s "$T/log-v" "$T/log-w" || fail "v1: the log differs"
count=$((count + 1))
[ "$(wc -l <"$T/log-w")" = 6 ] || fail "v1: $(wc -l <"$T/log-w") lines of log"

# The record of a copy is history.
"$SQLITE3" "$B" "UPDATE store_copy SET source = 'elsewhere'" 2>"$T/upd.err" &&
  fail "record-update: allowed"
grep -q "copies are history: a record is never changed" "$T/upd.err" ||
  fail "record-update: not refused by its guard"
"$SQLITE3" "$B" "DELETE FROM store_copy" 2>"$T/del.err" && fail "record-delete: allowed"
grep -q "copies are history: a record is never removed" "$T/del.err" ||
  fail "record-delete: not refused by its guard"
KAM_DB=$B
expect_sql record-kept "SELECT count(*) FROM store_copy WHERE source = '$A'" "1"

done_testing
