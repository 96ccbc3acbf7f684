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

#include "kam/input.h"
#include "kam/kam.h"

/* A row's field pointers and texts are one allocation, at fields. */
struct csv_row {
	char **fields;
	size_t n;
	long line;
	long bad_line; /* a line of this row with invalid UTF-8, or 0 */
};

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
	char *line_buf; /* getline's */
	size_t line_cap;
	/* complete rows waiting to be handed out: queue[qhead..qend) */
	struct csv_row *queue;
	size_t qhead, qend, qcap;
	struct csv_row current;
	long bad_line; /* first line with invalid UTF-8, or 0 */
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
	if (memchr(f, '\0', len) != NULL || !utf8_valid(f)) {
		if (in->bad_line == 0)
			in->bad_line = in->line;
	}
}

static void
on_row(int c, void *data)
{
	struct csv_in *in = data;
	struct csv_row *r;

	(void)c;
	if (in->qend == in->qcap) {
		in->qcap = in->qcap ? in->qcap * 2 : 4;
		in->queue = xreallocarray(in->queue, in->qcap, sizeof *r);
	}
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
	r->bad_line = in->bad_line;
	in->bad_line = 0;
	in->len = in->nfields = 0;
	in->pending = 0;
}

struct csv_in *
csv_open(const char *path, int *status)
{
	struct csv_in *in;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		*status =
		    kam_err(errno == ENOENT ? KAM_NOTFOUND : KAM_IO,
		            "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	in = xcalloc(1, sizeof *in);
	in->path = xstrdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	in->fp = fp;
	if (csv_init(&in->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_space_func(&in->p, no_space);
	return in;
}

const char *
csv_path(const struct csv_in *in)
{
	return in->path;
}

static void
free_row(struct csv_row *r)
{
	free(r->fields);
	r->fields = NULL;
	r->n = 0;
}

static int
parse_error(struct csv_in *in)
{
	kam_err(KAM_DATA, "%s:%ld: malformed CSV: %s", in->path,
	        in->pending ? in->row_line : in->line,
	        csv_strerror(csv_error(&in->p)));
	return -1;
}

int
csv_next(struct csv_in *in, char ***fields, size_t *n, long *line)
{
	char *buf;
	size_t off;
	ssize_t len;

	free_row(&in->current);
	while (in->qhead == in->qend && !in->eof) {
		if ((len = getline(&in->line_buf, &in->line_cap, in->fp)) < 0) {
			if (ferror(in->fp)) {
				kam_err(KAM_IO, "%s: read error: %s", in->path,
				        strerror(errno));
				return -1;
			}
			in->eof = 1;
			if (csv_fini(&in->p, on_field, on_row, in) != 0)
				return parse_error(in);
			break;
		}
		buf = in->line_buf;
		in->line++;
		off = 0;
		if (in->line == 1 && len >= 3 &&
		    memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			off = 3;
		if (!in->pending &&
		    !(len - (ssize_t)off == 1 && buf[off] == '\n') &&
		    !(len - (ssize_t)off == 2 && buf[off] == '\r')) {
			in->row_line = in->line;
			in->pending = 1;
		}
		if (csv_parse(&in->p, buf + off, (size_t)len - off, on_field,
		              on_row, in) != (size_t)len - off)
			return parse_error(in);
	}
	if (in->qhead == in->qend)
		return 0;
	in->current = in->queue[in->qhead++];
	if (in->qhead == in->qend)
		in->qhead = in->qend = 0;
	if (in->current.bad_line != 0) {
		kam_err(KAM_DATA, "%s:%ld: invalid UTF-8", in->path,
		        in->current.bad_line);
		return -1;
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
	size_t i, j, ncols;

	for (ncols = 0; cols[ncols] != NULL; ncols++)
		idx[ncols] = -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < ncols; j++)
			if (strcmp(fields[i], cols[j]) == 0)
				break;
		if (j == ncols) {
			struct buf known = {0};

			for (j = 0; j < ncols; j++) {
				buf_puts(&known, j ? ", " : "");
				buf_puts(&known, cols[j]);
			}
			kam_err(KAM_DATA,
			        "%s:%ld: unknown column '%s' (known: %s)",
			        in->path, line, fields[i], known.s);
			buf_free(&known);
			return KAM_DATA;
		}
		if (idx[j] != -1)
			return kam_err(KAM_DATA, "%s:%ld: column '%s' repeated",
			               in->path, line, fields[i]);
		idx[j] = (int)i;
	}
	for (j = 0; j < nrequired; j++)
		if (idx[j] == -1)
			return kam_err(KAM_DATA, "%s:%ld: missing column '%s'",
			               in->path, line, cols[j]);
	return 0;
}

void
csv_put(FILE *fp, const char *field, int first)
{
	if (!first)
		fputc(',', fp);
	if (field == NULL)
		return;
	if (strpbrk(field, ",\"\r\n") != NULL || (field[0] == ' ') ||
	    (*field && field[strlen(field) - 1] == ' '))
		csv_fwrite(fp, field, strlen(field));
	else
		fputs(field, fp);
}

void
csv_endrow(FILE *fp)
{
	fputc('\n', fp);
}
