# Shared by the command-line tests: paths, a fresh store, and assertions.
# A test sources this file, runs commands, and compares what they print
# and what they leave in the store with what it expects.

set -u
: "${KAM_BUILDDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KAM_SRCDIR:=$KAM_BUILDDIR}"
: "${SQLITE3:=sqlite3}"
: "${DOT:=dot}"
PATH="$KAM_BUILDDIR/src:$PATH"
export PATH

T=$(mktemp -d "${TMPDIR:-/tmp}/kam-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

# make check-valgrind: every kam command runs under valgrind, and any
# memory error or leak fails the command (status 99).
if [ "${KAM_VALGRIND:-0}" = 1 ]; then
  mkdir -p "$T/vg"
  for c in kam kam-org kam-stance kam-gate kam-map; do
    printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s/tests/valgrind.supp "%s/src/%s" "$@"\n' \
      "$KAM_SRCDIR" "$KAM_BUILDDIR" "$c" >"$T/vg/$c"
    chmod +x "$T/vg/$c"
  done
  PATH="$T/vg:$PATH"
  export PATH
fi
KAM_DB="$T/kam.db"
KAM_USER=tester
KAM_NOW=2026-03-02T09:00:00Z
unset KAM_ACCOUNT XDG_DATA_HOME
export KAM_DB KAM_USER KAM_NOW
# English messages whatever the user's settings: LANGUAGE would override
# LC_ALL for messages.  The catalogs are the build tree's (kam(7),
# KAM_LOCALEDIR); a test of another language runs commands under in_locale.
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
: "${KAM_LOCALEDIR:=$KAM_BUILDDIR/po/locale}"
export KAM_LOCALEDIR
DATA="$KAM_SRCDIR/tests/data"
EXP="$KAM_SRCDIR/tests/cli/expected"

failures=0
count=0

fail() {
  failures=$((failures + 1))
  printf 'FAIL: %s\n' "$*" >&2
}

# run NAME EXPECTED-STATUS COMMAND...: runs the command, keeping its
# stdout in $T/NAME.out and stderr in $T/NAME.err; checks the status.
run() {
  name=$1 want=$2
  shift 2
  count=$((count + 1))
  "$@" >"$T/$name.out" 2>"$T/$name.err"
  got=$?
  if [ "$got" != "$want" ]; then
    fail "$name: exit status $got, expected $want: $*"
    sed 's/^/  stderr: /' "$T/$name.err" >&2
  fi
}

# expect_out NAME FILE: stdout of NAME equals the expected file
# (tests/cli/expected/FILE).
expect_out() {
  if ! diff -u "$EXP/$2" "$T/$1.out" >&2; then
    fail "$1: output differs from expected/$2"
  fi
}

# expect_text NAME TEXT: stdout of NAME equals TEXT (plus a newline).
expect_text() {
  printf '%s\n' "$2" >"$T/$1.want"
  if ! diff -u "$T/$1.want" "$T/$1.out" >&2; then
    fail "$1: output differs"
  fi
}

# expect_err NAME MESSAGE: stderr of NAME is exactly MESSAGE.
expect_err() {
  printf '%s\n' "$2" >"$T/$1.want"
  if ! diff -u "$T/$1.want" "$T/$1.err" >&2; then
    fail "$1: message differs"
  fi
}

# snapshot / unchanged: the store is byte-for-byte the same dump.
snapshot() {
  "$SQLITE3" "$KAM_DB" .dump >"$T/snapshot.sql"
}
unchanged() {
  "$SQLITE3" "$KAM_DB" .dump >"$T/now.sql"
  if ! cmp -s "$T/snapshot.sql" "$T/now.sql"; then
    fail "$1: the store changed"
    diff -u "$T/snapshot.sql" "$T/now.sql" | head -20 >&2
  fi
}

# sql QUERY: prints the query's result from the store.
sql() {
  "$SQLITE3" -batch -noheader -separator '|' "$KAM_DB" "$1"
}

# expect_sql NAME QUERY EXPECTED
expect_sql() {
  got=$(sql "$2")
  if [ "$got" != "$3" ]; then
    fail "$1: store has '$got', expected '$3' for: $2"
  fi
}

# need_locale NAME...: skips the whole test (status 77) unless every
# locale is installed; .ci/run generates them with localedef.
need_locale() {
  for l in "$@"; do
    want=$(printf '%s' "$l" | sed 's/UTF-8$/utf8/')
    if ! locale -a 2>/dev/null | grep -qx "$want"; then
      echo "SKIP: locale $l is not installed (localedef -i ${l%%.*} -f UTF-8 $l)"
      exit 77
    fi
  done
}

# in_locale NAME COMMAND...: runs the command with LC_ALL=NAME (LANG and
# LC_ALL are the variables a user sets; LC_ALL wins over both).
in_locale() {
  loc=$1
  shift
  LC_ALL=$loc "$@"
}

# done_testing: the summary line and the exit status.
done_testing() {
  echo "$((count - failures)) passed, $failures failed"
  { printf '%s: ' "${0##*/}"; echo "$((count - failures)) passed, $failures failed"; } 2>/dev/null >&9 || :
  [ "$failures" -eq 0 ]
}
