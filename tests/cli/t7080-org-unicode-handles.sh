#!/bin/sh
# Handles in any script: letters and digits of any script, '.', '_' and
# '-', NFC-normalised, up to 64 characters.  Chinese handles for
# accounts, people, deals and competitors work in every command; they
# sort by the bytes of their UTF-8, whatever the locale; a bad handle is
# refused with what a handle may hold, the store unchanged.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8

kam-org init >/dev/null
# The example of kam(7): a person whose handle and name are 李明.
run add-li 0 kam-org account add 医院 --name 市第一人民医院
run add-li2 0 kam-org -a 医院 person add 李明 --name 李明 --title 副院长
run set-li 0 kam-stance -a 医院 set 李明 支持 --on 2026-01-05
expect_sql set-li "SELECT a.handle, p.handle, o.stance FROM observation o JOIN person p ON p.id = o.person_id JOIN account a ON a.id = p.account_id" \
  "医院|李明|support"

KAM_ACCOUNT=医院
export KAM_ACCOUNT
run add-wang 0 kam-org person add 医院/王伟 --name 王伟 --reports-to 李明
run add-zhang 0 kam-org person add 张伟 --name 张伟 --reports-to 医院/李明
run add-ascii 0 kam-org person add li --name Li
run add-upper 0 kam-org person add Zhang --name Zhang
run add-a 0 kam-org person add 阿明 --name 阿明
run add-digits 0 kam-org person add 2号楼-主任.1 --name 楼主任
run deal 0 kam-org deal add 信息系统 --name 医院信息系统 --value 12000000
run rival 0 kam-org competitor add 康联 --name 康联软件
run role 0 kam-org role 信息系统 李明 决策者 --influence 高
run role2 0 kam-org role 医院/信息系统 医院/王伟 技术
run link 0 kam-org link 王伟 李明 --kind 建议
run stance-deal 0 kam-stance set 王伟 反对 --deal 信息系统 --toward 康联 --on 2026-01-06
run answer 0 kam-gate answer 信息系统 need 是 --on 2026-01-07
expect_sql rows "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM deal_role), (SELECT count(*) FROM link), (SELECT count(*) FROM observation), (SELECT count(*) FROM answer)" \
  "7|2|1|2|1"

# Machine outputs name them ACCOUNT/HANDLE; the order is the bytes of the
# UTF-8 (Z < l < 张 < 王 < 阿 ...), the same in C and Chinese locales.
run list-c 0 kam-stance show 医院 -F tsv
cut -f 1 "$T/list-c.out" >"$T/list-c.handles"
printf '%s\n' person 医院/2号楼-主任.1 医院/Zhang 医院/li 医院/张伟 医院/李明 \
  医院/王伟 医院/阿明 | cmp -s - "$T/list-c.handles" ||
  fail "list-c: order $(tr '\n' ' ' <"$T/list-c.handles")"
run list-zh 0 in_locale zh_CN.UTF-8 kam-stance show 医院 -F tsv
count=$((count + 1))
cmp -s "$T/list-c.out" "$T/list-zh.out" || fail "list-zh: differs from C.UTF-8"
run export-c 0 kam-org export -F csv
run export-zh 0 in_locale zh_CN.UTF-8 kam-org export -F csv
cut -d, -f 1 "$T/export-zh.out" | tr '\n' ' ' >"$T/export.handles"
[ "$(cat "$T/export.handles")" = "handle 2号楼-主任.1 Zhang li 张伟 李明 王伟 阿明 " ] ||
  fail "export-zh: order $(cat "$T/export.handles")"
count=$((count + 1))
cmp -s "$T/export-c.out" "$T/export-zh.out" || fail "export-zh: differs from C.UTF-8"
run roles 0 kam-org roles 信息系统 -F tsv
cut -f 1,3 "$T/roles.out" | sed 1d >"$T/roles.cut"
printf '医院/李明\tdecision-maker\n医院/王伟\ttechnical\n' | cmp -s - "$T/roles.cut" ||
  fail "roles: $(cat "$T/roles.cut")"
run show 0 kam-stance show 医院/信息系统 -F json
grep -q '"person":"医院/王伟"' "$T/show.out" ||
  fail "show: no 医院/王伟 in $(cat "$T/show.out")"
run tree 0 kam-org tree -F tsv
grep -q '王伟' "$T/tree.out" || fail "tree: no 王伟"

# Diagrams: the DOT names the nodes by handle; SVG renders.
run dot 0 kam-map 医院 -T dot
grep -q '李明' "$T/dot.out" || fail "dot: no 李明"
run dot-again 0 kam-map 医院 -T dot
count=$((count + 1))
cmp -s "$T/dot.out" "$T/dot-again.out" || fail "dot: not deterministic"
run svg 0 kam-map 信息系统 -T svg
grep -q '<svg' "$T/svg.out" || fail "svg: no SVG"

