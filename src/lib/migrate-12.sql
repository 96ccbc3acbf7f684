-- kam store schema: from version 11 to version 12.  Teams: an account
-- may name the team that sells it (account.team_id; none for every
-- account of an older store).  In a store file a team is a label; on a
-- team store each is backed by a database role (kam(7), TEAMS).
CREATE TABLE team (
	id      INTEGER PRIMARY KEY,
	handle  TEXT NOT NULL UNIQUE,
	created TEXT NOT NULL
);
ALTER TABLE account ADD COLUMN team_id INTEGER REFERENCES team(id);
CREATE INDEX account_team ON account (team_id) WHERE team_id IS NOT NULL;
