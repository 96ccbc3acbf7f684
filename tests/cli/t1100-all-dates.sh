#!/bin/sh
# One date check for every command (date_check, date_check_past): the
# same message for the same fault whichever command reads the date, and
# a day to look back on or a day something held from (--as-of, --on of a
# change) is refused when it is after today, as stances always were.
# Today (2026-03-02, KAM_NOW) is accepted; tomorrow is not.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/ceo --name CEO --level 1
kam-org person add acme/cto --name CTO --level 2 --reports-to acme/ceo
kam-org deal add acme/erp --name ERP
kam-stance set acme/ceo support --on 2026-01-05 >/dev/null
snapshot

# An impossible day: one message, one code, from every command.
impossible() {
  name=$1 cmd=$2 opt=$3
  shift 3
  run "$name" 3 "$cmd" "$@" "$opt" 2026-02-30
  expect_err "$name" "$cmd: impossible date '2026-02-30' for $opt"
}
impossible map-as-of kam-map --as-of acme -o "$T/m.dot"
impossible stance-as-of kam-stance --as-of show acme
impossible influence-as-of kam-org --as-of influence acme
impossible gate-as-of kam-gate --as-of run acme/erp --dry-run
impossible set-on kam-org --on person set acme/cto --title Boss
impossible stance-on kam-stance --on set acme/cto support
impossible deal-close kam-org --close deal set acme/erp
impossible stance-known kam-stance --known-at show acme
run stance-known-stamp 3 kam-stance show acme --known-at 2026-02-30T10:00:00Z
expect_err stance-known-stamp "kam-stance: impossible date '2026-02-30' for --known-at"
unchanged impossible

# A malformed one: the same message everywhere too.
run map-form 3 kam-map acme --as-of 2.3.2026 -o "$T/m.dot"
expect_err map-form "kam-map: malformed date '2.3.2026' for --as-of (use YYYY-MM-DD)"
run stance-form 3 kam-stance show acme --as-of 2.3.2026
expect_err stance-form "kam-stance: malformed date '2.3.2026' for --as-of (use YYYY-MM-DD)"
run influence-form 3 kam-org influence acme --as-of 2.3.2026
expect_err influence-form "kam-org: malformed date '2.3.2026' for --as-of (use YYYY-MM-DD)"
run org-form 3 kam-org person set acme/cto --title Boss --on 2026-3-1
expect_err org-form "kam-org: malformed date '2026-3-1' for --on (use YYYY-MM-DD)"
unchanged malformed

# Tomorrow: refused with the stances' message, store unchanged.
future() {
  name=$1 cmd=$2 opt=$3
  shift 3
  run "$name" 3 "$cmd" "$@" "$opt" 2026-03-03
  expect_err "$name" "$cmd: date '2026-03-03' for $opt is in the future (today is 2026-03-02)"
}
future map-future kam-map --as-of acme -o "$T/m.dot"
future stance-future kam-stance --as-of show acme
future influence-future kam-org --as-of influence acme
future set-future kam-org --on person set acme/cto --title Boss
future gate-future kam-gate --as-of run acme/erp --dry-run
future stance-set-future kam-stance --on set acme/cto support
[ ! -e "$T/m.dot" ] || fail "map-future: a map was written"
unchanged future

# Today itself is a day to look back on.
run map-today 0 kam-map acme --as-of 2026-03-02 -o "$T/m.dot"
[ -s "$T/m.dot" ] || fail "map-today: no map"
run stance-today 0 kam-stance show acme --as-of 2026-03-02 -F tsv
grep -q "^acme/ceo	CEO	support	2026-01-05	" "$T/stance-today.out" ||
  fail "stance-today: the stance of 2026-01-05 is not in force"
run influence-today 0 kam-org influence acme --as-of 2026-03-02 -F tsv
run set-today 0 kam-org person set acme/cto --title Boss --on 2026-03-02
expect_sql set-today-row "SELECT effective, field, new_value FROM person_history h JOIN person p ON p.id = h.person_id WHERE p.handle = 'cto' AND field = 'title'" "2026-03-02|title|Boss"

# A deal's close is a plan, not a day looked back on: tomorrow is fine.
run close-future 0 kam-org deal set acme/erp --close 2026-03-03
expect_sql close-future-row "SELECT close_on FROM deal WHERE handle = 'erp'" "2026-03-03"
# So is a person leaving (kam-org person leave --on keeps its own rule).

done_testing
