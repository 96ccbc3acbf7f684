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
	struct kam_array deals;   /* struct calib_deal */
	struct kam_array ids;     /* int64_t[2] */
	int64_t last;             /* the id of the last deal read */
	struct calib_run **byrun; /* yes_row: the runs in the order of ids */
};

/* Reads a row of q_deals into l: a new deal when its id is not the last
 * one's, and its run, if any. */
static int
deal_row(db_stmt *s, void *arg)
{
	struct loaded *l = arg;
	int64_t id = db_column_int64(s, 0), *where;
	struct calib_deal *d =
	    l->deals.n > 0 ? (struct calib_deal *)l->deals.v + l->deals.n - 1
	                   : NULL;
	struct calib_run *r;

	if (d == NULL || id != l->last) {
		d = kam_array_add(&l->deals, sizeof *d);
		d->deal = store_col_dup(s, 1);
		d->name = store_col_dup(s, 2);
		d->status = store_col_dup(s, 3);
		snprintf(d->closed, sizeof d->closed, "%.10s",
		         (const char *)db_column_text(s, 4));
		l->last = id;
	}
	if (db_column_type(s, 5) == DB_NULL)
		return KAM_OK;
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
	where = kam_array_add(&l->ids, 2 * sizeof *where);
	where[0] = db_column_int64(s, 5);
	where[1] = (int64_t)(l->deals.n - 1) << 32 | (int64_t)(d->nruns - 1);
	return KAM_OK;
}

/* A criterion answered yes, into its run. */
static int
yes_row(db_stmt *s, void *arg)
{
	struct loaded *l = arg;
	int64_t key[2] = {db_column_int64(s, 0), 0};
	int64_t *f =
	    l->ids.n ? bsearch(key, l->ids.v, l->ids.n, 2 * sizeof *f, by_id)
	             : NULL;
	struct calib_run *r;

	if (f == NULL)
		return KAM_OK;
	r = l->byrun[(size_t)(f - (int64_t *)l->ids.v) / 2];
	r->yes = xreallocarray(r->yes, r->nyes + 1, sizeof *r->yes);
	r->yes_gate =
	    xreallocarray(r->yes_gate, r->nyes + 1, sizeof *r->yes_gate);
	r->yes[r->nyes] = store_col_dup(s, 1);
	r->yes_gate[r->nyes] = db_column_int(s, 2);
	r->nyes++;
	return KAM_OK;
}

/* Reads the criteria answered yes into the runs of l. */
static int
yes_rows(struct store *st, struct loaded *l)
{
	struct calib_deal *deals = l->deals.v;
	int64_t *ids = l->ids.v;
	size_t i;
	int rc;

	/* Runs by id: pairs (id, where) sorted by id. */
	if (l->ids.n > 0)
		qsort(ids, l->ids.n, 2 * sizeof *ids, by_id);
	l->byrun = xcalloc(l->ids.n + 1, sizeof *l->byrun);
	for (i = 0; i < l->ids.n; i++)
		l->byrun[i] = &deals[ids[2 * i + 1] >> 32]
		                   .runs[ids[2 * i + 1] & 0xffffffff];
	rc = store_each(st, store_stmt_dialect(st, q_yes, q_yes_pg), NULL,
	                yes_row, l, "the runs' answers");
	free(l->byrun);
	return rc;
}

int
store_calibrate_load(struct store *st, struct calib_deal **out, size_t *nout)
{
	struct loaded l = {0};
	int rc;

	*out = NULL;
	*nout = 0;
	rc = store_each(st, store_stmt_dialect(st, q_deals, q_deals_pg), NULL,
	                deal_row, &l, "the closed deals");
	if (rc == KAM_OK)
		rc = yes_rows(st, &l);
	free(l.ids.v);
	if (rc != KAM_OK) {
		calib_deals_free(l.deals.v, l.deals.n);
		return rc;
	}
	*out = l.deals.v;
	*nout = l.deals.n;
	return KAM_OK;
}
