#!/bin/sh
# The README's short tour runs as written: every command line in its
# indented block succeeds (kam-org check reports red flags: exit 1), in a
# fresh home folder, and leaves what the tour says it leaves.
. "$(dirname "$0")/lib.sh"

HOME="$T/home"
mkdir -p "$HOME"
export HOME
unset KAM_DB

# The first command of "Try it" (install, build, run the example) works
# as root in a fresh container, which has no sudo, and as a user with
# sudo.  apt-get, localedef, sudo, id, make and the build scripts are
# stand-ins that record how they were called.
awk '/^## Try it/ { on = 1; next }
     /^## / { on = 0 }
     on && /^    [^ ]/ { sub(/^    /, ""); print; exit }' \
  "$KAM_SRCDIR/README.md" >"$T/setup.sh"
[ -s "$T/setup.sh" ] || fail "no set-up command found in README.md"
setup_run() { # NAME UID WITH-SUDO
  d="$T/setup-$1"
  mkdir -p "$d/bin" "$d/src/examples"
  for f in apt-get localedef make; do
    printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\n' "$f" "$d" >"$d/bin/$f"
  done
  printf '#!/bin/sh\n[ "$1" = -u ] && echo %s\n' "$2" >"$d/bin/id"
  if [ "$3" = yes ]; then
    printf '#!/bin/sh\necho "sudo $*" >>"%s/calls"\nexec "$@"\n' "$d" \
      >"$d/bin/sudo"
  fi
  for f in autogen.sh configure; do
    printf '#!/bin/sh\necho "./%s" >>"%s/calls"\n' "$f" "$d" >"$d/src/$f"
  done
  printf 'echo "sh examples/hospital.sh $*" >>"%s/calls"\n' "$d" \
    >"$d/src/examples/hospital.sh"
  chmod +x "$d/bin/"* "$d/src/autogen.sh" "$d/src/configure"
  ln -s "$(command -v sh)" "$d/bin/sh"
  count=$((count + 1))
  (cd "$d/src" && PATH="$d/bin" /bin/sh -c "$(cat "$T/setup.sh")") \
    >"$d/out" 2>&1
  got=$?
  if [ "$got" != 0 ]; then
    fail "README set-up command, $1: exit $got"
    sed 's/^/  output: /' "$d/out" >&2
  fi
}
setup_run root 0 no
setup_run user 1000 yes
pkgs=$(sed -n 's/.*apt-get install -y \([^&]*[^ &]\) *&&.*/\1/p' "$T/setup.sh")
[ -n "$pkgs" ] || fail "README set-up command: no package list"
printf '%s\n' "apt-get update" "apt-get install -y $pkgs" \
  "localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" \
  "localedef -i de_DE -f UTF-8 de_DE.UTF-8" ./autogen.sh \
  ./configure "make -j2" "sh examples/hospital.sh example-out" \
  >"$T/setup-root.want"
# As a user, sudo runs each apt-get and localedef.
sed '1,4{s/^/sudo /;p;s/^sudo //;}' "$T/setup-root.want" >"$T/setup-user.want"
for who in root user; do
  count=$((count + 1))
  diff -u "$T/setup-$who.want" "$T/setup-$who/calls" >&2 ||
    fail "README set-up command as $who: unexpected calls"
done
# Every package it installs is installed by CI too.
for p in $pkgs; do
  count=$((count + 1))
  grep -q "[[:space:]]$p\([[:space:]]\|\$\)" "$KAM_SRCDIR/.ci/run" ||
    fail "README set-up installs $p, .ci/run does not"
done

awk '/^## A short tour/ { on = 1; next }
     /^## / { on = 0 }
     on && /^    [^ ]/ { sub(/^    /, ""); sub(/ +#.*$/, ""); print }' \
  "$KAM_SRCDIR/README.md" >"$T/tour.sh"
[ -s "$T/tour.sh" ] || fail "no tour found in README.md"

cd "$T" || exit 1
n=0
while IFS= read -r line; do
  n=$((n + 1))
  want=0
  case $line in
    "kam-org check "*) want=1 ;;
  esac
  count=$((count + 1))
  eval "$line" >"$T/line$n.out" 2>"$T/line$n.err"
  got=$?
  if [ "$got" != "$want" ]; then
    fail "README tour line $n: exit $got, expected $want: $line"
    sed 's/^/  stderr: /' "$T/line$n.err" >&2
  fi
done <"$T/tour.sh"

[ "$n" -ge 10 ] || fail "README tour: only $n command lines"
[ -s "$HOME/deals/kam.db" ] || fail "README tour: no store in ~/deals"
grep -q '^# ' memo.md || fail "README tour: memo.md is not a Markdown memo"
grep -q '<svg' his.svg || fail "README tour: his.svg is not SVG"
grep -q '李伟' his.svg || fail "README tour: his.svg lacks 李伟"

done_testing
