/*
 * Output writers.  TSV, CSV and JSON stream row by row; the table keeps
 * its rows until out_close, as column widths depend on every row.  Widths
 * are display widths, so CJK names (two columns a character) line up.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

struct out {
	FILE *fp;
	enum out_format fmt;
	int flags;
	const char *const *cols;
	size_t ncols;
	const struct out_col *table; /* out_open_cols: the row's columns */
	const char **names;          /* out_open_cols: cols, owned */
	const char *account;         /* out_account */
	size_t col;                  /* next column of the current row */
	size_t nrows;                /* rows ended so far */
	/* table: every cell, row-major */
	char **cells;
	size_t ncells, cap;
};

static const char *const formats[] = {"table", "tsv", "csv",
                                      "json",  "md",  NULL};

const char *
out_format_word(enum out_format f)
{
	return formats[f];
}

int
out_format_parse(const char *s)
{
	int i;

	for (i = 0; formats[i] != NULL; i++)
		if (strcmp(s, formats[i]) == 0)
			return i;
	return -1;
}

/*
 * Writes the printable ASCII at the start of s, up to a backslash or
 * the character quote; returns where it stopped.
 */
static const char *
put_run(FILE *fp, const char *s, char quote)
{
	const char *p = s;

	while ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f &&
	       *p != '\\' && *p != quote)
		p++;
	if (p > s)
		fwrite(s, 1, (size_t)(p - s), fp);
	return p;
}

/*
 * Writes s escaped between quotes (JSON, quote '"') or as a TSV field
 * (quote '\\'): the quote and backslash after a backslash, tab and line
 * breaks as \t \n \r, an invalid byte as \ufffd, controls and
 * bidirectional characters as \u and four hex digits; JSON also escapes
 * U+2028 and U+2029, which end a line in JavaScript.
 */
static void
put_escaped(FILE *fp, const char *s, char quote)
{
	unsigned int uc;
	size_t len;
	int cls;

	for (; *s; s += len) {
		s = put_run(fp, s, quote);
		len = 1;
		if (*s == '\0') {
			len = 0;
			continue;
		}
		if (*s == quote || *s == '\\') {
			fputc('\\', fp);
			fputc(*s, fp);
			continue;
		}
		switch (cls = text_class(s, &uc, &len)) {
		case TEXT_PLAIN:
			fwrite(s, 1, len, fp);
			break;
		case TEXT_TAB:
		case TEXT_LF:
		case TEXT_CR:
			fputc('\\', fp);
			fputc("tnr"[cls - TEXT_TAB], fp);
			break;
		case TEXT_INVALID:
			fputs("\\ufffd", fp);
			break;
		case TEXT_SEPARATOR:
			if (quote != '"')
				fwrite(s, 1, len, fp);
			else
				fprintf(fp, "\\u%04x", uc);
			break;
		default:
			fprintf(fp, "\\u%04x", uc);
		}
	}
}

void
json_put_str(FILE *fp, const char *s)
{
	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	put_escaped(fp, s, '"');
	fputc('"', fp);
}

void
json_member(FILE *fp, const char *sep, const char *key, const char *s)
{
	fprintf(fp, "%s\"%s\": ", sep, key);
	json_put_str(fp, s);
}

void
json_members(FILE *fp, const char *sep, const char *const (*kv)[2], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		json_member(fp, sep, kv[i][0], kv[i][1]);
}

void
out_show(FILE *fp, const char *s)
{
	struct buf b = {0};

	fputs(text_safe(&b, s, 1), fp);
	buf_free(&b);
}

void
out_pad(FILE *fp, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	fputs(s, fp);
	for (; w < width; w++)
		fputc(' ', fp);
}

