#!/bin/sh
# kam-org takes the method's Chinese words for buying roles, influence
# levels and link kinds (the table of kam(7)) wherever it takes the
# English ones, in every locale: role, role rm, link, unlink and import
# store the English word and print it in TSV; kam-map --links takes the
# Chinese kinds too.  Other words stay refused, the store unchanged.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8

sed -n "/^\\.Sh THE METHOD'S WORDS/,/^\\.El/p" "$KAM_SRCDIR/docs/kam.7" |
  sed -n 's/^\.It \([a-z-]*\) Ta \(.*\)$/\1 \2/p' |
  while read -r en zh; do
    printf '%s\n' "$zh" | tr ',' '\n' | sed "s/^ */$en /"
  done >"$T/pairs"
grep -E '^(decision-maker|technical|business|finance|procurement|user|coach|influencer|gatekeeper) ' \
  "$T/pairs" >"$T/roles"
grep -E '^(high|medium|low) ' "$T/pairs" >"$T/influences"
grep -E '^(influences|advises|allies|rivals) ' "$T/pairs" >"$T/kinds"
count=$((count + 1))
[ "$(tr '\n' ' ' <"$T/roles")" = "decision-maker 决策者 decision-maker 决策人 technical 技术 business 业务 finance 财务 procurement 采购 user 使用者 user 用户 coach 教练 influencer 影响者 gatekeeper 把关者 " ] ||
  fail "kam(7) lists the roles as: $(tr '\n' ' ' <"$T/roles")"
count=$((count + 1))
[ "$(tr '\n' ' ' <"$T/influences")" = "high 高 medium 中 low 低 " ] ||
  fail "kam(7) lists the influence levels as: $(tr '\n' ' ' <"$T/influences")"
count=$((count + 1))
[ "$(tr '\n' ' ' <"$T/kinds")" = "influences 影响 advises 建议 allies 盟友 rivals 对手 " ] ||
  fail "kam(7) lists the link kinds as: $(tr '\n' ' ' <"$T/kinds")"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
for p in wang li zhao; do kam-org person add $p --name $p >/dev/null; done
kam-org deal add his --name HIS >/dev/null
kam-org deal add pacs --name PACS >/dev/null

# role DEAL PERSON ROLE, each Chinese word, in each locale; role rm with
# the Chinese word takes it away again.
for loc in C.UTF-8 zh_CN.UTF-8; do
  while read -r en zh; do
    run role 0 in_locale $loc kam-org role his zhao "$zh"
    expect_sql "role $zh" "SELECT role FROM deal_role WHERE person_id = 3" "$en"
    run role-rm 0 in_locale $loc kam-org role rm his zhao "$zh"
    expect_sql "role rm $zh" "SELECT count(*) FROM deal_role WHERE person_id = 3" 0
  done <"$T/roles"
done
# --influence, in Chinese, with a Chinese role.
while read -r en zh; do
  run influence 0 kam-org role his wang 决策者 --influence "$zh"
  expect_sql "influence $zh" "SELECT role, influence FROM deal_role WHERE person_id = 1" \
    "decision-maker|$en"
done <"$T/influences"
run influence-zh 0 in_locale zh_CN.UTF-8 kam-org role his li 技术 --influence 高 --lead
run roles 0 in_locale zh_CN.UTF-8 kam-org roles his -F tsv
cut -f 1,3,4,5 "$T/roles.out" >"$T/roles.cut"
printf 'person\trole\tinfluence\tlead\nacme/wang\tdecision-maker\tlow\tno\nacme/li\ttechnical\thigh\tyes\n' |
  cmp -s - "$T/roles.cut" || fail "roles: $(cat "$T/roles.cut")"

# link and unlink FROM TO --kind KIND.
for loc in C.UTF-8 zh_CN.UTF-8; do
  while read -r en zh; do
    run link 0 in_locale $loc kam-org link li wang --kind "$zh"
    expect_sql "link $zh" "SELECT kind FROM link" "$en"
    run unlink 0 in_locale $loc kam-org unlink li wang --kind "$zh"
    expect_sql "unlink $zh" "SELECT count(*) FROM link" 0
  done <"$T/kinds"
