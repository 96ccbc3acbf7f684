/*
 * Unit tests of the store, each on its own temporary store: opening and
 * creating (mode, marks, schema version), migrations (a store opened
 * again stays as it is; a newer one is refused), transactions (rolled
 * back on failure, nested, held until store_finish), a failed step
 * (reported, and the transaction and command keep nothing), and a write
 * and read-back for each part (accounts and people, links and roles,
 * observations, gate settings, sellers).
 */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/seller.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"
#include "unit.h"

static char dir[64];
static char db[128];
static char errpath[128];
static struct store *st;
static int saved_stderr = -1;

/* A fresh folder and store for each test. */
static void
setup(void)
{
	kam_progname = "check_store";
	setenv("KAM_NOW", "2026-03-02T09:00:00Z", 1);
	setenv("KAM_USER", "tester", 1);
	snprintf(dir, sizeof dir, "/tmp/check_store.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/sub/kam.db", dir);
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	ck_assert_int_eq(store_open(&st, db, STORE_CREATE), KAM_OK);
}

static void
teardown(void)
{
	char cmd[128];

	if (st != NULL)
		store_close(st);
	st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

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
	return text;
}

static long
count(const char *sql)
{
	sqlite3_stmt *s;
	long n = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void
exec_ok(const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, err);
}

static void
reopen(int mode)
{
	store_close(st);
	st = NULL;
	ck_assert_int_eq(store_open(&st, db, mode), KAM_OK);
}

/* Opening */

START_TEST(test_create)
{
	struct stat sb;
	char folder[128];

	ck_assert_int_eq(stat(db, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	snprintf(folder, sizeof folder, "%s/sub", dir);
	ck_assert_int_eq(stat(folder, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	ck_assert_int_eq(count("PRAGMA user_version"), KAM_SCHEMA_VERSION);
	ck_assert_int_ne(count("PRAGMA application_id"), 0);
	ck_assert_int_eq(count("PRAGMA foreign_keys"), 1);
}
END_TEST

START_TEST(test_migrations)
{
	long app = count("PRAGMA application_id");
	char sql[64];

	/* Opened again, a store of this version stays as it was. */
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	reopen(STORE_WRITE);
	ck_assert_int_eq(count("PRAGMA user_version"), KAM_SCHEMA_VERSION);
	ck_assert_int_eq(count("PRAGMA application_id"), app);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 1);
	/* One version newer: refused, and left alone. */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	         KAM_SCHEMA_VERSION + 1);
	exec_ok(sql);
	store_close(st);
	st = NULL;
	capture();
	ck_assert_int_ne(store_open(&st, db, STORE_WRITE), KAM_OK);
	ck_assert_ptr_nonnull(strstr(captured(), "newer"));
	ck_assert_ptr_null(st);
}
END_TEST

/* Transactions */

START_TEST(test_transactions)
{
	/* A failure rolls back everything written inside. */
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_DATA), KAM_DATA);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 0);
	/* Success keeps it. */
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 1);
	/* A failure inside a nested one rolls back only its part. */
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "beta", "Beta", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "gamma", "Gamma", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_CONFLICT), KAM_CONFLICT);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM account "
	                       "WHERE handle = 'gamma'"),
	                 0);
	/* No transaction to end is an error, not a commit. */
	capture();
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_INTERNAL);
	ck_assert_ptr_nonnull(strstr(captured(), "no transaction"));
}
END_TEST

START_TEST(test_hold)
{
	/* Commits wait for store_finish; finishing without commit drops
	 * them. */
	reopen(STORE_WRITE | STORE_HOLD);
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	ck_assert_int_eq(store_finish(st, 0), KAM_OK);
	reopen(STORE_WRITE | STORE_HOLD);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 0);
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	ck_assert_int_eq(store_finish(st, 1), KAM_OK);
	reopen(STORE_READ);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 1);
}
END_TEST

/* A statement that fails when stepped, not when prepared. */
static const char q_overflow[] = "SELECT abs(-9223372036854775807 - 1)";

START_TEST(test_failed_step)
{
	db_stmt *s;
	const char *err;

	/* store_row: no row, reported, and the transaction fails. */
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	s = store_stmt(st, q_overflow);
	capture();
	ck_assert_int_eq(store_row(st, s, "the numbers"), 0);
	db_reset(s);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_INTERNAL);
	err = captured();
	ck_assert_ptr_nonnull(strstr(err, "cannot read the numbers"));
	ck_assert_ptr_nonnull(strstr(err, "integer overflow"));
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 0);
	/* store_rows_end reports the failed step of a loop. */
	s = store_stmt(st, q_overflow);
	capture();
	ck_assert_int_eq(store_rows_end(st, s, db_step(s), KAM_OK, "the loop"),
	                 KAM_INTERNAL);
	ck_assert_ptr_nonnull(strstr(captured(), "cannot read the loop"));
	/* A row, and the end of the rows, are no failure. */
	s = store_stmt(st, "SELECT 1");
	ck_assert_int_eq(store_row(st, s, "one"), 1);
	ck_assert_int_eq(store_row(st, s, "one"), 0);
	db_reset(s);
}
END_TEST

