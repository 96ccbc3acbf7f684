#!/bin/sh
# KAM_NOW pins the clock; a value that is neither a date nor a
# timestamp is refused by every command with status 13 and a message,
# and nothing is changed, rather than the real clock standing in for it.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/li --name Li
kam-org deal add acme/erp --name ERP
kam-org role acme/erp acme/li decision-maker

use="(use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, a real day and time, or unset it)"
snapshot
i=0
for bad in garbage 2026-02-30 2026-13-01 2026-3-2 20260302 \
  2026-03-02T24:00:00Z 2026-03-02T09:60:00Z 2026-03-02T09:00 \
  '2026-03-02 09:00:00' ' 2026-03-02' 2026-03-02Z; do
  i=$((i + 1))
  for cmd in "kam-org account list" "kam-org account add beta --name Beta" \
    "kam-stance set acme/li support" "kam-stance log" "kam-stance timeline acme" \
    "kam-gate run acme/erp" "kam-gate answer acme/erp need yes" "kam-map acme"; do
    prog=${cmd%% *}
    # shellcheck disable=SC2086
    run "bad$i-$prog" 13 env KAM_NOW="$bad" $cmd
    expect_err "bad$i-$prog" "$prog: invalid KAM_NOW '$bad' $use"
  done
done
# A year outside 1 to 9999 gets the message of every date out of range.
for bad in 0000-12-31 10000-01-01 -0001-01-01 10000-01-01T00:00:00Z; do
  run "range-$bad" 13 env KAM_NOW="$bad" kam-stance set acme/li support
  expect_err "range-$bad" "kam-stance: date '$bad' for KAM_NOW is outside the dates kam keeps (0001-01-01 to 9999-12-31)"
done
unchanged bad

# Help and version do not read the clock.
run help 0 env KAM_NOW=garbage kam-org -h
run version 0 env KAM_NOW=garbage kam-stance -V

# A good value pins the clock: a date means the start of that day.
run date 0 env KAM_NOW=2026-03-02 kam-stance set acme/li support
expect_sql date "SELECT effective, recorded FROM observation WHERE id = 1" "2026-03-02|2026-03-02T00:00:00Z"
run stamp 0 env KAM_NOW=2026-03-03T10:11:12Z kam-stance set acme/li neutral
expect_sql stamp "SELECT effective, recorded FROM observation WHERE id = 2" "2026-03-03|2026-03-03T10:11:12Z"
run nozone 0 env KAM_NOW=2026-03-04T10:11:12 kam-stance set acme/li oppose
expect_sql nozone "SELECT effective, recorded FROM observation WHERE id = 3" "2026-03-04|2026-03-04T10:11:12Z"
# The ends of the range are good values.
run first 0 env KAM_NOW=0001-01-01 kam-org -F tsv account list
run last 0 env KAM_NOW=9999-12-31T23:59:59Z kam-stance set acme/li support
expect_sql last "SELECT effective, recorded FROM observation WHERE id = 4" "9999-12-31|9999-12-31T23:59:59Z"
# Empty is unset: the real clock.
before=$(date -u +%Y-%m-%d)
run empty 0 env KAM_NOW= kam-stance set acme/li support
after=$(date -u +%Y-%m-%d)
got=$(sql "SELECT substr(recorded, 1, 10) FROM observation WHERE id = 5")
count=$((count + 1))
[ "$got" = "$before" ] || [ "$got" = "$after" ] || fail "empty: recorded $got, today is $after"

done_testing
