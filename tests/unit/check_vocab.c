/*
 * Unit tests of the vocabulary table (vocab.c): the method's words in
 * English, Chinese and signs, the one message for a word outside a
 * vocabulary, and the store's CHECK constraints, which must accept
 * exactly the table's words (each word is inserted into a temporary
 * store, and words outside are refused).
 */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"
#include "store-int.h"
#include "unit.h"

static char dir[64];
static char path[128];
static char errpath[128];

static void
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/check_vocab.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* What fn writes to stderr (static buffer). */
static const char *
stderr_of(int (*fn)(void), int *rc)
{
	static char text[1024];
	int saved, fd;
	FILE *fp;
	size_t n;

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	dup2(fd, STDERR_FILENO);
	close(fd);
	*rc = fn();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	fp = fopen(errpath, "r");
	ck_assert_ptr_nonnull(fp);
	n = fread(text, 1, sizeof text - 1, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

START_TEST(words_in_order)
{
	ck_assert_str_eq(vocab_table[VOCAB_STANCE].words[0], "support");
	ck_assert_str_eq(vocab_table[VOCAB_ROLE].words[8], "gatekeeper");
	ck_assert_ptr_null(vocab_table[VOCAB_ROLE].words[9]);
	ck_assert_int_eq(vocab_rank(VOCAB_ROLE, "decision-maker"), 0);
	ck_assert_int_eq(vocab_rank(VOCAB_ROLE, "gatekeeper"), 8);
	ck_assert_int_eq(vocab_rank(VOCAB_ROLE, "boss"), -1);
	ck_assert_int_eq(vocab_rank(VOCAB_ROLE, NULL), -1);
	/* A word of another vocabulary is not one of this one. */
	ck_assert_int_eq(vocab_rank(VOCAB_ROLE, "high"), -1);
	ck_assert_int_eq(vocab_rank(VOCAB_ANSWER, "unknown"), 3);
	ck_assert_int_eq(vocab_rank(VOCAB_LINK_KIND, "rivals"), 3);
}
END_TEST

START_TEST(words_typed)
{
	const char *other = "partner";

	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "decision-maker"),
	                 "decision-maker");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "coach"), "coach");
	ck_assert_ptr_null(vocab_word(VOCAB_ROLE, "boss"));
	ck_assert_ptr_null(vocab_word(VOCAB_ROLE, "Coach"));
	ck_assert_str_eq(vocab_word(VOCAB_LINK_KIND, "advises"), "advises");
	ck_assert_ptr_null(vocab_word(VOCAB_LINK_KIND, "loves"));
	ck_assert_str_eq(vocab_word(VOCAB_INFLUENCE, "high"), "high");
	ck_assert_ptr_null(vocab_word(VOCAB_INFLUENCE, "huge"));
	/* The method's Chinese words name the canonical English ones (kam(7)).
	 */
	ck_assert_ptr_eq(vocab_word(VOCAB_STANCE, "支持"), vocab_stances[0]);
	ck_assert_ptr_eq(vocab_word(VOCAB_STANCE, "中立"), vocab_stances[1]);
	ck_assert_ptr_eq(vocab_word(VOCAB_STANCE, "反对"), vocab_stances[2]);
	ck_assert_ptr_eq(vocab_word(VOCAB_ROLE, "决策者"), vocab_roles[0]);
	ck_assert_ptr_eq(vocab_word(VOCAB_ROLE, "决策人"), vocab_roles[0]);
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "技术"), "technical");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "业务"), "business");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "财务"), "finance");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "采购"), "procurement");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "使用者"), "user");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "用户"), "user");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "教练"), "coach");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "影响者"), "influencer");
	ck_assert_str_eq(vocab_word(VOCAB_ROLE, "把关者"), "gatekeeper");
	ck_assert_str_eq(vocab_word(VOCAB_LINK_KIND, "影响"), "influences");
	ck_assert_str_eq(vocab_word(VOCAB_LINK_KIND, "建议"), "advises");
	ck_assert_str_eq(vocab_word(VOCAB_LINK_KIND, "盟友"), "allies");
	ck_assert_str_eq(vocab_word(VOCAB_LINK_KIND, "对手"), "rivals");
	ck_assert_str_eq(vocab_word(VOCAB_INFLUENCE, "高"), "high");
	ck_assert_str_eq(vocab_word(VOCAB_INFLUENCE, "中"), "medium");
	ck_assert_str_eq(vocab_word(VOCAB_INFLUENCE, "低"), "low");
	ck_assert_str_eq(vocab_word(VOCAB_ANSWER, "是"), "yes");
	ck_assert_str_eq(vocab_word(VOCAB_ANSWER, "部分"), "partly");
	ck_assert_str_eq(vocab_word(VOCAB_ANSWER, "否"), "no");
	ck_assert_str_eq(vocab_word(VOCAB_ANSWER, "未知"), "unknown");
	ck_assert_str_eq(vocab_word(VOCAB_ANSWER, "unknown"), "unknown");
	/* Each word only in its own vocabulary, whole, as written. */
	ck_assert_ptr_null(vocab_word(VOCAB_STANCE, "高"));
	ck_assert_ptr_null(vocab_word(VOCAB_ROLE, "影响"));
	ck_assert_ptr_null(vocab_word(VOCAB_LINK_KIND, "影响者"));
	ck_assert_ptr_null(vocab_word(VOCAB_INFLUENCE, "是"));
	ck_assert_ptr_null(vocab_word(VOCAB_ANSWER, "支持"));
	ck_assert_ptr_null(vocab_word(VOCAB_ROLE, "决策"));
	ck_assert_ptr_null(vocab_word(VOCAB_ROLE, "决策者 "));
	ck_assert_ptr_null(vocab_word(VOCAB_ANSWER, ""));
	ck_assert_ptr_null(vocab_word(VOCAB_ANSWER, "maybe"));
	ck_assert_str_eq(vocab_word(VOCAB_STANCE, "+"), "support");
	ck_assert_str_eq(vocab_word(VOCAB_STANCE, "0"), "neutral");
	ck_assert_str_eq(vocab_word(VOCAB_STANCE, "-"), "oppose");
	/* Signs are a stance's only; a word keeps to its vocabulary. */
	ck_assert_ptr_null(vocab_word(VOCAB_ANSWER, "+"));
	ck_assert_ptr_null(vocab_word(VOCAB_INFLUENCE, "支持"));
	ck_assert_ptr_null(vocab_word(VOCAB_STANCE, "Support"));
	ck_assert_ptr_null(vocab_word(VOCAB_STANCE, NULL));
	/* The canonical word is the table's own string. */
	ck_assert_ptr_eq(vocab_word(VOCAB_ROLE, "technical"), vocab_roles[1]);
	/* Labels: without a catalog (no locale set here), the English word;
	 * anything else unchanged. */
	ck_assert_str_eq(vocab_label("decision-maker"), "decision-maker");
	ck_assert_ptr_eq(vocab_label(other), other);
	ck_assert_ptr_null(vocab_label(NULL));
}
END_TEST

