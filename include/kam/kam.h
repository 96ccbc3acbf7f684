/*
 * Common ground for every part of kam: exit codes, error reporting,
 * translation, allocation that aborts only when memory runs out, and the
 * clock.  May be included by any file (everything in src/ does).
 */
#ifndef KAM_KAM_H
#define KAM_KAM_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/*
 * Translation (gettext, domain "kam").  _() translates a message where it
 * is used; N_() marks a string in a table that is translated where it is
 * shown.  Only text meant for a person is marked: machine formats (TSV,
 * CSV, JSON), store contents and the method's vocabulary as written stay
 * canonical English in every locale.
 */
#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s)                 (s)
#define ngettext(s, p, n)    ((n) == 1 ? (s) : (p))
#define textdomain(d)        ((void)(d))
#define bindtextdomain(d, p) ((void)(d), (void)(p))
#endif
#define N_(s) s

/*
 * Sets the locale's messages and character type from the environment
 * (never its number formats: kam reads and writes numbers the C way) and
 * binds the catalogs: $KAM_LOCALEDIR when set, for uninstalled programs,
 * else the installed ones.  Called first by every main.
 */
void kam_locale_init(void);

/*
 * Exit codes, documented in kam(7).  Verbs return one of these; only main
 * turns it into the process status.  KAM_FALSE is the "no" of a predicate
 * (kam-org check, kam-stance verify), as with grep.
 */
enum kam_status {
	KAM_OK = 0,
	KAM_FALSE = 1,     /* a check found something; verify failed */
	KAM_USAGE = 2,     /* bad command line */
	KAM_DATA = 3,      /* a value or input file is malformed or invalid */
	KAM_NOTFOUND = 4,  /* an account, person, deal, ... does not exist */
	KAM_CONFLICT = 5,  /* it exists already, or would break a rule */
	KAM_NOSTORE = 6,   /* no store at the path */
	KAM_NOTKAM = 7,    /* the file is not a kam store */
	KAM_NEWER = 8,     /* the store was written by a newer kam */
	KAM_READONLY = 9,  /* the store cannot be written */
	KAM_IO = 10,       /* a file or stdout could not be read or written */
	KAM_INTERNAL = 11, /* SQLite or another library failed */
	KAM_RENDER = 12,   /* Graphviz could not lay out or render */
	KAM_BADENV = 13,   /* KAM_NOW or KAM_ACCOUNT is invalid */
	KAM_NOTBUILT = 14, /* the store named needs what is not built in */
	/* kam-gate run --exit-status: verdicts other than pursue (0). */
	KAM_VERDICT_LIMITED = 20,
	KAM_VERDICT_QUALIFY = 21,
	KAM_VERDICT_DROP = 22,
};

/* The name errors are prefixed with; main sets it. */
extern const char *kam_progname;

/* Prints "PROG: message" to stderr and returns code. */
int kam_err(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "PROG: warning: message" to stderr. */
void kam_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * kam_hush(1): the failure just reported is the cause of whatever fails
 * after it, so kam_err and kam_warn print nothing more (their codes are
 * still returned) until kam_hush(0).  The store hushes after a statement
 * it cannot prepare.
 */
void kam_hush(int on);

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrdup_null(const char *); /* NULL for NULL */
/* Whether two strings, either of them NULL, are equal. */
int str_same(const char *, const char *);
char *xstrndup(const char *, size_t);
int xasprintf(char **, const char *, ...) __attribute__((format(printf, 2, 3)));
int xvasprintf(char **, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

/* A growable string. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *, const char *, size_t);
void buf_puts(struct buf *, const char *);
void buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *);

/*
 * Growable arrays.  xgrow returns v (of n elements of size bytes) with
 * room for one more, doubling its room *cap when full.  A kam_array is
 * such an array of any type, the rows a row function collects:
 * kam_array_add adds one element, zeroed, and returns it; the caller
 * reads v through a pointer of the element's type and frees it.
 */
void *xgrow(void *v, size_t n, size_t *cap, size_t size);
/*
 * KAM_PUSH(v, n, cap): the array v of n elements, its room cap as xgrow
 * keeps it, grown by one element, zeroed, which it returns (n counts
 * it).  v and n are named more than once: lvalues without side effects.
 */
#define KAM_PUSH(v, n, cap)                                                    \
	((v) = xgrow((v), (n), &(cap), sizeof *(v)),                           \
	 memset(&(v)[(n)], 0, sizeof *(v)), &(v)[(n)++])
struct kam_array {
	void *v;
	size_t n, cap;
};
void *kam_array_add(struct kam_array *, size_t size);
/*
 * The first of the n elements of size bytes at v whose text at byte off
 * (a char * member, as offsetof names it) is key, or NULL: an array
 * searched by its key or name.  Like bsearch, it takes const and
 * returns the element for the caller to type.
 */
void *kam_find(const void *v, size_t n, size_t size, size_t off,
               const char *key);

/*
 * KAM_CMP(a, b): -1, 0 or 1 as the number a is below, equal to or above
 * b, one key of a comparator (KAM_CMP(b, a) puts the largest first).
 * kam_by_id is the qsort and bsearch order of int64_t ids, and of
 * structs that begin with one.
 */
#define KAM_CMP(a, b) (((a) > (b)) - ((a) < (b)))
int kam_by_id(const void *, const void *);

/*
 * KAM_FREE(p, q, ...) frees each pointer it is given: the texts a struct
 * owns, named in one statement.
 */
void kam_free_n(void *const *, size_t);
#define KAM_FREE(...)                                                          \
	kam_free_n((void *const[]){__VA_ARGS__},                               \
	           sizeof((void *const[]){__VA_ARGS__}) / sizeof(void *))

/*
 * The clock.  $KAM_NOW (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ) pins it, so
 * that documented transcripts and tests are reproducible.  Both write into
 * a buffer of at least 21 bytes.
 */
#define KAM_DATE_LEN  11
#define KAM_STAMP_LEN 21
void kam_today(char *);
void kam_now(char *);
/*
 * Refuses a $KAM_NOW that is set but neither form (KAM_BADENV, reported)
 * rather than let the real clock stand in for it silently.
 */
int kam_clock_check(void);
/*
 * Sets the clock to a timestamp (YYYY-MM-DDTHH:MM:SSZ): a team store's
 * server time, which it records instead of this machine's.
 */
void kam_clock_set(const char *);

/*
 * A reader that closes the pipe ends the command quietly by SIGPIPE
 * (status 141), as with grep and git: SIGPIPE's default action, even
 * when the caller ignored or blocked it.  Called first by every main.
 */
void kam_sigpipe_default(void);

/*
 * Who writes history records: $KAM_USER, else the login name; on a
 * team store, the database role (set when it is opened).
 */
const char *kam_actor(void);
void kam_actor_set(const char *);

/* Levenshtein distance, for "did you mean" suggestions. */
size_t kam_distance(const char *, const char *);

#endif
