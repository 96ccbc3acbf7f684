/*
 * Unit tests of reasons as codes (reason.c): the table's formats and
 * argument kinds agree, each writer's text for sentences, nested
 * reasons, lists, key members, clauses and notes, the checks of
 * reason_valid, copies, and the writer for a person under the C locale
 * giving the English byte for byte.  A stored English sentence is read
 * back through the same table (gate_say).
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/reason.h"
#include "unit.h"

/* Checks r's English and frees r. */
static void
english_is(struct reason *r, const char *want)
{
	char *en = reason_english(r), *said = reason_said(r);

	ck_assert_msg(reason_valid(r), "not valid: %s", want);
	ck_assert_str_eq(en, want);
	/* Under the C locale the person reads the same bytes. */
	ck_assert_str_eq(said, want);
	free(en);
	free(said);
	reason_free(r);
}

static struct reason *
t(const char *s)
{
	return reason_text("%s", s);
}

/* Each format has one kind per conversion, and the kinds are known. */
START_TEST(t_table)
{
	size_t i;

	for (i = 0; i < R_COUNT; i++) {
		const char *f = reason_formats[i].fmt, *p;
		size_t n = 0;

		ck_assert_ptr_nonnull(f);
		ck_assert_ptr_nonnull(reason_formats[i].kinds);
		for (p = f; (p = strchr(p, '%')) != NULL;) {
			if (p[1] == '%') {
				p += 2;
				continue;
			}
			n++;
			p += reason_conv_len(p);
		}
		ck_assert_msg(n == strlen(reason_formats[i].kinds),
		              "%zu: %s has %zu conversions", i, f, n);
		ck_assert_uint_eq(
		    strspn(reason_formats[i].kinds, "swgSdnqtNLK"),
		    strlen(reason_formats[i].kinds));
	}
	/* No two sentences alike. */
	for (i = 0; i < R_COUNT; i++) {
		size_t j;

		for (j = i + 1; j < R_COUNT; j++)
			ck_assert_str_ne(reason_formats[i].fmt,
			                 reason_formats[j].fmt);
	}
}
END_TEST

START_TEST(t_sentences)
{
	struct reason *l, *k;

	english_is(reason_code(R_NO_GROUP), "no buying group recorded");
	english_is(reason_code(R_NO_STANCE_ONE, reason_text("%zu", (size_t)1)),
	           "no stance known in the buying group (1 person)");
	/* %% is one %, and a number is as the rule printed it. */
	english_is(reason_code(R_UNKNOWN_WEIGHT, reason_text("%.0f", 40.0),
	                       reason_text("%.0f", 30.0)),
	           "40% of the weight is unknown (more than 30%)");
	english_is(reason_code(R_NOT_REACHED, reason_text("%d", 2),
	                       reason_word(REASON_GATE, "compete")),
	           "not reached: gate 2 (compete) failed");
	english_is(reason_code(
	               R_QUESTION, t("budget"),
	               reason_word(REASON_QUESTION, "Is the purchase funded?")),
	           "question 'budget': Is the purchase funded?");
	/* A nested reason. */
	english_is(reason_code(R_FIND_OUT, reason_code(R_NO_DM)),
	           "no decision-maker is named in the buying group: find "
	           "out before judging");
	/* Lists: one, two, three items. */
	l = reason_add(reason_group(REASON_LIST, NULL), t("A (a/x)"));
	english_is(reason_code(R_LOST_DMS, reason_dup(l)),
	           "the decision-makers A (a/x) oppose us and support "
	           "competitors, and nobody of high influence supports us");
	reason_add(l, t("B (a/y)"));
	english_is(reason_code(R_LOST_DMS, reason_dup(l)),
	           "the decision-makers A (a/x) and B (a/y) oppose us and "
	           "support competitors, and nobody of high influence "
	           "supports us");
	reason_add(l, t("C (a/z)"));
	english_is(reason_code(R_LOST_DMS, l),
	           "the decision-makers A (a/x), B (a/y) and C (a/z) oppose "
	           "us and support competitors, and nobody of high influence "
	           "supports us");
	/* Key members: "A, B" in a series, "A and B" in a list. */
	k = reason_group(REASON_KEY, "Ann");
	reason_add(k, t("acme/ann"));
	reason_add(k,
	           reason_code(R_INFLUENCE, reason_word(REASON_WORD, "high")));
	reason_add(k, reason_word(REASON_WORD, "decision-maker"));
	reason_add(k, reason_code(R_LEAD));
	l = reason_add(reason_group(REASON_SERIES, NULL), reason_dup(k));
	reason_add(l, reason_dup(k));
	english_is(reason_code(R_UNKNOWN_MANY, l),
	           "we do not know where Ann (acme/ann, high influence, "
	           "decision-maker, lead), Ann (acme/ann, high influence, "
	           "decision-maker, lead) stand");
	l = reason_add(reason_group(REASON_LIST, NULL), reason_dup(k));
	reason_add(l, k);
	english_is(reason_code(R_STALE, l, reason_text("%.0f", 90.0)),
	           "what we know of Ann (acme/ann, high influence, "
	           "decision-maker, lead) and Ann (acme/ann, high influence, "
	           "decision-maker, lead) is more than 90 days old");
	/* Clauses, and a user's note after them. */
	l = reason_group(REASON_CLAUSES, NULL);
	reason_add(l, reason_code(R_PLAN_SUPPORTS));
	reason_add(l, reason_code(R_PLAN_NO_COACH));
	reason_add(l, reason_code(R_SINCE, t("2026-01-02")));
	english_is(reason_note(l, "said so; twice"),
	           "supports us; we have no coach to rely on; since "
	           "2026-01-02: said so; twice");
}
END_TEST

