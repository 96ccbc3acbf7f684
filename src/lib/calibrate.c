/*
 * Calibration: learning from outcomes.  A verdict is a judgement made
 * before the facts are in (METHOD.md, section 3: a verdict a seasoned
 * key-account manager would sign); the closed deals say how good those
 * judgements were.  A pure rule over the closed deals and their runs
 * (store-calibrate.c): what kam said N days before each close, against
 * what happened.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "kam/calibrate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/store.h"

static const char *const verdicts[4] = {"pursue", "pursue-limited", "qualify",
                                        "drop"};

static int
verdict_index(const char *v)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(v, verdicts[i]) == 0)
			return i;
	return -1;
}

/* The last run recorded on or before day; NULL when none. */
static const struct calib_run *
last_by(const struct calib_deal *d, const char *day)
{
	const struct calib_run *r = NULL;
	size_t i;

	for (i = 0; i < d->nruns; i++)
		if (strcmp(d->runs[i].day, day) <= 0)
			r = &d->runs[i];
	return r;
}

static struct calib_crit *
crit_find(struct calibration *c, const char *key, int gate)
{
	struct calib_crit *x = kam_find(c->crit, c->ncrit, sizeof *c->crit,
	                                offsetof(struct calib_crit, key), key);

	if (x != NULL)
		return x;
	x = KAM_PUSH(c->crit, c->ncrit, c->crit_cap);
	x->key = xstrdup(key);
	x->gate = gate;
	return x;
}

static int
crit_cmp(const void *a, const void *b)
{
	const struct calib_crit *x = a, *y = b;
	int c;

	if ((c = KAM_CMP(y->lost_yes, x->lost_yes)) != 0 ||
	    (c = KAM_CMP(x->gate, y->gate)) != 0)
		return c;
	return strcmp(x->key, y->key);
}

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* How early the verdict turned: the first run of the final streak of
 * verdicts among the runs up to the close.  Returns 0 when no run was
 * made before the close. */
static int
calib_turn(const struct calib_deal *d, struct calib_row *row)
{
	size_t k;

	if ((row->last = last_by(d, d->closed)) == NULL)
		return 0;
	for (k = (size_t)(row->last - d->runs); k > 0; k--)
		if (strcmp(d->runs[k - 1].verdict, row->last->verdict) != 0)
			break;
	row->turn = &d->runs[k];
	row->turned_days = date_days(d->closed) - date_days(row->turn->day);
	return 1;
}

/* Judges ROW's run (the last one before the cutoff) against the deal's
 * outcome: its verdict's hit, its win likelihood's squared error (added
 * to SQ) and its criteria answered yes. */
static void
calib_judge(struct calibration *c, struct calib_row *row, int won, int lost,
            double *sq)
{
	size_t k;
	int v;

	if ((v = verdict_index(row->run->verdict)) >= 0) {
		struct calib_verdict *cv = &c->verdicts[v];

		cv->deals++;
		cv->won += won;
		cv->lost += lost;
		cv->abandoned += !won && !lost;
		if (cv->has_hit) {
			row->hit = v == 3 ? !won : won;
			cv->hits += row->hit;
		}
	}
	/* Brier: won is 1, lost 0; abandoned deals are left out. */
	if (won || lost) {
		if (row->run->has_p) {
			double e = row->run->p - (won ? 1.0 : 0.0);

			*sq += e * e;
			c->brier_n++;
			c->brier_won += won;
		} else
			c->no_likelihood++;
	}
	for (k = 0; k < row->run->nyes; k++) {
		struct calib_crit *cr =
		    crit_find(c, row->run->yes[k], row->run->yes_gate[k]);

		cr->lost_yes += lost;
		cr->won_yes += won;
	}
}

/* The figures over every deal: the Brier score from the sum of squared
 * errors SQ, the criteria kept and their order, the median of the NTURNS
 * TURNS. */
static void
calib_finish(struct calibration *c, double sq, long *turns, size_t nturns)
{
	size_t i, k;

	if (c->brier_n > 0) {
		c->brier = sq / (double)c->brier_n;
		c->base_rate = (double)c->brier_won / (double)c->brier_n;
		c->brier_base = c->base_rate * (1 - c->base_rate);
	}
	/* Only the criteria yes on some lost deal are kept. */
	for (i = 0, k = 0; i < c->ncrit; i++) {
		if (c->crit[i].lost_yes > 0)
			c->crit[k++] = c->crit[i];
		else
			free(c->crit[i].key);
	}
	c->ncrit = k;
	if (k > 1)
		qsort(c->crit, k, sizeof *c->crit, crit_cmp);
	if (nturns > 0) {
		qsort(turns, nturns, sizeof *turns, long_cmp);
		/* The lower middle of an even count: a whole day. */
		c->turned_median = turns[(nturns - 1) / 2];
	}
}

void
calibrate(const struct calib_deal *deals, size_t n, long days_before,
          struct calibration *c)
{
	long *turns = NULL;
	size_t i, nturns = 0;
	double sq = 0;
	int v;

	memset(c, 0, sizeof *c);
	c->days_before = days_before;
	c->turned_median = -1;
	for (v = 0; v < 4; v++) {
		c->verdicts[v].verdict = verdicts[v];
		c->verdicts[v].has_hit = v != 2;
	}
	c->rows = xcalloc(n + 1, sizeof *c->rows);
	c->nrows = n;
	turns = xcalloc(n + 1, sizeof *turns);
	for (i = 0; i < n; i++) {
		const struct calib_deal *d = &deals[i];
		struct calib_row *row = &c->rows[i];
		char cutoff[11];
		int won = strcmp(d->status, "won") == 0;
		int lost = strcmp(d->status, "lost") == 0;

		c->closed++;
		c->won += won;
		c->lost += lost;
		c->abandoned += !won && !lost;
		row->d = d;
		row->hit = -1;
		row->turned_days = -1;
		date_from_days(date_days(d->closed) - days_before, cutoff);
		if (calib_turn(d, row))
			turns[nturns++] = row->turned_days;
		if ((row->run = last_by(d, cutoff)) == NULL) {
			c->excluded++;
			continue;
		}
		c->used++;
		calib_judge(c, row, won, lost, &sq);
	}
	calib_finish(c, sq, turns, nturns);
	free(turns);
}

void
calibration_free(struct calibration *c)
{
	size_t i;

	for (i = 0; i < c->ncrit; i++)
		free(c->crit[i].key);
	free(c->crit);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

void
calib_deals_free(struct calib_deal *v, size_t n)
{
	size_t i, k, j;

	for (i = 0; i < n; i++) {
		for (k = 0; k < v[i].nruns; k++) {
			struct calib_run *r = &v[i].runs[k];

			free(r->verdict);
			for (j = 0; j < r->nyes; j++)
				free(r->yes[j]);
			KAM_FREE(r->yes, r->yes_gate);
		}
		KAM_FREE(v[i].runs, v[i].deal, v[i].name, v[i].status);
	}
	free(v);
}
