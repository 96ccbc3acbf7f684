-- Team store version 7 to 8: the row-level security policies of the
-- tables below account look the row's account (person, deal,
-- observation) up by its key, EXISTS (SELECT 1 FROM person p WHERE
-- p.id = observation.person_id), instead of asking whether the key is
-- IN all the table shows: a query about one person then reads one row
-- of person per row it returns, where the IN form read every person of
-- every account the user sees, once per query (kam-stance show on
-- 10,000 people runs 10,000 such queries).  The rows seen are the same.
ALTER POLICY person_team ON person
	USING (EXISTS (SELECT 1 FROM account a WHERE a.id = person.account_id));
ALTER POLICY reporting_line_team ON reporting_line
	USING (EXISTS (SELECT 1 FROM person p WHERE p.id = reporting_line.person_id)
	AND EXISTS (SELECT 1 FROM person p WHERE p.id = reporting_line.manager_id));
ALTER POLICY person_history_team ON person_history
	USING (EXISTS (SELECT 1 FROM person p WHERE p.id = person_history.person_id));
ALTER POLICY link_period_team ON link_period
	USING (EXISTS (SELECT 1 FROM person p WHERE p.id = link_period.from_id)
	AND EXISTS (SELECT 1 FROM person p WHERE p.id = link_period.to_id));
ALTER POLICY contact_team ON contact
	USING (EXISTS (SELECT 1 FROM person p WHERE p.id = contact.person_id));
ALTER POLICY deal_team ON deal
	USING (EXISTS (SELECT 1 FROM account a WHERE a.id = deal.account_id));
ALTER POLICY deal_history_team ON deal_history
	USING (EXISTS (SELECT 1 FROM deal d WHERE d.id = deal_history.deal_id));
ALTER POLICY deal_role_period_team ON deal_role_period
	USING (EXISTS (SELECT 1 FROM deal d WHERE d.id = deal_role_period.deal_id)
	AND EXISTS (SELECT 1 FROM person p WHERE p.id = deal_role_period.person_id));
ALTER POLICY observation_team ON observation
	USING (EXISTS (SELECT 1 FROM person p WHERE p.id = observation.person_id)
	AND (deal_id IS NULL OR EXISTS (SELECT 1 FROM deal d
	WHERE d.id = observation.deal_id)));
ALTER POLICY observation_text_team ON observation_text
	USING (EXISTS (SELECT 1 FROM observation o
	WHERE o.id = observation_text.observation_id));
ALTER POLICY answer_team ON answer
	USING (EXISTS (SELECT 1 FROM deal d WHERE d.id = answer.deal_id));
ALTER POLICY gate_run_team ON gate_run
	USING (EXISTS (SELECT 1 FROM deal d WHERE d.id = gate_run.deal_id));
