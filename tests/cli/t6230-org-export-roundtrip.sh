#!/bin/sh
# kam-org export, imported into an empty store, exports the same bytes:
# people added out of handle order, with every column set, links made
# out of order, roles of several deals.  People come out in handle order,
# links in the order they were made, roles by deal, role and person.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

A=$T/a.db
{
  kam-org -d "$A" init &&
  kam-org -d "$A" account add acme --name ACME &&
  kam-org -d "$A" account add other --name Other &&
  kam-org -d "$A" -a other person add aaa --name 'In another account' &&
  kam-org -d "$A" -a acme person add zed --name 'Zed, the "boss"' \
    --title 'CEO' --dept 'Board' --level 1 &&
  kam-org -d "$A" -a acme person add mia --name 'Mia' --title 'CTO' \
    --level 2 --reports-to zed &&
  kam-org -d "$A" -a acme person add bob --name 'Bob' --reports-to mia \
    --dotted-to zed --dotted-to mia --level 3 &&
  kam-org -d "$A" -a acme person add li --name 李伟 --title '信息科, 主任' \
    --reports-to zed &&
  kam-org -d "$A" -a acme person add amy --placeholder --title 'Buyer' &&
  kam-org -d "$A" -a acme person add cat --name 'Cat' --reports-to bob &&
  kam-org -d "$A" -a acme person leave cat --on 2026-02-01 &&
  kam-org -d "$A" -a acme link zed amy --kind advises --strength 3 &&
  kam-org -d "$A" -a acme link amy bob --kind allies &&
  kam-org -d "$A" -a acme link bob zed --kind rivals --strength 1 &&
  kam-org -d "$A" -a acme link li mia --kind influences &&
  kam-org -d "$A" -a acme deal add zz --name 'Later deal' &&
  kam-org -d "$A" -a acme deal add aa --name 'Earlier deal' &&
  kam-org -d "$A" -a acme role zz zed decision-maker --influence high &&
  kam-org -d "$A" -a acme role zz bob technical --lead &&
  kam-org -d "$A" -a acme role zz amy technical --influence low &&
  kam-org -d "$A" -a acme role aa li user &&
  kam-org -d "$A" -a acme role aa mia coach
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# export DB KIND: the account's export of KIND into $T/DB-KIND.csv
export_kind() {
  kam-org -d "$T/$1.db" export acme --kind "$2" >"$T/$1-$2.csv" ||
    fail "export of $2 from $1 failed"
}
# copy FROM TO: a new store with the account and deals, FROM's export
# imported into it.
copy() {
  kam-org -d "$T/$2.db" init >/dev/null &&
    kam-org -d "$T/$2.db" account add acme --name ACME &&
    kam-org -d "$T/$2.db" -a acme deal add zz --name 'Later deal' &&
    kam-org -d "$T/$2.db" -a acme deal add aa --name 'Earlier deal' ||
    fail "setting up $2"
  for k in people links roles; do
    run "import-$2-$k" 0 kam-org -d "$T/$2.db" import acme "$T/$1-$k.csv"
  done
}

for k in people links roles; do export_kind a "$k"; done

# What the first export holds, in this order.
cat >"$T/people.want" <<'EOF'
handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on,ext_id
amy,Buyer,Buyer,,,,,yes,,
bob,Bob,,,3,mia,mia;zed,,,
cat,Cat,,,,bob,,,2026-02-01,
li,李伟,"信息科, 主任",,,zed,,,,
mia,Mia,CTO,,2,zed,,,,
zed,"Zed, the ""boss""",CEO,Board,1,,,,,
EOF
cat >"$T/links.want" <<'EOF'
from,to,kind,strength
zed,amy,advises,3
amy,bob,allies,2
bob,zed,rivals,1
li,mia,influences,2
EOF
cat >"$T/roles.want" <<'EOF'
deal,person,role,influence,lead,primary
aa,li,user,medium,,
aa,mia,coach,medium,,
zz,zed,decision-maker,high,,
zz,amy,technical,low,,
zz,bob,technical,medium,yes,
EOF
for k in people links roles; do
  count=$((count + 1))
  diff -u "$T/$k.want" "$T/a-$k.csv" >&2 || fail "first export of $k"
done

# Two generations of copies export the same bytes.
copy a b
for k in people links roles; do export_kind b "$k"; done
copy b c
for k in people links roles; do export_kind c "$k"; done
for k in people links roles; do
  count=$((count + 1))
  cmp "$T/a-$k.csv" "$T/b-$k.csv" >&2 || fail "round trip of $k: a and b differ"
  count=$((count + 1))
  cmp "$T/b-$k.csv" "$T/c-$k.csv" >&2 || fail "round trip of $k: b and c differ"
done

# A file in any row order imports to the same store contents as far as
# the export can tell: rows reversed, manager after report.
{ head -1 "$T/a-people.csv"; sed 1d "$T/a-people.csv" | awk '
    { r[++n] = $0 }
    END { for (i = n; i > 0; i--) print r[i] }'; } >"$T/rev-people.csv"
count=$((count + 1))
cmp -s "$T/rev-people.csv" "$T/a-people.csv" && fail "the reversed file is not reversed"
cp "$T/a-links.csv" "$T/rev-links.csv"
cp "$T/a-roles.csv" "$T/rev-roles.csv"
copy rev d
for k in people links roles; do export_kind d "$k"; done
for k in people links roles; do
  count=$((count + 1))
  cmp "$T/a-$k.csv" "$T/d-$k.csv" >&2 || fail "reversed $k: export differs"
done

done_testing
