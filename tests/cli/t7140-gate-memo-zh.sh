#!/bin/sh
# The memo (kam-gate report, Markdown) in the user's language: its
# headings, its tables' headings, the gates' questions and the method's
# words are Chinese under zh_CN.UTF-8 and English under C.UTF-8, and its
# JSON form is byte-identical in both.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

sh "$KAM_SRCDIR/examples/hospital.sh" "$T/ex" >"$T/example.md" 2>&1 ||
  fail "the hospital example failed: $(tail -n 3 "$T/example.md")"
KAM_DB="$T/ex/kam.db"
KAM_ACCOUNT=hospital
KAM_NOW=2026-07-01T09:00:00Z
export KAM_ACCOUNT KAM_NOW

run memo-zh 0 in_locale $ZH kam-gate report his
run memo-c 0 kam-gate report his
# The headings, in order.
grep '^##' "$T/memo-zh.out" | sed 's/ \*\*.*//' >"$T/heads-zh"
cat >"$T/heads-zh.want" <<'HEADS'
## 投入
## 自上次评估以来（2026-06-15）
## 四个关口
### 1. 是不是机会？
### 2. 是不是能竞争？
### 3. 是不是能赢？
### 4. 是不是值得赢？
## 采购小组
## 风险提示
## 需要重新了解的人
## 计划
## 待解答的问题
## 结论的变化
HEADS
count=$((count + 1))
diff -u "$T/heads-zh.want" "$T/heads-zh" >&2 || fail "memo-zh: headings differ"
grep '^##' "$T/memo-c.out" | sed 's/ \*\*.*//' >"$T/heads-c"
cat >"$T/heads-c.want" <<'HEADS'
## Investment
## Since the last review (2026-06-15)
## The gates
### 1. Is it a real opportunity?
### 2. Can we compete?
### 3. Can we win?
### 4. Is it worth winning?
## The buying group
## Red flags
## Whom to check in with
## Plan
## Open questions
## How the verdict moved
HEADS
count=$((count + 1))
diff -u "$T/heads-c.want" "$T/heads-c" >&2 || fail "memo-c: headings differ"
# The tables' headings and labels.
for l in '| 金额 | 赢单可能性 | 期望值 | 跟进成本 |' \
  '| 评估项 | 回答 | 来源 | 依据 |' \
  '| 关系人 | 角色 | 影响力 | 对我方的态度 | 起始 | 备注 | 对竞争对手 |' \
  '| 关系人 | 行动 | 做法 | 途径 | 负责人 |' \
  '| 关系人 | 最近观察 | 天数 |' \
  '结论不变：全力跟进。' \
  '| 评估 | 截至 | 首次 | 最近 | 记录人 | 结论 | 是机会 | 能竞争 | 能赢 | 值得赢 |' \
  '- 客户：市第一人民医院 (hospital)，无类别，行业 医疗' \
  '- 金额：12000000 CNY' \
  '| 赵磊 (hospital/zhao) | 技术 | 高，牵头 | 中立 | 2026-05-08 | 康联演示后态度转冷 | - |'; do
  count=$((count + 1))
  grep -qxF -e "$l" "$T/memo-zh.out" || fail "memo-zh: no line '$l'"
done
count=$((count + 1))
grep -qxF '| 赵磊 (hospital/zhao) | technical | high, lead | neutral | 2026-05-08 | 康联演示后态度转冷 | - |' \
  "$T/memo-c.out" || fail "memo-c: the buying group's row is not English"
count=$((count + 1))
grep -q '^评估截至 2026-07-01，评估方案 default' "$T/memo-zh.out" ||
  fail "memo-zh: no Chinese first line"
# The memo's JSON does not follow the locale.
run json-zh 0 in_locale $ZH kam-gate report his -F json
run json-c 0 kam-gate report his -F json
count=$((count + 1))
cmp -s "$T/json-zh.out" "$T/json-c.out" || fail "the memo's JSON differs by locale"

done_testing