START_TEST(t_valid)
{
	struct reason *r;

	/* Too few arguments, and arguments of the wrong kind. */
	r = reason_code(R_NO_GROUP);
	reason_add(r, t("x"));
	ck_assert(!reason_valid(r));
	reason_free(r);
	r = reason_code(R_NOT_REACHED, t("2"), t("compete"));
	ck_assert(!reason_valid(r));
	reason_free(r);
	r = reason_code(R_CRIT_NO, t("fit"),
	                reason_word(REASON_SOURCE, "answered"));
	ck_assert(reason_valid(r));
	reason_free(r);
	/* A list of names holds names; an empty list is none. */
	r = reason_code(R_LOST_DMS, reason_group(REASON_LIST, NULL));
	ck_assert(!reason_valid(r));
	reason_free(r);
	r = reason_code(
	    R_PLAN_SUPPORTS_RIVAL,
	    reason_add(reason_group(REASON_LIST, NULL), reason_code(R_LEAD)));
	ck_assert(!reason_valid(r));
	reason_free(r);
	/* A nested reason is a sentence or clauses, not text. */
	r = reason_code(R_WEAK_UNTIL, t("x"));
	ck_assert(!reason_valid(r));
	reason_free(r);
	ck_assert(!reason_valid(NULL));
	ck_assert_ptr_null(reason_english(NULL));
	ck_assert_ptr_null(reason_said(NULL));
}
END_TEST

START_TEST(t_dup)
{
	struct reason *r, *d;
	char *a, *b;

	r = reason_code(
	    R_SURE_LOSS, t(GATE_LOST_DM),
	    reason_code(R_LOST_DMS, reason_add(reason_group(REASON_LIST, NULL),
	                                       t("A (a/x)"))));
	d = reason_dup(r);
	a = reason_english(r);
	reason_free(r);
	b = reason_english(d);
	ck_assert_str_eq(a, b);
	ck_assert(reason_valid(d));
	reason_free(d);
	free(a);
	free(b);
	ck_assert_ptr_null(reason_dup(NULL));
}
END_TEST

/* A stored sentence is read back, under C, as written. */
START_TEST(t_stored)
{
	char *s = gate_say("score 0.50 reaches the fail threshold 0.40");

	ck_assert_str_eq(s, "score 0.50 reaches the fail threshold 0.40");
	free(s);
}
END_TEST

