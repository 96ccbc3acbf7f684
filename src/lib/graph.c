/*
 * graph: the rules of a map, pure functions over the structs of graph.h:
 * a stable order of people and edges (maps are kept in git and diffed,
 * so the same store must give the same bytes), and the neighbourhood of
 * a person.  map-dot.c draws what these decide; map-render.c writes it.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"

static const char *const views[] = {"all", "org", "buying", "influence", NULL};

int
map_view_parse(const char *s)
{
	static const enum map_view v[] = {MAP_ALL, MAP_ORG, MAP_BUYING,
	                                  MAP_INFLUENCE};
	size_t i;

	for (i = 0; views[i] != NULL; i++)
		if (strcmp(views[i], s) == 0)
			return (int)v[i];
	return -1;
}

/* --- Data --- */

static int
by_handle(const void *a, const void *b)
{
	const struct map_person *x = a, *y = b;

	return strcmp(x->handle, y->handle);
}

static int
by_id(const void *a, const void *b)
{
	const struct map_person *const *x = a, *const *y = b;

	return (*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id;
}

/* --- A stable order, whatever order SQLite returns rows in --- */

/*
 * Rows are sorted on keys worked out once: the positions of their people
 * in the list sorted by handle, then a rank (the kind of line or link,
 * the deal and role of a badge).
 */
struct skey {
	size_t a, b;
	const char *s;
	long c;
	size_t i;
};

static int
cmp_skey(const void *x, const void *y)
{
	const struct skey *p = x, *q = y;
	int c;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->s != NULL && q->s != NULL && (c = strcmp(p->s, q->s)) != 0)
		return c;
	if (p->c != q->c)
		return p->c < q->c ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static void
sort_rows(void *base, size_t n, size_t size, struct skey *k)
{
	char *tmp;
	size_t i;

	if (n == 0) /* base and k may be NULL */
		return;
	tmp = xreallocarray(NULL, n + 1, size);
	qsort(k, n, sizeof *k, cmp_skey);
	for (i = 0; i < n; i++)
		memcpy(tmp + i * size, (char *)base + k[i].i * size, size);
	memcpy(base, tmp, n * size);
	free(tmp);
}

static long
kind_rank(const char *const *words, const char *w)
{
	long i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return i;
}

/* The position of a person in the sorted list, or -1. */
static long
position(const struct map_data *d, int64_t id)
{
	const struct map_person *p = map_find(d, id);

	return p == NULL ? -1 : (long)(p - d->people);
}

void
map_data_index(struct map_data *d)
{
	struct skey *k;
	size_t i, j;
	long a, b;

	qsort(d->people, d->npeople, sizeof *d->people, by_handle);
	free(d->by_id);
	d->by_id = xreallocarray(NULL, d->npeople + 1, sizeof *d->by_id);
	for (i = 0; i < d->npeople; i++)
		d->by_id[i] = &d->people[i];
	qsort(d->by_id, d->npeople, sizeof *d->by_id, by_id);

	/* Edges and badges in an order of handles; those of people
	 * missing from the map are dropped. */
	k = xreallocarray(NULL, d->nlines + 1, sizeof *k);
	for (i = j = 0; i < d->nlines; i++) {
		a = position(d, d->lines[i].manager);
		b = position(d, d->lines[i].person);
		if (a < 0 || b < 0)
			continue;
		d->lines[j] = d->lines[i];
		k[j] = (struct skey){(size_t)a, (size_t)b, NULL,
		                     d->lines[i].dotted, j};
		j++;
	}
	d->nlines = j;
	sort_rows(d->lines, j, sizeof *d->lines, k);
	k = xreallocarray(k, d->nlinks + 1, sizeof *k);
	for (i = j = 0; i < d->nlinks; i++) {
		a = position(d, d->links[i].from);
		b = position(d, d->links[i].to);
		if (a < 0 || b < 0)
			continue;
		d->links[j] = d->links[i];
		k[j] = (struct skey){
		    (size_t)a, (size_t)b, NULL,
		    kind_rank(vocab_link_kinds, d->links[i].kind), j};
		j++;
	}
	d->nlinks = j;
	sort_rows(d->links, j, sizeof *d->links, k);
	k = xreallocarray(k, d->nroles + 1, sizeof *k);
	for (i = j = 0; i < d->nroles; i++) {
		if ((a = position(d, d->roles[i].person)) < 0) {
			free(d->roles[i].deal);
			continue;
		}
		d->roles[j] = d->roles[i];
		k[j] =
		    (struct skey){(size_t)a, 0, d->roles[j].deal,
		                  kind_rank(vocab_roles, d->roles[i].role), j};
		j++;
	}
	d->nroles = j;
	sort_rows(d->roles, j, sizeof *d->roles, k);
	free(k);
}

struct map_person *
map_find(const struct map_data *d, int64_t id)
{
	size_t lo = 0, hi = d->npeople;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->by_id[mid]->id == id)
			return d->by_id[mid];
		if (d->by_id[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
map_data_free(struct map_data *d)
{
	size_t i;

	for (i = 0; i < d->npeople; i++) {
		free(d->people[i].handle);
		free(d->people[i].name);
		free(d->people[i].title);
		free(d->people[i].dept);
		free(d->people[i].left_on);
	}
	for (i = 0; i < d->nroles; i++)
		free(d->roles[i].deal);
	free(d->people);
	free(d->lines);
	free(d->links);
	free(d->roles);
	free(d->by_id);
	free(d->account);
	free(d->account_name);
	free(d->deal);
	free(d->deal_name);
	free(d->toward);
	free(d->toward_name);
	memset(d, 0, sizeof *d);
}

/* --- Sets of ids, for the neighbourhood --- */

void
map_ids_add(struct map_ids *s, int64_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = id;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

void
map_ids_sort(struct map_ids *s)
{
	size_t i, j;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof *s->v, cmp_id);
	for (i = j = 1; i < s->n; i++)
		if (s->v[i] != s->v[j - 1])
			s->v[j++] = s->v[i];
	s->n = j;
}

int
map_ids_has(const struct map_ids *s, int64_t id)
{
	return s->n > 0 &&
	       bsearch(&id, s->v, s->n, sizeof *s->v, cmp_id) != NULL;
}

/*
 * Breadth first, one ring at a time: ring k holds the people exactly k
 * steps away, so each person's edges are asked for once.
 */
int
map_neighbourhood(int64_t focus, int depth,
                  int (*next)(void *, int64_t, struct map_ids *), void *arg,
                  struct map_ids *out)
{
	struct map_ids ring = {0}, found = {0};
	size_t i;
	int k, rc = KAM_OK;

	out->n = 0;
	map_ids_add(out, focus);
	map_ids_add(&ring, focus);
	for (k = 0; k < depth && ring.n > 0; k++) {
		found.n = 0;
		for (i = 0; i < ring.n; i++)
			if ((rc = next(arg, ring.v[i], &found)) != KAM_OK)
				goto done;
		map_ids_sort(&found);
		ring.n = 0;
		for (i = 0; i < found.n; i++)
			if (!map_ids_has(out, found.v[i]))
				map_ids_add(&ring, found.v[i]);
		for (i = 0; i < ring.n; i++)
			map_ids_add(out, ring.v[i]);
		map_ids_sort(out);
	}
done:
	free(ring.v);
	free(found.v);
	return rc;
}
