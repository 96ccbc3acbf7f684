-- kam store schema, version 14: what a new store is created with.
-- migrate-N.sql takes a version N - 1 store to version N.
-- Plain tables with clear names, so that the store reads well in the
-- sqlite3 shell.  Dates are ISO 8601 text (YYYY-MM-DD); timestamps are
-- UTC text (YYYY-MM-DDTHH:MM:SSZ).  Handles are ASCII slugs.

-- The client accounts.  category (a handle) selects the rubric profile
-- of the same name when there is one (kam-gate(1), PROFILES).  ext_id
-- is the account's id in a CRM.  parent_id makes the account a
-- subsidiary of another: the accounts under one top account form a
-- group, within which reporting lines, links and buying roles may
-- cross accounts.  team_id names the team that sells it.
CREATE TABLE account (
	id       INTEGER PRIMARY KEY,
	handle   TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	industry TEXT,
	created  TEXT NOT NULL,
	category TEXT,
	ext_id   TEXT,
	parent_id INTEGER REFERENCES account(id) CHECK (parent_id <> id),
	team_id  INTEGER REFERENCES team(id)
);
CREATE UNIQUE INDEX account_ext_id ON account (ext_id)
	WHERE ext_id IS NOT NULL;
CREATE INDEX account_team ON account (team_id) WHERE team_id IS NOT NULL;

-- The teams that sell the accounts (account.team_id, NULL: none).  In a
-- store file a team is a label; on a team store each is backed by a
-- database role, and a seller sees only the accounts of their teams
-- (kam(7), TEAMS).
CREATE TABLE team (
	id      INTEGER PRIMARY KEY,
	handle  TEXT NOT NULL UNIQUE,
	created TEXT NOT NULL
);

-- People in a client's organisation: the first dimension of the method
-- (administrative rank).  level 1 is the top.  A placeholder is someone
-- known to exist but not yet named ("the CFO").  The row itself records
-- its creation (created, recorded, recorded_by, origin: added or
-- imported); person_history records every later change.  manager_id
-- is the current solid-line manager, since manager_since (NULL: since
-- the person was recorded); earlier solid lines and every dotted line
-- are in reporting_line.  Keeping the current line on the row halves
-- the work of importing a large organisation, and a whole account's
-- tree is read from one table.  erased is when kam-org person erase
-- made the row a tombstone (kam(7), ERASURE).
CREATE TABLE person (
	id          INTEGER PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES account(id),
	handle      TEXT NOT NULL,
	name        TEXT NOT NULL,
	title       TEXT,
	dept        TEXT,
	level       INTEGER CHECK (level IS NULL OR level >= 1),
	placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)),
	left_on     TEXT,
	created     TEXT NOT NULL,
	recorded    TEXT,
	recorded_by TEXT,
	origin      TEXT NOT NULL DEFAULT 'added'
	            CHECK (origin IN ('added', 'imported')),
	manager_id  INTEGER REFERENCES person(id) CHECK (manager_id <> id),
	manager_since TEXT,
	ext_id      TEXT,
	erased      TEXT,
	UNIQUE (account_id, handle)
);
CREATE INDEX person_manager ON person (manager_id)
	WHERE manager_id IS NOT NULL;
-- A person's id in a CRM, unique within the account: a re-import
-- matches its rows by it.
CREATE UNIQUE INDEX person_ext_id ON person (account_id, ext_id)
	WHERE ext_id IS NOT NULL;

-- Reporting lines other than the current solid ones: dotted lines
-- (matrix reporting), current and past, and solid lines that have
-- ended.  Each is valid from start_on until end_on (NULL: still valid);
-- a solid line here always has an end_on.
CREATE TABLE reporting_line (
	id         INTEGER PRIMARY KEY,
	person_id  INTEGER NOT NULL REFERENCES person(id),
	manager_id INTEGER NOT NULL REFERENCES person(id),
	kind       TEXT NOT NULL CHECK (kind IN ('solid', 'dotted')),
	start_on   TEXT,
	end_on     TEXT,
	CHECK (person_id <> manager_id)
);
CREATE INDEX reporting_line_person ON reporting_line (person_id, end_on);
CREATE INDEX reporting_line_manager ON reporting_line (manager_id, end_on);

