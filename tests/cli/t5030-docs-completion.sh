#!/bin/sh
# Bash completion (docs/kam.bash-completion): registered for the five
# commands; verbs, options, option values and handles from the store.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

command -v bash >/dev/null 2>&1 || exit 77

kam-org init >/dev/null
kam-org account add hosp --name 'City Hospital' >/dev/null
kam-org person add hosp/zhang --name 'Zhang Wei' --level 1 >/dev/null
kam-org deal add hosp/his --name 'HIS' >/dev/null
kam-org competitor add rival --name 'Rival Co' >/dev/null

# complete WORD... : the words bash offers for the last (partial) word.
cat >"$T/complete.bash" <<'EOS'
source "$KAM_SRCDIR/docs/kam.bash-completion" || exit 1
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
f=$(complete -p "$1" | awk '{ print $(NF - 1) }')
"$f"
printf '%s\n' "${COMPREPLY[@]}" | sort
EOS

# expect_completion NAME EXPECTED WORD...: EXPECTED is space-separated.
expect_completion() {
  cname=$1 cwant=$2
  shift 2
  run "$cname" 0 bash "$T/complete.bash" "$@"
  got=$(tr '\n' ' ' <"$T/$cname.out" | sed 's/ $//')
  if [ "$got" != "$cwant" ]; then
    fail "$cname: completing '$*' gave '$got', expected '$cwant'"
  fi
}

run registered 0 bash -c 'source "$KAM_SRCDIR/docs/kam.bash-completion" &&
  complete -p kam kam-org kam-stance kam-gate kam-map'
expect_text registered "complete -F _kam kam
complete -F _kam_org kam-org
complete -F _kam_stance kam-stance
complete -F _kam_gate kam-gate
complete -F _kam_map kam-map"

expect_completion org-per "person" kam-org per
expect_completion org-person "add erase leave list rm set show" kam-org person ''
expect_completion org-erase-opts "--reason" kam-org person erase x --r
expect_completion org-opts "--db --dept --dotted-to" kam-org person add x --d
expect_completion org-format "csv json table tsv" kam-org -F ''
expect_completion org-kind "advises allies influences rivals" \
  kam-org link a b --kind ''
expect_completion org-influence "high low medium" \
  kam-org role hosp/his hosp/zhang coach --influence ''
expect_completion org-role "coach" kam-org role hosp/his hosp/zhang co
expect_completion org-role-rm "rm" kam-org role r
expect_completion org-account "hosp" kam-org person list ''
expect_completion org-deal "hosp/his" kam-org roles ''
expect_completion org-person "hosp/zhang" kam-org role hosp/his ''
expect_completion org-person-bare "hosp/zhang zhang" \
  kam-org -a hosp person show ''
expect_completion stance-word "neutral" kam-stance set hosp/zhang n
expect_completion stance-toward "rival" kam-stance set --toward ''
team_roles east
kam-org team add east >/dev/null
expect_completion org-team "add list rm" kam-org team ''
expect_completion org-team-value "east" kam-org account set hosp --team ''
expect_completion map-view "all buying influence org" kam-map --view ''
expect_completion map-target "hosp hosp/his" kam-map ''
expect_completion gate-answer "no partly unknown yes" \
  kam-gate answer hosp/his need ''
expect_completion gate-key "budget" kam-gate answer hosp/his bu
expect_completion gate-setting "win.fail win.strong win.weak-max" kam-gate setting win
expect_completion stance-show "hosp hosp/his" kam-stance show ''
expect_completion map-rankdir "LR TB" kam-map --rankdir ''
touch "$T/people.csv"
expect_completion org-import "$T/people.csv" kam-org import "$T/peo"
expect_completion kam-cmds "copy gate help map org stance" kam ''
expect_completion kam-copy-opts "--from --help --to" kam copy --
expect_completion kam-copy-from "$T/people.csv" kam copy --from "$T/peo"
expect_completion kam-org "person" kam org per
expect_completion kam-help "stance" kam help st
expect_completion kam-opts "--help --version" kam --
# Verbs come from each command's -h, so each one is offered.
for c in org stance gate map; do
  "kam-$c" -h >"$T/h-$c"
  if grep -q '^verbs:' "$T/h-$c"; then
    verbs=$(awk -v c="kam-$c" '$1 == c && $2 ~ /^[a-z]/ { print $2 }' \
      "$T/h-$c" | sort -u | tr '\n' ' ' | sed 's/ $//')
    expect_completion "verbs-$c" "$verbs" "kam-$c" ''
  fi
done

done_testing
