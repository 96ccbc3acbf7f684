#!/bin/sh
# A statement that cannot be prepared (a store whose schema was changed
# by hand) is reported, not a crash: "internal error: cannot prepare a
# statement: WHY", once, exit 11 (KAM_INTERNAL, kam(7)), nothing printed
# on standard output and nothing kept.  (Before, the command aborted with
# exit 134.)  The schema is changed with the stock sqlite3 shell.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "the schema is changed with the sqlite3 shell, and the messages are SQLite's"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/li --name "Li Wei" --title CFO
kam-org deal add acme/d1 --name "Deal one"
kam-gate setting win.fail 0.3 >/dev/null

"$SQLITE3" "$KAM_DB" "ALTER TABLE person RENAME COLUMN title TO job" ||
  fail "cannot change the schema"
snapshot

pre='internal error: cannot prepare a statement'
# A read.
run list 11 kam-org person list acme
expect_err list "kam-org: $pre: no such column: p.title"
count=$((count + 1))
[ ! -s "$T/list.out" ] || fail "list: printed on failure: $(cat "$T/list.out")"
unchanged list

# A write: refused whole, the store as it was.
run add 11 kam-org person add acme/wu --name Wu --title CEO
expect_err add "kam-org: $pre: table person has no column named title"
unchanged add
expect_sql add-count "SELECT count(*) FROM person" 1

# Another command, another table: the gate's stored settings.
"$SQLITE3" "$KAM_DB" "ALTER TABLE gate_setting RENAME TO gate_setting_x" ||
  fail "cannot change the schema"
snapshot
run setting 11 kam-gate setting
expect_err setting "kam-gate: $pre: no such table: gate_setting"
count=$((count + 1))
[ ! -s "$T/setting.out" ] || fail "setting: printed on failure"
unchanged setting

done_testing