-- Every reporting line, the current solid ones included.
CREATE VIEW reporting_line_all (person_id, manager_id, kind, start_on,
	end_on) AS
	SELECT id, manager_id, 'solid', manager_since, NULL FROM person
	WHERE manager_id IS NOT NULL
	UNION ALL
	SELECT person_id, manager_id, kind, start_on, end_on
	FROM reporting_line;

-- What changed in the org record, when it took effect, who wrote it.
CREATE TABLE person_history (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person(id),
	effective TEXT NOT NULL,
	recorded  TEXT NOT NULL,
	actor     TEXT NOT NULL,
	field     TEXT NOT NULL,
	old_value TEXT,
	new_value TEXT
);
CREATE INDEX person_history_person ON person_history (person_id);

-- Informal influence between two people of one account, over a period:
-- from start_on until (and not on) end_on (NULL: still so).  created,
-- actor: when and by whom the link was written; ended, ended_by: its end.
-- A link is ended, never deleted; a new strength ends the period and
-- opens another.  The view link is the links in force now.
CREATE TABLE link_period (
	id        INTEGER PRIMARY KEY,
	from_id   INTEGER NOT NULL REFERENCES person(id),
	to_id     INTEGER NOT NULL REFERENCES person(id),
	kind      TEXT NOT NULL
	          CHECK (kind IN ('influences', 'advises', 'allies', 'rivals')),
	strength  INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
	created   TEXT NOT NULL,
	start_on  TEXT NOT NULL,
	end_on    TEXT CHECK (end_on IS NULL OR end_on >= start_on),
	actor     TEXT,
	ended     TEXT,
	ended_by  TEXT,
	CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX link_open ON link_period (from_id, to_id, kind)
	WHERE end_on IS NULL;
CREATE INDEX link_period_from ON link_period (from_id);
CREATE INDEX link_period_to ON link_period (to_id);
-- A link's id is its first period's.
CREATE VIEW link (id, from_id, to_id, kind, strength, created) AS
	SELECT (SELECT min(f.id) FROM link_period f WHERE f.from_id = l.from_id
	AND f.to_id = l.to_id AND f.kind = l.kind), l.from_id, l.to_id, l.kind,
	l.strength, l.created FROM link_period l WHERE l.end_on IS NULL;
-- A row written into the view begins a period from its creation.
CREATE TRIGGER link_insert INSTEAD OF INSERT ON link
BEGIN
	INSERT INTO link_period (from_id, to_id, kind, strength, created,
		start_on)
	VALUES (NEW.from_id, NEW.to_id, NEW.kind, coalesce(NEW.strength, 2),
		coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
		substr(coalesce(NEW.created,
		strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), 1, 10));
END;
CREATE TRIGGER link_period_no_delete BEFORE DELETE ON link_period
BEGIN
	SELECT RAISE(ABORT, 'links are history: end them with kam-org unlink');
END;
CREATE TRIGGER link_period_end_only BEFORE UPDATE ON link_period
	WHEN OLD.end_on IS NOT NULL OR NEW.end_on IS NULL
	OR NEW.from_id IS NOT OLD.from_id OR NEW.to_id IS NOT OLD.to_id
	OR NEW.kind IS NOT OLD.kind OR NEW.strength IS NOT OLD.strength
	OR NEW.created IS NOT OLD.created OR NEW.start_on IS NOT OLD.start_on
	OR NEW.actor IS NOT OLD.actor
BEGIN
	SELECT RAISE(ABORT, 'links are history: a period can only be ended');
END;

-- Competitors are not tied to one account.
CREATE TABLE competitor (
	id     INTEGER PRIMARY KEY,
	handle TEXT NOT NULL UNIQUE,
	name   TEXT NOT NULL
);

-- A deal's value and the cost of pursuing it are exact amounts: decimal
-- text of at most 18 significant digits and 4 decimals, canonical (no
-- leading zeros, no trailing zeros after the point), never a
-- floating-point number.  stage is the seller's own word for where the
-- deal stands, owner who on our side carries it, ext_id a CRM's id for
-- it (unique within the account).  A deal is open until it is closed
-- (won, lost or abandoned) on closed_on, for reason; reopening it makes
-- it open again.  The row records its creation (created, recorded,
-- recorded_by, origin: added or imported; NULL for deals added before
-- schema 6) and deal_history every later change.
CREATE TABLE deal (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES account(id),
	handle     TEXT NOT NULL,
	name       TEXT NOT NULL,
	value      TEXT CHECK (value IS NULL OR (value GLOB '[0-9]*'
	           AND value NOT GLOB '*[^0-9.]*')),
	currency   TEXT,
	close_on   TEXT,
	created    TEXT NOT NULL,
	cost       TEXT CHECK (cost IS NULL OR (cost GLOB '[0-9]*'
	           AND cost NOT GLOB '*[^0-9.]*')),
	stage      TEXT,
	owner      TEXT,
	ext_id     TEXT,
	status     TEXT NOT NULL DEFAULT 'open'
	           CHECK (status IN ('open', 'won', 'lost', 'abandoned')),
	closed_on  TEXT,
	reason     TEXT,
	recorded   TEXT,
	recorded_by TEXT,
	origin     TEXT NOT NULL DEFAULT 'added'
	           CHECK (origin IN ('added', 'imported')),
	UNIQUE (account_id, handle)
);
CREATE UNIQUE INDEX deal_ext_id ON deal (account_id, ext_id)
	WHERE ext_id IS NOT NULL;

-- What changed in a deal after it was added (kam-org deal set, close,
-- reopen), when it took effect, who wrote it.  Append-only.  field is
-- name, value, currency, close, stage, owner, cost, ext_id, status or
-- reason; amounts are exact text as in deal.
CREATE TABLE deal_history (
	id        INTEGER PRIMARY KEY,
	deal_id   INTEGER NOT NULL REFERENCES deal(id),
	effective TEXT NOT NULL,
	recorded  TEXT NOT NULL,
	actor     TEXT NOT NULL,
	field     TEXT NOT NULL,
	old_value TEXT,
	new_value TEXT
);
CREATE INDEX deal_history_deal ON deal_history (deal_id);
CREATE TRIGGER deal_history_no_update BEFORE UPDATE ON deal_history
BEGIN
	SELECT RAISE(ABORT, 'deal history is append-only');
END;
CREATE TRIGGER deal_history_no_delete BEFORE DELETE ON deal_history
BEGIN
	SELECT RAISE(ABORT, 'deal history is append-only');
END;

-- Our side of the relationship: the sellers on our team.
CREATE TABLE seller (
	id      INTEGER PRIMARY KEY,
	handle  TEXT NOT NULL UNIQUE,
	name    TEXT NOT NULL,
	created TEXT NOT NULL
);

-- Who on our team knows whom in a client's organisation: strength 1
-- (acquainted), 2 (works with), 3 (trusted), from effective on.  Each
-- kam-org contact adds a row; the latest effective (then the latest
-- recorded) row of a seller and a person is the one in force, so what
-- we knew on a day can be answered again.
CREATE TABLE contact (
	id        INTEGER PRIMARY KEY,
	seller_id INTEGER NOT NULL REFERENCES seller(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	strength  INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 3),
	effective TEXT NOT NULL,
	recorded  TEXT NOT NULL,
	actor     TEXT NOT NULL
);
CREATE INDEX contact_person ON contact (person_id, seller_id, effective);
CREATE INDEX contact_seller ON contact (seller_id);

-- The buying group: the second dimension.  One row per role a person
-- holds in one deal, over a period: from start_on until (and not on)
-- end_on (NULL: still held).  recorded, actor: when and by whom the role
-- was written; ended, ended_by: its end.  A role is ended, never deleted;
-- a new influence or lead ends the period and opens another, so "as of
-- D" is the group as it stood on D.  The view deal_role is the group now.
-- is_primary (schema 10): the deal's primary contact role, as a CRM
-- marks one; at most one open period of a deal has it, as with lead.
CREATE TABLE deal_role_period (
	id        INTEGER PRIMARY KEY,
	deal_id   INTEGER NOT NULL REFERENCES deal(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	role      TEXT NOT NULL CHECK (role IN ('decision-maker', 'technical',
	          'business', 'finance', 'procurement', 'user', 'coach',
	          'influencer', 'gatekeeper')),
	influence TEXT NOT NULL DEFAULT 'medium'
	          CHECK (influence IN ('high', 'medium', 'low')),
	lead      INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
	start_on  TEXT NOT NULL,
	end_on    TEXT CHECK (end_on IS NULL OR end_on >= start_on),
	recorded  TEXT,
	actor     TEXT,
	ended     TEXT,
	ended_by  TEXT,
	is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
);
CREATE UNIQUE INDEX deal_role_open
	ON deal_role_period (deal_id, person_id, role) WHERE end_on IS NULL;
CREATE INDEX deal_role_period_deal ON deal_role_period (deal_id, start_on);
CREATE INDEX deal_role_period_person ON deal_role_period (person_id);
CREATE VIEW deal_role (deal_id, person_id, role, influence, lead) AS
	SELECT deal_id, person_id, role, influence, lead
	FROM deal_role_period WHERE end_on IS NULL;
-- A row written into the view begins a period from the deal's creation.
CREATE TRIGGER deal_role_insert INSTEAD OF INSERT ON deal_role
BEGIN
	INSERT INTO deal_role_period (deal_id, person_id, role, influence,
		lead, start_on)
	VALUES (NEW.deal_id, NEW.person_id, NEW.role,
		coalesce(NEW.influence, 'medium'), coalesce(NEW.lead, 0),
		(SELECT created FROM deal WHERE id = NEW.deal_id));
END;
CREATE TRIGGER deal_role_period_no_delete BEFORE DELETE ON deal_role_period
BEGIN
	SELECT RAISE(ABORT, 'buying roles are history: end them with kam-org role rm');
END;
CREATE TRIGGER deal_role_period_end_only BEFORE UPDATE ON deal_role_period
	WHEN OLD.end_on IS NOT NULL OR NEW.end_on IS NULL
	OR NEW.deal_id IS NOT OLD.deal_id OR NEW.person_id IS NOT OLD.person_id
	OR NEW.role IS NOT OLD.role OR NEW.influence IS NOT OLD.influence
	OR NEW.lead IS NOT OLD.lead OR NEW.is_primary IS NOT OLD.is_primary
	OR NEW.start_on IS NOT OLD.start_on
	OR NEW.recorded IS NOT OLD.recorded OR NEW.actor IS NOT OLD.actor
BEGIN
	SELECT RAISE(ABORT, 'buying roles are history: a period can only be ended');
END;

-- Stance observations: the third dimension.  Append-only; kind says
-- whether a row observes a stance, retracts an earlier row or corrects
-- one (target_id points at it).  toward_id NULL means toward us.  hash
-- chains each row to the one before it (see kam-stance verify), computed
-- with the encoding hash_version names (kam(7), THE HASH CHAIN): 1 for
-- rows written before schema 4, 2 since.  The
-- checks are written with OR rather than IN: SQLite builds a temporary
-- table for an IN list of three or more on every insert, which made a
-- large import several times slower.
CREATE TABLE observation (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL DEFAULT 'observe'
	          CHECK (kind = 'observe' OR kind = 'retract' OR kind = 'correct'),
	target_id INTEGER REFERENCES observation(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	stance    TEXT CHECK (stance = 'support' OR stance = 'neutral'
	          OR stance = 'oppose'),
	toward_id INTEGER REFERENCES competitor(id),
	deal_id   INTEGER REFERENCES deal(id),
	effective TEXT NOT NULL,
	recorded  TEXT NOT NULL,
	actor     TEXT NOT NULL,
	note      TEXT,
	source    TEXT,
	why       TEXT,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL,
	hash_version INTEGER NOT NULL DEFAULT 1
);
-- observation_person answers "the stance in force on a day" by walking
-- one person's rows backwards from that day (kam-stance show, changes);
-- it holds what those answers print, so they never read the table.
CREATE INDEX observation_person
	ON observation (person_id, toward_id, deal_id, effective, recorded, id,
	kind, stance, actor);
CREATE INDEX observation_target ON observation (target_id)
	WHERE target_id IS NOT NULL;
CREATE INDEX observation_deal ON observation (deal_id)
	WHERE deal_id IS NOT NULL;

CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract');
END;
CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance retract');
END;

-- The free texts of the observations of encoding 2, beside the chain:
-- such a row holds in note, source and why only the SHA-256 of each
-- text (lowercase hex), which its hash covers, and the text is here.
-- A text is never changed; kam-org person erase deletes it, which
-- leaves the chain whole (kam(7), ERASURE).  Rows of encoding 1 keep
-- their texts in the chain's columns: their hashes cover them.
CREATE TABLE observation_text (
	observation_id INTEGER NOT NULL REFERENCES observation(id),
	field          TEXT NOT NULL
	               CHECK (field = 'note' OR field = 'source' OR field = 'why'),
	text           TEXT NOT NULL,
	PRIMARY KEY (observation_id, field)
) WITHOUT ROWID;
CREATE TRIGGER observation_text_no_update BEFORE UPDATE ON observation_text
BEGIN
	SELECT RAISE(ABORT, 'observation texts are never changed, only erased');
END;
-- The observations as they read: every column, the free texts in place
-- of their digests (NULL once erased).
CREATE VIEW observation_plain AS
	SELECT o.id, o.kind, o.target_id, o.person_id, o.stance, o.toward_id,
	o.deal_id, o.effective, o.recorded, o.actor,
	CASE WHEN o.hash_version = 1 THEN o.note ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'note') END AS note,
	CASE WHEN o.hash_version = 1 THEN o.source ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'source') END AS source,
	CASE WHEN o.hash_version = 1 THEN o.why ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'why') END AS why,
	o.prev_hash, o.hash, o.hash_version
	FROM observation o;

