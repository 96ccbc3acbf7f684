#!/bin/sh
# kam-map -o FILE (and kam-stance timeline -o): a symbolic link is written through to its target and
# stays a link (a relative target is relative to the link's folder, a
# dangling link creates its target); an existing file keeps its
# permissions; a new file gets what the umask allows; a link loop is an
# output error that writes nothing.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name ACME &&
  kam-org person add acme/li --name 'Li Wei' --level 1
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

umask 022
kam-map -T dot acme >"$T/want.dot" || fail "kam-map to stdout"

# mode FILE: its permission bits in octal.
mode() { stat -c %a "$1"; }
# is_link NAME PATH TARGET: PATH is still a link to TARGET.
is_link() {
  count=$((count + 1))
  if [ ! -L "$2" ] || [ "$(readlink "$2")" != "$3" ]; then
    fail "$1: $2 is no longer a link to $3"
  fi
}
# same NAME FILE: FILE holds the map.
same() {
  count=$((count + 1))
  cmp -s "$T/want.dot" "$2" || fail "$1: $2 does not hold the map"
}
# has_mode NAME FILE MODE
has_mode() {
  count=$((count + 1))
  [ "$(mode "$2")" = "$3" ] || fail "$1: $2 has mode $(mode "$2"), not $3"
}

mkdir "$T/maps" "$T/links"

# A link to an existing file, with a relative target in another folder.
printf 'old\n' >"$T/maps/a.dot"
chmod 640 "$T/maps/a.dot"
ln -s ../maps/a.dot "$T/links/a.dot"
run link 0 kam-map -o "$T/links/a.dot" acme
is_link link "$T/links/a.dot" ../maps/a.dot
same link "$T/maps/a.dot"
has_mode link "$T/maps/a.dot" 640

# A link to a link to a file, absolute targets.
printf 'old\n' >"$T/maps/b.dot"
chmod 600 "$T/maps/b.dot"
ln -s "$T/maps/b.dot" "$T/links/b1.dot"
ln -s "$T/links/b1.dot" "$T/links/b2.dot"
run chain 0 kam-map -T dot -o "$T/links/b2.dot" acme
is_link chain "$T/links/b2.dot" "$T/links/b1.dot"
is_link chain "$T/links/b1.dot" "$T/maps/b.dot"
same chain "$T/maps/b.dot"
has_mode chain "$T/maps/b.dot" 600

# A dangling link: its target is created, the link kept.
ln -s ../maps/c.dot "$T/links/c.dot"
run dangling 0 kam-map -o "$T/links/c.dot" acme
is_link dangling "$T/links/c.dot" ../maps/c.dot
same dangling "$T/maps/c.dot"
has_mode dangling "$T/maps/c.dot" 644

# A plain existing file keeps its mode, also an unusual one.
for m in 600 640 664 755 444; do
  printf 'old\n' >"$T/maps/m$m.dot"
  chmod "$m" "$T/maps/m$m.dot"
  run "mode-$m" 0 kam-map -o "$T/maps/m$m.dot" acme
  same "mode-$m" "$T/maps/m$m.dot"
  has_mode "mode-$m" "$T/maps/m$m.dot" "$m"
done

# A new file follows the umask.
for u in 022 077 002; do
  (umask "$u" && kam-map -o "$T/maps/u$u.dot" acme) ||
    fail "umask $u: kam-map failed"
  same "umask-$u" "$T/maps/u$u.dot"
done
has_mode umask-022 "$T/maps/u022.dot" 644
has_mode umask-077 "$T/maps/u077.dot" 600
has_mode umask-002 "$T/maps/u002.dot" 664

# SVG through a link, too.
printf 'old\n' >"$T/maps/d.svg"
chmod 604 "$T/maps/d.svg"
ln -s ../maps/d.svg "$T/links/d.svg"
run svg 0 kam-map -o "$T/links/d.svg" acme
is_link svg "$T/links/d.svg" ../maps/d.svg
count=$((count + 1))
grep -q '<svg' "$T/maps/d.svg" || fail "svg: the target is not SVG"
has_mode svg "$T/maps/d.svg" 604

# kam-stance timeline -o writes its picture the same way.
kam-stance set acme/li support --on 2026-01-05 >/dev/null ||
  fail "kam-stance set"
kam-stance timeline -T dot acme --from 2026-01-01 --to 2026-03-01 \
  >"$T/want-tl.dot" || fail "kam-stance timeline to stdout"
printf 'old\n' >"$T/maps/tl.dot"
chmod 640 "$T/maps/tl.dot"
ln -s ../maps/tl.dot "$T/links/tl.dot"
run timeline 0 kam-stance timeline -o "$T/links/tl.dot" acme --from 2026-01-01 \
  --to 2026-03-01
is_link timeline "$T/links/tl.dot" ../maps/tl.dot
count=$((count + 1))
cmp -s "$T/want-tl.dot" "$T/maps/tl.dot" ||
  fail "timeline: the target does not hold the picture"
has_mode timeline "$T/maps/tl.dot" 640

# A loop of links: nothing written, the links untouched.
ln -s loop2.dot "$T/links/loop1.dot"
ln -s loop1.dot "$T/links/loop2.dot"
ls -A "$T/links" >"$T/before"
run loop 10 kam-map -o "$T/links/loop1.dot" acme
expect_err loop "kam-map: cannot write '$T/links/loop1.dot': Too many levels of symbolic links"
ls -A "$T/links" >"$T/after"
count=$((count + 1))
cmp -s "$T/before" "$T/after" || fail "loop: the folder changed"
is_link loop "$T/links/loop1.dot" loop2.dot

done_testing