# A person unknown by a near Chinese handle: the nearest is suggested.
snapshot
run unknown 4 kam-stance set 王为 support
expect_err unknown "kam-stance: unknown person '医院/王为' (did you mean '医院/王伟'?)"
run unknown-account 4 kam-stance set 医疗/王伟 support
expect_err unknown-account "kam-stance: unknown account '医疗' (did you mean '医院'?)"
unchanged unknown

# NFC: a decomposed é and a CJK compatibility ideograph are stored in
# their composed, unified form, and either spelling finds them.
cafe_nfd=$(printf 'cafe\314\201')
cafe_nfc=$(printf 'caf\303\251')
compat=$(printf '\357\244\200') # U+F900
unified=$(printf '\350\261\210') # U+8C48
run nfd 0 kam-org person add "$cafe_nfd" --name Café
expect_sql nfd "SELECT hex(handle) FROM person WHERE name = 'Café'" \
  "$(printf '%s' "$cafe_nfc" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
run nfd-find 0 kam-stance set "$cafe_nfc" support
run nfd-find2 0 kam-stance set "医院/$cafe_nfd" oppose
expect_sql nfd-find "SELECT count(*) FROM observation o JOIN person p ON p.id = o.person_id WHERE p.name = 'Café'" 2
run compat 0 kam-org person add "$compat" --name 豈
expect_sql compat "SELECT handle FROM person WHERE name = '豈'" "$unified"
snapshot
run nfd-dup 5 kam-org person add "$cafe_nfc" --name Other
expect_err nfd-dup "kam-org: person '医院/$cafe_nfc' already exists"
run compat-dup 5 kam-org person add "$unified" --name Other
expect_err compat-dup "kam-org: person '医院/$unified' already exists"
run account-nfd 5 kam-org account add "$(printf '\345\214\273\351\231\242')" --name X
expect_err account-nfd "kam-org: account '医院' already exists"
unchanged duplicates

# Up to 64 characters, whatever their bytes.
h64=$(printf '%064d' 0 | sed 's/0/李/g')
run long 0 kam-org person add "$h64" --name 长
run long-find 0 kam-stance set "医院/$h64" neutral
snapshot
run too-long 3 kam-org person add "${h64}李" --name 长
expect_err too-long "kam-org: invalid person handle '${h64}李' (use letters, digits, '.', '_' and '-')"

# Refused: not letters or digits, or not beginning with one.
for h in '李 明' 李明！ 李·明 ·李明 _李明 '李明 ' 李明★ 李明。; do
  run bad-person 3 kam-org person add "$h" --name X
  expect_err bad-person "kam-org: invalid person handle '$h' (use letters, digits, '.', '_' and '-')"
done
run bad-account 3 kam-org account add '医 院' --name X
expect_err bad-account "kam-org: invalid account handle '医 院' (use letters, digits, '.', '_' and '-')"
run bad-deal 3 kam-org deal add 信息·系统 --name X
expect_err bad-deal "kam-org: invalid deal handle '信息·系统' (use letters, digits, '.', '_' and '-')"
run bad-rival 3 kam-org competitor add 康联！ --name X
expect_err bad-rival "kam-org: invalid competitor handle '康联！' (use letters, digits, '.', '_' and '-')"
run bad-ref-account 3 kam-org person add '医 院/李四' --name X
expect_err bad-ref-account "kam-org: invalid account handle '医 院' (use letters, digits, '.', '_' and '-')"
unchanged refused

# Imports: Chinese handles and managers, and a decomposed one normalised.
printf 'handle,name,reports_to,dotted_to\n赵磊,赵磊,李明,\n孙丽,孙丽,赵磊,王伟\n%s,Noël,,\n' \
  "$(printf 'noe\314\210l')" >"$T/people.csv"
run import 0 kam-org import "$T/people.csv"
expect_sql import "SELECT p.handle, m.handle FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle IN ('赵磊', '孙丽') ORDER BY r.kind, p.handle" \
  "孙丽|王伟
孙丽|赵磊
赵磊|李明"
expect_sql import-nfc "SELECT count(*) FROM person WHERE handle = '$(printf 'no\303\253l')'" 1
printf 'from,to,kind\n赵磊,孙丽,盟友\n%s,赵磊,影响\n' "$(printf 'noe\314\210l')" >"$T/links.csv"
run import-links 0 kam-org import "$T/links.csv"
expect_sql import-links "SELECT count(*) FROM link" 3
printf 'person,stance,deal\n医院/孙丽,中立,医院/信息系统\n' >"$T/stances.csv"
run import-stances 0 kam-stance import "$T/stances.csv"
snapshot
printf 'handle,name\n赵 磊,X\n' >"$T/bad.csv"
run import-bad 3 kam-org import "$T/bad.csv"
expect_err import-bad "kam-org: $T/bad.csv:2: invalid handle '赵 磊' (use letters, digits, '.', '_' and '-')"
unchanged import-bad

done_testing
