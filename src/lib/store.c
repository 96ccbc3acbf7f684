/*
 * The store's core: finding and opening the SQLite file, refusing what is
 * not a kam store, migrating the schema, transactions, a cache of prepared
 * statements, and turning handles into ids.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kam/chain.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "schema-pg.h"
#include "schema.h"
#include "store-int.h"

/* Slots of the statement cache, a hash table keyed by the SQL's address. */
#define STMT_CACHE 1024
/* Transactions open at once, at most (store_begin). */
#define STORE_TX_DEPTH 16

struct stmt_slot {
	const char *sql;
	db_stmt *stmt;
};

struct store {
	sqlite3 *db;
	struct pg_conn *pg; /* a team store's connection, or NULL */
	char *path;         /* as the user named it (a URL without password) */
	char *tmp;          /* a new store, put in place by store_finish */
	char **made;        /* folders made for a new store, outermost first */
	size_t nmade;
	int writable;
	int hold;  /* commits wait for store_finish */
	int held;  /* a committed transaction is waiting */
	int nsave; /* savepoints open inside the waiting transaction */
	/* The transactions open, innermost last (store_begin): how each
	 * was opened, so that store_end closes it the same way. */
	unsigned char tx[STORE_TX_DEPTH];
	int ntx;
	int fresh; /* an empty file was made a store: WAL and 0600 to do */
	struct stmt_slot cache[STMT_CACHE];
	size_t ncache;
	int failed; /* the first failed step store_row reported, or KAM_OK */
	int unprepared; /* a statement could not be prepared (store_stmt) */
	int retry;      /* a team store's serialisation failure or deadlock */
};

/*
 * Schema migrations: migrations[i] takes a store from version i to
 * i + 1.  A new store is created at the latest version by schema_sql.
 */
static const char *const migrations[KAM_SCHEMA_VERSION] = {
    NULL,           migrate_2_sql,  migrate_3_sql,  migrate_4_sql,
    migrate_5_sql,  migrate_6_sql,  migrate_7_sql,  migrate_8_sql,
    migrate_9_sql,  migrate_10_sql, migrate_11_sql, migrate_12_sql,
    migrate_13_sql, migrate_14_sql};

/*
 * One thread, and a command over a large account makes a few hundred
 * thousand calls into SQLite: without these, each takes a lock, and each
 * allocation another for statistics nothing here reads (a tenth of
 * kam-stance changes).
 */
void
store_init_library(void)
{
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The folders of path that do not exist yet are made 0700 and noted. */
static int
mkdir_parents(struct store *st, const char *path)
{
	char *dir = xstrdup(path), *p, c;
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
	for (p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			st->made = xreallocarray(st->made, st->nmade + 1,
			                         sizeof *st->made);
			st->made[st->nmade++] = xstrdup(dir);
		} else if (errno != EEXIST) {
			rc = kam_err(errno == EACCES || errno == EROFS ||
			                     errno == EPERM
			                 ? KAM_READONLY
			                 : KAM_IO,
			             _("cannot create folder '%s': %s"), dir,
			             strerror(errno));
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return rc;
}

/* Removes the folders mkdir_parents made, if they are still empty. */
static void
unmake_parents(struct store *st)
{
	while (st->nmade > 0) {
		st->nmade--;
		rmdir(st->made[st->nmade]);
		free(st->made[st->nmade]);
	}
}

/*
 * The file: URI of a path.  Every byte but letters, digits, "-._~" and
 * '/' is percent-encoded, so that nothing in a path ('?', '#', '%', a
 * leading "file:") is read as URI syntax; params, if any, follow '?'.
 */
static char *
file_uri(const char *path, const char *params)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {NULL, 0, 0};
	const unsigned char *p;
	char e[3];

	/* "file://" and an empty authority, so that "//x" stays a path. */
	buf_puts(&b, *path == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
			buf_add(&b, (const char *)p, 1);
			continue;
		}
		e[0] = '%';
		e[1] = hex[*p >> 4];
		e[2] = hex[*p & 15];
		buf_add(&b, e, 3);
	}
	if (params != NULL) {
		buf_puts(&b, "?");
		buf_puts(&b, params);
	}
	return b.s;
}

/* path with a suffix, into a new string. */
static char *
path_with(const char *path, const char *suffix)
{
	char *p;

	xasprintf(&p, "%s%s", path, suffix);
	return p;
}

/* The folder holding path, into a new string. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int
exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = kam_err(KAM_INTERNAL, _("store '%s': %s"), st->path,
		                   msg ? msg : sqlite3_errmsg(st->db));

		sqlite3_free(msg);
		return code;
	}
	return KAM_OK;
}

static int
pragma_int(struct store *st, const char *sql, int *out)
{
	db_stmt *s;
	int rc;

	if (db_sqlite_prepare(st->db, sql, &s) != SQLITE_OK)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		*out = db_column_int(s, 0);
	db_finalize(s);
	return rc == DB_ROW ? 0 : -1;
}

/*
 * What marks the file: application id, schema version, tables, read in
 * one transaction (the caller's, or one of its own) so that they agree.
 */
static int
read_marks(struct store *st, int *appid, int *version, int *ntables)
{
	int own = sqlite3_get_autocommit(st->db), rc = 0;

	if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if (pragma_int(st, "PRAGMA application_id", appid) != 0 ||
	    pragma_int(st, "PRAGMA user_version", version) != 0 ||
	    pragma_int(st, "SELECT count(*) FROM sqlite_schema", ntables) != 0)
		rc = -1;
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/*
 * WAL mode.  Switching a file into it takes an exclusive lock for which
 * SQLite does not wait, so a switch that finds the file busy is tried
 * again, as long as the busy timeout.
 */
static int
set_wal(struct store *st)
{
	db_stmt *s;
	int rc, tries;

	for (tries = 0; tries < 6000; tries++) {
		if (db_sqlite_prepare(st->db, "PRAGMA journal_mode = WAL",
		                      &s) != SQLITE_OK)
			break;
		rc = db_step(s);
		db_finalize(s);
		if (rc == DB_ROW)
			return exec_sql(st, "PRAGMA synchronous = NORMAL;");
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		sqlite3_sleep(10);
	}
	return store_fail(st, "cannot put the store in WAL mode");
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
	/* Zeros may be a page SQLite is writing: SQLite will tell. */
	if (n > 0 && head[0] == '\0' && memcmp(head, head + 1, n - 1) == 0)
		return 1;
	return n == 16 && memcmp(head, "SQLite format 3", 16) == 0;
}

/*
 * The team store (PostgreSQL) is addressed by a URL, never taken as a
 * file name (nor a folder "postgresql:" made for it).
 */
static int
team_url(const char *path)
{
	return strncasecmp(path, "postgresql://", 13) == 0 ||
	       strncasecmp(path, "postgres://", 11) == 0;
}

/*
 * A team store's URL as messages and outputs show it: without its
 * password, in the user part or as a parameter.
 */
static char *
team_shown(const char *url)
{
	struct buf b = {NULL, 0, 0};
	const char *auth = strstr(url, "://") + 3, *end, *at, *colon, *p;
	char sep = '?';
	size_t n;

	end = auth + strcspn(auth, "/?#");
	at = memrchr(auth, '@', (size_t)(end - auth));
	colon = at != NULL ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon != NULL) {
		buf_add(&b, url, (size_t)(colon - url));
		url = at;
	}
	if ((p = strchr(url, '?')) == NULL) {
		buf_puts(&b, url);
		return b.s;
	}
	buf_add(&b, url, (size_t)(p - url));
	for (p++; *p != '\0';) {
		n = strcspn(p, "&");
		if (strncasecmp(p, "password=", 9) != 0) {
			buf_add(&b, &sep, 1);
			buf_add(&b, p, n);
			sep = '&';
		}
		p += n;
		if (*p == '&')
			p++;
	}
	return b.s;
}

static int
newer(struct store *st, int version)
{
	return kam_err(
	    KAM_NEWER,
	    _("store '%s' has schema version %d, newer than this kam "
	      "understands (%d): upgrade kam"),
	    st->path, version, KAM_SCHEMA_VERSION);
}

/*
 * vocab_rank(KIND, WORD) in SQL: a word's place in the method's order
 * (input.h), so that queries sort buying roles as the vocabulary lists
 * them without spelling the list again.  KIND is what messages call the
 * vocabulary ("role"); an unknown kind or word sorts last.
 */
static void
sql_vocab_rank(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *word = (const char *)sqlite3_value_text(argv[1]);
	int k, r = -1;

	(void)argc;
	for (k = 0; kind != NULL && k < VOCAB_NKINDS; k++)
		if (strcmp(vocab_table[k].name, kind) == 0)
			r = vocab_rank((enum vocab_kind)k, word);
	sqlite3_result_int(cx, r < 0 ? 1000 : r);
}

/*
 * kam_sha256(X) in SQL: the SHA-256 of a value's bytes in lowercase hex
 * (NULL for NULL), the digest the chain keeps of a free text.
 */
