#!/bin/sh
# kam-map: SVG, PNG and PDF rendered in-process, Chinese names included;
# -o replaces the file whole or not at all; a missing Graphviz plugin, an
# unwritable path and a full disk are errors that leave nothing behind.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

has() {
  count=$((count + 1))
  grep -qF -- "$2" "$T/$1.out" || fail "$1: no '$2'"
}

# files DIR LIST: the folder holds exactly these names.
files() {
  count=$((count + 1))
  got=$(cd "$1" && ls -A | tr '\n' ' ')
  [ "$got" = "$2" ] || fail "files in $1: '$got', expected '$2'"
}

# quiet NAME out|err: NAME wrote nothing there.
quiet() {
  count=$((count + 1))
  [ -s "$T/$1.$2" ] && fail "$1: std$2 is not empty: $(head -c 300 "$T/$1.$2")"
}

# magic NAME FILE BYTES: FILE begins with BYTES.
magic() {
  count=$((count + 1))
  [ "$(head -c ${#3} "$2")" = "$3" ] || fail "$1: $2 does not begin with $3"
}

{
  kam-org init &&
  kam-org account add acme --name 'ACME 公司' &&
  kam-org person add acme/wang --name 王总 --title 首席执行官 --level 1 &&
  kam-org person add acme/li --name 李伟 --title CTO --level 2 \
    --reports-to acme/wang &&
  kam-org person add acme/anna --name 'Anna Berg' --level 2 \
    --reports-to acme/wang &&
  kam-org link acme/anna acme/li --kind influences &&
  kam-stance set acme/li support --on 2026-02-01 &&
  kam-stance set acme/anna oppose --on 2026-02-01
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

run svg 0 kam-map -T svg acme
has svg '<svg'
has svg '>ACME 公司</text>'
has svg '✔ 李伟</text>'
has svg '首席执行官</text>'
has svg '✖ Anna Berg</text>'
has svg 'font-family="Noto Sans CJK SC"'
quiet svg err
if command -v xmllint >/dev/null 2>&1; then
  count=$((count + 1))
  xmllint --noout "$T/svg.out" 2>/dev/null || fail "svg: not well-formed"
fi

run font 0 kam-map -T svg --font 'Noto Serif CJK SC' acme
has font 'font-family="Noto Serif CJK SC"'

mkdir "$T/maps"
run png 0 kam-map -T png -o "$T/maps/acme.png" acme
quiet png out
quiet png err
magic png "$T/maps/acme.png" "$(printf '\211PNG')"
files "$T/maps" "acme.png "

run pdf 0 kam-map -T pdf -o "$T/maps/acme.pdf" acme
magic pdf "$T/maps/acme.pdf" "%PDF-"
files "$T/maps" "acme.pdf acme.png "
# Chinese in PDF: the CJK font is embedded for the names.
count=$((count + 1))
grep -aq 'NotoSansCJK' "$T/maps/acme.pdf" || fail "pdf: no CJK font embedded"

# Without -T, the extension of -o says the format; -T wins.
mkdir "$T/ext"
run ext-svg 0 kam-map -o "$T/ext/a.SVG" acme
magic ext-svg "$T/ext/a.SVG" "<?xml"
run ext-png 0 kam-map -o "$T/ext/a.png" acme
magic ext-png "$T/ext/a.png" "$(printf '\211PNG')"
run ext-pdf 0 kam-map -o "$T/ext/a.pdf" acme
magic ext-pdf "$T/ext/a.pdf" "%PDF-"
run ext-dot 0 kam-map -o "$T/ext/a.gv" acme
magic ext-dot "$T/ext/a.gv" "digraph acme {"
run ext-T 0 kam-map -T dot -o "$T/ext/b.svg" acme
magic ext-T "$T/ext/b.svg" "digraph acme {"
files "$T/ext" "a.SVG a.gv a.pdf a.png b.svg "

run pdf-stdout 0 kam-map -T pdf acme
magic pdf-stdout "$T/pdf-stdout.out" "%PDF-"

# -o over an existing file replaces it whole; DOT to a file is the same
# bytes as DOT to stdout.
echo old >"$T/maps/acme.dot"
run dot-file 0 kam-map -o "$T/maps/acme.dot" acme
run dot-stdout 0 kam-map acme
count=$((count + 1))
cmp -s "$T/maps/acme.dot" "$T/dot-stdout.out" || fail "dot-file: differs"
files "$T/maps" "acme.dot acme.pdf acme.png "

run no-folder 10 kam-map -T svg -o "$T/none/acme.svg" acme
expect_err no-folder "kam-map: cannot write '$T/none/acme.svg': No such file or directory"
count=$((count + 1))
[ -e "$T/none" ] && fail "no-folder: created something"

if [ "$(id -u)" != 0 ]; then
  mkdir "$T/ro" && chmod 555 "$T/ro"
  run read-only 10 kam-map -o "$T/ro/acme.dot" acme
  expect_err read-only "kam-map: cannot write '$T/ro/acme.dot': Permission denied"
  files "$T/ro" ""
fi

# A full disk or a closed stdout is an error, not success.
if [ -w /dev/full ]; then
  run full-dot 10 sh -c 'kam-map acme >/dev/full'
  expect_err full-dot "kam-map: cannot write to standard output: No space left on device"
  run full-svg 10 sh -c 'kam-map -T svg acme >/dev/full'
  expect_err full-svg "kam-map: cannot write to standard output: No space left on device"
fi

# A device is written to as it is, never replaced.
if [ -w /dev/full ]; then
  run o-full 10 kam-map -T svg -o /dev/full acme
  expect_err o-full "kam-map: cannot write '/dev/full': No space left on device"
  count=$((count + 1))
  [ -c /dev/full ] || fail "o-full: /dev/full is no longer a device"
fi
run o-null 0 kam-map -T pdf -o /dev/null acme
quiet o-null out
count=$((count + 1))
[ -c /dev/null ] || fail "o-null: /dev/null is no longer a device"

# Graphviz without plugins: no layout at all, then layout but no PNG.
mkdir "$T/gv-none"
run no-layout 12 env GVBINDIR="$T/gv-none" kam-map -T svg -o "$T/maps/x.svg" acme
expect_err no-layout "kam-map: cannot lay out the map: the Graphviz 'dot' layout plugin is missing (check the Graphviz installation)"
files "$T/maps" "acme.dot acme.pdf acme.png "
run no-layout-dot 0 env GVBINDIR="$T/gv-none" kam-map acme
count=$((count + 1))
cmp -s "$T/no-layout-dot.out" "$T/dot-stdout.out" || fail "no-layout-dot: differs"

plugins=
for d in /usr/lib/x86_64-linux-gnu/graphviz /usr/lib/aarch64-linux-gnu/graphviz \
  /usr/lib64/graphviz /usr/lib/graphviz /usr/local/lib/graphviz; do
  if ls "$d"/libgvplugin_dot_layout.so.* >/dev/null 2>&1; then
    plugins=$d
    break
  fi
done
if [ -n "$plugins" ] && [ "$DOT" != no ]; then
  mkdir "$T/gv-core"
  for p in core dot_layout; do
    ln -s "$(ls "$plugins"/libgvplugin_$p.so.* | head -1)" "$T/gv-core/"
  done
  GVBINDIR="$T/gv-core" "$DOT" -c
  run no-png 12 env GVBINDIR="$T/gv-core" kam-map -T png -o "$T/maps/x.png" acme
  expect_err no-png "kam-map: cannot render 'png': Graphviz has no plugin for it (install the Graphviz cairo plugins)"
  files "$T/maps" "acme.dot acme.pdf acme.png "
  run no-png-stdout 12 env GVBINDIR="$T/gv-core" kam-map -T png acme
  quiet no-png-stdout out
fi

done_testing
