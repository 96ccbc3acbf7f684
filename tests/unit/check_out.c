/*
 * Unit tests of the column tables of the row writers (out.c): one table
 * per row type gives the header and every row, in each format (table,
 * TSV, CSV, JSON), for every kind of column, missing values included.
 */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/out.h"
#include "unit.h"

/* A row with a field of every kind. */
struct row {
	const char *str, *word, *stance, *list;
	char chars[8];
	const char *ref, *refs, *acct, *label, *shown, *shown_t;
	int i, b;
	long l, pos;
	const char *digits;
	int64_t big, nz;
	double num, fixed;
	const double *gap;
};

static const char *
upper(const char *vocab, const char *word)
{
	(void)word;
	return vocab; /* the label is the vocabulary's name */
}

static void
put_twice(struct out *o, const void *row)
{
	const struct row *r = row;

	out_int(o, 2LL * r->i);
}

#define C(f, k) OUT_COL(struct row, f, #f, k)
static const struct out_col cols[] = {
    C(str, OUT_C_STR),
    C(word, OUT_C_WORD),
    C(stance, OUT_C_STANCE),
    C(list, OUT_C_LIST),
    C(chars, OUT_C_CHARS),
    C(ref, OUT_C_REF),
    OUT_COL_REF(struct row, refs, "refs", OUT_C_REF_LIST, acct),
    OUT_COL_LABEL(struct row, label, "label", upper, "LBL"),
    OUT_COL_SHOWN(struct row, shown, "shown", shown_t),
    C(i, OUT_C_INT),
    C(pos, OUT_C_LONG_POS),
    C(b, OUT_C_BOOL),
    C(l, OUT_C_LONG),
    C(big, OUT_C_INT64),
    C(nz, OUT_C_INT64_NZ),
    C(num, OUT_C_NUM),
    OUT_COL_FIXED(struct row, fixed, "fixed", 2),
    C(gap, OUT_C_NUM_PTR),
    OUT_COL_FN("twice", put_twice),
    C(digits, OUT_C_DIGITS),
    OUT_COL_END};
#undef C

static const double half = 0.5;

/* Every field set. */
static const struct row full = {.str = "a\tb",
                                .word = "supporter",
                                .stance = "blocker",
                                .list = "x;y",
                                .chars = "chars",
                                .ref = "kim",
                                .refs = "lee;beta/ann",
                                .acct = "acme",
                                .label = "w",
                                .shown = "canon",
                                .shown_t = "shown",
                                .i = 3,
                                .pos = 4,
                                .b = 1,
                                .l = 5L,
                                .big = 9000000000LL,
                                .nz = 7,
                                .num = 0.25,
                                .fixed = 1.0,
                                .gap = &half,
                                .digits = "12.50"};

/* Every field that may be missing, missing. */
static const struct row empty = {.acct = "acme"};

/* The rows written in format fmt with flags through the columns c, as a
 * string to free. */
static char *
write_cols(const struct out_col *c, enum out_format fmt, int flags,
           const struct row *rows, size_t n)
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&s, &len);
	struct out *o;

	ck_assert_ptr_nonnull(fp);
	o = out_open_cols(fp, fmt, flags, c);
	out_account(o, "acme");
	out_rows(o, rows, n, sizeof *rows);
	out_close(o);
	fclose(fp);
	return s;
}

/* The same through every column of cols. */
static char *
write_rows(enum out_format fmt, int flags, const struct row *rows, size_t n)
{
	return write_cols(cols, fmt, flags, rows, n);
}

/*
 * Each kind of column with a value and without one: the column (of
 * cols), the row, its TSV field and its JSON value.  In the order of
 * cols, the full row's case before the empty row's.
 */
