#!/bin/sh
# kam-org team add, list, rm; account add and set --team; the team in
# account list and show.  In a store file a team is a label of its
# accounts (on a team store it is backed by a database role: t9460).
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null

# team add: nothing printed, one row; a Unicode handle in NFC.  (On a
# team store each team's role is the administrator's, made first.)
long54=$(printf 'x%.0s' $(seq 54))
zh54=$(printf '团%.0s' $(seq 18))
team_roles east 华东 "$(printf 'caf\303\251')" "$long54" "$zh54" || exit 99
run add 0 kam-org team add east
[ ! -s "$T/add.out" ] && [ ! -s "$T/add.err" ] || fail "add: printed something"
expect_sql add-row "SELECT id, handle, created FROM team" "1|east|2026-03-02"
run add-zh 0 kam-org team add 华东
# e + combining acute, stored as é.
run add-nfc 0 kam-org team add "$(printf 'caf\145\314\201')"
expect_sql nfc-row "SELECT handle FROM team WHERE id = 3" "$(printf 'caf\303\251')"
# The longest handle: 54 bytes, its role 63.
long54=$(printf 'x%.0s' $(seq 54))
run add-54 0 kam-org team add "$long54"
# 18 three-byte characters: 54 bytes.
zh54=$(printf '团%.0s' $(seq 18))
run add-zh54 0 kam-org team add "$zh54"

# account add --team, account set --team, and --team '' clears it.
run acct-add 0 kam-org account add gamma --name Gamma --team east
expect_sql acct-add-row "SELECT a.handle, t.handle FROM account a JOIN team t ON t.id = a.team_id" "gamma|east"
run set 0 kam-org account set acme --team 华东
run set-beta 0 kam-org account set beta --team east
expect_sql set-rows "SELECT a.handle || ':' || coalesce(t.handle, '-') FROM account a LEFT JOIN team t ON t.id = a.team_id ORDER BY a.handle" \
  "acme:华东
beta:east
gamma:east"
# The team alone changes: the other fields stay.
expect_sql set-only "SELECT name, quote(industry), quote(category), quote(parent_id), quote(ext_id) FROM account WHERE handle = 'acme'" \
  "Acme|NULL|NULL|NULL|NULL"
run clear 0 kam-org account set beta --team ''
expect_sql clear-row "SELECT quote(team_id) FROM account WHERE handle = 'beta'" "NULL"
# Setting the team an account has is no change at all.
snapshot
run same 0 kam-org account set gamma --team east
unchanged same

# The listings, in every format.
run list-table 0 kam-org -F table team list
expect_out list-table org-team-list.table
run list-tsv 0 kam-org team list
expect_out list-tsv org-team-list.tsv
run list-csv 0 kam-org -F csv team list
expect_out list-csv org-team-list.csv
run list-json 0 kam-org -F json team list
expect_out list-json org-team-list.json
run accounts-tsv 0 kam-org account list
expect_out accounts-tsv org-team-accounts.tsv
run accounts-json 0 kam-org -F json account list
expect_out accounts-json org-team-accounts.json
run show-table 0 kam-org -F table account show acme
expect_out show-table org-team-account-show.table
run show-json 0 kam-org -F json account show gamma
expect_text show-json '{"handle":"gamma","name":"Gamma","industry":null,"people":0,"deals":0,"created":"2026-03-02","category":null,"parent":null,"ext_id":null,"team":"east"}'

