#!/bin/sh
# kam-org person erase rewrites the codes a gate run keeps
# (gate_run.reasons) as it rewrites the run's snapshot: the erased
# person's name and reference, whether an argument of their own (a key
# member of the buying group) or inside one ("NAME (ACCOUNT/HANDLE)",
# the lead), become the tombstone's; nothing else in the codes changes,
# and kam-gate diff still says the runs from them, in Chinese too.  On
# a team store as on a file (the example's store copied in).
. "$(dirname "$0")/lib.sh"
hospital_zh

# Before: the names are in the codes, as arguments.
expect_sql before-key "SELECT count(*) FROM gate_run WHERE reasons LIKE '%\"kind\": \"key\", \"text\": \"陈建国\"}%'" 1
expect_sql before-ref "SELECT count(*) FROM gate_run WHERE reasons LIKE '%\"text\": \"hospital/chen\"}%'" 1
expect_sql before-lead "SELECT count(*) FROM gate_run WHERE reasons LIKE '%\"text\": \"赵磊 (hospital/zhao)\"}%'" 4
sql "SELECT number, reasons FROM gate_run ORDER BY number" >"$T/codes.before"

run erase-chen 0 kam-org person erase chen --reason 'asked to be forgotten'
expect_text erase-chen "hospital/erased-1"
run erase-zhao 0 kam-org person erase zhao --reason 'asked to be forgotten'
expect_text erase-zhao "hospital/erased-6"

# After: neither name nor reference is anywhere in a run ...
for s in 陈建国 hospital/chen 赵磊 hospital/zhao; do
  expect_sql "gone-$s" "SELECT count(*) FROM gate_run WHERE replace(reasons, '$s', '') <> reasons OR replace(snapshot, '$s', '') <> snapshot" 0
done
# ... the tombstones are where they were ...
expect_sql after-key "SELECT count(*) FROM gate_run WHERE replace(reasons, ' ', '') LIKE '%\"kind\":\"key\",\"text\":\"erased-1\"}%'" 1
expect_sql after-ref "SELECT count(*) FROM gate_run WHERE replace(reasons, ' ', '') LIKE '%\"text\":\"hospital/erased-1\"}%'" 1
expect_sql after-lead "SELECT count(*) FROM gate_run WHERE replace(reasons, ' ', '') LIKE '%\"text\":\"erased-6(hospital/erased-6)\"}%'" 4
# ... and the sentences, kinds and places of the codes are unchanged.
sql "SELECT number, reasons FROM gate_run ORDER BY number" >"$T/codes.after"
count=$((count + 1))
for f in before after; do
  tr -d ' \n' <"$T/codes.$f" |
    sed 's/陈建国/erased-1/g; s#hospital/chen#hospital/erased-1#g; s/赵磊/erased-6/g; s#hospital/zhao#hospital/erased-6#g' \
      >"$T/codes.$f.flat"
done
cmp -s "$T/codes.before.flat" "$T/codes.after.flat" ||
  fail "after: the codes changed beyond the erased names"

# kam-gate diff says the runs from their codes, the tombstones in them.
run diff-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
grep -q '对erased-1（hospital/erased-1、高影响力、决策者、最近观察于 2026-03-14、距 2026-06-15 已 93 天）' "$T/diff-zh.out" ||
  fail "diff-zh: the coverage evidence is not said with the tombstone"
grep -q '牵头人erased-6 (hospital/erased-6)按 1.50 倍计' "$T/diff-zh.out" ||
  fail "diff-zh: the lead is not said with the tombstone"
run diff-c 0 kam-gate diff his 1 3 -F table
grep -q 'what we know of erased-1 (hospital/erased-1, high influence, decision-maker' "$T/diff-c.out" ||
  fail "diff-c: the coverage evidence is not said with the tombstone"

done_testing
