#!/bin/sh
# kam-stance timeline -T / -o: one lane per person (a deal's group by
# influence, then role), spans in the maps' palette and symbols, marks
# where an observation was corrected or retracted, a line at today,
# names in Chinese; the same formats and messages as kam-map.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name 'ACME 公司' &&
  kam-org person add acme/wang --name 王总 &&
  kam-org person add acme/li --name 李伟 &&
  kam-org person add acme/zhao --name 赵敏 &&
  kam-org person add acme/chen --name 陈工 &&
  kam-org person add acme/ma --name 马顾问 &&
  kam-org competitor add rival --name 'Rival Corp' &&
  kam-org deal add acme/his --name 'HIS 2027' &&
  kam-org role acme/his acme/li technical --influence high &&
  kam-org role acme/his acme/wang decision-maker --influence high &&
  kam-org role acme/his acme/zhao finance --influence medium &&
  kam-org role acme/his acme/chen technical --influence low &&
  kam-stance set acme/wang neutral --on 2025-11-10 &&
  kam-stance set acme/wang support --deal acme/his --on 2026-01-20 &&
  kam-stance set acme/li oppose --on 2025-12-01 &&
  kam-stance set acme/zhao support --on 2025-12-15 &&
  kam-stance set acme/chen neutral --on 2026-01-05 &&
  kam-stance set acme/ma oppose --deal acme/his --on 2026-02-01 &&
  kam-stance set acme/zhao support --toward rival --on 2026-01-10 &&
  kam-stance correct 3 neutral --why 'misheard' &&
  kam-stance retract 5 --why 'wrong person'
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# lanes NAME: each lane's label, then its cells as FILL[:TEXT] WIDTH.
lanes() {
  sed 's/<TR><TD ALIGN="RIGHT"/\
LANE/g' "$T/$1.out" | grep '^LANE' | sed 's/<TR><TD><\/TD>.*//' |
    awk '{
      name = $0; sub(/^[^>]*><B>/, "", name); sub(/<\/B>.*/, "", name)
      sub_ = $0; sub(/^.*<FONT POINT-SIZE="9">/, "", sub_); sub(/<\/FONT>.*/, "", sub_)
      out = name " (" sub_ "):"
      s = $0
      while (match(s, /<TD FIXEDSIZE="TRUE" WIDTH="[0-9]+" HEIGHT="22" BGCOLOR="#[0-9A-F]+">[^<]*(<B>[^<]*<\/B>)?<\/TD>/)) {
        c = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
        w = c; sub(/^.*WIDTH="/, "", w); sub(/".*/, "", w)
        f = c; sub(/^.*BGCOLOR="/, "", f); sub(/".*/, "", f)
        t = c; sub(/^[^>]*>/, "", t); sub(/<\/TD>$/, "", t); gsub(/<\/?B>/, "", t)
        out = out " " f (t != "" ? ":" t : "") " " w
      }
      print out
    }'
}
# total NAME: the width of every lane (must be the axis's, 720).
widths() {
  lanes "$1" | awk '{ n = 0; for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+$/) n += $i; print n }' | sort -u
}

run dot 0 kam-stance timeline acme/his --from 2025-11-01 --to 2026-02-28 -T dot
count=$((count + 1))
head -1 "$T/dot.out" | grep -q '^digraph timeline {' || fail "dot: $(head -1 "$T/dot.out")"
count=$((count + 1))
[ "$(grep -c '^	timeline	\[' "$T/dot.out")" = 1 ] || fail "dot: not one node"
count=$((count + 1))
grep -q '<B>ACME 公司: HIS 2027</B></FONT><BR/>stances over time, 2025-11-01 to 2026-02-28>' \
  "$T/dot.out" || fail "dot: the title"
# Lanes: influence high (wang decision-maker, li technical), medium
# (zhao), low (chen), then ma, observed about the deal only.
lanes dot >"$T/lanes.txt"
cut -d: -f1 "$T/lanes.txt" >"$T/order.out"
count=$((count + 1))
printf '%s\n' '王总 (decision-maker, high)' '李伟 (technical, high)' \
  '赵敏 (finance, medium)' '陈工 (technical, low)' '马顾问 (acme/ma)' >"$T/order.want"
diff -u "$T/order.want" "$T/order.out" >&2 || fail "dot: the lanes' order"
# Every lane as wide as the axis.
count=$((count + 1))
[ "$(widths dot)" = 720 ] || fail "dot: lanes of widths $(widths dot)"
# wang: unknown from 11-01, neutral from 11-10, support (on the deal)
# from 01-20; 120 days from 2025-11-01 to 2026-02-28, 6 points a day.
count=$((count + 1))
grep -q '^王总 (decision-maker, high): #FFFFFF:? 54 #F0E442:○ 426 #009E73:✔ 240$' \
  "$T/lanes.txt" || fail "dot: wang's spans: $(grep 王总 "$T/lanes.txt")"
# li: oppose on 12-01 was corrected to neutral: a neutral span, and the
# mark on 12-01.
count=$((count + 1))
grep -q '^李伟 (technical, high): #FFFFFF:? 180 #F0E442:✎ 14 #F0E442:○ 526$' \
  "$T/lanes.txt" || fail "dot: li's spans: $(grep 李伟 "$T/lanes.txt")"
# chen: neutral on 01-05 was retracted: unknown throughout, the mark.
count=$((count + 1))
grep -q '^陈工 (technical, low): #FFFFFF:? 390 #FFFFFF:⊘ 14 #FFFFFF 316$' \
  "$T/lanes.txt" || fail "dot: chen's spans: $(grep 陈工 "$T/lanes.txt")"
