#!/bin/sh
# kam-gate answer takes the method's Chinese answers (是, 部分, 否, 未知:
# the table of kam(7)) as it takes yes, partly, no and unknown, in every
# locale; the store and TSV keep the English word, and a run reads them
# as the English ones, as do run's assumptions.  Other words stay
# refused, the store unchanged.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8

sed -n "/^\\.Sh THE METHOD'S WORDS/,/^\\.El/p" "$KAM_SRCDIR/docs/kam.7" |
  sed -n 's/^\.It \([a-z-]*\) Ta \(.*\)$/\1 \2/p' |
  while read -r en zh; do
    printf '%s\n' "$zh" | tr ',' '\n' | sed "s/^ */$en /"
  done >"$T/pairs"
grep -E '^(yes|partly|no|unknown) ' "$T/pairs" >"$T/answers"
count=$((count + 1))
[ "$(tr '\n' ' ' <"$T/answers")" = "yes 是 partly 部分 no 否 unknown 未知 " ] ||
  fail "kam(7) lists the answers as: $(tr '\n' ' ' <"$T/answers")"
# Every documented pair, and nothing more: 23 words, 25 Chinese ones.
count=$((count + 1))
[ "$(wc -l <"$T/pairs")" -eq 25 ] ||
  fail "kam(7) has $(wc -l <"$T/pairs") pairs of words, expected 25"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org deal add acme/his --name HIS >/dev/null
kam-org deal add acme/pacs --name PACS >/dev/null

n=0
for loc in C.UTF-8 zh_CN.UTF-8; do
  while read -r en zh; do
    n=$((n + 1))
    run answer-$n 0 in_locale $loc kam-gate answer acme/his need "$zh" \
      --on 2026-01-0$n --evidence 招标公告
    expect_sql answer-$n "SELECT answer, effective FROM answer WHERE id = $n" \
      "$en|2026-01-0$n"
  done <"$T/answers"
done
[ "$n" -eq 8 ] || fail "answer: $n answers given, expected 8"
run answers 0 in_locale zh_CN.UTF-8 kam-gate answers acme/his -F tsv
cut -f 1-3 "$T/answers.out" >"$T/answers.cut"
printf 'on\tkey\tanswer\n2026-01-01\tneed\tyes\n2026-01-02\tneed\tpartly\n2026-01-03\tneed\tno\n2026-01-04\tneed\tunknown\n2026-01-05\tneed\tyes\n2026-01-06\tneed\tpartly\n2026-01-07\tneed\tno\n2026-01-08\tneed\tunknown\n' |
  cmp -s - "$T/answers.cut" || fail "answers: $(cat "$T/answers.cut")"

# A run over Chinese answers is the run over the English ones.
for key in need budget timeline fit gaps; do
  kam-gate answer acme/his $key 是 --on 2026-02-01 >/dev/null
  kam-gate answer acme/pacs $key yes --on 2026-02-01 >/dev/null
done
run run-zh 0 kam-gate run acme/his --dry-run -F json
run run-en 0 kam-gate run acme/pacs --dry-run -F json
sed 's/acme\/pacs/acme\/his/' "$T/run-en.out" | cmp -s - "$T/run-zh.out" ||
  fail "run-zh: the verdict over 是 differs from the one over yes"

# Assumptions take the method's words too.
kam-org person add acme/wang --name 王芳 >/dev/null
kam-org role acme/his acme/wang decision-maker --influence high >/dev/null
run assume-zh 0 kam-gate run acme/his --dry-run -F json \
  --assume-answer budget=否 --assume-stance acme/wang=反对
run assume-en 0 kam-gate run acme/his --dry-run -F json \
  --assume-answer budget=no --assume-stance acme/wang=oppose
sed -e 's/budget=否/budget=no/' -e 's/wang=反对/wang=oppose/' \
  "$T/assume-zh.out" | cmp -s - "$T/assume-en.out" ||
  fail "assume-zh: the run over 否 and 反对 differs from no and oppose"
cmp -s "$T/assume-en.out" "$T/run-zh.out" &&
  fail "assume-en: the assumptions changed nothing"

# Refused: not an answer, an answer's near miss, another vocabulary's word.
snapshot
for w in 对 部份 支持 Yes '是 '; do
  for loc in C.UTF-8 zh_CN.UTF-8; do
    run bad 3 in_locale $loc kam-gate answer acme/his need "$w"
    if [ $loc = C.UTF-8 ]; then
      expect_err bad "kam-gate: unknown answer '$w' (use yes, partly, no or unknown)"
    else
      expect_err bad "kam-gate: 无效的回答“$w”（请用 yes、partly、no 或 unknown，或 是、部分、否、未知）"
    fi
  done
done
unchanged refused

done_testing