START_TEST(test_failed_step_kept)
{
	db_stmt *s;

	/* After a failed step, the next loop to end fails too, and the
	 * failure is reported once. */
	capture();
	s = store_stmt(st, q_overflow);
	ck_assert_int_eq(store_row(st, s, "the numbers"), 0);
	db_reset(s);
	ck_assert_int_eq(store_failed(st), KAM_INTERNAL);
	s = store_stmt(st, q_overflow);
	ck_assert_int_eq(store_row(st, s, "the numbers again"), 0);
	db_reset(s);
	s = store_stmt(st, "SELECT 1");
	ck_assert_int_eq(store_rows_end(st, s, DB_DONE, KAM_OK, "one"),
	                 KAM_INTERNAL);
	ck_assert_str_eq(captured(),
	                 "check_store: cannot read the numbers: integer "
	                 "overflow\n");
}
END_TEST

START_TEST(test_failed_step_finish)
{
	db_stmt *s;

	/* With commits held, store_finish keeps nothing after a failed
	 * step, even when the command's status says all went well. */
	reopen(STORE_WRITE | STORE_HOLD);
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", NULL),
	                 KAM_OK);
	capture();
	s = store_stmt(st, q_overflow);
	ck_assert_int_eq(store_row(st, s, "the numbers"), 0);
	db_reset(s);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_INTERNAL);
	ck_assert_int_eq(store_finish(st, 1), KAM_INTERNAL);
	captured();
	reopen(STORE_READ);
	ck_assert_int_eq(count("SELECT count(*) FROM account"), 0);
}
END_TEST

/* Each part: a write and its read-back */

struct seen {
	char text[1024];
};

static void
add_text(struct seen *s, const char *t)
{
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof s->text - n, "%s;", t);
}

static int
seen_account(const struct org_account *a, void *arg)
{
	add_text(arg, a->handle);
	add_text(arg, a->name);
	return KAM_OK;
}

static int
seen_person(const struct org_person *p, void *arg)
{
	add_text(arg, p->handle);
	add_text(arg, p->reports_to != NULL ? p->reports_to : "-");
	return KAM_OK;
}

