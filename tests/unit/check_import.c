/*
 * Unit tests of what every import shares: the CSV reader's line numbers
 * (LF, CRLF, lone CR, records spanning lines), its field-count check and
 * its messages, and the observation importer as a library call: messages
 * name FILE:LINE after the command's own name, which stays as it was;
 * and the handle index every importer finds rows with.
 */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"
#include "unit.h"

static char dir[64];
static char dbpath[128];
static char errpath[128];
static char csvpath[128];
static struct store *st;
static int saved_stderr = -1;

static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/check_import.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/kam.db", dir);
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	snprintf(csvpath, sizeof csvpath, "%s/in.csv", dir);
	kam_progname = "check_import";
	setenv("KAM_NOW", "2026-03-02T09:00:00Z", 1);
	setenv("KAM_USER", "tester", 1);
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

static struct csv_in *
csv_text(const char *text, size_t len)
{
	FILE *fp = fopen(csvpath, "w");
	struct csv_in *in;
	int status = -1;

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	fclose(fp);
	in = csv_open(csvpath, &status);
	ck_assert_ptr_nonnull(in);
	return in;
}

/* The lines rows begin on, for one text in three line-end styles. */
static void
lines_of(const char *text, size_t len, const long *want, size_t nwant)
{
	struct csv_in *in = csv_text(text, len);
	char **f;
	size_t n, i;
	long line;

	for (i = 0; i < nwant; i++) {
		ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
		ck_assert_int_eq(line, want[i]);
	}
	ck_assert_int_eq(csv_next(in, &f, &n, &line), 0);
	csv_close(in);
}

START_TEST(test_lines)
{
	/* a header, a row spanning 2-4, a blank line, rows on 6 and 7 */
	static const char lf[] = "a,b\nx,\"1\n2\n3\"\n\ny,z\nw,v";
	static const char crlf[] =
	    "a,b\r\nx,\"1\r\n2\r\n3\"\r\n\r\ny,z\r\nw,v\r\n";
	static const char cr[] = "a,b\rx,\"1\r2\r3\"\r\ry,z\rw,v\r";
	static const char mixed[] = "a,b\rx,\"1\r\n2\n3\"\n\ry,z\r\nw,v";
	static const long want[] = {1, 2, 6, 7};

	lines_of(lf, sizeof lf - 1, want, 4);
	lines_of(crlf, sizeof crlf - 1, want, 4);
	lines_of(cr, sizeof cr - 1, want, 4);
	lines_of(mixed, sizeof mixed - 1, want, 4);
}
END_TEST

START_TEST(test_cr_kept_in_field)
{
	static const char cr[] = "a,b\rx,\"1\r2\"\r";
	struct csv_in *in = csv_text(cr, sizeof cr - 1);
	char **f;
	size_t n;
	long line;

	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_str_eq(f[1], "1\r2");
	csv_close(in);
}
END_TEST

START_TEST(test_field_count)
{
	static const char text[] = "a,b,c\n1,2,3\n1,2\n";
	static const char *const cols[] = {"a", "b", "c", NULL};
	struct csv_in *in = csv_text(text, sizeof text - 1);
	char **f, want[256];
	size_t n;
	long line;
	int idx[3];

	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_int_eq(csv_header(in, f, n, line, cols, 1, idx), KAM_OK);
	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	capture();
	ck_assert_int_eq(csv_next(in, &f, &n, &line), -1);
	snprintf(want, sizeof want,
	         "check_import: %s:3: 2 fields, the header has 3\n", csvpath);
	ck_assert_str_eq(captured(), want);
	ck_assert_int_eq(csv_status(in), KAM_DATA);
	csv_close(in);
}
END_TEST

/* Before the header is read, rows may have any number of fields. */
START_TEST(test_field_count_needs_header)
{
	static const char text[] = "a,b,c\n1,2\n";
	struct csv_in *in = csv_text(text, sizeof text - 1);
	char **f;
	size_t n;
	long line;

	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_uint_eq(n, 2);
	csv_close(in);
}
END_TEST

START_TEST(test_nul_byte)
{
	static const char text[] = "a,b\n1,\"x\n\0y\"\n";
	struct csv_in *in = csv_text(text, sizeof text - 1);
	char **f, want[256];
	size_t n;
	long line;

	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	capture();
	ck_assert_int_eq(csv_next(in, &f, &n, &line), -1);
	snprintf(want, sizeof want, "check_import: %s:2: NUL byte\n", csvpath);
	ck_assert_str_eq(captured(), want);
	csv_close(in);
}
END_TEST

