/*
 * The four gates (METHOD.md, sections 2 and 3) as pure functions over
 * structs: the formulas that compute criteria from the buying group and
 * the deal's numbers, the gate rules a seasoned key-account manager
 * would sign (a sure loss is dropped, knowing is not winning, price has
 * a size, partners fill gaps, the expected value weighs against the
 * cost), the verdict and the investment, the red flags of a buying group,
 * a plan per person, and the difference between two runs.  Nothing here
 * knows SQL, the command line or an output format; the writers are in
 * gate-out.c.  Each rule is documented in kam-gate(1), RULES.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/reason.h"

static const char *const gate_names[] = {"real", "compete", "win", "worth"};
/* The method's four questions, in the words of METHOD.md. */
static const char *const gate_questions[] = {
    N_("is it a real opportunity?"), N_("can we compete?"), N_("can we win?"),
    N_("is it worth winning?")};

/*
 * enum gate_ans puts unknown first; the vocabulary, in the method's
 * order, last.
 */
const char *
gate_ans_word(enum gate_ans a)
{
	return vocab_answers[a == 0 ? 3 : (int)a - 1];
}

int
gate_ans_parse(const char *s)
{
	int i;

	/* The vocabulary knows the method's words for an answer too. */
	if ((s = vocab_word(VOCAB_ANSWER, s)) == NULL)
		return -1;
	for (i = 0; i < 4; i++)
		if (strcmp(s, gate_ans_word((enum gate_ans)i)) == 0)
			return i;
	return -1;
}

/*
 * The words of an enum, in the order of its values, and its accessor:
 * one a type, so that the compiler checks what it is given.
 */
#define GATE_WORDS(fn, type, ...)                                              \
	const char *fn(type v)                                                 \
	{                                                                      \
		static const char *const words[] = {__VA_ARGS__};              \
		return words[v];                                               \
	}
GATE_WORDS(gate_src_word, enum gate_src, "none", "answered", "computed",
           "assumed")
GATE_WORDS(gate_status_word, enum gate_status, "pass", "weak", "open", "fail",
           "not-reached")
GATE_WORDS(gate_verdict_word, enum gate_verdict, "pursue", "pursue-limited",
           "qualify", "drop")
GATE_WORDS(gate_level_word, enum gate_level, "full", "limited", "minimal",
           "none")
#undef GATE_WORDS

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

const char *
gate_influence_word(int i)
{
	return i >= 0 && i <= 2 ? vocab_influences[i] : "?";
}

const char *
gate_stance_word(int s)
{
	const char *w = vocab_stance_of_sign(s);

	return w != NULL ? w : "unknown";
}

/* Settings: defaults and keys */

void
gate_params_default(struct gate_params *p)
{
	int i;

	for (i = 0; i < GATE_COUNT; i++)
		p->fail[i] = 0.5;
	p->strong = 0.75;
	p->weak_max = 0.5;
	p->unknown_max = 0.34;
	p->influence[0] = 3;
	p->influence[1] = 2;
	p->influence[2] = 1;
	p->lead_factor = 1.5;
	p->our_yes = 0.5;
	p->our_partly = 0;
	p->rival_yes = 0;
	p->rival_partly = 0.5;
	p->price_yes = 5;
	p->price_partly = 15;
	p->price_cap = 30;
	p->stale_days = 90;
}

const char *const gate_setting_keys[] = {
    "real.fail",
    "compete.fail",
    "win.fail",
    "win.strong",
    "win.weak-max",
    "worth.fail",
    "unknown.max",
    "influence.high",
    "influence.medium",
    "influence.low",
    "lead.factor",
    "our-relationship.yes",
    "our-relationship.partly",
    "rival-relationship.yes",
    "rival-relationship.partly",
    "price.yes-max",
    "price.partly-max",
    "price.cap",
    "stale.days",
    NULL,
};

const char *const gate_setting_help[] = {
    N_("gate 1 fails below this score"),
    N_("gate 2 fails below this score"),
    N_("gate 3 is long odds below this score: weak, not failed"),
    N_("gate 3 passes weak below this score"),
    N_("the win likelihood of a gate 3 held weak is at most this"),
    N_("gate 4 fails below this score"),
    N_("a gate with more unknown weight than this is open"),
    N_("weight of a high-influence member"),
    N_("weight of a medium-influence member"),
    N_("weight of a low-influence member"),
    N_("the lead of the buying group counts this many times"),
    N_("support at or above this is yes"),
    N_("support above this is partly"),
    N_("strongest rival support at or below this is yes"),
    N_("strongest rival support below this is partly"),
    N_("a price gap (%) at or below this is yes"),
    N_("a price gap (%) at or below this is partly"),
    N_("a price gap (%) above this holds gate 3 weak"),
    N_("a stance observed more days ago than this is stale"),
    NULL,
};

