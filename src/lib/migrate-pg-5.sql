-- Team store version 4 to 5: every text column compares and sorts byte
-- by byte (COLLATE "C", as SQLite's BINARY), and every foreign key is
-- DEFERRABLE (still checked at each statement, but an import checks them
-- at its end).  What reads text columns and would forbid the change (the
-- views with their INSTEAD OF triggers, the triggers with a WHEN
-- condition, the policy on account) is made again around it, as it
-- was; the grants (grant-pg.sql) follow.
DO $$
DECLARE
	again text[] := '{}';
	r record;
	s text;
BEGIN
	FOR r IN SELECT c.relname, pg_get_viewdef(c.oid) AS def
		FROM pg_class c WHERE c.relkind = 'v'
		AND c.relnamespace = current_schema()::regnamespace LOOP
		again := again || format('CREATE VIEW %I AS %s', r.relname, r.def);
	END LOOP;
	FOR r IN SELECT t.oid, t.tgname, c.relname, c.relkind
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal
		AND c.relnamespace = current_schema()::regnamespace
		AND (c.relkind = 'v' OR t.tgqual IS NOT NULL) LOOP
		again := again || pg_get_triggerdef(r.oid);
		IF r.relkind = 'r' THEN
			EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, r.relname);
		END IF;
	END LOOP;
	FOR r IN SELECT c.relname FROM pg_class c WHERE c.relkind = 'v'
		AND c.relnamespace = current_schema()::regnamespace LOOP
		EXECUTE format('DROP VIEW %I', r.relname);
	END LOOP;
	DROP POLICY account_team ON account;
	FOR r IN SELECT c.table_name, c.column_name
		FROM information_schema.columns c
		JOIN information_schema.tables t
		ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema()
		AND t.table_type = 'BASE TABLE' AND c.data_type = 'text'
		ORDER BY c.table_name, c.ordinal_position LOOP
		EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"',
			r.table_name, r.column_name);
	END LOOP;
	FOR r IN SELECT k.conname, t.relname FROM pg_constraint k
		JOIN pg_class t ON t.oid = k.conrelid
		WHERE k.contype = 'f' AND NOT k.condeferrable
		AND t.relnamespace = current_schema()::regnamespace LOOP
		EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE',
			r.relname, r.conname);
	END LOOP;
	FOREACH s IN ARRAY again LOOP
		EXECUTE s;
	END LOOP;
END $$;
CREATE POLICY account_team ON account
	USING (team_id IS NULL OR EXISTS (SELECT 1 FROM team t
	JOIN pg_roles r ON r.rolname = 'kam_team_' || t.handle
	WHERE t.id = team_id AND pg_has_role(current_user, r.oid, 'MEMBER')));
