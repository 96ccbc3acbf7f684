/*
 * The engine layer on PostgreSQL (libpq): a statement of the team store
 * behind the db_ functions of store-int.h.  The store's SQL is written
 * once for both engines (or as twins, store_stmt_dialect), with
 * SQLite's parameters (? and ?N); here they become $N, and nothing
 * else of the text changes.
 * Values travel as text both ways, and a statement's rows are fetched
 * whole when it is first stepped, so that a store file may step one
 * statement while it runs others, as it does on SQLite.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/input.h"
#include "kam/kam.h"

#include "lazy.h"
#include "store-int.h"

/*
 * libpq is loaded when a team store is opened (lazy.h), not when a
 * command starts: with the libraries it brings (TLS, Kerberos, LDAP) it
 * took a third of the start of each command on a store file.
 */
#define PQ_CALLS(X)                                                            \
	X(PQclear)                                                             \
	X(PQcmdTuples)                                                         \
	X(PQconnectdb)                                                         \
	X(PQconsumeInput)                                                      \
	X(PQerrorMessage)                                                      \
	X(PQexec)                                                              \
	X(PQexecPrepared)                                                      \
	X(PQfinish)                                                            \
	X(PQfreemem)                                                           \
	X(PQftype)                                                             \
	X(PQgetResult)                                                         \
	X(PQgetisnull)                                                         \
	X(PQgetvalue)                                                          \
	X(PQnfields)                                                           \
	X(PQnotifies)                                                          \
	X(PQntuples)                                                           \
	X(PQprepare)                                                           \
	X(PQputCopyData)                                                       \
	X(PQputCopyEnd)                                                        \
	X(PQresultErrorField)                                                  \
	X(PQresultStatus)                                                      \
	X(PQsendQueryPrepared)                                                 \
	X(PQsetSingleRowMode)                                                  \
	X(PQsocket)                                                            \
	X(PQstatus)                                                            \
	X(PQtransactionStatus)                                                 \
	X(PQunescapeBytea)
LAZY_LIBRARY(pq, LIBPQ_SONAME, PQ_CALLS);

#define PQclear             (*pq.PQclear)
#define PQcmdTuples         (*pq.PQcmdTuples)
#define PQconnectdb         (*pq.PQconnectdb)
#define PQconsumeInput      (*pq.PQconsumeInput)
#define PQerrorMessage      (*pq.PQerrorMessage)
#define PQexec              (*pq.PQexec)
#define PQexecPrepared      (*pq.PQexecPrepared)
#define PQfinish            (*pq.PQfinish)
#define PQfreemem           (*pq.PQfreemem)
#define PQftype             (*pq.PQftype)
#define PQgetResult         (*pq.PQgetResult)
#define PQgetisnull         (*pq.PQgetisnull)
#define PQgetvalue          (*pq.PQgetvalue)
#define PQnfields           (*pq.PQnfields)
#define PQnotifies          (*pq.PQnotifies)
#define PQntuples           (*pq.PQntuples)
#define PQprepare           (*pq.PQprepare)
#define PQputCopyData       (*pq.PQputCopyData)
#define PQputCopyEnd        (*pq.PQputCopyEnd)
#define PQresultErrorField  (*pq.PQresultErrorField)
#define PQresultStatus      (*pq.PQresultStatus)
#define PQsendQueryPrepared (*pq.PQsendQueryPrepared)
#define PQsetSingleRowMode  (*pq.PQsetSingleRowMode)
#define PQsocket            (*pq.PQsocket)
#define PQstatus            (*pq.PQstatus)
#define PQtransactionStatus (*pq.PQtransactionStatus)
#define PQunescapeBytea     (*pq.PQunescapeBytea)

/* Type oids of the built-in types (pg_type.h is a server header). */
enum {
	OID_BOOL = 16,
	OID_BYTEA = 17,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
	OID_TEXT = 25,
	OID_OID = 26,
	OID_FLOAT4 = 700,
	OID_FLOAT8 = 701,
	OID_NUMERIC = 1700
};

/* A parameter: its text, and whether the statement owns it. */
struct pg_param {
	const char *v;
	char *own;
	char num[32]; /* a number's text */
};

