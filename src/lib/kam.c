/*
 * Error reporting, allocation, growable strings, the clock and the actor:
 * the small things every module uses.
 */
#include <config.h>

#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

const char *kam_progname = "kam";

void
kam_locale_init(void)
{
	const char *dir = getenv("KAM_LOCALEDIR");

	/*
	 * Messages and character type only: LC_NUMERIC would turn the
	 * decimal point of JSON numbers and of parsed options into a comma,
	 * and LC_COLLATE or LC_TIME would make outputs depend on the user.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	textdomain(PACKAGE);
}

/* Running out of memory is the one failure kam does not try to recover. */
static void
oom(void)
{
	fprintf(stderr, _("%s: out of memory\n"), kam_progname);
	abort();
}

/* What kam_hush set. */
static int hushed;

void
kam_hush(int on)
{
	hushed = on;
}

/*
 * A message quotes what the user gave and what the store holds: control
 * characters in it are shown, never sent to the terminal (see
 * text_show).
 */
static void
report(int warning, const char *fmt, va_list ap)
{
	struct buf b = {0};
	char *s;

	if (hushed)
		return;
	xvasprintf(&s, fmt, ap);
	text_show(&b, s);
	fflush(stdout);
	if (warning)
		fprintf(stderr, _("%s: warning: "), kam_progname);
	else
		fprintf(stderr, "%s: ", kam_progname);
	fprintf(stderr, "%s\n", b.s ? b.s : "");
	buf_free(&b);
	free(s);
}

int
kam_err(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(0, fmt, ap);
	va_end(ap);
	return code;
}

void
kam_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(1, fmt, ap);
	va_end(ap);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom();
	return xrealloc(p, n * size);
}

void *
xgrow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(v, *cap, size);
}

void *
kam_array_add(struct kam_array *a, size_t size)
{
	unsigned char *x;

	a->v = xgrow(a->v, a->n, &a->cap, size);
	x = (unsigned char *)a->v + a->n++ * size;
	memset(x, 0, size);
	return x;
}

int
kam_by_id(const void *a, const void *b)
{
	return KAM_CMP(*(const int64_t *)a, *(const int64_t *)b);
}

void *
kam_find(const void *v, size_t n, size_t size, size_t off, const char *key)
{
	const unsigned char *x = v;
	const char *k;
	size_t i;

	for (i = 0; i < n; i++, x += size) {
		memcpy(&k, x + off, sizeof k);
		if (strcmp(k, key) == 0)
			return (void *)x;
	}
	return NULL;
}

void
kam_free_n(void *const *p, size_t n)
{
	while (n > 0)
		free(p[--n]);
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int
str_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (p == NULL)
		oom();
	return p;
}

int
xvasprintf(char **ret, const char *fmt, va_list ap)
{
	int n = vasprintf(ret, fmt, ap);

	if (n < 0)
		oom();
	return n;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return n;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = xvasprintf(&s, fmt, ap);
	va_end(ap);
	buf_add(b, s, (size_t)n);
	free(s);
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/*
 * $KAM_NOW as a normalised timestamp, or the real time.  A command is one
 * moment: the clock is read once, so every row one command writes carries
 * the same time.
 */
static char clock_stamp[KAM_STAMP_LEN];

void
kam_clock_set(const char *now)
{
	snprintf(clock_stamp, sizeof clock_stamp, "%s", now);
}

static void
now_stamp(char *out)
{
	const char *env;
	time_t t;
	struct tm tm;

	if (clock_stamp[0] == '\0') {
		env = getenv("KAM_NOW");
		if (env != NULL && *env != '\0' &&
		    stamp_parse(env, clock_stamp)) {
			/* A bare date pins the clock at the start of that
			 * day. */
			if (strlen(env) == 10)
				memcpy(clock_stamp + 10, "T00:00:00Z", 11);
		} else {
			t = time(NULL);
			gmtime_r(&t, &tm);
			strftime(clock_stamp, sizeof clock_stamp,
			         "%Y-%m-%dT%H:%M:%SZ", &tm);
		}
	}
	memcpy(out, clock_stamp, KAM_STAMP_LEN);
}

int
kam_clock_check(void)
{
	const char *env = getenv("KAM_NOW");
	char stamp[KAM_STAMP_LEN];

	if (env == NULL || *env == '\0' || stamp_parse(env, stamp))
		return KAM_OK;
	if (date_out_of_range(env)) {
		date_range_error(NULL, "KAM_NOW", env);
		return KAM_BADENV;
	}
	return kam_err(
	    KAM_BADENV,
	    _("invalid KAM_NOW '%s' (use YYYY-MM-DD or "
	      "YYYY-MM-DDTHH:MM:SSZ, a real day and time, or unset it)"),
	    env);
}

void
kam_now(char *out)
{
	now_stamp(out);
}

void
kam_today(char *out)
{
	char s[KAM_STAMP_LEN];

	now_stamp(s);
	memcpy(out, s, 10);
	out[10] = '\0';
}

void
kam_sigpipe_default(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static char actor_name[256];

void
kam_actor_set(const char *who)
{
	snprintf(actor_name, sizeof actor_name, "%s", who);
}

const char *
kam_actor(void)
{
	const char *s;
	struct passwd *pw;

	/* Looked up once: getlogin and getpwuid read files. */
	if (actor_name[0] != '\0')
		return actor_name;
	if ((s = getenv("KAM_USER")) != NULL && *s != '\0')
		snprintf(actor_name, sizeof actor_name, "%s", s);
	else if ((s = getlogin()) != NULL && *s != '\0')
		snprintf(actor_name, sizeof actor_name, "%s", s);
	else if ((pw = getpwuid(getuid())) != NULL && pw->pw_name != NULL)
		snprintf(actor_name, sizeof actor_name, "%s", pw->pw_name);
	else
		snprintf(actor_name, sizeof actor_name, "uid%ld",
		         (long)getuid());
	return actor_name;
}

size_t
kam_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, best;

	row = xcalloc(lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}
