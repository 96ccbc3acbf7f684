-- Team store version 8 to 9: row-level security whose test of a row
-- reads no other table.  kam_seen_accounts() gives the ids of the
-- accounts the user sees, and the policies of person, deal and
-- observation compare the row's account with it as a sub-SELECT, which
-- PostgreSQL evaluates once per query (an InitPlan), where version 8
-- looked up each row's account (and, for an observation, its person's
-- row first) and its team's role.  An observation carries its person's
-- account and its deal's (account_id, deal_account_id), held to them
-- by the table's keys and set, where an INSERT leaves them out, by a
-- trigger from the person and deal the writer sees, so that its policy
-- needs neither.  The rows seen, and the
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
	AS $$
BEGIN
	IF NEW.account_id IS NULL THEN
		NEW.account_id := kam_person_account(NEW.person_id);
	END IF;
	IF NEW.deal_account_id IS NULL THEN
		NEW.deal_account_id := kam_deal_account(NEW.deal_id);
	END IF;
	RETURN NEW;
END;
$$;
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
-- (The trigger reads the columns: made again after their rewrite.)
DROP TRIGGER IF EXISTS observation_account ON observation;
ALTER TABLE person NO FORCE ROW LEVEL SECURITY;
ALTER TABLE deal NO FORCE ROW LEVEL SECURITY;
ALTER TABLE observation
	ALTER COLUMN account_id TYPE bigint USING kam_person_account(person_id),
	ALTER COLUMN deal_account_id TYPE bigint USING kam_deal_account(deal_id);
ALTER TABLE person FORCE ROW LEVEL SECURITY;
ALTER TABLE deal FORCE ROW LEVEL SECURITY;
-- The keys that hold a row's accounts to its person's and its deal's
-- (checked past row-level security, so that an account an INSERT gives
-- cannot be another), in place of the keys to the person and the deal
-- alone.
ALTER TABLE observation
	DROP CONSTRAINT IF EXISTS observation_person_id_fkey,
	DROP CONSTRAINT IF EXISTS observation_deal_id_fkey,
	DROP CONSTRAINT IF EXISTS observation_person_account,
	DROP CONSTRAINT IF EXISTS observation_deal_account,
	DROP CONSTRAINT IF EXISTS observation_deal_account_set;
ALTER TABLE person DROP CONSTRAINT IF EXISTS person_id_account_id_key,
	ADD UNIQUE (id, account_id);
ALTER TABLE deal DROP CONSTRAINT IF EXISTS deal_id_account_id_key,
	ADD UNIQUE (id, account_id);
ALTER TABLE observation ALTER COLUMN account_id SET NOT NULL,
	ADD CONSTRAINT observation_person_account FOREIGN KEY (person_id, account_id)
		REFERENCES person (id, account_id) DEFERRABLE,
	ADD CONSTRAINT observation_deal_account FOREIGN KEY (deal_id, deal_account_id)
		REFERENCES deal (id, account_id) DEFERRABLE,
	ADD CONSTRAINT observation_deal_account_set
		CHECK ((deal_id IS NULL) = (deal_account_id IS NULL));
CREATE TRIGGER observation_account BEFORE INSERT ON observation
	FOR EACH ROW WHEN (NEW.account_id IS NULL
	OR (NEW.deal_id IS NOT NULL AND NEW.deal_account_id IS NULL))
	EXECUTE FUNCTION observation_account();
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
-- Each trigger function runs with a search path of its own: the
-- catalog first, then the store's schema, the temporary schema last.
-- With the caller's path, or one saved from it, a function would call
-- or read what the caller names so: a function or table of that name
-- in a schema of the writer's own ("$user", or one named before
-- pg_catalog), or a temporary table (pg_temp, unnamed, is searched
-- first).
DO $$
DECLARE
	f regprocedure;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
		JOIN pg_language l ON l.oid = p.prolang
		WHERE p.pronamespace = current_schema()::regnamespace
		AND l.lanname = 'plpgsql'
	LOOP
		EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp',
			f, current_schema());
	END LOOP;
END $$;
