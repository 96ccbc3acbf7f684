/*
 * Unit tests of the command-line frame (cli.c): the operand names a
 * verb's usage gives, the operand counts its row declares, and the one
 * resolver of a verb's subject (account, deal, person, ACCOUNT or
 * ACCOUNT/DEAL), each fault with its one message, on a store of its own;
 * the loop over a verb's declared options, each kind with its value and
 * its fault.
 */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/cli.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "store-int.h"
#include "unit.h"

static char dir[64];
static char path[128];
static char errpath[128];
static int saved_stderr = -1;
static struct kam_ctx ctx;

static int
verb_exec(struct kam_ctx *c, int argc, char **argv)
{
	(void)c;
	(void)argc;
	(void)argv;
	return KAM_OK;
}

static const struct kam_cmd cmd = {"kam-test", "a test", NULL, NULL};

/* stderr goes into a file while a test looks at the messages. */
static void
capture(void)
{
	int fd;

	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

/* Restores stderr and returns its first line (static buffer). */
static const char *
captured(void)
{
	static char text[4096];
	FILE *fp;
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	fp = fopen(errpath, "r");
	ck_assert_ptr_nonnull(fp);
	n = fread(text, 1, sizeof text - 1, fp);
	text[n] = '\0';
	fclose(fp);
	text[strcspn(text, "\n")] = '\0';
	return text;
}

static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/check_cli.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	kam_progname = "kam-test";
	setenv("KAM_NOW", "2026-03-02T09:00:00Z", 1);
	setenv("KAM_USER", "tester", 1);
	unsetenv("KAM_ACCOUNT");
	memset(&ctx, 0, sizeof ctx);
	ctx.cmd = &cmd;
	ctx.db = path;
}

static void
teardown(void)
{
	char c[128];

	if (ctx.st != NULL)
		store_close(ctx.st);
	ctx.st = NULL;
	snprintf(c, sizeof c, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(c), 0);
}

/* A store with accounts acme and beta, a deal acme/erp, a deal beta/acme
 * (a deal's handle that is also an account's), people acme/chen and
 * beta/li. */
static void
setup_store(void)
{
	struct store *st;
	char *err = NULL;

	setup();
	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	if (sqlite3_exec(
	        store_db(st),
	        "INSERT INTO account (id, handle, name, created) VALUES "
	        "(1, 'acme', 'Acme', '2026-01-01'), "
	        "(2, 'beta', 'Beta', '2026-01-01');"
	        "INSERT INTO deal (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'erp', 'ERP', '2026-01-01'), "
	        "(2, 2, 'acme', 'Acme deal', '2026-01-01');"
	        "INSERT INTO person (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'chen', 'Chen', '2026-01-01'), "
	        "(2, 2, 'li', 'Li', '2026-01-01');",
	        NULL, NULL, &err) != SQLITE_OK)
		ck_abort_msg("%s", err);
	store_close(st);
}

/* Runs cli_subject for a verb of this kind over these operands. */
static int
subject(int kind, int min, int max, const char *account, int argc, char **argv)
{
	static struct kam_verb v;

	v.name = "verb";
	v.usage = "verb X";
	v.summary = "";
	v.exec = verb_exec;
	v.min = min;
	v.max = max;
	v.subject = kind;
	v.store = CLI_READ;
	ctx.verb = &v;
	ctx.account = account;
	ctx.argc = argc;
	ctx.argv = argv;
	optind = 1; /* as cli_getopt leaves it: after the verb */
	return cli_subject(&ctx);
}

static const char *
name_of(const char *verb, const char *usage, int n)
{
	static char buf[64];
	struct kam_verb v = {verb, usage, "", verb_exec,  0,
	                     0,    0,     0,  CLI_NO_OPTS};

	return cli_operand_name(&v, n, buf, sizeof buf);
}

START_TEST(test_operand_names)
{
	ck_assert_str_eq(
	    name_of("seller add", "seller add HANDLE --name NAME", 0),
	    "HANDLE");
	ck_assert_ptr_null(
	    name_of("seller add", "seller add HANDLE --name NAME", 1));
	ck_assert_str_eq(name_of("role", "role DEAL PERSON ROLE [--lead]", 2),
	                 "ROLE");
	/* An optional operand is not a required one; a file is a FILE. */
	ck_assert_str_eq(
	    name_of("import", "import [ACCOUNT] FILE.csv [--kind people]", 0),
	    "FILE");
	ck_assert_str_eq(name_of("diff", "diff DEAL [RUN RUN]", 0), "DEAL");
	ck_assert_ptr_null(name_of("diff", "diff DEAL [RUN RUN]", 1));
	/* Options and their values are not operands. */
	ck_assert_str_eq(name_of("link",
	                         "link FROM TO --kind influences|advises "
	                         "[--on DATE]",
	                         1),
	                 "TO");
	ck_assert_ptr_null(name_of("link",
	                           "link FROM TO --kind influences|advises "
	                           "[--on DATE]",
	                           2));
	ck_assert_ptr_null(
	    name_of("deal close", "deal close DEAL --won|--lost --on DATE", 1));
	/* Alternatives read as words; the usage of a command without verbs
	 * does not repeat a name. */
	ck_assert_str_eq(name_of("map",
	                         "[-a ACCOUNT] [-o FILE]\n"
	                         "               [--view org|all]\n"
	                         "               ACCOUNT|DEAL\n",
	                         0),
	                 "ACCOUNT or DEAL");
	/* A name the usage merely begins with is not the verb's. */
	ck_assert_str_eq(name_of("log", "logs PERSON", 0), "logs");
}
END_TEST