double *
gate_param(struct gate_params *p, const char *key)
{
	double *slots[] = {
	    &p->fail[0],      &p->fail[1],      &p->fail[2],
	    &p->strong,       &p->weak_max,     &p->fail[3],
	    &p->unknown_max,  &p->influence[0], &p->influence[1],
	    &p->influence[2], &p->lead_factor,  &p->our_yes,
	    &p->our_partly,   &p->rival_yes,    &p->rival_partly,
	    &p->price_yes,    &p->price_partly, &p->price_cap,
	    &p->stale_days,
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
		return v >= 0 && v <= 100 ? NULL : N_("a number from 0 to 100");
	if (strcmp(key, "lead.factor") == 0)
		return v >= 1 && v <= 10 ? NULL : N_("a number from 1 to 10");
	if (strncmp(key, "price.", 6) == 0)
		return v >= -100 && v <= 1000
		           ? NULL
		           : N_("a percentage from -100 to 1000");
	if (strcmp(key, "stale.days") == 0)
		return v >= 1 && v <= 36500 && v == (double)(long)v
		           ? NULL
		           : N_("a whole number of days from 1 to 36500");
	if (strstr(key, "relationship.") != NULL)
		return v >= -1 && v <= 1 ? NULL : N_("a number from -1 to 1");
	return v >= 0 && v <= 1 ? NULL : N_("a number from 0 to 1");
}

int
gate_params_disorder(struct gate_params *p, const char *key, const char **lo,
                     const char **hi)
{
	static const char *const pairs[][2] = {
	    {"win.fail", "win.strong"},
	    {"price.yes-max", "price.partly-max"},
	    {"our-relationship.partly", "our-relationship.yes"},
	    {"rival-relationship.yes", "rival-relationship.partly"},
	    {"influence.low", "influence.medium"},
	    {"influence.medium", "influence.high"},
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if ((strcmp(key, pairs[i][0]) == 0 ||
		     strcmp(key, pairs[i][1]) == 0) &&
		    *gate_param(p, pairs[i][0]) > *gate_param(p, pairs[i][1])) {
			*lo = pairs[i][0];
			*hi = pairs[i][1];
			return 1;
		}
	return 0;
}

/* Rounds to two decimals, half away from zero, without libm. */
static double
r2(double x)
{
	return (double)(long long)(x * 100 +
	                           (x >= 0 ? 0.5 + 1e-9 : -0.5 - 1e-9)) /
	       100;
}

/*
 * x with two decimals into out, "+" before a positive number if plus;
 * written digit by digit, so that no locale changes the point.
 */
static void
fixed2(double x, int plus, char *out)
{
	long long h =
	    (long long)(x * 100 + (x >= 0 ? 0.5 + 1e-9 : -0.5 - 1e-9));
	const char *sign = h < 0 ? "-" : plus && h > 0 ? "+" : "";

	if (h < 0)
		h = -h;
	snprintf(out, 24, "%s%lld.%02lld", sign, h / 100, h % 100);
}

void
gate_score_text(double x, char out[8])
{
	char s[24];

	size_t n;

	/* Scores and thresholds are from -1 to 1: "-1.00" fits. */
	fixed2(x, 0, s);
	n = strlen(s) < 7 ? strlen(s) : 7;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* A percentage: whole when whole, else with its decimals ("+12.5%"). */
static void
percent_text(double x, char *out)
{
	char *p;

	fixed2(x, 1, out);
	p = out + strlen(out);
	while (p[-1] == '0')
		*--p = '\0';
	if (p[-1] == '.')
		*--p = '\0';
	strcpy(p, "%");
}

int
gate_gap_parse(const char *s, double *gap)
{
	char buf[32];
	const char *dot;
	size_t n = strlen(s);

	if (n == 0 || n >= sizeof buf)
		return 0;
	memcpy(buf, s, n + 1);
	if (buf[n - 1] == '%')
		buf[--n] = '\0';
	/* At most two decimals: a gap is a percentage, not a fraction. */
	if ((dot = strchr(buf, '.')) != NULL && strlen(dot + 1) > 2)
		return 0;
	if (!decimal_parse(buf, gap))
		return 0;
	return *gap >= -100 && *gap <= 1000;
}

enum gate_ans
gate_gap_answer(const struct gate_params *p, double gap)
{
	/* A gap equal to a threshold gets the better answer. */
	return gap <= p->price_yes      ? GATE_YES
	       : gap <= p->price_partly ? GATE_PARTLY
	                                : GATE_NO;
}

/* Computed criteria */

static struct gate_crit *
find_crit(struct gate_assessment *a, const char *key)
{
	return kam_find(a->crit, a->ncrit, sizeof *a->crit,
	                offsetof(struct gate_crit, key), key);
}

const struct gate_crit *
gate_crit_in(const struct gate_assessment *a, const char *key)
{
	return find_crit((struct gate_assessment *)a, key);
}

/* Sets a computed answer unless the criterion is absent or answered. */
static void
set_computed(struct gate_assessment *a, const char *key, enum gate_ans ans,
             struct reason *how)
{
	struct gate_crit *c = find_crit(a, key);

	if (c == NULL || c->source == GATE_SRC_ANSWERED ||
	    c->source == GATE_SRC_ASSUMED) {
		reason_free(how);
		return;
	}
	c->answer = ans;
	c->source = GATE_SRC_COMPUTED;
	free(c->evidence);
	reason_free(c->why);
	c->why = how;
	c->evidence = reason_english(how);
}

/* Copied text: a name, a handle, a key, a number as printed. */
static struct reason *
txt(const char *s)
{
	return reason_text("%s", s);
}

/* A word of the method's vocabularies. */
static struct reason *
word(const char *w)
{
	return reason_word(REASON_WORD, w);
}

/* Appends a reason to a list of them, with its English. */
static void
why_note(char ***list, struct reason ***whys, size_t *n, struct reason *r)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	*whys = xreallocarray(*whys, *n + 1, sizeof **whys);
	(*list)[*n] = reason_english(r);
	(*whys)[(*n)++] = r;
}

/* A member's weight: influence, and the lead's factor (rule 2). */
static double
weight_of(const struct gate_assessment *a, const struct gate_member *m)
{
	return a->params.influence[m->influence] *
	       (m->lead ? a->params.lead_factor : 1);
}

/* "Name (account/handle)", names first. */
static struct reason *
who(const struct gate_member *m)
{
	return reason_text("%s (%s)", m->name, m->ref);
}

static void
compute_ours(struct gate_assessment *a)
{
	const struct gate_params *p = &a->params;
	const struct gate_member *lead = NULL;
	double known = 0, sum = 0, r;
	int counts[3] = {0, 0, 0}, nknown = 0, dms = 0, dm_backs = 0;
	int dm_others = 0;
	enum gate_ans ans;
	struct reason *b;
	char num[24];
	size_t i;

	if (a->nmembers == 0) {
		set_computed(a, GATE_KEY_OURS, GATE_UNKNOWN,
		             reason_code(R_NO_GROUP));
		return;
	}
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		double w = weight_of(a, m);

		if (m->core & GATE_CORE_DM) {
			dms++;
			dm_backs |= m->stance == 1;
			dm_others |= m->stance != 1;
		}
		if (m->stance == GATE_STANCE_UNKNOWN)
			continue;
		if (m->lead)
			lead = m;
		known += w;
		sum += w * m->stance;
		counts[1 - m->stance]++;
		nknown++;
	}
	if (nknown == 0) {
		set_computed(a, GATE_KEY_OURS, GATE_UNKNOWN,
		             reason_code(a->nmembers == 1 ? R_NO_STANCE_ONE
		                                          : R_NO_STANCE_MANY,
		                         reason_text("%zu", a->nmembers)));
		return;
	}
	/* Unknown stances neither lower nor raise it (rule 2). */
	r = known > 0 ? r2(sum / known) : 0;
	ans = r >= p->our_yes     ? GATE_YES
	      : r > p->our_partly ? GATE_PARTLY
	                          : GATE_NO;
	fixed2(r, 1, num);
	b = reason_group(REASON_CLAUSES, NULL);
	reason_add(b,
	           reason_code(R_SUPPORT, txt(num), reason_text("%d", nknown),
	                       reason_text("%zu", a->nmembers),
	                       reason_text("%d", counts[0]),
	                       reason_text("%d", counts[1]),
	                       reason_text("%d", counts[2])));
	if (lead != NULL) {
		char f[24];

		fixed2(p->lead_factor, 0, f);
		reason_add(b, reason_code(R_LEAD_COUNTS, who(lead), txt(f)));
	}
	/*
	 * Relationships are not close while nobody who decides backs us (nor
	 * while nobody is known to decide), and not lost while everyone who
	 * decides does.
	 */
	if (ans == GATE_YES && dms == 0) {
		ans = GATE_PARTLY;
		reason_add(b, reason_code(R_OURS_NO_DM));
	} else if (ans == GATE_YES && !dm_backs) {
		ans = GATE_PARTLY;
		reason_add(b, reason_code(R_OURS_NO_DM_BACKS));
	} else if (ans == GATE_NO && dms > 0 && !dm_others) {
		ans = GATE_PARTLY;
		reason_add(b, reason_code(R_OURS_ALL_DM_BACK));
	}
	set_computed(a, GATE_KEY_OURS, ans, b);
}

static void
compute_rivals(struct gate_assessment *a)
{
	const struct gate_params *p = &a->params;
	double best = 0, total = 0;
	size_t i, j, besti = 0;
	int found = 0;
	enum gate_ans ans;
	char num[24];

	for (i = 0; i < a->nmembers; i++)
		total += weight_of(a, &a->members[i]);
	for (j = 0; j < a->nrivals; j++) {
		double sum = 0, r;
		int known = 0;

		for (i = 0; i < a->nmembers; i++) {
			const struct gate_member *m = &a->members[i];

			if (m->rival == NULL ||
			    m->rival[j] == GATE_STANCE_UNKNOWN)
				continue;
			known = 1;
			sum += weight_of(a, m) * m->rival[j];
		}
		if (!known)
			continue;
		/* An unrecorded stance toward a competitor is no
		 * preference: the whole group is the base. */
		r = total > 0 ? r2(sum / total) : 0;
		if (!found || r > best) {
			best = r;
			besti = j;
			found = 1;
		}
	}
	if (!found) {
		set_computed(a, GATE_KEY_RIVALS, GATE_UNKNOWN,
		             reason_code(a->nmembers == 0 ? R_NO_GROUP
		                                          : R_NO_RIVAL_STANCE));
		return;
	}
	ans = best <= p->rival_yes     ? GATE_YES
	      : best < p->rival_partly ? GATE_PARTLY
	                               : GATE_NO;
	fixed2(best, 1, num);
	set_computed(a, GATE_KEY_RIVALS, ans,
	             reason_code(R_STRONGEST_RIVAL, txt(a->rivals[besti].name),
	                         txt(a->rivals[besti].handle), txt(num)));
}

/*
 * Whose stance must be known to judge: the key people, those of high
 * influence, those who decide and the lead of the evaluation.
 */
static int
must_know(const struct gate_member *m)
{
	return m->influence == 0 || (m->core & GATE_CORE_DM) || m->lead;
}

/*
 * "Name (account/handle, high influence, decision-maker, lead)": a
 * member and what makes them key.
 */
static struct reason *
key_label(const struct gate_member *m)
{
	struct reason *k = reason_group(REASON_KEY, m->name);

	reason_add(k, txt(m->ref));
	reason_add(
	    k, reason_code(R_INFLUENCE, word(vocab_influences[m->influence])));
	if (m->core & GATE_CORE_DM)
		reason_add(k, word("decision-maker"));
	if (m->lead)
		reason_add(k, reason_code(R_LEAD));
	return k;
}

/*
 * Days since a member's latest observation in force, or -1 when none is
 * dated (an assumed stance is observed on the assessment date).
 */
static long
age_of(const struct gate_assessment *a, const struct gate_member *m)
{
	if (m->latest[0] == '\0')
		return -1;
	return date_days(a->as_of) - date_days(m->latest);
}

/* A key person whose stance we know, but only from long ago. */
static int
stale_key(const struct gate_assessment *a, const struct gate_member *m)
{
	return m->stance != GATE_STANCE_UNKNOWN && must_know(m) &&
	       age_of(a, m) > a->params.stale_days;
}

/*
 * Coverage is knowledge, not score (rule 2): yes when a decision-maker is
 * named, we know where every key person (high influence, decision-maker,
 * lead) stands and what we know of them is at most stale.days old, and
 * the unknown share of the group's weight is at most unknown.max; no
 * otherwise, naming whom to find out about.
 */
static void
compute_coverage(struct gate_assessment *a)
{
	struct reason *b, *missing, *stale;
	double total = 0, unknown = 0;
	size_t i;
	int dms = 0, odd_lead = 0;
	char pct[24];

	if (a->nmembers == 0) {
		set_computed(a, GATE_KEY_COVERAGE, GATE_UNKNOWN,
		             reason_code(R_NO_GROUP));
		return;
	}
	b = reason_group(REASON_CLAUSES, NULL);
	for (i = 0; i < a->nmembers; i++)
		dms |= (a->members[i].core & GATE_CORE_DM) != 0;
	if (!dms)
		reason_add(b, reason_code(R_NO_DM));
	/* Written "A, B, C", without "and". */
	missing = reason_group(REASON_SERIES, NULL);
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];

		total += weight_of(a, m);
		odd_lead |=
		    m->lead && m->influence != 0 && !(m->core & GATE_CORE_DM);
		if (m->stance != GATE_STANCE_UNKNOWN)
			continue;
		unknown += weight_of(a, m);
		if (!must_know(m))
			continue;
		reason_add(missing, key_label(m));
	}
	if (missing->nitems)
		reason_add(b, reason_code(missing->nitems == 1 ? R_UNKNOWN_ONE
		                                               : R_UNKNOWN_MANY,
		                          missing));
	else
		reason_free(missing);
	/* What we knew long ago is not what we know now. */
	stale = reason_group(REASON_LIST, NULL);
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		struct reason *k;

		if (!stale_key(a, m))
			continue;
		k = key_label(m);
		reason_add(k, reason_code(R_LAST_OBSERVED, txt(m->latest)));
		reason_add(k, reason_code(R_DAYS_BEFORE,
		                          reason_text("%ld", age_of(a, m)),
		                          txt(a->as_of)));
		reason_add(stale, k);
	}
	if (stale->nitems)
		reason_add(
		    b, reason_code(R_STALE, stale,
		                   reason_text("%.0f", a->params.stale_days)));
	else
		reason_free(stale);
	unknown = total > 0 ? r2(unknown / total) : 0;
	if (unknown > a->params.unknown_max) {
		fixed2(unknown * 100, 0, pct);
		pct[strlen(pct) - 3] = '\0';
		reason_add(b, reason_code(R_UNKNOWN_SHARE, txt(pct)));
	}
	if (b->nitems == 0) {
		size_t known = 0;

		reason_free(b);
		for (i = 0; i < a->nmembers; i++)
			known += a->members[i].stance != GATE_STANCE_UNKNOWN;
		set_computed(a, GATE_KEY_COVERAGE, GATE_YES,
		             reason_code(odd_lead ? R_COVERED_LEAD : R_COVERED,
		                         reason_text("%zu", known),
		                         reason_text("%zu", a->nmembers)));
		return;
	}
	set_computed(a, GATE_KEY_COVERAGE, GATE_NO, b);
}