-- The chain's links (kam(7), THE HASH CHAIN): each observation's id,
-- prev_hash and hash, and nothing else of it.  A row is appended after
-- the last of these.  On a team store the links are a table of their
-- own, which every writer reads whatever rows they may see.
CREATE VIEW observation_chain (id, prev_hash, hash) AS
	SELECT id, prev_hash, hash FROM observation;

-- Each kam copy that brought accounts into this store (kam(7), COPYING
-- ACCOUNTS): when and by whom, the source's name (a URL without its
-- password), its chain as it stood (source_rows rows, whose last hash
-- was source_head: what kam-stance verify said of it), the accounts
-- copied (handles joined by ", ") and the observations chained here.
-- Append-only.
CREATE TABLE store_copy (
	id           INTEGER PRIMARY KEY,
	recorded     TEXT NOT NULL,
	actor        TEXT NOT NULL,
	source       TEXT NOT NULL,
	source_head  TEXT NOT NULL,
	source_rows  INTEGER NOT NULL CHECK (source_rows >= 0),
	accounts     TEXT NOT NULL,
	observations INTEGER NOT NULL CHECK (observations >= 0)
);
CREATE TRIGGER store_copy_no_update BEFORE UPDATE ON store_copy
BEGIN
	SELECT RAISE(ABORT, 'copies are history: a record is never changed');
