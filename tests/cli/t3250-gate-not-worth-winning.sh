#!/bin/sh
# Not worth winning: capital tied up at risk, harm done or a win off our
# direction, for no profit, fails "is it worth winning?" unless the
# client comes first (a strategic profile, importance and strategy both
# yes), which holds it weak instead; for little profit it holds the gate
# weak unless the client comes first.  Profit alone still does not
# decide.  Each cell of the table in kam-gate(1), Not worth winning, and
# what makes a profile strategic on both sides.
. "$(dirname "$0")/lib.sh"

export KAM_NOW=2026-06-01
# deal ACCOUNT: a deal "d" of ACCOUNT everyone backs, every answer yes.
deal() {
  for p in ceo cto cfo; do kam-org person add "$1/$p" --name "$1-$p"; done
  kam-org deal add "$1/d" --name "Deal $1" --value 1000000 --currency USD
  kam-org role "$1/d" "$1/ceo" decision-maker --influence high
  kam-org role "$1/d" "$1/cto" technical --influence high --lead
  kam-org role "$1/d" "$1/cfo" finance --influence high
  for p in ceo cto cfo; do kam-stance set "$1/$p" support --on 2026-05-01; done
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer "$1/d" $k yes --on 2026-05-01
  done
}
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org account add big --name Big --category strategic
  kam-org account add copy --name Copy --category key
  kam-gate profile add key --from strategic
  deal acme
  deal big
  deal copy
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}
# worth NAME STATUS DEAL [ARG...]: the verdict and gate 4's status and
# first reason, with the exit status of --exit-status.
worth() {
  n=$1 want=$2
  shift 2
  run "$n" "$want" kam-gate run "$@" --dry-run --exit-status -F json
  sql "SELECT json_extract(readfile('$T/$n.out'), '\$.verdict') || ' ' ||
    json_extract(readfile('$T/$n.out'), '\$.gates[3].status') || ': ' ||
    json_extract(readfile('$T/$n.out'), '\$.gates[3].reasons[0]')"
}

# The default profile: capital tied up for no profit is dropped.
check no-no "$(worth no-no 22 acme/d --assume-answer profit=no --assume-answer capital=no)" \
  "drop fail: 'profit' is no and 'capital' is no: capital tied up at risk for no profit is a win not worth having"
run no-no-table 0 kam-gate run acme/d --dry-run --assume-answer profit=no --assume-answer capital=no -F table
tail -3 "$T/no-no-table.out" >"$T/no-no-moved.out"
expect_text no-no-moved "What if profit=no and capital=no (nothing stored):
  gate 4 (worth) moves: pass -> fail
  the verdict moves: pursue -> drop"
# Little profit for it: weak.
check partly-no "$(worth partly-no 20 acme/d --assume-answer profit=partly --assume-answer capital=no)" \
  "pursue-limited weak: 'profit' is partly and 'capital' is no: capital tied up at risk for little profit, weak at best"
# Capital acceptable in part, or profit fine: the score decides (profit
# alone never does).
check no-partly "$(worth no-partly 0 acme/d --assume-answer profit=no --assume-answer capital=partly)" \
  "pursue pass: score 0.72 reaches the fail threshold 0.50"
check yes-no "$(worth yes-no 0 acme/d --assume-answer capital=no)" \
  "pursue pass: score 0.89 reaches the fail threshold 0.50"
check no-unknown "$(worth no-unknown 0 acme/d --assume-answer profit=no --assume-answer capital=unknown)" \
  "pursue pass: score 0.75 reaches the fail threshold 0.50"
# It fails before the unknowns are weighed: with importance and strategy
# unknown the gate would otherwise be open.
check no-no-open "$(worth no-no-open 22 acme/d --assume-answer profit=no --assume-answer capital=no \
  --assume-answer importance=unknown --assume-answer strategy=unknown)" \
  "drop fail: 'profit' is no and 'capital' is no: capital tied up at risk for no profit is a win not worth having"

# A strategic client, important and on our direction, comes first: weak.
check strategic "$(worth strategic 20 big/d --assume-answer profit=no --assume-answer capital=no)" \
  "pursue-limited weak: 'profit' is no and 'capital' is no, but a strategic client that is important and on our direction ('importance' and 'strategy' are yes) can be worth it: weak at best"
