#!/bin/sh
# kam-org(1) documents what kam-org does: it is clean under mandoc's
# lint, and every verb, every option of the usage strings, every check
# flag code and every output column appears in it.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

MAN="$KAM_SRCDIR/docs/kam-org.1"
: "${MANDOC:=mandoc}"
if ! command -v "$MANDOC" >/dev/null 2>&1; then
  echo "SKIP: no mandoc to read kam-org(1)" >&2
  exit 77
fi
run lint 0 "$MANDOC" -T lint -W warning "$MAN"
[ ! -s "$T/lint.out" ] || fail "lint: $(cat "$T/lint.out")"
"$MANDOC" -T utf8 "$MAN" | sed 's/.\x08//g' >"$T/man.txt"

run help 0 kam-org -h
# Verbs: each synopsis line of -h is in the man page's SYNOPSIS, word for
# word (the man page may wrap lines).
grep '^  kam-org ' "$T/help.out" | sed 's/^  kam-org //' >"$T/verbs"
tr -s ' \n' '  ' <"$T/man.txt" | tr '[:upper:]' '[:lower:]' >"$T/man.flat"
while IFS= read -r usage; do
  verb=$(printf '%s\n' "$usage" | awk '{ v = $1; if ($2 ~ /^(add|list|show|set|leave|rm)$/) v = v " " $2; print v }')
  grep -q -- "kam-org $verb" "$T/man.flat" || fail "verb '$verb' not in kam-org(1)"
  # Every option of the usage.
  for opt in $(printf '%s\n' "$usage" | grep -o -- '--[a-z-]*' | sort -u); do
    grep -q -- "$opt" "$T/man.txt" || fail "option '$opt' of '$verb' not in kam-org(1)"
  done
done <"$T/verbs"
# And the reverse: every long option in the man page is in some usage,
# or is a common option.
grep -o -- '--[a-z][a-z-]*' "$T/man.txt" | sort -u >"$T/man-opts"
{ grep -o -- '--[a-z][a-z-]*' "$T/verbs"; printf '%s\n' --account --db --format --help --version; } |
  sort -u >"$T/usage-opts"
comm -23 "$T/man-opts" "$T/usage-opts" >"$T/extra-opts"
[ ! -s "$T/extra-opts" ] || fail "options in kam-org(1) that kam-org does not have: $(tr '\n' ' ' <"$T/extra-opts")"
# Common options.
for opt in -a -d -F -h -V --account --db --format --help --version; do
  grep -q -- "$opt" "$T/man.txt" || fail "common option '$opt' not in kam-org(1)"
done
# Check flags, environment, exit codes.
for word in no-decision-maker no-technical no-business no-finance no-coach \
  placeholder-role departed-role rank-inversion \
  KAM_DB KAM_ACCOUNT KAM_USER KAM_NOW XDG_DATA_HOME; do
  grep -q -- "$word" "$T/man.txt" || fail "'$word' not in kam-org(1)"
done
for code in 0 1 2 3 4 5 6 7 8 9 10 11; do
  sed -n '/^EXIT STATUS/,/^EXAMPLES/p' "$T/man.txt" | grep -q "^ *$code  *[A-Zc]" ||
    fail "exit status $code not in kam-org(1)"
done
# Output columns: the header of each listing is documented.
kam-org init >/dev/null
kam-org account add a --name A >/dev/null
kam-org person add a/p --name P >/dev/null
kam-org deal add a/d --name D >/dev/null
for cmd in "account list" "person list a" "links a" "competitor list" \
  "deal list a" "roles a/d" "check a" "log a/p" "tree a" \
  "account show a" "person show a/p" "deal show a/d"; do
  case $cmd in
  *show*) kam-org -F json $cmd | grep -o '"[a-z_]*":' | tr -d '":' >"$T/cols" ;;
  *) kam-org -F csv $cmd | head -1 | tr ',' '\n' >"$T/cols" ;;
  esac
  [ -s "$T/cols" ] || fail "no columns for '$cmd'"
  while read -r c; do
    grep -q -- "$c" "$T/man.txt" || fail "column '$c' of '$cmd' not in kam-org(1)"
  done <"$T/cols"
done

done_testing