START_TEST(test_folder)
{
	struct csv_in *in;
	char want[256];
	int status = 0;

	capture();
	in = csv_open(dir, &status);
	snprintf(want, sizeof want,
	         "check_import: cannot read '%s': Is a directory\n", dir);
	ck_assert_str_eq(captured(), want);
	ck_assert_ptr_null(in);
	ck_assert_int_eq(status, KAM_IO);
}
END_TEST

/* A field that begins with a byte order mark, first in a file, reads
 * back as written (found by fuzz_csv). */
START_TEST(test_put_bom)
{
	static const char bom_field[] = "\xEF\xBB\xBFx";
	struct csv_in *in;
	char **f, *text = NULL;
	size_t n, len = 0;
	long line;
	FILE *w = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(w);
	csv_put(w, bom_field, 1);
	csv_put(w, "y", 0);
	csv_endrow(w);
	fclose(w);
	ck_assert_str_eq(text, "\"\xEF\xBB\xBFx\",y\n");
	in = csv_text(text, len);
	ck_assert_int_eq(csv_next(in, &f, &n, &line), 1);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(f[0], bom_field);
	csv_close(in);
	free(text);
}
END_TEST

static void
store_with_people(void)
{
	char *err = NULL;

	ck_assert_int_eq(store_open(&st, dbpath, STORE_CREATE), KAM_OK);
	ck_assert_int_eq(
	    sqlite3_exec(store_db(st),
	                 "INSERT INTO account (id, handle, name, industry, "
	                 "created) VALUES (1, 'acme', 'Acme', "
	                 "NULL, '2026-01-01T00:00:00Z');"
	                 "INSERT INTO person (id, account_id, handle, name, "
	                 "created) VALUES (1, 1, 'li-wei', 'Li', "
	                 "'2026-01-01T00:00:00Z');",
	                 NULL, NULL, &err),
	    SQLITE_OK);
}

