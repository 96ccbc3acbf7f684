#!/bin/sh
# The judgement of many kinds of deal in Chinese: for each, kam-gate run
# (its text), plan and report (the memo) under zh_CN.UTF-8 say every
# verdict, reason, computed evidence, red flag, action and advice in
# the method's words, with no English sentence left; what each says is
# checked on the cases where a rule decides; and the JSON of each run
# and plan is the C locale's.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8
KAM_NOW=2026-07-01
export KAM_NOW

kam-org init >/dev/null
kam-org competitor add rival --name 对手公司 >/dev/null

# group ACCOUNT [CATEGORY]: five people holding the core roles and the
# coach's in deal ACCOUNT/d; the technical evaluator leads it.
group() {
  kam-org account add "$1" --name "$1" ${2:+--category "$2"}
  for p in dm tech biz fin coach; do kam-org person add "$1/$p" --name "$1-$p"; done
  kam-org deal add "$1/d" --name "项目$1" --value 1000000 --currency CNY
  kam-org role "$1/d" "$1/dm" decision-maker --influence high
  kam-org role "$1/d" "$1/tech" technical --influence high --lead
  kam-org role "$1/d" "$1/biz" business --influence medium
  kam-org role "$1/d" "$1/fin" finance --influence medium
  kam-org role "$1/d" "$1/coach" coach --influence low
}
stances() {
  a=$1
  shift
  for p in dm tech biz fin coach; do
    [ "$1" = - ] || kam-stance set "$a/$p" "$1" --on 2026-06-01
    shift
  done
}
answer() {
  a=$1 v=$2
  shift 2
  for k in "$@"; do kam-gate answer "$a/d" "$k" "$v" --on 2026-06-01; done
}
ALL="need budget timeline fit gaps criteria-known resources position
  differentiation price profit capital side-effects strategy importance"
CASES="idea unmet lost lead flagship bulk upset thin strong dear rescued costly
  old nodm weak"

{
  group idea # an unfunded idea
  stances idea support support support support support
  answer idea yes $ALL
  answer idea no budget
  group unmet # a need we cannot meet
  stances unmet support support support support support
  answer unmet yes $ALL
  answer unmet no fit gaps
  group lost # a sure loss: the decision-maker backs the rival
  stances lost oppose neutral support oppose support
  kam-stance set lost/dm support --toward rival --on 2026-06-01
  kam-stance set lost/coach support --toward rival --on 2026-06-01
  answer lost yes $ALL
  group lead # the rival holds the lead and the decision-maker
  stances lead neutral neutral support support support
  kam-stance set lead/dm support --toward rival --on 2026-06-01
  kam-stance set lead/tech support --toward rival --on 2026-06-01
  answer lead yes $ALL
  group flagship strategic # losing money for a strategic client
  stances flagship support support support neutral support
  answer flagship yes $ALL
  answer flagship no profit capital
  group bulk transactional
  stances bulk support support support neutral support
  answer bulk yes $ALL
  answer bulk partly profit
  answer bulk no capital
  group upset # it upsets our biggest partner
  stances upset support support support support support
  answer upset yes $ALL
  answer upset no side-effects
  group thin # nothing known
  answer thin yes need
  group strong # all strong, with its cost
  stances strong support support support support support
  answer strong yes $ALL
  kam-org deal set strong/d --cost 80000
  group dear # our price 40% above the rival's
  stances dear support support support support support
  answer dear yes $ALL
  kam-gate answer dear/d price --gap +40 --on 2026-06-01 --evidence 'list against list'
  group rescued # a partner fills what we lack; a middling price
  stances rescued support support neutral support support
  answer rescued yes $ALL
  answer rescued no fit
  answer rescued no position
  kam-gate answer rescued/d price --gap +12 --on 2026-06-01
  group costly # pursuing it costs more than it is worth
  stances costly support support support support support
  answer costly yes $ALL
  kam-org deal set costly/d --cost 2000000
  group old # what we know of the key people is old
  stances old - - support - oppose
  kam-stance set old/dm support --on 2026-01-02
  kam-stance set old/tech support --on 2026-01-02
  answer old yes $ALL
  group nodm # nobody named to decide
  kam-org role rm nodm/d nodm/dm decision-maker
  stances nodm - support support support neutral
  answer nodm yes $ALL
  group weak # low odds
  stances weak support neutral neutral neutral support
  answer weak yes $ALL
  answer weak partly differentiation price
} >"$T/setup.out" 2>&1 || fail "setup: $(tail -n 3 "$T/setup.out")"

