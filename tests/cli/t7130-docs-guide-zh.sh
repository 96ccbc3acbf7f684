#!/bin/sh
# The Chinese guide's transcripts are true of this build: docs/guide.zh_CN.md
# is checked as docs/guide.md is (t5010), its commands running under
# LANG=zh_CN.UTF-8 as the guide sets it; README points to it.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8

run guide 0 sh "$KAM_SRCDIR/tests/cli/t5010-docs-transcripts.sh" \
  "$KAM_SRCDIR/docs/guide.zh_CN.md"
[ -s "$T/guide.err" ] && sed 's/^/  /' "$T/guide.err" >&2
# The guide is in Chinese, says the method's words, and runs Chinese.
for w in 支持 中立 反对 决策者 教练 是不是机会 是不是能竞争 是不是能赢 是不是值得赢; do
  count=$((count + 1))
  grep -q "$w" "$KAM_SRCDIR/docs/guide.zh_CN.md" || fail "the guide never says $w"
done
count=$((count + 1))
grep -q '^\$ unset LC_ALL; export LANG=zh_CN.UTF-8$' \
  "$KAM_SRCDIR/docs/guide.zh_CN.md" || fail "the guide does not set LANG"
count=$((count + 1))
grep -q '^关系人  *名称  *角色  *影响力 ' "$KAM_SRCDIR/docs/guide.zh_CN.md" ||
  fail "the guide shows no Chinese table"
count=$((count + 1))
grep -q '(docs/guide.zh_CN.md)' "$KAM_SRCDIR/README.md" ||
  fail "README does not point to docs/guide.zh_CN.md"

done_testing