/* A price answered with its gap gets the answer the gap gives (rule 3). */
static void
apply_gap(struct gate_assessment *a)
{
	struct gate_crit *c = find_crit(a, GATE_KEY_PRICE);
	char gap[32], yes[32], partly[32];
	struct reason *how;

	if (c == NULL || !c->has_gap)
		return;
	c->answer = gate_gap_answer(&a->params, c->gap);
	percent_text(c->gap, gap);
	percent_text(a->params.price_yes, yes);
	percent_text(a->params.price_partly, partly);
	how = reason_code(R_PRICE, txt(gap), txt(yes), txt(partly));
	/* The evidence a user gave with the gap follows it. */
	if (c->evidence)
		how = reason_note(how, c->evidence);
	free(c->evidence);
	reason_free(c->why);
	c->why = how;
	c->evidence = reason_english(how);
}

void
gate_compute(struct gate_assessment *a)
{
	size_t i;

	for (i = 0; i < a->ngroup_notes; i++) {
		free(a->group_notes[i]);
		reason_free(a->group_why[i]);
	}
	a->ngroup_notes = 0;
	apply_gap(a);
	compute_ours(a);
	compute_rivals(a);
	compute_coverage(a);
	/*
	 * Whoever decides, holds the purse or leads the evaluation and
	 * opposes us is always called out: no score outweighs them.
	 */
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];
		struct reason *what;

		if (m->stance != -1 ||
		    !(m->lead ||
		      (m->core & (GATE_CORE_DM | GATE_CORE_FINANCE))))
			continue;
		what = reason_group(REASON_LIST, NULL);
		if (m->core & GATE_CORE_DM)
			reason_add(what, word("decision-maker"));
		if (m->core & GATE_CORE_FINANCE)
			reason_add(what, word("finance"));
		if (m->lead)
			reason_add(what, reason_code(R_EVALUATION_LEAD));
		why_note(&a->group_notes, &a->group_why, &a->ngroup_notes,
		         m->since[0]
		             ? reason_code(R_OPPOSES_SINCE, what, txt(m->name),
		                           txt(m->ref), txt(m->since))
		             : reason_code(R_OPPOSES, what, txt(m->name),
		                           txt(m->ref)));
	}
}

/* The gate rules */

static double
ans_value(enum gate_ans a)
{
	return a == GATE_YES ? 1 : a == GATE_PARTLY ? 0.5 : 0;
}

/* Gives a gate a reason. */
static void
reason(struct gate_outcome *o, struct reason *r)
{
	why_note(&o->reasons, &o->why, &o->nreasons, r);
}

/* Coverage is knowledge: it never counts in a score (rule 2). */
static int
scored_crit(const struct gate_crit *c)
{
	return strcmp(c->key, GATE_KEY_COVERAGE) != 0;
}

/* Names what pulls a gate's score down: its "no" answers. */
static void
weak_points(const struct gate_assessment *a, struct gate_outcome *o, int g)
{
	size_t i;

	for (i = 0; i < a->ncrit; i++)
		if (a->crit[i].gate == g && a->crit[i].answer == GATE_NO &&
		    scored_crit(&a->crit[i]))
			reason(o, reason_code(
			              R_CRIT_NO, txt(a->crit[i].key),
			              reason_word(
			                  REASON_SOURCE,
			                  gate_src_word(a->crit[i].source))));
}

/* Rule 4: fit is no, but a partner fills the gaps. */
static int
fit_rescued(const struct gate_assessment *a, const struct gate_crit *c)
{
	const struct gate_crit *gaps;

	if (strcmp(c->key, GATE_KEY_FIT) != 0 || c->answer != GATE_NO)
		return 0;
	gaps = gate_crit_in(a, GATE_KEY_GAPS);
	return gaps != NULL && gaps->answer == GATE_YES;
}

/* "A (x)", "A (x) and B (y)", "A (x), B (y) and C (z)". */
static struct reason *
name_list(const struct gate_assessment *a, const size_t *idx, size_t n)
{
	struct reason *l = reason_group(REASON_LIST, NULL);
	size_t i;

	for (i = 0; i < n; i++)
		reason_add(l, who(&a->members[idx[i]]));
	return l;
}

/* The competitors a member supports, by name, "A and B". */
static struct reason *
rival_list(const struct gate_assessment *a, const struct gate_member *m)
{
	struct reason *l = reason_group(REASON_LIST, NULL);
	size_t j;

	for (j = 0; m->rival != NULL && j < a->nrivals; j++)
		if (m->rival[j] == 1)
			reason_add(l, txt(a->rivals[j].name));
	return l;
}

/* Whether what was observed on day (a stance in force; "" for one
 * assumed, as of the assessment) is at most stale.days old. */
static int
fresh(const struct gate_assessment *a, const char *day)
{
	return day[0] == '\0' ||
	       date_days(a->as_of) - date_days(day) <= a->params.stale_days;
}

/* Whether m supports competitor j, as last observed within stale.days. */
static int
backs_rival_now(const struct gate_assessment *a, const struct gate_member *m,
                size_t j)
{
	return m->rival != NULL && m->rival[j] == 1 &&
	       (m->rival_since == NULL || fresh(a, m->rival_since[j]));
}

