#!/bin/sh
# kam-org check under zh_CN.UTF-8: every kind of red flag (roles
# missing, a placeholder or a departed holder, a rank inversion, an
# opposing buyer, a doubtful coach, a key person of unknown stance, a
# stale stance, a single supporter, nobody supporting us) has its code
# and its message in Chinese in a table, compared to an expected file;
# the TSV, CSV and JSON are the C locale's, byte for byte, and English.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8
KAM_NOW=2026-07-01
export KAM_NOW

{
  kam-org init
  kam-org competitor add rival --name 对手公司
  kam-org account add acme --name 甲公司
  kam-org person add acme/boss --name 王总 --level 1
  kam-org person add acme/cfo --name 刘会计 --level 3 --reports-to acme/boss
  kam-org person add acme/cio --name 陈主任 --level 2 --reports-to acme/cfo
  kam-org person add acme/eng --name 赵工 --level 4 --reports-to acme/cio
  kam-org person add acme/new --title 新任副主任 --level 3 --placeholder
  kam-org person add acme/old --name 孙老 --level 3 --reports-to acme/boss
  kam-org person add acme/fan --name 郑粉 --level 4 --reports-to acme/cio
  # One deal: a placeholder and a departed holder, no business role,
  # the decision-maker opposes us, the coach supports the rival too,
  # one supporter only, an old observation.
  kam-org deal add acme/a --name 甲项目
  kam-org role acme/a acme/boss decision-maker --influence high
  kam-org role acme/a acme/cfo finance --influence medium
  kam-org role acme/a acme/eng technical --influence high --lead
  kam-org role acme/a acme/fan coach --influence low
  kam-org role acme/a acme/new user --influence low
  kam-org role acme/a acme/old procurement --influence low
  kam-stance set acme/boss oppose --on 2026-06-01
  kam-stance set acme/fan support --on 2026-01-05
  kam-stance set acme/fan support --toward rival --on 2026-01-05
  kam-org person leave acme/old --on 2026-05-01
  # Another: nobody supports us, no coach.
  kam-org deal add acme/b --name 乙项目
  kam-org role acme/b acme/cio decision-maker --influence high
  kam-org role acme/b acme/cfo finance --influence high
  kam-org role acme/b acme/eng technical --influence medium
  kam-org role acme/b acme/boss business --influence low
  # A third with only an engineer: no decision-maker, business, finance
  # or coach.
  kam-org deal add acme/c --name 丙项目
  kam-org role acme/c acme/eng technical --influence medium
  kam-stance set acme/cio neutral --on 2026-06-20
  kam-stance set acme/cfo oppose --on 2026-06-20
} >"$T/setup.out" 2>&1 || fail "setup: $(tail -n 3 "$T/setup.out")"
snapshot

run check-zh 1 in_locale $ZH kam-org check acme -F table
run check-a-zh 1 in_locale $ZH kam-org check acme/a -F table
run check-b-zh 1 in_locale $ZH kam-org check acme/b -F table
run check-c-zh 1 in_locale $ZH kam-org check acme/c -F table
cat "$T/check-zh.out" "$T/check-a-zh.out" "$T/check-b-zh.out" \
  "$T/check-c-zh.out" >"$T/all-zh.out"
expect_out all-zh t7210-check.zh
# Every kind of flag is there.
for code in 缺决策者 缺业务角色 缺财务角色 缺教练 角色由占位人担任 角色由离职者担任 级别倒挂 \
  关键人反对我方 教练不可靠 关键人态度不明 态度信息过时 只有一位支持者 无人支持; do
  count=$((count + 1))
  grep -q "^$code " "$T/all-zh.out" || fail "no flag $code"
done
# No English sentence is left.
count=$((count + 1))
if grep -nE '[A-Za-z]{2,} [a-z]{2,}' "$T/all-zh.out" >"$T/english"; then
  fail "English left: $(head -n 3 "$T/english")"
fi
# The English table is as before.
run check-a-c 1 kam-org check acme/a -F table
count=$((count + 1))
grep -q "^opposing-buyer  *acme/boss  *decision-maker 王总 (acme/boss) opposes us in 'acme/a' (since 2026-06-01)$" \
  "$T/check-a-c.out" || fail "check-a-c: no English opposing-buyer row"

# The machine formats do not follow the locale.
for fmt in tsv csv json; do
  for what in acme acme/a acme/b acme/c; do
    n=$(printf '%s' "$what" | tr / -)
    run "m-$n-$fmt-c" 1 kam-org check "$what" -F $fmt
    run "m-$n-$fmt-zh" 1 in_locale $ZH kam-org check "$what" -F $fmt
    count=$((count + 1))
    cmp -s "$T/m-$n-$fmt-c.out" "$T/m-$n-$fmt-zh.out" ||
      fail "check $what -F $fmt differs by locale"
  done
done
count=$((count + 1))
grep -q "^doubtful-coach	acme/fan	coach 郑粉 (acme/fan) also supports 对手公司 in 'acme/a'$" \
  "$T/m-acme-a-tsv-zh.out" || fail "the TSV under zh_CN is not canonical"

unchanged

done_testing
