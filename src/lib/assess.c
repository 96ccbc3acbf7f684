/*
 * The use cases of an assessment: load a deal's assessment through the
 * store (store_gate_load), apply the stored settings to the rules'
 * defaults, then judge it with the pure rules of gate.c.  The store only
 * gathers; the judging is here, so that the store never calls a rule.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/kam.h"
#include "kam/reason.h"
#include "kam/store.h"

static int
apply_setting(const struct gate_setting_row *r, void *arg)
{
	double *slot = gate_param(arg, r->key);

	if (slot != NULL)
		*slot = r->value;
	return KAM_OK;
}

int
gate_params_load(struct store *st, struct gate_params *p)
{
	gate_params_default(p);
	return store_gate_settings_each(st, apply_setting, p);
}

int
gate_load(struct store *st, int64_t deal, const char *as_of,
          struct gate_assessment *a)
{
	int rc = store_gate_load(st, deal, as_of, a);

	return rc != KAM_OK ? rc : gate_params_load(st, &a->params);
}

/*
 * The run's reasons from their codes: each computed evidence, each
 * gate's reasons in order.  A root this version cannot read is left
 * out (its evidence is said as stored).
 */
static void
snap_whys(struct gate_snap *snap)
{
	size_t i, k;

	for (i = 0; i < snap->nnodes; i++) {
		const struct reason_node *v = &snap->nodes[i];
		struct reason *r;
		int g = v->gate;

		if (v->up != -1 || (r = reason_from_nodes(
		                        snap->nodes, snap->nnodes, i)) == NULL)
			continue;
		for (k = 0; v->criterion != NULL && k < snap->ncrit; k++)
			if (strcmp(snap->crit[k].key, v->criterion) == 0 &&
			    snap->crit[k].why == NULL) {
				snap->crit[k].why = r;
				r = NULL;
				break;
			}
		if (r != NULL && v->criterion == NULL && g >= 1 &&
		    g <= GATE_COUNT) {
			snap->why[g - 1] = xreallocarray(
			    snap->why[g - 1], snap->nwhy[g - 1] + 1,
			    sizeof *snap->why[g - 1]);
			snap->why[g - 1][snap->nwhy[g - 1]++] = r;
			r = NULL;
		}
		reason_free(r);
	}
}

int
gate_snap_load(struct store *st, int64_t deal, int64_t number,
               struct gate_snap *snap)
{
	char sc[8];
	int rc, g;

	if ((rc = store_gate_snap_load(st, deal, number, snap)) != KAM_OK)
		return rc;
	for (g = 0; g < GATE_COUNT; g++)
		if (snap->scored[g]) {
			gate_score_text(snap->score_value[g], sc);
			snap->score[g] = xstrdup(sc);
		}
	snap_whys(snap);
	return KAM_OK;
}

int
gate_assess(struct store *st, int64_t deal, const char *as_of,
            struct gate_assessment *a)
{
	int rc;

	if ((rc = gate_load(st, deal, as_of, a)) != KAM_OK)
		return rc;
	gate_compute(a);
	gate_evaluate(a);
	return KAM_OK;
}

int
gate_check_flags(struct store *st, int64_t deal, const char *as_of,
                 int (*fn)(const struct gate_flag *, void *), void *arg)
{
	struct gate_assessment a;
	struct gate_flag *f = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = gate_load(st, deal, as_of, &a)) == KAM_OK) {
		gate_red_flags(&a, &f, &n);
		for (i = 0; rc == KAM_OK && i < n; i++)
			rc = fn(&f[i], arg);
		gate_flags_free(f, n);
	}
	gate_assessment_free(&a);
	return rc;
}

int
gate_since_load(struct store *st, const struct gate_assessment *now,
                struct gate_since *s)
{
	struct gate_run_info *runs = NULL;
	struct gate_assessment then;
	struct gate_snap snap;
	size_t n = 0, i, k = (size_t)-1;
	int rc, g;

	memset(s, 0, sizeof *s);
	if ((rc = store_gate_runs(st, now->deal_id, &runs, &n)) != KAM_OK)
		return rc;
	/* The latest day before the day assessed; that day's last run. */
	for (i = 0; i < n; i++)
		if (strcmp(runs[i].as_of, now->as_of) < 0 &&
		    (k == (size_t)-1 ||
		     strcmp(runs[i].as_of, runs[k].as_of) >= 0))
			k = i;
	if (k == (size_t)-1) {
		gate_runs_free(runs, n);
		return KAM_OK;
	}
	s->run = runs[k].number;
	gate_runs_free(runs, n);
	if ((rc = gate_snap_load(st, now->deal_id, s->run, &snap)) != KAM_OK) {
		gate_snap_free(&snap);
		return rc;
	}
	memcpy(s->as_of, snap.as_of, sizeof s->as_of);
	s->verdict_before = snap.verdict;
	snap.verdict = NULL;
	for (g = 0; g < GATE_COUNT; g++) {
		s->status_before[g] = snap.status[g];
		s->score_before[g] = snap.score[g];
		snap.score[g] = NULL;
	}
	gate_snap_free(&snap);
	memset(&then, 0, sizeof then);
	if ((rc = gate_assess(st, now->deal_id, s->as_of, &then)) == KAM_OK)
		gate_since_compare(&then, now, s);
	gate_assessment_free(&then);
	return rc;
}