static int
supports_a_rival(const struct gate_assessment *a, const struct gate_member *m)
{
	size_t j;

	for (j = 0; m->rival != NULL && j < a->nrivals; j++)
		if (m->rival[j] == 1)
			return 1;
	return 0;
}

/*
 * Rule 1, the sure loss: the buying group is lost to a competitor.  Either
 * every decision-maker opposes us and supports a competitor while nobody
 * of high influence supports us (decision-maker-lost), or one competitor
 * holds both the lead of the group and every decision-maker: they support
 * it and not us (lead-and-decision-maker-lost).  What we know of them
 * must be fresh: an opposition or a preference for the competitor last
 * observed more than stale.days ago is a question again, not a loss.
 * Returns the rule that fired, with its reason in *why, or NULL.
 */
static const char *
sure_loss(const struct gate_assessment *a, struct reason **why)
{
	const struct gate_member *lead = NULL;
	size_t *dms, ndm = 0, i, j;
	const char *rule = NULL;
	int lost = 1, backed = 0, rival;

	dms = xcalloc(a->nmembers + 1, sizeof *dms);
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[i];

		if (m->core & GATE_CORE_DM) {
			dms[ndm++] = i;
			for (j = 0, rival = 0; j < a->nrivals; j++)
				rival |= backs_rival_now(a, m, j);
			if (m->stance != -1 || !fresh(a, m->since) || !rival)
				lost = 0;
		}
		if (m->influence == 0 && m->stance == 1)
			backed = 1;
		if (m->lead && lead == NULL)
			lead = m;
	}
	if (ndm > 0 && lost && !backed) {
		rule = GATE_LOST_DM;
		*why = ndm == 1
		           ? reason_code(R_LOST_DM, name_list(a, dms, ndm),
		                         rival_list(a, &a->members[dms[0]]))
		           : reason_code(R_LOST_DMS, name_list(a, dms, ndm));
	}
	for (j = 0; rule == NULL && ndm > 0 && lead != NULL && j < a->nrivals;
	     j++) {
		if (!backs_rival_now(a, lead, j) || lead->stance == 1)
			continue;
		for (i = 0, lost = 1; i < ndm; i++) {
			const struct gate_member *m = &a->members[dms[i]];

			if (!backs_rival_now(a, m, j) || m->stance == 1)
				lost = 0;
		}
		if (!lost)
			continue;
		rule = GATE_LOST_LEAD;
		*why = reason_code(ndm == 1 ? R_LOST_LEAD_DM : R_LOST_LEAD_DMS,
		                   txt(a->rivals[j].name), txt(lead->name),
		                   txt(lead->ref), name_list(a, dms, ndm));
	}
	free(dms);
	return rule;
}

/*
 * The win likelihood, once gate 3 is judged (kam-gate(1), The verdict and
 * the investment): its score when it
 * passes or is weak, at most win.weak-max when something holds it weak,
 * 0 when it fails (a sure loss is no chance); none when it is open or was
 * not reached, since the question is not decided.
 */
static int
win_likelihood(const struct gate_assessment *a, double *l)
{
	const struct gate_outcome *w = &a->gates[2];

	*l = 0;
	if (w->status == GATE_FAIL)
		return 1;
	if ((w->status != GATE_PASS && w->status != GATE_WEAK) || !w->scored)
		return 0;
	*l = w->score;
	if (w->held && *l > a->params.weak_max)
		*l = r2(a->params.weak_max);
	return 1;
}

/* Whether the pursuit cost exceeds the deal's value (Not worth winning). */
static int
cost_exceeds_value(const struct gate_assessment *a)
{
	return a->value != NULL && a->cost != NULL &&
	       money_cmp(a->cost, a->value) > 0;
}

/* The answer in force to a criterion, unknown when the rubric lacks it. */
static enum gate_ans
answer_of(const struct gate_assessment *a, const char *key)
{
	const struct gate_crit *c = gate_crit_in(a, key);

	return c != NULL ? c->answer : GATE_UNKNOWN;
}

/*
 * A strategic profile puts the client above the margin (METHOD.md,
 * section 3): profit is no must, and the client's importance and our
 * direction each weigh more than profit.
 */
static int
strategic_profile(const struct gate_assessment *a)
{
	const struct gate_crit *p = gate_crit_in(a, GATE_KEY_PROFIT);
	const struct gate_crit *i = gate_crit_in(a, GATE_KEY_IMPORTANCE);
	const struct gate_crit *s = gate_crit_in(a, GATE_KEY_STRATEGY);

	return p != NULL && i != NULL && s != NULL && !p->must &&
	       i->weight > p->weight && s->weight > p->weight;
}

/* A strategic client, important and on our direction: worth a loss. */
static int
client_first(const struct gate_assessment *a)
{
	return strategic_profile(a) &&
	       answer_of(a, GATE_KEY_IMPORTANCE) == GATE_YES &&
	       answer_of(a, GATE_KEY_STRATEGY) == GATE_YES;
}

/*
 * What winning costs besides money, answered no: capital tied up at risk,
 * harm to other clients or partners, or a win off our direction; the
 * first such key, or NULL.
 */
static const char *
costly_win(const struct gate_assessment *a)
{
	static const char *const keys[] = {
	    GATE_KEY_CAPITAL, GATE_KEY_SIDE_EFFECTS, GATE_KEY_STRATEGY};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (answer_of(a, keys[i]) == GATE_NO)
			return keys[i];
	return NULL;
}

/* The cost of a win, in words, for a key of costly_win. */
static struct reason *
cost_words(const char *key)
{
	if (strcmp(key, GATE_KEY_CAPITAL) == 0)
		return reason_code(R_COST_CAPITAL);
	if (strcmp(key, GATE_KEY_SIDE_EFFECTS) == 0)
		return reason_code(R_COST_HARM);
	return reason_code(R_COST_DIRECTION);
}

/*
 * Whether gate 3 is long odds (weak by a score below win.fail: Long odds
 * in kam-gate(1)), and then what its expected value says: GATE_YES when
 * it covers the pursuit cost, GATE_NO when it does not, GATE_UNKNOWN
 * when the value or the cost is not known; -1 when it is not long odds
 * or the rubric has no expected-value criterion.
 */
static int
long_odds(const struct gate_assessment *a)
{
	const struct gate_outcome *w = &a->gates[2];
	const struct gate_crit *ev = gate_crit_in(a, GATE_KEY_EXPECTED);

	if (w->status != GATE_WEAK || !w->scored ||
	    w->score >= a->params.fail[2] || ev == NULL)
		return -1;
	return (int)ev->answer;
}

/*
 * Not worth winning (kam-gate(1), Not worth winning): the pursuit cost
 * exceeds the deal's value, or a win ties up capital, does harm or pulls
 * us off our direction for no profit and the client is not a strategic
 * one that is important and on our direction.  Adds the reasons; returns
 * whether the gate fails.
 */
static int
worth_fails(const struct gate_assessment *a, struct gate_outcome *o)
{
	const char *what = costly_win(a);
	int fails = 0;

	if (cost_exceeds_value(a)) {
		reason(o,
		       reason_code(R_NOT_WORTH, txt(a->cost), txt(a->value)));
		fails = 1;
	} else if (long_odds(a) == (int)GATE_NO) {
		reason(o, reason_code(R_LONG_ODDS_NO_PAY));
		fails = 1;
	}
	if (what != NULL && answer_of(a, GATE_KEY_PROFIT) == GATE_NO &&
	    !client_first(a)) {
		reason(o, reason_code(R_NO_PROFIT, txt(GATE_KEY_PROFIT),
		                      txt(what), cost_words(what)));
		fails = 1;
	}
	return fails;
}

/*
 * What holds the worth gate weak at best: the same costly win for no
 * profit from a strategic client, or for little profit from any other.
 */
static int
worth_weak(const struct gate_assessment *a, struct gate_outcome *o)
{
	const char *what = costly_win(a);
	enum gate_ans profit = answer_of(a, GATE_KEY_PROFIT);

	if (what == NULL)
		return 0;
	if (profit == GATE_NO && client_first(a)) {
		reason(o, reason_code(R_STRATEGIC, txt(GATE_KEY_PROFIT),
		                      txt(what), txt(GATE_KEY_IMPORTANCE),
		                      txt(GATE_KEY_STRATEGY)));
		return 1;
	}
	if (profit == GATE_PARTLY && !client_first(a)) {
		reason(o, reason_code(R_LITTLE_PROFIT, txt(GATE_KEY_PROFIT),
		                      txt(what), cost_words(what)));
		return 1;
	}
	return 0;
}

/* A gate's criteria summed: their weights, known weights and weighted
 * answers, and what no score can settle. */
