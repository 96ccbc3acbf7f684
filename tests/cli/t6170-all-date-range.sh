#!/bin/sh
# kam keeps the days of years 1 to 9999.  A date outside them is refused
# everywhere with one message (status 3, nothing changed), and the
# arithmetic of periods is right at both ends.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

KAM_NOW=9999-12-31T23:59:59Z
kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org person add acme/li --name Li
kam-org person add acme/wu --name Wu --reports-to acme/li
kam-org deal add acme/erp --name ERP
kam-org role acme/erp acme/li decision-maker
kam-stance set acme/li support --on 0001-01-01 >/dev/null
kam-stance set acme/li oppose --on 9999-11-15 >/dev/null

range="is outside the dates kam keeps (0001-01-01 to 9999-12-31)"
snapshot
# Every option that takes a date.
for d in 0000-12-31 10000-01-01 -0001-01-01 00000-01-01 99999-12-31 0000-01-01T00:00:00Z; do
  case $d in *T*) ;; *)
    for cmd in "kam-org person set acme/li --title CTO --on" \
      "kam-org person leave acme/wu --on" \
      "kam-org deal add acme/crm --name CRM --close" \
      "kam-org influence acme --as-of" \
      "kam-stance set acme/li support --on" \
      "kam-stance correct 1 neutral --why x --on" \
      "kam-stance show acme --as-of" \
      "kam-stance log --since" "kam-stance log --until" \
      "kam-stance changes acme --to 2026-01-01 --from" \
      "kam-stance changes acme --from 2026-01-01 --to" \
      "kam-stance timeline acme --from" "kam-stance timeline acme --to" \
      "kam-gate answer acme/erp need yes --on" \
      "kam-gate run acme/erp --as-of" "kam-gate report acme/erp --as-of" \
      "kam-map acme --as-of" "kam-map acme --since"; do
      prog=${cmd%% *}
      opt=${cmd##* }
      # shellcheck disable=SC2086
      run "range-$prog" 3 $cmd "$d"
      expect_err "range-$prog" "$prog: date '$d' for $opt $range"
    done
    ;;
  esac
  run "known-$d" 3 kam-stance show acme --known-at "$d"
  expect_err "known-$d" "kam-stance: date '$d' for --known-at $range"
done
# In imported files.
printf 'person,stance,on\nacme/li,support,2026-01-01\nacme/li,neutral,10000-01-01\n' >"$T/obs.csv"
run import-obs 3 kam-stance import "$T/obs.csv"
expect_err import-obs "kam-stance: $T/obs.csv:3: date '10000-01-01' $range"
printf 'handle,name,left_on\nzhao,Zhao,\nsun,Sun,0000-06-30\n' >"$T/people.csv"
run import-people 3 kam-org import acme "$T/people.csv"
expect_err import-people "kam-org: $T/people.csv:3: date '0000-06-30' $range"
unchanged range
# Dates of the wrong shape keep their own messages.
run malformed 3 kam-stance show acme --as-of 2026-1-1
expect_err malformed "kam-stance: malformed date '2026-1-1' for --as-of (use YYYY-MM-DD)"
run impossible 3 kam-stance show acme --as-of 2026-02-30
expect_err impossible "kam-stance: impossible date '2026-02-30' for --as-of"

# The last months and quarters.
run last-months 0 kam-stance -F tsv timeline acme --from 9999-11-01 --to 9999-12-31
expect_text last-months "person	name	period	as_of	stance
acme/li	Li	9999-11	9999-11-30	oppose
acme/li	Li	9999-12	9999-12-31	oppose
acme/wu	Wu	9999-11	9999-11-30	unknown
acme/wu	Wu	9999-12	9999-12-31	unknown"
run last-quarters 0 kam-stance -F tsv timeline acme --from 9999-06-15 --to 9999-12-31 --by quarter
expect_text last-quarters "person	name	period	as_of	stance
acme/li	Li	9999-Q2	9999-06-30	support
acme/li	Li	9999-Q3	9999-09-30	support
acme/li	Li	9999-Q4	9999-12-31	oppose
acme/wu	Wu	9999-Q2	9999-06-30	unknown
acme/wu	Wu	9999-Q3	9999-09-30	unknown
acme/wu	Wu	9999-Q4	9999-12-31	unknown"
# The default: the twelve months up to today.
run last-default 0 kam-stance -F tsv timeline acme/erp
expect_text last-default "person	name	period	as_of	stance
$(for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  case $m in 01|03|05|07|08|10|12) e=31 ;; 02) e=28 ;; *) e=30 ;; esac
  s=support
  [ $m -lt 11 ] || s=oppose
  printf 'acme/li\tLi\t9999-%s\t9999-%s-%s\t%s\n' $m $m $e $s
done)"
# The picture ends at the last day too, labelled.
run last-picture 0 timeout 60 kam-stance timeline acme --from 9999-11-01 --to 9999-12-31 -T dot
count=$((count + 2))
grep -q '>9999-11<' "$T/last-picture.out" || fail "last-picture: no 9999-11 label"
grep -q '>9999-12<' "$T/last-picture.out" || fail "last-picture: no 9999-12 label"
run last-show 0 kam-stance -F tsv show acme --as-of 9999-12-31
count=$((count + 1))
grep -q '^acme/li	Li	oppose	9999-11-15	' "$T/last-show.out" || fail "last-show: $(cat "$T/last-show.out")"

# The first months: the default never reaches before 0001-01.
run first-months 0 env KAM_NOW=0001-02-15 kam-stance -F tsv timeline acme/erp
expect_text first-months "person	name	period	as_of	stance
acme/li	Li	0001-01	0001-01-31	support
acme/li	Li	0001-02	0001-02-15	support"
run first-quarters 0 env KAM_NOW=0001-02-15 kam-stance -F tsv timeline acme/erp --by quarter
expect_text first-quarters "person	name	period	as_of	stance
acme/li	Li	0001-Q1	0001-02-15	support"
run first-picture 0 env KAM_NOW=0001-02-15 kam-stance timeline acme -T dot
count=$((count + 2))
grep -q '>0001-01<' "$T/first-picture.out" || fail "first-picture: no 0001-01 label"
! grep -q '>0000-' "$T/first-picture.out" || fail "first-picture: a year 0 label"
run first-show 0 kam-stance -F tsv show acme --as-of 0001-01-01
count=$((count + 1))
grep -q '^acme/li	Li	support	0001-01-01	' "$T/first-show.out" || fail "first-show: $(cat "$T/first-show.out")"
run first-map 0 kam-map acme --as-of 0001-01-01
run first-gate 0 kam-gate run acme/erp --as-of 0001-01-01 --dry-run

done_testing
