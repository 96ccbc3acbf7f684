/*
 * The frame every kam command runs in: common options, dispatch from a
 * table of verbs, usage messages, the store path, stdout checks.
 */
#include <config.h>

#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kam/cli.h"
#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

static const struct option common_long[] = {
    {"account", required_argument, NULL, 'a'},
    {"db", required_argument, NULL, 'd'},
    {"format", required_argument, NULL, 'F'},
    {"help", no_argument, NULL, 'h'},
};
#define NCOMMON (sizeof common_long / sizeof common_long[0])
static const char common_short[] = "a:d:F:h";

#define CLI_TRIES 8 /* runs of a verb, at most */

/*
 * Whether a verb may run again: its standard input is where it was
 * when it first started (put back there if it is a file).
 */
static int
input_rewound(off_t start)
{
	if (start >= 0) {
		clearerr(stdin);
		return fseeko(stdin, start, SEEK_SET) == 0;
	}
	/* A pipe or a terminal: only if it was never read. */
	return __fbufsize(stdin) == 0 && !feof(stdin);
}

/* A pause before a verb runs again, longer each time, a little random. */
static void
retry_pause(int tries)
{
	struct timespec ts;
	long ms = (5L << (tries < 7 ? tries : 7)) + rand() % 10;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

void
cli_version(const char *name)
{
	printf("%s (kam) %s\n", name, PACKAGE_VERSION);
}

static void
print_usage(FILE *fp, const struct kam_cmd *cmd, const struct kam_verb *v)
{
	if (v != NULL) {
		fprintf(fp, _("usage: %s %s\n"), cmd->name, v->usage);
		return;
	}
	/* TRANSLATORS: the synopsis after "usage:" is the man page's; keep
	   its options and operands as they are. */
	fprintf(fp, _("usage: %s [-d DB] [-a ACCOUNT] [-F FORMAT] %s\n"),
	        cmd->name, cmd->single ? cmd->single->usage : "VERB [ARG ...]");
	if (cmd->single != NULL)
		return;
	/* TRANSLATORS: the space before the second synopsis lines it up
	   under the first, after "usage: ". */
	fprintf(fp, _("       %s -h | -V\n"), cmd->name);
	fprintf(fp, "\n%s\n\n%s\n", _(cmd->summary), _("verbs:"));
	for (v = cmd->verbs; v->name != NULL; v++)
		fprintf(fp, "  %s %s\n", cmd->name, v->usage);
	fprintf(fp, "\n%s\n", _("common options:"));
	fputs(_("  -a, --account ACCOUNT   account for bare handles "
	        "(default: $KAM_ACCOUNT)\n"
	        "  -d, --db PATH           the store (default: $KAM_DB, "
	        "else $XDG_DATA_HOME/kam/kam.db)\n"
	        "  -F, --format FORMAT     table, tsv, csv or json "
	        "(default: table on a terminal, else tsv)\n"
	        "  -h, --help              this help, or a verb's usage\n"
	        "  -V, --version           the version\n"),
	      fp);
	fputc('\n', fp);
	fprintf(fp, _("See %s(1).\n"), cmd->name);
}

int
cli_usage(struct kam_ctx *ctx)
{
	print_usage(stderr, ctx->cmd, ctx->verb ? ctx->verb : ctx->cmd->single);
	return KAM_USAGE;
}

int
cli_usage_msg(struct kam_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	kam_err(KAM_USAGE, "%s", s);
	free(s);
	return cli_usage(ctx);
}

static int
set_format(struct kam_ctx *ctx, const char *s)
{
	int f = out_format_parse(s);

	if (f < 0) {
		kam_err(KAM_USAGE,
		        _("unknown format '%s' (use table, tsv, csv or json)"),
		        s);
		return -1;
	}
	ctx->fmt = (enum out_format)f;
	ctx->fmt_given = 1;
	return 0;
}

/*
 * A common option before or after the verb (-a, -d, -F as c) into ctx:
 * 1 when c is one, -1 when -F names no format (reported), else 0.
 */
static int
common_opt(struct kam_ctx *ctx, int c)
{
	switch (c) {
	case 'a':
		ctx->account = optarg;
		return 1;
	case 'd':
		ctx->db = optarg;
		return 1;
	case 'F':
		return set_format(ctx, optarg) != 0 ? -1 : 1;
	}
	return 0;
}

/*
 * Whether the verb can write the format asked for; when none was asked
 * for and it cannot write the default, its first format.  Refusing is a
 * usage error: a verb never writes another format silently.
 */
void
cli_formats(struct kam_ctx *ctx, int formats, enum out_format dflt)
{
	ctx->formats = formats;
	ctx->fmt_dflt = dflt;
}

static int
check_format(struct kam_ctx *ctx)
{
	int ok, f, n, i;
	struct buf b = {0};

	if (ctx->verb == NULL)
		return 0;
	ok = ctx->formats ? ctx->formats : CLI_FMT_ROWS;
	if (ok & CLI_FMT(ctx->fmt))
		return 0;
	if (!ctx->fmt_given) {
		ctx->fmt = ctx->fmt_dflt;
		return 0;
	}
	/* The verb's default first, then the others in their order. */
	for (f = 0, n = 0; f <= OUT_MD; f++)
		n += (ok & CLI_FMT(f)) != 0;
	for (f = -1, i = 0; f <= OUT_MD; f++) {
		int g = f < 0 ? (int)ctx->fmt_dflt : f;

		if (!(ok & CLI_FMT(g)) || (f >= 0 && g == (int)ctx->fmt_dflt))
			continue;
		buf_printf(&b, "%s%s",
		           i++ == 0 ? ""
		           : i == n ? _(" or ")
		                    : ", ",
		           out_format_word((enum out_format)g));
	}
	kam_err(KAM_USAGE, _("'%s' cannot write %s (use %s)"), ctx->verb->name,
	        out_format_word(ctx->fmt), b.s);
	buf_free(&b);
	return -1;
}

int
cli_option_refused(int c, char **argv)
{
	if (c == ':')
		return kam_err(KAM_USAGE, _("option '%s' needs a value"),
		               argv[optind - 1]);
	if (optopt != 0)
		return kam_err(KAM_USAGE, _("unknown option '-%c'"), optopt);
	return kam_err(KAM_USAGE, _("unknown option '%s'"), argv[optind - 1]);
}

/*
 * One way to hold output: a stream's file descriptor points at a
 * temporary file until the verb is done, and only then is what it
 * wrote copied out.  A verb's standard output is always held, so that
 * a command that fails prints nothing on it, not even a table's
 * header.  On a team store a writing verb's standard error is held
 * too (from its cli_open), and both are cut back to where the verb's
 * run began when it meets the server's serialisation failure or
 * deadlock and runs again from its start (run_verb): the user sees
 * neither the failure nor a first output.  With the stream closed, or
 * no temporary file to be had, it is written straight, as before, and
 * a verb is not run again.
 */
struct held {
	int fd;     /* the real stream, or -1: not held */
	FILE *tmp;  /* what the verb wrote */
	off_t mark; /* where the verb's run began in tmp */
};
static struct held held = {-1, NULL, 0};     /* standard output */
static struct held held_err = {-1, NULL, 0}; /* standard error */

/* Holds stream fp (file descriptor no); nothing when it cannot. */
static void
hold(struct held *h, int no, FILE *fp)
{
	h->fd = -1;
	h->tmp = NULL;
	h->mark = 0;
	if (fcntl(no, F_GETFD) == -1 || fflush(fp) != 0 ||
	    (h->tmp = tmpfile()) == NULL)
		return;
	if ((h->fd = dup(no)) >= 0 && dup2(fileno(h->tmp), no) >= 0)
		return;
	if (h->fd >= 0)
		close(h->fd);
	h->fd = -1;
	fclose(h->tmp);
	h->tmp = NULL;
}

static void
hold_stdout(struct held *h)
{
	hold(h, STDOUT_FILENO, stdout);
}

/* Marks where a run of the verb begins in what is held. */
static void
held_mark(struct held *h, int no, FILE *fp)
{
	fflush(fp);
	if (h->tmp != NULL)
		h->mark = lseek(no, 0, SEEK_CUR);
}

/* Drops what a run wrote, back to its mark; 0 when it cannot. */
static int
held_cut(struct held *h, int no, FILE *fp)
{
	fflush(fp);
	return h->tmp != NULL && h->mark >= 0 && ftruncate(no, h->mark) == 0 &&
	       lseek(no, h->mark, SEEK_SET) == h->mark;
}

/*
 * Ends a hold: puts the real stream back and copies what was held to it
 * if ok, else drops it.  1 when all of it was copied.
 */
static int
unhold(struct held *h, int no, FILE *fp, int ok)
{
	char buf[BUFSIZ];
	size_t n;
	int done = 1;
	FILE *tmp = h->tmp;

	if (tmp == NULL)
		return 1;
	h->tmp = NULL;
	fflush(fp);
	dup2(h->fd, no);
	close(h->fd);
	h->fd = -1;
	if (ok) {
		rewind(tmp);
		while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
			if (fwrite(buf, 1, n, fp) != n) {
				done = 0;
				break;
			}
		fflush(fp);
	}
	fclose(tmp);
	return done;
}

/* Ends the hold: copies what was held to standard output if ok (and
 * checks it was written), else drops it. */
static int
release_stdout(struct held *h, int ok)
{
	int rc = KAM_OK;

	if (h->tmp == NULL)
		return ok ? out_finish_stdout() : KAM_OK;
	if (ok)
		rc = out_finish_stdout();
	unhold(h, STDOUT_FILENO, stdout, ok && rc == KAM_OK);
	if (ok && rc == KAM_OK)
		rc = out_finish_stdout();
	return rc;
}

int
cli_getopt(struct kam_ctx *ctx, int argc, char **argv, const char *shortopts,
           const struct option *longopts)
{
	static struct option merged[CLI_OPTS_MAX + NCOMMON + 1];
	static char shorts[128];
	size_t n = 0, i;
	int c, k, bare;

	/* A new parse (optind 0) merges the verb's options with the common
	 * ones, and checks a format given before the verb. */
	if (optind == 0) {
		if (check_format(ctx) != 0)
			return '?';
		for (i = 0; longopts != NULL && longopts[i].name; i++)
			merged[n++] = longopts[i];
		bare = ctx->verb != NULL && (ctx->verb->store & CLI_NOCOMMON);
		for (i = 0; i < NCOMMON; i++)
			if (!bare || common_long[i].val == 'h')
				merged[n++] = common_long[i];
		memset(&merged[n], 0, sizeof merged[n]);
		snprintf(shorts, sizeof shorts, ":%s%s",
		         bare ? "h" : common_short, shortopts ? shortopts : "");
	}
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, shorts, merged, NULL);
		if ((k = common_opt(ctx, c)) < 0 ||
		    (c == 'F' && check_format(ctx) != 0))
			return '?';
		if (k > 0)
			continue;
		switch (c) {
		case 'h':
			print_usage(stdout, ctx->cmd, ctx->verb);
			exit(release_stdout(&held, 1));
		case ':':
		case '?':
			cli_option_refused(c, argv);
			return '?';
		case -1:
			ctx->argc = argc;
			ctx->argv = argv;
			if (cli_check_operands(ctx, argc, argv) != KAM_OK)
				return '?';
			return -1;
		default:
			return c;
		}
	}
}

