#!/bin/sh
# A stored gate run keeps the rules' reasons as codes beside its
# English snapshot (gate_run.reasons, kam(7), Gate runs): kam copy
# carries them (to a team store too), and kam-gate diff says a computed
# evidence in the user's language from them.  The English beside them
# is not read back: a run whose English was altered is still said from
# its codes, while the same run without codes (as stored before schema
# 14) shows the altered English as it is.
. "$(dirname "$0")/lib.sh"
hospital_zh
SRC="$T/ex/kam.db"
[ "$("$SQLITE3" "$SRC" "SELECT count(*) FROM gate_run WHERE reasons IS NOT NULL")" = 4 ] ||
  fail "the example's four runs are not stored with their codes"

# The example's store copied into the test's store (a team store under
# make check-pg-suite): every run keeps its codes byte for byte.
"$SQLITE3" -batch -noheader -separator '|' "$SRC" \
  "SELECT number, reasons FROM gate_run ORDER BY number" >"$T/codes.src"
sql "SELECT number, reasons FROM gate_run ORDER BY number" >"$T/codes.copy"
count=$((count + 1))
cmp -s "$T/codes.src" "$T/codes.copy" || fail "copy: the codes changed"
expect_sql copied-runs "SELECT count(*) FROM gate_run WHERE reasons IS NOT NULL" 4

# What is kept: each computed evidence and each gate's reasons as the
# sentence of the table and its arguments, a person's name as a text of
# its own.
expect_sql node-lead "SELECT count(*) FROM gate_run WHERE number = 3 AND reasons LIKE '%{\"up\": 8, \"kind\": \"text\", \"text\": \"赵磊 (hospital/zhao)\"}%'" 1
expect_sql node-sentence "SELECT count(*) FROM gate_run WHERE number = 3 AND reasons LIKE '%\"criterion\": \"coverage\", \"kind\": \"clauses\"}%'" 1
expect_sql node-gate "SELECT count(*) FROM gate_run WHERE number = 1 AND reasons LIKE '%\"gate\": 3, \"kind\": \"code\", \"sentence\": \"score %s is below the strong threshold %s: the odds are low, reconsider how much to invest\"%'" 1

# Said from the codes: the expected file of the example's diff.
run diff-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
expect_out diff-zh t7200-diff.zh
run diff-c 0 kam-gate diff his 1 3 -F table
run diff-tsv 0 kam-gate diff his 1 3

# The English of runs 1 and 3 altered where the rules wrote it: the
# table in Chinese does not change, nor the English table (said from
# the codes too); TSV prints what is stored.
sql "UPDATE gate_run SET snapshot = replace(snapshot, 'influence-weighted support', 'INFLUENCE-WEIGHTED support') WHERE number IN (1, 3)" >/dev/null
expect_sql altered "SELECT count(*) FROM gate_run WHERE replace(snapshot, 'INFLUENCE-WEIGHTED', '') <> snapshot" 2
run altered-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
expect_out altered-zh t7200-diff.zh
run altered-c 0 kam-gate diff his 1 3 -F table
expect_text altered-c "$(cat "$T/diff-c.out")"
run altered-tsv 0 kam-gate diff his 1 3
grep -q 'INFLUENCE-WEIGHTED support' "$T/altered-tsv.out" ||
  fail "altered-tsv: the stored English is not what TSV prints"
count=$((count + 1))
cmp -s "$T/diff-tsv.out" "$T/altered-tsv.out" &&
  fail "altered-tsv: the stored English was not altered"

# Without their codes, the same runs are read back from the English
# (gate_say): the altered clauses no sentence matches are shown as
# stored, the others translated as before.
sql "UPDATE gate_run SET reasons = NULL WHERE number IN (1, 3)" >/dev/null
run uncoded-zh 0 in_locale $ZH kam-gate diff his 1 3 -F table
grep -q 'INFLUENCE-WEIGHTED support' "$T/uncoded-zh.out" ||
  fail "uncoded-zh: the altered English was translated without codes"
grep -q '所有高影响力成员和决策者的态度都已清楚（9 人中已知 7 人）' "$T/uncoded-zh.out" ||
  fail "uncoded-zh: a clause the table matches is not translated"

done_testing