for a in $CASES; do
  run "$a-run" 0 in_locale $ZH kam-gate run "$a/d" --dry-run -F table
  run "$a-plan" 0 in_locale $ZH kam-gate plan "$a/d" -F table
  run "$a-memo" 0 in_locale $ZH kam-gate report "$a/d"
  for f in run plan memo; do
    count=$((count + 1))
    if grep -nE '[A-Za-z]{2,} [a-z]{2,}' "$T/$a-$f.out" |
      grep -v 'list against list' >"$T/$a-$f.english"; then
      fail "$a-$f: English left: $(head -n 2 "$T/$a-$f.english")"
    fi
  done
  run "$a-json-c" 0 kam-gate run "$a/d" --dry-run -F json
  run "$a-json-zh" 0 in_locale $ZH kam-gate run "$a/d" --dry-run -F json
  run "$a-pjson-c" 0 kam-gate plan "$a/d" -F json
  run "$a-pjson-zh" 0 in_locale $ZH kam-gate plan "$a/d" -F json
  count=$((count + 1))
  cmp -s "$T/$a-json-c.out" "$T/$a-json-zh.out" ||
    fail "$a: the run's JSON differs by locale"
  count=$((count + 1))
  cmp -s "$T/$a-pjson-c.out" "$T/$a-pjson-zh.out" ||
    fail "$a: the plan's JSON differs by locale"
done

# has CASE FILE TEXT: the Chinese output says TEXT.
has() {
  count=$((count + 1))
  grep -qF -e "$3" "$T/$1-$2.out" || fail "$1-$2: does not say '$3'"
}
has idea run '放弃：第 1 关“是不是机会？”不通过（必要项“budget”为否）。'
has unmet run '必要项“fit”为否'
has unmet run '未评估：第 2 关（能竞争）不通过'
has lost run '必输之仗（规则 decision-maker-lost）：决策者lost-dm (lost/dm)反对我们、支持对手公司，且没有高影响力的人支持我们'
has lost memo '- 教练不可靠：教练lost-coach (lost/coach) 在“lost/d”中也支持对手公司'
has lost plan '化解阻力'
has lead run '必输之仗（规则 lead-and-decision-maker-lost）：对手公司掌握了采购小组的牵头人lead-tech (lead/tech) 和决策者lead-dm (lead/dm)'
has flagship run '“profit”为否且“capital”为否，但重要且符合我们方向的战略客户（“importance”和“strategy”为是）可能值得：最多勉强通过'
has bulk run '“profit”为部分且“capital”为否：利润微薄还要承担资金占用的风险，最多勉强通过'
has upset run '必要项“side-effects”为否'
has thin run '先摸清情况再投入：第 1 关（是不是机会？）、第 2 关（是不是能竞争？）、第 3 关（是不是能赢？）和第 4 关（是不是值得赢？）尚无定论，先回答待解答的问题。'
has thin run '不清楚thin-dm（thin/dm、高影响力、决策者）和thin-tech（thin/tech、高影响力、牵头人）的态度'
has thin memo '- budget（第 1 关，是机会，必要）：采购有资金来源吗？'
has thin plan '摸清态度'
has strong memo '期望值 1000000（金额 1000000 × 赢单可能性 1.00）足以覆盖跟进成本 80000'
has dear run '我方价格相对最强竞争对手为 +40%，超过上限 +30%：无论关系如何，最多勉强通过'
has dear memo '我方价格相对最强竞争对手为 +40%（+5% 以内为“是”，+15% 以内为“部分”）：list against list'
has rescued run '“fit”为否，但合作伙伴能补上差距（“gaps”为是）：借助伙伴参与竞争，最多勉强通过'
has rescued run '“position”为否，但其他评估项足以弥补'
has costly run '跟进成本 2000000 超过项目金额 1000000：无论把握多大都不值得赢'
has old memo '对old-dm（old/dm、高影响力、决策者、最近观察于 2026-01-02、距 2026-07-01 已 180 天）和old-tech（old/tech、高影响力、牵头人、最近观察于 2026-01-02、距 2026-07-01 已 180 天）的了解已超过 90 天'
has old plan '曾支持我们，最近观察于 2026-01-02，距 2026-07-01 已 180 天（超过 90 天）'
has nodm plan '找到决策者'
has nodm plan '先弄清谁拍板、态度如何，再做别的'
has nodm memo '| 谁拍板（尚未明确决策者） | 找到决策者 |'
has weak run '有限投入跟进'

done_testing
