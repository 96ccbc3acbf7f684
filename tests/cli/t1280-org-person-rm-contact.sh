#!/bin/sh
# person rm counts the contacts our sellers have with the person
# (kam-org contact) with the other records that refer to them: a person
# whose only other record is a seller's contact is refused with the
# clear message (exit 5) that names them, not with the store's foreign
# key error, and the store is unchanged; on a team store too.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/ann --name Ann
  kam-org person add acme/bo --name Bo
  kam-org person add acme/cy --name Cy
  kam-org seller add sam --name Sam
  kam-org seller add tia --name Tia
  kam-org contact sam acme/ann --strength 2
  kam-org contact sam acme/bo --strength 1
  kam-org contact tia acme/bo --strength 3 --on 2026-02-01
  kam-org link acme/bo acme/cy --kind influences
} >/dev/null

snapshot
# The only other record is one contact.
run rm-ann 5 kam-org person rm acme/ann
expect_err rm-ann "kam-org: 'acme/ann' cannot be removed: other records refer to them (seller contacts: 1); record a departure with person leave instead"
# Each contact row counts (two sellers), beside the other records.
run rm-bo 5 kam-org person rm acme/bo
expect_err rm-bo "kam-org: 'acme/bo' cannot be removed: other records refer to them (links: 1, seller contacts: 2); record a departure with person leave instead"
unchanged rm-refused
expect_sql rm-kept "SELECT p.handle, count(c.id) FROM person p LEFT JOIN contact c ON c.person_id = p.id GROUP BY p.handle ORDER BY p.handle" "ann|1
bo|2
cy|0"

# A person without contacts or other records still goes.
kam-org person add acme/dee --name Dee >/dev/null
run rm-dee 0 kam-org person rm acme/dee
expect_sql rm-dee "SELECT count(*) FROM person WHERE handle = 'dee'" 0

done_testing