struct out *
out_open(FILE *fp, enum out_format fmt, int flags, const char *const *cols)
{
	struct out *o = xcalloc(1, sizeof *o);
	size_t i;

	o->fp = fp;
	o->fmt = fmt;
	o->flags = flags;
	o->cols = cols;
	for (o->ncols = 0; cols[o->ncols] != NULL; o->ncols++)
		;
	if (flags & OUT_NOHEADER)
		return o;
	switch (fmt) {
	case OUT_TSV:
		for (i = 0; i < o->ncols; i++)
			fprintf(fp, "%s%s", i ? "\t" : "", cols[i]);
		fputc('\n', fp);
		break;
	case OUT_CSV:
		csv_put_row(fp, cols, o->ncols);
		break;
	default:
		break;
	}
	return o;
}

struct out *
out_open_cols(FILE *fp, enum out_format fmt, int flags,
              const struct out_col *cols)
{
	const char **names;
	struct out *o;
	size_t n;

	for (n = 0; cols[n].name != NULL; n++)
		;
	names = xcalloc(n + 1, sizeof *names);
	for (n = 0; cols[n].name != NULL; n++)
		names[n] = cols[n].name;
	o = out_open(fp, fmt, flags, names);
	o->table = cols;
	o->names = names;
	return o;
}

void
out_account(struct out *o, const char *account)
{
	o->account = account;
}

const char *
out_account_of(const struct out *o)
{
	return o->account;
}

static void
table_add(struct out *o, const char *s)
{
	char *c;

	if (o->ncells == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->cells = xreallocarray(o->cells, o->cap, sizeof(char *));
	}
	if (s == NULL || *s == '\0') {
		c = xstrdup("-");
	} else {
		/* A table row is one line, with no control characters. */
		struct buf b = {0};

		text_show(&b, s);
		c = b.s;
	}
	o->cells[o->ncells++] = c;
}

/* A value: text for table/TSV/CSV, json for JSON (NULL: text quoted). */
static void
put(struct out *o, const char *text, const char *json)
{
	if (o->col >= o->ncols)
		abort(); /* more values than columns: a bug in the caller */
	switch (o->fmt) {
	case OUT_TABLE:
		table_add(o, text);
		break;
	case OUT_TSV:
		if (o->col)
			fputc('\t', o->fp);
		if (text != NULL)
			put_escaped(o->fp, text, '\\');
		break;
	case OUT_CSV:
		csv_put(o->fp, text, o->col == 0);
		break;
	case OUT_JSON:
		if (o->col == 0) {
			if (o->flags & OUT_OBJECT)
				fputc('{', o->fp);
			else
				fputs(o->nrows ? ",\n{" : "[\n{", o->fp);
		} else
			fputc(',', o->fp);
		json_put_str(o->fp, o->cols[o->col]);
		fputc(':', o->fp);
		if (json != NULL)
			fputs(json, o->fp);
		else if (text == NULL)
			fputs("null", o->fp);
		else
			json_put_str(o->fp, text);
		break;
	case OUT_MD:
		abort(); /* never: the frame refuses md to verbs of rows */
	}
	o->col++;
}

void
out_str(struct out *o, const char *s)
{
	put(o, s, NULL);
}

void
out_word(struct out *o, const char *word)
{
	put(o, o->fmt == OUT_TABLE ? vocab_label(word) : word, NULL);
}

void
out_label(struct out *o, const char *canonical, const char *label)
{
	put(o, o->fmt == OUT_TABLE ? label : canonical, NULL);
}

int
out_is_table(const struct out *o)
{
	return o->fmt == OUT_TABLE;
}

void
out_null(struct out *o)
{
	put(o, NULL, NULL);
}

void
out_int(struct out *o, long long v)
{
	char s[32];

	snprintf(s, sizeof s, "%lld", v);
	put(o, s, s);
}

void
out_num(struct out *o, double v)
{
	char s[64];

	snprintf(s, sizeof s, "%.15g", v);
	put(o, s, s);
}

void
out_fixed(struct out *o, double v, int decimals)
{
	char s[64];

	snprintf(s, sizeof s, "%.*f", decimals, v);
	put(o, s, s);
}

void
out_bool(struct out *o, int v)
{
	const char *w = v ? "yes" : "no";

	/* yes and no are words of the method's answers: translated in a
	   table only. */
	put(o, o->fmt == OUT_TABLE ? _(w) : w, v ? "true" : "false");
}

