#!/bin/sh
# An import file that cannot be read (a folder, a file without read
# permission, a read error) exits 10 (KAM_IO) with a message naming the
# file, and leaves the store unchanged; a missing file is 4.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null
snapshot

mkdir "$T/folder"
run org-folder 10 kam-org import acme "$T/folder"
expect_err org-folder "kam-org: cannot read '$T/folder': Is a directory"
unchanged org-folder
run stance-folder 10 kam-stance import "$T/folder"
expect_err stance-folder "kam-stance: cannot read '$T/folder': Is a directory"
unchanged stance-folder
# Standard input can be a folder too.
run org-stdin-folder 10 kam-org import acme - <"$T/folder"
expect_err org-stdin-folder "kam-org: cannot read '<stdin>': Is a directory"
run stance-stdin-folder 10 kam-stance import - <"$T/folder"
expect_err stance-stdin-folder "kam-stance: cannot read '<stdin>': Is a directory"
unchanged stdin-folder

# A read error in the middle of reading: /proc/self/mem reads as EIO at
# offset 0.
if [ -r /proc/self/mem ]; then
  run org-eio 10 kam-org import acme /proc/self/mem
  expect_err org-eio "kam-org: /proc/self/mem: read error: Input/output error"
  unchanged org-eio
  run stance-eio 10 kam-stance import /proc/self/mem
  expect_err stance-eio "kam-stance: /proc/self/mem: read error: Input/output error"
  unchanged stance-eio
fi

# A file without read permission (root reads it anyway).
printf 'handle,name\nzhao,Zhao\n' >"$T/locked.csv"
chmod 000 "$T/locked.csv"
if ! cat "$T/locked.csv" >/dev/null 2>&1; then
  run org-locked 10 kam-org import acme "$T/locked.csv"
  expect_err org-locked "kam-org: cannot open '$T/locked.csv': Permission denied"
  unchanged org-locked
  run stance-locked 10 kam-stance import "$T/locked.csv"
  expect_err stance-locked "kam-stance: cannot open '$T/locked.csv': Permission denied"
  unchanged stance-locked
fi

run org-missing 4 kam-org import acme "$T/nope.csv"
expect_err org-missing "kam-org: cannot open '$T/nope.csv': No such file or directory"
run stance-missing 4 kam-stance import "$T/nope.csv"
expect_err stance-missing "kam-stance: cannot open '$T/nope.csv': No such file or directory"
unchanged missing

done_testing
