#!/bin/sh
# kam-map: each view of a small account as golden DOT (byte-compared),
# every DOT accepted by the dot program, and the same store giving the
# same bytes twice.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# canon NAME: dot(1), the real reader, accepts the DOT without a word.
canon() {
  [ "$DOT" = no ] && return 0
  count=$((count + 1))
  if ! "$DOT" -Tcanon "$T/$1.out" >/dev/null 2>"$T/$1.canon" ||
    [ -s "$T/$1.canon" ]; then
    fail "$1: dot -Tcanon refused the map"
    cat "$T/$1.canon" >&2
  fi
}

setup() {
  kam-org init &&
  kam-org account add acme --name 'ACME 公司' &&
  kam-org person add acme/wang --name 王总 --title CEO --level 1 &&
  kam-org person add acme/li --name 李伟 --title CTO --level 2 \
    --reports-to acme/wang &&
  kam-org person add acme/zhao --name 赵敏 --title CFO --level 2 \
    --reports-to acme/wang &&
  kam-org person add acme/chen --name 陈工 --title 'Lead engineer' \
    --level 3 --reports-to acme/li --dotted-to acme/zhao &&
  kam-org person add acme/buyer --name 'Head of procurement' \
    --placeholder --level 3 --reports-to acme/zhao &&
  kam-org person add acme/sun --name 孙 --level 3 --reports-to acme/li &&
  kam-org person leave acme/sun --on 2026-02-20 &&
  kam-org person add acme/ma --name 马顾问 --title Consultant &&
  kam-org link acme/chen acme/li --kind advises --strength 3 &&
  kam-org link acme/zhao acme/li --kind rivals --strength 1 &&
  kam-org link acme/wang acme/zhao --kind influences &&
  kam-org link acme/ma acme/wang --kind influences --strength 3 &&
  kam-org link acme/chen acme/sun --kind allies &&
  kam-org competitor add rival --name 'Rival Corp' &&
  kam-org deal add acme/his --name 'HIS 2027' &&
  kam-org role acme/his acme/wang decision-maker --influence high --lead &&
  kam-org role acme/his acme/li technical --influence high --lead &&
  kam-org role acme/his acme/chen technical &&
  kam-org role acme/his acme/zhao finance --influence high &&
  kam-org role acme/his acme/buyer procurement --influence low &&
  kam-stance set acme/li neutral --on 2026-01-10 &&
  kam-stance set acme/li support --on 2026-02-15 &&
  kam-stance set acme/zhao oppose --on 2026-01-05 &&
  kam-stance set acme/wang neutral --on 2026-02-01 &&
  kam-stance set acme/chen support --on 2026-01-20 &&
  kam-stance set acme/chen oppose --deal acme/his --on 2026-02-10 &&
  kam-stance set acme/zhao support --toward rival --on 2026-01-01
}
setup >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

run all 0 kam-map acme
expect_out all map-all.dot
canon all
run all-again 0 kam-map acme
count=$((count + 1))
cmp -s "$T/all.out" "$T/all-again.out" || fail "all: not deterministic"

run org 0 kam-map --view org acme
expect_out org map-org.dot
canon org

# The deal's stance is preferred: chen opposes on this deal.
run buying 0 kam-map --view buying acme/his
expect_out buying map-buying.dot
canon buying
run buying-a 0 kam-map -a acme --view buying his
expect_out buying-a map-buying.dot

run influence 0 kam-map --view influence acme
expect_out influence map-influence.dot
canon influence

run since 0 kam-map --view org --since 2026-01-31 acme
expect_out since map-since.dot
canon since

run toward 0 kam-map --view influence --toward rival --no-legend acme
expect_out toward map-toward.dot
canon toward

run focus 0 kam-map --focus chen --depth 1 acme
expect_out focus map-focus.dot
canon focus

# On 2026-01-15: sun had not left, li was neutral, wang unknown.
run as-of 0 kam-map --view org --as-of 2026-01-15 --rankdir LR \
  --title 'Q1 review: <draft>' --font 'Noto Serif CJK SC' acme
expect_out as-of map-as-of.dot
canon as-of

run hide-left 0 kam-map --view org --hide-left --no-legend acme
count=$((count + 1))
grep -q 'sun' "$T/hide-left.out" && fail "hide-left: sun is drawn"
grep -q 'chen' "$T/hide-left.out" || fail "hide-left: chen is missing"

# A map only reads: the store is unchanged.
snapshot
run readonly 0 kam-map --view all --since 2026-01-01 acme/his
unchanged readonly

done_testing
