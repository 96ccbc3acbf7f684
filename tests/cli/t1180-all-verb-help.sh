#!/bin/sh
# Every verb of every command prints its own usage, the one line of its
# row in the verb table, for VERB -h (on stdout, exit 0, without a store)
# and after a usage error (on stderr, exit 2); "-h" lists each of them.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_DB="$T/none/kam.db"
n=0
for c in kam-org kam-stance kam-gate; do
  run "$c-help" 0 "$c" -h
  sed -n '/^verbs:/,/^$/p' "$T/$c-help.out" | grep '^  ' | sed 's/^  //' >"$T/$c.verbs"
  [ -s "$T/$c.verbs" ] || fail "$c: no verbs listed"
  while read -r line; do
    # A verb is one or two words; the second is a word of its name when
    # it is lowercase (not an operand, option or bracket).
    set -f; set -- $line; set +f
    v=$2
    case "${3-}" in [a-z]*) v="$2 $3" ;; esac
    tn=$(printf '%s-%s' "$c" "$v" | tr ' ' '-')
    # shellcheck disable=SC2086
    run "$tn" 0 "$c" $v -h
    expect_text "$tn" "usage: $line"
    # shellcheck disable=SC2086
    run "$tn-bad" 2 "$c" $v --no-such-option
    expect_err "$tn-bad" "$c: unknown option '--no-such-option'
usage: $line"
    n=$((n + 1))
  done <"$T/$c.verbs"
done
# Every verb was tried (a verb added to a table is tried too).
[ "$n" -ge 60 ] || fail "only $n verbs tried"
[ -e "$T/none" ] && fail "a store was created"

# kam-map has no verbs: -h is its usage.
run map-help 0 kam-map -h
head -1 "$T/map-help.out" >"$T/map-help.first" && mv "$T/map-help.first" "$T/map-help.out"
expect_text map-help "usage: kam-map [-a ACCOUNT] [-d DB] [-o FILE] [-T dot|svg|png|pdf] [--as-of DATE]"

# "person -h": the usage of every verb that begins with person.
run group 0 kam-org person -h
grep '^kam-org person ' "$T/kam-org.verbs" | sed 's/^/usage: /' >"$T/group.want"
diff -u "$T/group.want" "$T/group.out" >&2 || fail "group: not each person verb"

done_testing
