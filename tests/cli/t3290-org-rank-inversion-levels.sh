#!/bin/sh
# A rank inversion is a line, solid or dotted, to a manager of a lower
# rank (a greater level number); a line between equal levels is none.
# Each kind of line at equal levels and one level either side.
. "$(dirname "$0")/lib.sh"

export KAM_ACCOUNT=acme
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add mgr --name Mgr --level 3
  kam-org person add peer --name Peer --level 3
  kam-org person add p --name P --level 3
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

# inv NAME: the rank-inversion rows of kam-org check (exit 0 when none).
inv() {
  kam-org check acme >"$T/$1.out" 2>"$T/$1.err"
  grep '^rank-inversion' "$T/$1.out"
}
check() {
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}

# Solid line.
kam-org person set p --reports-to mgr >/dev/null
check solid-equal "$(inv solid-equal)" ""
kam-org person set mgr --level 4 >/dev/null
check solid-below "$(inv solid-below)" \
  "rank-inversion	acme/p	'acme/p' (level 3) reports to 'acme/mgr' (level 4), of a lower rank"
kam-org person set mgr --level 2 >/dev/null
check solid-above "$(inv solid-above)" ""

# Dotted line, the solid one to a manager above.
kam-org person set p --dotted-to peer >/dev/null
check dotted-equal "$(inv dotted-equal)" ""
kam-org person set peer --level 4 >/dev/null
check dotted-below "$(inv dotted-below)" \
  "rank-inversion	acme/p	'acme/p' (level 3) has a dotted line to 'acme/peer' (level 4), of a lower rank"
kam-org person set peer --level 2 >/dev/null
check dotted-above "$(inv dotted-above)" ""

done_testing