struct tally {
	double wt, wk, sum;
	int mustno;    /* musts answered no (and not rescued) */
	int mustunk;   /* musts unknown */
	int unknowing; /* unscored criteria not yet yes */
};

static void
tally_gate(const struct gate_assessment *a, int g, struct tally *t)
{
	size_t i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < a->ncrit; i++) {
		const struct gate_crit *c = &a->crit[i];

		if (c->gate != g)
			continue;
		if (!scored_crit(c)) {
			t->unknowing |= c->answer != GATE_YES;
			continue;
		}
		t->wt += c->weight;
		if (c->answer != GATE_UNKNOWN) {
			t->wk += c->weight;
			t->sum += c->weight * ans_value(c->answer);
		}
		if (c->must && c->answer == GATE_NO && !fit_rescued(a, c))
			t->mustno++;
		if (c->must && c->answer == GATE_UNKNOWN)
			t->mustunk++;
	}
}

/* Gate G is not reached: the first gate that failed says why. */
static void
not_reached(struct gate_assessment *a, struct gate_outcome *o, int g)
{
	int f;

	for (f = 1; f < g && a->gates[f - 1].status != GATE_FAIL; f++)
		;
	o->status = GATE_NOT_REACHED;
	reason(o, reason_code(R_NOT_REACHED, reason_text("%d", f),
	                      reason_word(REASON_GATE, gate_name(f))));
}

/* Gate G is open: the musts unknown, the share of weight unknown (U), what
 * to find out about the unscored criteria, and the questions to ask. */
static void
open_reasons(const struct gate_assessment *a, struct gate_outcome *o, int g,
             double u)
{
	const struct gate_params *p = &a->params;
	size_t i;

	for (i = 0; i < a->ncrit; i++)
		if (a->crit[i].gate == g && a->crit[i].must &&
		    a->crit[i].answer == GATE_UNKNOWN &&
		    scored_crit(&a->crit[i]))
			reason(o, reason_code(R_MUST_UNKNOWN,
			                      txt(a->crit[i].key)));
	if (u > p->unknown_max)
		reason(o, reason_code(
		              R_UNKNOWN_WEIGHT, reason_text("%.0f", u * 100),
		              reason_text("%.0f", p->unknown_max * 100)));
	for (i = 0; i < a->ncrit; i++) {
		const struct gate_crit *c = &a->crit[i];

		if (c->gate != g || scored_crit(c) || c->answer == GATE_YES)
			continue;
		if (c->source == GATE_SRC_COMPUTED && c->evidence)
			reason(o, reason_code(R_FIND_OUT,
			                      c->why ? reason_dup(c->why)
			                             : txt(c->evidence)));
		else
			reason(o, reason_code(R_FIND_OUT_GROUP, txt(c->key),
			                      word(gate_ans_word(c->answer))));
	}
	for (i = 0; i < a->ncrit; i++)
		if (a->crit[i].gate == g && a->crit[i].answer == GATE_UNKNOWN)
			reason(o,
			       reason_code(R_QUESTION, txt(a->crit[i].key),
			                   reason_word(REASON_QUESTION,
			                               a->crit[i].question)));
}

/*
 * Weak at best: what no score can outweigh (kam-gate(1), Weak at best),
 * as reasons of gate G.  Returns whether any holds.
 */
static int
weak_at_best(const struct gate_assessment *a, struct gate_outcome *o, int g)
{
	const struct gate_params *p = &a->params;
	int weak = 0;
	size_t i;

	for (i = 0; i < a->ncrit; i++) {
		const struct gate_crit *c = &a->crit[i];

		if (c->gate != g)
			continue;
		if (fit_rescued(a, c)) {
			reason(o, reason_code(R_FIT_RESCUED, txt(c->key),
			                      txt(GATE_KEY_GAPS)));
			weak = 1;
		}
		if (strcmp(c->key, GATE_KEY_PRICE) == 0 && c->has_gap &&
		    c->gap > p->price_cap) {
			char gap[32], cap[32];

			percent_text(c->gap, gap);
			percent_text(p->price_cap, cap);
			reason(o, reason_code(R_PRICE_CAP, txt(gap), txt(cap)));
			weak = 1;
		}
		if (strcmp(c->key, GATE_KEY_EXPECTED) == 0 &&
		    c->answer == GATE_NO) {
			reason(o, reason_code(R_EV_WEAK));
			weak = 1;
		}
	}
	if (g == 3)
		for (i = 0; i < a->ngroup_notes; i++) {
			reason(o, reason_code(R_WEAK_UNTIL,
			                      reason_dup(a->group_why[i])));
			weak = 1;
		}
	if (g == 4 && worth_weak(a, o))
		weak = 1;
	return weak;
}

/* Gate G passes, weak or strong: what holds it weak, its score (SC)
 * against the bar it reaches, and its weak points, or the noes its score
 * outweighed. */
static void
passed(struct gate_assessment *a, struct gate_outcome *o, int g, const char *sc)
{
	const struct gate_params *p = &a->params;
	int weak = weak_at_best(a, o, g);
	char th[8];
	size_t i;

	o->held = weak;
	gate_score_text(g == 3 ? p->strong : p->fail[g - 1], th);
	if (g == 3 && o->scored && o->score < p->strong) {
		reason(o, reason_code(R_BELOW_STRONG, txt(sc), txt(th)));
		weak = 1;
	} else if (o->scored)
		reason(o,
		       reason_code(g == 3 ? R_REACHES_STRONG : R_REACHES_FAIL,
		                   txt(sc), txt(th)));
	o->status = weak ? GATE_WEAK : GATE_PASS;
	if (weak)
		weak_points(a, o, g);
	else
		/* Profit alone never decides: a "no" can be outweighed. */
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g &&
			    a->crit[i].answer == GATE_NO &&
			    scored_crit(&a->crit[i]))
				reason(o, reason_code(R_OUTWEIGHED,
				                      txt(a->crit[i].key)));
}

/*
 * Gate G's status and reasons, in the order the method tries them: not
 * reached; gate 3's sure loss; a must answered no; gate 4's worth; a
 * score that cannot reach the bar (not gate 3, whose low score is long
 * odds, not a loss); open for what is unknown; below the bar (gate 3:
 * weak); else passed, weak or strong.
 */
static void
evaluate_gate(struct gate_assessment *a, int g, int reached)
{
	const struct gate_params *p = &a->params;
	struct gate_outcome *o = &a->gates[g - 1];
	struct tally t;
	double u, best;
	const char *lost = NULL;
	struct reason *why = NULL;
	char sc[8], th[8];
	size_t i;
	int unpriced;

	if (!reached) {
		not_reached(a, o, g);
		return;
	}
	tally_gate(a, g, &t);
	/* A long shot whose worth cannot be weighed yet (Long odds). */
	unpriced = g == 4 && long_odds(a) == (int)GATE_UNKNOWN;
	/* Scores are rounded to two decimals before they are compared. */
	if (t.wk > 0) {
		o->scored = 1;
		o->score = r2(t.sum / t.wk);
	}
	gate_score_text(o->score, sc);
	gate_score_text(p->fail[g - 1], th);
	u = t.wt > 0 ? (t.wt - t.wk) / t.wt : 0;
	best = t.wt > 0 ? r2((t.sum + t.wt - t.wk) / t.wt) : 1;

	if (g == 3 && (lost = sure_loss(a, &why)) != NULL) {
		o->status = GATE_FAIL;
		a->lost = lost;
		reason(o, reason_code(R_SURE_LOSS, txt(lost), why));
		why = NULL;
	} else if (t.mustno) {
		o->status = GATE_FAIL;
		for (i = 0; i < a->ncrit; i++)
			if (a->crit[i].gate == g && a->crit[i].must &&
			    a->crit[i].answer == GATE_NO &&
			    !fit_rescued(a, &a->crit[i]))
				reason(o, reason_code(R_MUST_NO,
				                      txt(a->crit[i].key)));
	} else if (g == 4 && worth_fails(a, o)) {
		o->status = GATE_FAIL;
	} else if (g != 3 && t.wk < t.wt && best < p->fail[g - 1]) {
		char bs[8];

		gate_score_text(best, bs);
		o->status = GATE_FAIL;
		reason(o, reason_code(R_CANNOT_REACH, txt(th), txt(bs)));
	} else if (t.mustunk || u > p->unknown_max || t.unknowing || unpriced) {
		o->status = GATE_OPEN;
		if (unpriced)
			reason(o, reason_code(R_LONG_ODDS_UNPRICED));
		open_reasons(a, o, g, u);
	} else if (o->scored && o->score < p->fail[g - 1]) {
		reason(o, reason_code(R_BELOW_FAIL, txt(sc), txt(th)));
		if (g == 3) {
			/* Long odds, short of a sure loss: fewer resources,
			 * not none (kam-gate(1), Long odds). */
			o->held = weak_at_best(a, o, g);
			reason(o, reason_code(R_LONG_ODDS));
			o->status = GATE_WEAK;
		} else
			o->status = GATE_FAIL;
		weak_points(a, o, g);
	} else
		passed(a, o, g, sc);
	reason_free(why);
}

