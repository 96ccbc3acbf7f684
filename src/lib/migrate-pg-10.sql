-- Team store version 9 to 10: what show reads, derived from the
-- observations and kept by their triggers (stance_span, stance_month;
-- schema-pg.sql), made for the observations already there.  What this
-- adds is made whether or not a part of it is there already, and its
-- rows made anew.  The owner, who runs the upgrade, is held by
-- row-level security too (it is forced): it is lifted from the tables
-- read and written, inside the upgrade's transaction, so that every
-- team's accounts get their rows.  It first waits for the writers
-- (the lock kam's writers take first, store-int.h), as each of them
-- would, so that none holds that lock while waiting on a table this
-- locks.
SELECT pg_advisory_xact_lock(1262570802);
-- What show reads on a team store (kam(7), THE TEAM STORE, "What show
-- reads"): each person's general stances (no deal) in force as known
-- now, derived from observation and kept by its triggers, so that
-- where every person stood on a day is read from two short ranges of
-- two tables, not by a lookup a person.  stance_span holds each row in
-- force (neither retracted nor corrected), in order of its effective
-- day when an account is made anew; stance_month, for the first day of
-- each month to the one after the account's last day in force, the row
-- each person's thread (toward us, or toward a competitor) had in force
-- the day before.  A day's row is the latest of the month's row and
-- the rows in force from the first of the month to the day.  Neither is
-- history: kam-stance verify compares them with what the observations
-- give.  A thread's row of a month, or a row in force, is there once
-- (the unique indexes, each led by the account, so that no writer's
-- row under one account stands in the way of another's).
CREATE TABLE IF NOT EXISTS stance_span (
	account_id bigint NOT NULL,
	person_id  bigint NOT NULL,
	toward_id  bigint,
	effective  text COLLATE "C" NOT NULL,
	recorded   text COLLATE "C" NOT NULL,
	id         bigint NOT NULL,
	stance     text COLLATE "C",
	actor      text COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS stance_span_day
	ON stance_span (account_id, effective);
CREATE UNIQUE INDEX IF NOT EXISTS stance_span_thread
	ON stance_span (account_id, person_id, (coalesce(toward_id, 0)), id);
CREATE TABLE IF NOT EXISTS stance_month (
	account_id bigint NOT NULL,
	month      text COLLATE "C" NOT NULL,
	person_id  bigint NOT NULL,
	toward_id  bigint,
	effective  text COLLATE "C" NOT NULL,
	recorded   text COLLATE "C" NOT NULL,
	id         bigint NOT NULL,
	stance     text COLLATE "C",
	actor      text COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS stance_month_day
	ON stance_month (account_id, month);
CREATE UNIQUE INDEX IF NOT EXISTS stance_month_thread
	ON stance_month (account_id, person_id, (coalesce(toward_id, 0)),
	month);
-- The threads a transaction's observations changed, and their
-- accounts: kept to its commit, when the account's rows above are
-- made again (stance_refresh), and emptied.  A thread is marked under
-- its account, so that a writer who marks one under another account
-- hides no team's.
CREATE TABLE IF NOT EXISTS stance_pending (
	account_id bigint NOT NULL,
	person_id  bigint NOT NULL,
	toward_id  bigint
);
CREATE UNIQUE INDEX IF NOT EXISTS stance_pending_thread
	ON stance_pending (account_id, person_id, (coalesce(toward_id, 0)));
CREATE TABLE IF NOT EXISTS stance_pending_account (
	account_id bigint PRIMARY KEY REFERENCES account (id) DEFERRABLE
);
-- The rows in force (months false), or the months, of a thread (one:
-- person p's toward t) or of all of account acc's, made anew: a row in
-- force stands for the months after its day, to the day of the
-- thread's next row, or to the month last.  Dynamic SQL, so that each
-- statement is planned for the rows it reads (a thread's, by its
-- index).
CREATE OR REPLACE FUNCTION stance_make(acc bigint, p bigint, t bigint,
	one boolean, months boolean, last text)
	RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	thread text := CASE WHEN one THEN
		'x.account_id = $1 AND x.person_id = $2 '
		'AND x.toward_id IS NOT DISTINCT FROM $3'
		ELSE 'x.account_id = $1' END;
BEGIN
	IF NOT months THEN
		EXECUTE 'DELETE FROM stance_span x WHERE ' || thread
			USING acc, p, t;
		EXECUTE 'INSERT INTO stance_span SELECT x.account_id, '
			'x.person_id, x.toward_id, x.effective, x.recorded, x.id, '
			'x.stance, x.actor FROM observation x WHERE ' || thread ||
			' AND x.deal_id IS NULL AND x.kind <> ''retract'' '
			'AND NOT EXISTS (SELECT 1 FROM observation s '
			'WHERE s.target_id = x.id) ORDER BY x.effective, x.person_id'
			USING acc, p, t;
		RETURN;
	END IF;
	EXECUTE 'DELETE FROM stance_month x WHERE ' || thread USING acc, p, t;
	EXECUTE 'INSERT INTO stance_month SELECT w.account_id, '
		'to_char(m, ''YYYY-MM-DD''), w.person_id, w.toward_id, '
		'w.effective, w.recorded, w.id, w.stance, w.actor '
		'FROM (SELECT x.*, lead(x.effective) OVER (PARTITION BY '
		'x.person_id, x.toward_id ORDER BY x.effective, x.recorded, '
		'x.id) AS next FROM stance_span x WHERE ' || thread || ') w, '
		'generate_series(date_trunc(''month'', w.effective::date) '
		'+ interval ''1 month'', coalesce(date_trunc(''month'', '
		'w.next::date), $4::date), interval ''1 month'') AS m '
		'ORDER BY 2, 3' USING acc, p, t, last;
END;
$$;
-- The month after account acc's last day in force: the last month its
-- threads have.
CREATE OR REPLACE FUNCTION stance_last(acc bigint) RETURNS text
	LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT to_char(date_trunc('month', max(effective)::date)
		+ interval '1 month', 'YYYY-MM-DD') FROM stance_span
		WHERE account_id = acc);
END;
$$;
-- Account acc's rows all made anew, in order of their days, after the
-- writers before (the lock kam's writers take first, store-int.h), so
-- that none commits rows in between.
CREATE OR REPLACE FUNCTION stance_rebuild(acc bigint) RETURNS void
	LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(1262570802);
	PERFORM stance_make(acc, NULL, NULL, false, false, NULL);
	PERFORM stance_make(acc, NULL, NULL, false, true, stance_last(acc));
END;
$$;
-- At commit, account acc's rows made again: every row, where a
-- transaction changed more than 1,000 threads (an import); else the
-- pending threads' rows, with the months of every thread up to the
-- one after the account's last day in force: those after it removed,
-- and those to it added, each thread's from the month before's and the
-- rows in force in that month.
CREATE OR REPLACE FUNCTION stance_refresh() RETURNS trigger
	LANGUAGE plpgsql AS $$
DECLARE
	acc  bigint := NEW.account_id;
	was  text;
	last text;
	m    date;
	th   record;
BEGIN
	PERFORM pg_advisory_xact_lock(1262570802);
	IF (SELECT count(*) FROM stance_pending WHERE account_id = acc) > 1000
	THEN
		PERFORM stance_rebuild(acc);
	ELSE
		FOR th IN SELECT person_id, toward_id FROM stance_pending
			WHERE account_id = acc LOOP
			PERFORM stance_make(acc, th.person_id, th.toward_id, true,
				false, NULL);
		END LOOP;
		last := stance_last(acc);
		DELETE FROM stance_month WHERE account_id = acc
		AND (last IS NULL OR month > last);
		was := (SELECT max(month) FROM stance_month
			WHERE account_id = acc);
		m := was::date + interval '1 month';
		WHILE m <= last::date LOOP
			INSERT INTO stance_month
			SELECT DISTINCT ON (x.person_id, x.toward_id) acc,
			to_char(m, 'YYYY-MM-DD'), x.person_id, x.toward_id,
			x.effective, x.recorded, x.id, x.stance, x.actor
			FROM (SELECT person_id, toward_id, effective, recorded, id,
			stance, actor FROM stance_month WHERE account_id = acc
			AND month = to_char(m - interval '1 month', 'YYYY-MM-DD')
			UNION ALL SELECT person_id, toward_id, effective, recorded,
			id, stance, actor FROM stance_span WHERE account_id = acc
			AND effective >= to_char(m - interval '1 month', 'YYYY-MM-DD')
			AND effective < to_char(m, 'YYYY-MM-DD')) x
			ORDER BY x.person_id, x.toward_id, x.effective DESC,
			x.recorded DESC, x.id DESC;
			m := m + interval '1 month';
		END LOOP;
		FOR th IN SELECT person_id, toward_id FROM stance_pending
			WHERE account_id = acc LOOP
			PERFORM stance_make(acc, th.person_id, th.toward_id, true,
				true, last);
		END LOOP;
	END IF;
	DELETE FROM stance_pending WHERE account_id = acc;
	DELETE FROM stance_pending_account WHERE account_id = acc;
	RETURN NULL;
END;
$$;
-- Each statement that adds observations marks the threads it changes:
-- those of its general rows, and those of the rows they retract or
-- correct.
CREATE OR REPLACE FUNCTION stance_pend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO stance_pending (account_id, person_id, toward_id)
	SELECT a.account_id, a.person_id, a.toward_id FROM added a
	WHERE a.deal_id IS NULL
	UNION SELECT t.account_id, t.person_id, t.toward_id
	FROM added a JOIN observation t ON t.id = a.target_id
	WHERE t.deal_id IS NULL
	ON CONFLICT (account_id, person_id, (coalesce(toward_id, 0)))
	DO NOTHING;
	INSERT INTO stance_pending_account (account_id)
	SELECT DISTINCT account_id FROM stance_pending
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END;
$$;
DROP TRIGGER IF EXISTS stance_pend ON observation;
CREATE TRIGGER stance_pend AFTER INSERT ON observation
	REFERENCING NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION stance_pend();
DROP TRIGGER IF EXISTS stance_refresh ON stance_pending_account;
CREATE CONSTRAINT TRIGGER stance_refresh AFTER INSERT
	ON stance_pending_account DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION stance_refresh();
ALTER TABLE stance_span ENABLE ROW LEVEL SECURITY;
ALTER TABLE stance_span FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS stance_span_team ON stance_span;
CREATE POLICY stance_span_team ON stance_span
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER TABLE stance_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE stance_month FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS stance_month_team ON stance_month;
CREATE POLICY stance_month_team ON stance_month
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER TABLE stance_pending ENABLE ROW LEVEL SECURITY;
ALTER TABLE stance_pending FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS stance_pending_team ON stance_pending;
CREATE POLICY stance_pending_team ON stance_pending
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER TABLE stance_pending_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE stance_pending_account FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS stance_pending_account_team ON stance_pending_account;
CREATE POLICY stance_pending_account_team ON stance_pending_account
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
ALTER TABLE account NO FORCE ROW LEVEL SECURITY;
ALTER TABLE observation NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_span NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_month NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_pending NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_pending_account NO FORCE ROW LEVEL SECURITY;
TRUNCATE stance_span, stance_month, stance_pending, stance_pending_account;
SELECT stance_rebuild(a.id) FROM account a
	WHERE EXISTS (SELECT 1 FROM observation o WHERE o.account_id = a.id)
	ORDER BY a.id;
ALTER TABLE account FORCE ROW LEVEL SECURITY;
ALTER TABLE observation FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_span FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_month FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_pending FORCE ROW LEVEL SECURITY;
ALTER TABLE stance_pending_account FORCE ROW LEVEL SECURITY;
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
