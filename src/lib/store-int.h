/*
 * The store's private interface: the engine layer, a prepared statement
 * behind one set of db_ functions whatever the engine, and the helpers
 * every store file shares (the statement cache, binding, failure
 * reports).  Only src/lib/store*.c may include it (and the unit tests
 * that look into a store); everything else goes through
 * include/kam/store.h and the store_ functions of the other public
 * headers, none of which mentions an engine.
 *
 * A store file prepares through store_stmt, binds with db_bind_ and the
 * store_bind_ helpers, steps with db_step and reads with db_column_;
 * only the engine files (store-sqlite.c, and store.c where it opens and
 * migrates an SQLite file) call an engine's own functions.
 */
#ifndef KAM_STORE_INT_H
#define KAM_STORE_INT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* The unit tests and store.c reach SQLite's connection (store_db). */
#include <sqlite3.h>

#include "kam/store.h"

/* What db_step returns: a row, the end, or else an engine's error. */
#define DB_ROW  100
#define DB_DONE 101
/* An engine's failure, where it has no code of its own. */
#define DB_ERROR 1

/* A column's type (db_column_type), numbered as SQLite numbers them. */
enum db_type {
	DB_INTEGER = 1,
	DB_FLOAT = 2,
	DB_TEXT = 3,
	DB_BLOB = 4,
	DB_NULL = 5
};

/* How a bound string is kept until the statement is reset. */
enum db_keep {
	DB_STATIC, /* not copied: it must outlive the step */
	DB_COPY,   /* copied */
	DB_OWN     /* taken, and freed with free() when done */
};

typedef struct db_stmt db_stmt;

/* An engine's statement functions (store-sqlite.c, store-pg.c). */
struct db_ops {
	int (*step)(db_stmt *);
	void (*reset)(db_stmt *);
	void (*clear_bindings)(db_stmt *);
	void (*finalize)(db_stmt *);
	void (*bind_int64)(db_stmt *, int, int64_t);
	void (*bind_double)(db_stmt *, int, double);
	/* A NULL string binds NULL. */
	void (*bind_text)(db_stmt *, int, const char *, enum db_keep);
	void (*bind_null)(db_stmt *, int);
	int64_t (*column_int64)(db_stmt *, int);
	double (*column_double)(db_stmt *, int);
	const unsigned char *(*column_text)(db_stmt *, int);
	const void *(*column_blob)(db_stmt *, int);
	int (*column_bytes)(db_stmt *, int);
	int (*column_type)(db_stmt *, int);
	/* NULL where each engine's rows come one at a time anyway. */
	void (*stream)(db_stmt *);
};

/*
 * An engine's table: each member its function named PREFIX_member, and
 * its way to stream rows (or NULL).
 */
#define DB_OPS(p, stream_rows)                                                 \
	{                                                                      \
		.step = p##_step, .reset = p##_reset,                          \
		.clear_bindings = p##_clear_bindings,                          \
		.finalize = p##_finalize, .bind_int64 = p##_bind_int64,        \
		.bind_double = p##_bind_double, .bind_text = p##_bind_text,    \
		.bind_null = p##_bind_null, .column_int64 = p##_column_int64,  \
		.column_double = p##_column_double,                            \
		.column_text = p##_column_text,                                \
		.column_blob = p##_column_blob,                                \
		.column_bytes = p##_column_bytes,                              \
		.column_type = p##_column_type, .stream = stream_rows,         \
	}

/* Each engine's statement begins with this. */
struct db_stmt {
	const struct db_ops *ops;
};

/*
 * Parameters are numbered from 1 (written ? or ?N in the SQL), columns
 * from 0; a step returns DB_ROW, DB_DONE or an error, reported with
 * store_fail.
 */
static inline int
db_step(db_stmt *s)
{
	return s->ops->step(s);
}

static inline void
db_reset(db_stmt *s)
{
	s->ops->reset(s);
}

/*
 * The statement's next runs hand its rows over one at a time, holding
 * only the row read (a team store's whole-table reads, which would
 * otherwise arrive whole in memory first); until its rows are all read
 * or it is reset, no other statement may run on the connection.
 */
static inline void
db_stream(db_stmt *s)
{
	if (s->ops->stream != NULL)
		s->ops->stream(s);
}

