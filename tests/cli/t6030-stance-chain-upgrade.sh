#!/bin/sh
# A store whose chain was written with hash encoding 1 (schema 2) keeps
# verifying after the upgrade, each row with its own encoding; new rows
# use encoding 2; an old row edited in a way encoding 1 cannot see (an
# id set to 0 or to text) still fails verify, as does a row's encoding
# changed.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "an SQLite upgrade fixture"

old() {
  rm -f "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
  "$SQLITE3" "$KAM_DB" <"$KAM_SRCDIR/tests/cli/data/store-v2-chain.sql"
  "$SQLITE3" "$KAM_DB" "PRAGMA application_id = 1262570801" "PRAGMA user_version = 2"
}
# tamper NAME SQL: runs SQL with the update guard dropped and put back.
tamper() {
  "$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update; $2;
  CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
  BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract');
  END;" || fail "$1: sqlite3 could not tamper"
}

old
run old-verify 0 kam-stance verify
expect_text old-verify "observations	last_hash
5	ca074e13675216696b0fbd81c936c0f12d367dc0871cd52ef1f664ac72ca1aae"
expect_sql migrated "PRAGMA user_version" 14
expect_sql old-versions "SELECT group_concat(hash_version) FROM observation" "1,1,1,1,1"

# New rows are written with encoding 2 after the old ones.
run new-row 0 kam-stance set acme/zhang neutral --on 2026-02-20 --note 'call'
expect_text new-row 6
run new-row2 0 kam-stance set acme/li-wei support --on 2026-02-21
expect_text new-row2 7
expect_sql versions "SELECT group_concat(hash_version) FROM observation" "1,1,1,1,1,2,2"
expect_sql prev "SELECT prev_hash FROM observation WHERE id = 6" \
  ca074e13675216696b0fbd81c936c0f12d367dc0871cd52ef1f664ac72ca1aae
run mixed-verify 0 kam-stance verify
sed -n 2p "$T/mixed-verify.out" | cut -f1 >"$T/n"
[ "$(cat "$T/n")" = 7 ] || fail "mixed-verify: $(cat "$T/mixed-verify.out")"
cp "$KAM_DB" "$T/mixed.db"
restore() { cp "$T/mixed.db" "$KAM_DB"; rm -f "$KAM_DB-wal" "$KAM_DB-shm"; }

# Edits of encoding 1 rows that encoding 1 writes alike.
# v1 NAME ROW SQL MESSAGE
v1() {
  restore
  tamper "$1" "$3"
  run "$1" 1 kam-stance verify
  expect_err "$1" "kam-stance: observation $2 $4"
}
v1 v1-toward-0 1 "UPDATE observation SET toward_id = 0 WHERE id = 1" \
  "holds a toward_id that kam never writes: it was changed after it was recorded"
v1 v1-deal-0 2 "UPDATE observation SET deal_id = 0 WHERE id = 2" \
  "holds a deal_id that kam never writes: it was changed after it was recorded"
v1 v1-target-0 3 "UPDATE observation SET target_id = 0 WHERE id = 3" \
  "holds a target_id that kam never writes: it was changed after it was recorded"
v1 v1-toward-text 2 "UPDATE observation SET toward_id = 'rivalco' WHERE id = 2" \
  "holds a toward_id that kam never writes: it was changed after it was recorded"
v1 v1-person-text 4 "UPDATE observation SET person_id = 'x' WHERE id = 4" \
  "holds a person_id that kam never writes: it was changed after it was recorded"
v1 v1-note-blob 1 "UPDATE observation SET note = CAST(note AS BLOB) WHERE id = 1" \
  "holds a note that kam never writes: it was changed after it was recorded"
v1 v1-note-empty 3 "UPDATE observation SET note = NULL WHERE id = 3" \
  "does not match its hash: it was changed after it was recorded"
v1 v1-stance 5 "UPDATE observation SET stance = 'support' WHERE id = 5" \
  "does not match its hash: it was changed after it was recorded"
# A row's encoding changed: up, down, unknown.
v1 v1-up 1 "UPDATE observation SET hash_version = 2 WHERE id = 1" \
  "does not match its hash: it was changed after it was recorded"
v1 v2-to-v1 6 "UPDATE observation SET hash_version = 1 WHERE id = 6" \
  "does not match its hash: it was changed after it was recorded"
v1 v2-down 7 "UPDATE observation SET hash_version = 1 WHERE id = 7" \
  "names an older hash encoding than the row before it (hash_version): it was changed after it was recorded"
v1 v-unknown 3 "UPDATE observation SET hash_version = 3 WHERE id = 3" \
  "names a hash encoding this kam does not know (hash_version): it was changed after it was recorded"
v1 v-text 3 "UPDATE observation SET hash_version = 'two' WHERE id = 3" \
  "names a hash encoding this kam does not know (hash_version): it was changed after it was recorded"
v1 v-real 3 "UPDATE observation SET hash_version = 1.5 WHERE id = 3" \
  "names a hash encoding this kam does not know (hash_version): it was changed after it was recorded"

# What the old kam printed before the upgrade (its log, kept in
# expected/) is what this one prints for the old rows.
old
run log 0 kam-stance -F csv log
expect_out log stance-chain-upgrade-log.csv

done_testing