const struct cli_opt cli_no_opts[] = {{.name = NULL}};

#define OPT_CODE 0x1000 /* getopt's code of option i: OPT_CODE + i */

/* Where option o's value goes in vals. */
static void *
opt_at(void *vals, const struct cli_opt *o)
{
	return (char *)vals + o->off;
}

/*
 * getopt's tables from a verb's declared options; one whose name is its
 * letter alone (-o, -T) has no long form.  A verb that declares more than
 * CLI_OPTS_MAX options is a mistake in its table: abort at once.
 */
static void
opts_tables(const struct cli_opt *opts, struct option *lo, char *so,
            size_t solen)
{
	size_t i, n = 0, k = 0;

	for (i = 0; opts[i].name != NULL; i++) {
		int arg = opts[i].kind <= CLI_CALL || opts[i].kind == CLI_LIST;

		if (i == CLI_OPTS_MAX)
			abort();
		if (opts[i].name[1] != '\0') {
			lo[n].name = opts[i].name;
			lo[n].has_arg = arg ? required_argument : no_argument;
			lo[n].flag = NULL;
			lo[n++].val =
			    opts[i].letter ? opts[i].letter : OPT_CODE + (int)i;
		}
		if (opts[i].letter && k + 2 < solen) {
			so[k++] = opts[i].letter;
			if (arg)
				so[k++] = ':';
		}
	}
	memset(&lo[n], 0, sizeof lo[n]);
	so[k] = '\0';
}

