#!/bin/sh
# kam-stance set: what is recorded, and every bad input refused with its
# message, its exit status and the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name 'Acme 公司' >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add acme/li-wei --name '李伟' >/dev/null
kam-org person add beta/bob --name Bob >/dev/null
kam-org competitor add rivalco --name RivalCo >/dev/null
kam-org deal add acme/his-2027 --name HIS >/dev/null
kam-org deal add beta/crm --name CRM >/dev/null

run set1 0 kam-stance set acme/li-wei support --on 2026-01-05 \
  --note '午餐时说的' --source 'call notes'
expect_text set1 1
expect_sql set1-row "SELECT id, kind, target_id IS NULL, person_id, stance,
  toward_id IS NULL, deal_id IS NULL, effective, recorded, actor, note,
  source, why IS NULL, prev_hash FROM observation_plain" \
  "1|observe|1|1|support|1|1|2026-01-05|2026-03-02T09:00:00Z|tester|午餐时说的|call notes|1|0000000000000000000000000000000000000000000000000000000000000000"
# The chained row holds the texts' digests only; the texts are beside it.
note_d=$(printf '%s' '午餐时说的' | sha256sum); note_d=${note_d%% *}
source_d=$(printf '%s' 'call notes' | sha256sum); source_d=${source_d%% *}
expect_sql set1-digests "SELECT note, source, why IS NULL FROM observation" \
  "$note_d|$source_d|1"
expect_sql set1-texts "SELECT observation_id, field, text FROM observation_text
  ORDER BY field" "1|note|午餐时说的
1|source|call notes"

# The word forms, -a for a bare handle, today by default, a competitor, a
# deal written bare (the person's account) or in full.
run set2 0 kam-stance -a acme set li-wei -
expect_text set2 2
run set3 0 kam-stance set acme/li-wei + --toward rivalco --on 2026-02-01
expect_text set3 3
run set4 0 kam-stance set acme/li-wei 0 --deal his-2027
expect_text set4 4
run set5 0 kam-stance set acme/li-wei neutral --deal acme/his-2027
expect_text set5 5
expect_sql set-rows "SELECT id, stance, toward_id, deal_id, effective
  FROM observation ORDER BY id" \
  "1|support|||2026-01-05
2|oppose|||2026-03-02
3|support|1||2026-02-01
4|neutral||1|2026-03-02
5|neutral||1|2026-03-02"
# Each row chains on the one before.
expect_sql set-chain "SELECT count(*) FROM observation o
  JOIN observation p ON p.id = o.id - 1 WHERE o.prev_hash = p.hash" 4

snapshot
run bad-person 4 kam-stance set acme/li-wie support
expect_err bad-person "kam-stance: unknown person 'acme/li-wie' (did you mean 'acme/li-wei'?)"
unchanged bad-person
run bad-account 4 kam-stance set acm/li-wei support
expect_err bad-account "kam-stance: unknown account 'acm' (did you mean 'acme'?)"
unchanged bad-account
run no-account 2 kam-stance set li-wei support
expect_err no-account "kam-stance: person 'li-wei' needs an account: write ACCOUNT/li-wei, give -a ACCOUNT or set KAM_ACCOUNT"
unchanged no-account
run bad-stance 3 kam-stance set acme/li-wei supports
expect_err bad-stance "kam-stance: unknown stance 'supports' (use support, neutral, oppose, +, 0 or -)"
unchanged bad-stance
run neutral-word 3 kam-stance set acme/li-wei Neutral
expect_err neutral-word "kam-stance: unknown stance 'Neutral' (use support, neutral, oppose, +, 0 or -)"
run impossible 3 kam-stance set acme/li-wei support --on 2026-02-30
expect_err impossible "kam-stance: impossible date '2026-02-30' for --on"
unchanged impossible
run malformed 3 kam-stance set acme/li-wei support --on 2026/02/03
expect_err malformed "kam-stance: malformed date '2026/02/03' for --on (use YYYY-MM-DD)"
unchanged malformed
run future 3 kam-stance set acme/li-wei support --on 2026-03-03
expect_err future "kam-stance: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
unchanged future
run bad-rival 4 kam-stance set acme/li-wei support --toward rivalc
expect_err bad-rival "kam-stance: unknown competitor 'rivalc' (did you mean 'rivalco'?)"
unchanged bad-rival
run bad-deal 4 kam-stance set acme/li-wei support --deal his-2026
expect_err bad-deal "kam-stance: unknown deal 'acme/his-2026' (did you mean 'acme/his-2027'?)"
unchanged bad-deal
run other-deal 5 kam-stance set acme/li-wei support --deal beta/crm
expect_err other-deal "kam-stance: deal 'beta/crm' is not with the person's account 'acme'"
unchanged other-deal
run bad-utf8 3 kam-stance set acme/li-wei support --note "$(printf 'a\377b')"
expect_err bad-utf8 "kam-stance: --note is not valid UTF-8"
unchanged bad-utf8
run no-stance 2 kam-stance set acme/li-wei
expect_err no-stance "kam-stance: missing STANCE
usage: kam-stance set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] [--source TEXT] [--toward COMPETITOR]"
run no-person 2 kam-stance set
expect_err no-person "kam-stance: missing PERSON
usage: kam-stance set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] [--source TEXT] [--toward COMPETITOR]"
run extra 2 kam-stance set acme/li-wei support more
expect_err extra "kam-stance: unexpected 'more'
usage: kam-stance set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] [--source TEXT] [--toward COMPETITOR]"
run bad-option 2 kam-stance set acme/li-wei support --at 2026-01-01
expect_err bad-option "kam-stance: unknown option '--at'
usage: kam-stance set PERSON STANCE [--deal DEAL] [--note TEXT] [--on DATE] [--source TEXT] [--toward COMPETITOR]"
unchanged bad-option
run no-store 6 kam-stance --db "$T/none.db" set acme/li-wei support
expect_err no-store "kam-stance: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)"

# The store refuses to rewrite history, even from the database's shell
# (sqlite3; psql as the team store's owner).
shell() {
  if db_is_pg; then
    psql "$KAM_TEST_PG_OWNER" -X -q -v ON_ERROR_STOP=1 -c "$1"
  else
    "$SQLITE3" "$KAM_DB" "$1"
  fi
}
if shell "UPDATE observation SET stance = 'oppose' WHERE id = 1" 2>"$T/upd.err"; then
  fail "the shell could update an observation"
fi
grep -q 'append-only' "$T/upd.err" || fail "no append-only message: $(cat "$T/upd.err")"
if shell "DELETE FROM observation WHERE id = 1" 2>/dev/null; then
  fail "the shell could delete an observation"
fi
unchanged sqlite3-shell

done_testing