static int
count_check(int min, int max, int argc, char **argv)
{
	static struct kam_verb v;

	v.name = "role";
	v.usage = "role DEAL PERSON ROLE [--lead]";
	v.exec = verb_exec;
	v.min = min;
	v.max = max;
	ctx.verb = &v;
	optind = 1;
	return cli_check_operands(&ctx, argc, argv);
}

START_TEST(test_operand_counts)
{
	char *argv[] = {"role", "erp", "chen", "coach", "extra", NULL};

	/* Each count at the limits and on both sides of them. */
	capture();
	ck_assert_int_eq(count_check(3, 3, 3, argv + 0), KAM_USAGE);
	ck_assert_str_eq(captured(), "kam-test: missing ROLE");
	capture();
	ck_assert_int_eq(count_check(3, 3, 1, argv + 0), KAM_USAGE);
	ck_assert_str_eq(captured(), "kam-test: missing DEAL");
	ck_assert_int_eq(count_check(3, 3, 4, argv), KAM_OK);
	capture();
	ck_assert_int_eq(count_check(3, 3, 5, argv), KAM_USAGE);
	ck_assert_str_eq(captured(), "kam-test: unexpected 'extra'");
	ck_assert_int_eq(count_check(0, CLI_MANY, 5, argv), KAM_OK);
	ck_assert_int_eq(count_check(0, 4, 5, argv), KAM_OK);
	/* Without a name in the usage, the operand is still missing. */
	capture();
	ck_assert_int_eq(count_check(4, 4, 4, argv), KAM_USAGE);
	ck_assert_str_eq(captured(), "kam-test: missing operand");
}
END_TEST

