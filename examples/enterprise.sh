#!/bin/sh
# An enterprise software deal at Northwind Logistics, built mostly from
# CSV files (examples/enterprise/), and questions answered by composing
# kam with the shell: awk, sort, join, if, loops.
#
#   examples/enterprise.sh OUTDIR
#
# copies the CSV files into OUTDIR, leaves the store in OUTDIR/kam.db and
# a map in OUTDIR/erp-2026.svg, and prints the session as Markdown
# (examples/enterprise.md is its output).
. "$(dirname "$0")/lib.sh"
copy_data enterprise

say '# An enterprise software deal, from CSV files' '' \
  'Northwind Logistics is replacing its ERP system; we also sell it a fleet' \
  'analytics pilot and renew a security operations contract.  Sam Rivera,' \
  'the account manager, keeps the organisation in spreadsheets: the CSV' \
  'files in examples/enterprise/, which this script copies into its output' \
  'folder.  Every command below is what examples/enterprise.sh runs, with' \
  'what it printed.  When piped, kam writes TSV (tab-separated, with a' \
  'header), made for awk, sort, cut and join.' ''

say '## The organisation, imported' ''
shell <<'CMDS'
export KAM_USER=sam.rivera KAM_NOW=2026-03-02 KAM_ACCOUNT=northwind
kam-org init
kam-org account add northwind --name 'Northwind Logistics' --industry Logistics
head -4 people.csv
kam-org import people.csv
kam-org import links.csv
kam-org tree
CMDS

say 'Who sits at the top two levels, from the TSV of `person list`' \
  '(its columns are those of the CSV):' ''
shell <<'CMDS'
kam-org person list | awk -F'\t' 'NR > 1 && $5 <= 2 { print $5, $2 ", " $3 }' | sort
CMDS

say '## Three deals, their buying groups, the stances' '' \
  'One roles file holds the buying groups of all three deals; the stances' \
  'come from the notes of the last two months, general or about one deal,' \
  'toward us or toward a competitor.' ''
shell <<'CMDS'
kam-org competitor add globex --name 'Globex Corporation'
kam-org competitor add initech --name Initech
kam-org deal add erp-2026 --name 'ERP replacement' --value 2400000 --currency EUR --close 2026-04-30
kam-org deal add fleet-ai --name 'Fleet analytics pilot' --value 300000 --currency EUR --close 2026-09-30
kam-org deal add soc-renewal --name 'Security operations renewal' --value 450000 --currency EUR --close 2026-06-30
kam-org import roles.csv
kam-stance import stances.csv
kam-org deal list
CMDS

say 'The pipeline by value, largest first:' ''
shell <<'CMDS'
kam-org deal list | tail -n +2 | sort -t "$(printf '\t')" -k3,3nr | cut -f1,3,5
CMDS

say '## Who holds which role, and where they stand' '' \
  '`join` puts the buying group of the ERP deal next to the stances: both' \
  'lists keyed by the person, written `ACCOUNT/HANDLE` in every TSV, so' \
  'they join as they are.' ''
shell <<'CMDS'
kam-org roles erp-2026 | tail -n +2 | cut -f1,3,4 | sort > roles.tsv
kam-stance show northwind/erp-2026 | tail -n +2 | cut -f1,3 | sort > stances.tsv
join -t "$(printf '\t')" roles.tsv stances.tsv | awk -F'\t' '{ printf "%-20s %-15s %-7s %s\n", $1, $2, $3, $4 }'
CMDS

say 'Who opposes us, in any deal, and who favours a competitor:' ''
shell <<'CMDS'
kam-stance show northwind | awk -F'\t' '$3 == "oppose" { print $1, $2 }'
kam-stance show northwind --toward globex | awk -F'\t' '$3 == "support" { print $1, "favours", $5 }'
CMDS

say '## The gates, deal by deal' '' \
  'The answers to the rubric are kept in a tab-separated file, one line per' \
  'answer; a loop records them, with `--evidence` only when there is some.' ''
shell <<'CMDS'
head -3 answers.tsv
while IFS="$(printf '\t')" read -r deal key answer evidence; do \
  kam-gate answer "$deal" "$key" "$answer" --on 2026-03-02 ${evidence:+--evidence "$evidence"} || break; \
done < answers.tsv
kam-gate answers fleet-ai
CMDS

say 'With `--exit-status`, the verdict is the exit status (0 pursue, 20' \
  'pursue-limited, 21 qualify, 22 drop), so a script can branch on it:' ''
shell <<'CMDS'
if kam-gate run erp-2026 --exit-status > /dev/null; then echo 'ERP: pursue'; else echo "ERP: not a clear pursue (exit $?)"; fi
kam-gate run erp-2026 --dry-run
CMDS

say 'And the weekly review, over every deal of the account:' ''
shell <<'CMDS'
for deal in $(kam-org deal list | tail -n +2 | cut -f1); do \
  kam-gate run "$deal" --exit-status > /dev/null; \
  case $? in 0) v=pursue ;; 20) v=pursue-limited ;; 21) v=qualify ;; 22) v=drop ;; *) v=error ;; esac; \
  printf '%-24s %s\n' "$deal" "$v"; \
done
kam-gate list
CMDS

say '## Changes, and the map' '' \
  'In March the CFO'"'"'s capex freeze is lifted for the ERP; the weekly' \
  'question "who moved since last Monday?" is one command.' ''
shell <<'CMDS'
export KAM_NOW=2026-03-16
kam-stance set brennan neutral --on 2026-03-13 --note 'capex freeze lifted for ERP' --source 'steering committee'
kam-stance changes northwind --from 2026-03-09 --to 2026-03-16
kam-gate run erp-2026 | cut -f3-7
kam-gate diff erp-2026 | awk -F'\t' '$1 != "evidence"'
CMDS

say 'A leasing offer answers Globex'"'"'s price, but the ERP deal is still not' \
  'a clear pursue: Grace Okafor, who decides, is neutral, and relationships' \
  'are not close until someone who decides backs us.  The plan puts her' \
  'first, through Eva Fischer, who influences her.  Winning her would raise' \
  'the odds, not yet enough; with an offer that stands out from Globex'"'"'s' \
  'as well, it would be a clear pursue.  The map for the steering committee' \
  'shows who moved.' ''
shell <<'CMDS'
kam-gate answer erp-2026 price partly --evidence 'leasing offer matches Globex'
if kam-gate run erp-2026 --exit-status > /dev/null; then echo 'ERP: pursue'; else echo "ERP: not a clear pursue (exit $?)"; fi
kam-gate plan erp-2026 | awk -F'\t' '$7 == "convert" { print $2 ": " $8 " (via " ($10 == "" ? "-" : $10) ")" }'
kam-gate run erp-2026 --assume-stance okafor=support -F table | grep '^3 win'
kam-gate run erp-2026 --assume-stance okafor=support --assume-answer differentiation=yes -F table | tail -3
kam-map erp-2026 --since 2026-03-02 -o erp-2026.svg
ls -1 *.svg
CMDS