check strategic-partly "$(worth strategic-partly 0 big/d --assume-answer profit=partly --assume-answer capital=no)" \
  "pursue pass: score 0.85 reaches the fail threshold 0.50"
# Both must be yes.
check strategic-importance "$(worth strategic-importance 22 big/d --assume-answer profit=no \
  --assume-answer capital=no --assume-answer importance=partly)" \
  "drop fail: 'profit' is no and 'capital' is no: capital tied up at risk for no profit is a win not worth having"
check strategic-strategy "$(worth strategic-strategy 22 big/d --assume-answer profit=no \
  --assume-answer capital=no --assume-answer strategy=unknown)" \
  "drop fail: 'profit' is no and 'capital' is no: capital tied up at risk for no profit is a win not worth having"

# A profile made from strategic is strategic; with strategy weighing as
# much as profit (2), it is not; a hair more (2.01), it is again.
check copy "$(worth copy 20 copy/d --assume-answer profit=no --assume-answer capital=no)" \
  "pursue-limited weak: 'profit' is no and 'capital' is no, but a strategic client that is important and on our direction ('importance' and 'strategy' are yes) can be worth it: weak at best"
kam-gate criteria set strategy --weight 2 --profile key
check copy-equal "$(worth copy-equal 22 copy/d --assume-answer profit=no --assume-answer capital=no)" \
  "drop fail: 'profit' is no and 'capital' is no: capital tied up at risk for no profit is a win not worth having"
kam-gate criteria set strategy --weight 2.01 --profile key
check copy-above "$(worth copy-above 20 copy/d --assume-answer profit=no --assume-answer capital=no)" \
  "pursue-limited weak: 'profit' is no and 'capital' is no, but a strategic client that is important and on our direction ('importance' and 'strategy' are yes) can be worth it: weak at best"
# Profit a must: not strategic, and the must decides first.
kam-gate criteria set profit --must --profile key
check copy-must "$(worth copy-must 22 copy/d --assume-answer profit=no --assume-answer capital=no)" \
  "drop fail: must-criterion 'profit' is no"

# A win off our direction for no profit is not worth having either,
# though the score (0 + 1 + 2 + 0 + 2) / 9 = 0.56 passes, and no client
# comes first off our direction; for little profit it holds weak;
# strategy partly is judged by the score.
check off-direction "$(worth off-direction 22 acme/d --assume-answer profit=no --assume-answer strategy=no)" \
  "drop fail: 'profit' is no and 'strategy' is no: a win off our direction for no profit is a win not worth having"
check off-direction-score "$(sql "SELECT json_extract(readfile('$T/off-direction.out'), '\$.gates[3].score')")" 0.56
check off-direction-strategic "$(worth off-direction-strategic 22 big/d --assume-answer profit=no --assume-answer strategy=no)" \
  "drop fail: 'profit' is no and 'strategy' is no: a win off our direction for no profit is a win not worth having"
check off-direction-partly "$(worth off-direction-partly 20 acme/d --assume-answer profit=partly --assume-answer strategy=no)" \
  "pursue-limited weak: 'profit' is partly and 'strategy' is no: a win off our direction for little profit, weak at best"
check strategy-partly "$(worth strategy-partly 0 acme/d --assume-answer profit=no --assume-answer strategy=partly)" \
  "pursue pass: score 0.67 reaches the fail threshold 0.50"

# Harm done counts as capital tied up: where side-effects is no must,
# its no with no profit fails, with little profit holds weak.
kam-gate criteria set side-effects --no-must
check harm "$(worth harm 22 acme/d --assume-answer profit=no --assume-answer side-effects=no)" \
  "drop fail: 'profit' is no and 'side-effects' is no: harm to other clients or partners for no profit is a win not worth having"
check harm-partly "$(worth harm-partly 20 acme/d --assume-answer profit=partly --assume-answer side-effects=no)" \
  "pursue-limited weak: 'profit' is partly and 'side-effects' is no: harm to other clients or partners for little profit, weak at best"

expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