/* The index of the option getopt returned as c. */
static size_t
opt_find(const struct cli_opt *opts, int c)
{
	size_t i;

	if (c >= OPT_CODE)
		return (size_t)(c - OPT_CODE);
	for (i = 0; opts[i].letter != c; i++)
		;
	return i;
}

/* Before the loop: each value's default. */
static void
opts_defaults(const struct cli_opt *opts, void *vals)
{
	size_t i;

	for (i = 0; opts[i].name != NULL; i++)
		if (opts[i].kind == CLI_INT)
			*(long *)opt_at(vals, &opts[i]) = opts[i].dflt;
		else if (opts[i].kind == CLI_SET)
			*(int *)opt_at(vals, &opts[i]) = (int)opts[i].dflt;
}

/* A value at the end of a list. */
static void
list_add(struct cli_list *l, const char *arg)
{
	l->v = xreallocarray(l->v, l->n + 2, sizeof *l->v);
	l->v[l->n++] = arg;
	l->v[l->n] = NULL;
}

/* An option without a value, or a repeated one, as getopt returns it. */
static int
opt_now(struct kam_ctx *ctx, const struct cli_opt *o, void *vals,
        const char *arg)
{
	struct cli_list *l;
	int rc;

	switch (o->kind) {
	case CLI_STR:
	case CLI_TEXT:
	case CLI_FREE:
	case CLI_DATE:
	case CLI_PAST:
		*(const char **)opt_at(vals, o) = arg;
		break;
	case CLI_REFUSE:
		if (o->msg == NULL)
			return cli_usage(ctx);
		return cli_usage_msg(ctx, _(o->msg), o->name);
	case CLI_WORD:
		*(const char **)opt_at(vals, o) = o->word;
		break;
	case CLI_SET:
		*(int *)opt_at(vals, o) = (int)o->max;
		break;
	case CLI_COUNT:
		++*(int *)opt_at(vals, o);
		break;
	case CLI_LIST:
		l = opt_at(vals, o);
		if (o->max != 0 && l->n == (size_t)o->max)
			return cli_usage_msg(ctx, "%s", _(o->msg));
		if (o->parse != NULL && (rc = o->parse(arg, NULL)) != KAM_OK)
			return rc;
		list_add(l, arg);
		if (o->also != 0)
			list_add((struct cli_list *)((char *)vals + o->also),
			         arg);
		break;
	}
	return KAM_OK;
}

