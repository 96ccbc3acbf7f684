#!/bin/sh
# kam-org: creating the store, finding it, and refusing what is not a
# usable kam store; the command-line frame (help, version, bad verbs and
# options).
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "the SQLite store's file: creation, PRAGMAs, upgrade fixtures"

# A read-only command on a missing store says how to create one.
run nostore 6 kam-org account list
expect_err nostore "kam-org: no store at '$KAM_DB' (create one with 'kam-org init', or name another with --db or KAM_DB)"
[ ! -e "$KAM_DB" ] || fail "nostore: a store was created"
run nostore-write 6 kam-org account add acme --name Acme
expect_err nostore-write "kam-org: no store at '$KAM_DB' (create one with 'kam-org init', or name another with --db or KAM_DB)"

# init creates the store 0600 in a 0700 folder, and prints its path.
KAM_DB="$T/new/sub/kam.db"
run init 0 kam-org init
expect_text init "$T/new/sub/kam.db"
mode=$(stat -c %a "$T/new/sub/kam.db")
[ "$mode" = 600 ] || fail "init: store mode $mode, expected 600"
mode=$(stat -c %a "$T/new/sub")
[ "$mode" = 700 ] || fail "init: folder mode $mode, expected 700"
expect_sql init-appid "PRAGMA application_id" 1262570801
expect_sql init-version "PRAGMA user_version" 14
expect_sql init-wal "PRAGMA journal_mode" wal
# init again is harmless.
snapshot
run init-again 0 kam-org init
expect_text init-again "$T/new/sub/kam.db"
unchanged init-again

# The path: --db beats $KAM_DB, which beats $XDG_DATA_HOME.
run db-option 0 kam-org --db "$T/opt.db" init
expect_text db-option "$T/opt.db"
[ -f "$T/opt.db" ] || fail "db-option: no store at --db"
run db-verb-option 0 kam-org init -d "$T/opt2.db"
expect_text db-verb-option "$T/opt2.db"
run xdg 0 env -u KAM_DB XDG_DATA_HOME="$T/xdg" kam-org init
expect_text xdg "$T/xdg/kam/kam.db"
[ -f "$T/xdg/kam/kam.db" ] || fail "xdg: no store under XDG_DATA_HOME"
run home 0 env -u KAM_DB -u XDG_DATA_HOME HOME="$T/home" kam-org init
expect_text home "$T/home/.local/share/kam/kam.db"
# A relative XDG_DATA_HOME is ignored, as the XDG specification says.
run xdg-relative 0 env -u KAM_DB XDG_DATA_HOME=rel HOME="$T/home" kam-org init
expect_text xdg-relative "$T/home/.local/share/kam/kam.db"
run empty-db 0 env KAM_DB= XDG_DATA_HOME="$T/xdg" kam-org init
expect_text empty-db "$T/xdg/kam/kam.db"

# A file that is not a kam store: text, another SQLite database, a folder.
printf 'hello\n' >"$T/text.db"
run notkam-text 7 kam-org -d "$T/text.db" account list
expect_err notkam-text "kam-org: '$T/text.db' is not a kam store"
run notkam-text-init 7 kam-org -d "$T/text.db" init
expect_err notkam-text-init "kam-org: '$T/text.db' is not a kam store"
"$SQLITE3" "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run notkam-sqlite 7 kam-org -d "$T/other.db" account list
expect_err notkam-sqlite "kam-org: '$T/other.db' is not a kam store"
run notkam-sqlite-init 7 kam-org -d "$T/other.db" init
expect_err notkam-sqlite-init "kam-org: '$T/other.db' is not a kam store"
[ "$("$SQLITE3" "$T/other.db" "SELECT x FROM t")" = 1 ] ||
  fail "notkam-sqlite-init: the other database changed"
run notkam-dir 7 kam-org -d "$T" account list
expect_err notkam-dir "kam-org: '$T' is a folder, not a kam store"

# A store from a newer kam.
KAM_DB="$T/newer.db"
kam-org init >/dev/null
"$SQLITE3" "$KAM_DB" "PRAGMA user_version = 15"
snapshot
run newer 8 kam-org account list
expect_err newer "kam-org: store '$KAM_DB' has schema version 15, newer than this kam understands (14): upgrade kam"
run newer-write 8 kam-org account add acme --name Acme
expect_err newer-write "kam-org: store '$KAM_DB' has schema version 15, newer than this kam understands (14): upgrade kam"
unchanged newer-write

