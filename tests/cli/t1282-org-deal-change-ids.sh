#!/bin/sh
# The use cases that change a deal the frame resolved (kam-org deal set,
# close, reopen; deal-change.c) take its id (include/kam/deal.h): the
# reference is resolved once, by cli_subject, and deal-change.o calls no
# deal resolver (store_deal_id, store_deal_id_at, nm -u).  deal add
# names a deal that does not exist yet: its reference's account is
# resolved there, once (store_account_id).  A prototype taking the
# deal's reference, planted in a copy of deal.h, and an object compiled
# to resolve a deal are both named.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

command -v nm >/dev/null 2>&1 || {
  echo "nm not found"
  exit 77
}
: "${CC:=cc}"

# protos FILE: "FUNCTION FIRST-PARAMETER-AFTER-THE-STORE" for deal_set,
# deal_close and deal_reopen, read across lines.
protos() {
  tr '\n' ' ' <"$1" | sed 's/;/;\n/g' |
    sed -n 's/.*int \(deal_set\|deal_close\|deal_reopen\)(struct store \*, *\([^,)]*\)[,)].*/\1 \2/p' |
    sed 's/  */ /g'
}
printf '%s\n' 'deal_set int64_t deal' 'deal_close int64_t deal' \
  'deal_reopen int64_t deal' >"$T/want"
count=$((count + 1))
protos "$KAM_SRCDIR/include/kam/deal.h" >"$T/got"
cmp -s "$T/want" "$T/got" ||
  fail "deal.h: a deal use case does not take the deal's id: $(cat "$T/got")"
sed 's/^int deal_close(struct store \*, int64_t deal,/int deal_close(struct store *, const char *ref, const char *dflt_account,/' \
  "$KAM_SRCDIR/include/kam/deal.h" >"$T/deal.h"
count=$((count + 1))
protos "$T/deal.h" >"$T/got"
cmp -s "$T/want" "$T/got" && fail "deal.h: a planted reference is not told apart"

# resolves OBJECT: the deal resolvers the object calls.
resolves() {
  nm -u "$1" | awk '{print $2}' | grep -Ex 'store_deal_id(_at)?'
}
obj=$(ls "$KAM_BUILDDIR"/src/lib/*deal-change.o 2>/dev/null | head -n 1)
count=$((count + 1))
if [ -z "$obj" ]; then
  fail "deal-change.o not found in $KAM_BUILDDIR/src/lib"
elif got=$(resolves "$obj"); then
  fail "deal-change.o resolves a deal: $got"
fi
printf '%s\n' 'int store_deal_id(void *, const char *, const char *, long *);' \
  'int bad(void *st, long *id) { return store_deal_id(st, "a/b", 0, id); }' >"$T/bad.c"
count=$((count + 1))
if ! $CC -c -o "$T/bad.o" "$T/bad.c" 2>"$T/cc.err"; then
  fail "cannot compile the wrong object: $(cat "$T/cc.err")"
elif [ "$(resolves "$T/bad.o")" != store_deal_id ]; then
  fail "an object resolving a deal is not caught"
fi

# The verbs say what they said: a deal of -a's account, or named in
# full, changed once; an unknown one refused by the frame's message.
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org account add beta --name Beta
  kam-org deal add beta/big --name Big
  kam-org -a beta deal add small --name Small
} >/dev/null
run set 0 kam-org -a acme deal set beta/big --stage proposal --on 2026-03-01
run set-bare 0 kam-org -a beta deal set small --stage demo
run close 0 kam-org -a acme deal close beta/big --won --on 2026-03-02
run close-again 5 kam-org -a acme deal close beta/big --lost --on 2026-03-02
expect_err close-again "kam-org: deal 'beta/big' is already closed (won on 2026-03-02; reopen it first)"
run reopen 0 kam-org -a beta deal reopen big --on 2026-03-02
run reopen-again 5 kam-org -a beta deal reopen big
expect_err reopen-again "kam-org: deal 'beta/big' is open: nothing to reopen"
snapshot
run set-unknown 4 kam-org -a acme deal set big --stage x
expect_err set-unknown "kam-org: unknown deal 'acme/big'"
unchanged set-unknown
expect_sql history "SELECT d.handle, h.field, coalesce(h.old_value, '-'), coalesce(h.new_value, '-') FROM deal_history h JOIN deal d ON d.id = h.deal_id ORDER BY h.id" "big|stage|-|proposal
small|stage|-|demo
big|status|open|won
big|status|won|open"

done_testing
