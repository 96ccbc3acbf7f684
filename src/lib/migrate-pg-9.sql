-- Team store version 8 to 9: row-level security whose test of a row
-- reads no other table.  kam_seen_accounts() gives the ids of the
-- accounts the user sees, and the policies of person, deal and
-- observation compare the row's account with it as a sub-SELECT, which
-- PostgreSQL evaluates once per query (an InitPlan), where version 8
-- looked up each row's account (and, for an observation, its person's
-- row first) and its team's role.  An observation carries its person's
-- account and its deal's (account_id, deal_account_id), which a
-- trigger sets from the person and deal the writer sees as it is
-- added, so that its policy needs neither.  The rows seen, and the
-- rows a user may add or change, are the same (kam(7), TEAMS).  What
-- this adds is made whether or not a part of it is there already.
CREATE OR REPLACE FUNCTION kam_seen_accounts() RETURNS bigint[]
	LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT coalesce(array_agg(a.id), '{}') FROM account a;
END;
ALTER TABLE observation ADD COLUMN IF NOT EXISTS account_id bigint,
	ADD COLUMN IF NOT EXISTS deal_account_id bigint;
-- The accounts of an observation's person and deal, as the writer
-- sees them (NULL for a person or deal out of sight, which the policy
-- then refuses): SQL bodies, bound to the store's tables when made, so
-- that no table of the writer's own (a temporary one) is read instead.
CREATE OR REPLACE FUNCTION kam_person_account(id bigint) RETURNS bigint
	LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT p.account_id FROM person p WHERE p.id = kam_person_account.id;
END;
CREATE OR REPLACE FUNCTION kam_deal_account(id bigint) RETURNS bigint
	LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT d.account_id FROM deal d WHERE d.id = kam_deal_account.id;
END;
CREATE OR REPLACE FUNCTION observation_account() RETURNS trigger LANGUAGE plpgsql
	SET search_path FROM CURRENT AS $$
BEGIN
	NEW.account_id := kam_person_account(NEW.person_id);
	NEW.deal_account_id := kam_deal_account(NEW.deal_id);
	RETURN NEW;
END;
$$;
CREATE OR REPLACE TRIGGER observation_account BEFORE INSERT ON observation
	FOR EACH ROW EXECUTE FUNCTION observation_account();
-- The rows already there get their accounts in a rewrite of the
-- table by ALTER TABLE (a change of the columns' type USING the
-- functions above), which copies each row with the two columns set:
-- no row is updated, so the guard that refuses an UPDATE of an
-- observation stays on, the chained columns are copied as they are,
-- and the table and its indexes are written anew, without the dead
-- rows an UPDATE of every row would leave.  The owner, who runs the
-- upgrade, is held by row-level security too (it is forced): it is
-- lifted from person and deal, which the functions read, so that every
-- team's rows are filled, and forced again, inside the upgrade's
-- transaction, which no other session sees until it commits whole
-- (ALTER TABLE holds each table's exclusive lock to its end).
DROP INDEX IF EXISTS observation_person;
ALTER TABLE person NO FORCE ROW LEVEL SECURITY;
ALTER TABLE deal NO FORCE ROW LEVEL SECURITY;
ALTER TABLE observation
	ALTER COLUMN account_id TYPE bigint USING kam_person_account(person_id),
	ALTER COLUMN deal_account_id TYPE bigint USING kam_deal_account(deal_id);
ALTER TABLE person FORCE ROW LEVEL SECURITY;
ALTER TABLE deal FORCE ROW LEVEL SECURITY;
CREATE INDEX observation_person
	ON observation (person_id, toward_id, deal_id, effective, recorded, id,
	kind, stance, actor) INCLUDE (account_id, deal_account_id);
ALTER POLICY person_team ON person
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER POLICY deal_team ON deal
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER POLICY observation_team ON observation
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[])
	AND (deal_id IS NULL
	OR deal_account_id = ANY ((SELECT kam_seen_accounts())::bigint[])));
-- The link is added with pg_temp named last in the function's path:
-- left out of a path, pg_temp is searched first, and a writer's
-- temporary table named observation_chain would take the link.
DO $$ BEGIN
	EXECUTE format('ALTER FUNCTION observation_chain_add() SET search_path = %s, pg_temp',
		current_setting('search_path'));
END $$;
