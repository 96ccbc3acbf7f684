/*
 * Unit tests of the four gates: the rules as pure functions over structs
 * (every status, the order of the gates, not-reached, the verdicts, the
 * profit-is-not-everything case, computed versus answered criteria, the
 * opposing decision-maker), the comparison of two runs, and the store's
 * side (the seeded rubric, dated answers, the rubric guards).
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/store.h"

/* The default rubric, as schema.sql seeds it. */
static const struct {
	int gate;
	const char *key;
	int weight, must, computed;
} rubric[] = {
    {1, "need", 3, 1, 0},
    {1, "budget", 3, 1, 0},
    {1, "timeline", 2, 0, 0},
    {2, "fit", 3, 1, 0},
    {2, "gaps", 1, 0, 0},
    {2, "criteria-known", 1, 0, 0},
    {2, "resources", 2, 0, 0},
    {3, "position", 1, 0, 0},
    {3, "our-relationship", 3, 0, 1},
    {3, "rival-relationship", 2, 0, 1},
    {3, "coverage", 2, 0, 1},
    {3, "differentiation", 2, 0, 0},
    {3, "price", 1, 0, 0},
    {4, "profit", 2, 0, 0},
    {4, "capital", 1, 0, 0},
    {4, "side-effects", 2, 1, 0},
    {4, "strategy", 2, 0, 0},
    {4, "importance", 2, 0, 0},
};
#define NRUBRIC (sizeof rubric / sizeof rubric[0])

static struct gate_assessment A;

static void
mk(void)
{
	size_t i;

	memset(&A, 0, sizeof A);
	A.deal = xstrdup("acme/his");
	A.deal_name = xstrdup("HIS");
	strcpy(A.as_of, "2026-03-02");
	gate_params_default(&A.params);
	A.crit = xcalloc(NRUBRIC, sizeof *A.crit);
	A.ncrit = NRUBRIC;
	for (i = 0; i < NRUBRIC; i++) {
		A.crit[i].gate = rubric[i].gate;
		A.crit[i].key = xstrdup(rubric[i].key);
		xasprintf(&A.crit[i].question, "Question about %s?",
		          rubric[i].key);
		A.crit[i].weight = rubric[i].weight;
		A.crit[i].must = rubric[i].must;
		A.crit[i].computed = rubric[i].computed;
	}
}

static void
unmk(void)
{
	gate_assessment_free(&A);
}

static struct gate_crit *
crit(const char *key)
{
	size_t i;

	for (i = 0; i < A.ncrit; i++)
		if (strcmp(A.crit[i].key, key) == 0)
			return &A.crit[i];
	ck_abort_msg("no criterion %s", key);
	return NULL;
}

static void
ans(const char *key, enum gate_ans a)
{
	struct gate_crit *c = crit(key);

	c->answer = a;
	c->source = GATE_SRC_ANSWERED;
	strcpy(c->on, "2026-02-01");
}

/* Answers every criterion of a gate with a. */
static void
gate_all(int g, enum gate_ans a)
{
	size_t i;

	for (i = 0; i < A.ncrit; i++)
		if (A.crit[i].gate == g)
			ans(A.crit[i].key, a);
}

static void
all_yes(void)
{
	int g;

	for (g = 1; g <= 4; g++)
		gate_all(g, GATE_YES);
}

static void
assess(void)
{
	gate_compute(&A);
	gate_evaluate(&A);
}

static int
has_reason(int g, const char *text)
{
	size_t i;

	for (i = 0; i < A.gates[g - 1].nreasons; i++)
		if (strcmp(A.gates[g - 1].reasons[i], text) == 0)
			return 1;
	return 0;
}

#define ck_status(g, s) ck_assert_int_eq(A.gates[(g)-1].status, (s))
#define ck_reason(g, t) ck_assert_msg(has_reason((g), (t)), "no reason: %s", t)

/* A member of the buying group: influence 0 high, 1 medium, 2 low. */
static void
member(const char *ref, int core, int influence, int stance)
{
	struct gate_member *m;

	A.members = xreallocarray(A.members, A.nmembers + 1, sizeof *m);
	m = &A.members[A.nmembers++];
	memset(m, 0, sizeof *m);
	m->ref = xstrdup(ref);
	m->name = xstrdup(strchr(ref, '/') + 1);
	m->roles = xstrdup("role");
	m->core = core;
	m->influence = influence;
	m->stance = stance;
	if (stance != GATE_STANCE_UNKNOWN)
		strcpy(m->since, "2026-02-20");
}

