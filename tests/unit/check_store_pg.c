/*
 * Unit tests of the engine layer on PostgreSQL (store-pg.c): SQLite's
 * parameters spelled for PostgreSQL and the vocabularies of its
 * vocab_rank, always; and, on a server named
 * by KAM_TEST_PG (a libpq connection string; make check-pg starts a
 * throwaway one), statements through the db_ functions: binding,
 * stepping, reading each type, statements stepped inside others,
 * changes, the last id, and errors with their exit codes.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"

#include "store-int.h"
#include "unit.h"

static void
params(const char *in, const char *want, int nwant)
{
	int n = -1;
	char *out = db_pg_params(in, &n);

	ck_assert_str_eq(out, want);
	ck_assert_int_eq(n, nwant);
	free(out);
}

START_TEST(t_params)
{
	params("SELECT 1", "SELECT 1", 0);
	params("", "", 0);
	params("SELECT ?", "SELECT $1", 1);
	params("SELECT ?, ?, ?", "SELECT $1, $2, $3", 3);
	/* Numbered ones keep their numbers; a bare one follows the largest. */
	params("SELECT ?2, ?1", "SELECT $2, $1", 2);
	params("SELECT ?3, ?", "SELECT $3, $4", 4);
	params("WHERE a = ?1 AND b = ?1", "WHERE a = $1 AND b = $1", 1);
	params("SELECT ?12", "SELECT $12", 12);
	/* Quoted text, quoted names and comments are left alone. */
	params("SELECT '?', ?", "SELECT '?', $1", 1);
	params("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1);
	params("SELECT \"a?\" FROM t WHERE x = ?",
	       "SELECT \"a?\" FROM t WHERE x = $1", 1);
	params("SELECT 1 -- why?\n, ?", "SELECT 1 -- why?\n, $1", 1);
	params("SELECT /* ? */ ?", "SELECT /* ? */ $1", 1);
	/* An unterminated quote runs to the end. */
	params("SELECT '?", "SELECT '?", 0);
	/* Nothing else is respelled: the SQL is written for both engines
	 * (or as twins), and the team store's schema defines SQLite's
	 * group_concat and the store's vocab_rank. */
	params("WHERE a IS ?2 AND b NOT INDEXED",
	       "WHERE a IS $2 AND b NOT INDEXED", 2);
	params("SELECT group_concat(h, ';'), vocab_rank('role', r) FROM t",
	       "SELECT group_concat(h, ';'), vocab_rank('role', r) FROM t", 0);
}
END_TEST

/*
 * The team store's vocab_rank (schema-pg.sql) lists each vocabulary's
 * words in the order of vocab_table, which SQLite's vocab_rank reads.
 */
START_TEST(t_vocab_rank)
{
	const char *schema = store_team_schema_sql(), *fn, *p, *q;
	int k, i;

	fn = strstr(schema, "CREATE FUNCTION vocab_rank(");
	ck_assert_ptr_nonnull(fn);
	for (k = 0; k < VOCAB_NKINDS; k++) {
		char key[64];

		snprintf(key, sizeof key, "WHEN '%s' THEN ARRAY[",
		         vocab_table[k].name);
		p = strstr(fn, key);
		ck_assert_msg(p != NULL, "no %s", key);
		p += strlen(key);
		for (i = 0; vocab_table[k].words[i] != NULL; i++) {
			p += strspn(p, " \t\n,");
			ck_assert_msg(*p == '\'', "%s: word %d", key, i);
			q = strchr(p + 1, '\'');
			ck_assert_ptr_nonnull(q);
			ck_assert_msg(
			    strlen(vocab_table[k].words[i]) ==
			            (size_t)(q - p - 1) &&
			        strncmp(p + 1, vocab_table[k].words[i],
			                (size_t)(q - p - 1)) == 0,
			    "%s: word %d is %.*s, not %s", key, i,
			    (int)(q - p - 1), p + 1, vocab_table[k].words[i]);
			p = q + 1;
		}
		p += strspn(p, " \t\n");
		ck_assert_msg(*p == ']', "%s: more words than %d", key, i);
	}
}
END_TEST

static struct pg_conn *pc;

static void
setup(void)
{
	const char *url = getenv("KAM_TEST_PG");

	ck_assert_int_eq(db_pg_connect(url, &pc), 0);
	ck_assert_int_eq(
	    db_pg_exec(pc, "CREATE TEMPORARY TABLE t (id bigserial PRIMARY "
	                   "KEY, name text UNIQUE, n bigint, r double "
	                   "precision, b boolean, raw bytea)"),
	    0);
}

static void
teardown(void)
{
	db_pg_close(pc);
	pc = NULL;
}

