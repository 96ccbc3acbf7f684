#!/bin/sh
# libpq, igraph and Graphviz are loaded when first needed
# (src/lib/lazy.h), not at each start: no command needs any of them to
# start (readelf), a command on a store file that draws nothing loads
# none, kam-org influence loads igraph, a drawing (kam-map, kam-stance
# timeline -T, kam-gate portfolio -T) loads Graphviz, and a command on
# a team store loads libpq (glibc's LD_DEBUG=libs shows what the
# dynamic loader finds).  The libraries and what they bring took two
# thirds of the start of a command.  A library that cannot be loaded
# fails only the command that needs it, saying why.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

command -v readelf >/dev/null 2>&1 || {
  echo "readelf not found"
  exit 77
}
B=$KAM_BUILDDIR/src

# None of the commands needs libpq, igraph or Graphviz to start.
for c in kam kam-org kam-stance kam-gate kam-map; do
  count=$((count + 1))
  readelf -d "$B/$c" >"$T/$c.dyn" || fail "$c: readelf failed"
  grep -q 'NEEDED' "$T/$c.dyn" || fail "$c: readelf shows no NEEDED line"
  if grep -E 'NEEDED.*\[lib(pq|igraph|gvc|cgraph|cdt|pathplan)\.so' "$T/$c.dyn" >&2; then
    fail "$c needs libpq, igraph or Graphviz to start"
  fi
done

kam-org init >/dev/null
kam-org account add acme --name Acme >/dev/null
KAM_ACCOUNT=acme
export KAM_ACCOUNT
{
  kam-org person add wang --name 王伟 --level 1
  kam-org person add li --name 李娜 --level 2 --reports-to wang
  kam-org link li wang --kind influences --on 2026-01-01
} >/dev/null

# loads NAME LIBRARY YES|NO COMMAND ARG...: runs the built command (not
# a wrapper, which would load libraries of its own) with LD_DEBUG=libs,
# and checks whether the dynamic loader looked for LIBRARY.
loads() {
  name=$1 lib=$2 want=$3
  shift 3
  count=$((count + 1))
  cmd=$1
  shift
  rm -f "$T/$name.ld".*
  if ! LD_DEBUG=libs LD_DEBUG_OUTPUT="$T/$name.ld" "$B/$cmd" "$@" \
    >"$T/$name.out" 2>"$T/$name.err"; then
    fail "$name: $cmd $* failed"
    cat "$T/$name.err" >&2
    return
  fi
  ls "$T/$name.ld".* >/dev/null 2>&1 || {
    fail "$name: LD_DEBUG wrote nothing"
    return
  }
  if grep -q "find library=$lib" "$T/$name.ld".*; then got=YES; else got=NO; fi
  [ "$got" = "$want" ] || fail "$name: $cmd $*: loads $lib: $got, expected $want"
}

loads version-pq libpq.so NO kam-org --version
loads version-igraph libigraph.so NO kam-stance --version
loads list-igraph libigraph.so NO kam-org person list
loads influence-igraph libigraph.so YES kam-org influence
loads version-gvc libgvc.so NO kam-map --version
loads list-gvc libgvc.so NO kam-org person list
loads influence-gvc libgvc.so NO kam-org influence
loads show-gvc libgvc.so NO kam-stance show
loads map-gvc libgvc.so YES kam-map -T dot -o "$T/map.dot" acme
loads timeline-gvc libgvc.so YES kam-stance timeline -T dot -o "$T/timeline.dot"
loads portfolio-gvc libgvc.so YES kam-gate portfolio -T dot -o "$T/portfolio.dot"
loads portfolio-table-gvc libgvc.so NO kam-gate portfolio
if on_pg; then
  loads list-pq libpq.so YES kam-org person list
  loads influence-pq libpq.so YES kam-org influence
else
  loads list-pq libpq.so NO kam-org person list
  loads influence-pq libpq.so NO kam-org influence
fi
# What the loaded igraph computed: li, who influences wang, carries
# the weight (the scores of t8000 and t8010 are checked against
# igraph's own, linked, in check_influence).
run influence 0 "$B/kam-org" influence
expect_text influence "$(printf 'person\tname\tlevel\troles\tstance\tinfluence\tbrokerage
acme/li\t李娜\t2\t\t\t0.649123\t0.000000
acme/wang\t王伟\t1\t\t\t0.350877\t0.000000')"

# A library that cannot be loaded (here an empty file of its name,
# found first through LD_LIBRARY_PATH): the command that needs it fails
# with the loader's reason, its own exit status and nothing written; the
# others never notice.
so() { sed -n "s/^#define $1 \"\(.*\)\"\$/\1/p" "$KAM_BUILDDIR/config.h"; }
igraph_so=$(so IGRAPH_SONAME) pq_so=$(so LIBPQ_SONAME) gvc_so=$(so GVC_SONAME)
[ -n "$igraph_so" ] && [ -n "$pq_so" ] && [ -n "$gvc_so" ] ||
  fail "no library names in config.h"
mkdir "$T/broken"
: >"$T/broken/$igraph_so"
: >"$T/broken/$pq_so"
: >"$T/broken/$gvc_so"
F=$T/file.db
{
  "$B/kam-org" -d "$F" init
  "$B/kam-org" -d "$F" account add acme --name Acme
  "$B/kam-org" -d "$F" -a acme person add wang --name 王伟 --level 1
} >/dev/null || fail "cannot make $F"
cp "$F" "$T/file.before"
run broken-igraph 11 env LD_LIBRARY_PATH="$T/broken" "$B/kam-org" -d "$F" influence acme
expect_err broken-igraph "kam-org: cannot compute influence: cannot load $igraph_so: $T/broken/$igraph_so: file too short"
run broken-pq 10 env LD_LIBRARY_PATH="$T/broken" "$B/kam-stance" \
  -d postgresql://kam@127.0.0.1:1/kam show acme
expect_err broken-pq "kam-stance: cannot open store 'postgresql://kam@127.0.0.1:1/kam': cannot load $pq_so: $T/broken/$pq_so: file too short"
for v in "kam-map -d $F acme" "kam-stance -d $F timeline acme" "kam-gate -d $F portfolio"; do
  run broken-gvc 12 env LD_LIBRARY_PATH="$T/broken" "$B/${v%% *}" ${v#* } -T svg -o "$T/broken.svg"
  expect_err broken-gvc "${v%% *}: cannot draw: cannot load $gvc_so: $T/broken/$gvc_so: file too short"
  count=$((count + 1))
  [ ! -e "$T/broken.svg" ] || fail "${v%% *}: wrote a drawing without Graphviz"
done
run broken-other 0 env LD_LIBRARY_PATH="$T/broken" "$B/kam-org" -d "$F" person list acme
expect_text broken-other "$(printf 'handle\tname\ttitle\tdept\tlevel\treports_to\tdotted_to\tplaceholder\tleft_on\text_id
acme/wang\t王伟\t\t\t1\t\t\tno\t\t')"
count=$((count + 1))
cmp -s "$F" "$T/file.before" || fail "the store changed"

done_testing
