#!/bin/sh
# The common frame speaks the user's language: usage, help listings and
# the command line's errors in Chinese under zh_CN.UTF-8, selected by
# LC_ALL, LC_MESSAGES, LANG or LANGUAGE; English in the C locale and when
# no catalog is found; exit statuses the same in every language.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8
ZH=zh_CN.UTF-8

# kam, the front command: its help is wholly translated.
run kam-help 0 in_locale $ZH kam -h
expect_out kam-help t7010-kam-help.zh_CN
run kam-help-c 0 kam -h
run kam-help-cmd 0 in_locale $ZH kam help
expect_out kam-help-cmd t7010-kam-help.zh_CN
run kam-none 2 in_locale $ZH kam
head -n 1 "$T/kam-none.err" >"$T/kam-none.first"
printf 'kam: 未给出命令\n' | cmp -s - "$T/kam-none.first" ||
  fail "kam-none: $(cat "$T/kam-none.first")"
tail -n +2 "$T/kam-none.err" | cmp -s - "$EXP/t7010-kam-help.zh_CN" ||
  fail "kam-none: the usage after the message is not the Chinese help"
run kam-unknown 2 in_locale $ZH kam bogus
expect_err kam-unknown "kam: 未知命令“bogus”（参见“kam -h”）"
run kam-typo 2 in_locale $ZH kam orgg
expect_err kam-typo "kam: 未知命令“orgg”（您是指“org”吗？）"
run kam-help-two 2 in_locale $ZH kam help org map
[ "$(head -n 1 "$T/kam-help-two.err")" = "kam: help 只接受一个 COMMAND" ] ||
  fail "kam-help-two: $(head -n 1 "$T/kam-help-two.err")"
run kam-opt 2 in_locale $ZH kam -Z
[ "$(head -n 1 "$T/kam-opt.err")" = "kam: 未知选项“-Z”" ] ||
  fail "kam-opt: $(head -n 1 "$T/kam-opt.err")"
run kam-longopt 2 in_locale $ZH kam --bogus
[ "$(head -n 1 "$T/kam-longopt.err")" = "kam: 未知选项“--bogus”" ] ||
  fail "kam-longopt: $(head -n 1 "$T/kam-longopt.err")"
# kam runs kam-org, which inherits the locale.
run kam-org 2 in_locale $ZH kam org bogus
expect_err kam-org "kam-org: 未知子命令“bogus”（参见“kam-org -h”）"

# A command with verbs: its help frame.  The verbs' synopses stay as the
# man page writes them.
run org-help 0 in_locale $ZH kam-org -h
run org-help-c 0 kam-org -h
sed -n '1,2p' "$T/org-help.out" >"$T/org-help.head"
printf '%s\n' "用法：kam-org [-d DB] [-a ACCOUNT] [-F FORMAT] VERB [ARG ...]" \
  "      kam-org -h | -V" | cmp -s - "$T/org-help.head" ||
  fail "org-help: first lines $(cat "$T/org-help.head")"
grep -q '^子命令：$' "$T/org-help.out" || fail "org-help: no 子命令："
grep -q '^通用选项：$' "$T/org-help.out" || fail "org-help: no 通用选项："
grep -q '^  -F, --format FORMAT     table、tsv、csv 或 json（默认：终端上为 table，否则为 tsv）$' \
  "$T/org-help.out" || fail "org-help: -F is not described in Chinese"
[ "$(tail -n 1 "$T/org-help.out")" = "参见 kam-org(1)。" ] ||
  fail "org-help: last line $(tail -n 1 "$T/org-help.out")"
# The synopses of the verbs are the same lines in both languages.
grep '^  kam-org ' "$T/org-help.out" >"$T/verbs.zh"
grep '^  kam-org ' "$T/org-help-c.out" >"$T/verbs.c"
count=$((count + 1))
if [ ! -s "$T/verbs.c" ] || ! cmp -s "$T/verbs.c" "$T/verbs.zh"; then
  fail "org-help: the verbs' synopses differ between the languages"
fi
# Same number of lines, English without a single Chinese character.
[ "$(wc -l <"$T/org-help.out")" = "$(wc -l <"$T/org-help-c.out")" ] ||
  fail "org-help: the two helps have different lengths"
grep -q '用法\|子命令' "$T/org-help-c.out" &&
  fail "org-help-c: Chinese in the C locale"

