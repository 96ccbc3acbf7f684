#!/bin/sh
# Text fields refuse what would reach a terminal as something other than
# text.  Names, titles, departments, industries, currencies, questions,
# map titles and fonts are one line: no C0 control (tab and line breaks
# included), DEL, C1 control, line or paragraph separator, or
# bidirectional embedding, override or isolate.  Notes, sources,
# reasons and evidence may also hold tabs and line breaks.  Each refusal
# names the field and the character, exits 3 and leaves the store as it
# was, from an option or from an imported file; the characters on either
# side of each refused range are accepted.
. "${KAM_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

{
  kam-org init &&
  kam-org account add acme --name Acme &&
  kam-org person add acme/li --name Li &&
  kam-org deal add acme/his --name HIS &&
  kam-org competitor add rival --name Rival &&
  kam-stance set acme/li support
} >"$T/setup.out" 2>&1 || { cat "$T/setup.out"; exit 1; }
export KAM_ACCOUNT=acme

# refuse NAME MESSAGE COMMAND...: exit 3 with exactly MESSAGE, nothing on
# stdout, the store unchanged.
refuse() {
  rname=$1 rmsg=$2
  shift 2
  snapshot
  run "$rname" 3 "$@"
  expect_err "$rname" "$rmsg"
  count=$((count + 1))
  [ ! -s "$T/$rname.out" ] || fail "$rname: printed something"
  unchanged "$rname"
}

# Every refused character, in a name: its code point and what it is.
while read -r esc cp what; do
  c=$(printf "$esc")
  refuse "name-$cp" "kam-org: --name contains $what $cp" \
    kam-org person add p1 --name "a${c}b"
done <<'EOF'
\001 U+0001 control character
\033 U+001B control character
\037 U+001F control character
\177 U+007F control character
\302\200 U+0080 control character
\302\205 U+0085 control character
\302\233 U+009B control character
\302\237 U+009F control character
\342\200\250 U+2028 line separator
\342\200\251 U+2029 paragraph separator
\342\200\252 U+202A bidirectional control
\342\200\256 U+202E bidirectional control
\342\201\246 U+2066 bidirectional control
\342\201\251 U+2069 bidirectional control
EOF
refuse name-tab "kam-org: --name contains control character U+0009 (a tab)" \
  kam-org person add p1 --name "$(printf 'a\tb')"
refuse name-lf "kam-org: --name contains control character U+000A (a line break)" \
  kam-org person add p1 --name "a
b"
refuse name-cr "kam-org: --name contains control character U+000D (a line break)" \
  kam-org person add p1 --name "$(printf 'a\rb')"
# The first character at fault is the one named.
refuse name-first "kam-org: --name contains bidirectional control U+202E" \
  kam-org person add p1 --name "$(printf 'x\342\200\256y\033z')"

# The characters just outside each range are text, and are kept.
n=0
for esc in ' ' '~' '\302\240' '\342\200\247' '\342\200\257' '\342\201\245' \
  '\342\201\252' '\342\200\216' 'e\314\201' '\360\237\230\200'; do
  n=$((n + 1))
  c=$(printf "$esc")
  run "ok-$n" 0 kam-org person add "ok$n" --name "a${c}b"
  expect_sql "ok-$n" "SELECT hex(name) = hex(CAST(x'$(printf 'a%sb' "$c" |
    od -An -tx1 | tr -d ' \n')' AS TEXT)) FROM person WHERE handle = 'ok$n'" 1
done

# Every one-line field of every command.
E=$(printf 'x\033[31my')
refuse account-name "kam-org: --name contains control character U+001B" \
  kam-org account add a2 --name "$E"
refuse account-industry "kam-org: --industry contains control character U+001B" \
  kam-org account add a2 --name A2 --industry "$E"
refuse person-title "kam-org: --title contains control character U+001B" \
  kam-org person add p1 --name P --title "$E"
refuse person-dept "kam-org: --dept contains control character U+001B" \
  kam-org person add p1 --name P --dept "$E"
refuse set-name "kam-org: --name contains control character U+001B" \
  kam-org person set li --name "$E"
refuse set-title "kam-org: --title contains control character U+0009 (a tab)" \
  kam-org person set li --title "$(printf 'CTO\tacting')"
refuse set-dept "kam-org: --dept contains bidirectional control U+202E" \
  kam-org person set li --dept "$(printf 'R\342\200\256D')"
refuse competitor-name "kam-org: --name contains control character U+001B" \
  kam-org competitor add r2 --name "$E"
refuse deal-name "kam-org: --name contains control character U+001B" \
  kam-org deal add d2 --name "$E"
refuse deal-currency "kam-org: --currency contains control character U+007F" \
  kam-org deal add d2 --name D2 --currency "$(printf 'CN\177Y')"
refuse question "kam-gate: --question contains control character U+001B" \
  kam-gate criteria add 1 extra --question "$E"
refuse question-lf "kam-gate: --question contains control character U+000A (a line break)" \
  kam-gate criteria set need --question "one
two"
refuse map-title "kam-map: --title contains control character U+001B" \
  kam-map --title "$E" acme
refuse map-title-lf "kam-map: --title contains control character U+000A (a line break)" \
  kam-map --title "one
two" acme
refuse map-font "kam-map: --font contains bidirectional control U+2066" \
  kam-map --font "$(printf 'Noto\342\201\246')" acme
