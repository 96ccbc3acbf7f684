# Turns schema.sql into a C header holding it as one string constant.
# Comment lines are dropped; quotes and backslashes are escaped.
1i\
/* Generated from schema.sql by sql2c.sed: do not edit. */\
static const char schema_sql[] =
/^[[:space:]]*--/d
/^[[:space:]]*$/d
s/\\/\\\\/g
s/"/\\"/g
s/^/	"/
s/$/\\n"/
$a\
	;
