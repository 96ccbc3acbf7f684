#!/bin/sh
# The transcripts in the documentation are true of this build.
#
# In a Markdown file, a fenced block whose info string is "console" is a
# transcript: a line starting with "$ " is a command (a line ending with
# a backslash continues it, and a here-document runs to its delimiter);
# the lines after it, up to the next "$ " or the end of the block, are
# what it prints, standard error included.  The blocks of one file run in
# order in one bash session on a terminal (script(1)), so that commands
# print tables as they do for a reader, in a fresh directory holding a link to
# examples/, with a fresh store ($KAM_DB), KAM_NOW and KAM_USER pinned
# (a block may export other values) and the commands of this build first
# on PATH.  Exit statuses are not shown unless the document asks
# ("echo $?").
#
#   t5010-docs-transcripts.sh                  checks docs/guide.md
#   t5010-docs-transcripts.sh FILE...          checks those files
#   t5010-docs-transcripts.sh --update FILE... rewrites their outputs
#                                              with what the commands print
# (run by hand with KAM_BUILDDIR and KAM_SRCDIR set).
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

command -v bash >/dev/null 2>&1 || exit 77
# script(1) needs a pseudo-terminal; without one, skip.
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
  echo "script(1) cannot open a pseudo-terminal: skipped"
  exit 77
fi

update=0
if [ "${1:-}" = --update ]; then
  update=1
  shift
fi
[ $# -gt 0 ] || set -- "$KAM_SRCDIR/docs/guide.md"

# session DOC DIR: writes DIR/session.bash, which prints DOC with each
# command's output replaced by what it prints now.
session() {
  awk -v dir="$2" '
    function lit(s) {
      gsub(/\047/, "\047\\\047\047", s)
      print "printf \047%s\\n\047 \047" s "\047" > script
    }
    function start(c) {
      n++
      cmd = dir "/cmd." n
      print c > cmd
    }
    function finish() {
      close(cmd)
      print "{ . \"" cmd "\"; } </dev/null 2>&1" > script
      cmd = ""
    }
    # Whether the command text c leaves a continuation or a here-document open.
    function opens(c,   d) {
      if (c ~ /\\$/) return 1
      if (match(c, /<<-?[ ]*[\047"]?[A-Za-z_][A-Za-z0-9_]*[\047"]?/)) {
        d = substr(c, RSTART, RLENGTH)
        sub(/^<<-?[ ]*/, "", d); gsub(/[\047"]/, "", d)
        heredoc = d
        return 1
      }
      return 0
    }
    BEGIN { script = dir "/session.bash" }
    {
      line = $0
      if (!block) {
        lit(line)
        if (line ~ /^```console[ \t]*$/) block = 1
        next
      }
      if (cmd != "") {
        print line > cmd
        lit(line)
        if (heredoc != "") {
          if (line == heredoc) { heredoc = ""; finish() }
        } else if (!opens(line))
          finish()
        next
      }
      if (line ~ /^```[ \t]*$/) { lit(line); block = 0; next }
      if (line ~ /^\$ /) {
        start(substr(line, 3))
        lit(line)
        if (!opens(substr(line, 3))) finish()
        next
      }
      # An output line: the session prints the real one instead.
    }
    END {
      if (cmd != "") finish()
      if (block) print "echo \"unterminated console block\" >&2" > script
    }' "$1"
}

for doc in "$@"; do
  name=$(basename "$doc" .md)
  dir="$T/$name"
  mkdir -p "$dir/work"
  ln -s "$KAM_SRCDIR/examples" "$dir/work/examples"
  session "$doc" "$dir"
  count=$((count + 1))
  # On a terminal, as a reader would type them: tables, not TSV.
  (
    cd "$dir/work" &&
      KAM_DB=kam.db TZ=UTC HOME="$dir/work" \
        script -qec "bash --noprofile --norc '$dir/session.bash'" /dev/null
  ) </dev/null >"$dir/raw.md" 2>"$dir/session.err"
  tr -d '\r' <"$dir/raw.md" >"$dir/got.md"
  if [ -s "$dir/session.err" ]; then
    fail "$doc: the session failed"
    cat "$dir/session.err" >&2
  elif [ "$update" = 1 ]; then
    cp "$dir/got.md" "$doc"
  elif ! diff -u --label "$doc" --label "$doc (as run now)" \
    "$doc" "$dir/got.md" >&2; then
    fail "$doc: a transcript differs from what the commands print now"
  fi
done

done_testing