void
out_list(struct out *o, const char *s)
{
	struct buf json = {0};
	const char *p, *q;

	if (o->fmt != OUT_JSON || s == NULL) {
		put(o, s, s == NULL ? "[]" : NULL);
		return;
	}
	buf_puts(&json, "[");
	for (p = s; *p;) {
		char *item;
		FILE *mem;
		char *enc = NULL;
		size_t enclen = 0;

		q = strchr(p, ';');
		if (q == NULL)
			q = p + strlen(p);
		item = xstrndup(p, (size_t)(q - p));
		if ((mem = open_memstream(&enc, &enclen)) == NULL)
			abort();
		json_put_str(mem, item);
		fclose(mem);
		if (json.len > 1)
			buf_puts(&json, ",");
		buf_puts(&json, enc);
		free(enc);
		free(item);
		p = *q ? q + 1 : q;
	}
	buf_puts(&json, "]");
	put(o, s, json.s);
	buf_free(&json);
}

/*
 * The references of refs (';'-separated) as a listing of account shows
 * them: TSV, CSV and JSON always write ACCOUNT/HANDLE, so that outputs
 * join; a table or Markdown, for a reader, writes a handle of account
 * bare.  An item written ACCOUNT/HANDLE is another account's.
 */
static char *
refs_for(const struct out *o, const char *account, const char *refs)
{
	struct buf b = {0};
	size_t n = account != NULL ? strlen(account) : 0;
	const char *p, *q;
	int full = o->fmt == OUT_TSV || o->fmt == OUT_CSV || o->fmt == OUT_JSON;

	buf_puts(&b, "");
	for (p = refs; *p;) {
		q = strchr(p, ';');
		if (q == NULL)
			q = p + strlen(p);
		if (p != refs)
			buf_puts(&b, ";");
		if (account == NULL)
			;
		else if (full && memchr(p, '/', (size_t)(q - p)) == NULL)
			buf_printf(&b, "%s/", account);
		else if (!full && (size_t)(q - p) > n &&
		         strncmp(p, account, n) == 0 && p[n] == '/')
			p += n + 1;
		buf_printf(&b, "%.*s", (int)(q - p), p);
		p = *q ? q + 1 : q;
	}
	return b.s;
}

/* A reference or a list of them, shortened for the account, by put. */
static void
put_refs(struct out *o, const char *account, const char *refs,
         void (*put_one)(struct out *, const char *))
{
	char *s;

	if (refs == NULL) {
		put_one(o, NULL);
		return;
	}
	s = refs_for(o, account, refs);
	put_one(o, s);
	free(s);
}

void
out_ref(struct out *o, const char *account, const char *ref)
{
	put_refs(o, account, ref, out_str);
}

void
out_ref_list(struct out *o, const char *account, const char *refs)
{
	put_refs(o, account, refs, out_list);
}

void
out_raw_json(struct out *o, const char *json, const char *text)
{
	put(o, text, json);
}

/* The field of row at offset off, a pointer of type T. */
#define FIELD(T, row, off)                                                     \
	(*(T const *)(const void *)((const char *)(row) + (off)))

/* The account of a column of references: the row's, else the writer's. */
static const char *
col_account(const struct out *o, const struct out_col *c, const void *row)
{
	return c->with ? FIELD(char *, row, c->with - 1) : o->account;
}

/* Whether column c of row, whose integer is v, is missing. */
static int
value_missing(const struct out_col *c, const void *row, long long v)
{
	switch (c->kind) {
	case OUT_C_LONG_POS:
		return v <= 0;
	case OUT_C_INT64_NZ:
		return v == 0;
	case OUT_C_DIGITS:
		return FIELD(char *, row, c->off) == NULL;
	case OUT_C_NUM_PTR:
		return FIELD(double *, row, c->off) == NULL;
	default:
		return 0;
	}
}

