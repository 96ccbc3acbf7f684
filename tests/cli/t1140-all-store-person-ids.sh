#!/bin/sh
# The store takes people one way (docs/architecture.md): a user's
# reference to a person (ACCOUNT/HANDLE, HANDLE with a default account,
# a display name) is resolved once, by the frame (cli_subject,
# cli_person) or a use case, through the addressing functions of
# store.h; every other store function takes ids.  Two rules, checked on
# every run:
#
# 1. headers: no function named store_... declared in include/kam/*.h
#    but the resolvers listed below has a parameter named dflt or
#    dflt_... (a default account: the mark of a reference resolved
#    inside), nor a const char * parameter named ref or person (a person
#    as text).  Prototypes are read across lines, comments left out.
# 2. objects: no store object but store.o (src/lib/store*.o, nm -u)
#    references the person resolvers (store_person_id,
#    store_person_id_at, store_person_id_in, store_person_named): the
#    store's queries never resolve a person themselves.
# 3. mains: no main object (src/kam-*.o, nm -u) references a person
#    resolver either: a main takes its people from the frame
#    (cli_subject, cli_person), which resolves them all one way.
#
# Each check can fail, and the test proves it: a copy of the headers
# with a prototype of the old kind planted in org.h (spread over lines
# as clang-format writes it) is named exactly, and so is a store object
# compiled to call store_person_id, and so is a main compiled to.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

command -v nm >/dev/null 2>&1 || {
  echo "nm not found"
  exit 77
}
: "${CC:=cc}"

# The addressing functions, which take a reference by definition: a
# person or deal by reference and default account (store_person_id,
# store_person_id_at, store_deal_id, store_deal_id_at), a person in the
# account of a given id (store_person_id_in), the message for a refused
# reference (store_ref_refused), a deal named beside a person
# (store_stance_deal_id), a person of an account group named by an
# import (store_org_group_person), many people named by an import
# (store_person_id_many).
resolvers='store_person_id store_person_id_at store_person_id_in
store_deal_id store_deal_id_at store_ref_refused store_stance_deal_id
store_org_group_person store_person_id_many'

# headers DIR: one line "FILE FUNCTION PARAMETER" per fault.
headers() {
  for h in "$1"/*.h; do
    awk -v file="${h##*/}" -v allowed="$resolvers" '
      BEGIN { n = split(allowed, a, /[ \n]+/); for (i = 1; i <= n; i++) ok[a[i]] = 1 }
      /^[ \t]*#/ { next }
      { text = text " " $0 }
      END {
        # Comments out.
        while ((i = index(text, "/*")) > 0) {
          rest = substr(text, i + 2)
          j = index(rest, "*/")
          text = substr(text, 1, i - 1) " " (j ? substr(rest, j + 2) : "")
        }
        m = split(text, decl, /[;{}]/)
        for (k = 1; k <= m; k++) {
          d = decl[k]
          if (!match(d, /store_[a-z0-9_]+[ \t]*\(/)) continue
          name = substr(d, RSTART, RLENGTH - 1)
          sub(/[ \t]+$/, "", name)
          if (name in ok) continue
          params = substr(d, RSTART + RLENGTH)
          sub(/\)[^)]*$/, "", params)
          np = split(params, p, ",")
          for (q = 1; q <= np; q++) {
            param = p[q]
            gsub(/^[ \t]+|[ \t]+$/, "", param)
            pname = param
            sub(/^.*[^a-z0-9_]/, "", pname)
            if (pname ~ /^dflt(_|$)/ ||
                (param ~ /char[ \t]*\*/ && pname ~ /^(ref|person)$/))
              print file, name, pname
          }
        }
      }' "$h"
  done
}

