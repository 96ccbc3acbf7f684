#!/bin/sh
# Our sellers in Chinese: kam-org seller, contact, contacts and coverage
# under zh_CN.UTF-8 report their errors in Chinese with the same exit
# status as in English and the store unchanged; their tables have
# Chinese headings and the method's words, the carrier through a
# supporter reads in Chinese; TSV and JSON are the C locale's.  The
# import summary and kam-stance stale's errors speak Chinese too.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8
KAM_NOW=2026-07-01
export KAM_NOW

{
  kam-org init
  kam-org account add h --name 医院
  kam-org person add h/chen --name 陈院长 --level 1
  kam-org person add h/li --name 李副院长 --level 2 --reports-to h/chen
  kam-org person add h/zhao --name 赵工 --level 4 --reports-to h/li
  kam-org deal add h/his --name 信息系统
  kam-org role h/his h/chen decision-maker --influence high
  kam-org role h/his h/li business --influence high
  kam-org role h/his h/zhao technical --influence medium --lead
  kam-org link h/li h/chen --kind influences
  kam-stance set h/li support --on 2026-06-01
  kam-org seller add majun --name 马骏
  kam-org contact majun h/li --strength 3 --on 2026-05-01
} >"$T/setup.out" 2>&1 || fail "setup: $(tail -n 3 "$T/setup.out")"

both() { # NAME STATUS ENGLISH CHINESE COMMAND...
  b_name=$1 b_st=$2 b_en=$3 b_zh=$4
  shift 4
  run "$b_name-c" "$b_st" "$@"
  expect_err "$b_name-c" "$b_en"
  run "$b_name-zh" "$b_st" in_locale $ZH "$@"
  expect_err "$b_name-zh" "$b_zh"
}

snapshot
both dup-seller 5 "kam-org: seller 'majun' already exists" \
  "kam-org: 销售“majun”已存在" kam-org seller add majun --name 马骏
both bad-seller 3 \
  "kam-org: invalid seller handle 'ma jun' (use letters, digits, '.', '_' and '-')" \
  "kam-org: 无效的销售代号“ma jun”（请用字母、数字、“.”、“_”和“-”）" \
  kam-org seller add 'ma jun' --name 马骏
both strength-4 3 \
  "kam-org: invalid strength '4' (1 acquainted, 2 works with, 3 trusted)" \
  "kam-org: 强度“4”无效（1 认识，2 共事，3 信任）" \
  kam-org contact majun h/chen --strength 4
both strength-0 3 \
  "kam-org: invalid strength '0' (1 acquainted, 2 works with, 3 trusted)" \
  "kam-org: 强度“0”无效（1 认识，2 共事，3 信任）" \
  kam-org contact majun h/chen --strength 0
both no-seller 4 "kam-org: unknown seller 'majin' (did you mean 'majun'?)" \
  "kam-org: 未知销售“majin”（您是指“majun”吗？）" \
  kam-org contact majin h/chen --strength 2
run no-strength-zh 2 in_locale $ZH kam-org contact majun h/chen
count=$((count + 1))
head -n 1 "$T/no-strength-zh.err" | grep -qx 'kam-org: 需要 --strength' ||
  fail "no-strength-zh: $(head -n 1 "$T/no-strength-zh.err")"
both older 3 \
  "kam-stance: invalid length of time '5x' for --older-than (use a number of days, weeks or months from 1 to 36500, as 90d, 12w or 3m)" \
  "kam-stance: --older-than 的时长“5x”无效（用 1 到 36500 的天数、周数或月数，如 90d、12w 或 3m）" \
  kam-stance stale h --older-than 5x
unchanged

# The tables, for a person.
run contacts-zh 0 in_locale $ZH kam-org contacts h -F table
expect_text contacts-zh "关系人  名称      销售   销售姓名  强度  起始
h/li    李副院长  majun  马骏      3     2026-05-01"
run sellers-zh 0 in_locale $ZH kam-org seller list -F table
expect_text sellers-zh "代号   名称  联系人数  创建于
majun  马骏  1         2026-07-01"
run coverage-zh 0 in_locale $ZH kam-org coverage h/his -F table
expect_text coverage-zh "关系人  名称    角色    影响力  态度  经由
h/chen  陈院长  决策者  高      未知  马骏 (majun)，经由 李副院长 (h/li)
h/zhao  赵工    技术    中      未知  -"
run coverage-c 0 kam-org coverage h/his -F table
expect_text coverage-c "PERSON  NAME    ROLES           INFLUENCE  STANCE   THROUGH
h/chen  陈院长  decision-maker  high       unknown  马骏 (majun) via 李副院长 (h/li)
h/zhao  赵工    technical       medium     unknown  -"
for fmt in tsv json; do
  for v in "contacts h" "coverage h/his" "seller list"; do
    n=$(printf '%s' "$v" | tr ' /' '--')
    # shellcheck disable=SC2086 # the verb and its operand
    run "$n-$fmt-c" 0 kam-org $v -F $fmt
    # shellcheck disable=SC2086
    run "$n-$fmt-zh" 0 in_locale $ZH kam-org $v -F $fmt
    count=$((count + 1))
    cmp -s "$T/$n-$fmt-c.out" "$T/$n-$fmt-zh.out" ||
      fail "kam-org $v -F $fmt differs by locale"
  done
done

# The import summary.
printf 'handle,name\nwang,王医生\n' >"$T/people.csv"
run import-zh 0 in_locale $ZH kam-org import "$T/people.csv" --kind people -a h
expect_text import-zh "新增 1，修改 0，离开 0，未变 0，跳过 0"

done_testing