static const struct kind_case {
	size_t col;
	const struct row *row;
	const char *tsv, *json;
} kinds[] = {
    {0, &full, "a\\tb", "\"a\\tb\""},
    {0, &empty, "", "null"},
    {1, &full, "supporter", "\"supporter\""},
    {1, &empty, "", "null"},
    {2, &full, "blocker", "\"blocker\""},
    {2, &empty, "unknown", "\"unknown\""},
    {3, &full, "x;y", "[\"x\",\"y\"]"},
    {3, &empty, "", "[]"},
    {4, &full, "chars", "\"chars\""},
    {4, &empty, "", "\"\""},
    {5, &full, "acme/kim", "\"acme/kim\""},
    {5, &empty, "", "null"},
    {6, &full, "acme/lee;beta/ann", "[\"acme/lee\",\"beta/ann\"]"},
    {6, &empty, "", "[]"},
    {7, &full, "w", "\"w\""},
    {7, &empty, "", "null"},
    {8, &full, "canon", "\"canon\""},
    {8, &empty, "", "null"},
    {9, &full, "3", "3"},
    {9, &empty, "0", "0"},
    {10, &full, "4", "4"},
    {10, &empty, "", "null"},
    {11, &full, "yes", "true"},
    {11, &empty, "no", "false"},
    {12, &full, "5", "5"},
    {12, &empty, "0", "0"},
    {13, &full, "9000000000", "9000000000"},
    {13, &empty, "0", "0"},
    {14, &full, "7", "7"},
    {14, &empty, "", "null"},
    {15, &full, "0.25", "0.25"},
    {15, &empty, "0", "0"},
    {16, &full, "1.00", "1.00"},
    {16, &empty, "0.00", "0.00"},
    {17, &full, "0.5", "0.5"},
    {17, &empty, "", "null"},
    {18, &full, "6", "6"},
    {18, &empty, "0", "0"},
    {19, &full, "12.50", "12.50"},
    {19, &empty, "", "null"},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

/* One kind, alone in a table: its TSV field and its JSON member. */
START_TEST(kind_alone)
{
	const struct kind_case *k = &kinds[_i];
	const struct out_col one[] = {cols[k->col], OUT_COL_END};
	char *s, *want;

	s = write_cols(one, OUT_TSV, OUT_NOHEADER, k->row, 1);
	xasprintf(&want, "%s\n", k->tsv);
	ck_assert_str_eq(s, want);
	free(s);
	free(want);
	s = write_cols(one, OUT_JSON, OUT_OBJECT, k->row, 1);
	xasprintf(&want, "{\"%s\":%s}\n", cols[k->col].name, k->json);
	ck_assert_str_eq(s, want);
	free(s);
	free(want);
}
END_TEST

/*
 * A row of the cases of row r, in the format's way: TSV fields between
 * tabs, a JSON object of members.
 */
static void
case_row(struct buf *b, enum out_format fmt, const struct row *r)
{
	size_t i, n = 0;

	buf_printf(b, "%s", fmt == OUT_JSON ? "{" : "");
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].row != r)
			continue;
		if (fmt == OUT_JSON)
			buf_printf(b, "%s\"%s\":%s", n++ ? "," : "",
			           cols[kinds[i].col].name, kinds[i].json);
		else
			buf_printf(b, "%s%s", n++ ? "\t" : "", kinds[i].tsv);
	}
	buf_printf(b, "%s", fmt == OUT_JSON ? "}" : "\n");
}

/* Every kind covered, once with a value and once without, in order. */
START_TEST(kind_cases)
{
	size_t i;

	ck_assert_int_eq(NKINDS, 2 * (sizeof cols / sizeof cols[0] - 1));
	for (i = 0; i < NKINDS; i++) {
		ck_assert_uint_eq(kinds[i].col, i / 2);
		ck_assert_ptr_eq(kinds[i].row, i % 2 ? &empty : &full);
	}
}
END_TEST

/* Whole rows: the cases' fields after a header, in the table's order. */
START_TEST(tsv_rows)
{
	struct row rows[2] = {full, empty};
	char *s = write_rows(OUT_TSV, 0, rows, 2);
	struct buf b = {0};

	buf_printf(&b,
	           "str\tword\tstance\tlist\tchars\tref\trefs\tlabel\tshown"
	           "\ti\tpos\tb\tl\tbig\tnz\tnum\tfixed\tgap\ttwice\tdigits\n");
	case_row(&b, OUT_TSV, &full);
	case_row(&b, OUT_TSV, &empty);
	ck_assert_str_eq(s, b.s);
	buf_free(&b);
	free(s);
}
END_TEST

START_TEST(tsv_noheader)
{
	char *s = write_rows(OUT_TSV, OUT_NOHEADER, &full, 1);

	ck_assert_ptr_null(strstr(s, "str\t"));
	ck_assert_int_eq(strncmp(s, "a\\tb\t", 5), 0);
	free(s);
}
END_TEST

START_TEST(csv_rows)
{
	char *s = write_rows(OUT_CSV, 0, &empty, 1);

	ck_assert_str_eq(s, "str,word,stance,list,chars,ref,refs,label,shown,i,"
	                    "pos,b,l,big,nz,num,fixed,gap,twice,digits\n"
	                    ",,unknown,,,,,,,0,,no,0,0,,0,0.00,,0,\n");
	free(s);
}
END_TEST

/* Whole rows: an array of the cases' objects. */
START_TEST(json_rows)
{
	struct row rows[2] = {full, empty};
	char *s = write_rows(OUT_JSON, 0, rows, 2);
	struct buf b = {0};

	buf_printf(&b, "[\n");
	case_row(&b, OUT_JSON, &full);
	buf_printf(&b, ",\n");
	case_row(&b, OUT_JSON, &empty);
	buf_printf(&b, "\n]\n");
	ck_assert_str_eq(s, b.s);
	buf_free(&b);
	free(s);
}
END_TEST

START_TEST(json_object)
{
	char *s = write_rows(OUT_JSON, OUT_OBJECT, &empty, 1);

	ck_assert_int_eq(strncmp(s, "{\"str\":null,", 12), 0);
	ck_assert_str_eq(s + strlen(s) - 16, ",\"digits\":null}\n");
	free(s);
}
END_TEST

