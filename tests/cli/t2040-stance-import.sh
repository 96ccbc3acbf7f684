#!/bin/sh
# kam-stance import: observations from CSV in one transaction; a bad row
# anywhere leaves the store as it was, with a FILE:LINE: message.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
kam-org person add acme/li-wei --name '李伟' >/dev/null
kam-org person add acme/zhang --name '张三' >/dev/null
kam-org person add beta/bob --name Bob >/dev/null
kam-org competitor add rivalco --name RivalCo >/dev/null
kam-org deal add acme/his-2027 --name HIS >/dev/null
kam-org deal add beta/crm --name CRM >/dev/null

# Columns in any order; empty cells are defaults; quoted commas and
# newlines; a BOM and CRLF line ends.
printf '\357\273\277source,person,stance,on,toward,deal,note\r\n' >"$T/ok.csv"
printf 'minutes,acme/li-wei,support,2026-01-05,,,"lunch, then ""tea"""\r\n' >>"$T/ok.csv"
printf ',acme/zhang,-,,rivalco,,\r\n' >>"$T/ok.csv"
printf ',acme/li-wei,0,2026-02-01,,his-2027,"two\nlines"\r\n' >>"$T/ok.csv"
printf ',beta/bob,oppose,2026-02-02,,beta/crm,\r\n' >>"$T/ok.csv"
run ok 0 kam-stance import "$T/ok.csv"
expect_text ok "4 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql ok-rows "SELECT id, person_id, stance, toward_id, deal_id, effective,
  recorded, actor, note, source FROM observation_plain ORDER BY id" \
  "1|1|support|||2026-01-05|2026-03-02T09:00:00Z|tester|lunch, then \"tea\"|minutes
2|2|oppose|1||2026-03-02|2026-03-02T09:00:00Z|tester||
3|1|neutral||1|2026-02-01|2026-03-02T09:00:00Z|tester|two
lines|
4|3|oppose||2|2026-02-02|2026-03-02T09:00:00Z|tester||"
run ok-verify 0 kam-stance verify
# Bare handles with -a; only the two required columns.
printf 'person,stance\nli-wei,+\n' >"$T/min.csv"
run min 0 kam-stance -a acme import "$T/min.csv"
expect_text min "1 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
printf 'person,stance\n' >"$T/header.csv"
run header-only 0 kam-stance import "$T/header.csv"
expect_text header-only "0 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
# From standard input.
printf 'person,stance\nacme/zhang,neutral\n' | run stdin 0 kam-stance import -
expect_text stdin "1 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql count "SELECT count(*) FROM observation" 6

snapshot
bad() {
  name=$1 status=$2 msg=$3
  shift 3
  printf 'person,stance,on,toward,deal,note,source\n' >"$T/$name.csv"
  printf 'acme/li-wei,support,2026-01-05,,,,\n' >>"$T/$name.csv"
  printf '%s\n' "$@" >>"$T/$name.csv"
  run "$name" "$status" kam-stance import "$T/$name.csv"
  expect_err "$name" "kam-stance: $T/$name.csv:$msg"
  unchanged "$name"
}
bad person 4 "3: unknown person 'acme/li-wie' (did you mean 'acme/li-wei'?)" 'acme/li-wie,support,,,,,'
bad no-account 2 "3: person 'zhang' needs an account: write ACCOUNT/zhang, give -a ACCOUNT or set KAM_ACCOUNT" 'zhang,support,,,,,'
bad stance 3 "3: unknown stance 'pro' (use support, neutral, oppose, +, 0 or -)" 'acme/zhang,pro,,,,,'
bad no-stance 3 "3: missing stance" 'acme/zhang,,,,,,'
bad no-person 3 "3: missing person" ',support,,,,,'
bad date 3 "3: impossible date '2026-02-29'" 'acme/zhang,support,2026-02-29,,,,'
bad date2 3 "3: malformed date '5/1/2026' (use YYYY-MM-DD)" 'acme/zhang,support,5/1/2026,,,,'
bad future 3 "3: date '2026-03-03' is in the future (today is 2026-03-02)" 'acme/zhang,support,2026-03-03,,,,'
bad rival 4 "3: unknown competitor 'rivalc' (did you mean 'rivalco'?)" 'acme/zhang,support,,rivalc,,,'
bad deal 4 "3: unknown deal 'his-2026' (did you mean 'his-2027'?)" 'acme/zhang,support,,,his-2026,,'
bad other-deal 5 "3: deal 'beta/crm' is not of the person's account 'acme' or its group" 'acme/zhang,support,,,beta/crm,,'
bad late 3 "5: unknown stance 'x' (use support, neutral, oppose, +, 0 or -)" 'acme/zhang,support,,,,,' 'acme/zhang,oppose,,,,,' 'acme/zhang,x,,,,,'
bad quote 3 "3: malformed CSV: a quoted field is not closed (a '\"' is missing)" '"acme/zhang,support'

