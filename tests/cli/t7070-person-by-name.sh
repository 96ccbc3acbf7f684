#!/bin/sh
# A person by display name wherever a person is expected: a name unique
# in the account finds them (bare, or ACCOUNT/NAME); a name that several
# people of the account share is an error listing them by handle, with
# the store unchanged; a handle always wins over a name; a name of
# another account does not count.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add beta --name Beta >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
kam-org person add li-ming --name 李明 --title 副院长 >/dev/null
kam-org person add wang --name 王芳 >/dev/null
kam-org person add zhang-1 --name 张伟 --title 主任 >/dev/null
kam-org person add zhang-2 --name 张伟 --title 工程师 >/dev/null
kam-org person add zhang-3 --name 张伟 >/dev/null
# A handle that is someone else's name: "bob" is Bob Smith; Bob Jones is
# named "bob".
kam-org person add bob --name 'Bob Smith' >/dev/null
kam-org person add jones --name bob >/dev/null
kam-org person add it-lead --name 'IT/OT 主管' >/dev/null
kam-org person add beta/zhao --name 赵磊 >/dev/null
kam-org deal add his --name HIS >/dev/null

# kam-stance set, by a bare name, ACCOUNT/NAME, and -a.
run set-name 0 kam-stance set 李明 支持 --on 2026-01-05
expect_sql set-name "SELECT p.handle, o.stance FROM observation o JOIN person p ON p.id = o.person_id WHERE o.id = 1" \
  "li-ming|support"
run set-full 0 env -u KAM_ACCOUNT kam-stance set acme/王芳 oppose
run set-a 0 env -u KAM_ACCOUNT kam-stance -a acme set 'IT/OT 主管' neutral
expect_sql set-rows "SELECT p.handle, o.stance FROM observation o JOIN person p ON p.id = o.person_id ORDER BY o.id" \
  "li-ming|support
wang|oppose
it-lead|neutral"
# A handle wins over a name; the other "bob" is reached by its handle.
run set-bob 0 kam-stance set bob support
run set-jones 0 kam-stance set jones oppose
expect_sql set-bob "SELECT p.handle, o.stance FROM observation o JOIN person p ON p.id = o.person_id WHERE o.id > 3 ORDER BY o.id" \
  "bob|support
jones|oppose"
run set-smith 0 kam-stance set 'Bob Smith' neutral
expect_sql set-smith "SELECT p.handle FROM observation o JOIN person p ON p.id = o.person_id WHERE o.id = 6" bob
# The TSV names people by ACCOUNT/HANDLE, whatever was typed.
run log-name 0 kam-stance log 李明 -F tsv
cut -f 4 "$T/log-name.out" | sed 1d >"$T/log-name.who"
[ "$(cat "$T/log-name.who")" = acme/li-ming ] ||
  fail "log-name: rows of $(cat "$T/log-name.who")"

# kam-org: person show, set, leave, --reports-to, --dotted-to, roles,
# links, log.
run show 0 kam-org person show 李明 -F tsv
run show-handle 0 kam-org person show li-ming -F tsv
count=$((count + 1))
if [ ! -s "$T/show.out" ] || ! cmp -s "$T/show.out" "$T/show-handle.out" ||
  ! grep -q 副院长 "$T/show.out"; then
  fail "show: $(cat "$T/show.out")"
fi
run set 0 kam-org person set 王芳 --title 处长 --reports-to 李明
expect_sql set "SELECT title FROM person WHERE handle = 'wang'" 处长
expect_sql set-mgr "SELECT m.handle FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle = 'wang' AND r.kind = 'solid'" li-ming
run add-under 0 kam-org person add sun --name 孙丽 --reports-to 王芳 --dotted-to 'IT/OT 主管'
expect_sql add-under "SELECT r.kind, m.handle FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.handle = 'sun' ORDER BY r.kind" \
  "dotted|it-lead
solid|wang"
run role 0 kam-org role his 李明 决策者 --influence 高
run role2 0 kam-org role his 孙丽 技术
expect_sql role "SELECT p.handle, r.role, r.influence FROM deal_role r JOIN person p ON p.id = r.person_id ORDER BY p.handle" \
  "li-ming|decision-maker|high
sun|technical|medium"
run role-rm 0 kam-org role rm his 孙丽 技术
expect_sql role-rm "SELECT count(*) FROM deal_role" 1
run link 0 kam-org link 孙丽 李明 --kind 建议
expect_sql link "SELECT f.handle, t.handle, l.kind FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id" \
  "sun|li-ming|advises"
run unlink 0 kam-org unlink acme/孙丽 acme/李明 --kind advises
expect_sql unlink "SELECT count(*) FROM link" 0
run person-log 0 kam-org log 王芳 -F tsv
[ -s "$T/person-log.out" ] || fail "person-log: nothing printed"

