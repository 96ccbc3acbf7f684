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
	/* the row being built */
	char **fields;
	size_t nfields, cap;
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
	char *f = xstrndup(s != NULL ? s : "", s != NULL ? len : 0);

	if (strlen(f) != len || !utf8_valid(f)) {
		if (in->bad_line == 0)
			in->bad_line = in->line;
	}
	if (in->nfields == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->fields = xreallocarray(in->fields, in->cap, sizeof(char *));
	}
	in->fields[in->nfields++] = f;
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
	r->fields = in->fields;
	r->n = in->nfields;
	r->line = in->row_line;
	r->bad_line = in->bad_line;
	in->bad_line = 0;
	in->fields = NULL;
	in->nfields = in->cap = 0;
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
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->fields[i]);
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
	char *buf = NULL;
	size_t bufcap = 0, off;
	ssize_t len;

	free_row(&in->current);
	while (in->qhead == in->qend && !in->eof) {
		if ((len = getline(&buf, &bufcap, in->fp)) < 0) {
			free(buf);
			buf = NULL;
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
		              on_row, in) != (size_t)len - off) {
			free(buf);
			return parse_error(in);
		}
	}
	free(buf);
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
	for (i = 0; i < in->nfields; i++)
		free(in->fields[i]);
	free(in->fields);
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
