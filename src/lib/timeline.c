/*
 * timeline: the rules of the timeline picture (timeline.h).  A lane is
 * cut into spans wherever the stance in force changes; the stance in
 * force on a day is stance_resolve's, so the picture and kam-stance
 * show can never disagree.  It can change only on a day some row takes
 * effect, so those days are the only ones asked about.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/timeline.h"

static int
cmp_day(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is r a row of this picture: the lane's person, toward, deal? */
static int
about(const struct timeline *tl, const struct stance_row *r, int64_t person)
{
	return r->person == person && r->toward == tl->toward &&
	       (r->deal == 0 || r->deal == tl->deal);
}

static void
add_span(struct tl_lane *l, const char *from, const char *stance)
{
	struct tl_span *s;

	l->spans = xgrow(l->spans, l->nspans, &l->spans_cap, sizeof *l->spans);
	s = &l->spans[l->nspans++];
	memcpy(s->from, from, KAM_DATE_LEN);
	s->stance = stance;
}

static void
add_mark(struct tl_lane *l, const char *day, int kind)
{
	size_t i;

	for (i = 0; i < l->nmarks; i++)
		if (strcmp(l->marks[i].day, day) == 0) {
			l->marks[i].kinds |= kind;
			return;
		}
	l->marks = xgrow(l->marks, l->nmarks, &l->marks_cap, sizeof *l->marks);
	memcpy(l->marks[l->nmarks].day, day, KAM_DATE_LEN);
	l->marks[l->nmarks++].kinds = kind;
}

static int
cmp_mark(const void *a, const void *b)
{
	return strcmp(((const struct tl_mark *)a)->day,
	              ((const struct tl_mark *)b)->day);
}

static void
plan_lane(struct timeline *tl, struct tl_lane *l, const char *from,
          const char *to)
{
	const char **days;
	const struct stance_row *r;
	size_t i, n = 0;

	days = xreallocarray(NULL, tl->nrows + 1, sizeof *days);
	days[n++] = from;
	for (i = 0; i < tl->nrows; i++) {
		r = &tl->rows[i];
		if (about(tl, r, l->person) && strcmp(r->effective, from) > 0 &&
		    strcmp(r->effective, to) <= 0)
			days[n++] = r->effective;
	}
	qsort(days, n, sizeof *days, cmp_day);
	for (i = 0; i < n; i++) {
		const char *w;

		if (i > 0 && strcmp(days[i], days[i - 1]) == 0)
			continue;
		r = stance_resolve(tl->rows, tl->nrows, l->person, tl->toward,
		                   tl->deal, days[i], NULL);
		w = r != NULL ? r->stance : NULL;
		if (l->nspans > 0 &&
		    (l->spans[l->nspans - 1].stance == NULL
		         ? w == NULL
		         : w != NULL &&
		               strcmp(l->spans[l->nspans - 1].stance, w) == 0))
			continue;
		add_span(l, days[i],
		         w == NULL ? NULL : vocab_word(VOCAB_STANCE, w));
	}
	/* Each span runs to the day before the next, the last to --to. */
	for (i = 0; i < l->nspans; i++) {
		if (i + 1 < l->nspans)
			date_from_days(date_days(l->spans[i + 1].from) - 1,
			               l->spans[i].to);
		else
			memcpy(l->spans[i].to, to, KAM_DATE_LEN);
	}
	free(days);
	/* The rows that were corrected or retracted, on their own day. */
	for (i = 0; i < tl->nrows; i++) {
		size_t j;

		r = &tl->rows[i];
		if (!about(tl, r, l->person) || r->target == 0 ||
		    strcmp(r->kind, "observe") == 0)
			continue;
		for (j = 0; j < tl->nrows; j++)
			if (tl->rows[j].id == r->target)
				break;
		if (j == tl->nrows || strcmp(tl->rows[j].effective, from) < 0 ||
		    strcmp(tl->rows[j].effective, to) > 0)
			continue;
		add_mark(l, tl->rows[j].effective,
		         strcmp(r->kind, "retract") == 0 ? TL_RETRACTED
		                                         : TL_CORRECTED);
	}
	if (l->nmarks > 1)
		qsort(l->marks, l->nmarks, sizeof *l->marks, cmp_mark);
}

