#!/bin/sh
# The method's words as people read them: a table under zh_CN.UTF-8 shows
# 支持, 决策者, 高, 建议, 是 where TSV, CSV and JSON keep support,
# decision-maker, high, advises, yes (in every locale); each Chinese label
# is a word kam reads back as the same English one.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
kam-org person add wang --name 王伟 >/dev/null
kam-org person add li --name 李娜 >/dev/null
kam-org person add zhao --name 赵磊 >/dev/null
kam-org deal add his --name HIS >/dev/null
kam-org role his wang decision-maker --influence high >/dev/null
kam-org role his li technical --influence medium --lead >/dev/null
kam-org link li wang --kind advises >/dev/null
kam-stance set wang support --on 2026-01-05 >/dev/null
kam-stance set li oppose --on 2026-01-06 >/dev/null
kam-gate answer his need yes --on 2026-01-07 >/dev/null
kam-gate answer his budget partly --on 2026-01-07 >/dev/null

# Tables: the labels in Chinese, the names and handles as written.
run stance-zh 0 in_locale $ZH kam-stance show acme -F table
run stance-c 0 kam-stance show acme -F table
grep -q '^acme/wang  *王伟  *support  *2026-01-05 ' "$T/stance-c.out" ||
  fail "stance-c: no English 'support' row"
grep -q '^acme/wang  *王伟  *支持  *2026-01-05 ' "$T/stance-zh.out" ||
  fail "stance-zh: no row with 支持"
grep -q '^acme/li  *李娜  *反对  *2026-01-06 ' "$T/stance-zh.out" ||
  fail "stance-zh: no row with 反对"
grep -q '^acme/zhao  *赵磊  *未知  *- ' "$T/stance-zh.out" ||
  fail "stance-zh: no row with 未知 for a person without a stance"
grep -q 'support\|oppose\|unknown' "$T/stance-zh.out" &&
  fail "stance-zh: an English stance in the Chinese table"
run log-zh 0 in_locale $ZH kam-stance log acme -F table
grep -q ' 支持 ' "$T/log-zh.out" || fail "log-zh: no 支持"
grep -q ' 反对 ' "$T/log-zh.out" || fail "log-zh: no 反对"
run changes-zh 0 in_locale $ZH kam-stance changes acme --from 2026-01-01 --to 2026-01-31 -F table
grep -q '^acme/wang  *王伟  *未知  *支持 ' "$T/changes-zh.out" ||
  fail "changes-zh: no 未知 to 支持 row: $(cat "$T/changes-zh.out")"
run roles-zh 0 in_locale $ZH kam-org roles his -F table
grep -q '^wang  *王伟  *决策者  *高  *否 ' "$T/roles-zh.out" ||
  fail "roles-zh: no 决策者 高 row: $(cat "$T/roles-zh.out")"
grep -q '^li  *李娜  *技术  *中  *是 ' "$T/roles-zh.out" ||
  fail "roles-zh: no 技术 中 row"
# The labels are as wide as the table says: the 影响力 (INFLUENCE) column starts
# at the same display column on every line (决策者 is six columns wide).
sed 's/\(影响力\|高\|中\) .*//' "$T/roles-zh.out" | while IFS= read -r l; do
  printf '%s\n' "$l" | wc -L
done | sort -u >"$T/roles-zh.widths"
[ "$(cat "$T/roles-zh.widths")" = 22 ] ||
  fail "roles-zh: INFLUENCE starts at columns $(cat "$T/roles-zh.widths")"
run links-zh 0 in_locale $ZH kam-org links -F table
grep -q '^li  *wang  *建议 ' "$T/links-zh.out" ||
  fail "links-zh: no 建议 row: $(cat "$T/links-zh.out")"
run answers-zh 0 in_locale $ZH kam-gate answers his -F table
grep -q ' need  *是 ' "$T/answers-zh.out" ||
  fail "answers-zh: no 是: $(cat "$T/answers-zh.out")"
grep -q ' budget  *部分 ' "$T/answers-zh.out" || fail "answers-zh: no 部分"

# Machine formats keep the canonical words under zh_CN.
for f in tsv csv json; do
  for v in "kam-stance show acme" "kam-stance log acme" \
    "kam-stance changes acme --from 2026-01-01 --to 2026-01-31" "kam-org roles his" \
    "kam-org links" "kam-gate answers his"; do
    count=$((count + 1))
    # shellcheck disable=SC2086 # the command line is words
    c=$(LC_ALL=C.UTF-8 $v -F $f)
    # shellcheck disable=SC2086
    z=$(LC_ALL=$ZH $v -F $f)
    [ -n "$c" ] && [ "$c" = "$z" ] ||
      fail "$v -F $f: differs under $ZH"
    case $z in
      *支持* | *反对* | *决策者* | *建议* | *部分*)
        fail "$v -F $f: a Chinese label in a machine format" ;;
    esac
  done
done
run tsv-zh 0 in_locale $ZH kam-org roles his -F tsv
expect_text tsv-zh "$(printf 'person\tname\trole\tinfluence\tlead\tprimary\ttitle\tlevel\tplaceholder\tleft_on
acme/wang\t王伟\tdecision-maker\thigh\tno\tno\t\t\tno\t
acme/li\t李娜\ttechnical\tmedium\tyes\tno\t\t\tno\t')"

# Every label reads back as its word: the catalog's translation of each
# English word is accepted where the word is, and stored in English.
label() { # WORD: its zh_CN label, as the catalog gives it
  LC_ALL=$ZH TEXTDOMAINDIR="$KAM_LOCALEDIR" gettext -d kam "$1"
}
command -v gettext >/dev/null 2>&1 || fail "no gettext(1) to read labels"
n=0
for w in support neutral oppose; do
  n=$((n + 1))
  run stance-$w 0 kam-stance set zhao "$(label $w)" --on 2026-02-0$n
  expect_sql stance-$w "SELECT stance FROM observation ORDER BY id DESC LIMIT 1" $w
done
for w in decision-maker technical business finance procurement user coach \
  influencer gatekeeper; do
  run role-$w 0 kam-org role his zhao "$(label $w)"
  expect_sql role-$w "SELECT count(*) FROM deal_role WHERE person_id = 3 AND role = '$w'" 1
done
for w in high medium low; do
  run infl-$w 0 kam-org role his zhao coach --influence "$(label $w)"
  expect_sql infl-$w "SELECT influence FROM deal_role WHERE person_id = 3 AND role = 'coach'" $w
done
for w in influences advises allies rivals; do
  run link-$w 0 kam-org link zhao wang --kind "$(label $w)"
  expect_sql link-$w "SELECT count(*) FROM link WHERE kind = '$w' AND from_id = 3" 1
done
for w in yes partly no unknown; do
  run answer-$w 0 kam-gate answer his timeline "$(label $w)"
  expect_sql answer-$w "SELECT answer FROM answer ORDER BY id DESC LIMIT 1" $w
done
# The labels are Chinese, not the English words passed through.
[ "$(label decision-maker)" = 决策者 ] || fail "label: decision-maker is '$(label decision-maker)'"

done_testing