/*
 * Rule 6: expected-value, computed once gate 3 is known: no when the
 * pursuit cost exceeds the deal's value, whatever the odds; else the
 * deal's value times the win likelihood, rounded to the value's
 * decimals, against the pursuit cost.
 */
static void
compute_expected(struct gate_assessment *a)
{
	char ev[MONEY_LEN], sc[8];
	double l;

	if (find_crit(a, GATE_KEY_EXPECTED) == NULL)
		return;
	if (a->value == NULL)
		set_computed(a, GATE_KEY_EXPECTED, GATE_UNKNOWN,
		             reason_code(R_NO_VALUE));
	else if (a->cost == NULL)
		set_computed(a, GATE_KEY_EXPECTED, GATE_UNKNOWN,
		             reason_code(R_NO_COST));
	else if (cost_exceeds_value(a))
		set_computed(
		    a, GATE_KEY_EXPECTED, GATE_NO,
		    reason_code(R_COST_EXCEEDS, txt(a->cost), txt(a->value)));
	else if (!win_likelihood(a, &l))
		set_computed(
		    a, GATE_KEY_EXPECTED, GATE_UNKNOWN,
		    reason_code(a->gates[2].status == GATE_OPEN
		                    ? R_NO_LIKELIHOOD_OPEN
		                : a->gates[2].status == GATE_NOT_REACHED
		                    ? R_NO_LIKELIHOOD_NOT_REACHED
		                    : R_NO_LIKELIHOOD_NO_SCORE));
	else {
		int covers;

		money_percent(a->value, (int)(l * 100 + 0.5), ev);
		covers = money_cmp(ev, a->cost) >= 0;
		gate_score_text(l, sc);
		set_computed(a, GATE_KEY_EXPECTED, covers ? GATE_YES : GATE_NO,
		             reason_code(covers ? R_EV_COVERS : R_EV_BELOW,
		                         txt(ev), txt(a->value), txt(sc),
		                         txt(a->cost)));
	}
}

/* The investment: the verdict's level and the numbers behind it. */
static void
invest(struct gate_assessment *a)
{
	static const enum gate_level levels[] = {LEVEL_FULL, LEVEL_LIMITED,
	                                         LEVEL_MINIMAL, LEVEL_NONE};
	struct gate_investment *iv = &a->invest;

	iv->level = levels[a->verdict];
	iv->has_likelihood = win_likelihood(a, &iv->likelihood);
	iv->expected[0] = '\0';
	if (iv->has_likelihood && a->value != NULL)
		money_percent(a->value, (int)(iv->likelihood * 100 + 0.5),
		              iv->expected);
}

void
gate_evaluate(struct gate_assessment *a)
{
	int g, reached = 1, open = 0, failed = 0, weak = 0;
	size_t i;

	a->lost = NULL;
	for (g = 1; g <= GATE_COUNT; g++) {
		struct gate_outcome *o = &a->gates[g - 1];

		for (i = 0; i < o->nreasons; i++) {
			free(o->reasons[i]);
			reason_free(o->why[i]);
		}
		free(o->reasons);
		free(o->why);
		memset(o, 0, sizeof *o);
		if (g == 4)
			compute_expected(a);
		evaluate_gate(a, g, reached);
		if (o->status == GATE_FAIL) {
			reached = 0;
			failed = 1;
		}
		open |= o->status == GATE_OPEN;
		weak |= o->status == GATE_WEAK;
		/* Weighed where the gate was judged; else called out. */
		if (g == 3 && o->status != GATE_WEAK && o->status != GATE_PASS)
			for (i = 0; i < a->ngroup_notes; i++)
				reason(o, reason_dup(a->group_why[i]));
	}
	if (failed)
		a->verdict = VERDICT_DROP;
	else if (open)
		a->verdict = VERDICT_QUALIFY;
	else if (weak)
		a->verdict = VERDICT_LIMITED;
	else
		a->verdict = VERDICT_PURSUE;
	invest(a);
}

void
gate_crit_free(struct gate_crit *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		KAM_FREE(c[i].key, c[i].question, c[i].evidence, c[i].actor);
		reason_free(c[i].why);
	}
	free(c);
}

static void
member_free(struct gate_member *m)
{
	size_t i;

	KAM_FREE(m->ref, m->name, m->roles, m->note, m->rival, m->rival_since);
	for (i = 0; i < m->nallies; i++) {
		KAM_FREE(m->allies[i].ref, m->allies[i].name);
		gate_contacts_free(m->allies[i].contacts,
		                   m->allies[i].ncontacts);
	}
	free(m->allies);
	gate_contacts_free(m->contacts, m->ncontacts);
}

void
gate_contacts_free(struct gate_contact *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		KAM_FREE(c[i].seller, c[i].name);
	free(c);
}

void
gate_assessment_free(struct gate_assessment *a)
{
	size_t i;
	int g;

	KAM_FREE(a->deal, a->deal_name, a->account_name, a->category,
	         a->industry, a->profile, a->value, a->cost, a->currency,
	         a->close_on, a->stage);
	gate_crit_free(a->crit, a->ncrit);
	for (i = 0; i < a->nmembers; i++)
		member_free(&a->members[i]);
	free(a->members);
	for (i = 0; i < a->nrivals; i++)
		KAM_FREE(a->rivals[i].handle, a->rivals[i].name);
	free(a->rivals);
	for (i = 0; i < a->ngroup_notes; i++) {
		free(a->group_notes[i]);
		reason_free(a->group_why[i]);
	}
	KAM_FREE(a->group_notes, a->group_why);
	for (g = 0; g < GATE_COUNT; g++) {
		for (i = 0; i < a->gates[g].nreasons; i++) {
			free(a->gates[g].reasons[i]);
			reason_free(a->gates[g].why[i]);
		}
		KAM_FREE(a->gates[g].reasons, a->gates[g].why);
	}
	memset(a, 0, sizeof *a);
}

struct gate_member *
gate_member_find(struct gate_assessment *a, const char *ref)
{
	return kam_find(a->members, a->nmembers, sizeof *a->members,
	                offsetof(struct gate_member, ref), ref);
}

int
gate_rival_find(const struct gate_assessment *a, const char *handle)
{
	size_t j;

	for (j = 0; j < a->nrivals; j++)
		if (strcmp(a->rivals[j].handle, handle) == 0)
			return (int)j;
	return -1;
}

int
gate_rival_add(struct gate_assessment *a, const char *handle, const char *name)
{
	size_t i;

	a->rivals = xreallocarray(a->rivals, a->nrivals + 1, sizeof *a->rivals);
	a->rivals[a->nrivals].handle = xstrdup(handle);
	a->rivals[a->nrivals].name = xstrdup(name);
	a->nrivals++;
	for (i = 0; i < a->nmembers; i++) {
		struct gate_member *m = &a->members[i];

		int fresh = a->nrivals == 1 || m->rival == NULL;

		m->rival = xrealloc(m->rival, a->nrivals);
		m->rival_since = xreallocarray(m->rival_since, a->nrivals,
		                               sizeof *m->rival_since);
		if (fresh) {
			memset(m->rival, GATE_STANCE_UNKNOWN, a->nrivals);
			memset(m->rival_since, 0,
			       a->nrivals * sizeof *m->rival_since);
		}
		m->rival[a->nrivals - 1] = GATE_STANCE_UNKNOWN;
		m->rival_since[a->nrivals - 1][0] = '\0';
	}
	return (int)a->nrivals - 1;
}

/* What if */

int
gate_assume_answer(struct gate_assessment *a, const char *key,
                   enum gate_ans ans, const double *gap)
{
	struct gate_crit *c = find_crit(a, key);

	if (c == NULL)
		return 0;
	c->answer = ans;
	c->source = GATE_SRC_ASSUMED;
	c->has_gap = gap != NULL;
	c->gap = gap != NULL ? *gap : 0;
	free(c->evidence);
	reason_free(c->why);
	c->why = NULL;
	c->evidence = xstrdup("assumed");
	c->on[0] = '\0';
	return 1;
}

