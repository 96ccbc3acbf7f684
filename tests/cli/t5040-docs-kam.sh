#!/bin/sh
# kam, the front command: dispatch to kam-COMMAND with the same
# arguments, output and exit status; help; version; bad usage.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

run help 0 kam -h
expect_out help docs-kam-help.txt
run help-long 0 kam --help
expect_out help-long docs-kam-help.txt
run help-verb 0 kam help
expect_out help-verb docs-kam-help.txt
run help-kam 0 kam help kam
expect_out help-kam docs-kam-help.txt

version=$(kam-org -V | awk '{ print $3 }')
run version 0 kam -V
expect_text version "kam (kam) $version"
run version-long 0 kam --version
expect_text version-long "kam (kam) $version"

# Dispatch: output, errors and exit status are the command's own.
run org-version 0 kam org -V
expect_text org-version "kam-org (kam) $version"
run init 0 kam org init
expect_text init "$(store_name)"
run add 0 kam org account add acme --name 'Acme Hospital'
run list 0 kam org -F csv account list
run list-direct 0 kam-org -F csv account list
if ! cmp -s "$T/list.out" "$T/list-direct.out"; then
  fail "list: kam org differs from kam-org"
fi
expect_sql add "SELECT handle, name FROM account" "acme|Acme Hospital"
run notfound 4 kam org account show acme2
run notfound-direct 4 kam-org account show acme2
if ! cmp -s "$T/notfound.err" "$T/notfound-direct.err"; then
  fail "notfound: kam org's message differs from kam-org's"
fi
run stance-verb 2 kam stance nosuch
expect_err stance-verb "kam-stance: unknown verb 'nosuch' (see 'kam-stance -h')"

# help COMMAND: not on a terminal, the command's usage.
for c in org stance gate map; do
  run "help-$c" 0 kam help "$c"
  run "h-$c" 0 "kam-$c" -h
  if ! cmp -s "$T/help-$c.out" "$T/h-$c.out"; then
    fail "help-$c: 'kam help $c' differs from 'kam-$c -h'"
  fi
done
run help-full 0 kam help kam-gate
if ! cmp -s "$T/help-full.out" "$T/h-gate.out"; then
  fail "help-full: 'kam help kam-gate' differs from 'kam-gate -h'"
fi

# On a terminal, help COMMAND shows the manual page with man(1); when man
# fails (no such page), the usage instead.
if script -qec true /dev/null </dev/null >/dev/null 2>&1; then
  mkdir "$T/man-ok" "$T/man-fail"
  printf '#!/bin/sh\necho "manual of $*"\n' >"$T/man-ok/man"
  printf '#!/bin/sh\necho "no manual" >&2\nexit 16\n' >"$T/man-fail/man"
  chmod +x "$T/man-ok/man" "$T/man-fail/man"
  count=$((count + 1))
  PATH="$T/man-ok:$PATH" script -qec "kam help stance" /dev/null \
    </dev/null | tr -d '\r' >"$T/tty-man.out"
  expect_text tty-man "manual of kam-stance"
  count=$((count + 1))
  PATH="$T/man-fail:$PATH" script -qec "kam help stance" /dev/null \
    </dev/null | tr -d '\r' >"$T/tty-noman.out"
  if ! cmp -s "$T/tty-noman.out" "$T/h-stance.out"; then
    fail "tty-noman: without a manual page, 'kam help stance' should print the usage"
    diff -u "$T/h-stance.out" "$T/tty-noman.out" | head >&2
  fi
fi

# Bad usage.
run none 2 kam
if ! head -1 "$T/none.err" | grep -qx "kam: no command given"; then
  fail "none: message"
fi
if ! tail -n +2 "$T/none.err" | cmp -s - "$EXP/docs-kam-help.txt"; then
  fail "none: the usage should follow the message"
fi
run typo 2 kam orgg person list
expect_err typo "kam: unknown command 'orgg' (did you mean 'org'?)"
run unknown 2 kam frobnicate
expect_err unknown "kam: unknown command 'frobnicate' (see 'kam -h')"
run help-typo 2 kam help stnace
expect_err help-typo "kam: unknown command 'stnace' (did you mean 'stance'?)"
run help-two 2 kam help org map
if ! head -1 "$T/help-two.err" | grep -qx "kam: help takes one COMMAND"; then
  fail "help-two: message"
fi
run badopt 2 kam --frob org
if ! head -1 "$T/badopt.err" | grep -qx "kam: unknown option '--frob'"; then
  fail "badopt: message"
fi
run badshort 2 kam -x
if ! head -1 "$T/badshort.err" | grep -qx "kam: unknown option '-x'"; then
  fail "badshort: message"
fi

# Where kam looks: next to itself first, then the bindir, then $PATH.
mkdir "$T/bin" "$T/lone" "$T/path"
cp "$KAM_BUILDDIR/src/kam" "$T/bin/kam"
cp "$KAM_BUILDDIR/src/kam" "$T/lone/kam"
printf '#!/bin/sh\necho "beside: $*"\nexit 3\n' >"$T/bin/kam-org"
printf '#!/bin/sh\necho "on path: $*"\n' >"$T/path/kam-org"
chmod +x "$T/bin/kam-org" "$T/path/kam-org"
run beside 3 env PATH="$T/path:/usr/bin:/bin" "$T/bin/kam" org person list 'a b'
expect_text beside "beside: person list a b"
bindir=$(cd "$KAM_BUILDDIR" && sed -n 's/^bindir = //p' Makefile)
prefix=$(cd "$KAM_BUILDDIR" && sed -n 's/^prefix = //p' Makefile)
bindir=$(printf '%s\n' "$bindir" | sed "s|\${exec_prefix}|$prefix|")
if [ ! -e "$bindir/kam-org" ]; then
  run path 0 env PATH="$T/path:/usr/bin:/bin" "$T/lone/kam" org x
  expect_text path "on path: x"
  run missing 10 env PATH="/usr/bin:/bin" "$T/lone/kam" org x
  expect_err missing "kam: cannot run 'kam-org': No such file or directory"
fi

done_testing
