#!/bin/sh
# Hostile text through every output.  A store holds names, titles,
# questions and notes made to break outputs: markup and quotes, CSV and
# TSV separators, backslash sequences, CDATA and comment ends, CJK and
# combining characters, a very long name, and (written into the store
# directly, as an older or hand-edited store holds them) ESC sequences,
# DEL, C1 controls, bidirectional overrides, line separators, tabs, line
# breaks and a byte that is not UTF-8.  Every listing of every command is
# printed in every format and compared with what is expected, exactly;
# then, over all of them: no control or bidirectional character reaches
# the output as it is, every output is UTF-8, every JSON output is valid
# and decodes to what the store holds, every TSV record is one line,
# every CSV file reads back with its fields, tables stay aligned, and the
# maps are valid DOT and well-formed SVG (xmllint).
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
sqlite_only "writes bytes that are not UTF-8 and unchained rows into the store file with sqlite3; a team store holds only UTF-8"

: "${XMLLINT:=xmllint}"
command -v "$XMLLINT" >/dev/null 2>&1 ||
  fail "xmllint is missing (install libxml2-utils)"

# Valid input: what any user may type.
SCRIPT='<script>alert("x")</script>'
CDATA="]]><!-- \"q\" 'a' --> &amp;"
BACK='back\slash \t \n \\ \u001b %s %n'
CJK='李伟 “引号”'
COMB=$(printf 'Jose\314\201 A\314\212ngstro\314\210m')
LONG="L$(printf '%0150d' 0 | sed 's/0/名/g')"
SEP='a,b;"c"|d'
NOTE=$(printf 'line one\nline\ttwo "q" <b>x</b>\r\nthree')
{
  kam-org init &&
  kam-org account add acme --name "Acme $SCRIPT" --industry "$BACK" &&
  kam-org person add acme/boss --name "$SCRIPT" --title "$CDATA" \
    --dept "$SEP" --level 1 &&
  kam-org person add acme/cjk --name "$CJK" --title 首席技术官 --level 2 \
    --reports-to boss &&
  kam-org person add acme/comb --name "$COMB" --title "$BACK" \
    --reports-to boss --dotted-to cjk &&
  kam-org person add acme/long --name "$LONG" --reports-to cjk &&
  kam-org person add acme/esc --name 'to be replaced' --reports-to boss &&
  kam-org person set acme/boss --title "$SEP" --on 2026-02-01 &&
  kam-org link acme/boss acme/long --kind influences --strength 3 &&
  kam-org link acme/comb acme/esc --kind rivals &&
  kam-org competitor add rival --name "Rival $CDATA" &&
  kam-org deal add acme/his --name "HIS $SEP $SCRIPT" --value 100 \
    --currency CNY &&
  kam-org role acme/his boss decision-maker --influence high &&
  kam-org role acme/his comb technical --lead &&
  kam-org role acme/his esc user --influence low &&
  kam-org role acme/his long coach &&
  kam-stance set acme/boss support --on 2026-01-10 --note "$NOTE" \
    --source "$SCRIPT" --deal his &&
  kam-stance set acme/cjk oppose --on 2026-01-12 --toward rival \
    --note "$BACK" &&
  kam-stance set acme/comb neutral --on 2026-02-20 --source "$SEP" &&
  kam-gate criteria add 4 hostile --question "$SCRIPT $CDATA" &&
  kam-gate answer acme/his need yes --on 2026-02-01 --evidence "$NOTE" &&
  kam-gate answer acme/his hostile no --on 2026-02-01 --evidence "$SEP" &&
  kam-gate run acme/his &&
  kam-gate answer acme/his budget yes --on 2026-02-02 --evidence "$SCRIPT" &&
  kam-gate run acme/his
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }

# What only a store written before the limits of kam(7) TEXT, or edited
# by hand, holds.
sql "UPDATE person SET
       name = 'e' || char(27) || '[31mred' || char(127) || 'del' ||
              char(8238) || 'rlo' || char(155) || 'csi' || char(9) ||
              'tab' || char(10) || 'lf' || char(13) || 'cr' ||
              CAST(x'ff' AS TEXT) || 'x',
       title = 'iso' || char(8294) || 'late' || char(8232) || 'ls' ||
               char(7)
     WHERE handle = 'esc';
     UPDATE deal SET name = name || char(27) || '[2J' WHERE handle = 'his';
     UPDATE answer SET evidence = evidence || char(27) || '[5m' ||
       char(8238) WHERE criterion_id =
       (SELECT id FROM criterion WHERE key = 'budget');
     UPDATE criterion SET question = question || char(8238) || 'txt'
     WHERE key = 'hostile';
     INSERT INTO observation (person_id, stance, effective, recorded,
       actor, note, source, prev_hash, hash)
     SELECT id, 'oppose', '2026-02-25', '2026-02-25T10:00:00Z',
       'ed' || char(27) || 'it', 'bell' || char(7) || char(10) || 'x',
       char(8238) || 'src', '', '' FROM person WHERE handle = 'esc';" ||
  fail "writing hostile values into the store"

# out NAME STATUS COMMAND...: runs it, appends "$ COMMAND", its output and
# a non-zero status to the transcript of the test.
: >"$T/transcript.out"
n=0
out() {
  oname=$1 ostatus=$2
  shift 2
  n=$((n + 1))
  run "o$n-$oname" "$ostatus" "$@"
  {
    printf '$ %s\n' "$*"
    cat "$T/o$n-$oname.out" "$T/o$n-$oname.err"
    [ "$ostatus" = 0 ] || echo "[exit $ostatus]"
  } >>"$T/transcript.out"
}
# every NAME STATUS COMMAND...: out in each of the four formats.
every() {
  ename=$1 estatus=$2
  shift 2
  for f in table tsv csv json; do
    out "$ename.$f" "$estatus" "$@" -F "$f"
  done
}

export KAM_ACCOUNT=acme
every account-list 0 kam-org account list
every account-show 0 kam-org account show acme
every person-list 0 kam-org person list
every person-show 0 kam-org person show esc
out tree 0 kam-org tree
every tree 0 kam-org tree
every links 0 kam-org links
every competitors 0 kam-org competitor list
every deal-list 0 kam-org deal list
every deal-show 0 kam-org deal show his
every roles 0 kam-org roles his
every check 1 kam-org check his
every log 0 kam-org log boss
every influence 0 kam-org influence --deal his
out export 0 kam-org export
out export.links 0 kam-org export --kind links
out export.roles 0 kam-org export --kind roles
every show 0 kam-stance show
every show-deal 0 kam-stance show acme/his
every stance-log 0 kam-stance log acme
every changes 0 kam-stance changes acme --from 2026-01-01 --to 2026-03-01
every timeline 0 kam-stance timeline acme --from 2026-01-01 --to 2026-03-01
every criteria 0 kam-gate criteria --gate 4
every answers 0 kam-gate answers his
every run 0 kam-gate run his --dry-run
every history 0 kam-gate history his
every diff 0 kam-gate diff his
every plan 0 kam-gate plan his
every profiles 0 kam-gate profile list
every gate-list 0 kam-gate list

expect_out transcript text-output.transcript

# A handle of a hand-edited store holds anything too; Graphviz copies a
# node's name into SVG as it is, so kam-map names such a node with
# escapes.  The outputs after this are checked, not compared.
sql "UPDATE person SET handle = 'lo' || char(27) || 'ng-->' || char(8238) ||
  '<x>' WHERE handle = 'long'" || fail "writing a hostile handle"
for f in table tsv csv json; do
  run "o-late-people.$f" 0 kam-org person list -F "$f"
  run "o-late-buying.$f" 0 kam-org roles his -F "$f"
done
run o-late-tree 0 kam-org tree
run o-late-map.dot 0 kam-map --view all his
count=$((count + 1))
grep -qF 'cjk -> "lo\u001bng-->\u202e<x>"' "$T/o-late-map.dot.out" ||
  fail "late-map: the node of the hostile handle is not named with escapes"
run svg-late 0 kam-map -T svg --view all his
sql "UPDATE person SET handle = 'long' WHERE name LIKE 'L名%'" ||
  fail "restoring the handle"
