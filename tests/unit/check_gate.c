/*
 * Unit tests of the four gates: the rules as pure functions over structs
 * (every status and each threshold at its value and on both sides, the
 * order of the gates, not-reached, the verdicts, the profit-is-not-
 * everything case, computed versus answered criteria, the sure loss,
 * coverage as knowledge, the lead's weight, price with its size,
 * partners filling gaps, the expected value against the cost, the
 * investment, red flags, the plan per person, what if), the comparison
 * of two runs, and the store's side (the seeded profiles, dated answers,
 * the rubric guards, profiles, identical runs kept once).
 */
#include <config.h>

#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/reason.h"
#include "kam/store.h"

#include "store-int.h"
#include "unit.h"

/* The default rubric, as schema.sql seeds it. */
static const struct {
	int gate;
	const char *key;
	double weight;
	int must, computed;
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
    {3, "coverage", 0, 0, 1},
    {3, "differentiation", 2, 0, 0},
    {3, "price", 1, 0, 0},
    {4, "profit", 2, 0, 0},
    {4, "capital", 1, 0, 0},
    {4, "side-effects", 2, 1, 0},
    {4, "strategy", 2, 0, 0},
    {4, "importance", 2, 0, 0},
    {4, "expected-value", 0, 0, 1},
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
	A.profile = xstrdup("default");
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

/* The pursuit cost set to cost (NULL: none), the gates judged again. */
static void
recost(const char *cost)
{
	free(A.cost);
	A.cost = cost != NULL ? xstrdup(cost) : NULL;
	gate_evaluate(&A);
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

/* The price answered with a gap. */
static void
gap(double g)
{
	ans("price", GATE_UNKNOWN);
	crit("price")->has_gap = 1;
	crit("price")->gap = g;
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

/*
 * The text a writer makes of a reason the rules gave: valid (each
 * sentence with its arguments of the kinds its format names) and, in
 * English, the text kept beside it.
 */
static void
same_text(const struct reason *why, const char *text)
{
	char *en;

	ck_assert_ptr_nonnull(why);
	ck_assert_msg(reason_valid(why), "reason not valid: %s", text);
	en = reason_english(why);
	ck_assert_str_eq(en, text);
	free(en);
}

/* Every reason, computed evidence and group note of A has its code. */
static void
reasons_coded(void)
{
	size_t i;
	int g;

	for (g = 0; g < GATE_COUNT; g++)
		for (i = 0; i < A.gates[g].nreasons; i++)
			same_text(A.gates[g].why[i], A.gates[g].reasons[i]);
	for (i = 0; i < A.ngroup_notes; i++)
		same_text(A.group_why[i], A.group_notes[i]);
	for (i = 0; i < A.ncrit; i++)
		if (A.crit[i].source == GATE_SRC_COMPUTED ||
		    (A.crit[i].has_gap && A.crit[i].source != GATE_SRC_ASSUMED))
			same_text(A.crit[i].why, A.crit[i].evidence);
		else
			ck_assert_ptr_null(A.crit[i].why);
}

static void
assess(void)
{
	gate_compute(&A);
	gate_evaluate(&A);
	reasons_coded();
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

static void
dump_reasons(int g)
{
	size_t i;

	for (i = 0; i < A.gates[g - 1].nreasons; i++)
		fprintf(stderr, "  gate %d: %s\n", g,
		        A.gates[g - 1].reasons[i]);
}

#define ck_status(g, s)                                                        \
	do {                                                                   \
		if (A.gates[(g)-1].status != (s))                              \
			dump_reasons(g);                                       \
		ck_assert_int_eq(A.gates[(g)-1].status, (s));                  \
	} while (0)
#define ck_reason(g, t)                                                        \
	do {                                                                   \
		if (!has_reason((g), (t)))                                     \
			dump_reasons(g);                                       \
		ck_assert_msg(has_reason((g), (t)), "no reason: %s", t);       \
	} while (0)

/* A member of the buying group: influence 0 high, 1 medium, 2 low. */
static struct gate_member *
member(const char *ref, int core, int influence, int stance)
{
	struct gate_member *m;

	A.members = xreallocarray(A.members, A.nmembers + 1, sizeof *m);
	m = &A.members[A.nmembers++];
	memset(m, 0, sizeof *m);
	m->id = (int64_t)A.nmembers;
	m->ref = xstrdup(ref);
	m->name = xstrdup(strchr(ref, '/') + 1);
	m->roles = xstrdup(core & GATE_CORE_DM ? "decision-maker" : "role");
	m->core = core;
	m->rolebits = core;
	m->rank = core & GATE_CORE_DM ? 0 : 5;
	m->influence = influence;
	m->stance = stance;
	if (stance != GATE_STANCE_UNKNOWN) {
		strcpy(m->since, "2026-02-20");
		strcpy(m->latest, "2026-02-20");
	}
	if (A.nrivals > 0) {
		m->rival = xmalloc(A.nrivals);
		memset(m->rival, GATE_STANCE_UNKNOWN, A.nrivals);
	}
	return m;
}

static void
rival(const char *handle)
{
	ck_assert_int_eq(gate_rival_add(&A, handle, handle),
	                 (int)A.nrivals - 1);
}

static void
ally(struct gate_member *m, const char *ref, int stance)
{
	m->allies = xreallocarray(m->allies, m->nallies + 1, sizeof *m->allies);
	memset(&m->allies[m->nallies], 0, sizeof *m->allies);
	m->allies[m->nallies].ref = xstrdup(ref);
	m->allies[m->nallies].name = xstrdup(strchr(ref, '/') + 1);
	m->allies[m->nallies].kind = "influences";
	m->allies[m->nallies].stance = stance;
	m->nallies++;
}

/* A contact of ours with a person: appended to *v. */
static void
contact(struct gate_contact **v, size_t *n, const char *seller, int strength,
        const char *on)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].seller = xstrdup(seller);
	(*v)[*n].name = xstrdup(seller);
	(*v)[*n].strength = strength;
	snprintf((*v)[*n].on, sizeof(*v)[*n].on, "%s", on);
	(*n)++;
}

/*
 * The carrier: the strongest contact, then the most recent, then the
 * first seller by handle; nobody knowing the member, the best contact
 * of a supporter who influences them, never of a neutral or opponent.
 */
START_TEST(t_carrier)
{
	struct gate_member *m, *o;
	const struct gate_contact *c;
	const struct gate_ally *via;

	mk();
	m = member("acme/dm", GATE_CORE_DM, 0, 1);
	ck_assert_ptr_null(gate_carrier(m, &via));
	ck_assert_ptr_null(via);
	contact(&m->contacts, &m->ncontacts, "zed", 2, "2026-01-01");
	contact(&m->contacts, &m->ncontacts, "amy", 1, "2026-02-01");
	c = gate_carrier(m, &via);
	ck_assert_str_eq(c->seller, "zed");
	ck_assert_ptr_null(via);
	/* Equal strength: the more recent wins, then the handle. */
	contact(&m->contacts, &m->ncontacts, "bob", 2, "2026-01-02");
	ck_assert_str_eq(gate_carrier(m, &via)->seller, "bob");
	contact(&m->contacts, &m->ncontacts, "abe", 2, "2026-01-02");
	ck_assert_str_eq(gate_carrier(m, &via)->seller, "abe");
	contact(&m->contacts, &m->ncontacts, "cy", 3, "2025-01-01");
	ck_assert_str_eq(gate_carrier(m, &via)->seller, "cy");

	/* Nobody knows the opponent: through a supporter, not a neutral. */
	o = member("acme/cto", GATE_CORE_TECHNICAL, 0, -1);
	ally(o, "acme/eng", 1);
	ally(o, "acme/pm", 0);
	ally(o, "acme/ops", 1);
	contact(&o->allies[1].contacts, &o->allies[1].ncontacts, "amy", 3,
	        "2026-01-01");
	ck_assert_ptr_null(gate_carrier(o, &via));
	contact(&o->allies[0].contacts, &o->allies[0].ncontacts, "bob", 1,
	        "2026-01-01");
	contact(&o->allies[2].contacts, &o->allies[2].ncontacts, "cy", 2,
	        "2025-06-01");
	c = gate_carrier(o, &via);
	ck_assert_str_eq(c->seller, "cy");
	ck_assert_str_eq(via->ref, "acme/ops");
	/* A direct contact, however weak, comes first. */
	contact(&o->contacts, &o->ncontacts, "dee", 1, "2020-01-01");
	c = gate_carrier(o, &via);
	ck_assert_str_eq(c->seller, "dee");
	ck_assert_ptr_null(via);
	unmk();
}
END_TEST

START_TEST(t_words)
{
	ck_assert_int_eq(gate_ans_parse("partly"), GATE_PARTLY);
	ck_assert_int_eq(gate_ans_parse("maybe"), -1);
	ck_assert_int_eq(gate_ans_parse("Yes"), -1);
	ck_assert_str_eq(gate_ans_word(GATE_UNKNOWN), "unknown");
	ck_assert_str_eq(gate_status_word(GATE_NOT_REACHED), "not-reached");
	ck_assert_str_eq(gate_verdict_word(VERDICT_LIMITED), "pursue-limited");
	ck_assert_str_eq(gate_src_word(GATE_SRC_COMPUTED), "computed");
	ck_assert_str_eq(gate_src_word(GATE_SRC_ASSUMED), "assumed");
	ck_assert_str_eq(gate_level_word(LEVEL_MINIMAL), "minimal");
	ck_assert_str_eq(gate_action_word(ACT_RECRUIT_COACH), "recruit-coach");
	ck_assert_str_eq(gate_action_word(ACT_FIND_OUT), "find-out");
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
	ck_assert(*gate_param(&p, "lead.factor") == 1.5);
	ck_assert(*gate_param(&p, "price.yes-max") == 5);
	ck_assert(*gate_param(&p, "price.partly-max") == 15);
	ck_assert(*gate_param(&p, "price.cap") == 30);
	ck_assert(*gate_param(&p, "stale.days") == 90);
	ck_assert_ptr_null(gate_param(&p, "win.weak"));
	ck_assert_ptr_null(gate_param(&p, "coverage.yes"));
	for (i = 0; gate_setting_keys[i] != NULL; i++) {
		ck_assert_ptr_nonnull(gate_param(&p, gate_setting_keys[i]));
		ck_assert_ptr_nonnull(gate_setting_help[i]);
	}
	ck_assert_ptr_null(gate_param_check("win.strong", 1));
	ck_assert_ptr_nonnull(gate_param_check("win.strong", 1.5));
	ck_assert_ptr_null(gate_param_check("our-relationship.partly", -0.5));
	ck_assert_ptr_null(gate_param_check("influence.low", 0));
	ck_assert_ptr_null(gate_param_check("lead.factor", 1));
	ck_assert_ptr_nonnull(gate_param_check("lead.factor", 0.99));
	ck_assert_ptr_null(gate_param_check("lead.factor", 10));
	ck_assert_ptr_nonnull(gate_param_check("lead.factor", 10.01));
	ck_assert_ptr_null(gate_param_check("price.cap", -100));
	ck_assert_ptr_nonnull(gate_param_check("price.cap", -100.5));
	ck_assert_ptr_null(gate_param_check("price.yes-max", 1000));
	ck_assert_ptr_nonnull(gate_param_check("price.yes-max", 1000.5));
	ck_assert_ptr_null(gate_param_check("stale.days", 1));
	ck_assert_ptr_nonnull(gate_param_check("stale.days", 0));
	ck_assert_ptr_nonnull(gate_param_check("stale.days", 90.5));
	ck_assert_ptr_null(gate_param_check("stale.days", 36500));
	ck_assert_ptr_nonnull(gate_param_check("stale.days", 36501));
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
	ck_reason(3, "no buying group recorded: find out before judging");
	ck_assert(!A.gates[0].scored);
	/* No buying group: the computed criteria stay unknown. */
	ck_assert_int_eq(crit("coverage")->answer, GATE_UNKNOWN);
	ck_assert_int_eq(crit("coverage")->source, GATE_SRC_COMPUTED);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "no buying group recorded");
	ck_assert_int_eq(A.invest.level, LEVEL_MINIMAL);
	ck_assert(!A.invest.has_likelihood);
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
	ck_assert_int_eq(A.invest.level, LEVEL_FULL);
	ck_assert(A.invest.has_likelihood && A.invest.likelihood == 1.0);
	/* No value recorded: no expected value. */
	ck_assert_str_eq(A.invest.expected, "");
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
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	/* Gate 3 not reached: no win likelihood. */
	ck_assert(!A.invest.has_likelihood);
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

START_TEST(t_open_questions)
{
	static const char *const open[] = {"need", "timeline", "gaps",
	                                   "criteria-known", "resources"};
	size_t q[NRUBRIC], i, n;

	/* Gate 1 open, gate 2 failed: the unknowns of both, none of the
	 * gates not reached; an answer, even partly, is no question. */
	mk();
	ans("budget", GATE_YES);
	ans("fit", GATE_NO);
	ans("gaps", GATE_UNKNOWN);
	assess();
	ck_status(2, GATE_FAIL);
	ck_status(3, GATE_NOT_REACHED);
	n = gate_open_questions(&A, q);
	ck_assert_uint_eq(n, sizeof open / sizeof open[0]);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(A.crit[q[i]].key, open[i]);
	unmk();
	/* Everything answered: none. */
	mk();
	all_yes();
	ans("timeline", GATE_PARTLY);
	assess();
	ck_assert_uint_eq(gate_open_questions(&A, q), 0);
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

/* A score equal to the fail threshold passes; a hair above it fails. */
START_TEST(t_score_at_fail_threshold)
{
	mk();
	all_yes();
	/* (1.5 + 1 + 1 + 0) / 7 = 0.50 */
	ans("fit", GATE_PARTLY);
	ans("resources", GATE_NO);
	assess();
	ck_assert(A.gates[1].score == 0.50);
	ck_status(2, GATE_PASS);
	ck_reason(2, "score 0.50 reaches the fail threshold 0.50");
	ck_reason(2, "'resources' is no, outweighed by the other criteria");
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	A.params.fail[1] = 0.51;
	gate_evaluate(&A);
	ck_status(2, GATE_FAIL);
	ck_reason(2, "score 0.50 is below the fail threshold 0.51");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	A.params.fail[1] = 0.49;
	gate_evaluate(&A);
	ck_status(2, GATE_PASS);
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
	/* The share at the setting is not more than it: 2 of 8 = 0.25. */
	A.params.unknown_max = 0.25;
	gate_evaluate(&A);
	ck_status(1, GATE_PASS);
	A.params.unknown_max = 0.24;
	gate_evaluate(&A);
	ck_status(1, GATE_OPEN);
	ck_reason(1, "25% of the weight is unknown (more than 24%)");
	unmk();
}
END_TEST

/* An unknown must-criterion leaves a gate open, however small its share. */
START_TEST(t_unknown_must_small_share)
{
	mk();
	all_yes();
	ans("side-effects", GATE_UNKNOWN);
	assess();
	/* 2 of 9 unknown, below 34%, but a must. */
	ck_status(4, GATE_OPEN);
	ck_reason(4, "must-criterion 'side-effects' is unknown");
	ck_assert(!has_reason(4, "22% of the weight is unknown (more than "
	                         "34%)"));
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	ck_assert_int_eq(A.invest.level, LEVEL_MINIMAL);
	/* The share at unknown.max, below and above it: open each time. */
	A.params.unknown_max = 0.22;
	gate_evaluate(&A);
	ck_status(4, GATE_OPEN);
	A.params.unknown_max = 0.21;
	gate_evaluate(&A);
	ck_status(4, GATE_OPEN);
	A.params.unknown_max = 0.23;
	gate_evaluate(&A);
	ck_status(4, GATE_OPEN);
	ck_reason(4, "must-criterion 'side-effects' is unknown");
	/* The same share on a criterion that is no must: decided. */
	crit("side-effects")->must = 0;
	A.params.unknown_max = 0.34;
	gate_evaluate(&A);
	ck_status(4, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
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
	/* (1 + 0 + 2 + 2 + 0.5) / 9 = 0.61; coverage never counts. */
	ck_status(3, GATE_WEAK);
	ck_assert(A.gates[2].score == 0.61);
	ck_reason(3, "score 0.61 is below the strong threshold 0.75: the "
	             "odds are low, reconsider how much to invest");
	ck_reason(3, "'our-relationship' is no (answered)");
	ck_status(4, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert_int_eq(A.invest.level, LEVEL_LIMITED);
	ck_assert(A.invest.likelihood == 0.61);
	unmk();
}
END_TEST

/* A gate-3 score equal to the strong threshold passes. */
START_TEST(t_strong_threshold_boundary)
{
	mk();
	all_yes();
	ans("our-relationship", GATE_NO);
	ans("price", GATE_PARTLY);
	A.params.strong = 0.61;
	assess();
	ck_status(3, GATE_PASS);
	ck_reason(3, "score 0.61 reaches the strong threshold 0.61");
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	ck_assert(A.invest.likelihood == 0.61);
	A.params.strong = 0.60;
	gate_evaluate(&A);
	ck_status(3, GATE_PASS);
	ck_reason(3, "score 0.61 reaches the strong threshold 0.60");
	A.params.strong = 0.62;
	gate_evaluate(&A);
	ck_status(3, GATE_WEAK);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	/* The fail threshold of gate 3, at the score: weak, not fail. */
	A.params.fail[2] = 0.61;
	gate_evaluate(&A);
	ck_status(3, GATE_WEAK);
	/* Below it: long odds, still weak (a sure loss alone fails it). */
	A.params.fail[2] = 0.62;
	gate_evaluate(&A);
	ck_status(3, GATE_WEAK);
	ck_reason(3, "score 0.61 is below the fail threshold 0.62");
	ck_reason(3, "long odds, but no sure loss: invest less, not nothing");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert_int_eq(A.invest.level, LEVEL_LIMITED);
	ck_assert(A.invest.likelihood == 0.61);
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
	ans("expected-value", GATE_UNKNOWN);
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
	rival("orcl");
	rival("sap");
	member("acme/wang", GATE_CORE_DM, 0, 1);
	member("acme/li", GATE_CORE_TECHNICAL, 1, 1)->rival[0] = 1;
	member("acme/chen", GATE_CORE_FINANCE, 2, 0)->rival[1] = 1;
	member("acme/zhao", 0, 1, GATE_STANCE_UNKNOWN);
	assess();
	/* (3 + 2 + 0) / (3 + 2 + 1): unknown stances neither lower nor
	 * raise it. */
	ck_assert_int_eq(crit("our-relationship")->source, GATE_SRC_COMPUTED);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_YES);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support +0.83 among the 3 of 4 "
	                 "people whose stance we know (2 support, 1 neutral, "
	                 "0 oppose)");
	/* orcl 2/8, sap 1/8 of the whole group: orcl, partly. */
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("rival-relationship")->evidence,
	                 "strongest competitor orcl (orcl) has "
	                 "influence-weighted support +0.25");
	/* zhao is of medium influence and holds no decision: 2 of 8
	 * unknown is within 34%. */
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "we know where every high-influence member and "
	                 "decision-maker stands (3 of 4 people known)");
	/* (1 + 3 + 1 + 2 + 1) / 9 */
	ck_status(3, GATE_PASS);
	ck_assert(A.gates[2].score == 0.89);
	unmk();
}
END_TEST

START_TEST(t_computed_boundaries)
{
	/* Our support at 0 is not above the partly threshold 0: no. */
	mk();
	rival("orcl");
	member("acme/wang", GATE_CORE_TECHNICAL | GATE_CORE_BUSINESS, 0, 1)
	    ->rival[0] = 1;
	member("acme/li", GATE_CORE_DM | GATE_CORE_FINANCE, 0, -1)->rival[0] =
	    1;
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_NO);
	/* Rival support 1.00 is at least 0.50. */
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_NO);
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	unmk();

	/* Support exactly at our-relationship.yes (0.5) is yes; rival
	 * support exactly at rival-relationship.partly (0.5) is no. */
	mk();
	rival("orcl");
	member("acme/a", GATE_CORE_DM, 0, 1)->rival[0] = 1;
	member("acme/b", GATE_CORE_TECHNICAL, 0, 0);
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_YES);
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_NO);
	unmk();

	/* Just above 0 is partly; just below 0.5 rival support is partly;
	 * at 0 it is yes. */
	mk();
	rival("orcl");
	member("acme/a", GATE_CORE_DM, 0, 1);
	member("acme/b", GATE_CORE_TECHNICAL, 0, -1);
	member("acme/c", 0, 2, 1)->rival[0] = 1;
	gate_compute(&A);
	/* (3 - 3 + 1) / 7 = 0.14; orcl 1 / 7 = 0.14 */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_PARTLY);
	A.members[2].rival[0] = 0;
	crit("rival-relationship")->source = GATE_SRC_NONE;
	gate_compute(&A);
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_YES);
	unmk();

	mk();
	member("acme/wang", GATE_CORE_DM, 0, GATE_STANCE_UNKNOWN);
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_UNKNOWN);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "no stance known in the buying group (1 person)");
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_UNKNOWN);
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "we do not know where wang (acme/wang, high "
	                 "influence, decision-maker) stands; 100% of the "
	                 "group's influence is of people whose stance we do "
	                 "not know");
	unmk();

	/* Every rival neutral or against: their relationships are weak. */
	mk();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, 1)->rival[0] = -1;
	A.params.influence[0] = 5;
	gate_compute(&A);
	ck_assert_int_eq(crit("rival-relationship")->answer, GATE_YES);
	ck_assert_str_eq(crit("rival-relationship")->evidence,
	                 "strongest competitor orcl (orcl) has "
	                 "influence-weighted support -1.00");
	unmk();
}
END_TEST

