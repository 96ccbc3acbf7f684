-- kam store schema: from version 12 to version 13.  Teams: an account
-- may name the team that sells it (account.team_id; none for every
-- account of an older store).  In a store file a team is a label; on a
-- team store each is backed by a database role (kam(7), TEAMS).  The
-- chain's links are read from observation_chain, a view here, a table
-- every writer may read on a team store, where a seller sees only their
-- teams' observations.
CREATE TABLE team (
	id      INTEGER PRIMARY KEY,
	handle  TEXT NOT NULL UNIQUE,
	created TEXT NOT NULL
);
ALTER TABLE account ADD COLUMN team_id INTEGER REFERENCES team(id);
CREATE INDEX account_team ON account (team_id) WHERE team_id IS NOT NULL;

-- The chain's links (kam(7), THE HASH CHAIN): each observation's id,
-- prev_hash and hash, and nothing else of it.  A row is appended after
-- the last of these.  On a team store the links are a table of their
-- own, which every writer reads whatever rows they may see.
CREATE VIEW observation_chain (id, prev_hash, hash) AS
	SELECT id, prev_hash, hash FROM observation;
