#!/bin/sh
# The example scenarios run, print exactly the transcripts kept beside
# them (examples/NAME.md), and leave a store and diagrams behind.  They
# run on a terminal (script(1)), as a user would run them, so that the
# commands print tables.
#
#   t5020-docs-examples.sh            checks every scenario
#   t5020-docs-examples.sh --update   rewrites examples/NAME.md
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# script(1) needs a pseudo-terminal; without one, skip.
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
  echo "script(1) cannot open a pseudo-terminal: skipped"
  exit 77
fi
update=0
[ "${1:-}" = --update ] && update=1

# scenario NAME: runs examples/NAME.sh into $T/NAME, its transcript in
# $T/NAME.md; checks the transcript.
scenario() {
  count=$((count + 1))
  script -qec "sh '$KAM_SRCDIR/examples/$1.sh' '$T/$1'" /dev/null \
    </dev/null >"$T/$1.raw" 2>&1
  status=$?
  tr -d '\r' <"$T/$1.raw" >"$T/$1.md"
  if [ "$status" != 0 ]; then
    fail "examples/$1.sh: exit status $status"
    tail -5 "$T/$1.md" >&2
  elif [ "$update" = 1 ]; then
    cp "$T/$1.md" "$KAM_SRCDIR/examples/$1.md"
  elif ! diff -u --label "examples/$1.md" --label "examples/$1.sh (as run now)" \
    "$KAM_SRCDIR/examples/$1.md" "$T/$1.md" >&2; then
    fail "examples/$1.sh: its output differs from examples/$1.md"
  fi
}

# has NAME FILE TEXT...: FILE, left by the scenario, contains each TEXT.
has() {
  count=$((count + 1))
  n=$1 f=$2
  shift 2
  if [ ! -s "$T/$n/$f" ]; then
    fail "examples/$n.sh: $f was not written"
    return
  fi
  # Graphviz writes a hyphen in SVG text as &#45;.
  sed 's/&#45;/-/g' "$T/$n/$f" >"$T/has.txt"
  for text in "$@"; do
    if ! grep -qF -- "$text" "$T/has.txt"; then
      fail "examples/$n.sh: $f does not contain '$text'"
    fi
  done
}
# lacks NAME FILE TEXT: FILE does not contain TEXT.
lacks() {
  count=$((count + 1))
  if grep -qF -- "$3" "$T/$1/$2"; then
    fail "examples/$1.sh: $2 contains '$3'"
  fi
}

scenario hospital
has hospital kam.db "SQLite format 3"
has hospital map-before.svg "<svg" "陈建国" "信息中心副主任" "2026-01-08"
lacks hospital map-before.svg "孙强"
has hospital map-after.svg "<svg" "陈建国" "孙强" "neutral → support" "support → neutral" "2026-06-15"
has hospital buying-group.svg "<svg" "赵磊" "technical"
# The store is left for the user to go on with.
KAM_DB="$T/hospital/kam.db" KAM_NOW=2026-06-15 run verdict 0 \
  kam-gate -F tsv list hospital
if ! awk -F'\t' 'NR == 2 && $1 == "hospital/his" { ok = $3 == "pursue" }
  END { exit !ok }' "$T/verdict.out"; then
  fail "examples/hospital.sh: the deal's latest verdict is not pursue"
fi

scenario enterprise
has enterprise people.csv "handle,name,title"
has enterprise kam.db "SQLite format 3"
has enterprise erp-2026.svg "<svg" "Tom Brennan" "Kwame Osei" "oppose → neutral"
KAM_DB="$T/enterprise/kam.db" KAM_NOW=2026-03-16 run list 0 \
  kam-gate -F tsv list northwind
cut -f1,3 "$T/list.out" >"$T/list.cut"
printf 'deal\tverdict\nnorthwind/erp-2026\tpursue-limited\nnorthwind/fleet-ai\tdrop\nnorthwind/soc-renewal\tpursue-limited\n' >"$T/list.want"
if ! diff -u "$T/list.want" "$T/list.cut" >&2; then
  fail "examples/enterprise.sh: the verdicts left in the store differ"
fi

# The law firm: 71 lawyers and 892 advice ties, drawn for slides.
# png NAME FILE W H: FILE, left by the scenario, is a W x H PNG.
png() {
  count=$((count + 1))
  got=$(od -An -tu1 -j16 -N8 "$T/$1/$2" 2>/dev/null |
    awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }')
  [ "$got" = "$3x$4" ] || fail "examples/$1.sh: $2 is $got, expected $3x$4"
}
scenario lawfirm
has lawfirm people.csv "l08,Lawyer 8,head of litigation,Boston,2,l01"
has lawfirm links.csv "l02,l01,advises"
png lawfirm org.png 1920 1080
png lawfirm buying.png 1920 1080
has lawfirm influence.svg "<svg" "388 of 892 links shown" "Lawyer 71"
has lawfirm buying-context.pdf "%PDF-"
has lawfirm timeline.png "PNG"
has lawfirm org.dot "digraph sgr" "_bus_l08_13"
lacks lawfirm org.dot "2026-03-02"
# The org chart's natural shape: no wider than 2.4:1 (the wide layout
# of the same firm is a strip).
count=$((count + 1))
if ! od -An -tu1 -j16 -N8 "$T/lawfirm/org-natural.png" |
  awk '{ w = $3 * 256 + $4; h = $7 * 256 + $8; exit !(w <= 2.4 * h) }'; then
  fail "examples/lawfirm.sh: org-natural.png is wider than 2.4:1"
fi
count=$((count + 1))
if od -An -tu1 -j16 -N8 "$T/lawfirm/org-wide.png" |
  awk '{ w = $3 * 256 + $4; h = $7 * 256 + $8; exit !(w <= 2.4 * h) }'; then
  fail "examples/lawfirm.sh: org-wide.png is not a strip"
fi

done_testing