static inline void
db_bind_int64(db_stmt *s, int i, int64_t v)
{
	s->ops->bind_int64(s, i, v);
}

static inline void
db_bind_int(db_stmt *s, int i, int v)
{
	s->ops->bind_int64(s, i, v);
}

static inline void
db_bind_double(db_stmt *s, int i, double v)
{
	s->ops->bind_double(s, i, v);
}

static inline void
db_bind_null(db_stmt *s, int i)
{
	s->ops->bind_null(s, i);
}

static inline int64_t
db_column_int64(db_stmt *s, int i)
{
	return s->ops->column_int64(s, i);
}

static inline int
db_column_int(db_stmt *s, int i)
{
	return (int)s->ops->column_int64(s, i);
}

static inline double
db_column_double(db_stmt *s, int i)
{
	return s->ops->column_double(s, i);
}

/* NULL for NULL; valid until the next step or reset. */
static inline const unsigned char *
db_column_text(db_stmt *s, int i)
{
	return s->ops->column_text(s, i);
}

static inline const void *
db_column_blob(db_stmt *s, int i)
{
	return s->ops->column_blob(s, i);
}

static inline int
db_column_bytes(db_stmt *s, int i)
{
	return s->ops->column_bytes(s, i);
}

static inline int
db_column_type(db_stmt *s, int i)
{
	return s->ops->column_type(s, i);
}

static inline void
db_clear_bindings(db_stmt *s)
{
	s->ops->clear_bindings(s);
}

static inline void
db_finalize(db_stmt *s)
{
	if (s != NULL)
		s->ops->finalize(s);
}

/* Prepares an SQLite statement; SQLITE_OK or SQLite's error. */
int db_sqlite_prepare(sqlite3 *, const char *sql, db_stmt **);
/*
 * An empty SQLite database in memory (NULL when it cannot be had): a
 * team store's JSON texts are taken apart and rewritten there with
 * SQLite's JSON functions, so that they come out as on a store file.
 */
sqlite3 *db_sqlite_memory(void);
void db_sqlite_close(sqlite3 *);

/*
 * PostgreSQL's connections and statements (store-pg.c).  Each returns 0
 * or DB_ERROR, with the server's message in db_pg_errmsg.
 */
struct pg_conn;
/*
 * Connects to url (a postgresql:// URI), in the time zone UTC; *out is
 * set even on failure.
 */
int db_pg_connect(const char *url, struct pg_conn **out);
void db_pg_close(struct pg_conn *);
int db_pg_prepare(struct pg_conn *, const char *sql, db_stmt **);
int db_pg_exec(struct pg_conn *, const char *sql);
/*
 * Runs sql, one statement or several (in one round trip), whose last
 * returns rows: *out steps through them (db_step, db_column_*) and is
 * finalised as a prepared statement is.
 */
int db_pg_query(struct pg_conn *, const char *sql, db_stmt **out);
/*
 * Runs sql, a COPY ... FROM STDIN, with data (n bytes, in COPY's text
 * format) as its input.
 */
int db_pg_copy_in(struct pg_conn *, const char *sql, const char *data,
                  size_t n);
int64_t db_pg_last_id(struct pg_conn *);
int64_t db_pg_changes(struct pg_conn *);
/* Is a transaction open (or failed and not yet rolled back)? */
int db_pg_in_tx(struct pg_conn *);
const char *db_pg_errmsg(struct pg_conn *);
/* The last error as a kam exit code (KAM_CONFLICT, KAM_READONLY, ...). */
int db_pg_errcode(struct pg_conn *);
/* Was the last error a serialisation failure or a deadlock? */
int db_pg_retry(struct pg_conn *);
/* LISTEN on a channel (its name quoted here). */
int db_pg_listen(struct pg_conn *, const char *channel);
/*
 * Waits for a notification of a channel listened to: 1 with its payload
 * (a new string), 0 when *stop became set (a signal) or watch_fd (-1:
 * none) reports an error or a hang-up (a reader that went away), -1 on
 * an error (db_pg_errmsg).
 */
int db_pg_wait(struct pg_conn *, volatile sig_atomic_t *stop, int watch_fd,
               char **payload);