static db_stmt *
prep(const char *sql)
{
	db_stmt *s = NULL;

	ck_assert_msg(db_pg_prepare(pc, sql, &s) == 0, "%s: %s", sql,
	              db_pg_errmsg(pc));
	return s;
}

START_TEST(t_rows)
{
	db_stmt *ins = prep("INSERT INTO t (name, n, r, b) VALUES (?, ?2, ?3, "
	                    "?4 = 1)");
	db_stmt *sel = prep("SELECT id, name, n, r, b, raw FROM t WHERE n >= ? "
	                    "ORDER BY id");
	char own[] = "owned";

	store_bind_static(ins, 1, "李明");
	db_bind_int(ins, 2, 7);
	db_bind_double(ins, 3, 0.25);
	db_bind_int(ins, 4, 1);
	ck_assert_int_eq(db_step(ins), DB_DONE);
	ck_assert_int_eq(db_pg_changes(pc), 1);
	ck_assert_int_eq(db_pg_last_id(pc), 1);
	db_reset(ins);
	/* Bindings stay after a reset, as on SQLite, until replaced. */
	store_bind_text(ins, 1, "x'; DROP TABLE t; --");
	ck_assert_int_eq(db_step(ins), DB_DONE);
	db_reset(ins);
	db_clear_bindings(ins);
	ins->ops->bind_text(ins, 1, xstrdup(own), DB_OWN);
	db_bind_int64(ins, 2, 5000000000LL);
	db_bind_null(ins, 3);
	db_bind_int(ins, 4, 0);
	ck_assert_int_eq(db_step(ins), DB_DONE);
	ck_assert_int_eq(db_pg_last_id(pc), 3);

	db_bind_int(sel, 1, 0);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_column_int64(sel, 0), 1);
	ck_assert_int_eq(db_column_type(sel, 0), DB_INTEGER);
	ck_assert_str_eq((const char *)db_column_text(sel, 1), "李明");
	ck_assert_int_eq(db_column_bytes(sel, 1), (int)strlen("李明"));
	ck_assert_int_eq(db_column_type(sel, 1), DB_TEXT);
	ck_assert_int_eq(db_column_int(sel, 2), 7);
	ck_assert(db_column_double(sel, 3) == 0.25);
	ck_assert_int_eq(db_column_type(sel, 3), DB_FLOAT);
	/* A truth value reads as SQLite's 1 and 0. */
	ck_assert_int_eq(db_column_int(sel, 4), 1);
	ck_assert_str_eq((const char *)db_column_text(sel, 4), "1");
	ck_assert_int_eq(db_column_type(sel, 5), DB_NULL);
	ck_assert_ptr_null(db_column_text(sel, 5));
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_str_eq((const char *)db_column_text(sel, 1),
	                 "x'; DROP TABLE t; --");
	ck_assert_int_eq(db_column_int(sel, 2), 7);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_str_eq((const char *)db_column_text(sel, 1), "owned");
	ck_assert_int_eq(db_column_int64(sel, 2), 5000000000LL);
	ck_assert_int_eq(db_column_type(sel, 3), DB_NULL);
	ck_assert_str_eq((const char *)db_column_text(sel, 4), "0");
	ck_assert_int_eq(db_step(sel), DB_DONE);
	ck_assert_int_eq(db_step(sel), DB_DONE);
	db_reset(sel);
	/* Run again with another binding. */
	db_bind_int(sel, 1, 8);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_str_eq((const char *)db_column_text(sel, 1), "owned");
	ck_assert_int_eq(db_step(sel), DB_DONE);
	db_finalize(ins);
	db_finalize(sel);
}
END_TEST

/* A statement stepped while another runs, as the store files do. */
/*
 * A streamed statement (db_stream) hands its rows one at a time, each
 * its own result: all of them, then DB_DONE until reset; stopped
 * early, the rest is read and dropped at the reset, and the connection
 * serves the next statement; an error among the rows ends them.
 */
START_TEST(t_stream)
{
	db_stmt *sel = prep("SELECT i, 10 / (? - i) FROM "
	                    "generate_series(1, 5) AS i");
	db_stmt *one = prep("SELECT count(*) FROM t");
	int i;

	db_stream(sel);
	db_bind_int(sel, 1, 100);
	for (i = 1; i <= 5; i++) {
		ck_assert_int_eq(db_step(sel), DB_ROW);
		ck_assert_int_eq(db_column_int(sel, 0), i);
		ck_assert_int_eq(db_column_int(sel, 1), 10 / (100 - i));
	}
	ck_assert_int_eq(db_step(sel), DB_DONE);
	ck_assert_int_eq(db_step(sel), DB_DONE);
	db_reset(sel);
	/* Stopped after two rows: the connection is free again. */
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_column_int(sel, 0), 2);
	db_reset(sel);
	ck_assert_int_eq(db_step(one), DB_ROW);
	ck_assert_int_eq(db_column_int(one, 0), 0);
	db_reset(one);
	/* Division by zero at the third row: two rows, then the error. */
	db_bind_int(sel, 1, 3);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_step(sel), DB_ERROR);
	ck_assert(strstr(db_pg_errmsg(pc), "division by zero") != NULL);
	db_reset(sel);
	ck_assert_int_eq(db_step(one), DB_ROW);
	ck_assert_int_eq(db_column_int(one, 0), 0);
	db_finalize(sel);
	db_finalize(one);
}
END_TEST

