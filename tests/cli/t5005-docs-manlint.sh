#!/bin/sh
# The manual pages are clean: no message from mandoc -T lint -W warning
# and none from groff -k -Tutf8 -ww -z (UTF-8 input, as man(1) renders
# it on a terminal); each skipped when the tool is missing.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

: "${MANDOC:=no}"
GROFF=$(command -v groff 2>/dev/null || echo no)
if [ "$MANDOC" = no ] && [ "$GROFF" = no ]; then
  echo "neither mandoc nor groff: skipped"
  exit 77
fi
for page in "$KAM_SRCDIR"/docs/*.1 "$KAM_SRCDIR"/docs/*.7; do
  name=${page#"$KAM_SRCDIR"/}
  if [ "$MANDOC" != no ]; then
    run "mandoc-$(basename "$page")" 0 "$MANDOC" -T lint -W warning "$page"
    if [ -s "$T/mandoc-$(basename "$page").out" ]; then
      fail "$name: mandoc -T lint -W warning:"
      cat "$T/mandoc-$(basename "$page").out" >&2
    fi
  fi
  if [ "$GROFF" != no ]; then
    run "groff-$(basename "$page")" 0 "$GROFF" -k -Tutf8 -ww -z -mandoc "$page"
    if [ -s "$T/groff-$(basename "$page").err" ]; then
      fail "$name: groff -ww -z:"
      cat "$T/groff-$(basename "$page").err" >&2
    fi
  fi
done
done_testing