struct pg_conn {
	PGconn *c;
	unsigned nstmt;  /* statements prepared so far, to name the next */
	int64_t changes; /* rows changed by the last statement */
	char *err;       /* the last error, or NULL */
	char state[6];   /* its SQLSTATE, or "" */
};

struct pg_stmt {
	struct db_stmt base;
	struct pg_conn *pc;
	char name[16];
	int nparams;
	struct pg_param *p;
	PGresult *res; /* NULL until stepped */
	int row, nrows;
	/* Rows one at a time (db_stream); live: a run's rows are coming,
	 * done: they have all come (until reset). */
	int stream, live, done;
	/* A column read as a blob, unescaped, until the next step. */
	unsigned char *blob;
	size_t nblob;
};

static locale_t
c_locale(void)
{
	static locale_t c;

	if (c == (locale_t)0)
		c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return c;
}

static struct pg_stmt *
pg(db_stmt *s)
{
	return (struct pg_stmt *)s;
}

/*
 * Keeps the server's message (its primary text, without "ERROR:" or
 * the statement's context), on one line, and its SQLSTATE.
 */
static void
set_error(struct pg_conn *pc, const PGresult *r)
{
	const char *msg =
	    r != NULL ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state =
	    r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	struct buf b = {NULL, 0, 0};
	int space = 0;

	if (msg == NULL || *msg == '\0')
		msg = pc->c != NULL ? PQerrorMessage(pc->c) : "out of memory";
	buf_puts(&b, "");
	for (; *msg != '\0'; msg++) {
		if (*msg == ' ' || *msg == '\n' || *msg == '\t') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_puts(&b, " ");
		space = 0;
		buf_add(&b, msg, 1);
	}
	free(pc->err);
	pc->err = b.s;
	snprintf(pc->state, sizeof pc->state, "%s", state ? state : "");
}

/* Reads and drops what is left of a streamed run's rows. */
static void
drain(struct pg_stmt *ps)
{
	PGresult *r;

	while ((r = PQgetResult(ps->pc->c)) != NULL)
		PQclear(r);
	ps->live = 0;
}

/* Drops the rows held and the blob read from them. */
static void
drop_held(struct pg_stmt *ps)
{
	PQclear(ps->res);
	ps->res = NULL;
	free(ps->blob);
	ps->blob = NULL;
	ps->nblob = 0;
}

/* Drops the rows, and what is left to come of a streamed run's. */
static void
drop_rows(struct pg_stmt *ps)
{
	drop_held(ps);
	if (ps->live)
		drain(ps);
	ps->done = 0;
}

/* A streamed run's next row, as a result of its own. */
static int
next_row(struct pg_stmt *ps)
{
	PGresult *r;

	drop_held(ps);
	r = PQgetResult(ps->pc->c);
	switch (PQresultStatus(r)) {
	case PGRES_SINGLE_TUPLE:
		ps->res = r;
		ps->row = 0;
		ps->nrows = 1;
		return DB_ROW;
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		PQclear(r);
		drain(ps);
		ps->done = 1;
		ps->pc->changes = 0;
		return DB_DONE;
	default:
		set_error(ps->pc, r);
		PQclear(r);
		drain(ps);
		return DB_ERROR;
	}
}

/* Sends a streamed run, its rows to come one at a time. */
static int
send_stream(struct pg_stmt *ps, const char **v)
{
	if (!PQsendQueryPrepared(ps->pc->c, ps->name, ps->nparams, v, NULL,
	                         NULL, 0)) {
		set_error(ps->pc, NULL);
		return DB_ERROR;
	}
	ps->live = 1;
	if (!PQsetSingleRowMode(ps->pc->c)) {
		set_error(ps->pc, NULL);
		drain(ps);
		return DB_ERROR;
	}
	return next_row(ps);
}