START_TEST(t_nested)
{
	db_stmt *ins = prep("INSERT INTO t (name, n) VALUES (?, ?)");
	db_stmt *sel = prep("SELECT name, n FROM t ORDER BY n");
	db_stmt *up = prep("UPDATE t SET n = n + 10 WHERE name = ?");
	char name[8];
	int i, seen = 0;

	for (i = 1; i <= 3; i++) {
		snprintf(name, sizeof name, "p%d", i);
		store_bind_text(ins, 1, name);
		db_bind_int(ins, 2, i);
		ck_assert_int_eq(db_step(ins), DB_DONE);
		db_reset(ins);
	}
	while (db_step(sel) == DB_ROW) {
		store_bind_static(up, 1, (const char *)db_column_text(sel, 0));
		ck_assert_int_eq(db_step(up), DB_DONE);
		ck_assert_int_eq(db_pg_changes(pc), 1);
		db_reset(up);
		/* The rows read are those of the first step. */
		ck_assert_int_eq(db_column_int(sel, 1), ++seen);
	}
	ck_assert_int_eq(seen, 3);
	db_reset(sel);
	ck_assert_int_eq(db_step(sel), DB_ROW);
	ck_assert_int_eq(db_column_int(sel, 1), 11);
	db_finalize(ins);
	db_finalize(sel);
	db_finalize(up);
}
END_TEST

START_TEST(t_blob)
{
	db_stmt *s = prep("SELECT '\\x00ff41'::bytea");

	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_int_eq(db_column_type(s, 0), DB_BLOB);
	ck_assert_int_eq(db_column_bytes(s, 0), 3);
	ck_assert(memcmp(db_column_blob(s, 0), "\0\377A", 3) == 0);
	db_finalize(s);
}
END_TEST

/* Numbers cross in C's notation whatever the locale. */
START_TEST(t_locale)
{
	static const char *const comma[] = {"de_DE.UTF-8", "de_DE.utf8",
	                                    "fr_FR.UTF-8"};
	db_stmt *s = prep("SELECT ?::double precision * 2, 1.5::float8");
	size_t i;

	for (i = 0; i < sizeof comma / sizeof comma[0]; i++)
		if (setlocale(LC_ALL, comma[i]) != NULL)
			break;
	db_bind_double(s, 1, 0.75);
	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert(db_column_double(s, 0) == 1.5);
	ck_assert(db_column_double(s, 1) == 1.5);
	setlocale(LC_ALL, "C");
	db_finalize(s);
}
END_TEST

START_TEST(t_errors)
{
	db_stmt *s = NULL;
	db_stmt *ins = prep("INSERT INTO t (name) VALUES (?)");

	/* A statement the server refuses to prepare. */
	ck_assert_int_eq(db_pg_prepare(pc, "SELECT nothing FROM nowhere", &s),
	                 DB_ERROR);
	ck_assert_ptr_null(s);
	ck_assert(strstr(db_pg_errmsg(pc), "nowhere") != NULL);
	ck_assert_int_eq(db_pg_errcode(pc), KAM_INTERNAL);
	/* A constraint is a conflict. */
	store_bind_static(ins, 1, "same");
	ck_assert_int_eq(db_step(ins), DB_DONE);
	db_reset(ins);
	ck_assert_int_eq(db_step(ins), DB_ERROR);
	ck_assert(strstr(db_pg_errmsg(pc), "duplicate key") != NULL);
	ck_assert_int_eq(db_pg_errcode(pc), KAM_CONFLICT);
	ck_assert(!db_pg_retry(pc));
	/* After a failed step the statement can run again. */
	db_reset(ins);
	store_bind_static(ins, 1, "other");
	ck_assert_int_eq(db_step(ins), DB_DONE);
	/* A missing privilege: the role owns nothing in the database. */
	ck_assert_int_eq(db_pg_exec(pc, "CREATE TABLE public.x (i int)"),
	                 DB_ERROR);
	ck_assert(strstr(db_pg_errmsg(pc), "permission denied") != NULL);
	ck_assert_int_eq(db_pg_errcode(pc), KAM_READONLY);
	db_finalize(ins);
}
END_TEST

/*
 * A parameter the SQL does not use is text, the type its value travels
 * as; one it uses is typed by the server from where it stands, and a
 * statement that leaves one untyped is refused (the SQL casts it).
 */