static int
influence_rank(const char *w)
{
	return w == NULL ? 0 : vocab_influence_weight(w);
}

static long
role_rank(const char *w)
{
	long i;

	for (i = 0; vocab_roles[i] != NULL; i++)
		if (w != NULL && strcmp(vocab_roles[i], w) == 0)
			return i;
	return i;
}

static int
cmp_lane(const void *a, const void *b)
{
	const struct tl_lane *x = a, *y = b;
	int ix = influence_rank(x->influence),
	    iy = influence_rank(y->influence);
	long rx = role_rank(x->role), ry = role_rank(y->role);
	int c;

	/* The members of the buying group first, by influence, then role. */
	if ((c = KAM_CMP(x->role == NULL, y->role == NULL)) != 0 ||
	    (c = KAM_CMP(iy, ix)) != 0 || (c = KAM_CMP(rx, ry)) != 0)
		return c;
	return strcmp(x->ref, y->ref);
}

void
timeline_plan(struct timeline *tl, const char *from, const char *to)
{
	size_t i;

	if (tl->deal != 0 && tl->nlanes > 1)
		qsort(tl->lanes, tl->nlanes, sizeof *tl->lanes, cmp_lane);
	for (i = 0; i < tl->nlanes; i++)
		plan_lane(tl, &tl->lanes[i], from, to);
}

static void
lane_free(struct tl_lane *l)
{
	KAM_FREE(l->ref, l->name, l->spans, l->marks);
}

/* A lane's claim to a place in the picture (timeline_cap). */
struct cap_key {
	int known, member, infl;
	size_t moves, i;
};

static int
cmp_cap(const void *a, const void *b)
{
	const struct cap_key *x = a, *y = b;
	int c;

	if ((c = KAM_CMP(y->known, x->known)) != 0 ||
	    (c = KAM_CMP(y->member, x->member)) != 0 ||
	    (c = KAM_CMP(y->infl, x->infl)) != 0 ||
	    (c = KAM_CMP(y->moves, x->moves)) != 0)
		return c;
	return KAM_CMP(x->i, y->i);
}

void
timeline_cap(struct timeline *tl, size_t max)
{
	struct cap_key *k;
	unsigned char *keep;
	size_t i, j;

	tl->all_lanes = tl->nlanes;
	tl->cut_unknown = tl->cut_fewer = 0;
	if (max == 0 || tl->nlanes <= max)
		return;
	k = xreallocarray(NULL, tl->nlanes, sizeof *k);
	keep = xcalloc(tl->nlanes, 1);
	for (i = 0; i < tl->nlanes; i++) {
		const struct tl_lane *l = &tl->lanes[i];

		k[i].known = 0;
		for (j = 0; j < l->nspans; j++)
			k[i].known |= l->spans[j].stance != NULL;
		k[i].member = l->role != NULL;
		k[i].infl = influence_rank(l->influence);
		k[i].moves = l->nspans + l->nmarks;
		k[i].i = i;
	}
	qsort(k, tl->nlanes, sizeof *k, cmp_cap);
	for (i = 0; i < tl->nlanes; i++) {
		if (i < max)
			keep[k[i].i] = 1;
		else if (k[i].known)
			tl->cut_fewer++;
		else
			tl->cut_unknown++;
	}
	for (i = j = 0; i < tl->nlanes; i++) {
		if (keep[i])
			tl->lanes[j++] = tl->lanes[i];
		else
			lane_free(&tl->lanes[i]);
	}
	tl->nlanes = j;
	free(keep);
	free(k);
}

void
timeline_free(struct timeline *tl)
{
	size_t i;

	for (i = 0; i < tl->nlanes; i++)
		lane_free(&tl->lanes[i]);
	for (i = 0; i < tl->nrows; i++)
		stance_row_free(&tl->rows[i]);
	KAM_FREE(tl->lanes, tl->rows, tl->account_name, tl->deal_name,
	         tl->toward_name);
	memset(tl, 0, sizeof *tl);
}
