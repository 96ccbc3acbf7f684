#!/bin/sh
# The eight deals a seasoned key-account manager judges at a glance, each
# in an account of its own, and the verdicts kam gives them: an unfunded
# idea, a need we cannot meet, a sure loss, a winnable flagship that
# loses money, a profitable deal that upsets our biggest partner, thin
# information, all strong, and strong relationships with a price 40%
# above the rival's.  Each verdict with its exit status, its investment
# and the reason that decided it.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org competitor add rival --name 'Rival Co' >/dev/null

# group ACCOUNT [CATEGORY]: an account with five people and a deal "d"
# in which they hold the core roles and the coach's; the technical
# evaluator leads it.
group() {
  kam-org account add "$1" --name "$1" ${2:+--category "$2"}
  for p in dm tech biz fin coach; do kam-org person add "$1/$p" --name "$1-$p"; done
  kam-org deal add "$1/d" --name "Deal $1" --value 1000000 --currency EUR
  kam-org role "$1/d" "$1/dm" decision-maker --influence high
  kam-org role "$1/d" "$1/tech" technical --influence high --lead
  kam-org role "$1/d" "$1/biz" business --influence medium
  kam-org role "$1/d" "$1/fin" finance --influence medium
  kam-org role "$1/d" "$1/coach" coach --influence low
}
# stances ACCOUNT dm tech biz fin coach: their stances toward us.
stances() {
  a=$1
  shift
  for p in dm tech biz fin coach; do
    kam-stance set "$a/$p" "$1" --on 2026-02-01
    shift
  done
}
# answer ACCOUNT ANSWER KEY...: the same answer to each key.
answer() {
  a=$1 v=$2
  shift 2
  for k in "$@"; do kam-gate answer "$a/d" "$k" "$v" --on 2026-02-01; done
}
ALL="need budget timeline fit gaps criteria-known resources position
  differentiation price profit capital side-effects strategy importance"
# verdict NAME STATUS ACCOUNT: the run's verdict, investment and the
# gates' statuses, in one line.
verdict() {
  run "$1" "$2" kam-gate run "$3/d" --dry-run --exit-status -F json
  sql "SELECT json_extract(readfile('$T/$1.out'), '\$.verdict') || ' ' ||
    json_extract(readfile('$T/$1.out'), '\$.investment.level') || ' ' ||
    (SELECT group_concat(json_extract(g.value, '\$.status'), ',')
     FROM json_each(readfile('$T/$1.out'), '\$.gates') g)" >"$T/$1.line"
}
# reason NAME GATE TEXT: the gate's first reason is TEXT.
reason() {
  count=$((count + 1))
  got=$(sql "SELECT json_extract(readfile('$T/$1.out'), '\$.gates[$(($2 - 1))].reasons[0]')")
  [ "$got" = "$3" ] || fail "$1: gate $2's first reason is '$got', expected '$3'"
}
# has NAME GATE TEXT: TEXT is among the gate's reasons.
has() {
  count=$((count + 1))
  q=$(printf '%s' "$3" | sed "s/'/''/g")
  got=$(sql "SELECT count(*) FROM json_each(readfile('$T/$1.out'), '\$.gates[$(($2 - 1))].reasons') WHERE value = '$q'")
  [ "$got" = 1 ] || fail "$1: gate $2 has no reason '$3'"
}
line() {
  count=$((count + 1))
  got=$(cat "$T/$1.line")
  [ "$got" = "$2" ] || fail "$1: '$got', expected '$2'"
}

