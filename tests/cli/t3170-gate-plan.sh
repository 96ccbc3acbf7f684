#!/bin/sh
# kam-gate plan: one action a member, by the table of kam-gate(1), PLAN
# (stance x influence x role), in the order of the group (influence, the
# lead first, role, name), with the reason (the stance, its date and its
# note) and who could carry it (supporters who influence or advise the
# member); as it stood on an earlier day; exact TSV and JSON; and its
# bad input.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org competitor add orcl --name Oracle >/dev/null
{
  for p in wang li chen zhao qian sun zhou wu ma; do
    kam-org person add acme/$p --name "$(echo $p | tr a-z A-Z)"
  done
  kam-org deal add acme/his --name HIS
  kam-org role acme/his acme/wang decision-maker --influence high --on 2026-01-01
  kam-org role acme/his acme/li technical --influence high --lead --on 2026-01-01
  kam-org role acme/his acme/chen business --influence high --on 2026-01-01
  kam-org role acme/his acme/zhao finance --influence medium --on 2026-01-01
  kam-org role acme/his acme/qian user --influence medium --on 2026-01-01
  kam-org role acme/his acme/sun procurement --influence low --on 2026-01-01
  kam-org role acme/his acme/zhou coach --influence low --on 2026-01-01
  kam-org role acme/his acme/wu influencer --influence medium --on 2026-01-01
  # ma is outside the group, supports us and advises wang; sun
  # influences zhao; zhou advises chen.
  kam-org link acme/ma acme/wang --kind advises --on 2026-01-01
  kam-org link acme/sun acme/zhao --kind influences --on 2026-01-01
  kam-org link acme/zhou acme/chen --kind advises --on 2026-01-01
  kam-stance set acme/ma support --on 2026-01-10
  kam-stance set acme/wang neutral --on 2026-01-10 --note 'waits for the pilot'
  kam-stance set acme/li support --on 2026-01-10
  kam-stance set acme/chen oppose --on 2026-02-01 --note 'prefers Oracle'\''s roadmap'
  kam-stance set acme/chen support --toward orcl --on 2026-02-01
  kam-stance set acme/zhao neutral --on 2026-01-10
  kam-stance set acme/sun support --on 2026-01-10
  kam-stance set acme/zhou support --on 2026-01-10
  kam-stance set acme/zhou support --toward orcl --on 2026-01-10
  kam-stance set acme/wu support --on 2026-01-10
} >/dev/null

run tsv 0 kam-gate plan acme/his
expect_text tsv "person	name	roles	influence	stance	toward	action	advice	reason	via	carrier
acme/li	LI	technical	high	support		sponsor	develop them into a sponsor who sells for us inside	supports us, high influence; leads the evaluation; since 2026-01-10		
acme/wang	WANG	decision-maker	high	neutral		convert	first priority: find what they need to win and show how we give it	neutral, high influence; since 2026-01-10: waits for the pilot	MA (acme/ma)	
acme/chen	CHEN	business	high	oppose	orcl:support	contain	understand the objection, contain it, and work through those who influence them	opposes us; supports Oracle; since 2026-02-01: prefers Oracle's roadmap	ZHOU (acme/zhou)	
acme/zhao	ZHAO	finance	medium	neutral		convert	first priority: find what they need to win and show how we give it	neutral, medium influence; since 2026-01-10	SUN (acme/sun)	
acme/qian	QIAN	user	medium	unknown		find-out	find out where they stand before anything else	stance unknown, medium influence		
acme/wu	WU	influencer	medium	support		recruit-coach	recruit them as our coach, someone inside who guides us	supports us; we have no coach to rely on; since 2026-01-10		
acme/sun	SUN	procurement	low	support		keep-informed	keep them informed and give them what they need to speak for us	supports us, low influence; since 2026-01-10		
acme/zhou	ZHOU	coach	low	support	orcl:support	keep-informed	keep them informed and give them what they need to speak for us	supports us, low influence; supports Oracle; a coach we cannot rely on; since 2026-01-10		"
run json 0 kam-gate plan acme/his -F json
sed -n 1,5p "$T/json.out" >"$T/json4.out"
expect_text json4 '[
{"person": "acme/li", "name": "LI", "roles": ["technical"], "influence": "high", "stance": "support", "toward": [],
 "action": "sponsor", "advice": "develop them into a sponsor who sells for us inside",
 "reason": "supports us, high influence; leads the evaluation; since 2026-01-10", "via": [],
 "carrier": null},'
# Exactly the documented keys, and valid JSON.
expect_sql json-keys "SELECT group_concat(key, ',') FROM (SELECT DISTINCT j.key FROM
  json_tree(readfile('$T/json.out')) j WHERE j.key GLOB '[a-z]*' ORDER BY j.key)" \
  "action,advice,carrier,competitor,influence,name,person,reason,roles,stance,toward,via"
expect_sql json-toward "SELECT json_extract(readfile('$T/json.out'), '\$[2].toward')" \
  '[{"competitor":"orcl","stance":"support"}]'
expect_sql json-via "SELECT json_extract(readfile('$T/json.out'), '\$[1].via')" \
  '["MA (acme/ma)"]'

# A coach we can rely on is kept informed; nobody is recruited then.
kam-stance set acme/zhou neutral --toward orcl --on 2026-02-15 >/dev/null
run coach 0 kam-gate plan acme/his
cut -f1,7 "$T/coach.out" | grep -E '^acme/(wu|zhou)	' >"$T/coach2.out"
expect_text coach2 "acme/wu	keep-informed
acme/zhou	keep-informed"
grep -q 'ask for their guidance: they are our coach' "$T/coach.out" || fail "coach: not our coach"
count=$((count + 1))
# As it stood on 1 February: chen not yet against us, unknown.
run as-of 0 kam-gate plan acme/his --as-of 2026-01-31
grep '^acme/chen	' "$T/as-of.out" | cut -f5,7 >"$T/chen.out"
expect_text chen "unknown	find-out"
# Nothing was stored; a table for people.
expect_sql none "SELECT count(*) FROM gate_run" 0
run table 0 kam-gate plan acme/his -F table
head -1 "$T/table.out" | tr -s ' ' >"$T/head.out"
expect_text head "PERSON NAME ROLES INFLUENCE STANCE TOWARD ACTION ADVICE REASON VIA CARRIER"
# A deal without a buying group: no rows.
kam-org deal add acme/erp --name ERP >/dev/null
run empty 0 kam-gate plan acme/erp -F json
expect_text empty "[]"

snapshot
run missing 2 kam-gate plan
head -1 "$T/missing.err" >"$T/m1" && mv "$T/m1" "$T/missing.err"
expect_err missing "kam-gate: missing DEAL"
run unknown 4 kam-gate plan acme/hiss
expect_err unknown "kam-gate: unknown deal 'acme/hiss' (did you mean 'acme/his'?)"
run future 3 kam-gate plan acme/his --as-of 2026-03-03
expect_err future "kam-gate: date '2026-03-03' for --as-of is in the future (today is 2026-03-02)"
run md 2 kam-gate plan acme/his -F md
expect_err md "kam-gate: 'plan' cannot write md (use table, tsv, csv or json)
usage: kam-gate plan DEAL [--as-of DATE]"
unchanged refused

done_testing
