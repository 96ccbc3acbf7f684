#!/bin/sh
# Help and version of every command and verb: printed with status 0 to
# a working stdout, and an error (status 10, with a message) when the
# output cannot be written.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

if [ ! -w /dev/full ]; then
  echo "SKIP: no /dev/full" >&2
  done_testing
  exit 77
fi

# both NAME PROG COMMAND...: COMMAND prints something and exits 0;
# into /dev/full it exits 10 with PROG's message; with stdout closed, 10.
both() {
  bn=$1 bprog=$2
  shift 2
  run "$bn" 0 "$@"
  count=$((count + 1))
  [ -s "$T/$bn.out" ] || fail "$bn: printed nothing: $*"
  count=$((count + 1))
  [ ! -s "$T/$bn.err" ] || fail "$bn: said '$(cat "$T/$bn.err")': $*"
  count=$((count + 1))
  "$@" >/dev/full 2>"$T/$bn.full.err"
  st=$?
  [ "$st" = 10 ] || fail "$bn: into /dev/full: exit status $st, expected 10: $*"
  printf '%s: cannot write to standard output: No space left on device\n' "$bprog" >"$T/$bn.full.want"
  count=$((count + 1))
  cmp -s "$T/$bn.full.want" "$T/$bn.full.err" || fail "$bn: into /dev/full: message '$(cat "$T/$bn.full.err")': $*"
  count=$((count + 1))
  "$@" >&- 2>"$T/$bn.closed.err"
  st=$?
  [ "$st" = 10 ] || fail "$bn: stdout closed: exit status $st, expected 10: $*"
}

for c in kam kam-org kam-stance kam-gate kam-map; do
  both "$c-h" "$c" "$c" -h
  both "$c-help" "$c" "$c" --help
  both "$c-V" "$c" "$c" -V
  both "$c-version" "$c" "$c" --version
done
for c in kam kam-org kam-stance kam-gate; do
  both "$c-helpverb" "$c" "$c" help
done
# kam help COMMAND shows the command's usage when stdout is not a
# terminal; the command itself reports the failure.
for c in org stance gate map; do
  both "kam-help-$c" "kam-$c" kam help "$c"
done
both kam-help-kam kam kam help kam

# Every verb's -h and --help.  The verbs are the leading lower-case
# words (one or two) of each usage line in the command's help.
nverbs=0
for c in kam-org kam-stance kam-gate; do
  "$c" -h | sed -n "s/^  $c //p" |
    awk '{ v = $1; if ($2 ~ /^[a-z]+$/) v = v " " $2; print v }' >"$T/$c.verbs"
  count=$((count + 1))
  [ -s "$T/$c.verbs" ] || fail "$c: no verbs found in its help"
  while read -r v; do
    nverbs=$((nverbs + 1))
    # shellcheck disable=SC2086
    both "$c-$(echo "$v" | tr ' ' -)-h" "$c" "$c" $v -h
    # shellcheck disable=SC2086
    both "$c-$(echo "$v" | tr ' ' -)-help" "$c" "$c" $v --help
    # A verb's help is its usage line.
    count=$((count + 1))
    grep -q "^usage: $c $v" "$T/$c-$(echo "$v" | tr ' ' -)-h.out" ||
      fail "$c $v -h: $(head -1 "$T/$c-$(echo "$v" | tr ' ' -)-h.out")"
  done <"$T/$c.verbs"
done
count=$((count + 1))
[ "$nverbs" -ge 40 ] || fail "only $nverbs verbs found"

done_testing