/* A team store's connection, or NULL for an SQLite store. */
struct pg_conn *store_pg(struct store *);
/* The advisory lock that makes one team store's schema at a time. */
#define STORE_PG_LOCK_SCHEMA "1262570801" /* "KAM1" */
/*
 * The advisory lock every writing transaction of a team store takes
 * first and holds to its end: writers follow one another, as on SQLite
 * (BEGIN IMMEDIATE), and each statement of one (READ COMMITTED) sees
 * what the writers before it committed; readers never wait for it.
 */
#define STORE_PG_LOCK_WRITE "1262570802"
#define TEAM_BEGIN_WRITE                                                       \
	"BEGIN ISOLATION LEVEL READ COMMITTED; "                               \
	"SELECT pg_advisory_xact_lock(" STORE_PG_LOCK_WRITE ")"
/*
 * A team store's reading command (its snapshot begun when the store
 * opened, and no store_begin open) steps out of that snapshot, so that
 * a statement may write in a transaction of its own: *aside 1 if it
 * did, and store_read_again then begins the next; 0 if there was none;
 * -1 inside another transaction (store_begin's, or one held), left as
 * it is.  Returns a kam status (reported).
 */
int store_read_aside(struct store *, int *aside);
int store_read_again(struct store *);
/* A reading transaction: one snapshot, and no writing in it. */
#define TEAM_BEGIN_READ "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
/*
 * COMMIT, or DB_ERROR when the transaction had failed (PostgreSQL then
 * rolls it back without an error of its own) or the commit did.
 */
int db_pg_commit(struct pg_conn *);
/*
 * sql with SQLite's parameters (? and ?N) spelled $N, into a new
 * string; *nparams is the largest number.
 */
char *db_pg_params(const char *sql, int *nparams);

/*
 * Statements of the connection, outside the cache: runs sql (one or
 * more statements, no parameters, no rows wanted), returning 0, or
 * else the engine's error (store_fail reports it).
 */
int db_exec(struct store *, const char *sql);
/*
 * On a team store, COPY's input (db_pg_copy_in): 0, or else the
 * engine's error (store_fail reports it).  A store file has no COPY:
 * DB_ERROR.
 */
int db_copy_in(struct store *, const char *sql, const char *data, size_t n);
/* The id given to the row the last INSERT added. */
int64_t db_last_id(struct store *);
/* The rows the last INSERT, UPDATE or DELETE changed. */
int64_t db_changes(struct store *);
/* An SQL identifier quoted for the engine, into a new string. */
char *db_quote_ident(const char *name);

/*
 * Whether the store is a team store (PostgreSQL), for what is done in
 * each engine's own way.
 */
int store_on_pg(const struct store *);
/* The SQLite connection (store.c and the unit tests only). */
sqlite3 *store_db(struct store *);
/*
 * A cached prepared statement for a string constant (reset and with
 * bindings cleared); sql must be a static string, as the cache is keyed
 * by its address.
 */
db_stmt *store_stmt(struct store *, const char *sql);
/*
 * The cached statement of a query whose text differs between the
 * engines (JSON functions, for one): lite on SQLite, pg on a team store
 * (PostgreSQL); both static strings, kept side by side under one name.
 */
static inline db_stmt *
store_stmt_dialect(struct store *st, const char *lite, const char *pg)
{
	return store_stmt(st, store_on_pg(st) ? pg : lite);
}
/* The SQL a new store is created with (schema.sql). */
const char *store_schema_sql(void);
/* The SQL a new team store is created with (schema-pg.sql). */
const char *store_team_schema_sql(void);
/* Reports the engine's error as KAM_INTERNAL (or KAM_READONLY/KAM_CONFLICT). */
int store_fail(struct store *, const char *what);
/*
 * Where a query gave no row: the failure the store kept (a failed step,
 * already reported), else RC.  store_fail_once: the kept failure, else
 * store_fail's report of WHAT.
 */
int store_failed_or(const struct store *, int rc);
int store_fail_once(struct store *, const char *what);
/* The code store_fail would return, without reporting anything. */
int store_fail_code(struct store *);
/* Is the store a team store (PostgreSQL)? */
int store_is_team(const struct store *);
/*
 * On a team store, the role of team handle, made as kam-org team add
 * makes it, must hold the user: an account copied there (account, its
 * handle, for the message) must stay in their sight.  KAM_OK on a file.
 */
