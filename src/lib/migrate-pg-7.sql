-- Team store version 6 to 7: a gate run keeps the rules' reasons as
-- codes beside its English snapshot (gate_run.reasons, kam(7), Gate
-- runs); a run stored before keeps none (NULL).
ALTER TABLE gate_run ADD COLUMN reasons text COLLATE "C";
