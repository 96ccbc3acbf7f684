#!/bin/sh
# lib.sh's KAM_TEST_STORE=none, set by the tests that open no store: on
# SQLite such a test fails if it made a store after all; on a team store
# it is skipped, with a SKIP line saying why, before a database is made.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

# child NAME COMMAND: a test script, marked store-free, that runs
# COMMAND (a kam command line) and checks that it exits 0.
child() {
  cat >"$T/$1.sh" <<CHILD
KAM_BUILDDIR='$KAM_BUILDDIR' KAM_SRCDIR='$KAM_SRCDIR'
KAM_TEST_STORE=none
. "$KAM_SRCDIR/tests/cli/lib.sh"
run one 0 $2
done_testing
CHILD
}
child makes 'kam-org init'
child none 'kam-org --version'

if on_pg; then
  # Both skip, the one that would make a store too, and the cluster has
  # no database more than before.
  before=$(pg_admin "SELECT count(*) FROM pg_database")
  run pg-makes 77 sh "$T/makes.sh"
  expect_text pg-makes 'SKIP: on a team store: opens no store (make check runs it)'
  run pg-none 77 sh "$T/none.sh"
  expect_text pg-none 'SKIP: on a team store: opens no store (make check runs it)'
  count=$((count + 1))
  [ "$(pg_admin "SELECT count(*) FROM pg_database")" = "$before" ] ||
    fail "a skipped store-free test made a database"
else
  run makes 1 sh "$T/makes.sh" 9>/dev/null
  expect_text makes '1 passed, 1 failed'
  count=$((count + 1))
  grep -qx 'FAIL: KAM_TEST_STORE=none, but the test made a store: kam.db' "$T/makes.err" ||
    fail "makes: no message naming the store: $(cat "$T/makes.err")"
  run none 0 sh "$T/none.sh" 9>/dev/null
  expect_text none '2 passed, 0 failed'
fi
done_testing
