-- kam store schema: from version 6 to version 7 (see schema.sql).
-- The buying group and the influence links get a history: each buying
-- role and each link holds for a period, from start_on until (and not
-- on) end_on.  Ending one sets its end instead of deleting it, so "as of
-- D" is the group and the links as they stood on D.  The rows move to
-- deal_role_period and link_period; deal_role and link become views of
-- the periods still open, so that what read them reads the same.  The
-- roles already there hold from their deal's creation, the links from
-- their own.
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
	ended_by  TEXT
);
INSERT INTO deal_role_period (deal_id, person_id, role, influence, lead,
	start_on)
	SELECT r.deal_id, r.person_id, r.role, r.influence, r.lead, d.created
	FROM deal_role r JOIN deal d ON d.id = r.deal_id ORDER BY r.rowid;
DROP TABLE deal_role;
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
	OR NEW.lead IS NOT OLD.lead OR NEW.start_on IS NOT OLD.start_on
	OR NEW.recorded IS NOT OLD.recorded OR NEW.actor IS NOT OLD.actor
BEGIN
	SELECT RAISE(ABORT, 'buying roles are history: a period can only be ended');
END;

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
INSERT INTO link_period (id, from_id, to_id, kind, strength, created,
	start_on)
	SELECT id, from_id, to_id, kind, strength, created,
	substr(created, 1, 10) FROM link ORDER BY id;
DROP TABLE link;
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