/* Writes column c of row, a column of a value other than text. */
static void
put_value(struct out *o, const struct out_col *c, const void *row)
{
	const char *p = (const char *)row + c->off;
	long long v = 0;
	double d = 0;

	if (c->kind == OUT_C_INT || c->kind == OUT_C_BOOL)
		v = FIELD(int, row, c->off);
	else if (c->kind == OUT_C_LONG || c->kind == OUT_C_LONG_POS)
		v = FIELD(long, row, c->off);
	else if (c->kind == OUT_C_INT64 || c->kind == OUT_C_INT64_NZ)
		memcpy(&v, p, sizeof v); /* int64_t or long long: 64 bits */
	else if (c->kind == OUT_C_NUM || c->kind == OUT_C_FIXED)
		memcpy(&d, p, sizeof d);
	if (value_missing(c, row, v)) {
		out_null(o);
		return;
	}
	switch (c->kind) {
	case OUT_C_BOOL:
		out_bool(o, (int)v);
		break;
	case OUT_C_DIGITS:
		/* Exact digits everywhere; a number in JSON. */
		out_raw_json(o, FIELD(char *, row, c->off),
		             FIELD(char *, row, c->off));
		break;
	case OUT_C_NUM_PTR:
		out_num(o, *FIELD(double *, row, c->off));
		break;
	case OUT_C_NUM:
		out_num(o, d);
		break;
	case OUT_C_FIXED:
		out_fixed(o, d, c->decimals);
		break;
	case OUT_C_FN:
		c->put(o, row);
		break;
	default: /* the integers */
		out_int(o, v);
	}
}

/*
 * A reference, or a list of them (one: 0), of account; with no account,
 * the text as it is (an item ending in ';' kept).
 */
static void
put_refs_of(struct out *o, const char *account, const char *s, int one)
{
	if (account == NULL)
		(one ? out_str : out_list)(o, s);
	else
		(one ? out_ref : out_ref_list)(o, account, s);
}

/* The list s of column c: in a table as c->said says it. */
static void
put_list_said(struct out *o, const struct out_col *c, const char *s)
{
	char *said;

	if (o->fmt != OUT_TABLE || s == NULL) {
		out_list(o, s);
		return;
	}
	said = c->said(s);
	out_str(o, said);
	free(said);
}

/* Writes column c of row. */
static void
put_col(struct out *o, const struct out_col *c, const void *row)
{
	const char *s;

	if (c->kind > OUT_C_SHOWN) {
		put_value(o, c, row);
		return;
	}
	s = c->kind == OUT_C_CHARS ? (const char *)row + c->off
	                           : FIELD(char *, row, c->off);
	switch (c->kind) {
	case OUT_C_STR:
	case OUT_C_CHARS:
		out_str(o, s);
		break;
	case OUT_C_STANCE:
		out_word(o, s != NULL ? s : "unknown");
		break;
	case OUT_C_WORD:
		out_word(o, s);
		break;
	case OUT_C_LIST:
		out_list(o, s);
		break;
	case OUT_C_LIST_SAID:
		put_list_said(o, c, s);
		break;
	case OUT_C_REF:
	case OUT_C_REF_LIST:
		put_refs_of(o, col_account(o, c, row), s, c->kind == OUT_C_REF);
		break;
	case OUT_C_LABEL:
		out_label(o, s, s != NULL ? c->label(c->vocab, s) : NULL);
		break;
	default: /* OUT_C_SHOWN */
		out_label(o, s, FIELD(char *, row, c->with - 1));
	}
}

int
out_row(struct out *o, const void *row)
{
	const struct out_col *c;

	if (o->table == NULL)
		abort(); /* a writer of names only: a bug in the caller */
	for (c = o->table; c->name != NULL; c++)
		put_col(o, c, row);
	out_end_row(o);
	return KAM_OK;
}

void
out_rows(struct out *o, const void *rows, size_t n, size_t size)
{
	size_t i;

	for (i = 0; i < n; i++)
		out_row(o, (const char *)rows + i * size);
}

