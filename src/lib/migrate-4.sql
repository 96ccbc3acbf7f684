-- kam store schema: from version 3 to version 4.  Each observation
-- records the encoding its hash was computed with (kam(7), THE HASH
-- CHAIN): the rows already stored keep encoding 1 and verify with it;
-- new rows are written with encoding 2, which hashes every column with
-- its type, and each free text as its own digest.  Adding a column
-- fires no trigger and rewrites no row.
ALTER TABLE observation ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1;
