#!/bin/sh
# Tampering, one column at a time: with the update guard dropped, every
# column of every observation kind is changed behind kam's back (to
# another value, NULL to 0 or '' and back, text or a blob where an id or
# a number belongs) and put under the guard again; verify fails naming
# the row.  Then each append-only guard is dropped or replaced by one
# that does nothing under the same name, and verify names it.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "tampers with the SQLite file with the sqlite3 shell"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li-wei --name '李伟' >/dev/null
kam-org person add acme/zhang --name Zhang >/dev/null
kam-org competitor add rivalco --name RivalCo >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
# 1: a note and a source; 2: toward a competitor, about a deal, an
# empty note; 3: a retraction; 4: a correction; 5: nothing optional.
kam-stance set acme/li-wei support --on 2026-01-05 --note '午餐' --source minutes >/dev/null
kam-stance set acme/zhang oppose --toward rivalco --deal erp --on 2026-01-10 --note '' >/dev/null
kam-stance retract 2 --why 'wrong person' >/dev/null
kam-stance correct 1 oppose --why misheard >/dev/null
kam-stance set acme/zhang neutral --on 2026-02-01 >/dev/null
run clean 0 kam-stance verify
expect_sql clean-rows "SELECT count(*), min(hash_version), max(hash_version) FROM observation" "5|2|2"
cp "$KAM_DB" "$T/clean.db"

guard_update="CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract');
END;"
guard_delete="CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance retract');
END;"

restore() { cp "$T/clean.db" "$KAM_DB"; rm -f "$KAM_DB-wal" "$KAM_DB-shm"; }

changed="does not match its hash: it was changed after it was recorded"
broken="breaks the chain: its prev_hash is not the hash of the row before it (a row was removed, inserted or rewritten)"
unknown="names a hash encoding this kam does not know (hash_version): it was changed after it was recorded"

# edit ROW ASSIGNMENT [FAULT-ROW MESSAGE]: UPDATE observation SET
# ASSIGNMENT WHERE id = ROW with the guard dropped and put back; verify
# fails with "observation FAULT-ROW MESSAGE" (default: ROW, changed).
n=0
edit() {
  n=$((n + 1))
  restore
  "$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update;
    UPDATE observation SET $2 WHERE id = $1; $guard_update" ||
    fail "edit $n: sqlite3 could not: $2"
  run "edit$n" 1 kam-stance verify
  expect_err "edit$n" "kam-stance: observation ${3:-$1} ${4:-$changed}"
}

# id: renumbered in place (the chain breaks after it) or at the end.
edit 3 "id = 30" 4 "$broken"
edit 5 "id = 50" 50
# kind
edit 1 "kind = 'correct'"
edit 3 "kind = 'correct'"
edit 4 "kind = 'observe'"
# target_id: NULL to 0, to a row, to text; a row to NULL, 0, another.
edit 1 "target_id = 0"
edit 5 "target_id = 2"
edit 5 "target_id = '2'"
edit 5 "target_id = 'two'"
edit 3 "target_id = NULL"
edit 3 "target_id = 0"
edit 3 "target_id = 1"
edit 4 "target_id = '1x'"
edit 4 "target_id = 1.5"
# person_id
edit 1 "person_id = 2"
edit 1 "person_id = 0"
edit 1 "person_id = 'li-wei'"
edit 1 "person_id = -1"
# stance
edit 1 "stance = 'oppose'"
edit 1 "stance = NULL"
edit 3 "stance = 'support'"
# toward_id: NULL to 0 and back, to text, to a real.
edit 1 "toward_id = 0"
edit 1 "toward_id = 1"
edit 1 "toward_id = 'rivalco'"
edit 2 "toward_id = NULL"
edit 2 "toward_id = 0"
edit 2 "toward_id = ' 1x'"
edit 1 "toward_id = '1 '"
edit 2 "toward_id = 1.25"
edit 2 "toward_id = X'01'"
# deal_id
edit 1 "deal_id = 0"
edit 5 "deal_id = 1"
edit 2 "deal_id = NULL"
edit 2 "deal_id = 0"
edit 2 "deal_id = 'erp'"
# effective, recorded, actor
edit 1 "effective = '2026-01-06'"
edit 1 "effective = '2026-01-05 '"
edit 4 "recorded = '2026-03-02T09:00:01Z'"
edit 5 "actor = 'someone'"
edit 5 "actor = ''"
edit 5 "actor = CAST(actor AS BLOB)"
# note, source, why: text changed, NULL to '' and back, 0, a blob.
edit 1 "note = '午饭'"
edit 1 "note = CAST(note AS BLOB)"
edit 1 "note = NULL"
edit 2 "note = NULL"
edit 5 "note = ''"
edit 5 "note = 0"
edit 1 "source = 'Minutes'"
edit 1 "source = NULL"
edit 5 "source = ''"
edit 3 "why = 'wrong'"
edit 3 "why = NULL"
edit 5 "why = ''"
edit 4 "why = 'misheard' || char(0)"
# prev_hash: the chain's link.
edit 2 "prev_hash = upper(prev_hash)" 2 "$broken"
edit 2 "prev_hash = CAST(prev_hash AS BLOB)" 2 "$broken"
edit 1 "prev_hash = ''" 1 "$broken"
# hash: the row's own, and the link of the next row to it.
edit 2 "hash = upper(hash)"
edit 5 "hash = CAST(hash AS BLOB)"
edit 5 "hash = substr(hash, 1, 63) || '0'"
# hash_version
edit 1 "hash_version = 1"
edit 2 "hash_version = 3" 2 "$unknown"
edit 2 "hash_version = 0" 2 "$unknown"
edit 2 "hash_version = 'two'" 2 "$unknown"
edit 2 "hash_version = 2.5" 2 "$unknown"