/* The lead counts lead.factor times its influence (rule 2). */
START_TEST(t_lead_counts_more)
{
	mk();
	member("acme/li", GATE_CORE_TECHNICAL, 1, 1)->lead = 1;
	member("acme/wu", GATE_CORE_BUSINESS, 1, -1);
	member("acme/wang", GATE_CORE_DM, 0, 0);
	gate_compute(&A);
	/* (3 - 2 + 0) / (3 + 2 + 3) = 0.13: partly. */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support +0.13 among the 3 of 3 "
	                 "people whose stance we know (1 support, 1 neutral, "
	                 "1 oppose); the lead, li (acme/li), counts 1.50 "
	                 "times");
	/* Counted once, like anyone: (2 - 2 + 0) / 7 = 0, no. */
	A.params.lead_factor = 1;
	crit("our-relationship")->source = GATE_SRC_NONE;
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_NO);
	unmk();

	/* The lead weighs in the competitors' support too. */
	mk();
	rival("orcl");
	member("acme/li", GATE_CORE_TECHNICAL, 1, 0)->rival[0] = 1;
	member("acme/wang", GATE_CORE_DM, 0, 0);
	member("acme/x", 0, 2, 0);
	A.members[0].lead = 1;
	/* 3 / 7 = 0.43: partly; as a plain member 2 / 6 = 0.33. */
	gate_compute(&A);
	ck_assert_str_eq(crit("rival-relationship")->evidence,
	                 "strongest competitor orcl (orcl) has "
	                 "influence-weighted support +0.43");
	unmk();
}
END_TEST

/* Who decides bounds our relationships: no backing decision-maker, partly
 * at best; every decision-maker backing us, partly at least. */
START_TEST(t_decision_makers_bound_relationship)
{
	mk();
	member("acme/wang", GATE_CORE_DM, 0, 0);
	member("acme/li", GATE_CORE_TECHNICAL, 0, 1);
	gate_compute(&A);
	/* 3 / 6 = 0.5 would be yes. */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support +0.50 among the 2 of 2 "
	                 "people whose stance we know (1 support, 1 neutral, "
	                 "0 oppose); no decision-maker supports us: partly "
	                 "at best");
	A.members[0].stance = 1;
	crit("our-relationship")->source = GATE_SRC_NONE;
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_YES);
	unmk();

	mk();
	member("acme/wang", GATE_CORE_DM, 0, 1);
	member("acme/li", GATE_CORE_TECHNICAL, 0, -1)->lead = 1;
	gate_compute(&A);
	/* (3 - 4.5) / 7.5 = -0.2 would be no. */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support -0.20 among the 2 of 2 "
	                 "people whose stance we know (1 support, 0 neutral, "
	                 "1 oppose); the lead, li (acme/li), counts 1.50 "
	                 "times; every decision-maker supports us: partly at "
	                 "least");
	/* Two decision-makers, one neutral: no floor. */
	member("acme/zhou", GATE_CORE_DM, 2, 0);
	crit("our-relationship")->source = GATE_SRC_NONE;
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_NO);
	unmk();
}
END_TEST

/* Coverage is knowledge, not score (rule 2). */
START_TEST(t_coverage_is_knowledge)
{
	double known;

	mk();
	all_yes();
	crit("our-relationship")->source = GATE_SRC_NONE;
	crit("coverage")->source = GATE_SRC_NONE;
	member("acme/wang", GATE_CORE_DM, 0, 1);
	member("acme/li", GATE_CORE_TECHNICAL, 0, GATE_STANCE_UNKNOWN);
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_status(3, GATE_OPEN);
	ck_reason(3, "we do not know where li (acme/li, high influence) "
	             "stands; 50% of the group's influence is of people "
	             "whose stance we do not know: find out before judging");
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	/* The unknown stance did not lower the score. */
	ck_assert(A.gates[2].score == 1.0);
	known = A.gates[2].score;
	/* Knowing that li opposes us: judged, and no point for knowing. */
	A.members[1].stance = -1;
	crit("our-relationship")->source = GATE_SRC_NONE;
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_assert(A.gates[2].score < known);
	ck_assert(A.gates[2].status != GATE_OPEN);
	/* Whatever coverage says, the score is the same. */
	known = A.gates[2].score;
	ans("coverage", GATE_NO);
	gate_evaluate(&A);
	ck_assert(A.gates[2].score == known);
	ck_status(3, GATE_OPEN);
	ck_reason(3, "'coverage' is no: find out where the influential "
	             "members stand before judging");
	unmk();

	/* A decision-maker of medium influence must be known too. */
	mk();
	member("acme/wang", GATE_CORE_DM, 1, GATE_STANCE_UNKNOWN);
	member("acme/li", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/wu", 0, 2, 1);
	member("acme/x", 0, 2, 1);
	member("acme/y", 0, 2, 1);
	gate_compute(&A);
	/* 2 of 8 unknown: within the share, but the decision-maker. */
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "we do not know where wang (acme/wang, medium "
	                 "influence, decision-maker) stands");
	unmk();

	/* The unknown share of the group at unknown.max is known enough;
	 * above it is not. */
	mk();
	member("acme/wang", GATE_CORE_DM, 0, 1);
	member("acme/x", 0, 2, GATE_STANCE_UNKNOWN);
	A.params.unknown_max = 0.25;
	gate_compute(&A);
	/* 1 of 4 */
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	crit("coverage")->source = GATE_SRC_NONE;
	A.params.unknown_max = 0.24;
	gate_compute(&A);
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "25% of the group's influence is of people whose "
	                 "stance we do not know");
	unmk();
}
END_TEST

