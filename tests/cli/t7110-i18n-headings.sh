#!/bin/sh
# Tables' headings in the user's language: under zh_CN.UTF-8 every table
# and single record over the hospital example has Chinese headings (no
# heading is left in English), lined up by display width; under C.UTF-8
# the headings are the English column names upper-cased; TSV keeps the
# column names in both.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

sh "$KAM_SRCDIR/examples/hospital.sh" "$T/ex" >"$T/example.md" 2>&1 ||
  fail "the hospital example failed: $(tail -n 3 "$T/example.md")"
KAM_DB="$T/ex/kam.db"
KAM_ACCOUNT=hospital
KAM_NOW=2026-07-01T09:00:00Z
export KAM_ACCOUNT KAM_NOW

# Exact headings of the commands people read most.
run roles-zh 0 in_locale $ZH kam-org roles his -F table
head -n 1 "$T/roles-zh.out" | sed 's/  */ /g' >"$T/roles-zh.head"
echo "关系人 名称 角色 影响力 牵头 主联系人 职务 级别 占位 离开日期" |
  cmp -s - "$T/roles-zh.head" || fail "roles-zh: heading $(cat "$T/roles-zh.head")"
grep -q '^chen    陈建国  决策者  高      否    否        院长 ' "$T/roles-zh.out" ||
  fail "roles-zh: the rows do not line up under the headings"
run roles-c 0 kam-org roles his -F table
head -n 1 "$T/roles-c.out" | sed 's/  */ /g' >"$T/roles-c.head"
echo "PERSON NAME ROLE INFLUENCE LEAD PRIMARY TITLE LEVEL PLACEHOLDER LEFT_ON" |
  cmp -s - "$T/roles-c.head" || fail "roles-c: heading $(cat "$T/roles-c.head")"
run stance-zh 0 in_locale $ZH kam-stance show hospital/his -F table
head -n 1 "$T/stance-zh.out" | sed 's/  */ /g' >"$T/stance-zh.head"
echo "关系人 名称 态度 起始 针对 项目 记录人 记录于 编号" |
  cmp -s - "$T/stance-zh.head" || fail "stance-zh: heading $(cat "$T/stance-zh.head")"
# A single record: the keys are the headings, the values line up.
run person-zh 0 in_locale $ZH kam-org person show li -F table
printf '%s\n' "关系人      li" "名称        李明" >"$T/person-zh.want"
head -n 2 "$T/person-zh.out" | cmp -s "$T/person-zh.want" - ||
  fail "person-zh: $(head -n 2 "$T/person-zh.out")"
run person-c 0 kam-org person show li -F table
head -n 1 "$T/person-c.out" | grep -q '^person  *li$' ||
  fail "person-c: $(head -n 1 "$T/person-c.out")"
# TSV keeps the column names whatever the locale.
run roles-tsv 0 in_locale $ZH kam-org roles his -F tsv
head -n 1 "$T/roles-tsv.out" | grep -q '^person	name	role	influence	lead	' ||
  fail "roles-tsv: $(head -n 1 "$T/roles-tsv.out")"

# Every table: no heading left in English.
cat >"$T/commands" <<'CMDS'
kam-org account list
kam-org person list
kam-org links
kam-org deal list
kam-org roles his
kam-org check his
kam-stance show hospital/his
kam-stance log hospital/liu
kam-stance changes hospital/his --from 2026-03-16 --to 2026-06-15
kam-stance timeline hospital/his --by month --from 2026-01-01 --to 2026-06-30
kam-gate criteria
kam-gate answers his
kam-gate history his
kam-gate diff his
kam-gate list
kam-gate setting
kam-gate profile list
CMDS
n=0
while IFS= read -r cmd; do
  n=$((n + 1))
  count=$((count + 1))
  # shellcheck disable=SC2086 # the command line is words
  LC_ALL=$ZH $cmd -F table >"$T/t$n.out" 2>"$T/t$n.err" ||
    [ $? = 1 ] || fail "$cmd: failed: $(cat "$T/t$n.err")"
  head -n 1 "$T/t$n.out" >"$T/t$n.head"
  if [ ! -s "$T/t$n.head" ] || grep -q '[A-Za-z]' "$T/t$n.head"; then
    fail "$cmd: heading not wholly translated: $(cat "$T/t$n.head")"
  fi
done <"$T/commands"
# Single records: every key.
for cmd in "kam-org account show hospital" "kam-org person show li" \
  "kam-org deal show his" "kam-stance verify"; do
  count=$((count + 1))
  # shellcheck disable=SC2086
  LC_ALL=$ZH $cmd -F table | sed 's/  .*//' >"$T/keys"
  if [ ! -s "$T/keys" ] || grep -q '[A-Za-z]' "$T/keys"; then
    fail "$cmd: keys not wholly translated: $(tr '\n' ' ' <"$T/keys")"
  fi
done

# The words in the rows a person reads: a criterion's gate and the
# default rubric's question, a setting's meaning, a command's summary;
# TSV keeps them in English.
run crit-zh 0 in_locale $ZH kam-gate criteria --gate 1 -F table
sed -n 2p "$T/crit-zh.out" | sed 's/  */ /g' >"$T/crit-zh-row.out"
expect_text crit-zh-row "1 是机会 need 3 是 否 是明确的需求，而不只是模糊的想法吗？"
grep -q '计算得出' "$T/crit-zh.out" || fail "crit-zh: COMPUTED is not 计算得出"
count=$((count + 1))
run crit-tsv 0 in_locale $ZH kam-gate criteria --gate 1 -F tsv
sed -n 2p "$T/crit-tsv.out" >"$T/crit-tsv-row.out"
expect_text crit-tsv-row "1	real	need	3	yes	no	Is there an explicit need, not a vague idea?"
run setting-zh 0 in_locale $ZH kam-gate setting -F table
grep '^win.fail' "$T/setting-zh.out" | sed 's/  */ /g' >"$T/setting-zh-row.out"
expect_text setting-zh-row "win.fail 0.5 0.5 第 3 关得分低于此值为胜算不大：勉强通过，而非不通过"
run setting-tsv 0 in_locale $ZH kam-gate setting -F tsv
grep '^win.fail' "$T/setting-tsv.out" >"$T/setting-tsv-row.out"
expect_text setting-tsv-row "win.fail	0.5	0.5	gate 3 is long odds below this score: weak, not failed"
for c in kam-org kam-stance kam-gate; do
  count=$((count + 1))
  # The summary: the first line after the usage's blank line.
  LC_ALL=$ZH $c -h 2>&1 | awk 'NF == 0 { getline; print; exit }' >"$T/$c-h.line"
  if [ ! -s "$T/$c-h.line" ] || grep -q '[A-Za-z]' "$T/$c-h.line"; then
    fail "$c -h: summary not translated: $(cat "$T/$c-h.line")"
  fi
done

done_testing
