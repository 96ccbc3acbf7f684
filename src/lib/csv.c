/*
 * CSV input and output (RFC 4180) on top of libcsv.  libcsv parses; this
 * module adds what kam's importers need: the line each row begins on (for
 * FILE:LINE: messages), a skipped UTF-8 byte order mark, UTF-8 checks, and
 * header mapping.
 */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

/* A row's field pointers and texts are one allocation, at fields. */
struct csv_row {
	char **fields;
	size_t n;
	long line;
	int bad; /* BAD_UTF8 or BAD_NUL in a field of the row, or 0 */
};

enum { BAD_UTF8 = 1, BAD_NUL };

struct csv_in {
	char *path;
	FILE *fp;
	struct csv_parser p;
	long line;     /* physical line being fed */
	long row_line; /* line the row in progress began on */
	int pending;   /* bytes of a row fed but the row not ended */
	/* the row being built: its fields' texts, NUL-terminated, one
	 * after the other in text */
	char *text;
	size_t len, textcap, nfields;
	int bad; /* of the row being built */
	/* getline's buffer, and the part of it not yet fed: a line read
	 * may hold several lines ended by a lone CR */
	char *line_buf;
	size_t line_cap, rest, rest_len;
	/* complete rows waiting to be handed out: queue[qhead..qend) */
	struct csv_row *queue;
	size_t qhead, qend, qcap;
	struct csv_row current;
	size_t nheader; /* fields of the header row, once known */
	int status;     /* of the last error */
	int eof;
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct csv_in *in = data;
	char *f;

	if (s == NULL)
		len = 0;
	if (in->len + len + 1 > in->textcap) {
		while (in->len + len + 1 > in->textcap)
			in->textcap = in->textcap ? in->textcap * 2 : 256;
		in->text = xrealloc(in->text, in->textcap);
	}
	f = in->text + in->len;
	if (len)
		memcpy(f, s, len);
	f[len] = '\0';
	in->len += len + 1;
	in->nfields++;
	if (in->bad != BAD_NUL && memchr(f, '\0', len) != NULL)
		in->bad = BAD_NUL;
	else if (in->bad == 0 && !utf8_valid(f))
		in->bad = BAD_UTF8;
}

static void
on_row(int c, void *data)
{
	struct csv_in *in = data;
	struct csv_row *r;

	(void)c;
	in->queue = xgrow(in->queue, in->qend, &in->qcap, sizeof *r);
	r = &in->queue[in->qend++];
	r->fields = xmalloc((in->nfields + 1) * sizeof(char *) + in->len);
	{
		char *t = (char *)(r->fields + in->nfields + 1);
		size_t i;

		memcpy(t, in->text, in->len);
		for (i = 0; i < in->nfields; i++) {
			r->fields[i] = t;
			t += strlen(t) + 1;
		}
		r->fields[i] = NULL;
	}
	r->n = in->nfields;
	r->line = in->row_line;
	r->bad = in->bad;
	in->bad = 0;
	in->len = in->nfields = 0;
	in->pending = 0;
}

struct csv_in *
csv_fopen(FILE *fp, const char *name)
{
	struct csv_in *in = xcalloc(1, sizeof *in);

	in->path = xstrdup(name);
	in->fp = fp;
	if (csv_init(&in->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_space_func(&in->p, no_space);
	return in;
}

struct csv_in *
csv_open(const char *path, int *status)
{
	struct stat sb;
	FILE *fp;
	int stdin_ = strcmp(path, "-") == 0;
	const char *name = stdin_ ? "<stdin>" : path;

	if (stdin_)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		*status =
		    kam_err(errno == ENOENT ? KAM_NOTFOUND : KAM_IO,
		            _("cannot open '%s': %s"), path, strerror(errno));
		return NULL;
	}
	/* A folder opens for reading; reading it fails (EISDIR). */
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		*status = kam_err(KAM_IO, _("cannot read '%s': %s"), name,
		                  strerror(EISDIR));
		if (!stdin_)
			fclose(fp);
		return NULL;
	}
	return csv_fopen(fp, name);
}

const char *
csv_path(const struct csv_in *in)
{
	return in->path;
}

int
csv_status(const struct csv_in *in)
{
	return in->status;
}

static void
free_row(struct csv_row *r)
{
	free(r->fields);
	r->fields = NULL;
	r->n = 0;
}

static int
fail(struct csv_in *in, int status)
{
	in->status = status;
	return -1;
}

/*
 * libcsv's strict mode fails on a quote where a field is not quoted, or
 * on text after a closing quote; at the end of the file, on a quoted
 * field never closed.  The message says which, at the line the row
 * begins on (libcsv's own words name none of it).
 */
static int
parse_error(struct csv_in *in, int at_end)
{
	long line = in->pending ? in->row_line : in->line;

	if (csv_error(&in->p) != CSV_EPARSE)
		kam_err(KAM_DATA, _("%s:%ld: malformed CSV: %s"), in->path,
		        line, csv_strerror(csv_error(&in->p)));
	else if (at_end)
		kam_err(KAM_DATA,
		        _("%s:%ld: malformed CSV: a quoted field is not "
		          "closed (a '\"' is missing)"),
		        in->path, line);
	else
		kam_err(KAM_DATA,
		        _("%s:%ld: malformed CSV: a stray quote (quote the "
		          "whole field, and double a '\"' inside it)"),
		        in->path, line);
	return fail(in, KAM_DATA);
}

/*
 * Feeds the next physical line: up to and including its end, which is
 * LF, CRLF or a lone CR (libcsv ends a row at any of them).  A row
 * begins on the first line that holds more than a line end.
 */
