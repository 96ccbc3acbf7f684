#!/bin/sh
# A law firm of 71 lawyers as a client: the organisation and its 892
# advice ties from a published study (examples/lawfirm/, see SOURCE.md
# there), drawn for slides: the org chart, the influence map, the buying
# group of a deal and how its stances moved.
#
#   examples/lawfirm.sh OUTDIR
#
# copies the data into OUTDIR, leaves the store in OUTDIR/kam.db and the
# pictures in OUTDIR (*.png, *.svg, *.pdf, *.dot), and prints the
# session as Markdown (examples/lawfirm.md is its output).
. "$(dirname "$0")/lib.sh"
copy_data lawfirm

say '# A law firm of 71 lawyers, on slides' '' \
  'SG&R, a corporate law partnership in New England, is a client of ours:' \
  'we sell it a document management system.  Its people and who goes to' \
  'whom for advice come from a network study of the firm (Lazega, *The' \
  'Collegial Phenomenon*, 2001); examples/lawfirm/SOURCE.md says where the' \
  'files come from and how this example maps them.  Every command below is' \
  'what examples/lawfirm.sh runs, with what it printed.' ''

say '## The firm, from the study'"'"'s files' '' \
  'The study lists each lawyer by a number (1 to 71, in order of seniority)' \
  'with a status, an office and a practice, but no names and no reporting' \
  'lines.  `ranks.awk` names each lawyer after the number and gives the firm' \
  'a chain of command of our own making: the most senior partner manages' \
  'the firm, the most senior other partner of each practice in each office' \
  'heads it, and everyone else reports to the head of their practice.' ''
shell <<'CMDS'
export KAM_USER=dana.cole KAM_NOW=2026-03-02 KAM_ACCOUNT=sgr
kam-org init
kam-org account add sgr --name 'SG&R law firm' --industry Legal
head -3 lazega-people.csv | cut -d, -f1-5,12
awk -F, -f ranks.awk lazega-people.csv > people.csv
head -4 people.csv
kam-org import people.csv
CMDS

say 'The advice ties answer "to whom did you go for basic professional' \
  'advice?": a row `from,to` means that *from* went to *to* for advice, so' \
  '*to* advises *from*.  In kam a link points from the adviser, so each row' \
  'is turned around:' ''
shell <<'CMDS'
head -3 lazega-advice.csv
awk -F, 'NR == 1 { print "from,to,kind"; next } { printf "l%02d,l%02d,advises\n", $2, $1 }' lazega-advice.csv > links.csv
head -3 links.csv
kam-org import links.csv
kam-org person list | tail -n +2 | wc -l
kam-org links | tail -n +2 | wc -l
CMDS

say '## The organisation chart on a slide' '' \
  'A head of litigation with 28 lawyers under him would make a row 28 boxes' \
  'wide.  The compact layout (the default) hangs the lawyers who have no' \
  'reports of their own in a column under their head, on both sides of the' \
  'line; `--fit 16:9` scales the chart to a widescreen slide, 1920 by 1080' \
  'pixels as a PNG.  `od` reads the size from the PNG'"'"'s header:' ''
shell <<'CMDS'
kam-map --view org --fit 16:9 -o org.png sgr
od -An -tu1 -j16 -N8 org.png | awk '{ print $3 * 256 + $4 " x " $7 * 256 + $8 }'
kam-map --view org -o org-natural.png sgr
od -An -tu1 -j16 -N8 org-natural.png | awk '{ print $3 * 256 + $4 " x " $7 * 256 + $8 }'
CMDS

say 'Without `--fit`, the chart has its natural size, about twice as wide' \
  'as it is high (the 28 lawyers of the head of litigation hang in two' \
  'stacks of seven rows); `--layout wide` puts every report side by side,' \
  'as maps did before: a strip.' ''
shell <<'CMDS'
kam-map --view org --layout wide -o org-wide.png sgr
od -An -tu1 -j16 -N8 org-wide.png | awk '{ print $3 * 256 + $4 " x " $7 * 256 + $8 }'
CMDS

say '## Who advises whom' '' \
  'Drawing all 892 ties would make a tangle.  The influence map draws' \
  'three per person drawn; a pair of ties each way is one line with two' \
  'heads.  The study'"'"'s ties have no strength, so none is stronger than' \
  'another: the pairs each way come first, then the order of handles, and' \
  'the title says so, with how many ties are shown:' ''
shell <<'CMDS'
kam-map --view influence --fit 16:9 -o influence.svg sgr
grep -o '[0-9]* of [0-9]* links shown[^<]*' influence.svg
kam-map --view influence --focus l01 --depth 1 --max-links all -o l01.svg sgr
grep -o '[0-9]* of [0-9]* links shown[^<]*' l01.svg || echo 'every link shown'
CMDS

say '## The deal and its buying group' '' \
  'The buying group of the document management deal, and what our notes' \
  'say about each member since September.' ''
shell <<'CMDS'
kam-org competitor add docketone --name 'Docket One'
kam-org deal add dms --name 'Document management' --value 180000 --currency USD --close 2026-06-30
kam-org import roles.csv
kam-stance import stances.csv
CMDS

say 'Two notes were wrong: Lawyer 41 liked the demo (she was recorded as' \
  'neutral), and Lawyer 48'"'"'s support was about another product.' ''
shell <<'CMDS'
kam-stance log l41 | cut -f1,3,4,6
kam-stance correct 8 support --why 'misheard: she liked the demo'
kam-stance retract 7 --why 'was about another product'
kam-stance show dms
CMDS

say 'The buying group on a slide: the decision-maker on top, the other' \
  'roles side by side in the method'"'"'s order; with `--context`, the' \
  'lawyers outside the group who advise or are advised by its members,' \
  'faded.' ''
shell <<'CMDS'
kam-map --view buying --fit 16:9 -o buying.png dms
od -An -tu1 -j16 -N8 buying.png | awk '{ print $3 * 256 + $4 " x " $7 * 256 + $8 }'
kam-map --view buying --context --fit 16:9 -o buying-context.pdf dms
CMDS

say 'On the firm'"'"'s chart, someone whose only stance is about the deal' \
  'shows it, marked with the deal, and someone who prefers a competitor' \
  'carries a flag with its name:' ''
shell <<'CMDS'
kam-map --view org sgr | grep -o 'on deal dms\|⚑ Docket One' | sort | uniq -c
CMDS

say '## How the stances moved' '' \
  'The timeline as a table, then as a picture for the review: a lane per' \
  'member, the corrected and the retracted notes marked, a line at today.' ''
shell <<'CMDS'
kam-stance timeline dms --from 2025-09-01 --by quarter
kam-stance timeline dms --from 2025-09-01 -o timeline.png
od -An -tu1 -j16 -N8 timeline.png | awk '{ print $3 * 256 + $4 " x " $7 * 256 + $8 }'
CMDS

say '## A map kept in git' '' \
  'With `--date none`, nothing in the map depends on the day it is drawn:' \
  'the same store gives the same bytes a week later.' ''
shell <<'CMDS'
kam-map --view org --date none sgr > org.dot
KAM_NOW=2026-03-09 kam-map --view org --date none sgr | cmp - org.dot && echo unchanged
ls -1 *.png *.svg *.pdf *.dot
CMDS
