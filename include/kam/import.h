/*
 * The one machinery every CSV import runs on (import.c): the file, its
 * header mapped onto the columns a kind of file knows, then one row at a
 * time with its FILE:LINE for messages.  The importers of people, links
 * and roles (import-org.c) and of observations (import-stance.c) are
 * built on it.  May be included by the use cases in src/lib/, by the
 * fuzzers, and by the frame (cli.c) and the mains that import (kam-org,
 * kam-stance) for the counts of an import; knows nothing of the store.
 */
#ifndef KAM_IMPORT_H
#define KAM_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "kam/input.h"

/*
 * A kind's columns, each written once beside its place: a list macro
 * L(C) of C(PLACE, "name"), in the file's order, gives the enum of the
 * places, enum { L(IMPORT_PLACE) }, and the names, { L(IMPORT_NAME) NULL }.
 */
#define IMPORT_PLACE(place, name) place,
#define IMPORT_NAME(place, name)  name,

/* A kind of file: its columns, NULL-terminated, the required ones first. */
struct import_kind {
	const char *name; /* "people", "observations" */
	const char *const *cols;
	size_t nrequired;
	int lax; /* the file's other columns are ignored */
};
#define IMPORT_MAXCOLS 16

struct import_in {
	struct csv_in *csv;
	const struct import_kind *kind;
	int idx[IMPORT_MAXCOLS]; /* the field of each column, or -1 */
	char **f;                /* the current row (the header first) */
	size_t nf;
	long line;
	int status; /* of the last failure */
	char where[512];
	/* The header's name of each column (the kind's, or mapped). */
	const char *names[IMPORT_MAXCOLS + 1];
};

/*
 * What an import did, row by row: each row of the file is added,
 * changed, unchanged or skipped; left counts the people an import with
 * --sync marked as left.  Every import prints it as its last line.
 */
struct import_counts {
	long added, changed, left, unchanged, skipped;
};
/* "N added, N changed, N left, N unchanged, N skipped\n" on fp. */
void import_summary(FILE *, const struct import_counts *);

/*
 * Opens path ("-": standard input) and reads its header row; an empty
 * file is refused, naming the columns kind expects (NULL: a kind not
 * known yet, told from the header).  Returns a kam status, reported.
 */
int import_open(struct import_in *, const char *path,
                const struct import_kind *);
/* The same for a file of several kinds: an empty file is refused
 * saying what was expected ("%s: empty file (expected EXPECTED)"). */
int import_open_expecting(struct import_in *, const char *path,
                          const char *expected);
/* Whether the header names column. */
int import_has_column(const struct import_in *, const char *column);
/*
 * Maps the header onto the kind's columns: an unknown or repeated column
 * is refused, so is a missing required one.  map, when not NULL, is a
 * NULL-terminated list of "FIELD=COLUMN": the kind's FIELD is read from
 * the header's COLUMN (a file from another tool read as it is), and the
 * header's other columns are ignored.  A map naming no field of the
 * kind, or not of the form FIELD=COLUMN, is a usage error.
 */
int import_header(struct import_in *, const struct import_kind *,
                  const char *const *map);
/* The next row: 1, 0 at the end, -1 on an error (reported; status). */
int import_next(struct import_in *);
/* The field of the kind's column col: NULL when absent or empty. */
const char *import_get(const struct import_in *, int col);
/* The same, "" when absent. */
const char *import_raw(const struct import_in *, int col);
/* "FILE:LINE" of the current row. */
const char *import_where(struct import_in *);
/* The file's name in messages. */
const char *import_path(const struct import_in *);
/* Reports "FILE:LINE: skipped: message" for the current row on
 * standard error, and counts it. */
void import_skip(struct import_in *, struct import_counts *, const char *fmt,
                 ...) __attribute__((format(printf, 3, 4)));
/* Reports "FILE:LINE: message" for the current row; returns code. */
int import_err(struct import_in *, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void import_close(struct import_in *);

/* A yes/no field: yes, 1, true; no, 0, false or empty.  0 if neither. */
int import_flag(const char *, int *);

#endif