int
gate_assume_stance(struct gate_assessment *a, struct gate_member *m, int rival,
                   int stance)
{
	if (rival >= (int)a->nrivals)
		return 0;
	/* An assumption is as if observed on the assessment date. */
	memcpy(m->latest, a->as_of, sizeof m->latest);
	if (rival < 0) {
		m->stance = stance;
		m->since[0] = '\0';
		free(m->note);
		m->note = xstrdup("assumed");
		return 1;
	}
	if (m->rival == NULL) {
		m->rival = xmalloc(a->nrivals);
		memset(m->rival, GATE_STANCE_UNKNOWN, a->nrivals);
	}
	m->rival[rival] = (signed char)stance;
	return 1;
}

/* The group in the order people read it */

static int
member_cmp(const struct gate_member *x, const struct gate_member *y)
{
	int c;

	if (x->influence != y->influence)
		return x->influence - y->influence;
	if (x->lead != y->lead)
		return y->lead - x->lead;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->ref, y->ref);
}

void
gate_group_order(const struct gate_assessment *a, size_t *idx)
{
	size_t i, j;

	/* Insertion sort: a buying group is a handful of people. */
	for (i = 0; i < a->nmembers; i++) {
		size_t v = i;

		for (j = i; j > 0 && member_cmp(&a->members[idx[j - 1]],
		                                &a->members[v]) > 0;
		     j--)
			idx[j] = idx[j - 1];
		idx[j] = v;
	}
}

size_t
gate_open_questions(const struct gate_assessment *a, size_t *idx)
{
	size_t i, n = 0;
	int g;

	for (g = 1; g <= GATE_COUNT; g++)
		if (a->gates[g - 1].status != GATE_NOT_REACHED)
			for (i = 0; i < a->ncrit; i++)
				if (a->crit[i].gate == g &&
				    a->crit[i].answer == GATE_UNKNOWN)
					idx[n++] = i;
	return n;
}

/* Red flags */

static void
flag(struct gate_flag **v, size_t *n, const char *code, const char *subject,
     struct reason *why)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].code = xstrdup(code);
	(*v)[*n].subject = xstrdup(subject);
	(*v)[*n].message = reason_english(why);
	(*v)[*n].why = why;
	(*n)++;
}

void
gate_flags_free(struct gate_flag *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		KAM_FREE(v[i].code, v[i].subject, v[i].message);
		reason_free(v[i].why);
	}
	free(v);
}

/* The flags on people one by one, in the group's order IDX: a buyer who
 * opposes us, a doubtful coach. */
static void
buyer_coach_flags(const struct gate_assessment *a, const size_t *idx,
                  struct gate_flag **out, size_t *n)
{
	size_t i;

	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];
		const char *role =
		    (m->core & GATE_CORE_DM) ? "decision-maker" : "finance";

		if (m->stance == -1 &&
		    (m->core & (GATE_CORE_DM | GATE_CORE_FINANCE)))
			flag(out, n, "opposing-buyer", m->ref,
			     m->since[0]
			         ? reason_code(R_FLAG_OPPOSES_SINCE, word(role),
			                       txt(m->name), txt(m->ref),
			                       txt(a->deal), txt(m->since))
			         : reason_code(R_FLAG_OPPOSES, word(role),
			                       txt(m->name), txt(m->ref),
			                       txt(a->deal)));
	}
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];

		if (!(m->rolebits & GATE_ROLE_COACH))
			continue;
		if (m->stance != 1)
			flag(out, n, "doubtful-coach", m->ref,
			     reason_code(m->stance == GATE_STANCE_UNKNOWN
			                     ? R_COACH_UNKNOWN
			                 : m->stance == 0 ? R_COACH_NEUTRAL
			                                  : R_COACH_OPPOSES,
			                 txt(m->name), txt(m->ref),
			                 txt(a->deal)));
		else if (supports_a_rival(a, m))
			flag(out, n, "doubtful-coach", m->ref,
			     reason_code(R_COACH_RIVAL, txt(m->name),
			                 txt(m->ref), rival_list(a, m),
			                 txt(a->deal)));
	}
}

/* The flags on what we know of people, in the group's order IDX: an
 * influencer's stance unknown, a stance out of date. */
static void
knowledge_flags(const struct gate_assessment *a, const size_t *idx,
                struct gate_flag **out, size_t *n)
{
	long today = date_days(a->as_of);
	size_t i;

	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];

		if (m->influence != 0 || m->stance != GATE_STANCE_UNKNOWN)
			continue;
		flag(out, n, "unknown-influencer", m->ref,
		     reason_code(R_INFLUENCER_UNKNOWN, txt(m->name),
		                 txt(m->ref), txt(a->deal)));
	}
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];
		long age;

		if (m->latest[0] == '\0')
			continue;
		age = today - date_days(m->latest);
		if (age <= a->params.stale_days)
			continue;
		flag(out, n, "stale-stance", m->ref,
		     reason_code(R_STALE_STANCE, txt(m->name), txt(m->ref),
		                 txt(a->deal), txt(m->latest),
		                 reason_text("%ld", age), txt(a->as_of),
		                 reason_text("%.0f", a->params.stale_days)));
	}
}

void
gate_red_flags(const struct gate_assessment *a, struct gate_flag **out,
               size_t *n)
{
	size_t *idx = xcalloc(a->nmembers + 1, sizeof *idx), i, nsup = 0;
	const struct gate_member *sup = NULL;
	int known = 0;

	gate_group_order(a, idx);
	buyer_coach_flags(a, idx, out, n);
	knowledge_flags(a, idx, out, n);
	for (i = 0; i < a->nmembers; i++) {
		known |= a->members[i].stance != GATE_STANCE_UNKNOWN;
		if (a->members[i].stance == 1) {
			nsup++;
			sup = &a->members[i];
		}
	}
	if (nsup == 1)
		flag(out, n, "single-supporter", a->deal,
		     reason_code(R_SINGLE_SUPPORTER, txt(sup->name),
		                 txt(sup->ref), txt(a->deal)));
	else if (nsup == 0 && known)
		flag(out, n, "no-supporter", a->deal,
		     reason_code(R_NO_SUPPORTER, txt(a->deal)));
	free(idx);
}

/* A plan per person (rule 7) */

static const char *const action_words[] = {
    "sponsor",       "keep-informed",      "convert", "contain", "find-out",
    "recruit-coach", "find-decision-maker"};

const char *
gate_action_word(enum gate_action x)
{
	return action_words[x];
}

/* A coach we can rely on: holds the role, supports us and no rival. */
static int
reliable_coach(const struct gate_assessment *a, const struct gate_member *m)
{
	return (m->rolebits & GATE_ROLE_COACH) && m->stance == 1 &&
	       !supports_a_rival(a, m);
}

/*
 * Until someone is named to decide, finding out who does comes before
 * anything else (kam-gate(1), PLAN): a step for the group, carried by
 * those who support us, our coach first.
 */
static void
plan_decision_maker(const struct gate_assessment *a, const size_t *idx,
                    struct gate_step *s)
{
	size_t i, pass;

	s->member = GATE_NO_MEMBER;
	s->action = ACT_FIND_DECISION_MAKER;
	s->advice = N_("find out who decides, and where they stand, before "
	               "anything else");
	s->why = reason_code(R_NO_DM);
	s->reason = reason_english(s->why);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < a->nmembers; i++) {
			const struct gate_member *m = &a->members[idx[i]];

			if (m->stance != 1 || reliable_coach(a, m) != !pass)
				continue;
			s->via =
			    xreallocarray(s->via, s->nvia + 1, sizeof *s->via);
			xasprintf(&s->via[s->nvia++], "%s (%s)", m->name,
			          m->ref);
		}
}

/*
 * No coach to rely on: recruit one among the supporters who hold no
 * coach role, decide nothing, support no rival and are known of lately,
 * preferring medium influence (access without the weight a sponsor
 * needs), then low, then high.  Returns the member's index, or
 * (size_t)-1 for none (or a coach already).
 */
static size_t
plan_recruit(const struct gate_assessment *a, const size_t *idx)
{
	size_t recruit = (size_t)-1, i;
	int best = 99;

	for (i = 0; i < a->nmembers; i++)
		if (reliable_coach(a, &a->members[i]))
			return recruit;
	for (i = 0; i < a->nmembers; i++) {
		const struct gate_member *m = &a->members[idx[i]];
		static const int pref[] = {2, 0, 1};

		if (m->stance != 1 || (m->rolebits & GATE_ROLE_COACH) ||
		    (m->core & GATE_CORE_DM) || supports_a_rival(a, m) ||
		    stale_key(a, m) || pref[m->influence] >= best)
			continue;
		best = pref[m->influence];
		recruit = idx[i];
	}
	return recruit;
}