/* cli_getopt checks the counts when the options end. */
START_TEST(test_getopt_counts)
{
	static struct kam_verb v = {"seller add",
	                            "seller add HANDLE --name NAME",
	                            "",
	                            verb_exec,
	                            1,
	                            1,
	                            CLI_NOSUBJ,
	                            CLI_WRITE,
	                            CLI_NO_OPTS};
	static const struct option lo[] = {
	    {"name", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
	char *a1[] = {"seller add", "--name", "Ana", NULL};
	char *a2[] = {"seller add", "--name", "Ana", "ana", NULL};
	char *a3[] = {"seller add", "ana", "--name", "Ana", "bob", NULL};
	int c;

	ctx.verb = &v;
	optind = 0;
	capture();
	while ((c = cli_getopt(&ctx, 3, a1, "", lo)) == 'n')
		;
	ck_assert_int_eq(c, '?');
	ck_assert_str_eq(captured(), "kam-test: missing HANDLE");
	optind = 0;
	while ((c = cli_getopt(&ctx, 4, a2, "", lo)) == 'n')
		;
	ck_assert_int_eq(c, -1);
	ck_assert_int_eq(ctx.argc, 4);
	ck_assert_str_eq(ctx.argv[optind], "ana");
	optind = 0;
	capture();
	while ((c = cli_getopt(&ctx, 5, a3, "", lo)) == 'n')
		;
	ck_assert_int_eq(c, '?');
	ck_assert_str_eq(captured(), "kam-test: unexpected 'bob'");
}
END_TEST

START_TEST(test_subject_account)
{
	char *one[] = {"verb", "acme"}, *typo[] = {"verb", "acne"};
	char *none[] = {"verb"};

	ck_assert_int_eq(subject(CLI_ACCOUNT, 1, 1, NULL, 2, one), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 1);
	ck_assert_int_eq(ctx.subj.given, 1);
	capture();
	ck_assert_int_eq(subject(CLI_ACCOUNT, 1, 1, NULL, 2, typo),
	                 KAM_NOTFOUND);
	ck_assert_str_eq(captured(),
	                 "kam-test: unknown account 'acne' (did you mean "
	                 "'acme'?)");
	/* Optional: -a's account, else a usage error, or everything. */
	ck_assert_int_eq(
	    subject(CLI_ACCOUNT | CLI_OPTIONAL, 0, 1, "beta", 1, none), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.given, 0);
	capture();
	ck_assert_int_eq(
	    subject(CLI_ACCOUNT | CLI_OPTIONAL, 0, 1, NULL, 1, none),
	    KAM_USAGE);
	ck_assert_str_eq(captured(), "kam-test: no account given (name one, "
	                             "use -a or set KAM_ACCOUNT)");
	ck_assert_int_eq(
	    subject(CLI_ACCOUNT | CLI_OPTIONAL | CLI_ALL, 0, 1, NULL, 1, none),
	    KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 0);
	ck_assert_ptr_null(ctx.subj.arg);
	/* An optional operand before a required one: there when more than
	 * min operands are. */
	{
		char *imp[] = {"verb", "beta", "file.csv"};
		char *imp1[] = {"verb", "file.csv"};

		ck_assert_int_eq(
		    subject(CLI_ACCOUNT | CLI_OPTIONAL, 1, 2, "acme", 3, imp),
		    KAM_OK);
		ck_assert_int_eq(ctx.subj.account, 2);
		ck_assert_int_eq(
		    subject(CLI_ACCOUNT | CLI_OPTIONAL, 1, 2, "acme", 2, imp1),
		    KAM_OK);
		ck_assert_int_eq(ctx.subj.account, 1);
	}
}
END_TEST

START_TEST(test_subject_deal_person)
{
	char *deal[] = {"verb", "acme/erp"}, *bare[] = {"verb", "erp"};
	char *typo[] = {"verb", "acme/epr"}, *who[] = {"verb", "chen"};
	char *nobody[] = {"verb", "acme/chne"};

	ck_assert_int_eq(subject(CLI_DEAL, 1, 1, NULL, 2, deal), KAM_OK);
	ck_assert_int_eq(ctx.subj.deal, 1);
	ck_assert_int_eq(ctx.subj.account, 1);
	ck_assert_int_eq(subject(CLI_DEAL, 1, 1, "acme", 2, bare), KAM_OK);
	ck_assert_int_eq(ctx.subj.deal, 1);
	capture();
	ck_assert_int_eq(subject(CLI_DEAL, 1, 1, NULL, 2, typo), KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown deal 'acme/epr' (did "
	                             "you mean 'acme/erp'?)");
	capture();
	ck_assert_int_eq(subject(CLI_DEAL, 1, 1, NULL, 2, bare), KAM_USAGE);
	ck_assert_str_eq(captured(),
	                 "kam-test: deal 'erp' needs an account: write "
	                 "ACCOUNT/erp, give -a ACCOUNT or set KAM_ACCOUNT");
	ck_assert_int_eq(subject(CLI_PERSON, 1, 1, "acme", 2, who), KAM_OK);
	ck_assert_int_eq(ctx.subj.person, 1);
	capture();
	ck_assert_int_eq(subject(CLI_PERSON, 1, 1, NULL, 2, nobody),
	                 KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown person 'acme/chne' "
	                             "(did you mean 'acme/chen'?)");
}
END_TEST

/*
 * cli_person: a later operand naming a person, read as cli_subject reads
 * one, bare handles of the subject deal's account when the subject is a
 * deal, else of -a's.
 */
START_TEST(test_cli_person)
{
	char *deal[] = {"verb", "beta/acme"}, *who[] = {"verb", "acme/chen"};
	int64_t id = 0;

	ck_assert_int_eq(subject(CLI_DEAL, 1, 1, "acme", 2, deal), KAM_OK);
	ck_assert_int_eq(cli_person(&ctx, "li", &id), KAM_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(cli_person(&ctx, "acme/chen", &id), KAM_OK);
	ck_assert_int_eq(id, 1);
	capture();
	ck_assert_int_eq(cli_person(&ctx, "chen", &id), KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown person 'beta/chen'");
	ck_assert_int_eq(subject(CLI_PERSON, 1, 1, "beta", 2, who), KAM_OK);
	ck_assert_int_eq(ctx.subj.person, 1);
	ck_assert_int_eq(cli_person(&ctx, "li", &id), KAM_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(subject(CLI_PERSON, 1, 1, NULL, 2, who), KAM_OK);
	capture();
	ck_assert_int_eq(cli_person(&ctx, "li", &id), KAM_USAGE);
	ck_assert_str_eq(captured(),
	                 "kam-test: person 'li' needs an account: write "
	                 "ACCOUNT/li, give -a ACCOUNT or set KAM_ACCOUNT");
}
END_TEST

START_TEST(test_subject_scope)
{
	char *acct[] = {"verb", "beta"}, *deal[] = {"verb", "acme/erp"};
	char *bare[] = {"verb", "erp"}, *both[] = {"verb", "acme"};
	char *none[] = {"verb"}, *typo[] = {"verb", "acne"};

	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, NULL, 2, acct), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.deal, 0);
	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, NULL, 2, deal), KAM_OK);
	ck_assert_int_eq(ctx.subj.deal, 1);
	ck_assert_int_eq(ctx.subj.account, 1);
	/* A bare word: a deal of -a's account unless an account has it. */
	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, "acme", 2, bare), KAM_OK);
	ck_assert_int_eq(ctx.subj.deal, 1);
	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, "beta", 2, both), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 1);
	ck_assert_int_eq(ctx.subj.deal, 0);
	/* Without -a, a bare word is an account. */
	capture();
	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, NULL, 2, bare), KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown account 'erp' (did you "
	                             "mean 'beta'?)");
	capture();
	ck_assert_int_eq(subject(CLI_SCOPE, 1, 1, "acme", 2, typo),
	                 KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown deal 'acme/acne'");
	/* Left out: -a's account (never a deal), else a usage error. */
	ck_assert_int_eq(
	    subject(CLI_SCOPE | CLI_OPTIONAL, 0, 1, "beta", 1, none), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.deal, 0);
	capture();
	ck_assert_int_eq(subject(CLI_SCOPE | CLI_OPTIONAL, 0, 1, NULL, 1, none),
	                 KAM_USAGE);
	ck_assert_str_eq(captured(),
	                 "kam-test: no account or deal given (name one, use -a "
	                 "or set KAM_ACCOUNT)");
}
END_TEST