printf 'person,mood\n' >"$T/col.csv"
run column 3 kam-stance import "$T/col.csv"
expect_err column "kam-stance: $T/col.csv:1: unknown column 'mood' (known: person, stance, on, toward, deal, note, source)"
printf 'stance,on\n' >"$T/col2.csv"
run missing-column 3 kam-stance import "$T/col2.csv"
expect_err missing-column "kam-stance: $T/col2.csv:1: missing column 'person'"
: >"$T/empty.csv"
run empty 3 kam-stance import "$T/empty.csv"
expect_err empty "kam-stance: $T/empty.csv: empty file (expected a header: person,stance,on,toward,deal,note,source)"
run missing-file 4 kam-stance import "$T/nope.csv"
expect_err missing-file "kam-stance: cannot open '$T/nope.csv': No such file or directory"
run no-file 2 kam-stance import
expect_err no-file "kam-stance: missing FILE
usage: kam-stance import FILE.csv [--map FIELD=COLUMN]..."
unchanged import-errors

# A large import (the indexes are rebuilt after it): every row, the same
# schema, a whole chain; a bad row near its end leaves the store as it was.
# (The rebuilt indexes come last in sqlite_schema: compare sorted.)
schema() {
  if db_is_pg; then
    pg_dump -d "$KAM_TEST_PG_INSPECT" --schema-only --no-owner \
      --no-privileges --exclude-schema=kam_test | grep -v '^\\\(un\)\{0,1\}restrict '
  else
    "$SQLITE3" "$KAM_DB" .schema
  fi
}
schema | sort >"$T/schema.before"
awk 'BEGIN { print "person,stance,on"
  for (i = 0; i < 25000; i++) printf "acme/%s,%s,2026-01-%02d\n",
    (i % 2 ? "li-wei" : "zhang"), (i % 3 ? "support" : "oppose"), 1 + i % 28 }' >"$T/big.csv"
sed '24000s/support/supprt/' "$T/big.csv" >"$T/big-bad.csv"
snapshot
run big-bad 3 kam-stance import "$T/big-bad.csv"
expect_err big-bad "kam-stance: $T/big-bad.csv:24000: unknown stance 'supprt' (use support, neutral, oppose, +, 0 or -)"
unchanged big-bad
run big 0 kam-stance import "$T/big.csv"
expect_text big "25000 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
schema | sort >"$T/schema.after"
count=$((count + 1))
cmp -s "$T/schema.before" "$T/schema.after" || fail "big: the schema changed"
expect_sql big-count "SELECT count(*) FROM observation" 25006
run big-verify 0 kam-stance -F json verify
count=$((count + 1))
grep -q '"observations":25006' "$T/big-verify.out" || fail "big-verify: $(cat "$T/big-verify.out")"
run big-show 0 kam-stance show acme --as-of 2026-01-28
# (SQLite's plan: PostgreSQL's planner has its own.)
if ! db_is_pg; then
  count=$((count + 1))
  sql "EXPLAIN QUERY PLAN SELECT 1 FROM observation WHERE person_id = 1
    AND toward_id IS NULL AND deal_id IS NULL AND effective <= '2026-01-01'" |
    grep -q 'USING COVERING INDEX observation_person' ||
    fail "big-plan: observation_person is not used"
fi

done_testing