/* A reason written as a stored run keeps it: its nodes, exactly. */
START_TEST(t_nodes_write)
{
	struct reason *r = reason_code(
	    R_UNKNOWN_ONE,
	    reason_add(
	        reason_group(REASON_LIST, NULL),
	        reason_add(reason_add(reason_group(REASON_KEY, "Li \"N\""),
	                              reason_text("acme/li")),
	                   reason_code(R_INFLUENCE,
	                               reason_word(REASON_WORD, "high")))));
	char *out = NULL;
	size_t len = 0, n = 3;
	FILE *fp = open_memstream(&out, &len);

	ck_assert_ptr_nonnull(fp);
	reason_write_nodes(fp, r, "coverage", 0, &n);
	reason_write_nodes(fp, NULL, "none", 0, &n);
	fclose(fp);
	ck_assert_uint_eq(n, 9);
	ck_assert_str_eq(
	    out,
	    ",\n{\"up\": -1, \"criterion\": \"coverage\", \"kind\": "
	    "\"code\", \"sentence\": \"we do not know where %s stands\"},\n"
	    "{\"up\": 3, \"kind\": \"list\"},\n"
	    "{\"up\": 4, \"kind\": \"key\", \"text\": \"Li \\\"N\\\"\"},\n"
	    "{\"up\": 5, \"kind\": \"text\", \"text\": \"acme/li\"},\n"
	    "{\"up\": 5, \"kind\": \"code\", \"sentence\": \"%s "
	    "influence\"},\n"
	    "{\"up\": 7, \"kind\": \"word\", \"text\": \"high\"}");
	free(out);
	n = 0;
	out = NULL;
	fp = open_memstream(&out, &len);
	reason_free(r);
	r = reason_code(R_PLAN_OPPOSES);
	reason_write_nodes(fp, r, NULL, 2, &n);
	fclose(fp);
	ck_assert_str_eq(out, "{\"up\": -1, \"gate\": 2, \"kind\": \"code\", "
	                      "\"sentence\": \"opposes us\"}");
	free(out);
	reason_free(r);
}
END_TEST

/* Nodes as the store gives them back make the reason again. */
START_TEST(t_nodes_read)
{
	struct reason_node v[] = {
	    {-1, "x", 0, "code",
	     "what we know of %s is more than %.0f days old", NULL},
	    {0, NULL, 0, "list", NULL, NULL},
	    {1, NULL, 0, "key", NULL, "Li"},
	    {2, NULL, 0, "text", NULL, "acme/li"},
	    {2, NULL, 0, "code", "last observed %s", NULL},
	    {4, NULL, 0, "text", NULL, "2026-01-06"},
	    {0, NULL, 0, "text", NULL, "90"},
	    /* a second root */
	    {-1, NULL, 1, "code", "lead", NULL},
	};
	struct reason *r = reason_from_nodes(v, 8, 0);
	char *s;

	ck_assert_ptr_nonnull(r);
	s = reason_english(r);
	ck_assert_str_eq(s, "what we know of Li (acme/li, last observed "
	                    "2026-01-06) is more than 90 days old");
	free(s);
	reason_free(r);
	r = reason_from_nodes(v, 8, 7);
	s = reason_english(r);
	ck_assert_str_eq(s, "lead");
	free(s);
	reason_free(r);
	ck_assert_ptr_null(reason_from_nodes(v, 8, 8));
	/* A sentence this version does not have. */
	v[4].sentence = "first observed %s";
	ck_assert_ptr_null(reason_from_nodes(v, 8, 0));
	v[4].sentence = "last observed %s";
	/* A kind it does not know. */
	v[5].kind = "number";
	ck_assert_ptr_null(reason_from_nodes(v, 8, 0));
	v[5].kind = "text";
	/* An argument too few, and one of the wrong kind. */
	v[6].up = 7;
	ck_assert_ptr_null(reason_from_nodes(v, 8, 0));
	v[6].up = 0;
	v[5].kind = "word";
	ck_assert_ptr_null(reason_from_nodes(v, 8, 0));
	v[5].kind = "text";
	r = reason_from_nodes(v, 8, 0);
	ck_assert_ptr_nonnull(r);
	reason_free(r);
}
END_TEST

int
main(void)
{
	setlocale(LC_ALL, "C");
	return unit_run(unit_suite("reason", t_table, t_sentences, t_valid,
	                           t_dup, t_stored, t_nodes_write, t_nodes_read,
	                           NULL));
}
