#!/bin/sh
# kam-org's messages that name what is wrong: a missing operand is named
# (seller add, contact, like every verb), an account cannot be its own
# parent (account add and account set), and seller add and competitor
# add read their handle and name alike; each fault refused with nothing
# changed.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
kam-org account add beta --name Beta
kam-org person add acme/chen --name Chen
snapshot

run seller-none 2 kam-org seller add --name Ana
expect_err seller-none "kam-org: missing HANDLE
usage: kam-org seller add HANDLE --name NAME"
run seller-two 2 kam-org seller add ana bob --name Ana
expect_err seller-two "kam-org: unexpected 'bob'
usage: kam-org seller add HANDLE --name NAME"
run competitor-none 2 kam-org competitor add --name Rival
expect_err competitor-none "kam-org: missing HANDLE
usage: kam-org competitor add HANDLE --name NAME"
run contact-none 2 kam-org contact --strength 2
head -1 "$T/contact-none.err" >"$T/c1" && mv "$T/c1" "$T/contact-none.err"
expect_err contact-none "kam-org: missing SELLER"
run contact-one 2 kam-org contact ana --strength 2
head -1 "$T/contact-one.err" >"$T/c1" && mv "$T/c1" "$T/contact-one.err"
expect_err contact-one "kam-org: missing PERSON"
run link-one 2 kam-org link acme/chen --kind advises
head -1 "$T/link-one.err" >"$T/c1" && mv "$T/c1" "$T/link-one.err"
expect_err link-one "kam-org: missing TO"
unchanged operands

# An account is not its own parent, whether it is being added or changed,
# and however its handle is written (NFC).
run self-set 5 kam-org account set acme --parent acme
expect_err self-set "kam-org: account 'acme' cannot be its own parent"
run self-add 5 kam-org account add gamma --name Gamma --parent gamma
expect_err self-add "kam-org: account 'gamma' cannot be its own parent"
caf1=$(printf 'cafe\314\201')  # e + combining acute
caf2=$(printf 'caf\303\251')   # precomposed
run self-nfc 5 kam-org account add "$caf1" --name Cafe --parent "$caf2"
expect_err self-nfc "kam-org: account '$caf1' cannot be its own parent"
unchanged self
# Below itself is refused as before; another account is a parent.
run ok-parent 0 kam-org account set beta --parent acme
expect_sql ok-parent "SELECT p.handle FROM account a JOIN account p ON p.id = a.parent_id WHERE a.handle = 'beta'" acme
snapshot
run cycle 5 kam-org account set acme --parent beta
expect_err cycle "kam-org: account 'acme' cannot be a subsidiary of 'beta', which is in its own group below it"
unchanged cycle
run ok-seller 0 kam-org seller add ana --name Ana
expect_sql ok-seller "SELECT handle, name FROM seller" "ana|Ana"
# A seller's handle is read as a competitor's or an account's: in NFC,
# and a bad one is named as a seller's.
run nfc-seller 0 kam-org seller add "$caf1" --name Cafe
expect_sql nfc-seller "SELECT count(*) FROM seller WHERE handle = '$caf2'" 1
snapshot
run bad-seller 3 kam-org seller add "a b" --name X
expect_err bad-seller "kam-org: invalid seller handle 'a b' (use letters, digits, '.', '_' and '-')"
run bad-competitor 3 kam-org competitor add "a b" --name X
expect_err bad-competitor "kam-org: invalid competitor handle 'a b' (use letters, digits, '.', '_' and '-')"
run tab-seller 3 kam-org seller add bob --name "$(printf 'B\tob')"
expect_err tab-seller "kam-org: --name contains control character U+0009 (a tab)"
unchanged bad-handles

done_testing
