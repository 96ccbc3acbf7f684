#!/bin/sh
# A reader that closes the pipe (kam-stance log | head -1) ends a
# command quietly by SIGPIPE: status 141, no message, and a writing
# command so ended has changed nothing.  The same when the caller
# ignores SIGPIPE.  Every command that prints is tried: those that can
# print much through head -1, every one through a pipe with no reader.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme
# A large account: 4000 people, 8000 links, roles and observations.
awk 'BEGIN {
  print "handle,name,title,dept,reports_to"
  for (i = 1; i <= 4000; i++)
    printf "p%04d,Person %04d of a large account,Engineer %d,Dept %d,%s\n",
      i, i, i, i % 50, (i > 1 ? sprintf("p%04d", int(i / 2)) : "")
}' >"$T/people.csv"
kam-org import acme "$T/people.csv" >/dev/null
awk 'BEGIN {
  print "from,to,kind,strength"
  for (i = 1; i < 4000; i++) {
    printf "p%04d,p%04d,influences,2\n", i, i + 1
    printf "p%04d,p%04d,advises,1\n", i + 1, i
  }
}' >"$T/links.csv"
kam-org import acme "$T/links.csv" >/dev/null
kam-org deal add acme/erp --name ERP
awk 'BEGIN {
  print "deal,person,role,influence"
  for (i = 1; i <= 4000; i++) {
    printf "erp,p%04d,technical,high\n", i
    printf "erp,p%04d,business,low\n", i
  }
}' >"$T/roles.csv"
kam-org import acme "$T/roles.csv" >/dev/null
awk 'BEGIN {
  print "person,stance,on,note"
  for (i = 1; i <= 4000; i++) {
    printf "acme/p%04d,support,2025-%02d-01,a first note\n", i, i % 12 + 1
    printf "acme/p%04d,oppose,2026-01-%02d,a second note\n", i, i % 28 + 1
  }
}' >"$T/obs.csv"
kam-stance import "$T/obs.csv" >/dev/null
# A small account, in a store of its own, whose deals, competitors and
# criteria have long texts.
BIG=$KAM_DB
KAM_DB="$T/small.db"
kam-org init >/dev/null
long=$(awk 'BEGIN { for (i = 0; i < 6000; i++) printf "words and "; }')
kam-org account add beta --name Beta
kam-org person add beta/li --name Li
kam-org person add beta/wu --name Wu --reports-to beta/li
i=1
while [ $i -le 6 ]; do
  kam-org deal add "beta/g$i" --name "Deal $i $long"
  kam-org competitor add "c$i" --name "Competitor $i $long"
  kam-gate criteria add real "q$i" --question "Question $i $long?"
  kam-gate answer beta/g1 "q$i" partly --evidence "Evidence $i $long"
  i=$((i + 1))
done
kam-org role beta/g1 beta/li decision-maker
kam-stance set beta/li support >/dev/null
kam-gate run beta/g1 >/dev/null
kam-gate answer beta/g1 q1 yes
kam-gate run beta/g1 >/dev/null

# piped NAME COMMAND...: COMMAND's output, which is large, read by
# head -1: killed by SIGPIPE, quietly; the same with SIGPIPE ignored.
piped() {
  pn=$1
  shift
  "$@" >"$T/$pn.all" 2>/dev/null
  size=$(wc -c <"$T/$pn.all")
  count=$((count + 1))
  [ "$size" -gt 150000 ] || fail "$pn: only $size bytes: the pipe may not close: $*"
  { "$@" 2>"$T/$pn.perr"; echo $? >"$T/$pn.pst"; } | head -1 >"$T/$pn.first"
  count=$((count + 3))
  [ "$(cat "$T/$pn.pst")" = 141 ] || fail "$pn: | head -1: exit status $(cat "$T/$pn.pst"), expected 141: $*"
  [ ! -s "$T/$pn.perr" ] || fail "$pn: | head -1: said '$(cat "$T/$pn.perr")'"
  [ "$(cat "$T/$pn.first")" = "$(head -1 "$T/$pn.all")" ] || fail "$pn: | head -1: first line differs"
  { (trap '' PIPE; "$@") 2>"$T/$pn.ierr"; echo $? >"$T/$pn.ist"; } | head -1 >/dev/null
  count=$((count + 2))
  [ "$(cat "$T/$pn.ist")" = 141 ] || fail "$pn: SIGPIPE ignored: exit status $(cat "$T/$pn.ist"), expected 141: $*"
  [ ! -s "$T/$pn.ierr" ] || fail "$pn: SIGPIPE ignored: said '$(cat "$T/$pn.ierr")'"
}

