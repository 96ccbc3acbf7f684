#!/bin/sh
# kam-gate criteria: the seeded rubric, adding, changing and removing
# criteria, and every bad input refused with its message, its exit status
# and the store unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org deal add acme/his --name HIS >/dev/null

run list 0 kam-gate -F table criteria
expect_out list gate-criteria.table
run list-tsv 0 kam-gate criteria
expect_out list-tsv gate-criteria.tsv
run list-win 0 kam-gate criteria -F csv --gate win
expect_out list-win gate-criteria-win.csv
run list-3 0 kam-gate criteria --gate 3 -F csv
expect_out list-3 gate-criteria-win.csv

# Adding: at the end of its gate, weight 1 unless given.
run add1 0 kam-gate criteria add real sponsor --question 'Is there a sponsor?' --must
[ ! -s "$T/add1.out" ] || fail "add1: printed something"
run add2 0 kam-gate criteria add 4 reference --question '可以作为案例吗？' --weight 3
expect_sql add-rows "SELECT gate, key, question, weight, must, computed, position
  FROM criterion WHERE key IN ('sponsor', 'reference') ORDER BY id" \
  "1|sponsor|Is there a sponsor?|1.0|1|0|4
4|reference|可以作为案例吗？|3.0|0|0|7"

# Changing: weight, must, question, gate (moves to the end of the new gate).
run set1 0 kam-gate criteria set sponsor --weight 2 --no-must --question 'A sponsor?'
run set2 0 kam-gate criteria set price --must
run set3 0 kam-gate criteria set reference --gate compete
expect_sql set-rows "SELECT gate, key, question, weight, must, position
  FROM criterion WHERE key IN ('sponsor', 'price', 'reference')
  AND profile_id = 1 ORDER BY id" \
  "3|price|Is our price competitive?|1.0|1|6
1|sponsor|A sponsor?|2.0|0|4
2|reference|可以作为案例吗？|3.0|0|5"

# Removing a criterion without answers.
run rm1 0 kam-gate criteria remove reference
expect_sql rm-rows "SELECT count(*) FROM criterion WHERE key = 'reference'" 0

# Bad input: nothing changes.
kam-gate answer acme/his need yes --on 2026-01-05
snapshot
run bad-gate 3 kam-gate criteria add 5 x --question 'Q?'
expect_err bad-gate "kam-gate: unknown gate '5' (use 1-4 or real, compete, win, worth)"
run bad-gate2 3 kam-gate criteria --gate winn
expect_err bad-gate2 "kam-gate: unknown gate 'winn' (use 1-4 or real, compete, win, worth)"
run bad-key 3 kam-gate criteria add 1 'a b' --question 'Q?'
expect_err bad-key "kam-gate: invalid criterion key 'a b' (use letters, digits, '.', '_' and '-')"
run no-question 2 kam-gate criteria add 1 x
head -1 "$T/no-question.err" >"$T/no-question.err1"
mv "$T/no-question.err1" "$T/no-question.err"
expect_err no-question "kam-gate: missing --question"
run empty-question 3 kam-gate criteria add 1 x --question ''
expect_err empty-question "kam-gate: --question is empty"
run bad-weight 3 kam-gate criteria add 1 x --question 'Q?' --weight -1
expect_err bad-weight "kam-gate: invalid weight '-1' (use a number from 0 to 100, at most 2 decimals)"
run bad-weight2 3 kam-gate criteria set need --weight 101
expect_err bad-weight2 "kam-gate: invalid weight '101' (use a number from 0 to 100, at most 2 decimals)"
run exists 5 kam-gate criteria add 2 need --question 'Q?'
expect_err exists "kam-gate: criterion 'need' exists already"
run unknown 4 kam-gate criteria set budgte --weight 2
expect_err unknown "kam-gate: unknown criterion 'budgte' (did you mean 'budget'?)"
run unknown2 4 kam-gate criteria remove zzzzzzzz
expect_err unknown2 "kam-gate: unknown criterion 'zzzzzzzz' (see 'kam-gate criteria')"
run nothing 2 kam-gate criteria set need
head -1 "$T/nothing.err" >"$T/nothing.err1"
mv "$T/nothing.err1" "$T/nothing.err"
expect_err nothing "kam-gate: nothing to change (give --gate, --must, --no-must, --question or --weight)"
run both 2 kam-gate criteria set need --must --no-must
head -1 "$T/both.err" >"$T/both.err1"
mv "$T/both.err1" "$T/both.err"
expect_err both "kam-gate: --must and --no-must exclude each other"
run typo 2 kam-gate criteria ad 1 x --question 'Q?'
expect_err typo "kam-gate: unknown verb 'criteria ad' (did you mean 'criteria add'?)"
run answered 5 kam-gate criteria remove need
expect_err answered "kam-gate: criterion 'need' has 1 answer: set its weight to 0 instead"
unchanged bad-input

# A gate is never left without criteria, or without weight.
kam-gate criteria remove budget
kam-gate criteria remove timeline
kam-gate criteria set need --gate 2
snapshot
run last 5 kam-gate criteria remove sponsor
expect_err last "kam-gate: gate 1 (real) would have no criteria"
run last-move 5 kam-gate criteria set sponsor --gate 4
expect_err last-move "kam-gate: gate 1 (real) would have no criteria"
run last-weight 5 kam-gate criteria set sponsor --weight 0
expect_err last-weight "kam-gate: gate 1 (real) would have no weight (every criterion at 0)"
unchanged empty-gate
run real 0 kam-gate criteria --gate 1
expect_text real "gate	name	key	weight	must	computed	question
1	real	sponsor	2	no	no	A sponsor?"

done_testing
