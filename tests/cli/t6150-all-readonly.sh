#!/bin/sh
# A store that cannot be written (a read-only file, a folder one cannot
# write, or both) can be read by every command; writing commands exit 9
# with a message saying why, and the store is unchanged.  root ignores
# file modes, so as root the commands run in a user namespace (where
# root's files are someone else's), else as the nobody user.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "SQLite files' modes"

as_user=
if [ "$(id -u)" = 0 ]; then
  if unshare -U true 2>/dev/null; then
    as_user="unshare -U"
  elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chmod 0755 "$T"
  else
    echo "SKIP: root without user namespaces or setpriv: file modes cannot be tested" >&2
    exit 77
  fi
fi

D="$T/ro"
mkdir "$D"
chmod 0755 "$D"
KAM_DB="$D/kam.db"
kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/li --name Li
kam-org deal add acme/erp --name ERP
kam-org role acme/erp acme/li decision-maker
kam-stance set acme/li support --on 2026-03-01 >/dev/null
kam-gate answer acme/erp need yes
kam-gate run acme/erp >/dev/null
# as_user runs as someone who may read but not write root's 0644 files.
chmod 0644 "$KAM_DB"

# reads NAME: every command reads the store.
reads() {
  run "$1-org" 0 $as_user kam-org -F tsv person list acme
  expect_text "$1-org" "$(printf 'handle\tname\ttitle\tdept\tlevel\treports_to\tdotted_to\tplaceholder\tleft_on\text_id\nacme/li\tLi\t\t\t\t\t\tno\t\t')"
  run "$1-stance" 0 $as_user kam-stance -F tsv show acme
  grep -q '^acme/li	Li	support	' "$T/$1-stance.out" || fail "$1-stance: $(cat "$T/$1-stance.out")"
  run "$1-gate" 0 $as_user kam-gate -F tsv history acme/erp
  run "$1-map" 0 $as_user kam-map acme
  grep -q '^digraph' "$T/$1-map.out" || fail "$1-map: not DOT"
  run "$1-verify" 0 $as_user kam-stance verify
}

# writes NAME MESSAGE: every writing command is refused with MESSAGE.
writes() {
  snapshot
  run "$1-add" 9 $as_user kam-org account add beta --name Beta
  expect_err "$1-add" "kam-org: $2"
  run "$1-set" 9 $as_user kam-stance set acme/li oppose
  expect_err "$1-set" "kam-stance: $2"
  run "$1-run" 9 $as_user kam-gate run acme/erp
  expect_err "$1-run" "kam-gate: $2"
  printf 'handle,name\nwu,Wu\n' >"$T/people.csv"
  chmod 0644 "$T/people.csv"
  run "$1-import" 9 $as_user kam-org import acme "$T/people.csv"
  expect_err "$1-import" "kam-org: $2"
  run "$1-init" 9 $as_user kam-org init
  expect_err "$1-init" "kam-org: $2"
  unchanged "$1"
}

# A read-only file in a folder one can write.
chmod 0444 "$KAM_DB"
chmod 0777 "$D"
reads file
writes file "store '$KAM_DB' is not writable"
chmod 0755 "$D"
rm -f "$KAM_DB-wal" "$KAM_DB-shm"

# A writable file in a folder one cannot write, without SQLite's -wal
# and -shm files: read as an immutable file, and no file is made.
chmod 0666 "$KAM_DB"
chmod 0555 "$D"
reads folder
writes folder "store '$KAM_DB' is not writable: its folder '$D' is not"
count=$((count + 1))
[ "$(ls -A "$D")" = kam.db ] || fail "folder: files were made: $(ls -A "$D" | tr '\n' ' ')"

# Both.
chmod 0444 "$KAM_DB"
reads both
writes both "store '$KAM_DB' is not writable"
count=$((count + 1))
[ "$(ls -A "$D")" = kam.db ] || fail "both: files were made: $(ls -A "$D" | tr '\n' ' ')"

# A folder one cannot write, with -wal and -shm files one can: SQLite
# needs to make nothing, so the store is read and written.
chmod 0755 "$D"
chmod 0644 "$KAM_DB"
"$SQLITE3" "$KAM_DB" ".filectrl persist_wal 1" "SELECT count(*) FROM account" >/dev/null
chmod 0666 "$KAM_DB" "$KAM_DB-wal" "$KAM_DB-shm"
chmod 0555 "$D"
reads walfiles
run walfiles-add 0 $as_user kam-org account add beta --name Beta
run walfiles-list 0 $as_user kam-org -F tsv account list
count=$((count + 1))
grep -q '^beta	Beta	' "$T/walfiles-list.out" || fail "walfiles: the account was not added"
chmod 0755 "$D"
rm -f "$KAM_DB-wal" "$KAM_DB-shm"

# A new store cannot be made in a folder one cannot write: nothing is
# made.
chmod 0555 "$D"
run init-folder 9 $as_user kam-org --db "$D/new.db" init
expect_err init-folder "kam-org: cannot create store '$D/new.db': Permission denied"
count=$((count + 1))
[ "$(ls -A "$D")" = kam.db ] || fail "init-folder: files were made: $(ls -A "$D" | tr '\n' ' ')"
run init-sub 9 $as_user kam-org --db "$D/sub/new.db" init
expect_err init-sub "kam-org: cannot create folder '$D/sub': Permission denied"
chmod 0755 "$D"

done_testing
