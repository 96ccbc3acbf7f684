#!/bin/sh
# The Chinese catalog: msgfmt --check accepts it, every C source is
# scanned for messages, and every message marked in the sources has a
# translation that is neither missing nor fuzzy.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "$(dirname "$0")/lib.sh"

: "${MSGFMT:=msgfmt}" "${XGETTEXT:=xgettext}" "${MSGMERGE:=msgmerge}"
PO="$KAM_SRCDIR/po"
MSGCMP=${MSGFMT%msgfmt}msgcmp

# msgfmt --check: format directives match, the header is complete.
run check 0 "$MSGFMT" --check --statistics -o "$T/zh_CN.mo" "$PO/zh_CN.po"
# Every entry is translated: no fuzzy, no untranslated entry in the file.
if ! grep -Eq '^[0-9]+ translated messages?\.$' "$T/check.err"; then
  fail "check: zh_CN.po is not wholly translated: $(cat "$T/check.err")"
fi
# The header's plural rule is Chinese: one form.
grep -q '^"Plural-Forms: nplurals=1; plural=0;\\n"$' "$PO/zh_CN.po" ||
  fail "check: zh_CN.po has no one-form Plural-Forms header"

# POTFILES.in names every C file of src/ and src/lib/ and the tables of
# sentences of include/kam/ (*.def), and nothing else.
sed -e '/^#/d' -e '/^$/d' "$PO/POTFILES.in" >"$T/potfiles.out"
(cd "$KAM_SRCDIR" && ls include/kam/*.def src/*.c src/lib/*.c) | LC_ALL=C sort >"$T/sources"
count=$((count + 1))
if ! diff -u "$T/sources" "$T/potfiles.out" >&2; then
  fail "po/POTFILES.in does not list exactly the C files of src/ and the .def files of include/kam/ (a new one goes there too)"
fi

# The messages marked in the sources today, as update-po would extract
# them (the options of po/Makevars), against the catalog.  msgcmp counts
# a fuzzy or empty translation as missing, and names each one.
xopts=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$PO/Makevars" |
  sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n\t' '  ')
# shellcheck disable=SC2086 # the options are words
run xgettext 0 sh -c "cd '$KAM_SRCDIR' && '$XGETTEXT' $xopts \
  --files-from=po/POTFILES.in -o '$T/kam.pot'"
grep -q '^msgid "unknown verb' "$T/kam.pot" ||
  fail "xgettext: the sources' messages were not found"
run complete 0 "$MSGCMP" "$PO/zh_CN.po" "$T/kam.pot"
[ -s "$T/complete.err" ] && sed 's/^/  msgcmp: /' "$T/complete.err" >&2

# The test can fail: a message the catalog lacks is reported.
printf '#: src/x.c\nmsgid "a message nobody translated"\nmsgstr ""\n' \
  >>"$T/kam.pot"
run incomplete 1 "$MSGCMP" "$PO/zh_CN.po" "$T/kam.pot"
grep -q 'a message nobody translated\|this message is used but not defined' \
  "$T/incomplete.err" || fail "incomplete: msgcmp did not name the message"
# A fuzzy translation counts as none.
sed '/^msgid "no verb given"$/i\
#, fuzzy' "$PO/zh_CN.po" >"$T/fuzzy.po"
run fuzzy 1 "$MSGCMP" "$T/fuzzy.po" "$T/kam.pot"
# So does an empty one.
awk '/^msgid "no verb given"$/ { print; getline; print "msgstr \"\""; next }
     { print }' "$PO/zh_CN.po" >"$T/empty.po"
[ "$(grep -A1 '^msgid "no verb given"$' "$T/empty.po" | tail -n 1)" = \
  'msgstr ""' ] || fail "empty: no entry was emptied"
run empty 1 "$MSGCMP" "$T/empty.po" "$T/kam.pot"
run fuzzy-stats 0 "$MSGFMT" --check --statistics -o /dev/null "$T/fuzzy.po"
grep -q '1 fuzzy translation' "$T/fuzzy-stats.err" ||
  fail "fuzzy-stats: msgfmt did not count the fuzzy entry"

# The build tree's catalog is the one the tests use, and it is current.
count=$((count + 1))
cmp -s "$T/zh_CN.mo" "$KAM_LOCALEDIR/zh_CN/LC_MESSAGES/kam.mo" ||
  fail "the build tree's catalog differs from po/zh_CN.po (run make)"

done_testing
