-- kam store schema: from version 2 to version 3.  A deal's value becomes
-- exact decimal text instead of a floating-point number (see schema.sql).
-- SQLite cannot change a column's type, so deal is rebuilt.  Foreign
-- keys stay on: the rows referring to deals are left without their
-- parent between the DELETE and the INSERT, which the deferred check
-- allows, and the INSERT gives every one of them its parent back before
-- the commit checks.  A value is written back with at most 4 decimals,
-- without trailing zeros: a whole number as an integer, so values
-- stored as doubles keep every digit a double held.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE deal_v2 AS SELECT * FROM deal;
DELETE FROM deal;
DROP TABLE deal;
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
	UNIQUE (account_id, handle)
);
INSERT INTO deal (id, account_id, handle, name, value, currency, close_on,
	created)
	SELECT id, account_id, handle, name,
	CASE WHEN value IS NULL THEN NULL
	WHEN value = CAST(value AS INTEGER) THEN CAST(CAST(value AS INTEGER) AS TEXT)
	ELSE rtrim(rtrim(printf('%.4f', value), '0'), '.') END,
	currency, close_on, created FROM temp.deal_v2 ORDER BY id;
DROP TABLE temp.deal_v2;
