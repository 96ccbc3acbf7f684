#!/bin/sh
# No function in src/ is longer than 80 lines unless the comment right
# above it gives a reason (docs/architecture.md, "Keep the function
# short").  A function's length is the lines from its opening brace to
# its closing brace, both counted; .clang-format puts both in column 0,
# and the function's name at the start of the line before the brace.
# The reason is the comment block that ends on the line right above the
# function's first line (its return type), holding "Long:" followed by
# why, in words.  A blank line between the comment and the function
# breaks the link.
#
# The check names each function too long without a reason, as
# "FILE:LINE name, N lines" (LINE is the line of its name).  It can
# fail, and this test proves it on every run over a planted file: to
# see it by hand, add 81 lines to a function of src/lib/gate.c, run
# this test, and it fails naming the function.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

cat >"$T/long.awk" <<'AWK'
function reset() { decl = 0; name = ""; above = "" }
FNR == 1 { reset(); text = ""; incom = 0; body = 0; keep = 0 }
# In a body: its end, at the next brace in column 0.
body {
	if ($0 ~ /^}/) {
		n = FNR - body + 1
		if (n > max && above !~ /Long:[ \t]*[A-Za-z]/)
			printf "%s:%d %s, %d lines\n", FILENAME, line, fname, n
		body = 0
		reset()
		text = ""
	}
	next
}
# A comment in column 0, kept while it is the last thing read.
incom {
	text = text " " $0
	if ($0 ~ /\*\//)
		incom = 0
	next
}
/^\/\*/ {
	if (!decl) {
		if (!keep)
			text = ""
		text = text " " $0
		if ($0 !~ /\*\//)
			incom = 1
		keep = 1
	}
	next
}
/^{/ {
	if (name != "") {
		body = FNR
		fname = name
		line = nameline
	}
	next
}
/^[ \t]*$/ || /^#/ || /^}/ { reset(); text = ""; keep = 0; next }
# A declaration's lines: the first takes the comment right above.
/^[A-Za-z_]/ {
	if (!decl) {
		decl = 1
		above = keep ? text : ""
	}
	keep = 0
	if (match($0, /^[A-Za-z_][A-Za-z0-9_]*\(/)) {
		name = substr($0, 1, RLENGTH - 1)
		nameline = FNR
	}
	if ($0 ~ /;[ \t]*$/) {
		reset()
		text = ""
	}
	next
}
AWK

# long_functions FILE...: the functions over 80 lines without a reason.
long_functions() {
  awk -v max=80 -f "$T/long.awk" "$@"
}

# The sources.
count=$((count + 1))
(cd "$KAM_SRCDIR" && long_functions src/*.c src/lib/*.c) >"$T/long" 2>"$T/awk.err" ||
  fail "awk failed: $(cat "$T/awk.err")"
[ -s "$T/long" ] && fail "functions over 80 lines without a \"Long:\" reason:
$(cat "$T/long")"

# A planted file: function bodies of N lines (the braces and N-2
# statements), after COMMENT lines, if any.
fn() { # NAME N [COMMENT...]
  name=$1 n=$2
  shift 2
  for c in "$@"; do printf '%s\n' "$c"; done
  printf 'static int\n%s(int x)\n{\n' "$name"
  i=2
  while [ "$i" -lt "$n" ]; do
    printf '\tx++;\n'
    i=$((i + 1))
  done
  printf '}\n\n'
}
{
  printf '/* A planted file. */\n#include <stdio.h>\n\nint proto(int x);\n\n'
  printf 'static const int table[] = {\n\t1,\n\t2,\n};\n\n'
  fn exactly_80 80
  fn one_over 81
  fn reasoned 81 '/* A table, one case a word.' ' * Long: one switch over the words. */'
  fn bare_mark 81 '/* Long: */'
  fn blank_between 81 '/* Long: one switch over the words. */' ''
  fn other_comment 81 '/* Short, they say. */'
  printf 'struct s {\n\tint a;\n};\n\n'
  fn after_struct 82
  fn last_short 3
} >"$T/plant.c"
count=$((count + 1))
grep -n '^exactly_80\|^one_over\|^bare_mark\|^blank_between\|^other_comment\|^after_struct' "$T/plant.c" |
  sed 's/^\([0-9]*\):\(.*\)(int x)$/\1 \2/' >"$T/lines"
while read -r l f; do
  case $f in
  exactly_80) ;;
  after_struct) echo "plant.c:$l $f, 82 lines" ;;
  *) echo "plant.c:$l $f, 81 lines" ;;
  esac
done <"$T/lines" >"$T/want"
(cd "$T" && long_functions plant.c) >"$T/got"
cmp -s "$T/want" "$T/got" ||
  fail "planted functions: want
$(cat "$T/want")
got
$(cat "$T/got")"
# The same message for a copy of gate.c whose gate_name (3 lines) is
# given 81 more.
count=$((count + 1))
mkdir -p "$T/src/lib"
awk '{ print } /^gate_name\(/ { g = 1 } g && /^{/ { for (i = 0; i < 81; i++) print "\t;"; g = 0 }' \
  "$KAM_SRCDIR/src/lib/gate.c" >"$T/src/lib/gate.c"
l=$(grep -n '^gate_name(' "$T/src/lib/gate.c" | cut -d: -f1)
(cd "$T" && long_functions src/lib/gate.c) >"$T/got"
printf 'src/lib/gate.c:%s gate_name, 84 lines\n' "$l" >"$T/want"
cmp -s "$T/want" "$T/got" ||
  fail "a long gate_name in gate.c: want $(cat "$T/want"), got $(cat "$T/got")"

done_testing
