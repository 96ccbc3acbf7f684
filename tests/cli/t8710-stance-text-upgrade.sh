#!/bin/sh
# Schema 11: a store of schema 10, whose observations of encoding 2 hold
# their texts in the chain's columns, moves each text into
# observation_text and keeps only its SHA-256 in the row; no hash
# changes, verify passes with the same head, and the texts read as
# before.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "an SQLite upgrade fixture"

kam-org init >/dev/null
{
  kam-org account add acme --name Acme
  kam-org person add acme/li --name Li
  kam-org person add acme/wu --name Wu
  kam-stance set acme/li support --on 2026-01-05 --note '午餐 lunch' --source minutes
  kam-stance set acme/wu oppose --on 2026-01-06 --note ''
  kam-stance set acme/wu neutral --on 2026-01-07
  kam-stance correct 2 neutral --why 'misheard'
} >/dev/null || fail "setting up"
run head 0 kam-stance verify
run show 0 kam-stance log acme

# The store as schema 10 kept it: the texts in the rows, no side table
# (nor schema 12's record of copies, nor schema 13's teams and chain view,
# nor schema 14's reasons of gate runs).
"$SQLITE3" "$KAM_DB" "
DROP INDEX account_team;
ALTER TABLE account DROP COLUMN team_id;
DROP TABLE team;
DROP VIEW observation_chain;
DROP TRIGGER observation_no_update;
UPDATE observation SET
  note = (SELECT text FROM observation_text t WHERE t.observation_id = id AND t.field = 'note'),
  source = (SELECT text FROM observation_text t WHERE t.observation_id = id AND t.field = 'source'),
  why = (SELECT text FROM observation_text t WHERE t.observation_id = id AND t.field = 'why');
CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract');
END;
DROP VIEW observation_plain;
DROP TABLE observation_text;
ALTER TABLE person DROP COLUMN erased;
DROP TABLE store_copy;
ALTER TABLE gate_run DROP COLUMN reasons;
PRAGMA user_version = 10;" || fail "making a store of schema 10"
expect_sql v10-texts "SELECT id, quote(note), quote(source), quote(why) FROM observation ORDER BY id" \
  "1|'午餐 lunch'|'minutes'|NULL
2|''|NULL|NULL
3|NULL|NULL|NULL
4|NULL|NULL|'misheard'"

run upgraded 0 kam-stance verify
count=$((count + 1))
cmp -s "$T/head.out" "$T/upgraded.out" || fail "upgraded: the head changed: $(cat "$T/upgraded.out")"
expect_sql version "PRAGMA user_version" 14
d() { printf '%s' "$1" | sha256sum | cut -c1-64; }
expect_sql digests "SELECT id, quote(note), quote(source), quote(why) FROM observation ORDER BY id" \
  "1|'$(d '午餐 lunch')'|'$(d minutes)'|NULL
2|'$(d '')'|NULL|NULL
3|NULL|NULL|NULL
4|NULL|NULL|'$(d misheard)'"
expect_sql texts "SELECT observation_id, field, text FROM observation_text ORDER BY 1, 2" \
  "1|note|午餐 lunch
1|source|minutes
2|note|
4|why|misheard"
expect_sql guard "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'
  AND name IN ('observation_no_update', 'observation_text_no_update')" 2
run log 0 kam-stance log acme
count=$((count + 1))
cmp -s "$T/show.out" "$T/log.out" || fail "log: the texts read differently"
# A text is never changed, only erased.
count=$((count + 1))
if "$SQLITE3" "$KAM_DB" "UPDATE observation_text SET text = 'x' WHERE observation_id = 1" 2>"$T/upd.err"; then
  fail "update: a text was changed"
fi
grep -q 'observation texts are never changed, only erased' "$T/upd.err" ||
  fail "update: $(cat "$T/upd.err")"
done_testing