void
out_end_row(struct out *o)
{
	while (o->col < o->ncols)
		put(o, NULL, NULL);
	switch (o->fmt) {
	case OUT_TSV:
	case OUT_CSV:
		fputc('\n', o->fp);
		break;
	case OUT_JSON:
		fputc('}', o->fp);
		if (o->flags & OUT_OBJECT)
			fputc('\n', o->fp);
		break;
	default:
		break;
	}
	o->col = 0;
	o->nrows++;
}

/*
 * A column's heading in a table is the translation of its upper-cased
 * name; the names of every table's columns, for the catalog (a new
 * column is added here, and its heading to po/zh_CN.po).
 */
static const char *const headings[] = {N_("ABANDONED"),
                                       N_("ACCOUNTS"),
                                       N_("ACTION"),
                                       N_("ACTOR"),
                                       N_("ADVICE"),
                                       N_("AFTER"),
                                       N_("ANSWER"),
                                       N_("ANSWERS"),
                                       N_("AS_OF"),
                                       N_("BEFORE"),
                                       N_("BROKERAGE"),
                                       N_("CARRIER"),
                                       N_("CATEGORY"),
                                       N_("CHANGED"),
                                       N_("CHECKED"),
                                       N_("CLOSE"),
                                       N_("CLOSED"),
                                       N_("CLOSED_ON"),
                                       N_("COMPETE"),
                                       N_("COMPUTED"),
                                       N_("CONTACTS"),
                                       N_("COST"),
                                       N_("CREATED"),
                                       N_("CRITERIA"),
                                       N_("CRITERION"),
                                       N_("CURRENCY"),
                                       N_("DAYS"),
                                       N_("DAYS_BEFORE_CLOSE"),
                                       N_("DAYS_SINCE_CHECK"),
                                       N_("DB_ROLE"),
                                       N_("DEAL"),
                                       N_("DEALS"),
                                       N_("DEFAULT"),
                                       N_("DEPT"),
                                       N_("DEPTH"),
                                       N_("DOTTED_TO"),
                                       N_("EFFECTIVE"),
                                       N_("EVIDENCE"),
                                       N_("EXPECTED_VALUE"),
                                       N_("EXT_ID"),
                                       N_("FIELD"),
                                       N_("FINAL_VERDICT"),
                                       N_("FLAG"),
                                       N_("FLAGS"),
                                       N_("FROM"),
                                       N_("FROM_NAME"),
                                       N_("GAP"),
                                       N_("GATE"),
                                       N_("HANDLE"),
                                       N_("HITS"),
                                       N_("HIT_RATE"),
                                       N_("ID"),
                                       N_("INDUSTRY"),
                                       N_("INFLUENCE"),
                                       N_("INVESTMENT"),
                                       N_("ITEM"),
                                       N_("KEY"),
                                       N_("KIND"),
                                       N_("LAST_HASH"),
                                       N_("LATEST"),
                                       N_("LEAD"),
                                       N_("LEFT_ON"),
                                       N_("LEVEL"),
                                       N_("LOST"),
                                       N_("LOST_YES"),
                                       N_("MEANING"),
                                       N_("MESSAGE"),
                                       N_("MUST"),
                                       N_("NAME"),
                                       N_("NEW"),
                                       N_("NOTE"),
                                       N_("OBSERVATIONS"),
                                       N_("OLD"),
                                       N_("ON"),
                                       N_("OWNER"),
                                       N_("PARENT"),
                                       N_("PEOPLE"),
                                       N_("PERIOD"),
                                       N_("PERSON"),
                                       N_("PLACEHOLDER"),
                                       N_("PRIMARY"),
                                       N_("PROFILE"),
                                       N_("QUESTION"),
                                       N_("REAL"),
                                       N_("REASON"),
                                       N_("REASONS"),
                                       N_("RECORDED"),
                                       N_("RECORDED_BY"),
                                       N_("REPORTS_TO"),
                                       N_("ROLE"),
                                       N_("ROLES"),
                                       N_("RUN"),
                                       N_("SCORE"),
                                       N_("SELLER"),
                                       N_("SELLER_NAME"),
                                       N_("SHARE"),
                                       N_("SINCE"),
                                       N_("SOURCE"),
                                       N_("STAGE"),
                                       N_("STALE"),
                                       N_("STANCE"),
                                       N_("STATUS"),
                                       N_("STATUS_BEFORE"),
                                       N_("STRENGTH"),
                                       N_("SUBJECT"),
                                       N_("TARGET"),
                                       N_("TEAM"),
                                       N_("THROUGH"),
                                       N_("TITLE"),
                                       N_("TO"),
                                       N_("TOWARD"),
                                       N_("TO_NAME"),
                                       N_("TURNED"),
                                       N_("VALUE"),
                                       N_("VERDICT"),
                                       N_("VERDICT_BEFORE"),
                                       N_("VIA"),
                                       N_("WEIGHT"),
                                       N_("WHAT"),
                                       N_("WHY"),
                                       N_("WIN"),
                                       N_("WON"),
                                       N_("WON_SHARE"),
                                       N_("WORTH"),
                                       NULL};

