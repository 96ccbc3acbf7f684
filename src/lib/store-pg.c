/*
 * The engine layer on PostgreSQL (libpq): a statement of the team store
 * behind the db_ functions of store-int.h.  The store's SQL is written
 * once with SQLite's parameters (? and ?N); here they become $N.
 * Values travel as text both ways, and a statement's rows are fetched
 * whole when it is first stepped, so that a store file may step one
 * statement while it runs others, as it does on SQLite.
 */
#include <config.h>

#include <errno.h>
#include <libpq-fe.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kam/input.h"
#include "kam/kam.h"

#include "store-int.h"

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

static void
drop_rows(struct pg_stmt *ps)
{
	if (ps->res != NULL)
		PQclear(ps->res);
	ps->res = NULL;
	free(ps->blob);
	ps->blob = NULL;
	ps->nblob = 0;
}

static int
pg_step(db_stmt *s)
{
	struct pg_stmt *ps = pg(s);
	const char **v;
	const char *n;
	int i;

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

static int64_t
pg_column_int64(db_stmt *s, int i)
{
	const char *v = value(s, i);

	if (v == NULL)
		return 0;
	if (is_bool(s, i))
		return *v == 't';
	return strtoll(v, NULL, 10);
}

static double
pg_column_double(db_stmt *s, int i)
{
	const char *v = value(s, i);

	if (v == NULL)
		return 0;
	if (is_bool(s, i))
		return *v == 't';
	return strtod_l(v, NULL, c_locale());
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

static const struct db_ops pg_ops = {
    .step = pg_step,
    .reset = pg_reset,
    .clear_bindings = pg_clear_bindings,
    .finalize = pg_finalize,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .bind_text = pg_bind_text,
    .bind_null = pg_bind_null,
    .column_int64 = pg_column_int64,
    .column_double = pg_column_double,
    .column_text = pg_column_text,
    .column_blob = pg_column_blob,
    .column_bytes = pg_column_bytes,
    .column_type = pg_column_type,
};

/* Where db_pg_params is, in the SQL it respells. */
struct pg_sql {
	struct buf b;
	int max; /* the largest parameter number so far */
};

static int
ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* The end of a quoted string or name at p (past the closing quote). */
static const char *
quoted_end(const char *p)
{
	const char *q = p + 1;

	/* Up to the closing quote; a doubled one stays in. */
	while (*q != '\0' && (*q != *p || q[1] == *p))
		q += *q == *p ? 2 : 1;
	return *q != '\0' ? q + 1 : q;
}

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t')
		p++;
	return p;
}

static void respell(struct pg_sql *, const char *p, const char *end);

/*
 * vocab_rank('KIND', EXPR), SQLite's function of the store (store.c),
 * written out as the CASE it computes; p is at its '(' and the end of
 * the call is returned, or NULL when it is not such a call.
 */
static const char *
vocab_case(struct pg_sql *ps, const char *p)
{
	const char *k, *e, *q;
	const char *const *w;
	int depth = 0, kind, i;
	size_t klen;

	k = skip_space(p + 1);
	if (*k != '\'')
		return NULL;
	e = quoted_end(k);
	klen = (size_t)(e - k) - 2;
	for (kind = 0; kind < VOCAB_NKINDS; kind++)
		if (strlen(vocab_table[kind].name) == klen &&
		    strncmp(vocab_table[kind].name, k + 1, klen) == 0)
			break;
	q = skip_space(e);
	if (kind == VOCAB_NKINDS || *q != ',')
		return NULL;
	q = skip_space(q + 1);
	for (e = q; *e != '\0' && (*e != ')' || depth > 0); e++) {
		if (*e == '\'' || *e == '"') {
			e = quoted_end(e) - 1;
			continue;
		}
		depth += *e == '(' ? 1 : *e == ')' ? -1 : 0;
	}
	if (*e != ')')
		return NULL;
	buf_puts(&ps->b, "(CASE (");
	respell(ps, q, e);
	buf_puts(&ps->b, ")");
	for (w = vocab_table[kind].words, i = 0; *w != NULL; w++, i++)
		buf_printf(&ps->b, " WHEN '%s' THEN %d", *w, i);
	buf_puts(&ps->b, " ELSE 1000 END)");
	return e + 1;
}

/*
 * A word of SQLite's that PostgreSQL spells otherwise, at p (its
 * first character), written in PostgreSQL's spelling; the end of what
 * was written, or NULL for a word to copy as it is.
 */
static const char *
respell_word(struct pg_sql *ps, const char *p, size_t n)
{
	const char *q = skip_space(p + n), *r;

	/* x IS ?, x IS NOT ?: IS compares NULLs as values in SQLite. */
	if (n == 2 && strncasecmp(p, "IS", 2) == 0) {
		r = q;
		if (strncasecmp(q, "NOT", 3) == 0 && !ident_char(q[3]))
			r = skip_space(q + 3);
		if (*r != '?')
			return NULL;
		buf_puts(&ps->b, r == q ? "IS NOT DISTINCT FROM "
		                        : "IS DISTINCT FROM ");
		return r;
	}
	/* SQLite's NOT INDEXED, a plan's hint, goes. */
	if (n == 3 && strncasecmp(p, "NOT", 3) == 0 &&
	    strncasecmp(q, "INDEXED", 7) == 0 && !ident_char(q[7]))
		return q + 7;
	if (*q != '(')
		return NULL;
	if (n == 12 && strncasecmp(p, "group_concat", 12) == 0) {
		buf_puts(&ps->b, "string_agg");
		return p + n;
	}
	if (n == 10 && strncasecmp(p, "vocab_rank", 10) == 0)
		return vocab_case(ps, q);
	return NULL;
}

/* The SQL from p to end, respelled (db_pg_params). */
static void
respell(struct pg_sql *ps, const char *p, const char *end)
{
	const char *q, *r;
	char num[16];
	int n;

	while (p < end) {
		if (*p == '\'' || *p == '"') {
			q = quoted_end(p);
			buf_add(&ps->b, p, (size_t)(q - p));
			p = q;
		} else if (p[0] == '-' && p[1] == '-') {
			q = p + strcspn(p, "\n");
			buf_add(&ps->b, p, (size_t)(q - p));
			p = q;
		} else if (p[0] == '/' && p[1] == '*') {
			q = strstr(p + 2, "*/");
			q = q != NULL ? q + 2 : p + strlen(p);
			buf_add(&ps->b, p, (size_t)(q - p));
			p = q;
		} else if (*p == '?') {
			p++;
			if (*p >= '0' && *p <= '9') {
				n = (int)strtol(p, (char **)&q, 10);
				p = q;
			} else
				n = ps->max + 1;
			if (n > ps->max)
				ps->max = n;
			snprintf(num, sizeof num, "$%d", n);
			buf_puts(&ps->b, num);
		} else if (ident_char(*p) && !(*p >= '0' && *p <= '9')) {
			for (q = p; q < end && ident_char(*q); q++)
				;
			r = respell_word(ps, p, (size_t)(q - p));
			buf_add(&ps->b, p, r != NULL ? 0 : (size_t)(q - p));
			p = r != NULL ? r : q;
		} else {
			buf_add(&ps->b, p, 1);
			p++;
		}
	}
}

/*
 * SQLite's SQL in PostgreSQL's spelling: the parameters ?N become $N,
 * and a bare ? the next number after the largest so far, as SQLite
 * numbers it; "IS ?" and "IS NOT ?" become IS [NOT] DISTINCT FROM (an
 * equality where NULL is a value); group_concat becomes string_agg;
 * SQLite's hint NOT INDEXED is dropped;
 * the store's vocab_rank('KIND', X) the CASE it computes from the
 * vocabulary (input.h).  Quoted strings, quoted names and comments are
 * copied as they are.
 */
char *
db_pg_params(const char *sql, int *nparams)
{
	struct pg_sql ps = {{NULL, 0, 0}, 0};

	buf_puts(&ps.b, "");
	respell(&ps, sql, sql + strlen(sql));
	*nparams = ps.max;
	return ps.b.s;
}

/*
 * The parameter a failed preparation could not type ("could not
 * determine data type of parameter $N", 42P18 or 42P08), or 0.
 */
static int
untyped(const PGresult *r)
{
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	const char *d;

	if (state == NULL ||
	    (strcmp(state, "42P18") != 0 && strcmp(state, "42P08") != 0) ||
	    msg == NULL || (d = strrchr(msg, '$')) == NULL)
		return 0;
	return atoi(d + 1);
}

/*
 * Prepares text.  A parameter whose type the server cannot infer from
 * the SQL (one tested only with IS NULL, or not used) is text, the
 * type its value travels as; inside a transaction, a savepoint keeps
 * a refused try from failing the transaction.
 */
static PGresult *
prepare(struct pg_conn *pc, const char *name, const char *text, int n)
{
	Oid *types = xcalloc((size_t)n + 1, sizeof *types);
	int tx = PQtransactionStatus(pc->c) == PQTRANS_INTRANS, i, tries;
	PGresult *r = NULL;

	for (tries = 0; tries <= n; tries++) {
		if (r != NULL)
			PQclear(r);
		if (tx)
			PQclear(PQexec(pc->c, "SAVEPOINT kam_prepare"));
		r = PQprepare(pc->c, name, text, n, types);
		if (tx)
			PQclear(
			    PQexec(pc->c, PQresultStatus(r) == PGRES_COMMAND_OK
			                      ? "RELEASE kam_prepare"
			                      : "ROLLBACK TO kam_prepare; "
			                        "RELEASE kam_prepare"));
		if (PQresultStatus(r) == PGRES_COMMAND_OK ||
		    (i = untyped(r)) < 1 || i > n || types[i - 1] != 0)
			break;
		types[i - 1] = OID_TEXT;
	}
	free(types);
	return r;
}

int
db_pg_prepare(struct pg_conn *pc, const char *sql, db_stmt **out)
{
	struct pg_stmt *ps;
	PGresult *r;
	char *text;
	int n;

	*out = NULL;
	text = db_pg_params(sql, &n);
	ps = xcalloc(1, sizeof *ps);
	ps->base.ops = &pg_ops;
	ps->pc = pc;
	ps->nparams = n;
	ps->p = xcalloc((size_t)n + 1, sizeof *ps->p);
	snprintf(ps->name, sizeof ps->name, "kam%u", pc->nstmt++);
	r = prepare(pc, ps->name, text, n);
	free(text);
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
db_pg_connect(const char *url, struct pg_conn **out)
{
	struct pg_conn *pc = xcalloc(1, sizeof *pc);

	*out = pc;
	pc->c = PQconnectdb(url);
	if (pc->c == NULL || PQstatus(pc->c) != CONNECTION_OK) {
		set_error(pc, NULL);
		return DB_ERROR;
	}
	/* Times are written and read in UTC, whatever the server's zone. */
	return db_pg_exec(pc, "SET TIME ZONE 'UTC'");
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