# A store of schema version 1 (current solid lines in reporting_line)
# is upgraded by the first command that opens it: the current solid
# line moves onto the person row, ended and dotted lines stay.
KAM_DB="$T/v1.db"
{
  cat "$KAM_SRCDIR/tests/cli/data/schema-v1.sql"
  cat <<'SQL'
INSERT INTO account VALUES (1, 'acme', 'Acme', NULL, '2026-01-05');
INSERT INTO person (id, account_id, handle, name, level, created, recorded,
  recorded_by) VALUES
  (1, 1, 'ceo', 'Chen', 1, '2026-01-05', '2026-01-05T09:00:00Z', 'ann'),
  (2, 1, 'cto', 'Li', 2, '2026-01-05', '2026-01-05T09:00:00Z', 'ann'),
  (3, 1, 'dev', 'Wang', 3, '2026-01-05', '2026-01-05T09:00:00Z', 'ann');
INSERT INTO reporting_line (person_id, manager_id, kind, start_on, end_on)
  VALUES (2, 1, 'solid', NULL, NULL), (3, 1, 'solid', NULL, '2026-02-01'),
  (3, 2, 'solid', '2026-02-01', NULL), (3, 1, 'dotted', NULL, NULL);
PRAGMA application_id = 1262570801;
PRAGMA user_version = 1;
SQL
} | "$SQLITE3" "$KAM_DB"
run v1-read 0 kam-org -F tsv person list acme
expect_text v1-read "handle	name	title	dept	level	reports_to	dotted_to	placeholder	left_on	ext_id
acme/ceo	Chen			1			no		
acme/cto	Li			2	acme/ceo		no		
acme/dev	Wang			3	acme/cto	acme/ceo	no		"
expect_sql v1-version "PRAGMA user_version" 14
expect_sql v1-rows "SELECT id, quote(manager_id), quote(manager_since) FROM person ORDER BY id" \
  "1|NULL|NULL
2|1|NULL
3|2|'2026-02-01'"
expect_sql v1-lines "SELECT person_id, manager_id, kind, quote(start_on), quote(end_on) FROM reporting_line ORDER BY id" \
  "3|1|solid|NULL|'2026-02-01'
3|1|dotted|NULL|NULL"
expect_sql v1-all "SELECT person_id, manager_id, kind, quote(end_on) FROM reporting_line_all ORDER BY person_id, kind, manager_id" \
  "2|1|solid|NULL
3|1|dotted|NULL
3|1|solid|'2026-02-01'
3|2|solid|NULL"
run v1-again 0 kam-org -F tsv person list acme
expect_text v1-again "$(cat "$T/v1-read.out")"

# An unwritable store: a writing command is refused with 9, the store is
# unchanged, reading still works.  root ignores file modes, so as root
# the commands run in a user namespace, where they do not.
KAM_DB="$T/ro/kam.db"
mkdir "$T/ro"
kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
chmod 0444 "$KAM_DB"
as_user=
if [ "$(id -u)" = 0 ]; then
  if unshare -U true 2>/dev/null; then
    as_user="unshare -U"
  else
    echo "SKIP: running as root without user namespaces: cannot test an unwritable store" >&2
    as_user=skip
  fi
fi
if [ "$as_user" != skip ]; then
  snapshot
  run readonly 9 $as_user kam-org account add beta --name Beta
  expect_err readonly "kam-org: store '$KAM_DB' is not writable"
  unchanged readonly
  run readonly-person 9 $as_user kam-org person add acme/x --name X
  expect_err readonly-person "kam-org: store '$KAM_DB' is not writable"
  run readonly-read 0 $as_user kam-org account list
  expect_sql readonly-count "SELECT count(*) FROM account" 1
fi
chmod 0644 "$KAM_DB"

# A version 1 store that cannot be written is not upgraded, even by a
# command that only reads.
KAM_DB="$T/ro/v1.db"
"$SQLITE3" "$KAM_DB" <"$KAM_SRCDIR/tests/cli/data/schema-v1.sql"
"$SQLITE3" "$KAM_DB" "PRAGMA application_id = 1262570801" "PRAGMA user_version = 1"
chmod 0444 "$KAM_DB"
if [ "$as_user" != skip ]; then
  snapshot
  run v1-readonly 9 $as_user kam-org account list
  expect_err v1-readonly "kam-org: store '$KAM_DB' needs upgrading but is not writable"
  unchanged v1-readonly
  expect_sql v1-readonly-version "PRAGMA user_version" 1
fi
chmod 0644 "$KAM_DB"
KAM_DB="$T/kam.db"

