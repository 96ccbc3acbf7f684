/*
 * The engine layer on SQLite: a prepared statement of SQLite's behind
 * the db_ functions of store-int.h.  Opening, marking and migrating an
 * SQLite file, and the statements of a connection (db_exec, ...), are
 * store.c's.
 */
#include <config.h>

#include <stdlib.h>

#include "kam/kam.h"

#include "store-int.h"

struct lite_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
};

static sqlite3_stmt *
lite(db_stmt *s)
{
	return ((struct lite_stmt *)s)->s;
}

static int
lite_step(db_stmt *s)
{
	return sqlite3_step(lite(s));
}

static void
lite_reset(db_stmt *s)
{
	sqlite3_reset(lite(s));
}

static void
lite_clear_bindings(db_stmt *s)
{
	sqlite3_clear_bindings(lite(s));
}

static void
lite_finalize(db_stmt *s)
{
	sqlite3_finalize(lite(s));
	free(s);
}

static void
lite_bind_int64(db_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(lite(s), i, v);
}

static void
lite_bind_double(db_stmt *s, int i, double v)
{
	sqlite3_bind_double(lite(s), i, v);
}

static void
lite_bind_text(db_stmt *s, int i, const char *v, enum db_keep keep)
{
	if (v == NULL)
		sqlite3_bind_null(lite(s), i);
	else
		sqlite3_bind_text(lite(s), i, v, -1,
		                  keep == DB_STATIC ? SQLITE_STATIC
		                  : keep == DB_OWN  ? free
		                                    : SQLITE_TRANSIENT);
}

static void
lite_bind_null(db_stmt *s, int i)
{
	sqlite3_bind_null(lite(s), i);
}

/*
 * The columns of the current row: SQLite's own call, on its statement.
 * SQLite's type numbers are the db_type ones.
 */
#define LITE_COLUMN(name, type)                                                \
	static type lite_column_##name(db_stmt *s, int i)                      \
	{                                                                      \
		return sqlite3_column_##name(lite(s), i);                      \
	}
LITE_COLUMN(int64, int64_t)
LITE_COLUMN(double, double)
LITE_COLUMN(text, const unsigned char *)
LITE_COLUMN(blob, const void *)
LITE_COLUMN(bytes, int)
LITE_COLUMN(type, int)
#undef LITE_COLUMN

static const struct db_ops lite_ops = DB_OPS(lite, NULL);

_Static_assert(DB_ROW == SQLITE_ROW && DB_DONE == SQLITE_DONE,
               "db_step returns SQLite's codes");
_Static_assert(DB_INTEGER == SQLITE_INTEGER && DB_FLOAT == SQLITE_FLOAT &&
                   DB_TEXT == SQLITE_TEXT && DB_BLOB == SQLITE_BLOB &&
                   DB_NULL == SQLITE_NULL,
               "db_column_type returns SQLite's types");

int
db_sqlite_prepare(sqlite3 *db, const char *sql, db_stmt **out)
{
	struct lite_stmt *ls;
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	if ((rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL)) != SQLITE_OK)
		return rc;
	ls = xcalloc(1, sizeof *ls);
	ls->base.ops = &lite_ops;
	ls->s = s;
	*out = &ls->base;
	return SQLITE_OK;
}

/* "name" with each '"' doubled: the same in both engines. */
char *
db_quote_ident(const char *name)
{
	struct buf b = {NULL, 0, 0};

	buf_puts(&b, "\"");
	for (; *name != '\0'; name++) {
		if (*name == '"')
			buf_puts(&b, "\"");
		buf_add(&b, name, 1);
	}
	buf_puts(&b, "\"");
	return b.s;
}

sqlite3 *
db_sqlite_memory(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(":memory:", &db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
	                    NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

void
db_sqlite_close(sqlite3 *db)
{
	sqlite3_close(db);
}