/* The strong offer everywhere but the buying group. */
static void
strong_offer(void)
{
	all_yes();
	crit("our-relationship")->source = GATE_SRC_NONE;
	crit("rival-relationship")->source = GATE_SRC_NONE;
	crit("coverage")->source = GATE_SRC_NONE;
}

/* Rule 1: a sure loss is dropped, whatever the offer. */
START_TEST(t_sure_loss_decision_maker)
{
	mk();
	strong_offer();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, -1)->rival[0] = 1;
	member("acme/li", GATE_CORE_TECHNICAL, 1, 1);
	/* Another member's stance unknown does not keep it open. */
	member("acme/zhao", GATE_CORE_FINANCE, 0, GATE_STANCE_UNKNOWN);
	assess();
	ck_status(3, GATE_FAIL);
	ck_assert_str_eq(A.lost, GATE_LOST_DM);
	ck_reason(3,
	          "sure loss by rule decision-maker-lost: the decision-maker "
	          "wang (acme/wang) opposes us and supports orcl, and "
	          "nobody of high influence supports us");
	ck_reason(3, "decision-maker wang (acme/wang) opposes us (since "
	             "2026-02-20)");
	ck_status(4, GATE_NOT_REACHED);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	unmk();

	/* Someone of high influence backs us: not lost, held weak. */
	mk();
	strong_offer();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, -1)->rival[0] = 1;
	member("acme/li", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/chen", GATE_CORE_FINANCE, 0, 1);
	assess();
	ck_assert_ptr_null(A.lost);
	/* (-3 + 3 + 3) / 9 partly, orcl 3 / 9 partly: 6.5 / 9 = 0.72. */
	ck_status(3, GATE_WEAK);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();

	/* An opposing decision-maker with no competitor preference and
	 * influential supporters: a weak gate, not a drop. */
	mk();
	strong_offer();
	member("acme/wang", GATE_CORE_DM, 0, -1);
	member("acme/li", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/chen", GATE_CORE_FINANCE, 0, 1);
	assess();
	ck_assert_ptr_null(A.lost);
	/* (-3 + 3 + 3) / 9 = 0.33: partly; (1 + 1.5 + 2 + 1) / 7 = 0.79,
	 * above strong, held weak. */
	ck_assert(A.gates[2].score == 0.79);
	ck_status(3, GATE_WEAK);
	ck_reason(3, "decision-maker wang (acme/wang) opposes us (since "
	             "2026-02-20): weak at best until that changes");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();

	/* Every decision-maker counts: one who does not oppose us. */
	mk();
	strong_offer();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, -1)->rival[0] = 1;
	member("acme/liu", GATE_CORE_DM, 0, 0);
	assess();
	ck_assert_ptr_null(A.lost);
	unmk();
}
END_TEST

START_TEST(t_sure_loss_lead)
{
	/* The competitor holds the lead and the decision-maker. */
	mk();
	strong_offer();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, 0)->rival[0] = 1;
	member("acme/li", GATE_CORE_TECHNICAL, 1, 0)->rival[0] = 1;
	member("acme/chen", GATE_CORE_FINANCE, 0, 1);
	A.members[1].lead = 1;
	assess();
	ck_assert_str_eq(A.lost, GATE_LOST_LEAD);
	ck_status(3, GATE_FAIL);
	ck_reason(3,
	          "sure loss by rule lead-and-decision-maker-lost: orcl holds "
	          "the lead of the buying group, li (acme/li), and the "
	          "decision-maker wang (acme/wang)");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();

	/* A decision-maker who supports us too is not held. */
	mk();
	strong_offer();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, 1)->rival[0] = 1;
	member("acme/li", GATE_CORE_TECHNICAL, 1, 0)->rival[0] = 1;
	A.members[1].lead = 1;
	assess();
	ck_assert_ptr_null(A.lost);
	unmk();

	/* Two competitors, one each: not held by one. */
	mk();
	strong_offer();
	rival("orcl");
	rival("sap");
	member("acme/wang", GATE_CORE_DM, 0, 0)->rival[0] = 1;
	member("acme/li", GATE_CORE_TECHNICAL, 1, 0)->rival[1] = 1;
	A.members[1].lead = 1;
	assess();
	ck_assert_ptr_null(A.lost);
	unmk();
}
END_TEST

/* Rule 3: the price gap, each threshold at its value and past it. */
START_TEST(t_price_gap)
{
	static const struct {
		double gap;
		enum gate_ans want;
	} cases[] = {
	    {-5, GATE_YES},    {5, GATE_YES},    {5.01, GATE_PARTLY},
	    {15, GATE_PARTLY}, {15.01, GATE_NO}, {30, GATE_NO},
	    {30.01, GATE_NO},  {-100, GATE_YES}, {1000, GATE_NO},
	};
	size_t i;
	double g;

	mk();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_int_eq(gate_gap_answer(&A.params, cases[i].gap),
		                 cases[i].want);
	unmk();

	ck_assert(gate_gap_parse("+40", &g) && g == 40);
	ck_assert(gate_gap_parse("-5", &g) && g == -5);
	ck_assert(gate_gap_parse("40%", &g) && g == 40);
	ck_assert(gate_gap_parse("12.5%", &g) && g == 12.5);
	ck_assert(gate_gap_parse("-100", &g) && g == -100);
	ck_assert(gate_gap_parse("1000", &g) && g == 1000);
	ck_assert(!gate_gap_parse("-100.01", &g));
	ck_assert(!gate_gap_parse("1000.01", &g));
	ck_assert(!gate_gap_parse("12.345", &g));
	ck_assert(!gate_gap_parse("forty", &g));
	ck_assert(!gate_gap_parse("%", &g));
	ck_assert(!gate_gap_parse("", &g));
	ck_assert(!gate_gap_parse("40%%", &g));
	ck_assert(!gate_gap_parse("4e1", &g));

	/* Strong relationships, price 40% above the rival: weak at best. */
	mk();
	all_yes();
	gap(40);
	crit("price")->evidence = xstrdup("list price");
	assess();
	ck_assert_int_eq(crit("price")->answer, GATE_NO);
	ck_assert_str_eq(crit("price")->evidence,
	                 "our price is +40% against the strongest "
	                 "competitor's (yes up to +5%, partly up to +15%): "
	                 "list price");
	/* (9 - 1) / 9 = 0.89: above strong, held weak by the cap. */
	ck_assert(A.gates[2].score == 0.89);
	ck_status(3, GATE_WEAK);
	ck_reason(3, "our price is +40% against the strongest competitor's, "
	             "above the cap of +30%: weak at best, whatever the "
	             "relationships");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();

	/* At the cap: not held. */
	mk();
	all_yes();
	gap(30);
	assess();
	ck_status(3, GATE_PASS);
	unmk();
	mk();
	all_yes();
	gap(30.01);
	assess();
	ck_status(3, GATE_WEAK);
	unmk();
	/* A plain "no" has no size: no cap. */
	mk();
	all_yes();
	ans("price", GATE_NO);
	assess();
	ck_status(3, GATE_PASS);
	unmk();
	/* Settings move the thresholds. */
	mk();
	all_yes();
	gap(8);
	A.params.price_yes = 8;
	assess();
	ck_assert_int_eq(crit("price")->answer, GATE_YES);
	ck_assert_str_eq(crit("price")->evidence,
	                 "our price is +8% against the strongest competitor's "
	                 "(yes up to +8%, partly up to +15%)");
	unmk();
}
END_TEST

/* Rule 4: a partner fills the gaps. */
START_TEST(t_partners_fill_gaps)
{
	mk();
	all_yes();
	ans("fit", GATE_NO);
	assess();
	/* (0 + 1 + 1 + 2) / 7 = 0.57 */
	ck_status(2, GATE_WEAK);
	ck_reason(2, "'fit' is no, but a partner can fill the gaps ('gaps' "
	             "is yes): we compete through them, weak at best");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert_int_eq(A.invest.level, LEVEL_LIMITED);
	unmk();

	mk();
	all_yes();
	ans("fit", GATE_NO);
	ans("gaps", GATE_PARTLY);
	assess();
	ck_status(2, GATE_FAIL);
	ck_reason(2, "must-criterion 'fit' is no");
	unmk();

	mk();
	all_yes();
	ans("fit", GATE_NO);
	ans("gaps", GATE_UNKNOWN);
	assess();
	ck_status(2, GATE_FAIL);
	unmk();

	/* Filled by a partner, but too weak on the rest: the score fails. */
	mk();
	all_yes();
	ans("fit", GATE_NO);
	ans("criteria-known", GATE_NO);
	ans("resources", GATE_PARTLY);
	assess();
	ck_status(2, GATE_FAIL);
	ck_reason(2, "score 0.29 is below the fail threshold 0.50");
	unmk();
}
END_TEST

/* Rule 6: the expected value against the cost of pursuit. */
START_TEST(t_expected_value)
{
	mk();
	all_yes();
	ans("our-relationship", GATE_NO);
	ans("price", GATE_PARTLY);
	crit("expected-value")->source = GATE_SRC_NONE;
	crit("expected-value")->answer = GATE_UNKNOWN;
	A.value = xstrdup("1000000");
	A.currency = xstrdup("CNY");
	A.cost = xstrdup("610000");
	assess();
	/* 1000000 x 0.61 = 610000: equal covers it. */
	ck_assert_str_eq(A.invest.expected, "610000");
	ck_assert_int_eq(crit("expected-value")->answer, GATE_YES);
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "expected value 610000 (value 1000000 x win "
	                 "likelihood 0.61) covers the pursuit cost 610000");
	ck_status(4, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	/* One more: below it, gate 4 is weak. */
	recost("610000.0001");
	ck_assert_int_eq(crit("expected-value")->answer, GATE_NO);
	ck_status(4, GATE_WEAK);
	ck_reason(4, "the expected value does not cover the cost of pursuit: "
	             "weak at best, invest less");
	ck_reason(4, "'expected-value' is no (computed)");
	unmk();

	/* Pursue becomes pursue-limited when it does not pay: 100000 x
	 * 0.94 = 94000 is below the cost 95000. */
	mk();
	all_yes();
	ans("price", GATE_PARTLY);
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("100000");
	A.cost = xstrdup("95000");
	assess();
	ck_status(3, GATE_PASS);
	ck_status(4, GATE_WEAK);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();

	/* A cost above the deal's value is not a weak gate 4 but a failed
	 * one (Not worth winning), even at a win likelihood of 1. */
	mk();
	all_yes();
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("100000");
	A.cost = xstrdup("200000");
	assess();
	ck_status(3, GATE_PASS);
	ck_status(4, GATE_FAIL);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();

	/* Unknown without a value, a cost or a win likelihood. */
	mk();
	all_yes();
	crit("expected-value")->source = GATE_SRC_NONE;
	A.cost = xstrdup("1");
	assess();
	ck_assert_int_eq(crit("expected-value")->answer, GATE_UNKNOWN);
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "no value recorded for the deal");
	unmk();
	mk();
	all_yes();
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("1");
	assess();
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "no pursuit cost recorded for the deal");
	ck_assert_str_eq(A.invest.expected, "1");
	unmk();
	mk();
	all_yes();
	gate_all(3, GATE_UNKNOWN);
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("1");
	A.cost = xstrdup("1");
	assess();
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "no win likelihood: gate 3 is open");
	ck_assert_str_eq(A.invest.expected, "");
	unmk();
}
END_TEST

/* A group of five: decision-maker and technical lead of high influence,
 * business and finance of medium, a coach of low; stances given. */
static void
five(int dm, int tech, int biz, int fin, int coach)
{
	member("acme/dm", GATE_CORE_DM, 0, dm);
	member("acme/tech", GATE_CORE_TECHNICAL, 0, tech)->lead = 1;
	member("acme/biz", GATE_CORE_BUSINESS, 1, biz);
	member("acme/fin", GATE_CORE_FINANCE, 1, fin);
	member("acme/coach", GATE_ROLE_COACH, 2, coach);
}

/* A group all with us, an offer weak everywhere: gate 3 at 0.17, long
 * odds below win.fail with no sure loss. */
static void
long_shot(void)
{
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("position", GATE_NO);
	ans("differentiation", GATE_NO);
	ans("price", GATE_NO);
	ans("rival-relationship", GATE_NO);
	ans("our-relationship", GATE_PARTLY);
}

/*
 * Gate 3 has no "cannot reach the bar": a low score there is long odds,
 * not a loss, so what is unknown decides first whether it is open.
 */
