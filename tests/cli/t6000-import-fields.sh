#!/bin/sh
# Every importer (people, links, roles, observations) refuses a row whose
# field count differs from the header's, more or fewer, with
# FILE:LINE: N fields, the header has M, and leaves the store unchanged.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li --name Li >/dev/null
kam-org person add acme/wang --name Wang >/dev/null
kam-org deal add acme/erp --name ERP >/dev/null
kam-stance set acme/li neutral >/dev/null
snapshot

# bad NAME COMMAND FILE LINE MESSAGE: COMMAND FILE fails with status 3 and
# "FILE:LINE: MESSAGE", and the store is as it was.
bad() {
  name=$1 cmd=$2 file=$3 msg=$4
  run "$name" 3 $cmd "$file"
  expect_err "$name" "${cmd%% *}: $file:$msg"
  unchanged "$name"
}

# The observation of the report: a comma in the note, unquoted.
printf 'person,stance,note,source\nacme/li,support,liked the demo, asked for price,meeting\n' >"$T/obs-more.csv"
bad obs-more "kam-stance import" "$T/obs-more.csv" "2: 5 fields, the header has 4"
printf 'person,stance,note,source\nacme/li,support,fine,minutes\nacme/wang,oppose\n' >"$T/obs-fewer.csv"
bad obs-fewer "kam-stance import" "$T/obs-fewer.csv" "3: 2 fields, the header has 4"
printf 'person,stance\nacme/li\n' >"$T/obs-one.csv"
bad obs-one "kam-stance import" "$T/obs-one.csv" "2: 1 field, the header has 2"
# 100,002 fields under a header of two.
awk 'BEGIN { printf "person,stance\nacme/li,support"; for (i = 0; i < 100000; i++) printf ","; printf "\n" }' >"$T/obs-wide.csv"
bad obs-wide "kam-stance import" "$T/obs-wide.csv" "2: 100002 fields, the header has 2"
# One field too many or too few at the first row and at the last.
printf 'person,stance,on\nacme/li,support,2026-01-01\nacme/li,oppose,2026-01-02,\n' >"$T/obs-last.csv"
bad obs-last "kam-stance import" "$T/obs-last.csv" "3: 4 fields, the header has 3"
# An empty field still counts; an empty line is no row.
printf 'person,stance,note\n\nacme/li,support,\n\n' >"$T/obs-empty-ok.csv"
run obs-empty-ok 0 kam-stance import "$T/obs-empty-ok.csv"
expect_text obs-empty-ok "1 added, 0 changed, 0 left, 0 unchanged, 0 skipped"
expect_sql obs-empty-ok-note "SELECT quote(note) FROM observation WHERE id = 2" "NULL"
snapshot

# People: more and fewer.
printf 'handle,name,title\nzhao,Zhao,CFO,finance\n' >"$T/people-more.csv"
bad people-more "kam-org import acme" "$T/people-more.csv" "2: 4 fields, the header has 3"
printf 'handle,name,title\nzhao,Zhao,CFO\nchen,Chen\n' >"$T/people-fewer.csv"
bad people-fewer "kam-org import acme" "$T/people-fewer.csv" "3: 2 fields, the header has 3"
# Links.
printf 'from,to,kind\nli,wang,advises,3\n' >"$T/links-more.csv"
bad links-more "kam-org import acme" "$T/links-more.csv" "2: 4 fields, the header has 3"
printf 'from,to,kind,strength\nli,wang,advises\n' >"$T/links-fewer.csv"
bad links-fewer "kam-org import acme" "$T/links-fewer.csv" "2: 3 fields, the header has 4"
# Roles.
printf 'deal,person,role\nerp,li,technical,high\n' >"$T/roles-more.csv"
bad roles-more "kam-org import acme" "$T/roles-more.csv" "2: 4 fields, the header has 3"
printf 'deal,person,role,influence\nerp,li,technical,high\nerp,wang\n' >"$T/roles-fewer.csv"
bad roles-fewer "kam-org import acme" "$T/roles-fewer.csv" "3: 2 fields, the header has 4"

# The same rows with the right count are taken.
printf 'deal,person,role,influence\nerp,li,technical,high\nerp,wang,finance,\n' >"$T/roles-ok.csv"
run roles-ok 0 kam-org import acme "$T/roles-ok.csv"
expect_sql roles-ok "SELECT person_id, role, influence FROM deal_role ORDER BY person_id" \
"1|technical|high
2|finance|medium"

done_testing
