#!/bin/sh
# Import errors name the line where the record begins, whatever the line
# ends (LF, CRLF or a lone CR), after quoted fields that span lines and
# blank lines, and also for an error inside such a field.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null
snapshot

# eol STYLE < LF-TEXT > TEXT: every line end, quoted ones included, in
# the style given.
eol() {
  case $1 in
    lf) cat ;;
    crlf) sed 's/$/\r/' ;;
    cr) tr '\n' '\r' ;;
  esac
}

for style in lf crlf cr; do
  # stance CSV: a bad row on line 6, after a note spanning lines 2-4
  # and a blank line.
  printf 'person,stance,note\nacme/li,support,"one\ntwo\nthree"\n\nacme/li,bogus,x\n' |
    eol $style >"$T/late-$style.csv"
  run late-$style 3 kam-stance import "$T/late-$style.csv"
  expect_err late-$style "kam-stance: $T/late-$style.csv:6: unknown stance 'bogus' (use support, neutral, oppose, +, 0 or -)"
  unchanged late-$style
  # The bad row itself spans lines 2-4.
  printf 'person,stance,note\nacme/li,bogus,"one\ntwo\nthree"\n' |
    eol $style >"$T/span-$style.csv"
  run span-$style 3 kam-stance import "$T/span-$style.csv"
  expect_err span-$style "kam-stance: $T/span-$style.csv:2: unknown stance 'bogus' (use support, neutral, oppose, +, 0 or -)"
  unchanged span-$style
  # Invalid UTF-8 on line 3 of a field spanning lines 2-4.
  printf 'person,stance,note\nacme/li,support,"one\ntw\377o\nthree"\n' |
    eol $style >"$T/utf8-$style.csv"
  run utf8-$style 3 kam-stance import "$T/utf8-$style.csv"
  expect_err utf8-$style "kam-stance: $T/utf8-$style.csv:2: invalid UTF-8"
  unchanged utf8-$style
  # A stray quote after a field spanning lines 3-5.
  printf 'person,stance,note\nacme/li,support,x\nacme/li,support,"one\ntwo\nthree"x\n' |
    eol $style >"$T/quote-$style.csv"
  run quote-$style 3 kam-stance import "$T/quote-$style.csv"
  expect_err quote-$style "kam-stance: $T/quote-$style.csv:3: malformed CSV: a stray quote (quote the whole field, and double a '\"' inside it)"
  unchanged quote-$style
  # A quote left open at the end of the file, from line 3.
  printf 'person,stance,note\nacme/li,support,x\nacme/li,support,"one\ntwo\n' |
    eol $style >"$T/open-$style.csv"
  run open-$style 3 kam-stance import "$T/open-$style.csv"
  expect_err open-$style "kam-stance: $T/open-$style.csv:3: malformed CSV: a quoted field is not closed (a '\"' is missing)"
  unchanged open-$style
  # kam-org: a title quoted over lines 2-3.
  printf 'handle,name,title\nzhao,Zhao,"CFO\n(acting)"\nchen,Chen,\nwang,Wang\n' |
    eol $style >"$T/people-$style.csv"
  # A title is one line: the record on lines 2-3 is refused, at line 2.
  run people-$style 3 kam-org import acme "$T/people-$style.csv"
  expect_err people-$style "kam-org: $T/people-$style.csv:2: title contains control character $(
    [ $style = lf ] && echo U+000A || echo U+000D) (a line break)"
  unchanged people-$style
  # kam-org: a field count error on line 6 after blank lines.
  printf 'handle,name,title\nzhao,Zhao,"CFO, acting"\n\n\nchen,Chen,\nwang,Wang\n' |
    eol $style >"$T/people2-$style.csv"
  run people2-$style 3 kam-org import acme "$T/people2-$style.csv"
  expect_err people2-$style "kam-org: $T/people2-$style.csv:6: 2 fields, the header has 3"
  unchanged people2-$style
  # The header line counts as line 1 after a BOM too.
  printf '\357\273\277person,stance\nacme/li,+\nacme/li,?\n' |
    eol $style >"$T/bom-$style.csv"
  run bom-$style 3 kam-stance import "$T/bom-$style.csv"
  expect_err bom-$style "kam-stance: $T/bom-$style.csv:3: unknown stance '?' (use support, neutral, oppose, +, 0 or -)"
  unchanged bom-$style
  # And a good file in each style keeps the line ends inside a quoted
  # field as written.
  printf 'person,stance,note\nacme/li,support,"one\ntwo"\n' |
    eol $style >"$T/good-$style.csv"
  run good-$style 0 kam-stance import "$T/good-$style.csv"
  expect_text good-$style "1 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
  snapshot
done
expect_sql good-notes "SELECT hex(note) FROM observation_plain ORDER BY id" \
"6F6E650A74776F
6F6E650D0A74776F
6F6E650D74776F"

done_testing