START_TEST(t_win_long_odds_unknowns)
{
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("position", GATE_NO);
	ans("differentiation", GATE_NO);
	ans("price", GATE_UNKNOWN);
	ans("rival-relationship", GATE_NO);
	ans("our-relationship", GATE_PARTLY);
	assess();
	ck_status(3, GATE_WEAK);
	ck_reason(3, "long odds, but no sure loss: invest less, not nothing");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	/* The same unknown share above unknown.max: open, not weak. */
	A.params.unknown_max = 0.05;
	gate_evaluate(&A);
	ck_status(3, GATE_OPEN);
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	ck_assert(!A.invest.has_likelihood);
	/* Gate 2 at the same odds still fails: we cannot compete. */
	A.params.unknown_max = 0.34;
	ans("criteria-known", GATE_NO);
	ans("resources", GATE_NO);
	ans("fit", GATE_PARTLY);
	ans("gaps", GATE_UNKNOWN);
	gate_evaluate(&A);
	ck_status(2, GATE_FAIL);
	ck_status(3, GATE_NOT_REACHED);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

/*
 * Long odds (gate 3 below win.fail) are worth a limited effort only when
 * the expected value covers the pursuit cost: equal covers it, a
 * ten-thousandth more drops the deal, and an unknown cost leaves "is it
 * worth winning?" open until it is found out.  At win.fail itself the
 * gate is weak, not long odds, and asks for no cost.
 */
START_TEST(t_long_odds_worth)
{
	long_shot();
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("1000000");
	A.cost = xstrdup("170000");
	assess();
	ck_status(3, GATE_WEAK);
	ck_assert(A.gates[2].score == 0.17);
	ck_assert_int_eq(crit("expected-value")->answer, GATE_YES);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert_int_eq(A.invest.level, LEVEL_LIMITED);
	recost("170000.0001");
	ck_assert_int_eq(crit("expected-value")->answer, GATE_NO);
	ck_status(4, GATE_FAIL);
	ck_reason(4, "at long odds the expected value does not cover the "
	             "pursuit cost: not worth even a limited effort");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	recost(NULL);
	ck_assert_int_eq(crit("expected-value")->answer, GATE_UNKNOWN);
	ck_status(4, GATE_OPEN);
	ck_reason(4, "at long odds, find out what the deal is worth and what "
	             "pursuing it costs before investing");
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	/* At win.fail: weak, not long odds; nothing asked of the cost. */
	A.params.fail[2] = 0.17;
	gate_evaluate(&A);
	ck_status(3, GATE_WEAK);
	ck_assert(!has_reason(3, "long odds, but no sure loss: invest less, "
	                         "not nothing"));
	ck_assert_int_ne(A.gates[3].status, GATE_OPEN);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();
}
END_TEST

/* The eight deals a seasoned manager judges at a glance. */
START_TEST(t_eight_cases)
{
	/* An unfunded idea. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("need", GATE_PARTLY);
	ans("budget", GATE_NO);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_status(1, GATE_FAIL);
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	unmk();

	/* A need we cannot meet, and nobody to fill the gap. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("fit", GATE_NO);
	ans("gaps", GATE_NO);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_status(2, GATE_FAIL);
	unmk();

	/* A sure loss: the decision-maker against us and for the rival,
	 * the rival's supporter leading, our coach for the rival; offer,
	 * price and worth all fine. */
	mk();
	strong_offer();
	rival("rival");
	five(-1, 0, 1, 0, 1);
	A.members[0].rival[0] = 1;
	A.members[1].rival[0] = 1;
	A.members[4].rival[0] = 1;
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_assert_str_eq(A.lost, GATE_LOST_DM);
	unmk();

	/* A winnable flagship that loses money: pursued. */
	mk();
	strong_offer();
	five(1, 1, 1, 0, 1);
	ans("profit", GATE_NO);
	ans("capital", GATE_PARTLY);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	ck_reason(4, "'profit' is no, outweighed by the other criteria");
	/* For a transactional client, profit is a must: dropped. */
	crit("profit")->must = 1;
	gate_evaluate(&A);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();

	/* Profitable, but it upsets our biggest partner. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("side-effects", GATE_NO);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_status(4, GATE_FAIL);
	unmk();

	/* Thin information. */
	mk();
	five(GATE_STANCE_UNKNOWN, GATE_STANCE_UNKNOWN, GATE_STANCE_UNKNOWN,
	     GATE_STANCE_UNKNOWN, GATE_STANCE_UNKNOWN);
	ans("need", GATE_YES);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	ck_assert_int_eq(A.invest.level, LEVEL_MINIMAL);
	unmk();

	/* All strong. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	A.value = xstrdup("1000000");
	A.cost = xstrdup("80000");
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	ck_assert_int_eq(A.invest.level, LEVEL_FULL);
	ck_assert_str_eq(A.invest.expected, "1000000");
	unmk();

	/* Strong relationships, a price 40% above the rival's. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	gap(40);
	assess();
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_status(3, GATE_WEAK);
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
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
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
	ck_reason(3, "decision-maker wang (acme/wang) opposes us (since "
	             "2026-02-20)");
	ck_assert_int_eq(A.ngroup_notes, 1);
	ck_assert_int_eq(A.gates[2].nreasons, 2);
	unmk();
}
END_TEST

/*
 * Nobody can judge the odds before knowing who decides: with no
 * decision-maker named, coverage is no (gate 3 open) and our
 * relationships are partly at best.
 */
START_TEST(t_no_decision_maker)
{
	mk();
	strong_offer();
	member("acme/cto", GATE_CORE_TECHNICAL, 0, 1)->lead = 1;
	member("acme/cfo", GATE_CORE_FINANCE, 0, 1);
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "no decision-maker is named in the buying group");
	/* +1.00 would be yes. */
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	ck_assert_str_eq(crit("our-relationship")->evidence,
	                 "influence-weighted support +1.00 among the 2 of 2 "
	                 "people whose stance we know (2 support, 0 neutral, "
	                 "0 oppose); the lead, cto (acme/cto), counts 1.50 "
	                 "times; no decision-maker is named in the buying "
	                 "group: partly at best");
	ck_status(3, GATE_OPEN);
	ck_reason(3, "no decision-maker is named in the buying group: find "
	             "out before judging");
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	ck_assert_int_eq(A.invest.level, LEVEL_MINIMAL);
	ck_assert_int_eq(A.invest.has_likelihood, 0);

	/* Named but not known: still open, naming them. */
	member("acme/ceo", GATE_CORE_DM, 1, GATE_STANCE_UNKNOWN);
	crit("coverage")->source = GATE_SRC_NONE;
	crit("our-relationship")->source = GATE_SRC_NONE;
	assess();
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "we do not know where ceo (acme/ceo, medium "
	                 "influence, decision-maker) stands");
	ck_status(3, GATE_OPEN);

	/* Named and known: judged. */
	A.members[2].stance = 1;
	strcpy(A.members[2].latest, "2026-02-20");
	crit("coverage")->source = GATE_SRC_NONE;
	crit("our-relationship")->source = GATE_SRC_NONE;
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_YES);
	ck_status(3, GATE_PASS);
	ck_assert_int_eq(A.verdict, VERDICT_PURSUE);
	unmk();

	/* No decision-maker and support just at our-relationship.yes: partly
	 * (a neutral of 3 and a supporter of 3 give +0.50); a "no" stays
	 * no. */
	mk();
	member("acme/a", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/b", GATE_CORE_BUSINESS, 0, 0);
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_PARTLY);
	A.members[0].stance = -1;
	crit("our-relationship")->source = GATE_SRC_NONE;
	gate_compute(&A);
	ck_assert_int_eq(crit("our-relationship")->answer, GATE_NO);
	unmk();
}
END_TEST

/*
 * Whoever decides, holds the purse or leads the evaluation and opposes
 * us holds gate 3 weak at best, named among the reasons.
 */
START_TEST(t_opposing_key_members)
{
	/* The reviewer's deal: a supporting decision-maker, the lead and
	 * the finance member against us; the score alone would pass. */
	mk();
	strong_offer();
	member("acme/ceo", GATE_CORE_DM, 0, 1);
	member("acme/cto", GATE_CORE_TECHNICAL, 0, -1)->lead = 1;
	member("acme/cfo", GATE_CORE_FINANCE, 0, -1);
	member("acme/eng", GATE_CORE_TECHNICAL, 1, 1);
	assess();
	ck_assert(A.gates[2].score >= A.params.strong);
	ck_status(3, GATE_WEAK);
	ck_reason(3, "evaluation lead cto (acme/cto) opposes us (since "
	             "2026-02-20): weak at best until that changes");
	ck_reason(3, "finance cfo (acme/cfo) opposes us (since 2026-02-20): "
	             "weak at best until that changes");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert_int_eq(A.ngroup_notes, 2);
	unmk();

	/* Each on its own: the lead, finance of low influence; one person
	 * who decides and leads is named once with both roles. */
	mk();
	strong_offer();
	five(1, -1, 1, 1, 1);
	assess();
	ck_status(3, GATE_WEAK);
	ck_reason(3, "evaluation lead tech (acme/tech) opposes us (since "
	             "2026-02-20): weak at best until that changes");
	unmk();
	mk();
	strong_offer();
	five(1, 1, 1, -1, 1);
	A.members[3].influence = 2;
	assess();
	ck_status(3, GATE_WEAK);
	ck_assert_int_eq(A.ngroup_notes, 1);
	ck_assert_str_eq(A.group_notes[0], "finance fin (acme/fin) opposes us "
	                                   "(since 2026-02-20)");
	unmk();
	mk();
	strong_offer();
	member("acme/boss", GATE_CORE_DM | GATE_CORE_FINANCE, 0, -1)->lead = 1;
	member("acme/a", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/b", GATE_CORE_BUSINESS, 0, 1);
	gate_compute(&A);
	ck_assert_int_eq(A.ngroup_notes, 1);
	ck_assert_str_eq(A.group_notes[0],
	                 "decision-maker, finance and evaluation lead boss "
	                 "(acme/boss) opposes us (since 2026-02-20)");
	unmk();

	/* Others who oppose us weigh in the score, and hold nothing: a
	 * high-influence technical member who does not lead, and the
	 * business side. */
	mk();
	strong_offer();
	five(1, 1, -1, 1, 1);
	member("acme/arch", GATE_CORE_TECHNICAL, 2, -1);
	assess();
	ck_assert_int_eq(A.ngroup_notes, 0);
	ck_status(3, GATE_PASS);
	unmk();
	/* A neutral lead or finance member holds nothing either. */
	mk();
	strong_offer();
	five(1, 0, 1, 0, 1);
	assess();
	ck_assert_int_eq(A.ngroup_notes, 0);
	ck_status(3, GATE_PASS);
	unmk();
}
END_TEST

/*
 * The win likelihood follows gate 3: its score when it passes or is weak
 * by score, at most win.weak-max when held weak, 0 when it fails, none
 * when it is open or not reached; the expected value follows it.
 */
START_TEST(t_win_likelihood)
{
	/* Pass: the score. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	ans("price", GATE_PARTLY);
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("1000000");
	assess();
	ck_status(3, GATE_PASS);
	ck_assert(A.invest.has_likelihood);
	ck_assert(A.invest.likelihood == A.gates[2].score);
	ck_assert_str_eq(A.invest.expected, "930000");

	/* Held weak by a price above the cap: at most 0.50. */
	gap(40);
	assess();
	ck_status(3, GATE_WEAK);
	ck_assert(A.gates[2].held);
	ck_assert(A.gates[2].score == 0.86);
	ck_assert(A.invest.likelihood == 0.5);
	ck_assert_str_eq(A.invest.expected, "500000");
	/* The cap at the score keeps the score; just below it caps. */
	A.params.weak_max = 0.86;
	gate_evaluate(&A);
	ck_assert(A.invest.likelihood == 0.86);
	A.params.weak_max = 0.85;
	gate_evaluate(&A);
	ck_assert(A.invest.likelihood == 0.85);
	ck_assert_str_eq(A.invest.expected, "850000");
	/* The expected value against the cost uses the capped likelihood:
	 * 850000 covers 850000, not a unit more. */
	A.cost = xstrdup("850000");
	gate_evaluate(&A);
	ck_assert_int_eq(crit("expected-value")->answer, GATE_YES);
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "expected value 850000 (value 1000000 x win "
	                 "likelihood 0.85) covers the pursuit cost 850000");
	free(A.cost);
	A.cost = xstrdup("850001");
	gate_evaluate(&A);
	ck_assert_int_eq(crit("expected-value")->answer, GATE_NO);
	ck_status(4, GATE_WEAK);
	unmk();

	/* Weak by its score alone: the score, even above win.weak-max. */
	mk();
	strong_offer();
	five(1, 1, 0, 0, 1);
	ans("differentiation", GATE_PARTLY);
	ans("position", GATE_NO);
	assess();
	ck_status(3, GATE_WEAK);
	ck_assert(!A.gates[2].held);
	ck_assert(A.gates[2].score > 0.5);
	ck_assert(A.invest.likelihood == A.gates[2].score);
	unmk();

	/* A sure loss: 0, and an expected value of nothing. */
	mk();
	strong_offer();
	rival("rival");
	five(-1, 0, 1, 0, 1);
	A.members[0].rival[0] = 1;
	A.value = xstrdup("1000000.50");
	assess();
	ck_status(3, GATE_FAIL);
	ck_assert(A.gates[2].score > 0);
	ck_assert(A.invest.has_likelihood);
	ck_assert(A.invest.likelihood == 0);
	ck_assert_str_eq(A.invest.expected, "0");
	unmk();

	/* Below the fail threshold by its score: long odds, not a loss, so
	 * its score, and the expected value that follows from it. */
	long_shot();
	A.value = xstrdup("10");
	assess();
	ck_status(3, GATE_WEAK);
	ck_assert(A.gates[2].score == 0.17);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	ck_assert(A.invest.has_likelihood);
	ck_assert(A.invest.likelihood == 0.17);
	ck_assert_str_eq(A.invest.expected, "2");
	unmk();

	/* Open (no stance known) and not reached: none. */
	mk();
	strong_offer();
	five(GATE_STANCE_UNKNOWN, GATE_STANCE_UNKNOWN, 1, 1, 1);
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("1000000");
	assess();
	ck_status(3, GATE_OPEN);
	ck_assert(A.gates[2].scored);
	ck_assert(!A.invest.has_likelihood);
	ck_assert_str_eq(A.invest.expected, "");
	ans("budget", GATE_NO);
	A.cost = xstrdup("1");
	assess();
	ck_status(3, GATE_NOT_REACHED);
	ck_assert(!A.invest.has_likelihood);
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "no win likelihood: gate 3 was not reached");
	unmk();
}
END_TEST

