-- Team store schema 2 to 3: every text column compares and sorts in
-- byte order (COLLATE "C"), as SQLite's do, whatever the database's
-- locale; the views and the triggers whose conditions name a column
-- are made again around the change, as they were.  Foreign keys become
-- deferrable, for an import to check them at its end.  The teams that
-- sell the accounts, and the chain's links, as in the SQLite store's
-- schema 13.
DROP VIEW reporting_line_all;
DROP VIEW link;
DROP VIEW deal_role;
DROP VIEW observation_plain;
DROP TRIGGER link_period_end_only ON link_period;
DROP TRIGGER deal_role_period_end_only ON deal_role_period;
ALTER TABLE account ALTER CONSTRAINT account_parent_id_fkey DEFERRABLE;
ALTER TABLE person ALTER CONSTRAINT person_account_id_fkey DEFERRABLE;
ALTER TABLE person ALTER CONSTRAINT person_manager_id_fkey DEFERRABLE;
ALTER TABLE reporting_line ALTER CONSTRAINT reporting_line_person_id_fkey DEFERRABLE;
ALTER TABLE reporting_line ALTER CONSTRAINT reporting_line_manager_id_fkey DEFERRABLE;
ALTER TABLE person_history ALTER CONSTRAINT person_history_person_id_fkey DEFERRABLE;
ALTER TABLE link_period ALTER CONSTRAINT link_period_from_id_fkey DEFERRABLE;
ALTER TABLE link_period ALTER CONSTRAINT link_period_to_id_fkey DEFERRABLE;
ALTER TABLE deal ALTER CONSTRAINT deal_account_id_fkey DEFERRABLE;
ALTER TABLE deal_history ALTER CONSTRAINT deal_history_deal_id_fkey DEFERRABLE;
ALTER TABLE contact ALTER CONSTRAINT contact_seller_id_fkey DEFERRABLE;
ALTER TABLE contact ALTER CONSTRAINT contact_person_id_fkey DEFERRABLE;
ALTER TABLE deal_role_period ALTER CONSTRAINT deal_role_period_deal_id_fkey DEFERRABLE;
ALTER TABLE deal_role_period ALTER CONSTRAINT deal_role_period_person_id_fkey DEFERRABLE;
ALTER TABLE observation ALTER CONSTRAINT observation_target_id_fkey DEFERRABLE;
ALTER TABLE observation ALTER CONSTRAINT observation_person_id_fkey DEFERRABLE;
ALTER TABLE observation ALTER CONSTRAINT observation_toward_id_fkey DEFERRABLE;
ALTER TABLE observation ALTER CONSTRAINT observation_deal_id_fkey DEFERRABLE;
ALTER TABLE observation_text ALTER CONSTRAINT observation_text_observation_id_fkey DEFERRABLE;
ALTER TABLE criterion ALTER CONSTRAINT criterion_profile_id_fkey DEFERRABLE;
ALTER TABLE answer ALTER CONSTRAINT answer_deal_id_fkey DEFERRABLE;
ALTER TABLE answer ALTER CONSTRAINT answer_criterion_id_fkey DEFERRABLE;
ALTER TABLE gate_run ALTER CONSTRAINT gate_run_deal_id_fkey DEFERRABLE;
ALTER TABLE account
	ALTER COLUMN handle TYPE text COLLATE "C",
	ALTER COLUMN name TYPE text COLLATE "C",
	ALTER COLUMN industry TYPE text COLLATE "C",
	ALTER COLUMN created TYPE text COLLATE "C",
	ALTER COLUMN category TYPE text COLLATE "C",
	ALTER COLUMN ext_id TYPE text COLLATE "C";
ALTER TABLE person
	ALTER COLUMN handle TYPE text COLLATE "C",
	ALTER COLUMN name TYPE text COLLATE "C",
	ALTER COLUMN title TYPE text COLLATE "C",
	ALTER COLUMN dept TYPE text COLLATE "C",
	ALTER COLUMN left_on TYPE text COLLATE "C",
	ALTER COLUMN created TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN recorded_by TYPE text COLLATE "C",
	ALTER COLUMN origin TYPE text COLLATE "C",
	ALTER COLUMN manager_since TYPE text COLLATE "C",
	ALTER COLUMN ext_id TYPE text COLLATE "C",
	ALTER COLUMN erased TYPE text COLLATE "C";
