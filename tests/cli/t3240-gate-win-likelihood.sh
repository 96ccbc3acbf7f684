#!/bin/sh
# The win likelihood and the expected value never contradict the verdict:
# 0 when "can we win?" fails (a sure loss is no chance), none (null) while
# it is open or not reached, its score when it passes or is weak by its
# score (long odds below win.fail included), and at most win.weak-max (0.5) while something holds it weak;
# the setting at the score and on both sides of it.  The investment's
# JSON keys stay as they are.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme KAM_NOW=2026-06-01
mk() { kam-org deal add "$1" --name "$1" --value 1000000 --currency USD; }
yes_all() {
  for k in need budget timeline fit gaps criteria-known resources position \
    differentiation price profit capital side-effects strategy importance; do
    kam-gate answer "$1" $k yes --on 2026-05-01
  done
}
grp() {
  kam-org role "$1" ceo decision-maker --influence high
  kam-org role "$1" cto technical --influence high --lead
  kam-org role "$1" cfo finance --influence high
  kam-org role "$1" eng technical
}
st() {
  d=$1
  shift
  for a; do kam-stance set "${a%=*}" "${a#*=}" --deal "$d" --on 2026-05-01; done
}
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rival --name RivalCo
  for p in ceo cto cfo eng; do kam-org person add $p --name P-$p --level 2; done
  # A sure loss: the decision-maker against us and for the rival, nobody
  # of high influence for us.
  mk lost; grp lost; yes_all lost
  st lost ceo=oppose cto=neutral eng=support
  kam-stance set ceo support --toward rival --deal lost --on 2026-05-01
  # No stance known.
  mk none; grp none; yes_all none
  # Everyone with us, our price four times the rival's.
  mk dear; grp dear; yes_all dear
  st dear ceo=support cto=support cfo=support eng=support
  kam-gate answer dear price --gap +300 --on 2026-05-01
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

j() {
  sql "SELECT json_extract(readfile('$T/$1.out'), '$2')"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}
# inv NAME DEAL [ARG...]: verdict, gate 3, win likelihood and expected
# value of a dry run, "null" for none.
inv() {
  n=$1
  shift
  kam-gate run "$@" --dry-run -F json >"$T/$n.out"
  sql "SELECT json_extract(readfile('$T/$n.out'), '\$.verdict') || ' ' ||
    json_extract(readfile('$T/$n.out'), '\$.gates[2].status') || ' ' ||
    coalesce(json_extract(readfile('$T/$n.out'), '\$.investment.win_likelihood'), 'null') || ' ' ||
    coalesce(json_extract(readfile('$T/$n.out'), '\$.investment.expected_value'), 'null')"
}

# A sure loss: no chance, nothing expected, whatever the score (0.56,
# above win.fail).
check lost "$(inv lost lost)" "drop fail 0.0 0"
check lost-score "$(j lost '$.gates[2].score')" 0.56
run lost-table 22 kam-gate run lost --dry-run --exit-status -F table
sed -n 3p "$T/lost-table.out" >"$T/lost-inv.out"
expect_text lost-inv "Investment: none (value 1000000 USD, win likelihood 0.00, expected value 0 USD, pursuit cost -)."
# Below win.fail by its score, not a sure loss: long odds, so weak with
# its score as the likelihood, fewer resources, not none.  What they are
# worth depends on the pursuit cost: unknown, it is found out first
# (qualify); covered by the expected value (280000, equal included), a
# limited effort; a unit more, not worth it (drop).
long() {
  inv "$@" --assume-stance ceo=support --assume-stance cfo=neutral \
    --assume-answer position=no --assume-answer differentiation=no \
    --assume-answer price=no
}
check low "$(long low lost)" "qualify weak 0.28 280000"
check low-reason "$(j low '$.gates[2].reasons[0]')" "score 0.28 is below the fail threshold 0.50"
check low-odds "$(j low '$.gates[2].reasons[1]')" "long odds, but no sure loss: invest less, not nothing"
check low-worth "$(j low '$.gates[3].status') $(j low '$.gates[3].reasons[0]')" \
  "open at long odds, find out what the deal is worth and what pursuing it costs before investing"
kam-org deal set lost --cost 280000 >/dev/null
check low-covered "$(long low-covered lost) $(j low-covered '$.investment.level')" \
  "pursue-limited weak 0.28 280000 limited"
kam-org deal set lost --cost 280001 >/dev/null
check low-dear "$(long low-dear lost) $(j low-dear '$.investment.level')" \
  "drop weak 0.28 280000 none"
check low-dear-why "$(j low-dear '$.gates[3].reasons[0]')" \
  "at long odds the expected value does not cover the pursuit cost: not worth even a limited effort"
# At win.fail itself the score is weak, not long odds: no cost asked.
kam-org deal set lost --cost 0 >/dev/null
kam-gate setting win.fail 0.28
check at-fail "$(long at-fail lost)" "pursue-limited weak 0.28 280000"
kam-gate setting win.fail --reset

# Nothing known of the group: open, no likelihood, no expected value.
check none "$(inv none none)" "qualify open null null"
check none-types "$(sql "SELECT json_type(readfile('$T/none.out'), '\$.investment.win_likelihood') || ',' ||
  json_type(readfile('$T/none.out'), '\$.investment.expected_value')")" "null,null"
# Not reached: none either.
check unreached "$(inv unreached dear --assume-answer budget=no)" "drop not-reached null null"

# A price four times the rival's holds the gate weak: the score is
# (1 + 3 + 2 + 0) / 7 = 0.86, the likelihood at most 0.50.
check dear "$(inv dear dear)" "pursue-limited weak 0.5 500000"
check dear-score "$(j dear '$.gates[2].score')" 0.86
# win.weak-max at the score keeps the score, one hundredth below caps,
# and above it the score stands.
kam-gate setting win.weak-max 0.86
check cap-at "$(inv cap-at dear)" "pursue-limited weak 0.86 860000"
kam-gate setting win.weak-max 0.85
check cap-below "$(inv cap-below dear)" "pursue-limited weak 0.85 850000"
kam-gate setting win.weak-max 1
check cap-above "$(inv cap-above dear)" "pursue-limited weak 0.86 860000"
kam-gate setting win.weak-max 0
check cap-zero "$(inv cap-zero dear)" "pursue-limited weak 0.0 0"
kam-gate setting win.weak-max --reset
# Weak by its score alone is not held: the likelihood is the score.
# (1 + 1.5 + 2 + 0.5) / 7 = 0.71 with our relationships partly.
check by-score "$(inv by-score dear --assume-answer price=partly --assume-answer our-relationship=partly)" \
  "pursue-limited weak 0.71 710000"
# Passing: the score.
check pass "$(inv pass dear --assume-answer price=+5)" "pursue pass 1.0 1000000"

# The setting's range, refused with the store unchanged.
snapshot
run range 3 kam-gate setting win.weak-max 1.01
expect_err range "kam-gate: invalid value '1.01' for 'win.weak-max' (use a number from 0 to 1)"
run range-neg 3 kam-gate setting win.weak-max -- -0.01
expect_err range-neg "kam-gate: invalid value '-0.01' for 'win.weak-max' (use a number from 0 to 1)"
unchanged range

# The investment keeps its keys.
expect_sql keys "SELECT group_concat(key, ',') FROM json_each(readfile('$T/dear.out'), '\$.investment')" \
  "level,value,currency,win_likelihood,expected_value,pursuit_cost"
expect_sql stored "SELECT count(*) FROM gate_run" 0

done_testing
