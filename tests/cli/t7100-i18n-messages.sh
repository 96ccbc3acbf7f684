#!/bin/sh
# The library's messages speak the user's language: the store, the
# organisation, the CSV reader, dates, text checks, money, the gate and
# the stance history each report in Chinese under zh_CN.UTF-8 and in
# English under C.UTF-8, with the same exit status in both, a plural
# chosen by count (ngettext), and the store left as it was.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/wang --name 王伟 >/dev/null
kam-org person add acme/li --name 李娜 >/dev/null
kam-org deal add acme/his --name HIS >/dev/null
printf 'handle,name\nzhao,赵磊,x\n' >"$T/three.csv"
printf 'handle,name\nzhao\n' >"$T/one.csv"
printf 'handle,name\nzhao,赵磊\n' >"$T/ok.csv"
printf 'person,stance\nacme/wang,支持\nacme/li,反对的\n' >"$T/stances.csv"

# both NAME STATUS ENGLISH CHINESE COMMAND...: the command fails with
# STATUS in both locales, saying exactly ENGLISH and CHINESE.
both() {
  b_name=$1 b_st=$2 b_en=$3 b_zh=$4
  shift 4
  run "$b_name-c" "$b_st" "$@"
  expect_err "$b_name-c" "$b_en"
  run "$b_name-zh" "$b_st" in_locale $ZH "$@"
  expect_err "$b_name-zh" "$b_zh"
}

snapshot
both no-store 6 \
  "kam-org: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)" \
  "kam-org: “$T/none.db”处没有数据库（可用“kam-org init”创建，或用 --db 或 KAM_DB 指定另一个）" \
  kam-org --db "$T/none.db" account list
[ ! -e "$T/none.db" ] || fail "no-store: a store was created"
both not-kam 7 "kam-org: '$T/ok.csv' is not a kam store" \
  "kam-org: “$T/ok.csv”不是 kam 数据库" kam-org --db "$T/ok.csv" account list
both dup-person 5 "kam-org: person 'acme/wang' already exists" \
  "kam-org: 关系人“acme/wang”已存在" kam-org person add acme/wang --name 王
both typo-person 4 \
  "kam-org: unknown person 'acme/wnag' (did you mean 'acme/wang'?)" \
  "kam-org: 未知关系人“acme/wnag”（您是指“acme/wang”吗？）" \
  kam-org person show acme/wnag
both bare-person 2 \
  "kam-org: person 'wang' needs an account: write ACCOUNT/wang, give -a ACCOUNT or set KAM_ACCOUNT" \
  "kam-org: 关系人“wang”需要指明客户：请写 ACCOUNT/wang，或给出 -a ACCOUNT，或设置 KAM_ACCOUNT" \
  kam-org person show wang
both unknown-account 4 "kam-org: unknown account 'acm' (did you mean 'acme'?)" \
  "kam-org: 未知客户“acm”（您是指“acme”吗？）" kam-org person list acm
both bad-handle 3 \
  "kam-org: invalid account handle 'a b' (use letters, digits, '.', '_' and '-')" \
  "kam-org: 无效的客户代号“a b”（请用字母、数字、“.”、“_”和“-”）" \
  kam-org account add 'a b' --name X
both tab 3 "kam-org: --name contains control character U+0009 (a tab)" \
  "kam-org: --name 含有控制字符 U+0009（制表符）" \
  kam-org person add acme/zhang --name "$(printf 'a\tb')"
both money 3 "kam-org: invalid value '1,5' (a number, no currency sign)" \
  "kam-org: 无效的金额“1,5”（应为数字，不带货币符号）" \
  kam-org deal add acme/x --name X --value 1,5
both money-digits 3 \
  "kam-org: invalid cost '1234567890123456789' (at most 18 significant digits)" \
  "kam-org: 无效的成本“1234567890123456789”（应为至多 18 位有效数字）" \
  kam-org deal add acme/x --name X --cost 1234567890123456789
both impossible 3 "kam-stance: impossible date '2026-02-30' for --on" \
  "kam-stance: --on 的日期“2026-02-30”不存在" \
  kam-stance set acme/wang support --on 2026-02-30
both malformed 3 "kam-stance: malformed date '2026-2-3' for --on (use YYYY-MM-DD)" \
  "kam-stance: --on 的日期“2026-2-3”格式有误（请用 YYYY-MM-DD）" \
  kam-stance set acme/wang support --on 2026-2-3
both future 3 \
  "kam-stance: date '2027-01-01' for --on is in the future (today is 2026-03-02)" \
  "kam-stance: --on 的日期“2027-01-01”在未来（今天是 2026-03-02）" \
  kam-stance set acme/wang support --on 2027-01-01
both stance-word 3 \
  "kam-stance: unknown stance 'maybe' (use support, neutral, oppose, +, 0 or -)" \
  "kam-stance: 未知态度“maybe”（请用 support、neutral、oppose、+、0 或 -，或 支持、中立、反对）" \
  kam-stance set acme/wang maybe
both no-observation 4 "kam-stance: unknown observation '99'" \
  "kam-stance: 未知的观察记录“99”" kam-stance retract 99 --why x
both criterion 4 "kam-gate: unknown criterion 'needd' (did you mean 'need'?)" \
  "kam-gate: 未知评估项“needd”（您是指“need”吗？）" \
  kam-gate answer acme/his needd yes
both setting 3 \
  "kam-gate: invalid value '2' for 'win.strong' (use a number from 0 to 1)" \
  "kam-gate: “win.strong”的值“2”无效（应为介于 0 和 1 之间的数）" \
  kam-gate setting win.strong 2
both missing-why 2 \
  "kam-stance: missing --why (say why the observation is withdrawn)" \
  "kam-stance: 缺少 --why（请说明撤回这条观察记录的原因）" \
  sh -c 'kam-stance retract 1 2>&1 | head -n 1 >&2; exit 2'
# The CSV reader: the line, and a plural chosen by count.
both fields-3 3 "kam-org: $T/three.csv:2: 3 fields, the header has 2" \
  "kam-org: $T/three.csv:2: 有 3 个字段，表头有 2 个" \
  kam-org import -a acme "$T/three.csv"
both fields-1 3 "kam-org: $T/one.csv:2: 1 field, the header has 2" \
  "kam-org: $T/one.csv:2: 有 1 个字段，表头有 2 个" \
  kam-org import -a acme "$T/one.csv"
both import-stance 3 \
  "kam-stance: $T/stances.csv:3: unknown stance '反对的' (use support, neutral, oppose, +, 0 or -)" \
  "kam-stance: $T/stances.csv:3: 未知态度“反对的”（请用 support、neutral、oppose、+、0 或 -，或 支持、中立、反对）" \
  kam-stance import "$T/stances.csv"
both no-file 4 "kam-org: cannot open '$T/nofile.csv': No such file or directory" \
  "kam-org: 无法打开“$T/nofile.csv”：$(LC_ALL=$ZH sh -c 'cat /nonexistent 2>&1' | sed 's/^.*: //')" \
  kam-org import -a acme "$T/nofile.csv"
unchanged "the refused commands"

# A command that succeeds under zh_CN.UTF-8 writes what it writes in C.
run import-ok 0 in_locale $ZH kam-org import -a acme "$T/ok.csv"
expect_sql import-ok "SELECT name FROM person WHERE handle = 'zhao'" 赵磊

done_testing
