/*
 * The store's core: finding and opening the SQLite file, refusing what is
 * not a kam store, migrating the schema, transactions, a cache of prepared
 * statements, and turning handles into ids.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "schema.h"

/* Slots of the statement cache, a hash table keyed by the SQL's address. */
#define STMT_CACHE 1024

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	int writable;
	struct stmt_slot cache[STMT_CACHE];
	size_t ncache;
};

/*
 * Schema migrations: migrations[i] takes a store from version i to
 * i + 1.  A new store is created at the latest version by schema_sql.
 */
static const char *const migrations[KAM_SCHEMA_VERSION] = {
    NULL, migrate_2_sql, migrate_3_sql, migrate_4_sql};

static int
mkdir_parents(const char *path)
{
	char *dir = xstrdup(path), *p;
	struct stat sb;
	int rc = 0;

	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	if (stat(dir, &sb) == 0) {
		free(dir);
		return 0;
	}
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (rc == 0 && mkdir(dir, 0700) != 0 && errno != EEXIST)
		rc = -1;
	if (rc != 0)
		kam_err(KAM_IO, "cannot create folder '%s': %s", dir,
		        strerror(errno));
	free(dir);
	return rc;
}

static int
exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = kam_err(KAM_INTERNAL, "store '%s': %s", st->path,
		                   msg ? msg : sqlite3_errmsg(st->db));

		sqlite3_free(msg);
		return code;
	}
	return KAM_OK;
}

static int
pragma_int(struct store *st, const char *sql, int *out)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Is the file an SQLite database (or empty)?  1 yes, 0 no, -1 error. */
static int
looks_like_sqlite(const char *path, off_t *size)
{
	char head[16];
	int fd;
	ssize_t n;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, head, sizeof head);
	close(fd);
	if (n == 0) {
		*size = 0;
		return 1;
	}
	*size = n;
	return n == 16 && memcmp(head, "SQLite format 3", 16) == 0;
}

static int
migrate(struct store *st, int from)
{
	char sql[64];
	int v, rc;

	if (!st->writable)
		return kam_err(KAM_READONLY,
		               "store '%s' needs upgrading but is not writable",
		               st->path);
	if ((rc = store_begin(st)) != KAM_OK)
		return rc;
	if (from == 0)
		rc = exec_sql(st, schema_sql);
	for (v = from; v > 0 && rc == KAM_OK && v < KAM_SCHEMA_VERSION; v++)
		rc = exec_sql(st, migrations[v]);
	if (rc != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d;",
	         KAM_APPLICATION_ID);
	if ((rc = exec_sql(st, sql)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d;",
	         KAM_SCHEMA_VERSION);
	if ((rc = exec_sql(st, sql)) != KAM_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int
store_open(struct store **out, const char *path, int mode)
{
	struct store *st;
	struct stat sb;
	off_t size = 0;
	int appid = 0, version = 0, fd, rc, flags, created = 0, kind;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return kam_err(KAM_IO, "cannot open store '%s': %s",
			               path, strerror(errno));
		if (mode != STORE_CREATE)
			return kam_err(KAM_NOSTORE,
			               "no store at '%s' (create one with "
			               "'kam-org init', or name another with "
			               "--db or KAM_DB)",
			               path);
		if (mkdir_parents(path) != 0)
			return KAM_IO;
		if ((fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600)) < 0)
			return kam_err(errno == EACCES ? KAM_READONLY : KAM_IO,
			               "cannot create store '%s': %s", path,
			               strerror(errno));
		close(fd);
		created = 1;
	} else if (S_ISDIR(sb.st_mode))
		return kam_err(KAM_NOTKAM, "'%s' is a folder, not a kam store",
		               path);
	if ((kind = looks_like_sqlite(path, &size)) < 0)
		return kam_err(errno == EACCES ? KAM_READONLY : KAM_IO,
		               "cannot read store '%s': %s", path,
		               strerror(errno));
	if (kind == 0 || (size == 0 && !created && mode != STORE_CREATE))
		return kam_err(KAM_NOTKAM, "'%s' is not a kam store", path);

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->writable = access(path, W_OK) == 0;
	if (mode != STORE_READ && !st->writable) {
		rc = kam_err(KAM_READONLY, "store '%s' is not writable", path);
		goto fail;
	}
	/* Each process uses its connection from one thread. */
	flags = (st->writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
	        SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		rc = kam_err(KAM_IO, "cannot open store '%s': %s", path,
		             st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 60000);
	if (pragma_int(st, "PRAGMA application_id", &appid) != 0 ||
	    pragma_int(st, "PRAGMA user_version", &version) != 0) {
		rc = kam_err(KAM_NOTKAM, "'%s' is not a kam store: %s", path,
		             sqlite3_errmsg(st->db));
		goto fail;
	}
	if (appid == 0 && version == 0) {
		int ntables = 0;

		pragma_int(st, "SELECT count(*) FROM sqlite_schema", &ntables);
		if (ntables != 0 || mode != STORE_CREATE) {
			rc = kam_err(KAM_NOTKAM, "'%s' is not a kam store",
			             path);
			goto fail;
		}
	} else if (appid != KAM_APPLICATION_ID) {
		rc = kam_err(KAM_NOTKAM, "'%s' is not a kam store", path);
		goto fail;
	}
	if (version > KAM_SCHEMA_VERSION) {
		rc = kam_err(KAM_NEWER,
		             "store '%s' has schema version %d, newer than "
		             "this kam understands (%d): upgrade kam",
		             path, version, KAM_SCHEMA_VERSION);
		goto fail;
	}
	if (st->writable) {
		if ((rc = exec_sql(st, "PRAGMA journal_mode = WAL;"
		                       "PRAGMA synchronous = NORMAL;")) !=
		    KAM_OK)
			goto fail;
	}
	if ((rc = exec_sql(st, "PRAGMA foreign_keys = ON;")) != KAM_OK)
		goto fail;
	if (version < KAM_SCHEMA_VERSION &&
	    (rc = migrate(st, version)) != KAM_OK)
		goto fail;
	*out = st;
	return KAM_OK;
fail:
	store_close(st);
	if (created)
		unlink(path);
	return rc;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < STMT_CACHE; i++)
		if (st->cache[i].sql != NULL)
			sqlite3_finalize(st->cache[i].stmt);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

int
store_fail(struct store *st, const char *what)
{
	int ext = sqlite3_extended_errcode(st->db);
	int code = KAM_INTERNAL;

	switch (ext & 0xff) {
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		code = KAM_READONLY;
		break;
	case SQLITE_CONSTRAINT:
		code = KAM_CONFLICT;
		break;
	case SQLITE_FULL:
	case SQLITE_IOERR:
		code = KAM_IO;
		break;
	}
	return kam_err(code, "%s: %s", what, sqlite3_errmsg(st->db));
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	size_t i = ((uintptr_t)sql >> 3) % STMT_CACHE;

	while (st->cache[i].sql != NULL) {
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		i = (i + 1) % STMT_CACHE;
	}
	if (st->ncache + 1 >= STMT_CACHE ||
	    sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		/* Every statement is a constant of kam's: this is a bug. */
		fprintf(stderr, "%s: internal error: %s\n  in: %s\n",
		        kam_progname, sqlite3_errmsg(st->db), sql);
		abort();
	}
	st->cache[i].sql = sql;
	st->cache[i].stmt = s;
	st->ncache++;
	return s;
}

int
store_begin(struct store *st)
{
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(st, "cannot start a transaction");
	return KAM_OK;
}

int
store_commit(struct store *st)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_fail(st, "cannot commit");

		store_rollback(st);
		return rc;
	}
	return KAM_OK;
}

