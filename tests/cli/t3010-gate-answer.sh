#!/bin/sh
# kam-gate answer and answers: dated answers kept as history, and every
# bad input refused with its message, its exit status and the store
# unchanged.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org deal add acme/his-2027 --name HIS >/dev/null

run a1 0 kam-gate answer acme/his-2027 need yes --on 2026-01-05 --evidence 'RFP 已发布'
[ ! -s "$T/a1.out" ] || fail "a1: printed something"
run a2 0 kam-gate answer acme/his-2027 budget unknown --on 2026-01-05
run a3 0 kam-gate -a acme answer his-2027 budget partly --evidence 'CFO: "half funded"; more in Q3'
KAM_ACCOUNT=acme run a4 0 kam-gate answer his-2027 budget yes --on 2026-02-01
expect_sql rows "SELECT deal_id, criterion_id, answer, coalesce(evidence, '-'),
  effective, recorded, actor FROM answer ORDER BY id" \
  "1|1|yes|RFP 已发布|2026-01-05|2026-03-02T09:00:00Z|tester
1|2|unknown|-|2026-01-05|2026-03-02T09:00:00Z|tester
1|2|partly|CFO: \"half funded\"; more in Q3|2026-03-02|2026-03-02T09:00:00Z|tester
1|2|yes|-|2026-02-01|2026-03-02T09:00:00Z|tester"

# Every answer, by the day it took effect.
run answers 0 kam-gate answers acme/his-2027
expect_out answers gate-answers.tsv
run answers-json 0 kam-gate answers acme/his-2027 -F json
expect_out answers-json gate-answers.json

# The answer in force on a day: a newer answer supersedes, the old stays.
run asof 0 kam-gate run acme/his-2027 --dry-run --as-of 2026-01-31 -F json
expect_sql dry "SELECT count(*) FROM gate_run" 0
grep -q '{"key": "budget", "answer": "unknown", "source": "answered", "evidence": null}' \
  "$T/asof.out" || fail "asof: budget is not unknown on 2026-01-31"
run asof2 0 kam-gate run acme/his-2027 --dry-run --as-of 2026-02-15 -F json
grep -q '{"key": "budget", "answer": "yes", "source": "answered", "evidence": null}' \
  "$T/asof2.out" || fail "asof2: budget is not yes on 2026-02-15"
run asof3 0 kam-gate run acme/his-2027 --dry-run -F json
grep -q '"key": "budget", "answer": "partly", "source": "answered", "evidence": "CFO: \\"half funded\\"; more in Q3"}' \
  "$T/asof3.out" || fail "asof3: budget is not partly today"

snapshot
run bad-word 3 kam-gate answer acme/his-2027 need maybe
expect_err bad-word "kam-gate: unknown answer 'maybe' (use yes, partly, no or unknown)"
run bad-word2 3 kam-gate answer acme/his-2027 need YES
expect_err bad-word2 "kam-gate: unknown answer 'YES' (use yes, partly, no or unknown)"
run bad-deal 4 kam-gate answer acme/his-2072 need yes
expect_err bad-deal "kam-gate: unknown deal 'acme/his-2072' (did you mean 'acme/his-2027'?)"
run bad-account 4 kam-gate answer acne/his-2027 need yes
expect_err bad-account "kam-gate: unknown account 'acne' (did you mean 'acme'?)"
run bare-deal 2 kam-gate answer his-2027 need yes
expect_err bare-deal "kam-gate: deal 'his-2027' needs an account: write ACCOUNT/his-2027, give -a ACCOUNT or set KAM_ACCOUNT"
run bad-key 4 kam-gate answer acme/his-2027 neeed yes
expect_err bad-key "kam-gate: unknown criterion 'neeed' (did you mean 'need'?)"
run future 3 kam-gate answer acme/his-2027 need yes --on 2026-03-03
expect_err future "kam-gate: date '2026-03-03' for --on is in the future (today is 2026-03-02)"
run impossible 3 kam-gate answer acme/his-2027 need yes --on 2026-02-30
expect_err impossible "kam-gate: impossible date '2026-02-30' for --on"
run malformed 3 kam-gate answer acme/his-2027 need yes --on 2026-2-3
expect_err malformed "kam-gate: malformed date '2026-2-3' for --on (use YYYY-MM-DD)"
run empty-evidence 3 kam-gate answer acme/his-2027 need yes --evidence ''
expect_err empty-evidence "kam-gate: --evidence is empty"
run bad-utf8 3 kam-gate answer acme/his-2027 need yes --evidence "$(printf 'a\377b')"
expect_err bad-utf8 "kam-gate: --evidence is not valid UTF-8"
run missing 2 kam-gate answer acme/his-2027 need
head -1 "$T/missing.err" >"$T/missing.err1" && mv "$T/missing.err1" "$T/missing.err"
expect_err missing "kam-gate: missing ANSWER"
run extra 2 kam-gate answer acme/his-2027 need yes no
head -1 "$T/extra.err" >"$T/extra.err1" && mv "$T/extra.err1" "$T/extra.err"
expect_err extra "kam-gate: unexpected 'no'"
run bad-opt 2 kam-gate answer acme/his-2027 need yes --when 2026-01-01
head -1 "$T/bad-opt.err" >"$T/bad-opt.err1" && mv "$T/bad-opt.err1" "$T/bad-opt.err"
expect_err bad-opt "kam-gate: unknown option '--when'"
run answers-bad 4 kam-gate answers acme/nope
expect_err answers-bad "kam-gate: unknown deal 'acme/nope'"
unchanged bad-input

# No store: a clear message, and none is created.
run nostore 6 kam-gate answer acme/his-2027 need yes --db "$T/none.db"
expect_err nostore "kam-gate: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)"
[ ! -e "$T/none.db" ] || fail "nostore: a store was created"

done_testing
