/*
 * kam: the front command.  "kam org ARGS" runs "kam-org ARGS", git style;
 * "kam help [COMMAND]" shows a manual page or a command's usage.  It
 * looks for kam-org first next to itself (so a build tree works without
 * installing), then in the configured bindir, then on $PATH.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kam/cli.h"
#include "kam/copy.h"
#include "kam/kam.h"
#include "kam/out.h"

#ifndef KAM_BINDIR
#define KAM_BINDIR "/usr/local/bin"
#endif

static const struct {
	const char *name, *summary;
} commands[] = {
    {"org", N_("the client's organisation: rank, reporting lines, roles")},
    {"stance", N_("stakeholders' stances over time, with an audit trail")},
    {"gate", N_("the four-gate assessment of a deal, explained")},
    {"map", N_("diagrams of the client's influence structure")},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *fp)
{
	size_t i;

	/* TRANSLATORS: keep the synopses' words (kam, help, COMMAND, ARG)
	   as they are, and line the later lines up under the first. */
	fputs(
	    _("usage: kam [-d DB] [-a ACCOUNT] [-F FORMAT] COMMAND [ARG ...]\n"
	      "       kam help [COMMAND]\n"
	      "       kam -h | -V\n"),
	    fp);
	fputs(_("       kam copy --from STORE --to STORE [ACCOUNT ...]\n"), fp);
	fprintf(fp, "\n%s\n\n%s\n",
	        _("Key-account management: one store, four commands."),
	        _("commands:"));
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-8s %s\n", commands[i].name,
		        _(commands[i].summary));
	fprintf(fp, "\n%s\n%s\n\n%s\n",
	        _("'kam COMMAND ARGS' runs 'kam-COMMAND ARGS'; "
	          "'kam help COMMAND' shows its manual."),
	        _("'kam copy' copies accounts with their history from one "
	          "store to another."),
	        _("options:"));
	fputs(_("  -a, --account ACCOUNT   passed on to the command\n"
	        "  -d, --db PATH           passed on to the command\n"
	        "  -F, --format FORMAT     passed on to the command\n"
	        "  -h, --help              this help\n"
	        "  -V, --version           the version\n"),
	      fp);
	fprintf(fp, "\n%s\n", _("See kam(1) and kam(7)."));
}

/* The known command NAME, or NULL after reporting it as unknown. */
static const char *
find_command(const char *name)
{
	size_t i, d, bestd = (size_t)-1;
	const char *best = NULL;

	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].name;
		/* Accept the full program name too: "kam help kam-org". */
		if (strncmp(name, "kam-", 4) == 0 &&
		    strcmp(commands[i].name, name + 4) == 0)
			return commands[i].name;
		d = kam_distance(name, commands[i].name);
		if (d < bestd) {
			bestd = d;
			best = commands[i].name;
		}
	}
	if (best != NULL && bestd <= 2)
		kam_err(KAM_USAGE,
		        _("unknown command '%s' (did you mean '%s'?)"), name,
		        best);
	else
		kam_err(KAM_USAGE, _("unknown command '%s' (see 'kam -h')"),
		        name);
	return NULL;
}

