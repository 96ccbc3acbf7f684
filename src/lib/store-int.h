/*
 * The store's private interface: SQLite's types and the helpers every
 * store file shares (the statement cache, binding, failure reports).
 * Only src/lib/store*.c may include it (and the unit tests that look
 * into a store); everything else goes through include/kam/store.h and
 * the store_ functions of the other public headers, none of which
 * mentions SQLite.
 */
#ifndef KAM_STORE_INT_H
#define KAM_STORE_INT_H

#include <sqlite3.h>

#include "kam/store.h"

/* The connection. */
sqlite3 *store_db(struct store *);
/*
 * A cached prepared statement for a string constant (reset and with
 * bindings cleared); sql must be a static string, as the cache is keyed
 * by its address.
 */
sqlite3_stmt *store_stmt(struct store *, const char *sql);
/* The SQL a new store is created with (schema.sql). */
const char *store_schema_sql(void);
/* Reports the SQLite error as KAM_INTERNAL (or KAM_READONLY/KAM_CONFLICT). */
int store_fail(struct store *, const char *what);
/*
 * Ends a loop over the rows of s: step is the last sqlite3_step result,
 * rc what the loop returns.  Resets s; returns rc, or, when the last
 * step failed (neither a row nor the end), that failure, reported as
 * "cannot read what".  The one way a loop over rows ends.
 */
int store_rows_end(struct store *, sqlite3_stmt *s, int step, int rc,
                   const char *what);
/*
 * Steps s once: 1 for a row, 0 for none.  A failed step is not taken for
 * "no more rows": it is reported ("cannot read what") and kept, so that
 * the transaction that holds it (store_end) and the command
 * (store_finish) fail and keep nothing.  For lookups of one row and
 * loops in functions that return no status; a loop that returns one
 * ends with store_rows_end.
 */
int store_row(struct store *, sqlite3_stmt *s, const char *what);
/* The text nearest to h among the rows of s (column 0), if near enough
 * to be a likely typo (kam_distance), in a new string; else NULL. */
char *store_nearest(struct store *, sqlite3_stmt *s, const char *h);
/* Binds NULL for a NULL string; store_bind_text copies the string. */
void store_bind_text(sqlite3_stmt *, int, const char *);
/* A handle as typed, bound in its one spelling (NFC, handle_nfc). */
void store_bind_handle(sqlite3_stmt *, int, const char *);
/* Without a copy, for hot paths: the string must outlive the step. */
void store_bind_static(sqlite3_stmt *, int, const char *);
/* Copies a column (NULL stays NULL). */
char *store_col_dup(sqlite3_stmt *, int);

/*
 * A buying role or an influence link (table alias a) in force on the day
 * d (an SQL parameter): begun by then and not ended by then.  A period
 * runs from start_on until, and not on, end_on.
 */
#define STORE_IN_FORCE(a, d)                                                   \
	"(" a ".start_on <= " d " AND (" a ".end_on IS NULL OR " a             \
	".end_on > " d "))"

#endif
