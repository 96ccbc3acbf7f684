#!/bin/sh
# kam-map --as-of draws each person's record as it stood that day: a
# name, title or level set later (person set --on) is undone, and a
# placeholder named later is still a placeholder.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/boss --name 王总 --title 总经理 --level 1
kam-org person add acme/cio --title 信息总监 --level 2 --reports-to acme/boss --placeholder
kam-org person add acme/eng --name 李工 --title 工程师 --level 4 --reports-to acme/cio
kam-org person set acme/cio --name 赵强 --on 2026-02-01
kam-org person set acme/eng --title 高级工程师 --level 3 --on 2026-02-15

run before 0 kam-map acme --view org --no-legend --as-of 2026-01-20
run between 0 kam-map acme --view org --no-legend --as-of 2026-02-10
run after 0 kam-map acme --view org --no-legend --as-of 2026-02-20

has() { grep -q -- "$2" "$T/$1.out" || fail "$1: no '$2' in the DOT"; }
hasnt() { ! grep -q -- "$2" "$T/$1.out" || fail "$1: '$2' in the DOT"; }

has before 'not yet named'
hasnt before '赵强'
has before '>工程师<'
hasnt before '高级工程师'
has between '赵强'
hasnt between 'not yet named'
has between '>工程师<'
has after '赵强'
has after '高级工程师'
# The level decides the row: eng is on level 4's row before, 3's after.
has before 'subgraph _level_4'
hasnt before 'subgraph _level_3'
has after 'subgraph _level_3'
hasnt after 'subgraph _level_4'
if [ "$DOT" != no ]; then
  for c in before between after; do
    "$DOT" -Tcanon "$T/$c.out" >/dev/null 2>&1 || fail "$c: dot -Tcanon refused it"
  done
fi

done_testing
