#!/bin/sh
# A long chain of reporting lines (every person before their manager)
# imports, draws and checks without running out of stack: the walks keep
# their own stacks.  The process stack is limited to 256 KiB, so that a
# recursion per level would fail on a chain of 20,000.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

n=20000
awk -v n=$n 'BEGIN { print "handle,name,level,reports_to"
  for (i = n; i >= 1; i--)
    printf "p%d,P%d,%d,%s\n", i, i, (i < 99 ? i : 99), (i > 1 ? "p" (i - 1) : "") }' >"$T/chain.csv"
kam-org init >/dev/null
kam-org account add c --name Chain >/dev/null
run import 0 sh -c 'ulimit -s 256 && exec kam-org import c "$1"' sh "$T/chain.csv"
expect_sql lines "SELECT count(*) FROM reporting_line_all" $((n - 1))
run tree 0 sh -c 'ulimit -s 256 && exec kam-org -F tsv tree c'
tail -1 "$T/tree.out" >"$T/last.out"
expect_text last "$((n - 1))	c/p$n	P$n		99	c/p$((n - 1))	"
[ "$(wc -l <"$T/tree.out")" -eq $((n + 1)) ] || fail "tree: $(wc -l <"$T/tree.out") lines"
# A line from the top to the bottom closes a cycle through everyone.
snapshot
run cycle 5 sh -c 'ulimit -s 256 && exec kam-org person set c/p1 --reports-to c/p'$n
grep -q "^kam-org: reporting line from 'c/p1' to 'c/p$n' would close a cycle: c/p1 -> c/p$n -> c/p$((n - 1)) -> " "$T/cycle.err" ||
  fail "cycle: $(cut -c1-200 "$T/cycle.err")"
unchanged cycle
# The same cycle within one file.
sed "s/^p1,P1,1,\$/p1,P1,1,p$n/" "$T/chain.csv" >"$T/cycle.csv"
kam-org account add d --name D >/dev/null
snapshot
run file-cycle 5 sh -c 'ulimit -s 256 && exec kam-org import d "$1"' sh "$T/cycle.csv"
grep -q "^kam-org: $T/cycle.csv:$((n + 1)): reporting lines form a cycle: p$n -> p$((n - 1)) -> " "$T/file-cycle.err" ||
  fail "file-cycle: $(cut -c1-200 "$T/file-cycle.err")"
unchanged file-cycle

done_testing