START_TEST(signs_and_weights)
{
	ck_assert_int_eq(vocab_stance_sign("support"), 1);
	ck_assert_int_eq(vocab_stance_sign("neutral"), 0);
	ck_assert_int_eq(vocab_stance_sign("oppose"), -1);
	ck_assert_str_eq(vocab_stance_of_sign(1), "support");
	ck_assert_str_eq(vocab_stance_of_sign(-1), "oppose");
	ck_assert_ptr_null(vocab_stance_of_sign(2));
	ck_assert_ptr_null(vocab_stance_of_sign(-2));
	ck_assert_int_eq(vocab_influence_weight("high"), 3);
	ck_assert_int_eq(vocab_influence_weight("medium"), 2);
	ck_assert_int_eq(vocab_influence_weight("low"), 1);
	ck_assert_str_eq(vocab_stance_signs[2], "-");
}
END_TEST

START_TEST(choices)
{
	static const char *const want[VOCAB_NKINDS] = {
	    "support, neutral, oppose, +, 0 or -",
	    "decision-maker, technical, business, finance, procurement, "
	    "user, coach, influencer or gatekeeper",
	    "influences, advises, allies or rivals",
	    "high, medium or low",
	    "yes, partly, no or unknown",
	};
	int k;

	for (k = 0; k < VOCAB_NKINDS; k++) {
		char *s = vocab_choices((enum vocab_kind)k);

		ck_assert_str_eq(s, want[k]);
		free(s);
	}
}
END_TEST

