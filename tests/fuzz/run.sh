#!/bin/sh
# make fuzz: runs each libFuzzer harness for a bounded time and fails on
# any finding.  Usage: run.sh SRCDIR SECONDS HARNESS...
# Each harness starts from its seed corpus, tests/fuzz/corpus/NAME of the
# source tree, read only; what it learns goes to tests/fuzz/corpus/NAME
# of the build folder, and a finding (a crash, a leak, a broken property,
# a timeout) to tests/fuzz/NAME-* there, named in the summary.  The
# harnesses' own messages (kam's errors on bad input) are not shown.
#
# The harnesses run side by side, as many at once as there are
# processors (FUZZ_JOBS sets the number, a whole number above 0), each
# for SECONDS; their summaries are printed in the order given.
set -u
src=$1 secs=$2
shift 2
. "$src/tests/jobs.sh"
jobs_count FUZZ_JOBS 64
status=0

# fuzz HARNESS: runs it, its output in its log; the status is its own.
fuzz() {
  "$1" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
    -max_len=4096 -close_fd_mask=1 -print_final_stats=1 \
    -artifact_prefix="${1%/*}/${1##*/}-" "${1%/*}/corpus/${1##*/}" \
    "$src/tests/fuzz/corpus/${1##*/}" >"${1%/*}/${1##*/}.log" 2>&1
}

# report HARNESS STATUS: its summary, or the finding.
report() {
  name=${1##*/}
  dir=${1%/*}
  if [ "$2" -ne 0 ]; then
    echo "fuzz: $name FOUND A PROBLEM (see $dir/$name.log):" >&2
    grep -E 'ERROR|property failed|Test unit written|SUMMARY' "$dir/$name.log" >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added):' "$dir/$name.log" |
      sed "s/^/fuzz: $name /"
  fi
}

while [ $# -gt 0 ]; do
  # A batch of at most $jobs harnesses, as HARNESS=PID words.
  batch='' n=0
  while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
    mkdir -p "${1%/*}/corpus/${1##*/}"
    echo "fuzz: ${1##*/} for ${secs}s"
    fuzz "$1" &
    batch="$batch $1=$!" n=$((n + 1))
    shift
  done
  for hp in $batch; do
    rc=0
    wait "${hp##*=}" || rc=$?
    report "${hp%=*}" "$rc"
  done
done
exit $status
