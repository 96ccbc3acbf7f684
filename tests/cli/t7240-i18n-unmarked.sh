#!/bin/sh
# No message for a person is left out of the catalog: every string a C
# source hands to kam_err, cli_usage_msg, import_err, import_skip or the
# store's report is marked with _() (so xgettext extracts it and t7000
# requires its translation), except a bare format that only passes
# another, already translated, message on ("%s", "%s: %s", "%s:%ld: %s").
# The check finds an unmarked message when there is one.
# It opens no store: on a team store it is skipped (lib.sh).
KAM_TEST_STORE=none
. "$(dirname "$0")/lib.sh"

# unmarked FILE...: "file: function(... \"literal\"" for each unmarked one.
unmarked() {
  perl -0ne '
    while (/\b(kam_err|cli_usage_msg|import_err|import_skip|report)\(([^;]*?)("(?:[^"\\]|\\.)*")/g) {
      my ($fn, $args, $s) = ($1, $2, $3);
      next if $args =~ /_\($/ || $args =~ /\(/;
      next if $s =~ /^"[%s:; ]*"$/ || $s eq q{"%s:%ld: %s"};
      $args =~ s/\s+/ /g;
      print "$ARGV: $fn($args$s\n";
    }' "$@"
}

(cd "$KAM_SRCDIR" && ls src/*.c src/lib/*.c) >"$T/files"
(cd "$KAM_SRCDIR" && unmarked $(cat "$T/files")) >"$T/unmarked.out" 2>&1
count=$((count + 1))
if [ -s "$T/unmarked.out" ]; then
  fail "messages not marked for translation:"
  sed 's/^/  /' "$T/unmarked.out" >&2
fi

# It finds one.
cat >"$T/x.c" <<'C'
static int f(void) {
	if (a)
		return kam_err(KAM_DATA, _("a marked message '%s'"), s);
	kam_err(KAM_DATA, "%s: %s", where, msg);
	return cli_usage_msg(ctx,
	                     "an unmarked message");
}
C
unmarked "$T/x.c" >"$T/found.out"
count=$((count + 1))
[ "$(cat "$T/found.out")" = "$T/x.c: cli_usage_msg(ctx, \"an unmarked message\"" ] ||
  fail "the check did not find the unmarked message: $(cat "$T/found.out")"

done_testing
