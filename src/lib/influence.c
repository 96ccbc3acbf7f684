/*
 * influence: PageRank and betweenness of a client's informal network,
 * computed by igraph's C library, and the hidden-influencer rule.  Pure:
 * arrays in, scores out.  igraph's default error handler aborts the
 * process; it is replaced here, while igraph runs, by one that keeps the
 * reason and lets the igraph function return its error to us.
 */
#include <config.h>

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/influence.h"
#include "kam/kam.h"

static char reason[256];

static void
keep_error(const char *why, const char *file, int line, igraph_error_t err)
{
	(void)file;
	(void)line;
	/* An error passed up through igraph's own calls comes back with an
	 * empty reason: keep the first, which says what was wrong. */
	if (reason[0] == '\0' && why != NULL && why[0] != '\0') {
		size_t n = strlen(why);

		if (why[n - 1] == '.')
			n--;
		snprintf(reason, sizeof reason, "%.*s (%s)", (int)n, why,
		         igraph_strerror(err));
	} else if (reason[0] == '\0')
		snprintf(reason, sizeof reason, "%s", igraph_strerror(err));
	/* What igraph allocated before failing: the handler frees it. */
	IGRAPH_FINALLY_FREE();
}

const char *
influence_error(void)
{
	return reason;
}

/* A tie in the direction weight flows, before ties are merged. */
struct tie {
	size_t from, to;
	double weight;
};

static int
tie_cmp(const void *a, const void *b)
{
	const struct tie *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return 0;
}

/*
 * The ties of the links, merged: "A advises B" and "A influences B" give
 * B's weight to A, a tie from B to A; "allies" is a tie each way.
 */
static size_t
make_ties(const struct influence_link *l, size_t nl, struct tie *t)
{
	size_t i, n = 0, m;

	for (i = 0; i < nl; i++) {
		int advise = strcmp(l[i].kind, "advises") == 0 ||
		             strcmp(l[i].kind, "influences") == 0;
		int ally = strcmp(l[i].kind, "allies") == 0;

		if (advise || ally) {
			t[n].from = l[i].to;
			t[n].to = l[i].from;
			t[n++].weight = l[i].strength;
		}
		if (ally) {
			t[n].from = l[i].from;
			t[n].to = l[i].to;
			t[n++].weight = l[i].strength;
		}
	}
	if (n == 0)
		return 0;
	qsort(t, n, sizeof *t, tie_cmp);
	for (i = 1, m = 0; i < n; i++) {
		if (tie_cmp(&t[m], &t[i]) == 0)
			t[m].weight += t[i].weight;
		else
			t[++m] = t[i];
	}
	return m + 1;
}

enum { WEIGHT, LENGTH, RANK, BETWEEN, NVEC };

static int
run_igraph(size_t n, const struct tie *t, size_t nt,
           struct influence_score *out)
{
	igraph_t g;
	igraph_vector_int_t edges;
	igraph_vector_t v[NVEC];
	int nv, have_graph = 0;
	igraph_error_t e;
	size_t i;

	if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * nt)) !=
	    IGRAPH_SUCCESS)
		return KAM_INTERNAL;
	for (nv = 0, e = IGRAPH_SUCCESS; e == IGRAPH_SUCCESS && nv < NVEC; nv++)
		if ((e = igraph_vector_init(
		         &v[nv], nv <= LENGTH ? (igraph_integer_t)nt : 0)) !=
		    IGRAPH_SUCCESS)
			break;
	if (e == IGRAPH_SUCCESS) {
		for (i = 0; i < nt; i++) {
			VECTOR(edges)[2 * i] = (igraph_integer_t)t[i].from;
			VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t[i].to;
			VECTOR(v[WEIGHT])[i] = t[i].weight;
			/* igraph reads the weights of betweenness as
			 * lengths: a strong tie is a short one. */
			VECTOR(v[LENGTH])[i] = 1.0 / t[i].weight;
		}
		e = igraph_create(&g, &edges, (igraph_integer_t)n,
		                  IGRAPH_DIRECTED);
	}
	if (e == IGRAPH_SUCCESS) {
		have_graph = 1;
		e = igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &v[RANK],
		                    NULL, igraph_vss_all(), IGRAPH_DIRECTED,
		                    INFLUENCE_DAMPING, &v[WEIGHT], NULL);
	}
	if (e == IGRAPH_SUCCESS)
		e = igraph_betweenness(&g, &v[BETWEEN], igraph_vss_all(),
		                       IGRAPH_DIRECTED, &v[LENGTH]);
	if (e == IGRAPH_SUCCESS) {
		double pairs = n > 2 ? (double)(n - 1) * (double)(n - 2) : 0;

		for (i = 0; i < n; i++) {
			out[i].influence = VECTOR(v[RANK])[i];
			out[i].brokerage =
			    pairs > 0 ? VECTOR(v[BETWEEN])[i] / pairs : 0;
		}
	}
	if (have_graph)
		igraph_destroy(&g);
	while (nv-- > 0)
		igraph_vector_destroy(&v[nv]);
	igraph_vector_int_destroy(&edges);
	return e == IGRAPH_SUCCESS ? KAM_OK : KAM_INTERNAL;
}

