/*
 * libFuzzer harness of the CSV reader (csv.c): any bytes, read as an
 * import reads them.  Properties: every row handed out has at least one
 * field, valid UTF-8 without NUL bytes, as many fields as the header
 * once it is read, and begins on a later line than the row before; and
 * the rows read, written back with csv_put, read back the same (but for
 * the control characters csv_put writes as escapes, text_escape).
 */
#include <config.h>

#include "fuzz.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

struct rows {
	char ***f;
	size_t *n, len;
};

static void
keep(struct rows *rs, char **f, size_t n)
{
	size_t i;

	rs->f = xreallocarray(rs->f, rs->len + 1, sizeof *rs->f);
	rs->n = xreallocarray(rs->n, rs->len + 1, sizeof *rs->n);
	rs->f[rs->len] = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++)
		rs->f[rs->len][i] = xstrdup(f[i]);
	rs->n[rs->len++] = n;
}

static void
rows_free(struct rows *rs)
{
	size_t i, j;

	for (i = 0; i < rs->len; i++) {
		for (j = 0; j < rs->n[i]; j++)
			free(rs->f[i][j]);
		free(rs->f[i]);
	}
	free(rs->f);
	free(rs->n);
}

/* Reads text; keeps the rows when rs is not NULL.  Returns the status:
 * 0 at the end, -1 on an error. */
static int
read_all(const char *text, size_t size, struct rows *rs, int header)
{
	static const char *const cols[] = {"a", "b", "c", "d", NULL};
	FILE *fp = fmemopen((void *)text, size, "r");
	struct csv_in *in;
	char **f;
	size_t n, i, nheader = 0;
	long line, last = 0;
	int got, idx[4], first = 1;

	if (fp == NULL)
		abort();
	in = csv_fopen(fp, "fuzz.csv");
	while ((got = csv_next(in, &f, &n, &line)) == 1) {
		FUZZ_CHECK(n >= 1);
		FUZZ_CHECK(line > last);
		last = line;
		for (i = 0; i < n; i++)
			FUZZ_CHECK(utf8_valid(f[i]));
		FUZZ_CHECK(f[n] == NULL);
		if (nheader != 0)
			FUZZ_CHECK(n == nheader);
		if (first && header &&
		    csv_header(in, f, n, line, cols, 0, idx) == KAM_OK)
			nheader = n;
		first = 0;
		if (rs != NULL)
			keep(rs, f, n);
	}
	if (got < 0)
		FUZZ_CHECK(csv_status(in) == KAM_DATA);
	csv_close(in);
	return got;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rows a = {NULL, NULL, 0}, b = {NULL, NULL, 0};
	char *out = NULL;
	size_t outlen = 0, i, j, kept;
	FILE *w;

	kam_progname = "fuzz_csv";
	if (size == 0)
		return 0;
	read_all((const char *)data, size, NULL, 1);
	/* The round trip, over the rows before any error, without the
	 * header check.  A row of one empty field is written as an empty
	 * line, which is no row: kam never writes one. */
	read_all((const char *)data, size, &a, 0);
	w = open_memstream(&out, &outlen);
	if (w == NULL)
		abort();
	for (i = kept = 0; i < a.len; i++) {
		if (a.n[i] == 1 && a.f[i][0][0] == '\0')
			continue;
		for (j = 0; j < a.n[i]; j++)
			csv_put(w, a.f[i][j], j == 0);
		csv_endrow(w);
		kept++;
	}
	fclose(w);
	if (outlen > 0)
		FUZZ_CHECK(read_all(out, outlen, &b, 0) == 0);
	FUZZ_CHECK(b.len == kept);
	for (i = j = 0; i < a.len; i++) {
		size_t k;

		if (a.n[i] == 1 && a.f[i][0][0] == '\0')
			continue;
		FUZZ_CHECK(b.n[j] == a.n[i]);
		for (k = 0; k < a.n[i]; k++) {
			struct buf e = {NULL, 0, 0};

			FUZZ_CHECK(strcmp(text_safe(&e, a.f[i][k], 0),
			                  b.f[j][k]) == 0);
			buf_free(&e);
		}
		j++;
	}
	free(out);
	rows_free(&a);
	rows_free(&b);
	return 0;
}