ALTER TABLE reporting_line
	ALTER COLUMN kind TYPE text COLLATE "C",
	ALTER COLUMN start_on TYPE text COLLATE "C",
	ALTER COLUMN end_on TYPE text COLLATE "C";
ALTER TABLE person_history
	ALTER COLUMN effective TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN field TYPE text COLLATE "C",
	ALTER COLUMN old_value TYPE text COLLATE "C",
	ALTER COLUMN new_value TYPE text COLLATE "C";
ALTER TABLE link_period
	ALTER COLUMN kind TYPE text COLLATE "C",
	ALTER COLUMN created TYPE text COLLATE "C",
	ALTER COLUMN start_on TYPE text COLLATE "C",
	ALTER COLUMN end_on TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN ended TYPE text COLLATE "C",
	ALTER COLUMN ended_by TYPE text COLLATE "C";
ALTER TABLE competitor
	ALTER COLUMN handle TYPE text COLLATE "C",
	ALTER COLUMN name TYPE text COLLATE "C";
ALTER TABLE deal
	ALTER COLUMN handle TYPE text COLLATE "C",
	ALTER COLUMN name TYPE text COLLATE "C",
	ALTER COLUMN value TYPE text COLLATE "C",
	ALTER COLUMN currency TYPE text COLLATE "C",
	ALTER COLUMN close_on TYPE text COLLATE "C",
	ALTER COLUMN created TYPE text COLLATE "C",
	ALTER COLUMN cost TYPE text COLLATE "C",
	ALTER COLUMN stage TYPE text COLLATE "C",
	ALTER COLUMN owner TYPE text COLLATE "C",
	ALTER COLUMN ext_id TYPE text COLLATE "C",
	ALTER COLUMN status TYPE text COLLATE "C",
	ALTER COLUMN closed_on TYPE text COLLATE "C",
	ALTER COLUMN reason TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN recorded_by TYPE text COLLATE "C",
	ALTER COLUMN origin TYPE text COLLATE "C";
ALTER TABLE deal_history
	ALTER COLUMN effective TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN field TYPE text COLLATE "C",
	ALTER COLUMN old_value TYPE text COLLATE "C",
	ALTER COLUMN new_value TYPE text COLLATE "C";
ALTER TABLE seller
	ALTER COLUMN handle TYPE text COLLATE "C",
	ALTER COLUMN name TYPE text COLLATE "C",
	ALTER COLUMN created TYPE text COLLATE "C";
ALTER TABLE contact
	ALTER COLUMN effective TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C";
ALTER TABLE deal_role_period
	ALTER COLUMN role TYPE text COLLATE "C",
	ALTER COLUMN influence TYPE text COLLATE "C",
	ALTER COLUMN start_on TYPE text COLLATE "C",
	ALTER COLUMN end_on TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN ended TYPE text COLLATE "C",
	ALTER COLUMN ended_by TYPE text COLLATE "C";
ALTER TABLE observation
	ALTER COLUMN kind TYPE text COLLATE "C",
	ALTER COLUMN stance TYPE text COLLATE "C",
	ALTER COLUMN effective TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN note TYPE text COLLATE "C",
	ALTER COLUMN source TYPE text COLLATE "C",
	ALTER COLUMN why TYPE text COLLATE "C",
	ALTER COLUMN prev_hash TYPE text COLLATE "C",
	ALTER COLUMN hash TYPE text COLLATE "C";
ALTER TABLE observation_text
	ALTER COLUMN field TYPE text COLLATE "C",
	ALTER COLUMN text TYPE text COLLATE "C";
ALTER TABLE profile
	ALTER COLUMN name TYPE text COLLATE "C";
ALTER TABLE criterion
	ALTER COLUMN key TYPE text COLLATE "C",
	ALTER COLUMN question TYPE text COLLATE "C";
ALTER TABLE answer
	ALTER COLUMN answer TYPE text COLLATE "C",
	ALTER COLUMN evidence TYPE text COLLATE "C",
	ALTER COLUMN effective TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C";
ALTER TABLE gate_setting
	ALTER COLUMN key TYPE text COLLATE "C";
ALTER TABLE gate_run
	ALTER COLUMN as_of TYPE text COLLATE "C",
	ALTER COLUMN recorded TYPE text COLLATE "C",
	ALTER COLUMN checked TYPE text COLLATE "C",
	ALTER COLUMN actor TYPE text COLLATE "C",
	ALTER COLUMN verdict TYPE text COLLATE "C",
	ALTER COLUMN snapshot TYPE text COLLATE "C";
