#!/bin/sh
# Every option and verb a command advertises in its -h appears in its
# manual page; every option the page's SYNOPSIS and OPTIONS sections list
# is advertised by -h; and every option a usage line shows is accepted.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

DOCS="$KAM_SRCDIR/docs"

# help_opts: the options named in the text on stdin, one per line.
help_opts() {
  awk '{
    n = split($0, t, /[][ |,=()]+/)
    for (i = 1; i <= n; i++)
      if (t[i] ~ /^--[a-z][a-z0-9-]*$/ || t[i] ~ /^-[A-Za-z]$/) print t[i]
  }' | sort -u
}

# man_opts PAGE [SECTION-REGEX]: the options a manual page writes with
# the Fl macro (in the sections matching the regex, if given).
man_opts() {
  awk -v want="${2:-.}" '
    /^\.Sh / { sec = $0; sub(/^\.Sh +/, "", sec); next }
    sec !~ want || !/^\./ { next }
    {
      line = substr($0, 2)
      n = split(line, t, /[ \t]+/)
      for (i = 1; i <= n; i++) {
        if (t[i] != "Fl") continue
        for (j = i + 1; j <= n; j++) {
          s = t[j]
          if (s ~ /^[A-Z][a-z][a-z]?$/ || s ~ /^[|,.;:()[\]?!]+$/) break
          gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
          sub(/[,.;:)]+$/, "", s)
          if (s ~ /^-[a-z][a-z0-9-]*$/) print "-" s
          else if (s ~ /^[A-Za-z]$/) print "-" s
        }
      }
    }' "$1" | sort -u
}

