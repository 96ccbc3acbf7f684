#!/bin/sh
# kam-stance retract and correct: new rows pointing at the original,
# refused for a retraction, an unknown id or a row already superseded.
. "$(dirname "$0")/lib.sh"

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
kam-org person add acme/li-wei --name '李伟' >/dev/null
kam-org competitor add rivalco --name RivalCo >/dev/null
kam-org deal add acme/his-2027 --name HIS >/dev/null
kam-stance set acme/li-wei support --on 2026-01-05 >/dev/null
kam-stance set acme/li-wei oppose --on 2026-02-10 >/dev/null
kam-stance set acme/li-wei neutral --on 2026-02-01 --toward rivalco --deal his-2027 >/dev/null

run retract 0 kam-stance retract 2 --why 'misheard at the fair'
expect_text retract 4
# The retraction copies whom it is about and says why.
expect_sql retract-row "SELECT kind, target_id, person_id, stance IS NULL,
  toward_id IS NULL, deal_id IS NULL, effective, actor, why
  FROM observation_plain WHERE id = 4" \
  "retract|2|1|1|1|1|2026-03-02|tester|misheard at the fair"
run after-retract 0 kam-stance show acme
expect_text after-retract "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/li-wei	李伟	support	2026-01-05			tester	2026-03-02T09:00:00Z	1"

run correct 0 kam-stance correct 1 neutral --on 2026-01-06 --why 'it was neutral'
expect_text correct 5
expect_sql correct-row "SELECT kind, target_id, person_id, stance, effective, why
  FROM observation_plain WHERE id = 5" "correct|1|1|neutral|2026-01-06|it was neutral"
# Without --on the correction keeps the day of the row it corrects.
run correct2 0 kam-stance correct 3 support --why 'she favours RivalCo'
expect_sql correct2-row "SELECT stance, toward_id, deal_id, effective
  FROM observation WHERE id = 6" "support|1|1|2026-02-01"
run after-correct 0 kam-stance show acme --as-of 2026-01-05
expect_text after-correct "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/li-wei	李伟	unknown						"
# A correction can itself be corrected and retracted.
run correct3 0 kam-stance correct 5 oppose --why 'no, opposed'
expect_text correct3 7
run retract-correction 0 kam-stance retract 7 --why 'unsure after all'
expect_text retract-correction 8
run after-all 0 kam-stance show acme
expect_text after-all "person	name	stance	since	toward	deal	recorded_by	recorded	id
acme/li-wei	李伟	unknown						"
run verify 0 kam-stance verify

snapshot
run retract-retraction 5 kam-stance retract 4 --why again
expect_err retract-retraction "kam-stance: observation 4 is a retraction: it cannot be retracted"
unchanged retract-retraction
run correct-retraction 5 kam-stance correct 4 support --why again
expect_err correct-retraction "kam-stance: observation 4 is a retraction: it cannot be corrected"
unchanged correct-retraction
run retract-twice 5 kam-stance retract 2 --why again
expect_err retract-twice "kam-stance: observation 2 is already retracted (by 4)"
unchanged retract-twice
run correct-retracted 5 kam-stance correct 2 support --why again
expect_err correct-retracted "kam-stance: observation 2 is already retracted (by 4)"
unchanged correct-retracted
run retract-corrected 5 kam-stance retract 1 --why again
expect_err retract-corrected "kam-stance: observation 1 was corrected by 5: retract 5 instead"
unchanged retract-corrected
run correct-corrected 5 kam-stance correct 3 oppose --why again
expect_err correct-corrected "kam-stance: observation 3 was corrected by 6: correct 6 instead"
unchanged correct-corrected
run correct-same 5 kam-stance correct 6 support --why same
expect_err correct-same "kam-stance: observation 6 already says support from 2026-02-01"
unchanged correct-same
run unknown-id 4 kam-stance retract 99 --why nothing
expect_err unknown-id "kam-stance: unknown observation '99'"
unchanged unknown-id
run unknown-id2 4 kam-stance correct 99 support --why nothing
expect_err unknown-id2 "kam-stance: unknown observation '99'"
run bad-id 3 kam-stance retract 2x --why nothing
expect_err bad-id "kam-stance: invalid observation id '2x' (use the number shown by 'kam-stance log')"
run zero-id 3 kam-stance retract 0 --why nothing
expect_err zero-id "kam-stance: invalid observation id '0' (use the number shown by 'kam-stance log')"
run no-why 2 kam-stance retract 6
expect_err no-why "kam-stance: missing --why (say why the observation is withdrawn)
usage: kam-stance retract ID --why TEXT"
run empty-why 2 kam-stance correct 6 oppose --why ''
expect_err empty-why "kam-stance: missing --why (say what was wrong)
usage: kam-stance correct ID STANCE [--on DATE] --why TEXT"
run no-id 2 kam-stance retract --why x
expect_err no-id "kam-stance: missing ID
usage: kam-stance retract ID --why TEXT"
run correct-no-stance 2 kam-stance correct 6 --why x
expect_err correct-no-stance "kam-stance: missing STANCE
usage: kam-stance correct ID STANCE [--on DATE] --why TEXT"
run correct-bad-stance 3 kam-stance correct 6 against --why x
expect_err correct-bad-stance "kam-stance: unknown stance 'against' (use support, neutral, oppose, +, 0 or -)"
run correct-bad-date 3 kam-stance correct 6 oppose --on 2026-02-31 --why x
expect_err correct-bad-date "kam-stance: impossible date '2026-02-31' for --on"
run correct-future 3 kam-stance correct 6 oppose --on 2027-01-01 --why x
expect_err correct-future "kam-stance: date '2027-01-01' for --on is in the future (today is 2026-03-02)"
unchanged bad-inputs

done_testing
