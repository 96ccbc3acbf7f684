# Sourced by the benchmarks that time whole commands (stance.sh,
# team.sh), after setting $work, their working folder.

# now_ms: a monotonic-enough clock in milliseconds.
now_ms() { date +%s%3N; }

# best N SETUP CMD...: runs SETUP (a function, untimed; ':' for none)
# then CMD, N times.  Writes the fastest wall time in ms to $work/best
# and sets $cpu to the user + system time of that run in ms ('?' without
# /usr/bin/time): when the machine is busy, the CPU time says what the
# command itself cost.  Its status is 1 if a run failed (the run's
# messages on stderr, "fail" in $work/best).
best() {
  n=$1 setup=$2
  shift 2
  b= cpu='?'
  while [ "$n" -gt 0 ]; do
    $setup
    t0=$(now_ms)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>"$work/err"
    else
      "$@" >/dev/null 2>"$work/err"
    fi || { cat "$work/err" >&2; echo fail >"$work/best"; return 1; }
    t=$(($(now_ms) - t0))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then
      b=$t
      [ -x /usr/bin/time ] &&
        cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu" | tail -n 1)
    fi
    n=$((n - 1))
  done
  echo "$b" >"$work/best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
# verdict VALUE LIMIT: is VALUE under LIMIT (a target written < LIMIT)?
verdict() { awk -v r="$1" -v lim="$2" 'BEGIN { print (r + 0 < lim + 0) ? "yes" : "**no**" }'; }
# verdict_at_most VALUE LIMIT: is VALUE at most LIMIT (a target ≤ LIMIT)?
verdict_at_most() { awk -v r="$1" -v lim="$2" 'BEGIN { print (r + 0 <= lim + 0) ? "yes" : "**no**" }'; }
