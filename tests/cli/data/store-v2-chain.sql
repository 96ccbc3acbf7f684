-- A store written by kam at schema version 2, before hash encoding 2:
-- five observations (a note, a source, an empty note, a retraction, a
-- correction) chained with encoding 1.  Loaded by t6030 with
-- application_id and user_version set by hand.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE account (
	id       INTEGER PRIMARY KEY,
	handle   TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	industry TEXT,
	created  TEXT NOT NULL
);
INSERT INTO account VALUES(1,'acme','Acme',NULL,'2026-02-01');
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
	UNIQUE (account_id, handle)
);
INSERT INTO person VALUES(1,1,'li-wei','李伟',NULL,NULL,NULL,0,NULL,'2026-02-01','2026-02-01T10:00:00Z','auditor','added',NULL,NULL);
INSERT INTO person VALUES(2,1,'zhang','Zhang',NULL,NULL,NULL,0,NULL,'2026-02-01','2026-02-01T10:00:00Z','auditor','added',NULL,NULL);
CREATE TABLE reporting_line (
	id         INTEGER PRIMARY KEY,
	person_id  INTEGER NOT NULL REFERENCES person(id),
	manager_id INTEGER NOT NULL REFERENCES person(id),
	kind       TEXT NOT NULL CHECK (kind IN ('solid', 'dotted')),
	start_on   TEXT,
	end_on     TEXT,
	CHECK (person_id <> manager_id)
);
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
CREATE TABLE link (
	id        INTEGER PRIMARY KEY,
	from_id   INTEGER NOT NULL REFERENCES person(id),
	to_id     INTEGER NOT NULL REFERENCES person(id),
	kind      TEXT NOT NULL
	          CHECK (kind IN ('influences', 'advises', 'allies', 'rivals')),
	strength  INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
	created   TEXT NOT NULL,
	UNIQUE (from_id, to_id, kind),
	CHECK (from_id <> to_id)
);
CREATE TABLE competitor (
	id     INTEGER PRIMARY KEY,
	handle TEXT NOT NULL UNIQUE,
	name   TEXT NOT NULL
);
INSERT INTO competitor VALUES(1,'rivalco','RivalCo');
CREATE TABLE deal (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES account(id),
	handle     TEXT NOT NULL,
	name       TEXT NOT NULL,
	value      REAL,
	currency   TEXT,
	close_on   TEXT,
	created    TEXT NOT NULL,
	UNIQUE (account_id, handle)
);
INSERT INTO deal VALUES(1,1,'erp','ERP',NULL,NULL,NULL,'2026-02-01');
CREATE TABLE deal_role (
	deal_id   INTEGER NOT NULL REFERENCES deal(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	role      TEXT NOT NULL CHECK (role IN ('decision-maker', 'technical',
	          'business', 'finance', 'procurement', 'user', 'coach',
	          'influencer', 'gatekeeper')),
	influence TEXT NOT NULL DEFAULT 'medium'
	          CHECK (influence IN ('high', 'medium', 'low')),
	lead      INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
	PRIMARY KEY (deal_id, person_id, role)
);
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
	hash      TEXT NOT NULL
);
INSERT INTO observation VALUES(1,'observe',NULL,1,'support',NULL,NULL,'2026-01-05','2026-02-01T10:00:00Z','auditor','午餐 lunch','minutes',NULL,'0000000000000000000000000000000000000000000000000000000000000000','4a0a0449f7647999c025c63bd50131a239b518264dc6695771d1fd55baec2061');
INSERT INTO observation VALUES(2,'observe',NULL,2,'oppose',1,NULL,'2026-01-10','2026-02-01T10:00:00Z','auditor',NULL,NULL,NULL,'4a0a0449f7647999c025c63bd50131a239b518264dc6695771d1fd55baec2061','3d45a1dea1a0b715a08e90082a3e9cb754abfcea99ad391ef0a4ba84b4a0f477');
INSERT INTO observation VALUES(3,'observe',NULL,1,'neutral',NULL,1,'2026-01-20','2026-02-01T10:00:00Z','auditor','',NULL,NULL,'3d45a1dea1a0b715a08e90082a3e9cb754abfcea99ad391ef0a4ba84b4a0f477','a59f8f7428805647487c0899dbebc503a07d7ea05b541361456ac6f55085f1d8');
INSERT INTO observation VALUES(4,'retract',2,2,NULL,1,NULL,'2026-02-01','2026-02-01T10:00:00Z','auditor',NULL,NULL,'wrong person','a59f8f7428805647487c0899dbebc503a07d7ea05b541361456ac6f55085f1d8','24612e99619b1530cc20b3be46466f5d00210651ea54e4b647b4b22dee9137a7');
INSERT INTO observation VALUES(5,'correct',1,1,'oppose',NULL,NULL,'2026-01-05','2026-02-01T10:00:00Z','auditor',NULL,NULL,'misheard','24612e99619b1530cc20b3be46466f5d00210651ea54e4b647b4b22dee9137a7','ca074e13675216696b0fbd81c936c0f12d367dc0871cd52ef1f664ac72ca1aae');
CREATE TABLE criterion (
	id       INTEGER PRIMARY KEY,
	gate     INTEGER NOT NULL CHECK (gate BETWEEN 1 AND 4),
	key      TEXT NOT NULL UNIQUE,
	question TEXT NOT NULL,
	weight   INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 0),
	must     INTEGER NOT NULL DEFAULT 0 CHECK (must IN (0, 1)),
	computed INTEGER NOT NULL DEFAULT 0 CHECK (computed IN (0, 1)),
	position INTEGER NOT NULL
);
INSERT INTO criterion VALUES(1,1,'need','Is there an explicit need, not a vague idea?',3,1,0,1);
INSERT INTO criterion VALUES(2,1,'budget','Is the purchase funded?',3,1,0,2);
INSERT INTO criterion VALUES(3,1,'timeline','Is there a decision date or a compelling event?',2,0,0,3);
INSERT INTO criterion VALUES(4,2,'fit','Do our products, solutions, technology and services meet the core requirements?',3,1,0,1);
INSERT INTO criterion VALUES(5,2,'gaps','Can what we lack be covered by partners?',1,0,0,2);
INSERT INTO criterion VALUES(6,2,'criteria-known','Do we know their decision criteria?',1,0,0,3);
INSERT INTO criterion VALUES(7,2,'resources','Can we deliver?',2,0,0,4);
INSERT INTO criterion VALUES(8,3,'position','Is our standing in their industry strong?',1,0,0,1);
INSERT INTO criterion VALUES(9,3,'our-relationship','Are our relationships with the buying group close?',3,0,1,2);
INSERT INTO criterion VALUES(10,3,'rival-relationship','Are the competitors'' relationships with the buying group weak?',2,0,1,3);
INSERT INTO criterion VALUES(11,3,'coverage','Do we know the stance of someone in each core role (decision, technical, business, finance)?',2,0,1,4);
INSERT INTO criterion VALUES(12,3,'differentiation','Does our offer differ from the competitors'' in ways they value?',2,0,0,5);
INSERT INTO criterion VALUES(13,3,'price','Is our price competitive?',1,0,0,6);
INSERT INTO criterion VALUES(14,4,'profit','Is the profit worth the effort?',2,0,0,1);
INSERT INTO criterion VALUES(15,4,'capital','Are the capital tied up and the payment risk acceptable?',1,0,0,2);
INSERT INTO criterion VALUES(16,4,'side-effects','Does winning do no harm to other key clients or partners?',2,1,0,3);
INSERT INTO criterion VALUES(17,4,'strategy','Does the deal fit our direction?',2,0,0,4);
INSERT INTO criterion VALUES(18,4,'importance','Is the client important to us, with future value?',2,0,0,5);
CREATE TABLE answer (
	id           INTEGER PRIMARY KEY,
	deal_id      INTEGER NOT NULL REFERENCES deal(id),
	criterion_id INTEGER NOT NULL REFERENCES criterion(id),
	answer       TEXT NOT NULL
	             CHECK (answer IN ('yes', 'partly', 'no', 'unknown')),
	evidence     TEXT,
	effective    TEXT NOT NULL,
	recorded     TEXT NOT NULL,
	actor        TEXT NOT NULL
);
CREATE TABLE gate_setting (
	key   TEXT PRIMARY KEY,
	value REAL NOT NULL
);
CREATE TABLE gate_run (
	id       INTEGER PRIMARY KEY,
	deal_id  INTEGER NOT NULL REFERENCES deal(id),
	as_of    TEXT NOT NULL,
	recorded TEXT NOT NULL,
	actor    TEXT NOT NULL,
	verdict  TEXT NOT NULL
	         CHECK (verdict IN ('pursue', 'pursue-limited', 'qualify', 'drop')),
	snapshot TEXT NOT NULL
);
CREATE INDEX person_manager ON person (manager_id)
	WHERE manager_id IS NOT NULL;
CREATE INDEX reporting_line_person ON reporting_line (person_id, end_on);
CREATE INDEX reporting_line_manager ON reporting_line (manager_id, end_on);
CREATE VIEW reporting_line_all (person_id, manager_id, kind, start_on,
	end_on) AS
	SELECT id, manager_id, 'solid', manager_since, NULL FROM person
	WHERE manager_id IS NOT NULL
	UNION ALL
	SELECT person_id, manager_id, kind, start_on, end_on
	FROM reporting_line;
CREATE INDEX person_history_person ON person_history (person_id);
CREATE INDEX link_to ON link (to_id);
CREATE INDEX deal_role_person ON deal_role (person_id);
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
CREATE INDEX answer_deal ON answer (deal_id, criterion_id, effective);
CREATE INDEX gate_run_deal ON gate_run (deal_id, id);
COMMIT;
