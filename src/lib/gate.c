/*
 * The four gates (METHOD.md, section 2) as pure functions over structs:
 * the formulas that compute "can we win?" criteria from the buying group,
 * the gate rules, the verdict, and the difference between two runs.
 * Nothing here knows SQL, the command line or an output format; the
 * writers are in gate-out.c.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"

static const char *const ans_words[] = {"unknown", "yes", "partly", "no"};
static const char *const src_words[] = {"none", "answered", "computed"};
static const char *const status_words[] = {"pass", "weak", "open", "fail",
                                           "not-reached"};
static const char *const verdict_words[] = {"pursue", "pursue-limited",
                                            "qualify", "drop"};
static const char *const gate_names[] = {"real", "compete", "win", "worth"};
/* The method's four questions, in the words of METHOD.md. */
static const char *const gate_questions[] = {"is it a real opportunity?",
                                             "can we compete?", "can we win?",
                                             "is it worth winning?"};

const char *
gate_ans_word(enum gate_ans a)
{
	return ans_words[a];
}

int
gate_ans_parse(const char *s)
{
	int i;

	/* The vocabulary knows the method's words for an answer too. */
	if ((s = vocab_answer(s)) == NULL)
		return -1;
	for (i = 0; i < 4; i++)
		if (strcmp(s, ans_words[i]) == 0)
			return i;
	return -1;
}

const char *
gate_src_word(enum gate_src s)
{
	return src_words[s];
}

const char *
gate_status_word(enum gate_status s)
{
	return status_words[s];
}

const char *
gate_verdict_word(enum gate_verdict v)
{
	return verdict_words[v];
}

const char *
gate_question(int gate)
{
	return gate >= 1 && gate <= GATE_COUNT ? gate_questions[gate - 1] : "?";
}

const char *
gate_name(int gate)
{
	return gate >= 1 && gate <= GATE_COUNT ? gate_names[gate - 1] : "?";
}

int
gate_parse(const char *s)
{
	int i;

	for (i = 0; i < GATE_COUNT; i++)
		if (strcmp(s, gate_names[i]) == 0)
			return i + 1;
	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	return 0;
}

/* Settings: defaults and keys */

void
gate_params_default(struct gate_params *p)
{
	int i;

	for (i = 0; i < GATE_COUNT; i++)
		p->fail[i] = 0.5;
	p->strong = 0.75;
	p->unknown_max = 0.34;
	p->influence[0] = 3;
	p->influence[1] = 2;
	p->influence[2] = 1;
	p->our_yes = 0.5;
	p->our_partly = 0;
	p->rival_yes = 0;
	p->rival_partly = 0.5;
	p->coverage_yes = 4;
	p->coverage_partly = 2;
}

const char *const gate_setting_keys[] = {
    "real.fail",
    "compete.fail",
    "win.fail",
    "win.strong",
    "worth.fail",
    "unknown.max",
    "influence.high",
    "influence.medium",
    "influence.low",
    "our-relationship.yes",
    "our-relationship.partly",
    "rival-relationship.yes",
    "rival-relationship.partly",
    "coverage.yes",
    "coverage.partly",
    NULL,
};

const char *const gate_setting_help[] = {
    "gate 1 fails below this score",
    "gate 2 fails below this score",
    "gate 3 fails below this score",
    "gate 3 passes weak below this score",
    "gate 4 fails below this score",
    "a gate with more unknown weight than this is open",
    "weight of a high-influence member",
    "weight of a medium-influence member",
    "weight of a low-influence member",
    "support at or above this is yes",
    "support above this is partly",
    "strongest rival support at or below this is yes",
    "strongest rival support below this is partly",
    "core roles with a known stance for yes",
    "core roles with a known stance for partly",
    NULL,
};