static int
feed_line(struct csv_in *in)
{
	char *s = in->line_buf + in->rest, *cr;
	size_t n = in->rest_len;

	cr = memchr(s, '\r', n);
	if (cr != NULL && cr + 1 < s + n && cr[1] != '\n')
		n = (size_t)(cr - s) + 1;
	in->rest += n;
	in->rest_len -= n;
	in->line++;
	if (!in->pending && !(n == 1 && (s[0] == '\n' || s[0] == '\r')) &&
	    !(n == 2 && s[0] == '\r' && s[1] == '\n')) {
		in->row_line = in->line;
		in->pending = 1;
	}
	if (csv_parse(&in->p, s, n, on_field, on_row, in) != n)
		return parse_error(in, 0);
	return 0;
}

int
csv_next(struct csv_in *in, char ***fields, size_t *n, long *line)
{
	ssize_t len;

	free_row(&in->current);
	while (in->qhead == in->qend && !in->eof) {
		if (in->rest_len > 0) {
			if (feed_line(in) < 0)
				return -1;
			continue;
		}
		errno = 0;
		if ((len = getline(&in->line_buf, &in->line_cap, in->fp)) < 0) {
			if (ferror(in->fp)) {
				kam_err(KAM_IO, _("%s: read error: %s"),
				        in->path, strerror(errno));
				return fail(in, KAM_IO);
			}
			in->eof = 1;
			if (csv_fini(&in->p, on_field, on_row, in) != 0)
				return parse_error(in, 1);
			break;
		}
		in->rest = 0;
		in->rest_len = (size_t)len;
		if (in->line == 0 && len >= 3 &&
		    memcmp(in->line_buf, "\xEF\xBB\xBF", 3) == 0) {
			in->rest = 3;
			in->rest_len -= 3;
		}
	}
	if (in->qhead == in->qend)
		return 0;
	in->current = in->queue[in->qhead++];
	if (in->qhead == in->qend)
		in->qhead = in->qend = 0;
	if (in->current.bad != 0) {
		kam_err(KAM_DATA, "%s:%ld: %s", in->path, in->current.line,
		        in->current.bad == BAD_NUL ? _("NUL byte")
		                                   : _("invalid UTF-8"));
		return fail(in, KAM_DATA);
	}
	if (in->nheader != 0 && in->current.n != in->nheader) {
		kam_err(KAM_DATA,
		        ngettext("%s:%ld: %zu field, the header has %zu",
		                 "%s:%ld: %zu fields, the header has %zu",
		                 in->current.n),
		        in->path, in->current.line, in->current.n, in->nheader);
		return fail(in, KAM_DATA);
	}
	*fields = in->current.fields;
	*n = in->current.n;
	*line = in->current.line;
	return 1;
}

void
csv_close(struct csv_in *in)
{
	size_t i;

	if (in == NULL)
		return;
	free_row(&in->current);
	for (i = in->qhead; i < in->qend; i++)
		free_row(&in->queue[i]);
	free(in->queue);
	free(in->text);
	free(in->line_buf);
	csv_free(&in->p);
	if (in->fp != stdin)
		fclose(in->fp);
	free(in->path);
	free(in);
}

int
csv_header(struct csv_in *in, char **fields, size_t n, long line,
           const char *const *cols, size_t nrequired, int *idx)
{
	return csv_header_lax(in, fields, n, line, cols, nrequired, idx, 0);
}

int
csv_header_lax(struct csv_in *in, char **fields, size_t n, long line,
               const char *const *cols, size_t nrequired, int *idx, int lax)
{
	size_t i, j, ncols;

	for (ncols = 0; cols[ncols] != NULL; ncols++)
		idx[ncols] = -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < ncols; j++)
			if (strcmp(fields[i], cols[j]) == 0)
				break;
		if (j == ncols && lax)
			continue;
		if (j == ncols) {
			struct buf known = {0};

			for (j = 0; j < ncols; j++) {
				buf_puts(&known, j ? ", " : "");
				buf_puts(&known, cols[j]);
			}
			kam_err(KAM_DATA,
			        _("%s:%ld: unknown column '%s' (known: %s)"),
			        in->path, line, fields[i], known.s);
			buf_free(&known);
			return KAM_DATA;
		}
		if (idx[j] != -1)
			return kam_err(KAM_DATA,
			               _("%s:%ld: column '%s' repeated"),
			               in->path, line, fields[i]);
		idx[j] = (int)i;
	}
	in->nheader = n;
	for (j = 0; j < nrequired; j++)
		if (idx[j] == -1)
			return kam_err(KAM_DATA,
			               _("%s:%ld: missing column '%s'"),
			               in->path, line, cols[j]);
	return 0;
}

void
csv_put(FILE *fp, const char *field, int first)
{
	struct buf b = {0};

	if (!first)
		fputc(',', fp);
	if (field == NULL)
		return;
	/* Tabs and line breaks are kept (quoted); control characters that
	 * no field may hold are written as \u001b and the like.  A leading
	 * byte order mark is quoted: at the start of a file, a reader would
	 * take it for the file's own and drop it. */
	field = text_safe(&b, field, 0);
	if (strpbrk(field, ",\"\r\n") != NULL || (field[0] == ' ') ||
	    (*field && field[strlen(field) - 1] == ' ') ||
	    strncmp(field, "\xEF\xBB\xBF", 3) == 0)
		csv_fwrite(fp, field, strlen(field));
	else
		fputs(field, fp);
	buf_free(&b);
}

void
csv_endrow(FILE *fp)
{
	fputc('\n', fp);
}

void
csv_put_row(FILE *fp, const char *const *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_put(fp, cols[i], i == 0);
	csv_endrow(fp);
}