# Help, version, verbs and options.
run help 0 kam-org -h
head -1 "$T/help.out" >"$T/help1.out"
printf '%s\n' 'usage: kam-org [-d DB] [-a ACCOUNT] [-F FORMAT] VERB [ARG ...]' >"$T/help1.want"
cmp -s "$T/help1.want" "$T/help1.out" || fail "help: first line"
[ ! -s "$T/help.err" ] || fail "help: wrote to stderr"
# The verbs (t1060 checks that kam-org(1) has each of them).
grep '^  kam-org ' "$T/help.out" | sed 's/^  kam-org //' >"$T/verbs.out"
expect_out verbs org-help-verbs.txt
run verb-help 0 kam-org person add -h
expect_text verb-help "usage: kam-org person add PERSON --name NAME [--title T] [--dept D] [--level N] [--reports-to PERSON] [--dotted-to PERSON]... [--placeholder] [--ext-id ID]"
run version 0 kam-org -V
grep -q '^kam-org (kam) [0-9]' "$T/version.out" || fail "version: $(cat "$T/version.out")"
run noverb 2 kam-org
head -1 "$T/noverb.err" >"$T/noverb1.err"
printf '%s\n' 'kam-org: no verb given' >"$T/noverb1.want"
cmp -s "$T/noverb1.want" "$T/noverb1.err" || fail "noverb: message"
run badverb 2 kam-org frobnicate
expect_err badverb "kam-org: unknown verb 'frobnicate' (see 'kam-org -h')"
run typoverb 2 kam-org acount list
expect_err typoverb "kam-org: unknown verb 'acount' (did you mean 'account list'?)"
run halfverb 2 kam-org person
expect_err halfverb "kam-org: 'person' needs a verb (see 'kam-org -h')"
run badoption 2 kam-org --frob account list
head -1 "$T/badoption.err" >"$T/badoption1.err"
printf '%s\n' "kam-org: unknown option '--frob'" >"$T/badoption1.want"
cmp -s "$T/badoption1.want" "$T/badoption1.err" || fail "badoption: message"
kam-org init >/dev/null
snapshot
run badverboption 2 kam-org account add acme --name Acme --frob
expect_err badverboption "kam-org: unknown option '--frob'
usage: kam-org account add HANDLE --name NAME [--category NAME] [--ext-id ID] [--industry TEXT] [--parent ACCOUNT] [--team TEAM]"
unchanged badverboption
run badshort 2 kam-org account add acme --name Acme -z
expect_err badshort "kam-org: unknown option '-z'
usage: kam-org account add HANDLE --name NAME [--category NAME] [--ext-id ID] [--industry TEXT] [--parent ACCOUNT] [--team TEAM]"
run needsvalue 2 kam-org account add acme --name
expect_err needsvalue "kam-org: option '--name' needs a value
usage: kam-org account add HANDLE --name NAME [--category NAME] [--ext-id ID] [--industry TEXT] [--parent ACCOUNT] [--team TEAM]"
run badformat 2 kam-org -F xml account list
expect_err badformat "kam-org: unknown format 'xml' (use table, tsv, csv or json)"
run extra 2 kam-org account list extra
expect_err extra "kam-org: unexpected 'extra'
usage: kam-org account list"
unchanged usage-errors

# The format: a table on a terminal, TSV otherwise.
if command -v script >/dev/null 2>&1 &&
  script -qec true /dev/null >/dev/null 2>&1; then
  count=$((count + 1))
  script -qec "kam-org account list" /dev/null | tr -d '\r' >"$T/tty.out"
  head -1 "$T/tty.out" | grep -q '^HANDLE  NAME' || fail "tty: not a table: $(head -1 "$T/tty.out")"
  run piped 0 kam-org account list
  head -1 "$T/piped.out" | grep -q "^handle	name	" || fail "piped: not TSV"
else
  echo "SKIP: no script(1): the terminal default is not tested" >&2
fi

# Output that cannot be written is an error (exit 10), not a success.
if [ -w /dev/full ]; then
  kam-org account add acme --name Acme >/dev/null
  kam-org person add acme/li --name Li >/dev/null
  for cmd in "account list" "person list acme" "tree acme" "export acme"; do
    count=$((count + 1))
    kam-org $cmd >/dev/full 2>"$T/full.err"
    st=$?
    [ "$st" = 10 ] || fail "full: '$cmd' exit status $st, expected 10"
    printf '%s\n' "kam-org: cannot write to standard output: No space left on device" >"$T/full.want"
    cmp -s "$T/full.want" "$T/full.err" || fail "full: '$cmd': $(cat "$T/full.err")"
  done
fi

done_testing