START_TEST(t_untyped)
{
	db_stmt *s;

	ck_assert_int_eq(db_pg_exec(pc, "BEGIN"), 0);
	s = prep("SELECT count(*) FROM t WHERE CAST(?1 AS TEXT) IS NULL "
	         "OR name = ?1");
	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_int_eq(db_column_int(s, 0), 0);
	db_finalize(s);
	/* ?1 and ?2, not in the text, are text; ?3 is typed by ||. */
	s = prep("SELECT ?3 || 'x'");
	store_bind_static(s, 1, "unused");
	store_bind_static(s, 3, "a");
	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_str_eq((const char *)db_column_text(s, 0), "ax");
	db_finalize(s);
	ck_assert_int_eq(db_pg_in_tx(pc), 1);
	ck_assert_int_eq(db_pg_commit(pc), 0);
	/* A parameter the text leaves untyped is refused, not guessed. */
	ck_assert_int_eq(db_pg_exec(pc, "BEGIN"), 0);
	ck_assert_int_eq(
	    db_pg_prepare(pc, "SELECT count(*) FROM t WHERE ?1 IS NULL", &s),
	    DB_ERROR);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(db_pg_commit(pc), DB_ERROR);
}
END_TEST

/* A transaction that failed is not committed, and says so. */
START_TEST(t_commit_failed)
{
	ck_assert_int_eq(db_pg_exec(pc, "BEGIN"), 0);
	ck_assert_int_eq(db_pg_exec(pc, "INSERT INTO t (name) VALUES ('k')"),
	                 0);
	ck_assert_int_eq(db_pg_exec(pc, "SELECT 1/0"), DB_ERROR);
	ck_assert_int_eq(db_pg_commit(pc), DB_ERROR);
	ck_assert_str_eq(db_pg_errmsg(pc),
	                 "the transaction failed before its commit");
	ck_assert_int_eq(db_pg_in_tx(pc), 0);
	ck_assert_int_eq(db_pg_exec(pc, "SELECT 1 FROM t WHERE name = 'k'"), 0);
	ck_assert_int_eq(db_pg_changes(pc), 0);
}
END_TEST

/* The failures a transaction may be run again for, and their code. */
START_TEST(t_retry)
{
	ck_assert_int_eq(
	    db_pg_exec(pc, "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = "
	                   "'serialization_failure'; END $$"),
	    DB_ERROR);
	ck_assert(db_pg_retry(pc));
	ck_assert_int_eq(db_pg_errcode(pc), KAM_CONFLICT);
	ck_assert_int_eq(
	    db_pg_exec(pc, "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = "
	                   "'deadlock_detected'; END $$"),
	    DB_ERROR);
	ck_assert(db_pg_retry(pc));
	ck_assert_int_eq(
	    db_pg_exec(pc, "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = "
	                   "'lock_not_available'; END $$"),
	    DB_ERROR);
	ck_assert(!db_pg_retry(pc));
}
END_TEST

START_TEST(t_connect)
{
	struct pg_conn *bad = NULL;

	ck_assert_int_eq(
	    db_pg_connect("postgresql://127.0.0.1:1/none?connect_timeout=2",
	                  &bad),
	    DB_ERROR);
	ck_assert(*db_pg_errmsg(bad) != '\0');
	ck_assert_int_eq(db_pg_errcode(bad), KAM_IO);
	db_pg_close(bad);
}
END_TEST

/* Times are read in UTC whatever the server's zone. */
START_TEST(t_utc)
{
	db_stmt *s = prep("SELECT current_setting('TimeZone')");

	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_str_eq((const char *)db_column_text(s, 0), "UTC");
	db_finalize(s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("store-pg");
	TCase *tc = tcase_create("params");

	tcase_add_test(tc, t_params);
	tcase_add_test(tc, t_vocab_rank);
	suite_add_tcase(s, tc);
	if (getenv("KAM_TEST_PG") != NULL) {
		tc = tcase_create("server");
		tcase_add_checked_fixture(tc, setup, teardown);
		tcase_add_test(tc, t_rows);
		tcase_add_test(tc, t_nested);
		tcase_add_test(tc, t_stream);
		tcase_add_test(tc, t_blob);
		tcase_add_test(tc, t_locale);
		tcase_add_test(tc, t_errors);
		tcase_add_test(tc, t_utc);
		tcase_add_test(tc, t_untyped);
		tcase_add_test(tc, t_commit_failed);
		tcase_add_test(tc, t_retry);
		tcase_add_test(tc, t_connect);
		suite_add_tcase(s, tc);
	} else
		printf("store-pg: no KAM_TEST_PG, the server's tests are "
		       "left to make check-pg\n");
	return s;
}

int
main(void)
{
	return unit_run(suite());
}
