#!/bin/sh
# A store of schema version 2 upgraded to the profiles: the rubric it
# had becomes the profile 'default' (ids kept, so answers keep their
# criteria, a changed weight kept), strategic and transactional start as
# copies of it, coverage becomes knowledge (weight 0), expected-value is
# added; the coverage settings go; runs are numbered per deal in their
# order, consecutive identical runs become one with its first and last
# time, and history and diff read the new numbers.
. "$(dirname "$0")/lib.sh"
sqlite_only "an SQLite upgrade fixture"

KAM_DB="$T/v2.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v2.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO deal (id, account_id, handle, name, value, created) VALUES
  (1, 1, 'erp', 'ERP', 1000, '2026-01-05'),
  (2, 1, 'crm', 'CRM', NULL, '2026-01-05');
UPDATE criterion SET weight = 5 WHERE key = 'importance';
INSERT INTO answer (deal_id, criterion_id, answer, evidence, effective,
  recorded, actor) VALUES
  (1, (SELECT id FROM criterion WHERE key = 'need'), 'yes', 'RFP',
   '2026-01-05', '2026-01-05T09:00:00Z', 'ann');
INSERT INTO gate_setting VALUES ('coverage.yes', 3), ('win.strong', 0.8);
INSERT INTO gate_run (id, deal_id, as_of, recorded, actor, verdict, snapshot)
  VALUES
  (1, 1, '2026-01-05', '2026-01-05T09:00:00Z', 'ann', 'qualify', '{"a":1}'),
  (2, 2, '2026-01-05', '2026-01-05T09:05:00Z', 'ann', 'qualify', '{"c":1}'),
  (3, 1, '2026-01-05', '2026-01-05T10:00:00Z', 'bo', 'qualify', '{"a":1}'),
  (4, 1, '2026-01-05', '2026-01-05T11:00:00Z', 'ann', 'qualify', '{"a":1}'),
  (5, 1, '2026-01-06', '2026-01-06T09:00:00Z', 'ann', 'pursue', '{"b":1}'),
  (6, 1, '2026-01-07', '2026-01-07T09:00:00Z', 'ann', 'qualify', '{"a":1}'),
  (7, 2, '2026-01-07', '2026-01-07T09:00:00Z', 'ann', 'drop', '{"d":1}');
PRAGMA application_id = 1262570801;
PRAGMA user_version = 2;
SQL
} | "$SQLITE3" "$KAM_DB"

run history 0 kam-gate history acme/erp
expect_text history "run	as_of	recorded	checked	actor	verdict	real	compete	win	worth
1	2026-01-05	2026-01-05T09:00:00Z	2026-01-05T11:00:00Z	ann	qualify				
2	2026-01-06	2026-01-06T09:00:00Z	2026-01-06T09:00:00Z	ann	pursue				
3	2026-01-07	2026-01-07T09:00:00Z	2026-01-07T09:00:00Z	ann	qualify				"
expect_sql version "PRAGMA user_version" 14
expect_sql runs "SELECT id, deal_id, number, checked FROM gate_run ORDER BY id" \
  "1|1|1|2026-01-05T11:00:00Z
2|2|1|2026-01-05T09:05:00Z
5|1|2|2026-01-06T09:00:00Z
6|1|3|2026-01-07T09:00:00Z
7|2|2|2026-01-07T09:00:00Z"
run diff 0 kam-gate diff acme/erp 1 2
expect_text diff "what	item	before	after
as-of		2026-01-05	2026-01-06
verdict		qualify	pursue"
run diff-crm 0 kam-gate diff acme/crm
expect_text diff-crm "what	item	before	after
as-of		2026-01-05	2026-01-07
verdict		qualify	drop"
run diff-gone 4 kam-gate diff acme/erp 1 4
expect_err diff-gone "kam-gate: no run 4 of deal 'acme/erp' (see 'kam-gate history')"

# The rubric: the old one is default, ids and a changed weight kept.
expect_sql profiles "SELECT id, name FROM profile ORDER BY id" \
  "1|default
2|strategic
3|transactional"
expect_sql default "SELECT count(*), sum(profile_id = 1) FROM criterion WHERE id <= 18" "18|18"
expect_sql importance "SELECT p.name, c.weight FROM criterion c JOIN profile p
  ON p.id = c.profile_id WHERE c.key = 'importance' ORDER BY p.id" \
  "default|5.0
strategic|10.0
transactional|5.0"
expect_sql coverage "SELECT DISTINCT weight, question FROM criterion WHERE key = 'coverage'" \
  "0.0|Do we know where every high-influence member and decision-maker stands?"
expect_sql expected "SELECT profile_id, gate, weight, computed, position FROM criterion
  WHERE key = 'expected-value' ORDER BY profile_id" \
  "1|4|0.0|1|6
2|4|0.0|1|6
3|4|0.0|1|6"
expect_sql profit "SELECT profile_id, must FROM criterion WHERE key = 'profit' ORDER BY profile_id" \
  "1|0
2|0
3|1"
expect_sql answers "SELECT a.criterion_id, c.key, c.profile_id FROM answer a
  JOIN criterion c ON c.id = a.criterion_id" "1|need|1"
expect_sql settings "SELECT key, value FROM gate_setting" "win.strong|0.8"
expect_sql new-columns "SELECT quote(a.category), quote(d.cost), quote(d.stage)
  FROM deal d JOIN account a ON a.id = d.account_id WHERE d.handle = 'erp'" "NULL|NULL|NULL"
expect_sql fk "PRAGMA foreign_key_check" ""
expect_sql integrity "PRAGMA integrity_check" ok
expect_sql temp "SELECT count(*) FROM sqlite_temp_schema" 0
# The same criterion key twice in one profile is refused, in another not.
if sql "INSERT INTO criterion (profile_id, gate, key, question, position)
  VALUES (1, 1, 'need', 'Q?', 9)" 2>/dev/null; then
  fail "unique: a second 'need' in default was accepted"
fi
count=$((count + 1))
# A run now continues the deal's numbering.
run run 0 kam-gate run acme/erp -F table
tail -1 "$T/run.out" >"$T/run1.out"
expect_text run1 "Stored as run 4."

done_testing
