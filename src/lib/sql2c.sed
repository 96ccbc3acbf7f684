# Turns an SQL file into the body of a C string constant: comment lines
# are dropped, quotes and backslashes escaped.  The Makefile writes the
# declaration around it (see src/lib/schema.h there).
/^[[:space:]]*--/d
/^[[:space:]]*$/d
s/\\/\\\\/g
s/"/\\"/g
s/^/	"/
s/$/\\n"/
