# Sourced by tests/pg/suite.sh and tests/fuzz/run.sh: how many things to
# run at once.
# jobs_count NAME MAX: sets jobs to the value of the variable NAME where
# it is set (a whole number above 0, or the script stops with status 2,
# saying so), else to the number of processors, at most MAX.
jobs_count() {
  if eval "[ -n \"\${$1+set}\" ]"; then
    eval "jc_given=\$$1"
    jobs=$jc_given
    case $jobs in
    '' | *[!0-9]*) jobs=0 ;;
    esac
    if [ "$jobs" -eq 0 ]; then
      echo "${0##*/}: $1 must be a whole number above 0, not '$jc_given'" >&2
      exit 2
    fi
    return 0
  fi
  jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
  case $jobs in
  '' | *[!0-9]* | 0) jobs=1 ;;
  esac
  [ "$jobs" -le "$2" ] || jobs=$2
}