/* The directory this program was run from, or NULL. */
static char *
self_dir(const char *argv0)
{
	char path[PATH_MAX], *slash;
	ssize_t n;

	n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n > 0)
		path[n] = '\0';
	else if (argv0 != NULL && strchr(argv0, '/') != NULL &&
	         strlen(argv0) < sizeof path)
		strcpy(path, argv0);
	else
		return NULL;
	if ((slash = strrchr(path, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(path[0] != '\0' ? path : "/");
}

/*
 * Replaces this process with kam-NAME, the common options kam was given
 * (pass: "-d", DB, ..., NULL-terminated) and ARGV after its first;
 * returns only on failure, with a kam status.
 */
static int
run_command(const char *argv0, const char *name, char **pass, char **args)
{
	char *prog, *path, *dir, **argv;
	size_t n = 0, k = 0, i;
	int err = ENOENT;

	while (pass[n] != NULL)
		n++;
	for (i = 1; args[i] != NULL; i++)
		;
	argv = xcalloc(n + i + 1, sizeof *argv);
	xasprintf(&prog, "kam-%s", name);
	argv[k++] = prog;
	for (i = 0; i < n; i++)
		argv[k++] = pass[i];
	for (i = 1; args[i] != NULL; i++)
		argv[k++] = args[i];
	argv[k] = NULL;
	fflush(stdout);
	if ((dir = self_dir(argv0)) != NULL) {
		xasprintf(&path, "%s/%s", dir, prog);
		if (access(path, X_OK) == 0) {
			execv(path, argv);
			err = errno;
		}
		free(path);
		free(dir);
	}
	xasprintf(&path, "%s/%s", KAM_BINDIR, prog);
	if (access(path, X_OK) == 0) {
		execv(path, argv);
		err = errno;
	}
	free(path);
	execvp(prog, argv);
	if (errno != ENOENT)
		err = errno;
	kam_err(KAM_IO, _("cannot run '%s': %s"), prog, strerror(err));
	free(argv);
	free(prog);
	return KAM_IO;
}

/*
 * kam help COMMAND: the manual page when a person is reading (stdout is
 * a terminal and man(1) has the page), else the command's usage.
 */
static int
help(const char *argv0, const char *name)
{
	char *page, *args[3];
	pid_t pid;
	int status;

	if (isatty(STDOUT_FILENO)) {
		xasprintf(&page, "kam-%s", name);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			/* The child keeps quiet: the usage follows if it fails.
			 */
			if (freopen("/dev/null", "w", stderr) == NULL)
				_exit(127);
			execlp("man", "man", page, (char *)NULL);
			_exit(127);
		}
		free(page);
		if (pid > 0 && waitpid(pid, &status, 0) == pid &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 0)
			return KAM_OK;
	}
	args[0] = NULL;
	args[1] = "-h";
	args[2] = NULL;
	return run_command(argv0, name, args + 2, args);
}

/* kam help [COMMAND]: kam's usage, or a command's manual. */
static int
help_verb(const char *argv0, int argc, char **argv)
{
	const char *name;

	if (argc == 1) {
		usage(stdout);
		return out_finish_stdout();
	}
	if (argc > 2) {
		kam_err(KAM_USAGE, _("help takes one COMMAND"));
		usage(stderr);
		return KAM_USAGE;
	}
	if (strcmp(argv[1], "kam") == 0) {
		usage(stdout);
		return out_finish_stdout();
	}
	if ((name = find_command(argv[1])) == NULL)
		return KAM_USAGE;
	return help(argv0, name);
}

/* kam copy's options, read by the frame (cli.h) as a verb's are. */
struct copy_opts {
	const char *from, *to;
};
#define CO(f) CLI_AT(struct copy_opts, f)
static const struct cli_opt copy_opts[] = {
    {.name = "from",
     .kind = CLI_STR,
     CO(from),
     .required = N_("copy needs --from STORE and --to STORE")},
    {.name = "to",
     .kind = CLI_STR,
     CO(to),
     .required = N_("copy needs --from STORE and --to STORE")},
    {.name = NULL}};
#undef CO

static const struct kam_verb copy = {
    "copy",
    "copy --from STORE --to STORE [ACCOUNT ...]",
    "",
    NULL,
    0,
    CLI_MANY,
    CLI_NOSUBJ,
    CLI_NOSTORE | CLI_NOCOMMON,
    CLI_OPTS(copy_opts, struct copy_opts)};
static const struct kam_cmd kam_cmd = {"kam", "", NULL, &copy};

/*
 * kam copy --from STORE --to STORE [ACCOUNT...]: the accounts (all of
 * the source's when none is named) with their history; given says
 * whether kam had -a, -d or -F, which copy does not take.
 */
static int
copy_verb(int argc, char **argv, int given)
{
	struct kam_ctx ctx;
	const struct copy_opts *o;
	struct copy_summary s;
	int rc;

	memset(&ctx, 0, sizeof ctx);
	ctx.cmd = &kam_cmd;
	ctx.verb = &copy;
	optind = 0; /* GNU getopt: start again */
	if ((rc = cli_options(&ctx, argc, argv)) != KAM_OK)
		goto done;
	o = ctx.opts;
	if (given) {
		kam_err(KAM_USAGE, _("copy takes its stores from --from and "
		                     "--to, and no -a, -d or -F"));
		rc = cli_usage(&ctx);
		goto done;
	}
	if ((rc = kam_copy(o->from, o->to, argv + optind,
	                   (size_t)(argc - optind), &s)) != KAM_OK)
		goto done;
	cli_warn_unseen((long long)s.unseen);
	printf(_("copied %s from '%s' to '%s'\n"), s.accounts, s.from, s.to);
	printf(_("observations chained anew: %ld\n"), s.observations);
	printf(_("the source's chain: %ld rows, head %s\n"), s.source_rows,
	       s.source_head);
	copy_summary_free(&s);
	rc = out_finish_stdout();
done:
	cli_options_free(&ctx);
	return rc;
}

int
main(int argc, char **argv)
{
	static const char *const flags[] = {"-a", "-d", "-F"};
	/* The common options, passed on as the command would take them. */
	char *pass[7] = {NULL};
	const char *argv0 = argv[0], *name;
	size_t npass = 0, i;
	int c;

	kam_locale_init();
	kam_progname = "kam";
	kam_sigpipe_default();
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:d:F:hV", cli_top_long,
	                        NULL)) != -1) {
		switch (c) {
		case 'a':
		case 'd':
		case 'F':
			/* Given twice, the last wins, as in the command. */
			i = c == 'a' ? 0 : c == 'd' ? 1 : 2;
			pass[2 * i] = (char *)flags[i];
			pass[2 * i + 1] = optarg;
			break;
		case 'h':
			usage(stdout);
			return out_finish_stdout();
		case 'V':
			cli_version("kam");
			return out_finish_stdout();
		default: /* ':' or '?' */
			cli_option_refused(c, argv);
			usage(stderr);
			return KAM_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		kam_err(KAM_USAGE, _("no command given"));
		usage(stderr);
		return KAM_USAGE;
	}
	if (strcmp(argv[0], "help") == 0)
		return help_verb(argv0, argc, argv);
	if (strcmp(argv[0], "copy") == 0)
		return copy_verb(argc, argv,
		                 pass[0] != NULL || pass[2] != NULL ||
		                     pass[4] != NULL);
	if ((name = find_command(argv[0])) == NULL)
		return KAM_USAGE;
	/* pass without its gaps: the options not given. */
	for (i = 0; i < 6; i++)
		if (pass[i] != NULL)
			pass[npass++] = pass[i];
	pass[npass] = NULL;
	return run_command(argv0, name, pass, argv);
}
