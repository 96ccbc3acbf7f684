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

int
store_calibrate_load(struct store *st, struct calib_deal **out, size_t *nout)
{
	static const char q[] =
	    "SELECT d.id, ac.handle || '/' || d.handle, d.name, d.status, "
	    "d.closed_on, r.id, r.number, substr(r.recorded, 1, 10), "
	    "r.verdict, json_extract(r.snapshot, "
	    "'$.investment.win_likelihood') "
	    "FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id "
	    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
	    "ORDER BY ac.handle, d.handle, r.recorded, r.number";
	static const char yes[] =
	    "SELECT r.id, json_extract(c.value, '$.key'), "
	    "json_extract(g.value, '$.gate') "
	    "FROM deal d JOIN gate_run r ON r.deal_id = d.id, "
	    "json_each(r.snapshot, '$.gates') g, "
	    "json_each(g.value, '$.criteria') c "
	    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
	    "AND json_extract(c.value, '$.answer') = 'yes' "
	    "ORDER BY r.id, g.key, c.key";
	static const char q_pg[] =
	    "SELECT d.id, ac.handle || '/' || d.handle, d.name, d.status, "
	    "d.closed_on, r.id, r.number, substr(r.recorded, 1, 10), "
	    "r.verdict, (r.snapshot::jsonb #>> "
	    "'{investment,win_likelihood}')::double precision "
	    "FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id "
	    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
	    "ORDER BY ac.handle, d.handle, r.recorded, r.number";
	static const char yes_pg[] =
	    "SELECT r.id, c.value ->> 'key', g.value ->> 'gate' "
	    "FROM deal d JOIN gate_run r ON r.deal_id = d.id, "
	    "jsonb_array_elements(r.snapshot::jsonb -> 'gates') "
	    "WITH ORDINALITY g (value, i), "
	    "jsonb_array_elements(g.value -> 'criteria') "
	    "WITH ORDINALITY c (value, i) "
	    "WHERE d.status <> 'open' AND d.closed_on IS NOT NULL "
	    "AND c.value ->> 'answer' = 'yes' "
	    "ORDER BY r.id, g.i, c.i";
	db_stmt *s = store_stmt_dialect(st, q, q_pg);
	struct calib_deal *v = NULL, *d = NULL;
	struct calib_run **byrun = NULL;
	int64_t *ids = NULL, last = 0;
	size_t n = 0, nruns = 0, i;
	int step;

	*out = NULL;
	*nout = 0;
	while ((step = db_step(s)) == DB_ROW) {
		int64_t id = db_column_int64(s, 0);
		struct calib_run *r;

		if (d == NULL || id != last) {
			v = xreallocarray(v, n + 1, sizeof *v);
			d = &v[n++];
			memset(d, 0, sizeof *d);
			d->deal = store_col_dup(s, 1);
			d->name = store_col_dup(s, 2);
			d->status = store_col_dup(s, 3);
			snprintf(d->closed, sizeof d->closed, "%.10s",
			         (const char *)db_column_text(s, 4));
			last = id;
		}
		if (db_column_type(s, 5) == DB_NULL)
			continue;
		d->runs = xreallocarray(d->runs, d->nruns + 1, sizeof *d->runs);
		r = &d->runs[d->nruns++];
		memset(r, 0, sizeof *r);
		r->number = db_column_int64(s, 6);
		snprintf(r->day, sizeof r->day, "%.10s",
		         (const char *)db_column_text(s, 7));
		r->verdict = store_col_dup(s, 8);
		r->has_p = db_column_type(s, 9) != DB_NULL;
		r->p = db_column_double(s, 9);
		/* The run's id, to find it again below (the array of runs
		 * moves as it grows, so the pointers are taken after). */
		ids = xreallocarray(ids, nruns + 1, 2 * sizeof *ids);
		ids[2 * nruns] = db_column_int64(s, 5);
		ids[2 * nruns + 1] =
		    (int64_t)(n - 1) << 32 | (int64_t)(d->nruns - 1);
		nruns++;
	}
	db_reset(s);
	if (step != DB_DONE) {
		free(ids);
		calib_deals_free(v, n);
		return store_fail(st, "cannot read the closed deals");
	}
	/* Runs by id: pairs (id, where) sorted by id. */
	if (nruns > 0)
		qsort(ids, nruns, 2 * sizeof *ids, by_id);
	byrun = xcalloc(nruns + 1, sizeof *byrun);
	for (i = 0; i < nruns; i++)
		byrun[i] =
		    &v[ids[2 * i + 1] >> 32].runs[ids[2 * i + 1] & 0xffffffff];
	s = store_stmt_dialect(st, yes, yes_pg);
	while ((step = db_step(s)) == DB_ROW) {
		int64_t key[2] = {db_column_int64(s, 0), 0};
		int64_t *f =
		    nruns ? bsearch(key, ids, nruns, 2 * sizeof *ids, by_id)
		          : NULL;
		struct calib_run *r;

		if (f == NULL)
			continue;
		r = byrun[(size_t)(f - ids) / 2];
		r->yes = xreallocarray(r->yes, r->nyes + 1, sizeof *r->yes);
		r->yes_gate = xreallocarray(r->yes_gate, r->nyes + 1,
		                            sizeof *r->yes_gate);
		r->yes[r->nyes] = store_col_dup(s, 1);
		r->yes_gate[r->nyes] = db_column_int(s, 2);
		r->nyes++;
	}
	db_reset(s);
	free(ids);
	free(byrun);
	if (step != DB_DONE) {
		calib_deals_free(v, n);
		return store_fail(st, "cannot read the runs' answers");
	}
	*out = v;
	*nout = n;
	return KAM_OK;
}
