#!/bin/sh
# The layers, checked on the built objects with nm (docs/architecture.md):
# only the store (src/lib/store*.o) references sqlite3_*, and the store
# references no rule of the method: no function defined by the rules
# files (org.c, gate.c, stance.c, graph.c, deal.c, influence.c,
# timeline.c) but the pure helpers listed below (vocabulary words, their
# parsing, hashing, freeing a struct).
#
# The check can fail, and this test proves it on every run: it compiles
# two deliberately wrong objects, a non-store object that calls
# sqlite3_open and a store object that calls org_deal_flags, adds each
# to the real objects, and expects the check to name exactly it.  (To
# see it by hand: add a call to sqlite3_libversion() to src/lib/org.c,
# or to org_deal_flags() in src/lib/store-org.c, rebuild, and this test
# fails naming the object.)
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

command -v nm >/dev/null 2>&1 || {
  echo "nm not found"
  exit 77
}
: "${CC:=cc}"

# Pure helpers of the rules files the store may call, each with why.
allowed='
deal_status_parse deal_status_word
gate_ans_parse gate_ans_word gate_name gate_status_word
gate_crit_free gate_runs_free gate_contacts_free stance_row_free
map_ids_add map_link_kind_bit
stance_hash stance_hash2 stance_genesis
'
# words and their parsing (vocabularies); *_free free structs; map_ids_add
# grows an id list; stance_hash*, stance_genesis: the chain's hashing.

rules='org gate stance graph deal influence timeline'

# The objects of the library and the mains, as "layer path" lines.
objects() {
  for o in "$KAM_BUILDDIR"/src/lib/*.o "$KAM_BUILDDIR"/src/*.o; do
    [ -f "$o" ] || continue
    b=${o##*/}
    b=${b%.o}
    b=${b#libkam_la-}
    case $o in
    "$KAM_BUILDDIR"/src/lib/*)
      case $b in
      store | store-*) echo "store $o" ;;
      *) echo "lib:$b $o" ;;
      esac
      ;;
    *) echo "main $o" ;;
    esac
  done
}

# check LIST: prints one line per fault ("sqlite PATH" or "rule PATH
# SYMBOL") of the objects in LIST ("layer path" lines).  nm runs twice
# for all the objects (a run for each object took half a minute), and
# awk reads its "PATH: SYMBOL" lines: first the symbols the rules files
# define (less the allowed), then the symbols each object uses.
check() {
  for a in $allowed; do echo "allow $a"; done >"$T/check-in"
  awk -v r=" $rules " '{ l = $1; sub(/^lib:/, "", l) }
    $1 ~ /^lib:/ && index(r, " " l " ") { print $2 }' "$1" >"$T/rule-objects"
  if [ -s "$T/rule-objects" ]; then
    # shellcheck disable=SC2046
    nm -A -g --defined-only $(cat "$T/rule-objects") |
      awk '$2 ~ /^[TDRB]$/ {print "def " $3}' >>"$T/check-in"
  fi
  awk '{print "obj " $1 " " $2}' "$1" >>"$T/check-in"
  # shellcheck disable=SC2046
  nm -A -u $(awk '{print $2}' "$1") | awk '{sub(/:$/, "", $1); print "use " $1 " " $NF}' >>"$T/check-in"
  awk '$1 == "allow" { ok[$2] = 1; next }
    $1 == "def" { if (!($2 in ok)) rule[$2] = 1; next }
    $1 == "obj" { layer[$3] = $2; order[++n] = $3; next }
    $1 == "use" {
      if (layer[$2] == "store") {
        if ($3 in rule) bad[$2] = bad[$2] "rule " $2 " " $3 "\n"
      } else if ($3 ~ /^sqlite3_/ && !($2 in sq)) {
        sq[$2] = 1
        bad[$2] = bad[$2] "sqlite " $2 "\n"
      }
    }
    END { for (i = 1; i <= n; i++) printf "%s", bad[order[i]] }' "$T/check-in"
}

objects >"$T/objects"
count=$((count + 1))
if [ "$(grep -c '^store ' "$T/objects")" -lt 2 ] ||
  ! grep -q '^lib:org ' "$T/objects"; then
  fail "objects: the built objects are not where expected: $(cat "$T/objects")"
fi
count=$((count + 1))
check "$T/objects" >"$T/faults"
[ -s "$T/faults" ] && fail "layers: $(cat "$T/faults")"

# A rule object that queries SQLite is named.
printf '#include <sqlite3.h>\nconst char *bad(void) { return sqlite3_libversion(); }\n' >"$T/bad-rule.c"
mkdir -p "$T/src/lib"
count=$((count + 1))
if $CC -c -o "$T/src/lib/bad.o" "$T/bad-rule.c" 2>"$T/cc.err"; then
  { cat "$T/objects"; echo "lib:bad $T/src/lib/bad.o"; } >"$T/with-bad"
  check "$T/with-bad" >"$T/faults"
  printf 'sqlite %s\n' "$T/src/lib/bad.o" >"$T/want"
  cmp -s "$T/want" "$T/faults" || fail "bad rule object not caught: $(cat "$T/faults")"
else
  fail "cannot compile the wrong object: $(cat "$T/cc.err")"
fi

# A store object that calls a rule is named, with the rule.
printf 'int org_deal_flags(void);\nint bad(void) { return org_deal_flags(); }\n' >"$T/bad-store.c"
count=$((count + 1))
if $CC -c -o "$T/src/lib/store-bad.o" "$T/bad-store.c" 2>"$T/cc.err"; then
  { cat "$T/objects"; echo "store $T/src/lib/store-bad.o"; } >"$T/with-bad"
  check "$T/with-bad" >"$T/faults"
  printf 'rule %s org_deal_flags\n' "$T/src/lib/store-bad.o" >"$T/want"
  cmp -s "$T/want" "$T/faults" || fail "bad store object not caught: $(cat "$T/faults")"
else
  fail "cannot compile the wrong object: $(cat "$T/cc.err")"
fi

# Filling the gate's settings is a use case's (gate_params_load): a store
# object that starts from the rule's defaults is named too.
printf 'void gate_params_default(void *);\nvoid bad(void *p) { gate_params_default(p); }\n' >"$T/bad-gate.c"
count=$((count + 1))
if $CC -c -o "$T/src/lib/store-bad2.o" "$T/bad-gate.c" 2>"$T/cc.err"; then
  { cat "$T/objects"; echo "store $T/src/lib/store-bad2.o"; } >"$T/with-bad"
  check "$T/with-bad" >"$T/faults"
  printf 'rule %s gate_params_default\n' "$T/src/lib/store-bad2.o" >"$T/want"
  cmp -s "$T/want" "$T/faults" || fail "store object filling the settings not caught: $(cat "$T/faults")"
else
  fail "cannot compile the wrong object: $(cat "$T/cc.err")"
fi

done_testing