static long
observations(void)
{
	sqlite3_stmt *s;
	long n = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(store_db(st),
	                                    "SELECT count(*) FROM observation",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

START_TEST(test_stance_import)
{
	static const char text[] = "person,stance,on\n"
	                           "acme/li-wei,support,2026-01-05\n"
	                           "li-wei,-,\n";
	FILE *fp;
	long count = -1;

	store_with_people();
	fp = fopen(csvpath, "w");
	fputs(text, fp);
	fclose(fp);
	ck_assert_int_eq(stance_import(st, csvpath, "acme", NULL, &count),
	                 KAM_OK);
	ck_assert_int_eq(count, 2);
	ck_assert_int_eq(observations(), 2);
}
END_TEST

/* A store lookup's message is placed after FILE:LINE, the command's
 * name left alone. */
START_TEST(test_stance_import_lookup_message)
{
	static const char text[] = "person,stance\n"
	                           "acme/li-wei,support\n"
	                           "acme/li-wie,oppose\n";
	const char *before = kam_progname;
	char want[256];
	FILE *fp;
	long count = -1;

	store_with_people();
	fp = fopen(csvpath, "w");
	fputs(text, fp);
	fclose(fp);
	capture();
	ck_assert_int_eq(stance_import(st, csvpath, NULL, NULL, &count),
	                 KAM_NOTFOUND);
	snprintf(want, sizeof want,
	         "check_import: %s:3: unknown person 'acme/li-wie' (did you "
	         "mean 'acme/li-wei'?)\n",
	         csvpath);
	ck_assert_str_eq(captured(), want);
	ck_assert_ptr_eq(kam_progname, before);
	ck_assert_int_eq(count, 0);
	ck_assert_int_eq(observations(), 0);
}
END_TEST

START_TEST(test_stance_import_check)
{
	struct stance_import_row r = {0};
	const char *word = NULL;

	r.person = "acme/li";
	r.stance = "+";
	ck_assert_int_eq(stance_import_check("f", 2, "2026-03-02", &r, &word),
	                 KAM_OK);
	ck_assert_str_eq(word, "support");
	r.on = "2026-03-02";
	ck_assert_int_eq(stance_import_check("f", 2, "2026-03-02", &r, &word),
	                 KAM_OK);
	capture();
	r.on = "2026-03-03";
	ck_assert_int_eq(stance_import_check("f", 2, "2026-03-02", &r, &word),
	                 KAM_DATA);
	r.on = "2026-02-30";
	ck_assert_int_eq(stance_import_check("f", 3, "2026-03-02", &r, &word),
	                 KAM_DATA);
	r.on = NULL;
	r.stance = "maybe";
	ck_assert_int_eq(stance_import_check("f", 4, "2026-03-02", &r, &word),
	                 KAM_DATA);
	r.stance = NULL;
	ck_assert_int_eq(stance_import_check("f", 5, "2026-03-02", &r, &word),
	                 KAM_DATA);
	r.person = NULL;
	ck_assert_int_eq(stance_import_check("f", 6, "2026-03-02", &r, &word),
	                 KAM_DATA);
	ck_assert_str_eq(captured(),
	                 "check_import: f:2: date '2026-03-03' is in the "
	                 "future (today is 2026-03-02)\n"
	                 "check_import: f:3: impossible date '2026-02-30'\n"
	                 "check_import: f:4: unknown stance 'maybe' (use "
	                 "support, neutral, oppose, +, 0 or -)\n"
	                 "check_import: f:5: missing stance\n"
	                 "check_import: f:6: missing person\n");
}
END_TEST

/*
 * The import machinery: a kind's columns read under other names
 * (FIELD=COLUMN), fields by column, FILE:LINE of each row, and one
 * message for a fault in any row.
 */
START_TEST(test_machinery_map)
{
	static const char *const cols[] = {"person", "stance", "note", NULL};
	static const struct import_kind kind = {"observations", cols, 2, 0};
	static const char *const map[] = {"person=who", "stance=mood", NULL};
	struct import_in im;
	FILE *fp = fopen(csvpath, "w");
	char want[256];

	ck_assert_ptr_nonnull(fp);
	fputs("mood,who,note\nsupport,acme/chen,\n-,acme/li,late\n", fp);
	fclose(fp);
	ck_assert_int_eq(import_open(&im, csvpath, &kind), KAM_OK);
	ck_assert(import_has_column(&im, "who"));
	ck_assert(!import_has_column(&im, "person"));
	ck_assert_int_eq(import_header(&im, &kind, map), KAM_OK);
	ck_assert_int_eq(import_next(&im), 1);
	ck_assert_str_eq(import_get(&im, 0), "acme/chen");
	ck_assert_str_eq(import_get(&im, 1), "support");
	ck_assert_ptr_null(import_get(&im, 2));
	ck_assert_str_eq(import_raw(&im, 2), "");
	ck_assert_int_eq(import_next(&im), 1);
	ck_assert_str_eq(import_get(&im, 2), "late");
	snprintf(want, sizeof want, "%s:3", csvpath);
	ck_assert_str_eq(import_where(&im), want);
	capture();
	ck_assert_int_eq(import_err(&im, KAM_NOTFOUND, "unknown person '%s'",
	                            import_get(&im, 0)),
	                 KAM_NOTFOUND);
	snprintf(want, sizeof want,
	         "check_import: %s:3: unknown person 'acme/li'\n", csvpath);
	ck_assert_str_eq(captured(), want);
	ck_assert_int_eq(import_next(&im), 0);
	import_close(&im);

	/* Without the map, the file's own names are unknown columns. */
	ck_assert_int_eq(import_open(&im, csvpath, &kind), KAM_OK);
	capture();
	ck_assert_int_eq(import_header(&im, &kind, NULL), KAM_DATA);
	snprintf(want, sizeof want,
	         "check_import: %s:1: unknown column 'mood' (known: person, "
	         "stance, note)\n",
	         csvpath);
	ck_assert_str_eq(captured(), want);
	import_close(&im);
}
END_TEST

START_TEST(test_machinery_empty)
{
	static const char *const cols[] = {"from", "to", NULL};
	static const struct import_kind kind = {"links", cols, 2, 0};
	struct import_in im;
	FILE *fp = fopen(csvpath, "w");
	char want[256];
	int flag = -1;

	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	capture();
	ck_assert_int_eq(import_open(&im, csvpath, &kind), KAM_DATA);
	snprintf(want, sizeof want,
	         "check_import: %s: empty file (expected a header: from,to)\n",
	         csvpath);
	ck_assert_str_eq(captured(), want);
	ck_assert(import_flag("yes", &flag) && flag == 1);
	ck_assert(import_flag("", &flag) && flag == 0);
	ck_assert(import_flag("false", &flag) && flag == 0);
	ck_assert(import_flag("是", &flag) && flag == 1);
	ck_assert(import_flag("否", &flag) && flag == 0);
	ck_assert(!import_flag("maybe", &flag));
	ck_assert(!import_flag("是的", &flag));
}
END_TEST

/* The handle index: keys found with their values, a repeated key
 * refused with its value unchanged, the table at most half full, and
 * room made at once (hindex_reserve) giving the same answers. */
static void
put_keys(struct hindex *x, size_t n)
{
	char key[32];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "p%zu", i);
		ck_assert(hindex_put(x, key, (int64_t)i * 3));
	}
}