/* Each refusal, spelled out for translators, lists its vocabulary's
 * words exactly: "unknown NAME '%s' (use CHOICES)". */
START_TEST(refusals_list_the_words)
{
	int k;

	for (k = 0; k < VOCAB_NKINDS; k++) {
		char *words = vocab_choices((enum vocab_kind)k), *want;

		xasprintf(&want, "unknown %s '%%s' (use %s)",
		          vocab_table[k].name, words);
		ck_assert_str_eq(vocab_refusal((enum vocab_kind)k), want);
		free(want);
		free(words);
	}
}
END_TEST

static int
refuse_role(void)
{
	return vocab_refused("f.csv:3", VOCAB_ROLE, "boss");
}

static int
refuse_influence(void)
{
	return vocab_refused(NULL, VOCAB_INFLUENCE, "huge");
}

START_TEST(one_message)
{
	const char *e;
	int rc;

	kam_progname = "kam-test";
	e = stderr_of(refuse_role, &rc);
	ck_assert_int_eq(rc, KAM_DATA);
	ck_assert_str_eq(e, "kam-test: f.csv:3: unknown role 'boss' (use "
	                    "decision-maker, technical, business, finance, "
	                    "procurement, user, coach, influencer or "
	                    "gatekeeper)\n");
	e = stderr_of(refuse_influence, &rc);
	ck_assert_int_eq(rc, KAM_DATA);
	ck_assert_str_eq(e, "kam-test: unknown influence 'huge' (use high, "
	                    "medium or low)\n");
}
END_TEST

/*
 * The words quoted in the CHECK clause of a column, as the schema of a
 * new store declares it: from the column's name to the comma that ends
 * its definition.
 */
static size_t
check_words(sqlite3 *db, const char *table, const char *column, char w[][32])
{
	sqlite3_stmt *s;
	const char *sql, *p, *q;
	char start[64];
	size_t n = 0;
	int depth = 0;

	ck_assert_int_eq(sqlite3_prepare_v2(db,
	                                    "SELECT sql FROM sqlite_master "
	                                    "WHERE type = 'table' AND name = ?",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	sql = (const char *)sqlite3_column_text(s, 0);
	snprintf(start, sizeof start, "\t%s ", column);
	p = strstr(sql, start);
	ck_assert_msg(p != NULL, "no column %s in %s", column, table);
	p = strstr(p, "CHECK");
	ck_assert_ptr_nonnull(p);
	for (; *p != '\0' && !(depth == 0 && (*p == ',' || *p == '\n')); p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == '\'') {
			q = strchr(p + 1, '\'');
			ck_assert_ptr_nonnull(q);
			ck_assert_uint_lt((size_t)(q - p), 32);
			ck_assert_uint_lt(n, 16);
			memcpy(w[n], p + 1, (size_t)(q - p - 1));
			w[n++][q - p - 1] = '\0';
			p = q;
		}
	}
	sqlite3_finalize(s);
	return n;
}

/* One insert of word into the vocabulary's column; the SQLite result. */
static int
insert(sqlite3 *db, enum vocab_kind k, const char *word, int n)
{
	static const char *const sql[VOCAB_NKINDS] = {
	    [VOCAB_STANCE] = "INSERT INTO observation (person_id, stance, "
	                     "effective, recorded, actor, prev_hash, hash) "
	                     "VALUES (?2, ?1, '2026-01-01', "
	                     "'2026-01-01T00:00:00Z', 't', '', '')",
	    [VOCAB_ROLE] = "INSERT INTO deal_role_period (deal_id, person_id, "
	                   "role, start_on) VALUES (1, ?2, ?1, '2026-01-01')",
	    [VOCAB_LINK_KIND] =
	        "INSERT INTO link_period (from_id, to_id, kind, "
	        "created, start_on) VALUES (?2, ?2 + 1000, ?1, "
	        "'x', '2026-01-01')",
	    [VOCAB_INFLUENCE] = "INSERT INTO deal_role_period (deal_id, "
	                        "person_id, role, influence, start_on) "
	                        "VALUES (2, ?2, 'user', ?1, '2026-01-01')",
	    [VOCAB_ANSWER] = "INSERT INTO answer (deal_id, criterion_id, "
	                     "answer, effective, recorded, actor) "
	                     "VALUES (1, ?2, ?1, 'd', 'r', 'a')",
	};
	sqlite3_stmt *s;
	int rc;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql[k], -1, &s, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, n);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc;
}

