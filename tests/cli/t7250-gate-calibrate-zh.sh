#!/bin/sh
# kam-gate calibrate in Chinese: under zh_CN.UTF-8 the table and the
# Markdown have Chinese headings and say the verdicts and the deals'
# outcomes in the method's words; TSV, CSV and JSON are byte for byte
# the C locale's.  Three deals of one account, every criterion yes but
# where said, each run once 40 days before its close on 1 March 2026:
# won after pursue, lost after drop (side-effects no), abandoned after
# pursue.  Two messages of every command are checked too: the "or"
# between a verb's alternative operands, and a bad handle in an import.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

KAM_NOW=2026-01-01T08:00:00Z
{
  kam-org init
  kam-org account add acme --name 医院
  kam-org person add acme/ceo --name 陈院长 --level 1
  kam-org person add acme/cto --name 赵工 --level 2
  kam-stance set acme/ceo support --on 2026-01-01
  kam-stance set acme/cto support --on 2026-01-01
} >/dev/null
deal() { # DEAL NAME OUTCOME [KEY=ANSWER...]
  d=$1 n=$2 o=$3
  shift 3
  kam-org deal add "acme/$d" --name "$n" --value 100000 --currency CNY
  kam-org role "acme/$d" acme/ceo decision-maker --influence high --on 2026-01-01
  kam-org role "acme/$d" acme/cto technical --influence high --on 2026-01-01
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer "acme/$d" $k yes --on 2026-01-01
  done
  for kv in "$@"; do
    kam-gate answer "acme/$d" "${kv%%=*}" "${kv#*=}" --on 2026-01-01
  done
  KAM_NOW=2026-01-20T10:00:00Z kam-gate run "acme/$d"
  KAM_NOW=2026-03-01T12:00:00Z kam-org deal close "acme/$d" "--$o" --on 2026-03-01
}
{
  deal won 影像系统 won
  deal lost 信息平台 lost side-effects=no
  deal gone 机房改造 abandoned
} >"$T/setup.out" 2>&1 || fail "setup: $(tail -n 3 "$T/setup.out")"

KAM_NOW=2026-03-10T09:00:00Z
snapshot
run table-zh 0 in_locale $ZH kam-gate -F table calibrate
expect_out table-zh t7250-calibrate.zh
run md-zh 0 in_locale $ZH kam-gate -F md calibrate
expect_out md-zh t7250-calibrate-md.zh
# The English table is unchanged by the translation.
run table-c 0 kam-gate -F table calibrate
count=$((count + 1))
grep -q '^VERDICT  *DEALS  *WON  *LOST  *ABANDONED  *HITS  *HIT_RATE$' "$T/table-c.out" ||
  fail "table-c: $(sed -n '/VERDICT/p' "$T/table-c.out")"
# Machine formats do not follow the locale.
for f in tsv csv json; do
  run "$f-c" 0 kam-gate -F $f calibrate
  run "$f-zh" 0 in_locale $ZH kam-gate -F $f calibrate
  count=$((count + 1))
  cmp -s "$T/$f-c.out" "$T/$f-zh.out" || fail "$f: differs under $ZH"
done
unchanged calibrate

run missing-zh 2 in_locale $ZH kam-map
head -n 1 "$T/missing-zh.err" >"$T/m1" && mv "$T/m1" "$T/missing-zh.err"
expect_err missing-zh "kam-map: 缺少 ACCOUNT 或 DEAL"
run missing-c 2 kam-map
head -n 1 "$T/missing-c.err" >"$T/m1" && mv "$T/m1" "$T/missing-c.err"
expect_err missing-c "kam-map: missing ACCOUNT or DEAL"
printf 'handle,name\nbad handle,X\n' >"$T/people.csv"
run handle-zh 3 in_locale $ZH kam-org import acme "$T/people.csv"
expect_err handle-zh "kam-org: $T/people.csv:2: 无效的代号“bad handle”（请用字母、数字、“.”、“_”和“-”）"
run handle-c 3 kam-org import acme "$T/people.csv"
expect_err handle-c "kam-org: $T/people.csv:2: invalid handle 'bad handle' (use letters, digits, '.', '_' and '-')"
unchanged handle
done_testing
