#!/bin/sh
# Every manual page, rendered as a reader sees it (mandoc -T utf8 and
# -T ascii), shows no option-looking word that is not an option.  A word
# like "-today" is what a Fl macro makes of the words after it, so each
# such word must be an option the page defines: one its SYNOPSIS shows or
# one an item of a list (.It Fl) describes, or one common to every
# command, which kam(1) and kam(7) define.  A page may name another
# command's option on a line that names that command ("--level of
# kam-org(1)"); kam(1) and kam(7), which speak of every command, may name
# any command's options.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

: "${MANDOC:=mandoc}"
if ! command -v "$MANDOC" >/dev/null 2>&1; then
  echo "no mandoc: skipped"
  exit 77
fi
DOCS="$KAM_SRCDIR/docs"
CMDS="kam-org kam-stance kam-gate kam-map kam"

# defined PAGE: the options the page defines, one per line.  A Fl macro's
# arguments run to the next macro or punctuation, as mdoc reads them.
defined() {
  awk '
    /^\.Sh / { sec = $0; sub(/^\.Sh +/, "", sec); next }
    !/^\./ { next }
    sec != "SYNOPSIS" && !/^\.It / { next }
    {
      n = split(substr($0, 2), t, /[ \t]+/)
      for (i = 1; i <= n; i++) {
        if (t[i] != "Fl") continue
        for (j = i + 1; j <= n; j++) {
          s = t[j]
          if (s ~ /^[A-Z][a-z][a-z]?$/ || s ~ /^[|,.;:()[\]?!]+$/) break
          gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
          sub(/[,.;:)]+$/, "", s)
          if (s ~ /^-?[A-Za-z][A-Za-z0-9-]*$/) print "-" s
        }
      }
    }' "$1" | sort -u
}

# defined_all PAGE: every option the page writes with Fl.
defined_all() {
  sed '/^\.Sh SYNOPSIS/d; s/^\.\(.*\)/.It \1/' "$1" >"$T/all-fl.tmp"
  defined "$T/all-fl.tmp"
}

# words FILE: "LINE<tab>WORD" for each option-looking word of a rendering.
words() {
  sed 's/.\x08//g' "$1" | awk '{
    line = $0
    while (match(line, /(^|[^A-Za-z0-9_.\/-])--?[A-Za-z][A-Za-z0-9-]*/)) {
      w = substr(line, RSTART, RLENGTH)
      sub(/^[^-]/, "", w)
      print NR "\t" w
      line = substr(line, RSTART + RLENGTH)
    }
  }'
}

for c in $CMDS; do
  defined "$DOCS/$c.1" >"$T/$c.defs"
  count=$((count + 1))
  [ -s "$T/$c.defs" ] || fail "$c.1: no options found in its SYNOPSIS"
done
cat "$T"/*.defs | sort -u >"$T/all.defs"
# kam(7) has no synopsis: every option it writes with Fl is common.
{ cat "$T/kam.defs"; defined_all "$DOCS/kam.7"; } | sort -u >"$T/common.defs"

for page in "$DOCS"/*.1 "$DOCS"/*.7; do
  pg=${page##*/}
  case $pg in
    kam.1 | kam.7) defs="$T/all.defs" ;;
    *) defs="$T/${pg%.1}.defs" ;;
  esac
  for dev in utf8 ascii; do
    run "$pg-$dev" 0 "$MANDOC" -T "$dev" "$page"
    sed 's/.\x08//g' "$T/$pg-$dev.out" >"$T/$pg-$dev.txt"
    words "$T/$pg-$dev.txt" >"$T/$pg-$dev.words"
    [ -s "$T/$pg-$dev.words" ] || fail "$pg -T $dev: no options at all"
    while IFS="$(printf '\t')" read -r ln w; do
      count=$((count + 1))
      grep -qx -e "$w" "$defs" "$T/common.defs" && continue
      # Another command's option, on a line naming that command.
      ok=no
      text=$(sed -n "${ln}p" "$T/$pg-$dev.txt")
      for c in $CMDS; do
        case $text in
          *"$c"*) grep -qx -e "$w" "$T/$c.defs" && ok=yes ;;
        esac
      done
      [ $ok = yes ] ||
        fail "$pg (-T $dev) line $ln: '$w' is not an option it defines:
  $text"
    done <"$T/$pg-$dev.words"
  done
done

# The check itself: a Fl that swallows the words after it is caught.
printf '.Dd March 1, 2026\n.Dt X 1\n.Os\n.Sh NAME\n.Nm x\n.Nd y\n.Sh SYNOPSIS\n.Nm\n.Op Fl -on Ar date\n.Sh DESCRIPTION\nThe day\n.Pq Fl -on , today by default .\n' >"$T/bad.1"
"$MANDOC" -T utf8 "$T/bad.1" >"$T/bad.out"
words "$T/bad.out" | cut -f2 | sort -u | tr '\n' ' ' >"$T/bad.words"
count=$((count + 1))
[ "$(cat "$T/bad.words")" = "--on -by -default -today " ] ||
  fail "the word finder missed the swallowed words: $(cat "$T/bad.words")"
count=$((count + 1))
[ "$(defined "$T/bad.1")" = "--on" ] ||
  fail "defined() of the sample page: $(defined "$T/bad.1")"

done_testing
