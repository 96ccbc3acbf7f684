# Sourced by the team store's tests after lib.sh, on a throwaway cluster
# (tests/pg/cluster.sh): the same commands run on a store file and on a
# team store must print the same and exit alike.
#
# team_stores NAME: LITE, a new store file, and PG, a team store in a
# schema NAME of its own, each made by kam-org init (the team store by
# the database's owner, whose role the commands then use: KAM_USER is
# its name), with the team store's test clock on where it has one.
OWNER=$KAM_TEST_PG_OWNER
PW=$KAM_TEST_PG_PASSWORD
# pgq SQL: runs SQL as the owner, one value per line.
pgq() { psql "$OWNER" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
# shown URL: as kam shows it, without the password.
shown() { printf '%s\n' "$1" | sed "s/:$PW@/@/"; }
team_stores() {
  LITE="$T/$1.db"
  pgq "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" 2>/dev/null
  PG=$(printf '%s?options=-csearch_path%%3D%s' "$OWNER" "$1")
  PG_SHOWN=$(shown "$PG")
  KAM_USER=${OWNER#postgresql://}
  KAM_USER=${KAM_USER%%:*}
  export KAM_USER
  KAM_DB=$LITE kam-org init >/dev/null || fail "team_stores: init $LITE"
  KAM_DB=$PG kam-org init >/dev/null || fail "team_stores: init $PG_SHOWN"
  pgq "DO \$\$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns
       WHERE table_schema = '$1' AND table_name = 'kam_store'
       AND column_name = 'test_clock') THEN
       UPDATE $1.kam_store SET test_clock = true; END IF; END \$\$"
  PGS=$1
}
# pgsql SQL: a query on the team store, as the owner.
pgsql() { psql "$PG" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

# both NAME STATUS COMMAND...: runs the command on each store (KAM_DB),
# keeping $T/NAME.lite.out/.err and $T/NAME.pg.out/.err; checks each
# status, and that the team store's outputs are the file's, each store
# named STORE.
both() {
  bname=$1 bwant=$2
  shift 2
  KAM_DB=$LITE run "$bname.lite" "$bwant" "$@"
  KAM_DB=$PG run "$bname.pg" "$bwant" "$@"
  for x in out err; do
    sed "s|$LITE|STORE|g" "$T/$bname.lite.$x" >"$T/$bname.lite.$x.n"
    sed "s|$PG_SHOWN|STORE|g" "$T/$bname.pg.$x" >"$T/$bname.pg.$x.n"
    count=$((count + 1))
    if ! cmp -s "$T/$bname.lite.$x.n" "$T/$bname.pg.$x.n"; then
      fail "$bname: the team store's std$x differs from the file's"
      diff -u "$T/$bname.lite.$x.n" "$T/$bname.pg.$x.n" | head -20 >&2
    fi
  done
}

# both_expect NAME FILE: the outputs of both NAME are expected/FILE.
both_expect() {
  count=$((count + 1))
  if ! cmp -s "$EXP/$2" "$T/$1.pg.out"; then
    fail "$1: output differs from expected/$2"
    diff -u "$EXP/$2" "$T/$1.pg.out" | head -20 >&2
  fi
}
