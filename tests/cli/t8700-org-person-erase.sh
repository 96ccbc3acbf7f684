#!/bin/sh
# kam-org person erase: a person's name, title, external id and
# observation texts leave every table and every file of the store (the
# record, its log, other people's logs, a deal's owner, stored gate
# runs); a tombstone under a neutral handle keeps the account, the
# organisation and the stances, so verify, gate, map and stance
# commands still work.  The erasure is logged without what was erased.
# Every refusal with its message, its exit status and an unchanged store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org account add acme --name Acme
  kam-org person add boss --name 'Big Boss' --title CEO --level 1
  kam-org person add margaret.whitfield --name 'Margaret Whitfield' \
    --title 'Procurement Tsarina' --level 2 --reports-to boss \
    --ext-id 0035e00000QzWhit
  kam-org person add eng --name 'Eng Lead' --level 3 --reports-to boss
  kam-org person add cfo --name 'Carl Finance' --level 2 --reports-to boss
  kam-org competitor add rivalco --name RivalCo
  kam-org deal add erp --name ERP --owner 'Margaret Whitfield' --value 500000
  kam-org role erp margaret.whitfield decision-maker --influence high
  kam-org role erp cfo finance --influence medium
  # Her dated history: a new name and title, a report of hers.
  kam-org person set margaret.whitfield --name 'Margaret Whitfield-Okonkwo' \
    --title 'Group Chief Tsarina' --on 2026-02-01
  kam-org person set eng --reports-to margaret.whitfield --on 2026-02-10
  kam-stance set margaret.whitfield oppose --deal erp --on 2026-01-10 \
    --note 'Whitfield prefers RivalCo since the Hofbrau dinner' \
    --source 'Lunch with her assistant Quillon'
  kam-stance set margaret.whitfield support --toward rivalco --on 2026-01-11 \
    --note 'golfs with the RivalCo director'
  kam-stance correct 1 oppose --on 2026-01-12 --why 'Zebulon misheard the date'
  kam-stance set cfo support --deal erp --on 2026-01-05 --note 'Carl keeps this note'
  kam-gate run erp
} >/dev/null || fail "setting up"

# The strings to erase: every one is in the store's files first.
STRINGS='Margaret
Whitfield
Procurement Tsarina
Group Chief Tsarina
0035e00000QzWhit
margaret.whitfield
Hofbrau
Quillon
golfs with
Zebulon'
# found FILE-PREFIX: prints each string that occurs in a file of the
# store; on a team store, in a dump of its rows (the server's old row
# versions are its vacuum's, kam(7) ERASURE).
found() {
  if [ -n "${KAM_TEST_PG:-}" ]; then
    pg_dump -d "$KAM_TEST_PG_INSPECT" --data-only >"$T/rows.sql" 2>"$T/rows.err" ||
      fail "found: cannot dump the team store"
    set -- "$T/rows.sql"
  fi
  printf '%s\n' "$STRINGS" | while IFS= read -r s; do
    for f in "$1" "$1-wal" "$1-shm"; do
      [ -f "$f" ] || continue
      if grep -a -q -F "$s" "$f" || strings "$f" | grep -q -F "$s"; then
        printf '%s in %s\n' "$s" "${f##*/}"
      fi
    done
  done
}
count=$((count + 1))
found "$KAM_DB" >"$T/before"
[ "$(cut -d' ' -f1-2 "$T/before" | sort -u | wc -l)" -ge 9 ] ||
  fail "before: the strings are not all in the store: $(cat "$T/before")"
expect_sql before-run "SELECT instr(snapshot, 'Margaret Whitfield-Okonkwo (acme/margaret.whitfield)') > 0
  FROM gate_run" 1
run before-verify 0 kam-stance verify
cp "$T/before-verify.out" "$T/head"

# Refusals, each leaving the store as it was: the dump, and an export.
snapshot
kam-org export acme | sha256sum >"$T/export.before"
same() {
  unchanged "$1"
  kam-org export acme | sha256sum >"$T/export.now"
  cmp -s "$T/export.before" "$T/export.now" || fail "$1: the export changed"
}
run unknown 4 kam-org person erase margaret.whitfeld --reason 'GDPR'
expect_err unknown "kam-org: unknown person 'acme/margaret.whitfeld' (did you mean 'acme/margaret.whitfield'?)"
same unknown
run noreason 2 kam-org person erase margaret.whitfield
head -1 "$T/noreason.err" >"$T/n1" && mv "$T/n1" "$T/noreason.err"
expect_err noreason "kam-org: --reason TEXT is required"
same noreason
run emptyreason 3 kam-org person erase margaret.whitfield --reason ''
expect_err emptyreason "kam-org: --reason is empty: say why the person is erased"
same emptyreason
run ctlreason 3 kam-org person erase margaret.whitfield --reason "$(printf 'a\033b')"
expect_err ctlreason "kam-org: --reason contains control character U+001B"
same ctlreason
run noop 2 kam-org person erase --reason 'GDPR'
head -1 "$T/noop.err" >"$T/n1" && mv "$T/n1" "$T/noop.err"
expect_err noop "kam-org: missing PERSON"
same noop
run twoops 2 kam-org person erase margaret.whitfield boss --reason 'GDPR'
head -1 "$T/twoops.err" >"$T/n1" && mv "$T/n1" "$T/twoops.err"
expect_err twoops "kam-org: unexpected 'boss'"
same twoops
run badopt 2 kam-org person erase margaret.whitfield --reason GDPR --force
head -1 "$T/badopt.err" >"$T/n1" && mv "$T/n1" "$T/badopt.err"
expect_err badopt "kam-org: unknown option '--force'"
same badopt
# A deal's log is append-only: an owner it names cannot be erased.
kam-org deal add crm --name CRM >/dev/null
kam-org deal set crm --owner 'Carl Finance' >/dev/null
snapshot
kam-org export acme | sha256sum >"$T/export.before"
run ownerlog 5 kam-org person erase cfo --reason 'GDPR'
expect_err ownerlog "kam-org: 'acme/cfo' cannot be erased: the log of deal 'acme/crm' names them as its owner, and a deal's log is append-only (kam(7), ERASURE)"
same ownerlog