/* Once the options end: option o's last value, checked as its kind says. */
static int
opt_value(const struct cli_opt *o, void *vals, const char *arg)
{
	char flag[64];
	long n;
	int rc = KAM_OK;

	snprintf(flag, sizeof flag, "--%s", o->name);
	switch (o->kind) {
	case CLI_TEXT:
	case CLI_FREE:
		rc = text_check(NULL, flag, arg,
		                o->kind == CLI_TEXT ? TEXT_LINE : TEXT_FREE);
		break;
	case CLI_DATE:
		rc = date_check(NULL, flag, arg);
		break;
	case CLI_PAST:
		rc = date_check_past(NULL, flag, arg);
		break;
	case CLI_INT:
		if (o->word != NULL && strcmp(arg, o->word) == 0)
			n = 0;
		else if (!parse_int(arg, o->min, o->max, &n))
			return kam_err(o->status ? o->status : KAM_DATA,
			               _(o->msg), arg);
		*(long *)opt_at(vals, o) = n;
		return KAM_OK;
	case CLI_VOCAB:
		if ((*(const char **)opt_at(vals, o) =
		         vocab_word((enum vocab_kind)o->vocab, arg)) == NULL)
			return vocab_refused(NULL, (enum vocab_kind)o->vocab,
			                     arg);
		return KAM_OK;
	case CLI_SPAN:
		if (!date_span_parse(arg, opt_at(vals, o)))
			return kam_err(KAM_DATA, _(o->msg), arg);
		return KAM_OK;
	case CLI_CALL:
		return o->parse(arg, opt_at(vals, o));
	}
	if (rc == KAM_OK && o->empty == CLI_EMPTY_REFUSED && *arg == '\0')
		return kam_err(KAM_DATA, _("%s is empty"), flag);
	return rc;
}

/* Whether option o sets its place's value, rather than adding to it. */
static int
sets_value(const struct cli_opt *o)
{
	return o->kind != CLI_LIST && o->kind != CLI_COUNT &&
	       o->kind != CLI_REFUSE;
}

/*
 * Runs the loop over the verb's declared options into vals, then checks
 * the required ones and every value (struct cli_opt).  A kam status,
 * the fault reported.
 */
static int
opts_parse(struct kam_ctx *ctx, int argc, char **argv, void *vals)
{
	const struct cli_opt *opts =
	    ctx->verb->opts != NULL ? ctx->verb->opts : cli_no_opts;
	struct option lo[CLI_OPTS_MAX + 1];
	const char *raw[CLI_OPTS_MAX] = {NULL};
	char so[2 * CLI_OPTS_MAX + 1], given[CLI_OPTS_MAX] = {0};
	size_t i, j;
	int c, rc;

	opts_tables(opts, lo, so, sizeof so);
	opts_defaults(opts, vals);
	while ((c = cli_getopt(ctx, argc, argv, so, lo)) != -1) {
		if (c == '?')
			return cli_usage(ctx);
		i = opt_find(opts, c);
		raw[i] = optarg;
		given[i] = 1;
		if ((rc = opt_now(ctx, &opts[i], vals, optarg)) != KAM_OK)
			return rc;
	}
	/* Two options that set one value (--reports-to, --no-reports-to)
	 * are alternatives: both given is a mistake, not "the last wins".
	 * Lists of one place add up, and counts; a refusal has no value. */
	for (i = 0; opts[i].name != NULL; i++)
		for (j = i + 1; given[i] && opts[j].name != NULL; j++)
			if (given[j] && opts[j].off == opts[i].off &&
			    sets_value(&opts[i]) && sets_value(&opts[j]))
				return cli_usage_msg(
				    ctx, _("--%s and --%s exclude each other"),
				    opts[i].name, opts[j].name);
	for (i = 0; opts[i].name != NULL; i++)
		if (opts[i].required != NULL &&
		    (raw[i] == NULL ||
		     (opts[i].empty == CLI_EMPTY_MISSING && *raw[i] == '\0')))
			return cli_usage_msg(ctx, "%s", _(opts[i].required));
	for (i = 0; opts[i].name != NULL; i++)
		if (raw[i] != NULL && opts[i].kind <= CLI_CALL &&
		    (rc = opt_value(&opts[i], vals, raw[i])) != KAM_OK)
			return rc;
	return KAM_OK;
}

/* The values of a verb's options freed, after it ran. */
static void
opts_free(const struct cli_opt *opts, void *vals)
{
	struct cli_list *l;
	size_t i;

	for (i = 0; opts[i].name != NULL; i++) {
		if (opts[i].kind != CLI_LIST)
			continue;
		/* A list several options share is freed once. */
		l = opt_at(vals, &opts[i]);
		free(l->v);
		l->v = NULL;
		if (opts[i].also != 0) {
			l = (struct cli_list *)((char *)vals + opts[i].also);
			free(l->v);
			l->v = NULL;
		}
	}
	free(vals);
}

int
cli_options(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct kam_verb *v = ctx->verb;

	if (v->formats != 0)
		cli_formats(ctx, v->formats, v->fmt_dflt);
	ctx->opts = xcalloc(1, v->opts_size ? v->opts_size : 1);
	return opts_parse(ctx, argc, argv, ctx->opts);
}

void
cli_options_free(struct kam_ctx *ctx)
{
	if (ctx->opts != NULL)
		opts_free(ctx->verb->opts != NULL ? ctx->verb->opts
		                                  : cli_no_opts,
		          ctx->opts);
	ctx->opts = NULL;
}

/*
 * One run of the verb: its declared options read into ctx->opts, then
 * its function.
 */