# A verb's usage, and a command without verbs.
run verb-help 0 in_locale $ZH kam-org person list -h
expect_text verb-help "用法：kam-org person list [ACCOUNT]"
run map-help 0 in_locale $ZH kam-map -h
case $(head -n 1 "$T/map-help.out") in
  "用法：kam-map [-a ACCOUNT] "*) ;;
  *) fail "map-help: $(head -n 1 "$T/map-help.out")" ;;
esac

# The frame's errors, each with its status, and nothing written.
run no-verb 2 in_locale $ZH kam-org
[ "$(head -n 1 "$T/no-verb.err")" = "kam-org: 未给出子命令" ] ||
  fail "no-verb: $(head -n 1 "$T/no-verb.err")"
sed -n 2p "$T/no-verb.err" | grep -q '^用法：kam-org ' ||
  fail "no-verb: the usage that follows is not in Chinese"
run unknown-verb 2 in_locale $ZH kam-org bogus
expect_err unknown-verb "kam-org: 未知子命令“bogus”（参见“kam-org -h”）"
run typo-verb 2 in_locale $ZH kam-org persn add x
expect_err typo-verb "kam-org: 未知子命令“persn”（您是指“person add”吗？）"
run typo-verb2 2 in_locale $ZH kam-org person ad x
expect_err typo-verb2 "kam-org: 未知子命令“person ad”（您是指“person add”吗？）"
run needs-verb 2 in_locale $ZH kam-org person
expect_err needs-verb "kam-org: “person”后面需要子命令（参见“kam-org -h”）"
run bad-format 2 in_locale $ZH kam-org -F xml init
[ "$(head -n 1 "$T/bad-format.err")" = \
  "kam-org: 未知格式“xml”（可用 table、tsv、csv 或 json）" ] ||
  fail "bad-format: $(head -n 1 "$T/bad-format.err")"
run bad-format-verb 2 in_locale $ZH kam-org init -F xml
[ "$(head -n 1 "$T/bad-format-verb.err")" = \
  "kam-org: 未知格式“xml”（可用 table、tsv、csv 或 json）" ] ||
  fail "bad-format-verb: $(head -n 1 "$T/bad-format-verb.err")"
run needs-value 2 in_locale $ZH kam-org --db
[ "$(head -n 1 "$T/needs-value.err")" = "kam-org: 选项“--db”需要一个值" ] ||
  fail "needs-value: $(head -n 1 "$T/needs-value.err")"
run needs-value-verb 2 in_locale $ZH kam-org init --db
[ "$(head -n 1 "$T/needs-value-verb.err")" = "kam-org: 选项“--db”需要一个值" ] ||
  fail "needs-value-verb: $(head -n 1 "$T/needs-value-verb.err")"
run bad-short 2 in_locale $ZH kam-org init -Z
[ "$(head -n 1 "$T/bad-short.err")" = "kam-org: 未知选项“-Z”" ] ||
  fail "bad-short: $(head -n 1 "$T/bad-short.err")"
run bad-long 2 in_locale $ZH kam-stance --bogus show
[ "$(head -n 1 "$T/bad-long.err")" = "kam-stance: 未知选项“--bogus”" ] ||
  fail "bad-long: $(head -n 1 "$T/bad-long.err")"
[ ! -e "$KAM_DB" ] || fail "a refused command created the store"

# The same messages in English in the C locale.
run unknown-verb-c 2 kam-org bogus
expect_err unknown-verb-c "kam-org: unknown verb 'bogus' (see 'kam-org -h')"

# How the language is chosen: LANG, LC_MESSAGES (with a UTF-8 character
# type), LANGUAGE over a Chinese LANG; LC_ALL=C wins over LANG and
# LANGUAGE.
zh_msg="kam-org: 未知子命令“bogus”（参见“kam-org -h”）"
en_msg="kam-org: unknown verb 'bogus' (see 'kam-org -h')"
run by-lang 2 env -u LC_ALL LANG=$ZH kam-org bogus
expect_err by-lang "$zh_msg"
run by-messages 2 env -u LC_ALL LANG=C LC_CTYPE=C.UTF-8 LC_MESSAGES=$ZH \
  kam-org bogus
expect_err by-messages "$zh_msg"
run by-language 2 env -u LC_ALL LANG=$ZH LANGUAGE=en kam-org bogus
expect_err by-language "$en_msg"
run c-wins 2 env LC_ALL=C LANG=$ZH LANGUAGE=zh_CN kam-org bogus
expect_err c-wins "$en_msg"
# No catalog where KAM_LOCALEDIR points: English.
mkdir "$T/nolocale"
run no-catalog 2 env KAM_LOCALEDIR="$T/nolocale" LC_ALL=$ZH kam-org bogus
expect_err no-catalog "$en_msg"

done_testing