static void
rival(const char *handle)
{
	size_t i;

	A.rivals = xreallocarray(A.rivals, A.nrivals + 1, sizeof *A.rivals);
	A.rivals[A.nrivals].handle = xstrdup(handle);
	A.rivals[A.nrivals].name = xstrdup(handle);
	A.nrivals++;
	for (i = 0; i < A.nmembers; i++) {
		A.members[i].rival = xrealloc(A.members[i].rival, A.nrivals);
		A.members[i].rival[A.nrivals - 1] = GATE_STANCE_UNKNOWN;
	}
}

START_TEST(t_words)
{
	ck_assert_int_eq(gate_ans_parse("partly"), GATE_PARTLY);
	ck_assert_int_eq(gate_ans_parse("maybe"), -1);
	ck_assert_int_eq(gate_ans_parse("Yes"), -1);
	ck_assert_str_eq(gate_ans_word(GATE_UNKNOWN), "unknown");
	ck_assert_str_eq(gate_status_word(GATE_NOT_REACHED), "not-reached");
	ck_assert_str_eq(gate_verdict_word(VERDICT_LIMITED), "pursue-limited");
	ck_assert_str_eq(gate_src_word(GATE_SRC_COMPUTED), "computed");
	ck_assert_int_eq(gate_parse("win"), 3);
	ck_assert_int_eq(gate_parse("4"), 4);
	ck_assert_int_eq(gate_parse("5"), 0);
	ck_assert_int_eq(gate_parse("0"), 0);
	ck_assert_int_eq(gate_parse("41"), 0);
	ck_assert_str_eq(gate_name(2), "compete");
}
END_TEST

START_TEST(t_params)
{
	struct gate_params p;
	size_t i;

	gate_params_default(&p);
	ck_assert(*gate_param(&p, "win.strong") == 0.75);
	ck_assert(*gate_param(&p, "real.fail") == 0.5);
	ck_assert(*gate_param(&p, "unknown.max") == 0.34);
	ck_assert(*gate_param(&p, "influence.high") == 3);
	ck_assert(*gate_param(&p, "coverage.yes") == 4);
	ck_assert_ptr_null(gate_param(&p, "win.weak"));
	for (i = 0; gate_setting_keys[i] != NULL; i++) {
		ck_assert_ptr_nonnull(gate_param(&p, gate_setting_keys[i]));
		ck_assert_ptr_nonnull(gate_setting_help[i]);
	}
	ck_assert_ptr_null(gate_param_check("win.strong", 1));
	ck_assert_ptr_nonnull(gate_param_check("win.strong", 1.5));
	ck_assert_ptr_null(gate_param_check("our-relationship.partly", -0.5));
	ck_assert_ptr_nonnull(gate_param_check("coverage.yes", 2.5));
	ck_assert_ptr_nonnull(gate_param_check("coverage.yes", 5));
	ck_assert_ptr_null(gate_param_check("influence.low", 0));
}
END_TEST

START_TEST(t_all_unknown_is_open)
{
	int g;

	mk();
	assess();
	for (g = 1; g <= 4; g++)
		ck_status(g, GATE_OPEN);
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	ck_reason(1, "must-criterion 'need' is unknown");
	ck_reason(1, "100% of the weight is unknown (more than 34%)");
	ck_reason(1, "question 'budget': Question about budget?");
	ck_assert(!A.gates[0].scored);
	/* No buying group: the computed criteria stay unknown. */
	ck_assert_int_eq(crit("coverage")->answer, GATE_UNKNOWN);
	ck_assert_int_eq(crit("coverage")->source, GATE_SRC_COMPUTED);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "no buying group recorded");
	unmk();
}
END_TEST