done
run link-keep 0 kam-org link li wang --kind 建议 --strength 3
run links 0 in_locale zh_CN.UTF-8 kam-org links -F tsv
cut -f 1-4 "$T/links.out" >"$T/links.cut"
printf 'from\tto\tkind\tstrength\nacme/li\tacme/wang\tadvises\t3\n' | cmp -s - "$T/links.cut" ||
  fail "links: $(cat "$T/links.cut")"

# import: links and roles files in Chinese.
printf 'from,to,kind,strength\nzhao,wang,影响,1\nzhao,li,盟友,\nli,zhao,对手,2\n' >"$T/links.csv"
run import-links 0 kam-org import "$T/links.csv"
expect_sql import-links "SELECT from_id, to_id, kind, strength FROM link ORDER BY id" \
  "2|1|advises|3
3|1|influences|1
3|2|allies|2
2|3|rivals|2"
printf 'deal,person,role,influence,lead\npacs,zhao,决策人,高,\npacs,li,用户,中,yes\npacs,wang,把关者,低,\n' >"$T/roles.csv"
run import-roles 0 in_locale zh_CN.UTF-8 kam-org import "$T/roles.csv"
expect_sql import-roles "SELECT person_id, role, influence, lead FROM deal_role WHERE deal_id = 2 ORDER BY person_id" \
  "1|gatekeeper|low|0
2|user|medium|1
3|decision-maker|high|0"

# kam-map --links: the Chinese kinds draw what the English ones draw.
run map-en 0 kam-map acme --view influence --links advises,allies -T dot
run map-zh 0 in_locale zh_CN.UTF-8 kam-map acme --view influence --links 建议,盟友 -T dot
run map-c 0 kam-map acme --view influence --links 建议,盟友 -T dot
count=$((count + 1))
cmp -s "$T/map-en.out" "$T/map-c.out" ||
  fail "map-c: --links 建议,盟友 draws another map than advises,allies"
grep -q 'advises\|allies' "$T/map-en.out" || fail "map-en: no advises or allies link drawn"

# Still refused: words of no vocabulary, Chinese words of another one.
snapshot
run bad-role 3 kam-org role his zhao 高
expect_err bad-role "kam-org: unknown role '高' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
run bad-role-zh 3 in_locale zh_CN.UTF-8 kam-org role his zhao 决策
expect_err bad-role-zh "kam-org: 未知角色“决策”（请用 decision-maker、technical、business、finance、procurement、user、coach、influencer 或 gatekeeper，或 决策者、技术、业务、财务、采购、使用者、教练、影响者、把关者）"
run bad-rm 3 kam-org role rm his li 支持
expect_err bad-rm "kam-org: unknown role '支持' (use decision-maker, technical, business, finance, procurement, user, coach, influencer or gatekeeper)"
run bad-influence 3 kam-org role his zhao 技术 --influence 很高
expect_err bad-influence "kam-org: unknown influence '很高' (use high, medium or low)"
run bad-kind 3 kam-org link li wang --kind 影响者
expect_err bad-kind "kam-org: unknown link kind '影响者' (use influences, advises, allies or rivals)"
run bad-unlink 3 kam-org unlink li wang --kind 朋友
expect_err bad-unlink "kam-org: unknown link kind '朋友' (use influences, advises, allies or rivals)"
printf 'from,to,kind\nzhao,wang,建议\nli,wang,盟\n' >"$T/bad-links.csv"
run bad-import-links 3 kam-org import "$T/bad-links.csv"
expect_err bad-import-links "kam-org: $T/bad-links.csv:3: unknown link kind '盟' (use influences, advises, allies or rivals)"
printf 'deal,person,role,influence\nhis,zhao,技术,中等\n' >"$T/bad-roles.csv"
run bad-import-roles 3 kam-org import "$T/bad-roles.csv"
expect_err bad-import-roles "kam-org: $T/bad-roles.csv:2: unknown influence '中等' (use high, medium or low)"
run bad-map 3 kam-map acme --links 建议,朋友 -T dot
expect_err bad-map "kam-map: unknown link kind '朋友' in --links (use influences, advises, allies or rivals, separated by commas)"
unchanged refused

done_testing
