/*
 * The CSV import machinery: the file, its header, its rows, each with
 * the FILE:LINE its messages name.  Every importer reads through it, so
 * every kind of file is read, mapped and reported the same way (kam(7),
 * CSV INPUT).
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"

/* "a,b,c": a kind's columns, as a header would hold them. */
static void
header_of(struct buf *b, const struct import_kind *k)
{
	size_t i;

	for (i = 0; k->cols[i] != NULL; i++)
		buf_printf(b, "%s%s", i ? "," : "", k->cols[i]);
}

/* Opens path and reads its header; an empty file is reported by
 * empty(), with the file's name. */
static int
open_with(struct import_in *im, const char *path,
          int (*empty)(const char *, const void *), const void *arg)
{
	int got, rc = KAM_OK;

	memset(im, 0, sizeof *im);
	if ((im->csv = csv_open(path, &rc)) == NULL)
		return im->status = rc;
	if ((got = csv_next(im->csv, &im->f, &im->nf, &im->line)) == 1)
		return KAM_OK;
	rc = got < 0 ? csv_status(im->csv) : empty(csv_path(im->csv), arg);
	csv_close(im->csv);
	im->csv = NULL;
	return im->status = rc;
}

static int
empty_kind(const char *path, const void *arg)
{
	const struct import_kind *kind = arg;
	struct buf b = {0};
	int rc;

	if (kind == NULL)
		return kam_err(KAM_DATA,
		               _("%s: empty file (a header row is needed)"),
		               path);
	header_of(&b, kind);
	rc = kam_err(KAM_DATA, _("%s: empty file (expected a header: %s)"),
	             path, b.s);
	buf_free(&b);
	return rc;
}

static int
empty_said(const char *path, const void *arg)
{
	return kam_err(KAM_DATA, _("%s: empty file (expected %s)"), path,
	               (const char *)arg);
}

int
import_open(struct import_in *im, const char *path,
            const struct import_kind *kind)
{
	return open_with(im, path, empty_kind, kind);
}

int
import_open_expecting(struct import_in *im, const char *path,
                      const char *expected)
{
	return open_with(im, path, empty_said, expected);
}

int
import_has_column(const struct import_in *im, const char *column)
{
	size_t i;

	for (i = 0; i < im->nf; i++)
		if (strcmp(im->f[i], column) == 0)
			return 1;
	return 0;
}

/* The header's name for the kind's column: COLUMN of FIELD=COLUMN. */
static const char *
mapped(const char *const *map, const char *field)
{
	size_t i, n = strlen(field);

	for (i = 0; map != NULL && map[i] != NULL; i++)
		if (strncmp(map[i], field, n) == 0 && map[i][n] == '=')
			return map[i] + n + 1;
	return field;
}

/* A --map naming no field of the kind is refused before the file is
 * read any further. */
static int
check_map(const struct import_kind *kind, const char *const *map)
{
	struct buf b = {0};
	size_t i, j, n;
	int rc;

	for (i = 0; map != NULL && map[i] != NULL; i++) {
		const char *eq = strchr(map[i], '=');

		if (eq == NULL || eq == map[i] || eq[1] == '\0')
			return kam_err(
			    KAM_USAGE,
			    _("invalid --map '%s' (use FIELD=COLUMN)"), map[i]);
		n = (size_t)(eq - map[i]);
		for (j = 0; kind->cols[j] != NULL; j++)
			if (strlen(kind->cols[j]) == n &&
			    strncmp(kind->cols[j], map[i], n) == 0)
				break;
		if (kind->cols[j] != NULL)
			continue;
		header_of(&b, kind);
		rc = kam_err(KAM_USAGE,
		             _("unknown field '%.*s' in --map (%s: %s)"),
		             (int)n, map[i], kind->name, b.s);
		buf_free(&b);
		return rc;
	}
	return KAM_OK;
}

int
import_header(struct import_in *im, const struct import_kind *kind,
              const char *const *map)
{
	size_t i;
	int rc;

	im->kind = kind;
	if ((rc = check_map(kind, map)) != KAM_OK)
		return im->status = rc;
	for (i = 0; kind->cols[i] != NULL && i < IMPORT_MAXCOLS; i++)
		im->names[i] = mapped(map, kind->cols[i]);
	im->names[i] = NULL;
	rc = csv_header_lax(im->csv, im->f, im->nf, im->line, im->names,
	                    kind->nrequired, im->idx,
	                    kind->lax || (map != NULL && map[0] != NULL));
	return im->status = rc;
}

int
import_next(struct import_in *im)
{
	int got = csv_next(im->csv, &im->f, &im->nf, &im->line);

	if (got < 0)
		im->status = csv_status(im->csv);
	return got;
}

const char *
import_get(const struct import_in *im, int col)
{
	int i = im->idx[col];

	if (i < 0 || (size_t)i >= im->nf || im->f[i][0] == '\0')
		return NULL;
	return im->f[i];
}

const char *
import_raw(const struct import_in *im, int col)
{
	int i = im->idx[col];

	return i < 0 || (size_t)i >= im->nf ? "" : im->f[i];
}

const char *
import_where(struct import_in *im)
{
	snprintf(im->where, sizeof im->where, "%s:%ld", csv_path(im->csv),
	         im->line);
	return im->where;
}

const char *
import_path(const struct import_in *im)
{
	return csv_path(im->csv);
}

void
import_skip(struct import_in *im, struct import_counts *n, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	kam_err(KAM_OK, _("%s: skipped: %s"), import_where(im), msg);
	free(msg);
	n->skipped++;
}

void
import_summary(FILE *fp, const struct import_counts *n)
{
	fprintf(fp,
	        _("%ld added, %ld changed, %ld left, %ld unchanged, %ld "
	          "skipped\n"),
	        n->added, n->changed, n->left, n->unchanged, n->skipped);
}

int
import_err(struct import_in *im, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	kam_err(code, "%s: %s", import_where(im), msg);
	free(msg);
	return im->status = code;
}

void
import_close(struct import_in *im)
{
	if (im->csv != NULL)
		csv_close(im->csv);
	im->csv = NULL;
}

int
import_flag(const char *s, int *out)
{
	/* yes and no as the answers' vocabulary reads them (是, 否). */
	const char *w = s != NULL ? vocab_word(VOCAB_ANSWER, s) : NULL;

	if (s == NULL || *s == '\0' || strcmp(s, "0") == 0 ||
	    strcmp(s, "false") == 0 || (w != NULL && strcmp(w, "no") == 0))
		*out = 0;
	else if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0 ||
	         (w != NULL && strcmp(w, "yes") == 0))
		*out = 1;
	else
		return 0;
	return 1;
}