# ma: oppose from 02-01.
count=$((count + 1))
grep -q '^马顾问 (acme/ma): #FFFFFF:? 552 #D55E00:✖ 168$' "$T/lanes.txt" ||
  fail "dot: ma's spans: $(grep 马顾问 "$T/lanes.txt")"
# Today (2026-03-02) is after --to: no line; the legend lists what is
# drawn.
count=$((count + 1))
grep -q '#000000' "$T/dot.out" && fail "dot: a line at today"
count=$((count + 1))
grep -q 'corrected later' "$T/dot.out" && grep -q 'retracted later' "$T/dot.out" ||
  fail "dot: the legend has no marks"
count=$((count + 1))
grep -q '>today<' "$T/dot.out" && fail "dot: the legend has today"
# The axis: a cell per month, 30 days of 6 points.
count=$((count + 1))
grep -o 'WIDTH="[0-9]*" HEIGHT="16" SIDES="L" BORDER="1" COLOR="#A0A0A0" ALIGN="LEFT"><FONT POINT-SIZE="9">[0-9-]*<' \
  "$T/dot.out" | sed 's/WIDTH="\([0-9]*\)".*>\([0-9-]*\)</\2 \1/' | tr '\n' ' ' >"$T/axis.out"
[ "$(cat "$T/axis.out")" = "2025-11 180 2025-12 186 2026-01 186 2026-02 168 " ] ||
  fail "dot: the axis: $(cat "$T/axis.out")"

# Up to today: the line at today, in each lane, and in the legend.
run today 0 kam-stance timeline acme/his --from 2026-01-01 -T dot
count=$((count + 1))
[ "$(lanes today | grep -c ' #000000 2 ')" = 5 ] ||
  fail "today: not a line in every lane: $(lanes today)"
count=$((count + 1))
grep -q '>today<' "$T/today.out" || fail "today: the legend has no line"
# By quarter.
run quarter 0 kam-stance timeline acme/his --from 2025-07-01 --by quarter -T dot
count=$((count + 1))
grep -q '>2025-Q3<' "$T/quarter.out" && grep -q '>2026-Q1<' "$T/quarter.out" ||
  fail "quarter: no quarters on the axis"
# Toward a competitor: zhao supports Rival Corp from 01-10.
run toward 0 kam-stance timeline acme --toward rival --from 2026-01-01 --to 2026-01-31 -T dot
count=$((count + 1))
lanes toward | grep -q '^赵敏 (acme/zhao): #FFFFFF:? 209 #009E73:✔ 511$' ||
  fail "toward: $(lanes toward | grep 赵敏)"
count=$((count + 1))
grep -q 'toward Rival Corp>' "$T/toward.out" || fail "toward: the title"
# An account: its people by handle.
run account 0 kam-stance timeline acme --from 2026-01-01 -T dot
count=$((count + 1))
[ "$(lanes account | cut -d' ' -f1 | tr '\n' ' ')" = "陈工 李伟 马顾问 王总 赵敏 " ] ||
  fail "account: $(lanes account | cut -d' ' -f1 | tr '\n' ' ')"

# Rendered: PNG, SVG, PDF, in-process; -o's extension says the format.
mkdir "$T/out"
run png 0 kam-stance timeline acme/his -o "$T/out/t.png"
count=$((count + 1))
[ "$(head -c 4 "$T/out/t.png" | tail -c 3)" = PNG ] || fail "png: not a PNG"
count=$((count + 1))
set -- $(od -An -tu1 -j16 -N8 "$T/out/t.png" | awk '{ print $3 * 256 + $4, $7 * 256 + $8 }')
[ "$1" -gt 960 ] && [ "$2" -gt 200 ] && [ "$1" -gt "$2" ] ||
  fail "png: $1 x $2"
run svg 0 kam-stance timeline acme/his -T svg
count=$((count + 1))
grep -q '>王总</text>' "$T/svg.out" && grep -q '>马顾问</text>' "$T/svg.out" ||
  fail "svg: no Chinese names"
run pdf 0 kam-stance timeline acme/his -o "$T/out/t.pdf"
count=$((count + 1))
[ "$(head -c 5 "$T/out/t.pdf")" = "%PDF-" ] || fail "pdf: not a PDF"
run gv 0 kam-stance timeline acme/his -o "$T/out/t.gv"
count=$((count + 1))
head -1 "$T/out/t.gv" | grep -q '^digraph timeline' || fail "gv: not DOT"
# Without -T or -o, the table as before.
run table 0 kam-stance timeline acme/his --from 2026-01-01
count=$((count + 1))
head -1 "$T/table.out" | grep -q '^person	name	period	as_of	stance$' ||
  fail "table: $(head -1 "$T/table.out")"

# Bad input: the message, exit 2, nothing written.
snapshot
run F 2 kam-stance -F json timeline acme/his -T svg
expect_err F "kam-stance: -F does not apply to a drawing (use -T dot, svg, png or pdf)"
run jpg 2 kam-stance timeline acme/his -T jpg -o "$T/out/x.jpg"
expect_err jpg "kam-stance: unknown format 'jpg' (use dot, svg, png or pdf)"
count=$((count + 1))
[ -e "$T/out/x.jpg" ] && fail "jpg: wrote a file"
run noscope 2 kam-stance timeline -T svg
count=$((count + 1))
head -1 "$T/noscope.err" | grep -qx 'kam-stance: a timeline picture needs an ACCOUNT or DEAL (or -a)' ||
  fail "noscope: $(head -1 "$T/noscope.err")"
[ -s "$T/noscope.out" ] && fail "noscope: printed"
run deal 4 kam-stance timeline acme/hiss -T svg
count=$((count + 1))
[ -s "$T/deal.out" ] && fail "deal: printed"
unchanged bad

done_testing