/*
 * A sure loss rests on what we know now: a decision-maker (or lead) last
 * observed more than stale.days ago is a question again, and the gate is
 * open, not failed.  90 days is fresh, 91 is not.
 */
START_TEST(t_sure_loss_stale)
{
	mk();
	strong_offer();
	rival("orcl");
	five(-1, 0, 0, 0, 0);
	A.members[0].rival[0] = 1;
	A.members[0].rival_since = xcalloc(1, sizeof *A.members[0].rival_since);
	strcpy(A.members[0].latest, "2025-12-02");
	strcpy(A.members[0].since, "2025-12-02");
	strcpy(A.members[0].rival_since[0], "2025-12-02");
	assess();
	ck_status(3, GATE_FAIL);
	ck_assert_str_eq(A.lost, GATE_LOST_DM);
	/* The opposition a day too old. */
	strcpy(A.members[0].latest, "2025-12-01");
	strcpy(A.members[0].since, "2025-12-01");
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_ptr_null(A.lost);
	ck_status(3, GATE_OPEN);
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	/* Opposing us today, but for the competitor a day too long ago:
	 * the decision-maker is against us, not lost to orcl. */
	strcpy(A.members[0].latest, "2026-03-02");
	strcpy(A.members[0].since, "2026-03-02");
	strcpy(A.members[0].rival_since[0], "2025-12-01");
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_ptr_null(A.lost);
	ck_assert_int_ne(A.gates[2].status, GATE_FAIL);
	strcpy(A.members[0].rival_since[0], "2025-12-02");
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_str_eq(A.lost, GATE_LOST_DM);
	unmk();

	/* The lead and the decision-maker held by one competitor: the
	 * lead's stale stance leaves it open too. */
	mk();
	strong_offer();
	rival("orcl");
	five(0, 0, 0, 0, 0);
	A.members[0].rival[0] = 1;
	A.members[1].rival[0] = 1;
	A.members[1].rival_since = xcalloc(1, sizeof *A.members[1].rival_since);
	strcpy(A.members[1].latest, "2025-12-02");
	strcpy(A.members[1].rival_since[0], "2025-12-02");
	assess();
	ck_status(3, GATE_FAIL);
	ck_assert_str_eq(A.lost, GATE_LOST_LEAD);
	strcpy(A.members[1].latest, "2025-12-01");
	strcpy(A.members[1].rival_since[0], "2025-12-01");
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_ptr_null(A.lost);
	ck_status(3, GATE_OPEN);
	unmk();
}
END_TEST

/*
 * What we knew long ago is a question again: a key person (high
 * influence, decision-maker, lead) last observed more than stale.days
 * before the assessment leaves coverage no and gate 3 open.
 */
START_TEST(t_stale_key_people)
{
	struct gate_member *m;

	/* 2026-03-02 less 90 days is 2025-12-02: fresh; a day more is not. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	strcpy(A.members[0].latest, "2025-12-02");
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_status(3, GATE_PASS);
	strcpy(A.members[0].latest, "2025-12-01");
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_NO);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "what we know of dm (acme/dm, high influence, "
	                 "decision-maker, last observed 2025-12-01, 91 days "
	                 "before 2026-03-02) is more than 90 days old");
	ck_status(3, GATE_OPEN);
	ck_reason(3, "what we know of dm (acme/dm, high influence, "
	             "decision-maker, last observed 2025-12-01, 91 days "
	             "before 2026-03-02) is more than 90 days old: find out "
	             "before judging");
	ck_assert_int_eq(A.verdict, VERDICT_QUALIFY);
	/* A longer stale.days makes it fresh again. */
	A.params.stale_days = 91;
	crit("coverage")->source = GATE_SRC_NONE;
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	unmk();

	/* The lead (even of medium influence), and a high-influence member;
	 * two listed with "and"; the unknown ones first. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	A.members[1].influence = 1;
	strcpy(A.members[1].latest, "2024-03-02");
	m = member("acme/big", GATE_CORE_BUSINESS, 0, 1);
	strcpy(m->latest, "2025-11-30");
	member("acme/new", GATE_CORE_BUSINESS, 0, GATE_STANCE_UNKNOWN);
	gate_compute(&A);
	ck_assert_str_eq(crit("coverage")->evidence,
	                 "we do not know where new (acme/new, high influence) "
	                 "stands; what we know of tech (acme/tech, medium "
	                 "influence, lead, last observed 2024-03-02, 730 days "
	                 "before 2026-03-02) and big (acme/big, high "
	                 "influence, last observed 2025-11-30, 92 days before "
	                 "2026-03-02) is more than 90 days old");
	unmk();

	/* Who is not key may be stale: the red flag says so, the gate does
	 * not wait. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	strcpy(A.members[2].latest, "2024-01-01");
	strcpy(A.members[4].latest, "2024-01-01");
	assess();
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	ck_status(3, GATE_PASS);
	unmk();

	/* An assumed stance is as fresh as the assessment. */
	mk();
	strong_offer();
	five(1, 1, 1, 1, 1);
	strcpy(A.members[0].latest, "2024-01-01");
	ck_assert(gate_assume_stance(&A, &A.members[0], -1, 1));
	assess();
	ck_assert_str_eq(A.members[0].latest, "2026-03-02");
	ck_assert_int_eq(crit("coverage")->answer, GATE_YES);
	unmk();
}
END_TEST

/* A strategic profile: importance and strategy weigh more than profit,
 * which is no must. */
static void
strategic(void)
{
	crit("importance")->weight = 4;
	crit("strategy")->weight = 4;
}

/*
 * Not worth winning: capital tied up (or harm done) for no profit fails
 * gate 4 unless the client comes first; for little profit it holds the
 * gate weak unless the client comes first.
 */
START_TEST(t_not_worth_winning)
{
	static const struct {
		enum gate_ans profit, capital;
		int client_first;
		enum gate_status status;
	} grid[] = {
	    {GATE_NO, GATE_NO, 0, GATE_FAIL},
	    {GATE_NO, GATE_NO, 1, GATE_WEAK},
	    {GATE_PARTLY, GATE_NO, 0, GATE_WEAK},
	    {GATE_PARTLY, GATE_NO, 1, GATE_PASS},
	    {GATE_NO, GATE_PARTLY, 0, GATE_PASS},
	    {GATE_NO, GATE_PARTLY, 1, GATE_PASS},
	    {GATE_NO, GATE_YES, 0, GATE_PASS},
	    {GATE_YES, GATE_NO, 0, GATE_PASS},
	    {GATE_YES, GATE_NO, 1, GATE_PASS},
	    {GATE_NO, GATE_UNKNOWN, 0, GATE_PASS},
	};
	size_t i;

	for (i = 0; i < sizeof grid / sizeof grid[0]; i++) {
		mk();
		all_yes();
		if (grid[i].client_first)
			strategic();
		ans("profit", grid[i].profit);
		ans("capital", grid[i].capital);
		assess();
		ck_assert_msg(A.gates[3].status == grid[i].status,
		              "case %zu: status %d, expected %d", i,
		              A.gates[3].status, grid[i].status);
		unmk();
	}

	/* The reasons. */
	mk();
	all_yes();
	ans("profit", GATE_NO);
	ans("capital", GATE_NO);
	assess();
	ck_reason(4, "'profit' is no and 'capital' is no: capital tied up at "
	             "risk for no profit is a win not worth having");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	/* It fails before the unknowns are weighed: 8 of 9 unknown. */
	ans("side-effects", GATE_UNKNOWN);
	ans("strategy", GATE_UNKNOWN);
	ans("importance", GATE_UNKNOWN);
	assess();
	ck_status(4, GATE_FAIL);
	unmk();
	mk();
	all_yes();
	strategic();
	ans("profit", GATE_NO);
	ans("capital", GATE_NO);
	assess();
	ck_reason(4, "'profit' is no and 'capital' is no, but a strategic "
	             "client that is important and on our direction "
	             "('importance' and 'strategy' are yes) can be worth it: "
	             "weak at best");
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	/* Both must be yes. */
	ans("importance", GATE_PARTLY);
	assess();
	ck_status(4, GATE_FAIL);
	ans("importance", GATE_YES);
	ans("strategy", GATE_UNKNOWN);
	assess();
	ck_status(4, GATE_FAIL);
	unmk();
	mk();
	all_yes();
	ans("profit", GATE_PARTLY);
	ans("capital", GATE_NO);
	assess();
	ck_reason(4, "'profit' is partly and 'capital' is no: capital tied up "
	             "at risk for little profit, weak at best");
	unmk();

	/* What makes a profile strategic: importance and strategy each
	 * weighing more than profit, and profit no must. */
	mk();
	all_yes();
	ans("profit", GATE_NO);
	ans("capital", GATE_NO);
	crit("importance")->weight = 2.01;
	crit("strategy")->weight = 2.01;
	assess();
	ck_status(4, GATE_WEAK);
	crit("strategy")->weight = 2;
	assess();
	ck_status(4, GATE_FAIL);
	crit("strategy")->weight = 4;
	crit("profit")->must = 1;
	assess();
	ck_status(4, GATE_FAIL);
	ck_reason(4, "must-criterion 'profit' is no");
	unmk();

	/* Harm done counts as capital tied up: where side-effects is no
	 * must, its no with no profit fails; where it is, the must does. */
	mk();
	all_yes();
	crit("side-effects")->must = 0;
	ans("profit", GATE_NO);
	ans("side-effects", GATE_NO);
	assess();
	ck_status(4, GATE_FAIL);
	ck_reason(4, "'profit' is no and 'side-effects' is no: harm to other "
	             "clients or partners for no profit is a win not worth "
	             "having");
	ans("profit", GATE_PARTLY);
	assess();
	ck_status(4, GATE_WEAK);
	ck_reason(4, "'profit' is partly and 'side-effects' is no: harm to "
	             "other clients or partners for little profit, weak at "
	             "best");
	unmk();

	/* A win off our direction counts too: for no profit it fails,
	 * though its score (0 + 1 + 2 + 0 + 2) / 9 = 0.56 passes; a client
	 * can never come first off our direction. */
	mk();
	all_yes();
	ans("profit", GATE_NO);
	ans("strategy", GATE_NO);
	assess();
	ck_assert(A.gates[3].score == 0.56);
	ck_status(4, GATE_FAIL);
	ck_reason(4, "'profit' is no and 'strategy' is no: a win off our "
	             "direction for no profit is a win not worth having");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	strategic();
	assess();
	ck_status(4, GATE_FAIL);
	unmk();
	mk();
	all_yes();
	ans("profit", GATE_NO);
	ans("strategy", GATE_PARTLY);
	assess();
	ck_status(4, GATE_PASS);
	ans("strategy", GATE_UNKNOWN);
	assess();
	ck_status(4, GATE_PASS);
	ans("profit", GATE_PARTLY);
	ans("strategy", GATE_NO);
	assess();
	ck_status(4, GATE_WEAK);
	ck_reason(4, "'profit' is partly and 'strategy' is no: a win off our "
	             "direction for little profit, weak at best");
	ans("profit", GATE_YES);
	assess();
	ck_status(4, GATE_PASS);
	unmk();
}
END_TEST

/*
 * A pursuit that costs more than the deal is worth fails gate 4 at any
 * odds; a cost equal to the value does not.
 */
