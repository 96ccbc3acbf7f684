#!/bin/sh
# kam-map's legend lists only what the map draws; --date none leaves
# today's date out, so that the DOT of an unchanged store is the same
# bytes on another day; --as-of and --since still name their dates.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add co --name Co &&
  kam-org person add co/a --name A --level 1 &&
  kam-org person add co/b --name B --level 2 --reports-to co/a &&
  kam-org person add co/c --name C --level 2 --reports-to co/a &&
  kam-org link co/b co/c --kind advises &&
  kam-stance set co/b support --on 2026-02-01
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# legend NAME: the legend's cells, one a line, without markup.
legend() {
  grep '_legend	\[label' "$T/$1.out" | sed 's/<TD[^>]*>/\
/g' | tail -n +2 | sed 's/<[^>]*>//g; s/>,$//' | grep -v '^$'
}
expect_legend() { # expect_legend NAME LINES...
  n=$1
  shift
  printf '%s\n' "$@" >"$T/$n.lwant"
  legend "$n" >"$T/$n.lgot"
  count=$((count + 1))
  diff -u "$T/$n.lwant" "$T/$n.lgot" >&2 || fail "$n: the legend differs"
}

# The org chart: support and unknown only, reporting lines only.
run org 0 kam-map --view org co
expect_legend org "stance toward us on 2026-03-02" "✔" "support" "?" "unknown" \
  "──" "reports to"
# The influence map: the one kind of link drawn, one width.
run influence 0 kam-map --view influence co
expect_legend influence "stance toward us on 2026-03-02" "✔" "support" "?" "unknown" \
  "╌▷" "advises"
# Everyone unknown on a day before the stance; a change since then.
run since 0 kam-map --view org --since 2026-01-15 co
expect_legend since "stance toward us on 2026-03-02" "✔" "support" "?" "unknown" \
  "→" "changed since 2026-01-15" "──" "reports to"
run before 0 kam-map --view org --as-of 2026-01-15 co
expect_legend before "stance toward us on 2026-01-15" "?" "unknown" "──" "reports to"

# --date none: no date in the title or the legend; the same bytes on
# two days.
run none1 0 kam-map --date none co
KAM_NOW=2026-04-15T10:00:00Z run none2 0 kam-map --date none co
count=$((count + 1))
cmp -s "$T/none1.out" "$T/none2.out" || fail "none: differs across days"
count=$((count + 1))
grep -q '2026-' "$T/none1.out" && fail "none: a date: $(grep -o '2026-[0-9-]*' "$T/none1.out" | head -1)"
count=$((count + 1))
grep -q 'organisation, influence and buying roles>' "$T/none1.out" ||
  fail "none: the title's second line"
expect_legend none1 "stance toward us" "✔" "support" "?" "unknown" \
  "──" "reports to" "╌▷" "advises"
for v in org buying influence; do
  s=co
  [ "$v" = buying ] && continue
  run "none-$v-1" 0 kam-map --view "$v" --date none "$s"
  KAM_NOW=2027-01-01 run "none-$v-2" 0 kam-map --view "$v" --date none "$s"
  count=$((count + 1))
  cmp -s "$T/none-$v-1.out" "$T/none-$v-2.out" || fail "none-$v: differs across days"
done
# The default names today, so the bytes differ by the date only.
KAM_NOW=2026-04-15T10:00:00Z run dated2 0 kam-map co
run dated1 0 kam-map co
count=$((count + 1))
sed 's/2026-04-15/2026-03-02/g' "$T/dated2.out" | cmp -s - "$T/dated1.out" ||
  fail "dated: differs by more than the date"
# A date asked for is shown: --as-of, --since.
run asof 0 kam-map --date none --as-of 2026-02-10 co
count=$((count + 1))
grep -q 'organisation, influence and buying roles, 2026-02-10>' "$T/asof.out" ||
  fail "asof: no as-of date in the title"
count=$((count + 1))
grep -q 'stance toward us on 2026-02-10' "$T/asof.out" || fail "asof: legend"
run since-none 0 kam-map --date none --since 2026-01-15 co
count=$((count + 1))
grep -q 'organisation, influence and buying roles (changes since 2026-01-15)>' \
  "$T/since-none.out" || fail "since-none: no since date"
run as-of-mode 0 kam-map --date as-of co
count=$((count + 1))
cmp -s "$T/dated1.out" "$T/as-of-mode.out" || fail "as-of-mode: not the default"

for d in never None '' today; do
  run "bad-$d" 2 kam-map --date "$d" co
  expect_err "bad-$d" "kam-map: unknown date '$d' for --date (use as-of or none)"
done

done_testing