START_TEST(t_all_yes_is_pursue)
{
	int g;

	mk();
	all_yes();
	assess();
	for (g = 1; g <= 4; g++) {
		ck_status(g, GATE_PASS);
		ck_assert(A.gates[g - 1].scored);
		ck_assert(A.gates[g - 1].score == 1.0);
	}
	ck_reason(3, "score 1.00 reaches the strong threshold 0.75");
	ck_reason(1, "score 1.00 reaches the fail threshold 0.50");
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	unmk();
}
END_TEST

START_TEST(t_must_no_fails_and_stops)
{
	mk();
	all_yes();
	ans("budget", GATE_NO);
	assess();
	ck_status(1, GATE_FAIL);
	ck_reason(1, "must-criterion 'budget' is no");
	ck_status(2, GATE_NOT_REACHED);
	ck_status(3, GATE_NOT_REACHED);
	ck_status(4, GATE_NOT_REACHED);
	ck_reason(4, "not reached: gate 1 (real) failed");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

START_TEST(t_must_no_beats_unknowns)
{
	/* A must at no fails even when the rest is unknown. */
	mk();
	ans("fit", GATE_NO);
	assess();
	ck_status(1, GATE_OPEN);
	ck_status(2, GATE_FAIL);
	ck_status(3, GATE_NOT_REACHED);
	ck_reason(3, "not reached: gate 2 (compete) failed");
	/* A failed gate decides the verdict over an open one. */
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

START_TEST(t_score_below_fail)
{
	mk();
	all_yes();
	ans("gaps", GATE_NO);
	ans("criteria-known", GATE_NO);
	ans("resources", GATE_NO);
	assess();
	/* 3 of 7 */
	ck_status(2, GATE_FAIL);
	ck_assert(A.gates[1].score == 0.43);
	ck_reason(2, "score 0.43 is below the fail threshold 0.50");
	ck_reason(2, "'resources' is no (answered)");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

START_TEST(t_fail_whatever_the_unknowns)
{
	mk();
	all_yes();
	ans("fit", GATE_PARTLY);
	ans("gaps", GATE_UNKNOWN);
	ans("criteria-known", GATE_NO);
	ans("resources", GATE_NO);
	assess();
	/* at best (1.5 + 1) / 7 */
	ck_status(2, GATE_FAIL);
	ck_reason(2, "the score cannot reach the fail threshold 0.50 even "
	             "if every unknown becomes yes (at most 0.36)");
	unmk();
}
END_TEST

START_TEST(t_unknown_share)
{
	mk();
	all_yes();
	/* 2 of 8 unknown: within 34%, the gate decides on the rest. */
	ans("timeline", GATE_UNKNOWN);
	/* 5 of 9 unknown, no must: open. */
	ans("profit", GATE_UNKNOWN);
	ans("importance", GATE_UNKNOWN);
	ans("capital", GATE_UNKNOWN);
	assess();
	ck_status(1, GATE_PASS);
	ck_status(4, GATE_OPEN);
	ck_reason(4, "56% of the weight is unknown (more than 34%)");
	ck_reason(4, "question 'profit': Question about profit?");
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	unmk();
}
END_TEST

START_TEST(t_weak_is_limited)
{
	mk();
	all_yes();
	ans("our-relationship", GATE_NO);
	ans("price", GATE_PARTLY);
	assess();
	/* (1 + 0 + 2 + 2 + 2 + 0.5) / 11 = 0.68 */
	ck_status(3, GATE_WEAK);
	ck_reason(3, "score 0.68 is below the strong threshold 0.75: the "
	             "odds are low, reconsider how much to invest");
	ck_reason(3, "'our-relationship' is no (answered)");
	ck_status(4, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	/* A changed threshold changes the status. */
	A.params.strong = 0.6;
	gate_evaluate(&A);
	ck_status(3, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	unmk();
}
END_TEST

START_TEST(t_open_beats_weak)
{
	mk();
	all_yes();
	ans("our-relationship", GATE_NO);
	ans("price", GATE_PARTLY);
	ans("need", GATE_UNKNOWN);
	assess();
	ck_status(1, GATE_OPEN);
	ck_status(3, GATE_WEAK);
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	unmk();
}
END_TEST

START_TEST(t_open_gate_does_not_stop)
{
	/* Only a failed gate ends the assessment. */
	mk();
	all_yes();
	ans("need", GATE_UNKNOWN);
	ans("side-effects", GATE_NO);
	assess();
	ck_status(1, GATE_OPEN);
	ck_status(2, GATE_PASS);
	ck_status(3, GATE_PASS);
	ck_status(4, GATE_FAIL);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

START_TEST(t_profit_is_not_everything)
{
	/* Poor profit, but important and strategic: worth winning. */
	mk();
	all_yes();
	ans("profit", GATE_NO);
	assess();
	ck_status(4, GATE_PASS);
	ck_reason(4, "'profit' is no, outweighed by the other criteria");
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	unmk();

	/* Profitable, but off strategy, unimportant, capital-heavy. */
	mk();
	all_yes();
	ans("strategy", GATE_NO);
	ans("importance", GATE_NO);
	ans("capital", GATE_NO);
	assess();
	ck_status(4, GATE_FAIL);
	ck_assert(A.gates[3].score == 0.44);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();

	/* Profitable, but it harms another key client: a must. */
	mk();
	all_yes();
	ans("side-effects", GATE_NO);
	assess();
	ck_status(4, GATE_FAIL);
	ck_reason(4, "must-criterion 'side-effects' is no");
	unmk();
}
END_TEST

START_TEST(t_computed_from_group)
{
	mk();
	all_yes();
	crit("our-relationship")->source = GATE_SRC_NONE;
	crit("rival-relationship")->source = GATE_SRC_NONE;
	crit("coverage")->source = GATE_SRC_NONE;
	member("acme/wang", GATE_CORE_DM, 0, 1);
	member("acme/li", GATE_CORE_TECHNICAL, 1, 1);
	member("acme/chen", GATE_CORE_FINANCE, 2, 0);
	member("acme/zhao", 0, 1, GATE_STANCE_UNKNOWN);
	rival("orcl");
	rival("sap");
	A.members[1].rival[0] = 1; /* li supports orcl */
	A.members[2].rival[1] = 1; /* chen supports sap */
	assess();
	/* (3 + 2 + 0) / (3 + 2 + 1 + 2) */
	ck_assert_int_eq(crit("our-relationship")->source, GATE_SRC_COMPUTED);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_YES);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support +0.63 over 4 people, 3 "
	                 "with a known stance (2 support, 1 neutral, 0 "
	                 "oppose)");
	/* orcl 2/8, sap 1/8: the strongest is orcl, partly. */
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("rival-relationship")->evidence,
	                 "strongest competitor 'orcl' has influence-weighted "
	                 "support +0.25");
	ck_assert_int_eq(crit("coverage")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "3 of 4 core roles have someone whose stance we know "
	                 "(missing: business)");
	/* (1 + 3 + 1 + 1 + 2 + 1) / 11 */
	ck_status(3, GATE_PASS);
	ck_assert(A.gates[2].score == 0.82);
	unmk();
}
END_TEST

START_TEST(t_computed_boundaries)
{
	mk();
	member("acme/wang", GATE_CORE_DM | GATE_CORE_BUSINESS, 0, 1);
	member("acme/li", GATE_CORE_TECHNICAL | GATE_CORE_FINANCE, 0, -1);
	rival("orcl");
	A.members[0].rival[0] = 1;
	A.members[1].rival[0] = 1;
	gate_compute(&A);
	/* 0 is not above the partly threshold 0. */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_NO);
	/* Rival support 1.00 is at least 0.50. */
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_NO);
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "4 of 4 core roles have someone whose stance we know");
	unmk();

	mk();
	member("acme/wang", GATE_CORE_DM, 0, GATE_STANCE_UNKNOWN);
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_UNKNOWN);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "no stance known in the buying group (1 person)");
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_UNKNOWN);
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	unmk();

	/* Every rival neutral or against: their relationships are weak. */
	mk();
	member("acme/wang", GATE_CORE_DM, 0, 1);
	rival("orcl");
	A.members[0].rival[0] = -1;
	A.params.influence[0] = 5;
	gate_compute(&A);
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_YES);
	ck_assert_str_eq(crit("rival-relationship")->evidence,
	                 "strongest competitor 'orcl' has influence-weighted "
	                 "support -1.00");
	unmk();
}
END_TEST

