#!/bin/sh
# How lib.sh makes a test's team store: the first test on a cluster
# makes a template database (kam-org init as the owner, the test clock
# on, the SQLite functions the tests' queries use), named after the
# build of kam-org, and every test's store is a copy of it; a test that
# wants an empty database (KAM_TEST_PG_EMPTY=1) gets one made anew; the
# tests' databases are dropped at exit, the template kept; psql and
# pg_dump are PostgreSQL's own programs, not Debian's wrapper.  On a
# cluster of its own, so that this test is the first on it.
need_own_cluster=1
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

admin_rows() {
  psql "$KAM_TEST_PG_ADMIN" -X -q -At -v ON_ERROR_STOP=1 -c "$1"
}

# This test, the first: the template is made, whole, under its name.
want_tpl="kam_tpl_$(cat "$KAM_BUILDDIR/src/kam-org" "$KAM_SRCDIR/tests/cli/lib.sh" | cksum | cut -d' ' -f1)"
count=$((count + 1))
[ "${pg_tpl:-}" = "$want_tpl" ] || fail "the template is '${pg_tpl:-}', expected '$want_tpl'"
run databases 0 admin_rows "SELECT datname FROM pg_database WHERE datname LIKE 'kam_%' ORDER BY datname"
expect_text databases "$(printf '%s\n' "$pg_db" "$want_tpl" | sort)"
# This test's store: made by kam-org init, the test clock on.
run first 0 kam-org account add acme --name Acme
expect_sql first-recorded "SELECT created FROM account WHERE handle = 'acme'" 2026-03-02
expect_sql first-clock "SELECT test_clock FROM kam_store" 1
expect_sql first-functions "SELECT quote('it''s')" "'it''s'"

# Mark the template, and the next test's store is a copy of it.
psql "${KAM_TEST_PG_ADMIN%/*}/$want_tpl" -X -q \
  -v ON_ERROR_STOP=1 -c "CREATE TABLE kam_test.mark (v text);
    INSERT INTO kam_test.mark VALUES ('from the template')" ||
  fail "cannot mark the template"

# child NAME [empty]: a test script that prints what its store holds.
child() {
  cat >"$T/$1.sh" <<CHILD
KAM_BUILDDIR='$KAM_BUILDDIR' KAM_SRCDIR='$KAM_SRCDIR'
${2:+KAM_TEST_PG_EMPTY=1}
. "$KAM_SRCDIR/tests/cli/lib.sh"
echo "psql: \$(command -v psql)"
echo "pg_dump: \$(command -v pg_dump)"
echo "wrapped: \$(readlink -f "\$(command -v psql)" "\$(command -v pg_dump)" | grep -c pg_wrapper)"
echo "database: \$(psql "\$KAM_TEST_PG_INSPECT" -X -At -c 'SELECT current_database()' | sed 's/_[0-9a-f]*\$//')"
echo "stores: \$(sql "SELECT count(*) FROM pg_tables WHERE tablename = 'kam_store'")"
echo "mark: \$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'kam_test' AND tablename = 'mark'")"
echo "quote: \$(sql "SELECT quote('x')")"
CHILD
}
child c1
child c2 empty
bindir=$(pg_config --bindir)
# What every child prints first: PostgreSQL's own programs.
programs="psql: $bindir/psql
pg_dump: $bindir/pg_dump
wrapped: 0"

run copy 0 sh "$T/c1.sh" 9>/dev/null
expect_text copy "$programs
database: kam_c1
stores: 1
mark: 1
quote: 'x'"
run copy-store 0 sh -c ". '$T/c1.sh' >/dev/null && kam-org account add beta --name Beta && sql \"SELECT handle, created FROM account\" && sql 'SELECT v FROM kam_test.mark'" 9>/dev/null
expect_text copy-store "beta|2026-03-02
from the template"

run empty 0 sh "$T/c2.sh" 9>/dev/null
expect_text empty "$programs
database: kam_c2
stores: 0
mark: 0
quote: 'x'"

# The children's databases are gone, the template and this test's kept.
run after 0 admin_rows "SELECT datname FROM pg_database WHERE datname LIKE 'kam_%' ORDER BY datname"
expect_text after "$(printf '%s\n' "$pg_db" "$want_tpl" | sort)"
done_testing