# The memo (kam-gate(1) says how it escapes for Markdown) and the SVG
# maps, whose layout depends on fonts, are checked below, not compared.
run o-report 0 kam-gate report his
run o-map.dot 0 kam-map --view all his
run o-map.org 0 kam-map --view org --title "$SCRIPT $CDATA $BACK" acme
for v in all org buying influence; do
  run "svg-$v" 0 kam-map -T svg --view "$v" --title "$CDATA" his
done
run svg-focus 0 kam-map -T svg --focus esc --depth 1 acme
run svg-timeline 0 kam-stance timeline -T svg acme --from 2026-01-01 \
  --to 2026-03-01
run dot-timeline 0 kam-stance timeline -T dot acme --from 2026-01-01 \
  --to 2026-03-01

# No control or bidirectional character reaches an output as it is:
# none of C0 but LF (and tab, the separator, in TSV and DOT; tab and CR,
# which a note may hold, inside quotes in CSV), DEL, C1, the
# bidirectional controls; every output is UTF-8.
C0=$(printf '[\001-\011\013-\037\177]')
C0TSV=$(printf '[\001-\010\013-\037\177]')
C0CSV=$(printf '[\001-\010\013\014\016-\037\177]')
C1=$(printf '\302[\200-\237]')
BIDI=$(printf '\342\200[\252-\256]\\|\342\201[\246-\251]')
for f in "$T"/o*.out "$T"/o*.err "$T"/svg-*.out "$T"/dot-*.out; do
  b=${f##*/}
  count=$((count + 1))
  case $b in
    *.tsv.out | *map.*.out | dot-*.out) re=$C0TSV ;;
    *.csv.out | *-export*.out) re=$C0CSV ;;
    *) re=$C0 ;;
  esac
  if LC_ALL=C grep -q "$re" "$f"; then
    fail "$b: a control character: $(LC_ALL=C grep -n "$re" "$f" | head -1 | od -c | head -2)"
  fi
  if LC_ALL=C grep -q "$C1" "$f"; then fail "$b: a C1 control"; fi
  if LC_ALL=C grep -q "$BIDI" "$f"; then fail "$b: a bidirectional control"; fi
  count=$((count + 1))
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "$b: not UTF-8"
done

# JSON: valid, and it decodes to what the store holds.
for f in "$T"/o*.json.out; do
  count=$((count + 1))
  [ "$("$SQLITE3" :memory: "SELECT json_valid(readfile('$f'))")" = 1 ] ||
    fail "${f##*/}: not valid JSON"
done
f=$(ls "$T"/o*-person-list.json.out)
expect_sql json-decodes "SELECT group_concat(ok, '') FROM (SELECT
    j.value ->> 'name' = p.name AND
    j.value ->> 'title' IS p.title AND j.value ->> 'dept' IS p.dept AS ok
  FROM json_each(readfile('$f')) j JOIN person p
  ON (SELECT handle FROM account WHERE id = p.account_id) || '/' || p.handle
    = j.value ->> 'handle' WHERE p.handle <> 'esc'
  ORDER BY p.id)" 1111
expect_sql json-decodes-esc "SELECT j.value ->> 'name' = replace(p.name,
    CAST(x'ff' AS TEXT), char(65533)) AND j.value ->> 'title' = p.title
  FROM json_each(readfile('$f')) j JOIN person p
  ON (SELECT handle FROM account WHERE id = p.account_id) || '/' || p.handle
    = j.value ->> 'handle' WHERE p.handle = 'esc'" 1

# TSV: one line a record, as many fields as the header.
for f in "$T"/o*.tsv.out; do
  count=$((count + 1))
  awk -F '\t' 'NR == 1 { n = NF } NF != n { exit 1 }' "$f" ||
    fail "${f##*/}: a record is not one line of the header's fields"
done

# CSV: read back by another reader (SQLite's), the fields are the
# store's, for the people that hold nothing refused.
f=$(ls "$T"/o*-person-list.csv.out)
"$SQLITE3" "$T/csv.db" ".import --csv '$f' csv" ||
  fail "SQLite cannot read the CSV"