CREATE VIEW reporting_line_all (person_id, manager_id, kind, start_on,
	end_on) AS
	SELECT id, manager_id, 'solid'::text, manager_since, NULL::text
	FROM person WHERE manager_id IS NOT NULL
	UNION ALL
	SELECT person_id, manager_id, kind, start_on, end_on
	FROM reporting_line;

CREATE VIEW link (id, from_id, to_id, kind, strength, created) AS
	SELECT (SELECT min(f.id) FROM link_period f WHERE f.from_id = l.from_id
	AND f.to_id = l.to_id AND f.kind = l.kind), l.from_id, l.to_id, l.kind,
	l.strength, l.created FROM link_period l WHERE l.end_on IS NULL;

CREATE TRIGGER link_insert INSTEAD OF INSERT ON link
	FOR EACH ROW EXECUTE FUNCTION link_insert();

CREATE TRIGGER link_period_end_only BEFORE UPDATE ON link_period
	FOR EACH ROW
	WHEN (OLD.end_on IS NOT NULL OR NEW.end_on IS NULL
	OR NEW.id IS DISTINCT FROM OLD.id
	OR NEW.from_id IS DISTINCT FROM OLD.from_id
	OR NEW.to_id IS DISTINCT FROM OLD.to_id
	OR NEW.kind IS DISTINCT FROM OLD.kind
	OR NEW.strength IS DISTINCT FROM OLD.strength
	OR NEW.created IS DISTINCT FROM OLD.created
	OR NEW.start_on IS DISTINCT FROM OLD.start_on
	OR NEW.actor IS DISTINCT FROM OLD.actor)
	EXECUTE FUNCTION
	kam_refuse('links are history: a period can only be ended');

CREATE VIEW deal_role (deal_id, person_id, role, influence, lead) AS
	SELECT deal_id, person_id, role, influence, lead
	FROM deal_role_period WHERE end_on IS NULL;

CREATE TRIGGER deal_role_insert INSTEAD OF INSERT ON deal_role
	FOR EACH ROW EXECUTE FUNCTION deal_role_insert();

CREATE TRIGGER deal_role_period_end_only BEFORE UPDATE ON deal_role_period
	FOR EACH ROW
	WHEN (OLD.end_on IS NOT NULL OR NEW.end_on IS NULL
	OR NEW.id IS DISTINCT FROM OLD.id
	OR NEW.deal_id IS DISTINCT FROM OLD.deal_id
	OR NEW.person_id IS DISTINCT FROM OLD.person_id
	OR NEW.role IS DISTINCT FROM OLD.role
	OR NEW.influence IS DISTINCT FROM OLD.influence
	OR NEW.lead IS DISTINCT FROM OLD.lead
	OR NEW.is_primary IS DISTINCT FROM OLD.is_primary
	OR NEW.start_on IS DISTINCT FROM OLD.start_on
	OR NEW.recorded IS DISTINCT FROM OLD.recorded
	OR NEW.actor IS DISTINCT FROM OLD.actor)
	EXECUTE FUNCTION
	kam_refuse('buying roles are history: a period can only be ended');

CREATE VIEW observation_plain AS
	SELECT o.id, o.kind, o.target_id, o.person_id, o.stance, o.toward_id,
	o.deal_id, o.effective, o.recorded, o.actor,
	CASE WHEN o.hash_version = 1 THEN o.note ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'note') END AS note,
	CASE WHEN o.hash_version = 1 THEN o.source ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'source') END AS source,
	CASE WHEN o.hash_version = 1 THEN o.why ELSE (SELECT t.text
	FROM observation_text t WHERE t.observation_id = o.id
	AND t.field = 'why') END AS why,
	o.prev_hash, o.hash, o.hash_version
	FROM observation o;
CREATE TABLE team (
	id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	handle  text COLLATE "C" NOT NULL UNIQUE,
	created text COLLATE "C" NOT NULL
);
ALTER TABLE account ADD COLUMN team_id bigint REFERENCES team(id) DEFERRABLE;
CREATE INDEX account_team ON account (team_id) WHERE team_id IS NOT NULL;
CREATE VIEW observation_chain (id, prev_hash, hash) AS
	SELECT id, prev_hash, hash FROM observation;