static void
sql_sha256(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char hex[CHAIN_HASH_LEN];
	const void *p;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	p = sqlite3_value_blob(argv[0]);
	chain_sha256(p ? p : "", (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(cx, hex, -1, SQLITE_TRANSIENT);
}

static int
open_db(struct store *st, const char *file, int readonly, const char *params)
{
	char *uri = file_uri(file, params);
	int flags, rc;

	/* Each process uses its connection from one thread. */
	flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
	rc = sqlite3_open_v2(uri, &st->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return kam_err(
		    KAM_IO, _("cannot open store '%s': %s"), st->path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 60000);
	sqlite3_create_function(st->db, "vocab_rank", 2,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                        sql_vocab_rank, NULL, NULL);
	sqlite3_create_function(st->db, "kam_sha256", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                        sql_sha256, NULL, NULL);
	return exec_sql(st, "PRAGMA foreign_keys = ON;");
}

/*
 * Every PRAGMA of a connection is set here or where the store is opened
 * (open_db, set_wal).
 *
 * Pages mapped rather than copied into SQLite's page cache: a listing of
 * a whole account (100,000 people, each with a manager) took half the
 * time, with no larger cache; a map of ten thousand people, each walking
 * the observation index for a stance, a third less (make bench).  Other
 * commands read through the page cache: a stance history's show or
 * verify gains nothing from mapping, and its mapped pages would count
 * in the process's memory (78 MB at 1,000,000 observations, 9 MB
 * without); an import writes through it, its default 2 MB suiting it.
 */
void
store_map_pages(struct store *st)
{
	/* A team store's server has its own caches. */
	if (st->pg == NULL)
		sqlite3_exec(st->db, "PRAGMA mmap_size = 1073741824", NULL,
		             NULL, NULL);
}

static void
close_db(struct store *st)
{
	size_t i;

	for (i = 0; i < STMT_CACHE; i++)
		if (st->cache[i].sql != NULL) {
			db_finalize(st->cache[i].stmt);
			st->cache[i].sql = NULL;
		}
	st->ncache = 0;
	if (st->db != NULL)
		sqlite3_close(st->db);
	st->db = NULL;
	db_pg_close(st->pg);
	st->pg = NULL;
}

/*
 * The statements of transactions (BEGIN, COMMIT, SAVEPOINT, ...) on
 * either engine: 0, or the engine's error (store_fail reports it).
 */
static int
tx_exec(struct store *st, const char *sql)
{
	if (st->pg != NULL)
		return db_pg_exec(st->pg, sql);
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* Whether a transaction is open (on PostgreSQL, or failed). */
static int
in_tx(struct store *st)
{
	if (st->pg != NULL)
		return db_pg_in_tx(st->pg);
	return !sqlite3_get_autocommit(st->db);
}

/* COMMIT; a team store's transaction that failed is never committed. */
static int
tx_commit(struct store *st)
{
	if (st->pg != NULL)
		return db_pg_commit(st->pg);
	return sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

/* A transaction of the store's own (schema), never held. */
static int
own_begin(struct store *st)
{
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(st, "cannot start a transaction");
	return KAM_OK;
}

static int
own_end(struct store *st, int rc)
{
	if (rc != KAM_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		rc = store_fail(st, "cannot commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

/* The latest schema, marked as a kam store, inside a transaction. */
static int
make_schema(struct store *st)
{
	char sql[96];
	int rc;

	if ((rc = exec_sql(st, schema_sql)) != KAM_OK)
		return rc;
	snprintf(sql, sizeof sql,
	         "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	         KAM_APPLICATION_ID, KAM_SCHEMA_VERSION);
	return exec_sql(st, sql);
}

/*
 * Migrations run under the write lock, after reading the version again
 * there: another command may have upgraded the store since this one
 * opened it, and a store must be upgraded exactly once.
 */
static int
migrate(struct store *st)
{
	char sql[64];
	int appid, version, ntables, v, rc;

	if (!st->writable)
		return kam_err(
		    KAM_READONLY,
		    _("store '%s' needs upgrading but is not writable"),
		    st->path);
	if ((rc = own_begin(st)) != KAM_OK)
		return rc;
	if (read_marks(st, &appid, &version, &ntables) != 0)
		rc = store_fail(st, "cannot read the schema version");
	else if (version > KAM_SCHEMA_VERSION)
		rc = newer(st, version);
	for (v = version; rc == KAM_OK && v < KAM_SCHEMA_VERSION; v++)
		rc = exec_sql(st, migrations[v]);
	if (rc == KAM_OK && version < KAM_SCHEMA_VERSION) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d;",
		         KAM_SCHEMA_VERSION);
		rc = exec_sql(st, sql);
	}
	return own_end(st, rc);
}

/*
 * After a new store's first commit: WAL, which a new store is in, and
 * the mode its opinions about named people call for.
 */
static void
fresh_done(struct store *st)
{
	st->fresh = 0;
	set_wal(st);
	if (chmod(st->path, 0600) != 0)
		kam_warn(_("cannot make store '%s' private (mode 0600): %s"),
		         st->path, strerror(errno));
}

/*
 * Puts a new store, complete in its temporary file, in place.  link
 * never replaces a file: when two commands create a store at once,
 * the first one in place is kept and the other's is dropped, so that no
 * command can remove a store another one has started using.
 */
static int
place(struct store *st)
{
	int rc = KAM_OK;

	close_db(st);
	if (link(st->tmp, st->path) != 0 && errno != EEXIST) {
		/* A file system without hard links. */
		if (renameat2(AT_FDCWD, st->tmp, AT_FDCWD, st->path,
		              RENAME_NOREPLACE) != 0 &&
		    errno != EEXIST)
			rc = kam_err(KAM_IO, _("cannot create store '%s': %s"),
			             st->path, strerror(errno));
	}
	unlink(st->tmp);
	free(st->tmp);
	st->tmp = NULL;
	if (rc != KAM_OK)
		unmake_parents(st);
	return rc;
}

/*
 * A store where there is none: made whole in a temporary file beside
 * it (0600, like the store), then linked into place, so that no
 * command ever sees a half-made store.  With hold, the schema's
 * transaction waits for store_finish like any other command's.
 */
static int
create(struct store *st)
{
	int fd, rc;

	if ((rc = mkdir_parents(st, st->path)) != KAM_OK)
		return rc;
	st->tmp = path_with(st->path, ".new-XXXXXX");
	if ((fd = mkstemp(st->tmp)) < 0) {
		rc = kam_err(errno == EACCES || errno == EROFS || errno == EPERM
		                 ? KAM_READONLY
		                 : KAM_IO,
		             _("cannot create store '%s': %s"), st->path,
		             strerror(errno));
		free(st->tmp);
		st->tmp = NULL;
		unmake_parents(st);
		return rc;
	}
	close(fd);
	st->writable = 1;
	if ((rc = open_db(st, st->tmp, 0, NULL)) != KAM_OK ||
	    (rc = set_wal(st)) != KAM_OK || (rc = own_begin(st)) != KAM_OK)
		return rc;
	if ((rc = make_schema(st)) != KAM_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (st->hold) {
		st->held = 1;
		return KAM_OK;
	}
	if ((rc = own_end(st, KAM_OK)) != KAM_OK)
		return rc;
	return place(st);
}

/*
 * An empty file (or an empty SQLite database) that init makes a store,
 * under the write lock and after looking again there: another init may
 * have done it meanwhile.  The file stays in its journal mode until the
 * schema is committed, so that a failed init leaves it as it was.
 */
static int
init_in_place(struct store *st)
{
	int appid, version, ntables, rc;

	if ((rc = own_begin(st)) != KAM_OK)
		return rc;
	if (read_marks(st, &appid, &version, &ntables) != 0)
		return own_end(
		    st, store_fail(st, "cannot read the schema version"));
	if (appid != 0 || version != 0 || ntables != 0)
		/* Another command made it a store. */
		return own_end(st, KAM_OK);
	if ((rc = make_schema(st)) != KAM_OK)
		return own_end(st, rc);
	st->fresh = 1;
	if (st->hold) {
		st->held = 1;
		return KAM_OK;
	}
	if ((rc = own_end(st, KAM_OK)) == KAM_OK)
		fresh_done(st);
	return rc;
}

/*
 * Whether the store can be written: the file, and its folder too,
 * where SQLite makes the -wal and -shm files beside it (unless they
 * exist already).  Reports why not, with code, when report is set.
 */
static int
can_write(struct store *st, int report)
{
	char *dir, *wal, *shm;
	int ok, err;

	if (access(st->path, W_OK) != 0) {
		err = errno;
		if (report)
			kam_err(KAM_READONLY,
			        _("store '%s' is not writable%s%s"), st->path,
			        err == EROFS ? ": " : "",
			        err == EROFS ? strerror(err) : "");
		return 0;
	}
	dir = folder_of(st->path);
	wal = path_with(st->path, "-wal");
	shm = path_with(st->path, "-shm");
	ok = access(dir, W_OK) == 0 ||
	     (access(wal, W_OK) == 0 && access(shm, W_OK) == 0);
	if (!ok && report)
		kam_err(KAM_READONLY,
		        _("store '%s' is not writable: its folder '%s' is not"),
		        st->path, dir);
	free(dir);
	free(wal);
	free(shm);
	return ok;
}

/*
 * Opens a store for reading only.  In WAL mode SQLite reads through the
 * -shm file, which it cannot make in a folder that is not writable;
 * without -wal and -shm files nobody is writing the store, and it is
 * read as an immutable file.
 */
static int
open_readonly(struct store *st)
{
	char *dir = folder_of(st->path), *wal = path_with(st->path, "-wal"),
	     *shm = path_with(st->path, "-shm");
	int immutable = access(dir, W_OK) != 0 && access(wal, F_OK) != 0 &&
	                access(shm, F_OK) != 0;
	int rc;

	rc = open_db(st, st->path, 1, immutable ? "immutable=1" : NULL);
	free(dir);
	free(wal);
	free(shm);
	return rc;
}

static int
open_existing(struct store *st, int mode)
{
	off_t size = 0;
	int appid = 0, version = 0, ntables = 0, kind, rc;

	if ((kind = looks_like_sqlite(st->path, &size)) < 0)
		return kam_err(errno == EACCES ? KAM_READONLY : KAM_IO,
		               _("cannot read store '%s': %s"), st->path,
		               strerror(errno));
	if (kind == 0 || (size == 0 && mode != STORE_CREATE))
		return kam_err(KAM_NOTKAM, _("'%s' is not a kam store"),
		               st->path);
	st->writable = can_write(st, mode != STORE_READ);
	if (mode != STORE_READ && !st->writable)
		return KAM_READONLY;
	rc = st->writable ? open_db(st, st->path, 0, NULL) : open_readonly(st);
	if (rc != KAM_OK)
		return rc;
	if (read_marks(st, &appid, &version, &ntables) != 0)
		return kam_err(KAM_NOTKAM, _("'%s' is not a kam store: %s"),
		               st->path, sqlite3_errmsg(st->db));
	if (appid == 0 && version == 0) {
		if (ntables != 0 || mode != STORE_CREATE)
			return kam_err(KAM_NOTKAM, _("'%s' is not a kam store"),
			               st->path);
		if ((rc = init_in_place(st)) != KAM_OK)
			return rc;
		if (st->fresh)
			return KAM_OK;
		/* Another command made it a store: look again. */
		if (read_marks(st, &appid, &version, &ntables) != 0)
			return store_fail(st, "cannot read the schema version");
	}
	if (appid != KAM_APPLICATION_ID)
		return kam_err(KAM_NOTKAM, _("'%s' is not a kam store"),
		               st->path);
	if (version > KAM_SCHEMA_VERSION)
		return newer(st, version);
	if (st->writable && (rc = set_wal(st)) != KAM_OK)
		return rc;
	if (version < KAM_SCHEMA_VERSION)
		return migrate(st);
	return KAM_OK;
}

/* Ends a team store's transaction, if one is open. */
static int
team_finish(struct store *st, int commit)
{
	if (!db_pg_in_tx(st->pg))
		return KAM_OK;
	if (!commit) {
		db_pg_exec(st->pg, "ROLLBACK");
		return KAM_OK;
	}
	if (db_pg_commit(st->pg) != 0)
		return store_fail(st, "cannot commit");
	return KAM_OK;
}

/* store_fail for a message naming the store (fmt has one %s). */
static int
team_fail(struct store *st, const char *fmt)
{
	char *what;
	int rc;

	xasprintf(&what, fmt, st->path);
	rc = store_fail(st, what);
	free(what);
	return rc;
}

/* A team store's value of one row and column, or -1 (an error). */
static long long
team_number(struct store *st, const char *sql)
{
	db_stmt *s;
	long long v = -1;

	if (db_pg_prepare(st->pg, sql, &s) != 0)
		return -1;
	if (db_step(s) == DB_ROW && db_column_type(s, 0) != DB_NULL)
		v = db_column_int64(s, 0);
	db_finalize(s);
	return v;
}

/*
 * Team store migrations: team_migrations[i] takes a team store from
 * version i to i + 1; the grants follow the last.
 */
static const char *const team_migrations[KAM_TEAM_SCHEMA_VERSION] = {
    NULL,
    migrate_pg_2_sql,
    migrate_pg_3_sql,
    migrate_pg_4_sql,
    migrate_pg_5_sql,
    migrate_pg_6_sql,
    migrate_pg_7_sql,
    migrate_pg_8_sql,
    migrate_pg_9_sql,
    migrate_pg_10_sql};

/* Does the writers' group role kam_writer exist? */
static int
team_writer(struct store *st)
{
	return team_number(st, "SELECT count(*) FROM pg_roles "
	                       "WHERE rolname = 'kam_writer'") == 1;
}

/*
 * An older team store brought to this kam's version, in the
 * transaction of team_schema: only by its owner (the role that owns its
 * tables), who alone may alter them.
 */
static int
team_migrate(struct store *st, int version)
{
	char sql[96];
	int v;

	if (team_number(st, "SELECT CASE WHEN pg_has_role((SELECT relowner "
	                    "FROM pg_class WHERE oid = 'kam_store'::regclass), "
	                    "'MEMBER') THEN 1 ELSE 0 END") != 1)
		return kam_err(KAM_READONLY,
		               _("store '%s' has schema version %d, older than "
		                 "this kam's (%d), and only its owner may "
		                 "upgrade it: run 'kam-org init' as the role "
		                 "that owns its tables"),
		               st->path, version, KAM_TEAM_SCHEMA_VERSION);
	if (!team_writer(st))
		return kam_err(KAM_READONLY,
		               _("cannot upgrade store '%s': there is no role "
		                 "kam_writer, the group role of its writers "
		                 "(a DBA creates it once: CREATE ROLE "
		                 "kam_writer NOLOGIN; see kam(7), THE TEAM "
		                 "STORE)"),
		               st->path);
	for (v = version; v < KAM_TEAM_SCHEMA_VERSION; v++)
		if (db_pg_exec(st->pg, team_migrations[v]) != 0)
			return team_fail(st, _("cannot upgrade store '%s'"));
	snprintf(sql, sizeof sql, "UPDATE kam_store SET schema_version = %d",
	         KAM_TEAM_SCHEMA_VERSION);
	if (db_pg_exec(st->pg, grant_pg_sql) != 0 ||
	    db_pg_exec(st->pg, sql) != 0)
		return team_fail(st, _("cannot upgrade store '%s'"));
	return KAM_OK;
}

/*
 * What a command needs to know of a team store when it opens it, read
 * by one query (TEAM_FACTS): the store's marks, the database user, the
 * test clock and the server's time.
 */
struct team_facts {
	long long appid, version;
	int test_clock;
	char who[256];
	char stamp[KAM_STAMP_LEN];
};
#define TEAM_FACTS                                                             \
	"SELECT application_id, schema_version, current_user, test_clock, "    \
	"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') " \
	"FROM kam_store"

/*
 * Runs sql, whose last statement is TEAM_FACTS, into f: 0, or -1 when
 * it fails or finds no row (the session's transaction is then as the
 * failure left it).
 */
static int
team_facts_read(struct store *st, const char *sql, struct team_facts *f)
{
	db_stmt *s;
	int rc = -1;

	if (db_pg_query(st->pg, sql, &s) != 0)
		return -1;
	if (db_step(s) == DB_ROW && db_column_type(s, 0) != DB_NULL &&
	    db_column_type(s, 1) != DB_NULL) {
		f->appid = db_column_int64(s, 0);
		f->version = db_column_int64(s, 1);
		snprintf(f->who, sizeof f->who, "%s",
		         (const char *)db_column_text(s, 2));
		f->test_clock = db_column_int(s, 3);
		snprintf(f->stamp, sizeof f->stamp, "%s",
		         (const char *)db_column_text(s, 4));
		rc = 0;
	}
	db_finalize(s);
	return rc;
}

/*
 * Who writes and when, on a team store: the database role, whatever
 * KAM_USER says (a writing command with a KAM_USER of another name is
 * refused), and the server's time, unless the owner has turned the
 * store's test clock on, which alone lets KAM_NOW set it.
 */
static int
team_who_when(struct store *st, int mode, const struct team_facts *f)
{
	const char *user = getenv("KAM_USER"), *now = getenv("KAM_NOW");
	int rc = KAM_OK;

	if (mode == STORE_WRITE && user != NULL && *user != '\0' &&
	    strcmp(user, f->who) != 0)
		return kam_err(
		    KAM_BADENV,
		    _("KAM_USER is '%s', but store '%s' is written "
		      "as the database user '%s', who records each "
		      "row there: unset KAM_USER or connect as '%s'"),
		    user, st->path, f->who, user);
	if (now != NULL && *now != '\0') {
		if (!f->test_clock)
			rc = kam_err(KAM_BADENV,
			             _("KAM_NOW is set, but store '%s' records "
			               "the server's time: its owner has not "
			               "turned its test clock on (kam(7), THE "
			               "TEAM STORE); unset KAM_NOW"),
			             st->path);
	} else
		kam_clock_set(f->stamp);
	kam_actor_set(f->who);
	return rc;
}

/*
 * The store's checks in one round trip, for every command but init: a
 * reading command's transaction begun, and the facts read
 * (team_facts).  1 when the store is a kam store of this kam's
 * version, 0 when it must be looked at step by step (team_schema):
 * there is no kam_store to read, or the user may not read it, or it is
 * of another application or version (one being upgraded, too); the
 * session is then as it was after connecting.  This needs no lock: a
 * store of this version is upgraded by no one, and one being made or
 * upgraded reads as not yet there, or as older, until it is committed.
 */
static int
team_quick(struct store *st, int mode, struct team_facts *f)
{
	static const char read_sql[] = TEAM_BEGIN_READ "; " TEAM_FACTS;

	if (team_facts_read(st, mode == STORE_READ ? read_sql : TEAM_FACTS,
	                    f) == 0 &&
	    f->appid == KAM_APPLICATION_ID &&
	    f->version == KAM_TEAM_SCHEMA_VERSION)
		return 1;
	if (db_pg_in_tx(st->pg))
		db_pg_exec(st->pg, "ROLLBACK");
	return 0;
}

/*
 * A team store: its marks read, or, for kam-org init on a database
 * whose schema holds nothing, its schema made.  One init at a time
 * (an advisory lock held to the end of the transaction), so that two
 * inits at once make the schema once.
 */
static int
team_schema(struct store *st, int mode)
{
	char sql[128];
	long long version, appid, ntables;

	if (db_pg_exec(st->pg, "BEGIN") != 0 ||
	    team_number(st, "SELECT count(*) FROM (SELECT "
	                    "pg_advisory_xact_lock(" STORE_PG_LOCK_SCHEMA
	                    ")) l") != 1)
		return team_fail(st, _("cannot read store '%s'"));
	version = team_number(st, "SELECT CASE WHEN to_regclass('kam_store') "
	                          "IS NULL THEN 0 ELSE -2 END");
	if (version == -2) {
		appid = team_number(st, "SELECT application_id FROM kam_store");
		if (appid == -1)
			return team_fail(st, _("cannot read store '%s'"));
		version =
		    team_number(st, "SELECT schema_version FROM kam_store");
		if (appid != KAM_APPLICATION_ID || version < 1)
			return kam_err(KAM_NOTKAM, _("'%s' is not a kam store"),
			               st->path);
		if (version > KAM_TEAM_SCHEMA_VERSION)
			return kam_err(
			    KAM_NEWER,
			    _("store '%s' has schema version %d, newer than "
			      "this kam understands (%d): upgrade kam"),
			    st->path, (int)version, KAM_TEAM_SCHEMA_VERSION);
		if (version < KAM_TEAM_SCHEMA_VERSION)
			return team_migrate(st, (int)version);
		return KAM_OK;
	}
	if (version != 0)
		return team_fail(st, _("cannot read store '%s'"));
	if (mode != STORE_CREATE)
		return kam_err(KAM_NOSTORE,
		               _("no store at '%s' (create one with "
		                 "'kam-org init', or name another with "
		                 "--db or KAM_DB)"),
		               st->path);
	ntables = team_number(
	    st, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
	        "ON n.oid = c.relnamespace WHERE n.nspname = current_schema()");
	if (ntables != 0)
		return ntables < 0
		           ? team_fail(st, _("cannot read store '%s'"))
		           : kam_err(KAM_NOTKAM,
		                     _("'%s' is not a kam store: its schema "
		                       "holds other tables"),
		                     st->path);
	if (team_number(st, "SELECT CASE WHEN current_schema() IS NULL THEN 0 "
	                    "WHEN has_schema_privilege(current_schema(), "
	                    "'CREATE') THEN 1 ELSE 0 END") != 1)
		return kam_err(KAM_READONLY,
		               _("cannot create store '%s': the role may not "
		                 "create tables in its schema (run 'kam-org "
		                 "init' as the database's owner)"),
		               st->path);
	if (!team_writer(st))
		return kam_err(KAM_READONLY,
		               _("cannot create store '%s': there is no role "
		                 "kam_writer, the group role of its writers "
		                 "(a DBA creates it once: CREATE ROLE "
		                 "kam_writer NOLOGIN; see kam(7), THE TEAM "
		                 "STORE)"),
		               st->path);
	if (db_pg_exec(st->pg, schema_pg_sql) != 0 ||
	    db_pg_exec(st->pg, grant_pg_sql) != 0)
		return team_fail(st, _("cannot create store '%s'"));
	snprintf(sql, sizeof sql, "INSERT INTO kam_store VALUES (%d, %d)",
	         KAM_APPLICATION_ID, KAM_TEAM_SCHEMA_VERSION);
	if (db_pg_exec(st->pg, sql) != 0)
		return team_fail(st, _("cannot create store '%s'"));
	return KAM_OK;
}

/*
 * team_open step by step: the schema's marks read under its lock (and
 * the store made or upgraded), then the facts, in a transaction of
 * their own; a reading command then begins its own.
 */
static int
team_open_slowly(struct store *st, int mode, int hold)
{
	struct team_facts f;
	int rc = team_schema(st, mode);

	if (rc == KAM_OK && mode != STORE_CREATE) {
		if (team_facts_read(st, TEAM_FACTS, &f) != 0)
			return team_fail(st, _("cannot read store '%s'"));
		rc = team_who_when(st, mode, &f);
	}
	if (rc != KAM_OK)
		return rc;
	/* A new schema waits for store_finish, with hold. */
	if (mode == STORE_CREATE && hold && db_pg_in_tx(st->pg))
		st->held = 1;
	else if ((rc = team_finish(st, 1)) != KAM_OK)
		return rc;
	/* A reading command reads one snapshot of the store. */
	if (mode == STORE_READ && db_pg_exec(st->pg, TEAM_BEGIN_READ) != 0)
		return team_fail(st, _("cannot read store '%s'"));
	return KAM_OK;
}

/* Hands over the store that opened (rc KAM_OK), else closes it. */
static int
opened(struct store *st, int rc, struct store **out)
{
	if (rc != KAM_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return KAM_OK;
}

static int
team_open(struct store **out, const char *url, int mode, int hold)
{
	struct store *st = xcalloc(1, sizeof *st);
	char *lower = xstrdup(url), *p;
	struct team_facts f;
	int rc = KAM_OK;

	st->path = team_shown(url);
	st->hold = hold;
	st->writable = mode != STORE_READ;
	/* libpq knows the scheme in lower case only. */
	for (p = lower; *p != ':'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (db_pg_connect(lower, &st->pg) != 0)
		rc = kam_err(KAM_IO, _("cannot open store '%s': %s"), st->path,
		             db_pg_errmsg(st->pg));
	free(lower);
	if (rc == KAM_OK && mode != STORE_CREATE && team_quick(st, mode, &f))
		rc = team_who_when(st, mode, &f);
	else if (rc == KAM_OK)
		rc = team_open_slowly(st, mode, hold);
	return opened(st, rc, out);
}

int
store_url_is_team(const char *path)
{
	return team_url(path);
}

int
store_team_refused(const char *path, const char *what)
{
	char *shown;

	if (!team_url(path))
		return KAM_OK;
	shown = team_shown(path);
	kam_err(KAM_NOTBUILT,
	        _("'%s' is a team store (PostgreSQL), on which '%s' does not "
	          "run (kam(7), THE TEAM STORE): give a file path"),
	        shown, what);
	free(shown);
	return KAM_NOTBUILT;
}

int
store_retryable(const struct store *st)
{
	return st->retry;
}

int
store_open(struct store **out, const char *path, int mode)
{
	struct store *st;
	struct stat sb;
	int hold = (mode & STORE_HOLD) != 0, tries, rc;

	*out = NULL;
	mode &= ~STORE_HOLD;
	if (team_url(path))
		return team_open(out, path, mode, hold);
	for (tries = 0;; tries++) {
		st = xcalloc(1, sizeof *st);
		st->path = xstrdup(path);
		st->hold = hold;
		if (stat(path, &sb) == 0) {
			if (S_ISDIR(sb.st_mode))
				rc = kam_err(
				    KAM_NOTKAM,
				    _("'%s' is a folder, not a kam store"),
				    path);
			else
				rc = open_existing(st, mode);
			break;
		}
		if (errno != ENOENT) {
			rc = kam_err(KAM_IO, _("cannot open store '%s': %s"),
			             path, strerror(errno));
			break;
		}
		if (mode != STORE_CREATE) {
			rc = kam_err(KAM_NOSTORE,
			             _("no store at '%s' (create one with "
			               "'kam-org init', or name another with "
			               "--db or KAM_DB)"),
			             path);
			break;
		}
		rc = create(st);
		/* Without hold the new store is in place: open it. */
		if (rc != KAM_OK || st->db != NULL || tries == 3)
			break;
		store_close(st);
	}
	return opened(st, rc, out);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	close_db(st);
	kam_hush(0);
	if (st->tmp != NULL) {
		/* A new store that was not put in place. */
		char *wal = path_with(st->tmp, "-wal"),
		     *shm = path_with(st->tmp, "-shm");

		unlink(wal);
		unlink(shm);
		unlink(st->tmp);
		free(wal);
		free(shm);
		free(st->tmp);
		unmake_parents(st);
	}
	while (st->nmade > 0)
		free(st->made[--st->nmade]);
	free(st->made);
	free(st->path);
	free(st);
}

int
store_finish(struct store *st, int commit)
{
	int rc = KAM_OK;

	if (st->db == NULL && st->pg == NULL)
		return KAM_OK;
	st->nsave = 0;
	st->held = 0;
	st->ntx = 0;
	if (commit && st->failed != KAM_OK) {
		/* A step failed (reported by store_row): nothing is kept. */
		if (in_tx(st))
			tx_exec(st, "ROLLBACK");
		return st->failed;
	}
	if (!commit) {
		if (in_tx(st))
			tx_exec(st, "ROLLBACK");
		return KAM_OK;
	}
	if (in_tx(st) && tx_commit(st) != 0) {
		rc = store_fail(st, "cannot commit");
		if (in_tx(st))
			tx_exec(st, "ROLLBACK");
		return rc;
	}
	if (st->fresh)
		fresh_done(st);
	if (st->tmp != NULL)
		rc = place(st);
	return rc;
}

/* PRAGMA wal_checkpoint(TRUNCATE): KAM_OK when the log is empty. */
static int
checkpoint(struct store *st)
{
	sqlite3_stmt *s;
	int rc, busy = 1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", -1,
	                       &s, NULL) != SQLITE_OK)
		return store_fail(st, "cannot checkpoint the store");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		busy = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, "cannot checkpoint the store");
	if (busy)
		return kam_err(KAM_CONFLICT,
		               _("store '%s' is in use by another command: its "
		                 "log could not be emptied"),
		               st->path);
	return KAM_OK;
}

int
store_compact(struct store *st)
{
	int rc;

	/* A team store's old row versions go with PostgreSQL's vacuum,
	 * its administrator's (kam(7), ERASURE). */
	if (st->pg != NULL)
		return KAM_OK;
	if ((rc = checkpoint(st)) != KAM_OK)
		return rc;
	if (sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "cannot rebuild the store");
	return checkpoint(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
db_exec(struct store *st, const char *sql)
{
	if (st->pg != NULL)
		return db_pg_exec(st->pg, sql);
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

int
db_copy_in(struct store *st, const char *sql, const char *data, size_t n)
{
	if (st->pg != NULL)
		return db_pg_copy_in(st->pg, sql, data, n);
	return DB_ERROR;
}

int64_t
db_last_id(struct store *st)
{
	if (st->pg != NULL)
		return db_pg_last_id(st->pg);
	return sqlite3_last_insert_rowid(st->db);
}

int64_t
db_changes(struct store *st)
{
	if (st->pg != NULL)
		return db_pg_changes(st->pg);
	return sqlite3_changes(st->db);
}

int
store_on_pg(const struct store *st)
{
	return st->pg != NULL;
}

struct pg_conn *
store_pg(struct store *st)
{
	return st->pg;
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

int
store_is_team(const struct store *st)
{
	return st->pg != NULL;
}

int
store_fail_code(struct store *st)
{
	int ext, code = KAM_INTERNAL;

	if (st->unprepared)
		return st->failed; /* the cause, reported then (unprepared) */
	if (st->pg != NULL) {
		if (db_pg_retry(st->pg))
			st->retry = 1;
		return db_pg_errcode(st->pg);
	}
	ext = sqlite3_extended_errcode(st->db);

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
	return code;
}

int
store_fail(struct store *st, const char *what)
{
	if (st->pg != NULL)
		return kam_err(store_fail_code(st), "%s: %s", what,
		               db_pg_errmsg(st->pg));
	return kam_err(store_fail_code(st), "%s: %s", what,
	               sqlite3_errmsg(st->db));
}

int
store_failed_or(const struct store *st, int rc)
{
	return st->failed != KAM_OK ? st->failed : rc;
}

int
store_fail_once(struct store *st, const char *what)
{
	return st->failed != KAM_OK ? st->failed : store_fail(st, what);
}

int
store_row(struct store *st, db_stmt *s, const char *what)
{
	int step = db_step(s), rc;
	char *msg;

	if (step == DB_ROW)
		return 1;
	/* The first failure is the cause: it alone is reported. */
	if (step != DB_DONE && st->failed == KAM_OK) {
		xasprintf(&msg, "cannot read %s", what);
		rc = store_fail(st, msg);
		free(msg);
		st->failed = rc;
	}
	return 0;
}

int
store_failed(const struct store *st)
{
	return st->failed;
}

int
store_rows_end(struct store *st, db_stmt *s, int step, int rc, const char *what)
{
	char *msg;

	if (rc == KAM_OK && step != DB_ROW && step != DB_DONE) {
		xasprintf(&msg, "cannot read %s", what);
		rc = store_fail(st, msg);
		free(msg);
		if (st->failed == KAM_OK)
			st->failed = rc;
	} else if (rc == KAM_OK && st->failed != KAM_OK) {
		rc = st->failed; /* a step before failed, reported then */
	}
	db_reset(s);
	return rc;
}

/*
 * A statement that could not be prepared: every step fails and every
 * column is empty, so that the query that asked for it ends as a failed
 * read does, and nothing is kept.
 */
static int
dead_step(db_stmt *s)
{
	(void)s;
	return DB_ERROR;
}

static void
dead_stmt(db_stmt *s)
{
	(void)s;
}

/* A value bound to no statement: dropped. */
#define DEAD_BIND(name, type)                                                  \
	static void dead_##name(db_stmt *s, int i, type v)                     \
	{                                                                      \
		(void)s, (void)i, (void)v;                                     \
	}
DEAD_BIND(int64, int64_t)
DEAD_BIND(double, double)
#undef DEAD_BIND

static void
dead_text(db_stmt *s, int i, const char *v, enum db_keep keep)
{
	(void)s, (void)i;
	if (keep == DB_OWN)
		free((char *)v);
}

static void
dead_null(db_stmt *s, int i)
{
	(void)s, (void)i;
}

/* A column of no row: empty. */
#define DEAD_COLUMN(name, type, none)                                          \
	static type dead_col_##name(db_stmt *s, int i)                         \
	{                                                                      \
		(void)s, (void)i;                                              \
		return none;                                                   \
	}
DEAD_COLUMN(int64, int64_t, 0)
DEAD_COLUMN(double, double, 0)
DEAD_COLUMN(text, const unsigned char *, NULL)
DEAD_COLUMN(blob, const void *, NULL)
DEAD_COLUMN(int, int, 0)
DEAD_COLUMN(type, int, DB_NULL)
#undef DEAD_COLUMN

static const struct db_ops dead_ops = {
    dead_step,     dead_stmt,     dead_stmt,    dead_stmt,      dead_int64,
    dead_double,   dead_text,     dead_null,    dead_col_int64, dead_col_double,
    dead_col_text, dead_col_blob, dead_col_int, dead_col_type,  NULL};
static db_stmt dead = {&dead_ops};

/*
 * Every statement is a constant of kam's, so one that cannot be prepared
 * means a store whose schema is not kam's (changed by hand) or a bug:
 * reported as KAM_INTERNAL, kept (store_failed) so that the command
 * fails and keeps nothing, and the messages that would follow from it
 * hushed.  The query gets the dead statement.
 */
static db_stmt *
unprepared(struct store *st, const char *why)
{
	int rc =
	    kam_err(KAM_INTERNAL,
	            _("internal error: cannot prepare a statement: %s"), why);

	if (st->failed == KAM_OK)
		st->failed = rc;
	st->unprepared = 1;
	kam_hush(1);
	return &dead;
}

db_stmt *
store_stmt(struct store *st, const char *sql)
{
	db_stmt *s;
	size_t i = ((uintptr_t)sql >> 3) % STMT_CACHE;

	while (st->cache[i].sql != NULL) {
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			db_reset(s);
			db_clear_bindings(s);
			return s;
		}
		i = (i + 1) % STMT_CACHE;
	}
	if (st->ncache + 1 >= STMT_CACHE)
		return unprepared(st, "too many statements");
	if ((st->pg != NULL ? db_pg_prepare(st->pg, sql, &s)
	                    : db_sqlite_prepare(st->db, sql, &s)) != 0)
		return unprepared(st, st->pg != NULL ? db_pg_errmsg(st->pg)
		                                     : sqlite3_errmsg(st->db));
	st->cache[i].sql = sql;
	st->cache[i].stmt = s;
	st->ncache++;
	return s;
}

/* How a level of store_begin was opened. */
enum {
	TX_READ,         /* BEGIN (deferred): a snapshot */
	TX_INSIDE,       /* a read inside another transaction: nothing to do */
	TX_WRITE,        /* BEGIN IMMEDIATE */
	TX_SAVE,         /* a savepoint inside another write */
	TX_DEFER = 0x40, /* or'ed: a team store's foreign keys deferred */
	TX_FK_OFF = 0x80 /* or'ed: foreign keys were turned off before */
};

static void
foreign_keys(struct store *st, int on)
{
	/* A team store's foreign keys are always checked. */
	if (st->pg != NULL)
		return;
	sqlite3_exec(st->db,
	             on ? "PRAGMA foreign_keys = ON"
	                : "PRAGMA foreign_keys = OFF",
	             NULL, NULL, NULL);
}

/*
 * Deferred foreign keys are checked by COMMIT; a commit that waits
 * checks them itself (SQLite counts the ones still broken).
 */
static int
deferred_ok(struct store *st)
{
	int cur = 0, hi = 0;

	/* A team store checks each constraint at its statement. */
	if (st->pg != NULL)
		return 1;
	sqlite3_db_status(st->db, SQLITE_DBSTATUS_DEFERRED_FKS, &cur, &hi, 0);
	return cur == 0;
}

static void
rollback(struct store *st, int how)
{
	if (how == TX_SAVE) {
		st->nsave--;
		tx_exec(st, "ROLLBACK TO kam; RELEASE kam");
		return;
	}
	/* What a held commit kept stays, as if committed, until
	 * store_finish. */
	if (st->held)
		return;
	if (in_tx(st))
		tx_exec(st, "ROLLBACK");
}

/*
 * With hold (STORE_HOLD), a command's commits wait for store_finish, so
 * that its output is written before anything it changed is: a commit
 * keeps the transaction open, and a later write in the same command
 * becomes a savepoint inside it.
 */
static int
commit(struct store *st, int how)
{
	if (st->hold) {
		if (!deferred_ok(st)) {
			rollback(st, how);
			return kam_err(
			    KAM_CONFLICT,
			    _("cannot commit: FOREIGN KEY constraint "
			      "failed"));
		}
		if (how == TX_SAVE) {
			st->nsave--;
			tx_exec(st, "RELEASE kam");
		} else if (in_tx(st))
			st->held = 1;
		return KAM_OK;
	}
	if (how == TX_SAVE) {
		st->nsave--;
		if (tx_exec(st, "RELEASE kam") != 0)
			return store_fail(st, "cannot commit");
		return KAM_OK;
	}
	if (tx_commit(st) != 0) {
		int rc = store_fail(st, "cannot commit");

		rollback(st, how);
		return rc;
	}
	return KAM_OK;
}

static int
begin_write(struct store *st, int kind, unsigned char *how)
{
	int rc;

	if (kind == STORE_TX_IMPORT && st->pg == NULL &&
	    sqlite3_get_autocommit(st->db)) {
		foreign_keys(st, 0);
		*how |= TX_FK_OFF;
	}
	if (st->held || in_tx(st)) {
		if (tx_exec(st, "SAVEPOINT kam") != 0)
			return store_fail(st, "cannot start a transaction");
		st->nsave++;
		*how |= TX_SAVE;
	} else if (tx_exec(st, st->pg != NULL ? TEAM_BEGIN_WRITE
	                                      : "BEGIN IMMEDIATE") != 0) {
		rc = store_fail(st, "cannot start a transaction");
		if (in_tx(st))
			tx_exec(st, "ROLLBACK");
		return rc;
	} else
		*how |= TX_WRITE;
	/* A team store checks an import's foreign keys at its end. */
	if (kind == STORE_TX_IMPORT && st->pg != NULL) {
		if (tx_exec(st, "SET CONSTRAINTS ALL DEFERRED") != 0)
			return store_fail(st, "cannot start a transaction");
		*how |= TX_DEFER;
	}
	/* Set once a transaction: setting it makes SQLite prepare its
	 * statements again. */
	if (kind == STORE_TX_IMPORT && st->pg == NULL)
		sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL,
		             NULL, NULL);
	return KAM_OK;
}

int
store_read_aside(struct store *st, int *aside)
{
	*aside = 0;
	if (st->pg == NULL || !in_tx(st))
		return KAM_OK;
	*aside = -1;
	if (st->ntx != 0 || st->held)
		return KAM_OK;
	if (tx_exec(st, "COMMIT") != 0)
		return store_fail(st, "cannot read the store");
	*aside = 1;
	return KAM_OK;
}

int
store_read_again(struct store *st)
{
	if (tx_exec(st, TEAM_BEGIN_READ) != 0)
		return store_fail(st, "cannot read the store");
	return KAM_OK;
}

int
store_begin(struct store *st, int kind)
{
	unsigned char how = 0;
	int rc;

	if (st->ntx == STORE_TX_DEPTH)
		return kam_err(KAM_INTERNAL, _("transactions nested too deep"));
	if (kind == STORE_TX_READ) {
		if (in_tx(st))
			how = TX_INSIDE;
		else if (tx_exec(st, st->pg != NULL ? TEAM_BEGIN_READ
		                                    : "BEGIN") != 0)
			return store_fail(st, "cannot start reading");
		else
			how = TX_READ;
	} else if ((rc = begin_write(st, kind, &how)) != KAM_OK) {
		if (how & TX_FK_OFF)
			foreign_keys(st, 1);
		return rc;
	}
	st->tx[st->ntx++] = how;
	return KAM_OK;
}

int
store_end(struct store *st, int rc)
{
	unsigned char how;

	if (st->ntx == 0)
		return rc != KAM_OK
		           ? rc
		           : kam_err(KAM_INTERNAL, _("no transaction to end"));
	how = st->tx[--st->ntx];
	if (rc == KAM_OK && st->failed != KAM_OK)
		rc = st->failed; /* reported by store_row */
	if ((how & TX_DEFER) && rc == KAM_OK &&
	    tx_exec(st, "SET CONSTRAINTS ALL IMMEDIATE") != 0)
		rc = store_fail(st, "cannot commit");
	switch (how & ~(TX_FK_OFF | TX_DEFER)) {
	case TX_READ:
		if (in_tx(st))
			tx_exec(st, "COMMIT");
		break;
	case TX_INSIDE:
		break;
	default:
		if (rc == KAM_OK)
			rc = commit(st, how & ~(TX_FK_OFF | TX_DEFER));
		else
			rollback(st, how & ~(TX_FK_OFF | TX_DEFER));
	}
	if (how & TX_FK_OFF)
		foreign_keys(st, 1);
	return rc;
}

void
store_bind_text(db_stmt *s, int i, const char *v)
{
	s->ops->bind_text(s, i, v, DB_COPY);
}

void
store_bind_handle(db_stmt *s, int i, const char *h)
{
	char *n;

	if (h == NULL || (n = handle_nfc(h)) == NULL) {
		store_bind_text(s, i, h);
		return;
	}
	s->ops->bind_text(s, i, n, DB_OWN);
}

void
store_bind_static(db_stmt *s, int i, const char *v)
{
	s->ops->bind_text(s, i, v, DB_STATIC);
}

char *
store_col_dup(db_stmt *s, int i)
{
	const unsigned char *t = db_column_text(s, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

void
store_bind_args(db_stmt *s, const struct store_arg *args)
{
	char now[KAM_STAMP_LEN];
	int i;

	for (i = 0; args != NULL && args[i].kind != STORE_ARG_END; i++) {
		switch (args[i].kind) {
		case STORE_ARG_INT:
			db_bind_int64(s, i + 1, args[i].i);
			break;
		case STORE_ARG_DOUBLE:
			db_bind_double(s, i + 1, args[i].d);
			break;
		case STORE_ARG_TEXT:
			store_bind_static(s, i + 1, args[i].t);
			break;
		case STORE_ARG_HANDLE:
			store_bind_handle(s, i + 1, args[i].t);
			break;
		case STORE_ARG_NULL:
			db_bind_null(s, i + 1);
			break;
		case STORE_ARG_NOW:
			kam_now(now);
			store_bind_text(s, i + 1, now);
			break;
		case STORE_ARG_END:
			break;
		}
	}
}

int
store_first(struct store *st, db_stmt *s, const struct store_arg *args,
            const char *what)
{
	store_bind_args(s, args);
	if (store_row(st, s, what))
		return 1;
	db_reset(s);
	return 0;
}

int
store_get_int64(struct store *st, db_stmt *s, const struct store_arg *args,
                int64_t *out)
{
	if (!store_first(st, s, args, "the store"))
		return 0;
	*out = db_column_int64(s, 0);
	db_reset(s);
	return 1;
}

int64_t
store_get_id(struct store *st, db_stmt *s, const struct store_arg *args)
{
	int64_t v = 0;

	store_get_int64(st, s, args, &v);
	return v;
}

char *
store_get_text(struct store *st, db_stmt *s, const struct store_arg *args)
{
	char *text;

	if (!store_first(st, s, args, "the store"))
		return NULL;
	text = store_col_dup(s, 0);
	db_reset(s);
	return text;
}

int
store_put(struct store *st, db_stmt *s, const struct store_arg *args,
          const char *what)
{
	int step;

	store_bind_args(s, args);
	step = db_step(s);
	db_reset(s);
	return step == DB_DONE ? KAM_OK : store_fail(st, what);
}

/* store_each's row function, called as store_each_to calls a maker. */
static int
each_row(db_stmt *s, store_fn row, void *arg)
{
	return ((int (*)(db_stmt *, void *))row)(s, arg);
}

int
store_each(struct store *st, db_stmt *s, const struct store_arg *args,
           int (*row)(db_stmt *, void *), void *arg, const char *what)
{
	return store_each_to(st, s, args, each_row, (store_fn)row, arg, what);
}

int
store_each_to(struct store *st, db_stmt *s, const struct store_arg *args,
              int (*make)(db_stmt *, store_fn fn, void *arg), store_fn fn,
              void *arg, const char *what)
{
	int rc = KAM_OK, step;

	store_bind_args(s, args);
	while (rc == KAM_OK && (step = db_step(s)) == DB_ROW)
		rc = make(s, fn, arg);
	return store_rows_end(st, s, step, rc, what);
}

void
store_read(db_stmt *s, const struct store_rows *r, void *row)
{
	unsigned char *at;
	const char *text;
	size_t i;
	int c;

	for (i = 0; i < r->n; i++) {
		at = (unsigned char *)row + r->fields[i].offset;
		c = (int)i;
		switch (r->fields[i].kind) {
		case STORE_F_TEXT:
			*(const char **)at = (const char *)db_column_text(s, c);
			break;
		case STORE_F_DUP:
			*(char **)at = store_col_dup(s, c);
			break;
		case STORE_F_INT64:
			*(int64_t *)at = db_column_int64(s, c);
			break;
		case STORE_F_INT:
			*(int *)at = db_column_int(s, c);
			break;
		case STORE_F_LONG:
			*(long *)at = (long)db_column_int64(s, c);
			break;
		case STORE_F_DOUBLE:
			*(double *)at = db_column_double(s, c);
			break;
		case STORE_F_BOOL:
			*(int *)at = db_column_int64(s, c) != 0;
			break;
		case STORE_F_CDUP:
			*(const char **)at = store_col_dup(s, c);
			break;
		case STORE_F_CHARS:
			text = (const char *)db_column_text(s, c);
			snprintf((char *)at, r->fields[i].size, "%s",
			         text != NULL ? text : "");
			break;
		case STORE_F_SKIP:
			break;
		}
	}
}

/* Frees the texts store_read copied into row. */
static void
rows_clear(const struct store_rows *r, void *row)
{
	const unsigned char *at;
	size_t k;

	for (k = 0; k < r->n; k++) {
		at = (const unsigned char *)row + r->fields[k].offset;
		if (r->fields[k].kind == STORE_F_DUP)
			free(*(char *const *)at);
		else if (r->fields[k].kind == STORE_F_CDUP)
			free((char *)*(const char *const *)at);
	}
}

int
store_each_read(struct store *st, db_stmt *s, const struct store_arg *args,
                const struct store_rows *r, store_fn fn, void *arg,
                const char *what)
{
	void *row = xcalloc(1, r->size);
	int rc = KAM_OK, step = DB_DONE;

	store_bind_args(s, args);
	while (rc == KAM_OK && (step = db_step(s)) == DB_ROW) {
		store_read(s, r, row);
		rc = r->hand(row, fn, arg);
		rows_clear(r, row);
	}
	free(row);
	return store_rows_end(st, s, step, rc, what);
}

int
store_read_all(struct store *st, db_stmt *s, const struct store_arg *args,
               const struct store_rows *r, struct kam_array *out,
               const char *what)
{
	int step;

	store_bind_args(s, args);
	while ((step = db_step(s)) == DB_ROW)
		store_read(s, r, kam_array_add(out, r->size));
	return store_rows_end(st, s, step, KAM_OK, what);
}

int
store_read_one(struct store *st, db_stmt *s, const struct store_arg *args,
               const struct store_rows *r, void *row, const char *what)
{
	if (!store_first(st, s, args, what))
		return 0;
	store_read(s, r, row);
	db_reset(s);
	return 1;
}

void
store_rows_free(const struct store_rows *r, void *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		rows_clear(r, (unsigned char *)v + i * r->size);
	free(v);
}

/* One id a row (store_ids). */
static const struct store_field id_field = {STORE_F_INT64, 0, sizeof(int64_t)};
static const struct store_rows id_rows = {&id_field, 1, sizeof(int64_t), NULL};

int
store_ids(struct store *st, db_stmt *s, const struct store_arg *args,
          int64_t **ids, size_t *n, const char *what)
{
	struct kam_array a = {0};
	int rc = store_read_all(st, s, args, &id_rows, &a, what);

	*ids = a.v;
	*n = a.n;
	return rc;
}

int
store_exists(struct store *st, db_stmt *s, const struct store_arg *args)
{
	if (!store_first(st, s, args, "the store"))
		return 0;
	db_reset(s);
	return 1;
}

char *
store_nearest(struct store *st, db_stmt *s, const char *h)
{
	size_t best = (size_t)-1, d, limit = strlen(h) / 3 + 2;
	char *found = NULL;

	while (store_row(st, s, "the store")) {
		const char *c = (const char *)db_column_text(s, 0);

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
		            _("unknown %s '%s%s' (did you mean '%s%s'?)"),
		            _(what), prefix, h, prefix, guess);
	else
		rc = report(where, KAM_NOTFOUND, _("unknown %s '%s%s'"),
		            _(what), prefix, h);
	free(guess);
	return rc;
}

int
store_account_find(struct store *st, const char *h, int64_t *id)
{
	static const char q[] = "SELECT id FROM account WHERE handle = ?";

	return store_get_int64(st, store_stmt(st, q),
	                       STORE_ARGS(STORE_HANDLE(h)), id);
}

/*
 * The id of h in a table of handles of their own (accounts, competitors,
 * sellers): q finds a handle's id, all lists every handle, for a guess
 * when h is unknown (reported, KAM_NOTFOUND).  -1, reported by the
 * caller, when h is no handle.
 */
static int
handle_id(struct store *st, const char *where, const char *what, const char *q,
          const char *all, const char *h, int64_t *id)
{
	char *n = handle_nfc(h);
	int rc = KAM_OK;

	if (n == NULL || !handle_valid(n))
		rc = -1;
	else if (!store_get_int64(st, store_stmt(st, q),
	                          STORE_ARGS(STORE_TEXT(n)), id))
		rc = unknown(where, what, "", h,
		             store_nearest(st, store_stmt(st, all), n));
	free(n);
	return rc;
}

static int
account_id_at(struct store *st, const char *where, const char *h, int64_t *id)
{
	static const char q[] = "SELECT id FROM account WHERE handle = ?";
	static const char all[] = "SELECT handle FROM account";
	int rc = handle_id(st, where, N_("account"), q, all, h, id);

	if (rc < 0)
		rc = report(where, KAM_DATA,
		            _("invalid account handle '%s' (use letters, "
		              "digits, '.', '_' and '-')"),
		            h);
	return rc;
}

int
store_account_id(struct store *st, const char *h, int64_t *id)
{
	return account_id_at(st, NULL, h, id);
}

/* A reference to something that should exist, refused by ref_parse. */
static int
lookup_refused(const char *where, const char *what, const char *ref,
               const char *dflt)
{
	if (strchr(ref, '/') == NULL && dflt == NULL && handle_valid(ref))
		return report(where, KAM_USAGE,
		              _("%s '%s' needs an account: write ACCOUNT/%s, "
		                "give -a ACCOUNT or set KAM_ACCOUNT"),
		              _(what), ref, ref);
	return report(where, KAM_DATA,
	              _("invalid %s '%s' (write ACCOUNT/HANDLE or HANDLE)"),
	              _(what), ref);
}

int
store_ref_refused(const char *where, const char *what, const char *ref,
                  const char *dflt)
{
	const char *slash = strchr(ref, '/');
	char *account, *nfc;
	int rc;

	if (slash == NULL && dflt == NULL) {
		nfc = handle_nfc(ref);
		rc = nfc != NULL && handle_valid(nfc);
		free(nfc);
		if (rc)
			return lookup_refused(where, what, ref, dflt);
	}
	if (slash != NULL) {
		account = xstrndup(ref, (size_t)(slash - ref));
		nfc = handle_nfc(account);
		rc = nfc != NULL && handle_valid(nfc);
		free(nfc);
		if (!rc) {
			rc = report(where, KAM_DATA,
			            _("invalid account handle '%s' (use "
			              "letters, digits, '.', '_' and '-')"),
			            account);
			free(account);
			return rc;
		}
		free(account);
	}
	return report(
	    where, KAM_DATA,
	    _("invalid %s handle '%s' (use letters, digits, '.', '_' and '-')"),
	    _(what), slash != NULL ? slash + 1 : ref);
}

/* Shared by persons and deals: tables with (account_id, handle). */
static int
account_member(struct store *st, const char *where, const char *what,
               const char *q, const char *all, const char *ref,
               const char *dflt, int64_t *id)
{
	struct ref r;
	int64_t acct;
	db_stmt *s;
	char *prefix;
	int rc;

	if (!ref_parse(&r, ref, dflt))
		return lookup_refused(where, what, ref, dflt);
	if ((rc = account_id_at(st, where, r.account, &acct)) != KAM_OK)
		return rc;
	if (store_get_int64(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(acct), STORE_TEXT(r.handle)),
	                    id))
		return KAM_OK;
	s = store_stmt(st, all);
	db_bind_int64(s, 1, acct);
	/* An import names it as its file wrote it (kam(7), CSV INPUT). */
	if (where != NULL && strchr(ref, '/') == NULL)
		prefix = xstrdup("");
	else
		xasprintf(&prefix, "%s/", r.account);
	rc = unknown(where, what, prefix, r.handle,
	             store_nearest(st, s, r.handle));
	free(prefix);
	return rc;
}

int
store_person_named(struct store *st, const char *where, int64_t account,
                   const char *name, int64_t *id)
{
	static const char q[] =
	    "SELECT p.id, a.handle || '/' || p.handle, p.title FROM person p "
	    "JOIN account a ON a.id = p.account_id "
	    "WHERE p.account_id = ? AND p.name = ? ORDER BY p.handle";
	db_stmt *s = store_stmt(st, q);
	struct buf list = {0};
	int n = 0;

	db_bind_int64(s, 1, account);
	store_bind_static(s, 2, name);
	while (store_row(st, s, "the store")) {
		const char *title = (const char *)db_column_text(s, 2);

		if (n++ == 0)
			*id = db_column_int64(s, 0);
		buf_printf(&list, "%s%s", n > 1 ? ", " : "",
		           (const char *)db_column_text(s, 1));
		if (title != NULL && *title != '\0')
			buf_printf(&list, " (%s)", title);
	}
	db_reset(s);
	if (n == 1) {
		buf_free(&list);
		return KAM_OK;
	}
	if (n > 1)
		report(
		    where, KAM_DATA,
		    _("%d people are named '%s': %s; write the handle of one"),
		    n, name, list.s);
	buf_free(&list);
	return n > 1 ? KAM_DATA : KAM_NOTFOUND;
}

/* Whether exactly one person of the account has this name. */
static int
person_named_quiet(struct store *st, int64_t account, const char *name,
                   int64_t *id)
{
	static const char q[] = "SELECT id FROM person WHERE account_id = ? "
	                        "AND name = ? LIMIT 2";
	db_stmt *s = store_stmt(st, q);
	int n = 0;

	db_bind_int64(s, 1, account);
	store_bind_static(s, 2, name);
	while (store_row(st, s, "the store"))
		if (n++ == 0)
			*id = db_column_int64(s, 0);
	db_reset(s);
	return n == 1;
}

/*
 * No person X in account ACCT (ACCT_H): the error, with the nearest
 * handle to HANDLE, else the nearest name to NAME (either NULL when X
 * cannot be one).  BARE ("") names a file's row as it is written there,
 * without its account; NULL names it ACCT_H/X.
 */
static int
person_unknown(struct store *st, const char *where, const char *acct_h,
               int64_t acct, const char *x, const char *bare,
               const char *handle, const char *name)
{
	/* In the handles' order on both engines: the first of two
	 * handles as near is the one suggested. */
	static const char handles[] =
	    "SELECT handle FROM person WHERE account_id = ? ORDER BY handle";
	static const char names[] =
	    "SELECT name FROM person WHERE account_id = ? AND name IS NOT NULL "
	    "ORDER BY handle";
	char *guess = NULL, *prefix;
	db_stmt *s;
	int rc;

	if (handle != NULL) {
		s = store_stmt(st, handles);
		db_bind_int64(s, 1, acct);
		guess = store_nearest(st, s, handle);
	}
	if (guess == NULL && name != NULL) {
		s = store_stmt(st, names);
		db_bind_int64(s, 1, acct);
		guess = store_nearest(st, s, name);
	}
	if (where != NULL && bare != NULL)
		prefix = xstrdup(bare);
	else
		xasprintf(&prefix, "%s/", acct_h);
	rc = unknown(where, N_("person"), prefix, x, guess);
	free(prefix);
	return rc;
}

/*
 * A person: by handle first, then by a display name that is unique in
 * the account (a handle always wins).  ref is ACCOUNT/X, or X in the
 * default account; X is a handle or a name.  What precedes the first
 * slash is an account only when it can be a handle, so a name may hold
 * a slash.
 */
int
store_person_id_at(struct store *st, const char *where, const char *ref,
                   const char *dflt, int64_t *id)
{
	static const char q[] =
	    "SELECT id FROM person WHERE account_id = ? AND handle = ?";
	const char *slash = strchr(ref, '/'), *acct_h = dflt, *x = ref;
	char *account = NULL, *prefix, *xn;
	int is_handle, is_name, rc;
	int64_t acct;

	/* Handles are compared in NFC, names as they are written. */
	if (slash != NULL && slash != ref) {
		prefix = xstrndup(ref, (size_t)(slash - ref));
		account = handle_nfc(prefix);
		free(prefix);
		if (account != NULL && handle_valid(account)) {
			acct_h = account;
			x = slash + 1;
		}
	}
	xn = handle_nfc(x);
	is_handle = xn != NULL && handle_valid(xn);
	is_name = *x != '\0' && text_refused(x, TEXT_LINE) == 0;
	if (!is_handle && !is_name)
		rc = report(where, KAM_DATA,
		            _("invalid person '%s' (write ACCOUNT/HANDLE or "
		              "HANDLE)"),
		            ref);
	else if (acct_h == NULL)
		rc = report(where, KAM_USAGE,
		            _("person '%s' needs an account: write ACCOUNT/%s, "
		              "give -a ACCOUNT or set KAM_ACCOUNT"),
		            ref, ref);
	else if (account != NULL && acct_h == account && dflt != NULL &&
	         !store_account_find(st, account, &acct) &&
	         text_refused(ref, TEXT_LINE) == 0 &&
	         store_account_find(st, dflt, &acct) &&
	         person_named_quiet(st, acct, ref, id))
		rc = KAM_OK; /* a name with a slash, such as "IT/OT 主管" */
	else if ((rc = account_id_at(st, where, acct_h, &acct)) != KAM_OK)
		;
	else {
		rc = KAM_NOTFOUND;
		if (is_handle &&
		    store_get_int64(st, store_stmt(st, q),
		                    STORE_ARGS(STORE_INT(acct), STORE_TEXT(xn)),
		                    id))
			rc = KAM_OK;
		if (rc == KAM_NOTFOUND && is_name)
			rc = store_person_named(st, where, acct, x, id);
		if (rc == KAM_NOTFOUND)
			rc = person_unknown(
			    st, where, acct_h, acct, x, x == ref ? "" : NULL,
			    is_handle ? xn : NULL, is_name ? x : NULL);
	}
	free(account);
	free(xn);
	return rc;
}

int
store_person_id(struct store *st, const char *ref, const char *dflt,
                int64_t *id)
{
	return store_person_id_at(st, NULL, ref, dflt, id);
}

/* The people of an account being read: their keys' prefix. */
struct account_people {
	struct hindex *people;
	const char *account; /* "ACCOUNT/", NULL: the bare handles too */
	int bare;
};

static int
account_person_row(db_stmt *s, void *arg)
{
	struct account_people *p = arg;
	const char *handle = (const char *)db_column_text(s, 0);
	int64_t id = db_column_int64(s, 1);
	char *key;

	xasprintf(&key, "%s/%s", p->account, handle);
	hindex_put(p->people, key, id);
	free(key);
	if (p->bare)
		hindex_put(p->people, handle, id);
	return KAM_OK;
}

void
store_people_init(struct store_people *c)
{
	c->people = xmalloc(sizeof *c->people);
	c->accounts = xmalloc(sizeof *c->accounts);
	hindex_init(c->people, 1);
	hindex_init(c->accounts, 1);
}

void
store_people_free(struct store_people *c)
{
	if (c->people == NULL)
		return;
	hindex_free(c->people);
	hindex_free(c->accounts);
	free(c->people);
	free(c->accounts);
	c->people = c->accounts = NULL;
}

int
store_person_id_many(struct store *st, struct store_people *c,
                     const char *where, const char *ref, const char *dflt,
                     int64_t *id)
{
	static const char q[] =
	    "SELECT p.handle, p.id FROM person p JOIN account a "
	    "ON a.id = p.account_id WHERE a.handle = ?1";
	const char *slash = strchr(ref, '/');
	struct account_people p = {c->people, NULL, 0};
	char *account = NULL;
	int rc;

	/* A store file answers a lookup from its index in microseconds;
	 * a team store a round trip each. */
	if (!store_on_pg(st))
		return store_person_id_at(st, where, ref, dflt, id);
	if (slash != NULL)
		account = xstrndup(ref, (size_t)(slash - ref));
	else if (dflt != NULL)
		account = xstrdup(dflt);
	if (account != NULL && !hindex_get(c->accounts, account, NULL)) {
		hindex_put(c->accounts, account, 1);
		p.account = account;
		p.bare = dflt != NULL && strcmp(account, dflt) == 0;
		rc = store_each(st, store_stmt(st, q),
		                STORE_ARGS(STORE_TEXT(account)),
		                account_person_row, &p, "people");
		if (rc != KAM_OK) {
			free(account);
			return rc;
		}
	}
	free(account);
	if (hindex_get(c->people, ref, id))
		return KAM_OK;
	return store_person_id_at(st, where, ref, dflt, id);
}

int
store_deal_id_at(struct store *st, const char *where, const char *ref,
                 const char *dflt, int64_t *id)
{
	static const char q[] =
	    "SELECT id FROM deal WHERE account_id = ? AND handle = ?";
	static const char all[] =
	    "SELECT handle FROM deal WHERE account_id = ?";

	return account_member(st, where, N_("deal"), q, all, ref, dflt, id);
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
	int rc = handle_id(st, where, N_("competitor"), q, all, h, id);

	if (rc < 0)
		rc = report(where, KAM_DATA,
		            _("invalid competitor handle '%s'"), h);
	return rc;
}

int
store_competitor_id(struct store *st, const char *h, int64_t *id)
{
	return store_competitor_id_at(st, NULL, h, id);
}

int
store_seller_id(struct store *st, const char *h, int64_t *id)
{
	static const char q[] = "SELECT id FROM seller WHERE handle = ?";
	static const char all[] = "SELECT handle FROM seller";
	int rc = handle_id(st, NULL, N_("seller"), q, all, h, id);

	if (rc < 0)
		rc = report(NULL, KAM_DATA, _("invalid seller handle '%s'"), h);
	return rc;
}

/* The ACCOUNT/HANDLE of the row ? of table t (alias x). */
#define REF_Q(t, x)                                                            \
	"SELECT a.handle || '/' || " #x ".handle FROM " #t " " #x " "          \
	"JOIN account a ON a.id = " #x ".account_id WHERE " #x ".id = ?"

static char *
ref_of(struct store *st, const char *q, int64_t id)
{
	return store_get_text(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)));
}

int
store_person_id_in(struct store *st, const char *ref, int64_t account,
                   int64_t *id)
{
	static const char q[] = "SELECT handle FROM account WHERE id = ?";
	char *acct = ref_of(st, q, account);
	int rc = store_person_id(st, ref, acct, id);

	free(acct);
	return rc;
}

char *
store_person_ref(struct store *st, int64_t id)
{
	static const char q[] = REF_Q(person, p);

	return ref_of(st, q, id);
}

char *
store_deal_ref(struct store *st, int64_t id)
{
	static const char q[] = REF_Q(deal, d);

	return ref_of(st, q, id);
}

int
store_ext_id_free(struct store *st, int deal, int64_t account, int64_t self,
                  const char *ext_id)
{
	static const char *const q[] = {
	    "SELECT id FROM person WHERE account_id = ? AND ext_id = ? "
	    "AND id <> ?",
	    "SELECT id FROM deal WHERE account_id = ? AND ext_id = ? "
	    "AND id <> ?"};
	int64_t other;
	char *ref;
	int rc;

	if (ext_id == NULL || *ext_id == '\0')
		return KAM_OK;
	other = store_get_id(st, store_stmt(st, q[deal != 0]),
	                     STORE_ARGS(STORE_INT(account), STORE_TEXT(ext_id),
	                                STORE_INT(self)));
	if (other == 0)
		return KAM_OK;
	if (deal) {
		ref = store_deal_ref(st, other);
		rc = kam_err(KAM_CONFLICT,
		             _("external id '%s' is already deal '%s''s"),
		             ext_id, ref);
	} else {
		ref = store_person_ref(st, other);
		rc = kam_err(KAM_CONFLICT,
		             _("external id '%s' is already '%s''s"), ext_id,
		             ref);
	}
	free(ref);
	return rc;
}

int64_t
store_deal_account(struct store *st, int64_t deal)
{
	static const char q[] = "SELECT account_id FROM deal WHERE id = ?";
	int64_t a = 0;

	store_get_int64(st, store_stmt(st, q), STORE_ARGS(STORE_INT(deal)), &a);
	return a;
}

const char *
store_schema_sql(void)
{
	return schema_sql;
}

const char *
store_team_schema_sql(void)
{
	return schema_pg_sql;
}
