-- kam store schema: from version 7 to version 8 (see schema.sql).
-- Our side of the relationship: our sellers, and which of them knows
-- whom in a client's organisation, how well, since when.
CREATE TABLE seller (
	id      INTEGER PRIMARY KEY,
	handle  TEXT NOT NULL UNIQUE,
	name    TEXT NOT NULL,
	created TEXT NOT NULL
);
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