# The erasure.
run erase 0 kam-org person erase margaret.whitfield \
  --reason 'art. 17 request, ticket 4411'
expect_text erase "acme/erased-2"
count=$((count + 1))
found "$KAM_DB" >"$T/after"
[ -s "$T/after" ] && fail "after: still in the store: $(cat "$T/after")"
count=$((count + 1))
[ -f "$KAM_DB-wal" ] && [ -s "$KAM_DB-wal" ] && fail "after: a log is left"
expect_sql tombstone "SELECT handle, name, title IS NULL, ext_id IS NULL,
  level, manager_id, erased FROM person WHERE id = 2" \
  "erased-2|erased-2|1|1|2|1|2026-03-02T09:00:00Z"
expect_sql texts "SELECT o.id, o.person_id, o.note IS NULL, o.source IS NULL,
  o.why IS NULL FROM observation_plain o ORDER BY o.id" \
  "1|2|1|1|1
2|2|1|1|1
3|2|1|1|1
4|4|0|1|1"
expect_sql other-note "SELECT note FROM observation_plain WHERE id = 4" \
  "Carl keeps this note"
expect_sql digests "SELECT count(*) FROM observation WHERE person_id = 2
  AND (length(note) = 64 OR length(why) = 64)" 3
expect_sql owner "SELECT d.handle, d.owner IS NULL FROM deal d
  WHERE d.account_id = 1 ORDER BY d.id" "erp|1
crm|0"
run verify 0 kam-stance verify
count=$((count + 1))
cmp -s "$T/head" "$T/verify.out" || fail "verify: the chain's head moved"
run log 0 kam-org log erased-2
expect_text log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-02-01	2026-03-02T09:00:00Z	tester	name	erased-2	erased-2
2026-02-01	2026-03-02T09:00:00Z	tester	title		
2026-03-02	2026-03-02T09:00:00Z	tester	erased		art. 17 request, ticket 4411
2026-03-02	2026-03-02T09:00:00Z	tester	role		acme/erp decision-maker (high)"
run eng-log 0 kam-org log eng
expect_text eng-log "effective	recorded	actor	field	old	new
2026-03-02	2026-03-02T09:00:00Z	tester	created		added
2026-02-10	2026-03-02T09:00:00Z	tester	reports_to	acme/boss	acme/erased-2"
run list 0 kam-org person list
expect_text list "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/boss	Big Boss	CEO		1			no		
acme/erased-2	erased-2			2	acme/boss		no		
acme/eng	Eng Lead			3	acme/erased-2		no		
acme/cfo	Carl Finance			2	acme/boss		no		"
# The stances stay: the deal's judgement still counts her opposition.
run stances 0 kam-stance show acme --toward rivalco
grep -q "^acme/erased-2	erased-2	support	2026-01-11	rivalco	" "$T/stances.out" ||
  fail "stances: the stance toward rivalco is gone: $(cat "$T/stances.out")"
run stance-deal 0 kam-stance show acme/erp
grep -q "^acme/erased-2	erased-2	oppose	2026-01-12	" "$T/stance-deal.out" ||
  fail "stance-deal: the opposition is gone: $(cat "$T/stance-deal.out")"
expect_sql run-after "SELECT instr(snapshot, 'erased-2 (acme/erased-2)') > 0,
  json_valid(snapshot), verdict FROM gate_run" "1|1|drop"
run gate 0 kam-gate run erp
run map 0 kam-map acme
grep -q 'erased-2' "$T/map.out" || fail "map: no tombstone in the map"
run roles 0 kam-org roles erp
grep -q '^acme/erased-2	erased-2	decision-maker	high	' "$T/roles.out" || fail "roles: $(cat "$T/roles.out")"

# Once erased, a second erasure is refused.
snapshot
kam-org export acme | sha256sum >"$T/export.before"
run again 5 kam-org person erase erased-2 --reason 'twice'
expect_err again "kam-org: 'acme/erased-2' was erased on 2026-03-02T09:00:00Z already"
same again

# Texts that encoding 1 hashed cannot leave the chain: refused, naming
# the rows.
KAM_DB="$T/v2.db"
"$SQLITE3" "$KAM_DB" <"$KAM_SRCDIR/tests/cli/data/store-v2-chain.sql"
"$SQLITE3" "$KAM_DB" "PRAGMA application_id = 1262570801" "PRAGMA user_version = 2"
kam-org person list acme >/dev/null || fail "v2: cannot upgrade"
snapshot
run v1 5 kam-org person erase acme/li-wei --reason 'GDPR'
expect_err v1 "kam-org: 'acme/li-wei' cannot be erased: the texts of observations 1, 3, 5 were written before schema version 4 and their hashes cover them, so removing them would break the chain (kam(7), ERASURE)"
unchanged v1
done_testing
