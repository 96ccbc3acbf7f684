#!/bin/sh
# Maps for a Chinese audience: in a Chinese locale as in any other, the
# labels default to a CJK font (Noto Sans CJK SC), --font replaces it,
# and Chinese names are measured as the wide glyphs they are, so that a
# box fits its label.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

kam-org init >/dev/null
kam-org account add 医院 --name 市第一人民医院 >/dev/null
KAM_ACCOUNT=医院
export KAM_ACCOUNT
kam-org person add wide --name 王王王王王王王王 --level 1 >/dev/null
kam-org person add narrow --name iiiiiiii --level 1 >/dev/null

# The font, in the DOT, in both locales.
for loc in C.UTF-8 $ZH; do
  run dot 0 in_locale $loc kam-map 医院 -T dot
  count=$((count + 1))
  fonts=$(grep -o 'fontname="[^"]*"' "$T/dot.out" | sort -u)
  [ "$fonts" = 'fontname="Noto Sans CJK SC"' ] ||
    fail "dot under $loc: fonts $fonts"
done
run dot-font 0 in_locale $ZH kam-map 医院 -T dot --font 'Source Han Sans SC'
fonts=$(grep -o 'fontname="[^"]*"' "$T/dot-font.out" | sort -u)
[ "$fonts" = 'fontname="Source Han Sans SC"' ] || fail "dot-font: fonts $fonts"

# The widths of the two boxes in the SVG: eight CJK glyphs at 12 pt are
# 96 pt of text; eight i are a fraction of it.
width() { # NODE: the width of its box, from the x coordinates of its path
  sed -n "/<title>$1<\\/title>/,/<\\/g>/p" "$T/svg.out" |
    sed -n 's/.*<path[^>]* d="\([^"]*\)".*/\1/p' | head -n 1 |
    tr 'MCL ' '\n\n\n\n' | sed -n 's/^\(-\{0,1\}[0-9.]*\),.*/\1/p' |
    awk 'NR == 1 { lo = hi = $1 } { if ($1 < lo) lo = $1; if ($1 > hi) hi = $1 }
         END { printf "%d\n", hi - lo }'
}
run svg 0 in_locale $ZH kam-map 医院 -T svg
grep -q 'font-family="Noto Sans CJK SC"' "$T/svg.out" ||
  fail "svg: not in Noto Sans CJK SC"
w=$(width wide) n=$(width narrow)
echo "widths: $w $n"
count=$((count + 1))
if [ -z "$w" ] || [ -z "$n" ] || [ "$w" -lt 96 ] || [ $((w - n)) -lt 60 ]; then
  fail "svg: the box of 王王王王王王王王 is $w pt wide, of iiiiiiii $n pt"
fi

done_testing
