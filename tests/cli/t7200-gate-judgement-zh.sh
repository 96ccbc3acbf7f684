#!/bin/sh
# The gate's judgement in Chinese on the hospital example: kam-gate run,
# plan, report (the memo), history, list and diff under zh_CN.UTF-8
# speak the method's words (verdicts, gate statuses, investment, plan
# actions and advice, reasons, computed evidence, red flags), compared
# to expected files; their TSV, CSV and JSON are byte-identical to the C
# locale's; the C locale's text is still English.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

sh "$KAM_SRCDIR/examples/hospital.sh" "$T/ex" >"$T/example.md" 2>&1 ||
  fail "the hospital example failed: $(tail -n 3 "$T/example.md")"
KAM_DB="$T/ex/kam.db"
KAM_ACCOUNT=hospital
KAM_NOW=2026-07-01T09:00:00Z
export KAM_DB KAM_ACCOUNT KAM_NOW
snapshot

# For a person: Chinese, as the expected files say.
run run-zh 0 in_locale $ZH kam-gate run his --dry-run -F table
expect_out run-zh t7200-run.zh
run plan-zh 0 in_locale $ZH kam-gate plan his -F table
expect_out plan-zh t7200-plan.zh
run memo-zh 0 in_locale $ZH kam-gate report his
expect_out memo-zh t7200-memo.zh
run history-zh 0 in_locale $ZH kam-gate history his -F table
expect_out history-zh t7200-history.zh
run list-zh 0 in_locale $ZH kam-gate list -F table
expect_out list-zh t7200-list.zh
# Runs stored in January and June: their computed evidence, kept in
# English in the store, is shown in Chinese.
run diff-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
expect_out diff-zh t7200-diff.zh
# What if the head of the hospital turned against us (nothing stored).
run whatif-zh 0 in_locale $ZH kam-gate run his --as-of 2026-06-15 \
  --assume-stance chen=oppose --assume-answer budget=unknown -F table
expect_out whatif-zh t7200-whatif.zh

# Nothing English is left in the judgement: two English words in a row
# would be a sentence the catalog does not say.
for f in run-zh plan-zh memo-zh diff-zh whatif-zh; do
  count=$((count + 1))
  if grep -nE '[A-Za-z]{2,} [a-z]{2,}' "$T/$f.out" >"$T/$f.english"; then
    fail "$f: English left: $(head -n 3 "$T/$f.english")"
  fi
done

# The C locale's text is the English one.
run run-c 0 kam-gate run his --dry-run -F table
count=$((count + 1))
grep -qx '3 win      pass        0.83   score 0.83 reaches the strong threshold 0.75' \
  "$T/run-c.out" || fail "run-c: the English line for gate 3 is missing"
run plan-c 0 kam-gate plan his -F table
count=$((count + 1))
grep -q '^hospital/zhao  *赵磊  *technical  *high  *neutral  *-  *convert  *first priority: find what they need to win and show how we give it  *neutral, high influence; leads the evaluation; since 2026-05-08: 康联演示后态度转冷' \
  "$T/plan-c.out" || fail "plan-c: the English plan row is missing"

# Machine formats do not follow the locale.
same() { # NAME STATUS COMMAND...: the output under zh_CN is the C locale's
  sn=$1 st=$2
  shift 2
  run "$sn-c" "$st" "$@"
  run "$sn-zh" "$st" in_locale $ZH "$@"
  count=$((count + 1))
  cmp -s "$T/$sn-c.out" "$T/$sn-zh.out" ||
    fail "$sn: the output differs by locale"
}
for fmt in tsv csv json; do
  same run-$fmt 0 kam-gate run his --dry-run -F $fmt
  same plan-$fmt 0 kam-gate plan his -F $fmt
  same history-$fmt 0 kam-gate history his -F $fmt
  same list-$fmt 0 kam-gate list -F $fmt
  same diff-$fmt 0 kam-gate diff his 1 3 -F $fmt
  same whatif-$fmt 0 kam-gate run his --as-of 2026-06-15 \
    --assume-stance chen=oppose --assume-answer budget=unknown -F $fmt
  same check-$fmt 1 kam-org check his -F $fmt
done
same memo-json 0 kam-gate report his -F json
# The canonical words and reasons are there, in English.
count=$((count + 1))
grep -q '"reasons": \[$' "$T/run-json-zh.out" &&
  grep -q '"score 0.83 reaches the strong threshold 0.75"' "$T/run-json-zh.out" ||
  fail "run-json-zh: the reasons are not the English ones"
count=$((count + 1))
grep -q '	convert	first priority: find what they need to win and show how we give it	neutral, high influence; leads the evaluation;' \
  "$T/plan-tsv-zh.out" || fail "plan-tsv-zh: the plan is not canonical"

# Nothing was stored by any of it.
unchanged

done_testing