START_TEST(test_org_people)
{
	struct org_change c;
	struct seen seen = {""};
	int64_t acme, wang;

	ck_assert_int_eq(store_org_account_add(st, "acme", "Acme", "retail"),
	                 KAM_OK);
	ck_assert_int_eq(store_org_accounts(st, NULL, seen_account, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "acme;Acme;");
	memset(&c, 0, sizeof c);
	c.level = -1;
	c.placeholder = -1;
	c.name = "Wang";
	ck_assert_int_eq(org_person_add(st, "acme/wang", NULL, &c), KAM_OK);
	c.name = "Li";
	c.reports_to = "wang";
	ck_assert_int_eq(org_person_add(st, "acme/li", NULL, &c), KAM_OK);
	ck_assert_int_eq(store_account_id(st, "acme", &acme), KAM_OK);
	seen.text[0] = '\0';
	ck_assert_int_eq(store_org_people(st, acme, 0, seen_person, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "wang;-;li;wang;");
	/* A line back up closes a cycle: refused, nothing changed. */
	memset(&c, 0, sizeof c);
	c.level = -1;
	c.placeholder = -1;
	c.reports_to = "li";
	capture();
	ck_assert_int_eq(store_person_id(st, "acme/wang", NULL, &wang), KAM_OK);
	ck_assert_int_eq(org_person_set(st, wang, &c), KAM_CONFLICT);
	ck_assert_ptr_nonnull(strstr(captured(), "would close a cycle"));
	ck_assert_int_eq(count("SELECT count(*) FROM person "
	                       "WHERE manager_id IS NOT NULL"),
	                 1);
}
END_TEST

static int
seen_link(const struct org_link *l, void *arg)
{
	char t[128];

	snprintf(t, sizeof t, "%s>%s:%s:%ld", l->from, l->to, l->kind,
	         l->strength);
	add_text(arg, t);
	return KAM_OK;
}

static int
seen_role(const struct org_role *r, void *arg)
{
	char t[128];

	snprintf(t, sizeof t, "%s:%s:%s:%d", r->person, r->role, r->influence,
	         r->lead);
	add_text(arg, t);
	return KAM_OK;
}

START_TEST(test_links_roles)
{
	struct seen seen = {""};
	int64_t acme, deal;

	exec_ok("INSERT INTO account (id, handle, name, created) VALUES "
	        "(1, 'acme', 'Acme', '2026-01-01');"
	        "INSERT INTO person (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'a', 'A', '2026-01-01'), "
	        "(2, 1, 'b', 'B', '2026-01-01');"
	        "INSERT INTO deal (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'erp', 'ERP', '2026-01-01')");
	ck_assert_int_eq(
	    store_org_link_on(st, 1, 2, "advises", 3, "2026-02-01"), KAM_OK);
	ck_assert_int_eq(store_account_id(st, "acme", &acme), KAM_OK);
	ck_assert_int_eq(store_org_links_at(st, acme, NULL, seen_link, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "a>b:advises:3;");
	ck_assert_int_eq(store_deal_id(st, "acme/erp", NULL, &deal), KAM_OK);
	ck_assert_int_eq(store_org_role_put(st, deal, 2, "finance", "high", 1,
	                                    -1, "2026-02-01"),
	                 KAM_OK);
	seen.text[0] = '\0';
	ck_assert_int_eq(store_org_roles_at(st, deal, NULL, seen_role, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "b:finance:high:1;");
	/* Ended, the role is gone today and kept in its period. */
	ck_assert_int_eq(
	    store_org_role_rm_on(st, deal, 2, "finance", "2026-02-10"), KAM_OK);
	seen.text[0] = '\0';
	ck_assert_int_eq(store_org_roles_at(st, deal, NULL, seen_role, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "");
	ck_assert_int_eq(count("SELECT count(*) FROM deal_role_period "
	                       "WHERE end_on = '2026-02-10'"),
	                 1);
}
END_TEST

START_TEST(test_stance)
{
	struct stance_chain chain = {0};
	struct stance_row r;
	const char *stance = NULL;
	char since[KAM_STANCE_DATE_LEN];

	exec_ok("INSERT INTO account (id, handle, name, created) VALUES "
	        "(1, 'acme', 'Acme', '2026-01-01');"
	        "INSERT INTO person (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'a', 'A', '2026-01-01')");
	memset(&r, 0, sizeof r);
	r.kind = "observe";
	r.person = 1;
	r.stance = "support";
	r.effective = "2026-02-01";
	r.recorded = "2026-02-01T09:00:00Z";
	r.actor = "tester";
	ck_assert_int_eq(store_begin(st, STORE_TX_WRITE), KAM_OK);
	ck_assert_int_eq(store_stance_append(st, &chain, &r), KAM_OK);
	ck_assert_int_eq(store_end(st, KAM_OK), KAM_OK);
	ck_assert_int_eq(
	    store_stance_get(st, 1, 0, 0, "2026-02-01", NULL, &stance, since),
	    KAM_OK);
	ck_assert_str_eq(stance, "support");
	ck_assert_str_eq(since, "2026-02-01");
	/* The day before, unknown. */
	ck_assert_int_eq(
	    store_stance_get(st, 1, 0, 0, "2026-01-31", NULL, &stance, NULL),
	    KAM_OK);
	ck_assert_ptr_null(stance);
}
END_TEST

static int
seen_setting(const struct gate_setting_row *r, void *arg)
{
	char t[64];

	snprintf(t, sizeof t, "%s=%g", r->key, r->value);
	add_text(arg, t);
	return KAM_OK;
}

static int
stop_setting(const struct gate_setting_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return KAM_CONFLICT;
}

/* The settings come back as stored rows, in key order; the store applies
 * them to nothing (gate_params_load does, check_gate). */
START_TEST(test_gate_settings)
{
	struct seen seen = {""};
	int calls = 0;

	ck_assert_int_eq(store_gate_settings_each(st, seen_setting, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "");
	ck_assert_int_eq(store_gate_setting_set(st, "win.fail", 0.25), KAM_OK);
	ck_assert_int_eq(store_gate_setting_set(st, "price.cap", 20), KAM_OK);
	ck_assert_int_eq(store_gate_setting_stored(st, "win.fail"), 1);
	ck_assert_int_eq(store_gate_settings_each(st, seen_setting, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "price.cap=20;win.fail=0.25;");
	ck_assert_int_eq(store_gate_settings_each(st, stop_setting, &calls),
	                 KAM_CONFLICT);
	ck_assert_int_eq(calls, 1);
	ck_assert_int_eq(store_gate_setting_reset(st, "win.fail"), KAM_OK);
	ck_assert_int_eq(store_gate_setting_stored(st, "win.fail"), 0);
	seen.text[0] = '\0';
	ck_assert_int_eq(store_gate_settings_each(st, seen_setting, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "price.cap=20;");
}
END_TEST

/* A statement that cannot be prepared (the schema changed by hand) is
 * reported once as KAM_INTERNAL and kept: the query fails, later ones
 * say nothing more, and a write keeps nothing. */
START_TEST(test_unprepared)
{
	struct seen seen = {""};

	exec_ok("ALTER TABLE gate_setting RENAME TO gate_setting_x");
	capture();
	ck_assert_int_eq(store_gate_settings_each(st, seen_setting, &seen),
	                 KAM_INTERNAL);
	ck_assert_int_eq(store_failed(st), KAM_INTERNAL);
	ck_assert_int_eq(store_gate_settings_each(st, seen_setting, &seen),
	                 KAM_INTERNAL);
	ck_assert_int_eq(store_gate_setting_set(st, "win.fail", 0.25),
	                 KAM_INTERNAL);
	ck_assert_int_eq(store_finish(st, 1), KAM_INTERNAL);
	ck_assert_str_eq(captured(),
	                 "check_store: internal error: cannot prepare a "
	                 "statement: no such table: gate_setting\n");
	ck_assert_str_eq(seen.text, "");
	ck_assert_int_eq(count("SELECT count(*) FROM gate_setting_x"), 0);
}
END_TEST

/*
 * People are taken by id: the periods of links and roles end on a day
 * or say why not, each message naming the people; a person outside the
 * account group is refused; store_person_id_in reads bare handles in the
 * account given.
 */
START_TEST(test_people_by_id)
{
	int64_t id = 0, seller;

	exec_ok("INSERT INTO account (id, handle, name, created) VALUES "
	        "(1, 'acme', 'Acme', '2026-01-01'), "
	        "(2, 'zeta', 'Zeta', '2026-01-01');"
	        "INSERT INTO person (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'a', 'A', '2026-01-01'), "
	        "(2, 1, 'b', 'B', '2026-01-01'), "
	        "(3, 2, 'z', 'Z', '2026-01-01');"
	        "INSERT INTO deal (id, account_id, handle, name, created) "
	        "VALUES (1, 1, 'erp', 'ERP', '2026-01-01')");
	ck_assert_int_eq(store_person_id_in(st, "b", 1, &id), KAM_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(store_person_id_in(st, "zeta/z", 1, &id), KAM_OK);
	ck_assert_int_eq(id, 3);
	capture();
	ck_assert_int_eq(store_person_id_in(st, "z", 1, &id), KAM_NOTFOUND);
	ck_assert_str_eq(captured(),
	                 "check_store: unknown person 'acme/z' (did you "
	                 "mean 'acme/a'?)\n");

	capture();
	ck_assert_int_eq(store_org_link_on(st, 1, 1, "advises", 2, NULL),
	                 KAM_CONFLICT);
	ck_assert_int_eq(store_org_link_on(st, 1, 3, "advises", 2, NULL),
	                 KAM_CONFLICT);
	ck_assert_int_eq(store_org_unlink_on(st, 1, 2, "advises", NULL),
	                 KAM_NOTFOUND);
	ck_assert_int_eq(
	    store_org_link_on(st, 1, 2, "advises", 2, "2026-02-01"), KAM_OK);
	ck_assert_int_eq(store_org_unlink_on(st, 1, 2, "advises", "2026-01-31"),
	                 KAM_DATA);
	ck_assert_str_eq(
	    captured(),
	    "check_store: a link needs two people, not 'acme/a' twice\n"
	    "check_store: 'acme/a' and 'zeta/z' are in different accounts\n"
	    "check_store: no 'advises' link from 'acme/a' to 'acme/b'\n"
	    "check_store: the 'advises' link from 'acme/a' to 'acme/b' holds "
	    "since 2026-02-01: it cannot end on 2026-01-31, before\n");
	ck_assert_int_eq(store_org_unlink_on(st, 1, 2, "advises", "2026-02-01"),
	                 KAM_OK);

	capture();
	ck_assert_int_eq(
	    store_org_role_put(st, 1, 3, "finance", NULL, 0, -1, NULL),
	    KAM_CONFLICT);
	ck_assert_int_eq(store_org_role_rm_on(st, 1, 2, "finance", NULL),
	                 KAM_NOTFOUND);
	ck_assert_int_eq(
	    store_org_role_put(st, 1, 2, "finance", NULL, 0, -1, "2026-02-01"),
	    KAM_OK);
	ck_assert_int_eq(
	    store_org_role_rm_on(st, 1, 2, "finance", "2026-01-31"), KAM_DATA);
	ck_assert_str_eq(
	    captured(),
	    "check_store: 'zeta/z' is not in the account of deal 'acme/erp' "
	    "or its group\n"
	    "check_store: 'acme/b' holds no role 'finance' in 'acme/erp'\n"
	    "check_store: 'acme/b' holds role 'finance' in 'acme/erp' since "
	    "2026-02-01: it cannot end on 2026-01-31, before\n");
	ck_assert_int_eq(
	    store_org_role_rm_on(st, 1, 2, "finance", "2026-02-01"), KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM link_period WHERE "
	                       "end_on = '2026-02-01'") +
	                     count("SELECT count(*) FROM deal_role_period "
	                           "WHERE end_on = '2026-02-01'"),
	                 2);

	ck_assert_int_eq(store_org_person_leave(st, 2, "2026-03-01"), KAM_OK);
	capture();
	ck_assert_int_eq(store_org_person_leave(st, 2, "2026-03-02"),
	                 KAM_CONFLICT);
	ck_assert_str_eq(captured(),
	                 "check_store: 'acme/b' already left on 2026-03-01\n");
	ck_assert_int_eq(store_org_person_return(st, 2, "2026-03-03"), KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM person WHERE id = 2 "
	                       "AND left_on IS NULL"),
	                 1);
	ck_assert_int_eq(store_seller_add(st, "bob", "Bob"), KAM_OK);
	ck_assert_int_eq(store_seller_id(st, "bob", &seller), KAM_OK);
	ck_assert_int_eq(store_contact_add(st, seller, 3, 2, "2026-03-01"),
	                 KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM contact WHERE "
	                       "person_id = 3 AND strength = 2"),
	                 1);
	capture();
	ck_assert_int_eq(store_org_person_rm(st, 1), KAM_CONFLICT);
	ck_assert_str_eq(
	    captured(),
	    "check_store: 'acme/a' cannot be removed: other records refer "
	    "to them (links: 1); record a departure with person leave "
	    "instead\n");
	exec_ok("INSERT INTO person (id, account_id, handle, name, created) "
	        "VALUES (4, 1, 'd', 'D', '2026-01-01')");
	ck_assert_int_eq(store_org_person_rm(st, 4), KAM_OK);
	ck_assert_int_eq(count("SELECT count(*) FROM person WHERE id = 4"), 0);
}
END_TEST

static int
seen_seller(const struct seller *s, void *arg)
{
	add_text(arg, s->handle);
	add_text(arg, s->name);
	return KAM_OK;
}

START_TEST(test_sellers)
{
	struct seen seen = {""};

	ck_assert_int_eq(store_seller_add(st, "zoe", "Zoe"), KAM_OK);
	ck_assert_int_eq(store_seller_add(st, "bob", "Bob"), KAM_OK);
	capture();
	ck_assert_int_eq(store_seller_add(st, "bob", "Bob"), KAM_CONFLICT);
	captured();
	ck_assert_int_eq(store_sellers(st, "2026-03-02", seen_seller, &seen),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, "bob;Bob;zoe;Zoe;");
}
END_TEST

/* The statement helpers, on both kinds of rows. */

static const char q_make[] =
    "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT)";
static const char q_put[] = "INSERT INTO t (n, x, s) VALUES (?, ?, ?)";
static const char q_n[] = "SELECT n FROM t WHERE s = ?";
static const char q_s[] = "SELECT s FROM t WHERE n = ?";
static const char q_x[] = "SELECT x, s IS NULL FROM t WHERE n = ?";
static const char q_all[] = "SELECT n, s FROM t WHERE n >= ? ORDER BY n";
static const char q_bad[] = "INSERT INTO t (id, n) VALUES (1, 0)";

/* Adds each row's n, and stops at a row of n 3 (KAM_CONFLICT). */
static int
sum_row(db_stmt *s, void *arg)
{
	int *sum = arg;

	if (db_column_int(s, 0) == 3)
		return KAM_CONFLICT;
	*sum += db_column_int(s, 0);
	return KAM_OK;
}

struct pair {
	int n;
	const char *s;
};

static int
pair_make(db_stmt *s, store_fn fn, void *arg)
{
	struct pair p;

	p.n = db_column_int(s, 0);
	p.s = (const char *)db_column_text(s, 1);
	return STORE_HAND(struct pair, fn, &p, arg);
}

static int
pair_seen(const struct pair *p, void *arg)
{
	char *seen = arg;

	strcat(seen, p->s != NULL ? p->s : "-");
	return KAM_OK;
}

START_TEST(test_helpers)
{
	char seen[16] = "";
	int64_t v = -1;
	int n = -1, sum = 0;
	char *text;
	db_stmt *s;

	ck_assert_int_eq(db_exec(st, q_make), 0);
	ck_assert_int_eq(store_put(st, store_stmt(st, q_put),
	                           STORE_ARGS(STORE_INT(1), STORE_DOUBLE(0.5),
	                                      STORE_TEXT("a")),
	                           "cannot put"),
	                 KAM_OK);
	ck_assert_int_eq(
	    store_put(st, store_stmt(st, q_put),
	              STORE_ARGS(STORE_INT(2), STORE_NULL, STORE_HANDLE("b")),
	              "cannot put"),
	    KAM_OK);
	ck_assert_int_eq(store_put(st, store_stmt(st, q_put),
	                           STORE_ARGS(STORE_INT(3), STORE_DOUBLE(1),
	                                      STORE_TEXT(NULL)),
	                           "cannot put"),
	                 KAM_OK);
	/* One value: found, or not (and the value left as it was). */
	ck_assert_int_eq(store_get_int64(st, store_stmt(st, q_n),
	                                 STORE_ARGS(STORE_TEXT("b")), &v),
	                 1);
	ck_assert_int_eq(v, 2);
	ck_assert_int_eq(store_get_int64(st, store_stmt(st, q_n),
	                                 STORE_ARGS(STORE_TEXT("z")), &v),
	                 0);
	ck_assert_int_eq(v, 2);
	ck_assert_int_eq(store_get_int(st, store_stmt(st, q_n),
	                               STORE_ARGS(STORE_TEXT("a")), &n),
	                 1);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(
	    store_get_id(st, store_stmt(st, q_n), STORE_ARGS(STORE_TEXT("b"))),
	    2);
	ck_assert_int_eq(
	    store_get_id(st, store_stmt(st, q_n), STORE_ARGS(STORE_TEXT("z"))),
	    0);
	text =
	    store_get_text(st, store_stmt(st, q_s), STORE_ARGS(STORE_INT(2)));
	ck_assert_str_eq(text, "b");
	free(text);
	ck_assert_ptr_null(
	    store_get_text(st, store_stmt(st, q_s), STORE_ARGS(STORE_INT(9))));
	/* A NULL text, and a NULL double, were bound as NULL. */
	s = store_stmt(st, q_x);
	ck_assert_int_eq(store_first(st, s, STORE_ARGS(STORE_INT(3)), "t"), 1);
	ck_assert_int_eq(db_column_int(s, 1), 1);
	db_reset(s);
	ck_assert_int_eq(store_first(st, s, STORE_ARGS(STORE_INT(2)), "t"), 1);
	ck_assert_int_eq(db_column_type(s, 0), DB_NULL);
	db_reset(s);
	ck_assert_int_eq(store_first(st, s, STORE_ARGS(STORE_INT(7)), "t"), 0);
	/* Every row, until a row function says stop; then its code. */
	ck_assert_int_eq(store_each(st, store_stmt(st, q_all),
	                            STORE_ARGS(STORE_INT(2)), sum_row, &sum,
	                            "the rows"),
	                 KAM_CONFLICT);
	ck_assert_int_eq(sum, 2);
	sum = 0;
	ck_assert_int_eq(store_each(st,
	                            store_stmt(st, "SELECT 1 UNION SELECT 2"),
	                            NULL, sum_row, &sum, "the rows"),
	                 KAM_OK);
	ck_assert_int_eq(sum, 3);
	ck_assert_int_eq(store_each_to(st, store_stmt(st, q_all),
	                               STORE_ARGS(STORE_INT(1)), pair_make,
	                               (store_fn)pair_seen, seen, "the rows"),
	                 KAM_OK);
	ck_assert_str_eq(seen, "ab-");
	/* A failed statement is reported with what failed. */
	capture();
	ck_assert_int_eq(
	    store_put(st, store_stmt(st, q_bad), NULL, "cannot put the row"),
	    KAM_CONFLICT);
	ck_assert_ptr_nonnull(strstr(captured(), "cannot put the row: "));
	ck_assert_int_eq(count("SELECT count(*) FROM t"), 3);
}
END_TEST

/* A failed step in a helper: reported once, kept for the command. */
START_TEST(test_helpers_failed)
{
	int64_t v = 7;
	int sum = 0;

	capture();
	ck_assert_int_eq(
	    store_get_int64(st, store_stmt(st, q_overflow), NULL, &v), 0);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(store_failed(st), KAM_INTERNAL);
	ck_assert_int_eq(store_each(st, store_stmt(st, q_overflow), NULL,
	                            sum_row, &sum, "the sums"),
	                 KAM_INTERNAL);
	ck_assert_str_eq(captured(),
	                 "check_store: cannot read the store: integer "
	                 "overflow\ncheck_store: cannot read the sums: "
	                 "integer overflow\n");
}
END_TEST

/* The rows read by a table of their columns. */

struct every {
	int64_t id;
	const char *text, *null_text;
	char *dup, *null_dup;
	int n, yes, no, null_n;
	long l;
	double x;
};

#define E(m, k) STORE_FIELD(struct every, m, k)
STORE_ROWS(every_rows, struct every, E(id, INT64), E(text, TEXT),
           E(null_text, TEXT), E(dup, DUP), E(null_dup, DUP), E(n, INT),
           STORE_SKIP, E(yes, BOOL), E(no, BOOL), E(null_n, INT), E(l, LONG),
           E(x, DOUBLE));
STORE_ROWS(dup_rows, struct every, E(id, INT64), STORE_SKIP, STORE_SKIP,
           E(dup, DUP), E(null_dup, DUP));
#undef E

/* Every kind, a NULL of each, and a column skipped; rows ?1 to ?2. */
static const char q_every[] =
    "WITH RECURSIVE r(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM r "
    "WHERE i < ?2) SELECT i, 'text' || i, NULL, 'dup' || i, NULL, -i, "
    "'skipped', i * 7, 0, NULL, 9000000000 + i, i + 0.5 FROM r "
    "WHERE i <= ?2 ORDER BY i";

struct every_seen {
	char text[160];
	int rows, stop_at;
};

static void
every_text(char *text, size_t size, const struct every *e)
{
	size_t len = strlen(text);

	snprintf(text + len, size - len,
	         "%lld %s %s %s %s %d %d %d %d %ld %.1f;", (long long)e->id,
	         e->text ? e->text : "-", e->null_text ? e->null_text : "-",
	         e->dup ? e->dup : "-", e->null_dup ? e->null_dup : "-", e->n,
	         e->yes, e->no, e->null_n, e->l, e->x);
}

static int
every_row(const struct every *e, void *arg)
{
	struct every_seen *seen = arg;

	if (++seen->rows == seen->stop_at)
		return KAM_CONFLICT;
	every_text(seen->text, sizeof seen->text, e);
	return KAM_OK;
}

#define EVERY_1 "1 text1 - dup1 - -1 1 0 0 9000000001 1.5;"
#define EVERY_2 "2 text2 - dup2 - -2 1 0 0 9000000002 2.5;"

static const struct store_arg *
every_args(int from, int to)
{
	static struct store_arg a[3];

	a[0] = STORE_INT(from);
	a[1] = STORE_INT(to);
	a[2] = (struct store_arg){STORE_ARG_END, 0, 0, NULL};
	return a;
}

START_TEST(test_read_each)
{
	struct every_seen seen = {"", 0, 0};
	db_stmt *s = store_stmt(st, q_every);

	/* Every kind of column, a NULL of each, a column skipped. */
	ck_assert_int_eq(store_each_read(st, s, every_args(1, 2), &every_rows,
	                                 (store_fn)every_row, &seen,
	                                 "the rows"),
	                 KAM_OK);
	ck_assert_str_eq(seen.text, EVERY_1 EVERY_2);
	/* A row function's status stops the rows and is returned. */
	seen = (struct every_seen){"", 0, 2};
	ck_assert_int_eq(store_each_read(st, s, every_args(1, 3), &every_rows,
	                                 (store_fn)every_row, &seen,
	                                 "the rows"),
	                 KAM_CONFLICT);
	ck_assert_str_eq(seen.text, EVERY_1);
	ck_assert_int_eq(seen.rows, 2);
	/* No rows: the function is not called. */
	seen = (struct every_seen){"", 0, 0};
	ck_assert_int_eq(store_each_read(st, s, every_args(5, 4), &every_rows,
	                                 (store_fn)every_row, &seen,
	                                 "the rows"),
	                 KAM_OK);
	ck_assert_int_eq(seen.rows, 0);
	ck_assert_int_eq(store_failed(st), KAM_OK);
}
END_TEST

START_TEST(test_read_all)
{
	struct kam_array a = {0};
	struct every e, *v;
	int64_t *ids = (int64_t *)1;
	size_t n = 9;
	char text[160] = "";
	db_stmt *s = store_stmt(st, q_every);

	/* Every row into an array, texts copied. */
	ck_assert_int_eq(
	    store_read_all(st, s, every_args(1, 3), &dup_rows, &a, "the rows"),
	    KAM_OK);
	ck_assert_uint_eq(a.n, 3);
	v = a.v;
	ck_assert_int_eq(v[2].id, 3);
	ck_assert_str_eq(v[0].dup, "dup1");
	ck_assert_str_eq(v[2].dup, "dup3");
	ck_assert_ptr_null(v[1].null_dup);
	ck_assert_ptr_null(v[1].text); /* skipped: left zero */
	store_rows_free(&dup_rows, a.v, a.n);
	/* No rows: an empty array. */
	a = (struct kam_array){0};
	ck_assert_int_eq(
	    store_read_all(st, s, every_args(5, 4), &dup_rows, &a, "the rows"),
	    KAM_OK);
	ck_assert_uint_eq(a.n, 0);
	ck_assert_ptr_null(a.v);
	/* The first row, or none (the row left as it was). */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(
	    store_read_one(st, s, every_args(2, 3), &dup_rows, &e, "the row"),
	    1);
	ck_assert_int_eq(e.id, 2);
	ck_assert_str_eq(e.dup, "dup2");
	free(e.dup);
	e.id = 42;
	ck_assert_int_eq(
	    store_read_one(st, s, every_args(5, 4), &dup_rows, &e, "the row"),
	    0);
	ck_assert_int_eq(e.id, 42);
	/* Every kind read alone (store_read), on a row stepped to. */
	memset(&e, 0, sizeof e);
	store_bind_args(s, every_args(2, 2));
	ck_assert_int_eq(store_row(st, s, "the row"), 1);
	store_read(s, &every_rows, &e);
	every_text(text, sizeof text, &e);
	free(e.dup);
	db_reset(s);
	ck_assert_str_eq(text, EVERY_2);
	/* Ids, and whether there is a row. */
	ck_assert_int_eq(store_ids(st, s, every_args(4, 6), &ids, &n, "ids"),
	                 KAM_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(ids[0], 4);
	ck_assert_int_eq(ids[2], 6);
	free(ids);
	ck_assert_int_eq(store_ids(st, s, every_args(6, 5), &ids, &n, "ids"),
	                 KAM_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(ids);
	ck_assert_int_eq(store_exists(st, s, every_args(1, 1)), 1);
	ck_assert_int_eq(store_exists(st, s, every_args(2, 1)), 0);
	ck_assert_int_eq(store_failed(st), KAM_OK);
}
END_TEST

/* A row, then a failed step. */
static const char q_row_overflow[] =
    "SELECT 1, 'text', NULL, 'dup' UNION ALL "
    "SELECT abs(-9223372036854775807 - 1), 'x', NULL, 'y'";

/* A failed step of each reader: reported, and kept for the command. */
START_TEST(test_read_failed)
{
	struct every_seen seen = {"", 0, 0};
	struct kam_array a = {0};
	struct every e;
	int64_t *ids;
	size_t n;

	capture();
	ck_assert_int_eq(store_each_read(st, store_stmt(st, q_row_overflow),
	                                 NULL, &dup_rows, (store_fn)every_row,
	                                 &seen, "the rows"),
	                 KAM_INTERNAL);
	ck_assert_int_eq(seen.rows, 1);
	ck_assert_str_eq(captured(), "check_store: cannot read the rows: "
	                             "integer overflow\n");
	ck_assert_int_eq(store_failed(st), KAM_INTERNAL);
	/* The rows read before the failure stay in the array. */
	capture();
	ck_assert_int_eq(store_read_all(st, store_stmt(st, q_row_overflow),
	                                NULL, &dup_rows, &a, "the array"),
	                 KAM_INTERNAL);
	ck_assert_uint_eq(a.n, 1);
	ck_assert_str_eq(((struct every *)a.v)[0].dup, "dup");
	store_rows_free(&dup_rows, a.v, a.n);
	e.id = 5;
	ck_assert_int_eq(store_read_one(st, store_stmt(st, q_overflow), NULL,
	                                &dup_rows, &e, "the row"),
	                 0);
	ck_assert_int_eq(e.id, 5);
	ck_assert_int_eq(store_ids(st, store_stmt(st, q_row_overflow), NULL,
	                           &ids, &n, "the ids"),
	                 KAM_INTERNAL);
	ck_assert_uint_eq(n, 1);
	free(ids);
	ck_assert_int_eq(store_exists(st, store_stmt(st, q_overflow), NULL), 0);
	/* Each loop that ends on a failed step says so; a lookup after
	 * the command's first failure fails quietly with it. */
	ck_assert_str_eq(captured(),
	                 "check_store: cannot read the array: integer "
	                 "overflow\ncheck_store: cannot read the ids: "
	                 "integer overflow\n");
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc;

	/* On a team store each test makes a store of its own (the whole
	 * schema, statement by statement over the connection), which on a
	 * loaded machine takes longer than Check's 4 s. */

	tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_create);
	tcase_add_test(tc, test_migrations);
	suite_add_tcase(s, tc);

	tc = tcase_create("transactions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_transactions);
	tcase_add_test(tc, test_hold);
	tcase_add_test(tc, test_failed_step);
	tcase_add_test(tc, test_failed_step_kept);
	tcase_add_test(tc, test_failed_step_finish);
	tcase_add_test(tc, test_helpers);
	tcase_add_test(tc, test_helpers_failed);
	tcase_add_test(tc, test_read_each);
	tcase_add_test(tc, test_read_all);
	tcase_add_test(tc, test_read_failed);
	suite_add_tcase(s, tc);

	tc = tcase_create("parts");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_org_people);
	tcase_add_test(tc, test_links_roles);
	tcase_add_test(tc, test_people_by_id);
	tcase_add_test(tc, test_stance);
	tcase_add_test(tc, test_gate_settings);
	tcase_add_test(tc, test_unprepared);
	tcase_add_test(tc, test_sellers);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(store_suite());
}
