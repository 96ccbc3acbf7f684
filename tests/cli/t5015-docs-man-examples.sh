#!/bin/sh
# The EXAMPLES of kam(1) and kam(7) run: each command shown after "$ "
# (continued on lines starting with "> ") exits 0, in one bash session
# per page, in a fresh home directory.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

command -v bash >/dev/null 2>&1 || exit 77

for page in kam.1 kam.7; do
  dir="$T/$page"
  mkdir -p "$dir/home"
  # One file per command, from the literal displays of EXAMPLES.
  awk -v dir="$dir" '
    /^\.Sh / { ex = ($0 ~ /^\.Sh EXAMPLES/); next }
    !ex { next }
    { line = $0; gsub(/\\e/, "\\", line); gsub(/\\&/, "", line) }
    line ~ /^\.Dl \$ / { sub(/^\.Dl \$ /, "", line); n++; print line > (dir "/cmd." n); next }
    line ~ /^\.Bd -literal/ { lit = 1; next }
    line ~ /^\.Ed/ { lit = 0; next }
    lit && line ~ /^\$ / { n++; print substr(line, 3) > (dir "/cmd." n); next }
    lit && line ~ /^> / { print substr(line, 3) > (dir "/cmd." n); next }
    END { print n + 0 > (dir "/count") }' "$KAM_SRCDIR/docs/$page"
  n=$(cat "$dir/count")
  count=$((count + n))
  if [ "$n" -eq 0 ]; then
    count=$((count + 1))
    fail "docs/$page: no example found"
    continue
  fi
  i=1
  : >"$dir/session.bash"
  while [ "$i" -le "$n" ]; do
    printf '. %s/cmd.%s >%s/out.%s 2>&1 </dev/null || echo %s\n' \
      "$dir" "$i" "$dir" "$i" "$i" >>"$dir/session.bash"
    i=$((i + 1))
  done
  (cd "$dir/home" && env -u KAM_DB HOME="$dir/home" \
    bash --noprofile --norc "$dir/session.bash") >"$dir/failed" 2>&1
  for i in $(cat "$dir/failed"); do
    fail "docs/$page: example '$(head -1 "$dir/cmd.$i")' failed:"
    cat "$dir/out.$i" >&2
  done
done

done_testing