static int
pg_step(db_stmt *s)
{
	struct pg_stmt *ps = pg(s);
	const char **v;
	const char *n;
	int i;

	if (ps->live)
		return next_row(ps);
	if (ps->done)
		return DB_DONE;
	if (ps->res != NULL) {
		free(ps->blob);
		ps->blob = NULL;
		if (ps->row + 1 < ps->nrows) {
			ps->row++;
			return DB_ROW;
		}
		ps->row = ps->nrows;
		return DB_DONE;
	}
	v = xcalloc((size_t)ps->nparams + 1, sizeof *v);
	for (i = 0; i < ps->nparams; i++)
		v[i] = ps->p[i].v;
	if (ps->stream) {
		i = send_stream(ps, v);
		free(v);
		return i;
	}
	ps->res =
	    PQexecPrepared(ps->pc->c, ps->name, ps->nparams, v, NULL, NULL, 0);
	free(v);
	switch (PQresultStatus(ps->res)) {
	case PGRES_TUPLES_OK:
		ps->nrows = PQntuples(ps->res);
		ps->row = 0;
		ps->pc->changes = 0;
		return ps->nrows > 0 ? DB_ROW : DB_DONE;
	case PGRES_COMMAND_OK:
		ps->nrows = 0;
		ps->row = 0;
		n = PQcmdTuples(ps->res);
		ps->pc->changes = *n != '\0' ? strtoll(n, NULL, 10) : 0;
		return DB_DONE;
	default:
		set_error(ps->pc, ps->res);
		drop_rows(ps);
		return DB_ERROR;
	}
}

static void
pg_reset(db_stmt *s)
{
	drop_rows(pg(s));
}

static void
unbind(struct pg_param *p)
{
	free(p->own);
	p->own = NULL;
	p->v = NULL;
}

static void
pg_clear_bindings(db_stmt *s)
{
	struct pg_stmt *ps = pg(s);
	int i;

	for (i = 0; i < ps->nparams; i++)
		unbind(&ps->p[i]);
}

static void
pg_finalize(db_stmt *s)
{
	struct pg_stmt *ps = pg(s);

	/* The server forgets the statement with the connection: the
	 * cache keeps every statement as long as the connection. */
	drop_rows(ps);
	pg_clear_bindings(s);
	free(ps->p);
	free(ps);
}

/* Parameter i (from 1), or NULL when the statement has none such. */
static struct pg_param *
param(db_stmt *s, int i)
{
	struct pg_stmt *ps = pg(s);

	if (i < 1 || i > ps->nparams)
		return NULL;
	unbind(&ps->p[i - 1]);
	return &ps->p[i - 1];
}

static void
pg_bind_int64(db_stmt *s, int i, int64_t v)
{
	struct pg_param *p = param(s, i);

	if (p == NULL)
		return;
	snprintf(p->num, sizeof p->num, "%lld", (long long)v);
	p->v = p->num;
}

static void
pg_bind_double(db_stmt *s, int i, double v)
{
	struct pg_param *p = param(s, i);
	locale_t old;

	if (p == NULL)
		return;
	/* A decimal point, whatever the user's locale. */
	old = uselocale(c_locale());
	snprintf(p->num, sizeof p->num, "%.17g", v);
	uselocale(old);
	p->v = p->num;
}

static void
pg_bind_text(db_stmt *s, int i, const char *v, enum db_keep keep)
{
	struct pg_param *p = param(s, i);

	if (p == NULL) {
		if (keep == DB_OWN)
			free((char *)v);
		return;
	}
	if (v == NULL)
		return;
	if (keep == DB_STATIC) {
		p->v = v;
		return;
	}
	p->own = keep == DB_OWN ? (char *)v : xstrdup(v);
	p->v = p->own;
}

static void
pg_bind_null(db_stmt *s, int i)
{
	param(s, i);
}

/* Column i of the current row, or NULL (a NULL, or no row). */
static const char *
value(db_stmt *s, int i)
{
	struct pg_stmt *ps = pg(s);

	if (ps->res == NULL || ps->row >= ps->nrows || i < 0 ||
	    i >= PQnfields(ps->res) || PQgetisnull(ps->res, ps->row, i))
		return NULL;
	return PQgetvalue(ps->res, ps->row, i);
}

static int
is_bool(db_stmt *s, int i)
{
	return PQftype(pg(s)->res, i) == OID_BOOL;
}

/*
 * A number's text in column i; NULL for a NULL (whose number is 0) or a
 * truth value (whose number, SQLite's 1 or 0, goes to *flag).
 */
static const char *
number(db_stmt *s, int i, int *flag)
{
	const char *v = value(s, i);

	*flag = 0;
	if (v != NULL && is_bool(s, i)) {
		*flag = *v == 't';
		return NULL;
	}
	return v;
}

