#!/bin/sh
# Every writing command with an output that cannot be written: a command
# that prints exits 10 and leaves the store as it was (its output is
# written before it commits); a command that prints nothing has nothing
# that can fail, and commits.  Each is then run again with a working
# stdout, to show it would have changed the store.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

if [ ! -w /dev/full ]; then
  echo "SKIP: no /dev/full" >&2
  done_testing
  exit 77
fi

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/li --name Li
kam-org person add acme/zhang --name Zhang --reports-to acme/li
kam-org person add acme/wang --name Wang --reports-to acme/li
kam-org competitor add rival --name Rival
kam-org deal add acme/erp --name ERP
kam-org role acme/erp acme/li decision-maker
kam-org link acme/zhang acme/li --kind advises
kam-stance set acme/li support >/dev/null
kam-stance set acme/zhang neutral >/dev/null
kam-gate criteria add real spare --question 'Spare?' >/dev/null

# prints NAME STATUS COMMAND...: a command that prints.  Into /dev/full
# it fails with 10 and changes nothing; then it runs, exits with STATUS
# and changes the store.
prints() {
  pn=$1 pst=$2
  shift 2
  snapshot
  count=$((count + 1))
  "$@" >/dev/full 2>"$T/$pn.full.err"
  st=$?
  [ "$st" = 10 ] || fail "$pn: into /dev/full: exit status $st, expected 10: $*"
  printf '%s: cannot write to standard output: No space left on device\n' "$1" >"$T/$pn.full.want"
  cmp -s "$T/$pn.full.want" "$T/$pn.full.err" || fail "$pn: into /dev/full: message '$(cat "$T/$pn.full.err")'"
  unchanged "$pn-full"
  # A closed standard output is refused the same way.
  count=$((count + 1))
  "$@" >&- 2>"$T/$pn.closed.err"
  st=$?
  [ "$st" = 10 ] || fail "$pn: stdout closed: exit status $st, expected 10: $*"
  grep -q "^$1: cannot write to standard output: " "$T/$pn.closed.err" ||
    fail "$pn: stdout closed: message '$(cat "$T/$pn.closed.err")'"
  unchanged "$pn-closed"
  run "$pn" "$pst" "$@"
  count=$((count + 1))
  [ -s "$T/$pn.out" ] || fail "$pn: printed nothing"
  dump_store >"$T/now.sql"
  count=$((count + 1))
  ! cmp -s "$T/snapshot.sql" "$T/now.sql" || fail "$pn: the store did not change"
}

# silent NAME COMMAND...: a command that prints nothing, so /dev/full
# cannot make it fail: it commits.
silent() {
  sn=$1
  shift
  snapshot
  run "$sn" 0 "$@"
  count=$((count + 1))
  [ ! -s "$T/$sn.err" ] || fail "$sn: said '$(cat "$T/$sn.err")'"
  dump_store >"$T/now.sql"
  count=$((count + 1))
  ! cmp -s "$T/snapshot.sql" "$T/now.sql" || fail "$sn: the store did not change"
  # Run with a working stdout (on a copy), it prints nothing indeed.
  # (A store file's copy: a team store's dump does not load into one.)
  if ! db_is_pg; then
    cp "$T/now.sql" "$T/after.sql"
    rm -f "$T/copy.db"
    "$SQLITE3" "$T/copy.db" <"$T/snapshot.sql"
    KAM_DB="$T/copy.db" "$@" >"$T/$sn.real.out" 2>/dev/null
    count=$((count + 1))
    [ ! -s "$T/$sn.real.out" ] || fail "$sn: prints '$(head -1 "$T/$sn.real.out")', so /dev/full must fail it"
  fi
}

# kam-org
# init: no store is made, no folder left; an empty file stays as it was.
count=$((count + 1))
KAM_DB="$T/fresh/sub/k.db" kam-org init >/dev/full 2>"$T/init.err"
st=$?
[ "$st" = 10 ] || fail "init-new: exit status $st, expected 10"
expect_err init "kam-org: cannot write to standard output: No space left on device"
count=$((count + 1))
[ ! -e "$T/fresh" ] || fail "init-new: left $(find "$T/fresh" | tr '\n' ' ')"
: >"$T/empty.db"
chmod 0644 "$T/empty.db"
count=$((count + 1))
KAM_DB="$T/empty.db" kam-org init >/dev/full 2>"$T/init-empty.err"
st=$?
[ "$st" = 10 ] || fail "init-empty: exit status $st, expected 10"
expect_err init-empty "kam-org: cannot write to standard output: No space left on device"
count=$((count + 1))
[ "$(stat -c '%s %a' "$T/empty.db")" = "0 644" ] || fail "init-empty: the file became $(stat -c '%s %a' "$T/empty.db")"
count=$((count + 1))
[ "$(ls "$T" | grep -c '^empty\.db')" = 1 ] || fail "init-empty: left $(ls "$T" | grep '^empty')"
run init-empty-ok 0 env KAM_DB="$T/empty.db" kam-org init

silent account-add kam-org account add beta --name Beta
silent account-set kam-org account set beta --industry Retail
silent person-add kam-org person add acme/zhao --name Zhao --reports-to acme/li
silent person-set kam-org person set acme/li --title CTO
silent person-leave kam-org person leave acme/wang --on 2026-03-01
silent link kam-org link acme/li acme/zhang --kind influences
silent unlink kam-org unlink acme/zhang acme/li --kind advises
silent competitor-add kam-org competitor add other --name Other
silent deal-add kam-org deal add acme/crm --name CRM
silent deal-set kam-org deal set acme/crm --value 1000 --currency CNY
silent role kam-org role acme/erp acme/zhang technical
silent role-rm kam-org role rm acme/erp acme/zhang technical
printf 'handle,name,reports_to\nsun,Sun,li\n' >"$T/people.csv"
silent import-people kam-org import acme "$T/people.csv"
printf 'from,to,kind\nsun,zhang,allies\n' >"$T/links.csv"
silent import-links kam-org import acme "$T/links.csv" --kind links
printf 'deal,person,role\nerp,sun,business\n' >"$T/roles.csv"
silent import-roles kam-org import acme "$T/roles.csv" --kind roles

# kam-stance
prints set 0 kam-stance set acme/wang oppose --note 'said so'
prints retract 0 kam-stance retract 1 --why 'wrong person'
prints correct 0 kam-stance correct 2 support --why 'misheard'
printf 'person,stance,on\nacme/sun,support,2026-02-01\nacme/li,neutral,2026-02-02\n' >"$T/obs.csv"
prints stance-import 0 kam-stance import "$T/obs.csv"

# kam-gate
silent criteria-add kam-gate criteria add real extra --question 'Extra?'
silent profile-add kam-gate profile add bespoke
silent profile-remove kam-gate profile remove bespoke
silent criteria-set kam-gate criteria set extra --weight 3
silent criteria-remove kam-gate criteria remove spare
silent answer kam-gate answer acme/erp need yes --evidence 'RFP'
prints gate-run 0 kam-gate run acme/erp
# Another day: a run identical to the last one would not be stored again.
prints gate-run-exit 21 kam-gate run acme/erp --exit-status --as-of 2026-03-01
silent setting kam-gate setting real.fail 0.6
silent setting-reset-one kam-gate setting real.fail --reset

done_testing
