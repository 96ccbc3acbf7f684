#!/bin/sh
# kam-org person erase rewrites a stored gate run's codes and snapshot
# where they name the person, and nowhere else: a name is replaced with
# the person's reference after it ("NAME (REF" in the English, a node
# of the codes followed by the reference), never inside other text.
# Erasing Anna leaves "Annabel Anna-Smith" whole; erasing a person
# named "need" leaves the criterion need, its question and its reasons;
# a name with a quote, a backslash and Chinese is erased whole and the
# JSON stays valid; the codes change only where the three were named.
# On a team store as on a file.
. "$(dirname "$0")/lib.sh"

{
  kam-org init
  kam-org account add acme --name Acme
  kam-org person add acme/anna --name Anna
  kam-org person add acme/annab --name "Annabel Anna-Smith"
  kam-org person add acme/ob --name 'O"Brien \ 王'
  kam-org person add acme/tx --name need
  kam-org deal add acme/big --name Big
  kam-org role acme/big anna decision-maker --lead --on 2025-01-01
  kam-org role acme/big annab technical --influence high --on 2025-01-01
  kam-org role acme/big ob finance --influence high --on 2025-01-01
  kam-org role acme/big tx coach --influence high --on 2025-01-01
  kam-stance set acme/anna support --deal big --on 2025-06-01
  kam-stance set acme/annab oppose --deal big --on 2025-06-01
  kam-stance set acme/ob oppose --on 2025-06-01
  kam-stance set acme/tx oppose --on 2025-06-01
  kam-gate run acme/big
} >/dev/null

# nodes FILE: the run's codes (a JSON array) in FILE, a node a line:
# "KIND|TEXT|UP".
nodes() {
  sqlite "SELECT json_extract(value, '\$.kind') || '|' ||
    coalesce(json_extract(value, '\$.text'), '') || '|' ||
    json_extract(value, '\$.up') FROM json_each(readfile('$1')) ORDER BY key"
}
sql "SELECT reasons FROM gate_run" >"$T/codes.before"
sql "SELECT snapshot FROM gate_run" >"$T/snap.before"
nodes "$T/codes.before" >"$T/nodes.before"
# Before: each is a key member, by name, the reference after.
for n in Anna 'Annabel Anna-Smith' 'O"Brien \ 王' need; do
  count=$((count + 1))
  grep -qxF "key|$n|15" "$T/nodes.before" || fail "before: no key member '$n'"
done
count=$((count + 1))
[ "$(grep -c '^text|need|' "$T/nodes.before")" = 2 ] ||
  fail "before: the criterion need is not twice in the codes"

run erase-anna 0 kam-org person erase acme/anna --reason 'asked to be forgotten'
expect_text erase-anna acme/erased-1
run erase-tx 0 kam-org person erase acme/tx --reason 'asked to be forgotten'
expect_text erase-tx acme/erased-4
run erase-ob 0 kam-org person erase acme/ob --reason 'asked to be forgotten'
expect_text erase-ob acme/erased-3

sql "SELECT reasons FROM gate_run" >"$T/codes.after"
sql "SELECT snapshot FROM gate_run" >"$T/snap.after"
for f in codes snap; do
  count=$((count + 1))
  [ "$(sqlite "SELECT json_valid(readfile('$T/$f.after'))")" = 1 ] ||
    fail "after: the $f is not JSON"
done
nodes "$T/codes.after" >"$T/nodes.after"

# The codes changed only where the three were named: each node as it
# was, the names and references of the erased made the tombstones'.
sed -e 's#^key|Anna|#key|erased-1|#; s#^text|Anna (acme/anna)|#text|erased-1 (acme/erased-1)|#' \
  -e 's#^key|need|#key|erased-4|#; s#^key|O"Brien \\ 王|#key|erased-3|#' \
  -e 's#^text|O"Brien \\ 王|#text|erased-3|#' \
  -e 's#^text|acme/anna|#text|acme/erased-1|#; s#^text|acme/tx|#text|acme/erased-4|#' \
  -e 's#^text|acme/ob|#text|acme/erased-3|#' "$T/nodes.before" >"$T/nodes.want"
count=$((count + 1))
if ! diff -u "$T/nodes.want" "$T/nodes.after" >&2; then
  fail "after: the codes changed beyond the erased names"
fi
count=$((count + 1))
cmp -s "$T/nodes.before" "$T/nodes.after" && fail "after: the codes did not change"

# Annabel is whole, and the criterion need with its question and
# reasons; the erased names are nowhere.
for s in 'Annabel Anna-Smith (acme/annab' "must-criterion 'need' is unknown" \
  "question 'need': Is there an explicit need, not a vague idea?" \
  '"key":"need"'; do
  count=$((count + 1))
  tr -d ' ' <"$T/snap.after" | grep -qF "$(printf '%s' "$s" | tr -d ' ')" ||
    fail "after: the snapshot lost '$s'"
done
count=$((count + 1))
grep -qxF 'key|Annabel Anna-Smith|15' "$T/nodes.after" || fail "after: Annabel is not whole in the codes"
count=$((count + 1))
[ "$(grep -c '^text|need|' "$T/nodes.after")" = 2 ] || fail "after: the criterion need is not in the codes"
for s in 'Anna (' 'acme/anna,' 'acme/anna)' 'need (' 'acme/tx' 'Brien' '王'; do
  count=$((count + 1))
  grep -qF "$s" "$T/snap.after" "$T/codes.after" && fail "after: '$s' is still in the run"
done
count=$((count + 1))
grep -qxF 'key|Anna|15' "$T/nodes.after" && fail "after: Anna is still a key member"

done_testing
