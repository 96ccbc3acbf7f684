-- kam store schema: from version 1 to version 2.  The current solid
-- reporting line moves from reporting_line onto the person row
-- (manager_id, manager_since); see schema.sql.
ALTER TABLE person ADD COLUMN manager_id INTEGER REFERENCES person(id)
	CHECK (manager_id <> id);
ALTER TABLE person ADD COLUMN manager_since TEXT;
UPDATE person SET (manager_id, manager_since) = (
	SELECT manager_id, start_on FROM reporting_line r
	WHERE r.person_id = person.id AND r.kind = 'solid'
	AND r.end_on IS NULL ORDER BY r.id DESC LIMIT 1);
DELETE FROM reporting_line WHERE kind = 'solid' AND end_on IS NULL;
CREATE INDEX person_manager ON person (manager_id)
	WHERE manager_id IS NOT NULL;
CREATE VIEW reporting_line_all (person_id, manager_id, kind, start_on,
	end_on) AS
	SELECT id, manager_id, 'solid', manager_since, NULL FROM person
	WHERE manager_id IS NOT NULL
	UNION ALL
	SELECT person_id, manager_id, kind, start_on, end_on
	FROM reporting_line;
