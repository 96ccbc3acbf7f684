#!/bin/sh
# The schemas' headers say the versions the code builds: schema.sql's
# first line names KAM_SCHEMA_VERSION (include/kam/store.h),
# schema-pg.sql's first line names KAM_TEAM_SCHEMA_VERSION, and the
# SQLite schema schema-pg.sql says it mirrors ("schema.sql, version N")
# is schema.sql's own version: a migration of one schema that leaves
# the other's header behind fails here, so the two are looked at
# together.  Copies with a drifted header are told apart.  No server
# needed.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "$(dirname "$0")/lib.sh"

LITE_SQL="$KAM_SRCDIR/src/lib/schema.sql"
PG_SQL="$KAM_SRCDIR/src/lib/schema-pg.sql"
STORE_H="$KAM_SRCDIR/include/kam/store.h"

# versions LITE PG HEADER: "lite LITE-HEADER code CODE pg PG-HEADER
# team CODE mirrors N", each number read from its file.
versions() {
  lite=$(sed -n '1s/^-- kam store schema, version \([0-9][0-9]*\):.*/\1/p' "$1")
  pg=$(sed -n '1s/^-- kam team store schema (PostgreSQL), version \([0-9][0-9]*\):.*/\1/p' "$2")
  mirrors=$(sed -n '1,12p' "$2" | tr '\n' ' ' |
    sed -n 's/.*(schema\.sql, *\(-- *\)*version \([0-9][0-9]*\)).*/\2/p')
  code=$(sed -n 's/^#define KAM_SCHEMA_VERSION \([0-9][0-9]*\)$/\1/p' "$3")
  team=$(sed -n 's/^#define KAM_TEAM_SCHEMA_VERSION \([0-9][0-9]*\)$/\1/p' "$3")
  echo "lite ${lite:-?} code ${code:-?} pg ${pg:-?} team ${team:-?} mirrors ${mirrors:-?}"
}
# agree NAME LINE: the versions of LINE agree, and none is missing.
agree() {
  count=$((count + 1))
  set -- $2
  [ "$2" != "?" ] && [ "$2" = "$4" ] && [ "$6" != "?" ] && [ "$6" = "$8" ] &&
    [ "${10}" = "$2" ]
}

got=$(versions "$LITE_SQL" "$PG_SQL" "$STORE_H")
agree headers "$got" || fail "headers: the schemas' versions disagree: $got"

# Each drift is told apart: schema-pg.sql mirroring an older schema.sql,
# a schema.sql whose header is behind the code, a team store header
# behind KAM_TEAM_SCHEMA_VERSION.
sed '1,12s/(schema\.sql, version [0-9]*)/(schema.sql, version 11)/' "$PG_SQL" >"$T/old-mirror.sql"
sed '1s/version [0-9]*:/version 1:/' "$LITE_SQL" >"$T/old-lite.sql"
sed '1s/version [0-9]*:/version 1:/' "$PG_SQL" >"$T/old-pg.sql"
for c in "old-mirror $LITE_SQL $T/old-mirror.sql" "old-lite $T/old-lite.sql $PG_SQL" \
  "old-pg $LITE_SQL $T/old-pg.sql"; do
  set -- $c
  cmp -s "$2" "$LITE_SQL" && cmp -s "$3" "$PG_SQL" &&
    fail "$1: the drifted copy is the same as the schema"
  got=$(versions "$2" "$3" "$STORE_H")
  agree "$1" "$got" && fail "$1: a drifted header is not caught: $got"
done

done_testing