count=$((count + 1))
got=$("$SQLITE3" "$T/csv.db" "ATTACH '$KAM_DB' AS k; SELECT count(*) FROM
  k.person p JOIN csv c ON c.handle = (SELECT handle FROM k.account
  WHERE id = p.account_id) || '/' || p.handle WHERE c.name = p.name AND
  c.title = coalesce(p.title, '') AND c.dept = coalesce(p.dept, '')")
[ "$got" = 4 ] || fail "CSV read back: $got of 4 people match the store"
# ESC, DEL, U+202E and U+009B come back as text, tab and line breaks as
# they are, the byte that is not UTF-8 as \ufffd.
hex() { od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
count=$((count + 1))
got=$("$SQLITE3" "$T/csv.db" "SELECT hex(name) || ' ' || hex(title) FROM csv
  WHERE handle LIKE '%/esc'")
want="$({ printf '%s' 'e\u001b[31mred\u007fdel\u202erlo\u009bcsi'
  printf '\ttab\nlf\rcr'; printf '%s' '\ufffdx'; } | hex) $(
  printf 'iso\\u2066late\342\200\250ls\\u0007' | hex)"
[ "$got" = "$want" ] || fail "CSV read back: esc is '$got', not '$want'"

# Tables stay aligned: in a table whose last column is the same on every
# row, every row is as wide (display columns) as every other.
for t in person-list roles; do
  f=$(ls "$T"/o*-"$t".table.out)
  count=$((count + 1))
  sed 1d "$f" | while IFS= read -r line; do
    printf '%s\n' "$line" | wc -L
  done | sort -u >"$T/widths"
  [ "$(wc -l <"$T/widths")" = 1 ] ||
    fail "$t: rows of widths $(tr '\n' ' ' <"$T/widths")"
done

# The maps: DOT that dot reads, SVG that is well-formed XML.
for f in "$T"/o*-map.*.out "$T"/dot-timeline.out; do
  count=$((count + 1))
  if [ "$DOT" != no ] &&
    ! "$DOT" -Tcanon "$f" >/dev/null 2>"$T/canon.err"; then
    fail "${f##*/}: dot refused it: $(cat "$T/canon.err")"
  fi
done
for f in "$T"/svg-*.out; do
  count=$((count + 1))
  "$XMLLINT" --noout "$f" 2>"$T/xml.err" ||
    fail "${f##*/}: not well-formed XML: $(head -3 "$T/xml.err")"
done
# In the DOT, the labels are escaped as kam-map(1) says.
for s in \
  'label=<<B>✔ &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</B><BR/><FONT POINT-SIZE="10">a,b;&quot;c&quot;|d</FONT>' \
  "label=<<B>○ $COMB</B><BR/>"'<FONT POINT-SIZE="10">back\\slash \\t \\n \\\\ \\u001b %s %n</FONT>' \
  'label=<<B>✖ e␛[31mred␡del�rlo�csi tab<BR/>lf<BR/>cr�x</B><BR/><FONT POINT-SIZE="10">iso�late<BR/>ls␇</FONT>' \
  '<B>? 李伟 “引号”</B><BR/><FONT POINT-SIZE="10">首席技术官</FONT>'; do
  count=$((count + 1))
  grep -qF -- "$s" "$T/o-map.dot.out" || fail "map.dot: no '$s'"
done
count=$((count + 1))
grep -qF -- 'label=<<FONT POINT-SIZE="20"><B>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt;&lt;!-- &quot;q&quot; &#39;a&#39; --&gt; &amp;amp; back\\slash \\t \\n \\\\ \\u001b %s %n</B></FONT><BR/>' \
  "$T/o-map.org.out" || fail "map.org: the title is not escaped as expected"
# In SVG, the characters are entities or pictures, never markup.
f=$T/svg-all.out
for s in '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' \
  ']]&gt;&lt;!&#45;&#45; &quot;q&quot; &#39;a&#39; &#45;&#45;&gt; &amp;amp;' \
  'e␛[31mred␡del�rlo�csi tab' 'lf' '李伟 “引号”' "$COMB"; do
  count=$((count + 1))
  grep -qF -- "$s" "$f" || fail "svg-all: no '$s'"
done
count=$((count + 1))
if grep -q '<script' "$f"; then fail "svg-all: a <script> element"; fi

done_testing
