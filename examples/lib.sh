# Shared by the example scenarios: the output folder, the commands, and
# the transcript.  A scenario prints itself as Markdown: its prose, and
# each command it runs after a "$ " prompt followed by what it printed,
# inside ```console blocks.  tests/cli/t5020-docs-examples.sh runs each
# scenario and compares what it prints with examples/NAME.md.

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 OUTDIR" >&2
  echo "  runs the scenario in a new store OUTDIR/kam.db (replacing an" >&2
  echo "  old one) and leaves its diagrams in OUTDIR" >&2
  exit 2
fi
examples=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1" || exit 10
cd "$1" || exit 10
rm -f kam.db kam.db-wal kam.db-shm

# The commands: those on PATH, else those of a build in this tree.
if ! command -v kam-org >/dev/null 2>&1; then
  if [ -x "$examples/../src/kam-org" ]; then
    PATH="$examples/../src:$PATH"
  else
    echo "$0: kam-org is neither on PATH nor built in $examples/../src" >&2
    exit 10
  fi
fi
export PATH

# One store for the scenario; the clock and the actor are set by it.  The
# transcripts are English: LANGUAGE would override LC_ALL for messages.
KAM_DB=kam.db
LC_ALL=C.UTF-8
export KAM_DB LC_ALL
unset KAM_ACCOUNT KAM_NOW KAM_USER XDG_DATA_HOME LANGUAGE

# copy_data DIR: copies examples/DIR/* into the output folder.
copy_data() {
  cp "$examples/$1"/* . || exit 10
}

# say TEXT...: prose, one line per argument.
say() {
  printf '%s\n' "$@"
}

# shell: runs the commands on standard input (a line ending with a
# backslash continues), printing each one after "$ " and then its output.
shell() {
  printf '```console\n'
  while IFS= read -r line; do
    cmd=$line
    printf '$ %s\n' "$line"
    while [ "${line%\\}" != "$line" ] && IFS= read -r line; do
      cmd="$cmd
$line"
      printf '%s\n' "$line"
    done
    eval "$cmd" </dev/null 2>&1
  done
  printf '```\n\n'
}
