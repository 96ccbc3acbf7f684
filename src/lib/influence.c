/*
 * influence: PageRank and betweenness of a client's informal network,
 * computed by igraph's C library, and the hidden-influencer rule.  Pure:
 * arrays in, scores out.  igraph's default error handler aborts the
 * process; it is replaced here, while igraph runs, by one that keeps the
 * reason and lets the igraph function return its error to us.
 */
#include <config.h>

#include <dlfcn.h>
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

/*
 * igraph's PageRank (PRPACK) runs its loops on as many threads as the
 * OpenMP runtime it is built with allows, one a core by default.  On a
 * shared or busy machine each loop then waits for threads that are not
 * running: scoring 4,000 people took four times the CPU time and five
 * times the wall-clock time of one thread.  igraph has no setting for
 * it, so the runtime's own is called, when the process has one, unless
 * the user chose a number of threads (OMP_NUM_THREADS).
 */
static void
one_thread(void)
{
	static int done;
	void (*set)(int);
	void *sym;

	if (done)
		return;
	done = 1;
	if (getenv("OMP_NUM_THREADS") != NULL)
		return;
	if ((sym = dlsym(RTLD_DEFAULT, "omp_set_num_threads")) == NULL)
		return;
	memcpy(&set, &sym, sizeof set);
	set(1);
}

/* A tie in the direction weight flows, before ties are merged. */
struct tie {
	size_t from, to;
	double weight;
};

/*
 * Sorts the nt ties by from, then by to: a counting sort on to, then a
 * stable one on from, each a pass over the ties (people are 0 to
 * n - 1).  qsort took a fifth of scoring 100,000 people.
 */
static void
sort_ties(size_t n, struct tie *t, size_t nt)
{
	struct tie *tmp = xreallocarray(NULL, nt + 1, sizeof *tmp);
	size_t *at = xcalloc(n + 1, sizeof *at), i, sum, c;

	for (i = 0; i < nt; i++)
		at[t[i].to]++;
	for (i = 0, sum = 0; i < n; i++) {
		c = at[i];
		at[i] = sum;
		sum += c;
	}
	for (i = 0; i < nt; i++)
		tmp[at[t[i].to]++] = t[i];
	memset(at, 0, (n + 1) * sizeof *at);
	for (i = 0; i < nt; i++)
		at[tmp[i].from]++;
	for (i = 0, sum = 0; i < n; i++) {
		c = at[i];
		at[i] = sum;
		sum += c;
	}
	for (i = 0; i < nt; i++)
		t[at[tmp[i].from]++] = tmp[i];
	free(at);
	free(tmp);
}

/*
 * The ties of the links among n people, sorted by from and to and
 * merged: "A advises B" and "A influences B" give B's weight to A, a tie
 * from B to A; "allies" is a tie each way.
 */
static size_t
make_ties(size_t n, const struct influence_link *l, size_t nl, struct tie *t)
{
	size_t i, nt = 0, m;

	for (i = 0; i < nl; i++) {
		int advise = strcmp(l[i].kind, "advises") == 0 ||
		             strcmp(l[i].kind, "influences") == 0;
		int ally = strcmp(l[i].kind, "allies") == 0;

		if (advise || ally) {
			t[nt].from = l[i].to;
			t[nt].to = l[i].from;
			t[nt++].weight = l[i].strength;
		}
		if (ally) {
			t[nt].from = l[i].from;
			t[nt].to = l[i].to;
			t[nt++].weight = l[i].strength;
		}
	}
	if (nt == 0)
		return 0;
	sort_ties(n, t, nt);
	/* Sums of whole strengths: exact in any order. */
	for (i = 1, m = 0; i < nt; i++) {
		if (t[m].from == t[i].from && t[m].to == t[i].to)
			t[m].weight += t[i].weight;
		else
			t[++m] = t[i];
	}
	return m + 1;
}

/*
 * PageRank over all n people.  Returns an igraph status; igraph has
 * called keep_error on failure.
 */
static igraph_error_t
pagerank(size_t n, const struct tie *t, size_t nt, struct influence_score *out)
{
	igraph_t g;
	igraph_vector_int_t edges;
	igraph_vector_t weight, rank;
	igraph_error_t e;
	size_t i;

	if ((e = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * nt))) !=
	    IGRAPH_SUCCESS)
		return e;
	if ((e = igraph_vector_init(&weight, (igraph_integer_t)nt)) !=
	    IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&edges);
		return e;
	}
	if ((e = igraph_vector_init(&rank, 0)) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&weight);
		igraph_vector_int_destroy(&edges);
		return e;
	}
	for (i = 0; i < nt; i++) {
		VECTOR(edges)[2 * i] = (igraph_integer_t)t[i].from;
		VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t[i].to;
		VECTOR(weight)[i] = t[i].weight;
	}
	e = igraph_create(&g, &edges, (igraph_integer_t)n, IGRAPH_DIRECTED);
	if (e == IGRAPH_SUCCESS) {
		e = igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &rank,
		                    NULL, igraph_vss_all(), IGRAPH_DIRECTED,
		                    INFLUENCE_DAMPING, &weight, NULL);
		igraph_destroy(&g);
	}
	for (i = 0; e == IGRAPH_SUCCESS && i < n; i++)
		out[i].influence = VECTOR(rank)[i];
	igraph_vector_destroy(&rank);
	igraph_vector_destroy(&weight);
	igraph_vector_int_destroy(&edges);
	return e;
}