refuse kam-user "kam-stance: KAM_USER contains control character U+001B" \
  env KAM_USER="$E" kam-stance set li neutral

# Free text: tabs and line breaks are kept; other controls are refused.
refuse note "kam-stance: --note contains control character U+001B" \
  kam-stance set li neutral --note "$E"
refuse note-bidi "kam-stance: --note contains bidirectional control U+202E" \
  kam-stance set li neutral --note "$(printf 'a\342\200\256b')"
refuse source "kam-stance: --source contains control character U+009B" \
  kam-stance set li neutral --source "$(printf 'a\302\233b')"
refuse retract-why "kam-stance: --why contains control character U+007F" \
  kam-stance retract 1 --why "$(printf 'a\177b')"
refuse correct-why "kam-stance: --why contains control character U+001B" \
  kam-stance correct 1 oppose --why "$E"
refuse evidence "kam-gate: --evidence contains control character U+001B" \
  kam-gate answer his need yes --evidence "$E"
NOTE=$(printf 'line one\nline\ttwo\r\nthree\rfour\342\200\250five')
run note-ok 0 kam-stance set li neutral --note "$NOTE" --source "$NOTE"
expect_sql note-ok "SELECT hex(note) = hex(source), hex(note) FROM observation_plain WHERE id = 2" \
  "1|$(printf '%s' "$NOTE" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
run evidence-ok 0 kam-gate answer his need yes --evidence "$NOTE"
expect_sql evidence-ok "SELECT count(*) FROM answer WHERE evidence = CAST(x'$(printf '%s' "$NOTE" | od -An -tx1 | tr -d ' \n')' AS TEXT)" 1

# Imported files: the same rules, the file and line named.
printf 'handle,name,title,dept\nok,OK,,\nbad,"B\033ad",,\n' >"$T/p-name.csv"
refuse import-name "kam-org: $T/p-name.csv:3: name contains control character U+001B" \
  kam-org import acme "$T/p-name.csv"
printf 'handle,name,title,dept\nok,OK,,\nbad,Bad,"Chief\tOfficer",\n' >"$T/p-title.csv"
refuse import-title "kam-org: $T/p-title.csv:3: title contains control character U+0009 (a tab)" \
  kam-org import acme "$T/p-title.csv"
printf 'handle,name,title,dept\nbad,Bad,,"R\342\200\256D"\n' >"$T/p-dept.csv"
refuse import-dept "kam-org: $T/p-dept.csv:2: dept contains bidirectional control U+202E" \
  kam-org import acme "$T/p-dept.csv"
printf 'handle,name\nbad,"two\nlines"\n' >"$T/p-lf.csv"
refuse import-lf "kam-org: $T/p-lf.csv:2: name contains control character U+000A (a line break)" \
  kam-org import acme "$T/p-lf.csv"
printf 'person,stance,note,source\nacme/li,support,fine,ok\nacme/li,oppose,"a\177b",\n' >"$T/s-note.csv"
refuse import-note "kam-stance: $T/s-note.csv:3: note contains control character U+007F" \
  kam-stance import "$T/s-note.csv"
printf 'person,stance,note,source\nacme/li,support,,"s\302\205"\n' >"$T/s-source.csv"
refuse import-source "kam-stance: $T/s-source.csv:2: source contains control character U+0085" \
  kam-stance import "$T/s-source.csv"
printf 'person,stance,note,source\nacme/li,support,"a\tb\nc",d\n' >"$T/s-ok.csv"
run import-ok 0 kam-stance import "$T/s-ok.csv"
expect_sql import-ok "SELECT hex(note) FROM observation_plain ORDER BY id DESC LIMIT 1" \
  "$(printf 'a\tb\nc' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"

# What the user typed is echoed shown, never sent to the terminal as it is.
snapshot
run echo-handle 3 kam-stance set "$(printf 'wang\033[31m')" support
expect_err echo-handle "kam-stance: invalid person 'wang␛[31m' (write ACCOUNT/HANDLE or HANDLE)"
run echo-unknown 3 kam-org person show "$(printf 'acme/li\177')"
expect_err echo-unknown "kam-org: invalid person 'acme/li␡' (write ACCOUNT/HANDLE or HANDLE)"
run echo-account 3 kam-org person list "$(printf 'ac\342\200\256me')"
expect_err echo-account "kam-org: invalid account handle 'ac�me' (use letters, digits, '.', '_' and '-')"
run echo-verb 2 kam-org "$(printf 'tre\033e')"
expect_err echo-verb "kam-org: unknown verb 'tre␛e' (did you mean 'tree'?)"
run echo-file 4 kam-stance import "$T/$(printf 'no\033such').csv"
expect_err echo-file "kam-stance: cannot open '$T/no␛such.csv': No such file or directory"
run echo-option 2 kam-org person add p1 --name P "$(printf -- '--ti\033tle')" x
head -1 "$T/echo-option.err" >"$T/echo-option.first"
count=$((count + 1))
[ "$(cat "$T/echo-option.first")" = "kam-org: unknown option '--ti␛tle'" ] ||
  fail "echo-option: $(cat "$T/echo-option.first")"
unchanged echoes
# No message above sent a control character.
count=$((count + 1))
if cat "$T"/*.err | LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')"; then
  fail "a message holds a control character"
fi

done_testing
