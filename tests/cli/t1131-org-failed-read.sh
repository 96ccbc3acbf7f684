#!/bin/sh
# A read that fails in the middle of the rows is not taken for the end
# of the rows: the command reports it once and exits 11 (KAM_INTERNAL),
# prints no row, and keeps nothing it wrote.  The failure is made with
# the stock sqlite3 shell: reporting_line becomes a view whose end_on
# overflows for dotted lines, so reading the dotted lines fails while
# reading solid ones works.  (Before every step was checked, person
# list printed acme/c without its dotted line and exited 0, and person
# set wrote the new title and exited 0.)
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "the failure is made in the SQLite file with the sqlite3 shell"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/a --name A
kam-org person add acme/b --name B
kam-org person add acme/c --name C --reports-to a --dotted-to b

head='handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id'
run list-ok 0 kam-org person list acme
expect_text list-ok "$head
acme/a	A						no		
acme/b	B						no		
acme/c	C				acme/a	acme/b	no		"

"$SQLITE3" "$KAM_DB" "
ALTER TABLE reporting_line RENAME TO reporting_line_x;
CREATE VIEW reporting_line AS SELECT id, person_id, manager_id, kind,
  start_on, CASE WHEN kind = 'dotted'
  THEN abs(-9223372036854775807 - 1) ELSE end_on END AS end_on
  FROM reporting_line_x;
CREATE TRIGGER reporting_line_ins INSTEAD OF INSERT ON reporting_line
BEGIN
  INSERT INTO reporting_line_x (person_id, manager_id, kind, start_on,
    end_on) VALUES (NEW.person_id, NEW.manager_id, NEW.kind,
    NEW.start_on, NEW.end_on);
END;
CREATE TRIGGER reporting_line_upd INSTEAD OF UPDATE ON reporting_line
BEGIN
  UPDATE reporting_line_x SET end_on = NEW.end_on WHERE id = OLD.id;
END;" || fail "cannot set the failing view up"
snapshot

msg='kam-org: cannot read the store: integer overflow'
run list 11 kam-org person list acme
expect_err list "$msg"
expect_text list "$head"
unchanged list

# A write that reads the dotted lines first: nothing is kept.
run set 11 kam-org person set acme/c --title Boss --dotted-to b
expect_err set "$msg"
unchanged set
expect_sql set-title "SELECT title IS NULL FROM person WHERE handle = 'c'" 1

# The solid lines alone still read.
run show 0 kam-org person show acme/a
unchanged show

done_testing
