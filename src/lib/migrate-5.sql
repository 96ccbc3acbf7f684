-- kam store schema: from version 4 to version 5 (see schema.sql).
-- Accounts get a category, deals a pursuit cost and a stage, answers a
-- price gap.  The rubric becomes one per profile: criterion is rebuilt
-- with a profile and real weights, the existing criteria (ids kept, so
-- answers keep their criteria) form the profile 'default', and
-- 'strategic' and 'transactional' start as copies of it with their own
-- emphasis.  coverage becomes knowledge rather than score (weight 0),
-- and gate 4 gains the computed criterion expected-value (weight 0: its
-- "no" holds the gate weak).  gate_run is rebuilt with a number per deal
-- and a last-checked time: consecutive identical runs of a deal become
-- one, which keeps the first's time as recorded and the last's as
-- checked.  Foreign keys stay on, checked at
-- the commit (see migrate-3.sql).
PRAGMA defer_foreign_keys = ON;
ALTER TABLE account ADD COLUMN category TEXT;
ALTER TABLE deal ADD COLUMN cost TEXT CHECK (cost IS NULL OR (cost GLOB '[0-9]*'
	AND cost NOT GLOB '*[^0-9.]*'));
ALTER TABLE deal ADD COLUMN stage TEXT;
ALTER TABLE answer ADD COLUMN gap REAL;

CREATE TABLE profile (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);
INSERT INTO profile (id, name) VALUES
	(1, 'default'), (2, 'strategic'), (3, 'transactional');

CREATE TEMP TABLE criterion_v3 AS SELECT * FROM criterion;
DELETE FROM criterion;
DROP TABLE criterion;
CREATE TABLE criterion (
	id         INTEGER PRIMARY KEY,
	profile_id INTEGER NOT NULL REFERENCES profile(id),
	gate       INTEGER NOT NULL CHECK (gate BETWEEN 1 AND 4),
	key        TEXT NOT NULL,
	question   TEXT NOT NULL,
	weight     REAL NOT NULL DEFAULT 1 CHECK (weight >= 0 AND weight <= 100),
	must       INTEGER NOT NULL DEFAULT 0 CHECK (must IN (0, 1)),
	computed   INTEGER NOT NULL DEFAULT 0 CHECK (computed IN (0, 1)),
	position   INTEGER NOT NULL,
	UNIQUE (profile_id, key)
);
INSERT INTO criterion (id, profile_id, gate, key, question, weight, must,
	computed, position)
	SELECT id, 1, gate, key, question, weight, must, computed, position
	FROM temp.criterion_v3 ORDER BY id;
DROP TABLE temp.criterion_v3;
UPDATE criterion SET weight = 0,
	question = 'Do we know where every high-influence member and decision-maker stands?'
	WHERE key = 'coverage' AND computed = 1;
INSERT INTO criterion (profile_id, gate, key, question, weight, must,
	computed, position)
	SELECT 1, 4, 'expected-value',
	'Does the expected value of the deal cover the cost of pursuing it?',
	0, 0, 1, coalesce(max(position), 0) + 1 FROM criterion
	WHERE profile_id = 1 AND gate = 4
	AND NOT EXISTS (SELECT 1 FROM criterion WHERE key = 'expected-value');
INSERT INTO criterion (profile_id, gate, key, question, weight, must,
	computed, position)
	SELECT 2, gate, key, question,
	CASE WHEN key IN ('importance', 'strategy') THEN weight * 2 ELSE weight END,
	CASE WHEN key = 'profit' THEN 0 ELSE must END, computed, position
	FROM criterion WHERE profile_id = 1 ORDER BY id;
INSERT INTO criterion (profile_id, gate, key, question, weight, must,
	computed, position)
	SELECT 3, gate, key, question,
	CASE WHEN key IN ('our-relationship', 'rival-relationship') THEN weight / 2 ELSE weight END,
	CASE WHEN key = 'profit' THEN 1 ELSE must END, computed, position
	FROM criterion WHERE profile_id = 1 ORDER BY id;
DELETE FROM gate_setting WHERE key IN ('coverage.yes', 'coverage.partly');

CREATE TEMP TABLE run_v3 AS SELECT id, deal_id, as_of, recorded, actor,
	verdict, snapshot,
	snapshot IS NOT lag(snapshot) OVER (PARTITION BY deal_id ORDER BY id)
	AS starts FROM gate_run;
CREATE TEMP TABLE run_n AS SELECT *, sum(starts) OVER (PARTITION BY deal_id
	ORDER BY id ROWS UNBOUNDED PRECEDING) AS number FROM temp.run_v3;
DROP TABLE gate_run;
CREATE TABLE gate_run (
	id       INTEGER PRIMARY KEY,
	deal_id  INTEGER NOT NULL REFERENCES deal(id),
	number   INTEGER NOT NULL CHECK (number >= 1),
	as_of    TEXT NOT NULL,
	recorded TEXT NOT NULL,
	checked  TEXT NOT NULL,
	actor    TEXT NOT NULL,
	verdict  TEXT NOT NULL
	         CHECK (verdict IN ('pursue', 'pursue-limited', 'qualify', 'drop')),
	snapshot TEXT NOT NULL,
	UNIQUE (deal_id, number)
);
INSERT INTO gate_run (id, deal_id, number, as_of, recorded, checked, actor,
	verdict, snapshot)
	SELECT r.id, r.deal_id, r.number, r.as_of, r.recorded,
	(SELECT max(x.recorded) FROM temp.run_n x WHERE x.deal_id = r.deal_id
	AND x.number = r.number), r.actor, r.verdict, r.snapshot
	FROM temp.run_n r WHERE r.starts ORDER BY r.id;
DROP TABLE temp.run_v3;
DROP TABLE temp.run_n;