/*
 * Betweenness, normalised by the (n - 1)(n - 2) ordered pairs of other
 * people.  Someone without a tie is on no path and ends none, so the
 * graph igraph sees holds only the people with ties: an account of many
 * people and few links costs what its links do.  When every tie has the
 * same weight, lengths all equal count paths as hops do, and igraph's
 * breadth-first search gives the same answer as Dijkstra, faster.
 */
static igraph_error_t
brokerage(size_t n, const struct tie *t, size_t nt, struct influence_score *out)
{
	igraph_t g;
	igraph_vector_int_t edges;
	igraph_vector_t length, between;
	igraph_error_t e;
	size_t *id = xcalloc(n + 1, sizeof *id), m = 0, i;
	double pairs = n > 2 ? (double)(n - 1) * (double)(n - 2) : 0;
	int equal = 1;

	/* Compact ids, 1-based in id[] (0: no tie), in person order. */
	for (i = 0; i < nt; i++)
		id[t[i].from] = id[t[i].to] = 1;
	for (i = 0; i < n; i++)
		if (id[i])
			id[i] = ++m;
	if (nt == 0 || pairs == 0) {
		free(id);
		return IGRAPH_SUCCESS;
	}
	if ((e = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * nt))) !=
	    IGRAPH_SUCCESS) {
		free(id);
		return e;
	}
	if ((e = igraph_vector_init(&length, (igraph_integer_t)nt)) !=
	    IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&edges);
		free(id);
		return e;
	}
	if ((e = igraph_vector_init(&between, 0)) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&length);
		igraph_vector_int_destroy(&edges);
		free(id);
		return e;
	}
	for (i = 0; i < nt; i++) {
		VECTOR(edges)[2 * i] = (igraph_integer_t)(id[t[i].from] - 1);
		VECTOR(edges)[2 * i + 1] = (igraph_integer_t)(id[t[i].to] - 1);
		/* igraph reads the weights of betweenness as lengths: a
		 * strong tie is a short one. */
		VECTOR(length)[i] = 1.0 / t[i].weight;
		if (t[i].weight != t[0].weight)
			equal = 0;
	}
	/* A weight that is not positive is refused, as PageRank does. */
	if (equal && t[0].weight <= 0)
		equal = 0;
	e = igraph_create(&g, &edges, (igraph_integer_t)m, IGRAPH_DIRECTED);
	if (e == IGRAPH_SUCCESS) {
		e = igraph_betweenness(&g, &between, igraph_vss_all(),
		                       IGRAPH_DIRECTED, equal ? NULL : &length);
		igraph_destroy(&g);
	}
	for (i = 0; e == IGRAPH_SUCCESS && i < n; i++)
		if (id[i])
			out[i].brokerage = VECTOR(between)[id[i] - 1] / pairs;
	igraph_vector_destroy(&between);
	igraph_vector_destroy(&length);
	igraph_vector_int_destroy(&edges);
	free(id);
	return e;
}

int
influence_compute(size_t n, const struct influence_link *l, size_t nl,
                  int with_brokerage, struct influence_score *out)
{
	igraph_error_handler_t *old_error;
	igraph_warning_handler_t *old_warning;
	igraph_error_t e;
	struct tie *t;
	size_t nt, i;

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
	nt = make_ties(n, l, nl, t);
	for (i = 0; i < nt; i++)
		out[t[i].to].weight_in += t[i].weight;
	one_thread();
	old_error = igraph_set_error_handler(keep_error);
	old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
	e = pagerank(n, t, nt, out);
	if (e == IGRAPH_SUCCESS && with_brokerage)
		e = brokerage(n, t, nt, out);
	igraph_set_warning_handler(old_warning);
	igraph_set_error_handler(old_error);
	free(t);
	if (e != IGRAPH_SUCCESS && reason[0] == '\0')
		snprintf(reason, sizeof reason, "%s", igraph_strerror(e));
	return e == IGRAPH_SUCCESS ? KAM_OK : KAM_INTERNAL;
}

void
influence_weight_in(size_t n, const struct influence_link *l, size_t nl,
                    double *weight_in)
{
	size_t i;

	memset(weight_in, 0, n * sizeof *weight_in);
	/* The ties of make_ties, each counted where it ends: sums of small
	 * whole numbers, so the order of adding changes nothing. */
	for (i = 0; i < nl; i++) {
		int advise = strcmp(l[i].kind, "advises") == 0 ||
		             strcmp(l[i].kind, "influences") == 0;
		int ally = strcmp(l[i].kind, "allies") == 0;

		if (l[i].from >= n || l[i].to >= n)
			continue;
		if (advise || ally)
			weight_in[l[i].from] += l[i].strength;
		if (ally)
			weight_in[l[i].to] += l[i].strength;
	}
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