static int64_t
pg_column_int64(db_stmt *s, int i)
{
	int flag;
	const char *v = number(s, i, &flag);

	return v != NULL ? strtoll(v, NULL, 10) : flag;
}

static double
pg_column_double(db_stmt *s, int i)
{
	int flag;
	const char *v = number(s, i, &flag);

	return v != NULL ? strtod_l(v, NULL, c_locale()) : flag;
}

static const unsigned char *
pg_column_text(db_stmt *s, int i)
{
	const char *v = value(s, i);

	/* A truth value reads as SQLite's 1 or 0. */
	if (v != NULL && is_bool(s, i))
		return (const unsigned char *)(*v == 't' ? "1" : "0");
	return (const unsigned char *)v;
}

static const void *
pg_column_blob(db_stmt *s, int i)
{
	struct pg_stmt *ps = pg(s);
	const char *v = value(s, i);

	if (v == NULL)
		return NULL;
	if (PQftype(ps->res, i) != OID_BYTEA)
		return v;
	free(ps->blob);
	ps->blob = PQunescapeBytea((const unsigned char *)v, &ps->nblob);
	return ps->blob;
}

static int
pg_column_bytes(db_stmt *s, int i)
{
	struct pg_stmt *ps = pg(s);

	if (value(s, i) == NULL)
		return 0;
	if (PQftype(ps->res, i) == OID_BYTEA) {
		if (ps->blob == NULL)
			pg_column_blob(s, i);
		return (int)ps->nblob;
	}
	return (int)strlen((const char *)pg_column_text(s, i));
}

