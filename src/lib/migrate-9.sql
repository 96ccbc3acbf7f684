-- kam store schema: from version 8 to version 9 (see schema.sql).
-- People and accounts keep an external id: the record's id in the CRM
-- it was imported from, unique within its account for a person and in
-- the store for an account; a re-import matches rows by it.  An account
-- may belong to a group (parent_id: the account it is a subsidiary
-- of), within which reporting lines, links and buying roles may cross
-- accounts.
ALTER TABLE person ADD COLUMN ext_id TEXT;
CREATE UNIQUE INDEX person_ext_id ON person (account_id, ext_id)
	WHERE ext_id IS NOT NULL;
ALTER TABLE account ADD COLUMN ext_id TEXT;
CREATE UNIQUE INDEX account_ext_id ON account (ext_id)
	WHERE ext_id IS NOT NULL;
ALTER TABLE account ADD COLUMN parent_id INTEGER REFERENCES account(id)
	CHECK (parent_id <> id);