int store_team_held(struct store *, const char *handle, const char *account);
/*
 * Ends a loop over the rows of s: step is the last db_step result,
 * rc what the loop returns.  Resets s; returns rc, or, when the last
 * step failed (neither a row nor the end), that failure, reported as
 * "cannot read what", or the failure of an earlier step of the command
 * (store_row), reported then.  The one way a loop over rows ends.
 */
int store_rows_end(struct store *, db_stmt *s, int step, int rc,
                   const char *what);
/*
 * Steps s once: 1 for a row, 0 for none.  A failed step is not taken for
 * "no more rows": it is reported ("cannot read what"; only the first of
 * a command) and kept, so that the next loop to end (store_rows_end),
 * the transaction that holds it (store_end) and the command
 * (store_finish) fail and keep nothing.  For lookups of one row and
 * loops in functions that return no status; a loop that returns one
 * ends with store_rows_end.
 */
int store_row(struct store *, db_stmt *s, const char *what);
/* The text nearest to h among the rows of s (column 0), if near enough
 * to be a likely typo (kam_distance), in a new string; else NULL. */
char *store_nearest(struct store *, db_stmt *s, const char *h);
/* Binds NULL for a NULL string; store_bind_text copies the string. */
void store_bind_text(db_stmt *, int, const char *);
/* A handle as typed, bound in its one spelling (NFC, handle_nfc). */
void store_bind_handle(db_stmt *, int, const char *);
/* Without a copy, for hot paths: the string must outlive the step. */
void store_bind_static(db_stmt *, int, const char *);
/* Copies a column (NULL stays NULL). */
char *store_col_dup(db_stmt *, int);

/*
 * A statement's parameters, ?1 first, for the store_get_ and store_put
 * helpers: STORE_ARGS(STORE_INT(account), STORE_HANDLE(h)), or NULL for
 * none.  Strings are bound without a copy: they outlive the call.
 */
enum store_arg_kind {
	STORE_ARG_END,
	STORE_ARG_INT,
	STORE_ARG_DOUBLE,
	STORE_ARG_TEXT,   /* NULL binds NULL */
	STORE_ARG_HANDLE, /* as store_bind_handle */
	STORE_ARG_NULL,
	STORE_ARG_NOW /* the time of the binding, a kam_now stamp */
};
struct store_arg {
	enum store_arg_kind kind;
	int64_t i;
	double d;
	const char *t;
};
#define STORE_INT(v)    ((struct store_arg){STORE_ARG_INT, (v), 0, NULL})
#define STORE_DOUBLE(v) ((struct store_arg){STORE_ARG_DOUBLE, 0, (v), NULL})
#define STORE_TEXT(v)   ((struct store_arg){STORE_ARG_TEXT, 0, 0, (v)})
#define STORE_HANDLE(v) ((struct store_arg){STORE_ARG_HANDLE, 0, 0, (v)})
#define STORE_NULL      ((struct store_arg){STORE_ARG_NULL, 0, 0, NULL})
#define STORE_NOW       ((struct store_arg){STORE_ARG_NOW, 0, 0, NULL})
/* When a row is written and by whom: now and the actor, two arguments. */
#define STORE_STAMP STORE_NOW, STORE_TEXT(kam_actor())
#define STORE_ARGS(...)                                                        \
	((const struct store_arg[]){__VA_ARGS__, {STORE_ARG_END, 0, 0, NULL}})
/* Binds args to s from ?1 on. */
void store_bind_args(db_stmt *s, const struct store_arg *args);
/*
 * Runs s (from store_stmt) with args and reads the first row's column 0
 * into *out: 1, or 0 when there is no row (*out unchanged), a failed
 * step reported and kept as by store_row.  s is reset.
 */
int store_get_int64(struct store *, db_stmt *s, const struct store_arg *args,
                    int64_t *out);