double *
gate_param(struct gate_params *p, const char *key)
{
	double *slots[] = {
	    &p->fail[0],      &p->fail[1],      &p->fail[2],
	    &p->strong,       &p->fail[3],      &p->unknown_max,
	    &p->influence[0], &p->influence[1], &p->influence[2],
	    &p->our_yes,      &p->our_partly,   &p->rival_yes,
	    &p->rival_partly, &p->coverage_yes, &p->coverage_partly,
	};
	size_t i;

	for (i = 0; gate_setting_keys[i] != NULL; i++)
		if (strcmp(key, gate_setting_keys[i]) == 0)
			return slots[i];
	return NULL;
}

const char *
gate_param_check(const char *key, double v)
{
	if (strncmp(key, "influence.", 10) == 0)
		return v >= 0 && v <= 100 ? NULL : "a number from 0 to 100";
	if (strncmp(key, "coverage.", 9) == 0)
		return v >= 0 && v <= 4 && v == (double)(long)v
		           ? NULL
		           : "a whole number from 0 to 4";
	if (strstr(key, "relationship.") != NULL)
		return v >= -1 && v <= 1 ? NULL : "a number from -1 to 1";
	return v >= 0 && v <= 1 ? NULL : "a number from 0 to 1";
}

/* Rounds to two decimals, half away from zero, without libm. */
static double
r2(double x)
{
	return (double)(long long)(x * 100 +
	                           (x >= 0 ? 0.5 + 1e-9 : -0.5 - 1e-9)) /
	       100;
}

/* Computed criteria */

static struct gate_crit *
find_crit(struct gate_assessment *a, const char *key)
{
	size_t i;

	for (i = 0; i < a->ncrit; i++)
		if (strcmp(a->crit[i].key, key) == 0)
			return &a->crit[i];
	return NULL;
}

/* Sets a computed answer unless the criterion is absent or answered. */
static void
set_computed(struct gate_assessment *a, const char *key, enum gate_ans ans,
             char *how)
{
	struct gate_crit *c = find_crit(a, key);

	if (c == NULL || c->source == GATE_SRC_ANSWERED) {
		free(how);
		return;
	}
	c->answer = ans;
	c->source = GATE_SRC_COMPUTED;
	free(c->evidence);
	c->evidence = how;
}

static void
note(char ***list, size_t *n, char *s)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = s;
}

static const char *const core_names[] = {"decision-maker", "technical",
                                         "business", "finance"};

static void
compute_ours(struct gate_assessment *a, double total)
{
	const struct gate_params *p = &a->params;
	double known = 0, sum = 0, r;
	int counts[3] = {0, 0, 0}, nknown = 0;
	enum gate_ans ans;
	size_t i;
	char *how;

	if (a->nmembers == 0) {
		set_computed(a, "our-relationship", GATE_UNKNOWN,
		             xstrdup("no buying group recorded"));
		return;
	}
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		double w = p->influence[m->influence];

		if (m->stance == GATE_STANCE_UNKNOWN)
			continue;
		known += w;
		sum += w * m->stance;
		counts[1 - m->stance]++;
		nknown++;
	}
	if (nknown == 0) {
		xasprintf(&how, "no stance known in the buying group (%zu %s)",
		          a->nmembers, a->nmembers == 1 ? "person" : "people");
		set_computed(a, "our-relationship", GATE_UNKNOWN, how);
		return;
	}
	r = total > 0 ? r2(sum / total) : 0;
	ans = r >= p->our_yes     ? GATE_YES
	      : r > p->our_partly ? GATE_PARTLY
	                          : GATE_NO;
	xasprintf(&how,
	          "influence-weighted support %+.2f over %zu people, %d with "
	          "a known stance (%d support, %d neutral, %d oppose)",
	          r, a->nmembers, nknown, counts[0], counts[1], counts[2]);
	set_computed(a, "our-relationship", ans, how);
}

