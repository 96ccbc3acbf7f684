-- Team store version 9 to 10: what show reads, derived from the
-- observations (stance_span, stance_month, stance_built;
-- schema-pg.sql).  What this adds is made whether or not a part of it
-- is there already.  The rows are not made here: each account's are
-- made by its first show or import (stance_refresh), as for an account
-- whose rows were never made.  It first waits for the writers (the
-- lock kam's writers take first, store-int.h), as each of them would,
-- so that none holds that lock while waiting on a table this locks.
-- What it finds there already is said to no one (a NOTICE each).
SET LOCAL client_min_messages = warning;
SELECT pg_advisory_xact_lock(1262570802);
-- What show reads on a team store (kam(7), THE TEAM STORE, "What show
-- reads"): each person's general stances (no deal) in force as known
-- now, derived from observation, so that where every person stood on
-- a day is read from two short ranges of two tables, not by a lookup a
-- person.  stance_span holds each row in force (neither retracted nor
-- corrected), in order of its effective day when an account is made
-- anew; stance_month, for the first day of each month to the one after
-- the account's last day in force, the row each person's thread
-- (toward us, or toward a competitor) had in force the day before.  A
-- day's row is the latest of the month's row and the rows in force
-- from the first of the month to the day.  stance_built holds, for
-- each account, the last observation of the store (by id, of any
-- account: observation_chain's, read without row-level security) they
-- were made up to: they are brought up to date by stance_refresh,
-- which show and import call, not by the writes, so that a write pays
-- nothing for them.
-- None of it is history: kam-stance verify compares them with what the
-- observations give.  A thread's row of a month, or a row in force, is
-- there once (the unique indexes, each led by the account, so that no
-- writer's row under one account stands in the way of another's).
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
CREATE INDEX IF NOT EXISTS stance_span_day ON stance_span (account_id, effective);
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
CREATE INDEX IF NOT EXISTS stance_month_day ON stance_month (account_id, month);
CREATE UNIQUE INDEX IF NOT EXISTS stance_month_thread
	ON stance_month (account_id, person_id, (coalesce(toward_id, 0)),
	month);
CREATE TABLE IF NOT EXISTS stance_built (
	account_id bigint PRIMARY KEY,
	upto       bigint NOT NULL
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
-- that none commits rows in between, and marked made up to the store's
-- last observation.
CREATE OR REPLACE FUNCTION stance_rebuild(acc bigint) RETURNS void
	LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(1262570802);
	PERFORM stance_make(acc, NULL, NULL, false, false, NULL);
	PERFORM stance_make(acc, NULL, NULL, false, true, stance_last(acc));
	INSERT INTO stance_built (account_id, upto)
	SELECT acc, coalesce(max(id), 0) FROM observation_chain
	ON CONFLICT (account_id) DO UPDATE SET upto = excluded.upto;
END;
$$;
-- Account acc's rows brought up to the store's last observation, where
-- they are behind it, and the role sees the account and may write them
-- without waiting for a writer: true if they are then up to date.  All of them are made
-- anew where none were made before or more than 1,000 threads changed
-- (an import); else the threads of the observations since (and of the
-- rows those retract or correct), with the months of every thread up
-- to the one after the account's last day in force: those after it
-- removed, and those to it added, each thread's from the month
-- before's and the rows in force in that month.  It holds the writers'
-- lock, so that every observation up to the last is committed, and
-- every one after it is one committed later; the observations since
-- the rows were made are found by their ids, not by the account.  In a
-- transaction that may not write, for a role that may not write them,
-- or where what it reads stands in its way (a day that is not a date,
-- written past kam; a row a teammate added to the tables; a table
-- whose grants were taken back), it leaves them as they were: false,
-- and show reads the observations.
CREATE OR REPLACE FUNCTION stance_refresh(acc bigint) RETURNS boolean
	LANGUAGE plpgsql AS $$
DECLARE
	was  bigint;
	top  bigint;
	last text;
	m    date;
	ps   bigint[];
	ts   bigint[];
BEGIN
	IF current_setting('transaction_read_only') = 'on'
		OR NOT (has_table_privilege('stance_span', 'INSERT')
		AND has_table_privilege('stance_span', 'DELETE')
		AND has_table_privilege('stance_month', 'INSERT')
		AND has_table_privilege('stance_month', 'DELETE')
		AND has_table_privilege('stance_built', 'SELECT')
		AND has_table_privilege('stance_built', 'INSERT')
		AND has_table_privilege('stance_built', 'UPDATE')
		AND has_table_privilege('observation_chain', 'SELECT'))
		OR NOT EXISTS (SELECT 1 FROM account WHERE id = acc) THEN
		RETURN false;
	END IF;
	IF coalesce((SELECT upto FROM stance_built WHERE account_id = acc), 0)
		>= coalesce((SELECT max(id) FROM observation_chain), 0) THEN
		RETURN true;
	END IF;
	IF NOT pg_try_advisory_xact_lock(1262570802) THEN
		RETURN false;
	END IF;
	BEGIN
		was := coalesce((SELECT upto FROM stance_built
			WHERE account_id = acc), 0);
		top := coalesce((SELECT max(id) FROM observation_chain), 0);
		IF was >= top THEN
			RETURN true;
		END IF;
		SELECT array_agg(c.person_id), array_agg(c.toward_id) INTO ps, ts
		FROM (SELECT x.person_id, x.toward_id FROM observation x
		WHERE x.account_id = acc AND x.id > was AND x.deal_id IS NULL
		UNION SELECT t.person_id, t.toward_id FROM observation x
		JOIN observation t ON t.id = x.target_id
		WHERE x.account_id = acc AND x.id > was AND t.deal_id IS NULL) c;
		IF was = 0 OR cardinality(ps) > 1000 THEN
			PERFORM stance_rebuild(acc);
			RETURN true;
		END IF;
		FOR i IN 1 .. coalesce(cardinality(ps), 0) LOOP
			PERFORM stance_make(acc, ps[i], ts[i], true, false, NULL);
		END LOOP;
		last := stance_last(acc);
		DELETE FROM stance_month WHERE account_id = acc
		AND (last IS NULL OR month > last);
		m := (SELECT max(month) FROM stance_month
			WHERE account_id = acc)::date + interval '1 month';
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
		FOR i IN 1 .. coalesce(cardinality(ps), 0) LOOP
			PERFORM stance_make(acc, ps[i], ts[i], true, true, last);
		END LOOP;
		INSERT INTO stance_built (account_id, upto) VALUES (acc, top)
		ON CONFLICT (account_id) DO UPDATE SET upto = excluded.upto;
	EXCEPTION WHEN data_exception OR unique_violation
		OR insufficient_privilege THEN
		RETURN false;
	END;
	RETURN true;
END;
$$;
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
ALTER TABLE stance_built ENABLE ROW LEVEL SECURITY;
ALTER TABLE stance_built FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS stance_built_team ON stance_built;
CREATE POLICY stance_built_team ON stance_built
	USING (account_id = ANY ((SELECT kam_seen_accounts())::bigint[]));
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