{
  # 1. An unfunded idea: a vague need, no budget.
  group idea
  stances idea support support support support support
  answer idea yes $ALL
  answer idea partly need
  answer idea no budget
  # 2. A need we cannot meet, and no partner to fill the gap.
  group unmet
  stances unmet support support support support support
  answer unmet yes $ALL
  answer unmet no fit gaps
  # 3. A sure loss: the decision-maker opposes us and backs the rival,
  # the rival's supporter leads the evaluation, our coach favours the
  # rival; offer, price and worth all fine.
  group lost
  stances lost oppose neutral support neutral support
  kam-stance set lost/dm support --toward rival --on 2026-02-01
  kam-stance set lost/tech support --toward rival --on 2026-02-01
  kam-stance set lost/coach support --toward rival --on 2026-02-01
  answer lost yes $ALL
  # 4. A winnable flagship that loses money, for a strategic client;
  # and the same deal for a transactional one.
  group flagship strategic
  stances flagship support support support neutral support
  answer flagship yes $ALL
  answer flagship no profit
  answer flagship partly capital
  group bulk transactional
  stances bulk support support support neutral support
  answer bulk yes $ALL
  answer bulk no profit
  answer bulk partly capital
  # 5. Profitable, but it upsets our biggest partner.
  group upset
  stances upset support support support support support
  answer upset yes $ALL
  kam-gate answer upset/d side-effects no --on 2026-02-01 --evidence 'our largest partner bids too'
  # 6. Thin information: a need, nothing else known, stances unknown.
  group thin
  answer thin yes need
  # 7. All strong, with what pursuing it costs.
  group strong
  stances strong support support support support support
  answer strong yes $ALL
  kam-org deal set strong/d --cost 80000
  # 8. Strong relationships, our price 40% above the rival's.
  group dear
  stances dear support support support support support
  answer dear yes $ALL
  kam-gate answer dear/d price --gap +40 --on 2026-02-01 --evidence 'list against list'
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail "setup"; }

verdict idea 22 idea
line idea "drop none fail,not-reached,not-reached,not-reached"
reason idea 1 "must-criterion 'budget' is no"

verdict unmet 22 unmet
line unmet "drop none pass,fail,not-reached,not-reached"
reason unmet 2 "must-criterion 'fit' is no"

verdict lost 22 lost
line lost "drop none pass,pass,fail,not-reached"
reason lost 3 "sure loss by rule decision-maker-lost: the decision-maker lost-dm (lost/dm) opposes us and supports Rival Co, and nobody of high influence supports us"
# The red flags say the same.
run lost-check 1 kam-org check lost/d
expect_text lost-check "flag	subject	message
opposing-buyer	lost/dm	decision-maker lost-dm (lost/dm) opposes us in 'lost/d' (since 2026-02-01)
doubtful-coach	lost/coach	coach lost-coach (lost/coach) also supports Rival Co in 'lost/d'"

verdict flagship 0 flagship
line flagship "pursue full pass,pass,pass,pass"
sql "SELECT json_extract(readfile('$T/flagship.out'), '\$.profile')" >"$T/flagship-profile.out"
expect_text flagship-profile strategic
verdict bulk 22 bulk
line bulk "drop none pass,pass,pass,fail"
reason bulk 4 "must-criterion 'profit' is no"

verdict upset 22 upset
line upset "drop none pass,pass,pass,fail"
reason upset 4 "must-criterion 'side-effects' is no"

verdict thin 21 thin
line thin "qualify minimal open,open,open,open"
has thin 3 "we do not know where thin-dm (thin/dm, high influence, decision-maker), thin-tech (thin/tech, high influence, lead) stand; 100% of the group's influence is of people whose stance we do not know: find out before judging"

verdict strong 0 strong
line strong "pursue full pass,pass,pass,pass"
run strong-money 0 kam-gate run strong/d --dry-run -F json
sed -n '/"investment"/,/}/p' "$T/strong-money.out" >"$T/strong-inv.out"
expect_text strong-inv '  "investment": {
    "level": "full",
    "value": 1000000,
    "currency": "EUR",
    "win_likelihood": 1.00,
    "expected_value": 1000000,
    "pursuit_cost": 80000
  }'

verdict dear 20 dear
line dear "pursue-limited limited pass,pass,weak,pass"
reason dear 3 "our price is +40% against the strongest competitor's, above the cap of +30%: weak at best, whatever the relationships"

# Nothing was stored.
expect_sql none "SELECT count(*) FROM gate_run" 0

done_testing