/*
 * The heading of column col in a table: its translation, else its name
 * upper-cased (the English heading).  With key set, a name without a
 * translation stays as written (the key column of a single record).
 */
static char *
heading(const char *col, int key)
{
	char *h = xstrdup(col), *p;
	const char *t;

	(void)headings;
	for (p = h; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	t = _(h);
	if (t != h) {
		free(h);
		return xstrdup(t);
	}
	if (key) {
		free(h);
		return xstrdup(col);
	}
	return h;
}

char *
out_heading(const char *col)
{
	return heading(col, 1);
}

static void
table_write(struct out *o)
{
	size_t *w, i, r, rows = o->ncells / o->ncols;
	char **hs;

	if (o->flags & OUT_OBJECT) {
		size_t kw = 0;
		char **k = xcalloc(o->ncols, sizeof *k);

		for (i = 0; i < o->ncols; i++) {
			k[i] = heading(o->cols[i], 1);
			if (utf8_width(k[i]) > kw)
				kw = utf8_width(k[i]);
		}
		for (i = 0; i < o->ncells && i < o->ncols; i++) {
			out_pad(o->fp, k[i], kw + 2);
			fprintf(o->fp, "%s\n", o->cells[i]);
		}
		for (i = 0; i < o->ncols; i++)
			free(k[i]);
		free(k);
		return;
	}
	w = xcalloc(o->ncols, sizeof *w);
	hs = xcalloc(o->ncols, sizeof *hs);
	for (i = 0; i < o->ncols; i++) {
		hs[i] = heading(o->cols[i], 0);
		w[i] = utf8_width(hs[i]);
	}
	for (i = 0; i < o->ncells; i++) {
		size_t cw = utf8_width(o->cells[i]);

		if (cw > w[i % o->ncols])
			w[i % o->ncols] = cw;
	}
	if (!(o->flags & OUT_NOHEADER)) {
		for (i = 0; i < o->ncols; i++) {
			if (i + 1 < o->ncols)
				out_pad(o->fp, hs[i], w[i] + 2);
			else
				fputs(hs[i], o->fp);
		}
		fputc('\n', o->fp);
	}
	for (r = 0; r < rows; r++) {
		for (i = 0; i < o->ncols; i++) {
			const char *c = o->cells[r * o->ncols + i];

			if (i + 1 < o->ncols)
				out_pad(o->fp, c, w[i] + 2);
			else
				fputs(c, o->fp);
		}
		fputc('\n', o->fp);
	}
	for (i = 0; i < o->ncols; i++)
		free(hs[i]);
	free(hs);
	free(w);
}

void
out_close(struct out *o)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->col != 0)
		out_end_row(o);
	switch (o->fmt) {
	case OUT_TABLE:
		table_write(o);
		break;
	case OUT_JSON:
		if (!(o->flags & OUT_OBJECT))
			fputs(o->nrows ? "\n]\n" : "[]\n", o->fp);
		break;
	default:
		break;
	}
	free(o->names);
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
	free(o);
}

int
out_finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return kam_err(KAM_IO, _("cannot write to standard output: %s"),
		               strerror(errno ? errno : EIO));
	return KAM_OK;
}