static int
pg_column_type(db_stmt *s, int i)
{
	if (value(s, i) == NULL)
		return DB_NULL;
	switch (PQftype(pg(s)->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_OID:
		return DB_INTEGER;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return DB_FLOAT;
	case OID_BYTEA:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

static void
pg_stream(db_stmt *s)
{
	pg(s)->stream = 1;
}

static const struct db_ops pg_ops = DB_OPS(pg, pg_stream);

/*
 * SQLite's parameters (? and ?N) spelled $N; quoted strings, quoted
 * names and comments are copied as they are.  A bare ? is the next
 * number after the largest so far, as SQLite numbers it.  used[N - 1]
 * is set for each number the text names (used may be NULL).
 */
static char *
params(const char *p, int *nparams, unsigned char *used, int nused)
{
	struct buf b = {NULL, 0, 0};
	const char *q;
	int n, max = 0;

	buf_puts(&b, "");
	while (*p != '\0') {
		if (*p == '\'' || *p == '"') {
			/* Up to the closing quote; a doubled one stays in. */
			for (q = p + 1; *q != '\0' && (*q != *p || q[1] == *p);)
				q += *q == *p ? 2 : 1;
			q += *q != '\0';
		} else if (p[0] == '-' && p[1] == '-')
			q = p + strcspn(p, "\n");
		else if (p[0] == '/' && p[1] == '*') {
			q = strstr(p + 2, "*/");
			q = q != NULL ? q + 2 : p + strlen(p);
		} else if (*p == '?') {
			p++;
			if (*p >= '0' && *p <= '9') {
				n = (int)strtol(p, (char **)&p, 10);
			} else
				n = max + 1;
			if (n > max)
				max = n;
			if (used != NULL && n >= 1 && n <= nused)
				used[n - 1] = 1;
			buf_printf(&b, "$%d", n);
			continue;
		} else
			q = p + 1;
		buf_add(&b, p, (size_t)(q - p));
		p = q;
	}
	*nparams = max;
	return b.s;
}

char *
db_pg_params(const char *sql, int *nparams)
{
	return params(sql, nparams, NULL, 0);
}

/*
 * The store's SQL is written for both engines: each parameter it uses
 * is typed by where it stands (compared with a column, or cast).  One
 * that it does not use at all (a statement sharing its binding with
 * others that do) has nothing to be typed by, and is declared text,
 * the type its value travels as.
 */
int
db_pg_prepare(struct pg_conn *pc, const char *sql, db_stmt **out)
{
	struct pg_stmt *ps;
	unsigned char *used;
	Oid *types;
	PGresult *r;
	char *text;
	int n, i;

	*out = NULL;
	free(params(sql, &n, NULL, 0));
	used = xcalloc((size_t)n + 1, 1);
	text = params(sql, &n, used, n);
	types = xcalloc((size_t)n + 1, sizeof *types);
	for (i = 0; i < n; i++)
		types[i] = used[i] ? 0 : OID_TEXT;
	ps = xcalloc(1, sizeof *ps);
	ps->base.ops = &pg_ops;
	ps->pc = pc;
	ps->nparams = n;
	ps->p = xcalloc((size_t)n + 1, sizeof *ps->p);
	snprintf(ps->name, sizeof ps->name, "kam%u", pc->nstmt++);
	r = PQprepare(pc->c, ps->name, text, n, types);
	free(text);
	free(types);
	free(used);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		set_error(pc, r);
		PQclear(r);
		free(ps->p);
		free(ps);
		return DB_ERROR;
	}
	PQclear(r);
	*out = &ps->base;
	return 0;
}

int
db_pg_query(struct pg_conn *pc, const char *sql, db_stmt **out)
{
	struct pg_stmt *ps;
	PGresult *r = PQexec(pc->c, sql);

	*out = NULL;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		set_error(pc, r);
		PQclear(r);
		return DB_ERROR;
	}
	ps = xcalloc(1, sizeof *ps);
	ps->base.ops = &pg_ops;
	ps->pc = pc;
	ps->p = xcalloc(1, sizeof *ps->p);
	/* Its rows are there: the first step stands on the first. */
	ps->res = r;
	ps->nrows = PQntuples(r);
	ps->row = -1;
	*out = &ps->base;
	return 0;
}

/*
 * A closed standard stream must stay closed to the command: a socket
 * opened while descriptor 1 is free would take its number, and the
 * output would go to the server.  /dev/null, read-only, fills each free
 * slot first (as SQLite does for its files), so writing there still
 * fails (EBADF) as writing to a closed stream does.
 */
static void
fill_standard_fds(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", O_RDONLY) != fd)
			return;
}

int
db_pg_connect(const char *url, struct pg_conn **out)
{
	struct pg_conn *pc = xcalloc(1, sizeof *pc);

	*out = pc;
	fill_standard_fds();
	/* Times are written and read in UTC, whatever the server's zone:
	 * libpq sends PGTZ's zone with the start-up message, which costs
	 * no round trip of its own (a SET would). */
	setenv("PGTZ", "UTC", 1);
	if (!lazy_load(&pq_lib)) {
		pc->err = xstrdup(pq_lib.why);
		return DB_ERROR;
	}
	pc->c = PQconnectdb(url);
	if (pc->c == NULL || PQstatus(pc->c) != CONNECTION_OK) {
		set_error(pc, NULL);
		return DB_ERROR;
	}
	return 0;
}

void
db_pg_close(struct pg_conn *pc)
{
	if (pc == NULL)
		return;
	if (pc->c != NULL)
		PQfinish(pc->c);
	free(pc->err);
	free(pc);
}

int
db_pg_exec(struct pg_conn *pc, const char *sql)
{
	PGresult *r = PQexec(pc->c, sql);
	int rc = 0;
	const char *n;

	switch (PQresultStatus(r)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
		n = PQcmdTuples(r);
		pc->changes = *n != '\0' ? strtoll(n, NULL, 10) : 0;
		break;
	default:
		set_error(pc, r);
		rc = DB_ERROR;
	}
	PQclear(r);
	return rc;
}

int
db_pg_copy_in(struct pg_conn *pc, const char *sql, const char *data, size_t n)
{
	PGresult *r = PQexec(pc->c, sql);
	const char *rows;
	int rc = 0;

	if (PQresultStatus(r) != PGRES_COPY_IN) {
		set_error(pc, r);
		PQclear(r);
		return DB_ERROR;
	}
	PQclear(r);
	while (n > 0) {
		/* libpq takes an int's worth at a time. */
		int k = n > (1u << 20) ? (1 << 20) : (int)n;

		if (PQputCopyData(pc->c, data, k) != 1) {
			set_error(pc, NULL);
			rc = DB_ERROR;
			break;
		}
		data += k;
		n -= (size_t)k;
	}
	if (PQputCopyEnd(pc->c, rc == 0 ? NULL : "the input was cut short") !=
	        1 &&
	    rc == 0) {
		set_error(pc, NULL);
		rc = DB_ERROR;
	}
	while ((r = PQgetResult(pc->c)) != NULL) {
		if (rc == 0 && PQresultStatus(r) != PGRES_COMMAND_OK) {
			set_error(pc, r);
			rc = DB_ERROR;
		} else if (rc == 0) {
			rows = PQcmdTuples(r);
			pc->changes =
			    *rows != '\0' ? strtoll(rows, NULL, 10) : 0;
		}
		PQclear(r);
	}
	return rc;
}

int64_t
db_pg_last_id(struct pg_conn *pc)
{
	PGresult *r = PQexec(pc->c, "SELECT lastval()");
	int64_t id = 0;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return id;
}

int
db_pg_commit(struct pg_conn *pc)
{
	if (PQtransactionStatus(pc->c) == PQTRANS_INERROR) {
		free(pc->err);
		pc->err = xstrdup("the transaction failed before its commit");
		snprintf(pc->state, sizeof pc->state, "25P02");
		db_pg_exec(pc, "ROLLBACK");
		return DB_ERROR;
	}
	return db_pg_exec(pc, "COMMIT");
}

int
db_pg_in_tx(struct pg_conn *pc)
{
	return PQtransactionStatus(pc->c) != PQTRANS_IDLE;
}

int64_t
db_pg_changes(struct pg_conn *pc)
{
	return pc->changes;
}

const char *
db_pg_errmsg(struct pg_conn *pc)
{
	return pc->err != NULL ? pc->err : "";
}

/*
 * The kam exit code for the last error, by its SQLSTATE class: a
 * constraint (23), a serialisation failure or a deadlock (40) is a
 * conflict, a missing privilege or a read-only transaction cannot
 * write, a full disk or a lost connection is I/O.
 */
int
db_pg_errcode(struct pg_conn *pc)
{
	const char *s = pc->state;

	if (strncmp(s, "23", 2) == 0 || strncmp(s, "40", 2) == 0)
		return KAM_CONFLICT;
	if (strcmp(s, "42501") == 0 || strcmp(s, "25006") == 0)
		return KAM_READONLY;
	if (strncmp(s, "53", 2) == 0 || strncmp(s, "08", 2) == 0 ||
	    strncmp(s, "58", 2) == 0 || *s == '\0')
		return KAM_IO;
	return KAM_INTERNAL;
}

/* A serialisation failure or a deadlock: the transaction may be run again. */
int
db_pg_retry(struct pg_conn *pc)
{
	return strcmp(pc->state, "40001") == 0 ||
	       strcmp(pc->state, "40P01") == 0;
}

/*
 * LISTEN and wait (kam-stance watch): the notifications of a channel,
 * each delivered when the transaction that sent it commits.
 */
int
db_pg_listen(struct pg_conn *pc, const char *channel)
{
	char *sql, *q = db_quote_ident(channel);
	int rc;

	xasprintf(&sql, "LISTEN %s", q);
	rc = db_pg_exec(pc, sql);
	free(sql);
	free(q);
	return rc;
}

int
db_pg_wait(struct pg_conn *pc, volatile sig_atomic_t *stop, int watch_fd,
           char **payload)
{
	*payload = NULL;
	for (;;) {
		struct pollfd fds[2];
		PGnotify *n;
		int k;

		if (PQconsumeInput(pc->c) == 0) {
			set_error(pc, NULL);
			return -1;
		}
		if ((n = PQnotifies(pc->c)) != NULL) {
			*payload = xstrdup(n->extra);
			PQfreemem(n);
			return 1;
		}
		if (*stop)
			return 0;
		fds[0].fd = PQsocket(pc->c);
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		fds[1].fd = watch_fd;
		fds[1].events = 0;
		fds[1].revents = 0;
		/* A signal ends the wait early (EINTR); the timeout covers
		 * one that came just before it began. */
		k = poll(fds, watch_fd >= 0 ? 2 : 1, 500);
		if (k < 0 && errno != EINTR) {
			free(pc->err);
			pc->err = xstrdup(strerror(errno));
			pc->state[0] = '\0';
			return -1;
		}
		if (k > 0 && watch_fd >= 0 &&
		    (fds[1].revents & (POLLERR | POLLHUP | POLLNVAL)))
			return 0;
	}
}
