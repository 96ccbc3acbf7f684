#!/bin/sh
# kam-stance takes the method's Chinese stances (支持, 中立, 反对: the
# table of kam(7)) wherever it takes support, neutral and oppose, in
# every locale: set, correct and import store the English word and print
# it in TSV; other words, and the Chinese words of other vocabularies,
# are refused as before.
. "$(dirname "$0")/lib.sh"
need_locale zh_CN.UTF-8

# The documented pairs of the table, one "ENGLISH CHINESE" a line.
sed -n "/^\\.Sh THE METHOD'S WORDS/,/^\\.El/p" "$KAM_SRCDIR/docs/kam.7" |
  sed -n 's/^\.It \([a-z-]*\) Ta \(.*\)$/\1 \2/p' |
  while read -r en zh; do
    printf '%s\n' "$zh" | tr ',' '\n' | sed "s/^ */$en /"
  done >"$T/pairs"
grep -E '^(support|neutral|oppose) ' "$T/pairs" >"$T/stances"
count=$((count + 1))
[ "$(cat "$T/stances")" = "support 支持
neutral 中立
oppose 反对" ] || fail "kam(7) lists the stances as: $(cat "$T/stances")"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name 李娜 >/dev/null
kam-org deal add acme/his --name HIS >/dev/null

# set, in the C locale and in Chinese.
n=0
for loc in C.UTF-8 zh_CN.UTF-8; do
  while read -r en zh; do
    n=$((n + 1))
    run set-$n 0 in_locale $loc kam-stance set acme/li "$zh" --on 2026-01-0$n
    expect_text set-$n $n
    expect_sql set-$n "SELECT stance, effective FROM observation WHERE id = $n" \
      "$en|2026-01-0$n"
  done <"$T/stances"
done
[ "$n" -eq 6 ] || fail "set: $n stances set, expected 6"
# With the options a stance takes beside it.
run set-deal 0 kam-stance set acme/li 反对 --deal his --on 2026-01-07 \
  --note 价格太高
expect_sql set-deal "SELECT stance, deal_id, note FROM observation_plain WHERE id = 7" \
  "oppose|1|价格太高"
# log prints the English words in TSV.
run log 0 in_locale zh_CN.UTF-8 kam-stance log acme/li -F tsv
cut -f 6 "$T/log.out" >"$T/log.stances"
printf '%s\n' stance support neutral oppose support neutral oppose oppose |
  cmp -s - "$T/log.stances" || fail "log: stances $(tr '\n' ' ' <"$T/log.stances")"
run verify 0 kam-stance verify

# correct ID STANCE.
run correct 0 kam-stance correct 1 中立 --why 'was neutral'
expect_sql correct "SELECT kind, target_id, stance FROM observation WHERE id = 8" \
  "correct|1|neutral"
run correct-zh 0 in_locale zh_CN.UTF-8 kam-stance correct 2 支持 --why 误记
expect_sql correct-zh "SELECT kind, target_id, stance FROM observation WHERE id = 9" \
  "correct|2|support"

# import: the stance column in Chinese, English and symbols mixed.
printf 'person,stance,on\nacme/li,支持,2026-02-01\nacme/li,中立,2026-02-02\nacme/li,反对,2026-02-03\nacme/li,support,2026-02-04\nacme/li,-,2026-02-05\n' \
  >"$T/ok.csv"
run import 0 kam-stance import "$T/ok.csv"
expect_text import "5 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql import "SELECT stance FROM observation WHERE id > 9 ORDER BY id" \
  "support
neutral
oppose
support
oppose"
run import-zh 0 in_locale zh_CN.UTF-8 kam-stance import "$T/ok.csv"
expect_sql import-zh "SELECT count(*), group_concat(stance) FROM observation WHERE id > 14" \
  "5|support,neutral,oppose,support,oppose"
run verify2 0 kam-stance verify

# Refused as before, with the store unchanged: a word that is not a
# stance, a Chinese word of another vocabulary, a near miss.
snapshot
for w in 支援 高 是 '支持 ' 中立的 Support; do
  count=$((count + 1))
  for loc in C.UTF-8 zh_CN.UTF-8; do
    run bad 3 in_locale $loc kam-stance set acme/li "$w"
    if [ $loc = C.UTF-8 ]; then
      expect_err bad "kam-stance: unknown stance '$w' (use support, neutral, oppose, +, 0 or -)"
    else
      expect_err bad "kam-stance: 未知态度“$w”（请用 support、neutral、oppose、+、0 或 -，或 支持、中立、反对）"
    fi
  done
done
run bad-correct 3 kam-stance correct 1 高 --why x
expect_err bad-correct "kam-stance: unknown stance '高' (use support, neutral, oppose, +, 0 or -)"
printf 'person,stance\nacme/li,支持\nacme/li,反对的\n' >"$T/bad.csv"
run bad-import 3 kam-stance import "$T/bad.csv"
expect_err bad-import "kam-stance: $T/bad.csv:3: unknown stance '反对的' (use support, neutral, oppose, +, 0 or -)"
unchanged refused

done_testing