START_TEST(t_answered_beats_computed)
{
	mk();
	all_yes();
	member("acme/wang", GATE_CORE_DM, 0, 1);
	ans("our-relationship", GATE_PARTLY);
	crit("our-relationship")->evidence = xstrdup("lunch went badly");
	assess();
	ck_assert_int_eq(crit("our-relationship")->source, GATE_SRC_ANSWERED);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "lunch went badly");
	/* The unanswered ones are still computed. */
	ck_assert_int_eq(crit("coverage")->source, GATE_SRC_ANSWERED);
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_int_eq(crit("coverage")->source, GATE_SRC_COMPUTED);
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	unmk();
}
END_TEST

START_TEST(t_opposing_dm_called_out)
{
	/* Called out even when the relationship is answered yes and gate 3
	 * is never reached. */
	mk();
	all_yes();
	ans("need", GATE_NO);
	member("acme/wang", GATE_CORE_DM, 0, -1);
	member("acme/li", GATE_CORE_TECHNICAL, 1, -1);
	assess();
	ck_status(3, GATE_NOT_REACHED);
	ck_reason(3, "decision-maker acme/wang (wang) opposes us (since "
	             "2026-02-20)");
	ck_assert_int_eq(A.ngroup_notes, 1);
	ck_assert_int_eq(A.gates[2].nreasons, 2);
	unmk();
}
END_TEST