# Removing or adding rows.
restore
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_delete;
  DELETE FROM observation WHERE id = 5; $guard_delete" || fail "delete last"
run delete-last 0 kam-stance verify
expect_text delete-last "observations	last_hash
4	$(sql "SELECT hash FROM observation WHERE id = 4")"
# (the head printed is what catches a removed last row: keep it)
restore
"$SQLITE3" "$KAM_DB" "INSERT INTO observation SELECT 6, kind, target_id,
  person_id, stance, toward_id, deal_id, effective, recorded, actor, note,
  source, why, hash, hash, hash_version FROM observation WHERE id = 5" || fail "copy"
run copied 1 kam-stance verify
expect_err copied "kam-stance: observation 6 $changed"

# Guards: dropped, or replaced under the same name by one that does
# nothing; verify names the guard.  The rows all match their hashes.
# guard NAME SQL MESSAGE
guard() {
  restore
  "$SQLITE3" "$KAM_DB" "$2" || fail "$1: sqlite3 could not: $2"
  run "$1" 1 kam-stance verify
  expect_err "$1" "kam-stance: the append-only guard '$3' is $4: history can be rewritten (5 rows match their hashes)"
}
for g in update delete; do
  gname=observation_no_$g
  verb=$(echo $g | tr a-z A-Z)
  guard $g-dropped "DROP TRIGGER $gname" $gname missing
  guard $g-select-1 "DROP TRIGGER $gname;
    CREATE TRIGGER $gname BEFORE $verb ON observation BEGIN SELECT 1; END" \
    $gname "not the one kam creates"
  guard $g-when-0 "DROP TRIGGER $gname;
    CREATE TRIGGER $gname BEFORE $verb ON observation WHEN 0
    BEGIN SELECT RAISE(ABORT, 'observations are append-only'); END" \
    $gname "not the one kam creates"
  guard $g-other-table "DROP TRIGGER $gname;
    CREATE TRIGGER $gname BEFORE $verb ON person
    BEGIN SELECT RAISE(ABORT, 'observations are append-only: use kam-stance retract'); END" \
    $gname "not the one kam creates"
  guard $g-insert "DROP TRIGGER $gname;
    CREATE TRIGGER $gname BEFORE INSERT ON observation WHEN 0
    BEGIN SELECT RAISE(ABORT, 'x'); END" \
    $gname "not the one kam creates"
  guard $g-ignore "DROP TRIGGER $gname;
    CREATE TRIGGER $gname AFTER $verb ON observation
    BEGIN SELECT RAISE(IGNORE); END" \
    $gname "not the one kam creates"
  guard $g-temp "DROP TRIGGER $gname;
    CREATE TEMP TRIGGER $gname BEFORE $verb ON observation
    BEGIN SELECT 1; END" \
    $gname missing
done
# The same definitions, laid out differently, are the same guards.
restore
"$SQLITE3" "$KAM_DB" "DROP TRIGGER observation_no_update; DROP TRIGGER observation_no_delete;
  CREATE TRIGGER observation_no_update   BEFORE UPDATE ON observation BEGIN SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract'); END;
  CREATE TRIGGER observation_no_delete
      BEFORE DELETE ON observation
  BEGIN
      SELECT RAISE(ABORT, 'observations are append-only: use kam-stance retract');
  END" || fail "relaid"
run relaid 0 kam-stance verify
# One word of a message changed is another guard.
guard message "DROP TRIGGER observation_no_delete;
  CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation
  BEGIN SELECT RAISE(ABORT, 'observations are append-only: use kam-stance retrac'); END" \
  observation_no_delete "not the one kam creates"

done_testing