START_TEST(t_cost_above_value)
{
	mk();
	all_yes();
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("100000");
	A.currency = xstrdup("USD");
	A.cost = xstrdup("100000");
	assess();
	/* Certain win: the expected value covers the cost. */
	ck_status(4, GATE_PASS);
	ck_assert_int_eq(crit("expected-value")->answer, GATE_YES);
	free(A.cost);
	A.cost = xstrdup("100000.0001");
	assess();
	ck_status(4, GATE_FAIL);
	ck_reason(4, "the pursuit cost 100000.0001 exceeds the deal's value "
	             "100000: not worth winning at any odds");
	ck_assert_int_eq(crit("expected-value")->answer, GATE_NO);
	ck_assert_str_eq(crit("expected-value")->evidence,
	                 "the pursuit cost 100000.0001 exceeds the deal's "
	                 "value 100000");
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	ck_assert_int_eq(A.invest.level, LEVEL_NONE);
	unmk();

	/* Equal to the value with odds below certain: weak, not failed. */
	mk();
	all_yes();
	ans("price", GATE_PARTLY);
	crit("expected-value")->source = GATE_SRC_NONE;
	A.value = xstrdup("100000");
	A.cost = xstrdup("100000");
	assess();
	ck_status(4, GATE_WEAK);
	ck_assert_int_eq(A.verdict, VERDICT_LIMITED);
	unmk();

	/* Nine times the value, while gate 3 is still open: dropped all the
	 * same. */
	mk();
	all_yes();
	crit("expected-value")->source = GATE_SRC_NONE;
	crit("coverage")->source = GATE_SRC_NONE;
	member("acme/dm", GATE_CORE_DM, 0, GATE_STANCE_UNKNOWN);
	A.value = xstrdup("100000");
	A.cost = xstrdup("900000");
	assess();
	ck_status(3, GATE_OPEN);
	ck_status(4, GATE_FAIL);
	ck_assert_int_eq(A.verdict, VERDICT_DROP);
	unmk();
}
END_TEST

static int
has_flag(const struct gate_flag *f, size_t n, const char *code,
         const char *message)
{
	size_t i;

	for (i = 0; i < n; i++)
		same_text(f[i].why, f[i].message);
	for (i = 0; i < n; i++)
		if (strcmp(f[i].code, code) == 0 &&
		    strcmp(f[i].message, message) == 0)
			return 1;
	for (i = 0; i < n; i++)
		fprintf(stderr, "  flag %s: %s\n", f[i].code, f[i].message);
	return 0;
}

static size_t
count_flags(const struct gate_flag *f, size_t n, const char *code)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += strcmp(f[i].code, code) == 0;
	return k;
}

START_TEST(t_red_flags)
{
	struct gate_flag *f = NULL;
	size_t n = 0;
	struct gate_member *m;

	mk();
	rival("orcl");
	member("acme/wang", GATE_CORE_DM, 0, -1);
	member("acme/chen", GATE_CORE_FINANCE, 1, -1);
	member("acme/wu", GATE_CORE_BUSINESS, 1, -1);
	member("acme/coach1", GATE_ROLE_COACH, 1, 0);
	member("acme/coach2", GATE_ROLE_COACH, 1, GATE_STANCE_UNKNOWN);
	member("acme/coach3", GATE_ROLE_COACH, 1, 1)->rival[0] = 1;
	member("acme/coach4", GATE_ROLE_COACH, 2, -1);
	member("acme/big", GATE_CORE_TECHNICAL, 0, GATE_STANCE_UNKNOWN);
	member("acme/mid", 0, 1, GATE_STANCE_UNKNOWN);
	/* 2026-03-02 less 90 days is 2025-12-02: not stale; a day more is. */
	m = member("acme/old", 0, 2, 0);
	strcpy(m->latest, "2025-12-02");
	m = member("acme/older", 0, 2, 0);
	strcpy(m->latest, "2025-12-01");
	gate_red_flags(&A, &f, &n);
	ck_assert(has_flag(f, n, "opposing-buyer",
	                   "decision-maker wang (acme/wang) opposes us in "
	                   "'acme/his' (since 2026-02-20)"));
	ck_assert(has_flag(f, n, "opposing-buyer",
	                   "finance chen (acme/chen) opposes us in "
	                   "'acme/his' (since 2026-02-20)"));
	/* An opponent of the business side is no buyer. */
	ck_assert_uint_eq(count_flags(f, n, "opposing-buyer"), 2);
	ck_assert(has_flag(f, n, "doubtful-coach",
	                   "coach coach1 (acme/coach1) is neutral toward us "
	                   "in 'acme/his'"));
	ck_assert(has_flag(f, n, "doubtful-coach",
	                   "coach coach2 (acme/coach2) has no known stance "
	                   "toward us in 'acme/his'"));
	ck_assert(has_flag(f, n, "doubtful-coach",
	                   "coach coach3 (acme/coach3) also supports orcl in "
	                   "'acme/his'"));
	ck_assert(has_flag(f, n, "doubtful-coach",
	                   "coach coach4 (acme/coach4) opposes us in "
	                   "'acme/his'"));
	ck_assert(has_flag(f, n, "unknown-influencer",
	                   "big (acme/big), of high influence in 'acme/his', "
	                   "has no known stance"));
	ck_assert_uint_eq(count_flags(f, n, "unknown-influencer"), 1);
	ck_assert(has_flag(f, n, "stale-stance",
	                   "the latest observation of older (acme/older), of "
	                   "the buying group of 'acme/his', is from "
	                   "2025-12-01, 91 days before 2026-03-02 (more than "
	                   "90)"));
	ck_assert_uint_eq(count_flags(f, n, "stale-stance"), 1);
	ck_assert(has_flag(f, n, "single-supporter",
	                   "coach3 (acme/coach3) is the only supporter in the "
	                   "buying group of 'acme/his'"));
	ck_assert_str_eq(f[n - 1].subject, "acme/his");
	gate_flags_free(f, n);
	f = NULL;
	n = 0;
	/* stale.days moves the line. */
	A.params.stale_days = 91;
	gate_red_flags(&A, &f, &n);
	ck_assert_uint_eq(count_flags(f, n, "stale-stance"), 0);
	gate_flags_free(f, n);
	f = NULL;
	n = 0;
	unmk();

	/* Two supporters: no flag; none, with stances known: no-supporter;
	 * nothing known: neither. */
	mk();
	member("acme/a", GATE_CORE_DM, 0, 1);
	member("acme/b", GATE_ROLE_COACH, 1, 1);
	gate_red_flags(&A, &f, &n);
	ck_assert_uint_eq(n, 0);
	A.members[0].stance = 0;
	A.members[1].stance = 0;
	gate_red_flags(&A, &f, &n);
	ck_assert(has_flag(f, n, "no-supporter",
	                   "nobody in the buying group of 'acme/his' supports "
	                   "us"));
	gate_flags_free(f, n);
	f = NULL;
	n = 0;
	A.members[0].stance = GATE_STANCE_UNKNOWN;
	A.members[1].stance = GATE_STANCE_UNKNOWN;
	gate_red_flags(&A, &f, &n);
	ck_assert_uint_eq(count_flags(f, n, "no-supporter"), 0);
	gate_flags_free(f, n);
	unmk();
}
END_TEST

static const struct gate_step *
step_of(const struct gate_step *s, size_t n, const char *ref)
{
	size_t i;

	for (i = 0; i < n; i++)
		same_text(s[i].why, s[i].reason);
	for (i = 0; i < n; i++)
		if (s[i].member != GATE_NO_MEMBER &&
		    strcmp(A.members[s[i].member].ref, ref) == 0)
			return &s[i];
	ck_abort_msg("no step for %s", ref);
	return NULL;
}

/*
 * No decision-maker named: one step for the group comes first, carried
 * by our supporters, the coach first; naming one removes it.  A key
 * person known only from long ago is found out again, the day after
 * stale.days, not on it.
 */
