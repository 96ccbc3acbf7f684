#!/bin/sh
# The two schemas declare one store: schema.sql (SQLite) and
# schema-pg.sql (the team store) have the same tables, each with the
# same columns in the same order, and the same columns NOT NULL; the
# team store has two tables more, kam_store (what SQLite keeps in its
# header: application id, schema version) and observation_chain (the
# chain's links, which every team may read), and two columns more,
# last in observation: account_id and deal_account_id, the accounts
# of its person and deal, which its row-level security reads.  The columns read from
# schema.sql are those of a new SQLite store; a copy of schema-pg.sql
# with a column renamed, moved, dropped or added, or a table missing,
# is told apart.  No server needed.
. "$(dirname "$0")/lib.sh"

LITE_SQL="$KAM_SRCDIR/src/lib/schema.sql"
PG_SQL="$KAM_SRCDIR/src/lib/schema-pg.sql"
# columns FILE: "TABLE COL[!],COL[!],..." a line, sorted by table, from
# the CREATE TABLE statements (a column is a line of one tab and a
# lower-case name; ! marks NOT NULL).
columns() {
  awk '
/^CREATE TABLE / { t = $3; sub(/\(.*/, "", t); cols = ""; intable = 1; next }
intable && /^\)/ { print t, cols; intable = 0; next }
intable && /^\t[a-z_][a-z0-9_]*[ \t]/ {
	c = $0; sub(/^\t/, "", c); sub(/[ \t].*/, "", c)
	if ($0 ~ /NOT NULL/) c = c "!"
	cols = cols == "" ? c : cols "," c
}' "$1" | LC_ALL=C sort
}
# The team store's own tables, and its own columns at the end of a
# table of both.
pg_own='^(kam_store|observation_chain|stance_(span|month|built)) '
pg_cols=',account_id!,deal_account_id$'
# shared FILE: the tables of FILE other than its own, without its own
# columns (a table of the two without them is left as it is, and told
# apart).
shared() {
  columns "$1" | grep -Ev "$pg_own" |
    sed "/^observation /s/$pg_cols//"
}
# same NAME FILE: the tables of FILE other than its own are schema.sql's.
same() {
  count=$((count + 1))
  shared "$2" >"$T/$1.pg"
  if ! cmp -s "$T/lite" "$T/$1.pg"; then
    fail "$1: schema.sql and schema-pg.sql differ:"
    diff "$T/lite" "$T/$1.pg" >&2
  fi
}
# differs NAME FILE: a drifted copy is told apart.
differs() {
  count=$((count + 1))
  shared "$2" >"$T/$1.pg"
  cmp -s "$T/lite" "$T/$1.pg" && fail "$1: the drift is not seen"
}

columns "$LITE_SQL" >"$T/lite"
# The reading of schema.sql is a new store's columns, as SQLite has them.
count=$((count + 1))
KAM_DB="$T/lite.db" kam-org init >/dev/null || fail "init: failed"
"$SQLITE3" -batch -noheader "$T/lite.db" "
  SELECT m.name || ' ' || (SELECT group_concat(c, ',') FROM (SELECT
    p.name || CASE WHEN p.\"notnull\"
    THEN '!' ELSE '' END AS c FROM pragma_table_info(m.name) p
    ORDER BY p.cid))
  FROM sqlite_schema m WHERE m.type = 'table' ORDER BY m.name" |
  LC_ALL=C sort >"$T/lite-store"
cmp -s "$T/lite-store" "$T/lite" ||
  { fail "schema.sql: read otherwise than a new store has it"; diff "$T/lite-store" "$T/lite" >&2; }
count=$((count + 1))
[ "$(wc -l <"$T/lite")" -eq 20 ] || fail "schema.sql: $(wc -l <"$T/lite") tables, not 20"

same schema-pg "$PG_SQL"
# The team store's own five tables, as kam(7) describes them.
count=$((count + 1))
got=$(columns "$PG_SQL" | grep -E "$pg_own")
want="kam_store application_id!,schema_version!,test_clock!
observation_chain id,prev_hash!,hash!
stance_built account_id,upto!
stance_month account_id!,month!,person_id!,toward_id,effective!,recorded!,id!,stance,actor!
stance_span account_id!,person_id!,toward_id,effective!,recorded!,id!,stance,actor!"
[ "$got" = "$want" ] || fail "own tables: '$got', expected '$want'"
# ... and its own columns of observation, last: account_id NOT NULL
# (every observation has a person), deal_account_id NULL without a deal.
count=$((count + 1))
got=$(columns "$PG_SQL" | sed -n 's/^observation .*,\([^,]*,[^,]*\)$/\1/p')
[ "$got" = "account_id!,deal_account_id" ] ||
  fail "own columns: '$got', expected 'account_id!,deal_account_id'"

# Drift is seen: a column renamed, moved, dropped, added, its NOT NULL
# lost, a table missing.
sed 's/^\tindustry /\tsector   /' "$PG_SQL" >"$T/renamed.sql"
differs renamed "$T/renamed.sql"
awk '/^\tname     / && !done { held = $0; done = 1; next }
     held != "" && /^\tindustry / { print; print held; held = ""; next }
     { print }' "$PG_SQL" >"$T/moved.sql"
differs moved "$T/moved.sql"
sed '/^\tdept /d' "$PG_SQL" >"$T/dropped.sql"
differs dropped "$T/dropped.sql"
sed 's/^\tdept .*$/&\n\tfloor       text,/' "$PG_SQL" >"$T/added.sql"
differs added "$T/added.sql"
sed 's/^\(\tcreated .*\) NOT NULL/\1/' "$PG_SQL" >"$T/nullable.sql"
differs nullable "$T/nullable.sql"
sed 's/^CREATE TABLE seller (/CREATE TABLE sellers (/' "$PG_SQL" >"$T/missing.sql"
differs missing "$T/missing.sql"
# A column of observation added before the team store's own is not one
# of them.
sed 's/^\taccount_id .*$/\tplace           text,\n&/' "$PG_SQL" >"$T/added-last.sql"
differs added-last "$T/added-last.sql"
# ... and each drifted copy really was changed.
for f in renamed moved dropped added nullable missing added-last; do
  count=$((count + 1))
  cmp -s "$PG_SQL" "$T/$f.sql" && fail "$f: the copy is not changed"
done

done_testing
