#!/bin/sh
# Import messages name things as the file wrote them, call standard
# input <stdin> in every message of both importers, and call a NUL byte
# a NUL byte.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org account add other --name Other >/dev/null
kam-org person add acme/chen --name Chen >/dev/null
kam-org person add other/olga --name Olga >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-org deal add other/od --name OD >/dev/null
snapshot

# A roles row naming another account's deal, or an unknown one, as written.
printf 'deal,person,role\nother/od,chen,technical\n' >"$T/role-other.csv"
run role-other 3 kam-org import acme "$T/role-other.csv"
expect_err role-other "kam-org: $T/role-other.csv:2: deal 'other/od' is in another account"
printf 'deal,person,role\nacme/crm,chen,technical\n' >"$T/role-unknown.csv"
run role-unknown 4 kam-org import acme "$T/role-unknown.csv"
expect_err role-unknown "kam-org: $T/role-unknown.csv:2: unknown deal 'acme/crm'"
printf 'deal,person,role\ncrm,chen,technical\n' >"$T/role-bare.csv"
run role-bare 4 kam-org import acme "$T/role-bare.csv"
expect_err role-bare "kam-org: $T/role-bare.csv:2: unknown deal 'crm'"
# People and managers written ACCOUNT/HANDLE keep that form, suggestion
# included.
printf 'deal,person,role\nerp,acme/chn,technical\n' >"$T/role-person.csv"
run role-person 4 kam-org import acme "$T/role-person.csv"
expect_err role-person "kam-org: $T/role-person.csv:2: unknown person 'acme/chn' (did you mean 'acme/chen'?)"
printf 'handle,name,reports_to\nwu,Wu,acme/chne\n' >"$T/manager.csv"
run manager 4 kam-org import acme "$T/manager.csv"
expect_err manager "kam-org: $T/manager.csv:2: unknown manager 'acme/chne' (did you mean 'acme/chen'?)"
printf 'from,to,kind\nchen,other/olga,advises\n' >"$T/link-other.csv"
run link-other 3 kam-org import acme "$T/link-other.csv"
expect_err link-other "kam-org: $T/link-other.csv:2: person 'other/olga' is in another account"
unchanged names

# Standard input is <stdin> in every message.
# stdin NAME COMMAND MESSAGE TEXT: COMMAND reads TEXT from standard input,
# fails with status 3 and prints "COMMAND: <stdin>MESSAGE".
stdin() {
  name=$1 cmd=$2 msg=$3 text=$4
  printf "$text" >"$T/$name.in"
  run "$name" 3 $cmd - <"$T/$name.in"
  expect_err "$name" "${cmd%% *}: <stdin>$msg"
  unchanged "$name"
}
for c in "kam-org import acme" "kam-stance import"; do
  k=${c%% *}
  if [ $k = kam-org ]; then
    h=handle,name row=zhao,Zhao
    empty='(expected a header: handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on)'
    known='handle, name, title, dept, level, reports_to, dotted_to, placeholder, left_on'
  else
    h=person,stance row=acme/chen,support
    empty='(expected a header: person,stance,on,toward,deal,note,source)'
    known='person, stance, on, toward, deal, note, source'
  fi
  stdin $k-empty "$c" ": empty file $empty" ''
  stdin $k-quote "$c" ":2: malformed CSV: a quoted field is not closed (a '\"' is missing)" \
    "$h\\n\"$row\\n"
  stdin $k-utf8 "$c" ":1: invalid UTF-8" "$h\\377\\n"
  stdin $k-nul "$c" ":2: NUL byte" "$h\\n$row\\000\\n"
  stdin $k-column "$c" ":1: unknown column 'mood' (known: $known)" "$h,mood\\n"
  stdin $k-fields "$c" ":2: 3 fields, the header has 2" "$h\\n$row,x\\n"
done
stdin org-row "kam-org import acme" ":2: invalid handle 'a b' (use letters, digits, '.', '_' and '-')" 'handle,name\na b,A\n'
stdin stance-row "kam-stance import" ":2: unknown stance 'maybe' (use support, neutral, oppose, +, 0 or -)" 'person,stance\nacme/chen,maybe\n'
stdin stance-missing "kam-org import acme" ": empty file (expected a header: handle,name,title,dept,level,reports_to,dotted_to,placeholder,left_on)" '\n\n'

# A NUL byte in a file, in a quoted field.
printf 'person,stance,note\nacme/chen,support,"a\000b"\n' >"$T/nul.csv"
run nul 3 kam-stance import "$T/nul.csv"
expect_err nul "kam-stance: $T/nul.csv:2: NUL byte"
unchanged nul

done_testing
