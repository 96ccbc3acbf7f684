#!/bin/sh
# What a user might give at cross purposes is refused, not settled by
# the order of the words: two options that set one value (--reports-to
# and --no-reports-to, --placeholder and --no-placeholder), and
# --dotted-to with --no-dotted, are a usage error (2) with nothing
# changed.  The same fault has the same exit status everywhere: a link of
# a person to themselves is a conflict (5) on the command line and in an
# import; a link kind outside the method's words or a strength out of
# range is bad data (3) in kam-map as in kam-org; a departure in the
# future is refused by an import as by person leave; an unknown deal is
# named as the file wrote it.  --deal ACCOUNT/DEAL names influence's
# account.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

export KAM_NOW=2026-06-30
{
  kam-org init
  kam-org account add acme --name Acme
  kam-org -a acme person add boss --name Boss --level 1
  kam-org -a acme person add li --name Li --level 2 --reports-to boss
  kam-org -a acme person add wu --name Wu --level 2
  kam-org -a acme deal add erp --name ERP
  kam-org -a acme role erp boss decision-maker --influence high
  kam-org -a acme link li boss --kind advises
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; fail setup; }

# first NAME: keeps the first line of NAME's message (the usage follows).
first() {
  head -1 "$T/$1.err" >"$T/$1.err1" && mv "$T/$1.err1" "$T/$1.err"
}
snapshot
run rt 2 kam-org -a acme person set wu --reports-to boss --no-reports-to
first rt
expect_err rt "kam-org: --no-reports-to and --reports-to exclude each other"
run rt-rev 2 kam-org -a acme person set wu --no-reports-to --reports-to boss
first rt-rev
expect_err rt-rev "kam-org: --no-reports-to and --reports-to exclude each other"
run ph 2 kam-org -a acme person set wu --placeholder --no-placeholder
first ph
expect_err ph "kam-org: --no-placeholder and --placeholder exclude each other"
run dotted 2 kam-org -a acme person set wu --dotted-to boss --no-dotted
first dotted
expect_err dotted "kam-org: --dotted-to and --no-dotted exclude each other"
run self-link 5 kam-org -a acme link boss boss --kind advises
expect_err self-link "kam-org: a link needs two people, not 'acme/boss' twice"
printf 'from,to,kind\nli,boss,influences\nboss,boss,advises\n' >"$T/self.csv"
run self-import 5 kam-org -a acme import "$T/self.csv"
expect_err self-import "kam-org: $T/self.csv:3: a link needs two people, not 'boss' twice"
printf 'handle,name,left_on\nfl,Future,2026-07-01\n' >"$T/future.csv"
run left-future 3 kam-org -a acme import "$T/future.csv"
expect_err left-future "kam-org: $T/future.csv:2: date '2026-07-01' is in the future (today is 2026-06-30)"
run leave-future 3 kam-org -a acme person leave wu --on 2026-07-01
expect_err leave-future "kam-org: date '2026-07-01' for --on is in the future (today is 2026-06-30)"
run link-strength 3 kam-org -a acme link wu boss --kind advises --strength 4
expect_err link-strength "kam-org: invalid strength '4' (1, 2 or 3)"
run map-kind 3 kam-map acme --links bogus -o "$T/m.dot"
expect_err map-kind "kam-map: unknown link kind 'bogus' in --links (use influences, advises, allies or rivals, separated by commas)"
run map-strength 3 kam-map acme --min-strength 4 -o "$T/m.dot"
expect_err map-strength "kam-map: invalid strength '4' for --min-strength (use 1, 2 or 3)"
printf 'person,stance,on,deal\nboss,support,2026-06-01,nodeal\n' >"$T/sdeal.csv"
run stance-deal 4 kam-stance -a acme import "$T/sdeal.csv"
expect_err stance-deal "kam-stance: $T/sdeal.csv:2: unknown deal 'nodeal'"
unchanged refused

# A yes-or-no column takes the method's 是 and 否 as every word column
# takes its Chinese words.
printf 'deal,person,role,influence,lead\nerp,li,technical,高,是\nerp,wu,business,低,否\n' >"$T/roles.csv"
run roles-zh 0 kam-org -a acme import "$T/roles.csv"
expect_sql roles-zh-li "SELECT r.lead FROM deal_role r JOIN person p ON p.id = r.person_id WHERE p.handle = 'li'" 1
expect_sql roles-zh-wu "SELECT r.lead FROM deal_role r JOIN person p ON p.id = r.person_id WHERE p.handle = 'wu'" 0

# One at a time, each still works; the day of departure may be today.
run rt-one 0 kam-org -a acme person set wu --reports-to boss
run rt-no 0 kam-org -a acme person set wu --no-reports-to
expect_sql rt-no "SELECT count(*) FROM person WHERE handle = 'wu' AND manager_id IS NOT NULL" 0
run dotted-one 0 kam-org -a acme person set wu --dotted-to boss
run dotted-no 0 kam-org -a acme person set wu --no-dotted
printf 'handle,name,left_on\nfl,Today,2026-06-30\n' >"$T/today.csv"
run left-today 0 kam-org -a acme import "$T/today.csv"
expect_sql left-today "SELECT left_on FROM person WHERE handle = 'fl'" 2026-06-30

# influence --deal ACCOUNT/DEAL needs no -a; the roles are the deal's,
# words of the method (without --deal, ACCOUNT/DEAL:ROLE).
run infl-a 0 kam-org -a acme -F tsv influence --deal erp
run infl-ref 0 env -u KAM_ACCOUNT kam-org -F tsv influence --deal acme/erp
cmp -s "$T/infl-a.out" "$T/infl-ref.out" || fail "infl-ref: differs from -a acme --deal erp"
count=$((count + 1))
grep '^acme/boss' "$T/infl-ref.out" | cut -f4 >"$T/infl-roles.out"
expect_text infl-roles "decision-maker"
run infl-all 0 env -u KAM_ACCOUNT kam-org -F tsv influence acme
grep '^acme/boss' "$T/infl-all.out" | cut -f4 >"$T/infl-roles-all.out"
expect_text infl-roles-all "acme/erp:decision-maker"
run infl-none 2 env -u KAM_ACCOUNT kam-org influence --deal erp
first infl-none
expect_err infl-none "kam-org: no account given (name one, use -a or set KAM_ACCOUNT)"

done_testing