static void
compute_rivals(struct gate_assessment *a, double total)
{
	const struct gate_params *p = &a->params;
	double best = 0;
	size_t i, j, besti = 0;
	int found = 0;
	enum gate_ans ans;
	char *how;

	for (j = 0; j < a->nrivals; j++) {
		double sum = 0, r;
		int known = 0;

		for (i = 0; i < a->nmembers; i++) {
			const struct gate_member *m = &a->members[i];

			if (m->rival == NULL ||
			    m->rival[j] == GATE_STANCE_UNKNOWN)
				continue;
			known = 1;
			sum += p->influence[m->influence] * m->rival[j];
		}
		if (!known)
			continue;
		r = total > 0 ? r2(sum / total) : 0;
		if (!found || r > best) {
			best = r;
			besti = j;
			found = 1;
		}
	}
	if (!found) {
		set_computed(a, "rival-relationship", GATE_UNKNOWN,
		             xstrdup(a->nmembers == 0
		                         ? "no buying group recorded"
		                         : "no stance toward a competitor "
		                           "known in the buying group"));
		return;
	}
	ans = best <= p->rival_yes     ? GATE_YES
	      : best < p->rival_partly ? GATE_PARTLY
	                               : GATE_NO;
	xasprintf(&how,
	          "strongest competitor '%s' has influence-weighted support "
	          "%+.2f",
	          a->rivals[besti].handle, best);
	set_computed(a, "rival-relationship", ans, how);
}

static void
compute_coverage(struct gate_assessment *a)
{
	const struct gate_params *p = &a->params;
	struct buf b = {0};
	int covered = 0, n = 0, k;
	enum gate_ans ans;
	size_t i;

	if (a->nmembers == 0) {
		set_computed(a, "coverage", GATE_UNKNOWN,
		             xstrdup("no buying group recorded"));
		return;
	}
	for (i = 0; i < a->nmembers; i++)
		if (a->members[i].stance != GATE_STANCE_UNKNOWN)
			covered |= a->members[i].core;
	for (k = 0; k < 4; k++)
		if (covered & (1 << k))
			n++;
	ans = n >= p->coverage_yes      ? GATE_YES
	      : n >= p->coverage_partly ? GATE_PARTLY
	                                : GATE_NO;
	buf_printf(&b, "%d of 4 core roles have someone whose stance we know",
	           n);
	if (n < 4) {
		const char *sep = " (missing: ";

		for (k = 0; k < 4; k++) {
			if (covered & (1 << k))
				continue;
			buf_printf(&b, "%s%s", sep, core_names[k]);
			sep = ", ";
		}
		buf_puts(&b, ")");
	}
	set_computed(a, "coverage", ans, b.s);
}

void
gate_compute(struct gate_assessment *a)
{
	double total = 0;
	size_t i;

	for (i = 0; i < a->nmembers; i++)
		total += a->params.influence[a->members[i].influence];
	compute_ours(a, total);
	compute_rivals(a, total);
	compute_coverage(a);
	/* An opposing decision-maker is always called out. */
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		char *s;

		if (!(m->core & GATE_CORE_DM) || m->stance != -1)
			continue;
		xasprintf(&s, "decision-maker %s (%s) opposes us%s%s%s", m->ref,
		          m->name, m->since[0] ? " (since " : "", m->since,
		          m->since[0] ? ")" : "");
		note(&a->group_notes, &a->ngroup_notes, s);
	}
}

/* The gate rules */

static double
ans_value(enum gate_ans a)
{
	return a == GATE_YES ? 1 : a == GATE_PARTLY ? 0.5 : 0;
}

