-- kam store schema: from version 11 to version 12.  The copies that
-- brought accounts into the store (kam copy) are recorded.
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