START_TEST(schema_accepts_exactly_the_words)
{
	static const char *const outside[] = {
	    "Support", "support ", "", "boss", "支持", "+", "very high", NULL};
	struct store *st = NULL;
	sqlite3 *db;
	char w[16][32];
	size_t n, i, j;
	int k, row = 1;

	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	store_close(st);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	/* The inserts leave out the rows they point at. */
	ck_assert_int_eq(
	    sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL),
	    SQLITE_OK);
	for (k = 0; k < VOCAB_NKINDS; k++) {
		const struct vocab *v = &vocab_table[k];

		/* The CHECK names the table's words and no other. */
		n = check_words(db, v->table, v->column, w);
		for (i = 0; v->words[i] != NULL; i++) {
			for (j = 0; j < n && strcmp(w[j], v->words[i]); j++)
				;
			ck_assert_msg(j < n, "%s.%s: CHECK lacks '%s'",
			              v->table, v->column, v->words[i]);
		}
		for (j = 0; j < n; j++)
			ck_assert_msg(vocab_rank((enum vocab_kind)k, w[j]) >= 0,
			              "%s.%s: CHECK holds '%s', not a %s",
			              v->table, v->column, w[j], v->name);
		/* Each word goes in; a word outside does not. */
		for (i = 0; v->words[i] != NULL; i++)
			ck_assert_msg(insert(db, (enum vocab_kind)k,
			                     v->words[i], row++) == SQLITE_DONE,
			              "%s '%s' refused: %s", v->name,
			              v->words[i], sqlite3_errmsg(db));
		for (i = 0; outside[i] != NULL; i++) {
			if (vocab_rank((enum vocab_kind)k, outside[i]) >= 0)
				continue;
			ck_assert_int_eq(
			    insert(db, (enum vocab_kind)k, outside[i], row++),
			    SQLITE_CONSTRAINT);
			ck_assert_int_eq(sqlite3_extended_errcode(db),
			                 SQLITE_CONSTRAINT_CHECK);
		}
		/* The other vocabularies' words do not go in either. */
		for (j = 0; j < VOCAB_NKINDS; j++)
			for (i = 0;
			     j != (size_t)k && vocab_table[j].words[i] != NULL;
			     i++)
				if (vocab_rank((enum vocab_kind)k,
				               vocab_table[j].words[i]) < 0)
					ck_assert_int_eq(
					    insert(db, (enum vocab_kind)k,
					           vocab_table[j].words[i],
					           row++),
					    SQLITE_CONSTRAINT);
	}
	sqlite3_close(db);
}
END_TEST

/* The store sorts by the vocabulary's order without spelling it. */
START_TEST(sql_order)
{
	struct store *st = NULL;
	sqlite3 *db;
	sqlite3_stmt *s;

	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	db = store_db(st);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
	                       "SELECT vocab_rank('role', 'gatekeeper'), "
	                       "vocab_rank('role', 'decision-maker'), "
	                       "vocab_rank('role', 'boss'), "
	                       "vocab_rank('link kind', 'allies'), "
	                       "vocab_rank('nothing', 'allies')",
	                       -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 8);
	ck_assert_int_eq(sqlite3_column_int(s, 1), 0);
	ck_assert_int_eq(sqlite3_column_int(s, 2), 1000);
	ck_assert_int_eq(sqlite3_column_int(s, 3), 2);
	ck_assert_int_eq(sqlite3_column_int(s, 4), 1000);
	sqlite3_finalize(s);
	store_close(st);
}
END_TEST

static Suite *
vocab_suite(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("vocab");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, words_in_order);
	tcase_add_test(tc, words_typed);
	tcase_add_test(tc, signs_and_weights);
	tcase_add_test(tc, choices);
	tcase_add_test(tc, refusals_list_the_words);
	tcase_add_test(tc, one_message);
	tcase_add_test(tc, schema_accepts_exactly_the_words);
	tcase_add_test(tc, sql_order);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(vocab_suite());
}