/* ACCOUNT or ACCOUNT/PERSON reads a bare word as CLI_SCOPE does. */
START_TEST(test_subject_account_person)
{
	char *acct[] = {"verb", "beta"}, *who[] = {"verb", "acme/chen"};
	char *bare[] = {"verb", "chen"}, *none[] = {"verb"};
	int kind = CLI_ACCOUNT_PERSON | CLI_OPTIONAL | CLI_ALL;

	ck_assert_int_eq(subject(kind, 0, 1, NULL, 2, acct), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.person, 0);
	ck_assert_int_eq(subject(kind, 0, 1, NULL, 2, who), KAM_OK);
	ck_assert_int_eq(ctx.subj.person, 1);
	ck_assert_int_eq(subject(kind, 0, 1, "acme", 2, bare), KAM_OK);
	ck_assert_int_eq(ctx.subj.person, 1);
	ck_assert_int_eq(subject(kind, 0, 1, "beta", 1, none), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.person, 0);
	ck_assert_int_eq(subject(kind, 0, 1, NULL, 1, none), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 0);
	/* An account's handle wins over -a's person. */
	ck_assert_int_eq(subject(kind, 0, 1, "acme", 2, acct), KAM_OK);
	ck_assert_int_eq(ctx.subj.account, 2);
	ck_assert_int_eq(ctx.subj.person, 0);
	capture();
	ck_assert_int_eq(subject(kind, 0, 1, NULL, 2, bare), KAM_NOTFOUND);
	ck_assert_str_eq(captured(), "kam-test: unknown account 'chen' (did "
	                             "you mean 'acme'?)");
}
END_TEST

/* A verb without a store never opens one, even a missing one. */
START_TEST(test_subject_store)
{
	static struct kam_verb v = {"verb",     "verb",      "",
	                            verb_exec,  0,           0,
	                            CLI_NOSUBJ, CLI_NOSTORE, CLI_NO_OPTS};

	ctx.verb = &v;
	ck_assert_int_eq(cli_subject(&ctx), KAM_OK);
	ck_assert_ptr_null(ctx.st);
	v.store = CLI_READ;
	capture();
	ck_assert_int_eq(cli_subject(&ctx), KAM_NOSTORE);
	captured();
	ck_assert_ptr_null(ctx.st);
}
END_TEST

/*
 * A team store (a postgresql:// URL) is refused, naming the verb and
 * without the password, by a verb without CLI_TEAM, before connecting;
 * a verb with it connects (here to a port where nothing listens).
 */
START_TEST(test_subject_team)
{
	static struct kam_verb v = {
	    "person list", "person list", "",         verb_exec, 0, 0,
	    CLI_NOSUBJ,    CLI_READ,      CLI_NO_OPTS};

	ctx.verb = &v;
	ctx.db = "postgresql://kam:secret@127.0.0.1:1/kam";
	capture();
	ck_assert_int_eq(cli_subject(&ctx), KAM_NOTBUILT);
	ck_assert_str_eq(captured(),
	                 "kam-test: 'postgresql://kam@127.0.0.1:1/kam' is a "
	                 "team store (PostgreSQL), on which 'kam-test person "
	                 "list' does not run (kam(7), THE TEAM STORE): give a "
	                 "file path");
	ck_assert_ptr_null(ctx.st);
	v.store = CLI_READ | CLI_TEAM;
	capture();
	ck_assert_int_eq(cli_subject(&ctx), KAM_IO);
	ck_assert(strncmp(captured(),
	                  "kam-test: cannot open store "
	                  "'postgresql://kam@127.0.0.1:1/kam': ",
	                  63) == 0);
	ck_assert_ptr_null(ctx.st);
	/* The flag changes nothing for a store file. */
	ctx.db = path;
	capture();
	ck_assert_int_eq(cli_subject(&ctx), KAM_NOSTORE);
	captured();
	v.store = CLI_READ;
	ck_assert_int_eq(store_team_refused(path, "kam-test person list"),
	                 KAM_OK);
	ck_assert(!store_url_is_team(path));
	ck_assert(store_url_is_team("POSTGRES://h/db"));
}
END_TEST

/* A verb that declares an option of every kind (struct cli_opt). */
struct all_opts {
	const char *str, *text, *free, *date, *past, *call, *word, *out;
	const char *name, *why, *vocab;
	struct date_span span;
	struct cli_list other, every;
	long num, big;
	int set, count;
	struct cli_list list;
};