START_TEST(t_plan_who_decides)
{
	struct gate_step *s;
	size_t n;
	struct gate_member *m;

	mk();
	member("acme/tech", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/coach", GATE_ROLE_COACH, 1, 1);
	member("acme/foe", GATE_CORE_BUSINESS, 1, -1);
	member("acme/low", 0, 2, 1);
	gate_plan(&A, &s, &n);
	ck_assert_uint_eq(n, A.nmembers + 1);
	ck_assert(s[0].member == GATE_NO_MEMBER);
	ck_assert_int_eq(s[0].action, ACT_FIND_DECISION_MAKER);
	ck_assert_str_eq(gate_action_word(s[0].action), "find-decision-maker");
	ck_assert_str_eq(s[0].advice, "find out who decides, and where they "
	                              "stand, before anything else");
	ck_assert_str_eq(s[0].reason,
	                 "no decision-maker is named in the buying group");
	ck_assert_uint_eq(s[0].nvia, 3);
	ck_assert_str_eq(s[0].via[0], "coach (acme/coach)");
	ck_assert_str_eq(s[0].via[1], "tech (acme/tech)");
	ck_assert_str_eq(s[0].via[2], "low (acme/low)");
	ck_assert_str_eq(A.members[s[1].member].ref, "acme/tech");
	gate_plan_free(s, n);
	m = member("acme/dm", GATE_CORE_DM, 1, GATE_STANCE_UNKNOWN);
	gate_plan(&A, &s, &n);
	ck_assert_uint_eq(n, A.nmembers);
	ck_assert_int_eq(step_of(s, n, "acme/dm")->action, ACT_FIND_OUT);
	gate_plan_free(s, n);
	/* No group, no plan. */
	unmk();
	mk();
	gate_plan(&A, &s, &n);
	ck_assert_uint_eq(n, 0);
	gate_plan_free(s, n);
	unmk();

	/* Stale: the decision-maker last seen 90 days before the plan's
	 * date is fresh; 91, found out again, and no longer the one to
	 * recruit or sponsor.  A member who is not key is not. */
	mk();
	m = member("acme/dm", GATE_CORE_DM, 1, 1);
	strcpy(m->latest, "2025-12-02");
	strcpy(m->since, "2025-12-02");
	m = member("acme/mid", GATE_CORE_BUSINESS, 1, 1);
	strcpy(m->latest, "2025-12-01");
	gate_plan(&A, &s, &n);
	ck_assert_int_eq(step_of(s, n, "acme/dm")->action, ACT_SPONSOR);
	ck_assert_int_eq(step_of(s, n, "acme/mid")->action, ACT_RECRUIT_COACH);
	gate_plan_free(s, n);
	strcpy(A.as_of, "2026-03-03");
	gate_plan(&A, &s, &n);
	ck_assert_int_eq(step_of(s, n, "acme/dm")->action, ACT_FIND_OUT);
	ck_assert_str_eq(step_of(s, n, "acme/dm")->advice,
	                 "find out where they stand now: what we know is out "
	                 "of date");
	ck_assert_str_eq(step_of(s, n, "acme/dm")->reason,
	                 "supported us, last observed 2025-12-02, 91 days "
	                 "before 2026-03-03 (more than 90)");
	ck_assert_int_eq(step_of(s, n, "acme/mid")->action, ACT_RECRUIT_COACH);
	gate_plan_free(s, n);
	/* A high-influence supporter gone stale is not recruited. */
	A.members[1].influence = 0;
	gate_plan(&A, &s, &n);
	ck_assert_int_eq(step_of(s, n, "acme/mid")->action, ACT_FIND_OUT);
	gate_plan_free(s, n);
	unmk();
}
END_TEST

START_TEST(t_plan)
{
	struct gate_step *s;
	size_t n;
	const struct gate_step *x;
	struct gate_member *m;

	mk();
	rival("orcl");
	member("acme/dm", GATE_CORE_DM, 1, 1);
	member("acme/hi", GATE_CORE_TECHNICAL, 0, 1);
	member("acme/mid", GATE_CORE_BUSINESS, 1, 1);
	member("acme/low", 0, 2, 1);
	m = member("acme/neutral", GATE_CORE_FINANCE, 0, 0);
	ally(m, "acme/mid", 1);
	ally(m, "acme/foe", -1);
	member("acme/quiet", 0, 2, 0);
	m = member("acme/foe", 0, 1, -1);
	m->rival[0] = 1;
	m->note = xstrdup("thinks the price is too high");
	ally(m, "acme/low", 1);
	ally(m, "acme/outsider", 1);
	member("acme/unknown", 0, 0, GATE_STANCE_UNKNOWN);
	gate_plan(&A, &s, &n);
	ck_assert_uint_eq(n, A.nmembers);
	/* High influence first, then by role, then by name. */
	ck_assert_str_eq(A.members[s[0].member].ref, "acme/hi");
	ck_assert_str_eq(A.members[s[1].member].ref, "acme/neutral");
	ck_assert_str_eq(A.members[s[2].member].ref, "acme/unknown");
	ck_assert_str_eq(A.members[s[3].member].ref, "acme/dm");
	x = step_of(s, n, "acme/hi");
	ck_assert_int_eq(x->action, ACT_SPONSOR);
	x = step_of(s, n, "acme/dm");
	ck_assert_int_eq(x->action, ACT_SPONSOR);
	/* No coach: one supporter is recruited, medium influence first. */
	x = step_of(s, n, "acme/mid");
	ck_assert_int_eq(x->action, ACT_RECRUIT_COACH);
	ck_assert_str_eq(x->reason, "supports us; we have no coach to rely "
	                            "on; since 2026-02-20");
	x = step_of(s, n, "acme/low");
	ck_assert_int_eq(x->action, ACT_KEEP_INFORMED);
	x = step_of(s, n, "acme/neutral");
	ck_assert_int_eq(x->action, ACT_CONVERT);
	ck_assert_str_eq(x->advice, "first priority: find what they need to "
	                            "win and show how we give it");
	ck_assert_uint_eq(x->nvia, 1);
	ck_assert_str_eq(x->via[0], "mid (acme/mid)");
	x = step_of(s, n, "acme/quiet");
	ck_assert_int_eq(x->action, ACT_KEEP_INFORMED);
	x = step_of(s, n, "acme/foe");
	ck_assert_int_eq(x->action, ACT_CONTAIN);
	ck_assert_str_eq(x->reason, "opposes us; supports orcl; since "
	                            "2026-02-20: thinks the price is too high");
	ck_assert_uint_eq(x->nvia, 2);
	ck_assert_str_eq(x->via[1], "outsider (acme/outsider)");
	x = step_of(s, n, "acme/unknown");
	ck_assert_int_eq(x->action, ACT_FIND_OUT);
	ck_assert_str_eq(x->reason, "stance unknown, high influence");
	gate_plan_free(s, n);
	unmk();

	/* A coach we can rely on is kept informed; nobody is recruited. */
	mk();
	member("acme/coach", GATE_ROLE_COACH, 1, 1);
	member("acme/mid", GATE_CORE_BUSINESS, 1, 1);
	gate_plan(&A, &s, &n);
	ck_assert_int_eq(step_of(s, n, "acme/coach")->action,
	                 ACT_KEEP_INFORMED);
	ck_assert_str_eq(step_of(s, n, "acme/coach")->advice,
	                 "keep them informed and ask for their guidance: "
	                 "they are our coach");
	ck_assert_int_eq(step_of(s, n, "acme/mid")->action, ACT_KEEP_INFORMED);
	gate_plan_free(s, n);
	unmk();

	/* A coach who favours a competitor is doubtful: recruit another;
	 * with only high-influence supporters, one of them. */
	mk();
	rival("orcl");
	member("acme/coach", GATE_ROLE_COACH, 1, 1)->rival[0] = 1;
	member("acme/boss", GATE_CORE_TECHNICAL, 0, 1);
	gate_plan(&A, &s, &n);
	ck_assert_int_eq(step_of(s, n, "acme/boss")->action, ACT_RECRUIT_COACH);
	ck_assert_str_eq(step_of(s, n, "acme/coach")->reason,
	                 "supports us, medium influence; supports orcl; a "
	                 "coach we cannot rely on; since 2026-02-20");
	gate_plan_free(s, n);
	unmk();
}
END_TEST

START_TEST(t_what_if)
{
	struct gate_member *m;

	mk();
	all_yes();
	ans("price", GATE_NO);
	ck_assert(gate_assume_answer(&A, "price", GATE_YES, NULL));
	ck_assert_int_eq(crit("price")->source, GATE_SRC_ASSUMED);
	ck_assert(!gate_assume_answer(&A, "nope", GATE_YES, NULL));
	m = member("acme/wang", GATE_CORE_DM, 0, -1);
	ck_assert(gate_assume_stance(&A, m, -1, 1));
	ck_assert_int_eq(m->stance, 1);
	ck_assert_str_eq(m->note, "assumed");
	ck_assert_int_eq(gate_rival_find(&A, "orcl"), -1);
	rival("orcl");
	ck_assert(gate_assume_stance(&A, m, 0, 1));
	ck_assert_int_eq(m->rival[0], 1);
	ck_assert(!gate_assume_stance(&A, m, 1, 1));
	ck_assert_ptr_eq(gate_member_find(&A, "acme/wang"), m);
	ck_assert_ptr_null(gate_member_find(&A, "acme/li"));
	unmk();
}
END_TEST

/* kam_find: the first element whose key matches, at any offset; NULL
 * for none and for an empty array. */
START_TEST(t_kam_find)
{
	struct kv {
		int n;
		char *name, *key;
	} v[] = {{1, "a", "x"}, {2, "b", "y"}, {3, "c", "y"}};
	size_t off = offsetof(struct kv, key);

	ck_assert_ptr_eq(kam_find(v, 3, sizeof *v, off, "x"), &v[0]);
	ck_assert_ptr_eq(kam_find(v, 3, sizeof *v, off, "y"), &v[1]);
	ck_assert_ptr_eq(
	    kam_find(v, 3, sizeof *v, offsetof(struct kv, name), "c"), &v[2]);
	ck_assert_ptr_null(kam_find(v, 3, sizeof *v, off, "c"));
	ck_assert_ptr_null(kam_find(v, 1, sizeof *v, off, "y"));
	ck_assert_ptr_null(kam_find(NULL, 0, sizeof *v, off, "x"));
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
	A.value = xstrdup("12345678901234567");
	A.currency = xstrdup("CNY");
	A.cost = xstrdup("0.5");
	assess();
	s = gate_verdict_sentence(&A);
	ck_assert_str_eq(s, "Qualify before investing: gates 1 (is it a real "
	                    "opportunity?) and 2 (can we compete?) are open; "
	                    "answer the open questions first.");
	free(s);
	fp = open_memstream(&buf, &len);
	gate_write_json(fp, &A, NULL);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "\"verdict\": \"qualify\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"profile\": \"default\""));
	ck_assert_ptr_nonnull(
	    strstr(buf, "{\"key\": \"need\", \"answer\": \"unknown\", "
	                "\"source\": \"answered\", \"evidence\": null}"));
	ck_assert_ptr_nonnull(strstr(buf, "\"score\": 1.00"));
	ck_assert_ptr_nonnull(
	    strstr(buf, "\"investment\": {\n    \"level\": \"minimal\",\n    "
	                "\"value\": 12345678901234567,\n    \"currency\": "
	                "\"CNY\",\n    \"win_likelihood\": 1.00,\n    "
	                "\"expected_value\": 12345678901234567,\n    "
	                "\"pursuit_cost\": 0.5\n  }"));
	free(buf);
	unmk();

	mk();
	ans("budget", GATE_NO);
	assess();
	s = gate_verdict_sentence(&A);
	ck_assert_str_eq(s, "Drop: gate 1, is it a real opportunity?, fails "
	                    "(must-criterion 'budget' is no).");
	free(s);
	buf = NULL;
	fp = open_memstream(&buf, &len);
	gate_write_json(fp, &A, NULL);
	fclose(fp);
	ck_assert_ptr_nonnull(
	    strstr(buf, "\"investment\": {\n    \"level\": \"none\",\n    "
	                "\"value\": null,\n    \"currency\": null,\n    "
	                "\"win_likelihood\": null,\n    \"expected_value\": "
	                "null,\n    \"pursuit_cost\": null\n  }"));
	free(buf);
	unmk();

	/* A weak gate other than by its score says why. */
	mk();
	all_yes();
	ans("fit", GATE_NO);
	assess();
	s = gate_verdict_sentence(&A);
	ck_assert_str_eq(s, "Pursue with limited investment: gate 2, can we "
	                    "compete?, is weak ('fit' is no, but a partner "
	                    "can fill the gaps ('gaps' is yes): we compete "
	                    "through them, weak at best).");
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
	struct gate_snap_crit ca[2] = {
	    {1, "need", "yes", "answered", NULL, NULL},
	    {3, "coverage", "no", "computed", "x", NULL}};
	struct gate_snap_crit cb[2] = {
	    {1, "need", "yes", "answered", NULL, NULL},
	    {1, "new", "unknown", "none", NULL, NULL}};
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
exec_ok(const char *sql)
{
	ck_assert_int_eq(sqlite3_exec(store_db(st), sql, NULL, NULL, NULL),
	                 SQLITE_OK);
}

static void
setup(void)
{
	char path[128];

	snprintf(dir, sizeof dir, "/tmp/check_gate.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kam.db", dir);
	ck_assert_int_eq(store_open(&st, path, STORE_CREATE), KAM_OK);
	exec_ok("INSERT INTO account (id, handle, name, created) VALUES "
	        "(1, 'acme', 'Acme', '2026-01-01T00:00:00Z');"
	        "INSERT INTO person (id, account_id, handle, name, "
	        "created) VALUES (1, 1, 'wang', 'Wang', "
	        "'2026-01-01T00:00:00Z'), (2, 1, 'li', 'Li', "
	        "'2026-01-01T00:00:00Z');"
	        "INSERT INTO deal (id, account_id, handle, name, "
	        "created) VALUES (1, 1, 'his', 'HIS', "
	        "'2026-01-01T00:00:00Z'), (2, 1, 'erp', 'ERP', "
	        "'2026-01-01T00:00:00Z');"
	        "INSERT INTO deal_role VALUES (1, 1, "
	        "'decision-maker', 'high', 0), (1, 1, 'finance', "
	        "'low', 0), (1, 2, 'technical', 'medium', 1);");
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

static int64_t
profile(const char *name)
{
	int64_t id = 0;

	ck_assert_int_eq(store_gate_profile_id(st, name, &id), KAM_OK);
	return id;
}

static double
weight_of(int64_t p, const char *key)
{
	struct gate_crit *c;
	size_t n, i;
	double w = -1;

	ck_assert_int_eq(store_gate_rubric(st, p, 0, &c, &n), KAM_OK);
	for (i = 0; i < n; i++)
		if (strcmp(c[i].key, key) == 0)
			w = c[i].weight + (c[i].must ? 1000 : 0);
	gate_crit_free(c, n);
	return w;
}

START_TEST(t_store_rubric_seeded)
{
	struct gate_crit *c;
	size_t n, i;
	int must = 0, computed = 0;

	ck_assert_int_eq(store_gate_rubric(st, profile("default"), 0, &c, &n),
	                 KAM_OK);
	ck_assert_uint_eq(n, NRUBRIC);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(c[i].key, rubric[i].key);
		ck_assert_int_eq(c[i].gate, rubric[i].gate);
		ck_assert(c[i].weight == rubric[i].weight);
		ck_assert_int_eq(c[i].must, rubric[i].must);
		must += c[i].must;
		computed += c[i].computed;
	}
	ck_assert_int_eq(must, 4);
	ck_assert_int_eq(computed, 4);
	gate_crit_free(c, n);
	ck_assert_int_eq(store_gate_rubric(st, profile("default"), 3, &c, &n),
	                 KAM_OK);
	ck_assert_uint_eq(n, 6);
	gate_crit_free(c, n);
	/* strategic: importance and strategy double, profit never a must. */
	ck_assert(weight_of(profile("strategic"), "importance") == 4);
	ck_assert(weight_of(profile("strategic"), "strategy") == 4);
	ck_assert(weight_of(profile("strategic"), "profit") == 2);
	ck_assert(weight_of(profile("strategic"), "need") == 1003);
	/* transactional: profit a must, relationships half. */
	ck_assert(weight_of(profile("transactional"), "profit") == 1002);
	ck_assert(weight_of(profile("transactional"), "our-relationship") ==
	          1.5);
	ck_assert(weight_of(profile("transactional"), "rival-relationship") ==
	          1);
	ck_assert(weight_of(profile("transactional"), "importance") == 2);
}
END_TEST

START_TEST(t_store_rubric_guards)
{
	int64_t id, p = profile("default");

	ck_assert_int_eq(store_gate_criterion_id(st, p, "budgte", &id),
	                 KAM_NOTFOUND);
	ck_assert_int_eq(store_gate_criterion_add(st, p, 1, "need", "Q?", 1, 0),
	                 KAM_CONFLICT);
	/* The same key in another profile is another criterion. */
	ck_assert_int_eq(store_gate_criterion_add(st, profile("strategic"), 1,
	                                          "partner-fit", "Q?", 1.5, 0),
	                 KAM_OK);
	ck_assert_int_eq(store_gate_criterion_id(st, p, "partner-fit", &id),
	                 KAM_NOTFOUND);
	/* Moving every criterion out of gate 1 stops at the last one. */
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "need", 2, -1, -1, NULL), KAM_OK);
	ck_assert_int_eq(store_gate_criterion_remove(st, p, "budget"), KAM_OK);
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "timeline", 0, 0, -1, NULL),
	    KAM_CONFLICT);
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "timeline", 4, -1, -1, NULL),
	    KAM_CONFLICT);
	ck_assert_int_eq(store_gate_criterion_remove(st, p, "timeline"),
	                 KAM_CONFLICT);
	/* Coverage is knowledge: no weight. */
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "coverage", 0, 1, -1, NULL),
	    KAM_CONFLICT);
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "coverage", 0, -1, 1, NULL),
	    KAM_OK);
	/* Real weights. */
	ck_assert_int_eq(
	    store_gate_criterion_set(st, p, "fit", 0, 2.25, -1, NULL), KAM_OK);
	ck_assert(weight_of(p, "fit") == 1002.25);
	/* Answered criteria stay. */
	ck_assert_int_eq(store_gate_criterion_id(st, p, "fit", &id), KAM_OK);
	ck_assert_int_eq(store_gate_answer_add(st, 1, id, GATE_YES, NULL, NULL,
	                                       "2026-02-01"),
	                 KAM_OK);
	ck_assert_int_eq(store_gate_criterion_remove(st, p, "fit"),
	                 KAM_CONFLICT);
	/* No transaction is left open by a refusal. */
	ck_assert_int_eq(sqlite3_get_autocommit(store_db(st)), 1);
}
END_TEST

static void
answer(const char *key, enum gate_ans a, const char *on)
{
	int64_t id, p;

	ck_assert_int_eq(store_gate_deal_profile(st, 1, &p), KAM_OK);
	ck_assert_int_eq(store_gate_criterion_id(st, p, key, &id), KAM_OK);
	ck_assert_int_eq(store_gate_answer_add(st, 1, id, a, NULL, NULL, on),
	                 KAM_OK);
}

