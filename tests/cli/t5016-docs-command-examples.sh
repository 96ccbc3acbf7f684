#!/bin/sh
# The EXAMPLES of kam-stance(1), kam-gate(1) and kam-map(1) run as shown,
# in order, against the small account they speak of (acme, li-wei, the
# deal his-2027, the competitor rivalco; observations 1 to 4).  A line
# starting with "$ " is a command; one ending with a backslash or "||"
# goes on with the next line; other lines are what it printed.  Every
# command must exit 0.
. "$(dirname "$0")/lib.sh"

command -v bash >/dev/null 2>&1 || exit 77

# The account of the examples, recorded in January.
export KAM_NOW=2026-01-10
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org competitor add rivalco --name RivalCo
  kam-org person add acme/wang --name 王总 --title CEO --level 1
  kam-org person add acme/li-wei --name 李伟 --title CIO --level 2 --reports-to acme/wang
  kam-org person add acme/zhao --name 赵敏 --title Engineer --level 3 --reports-to acme/li-wei
  kam-org deal add acme/his-2027 --name HIS
  kam-org role acme/his-2027 acme/wang decision-maker --influence high
  kam-org role acme/his-2027 acme/li-wei technical --influence high --lead
  kam-stance set acme/wang support --on 2026-01-05
  kam-stance set acme/li-wei support --on 2026-01-05
  kam-stance set acme/zhao neutral --on 2026-01-06
  kam-stance set acme/zhao support --toward rivalco --on 2026-01-07
  kam-gate run acme/his-2027
} >"$T/setup.out" 2>&1 || fail "the examples' account could not be set up"
export KAM_NOW=2026-03-02

mkdir -p "$T/work"
for page in kam-stance.1 kam-gate.1 kam-map.1; do
  awk '
    /^\.Sh / { ex = ($0 ~ /^\.Sh EXAMPLES/); next }
    !ex { next }
    /^\.Bd -literal/ { lit = 1; next }
    /^\.Ed/ { lit = 0; next }
    !lit { next }
    { line = $0; gsub(/\\e/, "\\", line); gsub(/\\&/, "", line) }
    more { print line; more = (line ~ /(\\|\|\|)[ \t]*$/); next }
    line ~ /^\$ / { n++; print "#" n; print substr(line, 3)
                    more = (line ~ /(\\|\|\|)[ \t]*$/) }
  ' "$KAM_SRCDIR/docs/$page" >"$T/$page.cmds"
  n=$(grep -c '^#[0-9]' "$T/$page.cmds")
  if [ "$n" -lt 3 ]; then
    count=$((count + 1))
    fail "docs/$page: only $n examples found"
    continue
  fi
  # Each command in its own file, run in one session, in order.
  awk -v dir="$T" -v page="$page" '
    /^#[0-9]+$/ { f = dir "/" page "." substr($0, 2); next }
    { print > f }' "$T/$page.cmds"
  i=1
  while [ "$i" -le "$n" ]; do
    count=$((count + 1))
    (cd "$T/work" && bash --noprofile --norc "$T/$page.$i") \
      >"$T/$page.$i.out" 2>&1 </dev/null
    rc=$?
    if [ "$rc" -ne 0 ]; then
      fail "docs/$page: example $i exited $rc: $(head -1 "$T/$page.$i")"
      sed 's/^/  /' "$T/$page.$i.out" >&2
    fi
    i=$((i + 1))
  done
done

# What the examples leave behind.
[ -s "$T/work/his.png" ] || fail "kam-map example: no his.png"
[ -s "$T/work/acme-org.pdf" ] || fail "kam-map example: no acme-org.pdf"
grep -q '<svg' "$T/work/li-wei.svg" 2>/dev/null || fail "kam-map example: no li-wei.svg"
grep -q '^# ' "$T/work/his-2027.md" 2>/dev/null || fail "kam-gate example: no memo"
expect_sql retracted "SELECT count(*) FROM observation WHERE kind = 'retract' AND target_id = 4" 1
expect_sql corrected "SELECT count(*) FROM observation WHERE kind = 'correct' AND target_id = 2" 1

done_testing