int
influence_compute(size_t n, const struct influence_link *l, size_t nl,
                  struct influence_score *out)
{
	igraph_error_handler_t *old_error;
	igraph_warning_handler_t *old_warning;
	struct tie *t;
	size_t nt, i;
	int rc;

	reason[0] = '\0';
	/* igraph would add the missing people rather than refuse. */
	for (i = 0; i < nl; i++)
		if (l[i].from >= n || l[i].to >= n) {
			snprintf(reason, sizeof reason,
			         "a link names person %zu of %zu",
			         l[i].from >= n ? l[i].from : l[i].to, n);
			return KAM_INTERNAL;
		}
	if (n == 0)
		return KAM_OK;
	memset(out, 0, n * sizeof *out);
	t = xreallocarray(NULL, 2 * nl + 1, sizeof *t);
	nt = make_ties(l, nl, t);
	for (i = 0; i < nt; i++)
		if (t[i].to < n)
			out[t[i].to].weight_in += t[i].weight;
	old_error = igraph_set_error_handler(keep_error);
	old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
	rc = run_igraph(n, t, nt, out);
	igraph_set_warning_handler(old_warning);
	igraph_set_error_handler(old_error);
	free(t);
	if (rc != KAM_OK && reason[0] == '\0')
		snprintf(reason, sizeof reason, "out of memory");
	return rc;
}

double
influence_round(double v)
{
	double scale = 1.0;
	int i;

	for (i = 0; i < INFLUENCE_DECIMALS; i++)
		scale *= 10;
	return round(v * scale) / scale;
}

struct order_ctx {
	const struct influence_score *s;
	const char *const *handles;
};

/* qsort has no argument for the comparison: the ranking being sorted. */
static const struct order_ctx *sorting;

static int
order_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double ix = influence_round(sorting->s[x].influence);
	double iy = influence_round(sorting->s[y].influence);
	double bx = influence_round(sorting->s[x].brokerage);
	double by = influence_round(sorting->s[y].brokerage);

	if (ix != iy)
		return ix > iy ? -1 : 1;
	if (bx != by)
		return bx > by ? -1 : 1;
	return strcmp(sorting->handles[x], sorting->handles[y]);
}

void
influence_order(size_t n, const struct influence_score *s,
                const char *const *handles, size_t *order)
{
	struct order_ctx c = {s, handles};
	size_t i;

	for (i = 0; i < n; i++)
		order[i] = i;
	sorting = &c;
	if (n > 1)
		qsort(order, n, sizeof *order, order_cmp);
	sorting = NULL;
}

size_t
influence_top(size_t n)
{
	return (n + 9) / 10;
}

double
influence_threshold(size_t n, const struct influence_score *s,
                    const size_t *order)
{
	if (n == 0)
		return 0;
	return influence_round(s[order[influence_top(n) - 1]].influence);
}

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int
influence_median_level(const long *levels, size_t n, double *median)
{
	long *v = xreallocarray(NULL, n + 1, sizeof *v);
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (levels[i] > 0)
			v[k++] = levels[i];
	if (k == 0) {
		free(v);
		return 0;
	}
	qsort(v, k, sizeof *v, long_cmp);
	if (k % 2 == 1)
		*median = (double)v[k / 2];
	else
		*median = ((double)v[k / 2 - 1] + (double)v[k / 2]) / 2;
	free(v);
	return 1;
}

int
influence_hidden(const struct influence_person *p, double threshold,
                 int have_median, double median)
{
	int why = 0;

	if (p->influence < threshold || p->weight_in <= 0 || !have_median ||
	    p->level <= 0 || (double)p->level <= median)
		return 0;
	if (!p->in_group)
		why |= INFLUENCE_OUTSIDE;
	if (!p->stance_known)
		why |= INFLUENCE_NO_STANCE;
	return why;
}
