#!/bin/sh
# kam-map: names, titles and account names holding markup, quotes,
# backslashes, Graphviz escapes and newlines are drawn as text: the DOT
# is accepted by dot, and the rendered SVG shows the very characters.
# Names and titles are one line now; the newlines are put in the store
# directly, as a store written before that holds them.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

canon() {
  [ "$DOT" = no ] && return 0
  count=$((count + 1))
  if ! "$DOT" -Tcanon "$T/$1.out" >/dev/null 2>"$T/$1.canon" ||
    [ -s "$T/$1.canon" ]; then
    fail "$1: dot -Tcanon refused the map"
    cat "$T/$1.canon" >&2
  fi
}

# has NAME TEXT: the output of NAME holds TEXT exactly.
has() {
  count=$((count + 1))
  grep -qF -- "$2" "$T/$1.out" || fail "$1: no '$2'"
}
hasnt() {
  count=$((count + 1))
  if grep -qF -- "$2" "$T/$1.out"; then fail "$1: has '$2'"; fi
}

cat >"$T/people.csv" <<'CSV'
handle,name,title,level
script,"<script>alert(""x"")</script>",R&D <lead>,1
back.slash-1,"back\slash \N \G \L \n \""",,2
entity,"&amp; &#169; ]] }; // <!-- -->",x,2
two-lines,line one,'single',2
li-wei,李伟 “引号”,首席技术官,2
CSV
{
  kam-org init &&
  kam-org account add esc --name 'A & <B> "C" \N' &&
  kam-org import esc "$T/people.csv" &&
  kam-org link esc/script esc/back.slash-1 --kind influences &&
  kam-org link esc/entity esc/li-wei --kind rivals &&
  sql "UPDATE person SET title = title || char(10) || 'second line'
       WHERE handle = 'script';
       UPDATE person SET name = name || char(10) || 'line two'
       WHERE handle = 'two-lines'"
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

run dot 0 kam-map esc
expect_out dot map-escape.dot
canon dot

run title 0 kam-map --title 'Review <b>&amp;</b> "Q1" \G next line' \
  --no-legend esc
canon title
has title 'Review &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Q1&quot; \\G next line'

run svg 0 kam-map -T svg --title 'Review <b>&amp;</b> "Q1" \G' esc
has svg '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
hasnt svg '<script'
has svg '>R&amp;D &lt;lead&gt;</text>'
has svg '>second line</text>'
has svg 'back\slash \N \G \L \n \&quot;'
has svg '&amp;amp; &amp;#169; ]] }; // &lt;!&#45;&#45; &#45;&#45;&gt;'
has svg '>? line one</text>'
has svg '>line two</text>'
has svg '李伟 “引号”'
has svg '首席技术官'
has svg 'Review &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Q1&quot; \G'
run svg-name 0 kam-map -T svg --no-legend esc
has svg-name '>A &amp; &lt;B&gt; &quot;C&quot; \N</text>'
has svg-name '>&#39;single&#39;</text>'

if command -v xmllint >/dev/null 2>&1; then
  count=$((count + 1))
  xmllint --noout "$T/svg.out" 2>"$T/xml.err" ||
    fail "svg: not well-formed XML: $(cat "$T/xml.err")"
fi

# Handles that are DOT keywords or numerals are quoted by agwrite.
{
  kam-org account add graph --name 'graph' &&
  for h in node edge graph subgraph strict digraph Node 1abc 12 1.5; do
    kam-org person add "graph/$h" --name "$h" || exit 1
  done &&
  kam-org link graph/node graph/edge --kind influences &&
  kam-org link graph/12 graph/1.5 --kind allies
} >"$T/setup2.out" 2>&1 || { cat "$T/setup2.out"; exit 1; }
run keywords 0 kam-map --no-legend graph
canon keywords
grep -E '^	[^	]+	\[|->' "$T/keywords.out" | cut -f2 | cut -c1-30 >"$T/kw.out"
expect_text kw '1.5
12
12 -> 1.5
"1abc"
"Node"
"digraph"
"edge"
"graph"
"node"
"node" -> "edge"
"strict"
"subgraph"'

done_testing
