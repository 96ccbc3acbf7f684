/*
 * Unit tests of the command-line frame (cli.c): the operand names a
 * verb's usage gives, the operand counts its row declares, and the one
 * resolver of a verb's subject (account, deal, person, ACCOUNT or
 * ACCOUNT/DEAL), each fault with its one message, on a store of its own.
 */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/cli.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "store-int.h"

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
	SRunner *sr = srunner_create(cli_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