# noreader NAME COMMAND...: COMMAND's stdout is a pipe whose reader has
# closed already: its first write kills it, quietly.
noreader() {
  nn=$1
  shift
  rm -f "$T/fifo"
  mkfifo "$T/fifo"
  exec 7<>"$T/fifo" 6>"$T/fifo"
  exec 7<&-
  if [ "${how:-default}" = default ]; then
    "$@" >&6 2>"$T/$nn.nerr"
  else
    (trap '' PIPE; "$@") >&6 2>"$T/$nn.nerr"
  fi
  st=$?
  exec 6>&-
  count=$((count + 2))
  [ "$st" = 141 ] || fail "$nn: no reader, SIGPIPE ${how:-default}: exit status $st, expected 141: $*"
  [ ! -s "$T/$nn.nerr" ] || fail "$nn: no reader, SIGPIPE ${how:-default}: said '$(cat "$T/$nn.nerr")'"
}

# noreader_write NAME COMMAND...: the same for a writing command, with
# SIGPIPE's default action and ignored: the store is as it was.
noreader_write() {
  snapshot
  how=default noreader "$@"
  unchanged "$1-default"
  how=ignored noreader "$@"
  unchanged "$1-ignored"
}

# Large outputs through head -1.
KAM_DB=$BIG
piped org-person-list kam-org person list acme
piped org-tree kam-org tree acme
piped org-links kam-org links acme
piped org-roles kam-org roles acme/erp
piped org-export kam-org export acme
piped org-export-links kam-org export acme --kind links
piped org-export-roles kam-org export acme --kind roles
piped org-json kam-org -F json person list acme
piped stance-log kam-stance log
piped stance-show kam-stance show acme
piped stance-timeline kam-stance timeline acme --from 2025-01-01 --to 2026-03-01
piped stance-changes kam-stance changes acme --from 2025-01-01 --to 2026-03-01
piped map-dot kam-map acme
piped map-deal kam-map acme/erp
piped front kam stance log
KAM_DB="$T/small.db"
piped org-deal-list kam-org deal list beta
piped org-competitor-list kam-org competitor list
piped gate-criteria kam-gate criteria
piped gate-answers kam-gate answers beta/g1
piped gate-dry-run kam-gate run beta/g2 --dry-run
piped gate-report kam-gate report beta/g1
piped gate-list kam-gate list beta

# Every command that prints, with no reader at all.
noreader org-init kam-org init
noreader org-account-list kam-org account list
noreader org-account-show kam-org account show beta
noreader org-person-list kam-org person list beta
noreader org-person-show kam-org person show beta/li
noreader org-tree kam-org tree beta
noreader org-links kam-org links beta
noreader org-competitor-list kam-org competitor list
noreader org-deal-list kam-org deal list beta
noreader org-deal-show kam-org deal show beta/g1
noreader org-roles kam-org roles beta/g1
noreader org-check kam-org check beta
noreader org-export kam-org export beta
noreader org-log kam-org log beta/wu
noreader org-influence kam-org influence beta
noreader_write stance-set kam-stance set beta/wu oppose
noreader stance-show kam-stance show beta
noreader stance-log kam-stance log beta/li
noreader stance-changes kam-stance changes beta --from 2025-01-01 --to 2026-03-01
noreader stance-timeline kam-stance timeline beta
noreader_write stance-retract kam-stance retract 1 --why mistaken
noreader_write stance-correct kam-stance correct 1 neutral --why misheard
printf 'person,stance\nbeta/wu,neutral\n' >"$T/one.csv"
noreader_write stance-import kam-stance import "$T/one.csv"
noreader stance-verify kam-stance verify
noreader gate-criteria kam-gate criteria --gate worth
noreader gate-answers kam-gate answers beta/g1
noreader_write gate-run kam-gate run beta/g1
noreader_write gate-run-exit kam-gate run beta/g1 --exit-status
noreader gate-dry-run kam-gate run beta/g1 --dry-run
noreader gate-report kam-gate report beta/g1
noreader gate-plan kam-gate plan beta/g1
noreader gate-profiles kam-gate profile list
noreader gate-history kam-gate history beta/g1
noreader gate-diff kam-gate diff beta/g1
noreader gate-list kam-gate list beta
noreader gate-setting kam-gate setting
noreader map kam-map beta
noreader map-svg kam-map -T svg beta
how=ignored noreader org-links-ignored kam-org links beta
how=ignored noreader stance-log-ignored kam-stance log beta/li
how=ignored noreader gate-list-ignored kam-gate list beta
how=ignored noreader map-ignored kam-map beta
how=ignored noreader front-ignored kam -h
noreader front-h kam -h
noreader front-help kam help org
noreader front-V kam -V
noreader front-run kam org account list

# Into a pipe that is read, nothing changes: the writing commands above
# were refused only for want of a reader.
run set-read 0 kam-stance set beta/wu oppose
count=$((count + 1))
[ "$(cat "$T/set-read.out")" = 2 ] || fail "set-read: printed '$(cat "$T/set-read.out")', so a write before it was kept"

done_testing
