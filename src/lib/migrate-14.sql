-- kam store schema: from version 13 to version 14.  A gate run keeps
-- the rules' reasons as codes beside its English snapshot
-- (gate_run.reasons, kam(7), Gate runs): each computed evidence and
-- each gate's reason as the sentence of the table with its arguments,
-- so that a run read back is said in the user's language from its
-- codes.  A run stored before keeps none (NULL): its English is read
-- back against the table of sentences instead.
ALTER TABLE gate_run ADD COLUMN reasons TEXT;
