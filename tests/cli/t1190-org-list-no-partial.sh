#!/bin/sh
# Output does not start on failure: a read that fails after some rows
# were read prints nothing on standard output, in any format (the frame
# holds a verb's output until it succeeds), reports the failure once and
# exits 11.  The failure is made with the stock sqlite3 shell: person
# becomes a view whose level overflows for the third person, so the
# first two rows read and the third fails.  (Before, the header and the
# first rows were printed, then the command failed.)
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "the failing read is made by rewriting the store file's person table with sqlite3 (SQLite's integer overflow)"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/a --name A
kam-org person add acme/b --name B
kam-org person add acme/c --name C

# Before the tampering, the list reads whole.
run ok 0 kam-org person list acme
expect_text ok 'handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/a	A						no		
acme/b	B						no		
acme/c	C						no		'

"$SQLITE3" "$KAM_DB" "
PRAGMA foreign_keys = OFF;
ALTER TABLE person RENAME TO person_x;
CREATE VIEW person AS SELECT id, account_id, handle, name, title, dept,
  CASE WHEN handle = 'c' THEN abs(-9223372036854775807 - 1) ELSE level
  END AS level, placeholder, left_on, created, recorded, recorded_by,
  origin, manager_id, manager_since, ext_id, erased FROM person_x;" || fail "cannot set the failing view up"
snapshot

msg='kam-org: cannot read the people: integer overflow'
for f in tsv csv json table; do
  run "list-$f" 11 kam-org person list acme -F "$f"
  expect_err "list-$f" "$msg"
  count=$((count + 1))
  [ ! -s "$T/list-$f.out" ] ||
    fail "list-$f: printed on failure: $(cat "$T/list-$f.out")"
  unchanged "list-$f"
done

# The rows before the failing one still read on their own.
run show-a 0 kam-org person show acme/a -F tsv
count=$((count + 1))
[ "$(sed -n 2p "$T/show-a.out")" = 'acme/a	A						no		' ] ||
  fail "show-a: $(cat "$T/show-a.out")"
run show-c 11 kam-org person show acme/c
expect_err show-c "$msg"
count=$((count + 1))
[ ! -s "$T/show-c.out" ] || fail "show-c: printed on failure"

done_testing
