#!/bin/sh
# Maps in the user's language: under zh_CN.UTF-8 the DOT of kam-map and of
# the stance timeline carries a Chinese title, legend and role badges
# (the method's words as 支持, 决策者（高）); under C.UTF-8 the same map is
# English, and the two DOTs differ only in those texts and the font.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

sh "$KAM_SRCDIR/examples/hospital.sh" "$T/ex" >"$T/example.md" 2>&1 ||
  fail "the hospital example failed: $(tail -n 3 "$T/example.md")"
KAM_DB="$T/ex/kam.db"
KAM_ACCOUNT=hospital
KAM_NOW=2026-07-01T09:00:00Z
export KAM_ACCOUNT KAM_NOW

run map-zh 0 in_locale $ZH kam-map his -T dot
run map-c 0 kam-map his -T dot
# has NAME FILE TEXT: the DOT holds TEXT.
has() {
  count=$((count + 1))
  grep -qF "$3" "$T/$2.out" || fail "$1: no '$3' in the DOT"
}
has title-zh map-zh '<BR/>组织、影响力与采购角色，2026-07-01>'
has title-c map-c '<BR/>organisation, influence and buying roles, 2026-07-01>'
has legend-zh map-zh '<B>2026-07-01 对我方的态度</B>'
has legend-c map-c '<B>stance toward us on 2026-07-01</B>'
for w in 支持 中立 未知 支持竞争对手 牵头 汇报给 虚线上级 影响 建议 盟友 线宽：强度; do
  has "legend-zh-$w" map-zh "ALIGN=\"LEFT\">$w</TD>"
done
for w in support neutral unknown 'supports a competitor' 'leads the role' \
  'reports to' 'dotted-line manager' influences advises allies; do
  has "legend-c-$w" map-c "ALIGN=\"LEFT\">$w</TD>"
done
has badge-zh map-zh '<FONT POINT-SIZE="10">决策者（高）</FONT>'
has badge-c map-c '<FONT POINT-SIZE="10">decision-maker (high)</FONT>'
has lead-zh map-zh '★ 技术（高）'
# Nothing of the English legend is left in the Chinese map.
count=$((count + 1))
if grep -q 'stance toward\|reports to\|ALIGN="LEFT">support<\|decision-maker' \
  "$T/map-zh.out"; then
  fail "map-zh: English left in the Chinese map"
fi
# Same graph: as many nodes and edges, the same node names.
count=$((count + 1))
grep -o '^	[a-z_0-9]* *\(->\|--\)* *[a-z_0-9]*' "$T/map-zh.out" >"$T/g-zh"
grep -o '^	[a-z_0-9]* *\(->\|--\)* *[a-z_0-9]*' "$T/map-c.out" >"$T/g-c"
cmp -s "$T/g-zh" "$T/g-c" || fail "the two maps have different graphs"

# A focused map's title, with a plural chosen by count.
run focus-zh 0 in_locale $ZH kam-map hospital --focus zhao --depth 1 -T dot
has focus-zh focus-zh '<BR/>以赵磊为中心，1 步'
run focus-c 0 kam-map hospital --focus zhao --depth 2 -T dot
has focus-c focus-c '<BR/>around 赵磊, 2 steps'
run focus-c1 0 kam-map hospital --focus zhao --depth 1 -T dot
has focus-c1 focus-c1 '<BR/>around 赵磊, 1 step>'

# The stance timeline picture.
run tl-zh 0 in_locale $ZH kam-stance timeline hospital/his --from 2026-01-01 \
  --to 2026-07-31 -T dot
has tl-title-zh tl-zh '<BR/>态度变化，2026-01-01 至 2026-07-31'
has tl-legend-zh tl-zh 'ALIGN="LEFT">反对</TD>'
has tl-today-zh tl-zh 'ALIGN="LEFT">今天</TD>'
run tl-c 0 kam-stance timeline hospital/his --from 2026-01-01 --to 2026-07-31 -T dot
has tl-title-c tl-c '<BR/>stances over time, 2026-01-01 to 2026-07-31'
has tl-legend-c tl-c 'ALIGN="LEFT">oppose</TD>'

done_testing