static int
exec_verb(struct kam_ctx *ctx, int argc, char **argv)
{
	int rc;

	if ((rc = cli_options(ctx, argc, argv)) == KAM_OK)
		rc = ctx->verb->exec(ctx, argc, argv);
	cli_options_free(ctx);
	return rc;
}

/* The next word of a usage after *p, into buf; NULL at the end. */
static const char *
usage_word(const char **p, char *buf, size_t len)
{
	const char *s = *p;
	size_t n;

	while (*s == ' ' || *s == '\n')
		s++;
	if (*s == '\0')
		return NULL;
	n = strcspn(s, " \n");
	*p = s + n;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

const char *
cli_operand_name(const struct kam_verb *v, int n, char *buf, size_t len)
{
	const char *p = v->usage, *name = v->name, *w, * or ;
	int depth = 0, value = 0;
	size_t k;

	/* The verb's own words first, when the usage repeats them. */
	for (;;) {
		k = strcspn(name, " ");
		while (*p == ' ')
			p++;
		if (k == 0 || strncmp(p, name, k) != 0 ||
		    (p[k] != ' ' && p[k] != '\0'))
			break;
		p += k;
		name += k + (name[k] == ' ');
	}
	while ((w = usage_word(&p, buf, len)) != NULL) {
		int in = depth > 0;

		for (k = 0; w[k] != '\0'; k++)
			depth += (w[k] == '[') - (w[k] == ']');
		if (in || w[0] == '[' || strcmp(w, "|") == 0)
			continue;
		/* An option, then its value; operands come before both. */
		if (w[0] == '-' || value) {
			value = w[0] == '-';
			continue;
		}
		if (n-- == 0)
			break;
	}
	if (w == NULL)
		return NULL;
	/* FILE.csv is a FILE; ACCOUNT|DEAL is an ACCOUNT or DEAL. */
	if ((k = strcspn(w, ".")) > 0 && w[k] == '.' && w[k + 1] != '.')
		buf[k] = '\0';
	/* TRANSLATORS: between two alternatives, "ACCOUNT or DEAL". */
	or = _(" or ");
	if ((p = strchr(w, '|')) != NULL && strlen(w) + strlen(or) < len) {
		size_t at = (size_t)(p - w);

		memmove(buf + at + strlen(or), p + 1, strlen(p + 1) + 1);
		memcpy(buf + at, or, strlen(or));
	}
	return buf;
}

int
cli_check_operands(const struct kam_ctx *ctx, int argc, char **argv)
{
	const struct kam_verb *v = ctx->verb;
	int n = argc - optind;
	char name[64];

	if (v == NULL)
		return KAM_OK;
	if (n < v->min) {
		if (cli_operand_name(v, n, name, sizeof name) != NULL)
			return kam_err(KAM_USAGE, _("missing %s"), name);
		return kam_err(KAM_USAGE, _("missing operand"));
	}
	if (n > v->max)
		return kam_err(KAM_USAGE, _("unexpected '%s'"),
		               argv[optind + v->max]);
	return KAM_OK;
}

char *
cli_db_path(struct kam_ctx *ctx)
{
	const char *s;
	char *p;

	if (ctx->db != NULL)
		return xstrdup(ctx->db);
	if ((s = getenv("KAM_DB")) != NULL && *s != '\0')
		return xstrdup(s);
	if ((s = getenv("XDG_DATA_HOME")) != NULL && *s == '/') {
		xasprintf(&p, "%s/kam/kam.db", s);
		return p;
	}
	if ((s = getenv("HOME")) == NULL || *s == '\0')
		s = ".";
	xasprintf(&p, "%s/.local/share/kam/kam.db", s);
	return p;
}

/* A team store, unless the verb runs on one (CLI_TEAM). */
static int
team_refused(struct kam_ctx *ctx, const char *path)
{
	char *what;
	int rc;

	if (ctx->verb == NULL || (ctx->verb->store & CLI_TEAM))
		return KAM_OK;
	if (ctx->cmd->single != NULL)
		what = xstrdup(ctx->cmd->name);
	else
		xasprintf(&what, "%s %s", ctx->cmd->name, ctx->verb->name);
	rc = store_team_refused(path, what);
	free(what);
	return rc;
}

int
cli_open(struct kam_ctx *ctx, int mode)
{
	char *path;
	int rc;

	if (ctx->st != NULL)
		return KAM_OK;
	/*
	 * An account from the environment that cannot be one is the
	 * variable's fault, not that of the operand it would complete.
	 */
	if (ctx->account != NULL && ctx->account == getenv("KAM_ACCOUNT")) {
		char *n = handle_nfc(ctx->account);
		int ok = n != NULL && handle_valid(n);

		free(n);
		if (!ok)
			return kam_err(
			    KAM_BADENV,
			    _("invalid KAM_ACCOUNT '%s' (use letters, digits, "
			      "'.', '_' and '-', or unset it)"),
			    ctx->account);
	}
	/* Who writes goes into the history, which is shown in tables. */
	if (mode != CLI_READ) {
		const char *u = getenv("KAM_USER");

		if ((rc = text_check(NULL,
		                     u != NULL && *u != '\0' ? "KAM_USER"
		                                             : "the login name",
		                     kam_actor(), TEXT_LINE)) != KAM_OK)
			return rc;
	}
	path = cli_db_path(ctx);
	if ((rc = team_refused(ctx, path)) != KAM_OK) {
		free(path);
		return rc;
	}
	/* A writing verb's output is held until it has run (run_verb),
	 * from here; held already, it is a verb that runs again, and what
	 * it wrote before this was shown the first time. */
	if (mode != CLI_READ && store_url_is_team(path) && held.tmp != NULL) {
		if (held_err.tmp == NULL) {
			held_mark(&held, STDOUT_FILENO, stdout);
			hold(&held_err, STDERR_FILENO, stderr);
		} else {
			held_cut(&held, STDOUT_FILENO, stdout);
			held_cut(&held_err, STDERR_FILENO, stderr);
		}
	}
	/* A writing command's changes wait for its output (cli_main). */
	rc = store_open(&ctx->st, path,
	                mode == CLI_CREATE  ? STORE_CREATE | STORE_HOLD
	                : mode == CLI_WRITE ? STORE_WRITE | STORE_HOLD
	                                    : STORE_READ);
	free(path);
	return rc;
}

/*
 * ACCOUNT or ACCOUNT/DEAL (or ACCOUNT/PERSON): a bare word is an account
 * when one has that handle (or when no -a gives deals an account, or it
 * is -a's own); otherwise a deal (a person) of -a's account.
 */
static int
scope(struct kam_ctx *ctx, struct cli_subject *sj, int kind)
{
	int64_t id;

	if (strchr(sj->arg, '/') == NULL &&
	    (ctx->account == NULL || !sj->given ||
	     store_account_find(ctx->st, sj->arg, &id)))
		return store_account_id(ctx->st, sj->arg, &sj->account);
	if (kind == CLI_ACCOUNT_PERSON)
		return store_person_id(ctx->st, sj->arg, ctx->account,
		                       &sj->person);
	return store_deal_id(ctx->st, sj->arg, ctx->account, &sj->deal);
}

int
cli_subject(struct kam_ctx *ctx)
{
	const struct kam_verb *v = ctx->verb;
	struct cli_subject *sj = &ctx->subj;
	int kind = v->subject & CLI_KIND, rc;

	if ((v->store & CLI_STORE) != CLI_NOSTORE &&
	    (rc = cli_open(ctx, v->store & CLI_STORE)) != KAM_OK)
		return rc;
	memset(sj, 0, sizeof *sj);
	if (kind == CLI_NOSUBJ)
		return KAM_OK;
	if (!(v->subject & CLI_OPTIONAL) || ctx->argc - optind > v->min) {
		sj->arg = ctx->argv[optind];
		sj->given = 1;
	} else if ((sj->arg = ctx->account) == NULL) {
		if (v->subject & CLI_ALL)
			return KAM_OK;
		return cli_usage_msg(
		    ctx, kind == CLI_SCOPE
		             ? _("no account or deal given (name one, use -a "
		                 "or set KAM_ACCOUNT)")
		             : _("no account given (name one, use -a or set "
		                 "KAM_ACCOUNT)"));
	}
	switch (kind) {
	case CLI_ACCOUNT:
		return store_account_id(ctx->st, sj->arg, &sj->account);
	case CLI_PERSON:
		return store_person_id(ctx->st, sj->arg, ctx->account,
		                       &sj->person);
	case CLI_DEAL:
		rc = store_deal_id(ctx->st, sj->arg, ctx->account, &sj->deal);
		break;
	default:
		rc = scope(ctx, sj, kind);
		break;
	}
	if (rc == KAM_OK && sj->deal != 0)
		sj->account = store_deal_account(ctx->st, sj->deal);
	return rc;
}

int
cli_person(struct kam_ctx *ctx, const char *ref, int64_t *id)
{
	if (ctx->subj.account != 0)
		return store_person_id_in(ctx->st, ref, ctx->subj.account, id);
	return store_person_id(ctx->st, ref, ctx->account, id);
}

struct out *
cli_out(struct kam_ctx *ctx, int flags, const struct out_col *cols)
{
	return out_open_cols(stdout, ctx->fmt, flags, cols);
}

void
cli_out_rows(struct kam_ctx *ctx, const struct out_col *cols, const void *rows,
             size_t n, size_t size)
{
	struct out *o = cli_out(ctx, 0, cols);

	out_rows(o, rows, n, size);
	out_close(o);
}

int
cli_list(struct kam_ctx *ctx, int flags, const struct out_col *cols,
         int (*list)(struct kam_ctx *, struct out *, void *), void *arg)
{
	struct out *o = cli_out(ctx, flags, cols);
	int rc = list(ctx, o, arg);

	out_close(o);
	return rc;
}

int
cli_listing(struct kam_ctx *ctx, int argc, char **argv)
{
	const struct cli_listing *l = ctx->verb->listing;
	int rc;

	if ((rc = cli_subject(ctx)) != KAM_OK)
		return rc;
	return cli_list(ctx, l->flags, l->cols, l->list, NULL);
}

static const struct kam_verb *
find_verb(const struct kam_cmd *cmd, int argc, char **argv, int *words)
{
	const struct kam_verb *v;
	char two[256];

	if (argc >= 2) {
		snprintf(two, sizeof two, "%s %s", argv[0], argv[1]);
		for (v = cmd->verbs; v->name != NULL; v++)
			if (strcmp(v->name, two) == 0) {
				*words = 2;
				return v;
			}
	}
	for (v = cmd->verbs; v->name != NULL; v++)
		if (strcmp(v->name, argv[0]) == 0) {
			*words = 1;
			return v;
		}
	return NULL;
}

/*
 * "person -h": the usage of every verb whose first word is person, on
 * the standard output.  0 if no verb begins with that word.
 */
static int
group_help(const struct kam_cmd *cmd, int argc, char **argv)
{
	const struct kam_verb *v;
	size_t l = strlen(argv[0]);
	int n = 0;

	if (argc < 2 ||
	    (strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--help") != 0))
		return 0;
	for (v = cmd->verbs; v->name != NULL; v++)
		if (strncmp(v->name, argv[0], l) == 0 && v->name[l] == ' ')
			print_usage(stdout, cmd, v), n++;
	return n;
}

static int
unknown_verb(const struct kam_cmd *cmd, int argc, char **argv)
{
	const struct kam_verb *v, *best = NULL;
	size_t d, bestd = (size_t)-1;
	char two[256];
	int multi = 0;

	snprintf(two, sizeof two, "%s%s%s", argv[0], argc >= 2 ? " " : "",
	         argc >= 2 ? argv[1] : "");
	for (v = cmd->verbs; v->name != NULL; v++) {
		size_t l = strlen(argv[0]);

		if (strncmp(v->name, argv[0], l) == 0 && v->name[l] == ' ')
			multi = 1;
		d = kam_distance(strchr(v->name, ' ') ? two : argv[0], v->name);
		if (d < bestd) {
			bestd = d;
			best = v;
		}
	}
	if (multi && argc < 2)
		kam_err(KAM_USAGE, _("'%s' needs a verb (see '%s -h')"),
		        argv[0], cmd->name);
	else if (best != NULL && bestd <= strlen(best->name) / 3 + 1)
		kam_err(KAM_USAGE, _("unknown verb '%s' (did you mean '%s'?)"),
		        multi ? two : argv[0], best->name);
	else
		kam_err(KAM_USAGE, _("unknown verb '%s' (see '%s -h')"),
		        multi ? two : argv[0], cmd->name);
	return KAM_USAGE;
}

/*
 * "criteria ad": a verb of one word that takes no operand, given a word
 * near the second word of a verb that begins with it, is that verb
 * mistyped; reported, 1.
 */
static int
mistyped_verb(const struct kam_cmd *cmd, const struct kam_verb *v, int argc,
              char **argv)
{
	const struct kam_verb *w;
	size_t l = strlen(v->name);

	if (v->max != 0 || argc < 2 || argv[1][0] == '-')
		return 0;
	for (w = cmd->verbs; w->name != NULL; w++)
		if (strncmp(w->name, v->name, l) == 0 && w->name[l] == ' ' &&
		    kam_distance(argv[1], w->name + l + 1) <= 2) {
			char *two;

			xasprintf(&two, "%s %s", v->name, argv[1]);
			kam_err(KAM_USAGE,
			        _("unknown verb '%s' (did you mean '%s'?)"),
			        two, w->name);
			free(two);
			return 1;
		}
	return 0;
}

const struct option cli_top_long[] = {
    {"account", required_argument, NULL, 'a'},
    {"db", required_argument, NULL, 'd'},
    {"format", required_argument, NULL, 'F'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/*
 * Runs the verb; on a team store, again (from its start, up to
 * CLI_TRIES times) when it met a serialisation failure or a deadlock,
 * which it then rolled back, its output dropped (held_cut).
 */
static int
run_verb(struct kam_ctx *ctx, int argc, char **argv)
{
	struct kam_ctx start = *ctx;
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	off_t in = ftello(stdin);
	int rc, tries;

	memcpy(args, argv, (size_t)argc * sizeof *args);
	for (tries = 1;; tries++) {
		optind = 0;
		rc = exec_verb(ctx, argc, argv);
		if (held_err.tmp == NULL)
			break;
		/* Standard output streamed already (cli_stream) cannot be
		 * taken back. */
		if (tries == CLI_TRIES || ctx->st == NULL || held.tmp == NULL ||
		    !store_retryable(ctx->st) || !input_rewound(in) ||
		    !held_cut(&held, STDOUT_FILENO, stdout) ||
		    !held_cut(&held_err, STDERR_FILENO, stderr)) {
			unhold(&held_err, STDERR_FILENO, stderr, 1);
			break;
		}
		store_finish(ctx->st, 0);
		store_close(ctx->st);
		*ctx = start;
		/* getopt moved the operands after the options. */
		memcpy(argv, args, (size_t)argc * sizeof *args);
		retry_pause(tries);
	}
	free(args);
	return rc;
}

int
cli_stream(struct kam_ctx *ctx)
{
	(void)ctx;
	return release_stdout(&held, 1);
}

/*
 * The command's own options, then its verb, into ctx; argc and argv are
 * left at the verb's name.  Returns -1 when a verb is to run, else the
 * command's exit status (after -h, -V, help or a fault).
 */
static int
pick_verb(const struct kam_cmd *cmd, struct kam_ctx *ctx, int *argcp,
          char ***argvp)
{
	int argc = *argcp, c, k, words = 1, i;
	char **argv = *argvp;

	if (cmd->single == NULL) {
		opterr = 0;
		while ((c = getopt_long(argc, argv, "+:a:d:F:hV", cli_top_long,
		                        NULL)) != -1) {
			if ((k = common_opt(ctx, c)) < 0)
				return KAM_USAGE;
			if (k > 0)
				continue;
			switch (c) {
			case 'h':
				print_usage(stdout, cmd, NULL);
				return out_finish_stdout();
			case 'V':
				cli_version(cmd->name);
				return out_finish_stdout();
			default: /* ':' or '?' */
				cli_option_refused(c, argv);
				print_usage(stderr, cmd, NULL);
				return KAM_USAGE;
			}
		}
		argc -= optind;
		argv += optind;
		if (argc == 0) {
			kam_err(KAM_USAGE, _("no verb given"));
			print_usage(stderr, cmd, NULL);
			return KAM_USAGE;
		}
		if (strcmp(argv[0], "help") == 0) {
			print_usage(stdout, cmd, NULL);
			return out_finish_stdout();
		}
		if ((ctx->verb = find_verb(cmd, argc, argv, &words)) == NULL) {
			if (group_help(cmd, argc, argv))
				return out_finish_stdout();
			return unknown_verb(cmd, argc, argv);
		}
		if (words == 1 && mistyped_verb(cmd, ctx->verb, argc, argv))
			return KAM_USAGE;
		/* argv[0] becomes the verb's name for getopt. */
		*argcp = argc - (words - 1);
		*argvp = argv + (words - 1);
	} else {
		ctx->verb = cmd->single;
		for (i = 1; i < argc; i++) {
			if (strcmp(argv[i], "--") == 0)
				break;
			if (strcmp(argv[i], "-V") == 0 ||
			    strcmp(argv[i], "--version") == 0) {
				cli_version(cmd->name);
				return out_finish_stdout();
			}
		}
	}
	return -1;
}

/*
 * A command is a short process that builds large arrays, frees them and
 * builds the next: an import holds every row, sorts them, indexes them
 * and walks their reporting lines.  By default the C library maps a
 * block above a threshold (at first 128 KiB, raised as such blocks are
 * freed) on its own, hands it back to the system when it is freed, and
 * maps new memory for the next; every page of new memory costs a fault
 * (on a virtual machine, 10 to 20 microseconds a page).  With the
 * threshold at 32 MiB from the start (what every version of the C library
 * accepts), freed blocks stay in the process for the next one, until it
 * ends: an import of 100,000 people took a twentieth less time, measured
 * beside the build without it (tests/bench/notes.md).
 */
static void
keep_freed_memory(void)
{
#ifdef M_MMAP_THRESHOLD
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

int
cli_main(const struct kam_cmd *cmd, int argc, char **argv)
{
	struct kam_ctx ctx;
	int rc, ok, io;

	store_init_library();
	keep_freed_memory();

	kam_locale_init();
	kam_progname = cmd->name;
	kam_sigpipe_default();
	memset(&ctx, 0, sizeof ctx);
	ctx.cmd = cmd;
	ctx.account = getenv("KAM_ACCOUNT");
	if (ctx.account != NULL && *ctx.account == '\0')
		ctx.account = NULL;
	ctx.fmt = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV;

	if ((rc = pick_verb(cmd, &ctx, &argc, &argv)) >= 0)
		return rc;
	if ((rc = kam_clock_check()) != KAM_OK)
		return rc;
	hold_stdout(&held);
	rc = run_verb(&ctx, argc, argv);
	/* A failed read or statement underneath fails the command. */
	if (ctx.st != NULL && store_failed(ctx.st) != KAM_OK)
		rc = store_failed(ctx.st);
	/*
	 * A command that reports failure has changed nothing and printed
	 * nothing: its output is written and checked first, and only then
	 * is what it changed committed (or, if either failed, rolled back).
	 */
	ok = rc == KAM_OK || rc == KAM_FALSE || rc >= KAM_VERDICT_LIMITED;
	if ((io = release_stdout(&held, ok)) != KAM_OK && ok) {
		rc = io;
		ok = 0;
	}
	if (ctx.st != NULL) {
		if ((io = store_finish(ctx.st, ok)) != KAM_OK && ok)
			rc = io;
		store_close(ctx.st);
	}
	return rc;
}

void
cli_import_summary(struct kam_ctx *ctx, const struct import_counts *n)
{
#define C(f) OUT_COL(struct import_counts, f, #f, OUT_C_LONG)
	static const struct out_col cols[] = {C(added),   C(changed),
	                                      C(left),    C(unchanged),
	                                      C(skipped), OUT_COL_END};
#undef C
	struct out *o;

	if (ctx->fmt == OUT_JSON) {
		o = cli_out(ctx, OUT_OBJECT, cols);
		out_row(o, n);
		out_close(o);
	} else
		import_summary(stdout, n);
}

void
cli_warn_unseen(long long unseen)
{
	if (unseen > 0)
		kam_warn(_("%lld observations of accounts that '%s' may not "
		           "see (other teams') were not verified, only their "
		           "links in the chain: a role that sees every team "
		           "verifies them all"),
		         unseen, kam_actor());
}
