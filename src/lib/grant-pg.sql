-- The application's privileges, granted by kam-org init (and by each
-- upgrade of a team store) to the group role kam_writer, of
-- which each seller's login role is a member (kam(7), THE TEAM STORE).
-- The history tables may be read and added to, and a period only
-- ended; none of them changed, emptied or removed from: no UPDATE,
-- DELETE or TRUNCATE (kam-stance verify checks it).  kam_store is only
-- read: its test clock is the owner's.
GRANT SELECT ON kam_store TO kam_writer;
GRANT SELECT, INSERT ON observation, deal_history, store_copy TO kam_writer;
GRANT SELECT, INSERT, UPDATE (end_on, ended, ended_by)
	ON link_period, deal_role_period TO kam_writer;
GRANT SELECT, INSERT ON link, deal_role TO kam_writer;
GRANT SELECT ON reporting_line_all, observation_plain TO kam_writer;
-- An erasure deletes a person's texts (kam(7), ERASURE).
GRANT SELECT, INSERT, DELETE ON observation_text TO kam_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON account, person, reporting_line,
	person_history, competitor, deal, seller, contact, profile,
	criterion, answer, gate_setting, gate_run TO kam_writer;
-- Teams: any writer adds one, or removes one that sells no account
-- (kam(7), TEAMS); the chain's links are read, and written only by
-- the trigger that adds an observation's.
GRANT SELECT, INSERT, DELETE ON team TO kam_writer;
GRANT SELECT ON observation_chain TO kam_writer;
-- What show reads, derived from the observations by stance_refresh,
-- which runs as the writer whose show or import calls it (schema-pg.sql;
-- kam-stance verify compares it with the observations).
GRANT SELECT, INSERT, DELETE ON stance_span, stance_month TO kam_writer;
GRANT SELECT, INSERT, UPDATE ON stance_built TO kam_writer;
GRANT USAGE ON SEQUENCE account_id_seq, person_id_seq, reporting_line_id_seq,
	person_history_id_seq, link_period_id_seq, competitor_id_seq,
	deal_id_seq, deal_history_id_seq, seller_id_seq, contact_id_seq,
	deal_role_period_id_seq, observation_id_seq, profile_id_seq,
	criterion_id_seq, answer_id_seq, gate_run_id_seq, team_id_seq,
	store_copy_id_seq TO kam_writer;
-- The schema the store is in, when the writers may not look in it yet;
-- a role that may not grant that is told who must.
DO $$
BEGIN
	IF NOT has_schema_privilege('kam_writer', current_schema(), 'USAGE')
		AND has_schema_privilege(current_schema(),
		'USAGE WITH GRANT OPTION') THEN
		EXECUTE format('GRANT USAGE ON SCHEMA %I TO kam_writer',
			current_schema());
	END IF;
	IF NOT has_schema_privilege('kam_writer', current_schema(), 'USAGE') THEN
		RAISE EXCEPTION 'kam_writer may not use schema %, and % may not let it: its owner % runs GRANT USAGE ON SCHEMA % TO kam_writer',
			current_schema(), current_user,
			(SELECT pg_get_userbyid(nspowner) FROM pg_namespace
			WHERE nspname = current_schema()),
			quote_ident(current_schema())
			USING ERRCODE = 'insufficient_privilege';
	END IF;
END;
$$;