END;
CREATE TRIGGER store_copy_no_delete BEFORE DELETE ON store_copy
BEGIN
	SELECT RAISE(ABORT, 'copies are history: a record is never removed');
END;

-- Rubric profiles: a client category's emphasis (METHOD.md, section 3).
-- An account whose category names a profile is assessed with it; any
-- other account with 'default'.
CREATE TABLE profile (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);

-- The four-gate rubric, one per profile.  computed criteria are derived
-- from the buying group, the stances and the deal's numbers when not
-- answered.  Weights are real numbers.
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

-- Dated answers; a newer answer supersedes, the old one stays.  An
-- answer is about the deal and its criterion's key: it holds under any
-- profile that has the key.  gap is our price against the strongest
-- competitor's, in percent, when the price was answered with one.
CREATE TABLE answer (
	id           INTEGER PRIMARY KEY,
	deal_id      INTEGER NOT NULL REFERENCES deal(id),
	criterion_id INTEGER NOT NULL REFERENCES criterion(id),
	answer       TEXT NOT NULL
	             CHECK (answer IN ('yes', 'partly', 'no', 'unknown')),
	evidence     TEXT,
	effective    TEXT NOT NULL,
	recorded     TEXT NOT NULL,
	actor        TEXT NOT NULL,
	gap          REAL
);
CREATE INDEX answer_deal ON answer (deal_id, criterion_id, effective);

