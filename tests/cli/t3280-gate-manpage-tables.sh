#!/bin/sh
# The tables of the manual pages do not run together when rendered: in a
# column list (.Bl -column), every cell but a row's last fits the width
# its column declares, so that man(1) leaves a gap before the next
# column.  The width of a cell is its rendered text: macro names
# dropped, the parentheses and quotes of Pq, Ql, Dq, Sq and Op counted,
# punctuation attached.  A cell one character too wide is caught.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

cat >"$T/columns.awk" <<'AWK'
function display(s,    n, i, t, out, w, pre, extra) {
	gsub(/\\-/, "-", s)
	gsub(/\\\(em/, "-", s)
	gsub(/\\&/, "", s)
	n = split(s, t, /[ \t]+/)
	out = ""
	pre = 0
	extra = 0
	for (i = 1; i <= n; i++) {
		w = t[i]
		if (w == "")
			continue
		if (w ~ /^(Pq|Ql|Dq|Sq|Op|Qq)$/) {
			out = out (out != "" && !pre ? " " : "") "("
			pre = 1
			extra++
			continue
		}
		if (w == "Fl") {
			out = out (out != "" && !pre ? " " : "") "-"
			pre = 1
			continue
		}
		if (w ~ /^[A-Z][a-z][a-z]?$/) {
			if (w == "Ns")
				pre = 1
			continue
		}
		if (w ~ /^[,.:;)\]?!]+$/) {
			out = out w
			continue
		}
		out = out (out != "" && !pre ? " " : "") w
		pre = (w ~ /^[(\[]$/)
	}
	return length(out) + extra
}
/^\.Bl .*-column/ {
	incol = 1
	nw = 0
	s = $0
	sub(/^\.Bl +-column +/, "", s)
	sub(/ +-offset.*/, "", s)
	while (s != "") {
		if (s ~ /^"/) {
			match(s, /^"[^"]*"/)
			width[++nw] = length(substr(s, 2, RLENGTH - 2))
		} else {
			match(s, /^[^ ]+/)
			width[++nw] = length(substr(s, 1, RLENGTH))
		}
		s = substr(s, RLENGTH + 1)
		sub(/^ +/, "", s)
	}
	next
}
/^\.El/ { incol = 0; next }
incol && /^\.It / {
	n = split(substr($0, 5), cell, / Ta /)
	for (i = 1; i < n && i <= nw; i++)
		if (display(cell[i]) > width[i])
			printf "%s:%d: cell %d is %d characters wide, its column %d: %s\n",
			    FILENAME, FNR, i, display(cell[i]), width[i], cell[i]
}
AWK

# The check itself: a cell at its column's width passes, one character
# more is caught, and the macros count as rendered.
cat >"$T/fits.1" <<'MAN'
.Bl -column "at most price.yes-max (5)" "partly" -offset indent
.It Sy gap Ta Sy answer
.It at most Li price.yes-max No (5) Ta Cm yes
.It at most Li price.yes-max Pq 5 Ta Cm yes
.El
MAN
run fits 0 awk -f "$T/columns.awk" "$T/fits.1"
[ -s "$T/fits.out" ] && fail "fits: $(cat "$T/fits.out")"
cat >"$T/wide.1" <<'MAN'
.Bl -column "at most price.yes-max (5)" "partly" -offset indent
.It at most Li price.yes-max No (15) Ta Cm partly Ta last cells never count
.It Sy status Ta Sy answer
.El
MAN
run wide 0 awk -f "$T/columns.awk" "$T/wide.1"
expect_text wide "$T/wide.1:2: cell 1 is 26 characters wide, its column 25: at most Li price.yes-max No (15)"

for page in "$KAM_SRCDIR"/docs/*.1 "$KAM_SRCDIR"/docs/*.7; do
  name=$(basename "$page")
  run "$name" 0 awk -f "$T/columns.awk" "$page"
  if [ -s "$T/$name.out" ]; then
    fail "$name: columns run together:"
    cat "$T/$name.out" >&2
  fi
done
done_testing
