#!/bin/sh
# An auditor recomputes every hash of the chain without kam, from
# kam(7)'s description of the encodings, with the sqlite3 shell, bash's
# printf and sha256sum(1): the hashes kam stored are those.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"
sqlite_only "reads the SQLite file with the sqlite3 shell"
command -v bash >/dev/null 2>&1 || exit 77
command -v sha256sum >/dev/null 2>&1 || exit 77

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li-wei --name '李伟' >/dev/null
kam-org person add acme/zhang --name Zhang >/dev/null
kam-org competitor add rivalco --name RivalCo >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-stance set acme/li-wei support --on 2026-01-05 --note '午餐 lunch' --source minutes >/dev/null
kam-stance set acme/zhang oppose --toward rivalco --deal erp --on 2026-01-10 --note '' >/dev/null
printf 'person,stance,note\nacme/zhang,0,"two\nlines, ""quoted"""\nacme/li-wei,+,trailing newline\n' >"$T/obs.csv"
printf 'acme/zhang,-,"ends with a line break\n"\n' >>"$T/obs.csv"
kam-stance import "$T/obs.csv" >/dev/null
kam-stance retract 2 --why 'wrong person' >/dev/null
kam-stance correct 1 oppose --why '听错了' >/dev/null
run verify 0 kam-stance verify

cat >"$T/audit.bash" <<'AUDIT'
# audit.bash DB: prints "ID HASH" for every observation, recomputed.
db=$1
# bytes HEX: writes the bytes the hex digits stand for.
bytes() { printf "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
cols="id kind target_id person_id stance toward_id deal_id effective
  recorded actor note source why prev_hash hash_version"
q="SELECT id"
# (an empty value's hex is written '-', so that no field is empty)
for c in $cols; do
  q="$q, typeof($c), coalesce(nullif(hex(CAST($c AS BLOB)), ''), '-')"
done
sqlite3 -batch -noheader -separator ' ' "$db" \
  "$q FROM observation WHERE hash_version = 2 ORDER BY id" |
while read -r id rest; do
  set -- $rest
  {
    printf 'T11:observation'
    for c in $cols; do
      type=$1 hex=$2
      shift 2
      [ "$hex" = - ] && hex=""
      n=$((${#hex} / 2))
      case $type:$c in
        null:*) printf 'N0:' ;;
        integer:*) printf 'I%d:' $n; bytes "$hex" ;;
        text:note | text:source | text:why) printf 'D%d:' $n; bytes "$hex" ;;
        text:*) printf 'T%d:' $n; bytes "$hex" ;;
        blob:*) printf 'B%d:' $n; bytes "$hex" ;;
      esac
    done
  } | sha256sum | { read -r h _; echo "$id $h"; }
done
AUDIT
bash "$T/audit.bash" "$KAM_DB" >"$T/audit.out" 2>"$T/audit.err"
sql "SELECT id || ' ' || hash FROM observation ORDER BY id" >"$T/stored.out"
count=$((count + 1))
if ! diff -u "$T/stored.out" "$T/audit.out" >&2; then
  fail "audit: recomputed hashes differ from the stored ones"
  cat "$T/audit.err" >&2
fi
[ "$(wc -l <"$T/audit.out")" -eq 7 ] || fail "audit: $(wc -l <"$T/audit.out") rows"
# Each text beside the chain is the one its row's digest names.
"$SQLITE3" -batch -noheader -separator ' ' "$KAM_DB" "SELECT CASE t.field
  WHEN 'note' THEN o.note WHEN 'source' THEN o.source ELSE o.why END,
  coalesce(nullif(hex(t.text), ''), '-') FROM observation_text t
  JOIN observation o ON o.id = t.observation_id ORDER BY 1" >"$T/texts" ||
  fail "texts: sqlite3 failed"
count=$((count + 1))
n=0
while read -r digest hex; do
  [ "$hex" = - ] && hex=""
  # bash's printf writes \xHH escapes as bytes (dash's does not).
  got=$(bash -c 'printf "$(printf %s "$1" | sed "s/../\\\\x&/g")"' bytes "$hex" |
    sha256sum | cut -c1-64)
  [ "$got" = "$digest" ] || fail "texts: $digest names another text"
  n=$((n + 1))
done <"$T/texts"
[ "$n" -eq 8 ] || fail "texts: $n texts beside the chain, expected 8"
# The links: each prev_hash is the hash before it, 64 zeros first.
expect_sql links "SELECT count(*) FROM observation o WHERE o.prev_hash =
  coalesce((SELECT hash FROM observation p WHERE p.id < o.id ORDER BY p.id DESC LIMIT 1),
  printf('%064d', 0))" 7

# The worked example of kam(7), THE HASH CHAIN.
zero=$(printf '%064d' 0)
note=$(printf '%s' '午餐 lunch' | sha256sum | cut -c1-64)
h=$(printf '%s' "T11:observationI1:1T7:observeN0:I1:7T7:supportN0:I1:3\
T10:2026-01-05T20:2026-03-02T09:00:00ZT6:testerD64:${note}N0:N0:\
T64:${zero}I1:2" | sha256sum | cut -c1-64)
count=$((count + 1))
[ "$h" = 609907e75c96c62f845efa31d9bf9f7b2ecddd0c973cc760ba9a1a64301632e4 ] ||
  fail "worked example: $h"
grep -q 609907e75c96c62f845efa31d9bf9f7b2ecddd0c973cc760ba9a1a64301632e4 \
  "$KAM_SRCDIR/docs/kam.7" || fail "kam(7) does not show the worked example's hash"

done_testing
