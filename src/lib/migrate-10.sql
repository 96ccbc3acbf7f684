-- kam store schema: from version 9 to version 10 (see schema.sql).
-- A buying role may be the deal's primary contact role (is_primary), as
-- a CRM marks one contact of an opportunity: at most one open period of
-- a deal has it.  Existing roles are not primary.  The guard on periods
-- learns the new column; the view deal_role keeps its columns.
ALTER TABLE deal_role_period ADD COLUMN is_primary INTEGER NOT NULL
	DEFAULT 0 CHECK (is_primary IN (0, 1));
DROP TRIGGER IF EXISTS deal_role_period_end_only;
CREATE TRIGGER deal_role_period_end_only BEFORE UPDATE ON deal_role_period
	WHEN OLD.end_on IS NOT NULL OR NEW.end_on IS NULL
	OR NEW.deal_id IS NOT OLD.deal_id OR NEW.person_id IS NOT OLD.person_id
	OR NEW.role IS NOT OLD.role OR NEW.influence IS NOT OLD.influence
	OR NEW.lead IS NOT OLD.lead OR NEW.is_primary IS NOT OLD.is_primary
	OR NEW.start_on IS NOT OLD.start_on
	OR NEW.recorded IS NOT OLD.recorded OR NEW.actor IS NOT OLD.actor
BEGIN
	SELECT RAISE(ABORT, 'buying roles are history: a period can only be ended');
END;
