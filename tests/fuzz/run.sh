#!/bin/sh
# make fuzz: runs each libFuzzer harness for a bounded time and fails on
# any finding.  Usage: run.sh SRCDIR SECONDS HARNESS...
# Each harness starts from its seed corpus, tests/fuzz/corpus/NAME of the
# source tree, read only; what it learns goes to tests/fuzz/corpus/NAME
# of the build folder, and a finding (a crash, a leak, a broken property,
# a timeout) to tests/fuzz/NAME-* there, named in the summary.  The
# harnesses' own messages (kam's errors on bad input) are not shown.
set -u
src=$1 secs=$2
shift 2
status=0
for h in "$@"; do
  name=${h##*/}
  dir=${h%/*}
  work="$dir/corpus/$name"
  mkdir -p "$work"
  echo "fuzz: $name for ${secs}s"
  if ! "$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
    -max_len=4096 -close_fd_mask=1 -print_final_stats=1 \
    -artifact_prefix="$dir/$name-" "$work" "$src/tests/fuzz/corpus/$name" \
    >"$dir/$name.log" 2>&1; then
    echo "fuzz: $name FOUND A PROBLEM (see $dir/$name.log):" >&2
    grep -E 'ERROR|property failed|Test unit written|SUMMARY' "$dir/$name.log" >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added):' "$dir/$name.log" |
      sed "s/^/fuzz: $name /"
  fi
done
exit $status