static void reason(struct gate_outcome *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
reason(struct gate_outcome *o, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	note(&o->reasons, &o->nreasons, s);
}

/* Names what pulls a gate's score down: its "no" answers. */
static void
weak_points(const struct gate_assessment *a, struct gate_outcome *o, int g)
{
	size_t i;

	for (i = 0; i < a->ncrit; i++)
		if (a->crit[i].gate == g && a->crit[i].answer == GATE_NO)
			reason(o, "'%s' is no (%s)", a->crit[i].key,
			       gate_src_word(a->crit[i].source));
}

static void
evaluate_gate(struct gate_assessment *a, int g, int reached)
{
	const struct gate_params *p = &a->params;
	struct gate_outcome *o = &a->gates[g - 1];
	double wt = 0, wk = 0, sum = 0, u, best;
	int mustno = 0, mustunk = 0;
	size_t i;

	if (!reached) {
		int f;

		for (f = 1; f < g && a->gates[f - 1].status != GATE_FAIL; f++)
			;
		o->status = GATE_NOT_REACHED;
		reason(o, "not reached: gate %d (%s) failed", f, gate_name(f));
		return;
	}
	for (i = 0; i < a->ncrit; i++) {
		const struct gate_crit *c = &a->crit[i];

		if (c->gate != g)
			continue;
		wt += c->weight;
		if (c->answer != GATE_UNKNOWN) {
			wk += c->weight;
			sum += c->weight * ans_value(c->answer);
		}
		if (c->must && c->answer == GATE_NO)
			mustno++;
		if (c->must && c->answer == GATE_UNKNOWN)
			mustunk++;
	}
	/* Scores are rounded to two decimals before they are compared. */
	if (wk > 0) {
		o->scored = 1;
		o->score = r2(sum / wk);
	}
	u = wt > 0 ? (wt - wk) / wt : 0;
	best = wt > 0 ? r2((sum + wt - wk) / wt) : 1;

	if (mustno) {
		o->status = GATE_FAIL;
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g && a->crit[i].must &&
			    a->crit[i].answer == GATE_NO)
				reason(o, "must-criterion '%s' is no",
				       a->crit[i].key);
	} else if (wk < wt && best < p->fail[g - 1]) {
		o->status = GATE_FAIL;
		reason(o,
		       "the score cannot reach the fail threshold %.2f even "
		       "if every unknown becomes yes (at most %.2f)",
		       p->fail[g - 1], best);
	} else if (mustunk || u > p->unknown_max) {
		o->status = GATE_OPEN;
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g && a->crit[i].must &&
			    a->crit[i].answer == GATE_UNKNOWN)
				reason(o, "must-criterion '%s' is unknown",
				       a->crit[i].key);
		if (u > p->unknown_max)
			reason(o,
			       "%.0f%% of the weight is unknown (more than "
			       "%.0f%%)",
			       u * 100, p->unknown_max * 100);
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g &&
			    a->crit[i].answer == GATE_UNKNOWN)
				reason(o, "question '%s': %s", a->crit[i].key,
				       a->crit[i].question);
	} else if (o->scored && o->score < p->fail[g - 1]) {
		o->status = GATE_FAIL;
		reason(o, "score %.2f is below the fail threshold %.2f",
		       o->score, p->fail[g - 1]);
		weak_points(a, o, g);
	} else if (g == 3 && o->scored && o->score < p->strong) {
		o->status = GATE_WEAK;
		reason(o,
		       "score %.2f is below the strong threshold %.2f: the "
		       "odds are low, reconsider how much to invest",
		       o->score, p->strong);
		weak_points(a, o, g);
	} else {
		o->status = GATE_PASS;
		if (o->scored)
			reason(o, "score %.2f reaches the %s threshold %.2f",
			       o->score, g == 3 ? "strong" : "fail",
			       g == 3 ? p->strong : p->fail[g - 1]);
		/* Profit alone never decides: a "no" can be outweighed. */
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g &&
			    a->crit[i].answer == GATE_NO)
				reason(o,
				       "'%s' is no, outweighed by the other "
				       "criteria",
				       a->crit[i].key);
	}
}

void
gate_evaluate(struct gate_assessment *a)
{
	int g, reached = 1, open = 0, failed = 0;
	size_t i;

	for (g = 1; g <= GATE_COUNT; g++) {
		struct gate_outcome *o = &a->gates[g - 1];

		for (i = 0; i < o->nreasons; i++)
			free(o->reasons[i]);
		free(o->reasons);
		memset(o, 0, sizeof *o);
		evaluate_gate(a, g, reached);
		if (o->status == GATE_FAIL) {
			reached = 0;
			failed = 1;
		}
		if (o->status == GATE_OPEN)
			open = 1;
		if (g == 3)
			for (i = 0; i < a->ngroup_notes; i++)
				reason(o, "%s", a->group_notes[i]);
	}
	if (failed)
		a->verdict = VERDICT_DROP;
	else if (open)
		a->verdict = VERDICT_QUALIFY;
	else if (a->gates[2].status == GATE_WEAK)
		a->verdict = VERDICT_LIMITED;
	else
		a->verdict = VERDICT_PURSUE;
}

