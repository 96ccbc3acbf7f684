#!/bin/sh
# kam-map --fit: the drawing on a slide or a page, exactly that size: the
# PNG's width and height from its header, the SVG's and the PDF page's
# size in points, the DOT's size attribute; without --fit, nothing
# changes; a bad value is refused.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name 'ACME 公司' &&
  kam-org person add acme/wang --name 王总 --title CEO --level 1 &&
  kam-org person add acme/li --name 李伟 --title CTO --level 2 \
    --reports-to acme/wang &&
  kam-org person add acme/zhao --name 赵敏 --title CFO --level 2 \
    --reports-to acme/wang &&
  kam-org link acme/li acme/zhao --kind influences &&
  kam-org deal add acme/his --name HIS &&
  kam-org role acme/his acme/wang decision-maker --influence high &&
  kam-org role acme/his acme/li technical &&
  kam-stance set acme/li support --on 2026-02-01
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }'
}
# png NAME FILE WxH
png() {
  count=$((count + 1))
  got=$(size "$2")
  [ "$got" = "$3" ] || fail "$1: $2 is $got, expected $3"
}
# svgsize NAME: the width and height of the SVG, in points.
svgsize() {
  sed -n 's/^<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt"$/\1x\2/p' "$T/$1.out"
}
# pdfbox FILE: the page's MediaBox.
pdfbox() {
  grep -a -o 'MediaBox \[[^]]*\]' "$1" | head -1 | tr -s ' '
}

mkdir "$T/p"
# Each fit, each view, each format: the page exactly.
for view in org buying influence all; do
  for fit in 16:9:1920x1080:960x540 4:3:1440x1080:720x540 \
    a4:1190x1683:595x842 a4-landscape:1683x1190:842x595 \
    letter:1224x1584:612x792; do
    f=${fit%%:*} rest=${fit#*:}
    case $f in 16 | 4) f=$f:${rest%%:*}; rest=${rest#*:} ;; esac
    px=${rest%%:*} pt=${rest#*:}
    # (run sets $name: another variable keeps the case's.)
    c=$view-$(echo "$f" | tr : -)
    run "$c" 0 kam-map --view "$view" --fit "$f" -o "$T/p/$c.png" acme/his
    png "$c" "$T/p/$c.png" "$px"
    run "$c-svg" 0 kam-map --view "$view" --fit "$f" -T svg acme/his
    count=$((count + 1))
    [ "$(svgsize "$c-svg")" = "$pt" ] ||
      fail "$c-svg: $(svgsize "$c-svg"), expected $pt"
    run "$c-pdf" 0 kam-map --view "$view" --fit "$f" -o "$T/p/$c.pdf" acme/his
    count=$((count + 1))
    w=${pt%x*} h=${pt#*x}
    [ "$(pdfbox "$T/p/$c.pdf")" = "MediaBox [ 0 0 $w $h ]" ] ||
      fail "$c-pdf: $(pdfbox "$T/p/$c.pdf"), expected $w x $h"
  done
done

# The DOT says the page, scaled to it (!); the centring is the
# renderer's.
run dot 0 kam-map --view org --fit 16:9 acme
count=$((count + 1))
grep -q '^		size="13.3333,7.5000!"' "$T/dot.out" || fail "dot: no size"
count=$((count + 1))
grep -q 'pad=\|dpi=' "$T/dot.out" && fail "dot: render settings in the DOT"
run dot-a4 0 kam-map --view org --fit a4 acme
count=$((count + 1))
grep -q '^		size="8.2677,11.6929!"' "$T/dot-a4.out" || fail "dot-a4: no size"

# Without --fit, nothing changes: no size, the layout's own dimensions
# at 96 dpi, the same bytes as before the option existed.
run plain 0 kam-map --view org acme
count=$((count + 1))
grep -q '^		size=' "$T/plain.out" && fail "plain: a size without --fit"
run plain-png 0 kam-map --view org -o "$T/p/plain.png" acme
count=$((count + 1))
case $(size "$T/p/plain.png") in
  1920x1080 | 1440x1080) fail "plain-png: fitted without --fit" ;;
esac
run plain-svg 0 kam-map --view org -T svg acme
count=$((count + 1))
[ "$(svgsize plain-svg)" = 960x540 ] && fail "plain-svg: fitted without --fit"

# A small map is scaled up to the slide (the names larger), a large one
# down: both fill the page between the margins in one direction.
run up 0 kam-map --view org --fit 16:9 -T svg acme
count=$((count + 1))
grep -q 'transform="scale(\([2-9]\|1\.[0-9]*[1-9]\)' "$T/up.out" ||
  fail "up: not scaled up: $(grep -o 'scale([^)]*)' "$T/up.out" | head -1)"

# The fitted SVG is the same bytes twice.
run again 0 kam-map --view org --fit 16:9 -T svg acme
count=$((count + 1))
cmp -s "$T/up.out" "$T/again.out" || fail "again: not the same bytes"

# Bad values: the exact message, exit 2, nothing written.
mkdir "$T/none"
for f in 16x9 A4 a5 '' letter-landscape; do
  run "bad-$f" 2 kam-map --fit "$f" -o "$T/none/x.png" acme
  expect_err "bad-$f" "kam-map: unknown fit '$f' (use 16:9, 4:3, a4, a4-landscape or letter)"
done
count=$((count + 1))
[ -z "$(ls -A "$T/none")" ] || fail "bad: left $(ls -A "$T/none")"

done_testing