START_TEST(json_none)
{
	char *s = write_rows(OUT_JSON, 0, NULL, 0);

	ck_assert_str_eq(s, "[]\n");
	free(s);
}
END_TEST

START_TEST(table_rows)
{
	struct row rows[2] = {full, empty};
	char *s = write_rows(OUT_TABLE, 0, rows, 2);

	/* Headings upper-cased, a handle of the writer's account bare,
	 * another's whole, labels and shown text, "-" for missing. */
	ck_assert_str_eq(
	    s,
	    "STR  WORD       STANCE   LIST  CHARS  REF  REFS          LABEL  "
	    "SHOWN  I  POS  B    L  BIG         NZ  NUM   FIXED  GAP  TWICE  "
	    "DIGITS\n"
	    "a b  supporter  blocker  x;y   chars  kim  lee;beta/ann  LBL    "
	    "shown  3  4    yes  5  9000000000  7   0.25  1.00   0.5  6      "
	    "12.50\n"
	    "-    -          unknown  -     -      -    -             -      "
	    "-      0  -    no   0  0           -   0     0.00   -    0      "
	    "-\n");
	free(s);
}
END_TEST

START_TEST(table_object)
{
	char *s = write_rows(OUT_TABLE, OUT_OBJECT, &full, 1);

	ck_assert_int_eq(strncmp(s, "str     a b\nword    supporter\n", 30), 0);
	ck_assert_ptr_nonnull(strstr(s, "\nrefs    lee;beta/ann\n"));
	ck_assert_str_eq(s + strlen(s) - 25, "\ntwice   6\ndigits  12.50\n");
	free(s);
}
END_TEST

/* The account of a reference: the row's field, else the writer's. */
START_TEST(ref_accounts)
{
	struct row r = full;
	char *s;

	r.acct = "beta";
	s = write_rows(OUT_TSV, OUT_NOHEADER, &r, 1);
	ck_assert_ptr_nonnull(strstr(s, "\tacme/kim\tbeta/lee;beta/ann\t"));
	free(s);
	/* No account: the text as it is, a ';' at its end kept. */
	r.acct = NULL;
	r.refs = "x &amp;";
	s = write_rows(OUT_TSV, OUT_NOHEADER, &r, 1);
	ck_assert_ptr_nonnull(strstr(s, "\tacme/kim\tx &amp;\t"));
	free(s);
}
END_TEST

/* A list as said in a table: the list upper-cased, here. */
static char *
said_upper(const char *list)
{
	char *s = xstrdup(list), *p;

	for (p = s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return s;
}

/* A list column with its words said: only a table says them. */
START_TEST(list_said)
{
	static const struct out_col said[] = {
	    OUT_COL_LIST_SAID(struct row, list, "list", said_upper),
	    OUT_COL_END};
	struct row rows[2] = {full, empty};
	char *s;

	s = write_cols(said, OUT_TABLE, 0, rows, 2);
	ck_assert_str_eq(s, "LIST\nX;Y\n-\n");
	free(s);
	s = write_cols(said, OUT_TSV, 0, rows, 2);
	ck_assert_str_eq(s, "list\nx;y\n\n");
	free(s);
	s = write_cols(said, OUT_JSON, 0, rows, 2);
	ck_assert_str_eq(s, "[\n{\"list\":[\"x\",\"y\"]},\n{\"list\":[]}\n]\n");
	free(s);
}
END_TEST

/*
 * One escaper for JSON and TSV: quotes and backslashes, controls, and
 * U+2028 (a line separator) escaped in JSON only.
 */
START_TEST(escapes)
{
	static const char tsv[] = "q\"b\\\\\\u0001\xe2\x80\xa8\\ufffd\t",
	                  json[] =
	                      "{\"str\":\"q\\\"b\\\\\\u0001\\u2028\\ufffd\",";
	struct row r = empty;
	char *s;

	r.str = "q\"b\\\x01\xe2\x80\xa8\xff";
	s = write_rows(OUT_TSV, OUT_NOHEADER, &r, 1);
	ck_assert_int_eq(strncmp(s, tsv, strlen(tsv)), 0);
	free(s);
	s = write_rows(OUT_JSON, OUT_OBJECT, &r, 1);
	ck_assert_int_eq(strncmp(s, json, strlen(json)), 0);
	free(s);
}
END_TEST

static Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("columns");

	tcase_add_test(tc, kind_cases);
	tcase_add_loop_test(tc, kind_alone, 0, (int)NKINDS);
	tcase_add_test(tc, tsv_rows);
	tcase_add_test(tc, tsv_noheader);
	tcase_add_test(tc, csv_rows);
	tcase_add_test(tc, json_rows);
	tcase_add_test(tc, json_object);
	tcase_add_test(tc, json_none);
	tcase_add_test(tc, table_rows);
	tcase_add_test(tc, table_object);
	tcase_add_test(tc, ref_accounts);
	tcase_add_test(tc, list_said);
	tcase_add_test(tc, escapes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(out_suite());
}
