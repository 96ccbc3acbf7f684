#!/bin/sh
# kam-stance verify: the chain holds after kam's own writes, and catches
# rows changed, rehashed or deleted behind kam's back with the sqlite3
# shell (after dropping the append-only triggers).
. "$(dirname "$0")/lib.sh"
sqlite_only "tampers with the SQLite file with the sqlite3 shell"

kam-org init >/dev/null
run empty 0 kam-stance -F json verify
expect_text empty '{"observations":0,"last_hash":"0000000000000000000000000000000000000000000000000000000000000000"}'

stance_history || fail "cannot write the history"
run ok 0 kam-stance -F json verify
expect_out ok stance-verify-ok.json
run ok-tsv 0 kam-stance verify
expect_out ok-tsv stance-verify-ok.tsv

# The hash of row 1 is SHA-256 of its record in encoding 2 (kam(7), THE
# HASH CHAIN), the note entering as its own SHA-256.
zero=0000000000000000000000000000000000000000000000000000000000000000
note=$(printf '%s' '午餐' | sha256sum | cut -d' ' -f1)
h1=$(printf '%s' "T11:observationI1:1T7:observeN0:I1:1T7:supportN0:N0:\
T10:2026-01-05T20:2026-03-02T09:00:00ZT6:testerD64:${note}N0:N0:\
T64:${zero}I1:2" | sha256sum | cut -d' ' -f1)
expect_sql doc-hash "SELECT hash FROM observation WHERE id = 1" "$h1"

cp "$KAM_DB" "$T/clean.db"

# Changing a field: the row no longer matches its hash.  Putting the
# trigger back does not hide it.
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update;
  UPDATE observation SET stance = 'support' WHERE id = 2;
  CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
  BEGIN SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract'); END;" ||
  fail "sqlite3 could not tamper"
run changed 1 kam-stance verify
expect_err changed "kam-stance: observation 2 does not match its hash: it was changed after it was recorded"

# Changing a field and recomputing that row's hash: the next row's link
# to it breaks.
cp "$T/clean.db" "$KAM_DB"
rm -f "$KAM_DB-wal" "$KAM_DB-shm"
h2=$(printf '%s' "T11:observationI1:2T7:observeN0:I1:1T7:supportN0:N0:\
T10:2026-02-10T20:2026-03-02T09:00:00ZT6:testerN0:N0:N0:T64:${h1}I1:2" |
  sha256sum | cut -d' ' -f1)
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update;
  UPDATE observation SET stance = 'support', hash = '$h2' WHERE id = 2;" ||
  fail "sqlite3 could not tamper"
run rehashed 1 kam-stance verify
expect_err rehashed "kam-stance: observation 3 breaks the chain: its prev_hash is not the hash of the row before it (a row was removed, inserted or rewritten)"

# Deleting a row.
cp "$T/clean.db" "$KAM_DB"
rm -f "$KAM_DB-wal" "$KAM_DB-shm"
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_delete;
  DELETE FROM observation WHERE id = 3;" || fail "sqlite3 could not delete"
run deleted 1 kam-stance verify
expect_err deleted "kam-stance: observation 4 breaks the chain: its prev_hash is not the hash of the row before it (a row was removed, inserted or rewritten)"

# Dropping a trigger alone leaves history open to rewriting.
cp "$T/clean.db" "$KAM_DB"
rm -f "$KAM_DB-wal" "$KAM_DB-shm"
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update;" || fail "sqlite3"
run no-trigger 1 kam-stance verify
expect_err no-trigger "kam-stance: the append-only guard 'observation_no_update' is missing: history can be rewritten (4 rows match their hashes)"

run extra 2 kam-stance verify acme
expect_err extra "kam-stance: unexpected 'acme'
usage: kam-stance verify"

done_testing
