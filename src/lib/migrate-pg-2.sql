-- Team store version 1 to 2: the owner's test clock (kam_store.test_clock,
-- which lets KAM_NOW set the recorded time), and each row's recorder
-- held to the database role that writes it.  The grants to kam_writer
-- (grant-pg.sql) follow.
ALTER TABLE kam_store ADD COLUMN test_clock boolean NOT NULL DEFAULT false;

-- Who recorded a row is the database role that writes it: each column
-- named (TG_ARGV) holds current_user when a row is added, and is never
-- changed after, except that a column after the first (an end's
-- recorder) may be added empty and then set once, to current_user.
-- The owner of the table, who may rewrite it anyway, is not held to it.
CREATE FUNCTION kam_recorder() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	who text;
	was text;
BEGIN
	IF pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID),
		'MEMBER') THEN
		RETURN NEW;
	END IF;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		who := to_jsonb(NEW) ->> TG_ARGV[i];
		IF TG_OP = 'UPDATE' THEN
			was := to_jsonb(OLD) ->> TG_ARGV[i];
			CONTINUE WHEN who IS NOT DISTINCT FROM was;
			IF i = 0 OR was IS NOT NULL THEN
				RAISE EXCEPTION '%.% is ''%'' and is never changed: a row is recorded by the role that writes it',
					TG_TABLE_NAME, TG_ARGV[i],
					coalesce(was, 'NULL')
					USING ERRCODE = 'insufficient_privilege';
			END IF;
		END IF;
		CONTINUE WHEN TG_OP = 'INSERT' AND i > 0 AND who IS NULL;
		IF who IS DISTINCT FROM current_user::text THEN
			RAISE EXCEPTION '%.% is ''%'', not the database user ''%'': a row is recorded by the role that writes it',
				TG_TABLE_NAME, TG_ARGV[i], coalesce(who, 'NULL'),
				current_user
				USING ERRCODE = 'insufficient_privilege';
		END IF;
	END LOOP;
	RETURN NEW;
END;
$$;

-- Each row's recorder is the role that wrote it (kam_recorder).
CREATE TRIGGER person_recorder BEFORE INSERT OR UPDATE ON person
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('recorded_by');
CREATE TRIGGER person_history_recorder BEFORE INSERT OR UPDATE
	ON person_history
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
CREATE TRIGGER link_period_recorder BEFORE INSERT OR UPDATE ON link_period
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor', 'ended_by');
CREATE TRIGGER deal_recorder BEFORE INSERT OR UPDATE ON deal
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('recorded_by');
CREATE TRIGGER deal_history_recorder BEFORE INSERT ON deal_history
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
CREATE TRIGGER contact_recorder BEFORE INSERT OR UPDATE ON contact
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
CREATE TRIGGER deal_role_period_recorder BEFORE INSERT OR UPDATE
	ON deal_role_period
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor', 'ended_by');
CREATE TRIGGER observation_recorder BEFORE INSERT ON observation
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
CREATE TRIGGER answer_recorder BEFORE INSERT OR UPDATE ON answer
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
CREATE TRIGGER gate_run_recorder BEFORE INSERT OR UPDATE ON gate_run
	FOR EACH ROW EXECUTE FUNCTION kam_recorder('actor');