START_TEST(t_sentence_and_json)
{
	char *s, *buf = NULL;
	size_t len = 0;
	FILE *fp;

	mk();
	all_yes();
	ans("need", GATE_UNKNOWN);
	ans("fit", GATE_UNKNOWN);
	assess();
	s = gate_verdict_sentence(&A);
	ck_assert_str_eq(s, "Qualify before investing: gates 1 (is it a real "
	                    "opportunity?) and 2 (can we compete?) are open; "
	                    "answer the open questions first.");
	free(s);
	fp = open_memstream(&buf, &len);
	gate_write_json(fp, &A);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "\"verdict\": \"qualify\""));
	ck_assert_ptr_nonnull(
	    strstr(buf, "{\"key\": \"need\", \"answer\": \"unknown\", "
	                "\"source\": \"answered\", \"evidence\": null}"));
	ck_assert_ptr_nonnull(strstr(buf, "\"score\": 1.00"));
	free(buf);
	unmk();

	mk();
	ans("budget", GATE_NO);
	assess();
	s = gate_verdict_sentence(&A);
	ck_assert_str_eq(s, "Drop: gate 1, is it a real opportunity?, fails "
	                    "(must-criterion 'budget' is no).");
	free(s);
	unmk();
}
END_TEST

static char diffs[1024];

static void
diff_fn(const char *what, const char *item, const char *before,
        const char *after, void *arg)
{
	(void)arg;
	snprintf(diffs + strlen(diffs), sizeof diffs - strlen(diffs),
	         "%s %s %s>%s;", what, item ? item : "-", before ? before : "-",
	         after ? after : "-");
}

START_TEST(t_diff)
{
	struct gate_snap a, b;
	struct gate_snap_crit ca[2] = {{1, "need", "yes", "answered", NULL},
	                               {3, "coverage", "no", "computed", "x"}};
	struct gate_snap_crit cb[2] = {{1, "need", "yes", "answered", NULL},
	                               {1, "new", "unknown", "none", NULL}};
	int g;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	strcpy(a.as_of, "2026-01-01");
	strcpy(b.as_of, "2026-01-01");
	a.verdict = "qualify";
	b.verdict = "drop";
	for (g = 0; g < 4; g++)
		a.status[g] = b.status[g] = GATE_PASS;
	b.status[3] = GATE_FAIL;
	a.score[0] = "0.50";
	b.score[0] = "0.50";
	a.crit = ca;
	a.ncrit = 2;
	b.crit = cb;
	b.ncrit = 2;
	diffs[0] = '\0';
	ck_assert_uint_eq(gate_diff(&a, &b, diff_fn, NULL), 4);
	ck_assert_str_eq(diffs, "verdict - qualify>drop;gate worth pass>fail;"
	                        "criterion new ->unknown;criterion coverage "
	                        "no>-;");
	diffs[0] = '\0';
	ck_assert_uint_eq(gate_diff(&a, &a, diff_fn, NULL), 0);
}
END_TEST