# objects: one line "PATH SYMBOL" per store object (but store.o) that
# references a person resolver; the objects are in $1, one a line.
objects() {
  while read -r o; do
    b=${o##*/}
    b=${b#libkam_la-}
    [ "$b" = store.o ] && continue
    nm -u "$o" | awk '{print $2}' |
      grep -Ex 'store_person_(id|id_at|id_in|named)' | sed "s|^|$o |"
  done <"$1"
}

inc=$KAM_SRCDIR/include/kam
count=$((count + 1))
if [ ! -f "$inc/org.h" ] || [ ! -f "$inc/store.h" ]; then
  fail "headers: not found in $inc"
fi
count=$((count + 1))
headers "$inc" >"$T/faults"
[ -s "$T/faults" ] && fail "headers: a store function takes a person's reference: $(cat "$T/faults")"

# Every resolver named is declared: the list does not outlive the code.
count=$((count + 1))
for r in $resolvers; do
  grep -q "[ *]$r(" "$inc"/*.h || fail "resolver $r is not declared"
done

# A planted prototype of the old kind is named: a default account.
mkdir -p "$T/inc"
cp "$inc"/*.h "$T/inc/"
cat >>"$T/inc/org.h" <<'EOF'
int store_org_person_leave_by_ref(struct store *, const char *ref,
                                  const char *dflt_account, const char *on);
EOF
count=$((count + 1))
headers "$T/inc" >"$T/faults"
printf '%s\n' 'org.h store_org_person_leave_by_ref ref' \
  'org.h store_org_person_leave_by_ref dflt_account' >"$T/want"
cmp -s "$T/want" "$T/faults" ||
  fail "planted default account not caught: $(cat "$T/faults")"

# ... and a person as text, without a default account, in a comment's
# company (the comment's words do not count).
cp "$inc/org.h" "$T/inc/org.h"
cat >>"$T/inc/org.h" <<'EOF'
/* store_org_x(const char *ref) in a comment is not a prototype. */
int store_org_role_put_text(struct store *, int64_t deal,
                            const char *person, const char *role);
EOF
count=$((count + 1))
headers "$T/inc" >"$T/faults"
printf '%s\n' 'org.h store_org_role_put_text person' >"$T/want"
cmp -s "$T/want" "$T/faults" ||
  fail "planted person as text not caught: $(cat "$T/faults")"

# The built store objects resolve no person but in store.o.
ls "$KAM_BUILDDIR"/src/lib/*store*.o 2>/dev/null |
  grep -E '/(libkam_la-)?store(-[a-z]+)?\.o$' >"$T/objects"
count=$((count + 1))
if [ "$(wc -l <"$T/objects")" -lt 5 ] || ! grep -q 'store-org\.o$' "$T/objects"; then
  fail "objects: the store objects are not where expected: $(cat "$T/objects")"
fi
count=$((count + 1))
objects "$T/objects" >"$T/faults"
[ -s "$T/faults" ] && fail "objects: a store query resolves a person: $(cat "$T/faults")"

# planted WHAT LIST OBJECT: an object compiled to call store_person_id,
# added to the objects of LIST, is named, and only it.
printf '%s\n' 'int store_person_id(void *, const char *, const char *, long *);' \
  'int bad(void *st, long *id) { return store_person_id(st, "a/b", 0, id); }' >"$T/bad.c"
planted() {
  mkdir -p "${3%/*}"
  count=$((count + 1))
  if ! $CC -c -o "$3" "$T/bad.c" 2>"$T/cc.err"; then
    fail "cannot compile the wrong $1: $(cat "$T/cc.err")"
    return
  fi
  cp "$2" "$T/with-bad"
  echo "$3" >>"$T/with-bad"
  got=$(objects "$T/with-bad")
  [ "$got" = "$3 store_person_id" ] || fail "$1 resolving a person not caught: $got"
}
planted "store object" "$T/objects" "$T/src/lib/store-bad.o"

# The built mains resolve no person themselves.
ls "$KAM_BUILDDIR"/src/*.o 2>/dev/null | grep -E '/kam-[a-z]+\.o$' >"$T/mains"
count=$((count + 1))
if [ "$(wc -l <"$T/mains")" -lt 5 ] || ! grep -q '/kam-gate\.o$' "$T/mains" ||
  ! grep -q '/kam-map\.o$' "$T/mains"; then
  fail "mains: the main objects are not where expected: $(cat "$T/mains")"
fi
count=$((count + 1))
objects "$T/mains" >"$T/faults"
[ -s "$T/faults" ] && fail "mains: a main resolves a person: $(cat "$T/faults")"

# A main that resolves a person is named, and only it.
planted main "$T/mains" "$T/src/kam-bad.o"

done_testing
