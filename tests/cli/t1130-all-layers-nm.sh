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
# SYMBOL") of the objects in LIST ("layer path" lines).
check() {
  defs=$T/rule-symbols
  : >"$defs"
  while read -r layer o; do
    for r in $rules; do
      [ "$layer" = "lib:$r" ] || continue
      nm -g --defined-only "$o" | awk '$2 ~ /^[TDRB]$/ {print $3}' >>"$defs"
    done
  done <"$1"
  for a in $allowed; do
    grep -vx "$a" "$defs" >"$defs.tmp"
    mv "$defs.tmp" "$defs"
  done
  while read -r layer o; do
    if [ "$layer" = store ]; then
      nm -u "$o" | awk '{print $2}' | grep -Fxf "$defs" |
        sed "s|^|rule $o |"
    elif nm -u "$o" | awk '{print $2}' | grep -q '^sqlite3_'; then
      echo "sqlite $o"
    fi
  done <"$1"
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
