#!/bin/sh
# The Krackhardt (1987) high-tech managers (tests/data/krackhardt): the
# documented awk commands of kam-org(1) turn the data into kam's people
# and links CSV; kam-org imports them and draws the right tree: the CEO
# (m7) at the root, the vice presidents (m2, m14, m18, m21) under it, each
# manager under the vice president of the same department.
. "${KAM_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/lib.sh"

K="$DATA/krackhardt"
# The same commands as in kam-org(1), EXAMPLES.
awk -F, 'NR == FNR { if (FNR > 1) boss[$1] = "m" $2; next }
  FNR == 1 { print "handle,name,title,dept,level,reports_to"; next }
  { t = $6; gsub(/_/, " ", t)
    printf "m%s,Manager %s,%s,%s,%s,%s\n", $1, $1, t,
      ($3 == 0 ? "" : "dept " $3), $2, boss[$1] }' \
  "$K/reports_to.csv" "$K/people.csv" >"$T/people.csv"
# A row from,to of advice.csv means "from goes to to for advice": to
# advises from.
awk -F, 'NR == 1 { print "from,to,kind"; next }
  { print "m" $2 ",m" $1 ",advises" }' "$K/advice.csv" >"$T/advice.csv"

# The commands documented in kam-org(1) give the same files.
sed -n '/^\$ awk/,/> \/tmp\//p' "$KAM_SRCDIR/docs/kam-org.1" |
  sed 's/^\$ //; s/\\e/\\/g; s|/tmp/|'"$T"'/doc-|' >"$T/doc.sh"
grep -c '^awk' "$T/doc.sh" | grep -qx 2 || fail "doc: no awk commands in kam-org(1)"
(cd "$K" && sh "$T/doc.sh") || fail "doc: the documented commands failed"
cmp -s "$T/people.csv" "$T/doc-people.csv" || fail "doc: people.csv differs"
cmp -s "$T/advice.csv" "$T/doc-advice.csv" || fail "doc: advice.csv differs"

kam-org init >/dev/null
kam-org account add krack --name 'Krackhardt high-tech' >/dev/null
run people 0 kam-org import krack "$T/people.csv"
run advice 0 kam-org import krack "$T/advice.csv"
expect_sql count "SELECT count(*) FROM person" 21
expect_sql lines "SELECT count(*) FROM reporting_line_all WHERE kind = 'solid'" 20
expect_sql advice "SELECT count(*) FROM link WHERE kind = 'advises'" 190
# Every advice row is a link from the adviser (to) to the one advised
# (from): manager 1 goes to manager 2 for advice, so m2 advises m1.
sed 1d "$K/advice.csv" | awk -F, '{ print $2 "," $1 }' | sort >"$T/want-advice"
sql "SELECT substr(f.handle, 2) || ',' || substr(t.handle, 2) FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id WHERE l.kind = 'advises'" | sort >"$T/got-advice"
cmp -s "$T/want-advice" "$T/got-advice" || fail "advice: the links do not run from adviser to advised"
count=$((count + 1))
expect_sql m2-advises-m1 "SELECT f.handle || ' advises ' || t.handle FROM link l JOIN person f ON f.id = l.from_id JOIN person t ON t.id = l.to_id WHERE t.handle = 'm1' AND f.handle = 'm2'" "m2 advises m1"
# Every reporting line of the data is in the store.
sed 1d "$K/reports_to.csv" | sort >"$T/want-lines"
sql "SELECT substr(p.handle, 2) || ',' || substr(m.handle, 2) FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id" | sort >"$T/got-lines"
cmp -s "$T/want-lines" "$T/got-lines" || fail "lines: the store's reporting lines differ from reports_to.csv"
# Each manager reports to the vice president of the same department
# (dept 1: m21, 2: m14, 3: m18, 4: m2), each of them to the CEO.
expect_sql depts "SELECT p.dept, m.handle, count(*) FROM reporting_line_all r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.level = 3 GROUP BY p.dept, m.handle ORDER BY p.dept" \
"dept 1|m21|4
dept 2|m14|7
dept 3|m18|2
dept 4|m2|3"
expect_sql vps "SELECT group_concat(p.handle || '>' || m.handle || ':' || p.dept, ' ') FROM (SELECT * FROM reporting_line_all ORDER BY person_id) r JOIN person p ON p.id = r.person_id JOIN person m ON m.id = r.manager_id WHERE p.level = 2" \
  "m14>m7:dept 2 m18>m7:dept 3 m2>m7:dept 4 m21>m7:dept 1"
run tree 0 kam-org -F table tree krack
expect_out tree org-krackhardt-tree.table
run tree-tsv 0 kam-org -F tsv tree krack
expect_out tree-tsv org-krackhardt-tree.tsv
# Managers report to a higher rank everywhere: no flags, no deals.
run check 0 kam-org check krack
expect_text check "flag	subject	message"
# Export gives back the converted file's rows (in handle order: an
# import gives its people ids in handle order).
run export 0 kam-org export krack
cut -d, -f1-6 "$T/export.out" | sed 1d >"$T/export6"
sed 1d "$T/people.csv" | LC_ALL=C sort >"$T/people6"
cmp -s "$T/people6" "$T/export6" || fail "export: differs from the imported file"

done_testing
