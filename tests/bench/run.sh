#!/bin/sh
# make bench: runs each area's benchmark and writes docs/performance.md.
# Usage: run.sh BUILDDIR SRCDIR
# Each tests/bench/<area>.sh is called as "<area>.sh BUILDDIR SRCDIR WORK"
# and prints a Markdown section with its figures and the baselines it
# measured in the same run.  With BENCH set to some of the areas
# ("make bench BENCH='stance gate'"), only those run, and the sections
# of the others are kept as docs/performance.md has them (each section
# follows a "<!-- bench: AREA -->" line).
set -u
build=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
out="$src/docs/performance.md"
tmp="$work/performance.md"
{
  echo "# Performance"
  echo
  echo "Written by \`make bench\` (tests/bench/run.sh); do not edit by hand."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo),"
  echo "$(uname -sr), SQLite $(pkg-config --modversion sqlite3 2>/dev/null || echo '?'),"
  echo "Graphviz $(pkg-config --modversion libgvc 2>/dev/null || echo '?'); run on $(date -u +%Y-%m-%d)."
  echo "Times are wall-clock, best of several runs, whole processes."
  echo
} >"$tmp"
status=0
for area in org stance gate map influence large team; do
  script="$src/tests/bench/$area.sh"
  [ -f "$script" ] || continue
  echo "<!-- bench: $area -->" >>"$tmp"
  case " ${BENCH:-$area} " in
  *" $area "*) ;;
  *)
    # Not run this time: the section as it stands, up to the next one.
    awk -v a="<!-- bench: $area -->" '
      $0 == a { on = 1; next }
      on && /^<!-- bench: / { exit }
      on { print }' "$out" >>"$tmp"
    continue
    ;;
  esac
  mkdir -p "$work/$area"
  echo "bench: $area" >&2
  if ! sh "$script" "$build" "$src" "$work/$area" >>"$tmp"; then
    echo "bench: $area failed" >&2
    status=1
  fi
  echo >>"$tmp"
done
echo "<!-- bench: notes -->" >>"$tmp"
cat "$src/tests/bench/notes.md" >>"$tmp"
cp "$tmp" "$out"
cat "$out"
exit $status