/* A CLI_CALL's parse: upper case only, into the value's place. */
static int
upper_only(const char *arg, void *dst)
{
	const char *p;

	for (p = arg; *p; p++)
		if (*p < 'A' || *p > 'Z')
			return kam_err(KAM_DATA, "'%s' is not upper case", arg);
	*(const char **)dst = arg;
	return KAM_OK;
}

/* A CLI_LIST's parse: no empty value. */
static int
not_empty(const char *arg, void *dst)
{
	ck_assert_ptr_null(dst);
	return *arg ? KAM_OK : kam_err(KAM_DATA, "an empty --list");
}

#define AO(f) CLI_AT(struct all_opts, f)
static const struct cli_opt all_opts[] = {
    {.name = "str", .letter = 's', .kind = CLI_STR, AO(str)},
    {.name = "text", .kind = CLI_TEXT, AO(text)},
    {.name = "free", .kind = CLI_FREE, AO(free)},
    {.name = "date", .kind = CLI_DATE, AO(date)},
    {.name = "past", .kind = CLI_PAST, AO(past)},
    {.name = "num",
     .letter = 'n',
     .kind = CLI_INT,
     AO(num),
     .min = 1,
     .max = 3,
     .dflt = 2,
     .msg = "invalid num '%s' (1, 2 or 3)"},
    {.name = "big",
     .kind = CLI_INT,
     AO(big),
     .min = 0,
     .max = 100,
     .msg = "invalid big '%s'",
     .status = KAM_USAGE},
    {.name = "call", .kind = CLI_CALL, AO(call), .parse = upper_only},
    {.name = "word",
     .kind = CLI_WORD,
     AO(word),
     .word = "",
     .msg = "not the value"},
    {.name = "set",
     .letter = 'S',
     .kind = CLI_SET,
     AO(set),
     .max = 7,
     .dflt = -1},
    {.name = "unset", .kind = CLI_SET, AO(set), .max = 0, .dflt = -1},
    {.name = "count", .kind = CLI_COUNT, AO(count)},
    {.name = "list",
     .letter = 'l',
     .kind = CLI_LIST,
     AO(list),
     .max = 2,
     .msg = "too many --list",
     .parse = not_empty},
    {.name = "also",
     .kind = CLI_LIST,
     AO(other),
     .also = offsetof(struct all_opts, every)},
    {.name = "more",
     .kind = CLI_LIST,
     AO(list),
     .also = offsetof(struct all_opts, every)},
    {.name = "O", .letter = 'O', .kind = CLI_STR, AO(out)},
    {.name = "name", .kind = CLI_TEXT, AO(name), .empty = CLI_EMPTY_REFUSED},
    {.name = "lanes",
     .kind = CLI_INT,
     AO(big),
     .min = 1,
     .max = 9,
     .dflt = -1,
     .word = "all",
     .msg = "invalid lanes '%s'"},
    {.name = "vocab", .kind = CLI_VOCAB, AO(vocab), .vocab = VOCAB_STANCE},
    {.name = "span", .kind = CLI_SPAN, AO(span), .msg = "bad span '%s'"},
    {.name = "other", .kind = CLI_REFUSE, .msg = "'--%s' is for another"},
    {.name = "quiet", .kind = CLI_REFUSE},
    {.name = NULL}};
#undef AO

/* The same with a required option. */
static const struct cli_opt req_opts[] = {
    {.name = "str",
     .kind = CLI_STR,
     CLI_AT(struct all_opts, str),
     .required = "--str is required"},
    {.name = "num",
     .kind = CLI_INT,
     CLI_AT(struct all_opts, num),
     .min = 1,
     .max = 3,
     .msg = "invalid num '%s'",
     .required = "--num NUMBER is required"},
    {.name = "why",
     .kind = CLI_FREE,
     CLI_AT(struct all_opts, why),
     .empty = CLI_EMPTY_MISSING,
     .required = "missing --why"},
    {.name = NULL}};

static struct kam_verb opts_verb = {"verb",
                                    "verb [ARG]",
                                    "",
                                    verb_exec,
                                    0,
                                    1,
                                    CLI_NOSUBJ,
                                    CLI_NOSTORE,
                                    CLI_OPTS(all_opts, struct all_opts)};

/*
 * cli_options over the words after "verb": its status, the first line
 * of what it reported in *err ("" when nothing), the values in ctx.opts
 * (freed by the next call or by the test).
 */
