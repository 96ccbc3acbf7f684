# Runs a Check suite for the test harness: its output goes to the log as
# usual, and its summary line ("100%: Checks: N, Failures: 0, Errors: 0")
# also to the terminal (file descriptor 9), so that make check shows it.
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks: ' 2>/dev/null >&9 || :
exit $rc