/* The action for member M (RECRUIT when they are the coach to recruit)
 * into s, with its first reasons into r. */
static void
plan_action(const struct gate_assessment *a, const struct gate_member *m,
            int recruit, struct gate_step *s, struct reason *r)
{
	const char *inf = vocab_influences[m->influence];

	if (m->stance == GATE_STANCE_UNKNOWN) {
		s->action = ACT_FIND_OUT;
		s->advice = N_("find out where they stand before anything "
		               "else");
		reason_add(r, reason_code(R_PLAN_UNKNOWN, word(inf)));
	} else if (stale_key(a, m)) {
		/* What we knew long ago is a question again. */
		s->action = ACT_FIND_OUT;
		s->advice = N_("find out where they stand now: what we "
		               "know is out of date");
		reason_add(
		    r,
		    reason_code(m->stance == 1   ? R_PLAN_STALE_SUPPORT
		                : m->stance == 0 ? R_PLAN_STALE_NEUTRAL
		                                 : R_PLAN_STALE_OPPOSE,
		                txt(m->latest),
		                reason_text("%ld", age_of(a, m)), txt(a->as_of),
		                reason_text("%.0f", a->params.stale_days)));
	} else if (m->stance == -1) {
		s->action = ACT_CONTAIN;
		s->advice = N_("understand the objection, contain it, and "
		               "work through those who influence them");
		reason_add(r, reason_code(R_PLAN_OPPOSES));
	} else if (m->stance == 0 && m->influence < 2) {
		s->action = ACT_CONVERT;
		s->advice = N_("first priority: find what they need to win "
		               "and show how we give it");
		reason_add(r, reason_code(R_PLAN_NEUTRAL, word(inf)));
	} else if (m->stance == 0) {
		s->action = ACT_KEEP_INFORMED;
		s->advice = N_("keep them informed and watch for a move");
		reason_add(r, reason_code(R_PLAN_NEUTRAL, word(inf)));
	} else if (reliable_coach(a, m)) {
		s->action = ACT_KEEP_INFORMED;
		s->advice = N_("keep them informed and ask for their "
		               "guidance: they are our coach");
		reason_add(r, reason_code(R_PLAN_COACH));
	} else if (recruit) {
		s->action = ACT_RECRUIT_COACH;
		s->advice = N_("recruit them as our coach, someone inside "
		               "who guides us");
		reason_add(r, reason_code(R_PLAN_SUPPORTS));
		reason_add(r, reason_code(R_PLAN_NO_COACH));
	} else if (m->influence == 0 || (m->core & GATE_CORE_DM)) {
		s->action = ACT_SPONSOR;
		s->advice = N_("develop them into a sponsor who sells for us "
		               "inside");
		reason_add(r, reason_code(R_PLAN_SUPPORTS_INF, word(inf)));
	} else {
		s->action = ACT_KEEP_INFORMED;
		s->advice = N_("keep them informed and give them what they "
		               "need to speak for us");
		reason_add(r, reason_code(R_PLAN_SUPPORTS_INF, word(inf)));
	}
}

/* Member M's step s beside its action: the reasons that qualify it, the
 * note behind the stance, the allies it goes through, and its carrier. */
static void
plan_step(const struct gate_assessment *a, const struct gate_member *m,
          int recruit, struct gate_step *s)
{
	struct reason *r = reason_group(REASON_CLAUSES, NULL);
	size_t k;

	plan_action(a, m, recruit, s, r);
	if (supports_a_rival(a, m))
		reason_add(
		    r, reason_code(R_PLAN_SUPPORTS_RIVAL, rival_list(a, m)));
	if ((m->rolebits & GATE_ROLE_COACH) && !reliable_coach(a, m))
		reason_add(r, reason_code(R_PLAN_DOUBTFUL_COACH));
	if (m->lead)
		reason_add(r, reason_code(R_PLAN_LEADS));
	if (m->since[0] && s->action != ACT_FIND_OUT)
		reason_add(r, reason_code(R_SINCE, txt(m->since)));
	/* The note behind the stance, as its observer wrote it. */
	if (m->note != NULL && *m->note)
		r = reason_note(r, m->note);
	s->why = r;
	s->reason = reason_english(r);
	for (k = 0; k < m->nallies; k++) {
		const struct gate_ally *y = &m->allies[k];

		if (y->stance != 1)
			continue;
		s->via = xreallocarray(s->via, s->nvia + 1, sizeof *s->via);
		xasprintf(&s->via[s->nvia++], "%s (%s)", y->name, y->ref);
	}
	s->carrier = gate_carrier(m, &s->through);
}

void
gate_plan(const struct gate_assessment *a, struct gate_step **out, size_t *n)
{
	size_t *idx = xcalloc(a->nmembers + 1, sizeof *idx), i, first = 0;
	size_t recruit;
	int dms = 0;

	gate_group_order(a, idx);
	for (i = 0; i < a->nmembers; i++)
		dms |= (a->members[i].core & GATE_CORE_DM) != 0;
	recruit = plan_recruit(a, idx);
	*out = xcalloc(a->nmembers + 2, sizeof **out);
	if (a->nmembers > 0 && !dms)
		plan_decision_maker(a, idx, &(*out)[first++]);
	*n = a->nmembers + first;
	for (i = 0; i < a->nmembers; i++) {
		struct gate_step *s = &(*out)[first + i];

		s->member = idx[i];
		plan_step(a, &a->members[idx[i]], idx[i] == recruit, s);
	}
	free(idx);
}

/* Whether contact x places a seller better than y (y may be NULL). */
static int
better_contact(const struct gate_contact *x, const struct gate_contact *y)
{
	int c;

	if (y == NULL)
		return 1;
	if (x->strength != y->strength)
		return x->strength > y->strength;
	if ((c = strcmp(x->on, y->on)) != 0)
		return c > 0;
	return strcmp(x->seller, y->seller) < 0;
}

static const struct gate_contact *
best_contact(const struct gate_contact *c, size_t n)
{
	const struct gate_contact *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (better_contact(&c[i], best))
			best = &c[i];
	return best;
}

/*
 * Who carries an action (METHOD.md, section 3: opponents are reached
 * through those who influence them): the seller closest to the person,
 * else the seller closest to one of the person's supporters who
 * influence or advise them.
 */
const struct gate_contact *
gate_carrier(const struct gate_member *m, const struct gate_ally **through)
{
	const struct gate_contact *best =
	    best_contact(m->contacts, m->ncontacts);
	const struct gate_contact *c;
	size_t k;

	*through = NULL;
	if (best != NULL)
		return best;
	for (k = 0; k < m->nallies; k++) {
		const struct gate_ally *y = &m->allies[k];

		if (y->stance != 1)
			continue;
		c = best_contact(y->contacts, y->ncontacts);
		if (c != NULL && better_contact(c, best)) {
			best = c;
			*through = y;
		}
	}
	return best;
}

void
gate_plan_free(struct gate_step *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		free(s[i].reason);
		reason_free(s[i].why);
		for (k = 0; k < s[i].nvia; k++)
			free(s[i].via[k]);
		free(s[i].via);
	}
	free(s);
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
		KAM_FREE(s->crit[i].key, s->crit[i].answer, s->crit[i].source,
		         s->crit[i].evidence);
		reason_free(s->crit[i].why);
	}
	free(s->crit);
	for (g = 0; g < GATE_COUNT; g++) {
		for (i = 0; i < s->nwhy[g]; i++)
			reason_free(s->why[g][i]);
		free(s->why[g]);
	}
	reason_nodes_free(s->nodes, s->nnodes);
	memset(s, 0, sizeof *s);
}

static const struct gate_snap_crit *
snap_find(const struct gate_snap *s, const char *key)
{
	return kam_find(s->crit, s->ncrit, sizeof *s->crit,
	                offsetof(struct gate_snap_crit, key), key);
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
	if (!str_same(a->verdict, b->verdict)) {
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
		if (!str_same(a->score[g], b->score[g])) {
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
		if (!str_same(x->answer, y->answer)) {
			fn("answer", y->key, x->answer, y->answer, arg);
			n++;
		}
		if (!str_same(x->source, y->source)) {
			fn("source", y->key, x->source, y->source, arg);
			n++;
		}
		if (!str_same(x->evidence, y->evidence)) {
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
