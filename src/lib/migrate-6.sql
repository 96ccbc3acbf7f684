-- kam store schema: from version 5 to version 6 (see schema.sql).
-- Deals move: an owner on our side, an external id (a CRM's, unique
-- within the account), and an outcome: open until closed won, lost or
-- abandoned on a day, with a reason.  A deal row records who added it
-- and when, as a person row does (NULL for the deals already there);
-- every later change is kept in deal_history, which is append-only.
-- Existing deals are open.
ALTER TABLE deal ADD COLUMN owner TEXT;
ALTER TABLE deal ADD COLUMN ext_id TEXT;
ALTER TABLE deal ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
	CHECK (status IN ('open', 'won', 'lost', 'abandoned'));
ALTER TABLE deal ADD COLUMN closed_on TEXT;
ALTER TABLE deal ADD COLUMN reason TEXT;
ALTER TABLE deal ADD COLUMN recorded TEXT;
ALTER TABLE deal ADD COLUMN recorded_by TEXT;
ALTER TABLE deal ADD COLUMN origin TEXT NOT NULL DEFAULT 'added'
	CHECK (origin IN ('added', 'imported'));
CREATE UNIQUE INDEX deal_ext_id ON deal (account_id, ext_id)
	WHERE ext_id IS NOT NULL;

CREATE TABLE deal_history (
	id        INTEGER PRIMARY KEY,
	deal_id   INTEGER NOT NULL REFERENCES deal(id),
	effective TEXT NOT NULL,
	recorded  TEXT NOT NULL,
	actor     TEXT NOT NULL,
	field     TEXT NOT NULL,
	old_value TEXT,
	new_value TEXT
);
CREATE INDEX deal_history_deal ON deal_history (deal_id);
CREATE TRIGGER deal_history_no_update BEFORE UPDATE ON deal_history
BEGIN
	SELECT RAISE(ABORT, 'deal history is append-only');
END;
CREATE TRIGGER deal_history_no_delete BEFORE DELETE ON deal_history
BEGIN
	SELECT RAISE(ABORT, 'deal history is append-only');
END;
