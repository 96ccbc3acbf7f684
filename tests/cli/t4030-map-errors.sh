#!/bin/sh
# kam-map: every bad input gets its own message and exit status, prints
# nothing on stdout, leaves no output file and does not touch the store.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name ACME &&
  kam-org account add other --name Other &&
  kam-org person add acme/li --name 'Li Wei' --level 1 &&
  kam-org person add other/x --name X &&
  kam-org deal add acme/his --name HIS &&
  kam-org competitor add rival --name Rival
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

mkdir "$T/out"
# bad NAME STATUS MESSAGE ARGS...: fails so, writing nothing anywhere.
bad() {
  bname=$1 bstatus=$2 bmsg=$3
  shift 3
  run "$bname" "$bstatus" kam-map -o "$T/out/map.svg" -T svg "$@"
  expect_err "$bname" "$bmsg"
  count=$((count + 1))
  if [ -n "$(ls -A "$T/out")" ]; then
    fail "$bname: left $(ls -A "$T/out")"
    rm -f "$T/out"/*
  fi
}

snapshot
bad account 4 "kam-map: unknown account 'acm' (did you mean 'acme'?)" acm
bad account-far 4 "kam-map: unknown account 'zzzzzz'" zzzzzz
bad deal 4 "kam-map: unknown deal 'acme/hiss' (did you mean 'acme/his'?)" \
  acme/hiss
bad deal-a 4 "kam-map: unknown deal 'acme/hs' (did you mean 'acme/his'?)" \
  -a acme hs
bad deal-account 4 "kam-map: unknown account 'acm' (did you mean 'acme'?)" \
  acm/his
bad handle 3 "kam-map: invalid account handle 'a b' (use letters, digits, '.', '_' and '-')" \
  'a b'
bad buying 2 "kam-map: --view buying needs a deal: write ACCOUNT/DEAL, not 'acme'" \
  --view buying acme
bad view 2 "kam-map: unknown view 'orgs' (use org, buying, influence or all)" \
  --view orgs acme
bad format 2 "kam-map: unknown format 'jpg' (use dot, svg, png or pdf)" \
  -T jpg acme
bad F 2 "kam-map: -F does not apply to maps (use -T dot, svg, png or pdf)" \
  -F json acme
bad focus 4 "kam-map: unknown person 'acme/lee' (did you mean 'acme/li'?)" \
  --focus lee acme
bad focus-other 3 "kam-map: person 'other/x' is not in account 'acme'" \
  --focus other/x acme
bad toward 4 "kam-map: unknown competitor 'rivl' (did you mean 'rival'?)" \
  --toward rivl acme
bad as-of 3 "kam-map: impossible date '2026-02-30' for --as-of" \
  --as-of 2026-02-30 acme
bad as-of-form 3 "kam-map: malformed date '2.3.2026' for --as-of (use YYYY-MM-DD)" \
  --as-of 2.3.2026 acme
bad since 3 "kam-map: impossible date '2026-13-01' for --since" \
  --since 2026-13-01 acme
bad since-after 3 "kam-map: --since '2026-02-01' is after the as-of date '2026-01-31'" \
  --as-of 2026-01-31 --since 2026-02-01 acme
bad since-future 3 "kam-map: --since '2026-03-03' is after the as-of date '2026-03-02'" \
  --since 2026-03-03 acme
bad depth 2 "kam-map: invalid depth '-1' (use a whole number from 0 to 1000)" \
  --focus li --depth -1 acme
bad depth-alone 2 "kam-map: --depth needs --focus" --depth 2 acme
bad rankdir 2 "kam-map: unknown rankdir 'BT' (use TB or LR)" --rankdir BT acme
bad font 3 "kam-map: invalid font name ''" --font '' acme
bad title 3 "kam-map: --title is not valid UTF-8" --title "$(printf 'a\377b')" acme
bad nostore 6 "kam-map: no store at '$T/none.db' (create one with 'kam-org init', or name another with --db or KAM_DB)" \
  -d "$T/none.db" acme

usage="usage: kam-map [-a ACCOUNT] [-d DB] [-o FILE] [-T dot|svg|png|pdf] [--as-of DATE]
               [--context] [--date as-of|none] [--depth N]
               [--fit 16:9|4:3|a4|a4-landscape|letter]
               [--focus PERSON] [--font NAME] [--hide-left]
               [--layout compact|wide] [--links KIND[,KIND...]]
               [--max-links N|all] [--min-strength N] [--no-legend]
               [--rankdir TB|LR] [--since DATE]
               [--size-by influence|none] [--title TEXT]
               [--toward COMPETITOR] [--view org|buying|influence|all]
               ACCOUNT|DEAL
       kam-map -h | -V"
bad missing 2 "kam-map: missing ACCOUNT or DEAL
$usage"
bad extra 2 "kam-map: unexpected 'other'
$usage" acme other
bad option 2 "kam-map: unknown option '--colour'
$usage" --colour acme
bad value 2 "kam-map: option '--view' needs a value
$usage" acme --view
unchanged errors

run help 0 kam-map -h
expect_text help "$usage"
run version 0 kam-map -V
count=$((count + 1))
grep -q '^kam-map (kam) ' "$T/version.out" || fail "version: $(cat "$T/version.out")"

done_testing