/* The store's side, each test with its own store. */

static char dir[64];
static struct store *st;

static void
setup(void)
{
	char path[128];

	snprintf(dir, sizeof dir, "/tmp/check_gate.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	ck_assert_int_eq(
	    sqlite3_exec(store_db(st),
	                 "INSERT INTO account VALUES (1, 'acme', 'Acme', "
	                 "NULL, '2026-01-01T00:00:00Z');"
	                 "INSERT INTO person (id, account_id, handle, name, "
	                 "created) VALUES (1, 1, 'wang', 'Wang', "
	                 "'2026-01-01T00:00:00Z'), (2, 1, 'li', 'Li', "
	                 "'2026-01-01T00:00:00Z');"
	                 "INSERT INTO deal (id, account_id, handle, name, "
	                 "created) VALUES (1, 1, 'his', 'HIS', "
	                 "'2026-01-01T00:00:00Z');"
	                 "INSERT INTO deal_role VALUES (1, 1, "
	                 "'decision-maker', 'high', 0), (1, 1, 'finance', "
	                 "'low', 0), (1, 2, 'technical', 'medium', 1);",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	setenv("KAM_NOW", "2026-03-02T09:00:00Z", 1);
	setenv("KAM_USER", "tester", 1);
}

static void
teardown(void)
{
	char cmd[128];

	store_close(st);
	st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(t_store_rubric_seeded)
{
	struct gate_crit *c;
	size_t n, i;
	int must = 0, computed = 0;

	ck_assert_int_eq(gate_rubric(st, 0, &c, &n), KAM_OK);
	ck_assert_uint_eq(n, NRUBRIC);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(c[i].key, rubric[i].key);
		ck_assert_int_eq(c[i].gate, rubric[i].gate);
		ck_assert_int_eq(c[i].weight, rubric[i].weight);
		must += c[i].must;
		computed += c[i].computed;
	}
	ck_assert_int_eq(must, 4);
	ck_assert_int_eq(computed, 3);
	gate_crit_free(c, n);
	ck_assert_int_eq(gate_rubric(st, 3, &c, &n), KAM_OK);
	ck_assert_uint_eq(n, 6);
	gate_crit_free(c, n);
}
END_TEST

START_TEST(t_store_rubric_guards)
{
	int64_t id;

	ck_assert_int_eq(gate_criterion_id(st, "budgte", &id), KAM_NOTFOUND);
	ck_assert_int_eq(gate_criterion_add(st, 1, "need", "Q?", 1, 0),
	                 KAM_CONFLICT);
	/* Moving every criterion out of gate 1 stops at the last one. */
	ck_assert_int_eq(gate_criterion_set(st, "need", 2, -1, -1, NULL),
	                 KAM_OK);
	ck_assert_int_eq(gate_criterion_remove(st, "budget"), KAM_OK);
	ck_assert_int_eq(gate_criterion_set(st, "timeline", 0, 0, -1, NULL),
	                 KAM_CONFLICT);
	ck_assert_int_eq(gate_criterion_set(st, "timeline", 4, -1, -1, NULL),
	                 KAM_CONFLICT);
	ck_assert_int_eq(gate_criterion_remove(st, "timeline"), KAM_CONFLICT);
	/* Answered criteria stay. */
	ck_assert_int_eq(gate_criterion_id(st, "fit", &id), KAM_OK);
	ck_assert_int_eq(
	    gate_answer_add(st, 1, id, GATE_YES, NULL, "2026-02-01"), KAM_OK);
	ck_assert_int_eq(gate_criterion_remove(st, "fit"), KAM_CONFLICT);
	/* No transaction is left open by a refusal. */
	ck_assert_int_eq(sqlite3_get_autocommit(store_db(st)), 1);
}
END_TEST

static void
answer(const char *key, enum gate_ans a, const char *on)
{
	int64_t id;

	ck_assert_int_eq(gate_criterion_id(st, key, &id), KAM_OK);
	ck_assert_int_eq(gate_answer_add(st, 1, id, a, NULL, on), KAM_OK);
}

START_TEST(t_store_assess_dated)
{
	struct gate_assessment a;
	static const char *const yes[] = {
	    "need",           "timeline",   "fit",      "gaps",
	    "criteria-known", "resources",  "position", "differentiation",
	    "price",          "profit",     "capital",  "side-effects",
	    "strategy",       "importance", NULL};
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		answer(yes[i], GATE_YES, "2026-01-10");
	answer("budget", GATE_UNKNOWN, "2026-01-10");
	answer("budget", GATE_YES, "2026-02-01");
	answer("budget", GATE_NO, "2026-02-20");

	ck_assert_int_eq(gate_assess(st, 1, "2026-01-15", &a), KAM_OK);
	ck_assert_str_eq(a.deal, "acme/his");
	ck_assert_int_eq(a.gates[0].status, GATE_OPEN);
	ck_assert_uint_eq(a.nmembers, 2);
	ck_assert_str_eq(a.members[1].roles, "decision-maker, finance");
	ck_assert_int_eq(a.members[1].influence, 0);
	ck_assert_int_eq(a.members[0].lead, 1);
	/* Nobody's stance is known: 0 of 4 core roles. */
	ck_assert_int_eq(a.crit[10].answer, GATE_NO);
	ck_assert_int_eq(a.crit[10].source, GATE_SRC_COMPUTED);
	ck_assert_int_eq(a.verdict, VERDICT_QUALIFY);
	gate_assessment_free(&a);

	ck_assert_int_eq(gate_assess(st, 1, "2026-02-01", &a), KAM_OK);
	ck_assert_int_eq(a.gates[0].status, GATE_PASS);
	ck_assert_str_eq(a.crit[1].on, "2026-02-01");
	ck_assert_str_eq(a.crit[1].actor, "tester");
	gate_assessment_free(&a);

	ck_assert_int_eq(gate_assess(st, 1, "2026-03-02", &a), KAM_OK);
	ck_assert_int_eq(a.gates[0].status, GATE_FAIL);
	ck_assert_int_eq(a.verdict, VERDICT_DROP);
	gate_assessment_free(&a);
}
END_TEST

START_TEST(t_store_settings)
{
	struct gate_params p;

	ck_assert_int_eq(gate_setting_set(st, "win.strong", 0.9), KAM_OK);
	ck_assert_int_eq(gate_params_load(st, &p), KAM_OK);
	ck_assert(p.strong == 0.9);
	ck_assert_int_eq(gate_setting_stored(st, "win.strong"), 1);
	ck_assert_int_eq(gate_setting_reset(st, "win.strong"), KAM_OK);
	ck_assert_int_eq(gate_params_load(st, &p), KAM_OK);
	ck_assert(p.strong == 0.75);
	ck_assert_int_eq(gate_setting_stored(st, "win.strong"), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("gate");
	TCase *tc = tcase_create("rules");
	TCase *ts = tcase_create("store");

	tcase_add_test(tc, t_words);
	tcase_add_test(tc, t_params);
	tcase_add_test(tc, t_all_unknown_is_open);
	tcase_add_test(tc, t_all_yes_is_pursue);
	tcase_add_test(tc, t_must_no_fails_and_stops);
	tcase_add_test(tc, t_must_no_beats_unknowns);
	tcase_add_test(tc, t_score_below_fail);
	tcase_add_test(tc, t_fail_whatever_the_unknowns);
	tcase_add_test(tc, t_unknown_share);
	tcase_add_test(tc, t_weak_is_limited);
	tcase_add_test(tc, t_open_beats_weak);
	tcase_add_test(tc, t_open_gate_does_not_stop);
	tcase_add_test(tc, t_profit_is_not_everything);
	tcase_add_test(tc, t_computed_from_group);
	tcase_add_test(tc, t_computed_boundaries);
	tcase_add_test(tc, t_answered_beats_computed);
	tcase_add_test(tc, t_opposing_dm_called_out);
	tcase_add_test(tc, t_sentence_and_json);
	tcase_add_test(tc, t_diff);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ts, setup, teardown);
	tcase_add_test(ts, t_store_rubric_seeded);
	tcase_add_test(ts, t_store_rubric_guards);
	tcase_add_test(ts, t_store_assess_dated);
	tcase_add_test(ts, t_store_settings);
	suite_add_tcase(s, ts);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