static void
got_keys(const struct hindex *x, size_t n)
{
	char key[32];
	int64_t v;
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "p%zu", i);
		v = -1;
		ck_assert(hindex_get(x, key, &v));
		ck_assert_int_eq(v, (int64_t)i * 3);
	}
	snprintf(key, sizeof key, "p%zu", n);
	ck_assert(!hindex_get(x, key, NULL));
}

START_TEST(test_hindex)
{
	struct hindex x, y;
	int64_t v = -1;

	hindex_init(&x, 1);
	ck_assert(!hindex_get(&x, "p0", &v));
	ck_assert_int_eq(v, -1);
	ck_assert_ptr_null(hindex_nearest(&x, "p0"));
	put_keys(&x, 1023);
	ck_assert(!hindex_put(&x, "p7", 99));
	ck_assert(hindex_get(&x, "p7", &v));
	ck_assert_int_eq(v, 21);
	ck_assert(hindex_put(&x, "p1023", 3069));
	ck_assert_uint_eq(x.n, 1024);
	ck_assert_uint_eq(x.cap, 2048); /* 1,024 keys: half of 2,048 */
	got_keys(&x, 1024);
	ck_assert(hindex_put(&x, "p1024", 3072));
	ck_assert_uint_eq(x.cap, 4096); /* one more: twice the room */
	got_keys(&x, 1025);
	ck_assert_str_eq(hindex_nearest(&x, "p1024x"), "p1024");
	/* p102 and p1020 to p1024 are one edit away: the first in byte
	 * order. */
	ck_assert_str_eq(hindex_nearest(&x, "p102x"), "p102");
	ck_assert_str_eq(hindex_nearest(&x, "q99"), "p99");
	ck_assert_ptr_null(hindex_nearest(&x, "zzzzzz"));

	hindex_init(&y, 1);
	hindex_reserve(&y, 0);
	ck_assert_uint_eq(y.cap, 0);
	hindex_reserve(&y, 1024);
	ck_assert_uint_eq(y.cap, 2048);
	put_keys(&y, 1024);
	ck_assert_uint_eq(y.cap, 2048); /* no table made on the way */
	hindex_reserve(&y, 10);
	ck_assert_uint_eq(y.cap, 2048); /* never smaller */
	hindex_reserve(&y, 1025);
	ck_assert_uint_eq(y.cap, 4096);
	got_keys(&y, 1024);
	ck_assert_uint_eq(y.n, 1024);
	hindex_free(&y);
	hindex_free(&x);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("import");
	TCase *csv = tcase_create("csv");
	TCase *stance = tcase_create("stance");
	TCase *hindex = tcase_create("hindex");

	tcase_add_checked_fixture(csv, setup, teardown);
	tcase_add_test(csv, test_lines);
	tcase_add_test(csv, test_cr_kept_in_field);
	tcase_add_test(csv, test_field_count);
	tcase_add_test(csv, test_field_count_needs_header);
	tcase_add_test(csv, test_nul_byte);
	tcase_add_test(csv, test_folder);
	tcase_add_test(csv, test_put_bom);
	tcase_add_test(csv, test_machinery_map);
	tcase_add_test(csv, test_machinery_empty);
	suite_add_tcase(s, csv);
	tcase_add_checked_fixture(stance, setup, teardown);
	tcase_add_test(stance, test_stance_import);
	tcase_add_test(stance, test_stance_import_lookup_message);
	tcase_add_test(stance, test_stance_import_check);
	suite_add_tcase(s, stance);
	tcase_add_test(hindex, test_hindex);
	suite_add_tcase(s, hindex);
	return s;
}

int
main(void)
{
	return unit_run(suite());
}