static inline int
store_get_int(struct store *st, db_stmt *s, const struct store_arg *args,
              int *out)
{
	int64_t v;
	int found = store_get_int64(st, s, args, &v);

	if (found)
		*out = (int)v;
	return found;
}
/* The first row's column 0 (an id, a count), or 0 when there is none. */
int64_t store_get_id(struct store *, db_stmt *s, const struct store_arg *args);
/*
 * Runs s with args to its first row: 1 with s on it (read its columns,
 * then db_reset), or 0 with s reset when there is none (a failed step
 * reported as "cannot read what" and kept, as by store_row).
 */
int store_first(struct store *, db_stmt *s, const struct store_arg *args,
                const char *what);
/* The first row's column 0 copied (store_col_dup), or NULL. */
char *store_get_text(struct store *, db_stmt *s, const struct store_arg *args);
/*
 * Runs s, a statement that returns no rows, with args: KAM_OK, or its
 * failure reported as "what: the engine's message" (store_fail).
 */
int store_put(struct store *, db_stmt *s, const struct store_arg *args,
              const char *what);
/*
 * The rows of s with args, each handed to row (s on its row) until one
 * returns other than KAM_OK; ends as store_rows_end does ("cannot read
 * what").  The one way a store file loops over rows.
 */
int store_each(struct store *, db_stmt *s, const struct store_arg *args,
               int (*row)(db_stmt *, void *), void *arg, const char *what);
/*
 * A caller's function over rows, kept as store_fn and called back with
 * its own type by STORE_HAND: the functions of the public headers take
 * a row struct and an argument, int (*)(const T *, void *).
 */
typedef void (*store_fn)(void);
#define STORE_HAND(T, fn, row, arg)                                            \
	(((int (*)(const T *, void *))(fn))((row), (arg)))
/*
 * As store_each, for those functions: make makes the caller's row of s
 * and hands it to fn with arg (STORE_HAND).
 */
int store_each_to(struct store *, db_stmt *s, const struct store_arg *args,
                  int (*make)(db_stmt *, store_fn fn, void *arg), store_fn fn,
                  void *arg, const char *what);

/*
 * Rows read by a table of their columns: column i of a row goes into
 * the caller's struct as fields[i] says, at its offset, as its kind
 * says.  A file declares the table once beside its query,
 *
 *     STORE_ROWS(comp_rows, struct org_competitor,
 *                STORE_FIELD(struct org_competitor, handle, TEXT),
 *                STORE_FIELD(struct org_competitor, name, TEXT));
 *
 * and runs the query with store_each_read (each row handed to the
 * caller's function), store_read_all (every row into an array) or
 * store_read_one (the first row).  STORE_FIELD checks at compile time
 * that the member has the kind's type.
 */
enum store_field_kind {
	STORE_F_TEXT,   /* const char *: NULL for NULL; valid until the
	                   next step (store_each_read's rows only) */
	STORE_F_DUP,    /* char *: a copy (NULL stays NULL), the caller's
	                   (store_each_read's: freed after the row) */
	STORE_F_INT64,  /* int64_t: NULL is 0, as for every number */
	STORE_F_INT,    /* int */
	STORE_F_LONG,   /* long */
	STORE_F_DOUBLE, /* double */
	STORE_F_BOOL,   /* int: 1 for a value other than 0, else 0 */
	STORE_F_CDUP,   /* const char *: a copy as for DUP, in a field the
	                   struct declares const (freed as DUP's) */
	STORE_F_CHARS,  /* char [N]: the text, cut to fit ("" for NULL) */
	STORE_F_SKIP    /* a column the struct has no field for */
};
struct kam_array;
struct store_field {
	enum store_field_kind kind;
	size_t offset, size; /* the member's place and size */
};
#define STORE_CK_TEXT(m)   _Generic((m), const char * : 0)
#define STORE_CK_DUP(m)    _Generic((m), char * : 0)
#define STORE_CK_INT64(m)  _Generic((m), int64_t : 0)
#define STORE_CK_INT(m)    _Generic((m), int : 0)
#define STORE_CK_LONG(m)   _Generic((m), long : 0)
#define STORE_CK_DOUBLE(m) _Generic((m), double : 0)
#define STORE_CK_BOOL(m)   _Generic((m), int : 0)
#define STORE_CK_CDUP(m)   _Generic((m), const char * : 0)
#define STORE_CK_CHARS(m)  _Generic(&(m), char(*)[sizeof(m)] : 0)
#define STORE_FIELD(T, member, K)                                              \
	{                                                                      \
		STORE_F_##K,                                                   \
		    offsetof(T, member) + STORE_CK_##K(((T *)0)->member),      \
		    sizeof(((T *)0)->member)                                   \
	}