static int
options(const char **err, ...)
{
	static char *words[32];
	va_list ap;
	int argc = 1, rc;

	cli_options_free(&ctx);
	words[0] = "verb";
	va_start(ap, err);
	while ((words[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	ctx.verb = &opts_verb;
	optind = 0;
	capture();
	rc = cli_options(&ctx, argc, words);
	*err = captured();
	return rc;
}

#define OPT(f) (((struct all_opts *)ctx.opts)->f)

/* Each kind's value, its default, and the last of one given twice. */
START_TEST(test_options_values)
{
	const char *err;

	ck_assert_int_eq(options(&err, NULL), KAM_OK);
	ck_assert_str_eq(err, "");
	ck_assert_ptr_null(OPT(str));
	ck_assert_int_eq(OPT(num), 2);
	ck_assert_int_eq(OPT(set), -1);
	ck_assert_int_eq(OPT(count), 0);
	ck_assert_ptr_null(OPT(list).v);
	ck_assert_int_eq(options(&err, "-s", "a", "--text", "b", "--free",
	                         "c\nd", "--date", "2026-02-28", "--past",
	                         "2026-03-02", "--num", "3", "--call", "UP",
	                         "--word", "-S", "--count", "--count", "-l",
	                         "x", "arg", "--list", "y", NULL),
	                 KAM_OK);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(OPT(str), "a");
	ck_assert_str_eq(OPT(text), "b");
	ck_assert_str_eq(OPT(free), "c\nd");
	ck_assert_str_eq(OPT(date), "2026-02-28");
	ck_assert_str_eq(OPT(past), "2026-03-02");
	ck_assert_int_eq(OPT(num), 3);
	ck_assert_str_eq(OPT(call), "UP");
	ck_assert_str_eq(OPT(word), "");
	ck_assert_int_eq(OPT(set), 7);
	ck_assert_int_eq(OPT(count), 2);
	ck_assert_uint_eq(OPT(list).n, 2);
	ck_assert_str_eq(OPT(list).v[0], "x");
	ck_assert_str_eq(OPT(list).v[1], "y");
	ck_assert_ptr_null(OPT(list).v[2]);
	ck_assert_str_eq(ctx.argv[optind], "arg");
	/* The last given wins between two of one option; two options that
	 * set one place exclude each other, in either order. */
	ck_assert_int_eq(options(&err, "-s", "a", "--str=b", "--num", "1", "-S",
	                         "--set", NULL),
	                 KAM_OK);
	ck_assert_str_eq(OPT(str), "b");
	ck_assert_int_eq(OPT(num), 1);
	ck_assert_int_eq(OPT(set), 7);
	ck_assert_int_eq(options(&err, "-S", "--unset", NULL), KAM_USAGE);
	ck_assert_ptr_nonnull(
	    strstr(err, "--set and --unset exclude each other"));
	ck_assert_int_eq(
	    options(&err, "--unset", "--word", "--set", "--str", "w", NULL),
	    KAM_USAGE);
	ck_assert_ptr_nonnull(
	    strstr(err, "--set and --unset exclude each other"));
	ck_assert_int_eq(options(&err, "--unset", "--word", NULL), KAM_OK);
	ck_assert_int_eq(OPT(set), 0);
	/* Two lists of one place add up: nothing to choose between. */
	ck_assert_int_eq(options(&err, "--list", "x", "--more", "y", NULL),
	                 KAM_OK);
	ck_assert_uint_eq(OPT(list).n, 2);
	/* A vocabulary's canonical word; a length of time. */
	ck_assert_int_eq(options(&err, "--vocab", "+", "--span", "12w", NULL),
	                 KAM_OK);
	ck_assert_str_eq(OPT(vocab), "support");
	ck_assert_int_eq(OPT(span).n, 12);
	ck_assert_int_eq(OPT(span).unit, 'w');
	/* Two lists that also fill a third, in the order given. */
	ck_assert_int_eq(
	    options(&err, "--also", "a", "--more", "b", "--also", "c", NULL),
	    KAM_OK);
	ck_assert_uint_eq(OPT(other).n, 2);
	ck_assert_uint_eq(OPT(list).n, 1);
	ck_assert_uint_eq(OPT(every).n, 3);
	ck_assert_str_eq(OPT(every).v[0], "a");
	ck_assert_str_eq(OPT(every).v[1], "b");
	ck_assert_str_eq(OPT(every).v[2], "c");
	ck_assert_ptr_null(OPT(every).v[3]);
	/* A letter alone is a short option, without a long form. */
	ck_assert_int_eq(options(&err, "-O", "f.svg", NULL), KAM_OK);
	ck_assert_str_eq(OPT(out), "f.svg");
	ck_assert_int_eq(options(&err, "--O", "f.svg", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unknown option '--O'");
	/* An integer's word for 0; its default when not given. */
	ck_assert_int_eq(options(&err, NULL), KAM_OK);
	ck_assert_int_eq(OPT(big), -1);
	ck_assert_int_eq(options(&err, "--lanes", "all", NULL), KAM_OK);
	ck_assert_int_eq(OPT(big), 0);
	ck_assert_int_eq(options(&err, "--lanes", "9", NULL), KAM_OK);
	ck_assert_int_eq(OPT(big), 9);
	ck_assert_int_eq(options(&err, "--lanes", "0", NULL), KAM_DATA);
	ck_assert_str_eq(err, "kam-test: invalid lanes '0'");
	cli_options_free(&ctx);
	ck_assert_ptr_null(ctx.opts);
}
END_TEST

/* Each kind's fault: its message and exit status. */
/*
 * Each kind's fault: an option and its value (NULL: none, a third word
 * when the first two are an option given twice), the exit status, and
 * the first line reported (a prefix when it ends with '*'; "" when
 * nothing).
 */
static const struct fault {
	const char *opt, *val, *again;
	int status;
	const char *err;
} faults[] = {
    {"--date", "2026-02-30", NULL, KAM_DATA,
     "kam-test: impossible date '2026-02-30' for --date"},
    {"--date", "2026-3-1", NULL, KAM_DATA,
     "kam-test: malformed date '2026-3-1' for --date (use YYYY-MM-DD)"},
    /* Today (KAM_NOW) is not after today; tomorrow is. */
    {"--past", "2026-03-03", NULL, KAM_DATA,
     "kam-test: date '2026-03-03' for --past is in the future (today is "
     "2026-03-02)"},
    {"--past", "2026-03-02", NULL, KAM_OK, ""},
    {"--date", "2026-03-03", NULL, KAM_OK, ""},
    {"--text", "a\nb", NULL, KAM_DATA, "kam-test: --text contains *"},
    {"--free", "a\x01", NULL, KAM_DATA, "kam-test: --free contains *"},
    /* An integer at each end of its range and beyond it. */
    {"--num", "1", NULL, KAM_OK, ""},
    {"--num", "0", NULL, KAM_DATA, "kam-test: invalid num '0' (1, 2 or 3)"},
    {"--num", "3", NULL, KAM_OK, ""},
    {"--num", "4", NULL, KAM_DATA, "kam-test: invalid num '4' (1, 2 or 3)"},
    {"--num", "2x", NULL, KAM_DATA, "kam-test: invalid num '2x' (1, 2 or 3)"},
    {"--big", "101", NULL, KAM_USAGE, "kam-test: invalid big '101'"},
    {"--big", "100", NULL, KAM_OK, ""},
    /* An empty value refused. */
    {"--name", "", NULL, KAM_DATA, "kam-test: --name is empty"},
    {"--name", "n", NULL, KAM_OK, ""},
    {"--call", "Up", NULL, KAM_DATA, "kam-test: 'Up' is not upper case"},
    {"--vocab", "maybe", NULL, KAM_DATA,
     "kam-test: unknown stance 'maybe' (use support, neutral, oppose, +, 0 or "
     "-)"},
    {"--vocab", "+", NULL, KAM_OK, ""},
    {"--span", "0d", NULL, KAM_DATA, "kam-test: bad span '0d'"},
    {"--span", "3x", NULL, KAM_DATA, "kam-test: bad span '3x'"},
    {"--span", "3w", NULL, KAM_OK, ""},
    /* A list: at most max values, each checked. */
    {"-l", "a", "-l", KAM_USAGE, "kam-test: too many --list"},
    {"-l", "", NULL, KAM_DATA, "kam-test: an empty --list"},
    /* A sibling's option: its message, or the usage alone. */
    {"--other", NULL, NULL, KAM_USAGE, "kam-test: '--other' is for another"},
    {"--quiet", NULL, NULL, KAM_USAGE, "usage: kam-test verb [ARG]"},
};

START_TEST(test_options_faults)
{
	const struct fault *f = &faults[_i];
	const char *err;
	size_t n;

	/* A third word: the option with its value three times. */
	if (f->again != NULL)
		ck_assert_int_eq(options(&err, f->opt, f->val, f->again, "b",
		                         f->again, "c", NULL),
		                 f->status);
	else
		ck_assert_int_eq(options(&err, f->opt, f->val, NULL),
		                 f->status);
	n = strlen(f->err);
	if (n > 0 && f->err[n - 1] == '*')
		ck_assert(strncmp(err, f->err, n - 1) == 0);
	else
		ck_assert_str_eq(err, f->err);
	cli_options_free(&ctx);
}
END_TEST

/* Usage errors: unknown, a value missing, an operand too many, required. */
START_TEST(test_options_usage)
{
	const char *err;

	ck_assert_int_eq(options(&err, "--nope", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unknown option '--nope'");
	ck_assert_int_eq(options(&err, "-x", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unknown option '-x'");
	ck_assert_int_eq(options(&err, "--set=1", NULL), KAM_USAGE);
	ck_assert_int_eq(options(&err, "--str", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: option '--str' needs a value");
	ck_assert_int_eq(options(&err, "-n", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: option '-n' needs a value");
	ck_assert_int_eq(options(&err, "a", "b", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unexpected 'b'");
	/* A bad value after an operand fault is not looked at. */
	ck_assert_int_eq(options(&err, "a", "b", "--num", "9", NULL),
	                 KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unexpected 'b'");
	opts_verb.opts = req_opts;
	ck_assert_int_eq(options(&err, "--num", "1", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: --str is required");
	ck_assert_int_eq(options(&err, "--str", "s", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: --num NUMBER is required");
	/* Required ones before values: --num's is not looked at. */
	ck_assert_int_eq(options(&err, "--num", "9", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: --str is required");
	ck_assert_int_eq(
	    options(&err, "--str", "s", "--num", "9", "--why", "w", NULL),
	    KAM_DATA);
	ck_assert_str_eq(err, "kam-test: invalid num '9'");
	ck_assert_int_eq(options(&err, "--str", "s", "--num", "1", NULL),
	                 KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: missing --why");
	/* An empty value of a required option is as good as none. */
	ck_assert_int_eq(
	    options(&err, "--str", "s", "--num", "1", "--why", "", NULL),
	    KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: missing --why");
	ck_assert_int_eq(
	    options(&err, "--str", "s", "--num", "1", "--why", "w", NULL),
	    KAM_OK);
	/* The common options, but where the row says it takes none. */
	ck_assert_int_eq(options(&err, "--str", "s", "--num", "1", "--why", "w",
	                         "-d", "x.db", NULL),
	                 KAM_OK);
	ck_assert_str_eq(ctx.db, "x.db");
	opts_verb.store = CLI_NOSTORE | CLI_NOCOMMON;
	ck_assert_int_eq(options(&err, "--str", "s", "--num", "1", "--why", "w",
	                         "-d", "y.db", NULL),
	                 KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: unknown option '-d'");
	ck_assert_str_eq(ctx.db, "x.db");
	opts_verb.store = CLI_NOSTORE;
	cli_options_free(&ctx);
	opts_verb.opts = all_opts;
}
END_TEST

/* The formats a verb's row declares: another is refused. */
START_TEST(test_options_formats)
{
	const char *err;

	opts_verb.formats = CLI_FMT(OUT_CSV);
	opts_verb.fmt_dflt = OUT_CSV;
	ctx.fmt = OUT_TSV;
	ck_assert_int_eq(options(&err, NULL), KAM_OK);
	ck_assert_int_eq(ctx.fmt, OUT_CSV);
	ck_assert_int_eq(options(&err, "-F", "json", NULL), KAM_USAGE);
	ck_assert_str_eq(err, "kam-test: 'verb' cannot write json (use csv)");
	cli_options_free(&ctx);
	opts_verb.formats = 0;
}
END_TEST

/*
 * A verb may declare CLI_OPTS_MAX options, each with a letter and a
 * value, all read; one more is a mistake in its table, and the frame
 * aborts before reading any.
 */
struct many_opts {
	const char *v[CLI_OPTS_MAX + 1];
};
static struct cli_opt many[CLI_OPTS_MAX + 2];
static struct kam_verb many_verb = {
    "verb",     "verb",      "",
    verb_exec,  0,           0,
    CLI_NOSUBJ, CLI_NOSTORE, CLI_OPTS(many, struct many_opts)};

/* n options, each with a value; the letters of all but -a, -d, -F, -h. */
static void
many_make(size_t n)
{
	static const char letters[] = "ABCDEGHIJKLMNOPQRSTUVWXYZ"
	                              "bcefgijklmnopqrstuvwxyz0";
	static char names[CLI_OPTS_MAX + 1][8];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "opt%zu", i);
		many[i] = (struct cli_opt){
		    .name = names[i],
		    .letter = letters[i],
		    .kind = CLI_STR,
		    .off = offsetof(struct many_opts, v) + i * sizeof(char *)};
	}
	many[n].name = NULL;
	ctx.verb = &many_verb;
	optind = 0;
}

START_TEST(test_options_most)
{
	char *words[] = {"verb", "-B", "b", "--opt46", "y", "-z", "last", NULL};
	const struct many_opts *m;

	many_make(CLI_OPTS_MAX);
	capture();
	ck_assert_int_eq(cli_options(&ctx, 7, words), KAM_OK);
	ck_assert_str_eq(captured(), "");
	m = ctx.opts;
	ck_assert_str_eq(m->v[1], "b");
	ck_assert_str_eq(m->v[CLI_OPTS_MAX - 2], "y");
	ck_assert_str_eq(m->v[CLI_OPTS_MAX - 1], "last");
	ck_assert_ptr_null(m->v[0]);
	cli_options_free(&ctx);
}
END_TEST

START_TEST(test_options_too_many)
{
	char *words[] = {"verb", NULL};

	many_make(CLI_OPTS_MAX + 1);
	cli_options(&ctx, 1, words);
}
END_TEST

static Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc;

	tc = tcase_create("table");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_operand_names);
	tcase_add_test(tc, test_operand_counts);
	tcase_add_test(tc, test_getopt_counts);
	tcase_add_test(tc, test_subject_store);
	tcase_add_test(tc, test_subject_team);
	tcase_add_test(tc, test_options_values);
	tcase_add_loop_test(tc, test_options_faults, 0,
	                    (int)(sizeof faults / sizeof faults[0]));
	tcase_add_test(tc, test_options_usage);
	tcase_add_test(tc, test_options_formats);
	tcase_add_test(tc, test_options_most);
	tcase_add_test_raise_signal(tc, test_options_too_many, SIGABRT);
	suite_add_tcase(s, tc);

	tc = tcase_create("subject");
	tcase_add_checked_fixture(tc, setup_store, teardown);
	tcase_add_test(tc, test_subject_account);
	tcase_add_test(tc, test_subject_deal_person);
	tcase_add_test(tc, test_cli_person);
	tcase_add_test(tc, test_subject_scope);
	tcase_add_test(tc, test_subject_account_person);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(cli_suite());
}