-- Thresholds and other tunables of the gate rules.
CREATE TABLE gate_setting (
	key   TEXT PRIMARY KEY,
	value REAL NOT NULL
);

-- Each stored kam-gate run: the verdict and a JSON snapshot of what it
-- used.  number counts a deal's runs from 1.  A run identical to the
-- deal's previous one is not stored again: that run's checked time
-- moves instead (recorded is the first time, checked the last).
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
	-- the reasons as codes (kam(7), Gate runs); NULL before schema 14
	reasons  TEXT,
	UNIQUE (deal_id, number)
);

-- kam-gate: the three shipped profiles and their rubrics (METHOD.md,
-- sections 2 and 3), seeded with the store.  kam-gate profile and
-- criteria change them afterwards; the defaults of the thresholds live
-- in code (kam-gate(1), SETTINGS) and gate_setting keeps only the values
-- changed with kam-gate setting.  coverage is knowledge, not score: its
-- weight is 0 and an unknown influential stance leaves gate 3 open.
INSERT INTO profile (id, name) VALUES
	(1, 'default'), (2, 'strategic'), (3, 'transactional');
INSERT INTO criterion (profile_id, gate, key, question, weight, must, computed, position) VALUES
	(1, 1, 'need', 'Is there an explicit need, not a vague idea?', 3, 1, 0, 1),
	(1, 1, 'budget', 'Is the purchase funded?', 3, 1, 0, 2),
	(1, 1, 'timeline', 'Is there a decision date or a compelling event?', 2, 0, 0, 3),
	(1, 2, 'fit', 'Do our products, solutions, technology and services meet the core requirements?', 3, 1, 0, 1),
	(1, 2, 'gaps', 'Can what we lack be covered by partners?', 1, 0, 0, 2),
	(1, 2, 'criteria-known', 'Do we know their decision criteria?', 1, 0, 0, 3),
	(1, 2, 'resources', 'Can we deliver?', 2, 0, 0, 4),
	(1, 3, 'position', 'Is our standing in their industry strong?', 1, 0, 0, 1),
	(1, 3, 'our-relationship', 'Are our relationships with the buying group close?', 3, 0, 1, 2),
	(1, 3, 'rival-relationship', 'Are the competitors'' relationships with the buying group weak?', 2, 0, 1, 3),
	(1, 3, 'coverage', 'Do we know where every high-influence member and decision-maker stands?', 0, 0, 1, 4),
	(1, 3, 'differentiation', 'Does our offer differ from the competitors'' in ways they value?', 2, 0, 0, 5),
	(1, 3, 'price', 'Is our price competitive?', 1, 0, 0, 6),
	(1, 4, 'profit', 'Is the profit worth the effort?', 2, 0, 0, 1),
	(1, 4, 'capital', 'Are the capital tied up and the payment risk acceptable?', 1, 0, 0, 2),
	(1, 4, 'side-effects', 'Does winning do no harm to other key clients or partners?', 2, 1, 0, 3),
	(1, 4, 'strategy', 'Does the deal fit our direction?', 2, 0, 0, 4),
	(1, 4, 'importance', 'Is the client important to us, with future value?', 2, 0, 0, 5),
	(1, 4, 'expected-value', 'Does the expected value of the deal cover the cost of pursuing it?', 0, 0, 1, 6);
-- strategic: importance and strategy weigh double; profit is never a must.
INSERT INTO criterion (profile_id, gate, key, question, weight, must, computed, position)
	SELECT 2, gate, key, question,
	CASE WHEN key IN ('importance', 'strategy') THEN weight * 2 ELSE weight END,
	CASE WHEN key = 'profit' THEN 0 ELSE must END, computed, position
	FROM criterion WHERE profile_id = 1 ORDER BY id;
-- transactional: profit is a must; the relationship criteria weigh half.
INSERT INTO criterion (profile_id, gate, key, question, weight, must, computed, position)
	SELECT 3, gate, key, question,
	CASE WHEN key IN ('our-relationship', 'rival-relationship') THEN weight / 2 ELSE weight END,
	CASE WHEN key = 'profit' THEN 1 ELSE must END, computed, position
	FROM criterion WHERE profile_id = 1 ORDER BY id;