#define STORE_SKIP                                                             \
	{                                                                      \
		STORE_F_SKIP, 0, 0                                             \
	}
struct store_rows {
	const struct store_field *fields;
	size_t n, size; /* columns; the size of the row struct */
	/* Hands a row to the caller's function with its own type. */
	int (*hand)(const void *row, store_fn fn, void *arg);
};
#define STORE_ROWS(name, T, ...)                                               \
	static int name##_hand(const void *row, store_fn fn, void *arg)        \
	{                                                                      \
		return STORE_HAND(T, fn, row, arg);                            \
	}                                                                      \
	static const struct store_field name##_fields[] = {__VA_ARGS__};       \
	static const struct store_rows name = {                                \
	    name##_fields, sizeof name##_fields / sizeof name##_fields[0],     \
	    sizeof(T), name##_hand}
/* Reads the row s is on into row, by the table r. */
void store_read(db_stmt *s, const struct store_rows *r, void *row);
/*
 * As store_each_to, each row read by r and handed to fn, a function
 * int (*)(const T *, void *) of r's struct, with arg.
 */
int store_each_read(struct store *, db_stmt *s, const struct store_arg *args,
                    const struct store_rows *r, store_fn fn, void *arg,
                    const char *what);
/*
 * Every row of s with args read by r and added to out (kam_array_add),
 * texts copied (r has no STORE_F_TEXT); ends as store_rows_end does.
 * What was read before a failed step stays in out, the caller's to
 * free (store_rows_free).
 */
int store_read_all(struct store *, db_stmt *s, const struct store_arg *args,
                   const struct store_rows *r, struct kam_array *out,
                   const char *what);
/*
 * The first row of s with args read by r into row (texts copied): 1, or
 * 0 with row unchanged when there is none (a failed step reported and
 * kept, as by store_row).  s is reset.
 */
int store_read_one(struct store *, db_stmt *s, const struct store_arg *args,
                   const struct store_rows *r, void *row, const char *what);
/* Frees the n rows of v read by r (their copied texts), and v. */
void store_rows_free(const struct store_rows *r, void *v, size_t n);
/*
 * Column 0 of every row of s with args, ids, into *ids (a new array,
 * NULL for none) and *n; ends as store_rows_end does.
 */
int store_ids(struct store *, db_stmt *s, const struct store_arg *args,
              int64_t **ids, size_t *n, const char *what);
/*
 * Whether s with args has a row (a lookup of existence): 1 or 0, a
 * failed step reported and kept as by store_row.
 */
int store_exists(struct store *, db_stmt *s, const struct store_arg *args);

/*
 * Structs that begin with an int64_t id are ordered by it with
 * kam_by_id; STORE_BY_ID(T, m) checks that T's member m is that id.
 */
#define STORE_BY_ID(T, m)                                                      \
	_Static_assert(offsetof(T, m) == 0 &&                                  \
	                   _Generic(((T *)0)->m, int64_t : 1, default : 0),    \
	               #T " begins with its int64_t id " #m)

/* Buying roles (table alias r) in the vocabulary's order. */
#define STORE_ROLE_ORDER "vocab_rank('role', r.role)"
/*
 * A buying role or an influence link (table alias a) in force on the day
 * d (an SQL parameter): begun by then and not ended by then.  A period
 * runs from start_on until, and not on, end_on.
 */
#define STORE_IN_FORCE(a, d)                                                   \
	"(" a ".start_on <= " d " AND (" a ".end_on IS NULL OR " a             \
	".end_on > " d "))"
/*
 * The links (from, to, kind, strength) of the people of the account ?1
 * in force on the day ?2, in no particular order.
 */
#define STORE_Q_ACCOUNT_LINKS                                                  \
	"SELECT l.from_id, l.to_id, l.kind, l.strength FROM link_period l "    \
	"JOIN person p ON p.id = l.from_id WHERE p.account_id = ?1 "           \
	"AND " STORE_IN_FORCE("l", "?2")

#endif
