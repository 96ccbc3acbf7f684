#!/bin/sh
# The README's short tour runs as written: every command line in its
# indented block succeeds (kam-org check reports red flags: exit 1), in a
# fresh home folder, and leaves what the tour says it leaves.
. "$(dirname "$0")/lib.sh"

HOME="$T/home"
mkdir -p "$HOME"
export HOME
unset KAM_DB

awk '/^## A short tour/ { on = 1; next }
     /^## / { on = 0 }
     on && /^    [^ ]/ { sub(/^    /, ""); sub(/ +#.*$/, ""); print }' \
  "$KAM_SRCDIR/README.md" >"$T/tour.sh"
[ -s "$T/tour.sh" ] || fail "no tour found in README.md"

cd "$T" || exit 1
n=0
while IFS= read -r line; do
  n=$((n + 1))
  want=0
  case $line in
    "kam-org check "*) want=1 ;;
  esac
  count=$((count + 1))
  eval "$line" >"$T/line$n.out" 2>"$T/line$n.err"
  got=$?
  if [ "$got" != "$want" ]; then
    fail "README tour line $n: exit $got, expected $want: $line"
    sed 's/^/  stderr: /' "$T/line$n.err" >&2
  fi
done <"$T/tour.sh"

[ "$n" -ge 10 ] || fail "README tour: only $n command lines"
[ -s "$HOME/deals/kam.db" ] || fail "README tour: no store in ~/deals"
grep -q '^# ' memo.md || fail "README tour: memo.md is not a Markdown memo"
grep -q '<svg' his.svg || fail "README tour: his.svg is not SVG"
grep -q '李伟' his.svg || fail "README tour: his.svg lacks 李伟"

done_testing