START_TEST(t_store_profiles)
{
	struct gate_assessment a;
	int64_t p, id;
	double g = 40;

	ck_assert_int_eq(store_gate_profile_add(st, "public", "strategic"),
	                 KAM_OK);
	ck_assert(weight_of(profile("public"), "importance") == 4);
	ck_assert_int_eq(store_gate_profile_add(st, "public", "default"),
	                 KAM_CONFLICT);
	ck_assert_int_eq(store_gate_profile_add(st, "x", "nosuch"),
	                 KAM_NOTFOUND);
	ck_assert_int_eq(store_gate_profile_remove(st, "default"),
	                 KAM_CONFLICT);
	/* Without a category, or with one no profile has: default. */
	ck_assert_int_eq(store_gate_deal_profile(st, 1, &p), KAM_OK);
	ck_assert(p == profile("default"));
	exec_ok("UPDATE account SET category = 'retail'");
	ck_assert_int_eq(store_gate_deal_profile(st, 1, &p), KAM_OK);
	ck_assert(p == profile("default"));
	exec_ok("UPDATE account SET category = 'public'");
	ck_assert_int_eq(store_gate_deal_profile(st, 1, &p), KAM_OK);
	ck_assert(p == profile("public"));
	/* An answer belongs to its key: it holds under another profile. */
	answer("importance", GATE_NO, "2026-02-01");
	ck_assert_int_eq(store_gate_criterion_id(st, p, "price", &id), KAM_OK);
	ck_assert_int_eq(
	    store_gate_answer_add(st, 1, id, GATE_NO, &g, "list", "2026-02-01"),
	    KAM_OK);
	exec_ok("UPDATE account SET category = NULL");
	ck_assert_int_eq(gate_assess(st, 1, "2026-03-02", &a), KAM_OK);
	ck_assert_str_eq(a.profile, "default");
	ck_assert_int_eq(a.crit[17].answer, GATE_NO);
	ck_assert_str_eq(a.crit[17].key, "importance");
	ck_assert(a.crit[12].has_gap && a.crit[12].gap == 40);
	gate_assessment_free(&a);
	/* A profile with answers stays; one without goes. */
	ck_assert_int_eq(store_gate_profile_remove(st, "public"), KAM_CONFLICT);
	ck_assert_int_eq(store_gate_profile_add(st, "spare", "default"),
	                 KAM_OK);
	ck_assert_int_eq(store_gate_profile_remove(st, "spare"), KAM_OK);
	ck_assert_int_eq(store_gate_profile_id(st, "spare", &id), KAM_NOTFOUND);
	ck_assert_int_eq(sqlite3_get_autocommit(store_db(st)), 1);
}
END_TEST

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
	/* Nobody's stance is known: we do not know where wang stands. */
	ck_assert_str_eq(a.crit[10].key, "coverage");
	ck_assert_int_eq(a.crit[10].answer, GATE_NO);
	ck_assert_int_eq(a.crit[10].source, GATE_SRC_COMPUTED);
	ck_assert_int_eq(a.gates[2].status, GATE_OPEN);
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

/* gate_params_load: the rules' defaults with the stored settings over
 * them; a stored key the rules do not know changes nothing. */
START_TEST(t_store_settings)
{
	struct gate_params p, d;

	gate_params_default(&d);
	ck_assert_int_eq(store_gate_setting_set(st, "win.strong", 0.9), KAM_OK);
	ck_assert_int_eq(store_gate_setting_set(st, "no.such", 7), KAM_OK);
	ck_assert_int_eq(gate_params_load(st, &p), KAM_OK);
	ck_assert(p.strong == 0.9);
	p.strong = d.strong;
	ck_assert(memcmp(&p, &d, sizeof p) == 0);
	ck_assert_int_eq(store_gate_setting_stored(st, "win.strong"), 1);
	ck_assert_int_eq(store_gate_setting_reset(st, "win.strong"), KAM_OK);
	ck_assert_int_eq(gate_params_load(st, &p), KAM_OK);
	ck_assert(p.strong == 0.75);
	ck_assert_int_eq(store_gate_setting_stored(st, "win.strong"), 0);
}
END_TEST

/* Runs count per deal; an identical run is kept once, checked again. */
/*
 * A run's codes come back as reasons (gate_snap_load): each computed
 * evidence and each gate's reasons; a user's evidence has none and is
 * said as written.
 */
START_TEST(t_store_run_codes)
{
	static const char snapshot[] =
	    "{\"gates\": [{\"gate\": 1, \"status\": \"pass\", \"score\": 1, "
	    "\"criteria\": [{\"key\": \"our-relationship\", \"answer\": "
	    "\"unknown\", \"source\": \"computed\", \"evidence\": \"no stance "
	    "known in the buying group (3 people)\"}, {\"key\": \"need\", "
	    "\"answer\": \"yes\", \"source\": \"answered\", \"evidence\": "
	    "\"score 1.00 reaches the fail threshold 0.50\"}], "
	    "\"reasons\": [\"score 1.00 reaches the fail threshold 0.50\"]}]}";
	struct reason *ev = reason_code(R_NO_STANCE_MANY, reason_text("3"));
	struct reason *g1 = reason_code(R_REACHES_FAIL, reason_text("1.00"),
	                                reason_text("0.50"));
	struct gate_snap snap;
	char *codes = NULL, *t;
	size_t len = 0, n = 0;
	FILE *fp = open_memstream(&codes, &len);
	int64_t number;
	int same;

	fputs("[", fp);
	reason_write_nodes(fp, ev, "our-relationship", 0, &n);
	reason_write_nodes(fp, g1, NULL, 1, &n);
	fputs("]", fp);
	fclose(fp);
	ck_assert_int_eq(store_gate_run_add(st, 1, "2026-03-01", "pursue",
	                                    snapshot, codes, &number, &same),
	                 KAM_OK);
	ck_assert_int_eq(gate_snap_load(st, 1, number, &snap), KAM_OK);
	ck_assert_int_eq(snap.coded, 1);
	ck_assert_uint_eq(snap.nnodes, 5);
	ck_assert_uint_eq(snap.ncrit, 2);
	ck_assert_str_eq(snap.crit[0].key, "our-relationship");
	ck_assert_ptr_nonnull(snap.crit[0].why);
	t = reason_english(snap.crit[0].why);
	ck_assert_str_eq(t, snap.crit[0].evidence);
	free(t);
	ck_assert_ptr_null(snap.crit[1].why);
	ck_assert_uint_eq(snap.nwhy[0], 1);
	ck_assert_uint_eq(snap.nwhy[1], 0);
	t = reason_english(snap.why[0][0]);
	ck_assert_str_eq(t, "score 1.00 reaches the fail threshold 0.50");
	free(t);
	t = gate_snap_said(&snap, "our-relationship");
	ck_assert_str_eq(t, "no stance known in the buying group (3 people)");
	free(t);
	/* A user's evidence, though a sentence of the table. */
	t = gate_snap_said(&snap, "need");
	ck_assert_str_eq(t, "score 1.00 reaches the fail threshold 0.50");
	free(t);
	ck_assert_ptr_null(gate_snap_said(&snap, "price"));
	gate_snap_free(&snap);
	/* The same run without codes, as stored before schema 14. */
	exec_ok("UPDATE gate_run SET reasons = NULL");
	ck_assert_int_eq(gate_snap_load(st, 1, number, &snap), KAM_OK);
	ck_assert_int_eq(snap.coded, 0);
	ck_assert_uint_eq(snap.nnodes, 0);
	ck_assert_ptr_null(snap.crit[0].why);
	t = gate_snap_said(&snap, "our-relationship");
	ck_assert_str_eq(t, "no stance known in the buying group (3 people)");
	free(t);
	gate_snap_free(&snap);
	/* Codes that are not JSON: none read. */
	exec_ok("UPDATE gate_run SET reasons = 'x'");
	ck_assert_int_eq(gate_snap_load(st, 1, number, &snap), KAM_OK);
	ck_assert_uint_eq(snap.nnodes, 0);
	ck_assert_ptr_null(snap.crit[0].why);
	gate_snap_free(&snap);
	reason_free(ev);
	reason_free(g1);
	free(codes);
}
END_TEST

START_TEST(t_store_runs)
{
	struct gate_snap snap;
	struct gate_run_info *r;
	int64_t number;
	size_t n;
	int same;

	/* As if stored before the codes were kept. */
	ck_assert_int_eq(store_gate_run_add(st, 1, "2026-03-01", "qualify",
	                                    "{\"a\":1}", NULL, &number, &same),
	                 KAM_OK);
	ck_assert(number == 1 && !same);
	/* As if it was made an hour ago. */
	exec_ok("UPDATE gate_run SET recorded = '2026-03-02T08:00:00Z', "
	        "checked = '2026-03-02T08:00:00Z'");
	ck_assert_int_eq(store_gate_run_add(st, 1, "2026-03-01", "qualify",
	                                    "{\"a\":1}", "[]", &number, &same),
	                 KAM_OK);
	ck_assert(number == 1 && same);
	/* Found again, the run takes the codes it was stored without. */
	ck_assert_int_eq(store_gate_snap_load(st, 1, 1, &snap), KAM_OK);
	ck_assert_int_eq(snap.coded, 1);
	gate_snap_free(&snap);
	ck_assert_int_eq(store_gate_run_add(st, 2, "2026-03-01", "drop",
	                                    "{\"a\":1}", "[]", &number, &same),
	                 KAM_OK);
	ck_assert(number == 1 && !same);
	ck_assert_int_eq(store_gate_run_add(st, 1, "2026-03-02", "pursue",
	                                    "{\"b\":1}", "[]", &number, &same),
	                 KAM_OK);
	ck_assert(number == 2 && !same);
	/* Back to the first: a new run, not run 1 again. */
	ck_assert_int_eq(store_gate_run_add(st, 1, "2026-03-01", "qualify",
	                                    "{\"a\":1}", "[]", &number, &same),
	                 KAM_OK);
	ck_assert(number == 3 && !same);
	ck_assert_int_eq(store_gate_runs(st, 1, &r, &n), KAM_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(r[0].recorded, "2026-03-02T08:00:00Z");
	ck_assert_str_eq(r[0].checked, "2026-03-02T09:00:00Z");
	ck_assert_str_eq(r[1].checked, r[1].recorded);
	ck_assert(r[2].number == 3);
	gate_runs_free(r, n);
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
	tcase_add_test(tc, t_open_questions);
	tcase_add_test(tc, t_score_below_fail);
	tcase_add_test(tc, t_score_at_fail_threshold);
	tcase_add_test(tc, t_fail_whatever_the_unknowns);
	tcase_add_test(tc, t_unknown_share);
	tcase_add_test(tc, t_unknown_must_small_share);
	tcase_add_test(tc, t_win_long_odds_unknowns);
	tcase_add_test(tc, t_sure_loss_stale);
	tcase_add_test(tc, t_long_odds_worth);
	tcase_add_test(tc, t_weak_is_limited);
	tcase_add_test(tc, t_strong_threshold_boundary);
	tcase_add_test(tc, t_open_beats_weak);
	tcase_add_test(tc, t_open_gate_does_not_stop);
	tcase_add_test(tc, t_profit_is_not_everything);
	tcase_add_test(tc, t_computed_from_group);
	tcase_add_test(tc, t_computed_boundaries);
	tcase_add_test(tc, t_lead_counts_more);
	tcase_add_test(tc, t_decision_makers_bound_relationship);
	tcase_add_test(tc, t_coverage_is_knowledge);
	tcase_add_test(tc, t_sure_loss_decision_maker);
	tcase_add_test(tc, t_sure_loss_lead);
	tcase_add_test(tc, t_price_gap);
	tcase_add_test(tc, t_partners_fill_gaps);
	tcase_add_test(tc, t_expected_value);
	tcase_add_test(tc, t_eight_cases);
	tcase_add_test(tc, t_answered_beats_computed);
	tcase_add_test(tc, t_opposing_dm_called_out);
	tcase_add_test(tc, t_no_decision_maker);
	tcase_add_test(tc, t_opposing_key_members);
	tcase_add_test(tc, t_win_likelihood);
	tcase_add_test(tc, t_stale_key_people);
	tcase_add_test(tc, t_not_worth_winning);
	tcase_add_test(tc, t_cost_above_value);
	tcase_add_test(tc, t_red_flags);
	tcase_add_test(tc, t_plan);
	tcase_add_test(tc, t_carrier);
	tcase_add_test(tc, t_plan_who_decides);
	tcase_add_test(tc, t_what_if);
	tcase_add_test(tc, t_kam_find);
	tcase_add_test(tc, t_sentence_and_json);
	tcase_add_test(tc, t_diff);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ts, setup, teardown);
	tcase_add_test(ts, t_store_rubric_seeded);
	tcase_add_test(ts, t_store_rubric_guards);
	tcase_add_test(ts, t_store_profiles);
	tcase_add_test(ts, t_store_assess_dated);
	tcase_add_test(ts, t_store_settings);
	tcase_add_test(ts, t_store_runs);
	tcase_add_test(ts, t_store_run_codes);
	suite_add_tcase(s, ts);
	return s;
}

int
main(void)
{
	return unit_run(suite());
}