int
store_end(struct store *st, int rc)
{
	if (rc == KAM_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

void
store_foreign_keys(struct store *st, int on)
{
	sqlite3_exec(st->db,
	             on ? "PRAGMA foreign_keys = ON"
	                : "PRAGMA foreign_keys = OFF",
	             NULL, NULL, NULL);
}

/* Set once a transaction: setting it makes SQLite prepare its statements
 * again. */
void
store_defer_foreign_keys(struct store *st)
{
	sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL,
	             NULL);
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void
store_bind_static(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

char *
store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* The handle nearest to h among the rows of s, if near enough. */
static char *
nearest(sqlite3_stmt *s, const char *h)
{
	size_t best = (size_t)-1, d, limit = strlen(h) / 3 + 2;
	char *found = NULL;

	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(s, 0);

		if (c == NULL)
			continue;
		d = kam_distance(h, c);
		if (d < best && d <= limit) {
			best = d;
			free(found);
			found = xstrdup(c);
		}
	}
	return found;
}

/* A message, after "WHERE: " when where is not NULL. */
static int report(const char *where, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
report(const char *where, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		abort();
	va_end(ap);
	kam_err(code, "%s%s%s", where ? where : "", where ? ": " : "", msg);
	free(msg);
	return code;
}

static int
unknown(const char *where, const char *what, const char *prefix, const char *h,
        char *guess)
{
	int rc;

	if (guess != NULL)
		rc = report(where, KAM_NOTFOUND,
		            "unknown %s '%s%s' (did you mean '%s%s'?)", what,
		            prefix, h, prefix, guess);
	else
		rc = report(where, KAM_NOTFOUND, "unknown %s '%s%s'", what,
		            prefix, h);
	free(guess);
	return rc;
}

int
store_account_find(struct store *st, const char *h, int64_t *id)
{
	static const char q[] = "SELECT id FROM account WHERE handle = ?";
	sqlite3_stmt *s = store_stmt(st, q);
	int found;

	sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
	if ((found = sqlite3_step(s) == SQLITE_ROW))
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return found;
}

static int
account_id_at(struct store *st, const char *where, const char *h, int64_t *id)
{
	static const char q[] = "SELECT id FROM account WHERE handle = ?";
	static const char all[] = "SELECT handle FROM account";
	sqlite3_stmt *s;

	if (!handle_valid(h))
		return report(where, KAM_DATA,
		              "invalid account handle '%s' (use letters, "
		              "digits, '.', '_' and '-')",
		              h);
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return KAM_OK;
	}
	sqlite3_reset(s);
	return unknown(where, "account", "", h,
	               nearest(store_stmt(st, all), h));
}

int
store_account_id(struct store *st, const char *h, int64_t *id)
{
	return account_id_at(st, NULL, h, id);
}

/* Shared by persons and deals: tables with (account_id, handle). */
static int
account_member(struct store *st, const char *where, const char *what,
               const char *q, const char *all, const char *ref,
               const char *dflt, int64_t *id)
{
	struct ref r;
	int64_t acct;
	sqlite3_stmt *s;
	char *prefix;
	int rc;

	if (!ref_parse(&r, ref, dflt)) {
		if (strchr(ref, '/') == NULL && dflt == NULL &&
		    handle_valid(ref))
			return report(where, KAM_USAGE,
			              "%s '%s' needs an account: write "
			              "ACCOUNT/%s, give -a ACCOUNT or set "
			              "KAM_ACCOUNT",
			              what, ref, ref);
		return report(where, KAM_DATA,
		              "invalid %s '%s' (write ACCOUNT/HANDLE or "
		              "HANDLE)",
		              what, ref);
	}
	if ((rc = account_id_at(st, where, r.account, &acct)) != KAM_OK)
		return rc;
	s = store_stmt(st, q);
	sqlite3_bind_int64(s, 1, acct);
	sqlite3_bind_text(s, 2, r.handle, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return KAM_OK;
	}
	sqlite3_reset(s);
	s = store_stmt(st, all);
	sqlite3_bind_int64(s, 1, acct);
	xasprintf(&prefix, "%s/", r.account);
	rc = unknown(where, what, prefix, r.handle, nearest(s, r.handle));
	free(prefix);
	return rc;
}

int
store_person_id_at(struct store *st, const char *where, const char *ref,
                   const char *dflt, int64_t *id)
{
	static const char q[] =
	    "SELECT id FROM person WHERE account_id = ? AND handle = ?";
	static const char all[] =
	    "SELECT handle FROM person WHERE account_id = ?";

	return account_member(st, where, "person", q, all, ref, dflt, id);
}

int
store_person_id(struct store *st, const char *ref, const char *dflt,
                int64_t *id)
{
	return store_person_id_at(st, NULL, ref, dflt, id);
}

int
store_deal_id_at(struct store *st, const char *where, const char *ref,
                 const char *dflt, int64_t *id)
{
	static const char q[] =
	    "SELECT id FROM deal WHERE account_id = ? AND handle = ?";
	static const char all[] =
	    "SELECT handle FROM deal WHERE account_id = ?";

	return account_member(st, where, "deal", q, all, ref, dflt, id);
}

int
store_deal_id(struct store *st, const char *ref, const char *dflt, int64_t *id)
{
	return store_deal_id_at(st, NULL, ref, dflt, id);
}

int
store_competitor_id_at(struct store *st, const char *where, const char *h,
                       int64_t *id)
{
	static const char q[] = "SELECT id FROM competitor WHERE handle = ?";
	static const char all[] = "SELECT handle FROM competitor";
	sqlite3_stmt *s;

	if (!handle_valid(h))
		return report(where, KAM_DATA, "invalid competitor handle '%s'",
		              h);
	s = store_stmt(st, q);
	sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return KAM_OK;
	}
	sqlite3_reset(s);
	return unknown(where, "competitor", "", h,
	               nearest(store_stmt(st, all), h));
}

int
store_competitor_id(struct store *st, const char *h, int64_t *id)
{
	return store_competitor_id_at(st, NULL, h, id);
}

static char *
ref_of(struct store *st, const char *q, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, q);
	char *r = NULL;

	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		r = store_col_dup(s, 0);
	sqlite3_reset(s);
	return r;
}

char *
store_person_ref(struct store *st, int64_t id)
{
	static const char q[] =
	    "SELECT a.handle || '/' || p.handle FROM person p "
	    "JOIN account a ON a.id = p.account_id WHERE p.id = ?";

	return ref_of(st, q, id);
}

char *
store_deal_ref(struct store *st, int64_t id)
{
	static const char q[] =
	    "SELECT a.handle || '/' || d.handle FROM deal d "
	    "JOIN account a ON a.id = d.account_id WHERE d.id = ?";

	return ref_of(st, q, id);
}

int64_t
store_deal_account(struct store *st, int64_t deal)
{
	static const char q[] = "SELECT account_id FROM deal WHERE id = ?";
	sqlite3_stmt *s = store_stmt(st, q);
	int64_t a = 0;

	sqlite3_bind_int64(s, 1, deal);
	if (sqlite3_step(s) == SQLITE_ROW)
		a = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return a;
}

const char *
store_schema_sql(void)
{
	return schema_sql;
}
