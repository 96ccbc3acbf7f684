/*
 * map-load: the use case of a map.  With a focus, the people within
 * depth steps of it are found ring by ring (map_neighbourhood, a rule of
 * graph.c), each ring's neighbours asked of the store here
 * (store_graph_next); then the store loads them (store_graph_load) and
 * map_data_index keeps the rows among them.  The store never calls the
 * walk; the walk never sees the store.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/kam.h"
#include "kam/store.h"

struct walk {
	struct store *st;
	const struct map_query *q;
	unsigned edges;
};

static int
next(void *arg, int64_t id, struct map_ids *out)
{
	struct walk *w = arg;

	return store_graph_next(w->st, w->q, w->edges, id, out);
}

/* The people within q->depth steps of q->focus, and with q->context the
 * people linked to those found, one step more. */
static int
neighbourhood(struct store *st, const struct map_query *q, struct map_ids *near)
{
	struct walk w = {st, q, q->walk};
	struct map_ids more = {0};
	size_t k;
	int rc;

	rc = map_neighbourhood(q->focus, q->depth, next, &w, near);
	if (rc != KAM_OK || !q->context)
		return rc;
	w.edges = 0;
	for (k = 0; rc == KAM_OK && k < near->n; k++)
		rc = next(&w, near->v[k], &more);
	for (k = 0; k < more.n; k++)
		map_ids_add(near, more.v[k]);
	map_ids_sort(near);
	free(more.v);
	return rc;
}

int
map_load(struct store *st, const struct map_query *q, struct map_data *d)
{
	struct map_query with = *q;
	struct map_ids near = {0};
	int rc;

	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	if (q->focus != 0 && (rc = neighbourhood(st, q, &near)) == KAM_OK)
		with.near = &near;
	if (rc != KAM_OK)
		memset(d, 0, sizeof *d);
	else if ((rc = store_graph_load(st, &with, d)) == KAM_OK) {
		map_data_accounts(d); /* each person's account, in order */
		map_data_index(d);    /* the rows among the people drawn */
	}
	free(near.v);
	return store_end(st, rc);
}
