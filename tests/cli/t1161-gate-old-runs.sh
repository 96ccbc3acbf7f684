#!/bin/sh
# Gate runs stored before schema 14 (their English snapshot only) in a
# store upgraded to 14: they keep no codes (reasons NULL), and history
# and diff show them as the runs of a new store show, in English and in
# Chinese, their English read back against the table of sentences.  A
# run found again identical takes the codes; a diff across an old and a
# new run reads each its own way.
. "$(dirname "$0")/lib.sh"
sqlite_only "an SQLite upgrade fixture (t9400 and t9460 upgrade team stores)"
hospital_zh

# What a new store shows.
for l in C.UTF-8 $ZH; do
  in_locale $l kam-gate diff his 1 3 -F table >"$T/new-13.$l" &&
    in_locale $l kam-gate diff his 3 4 -F table >"$T/new-34.$l" &&
    in_locale $l kam-gate diff his 1 2 -F table >"$T/new-12.$l" &&
    in_locale $l kam-gate history his -F table >"$T/new-history.$l" ||
    fail "new: kam-gate failed under $l"
done
kam-gate diff his 1 3 >"$T/new-13.tsv" || fail "new: diff failed"

# The same store as schema 13 kept it: gate_run without reasons.  The
# runs' snapshots are byte for byte what the kam of schema 13 stored.
new=$KAM_DB
cp "$new" "$T/old.db"
KAM_DB="$T/old.db"
"$SQLITE3" "$KAM_DB" "ALTER TABLE gate_run DROP COLUMN reasons; PRAGMA user_version = 13" ||
  fail "making a store of schema 13"
expect_sql v13-columns "SELECT group_concat(name, ',') FROM pragma_table_info('gate_run')" \
  "id,deal_id,number,as_of,recorded,checked,actor,verdict,snapshot"

# Read by this kam: upgraded, the old runs without codes ...
run history-c 0 kam-gate history his -F table
expect_text history-c "$(cat "$T/new-history.C.UTF-8")"
expect_sql version "PRAGMA user_version" 14
expect_sql uncoded "SELECT count(*) FROM gate_run WHERE reasons IS NULL" 4
run history-zh 0 in_locale $ZH kam-gate history his -F table
expect_out history-zh t7200-history.zh
# ... and their changes in the words of a new store's, both languages.
run diff-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
expect_out diff-zh t7200-diff.zh
for l in C.UTF-8 $ZH; do
  for d in "1 3" "3 4" "1 2"; do
    n=$(echo "$d" | tr -d ' ')
    run "diff-$n-$l" 0 in_locale $l kam-gate diff his $d -F table
    expect_text "diff-$n-$l" "$(cat "$T/new-$n.$l")"
  done
done
run diff-tsv 0 kam-gate diff his 1 3
expect_text diff-tsv "$(cat "$T/new-13.tsv")"
expect_sql still-uncoded "SELECT count(*) FROM gate_run WHERE reasons IS NULL" 4

# Run 4 found again, identical: no new run, its checked time moves and
# it takes its codes; the others stay as they were.
run again 0 env KAM_NOW=2026-07-02T09:00:00Z kam-gate run his --as-of 2026-06-15
expect_sql again-runs "SELECT number, checked, reasons IS NULL FROM gate_run ORDER BY number" \
  "1|2026-01-08T00:00:00Z|1
2|2026-03-16T00:00:00Z|1
3|2026-06-15T00:00:00Z|1
4|2026-07-02T09:00:00Z|0"
"$SQLITE3" "$new" "SELECT reasons FROM gate_run WHERE number = 4" >"$T/codes.new"
sql "SELECT reasons FROM gate_run WHERE number = 4" >"$T/codes.old"
count=$((count + 1))
cmp -s "$T/codes.new" "$T/codes.old" ||
  fail "again: the codes differ from a new store's for the same run"
# Run 3 read from its English, run 4 from its codes.
for l in C.UTF-8 $ZH; do
  run "mixed-$l" 0 in_locale $l kam-gate diff his 3 4 -F table
  expect_text "mixed-$l" "$(cat "$T/new-34.$l")"
done

done_testing
