#!/bin/sh
# How make check-pg-suite runs several tests at once (tests/pg/suite.sh,
# tests/pg/slot.sh, lib.sh's KAM_TEST_PG_SLOTS): a test takes the first
# cluster no other test holds, with that cluster's URLs; while none is
# free it waits; it gives its cluster back at exit, passed or failed; a
# test that opens no store takes none, nor one that make check ran on a
# cluster of its own.  The clusters here are all this
# test's own, described twice (slot.sh writes each description).
. "$(dirname "$0")/../pg/need-cluster.sh"
. "$(dirname "$0")/lib.sh"

S=$T/slots
mkdir "$S"
# The descriptions of two "clusters", slot.sh's, told apart by their
# password (which lib.sh only hides in what it shows).
KAM_TEST_PG_PASSWORD=first sh "$KAM_SRCDIR/tests/pg/slot.sh" "$KAM_SRCDIR" "$S" 0 1 true
KAM_TEST_PG_PASSWORD=second sh "$KAM_SRCDIR/tests/pg/slot.sh" "$KAM_SRCDIR" "$S" 1 2 true
count=$((count + 1))
if [ ! -s "$S/0.env" ] || [ ! -s "$S/1.env" ]; then
  fail "slot.sh wrote no description"
fi

# child NAME [none]: a test script that says which cluster it holds and
# writes to the store there; with none, one marked store-free.
child() {
  cat >"$T/$1.sh" <<CHILD
KAM_BUILDDIR='$KAM_BUILDDIR' KAM_SRCDIR='$KAM_SRCDIR'
KAM_TEST_PG_SLOTS=2 KAM_TEST_PG_SLOT_DIR='$S'
export KAM_TEST_PG_SLOTS KAM_TEST_PG_SLOT_DIR
${2:+KAM_TEST_STORE=none}
. "$KAM_SRCDIR/tests/cli/lib.sh"
echo "holds \${pg_slot##*/} of \$KAM_TEST_PG_PASSWORD"
ls '$S' | grep lock | tr '\n' ' '; echo
run add 0 kam-org account add acme --name Acme
done_testing
CHILD
}
child takes

# The first one free: the second while another test holds the first.
mkdir "$S/0.lock"
run second 0 sh "$T/takes.sh" 9>/dev/null
expect_text second 'holds 1.lock of second
0.lock 1.lock 
1 passed, 0 failed'
# Given back at exit; the other's left alone.
count=$((count + 1))
[ -d "$S/1.lock" ] && fail "the second cluster was not given back"
[ -d "$S/0.lock" ] || fail "the first cluster's lock was taken away"

# None free: it waits until one is given back.
mkdir "$S/1.lock"
(sleep 1 && rmdir "$S/0.lock") &
run waits 0 sh "$T/takes.sh" 9>/dev/null
wait
expect_text waits 'holds 0.lock of first
0.lock 1.lock 
1 passed, 0 failed'
rmdir "$S/1.lock"

# A test that fails gives its cluster back too.
sed 's/account add acme --name Acme/account add "bad handle"/' "$T/takes.sh" >"$T/fails.sh"
run fails 1 sh "$T/fails.sh" 9>/dev/null
count=$((count + 1))
[ -z "$(ls "$S" | grep lock)" ] || fail "a failed test kept its cluster: $(ls "$S" | grep lock | tr "\n" " ")"

# A test that a test runs stays on that test's cluster: it takes none,
# though one is free, and does not wait for one.
cat >"$T/inner.sh" <<CHILD
KAM_BUILDDIR='$KAM_BUILDDIR' KAM_SRCDIR='$KAM_SRCDIR'
. "$KAM_SRCDIR/tests/cli/lib.sh"
echo "inner holds \${pg_slot:-none}"
run add 0 kam-org account add beta --name Beta
done_testing
CHILD
child outer
sed "s|^run add 0 .*|&\\
sh '$T/inner.sh'|" "$T/takes.sh" >"$T/outer.sh"
mkdir "$S/1.lock"
run outer 0 timeout 60 sh "$T/outer.sh" 9>/dev/null
expect_text outer 'holds 0.lock of first
0.lock 1.lock 
inner holds none
1 passed, 0 failed
1 passed, 0 failed'
rmdir "$S/1.lock"

# A store-free test takes none: it is skipped on a team store.
child none none
run none 77 sh "$T/none.sh" 9>/dev/null
expect_text none 'SKIP: on a team store: opens no store (make check runs it)'
count=$((count + 1))
[ -z "$(ls "$S" | grep lock)" ] || fail "a store-free test took a cluster: $(ls "$S" | grep lock | tr "\n" " ")"

# A test that runs on a cluster of its own in make check (need-cluster.sh)
# is skipped by the suite, and takes none either.
cat >"$T/own.sh" <<CHILD
KAM_BUILDDIR='$KAM_BUILDDIR' KAM_SRCDIR='$KAM_SRCDIR'
KAM_TEST_PG_SLOTS=2 KAM_TEST_PG_SLOT_DIR='$S'
export KAM_TEST_PG_SLOTS KAM_TEST_PG_SLOT_DIR
. "$KAM_SRCDIR/tests/pg/need-cluster.sh"
. "$KAM_SRCDIR/tests/cli/lib.sh"
run add 0 kam-org account add acme --name Acme
done_testing
CHILD
run own 77 sh "$T/own.sh" 9>/dev/null
expect_text own 'SKIP: on a team store: runs on one in make check (a cluster of its own)'
count=$((count + 1))
[ -z "$(ls "$S" | grep lock)" ] || fail "a test of its own cluster took one: $(ls "$S" | grep lock | tr "\n" " ")"
done_testing
