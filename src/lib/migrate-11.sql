-- kam store schema: from version 10 to version 11.  The free texts of
-- the observations (note, source, why) move beside the chain, into
-- observation_text, so that a person can be erased without an
-- exception to the append-only guards: a row of encoding 2 keeps in
-- those columns only the SHA-256 of each text, which is what its hash
-- covers (kam(7), THE HASH CHAIN), and its hash does not change; a
-- value that is not TEXT stays as it is, for verify to report.  A row
-- of encoding 1 keeps its texts: its hash covers them.  The guard is
-- lifted for the one rewrite and put back as the schema writes it.
-- A person erased becomes a tombstone, marked by when (person.erased).
ALTER TABLE person ADD COLUMN erased TEXT;
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
INSERT INTO observation_text (observation_id, field, text)
	SELECT id, 'note', note FROM observation
	WHERE hash_version >= 2 AND typeof(note) = 'text'
	UNION ALL
	SELECT id, 'source', source FROM observation
	WHERE hash_version >= 2 AND typeof(source) = 'text'
	UNION ALL
	SELECT id, 'why', why FROM observation
	WHERE hash_version >= 2 AND typeof(why) = 'text';
DROP TRIGGER IF EXISTS observation_no_update;
UPDATE observation SET
	note = CASE typeof(note) WHEN 'text' THEN kam_sha256(note) ELSE note END,
	source = CASE typeof(source) WHEN 'text' THEN kam_sha256(source)
	ELSE source END,
	why = CASE typeof(why) WHEN 'text' THEN kam_sha256(why) ELSE why END
	WHERE hash_version >= 2;
CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation
BEGIN
	SELECT RAISE(ABORT, 'observations are append-only: use kam-stance correct or retract');
END;