# Bad input: each refused with its message and status, the store
# unchanged.
snapshot
run dup 5 kam-org team add east
expect_err dup "kam-org: team 'east' already exists"
run dup-nfc 5 kam-org team add "$(printf 'caf\303\251')"
expect_err dup-nfc "kam-org: team '$(printf 'caf\303\251')' already exists"
run bad 3 kam-org team add 'east side'
expect_err bad "kam-org: invalid team handle 'east side' (use letters, digits, '.', '_' and '-')"
run bad-dash 3 kam-org team add -- -east
expect_err bad-dash "kam-org: invalid team handle '-east' (use letters, digits, '.', '_' and '-')"
run empty 3 kam-org team add ''
expect_err empty "kam-org: invalid team handle '' (use letters, digits, '.', '_' and '-')"
long55=$(printf 'x%.0s' $(seq 55))
run long 3 kam-org team add "$long55"
expect_err long "kam-org: team handle '$long55' is too long: at most 54 bytes, so that its role's name (kam_team_...) fits in a database name"
# 19 characters, 57 bytes: bytes count, not characters.
zh57=$(printf '团%.0s' $(seq 19))
run long-zh 3 kam-org team add "$zh57"
expect_err long-zh "kam-org: team handle '$zh57' is too long: at most 54 bytes, so that its role's name (kam_team_...) fits in a database name"
run noop 2 kam-org team add
head -1 "$T/noop.err" >"$T/n1" && mv "$T/n1" "$T/noop.err"
expect_err noop "kam-org: missing TEAM"
run extra 2 kam-org team add east west
head -1 "$T/extra.err" >"$T/n1" && mv "$T/n1" "$T/extra.err"
expect_err extra "kam-org: unexpected 'west'"
run option 2 kam-org team add west --name West
expect_err option "kam-org: unknown option '--name'
usage: kam-org team add TEAM"
run set-unknown 4 kam-org account set acme --team west
expect_err set-unknown "kam-org: team 'west' does not exist (add it with 'kam-org team add west')"
run set-bad 3 kam-org account set acme --team 'a b'
expect_err set-bad "kam-org: invalid team handle 'a b' (use letters, digits, '.', '_' and '-')"
run set-long 3 kam-org account set acme --team "$long55"
expect_err set-long "kam-org: team handle '$long55' is too long: at most 54 bytes, so that its role's name (kam_team_...) fits in a database name"
run set-noacct 4 kam-org account set acne --team east
expect_err set-noacct "kam-org: unknown account 'acne' (did you mean 'acme'?)"
run set-novalue 2 kam-org account set acme --team
head -1 "$T/set-novalue.err" >"$T/n1" && mv "$T/n1" "$T/set-novalue.err"
expect_err set-novalue "kam-org: option '--team' needs a value"
# A change with a bad team changes nothing else either.
run set-both 4 kam-org account set acme --name Renamed --team west
expect_err set-both "kam-org: team 'west' does not exist (add it with 'kam-org team add west')"
run add-unknown 4 kam-org account add delta --name Delta --team west
expect_err add-unknown "kam-org: team 'west' does not exist (add it with 'kam-org team add west')"
run nothing 2 kam-org account set acme
head -1 "$T/nothing.err" >"$T/n1" && mv "$T/n1" "$T/nothing.err"
expect_err nothing "kam-org: nothing to change (give --category, --ext-id, --industry, --name, --parent or --team)"
# rm: a team that sells an account, or none of that name.
run rm-used 5 kam-org team rm east
expect_err rm-used "kam-org: team 'east' still sells accounts: give them to another team or to none first (kam-org account set ACCOUNT --team TEAM)"
run rm-unknown 4 kam-org team rm west
expect_err rm-unknown "kam-org: team 'west' does not exist (add it with 'kam-org team add west')"
run rm-bad 3 kam-org team rm 'a b'
expect_err rm-bad "kam-org: invalid team handle 'a b' (use letters, digits, '.', '_' and '-')"
run list-extra 2 kam-org team list east
head -1 "$T/list-extra.err" >"$T/n1" && mv "$T/n1" "$T/list-extra.err"
expect_err list-extra "kam-org: unexpected 'east'"
unchanged refused

# rm: a team that sells nothing goes; its accounts' team once cleared.
run rm-free 0 kam-org team rm "$long54"
[ ! -s "$T/rm-free.out" ] && [ ! -s "$T/rm-free.err" ] || fail "rm-free: printed something"
expect_sql rm-free-row "SELECT count(*) FROM team WHERE handle = '$long54'" 0
kam-org account set gamma --team 华东 >/dev/null
run rm-east 0 kam-org team rm east
expect_sql rm-east-row "SELECT count(*) FROM team WHERE handle = 'east'" 0
run again 0 kam-org team add east
expect_sql again-row "SELECT count(*) FROM team WHERE handle = 'east'" 1
run list-after 0 kam-org team list
expect_text list-after "handle	db_role	accounts	created
café	kam_team_café	0	2026-03-02
east	kam_team_east	0	2026-03-02
华东	kam_team_华东	2	2026-03-02
$zh54	kam_team_$zh54	0	2026-03-02"

# An empty store lists no team: the heading alone (TSV), [] (JSON).
KAM_DB="$T/empty.db" kam-org init >/dev/null
KAM_DB="$T/empty.db" run empty-tsv 0 kam-org team list
expect_text empty-tsv "handle	db_role	accounts	created"
KAM_DB="$T/empty.db" run empty-json 0 kam-org -F json team list
expect_text empty-json "[]"

# A store of schema 12 gains the teams, none, when first opened; its
# accounts are sold by no team.
KAM_DB="$T/v12.db"
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
"$SQLITE3" "$KAM_DB" "DROP INDEX account_team; ALTER TABLE account DROP COLUMN team_id; DROP TABLE team; DROP VIEW observation_chain; ALTER TABLE gate_run DROP COLUMN reasons; PRAGMA user_version = 12"
run v12 0 kam-org -F tsv account list
expect_text v12 "handle	name	industry	people	deals	created	category	parent	ext_id	team
acme	Acme		0	0	2026-03-02				"
expect_sql v12-version "PRAGMA user_version" 14
expect_sql v12-schema "SELECT name FROM sqlite_schema WHERE name IN ('team', 'account_team', 'observation_chain') ORDER BY name" \
  "account_team
observation_chain
team"
expect_sql v12-column "SELECT quote(team_id) FROM account" "NULL"
run v12-add 0 kam-org team add east
run v12-set 0 kam-org account set acme --team east
expect_sql v12-team "SELECT t.handle FROM account a JOIN team t ON t.id = a.team_id" "east"
# The foreign key holds in an upgraded store as in a new one.
run v12-fk 1 sh -c '"$1" "$2" "PRAGMA foreign_keys = ON; DELETE FROM team" || exit 1' sh "$SQLITE3" "$KAM_DB"
expect_sql v12-fk-kept "SELECT count(*) FROM team" 1
# The chain is appended to after its last link, as read from the view.
kam-org person add acme/li --name Li >/dev/null
run v12-set1 0 kam-stance set acme/li support
run v12-set2 0 kam-stance set acme/li oppose
expect_sql v12-chain "SELECT o.id, o.prev_hash = (SELECT c.hash FROM observation_chain c WHERE c.id = o.id - 1) FROM observation o WHERE o.id > 1" "2|1"
run v12-verify 0 kam-stance verify

done_testing
