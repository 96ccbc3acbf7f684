/*
 * influence: PageRank and betweenness of a client's informal network,
 * computed by igraph's C library, and the hidden-influencer rule.  Pure:
 * arrays in, scores out; igraph itself is loaded the first time scores
 * are computed (lazy.h).  igraph's default error handler aborts the
 * process; it is replaced here, while igraph runs, by one that keeps the
 * reason and lets the igraph function return its error to us.
 */
#include <config.h>

#include <dlfcn.h>
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/influence.h"
#include "kam/kam.h"
#include "lazy.h"

static char reason[256];

/*
 * igraph is loaded when influence is first computed, not when a command
 * starts (lazy.h): with what it brings (BLAS, LAPACK, ICU, the C++ and
 * Fortran runtimes) it took a third of the dynamic loader's time at each
 * start of a kam command, most of which rank nobody.
 */
#define IGRAPH_CALLS(X)                                                        \
	X(IGRAPH_FINALLY_FREE)                                                 \
	X(igraph_betweenness)                                                  \
	X(igraph_create)                                                       \
	X(igraph_destroy)                                                      \
	X(igraph_pagerank)                                                     \
	X(igraph_set_error_handler)                                            \
	X(igraph_set_warning_handler)                                          \
	X(igraph_strerror)                                                     \
	X(igraph_vector_destroy)                                               \
	X(igraph_vector_init)                                                  \
	X(igraph_vector_int_destroy)                                           \
	X(igraph_vector_int_init)                                              \
	X(igraph_vss_all)                                                      \
	X(igraph_warning_handler_ignore)
LAZY_LIBRARY(ig, IGRAPH_SONAME, IGRAPH_CALLS);

#define IGRAPH_FINALLY_FREE           (*ig.IGRAPH_FINALLY_FREE)
#define igraph_betweenness            (*ig.igraph_betweenness)
#define igraph_create                 (*ig.igraph_create)
#define igraph_destroy                (*ig.igraph_destroy)
#define igraph_pagerank               (*ig.igraph_pagerank)
#define igraph_set_error_handler      (*ig.igraph_set_error_handler)
#define igraph_set_warning_handler    (*ig.igraph_set_warning_handler)
#define igraph_strerror               (*ig.igraph_strerror)
#define igraph_vector_destroy         (*ig.igraph_vector_destroy)
#define igraph_vector_init            (*ig.igraph_vector_init)
#define igraph_vector_int_destroy     (*ig.igraph_vector_int_destroy)
#define igraph_vector_int_init        (*ig.igraph_vector_int_init)
#define igraph_vss_all                (*ig.igraph_vss_all)
#define igraph_warning_handler_ignore (*ig.igraph_warning_handler_ignore)

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
 * it, so the runtime's own is called, when igraph brings one, unless
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
	if ((sym = dlsym(ig_lib.handle, "omp_set_num_threads")) == NULL)
		return;
	memcpy(&set, &sym, sizeof set);
	set(1);
}

/* A tie in the direction weight flows, before ties are merged. */
struct tie {
	size_t from, to;
	double weight;
};

/* Turns the counts at[0..n-1] into where each one's run starts. */
static void
counts_to_starts(size_t *at, size_t n)
{
	size_t i, sum, c;

	for (i = 0, sum = 0; i < n; i++) {
		c = at[i];
		at[i] = sum;
		sum += c;
	}
}

/*
 * Sorts the nt ties by from, then by to: a counting sort on to, then a
 * stable one on from, each a pass over the ties (people are 0 to
 * n - 1).  qsort took a fifth of scoring 100,000 people.
 */
static void
sort_ties(size_t n, struct tie *t, size_t nt)
{
	struct tie *tmp = xreallocarray(NULL, nt + 1, sizeof *tmp);
	size_t *at = xcalloc(n + 1, sizeof *at), i;

	for (i = 0; i < nt; i++)
		at[t[i].to]++;
	counts_to_starts(at, n);
	for (i = 0; i < nt; i++)
		tmp[at[t[i].to]++] = t[i];
	memset(at, 0, (n + 1) * sizeof *at);
	for (i = 0; i < nt; i++)
		at[tmp[i].from]++;
	counts_to_starts(at, n);
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
 * Brokerage by Brandes' algorithm over whole-number lengths.  igraph's
 * betweenness clears arrays the size of the graph before the search
 * from each person, which is most of its time on a large sparse network
 * (two thirds of scoring 100,000 people), and compares sums of 1/weight
 * with a tolerance to find paths of equal length.  Here a tie of weight
 * w is lcm / w long, lcm the least common multiple of the weights, so
 * sums are exact and paths equal exactly when they are; a search clears
 * only what it reached.  The answer is igraph's (check_influence
 * compares them); when a weight is not a whole number from 1 to
 * BRANDES_MAX_WEIGHT, igraph is asked instead.
 */
#define BRANDES_MAX_WEIGHT 64
#define UNREACHED          UINT64_MAX

