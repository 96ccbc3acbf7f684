/*
 * Calibration's queries: the closed deals, each with its stored runs
 * (the verdict, the win likelihood and the criteria answered yes, read
 * from the run's snapshot), in the order they were recorded.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/calibrate.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "store-int.h"

static int
by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The closed deals, each with its runs (a row without a run when it has
 * none), in the order they were recorded. */
static const char q_deals[] =
    "SELECT d.id, ac.handle || '/' || d.handle, d.name, d.status, "
    "d.closed_on, r.id, r.number, substr(r.recorded, 1, 10), "
    "r.verdict, json_extract(r.snapshot, "
    "'$.investment.win_likelihood') "
    "FROM deal d JOIN account ac ON ac.id = d.account_id "
    "LEFT JOIN gate_run r ON r.deal_id = d.id "
    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
    "ORDER BY ac.handle, d.handle, r.recorded, r.number";
static const char q_deals_pg[] =
    "SELECT d.id, ac.handle || '/' || d.handle, d.name, d.status, "
    "d.closed_on, r.id, r.number, substr(r.recorded, 1, 10), "
    "r.verdict, (r.snapshot::jsonb #>> "
    "'{investment,win_likelihood}')::double precision "
    "FROM deal d JOIN account ac ON ac.id = d.account_id "
    "LEFT JOIN gate_run r ON r.deal_id = d.id "
    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
    "ORDER BY ac.handle, d.handle, r.recorded, r.number";

/* The criteria answered yes in the runs of the closed deals, by run. */
static const char q_yes[] =
    "SELECT r.id, json_extract(c.value, '$.key'), "
    "json_extract(g.value, '$.gate') "
    "FROM deal d JOIN gate_run r ON r.deal_id = d.id, "
    "json_each(r.snapshot, '$.gates') g, "
    "json_each(g.value, '$.criteria') c "
    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
    "AND json_extract(c.value, '$.answer') = 'yes' "
    "ORDER BY r.id, g.key, c.key";
static const char q_yes_pg[] =
    "SELECT r.id, c.value ->> 'key', g.value ->> 'gate' "
    "FROM deal d JOIN gate_run r ON r.deal_id = d.id, "
    "jsonb_array_elements(r.snapshot::jsonb -> 'gates') "
    "WITH ORDINALITY g (value, i), "
    "jsonb_array_elements(g.value -> 'criteria') "
    "WITH ORDINALITY c (value, i) "
    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
    "AND c.value ->> 'answer' = 'yes' "
    "ORDER BY r.id, g.i, c.i";

/* The deals read so far, and their runs' ids: pairs (id, where), where
 * the deal's index and the run's index in it. */
struct loaded {
	struct calib_deal *v;
	size_t n;
	int64_t *ids;
	size_t nruns;
};

/* Reads a row of q_deals into l: a new deal when its id is not LAST's,
 * and its run, if any. */
static void
deal_row(db_stmt *s, struct loaded *l, int64_t *last)
{
	int64_t id = db_column_int64(s, 0);
	struct calib_deal *d = l->n > 0 ? &l->v[l->n - 1] : NULL;
	struct calib_run *r;

	if (d == NULL || id != *last) {
		l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
		d = &l->v[l->n++];
		memset(d, 0, sizeof *d);
		d->deal = store_col_dup(s, 1);
		d->name = store_col_dup(s, 2);
		d->status = store_col_dup(s, 3);
		snprintf(d->closed, sizeof d->closed, "%.10s",
		         (const char *)db_column_text(s, 4));
		*last = id;
	}
	if (db_column_type(s, 5) == DB_NULL)
		return;
	d->runs = xreallocarray(d->runs, d->nruns + 1, sizeof *d->runs);
	r = &d->runs[d->nruns++];
	memset(r, 0, sizeof *r);
	r->number = db_column_int64(s, 6);
	snprintf(r->day, sizeof r->day, "%.10s",
	         (const char *)db_column_text(s, 7));
	r->verdict = store_col_dup(s, 8);
	r->has_p = db_column_type(s, 9) != DB_NULL;
	r->p = db_column_double(s, 9);
	/* The run's id, to find it again below (the array of runs moves as
	 * it grows, so the pointers are taken after). */
	l->ids = xreallocarray(l->ids, l->nruns + 1, 2 * sizeof *l->ids);
	l->ids[2 * l->nruns] = db_column_int64(s, 5);
	l->ids[2 * l->nruns + 1] =
	    (int64_t)(l->n - 1) << 32 | (int64_t)(d->nruns - 1);
	l->nruns++;
}

/* Reads the criteria answered yes into the runs of l. */
static int
yes_rows(struct store *st, struct loaded *l)
{
	struct calib_run **byrun;
	db_stmt *s;
	size_t i;
	int step;

	/* Runs by id: pairs (id, where) sorted by id. */
	if (l->nruns > 0)
		qsort(l->ids, l->nruns, 2 * sizeof *l->ids, by_id);
	byrun = xcalloc(l->nruns + 1, sizeof *byrun);
	for (i = 0; i < l->nruns; i++)
		byrun[i] = &l->v[l->ids[2 * i + 1] >> 32]
		                .runs[l->ids[2 * i + 1] & 0xffffffff];
	s = store_stmt_dialect(st, q_yes, q_yes_pg);
	while ((step = db_step(s)) == DB_ROW) {
		int64_t key[2] = {db_column_int64(s, 0), 0};
		int64_t *f = l->nruns ? bsearch(key, l->ids, l->nruns,
		                                2 * sizeof *l->ids, by_id)
		                      : NULL;
		struct calib_run *r;

		if (f == NULL)
			continue;
		r = byrun[(size_t)(f - l->ids) / 2];
		r->yes = xreallocarray(r->yes, r->nyes + 1, sizeof *r->yes);
		r->yes_gate = xreallocarray(r->yes_gate, r->nyes + 1,
		                            sizeof *r->yes_gate);
		r->yes[r->nyes] = store_col_dup(s, 1);
		r->yes_gate[r->nyes] = db_column_int(s, 2);
		r->nyes++;
	}
	db_reset(s);
	free(byrun);
	return step;
}

int
store_calibrate_load(struct store *st, struct calib_deal **out, size_t *nout)
{
	db_stmt *s = store_stmt_dialect(st, q_deals, q_deals_pg);
	struct loaded l = {0};
	int64_t last = 0;
	int step;

	*out = NULL;
	*nout = 0;
	while ((step = db_step(s)) == DB_ROW)
		deal_row(s, &l, &last);
	db_reset(s);
	if (step != DB_DONE) {
		free(l.ids);
		calib_deals_free(l.v, l.n);
		return store_fail(st, "cannot read the closed deals");
	}
	step = yes_rows(st, &l);
	free(l.ids);
	if (step != DB_DONE) {
		calib_deals_free(l.v, l.n);
		return store_fail(st, "cannot read the runs' answers");
	}
	*out = l.v;
	*nout = l.n;
	return KAM_OK;
}