# man_text PAGE: the words of a manual page, macros dropped, one line.
man_text() {
  awk '{
    line = $0
    if (line ~ /^\.\\"/) next
    if (line ~ /^\./) {
      line = substr(line, 2)
      n = split(line, t, /[ \t]+/); line = ""
      for (i = 1; i <= n; i++)
        if (t[i] !~ /^[A-Z][a-z][a-z]?$/) line = line " " t[i]
    }
    gsub(/\\-/, "-", line); gsub(/\\&/, "", line); gsub(/\\e/, "\\", line)
    gsub(/[,.;:()"]/, " ", line)
    printf " %s", line
  } END { print " " }' "$1" | tr -s ' \t' '  '
}

mkdir "$T/cwd"
for cmd in kam kam-org kam-stance kam-gate kam-map; do
  page="$DOCS/$cmd.1"
  count=$((count + 1))
  if ! "$cmd" -h >"$T/$cmd.help" 2>"$T/$cmd.help.err"; then
    fail "$cmd -h: exit status not 0"
    continue
  fi
  man_opts "$page" >"$T/$cmd.manopts"
  man_opts "$page" '^(SYNOPSIS|.*OPTIONS.*)$' >"$T/$cmd.mansyn"
  man_text "$page" >"$T/$cmd.mantext"
  cp "$T/$cmd.help" "$T/$cmd.allhelp"

  # The verbs, from the listing in -h; each has its own -h usage.
  awk -v c="$cmd" '/^verbs:/ { on = 1; next } /^$/ { on = 0 }
    on && $1 == c { sub(/^ *[^ ]+ /, ""); print }' "$T/$cmd.help" \
    >"$T/$cmd.usages"
  : >"$T/$cmd.verbs"
  while IFS= read -r usage; do
    verb=$(printf '%s\n' "$usage" |
      awk '{ v = ""; for (i = 1; i <= NF && $i ~ /^[a-z][a-z-]*$/; i++)
             v = v (v == "" ? "" : " ") $i; print v }')
    printf '%s\n' "$verb" >>"$T/$cmd.verbs"
    count=$((count + 1))
    # shellcheck disable=SC2086
    if ! (cd "$T/cwd" && "$cmd" $verb -h) >"$T/verb.out" 2>&1; then
      fail "$cmd $verb -h: exit status not 0"
    elif [ "$(cat "$T/verb.out")" != "usage: $cmd $usage" ]; then
      fail "$cmd $verb -h: usage differs from the listing in $cmd -h"
      diff "$T/verb.out" - <<EOD >&2
usage: $cmd $usage
EOD
    fi
    cat "$T/verb.out" >>"$T/$cmd.allhelp"
    case " $(cat "$T/$cmd.mantext") " in
    *" $verb "*) ;;
    *) fail "$cmd: verb '$verb' is missing from docs/$cmd.1" ;;
    esac

    # Each option of the usage line is accepted by the verb: followed
    # by -h (taken as its value, or as -h), it is never "unknown".
    for opt in $(printf '%s\n' "$usage" | help_opts); do
      count=$((count + 1))
      # shellcheck disable=SC2086
      (cd "$T/cwd" && KAM_DB="$T/cwd/none.db" timeout 20 \
        "$cmd" $verb "$opt" -h </dev/null) >/dev/null 2>"$T/acc.err"
      if grep -q "unknown option" "$T/acc.err"; then
        fail "$cmd $verb: '$opt' is in the usage but not accepted: $(cat "$T/acc.err")"
      fi
    done
  done <"$T/$cmd.usages"

  # A command without verbs: its options, accepted likewise.
  if [ ! -s "$T/$cmd.usages" ] && [ "$cmd" != kam ]; then
    for opt in $(help_opts <"$T/$cmd.help"); do
      count=$((count + 1))
      (cd "$T/cwd" && KAM_DB="$T/cwd/none.db" timeout 20 \
        "$cmd" "$opt" -h </dev/null) >/dev/null 2>"$T/acc.err"
      if grep -q "unknown option" "$T/acc.err"; then
        fail "$cmd: '$opt' is in the usage but not accepted: $(cat "$T/acc.err")"
      fi
    done
  fi

  # Every advertised option is in the manual page.
  help_opts <"$T/$cmd.allhelp" >"$T/$cmd.helpopts"
  while IFS= read -r opt; do
    count=$((count + 1))
    if ! grep -qxF -- "$opt" "$T/$cmd.manopts"; then
      fail "$cmd: option '$opt' of $cmd -h is missing from docs/$cmd.1"
    fi
  done <"$T/$cmd.helpopts"

  # And the reverse: the page's SYNOPSIS and OPTIONS list nothing -h
  # does not advertise.
  while IFS= read -r opt; do
    count=$((count + 1))
    if ! grep -qxF -- "$opt" "$T/$cmd.helpopts"; then
      fail "docs/$cmd.1: option '$opt' in SYNOPSIS or OPTIONS is not in $cmd -h"
    fi
  done <"$T/$cmd.mansyn"
done

# Each command's page has the sections a reader looks for.
for cmd in kam kam-org kam-stance kam-gate kam-map; do
  for sec in NAME SYNOPSIS DESCRIPTION ENVIRONMENT 'EXIT STATUS' EXAMPLES \
    'SEE ALSO'; do
    count=$((count + 1))
    if ! grep -qx ".Sh $sec" "$DOCS/$cmd.1"; then
      fail "docs/$cmd.1: no $sec section"
    fi
  done
done

# kam(7) lists exactly the exit codes of include/kam/kam.h.
sed -n 's/^[[:space:]]*KAM_[A-Z_]* = \([0-9][0-9]*\),.*/\1/p' \
  "$KAM_SRCDIR/include/kam/kam.h" | sort -n >"$T/codes.h"
awk '/^\.Sh / { on = ($0 == ".Sh EXIT STATUS"); next }
  on && /^\.It [0-9]+$/ { print $2 }' "$DOCS/kam.7" | sort -n >"$T/codes.7"
count=$((count + 1))
if [ ! -s "$T/codes.h" ] || ! diff -u "$T/codes.h" "$T/codes.7" >&2; then
  fail "docs/kam.7: EXIT STATUS does not list the codes of include/kam/kam.h"
fi

done_testing
