#!/bin/sh
# The store's path is a file name, never an SQLite URI; PostgreSQL URLs
# name the team store, which a verb without a team store's flag
# refuses; init over an existing empty file makes it a store of mode
# 0600.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "stores opened by path"

# The schema version a new store has.
VERSION=$(sed -n 's/^#define KAM_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$KAM_SRCDIR/include/kam/store.h")

cd "$T" || exit 1

# A path that looks like an SQLite URI is a file of that name: the
# store persists from one command to the next.
run uri-init 0 kam-org --db 'file:x.db?mode=memory' init
expect_text uri-init 'file:x.db?mode=memory'
count=$((count + 1))
[ -f "$T/file:x.db?mode=memory" ] || fail "uri-init: no file named 'file:x.db?mode=memory': $(ls "$T" | tr '\n' ' ')"
run uri-add 0 kam-org --db 'file:x.db?mode=memory' account add acme --name Acme
run uri-list 0 kam-org --db 'file:x.db?mode=memory' -F tsv account list
expect_text uri-list "handle	name	industry	people	deals	created	category	parent	ext_id	team
acme	Acme		0	0	2026-03-02				"
KAM_DB="$T/file:x.db?mode=memory" expect_sql uri-file "SELECT handle FROM account" acme
count=$((count + 1))
[ ! -e "$T/x.db" ] || fail "uri: a file 'x.db' was made"
run uri-env 0 env KAM_DB='file:x.db?mode=memory' kam-org -F tsv account list
expect_text uri-env "$(cat "$T/uri-list.out")"

# Characters that mean something in a URI, or to a shell, or are not
# ASCII; and an absolute path beginning with two slashes.
for f in 'a%41b.db' 'hash#x.db' 'q?.db' 'sp ace.db' '客户.db' 'semi;colon&amp.db'; do
  run "path-$f" 0 kam-org --db "$f" init
  expect_text "path-$f" "$f"
  run "path-add-$f" 0 kam-org --db "$f" account add acme --name Acme
  count=$((count + 1))
  [ -f "$T/$f" ] || fail "path $f: no such file: $(ls "$T" | tr '\n' ' ')"
  KAM_DB="$T/$f" expect_sql "path-rows-$f" "SELECT handle FROM account" acme
done
count=$((count + 1))
[ ! -e "$T/aAb.db" ] || fail "path: '%41' was decoded"
run slashes 0 kam-org --db "/$T/two.db" init
run slashes-add 0 kam-org --db "/$T/two.db" account add acme --name Acme
KAM_DB="$T/two.db" expect_sql slashes-rows "SELECT handle FROM account" acme

# Every verb runs on a team store: each tries the server (here one that
# is not there), with nothing made.
for url in 'postgresql://kam:secret@db.example.com/kam' 'postgres://db.example.com/kam' 'PostgreSQL://db/kam'; do
  scheme=${url%%://*}
  at="$scheme://kam:secret@127.0.0.1:1/kam"
  refused() {
    grep -q "^$1: cannot open store '$scheme://kam@127.0.0.1:1/kam': connection to server at \"127.0.0.1\", port 1 failed: Connection refused" "$T/$2.err" ||
      fail "$2: message: $(cat "$T/$2.err")"
  }
  run "pg-gate-$scheme" 10 kam-gate --db "$at" criteria
  refused kam-gate "pg-gate-$scheme"
  run "pg-map-$scheme" 10 kam-map --db "$at" acme
  refused kam-map "pg-map-$scheme"
  run "pg-deals-$scheme" 10 env KAM_DB="$at" kam-org deal list
  refused kam-org "pg-deals-$scheme"
  run "pg-erase-$scheme" 10 kam-org --db "$at" person erase acme/li --reason gone
  refused kam-org "pg-erase-$scheme"
  for cmd in init "account add acme --name Acme" "person list acme"; do
    name=pg-$(echo "$cmd" | cut -d' ' -f1-2 | tr ' ' -)-$scheme
    # shellcheck disable=SC2086
    run "$name" 10 kam-org --db "$scheme://kam:secret@127.0.0.1:1/kam" $cmd
    grep -q "^kam-org: cannot open store '$scheme://kam@127.0.0.1:1/kam': connection to server at \"127.0.0.1\", port 1 failed: Connection refused" "$T/$name.err" ||
      fail "$name: message: $(cat "$T/$name.err")"
  done
  run "pg-log-$scheme" 10 env KAM_DB="$scheme://kam:secret@127.0.0.1:1/kam" kam-stance log
  grep -q "^kam-stance: cannot open store '$scheme://kam@127.0.0.1:1/kam': " "$T/pg-log-$scheme.err" ||
    fail "pg-log-$scheme: message: $(cat "$T/pg-log-$scheme.err")"
done
count=$((count + 1))
[ ! -e "$T/postgresql:" ] && [ ! -e "$T/postgres:" ] && [ ! -e "$T/PostgreSQL:" ] ||
  fail "pg: a folder was made: $(ls "$T" | tr '\n' ' ')"
# The password in the URL is not echoed.
count=$((count + 1))
! grep -q secret "$T"/pg-*.err || fail "pg: the URL's password was printed"

# init over an existing empty file makes it a store, mode 0600.
: >"$T/empty.db"
chmod 0644 "$T/empty.db"
run empty-init 0 kam-org --db "$T/empty.db" init
expect_text empty-init "$T/empty.db"
count=$((count + 1))
mode=$(stat -c %a "$T/empty.db")
[ "$mode" = 600 ] || fail "empty-init: mode $mode, expected 600"
KAM_DB="$T/empty.db" expect_sql empty-version "PRAGMA user_version" "$VERSION"
KAM_DB="$T/empty.db" expect_sql empty-wal "PRAGMA journal_mode" wal
run empty-use 0 kam-org --db "$T/empty.db" account add acme --name Acme
# An existing store keeps its mode: init changes nothing.
chmod 0640 "$T/empty.db"
run again 0 kam-org --db "$T/empty.db" init
count=$((count + 1))
mode=$(stat -c %a "$T/empty.db")
[ "$mode" = 640 ] || fail "again: init changed an existing store's mode to $mode"
# An empty SQLite database (no tables) is made a store too.
"$SQLITE3" "$T/blank.db" "PRAGMA user_version = 0"
chmod 0644 "$T/blank.db"
run blank-init 0 kam-org --db "$T/blank.db" init
count=$((count + 1))
mode=$(stat -c %a "$T/blank.db")
[ "$mode" = 600 ] || fail "blank-init: mode $mode, expected 600"
KAM_DB="$T/blank.db" expect_sql blank-version "PRAGMA user_version" "$VERSION"

done_testing