void
gate_crit_free(struct gate_crit *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].key);
		free(c[i].question);
		free(c[i].evidence);
		free(c[i].actor);
	}
	free(c);
}

void
gate_assessment_free(struct gate_assessment *a)
{
	size_t i;
	int g;

	free(a->deal);
	free(a->deal_name);
	gate_crit_free(a->crit, a->ncrit);
	for (i = 0; i < a->nmembers; i++) {
		free(a->members[i].ref);
		free(a->members[i].name);
		free(a->members[i].roles);
		free(a->members[i].rival);
	}
	free(a->members);
	for (i = 0; i < a->nrivals; i++) {
		free(a->rivals[i].handle);
		free(a->rivals[i].name);
	}
	free(a->rivals);
	for (i = 0; i < a->ngroup_notes; i++)
		free(a->group_notes[i]);
	free(a->group_notes);
	for (g = 0; g < GATE_COUNT; g++) {
		for (i = 0; i < a->gates[g].nreasons; i++)
			free(a->gates[g].reasons[i]);
		free(a->gates[g].reasons);
	}
	memset(a, 0, sizeof *a);
}

/* Comparing two runs */

void
gate_snap_free(struct gate_snap *s)
{
	size_t i;
	int g;

	free(s->verdict);
	for (g = 0; g < GATE_COUNT; g++)
		free(s->score[g]);
	for (i = 0; i < s->ncrit; i++) {
		free(s->crit[i].key);
		free(s->crit[i].answer);
		free(s->crit[i].source);
		free(s->crit[i].evidence);
	}
	free(s->crit);
	memset(s, 0, sizeof *s);
}

static int
same(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

static const struct gate_snap_crit *
snap_find(const struct gate_snap *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->ncrit; i++)
		if (strcmp(s->crit[i].key, key) == 0)
			return &s->crit[i];
	return NULL;
}

size_t
gate_diff(const struct gate_snap *a, const struct gate_snap *b,
          void (*fn)(const char *, const char *, const char *, const char *,
                     void *),
          void *arg)
{
	size_t n = 0, i;
	int g;

	if (strcmp(a->as_of, b->as_of) != 0) {
		fn("as-of", NULL, a->as_of, b->as_of, arg);
		n++;
	}
	if (!same(a->verdict, b->verdict)) {
		fn("verdict", NULL, a->verdict, b->verdict, arg);
		n++;
	}
	for (g = 0; g < GATE_COUNT; g++) {
		if (a->status[g] != b->status[g]) {
			fn("gate", gate_name(g + 1),
			   gate_status_word(a->status[g]),
			   gate_status_word(b->status[g]), arg);
			n++;
		}
		if (!same(a->score[g], b->score[g])) {
			fn("score", gate_name(g + 1), a->score[g], b->score[g],
			   arg);
			n++;
		}
	}
	for (i = 0; i < b->ncrit; i++) {
		const struct gate_snap_crit *y = &b->crit[i];
		const struct gate_snap_crit *x = snap_find(a, y->key);

		if (x == NULL) {
			fn("criterion", y->key, NULL, y->answer, arg);
			n++;
			continue;
		}
		if (!same(x->answer, y->answer)) {
			fn("answer", y->key, x->answer, y->answer, arg);
			n++;
		}
		if (!same(x->source, y->source)) {
			fn("source", y->key, x->source, y->source, arg);
			n++;
		}
		if (!same(x->evidence, y->evidence)) {
			fn("evidence", y->key, x->evidence, y->evidence, arg);
			n++;
		}
	}
	for (i = 0; i < a->ncrit; i++)
		if (snap_find(b, a->crit[i].key) == NULL) {
			fn("criterion", a->crit[i].key, a->crit[i].answer, NULL,
			   arg);
			n++;
		}
	return n;
}