struct brandes {
	size_t m;
	size_t *out_at, *out_to, *in_at, *in_from;
	uint64_t *out_len, *in_len;
	uint64_t *dist;
	double *paths, *delta;
	size_t *settled, *heap, *pos;
	size_t nheap;
	int equal;
};

static uint64_t
gcd64(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/* Whole weights from 1 to BRANDES_MAX_WEIGHT: their lcm, else 0. */
static uint64_t
weights_lcm(const struct tie *t, size_t nt)
{
	uint64_t lcm = 1, w;
	size_t i;
	char seen[BRANDES_MAX_WEIGHT + 1] = {0};

	for (i = 0; i < nt; i++) {
		if (!(t[i].weight >= 1 && t[i].weight <= BRANDES_MAX_WEIGHT) ||
		    t[i].weight != floor(t[i].weight))
			return 0;
		seen[(size_t)t[i].weight] = 1;
	}
	for (w = 1; w <= BRANDES_MAX_WEIGHT; w++)
		if (seen[w]) {
			lcm = lcm / gcd64(lcm, w) * w;
			/* Sums of lengths stay far below 2^64. */
			if (lcm > ((uint64_t)1 << 32))
				return 0;
		}
	return lcm;
}

static void
heap_swap(struct brandes *b, size_t i, size_t j)
{
	size_t x = b->heap[i];

	b->heap[i] = b->heap[j];
	b->heap[j] = x;
	b->pos[b->heap[i]] = i;
	b->pos[b->heap[j]] = j;
}

static void
heap_up(struct brandes *b, size_t i)
{
	while (i > 0 && b->dist[b->heap[(i - 1) / 2]] > b->dist[b->heap[i]]) {
		heap_swap(b, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static size_t
heap_pop(struct brandes *b)
{
	size_t top = b->heap[0], i = 0;

	b->pos[top] = SIZE_MAX;
	if (--b->nheap == 0)
		return top;
	b->heap[0] = b->heap[b->nheap];
	b->pos[b->heap[0]] = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, least = i;

		if (l < b->nheap &&
		    b->dist[b->heap[l]] < b->dist[b->heap[least]])
			least = l;
		if (r < b->nheap &&
		    b->dist[b->heap[r]] < b->dist[b->heap[least]])
			least = r;
		if (least == i)
			break;
		heap_swap(b, i, least);
		i = least;
	}
	return top;
}

/* The search from s: returns how many people it settled, in
 * b->settled by distance. */
static size_t
brandes_search(struct brandes *b, size_t s)
{
	size_t ns = 0, q = 0, e, u, v;

	b->dist[s] = 0;
	b->paths[s] = 1;
	if (b->equal)
		b->settled[ns++] = s;
	else {
		b->heap[0] = s;
		b->pos[s] = 0;
		b->nheap = 1;
	}
	for (;;) {
		if (b->equal) {
			/* Breadth first: the settled list is the queue. */
			if (q == ns)
				break;
			u = b->settled[q++];
		} else {
			if (b->nheap == 0)
				break;
			u = heap_pop(b);
			b->settled[ns++] = u;
		}
		for (e = b->out_at[u]; e < b->out_at[u + 1]; e++) {
			uint64_t d = b->dist[u] + b->out_len[e];

			v = b->out_to[e];
			if (b->dist[v] == UNREACHED) {
				b->dist[v] = d;
				b->paths[v] = b->paths[u];
				if (b->equal) {
					b->settled[ns++] = v;
				} else {
					b->pos[v] = b->nheap;
					b->heap[b->nheap++] = v;
					heap_up(b, b->pos[v]);
				}
			} else if (d < b->dist[v]) {
				b->dist[v] = d;
				b->paths[v] = b->paths[u];
				heap_up(b, b->pos[v]);
			} else if (d == b->dist[v]) {
				b->paths[v] += b->paths[u];
			}
		}
	}
	return ns;
}

static void
brandes(struct brandes *b, double *between)
{
	size_t s, i, e, ns;

	for (s = 0; s < b->m; s++) {
		/* Someone no tie leaves from reaches nobody. */
		if (b->out_at[s] == b->out_at[s + 1])
			continue;
		ns = brandes_search(b, s);
		/* Dependencies, farthest first, each over the ties into it
		 * that lie on a shortest path. */
		for (i = ns; i-- > 0;) {
			size_t w = b->settled[i];

			for (e = b->in_at[w]; e < b->in_at[w + 1]; e++) {
				size_t v = b->in_from[e];

				if (b->dist[v] != UNREACHED &&
				    b->dist[v] + b->in_len[e] == b->dist[w])
					b->delta[v] += (b->delta[w] + 1) *
					               b->paths[v] /
					               b->paths[w];
			}
			if (w != s)
				between[w] += b->delta[w];
		}
		for (i = 0; i < ns; i++) {
			size_t w = b->settled[i];

			b->dist[w] = UNREACHED;
			b->paths[w] = 0;
			b->delta[w] = 0;
		}
	}
}

/*
 * Betweenness of the m people of the ties t (ids 0 to m - 1, sorted by
 * from, then to), into between; 0 when the weights do not suit.
 */
static int
brandes_between(size_t m, const struct tie *t, size_t nt, double *between)
{
	struct brandes b;
	uint64_t lcm = weights_lcm(t, nt);
	size_t i, *fill;

	if (lcm == 0)
		return 0;
	memset(&b, 0, sizeof b);
	b.m = m;
	b.equal = 1;
	b.out_at = xcalloc(m + 1, sizeof *b.out_at);
	b.in_at = xcalloc(m + 1, sizeof *b.in_at);
	b.out_to = xcalloc(nt + 1, sizeof *b.out_to);
	b.out_len = xcalloc(nt + 1, sizeof *b.out_len);
	b.in_from = xcalloc(nt + 1, sizeof *b.in_from);
	b.in_len = xcalloc(nt + 1, sizeof *b.in_len);
	for (i = 0; i < nt; i++) {
		b.out_at[t[i].from + 1]++;
		b.in_at[t[i].to + 1]++;
		if (t[i].weight != t[0].weight)
			b.equal = 0;
	}
	for (i = 0; i < m; i++) {
		b.out_at[i + 1] += b.out_at[i];
		b.in_at[i + 1] += b.in_at[i];
	}
	fill = xcalloc(m + 1, sizeof *fill);
	memcpy(fill, b.in_at, m * sizeof *fill);
	for (i = 0; i < nt; i++) {
		uint64_t len = lcm / (uint64_t)t[i].weight;
		size_t k = fill[t[i].to]++;

		/* The ties are in from order: each person's go in a row. */
		b.out_to[i] = t[i].to;
		b.out_len[i] = len;
		b.in_from[k] = t[i].from;
		b.in_len[k] = len;
	}
	free(fill);
	b.dist = xreallocarray(NULL, m + 1, sizeof *b.dist);
	for (i = 0; i < m; i++)
		b.dist[i] = UNREACHED;
	b.paths = xcalloc(m + 1, sizeof *b.paths);
	b.delta = xcalloc(m + 1, sizeof *b.delta);
	b.settled = xcalloc(m + 1, sizeof *b.settled);
	b.heap = xcalloc(m + 1, sizeof *b.heap);
	b.pos = xreallocarray(NULL, m + 1, sizeof *b.pos);
	memset(between, 0, m * sizeof *between);
	brandes(&b, between);
	free(b.out_at);
	free(b.in_at);
	free(b.out_to);
	free(b.out_len);
	free(b.in_from);
	free(b.in_len);
	free(b.dist);
	free(b.paths);
	free(b.delta);
	free(b.settled);
	free(b.heap);
	free(b.pos);
	return 1;
}

/* Brokerage through brandes_between, the people with ties renumbered
 * by id (1-based); 0 when it does not apply. */
static int
fast_brokerage(size_t n, const struct tie *t, size_t nt, const size_t *id,
               size_t m, double pairs, struct influence_score *out)
{
	struct tie *ct = xreallocarray(NULL, nt + 1, sizeof *ct);
	double *between = xcalloc(m + 1, sizeof *between);
	size_t i;
	int ok;

	for (i = 0; i < nt; i++) {
		ct[i].from = id[t[i].from] - 1;
		ct[i].to = id[t[i].to] - 1;
		ct[i].weight = t[i].weight;
	}
	ok = brandes_between(m, ct, nt, between);
	for (i = 0; ok && i < n; i++)
		if (id[i])
			out[i].brokerage = between[id[i] - 1] / pairs;
	free(between);
	free(ct);
	return ok;
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
	if (fast_brokerage(n, t, nt, id, m, pairs, out)) {
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
	if (!lazy_load(&ig_lib)) {
		snprintf(reason, sizeof reason, "%s", ig_lib.why);
		return KAM_INTERNAL;
	}
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
	const long *levels; /* NULL: brokerage breaks ties */
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
	if (sorting->levels != NULL) {
		/* The most senior first; an unknown level (0) last. */
		long lx = sorting->levels[x], ly = sorting->levels[y];

		if (lx != ly)
			return lx == 0 ? 1 : ly == 0 ? -1 : lx < ly ? -1 : 1;
	} else if (bx != by)
		return bx > by ? -1 : 1;
	return strcmp(sorting->handles[x], sorting->handles[y]);
}

void
influence_order(size_t n, const struct influence_score *s,
                const char *const *handles, size_t *order)
{
	influence_order_level(n, s, NULL, handles, order);
}

void
influence_order_level(size_t n, const struct influence_score *s,
                      const long *levels, const char *const *handles,
                      size_t *order)
{
	struct order_ctx c = {s, handles, levels};
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

	return KAM_CMP(x, y);
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
