-- Team store version 5 to 6: the functions SQLite's store has (or is
-- given by kam, as vocab_rank), so that one SQL text serves both
-- engines.  The grants (grant-pg.sql) follow.
-- SQLite's group_concat(X, SEP), an aggregate of the store's queries
-- on both engines: the values that are not NULL, in the order they
-- come, joined by SEP.
CREATE FUNCTION kam_group_concat_step(acc text, v text, sep text)
	RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v
	ELSE acc || sep || v END
$$;
CREATE AGGREGATE group_concat(text, text) (
	SFUNC = kam_group_concat_step,
	STYPE = text
);

-- vocab_rank(KIND, WORD): a word's place in the method's order, from
-- 0, as the SQLite store's function of that name gives it (the lists
-- of src/lib/vocab.c, which check_store_pg compares with these); an
-- unknown kind or word sorts last (1000).
CREATE FUNCTION vocab_rank(kind text, word text)
	RETURNS integer LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(array_position(CASE kind
	WHEN 'stance' THEN ARRAY['support', 'neutral', 'oppose']
	WHEN 'role' THEN ARRAY['decision-maker', 'technical', 'business',
		'finance', 'procurement', 'user', 'coach', 'influencer',
		'gatekeeper']
	WHEN 'link kind' THEN ARRAY['influences', 'advises', 'allies', 'rivals']
	WHEN 'influence' THEN ARRAY['high', 'medium', 'low']
	WHEN 'answer' THEN ARRAY['yes', 'partly', 'no', 'unknown']
	END, word) - 1, 1000)
$$;