# Imports: a stance file and a links and a roles file name people.
printf 'person,stance,on\n李明,neutral,2026-02-01\nacme/王芳,支持,2026-02-02\n' >"$T/s.csv"
run import-stances 0 kam-stance import "$T/s.csv"
expect_sql import-stances "SELECT p.handle, o.stance FROM observation o JOIN person p ON p.id = o.person_id ORDER BY o.id DESC LIMIT 2" \
  "wang|support
li-ming|neutral"
printf 'from,to,kind\n孙丽,李明,影响\nacme/王芳,李明,advises\n' >"$T/l.csv"
run import-links 0 kam-org import "$T/l.csv"
expect_sql import-links "SELECT f.handle, t.handle, l.kind FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id ORDER BY l.id" \
  "sun|li-ming|influences
wang|li-ming|advises"
printf 'deal,person,role\nhis,王芳,财务\nhis,IT/OT 主管,用户\n' >"$T/r.csv"
run import-roles 0 kam-org import "$T/r.csv"
expect_sql import-roles "SELECT p.handle, r.role FROM deal_role r JOIN person p ON p.id = r.person_id ORDER BY p.handle" \
  "it-lead|user
li-ming|decision-maker
wang|finance"

# kam-map --focus and kam-gate --assume-stance.
run map-name 0 kam-map acme --focus 李明 -T dot
run map-handle 0 kam-map acme --focus li-ming -T dot
count=$((count + 1))
cmp -s "$T/map-name.out" "$T/map-handle.out" ||
  fail "map-name: --focus 李明 draws another map than --focus li-ming"
run gate-name 0 kam-gate run his --dry-run --assume-stance 王芳=oppose -F json
run gate-handle 0 kam-gate run his --dry-run --assume-stance wang=oppose -F json
count=$((count + 1))
# The same verdict; the assumption is echoed as it was written.
grep -q '"assumed": \["王芳=oppose"\]' "$T/gate-name.out" ||
  fail "gate-name: the assumption is not echoed"
sed 's/王芳=oppose/wang=oppose/' "$T/gate-name.out" |
  cmp -s - "$T/gate-handle.out" ||
  fail "gate-name: --assume-stance 王芳= differs from wang="

# Ambiguous: every command refuses, listing the candidates by handle.
amb="3 people are named '张伟': acme/zhang-1 (主任), acme/zhang-2 (工程师), acme/zhang-3; write the handle of one"
snapshot
run amb-set 3 kam-stance set 张伟 support
expect_err amb-set "kam-stance: $amb"
run amb-full 3 kam-stance set acme/张伟 support
expect_err amb-full "kam-stance: $amb"
run amb-show 3 kam-org person show 张伟
expect_err amb-show "kam-org: $amb"
run amb-role 3 kam-org role his 张伟 technical
expect_err amb-role "kam-org: $amb"
run amb-link 3 kam-org link 李明 张伟 --kind allies
expect_err amb-link "kam-org: $amb"
run amb-mgr 3 kam-org person add zhou --name 周敏 --reports-to 张伟
expect_err amb-mgr "kam-org: $amb"
run amb-map 3 kam-map acme --focus 张伟 -T dot
expect_err amb-map "kam-map: $amb"
printf 'person,stance\n李明,support\n张伟,oppose\n' >"$T/amb.csv"
run amb-import 3 kam-stance import "$T/amb.csv"
expect_err amb-import "kam-stance: $T/amb.csv:3: $amb"
printf 'from,to,kind\n李明,张伟,allies\n' >"$T/amb-links.csv"
run amb-import-links 3 kam-org import "$T/amb-links.csv"
expect_err amb-import-links "kam-org: $T/amb-links.csv:2: $amb"
unchanged ambiguous
# Each of them by handle.
run amb-handle 0 kam-stance set zhang-2 support

# Unknown names: the nearest name is suggested; a name of another
# account is unknown in this one.
snapshot
run unknown 4 kam-stance set 李铭 support
expect_err unknown "kam-stance: unknown person 'acme/李铭' (did you mean 'acme/李明'?)"
run other-account 4 kam-stance set 赵磊 support
expect_err other-account "kam-stance: unknown person 'acme/赵磊'"
run other-full 0 kam-stance set beta/赵磊 support
snapshot
run no-account 2 env -u KAM_ACCOUNT kam-stance set 李明 support
expect_err no-account "kam-stance: person '李明' needs an account: write ACCOUNT/李明, give -a ACCOUNT or set KAM_ACCOUNT"
run bad-account 4 kam-stance set acm/李明 support
expect_err bad-account "kam-stance: unknown account 'acm' (did you mean 'acme'?)"
run control 3 kam-stance set "$(printf '李明\033[0m')" support
expect_err control "kam-stance: invalid person '李明␛[0m' (write ACCOUNT/HANDLE or HANDLE)"
unchanged unknown

done_testing
