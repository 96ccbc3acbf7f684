/*
 * Unit tests of influence.c: PageRank and brokerage on small networks
 * whose answers are worked out by hand, the direction of each kind of
 * link, strengths as weights and lengths, merged ties, igraph errors
 * returned instead of aborting, the order of the ranking, and the
 * hidden-influencer rule at each of its boundaries.
 */
#include <config.h>

#include <check.h>
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kam/influence.h"
#include "kam/kam.h"
#include "unit.h"

#define EPS 1e-9

static struct influence_score sc[8];

static int
compute(size_t n, const struct influence_link *l, size_t nl)
{
	return influence_compute(n, l, nl, 1, sc);
}

/* A advises B, A advises C: B's and C's weight go to A.  With A a
 * dangling node: x_A = 27/47, x_B = x_C = 10/47. */
START_TEST(test_advises_gives_weight_to_adviser)
{
	struct influence_link l[] = {{0, 1, "advises", 2},
	                             {0, 2, "advises", 2}};

	ck_assert_int_eq(compute(3, l, 2), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, 27.0 / 47, EPS);
	ck_assert_double_eq_tol(sc[1].influence, 10.0 / 47, EPS);
	ck_assert_double_eq_tol(sc[2].influence, 10.0 / 47, EPS);
	ck_assert_double_eq_tol(sc[0].weight_in, 4, EPS);
	ck_assert_double_eq_tol(sc[1].weight_in, 0, EPS);
	ck_assert_double_eq_tol(sc[0].brokerage, 0, EPS);
}
END_TEST

/* influences gives weight the same way as advises. */
START_TEST(test_influences_like_advises)
{
	struct influence_link a[] = {{0, 1, "advises", 2},
	                             {0, 2, "advises", 2}};
	struct influence_link b[] = {{0, 1, "influences", 2},
	                             {0, 2, "influences", 2}};
	struct influence_score first[3];

	ck_assert_int_eq(compute(3, a, 2), KAM_OK);
	memcpy(first, sc, sizeof first);
	ck_assert_int_eq(compute(3, b, 2), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, first[0].influence, EPS);
	ck_assert_double_eq_tol(sc[1].influence, first[1].influence, EPS);
}
END_TEST

/* allies: both ways, so two allies share the weight equally, whichever
 * way round the link was written; rivals count for nothing. */
START_TEST(test_allies_both_ways_rivals_nothing)
{
	struct influence_link ally[] = {{1, 0, "allies", 3}};
	struct influence_link rival[] = {{1, 0, "rivals", 3}};

	ck_assert_int_eq(compute(2, ally, 1), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, 0.5, EPS);
	ck_assert_double_eq_tol(sc[1].influence, 0.5, EPS);
	ck_assert_double_eq_tol(sc[0].weight_in, 3, EPS);
	ck_assert_double_eq_tol(sc[1].weight_in, 3, EPS);
	ck_assert_int_eq(compute(3, rival, 1), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, 1.0 / 3, EPS);
	ck_assert_double_eq_tol(sc[1].influence, 1.0 / 3, EPS);
	ck_assert_double_eq_tol(sc[0].weight_in, 0, EPS);
	ck_assert_double_eq_tol(sc[1].weight_in, 0, EPS);
}
END_TEST

/* Strength is the weight: C spreads its weight over A (strength 3) and
 * B (strength 1), so A gets three times B's share of it. */
START_TEST(test_strength_is_weight)
{
	struct influence_link l[] = {{0, 2, "advises", 3},
	                             {1, 2, "advises", 1}};
	double d = INFLUENCE_DAMPING, base, xa, xb, xc;

	ck_assert_int_eq(compute(3, l, 2), KAM_OK);
	/* x_c = (1-d)/3 + d (x_a + x_b)/3 (A and B dangle);
	 * x_a = that + d 3/4 x_c, x_b = that + d 1/4 x_c. */
	xc = sc[2].influence;
	base = (1 - d) / 3 + d * (sc[0].influence + sc[1].influence) / 3;
	xa = base + d * 0.75 * xc;
	xb = base + d * 0.25 * xc;
	ck_assert_double_eq_tol(xc, base, EPS);
	ck_assert_double_eq_tol(sc[0].influence, xa, EPS);
	ck_assert_double_eq_tol(sc[1].influence, xb, EPS);
	ck_assert_double_eq_tol(sc[0].influence + sc[1].influence + xc, 1, EPS);
}
END_TEST

/* Two links that give weight the same way add up: advises 2 and
 * influences 1 are one tie of weight 3. */
START_TEST(test_parallel_ties_add_up)
{
	struct influence_link two[] = {{0, 2, "advises", 2},
	                               {0, 2, "influences", 1},
	                               {1, 2, "advises", 1}};
	struct influence_link one[] = {{0, 2, "advises", 3},
	                               {1, 2, "advises", 1}};
	struct influence_score first[3];

	ck_assert_int_eq(compute(3, one, 2), KAM_OK);
	memcpy(first, sc, sizeof first);
	ck_assert_int_eq(compute(3, two, 3), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, first[0].influence, EPS);
	ck_assert_double_eq_tol(sc[1].influence, first[1].influence, EPS);
	ck_assert_double_eq_tol(sc[0].weight_in, 3, EPS);
}
END_TEST

/* C advises B, B advises A: ties A -> B -> C, and B is between A and C:
 * one shortest path of the 3 x 2 ordered pairs of others. */
START_TEST(test_brokerage_path)
{
	struct influence_link l[] = {{1, 0, "advises", 2},
	                             {2, 1, "advises", 2}};

	ck_assert_int_eq(compute(3, l, 2), KAM_OK);
	ck_assert_double_eq_tol(sc[1].brokerage, 1.0 / 2, EPS);
	ck_assert_double_eq_tol(sc[0].brokerage, 0, EPS);
	ck_assert_double_eq_tol(sc[2].brokerage, 0, EPS);
}
END_TEST

/* From S (0) to T (3) through U (1) or V (2): a tie's length is
 * 1/strength, so the strong route is the short one and its middle
 * person the broker; equal strengths split the path between them. */
START_TEST(test_brokerage_lengths)
{
	/* Ties S->U, U->T, S->V, V->T: "U advises S" and so on. */
	struct influence_link strong_u[] = {{1, 0, "advises", 3},
	                                    {3, 1, "advises", 3},
	                                    {2, 0, "advises", 1},
	                                    {3, 2, "advises", 1}};
	struct influence_link even[] = {{1, 0, "advises", 2},
	                                {3, 1, "advises", 2},
	                                {2, 0, "advises", 2},
	                                {3, 2, "advises", 2}};

	ck_assert_int_eq(compute(4, strong_u, 4), KAM_OK);
	ck_assert_double_eq_tol(sc[1].brokerage, 1.0 / 6, EPS);
	ck_assert_double_eq_tol(sc[2].brokerage, 0, EPS);
	ck_assert_int_eq(compute(4, even, 4), KAM_OK);
	ck_assert_double_eq_tol(sc[1].brokerage, 0.5 / 6, EPS);
	ck_assert_double_eq_tol(sc[2].brokerage, 0.5 / 6, EPS);
}
END_TEST

/* Paths of equal length by arithmetic but not in floating point
 * (1/3 + 1/3 + 1/2 and 1/2 + 1/3 + 1/3) are both shortest. */
START_TEST(test_brokerage_equal_lengths)
{
	/* S(0) -> A(1) -> B(2) -> T(5) with lengths 1/3, 1/3, 1/2, and
	 * S -> C(3) -> D(4) -> T with 1/2, 1/3, 1/3. */
	struct influence_link l[] = {
	    {1, 0, "advises", 3}, {2, 1, "advises", 3}, {5, 2, "advises", 2},
	    {3, 0, "advises", 2}, {4, 3, "advises", 3}, {5, 4, "advises", 3}};

	ck_assert_int_eq(compute(6, l, 6), KAM_OK);
	/* Each middle person: half of S-T, and all of one pair more (A is
	 * on S-B's only path, B on A-T's only path...). */
	ck_assert_double_eq_tol(sc[1].brokerage, sc[4].brokerage, EPS);
	ck_assert_double_eq_tol(sc[2].brokerage, sc[3].brokerage, EPS);
	/* A: S-B (1), S-T (1/2) = 1.5 of 20 pairs. */
	ck_assert_double_eq_tol(sc[1].brokerage, 1.5 / 20, EPS);
	ck_assert_double_eq_tol(sc[2].brokerage, 1.5 / 20, EPS);
}
END_TEST

/* People without a tie change nothing but the number of pairs; and
 * brokerage is left 0 when not asked for. */
START_TEST(test_brokerage_isolated_and_skipped)
{
	struct influence_link l[] = {{1, 0, "advises", 2},
	                             {2, 1, "advises", 2}};

	ck_assert_int_eq(compute(5, l, 2), KAM_OK);
	ck_assert_double_eq_tol(sc[1].brokerage, 1.0 / 12, EPS);
	ck_assert_double_eq_tol(sc[3].brokerage, 0, EPS);
	ck_assert_int_eq(influence_compute(5, l, 2, 0, sc), KAM_OK);
	ck_assert_double_eq_tol(sc[1].brokerage, 0, EPS);
	ck_assert(sc[2].influence > sc[3].influence);
}
END_TEST

/* A random network of n people and nl links, of every kind, with
 * strengths from 1 to 3 times scale (or all 2 with same). */
static void
random_links(unsigned seed, size_t n, struct influence_link *l, size_t nl,
             int scale, int same)
{
	static const char *const kinds[] = {"advises", "influences", "allies",
	                                    "rivals"};
	size_t i;

	srand(seed);
	for (i = 0; i < nl; i++) {
		l[i].from = (size_t)rand() % n;
		do
			l[i].to = (size_t)rand() % n;
		while (l[i].to == l[i].from);
		l[i].kind = same ? "advises" : kinds[rand() % 4];
		l[i].strength = same ? 2 : (rand() % 3 + 1) * scale;
	}
}

/* igraph's betweenness of the network, over the merged ties of
 * influence_compute with 1/weight as lengths, normalised. */
static void
igraph_brokerage(size_t n, const struct influence_link *l, size_t nl,
                 double *out)
{
	double *w = calloc(n * n, sizeof *w);
	igraph_vector_int_t edges;
	igraph_vector_t len, res;
	igraph_t g;
	size_t i, j;

	for (i = 0; i < nl; i++) {
		int ally = strcmp(l[i].kind, "allies") == 0;

		if (ally || strcmp(l[i].kind, "advises") == 0 ||
		    strcmp(l[i].kind, "influences") == 0)
			w[l[i].to * n + l[i].from] += l[i].strength;
		if (ally)
			w[l[i].from * n + l[i].to] += l[i].strength;
	}
	igraph_vector_int_init(&edges, 0);
	igraph_vector_init(&len, 0);
	igraph_vector_init(&res, 0);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (w[i * n + j] > 0) {
				igraph_vector_int_push_back(
				    &edges, (igraph_integer_t)i);
				igraph_vector_int_push_back(
				    &edges, (igraph_integer_t)j);
				igraph_vector_push_back(&len,
				                        1.0 / w[i * n + j]);
			}
	igraph_create(&g, &edges, (igraph_integer_t)n, IGRAPH_DIRECTED);
	igraph_betweenness(&g, &res, igraph_vss_all(), IGRAPH_DIRECTED, &len);
	for (i = 0; i < n; i++)
		out[i] = VECTOR(res)[i] / ((double)(n - 1) * (double)(n - 2));
	igraph_destroy(&g);
	igraph_vector_destroy(&res);
	igraph_vector_destroy(&len);
	igraph_vector_int_destroy(&edges);
	free(w);
}

/* Brokerage is igraph's betweenness, on random networks sparse and
 * dense, with unequal and with equal weights, and with strengths too
 * large for whole-number lengths (igraph's own search then). */
START_TEST(test_brokerage_is_igraphs)
{
	static const struct {
		size_t n, nl;
		int scale, same;
	} cases[] = {{40, 30, 1, 0},   {40, 120, 1, 0},  {150, 600, 1, 0},
	             {150, 160, 1, 0}, {120, 400, 1, 1}, {60, 200, 100, 0}};
	struct influence_link l[600];
	struct influence_score s[150];
	double want[150];
	size_t c, i;

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		random_links((unsigned)c + 1, cases[c].n, l, cases[c].nl,
		             cases[c].scale, cases[c].same);
		ck_assert_int_eq(
		    influence_compute(cases[c].n, l, cases[c].nl, 1, s),
		    KAM_OK);
		igraph_brokerage(cases[c].n, l, cases[c].nl, want);
		for (i = 0; i < cases[c].n; i++)
			ck_assert_msg(
			    fabs(s[i].brokerage - want[i]) <=
			        1e-12 * (1 + want[i]),
			    "case %zu, person %zu: %.17g, igraph %.17g", c, i,
			    s[i].brokerage, want[i]);
	}
	/* Lengths scaled alike give the same betweenness. */
	random_links(9, 60, l, 200, 1, 0);
	ck_assert_int_eq(influence_compute(60, l, 200, 1, s), KAM_OK);
	for (i = 0; i < 60; i++)
		want[i] = s[i].brokerage;
	random_links(9, 60, l, 200, 100, 0);
	ck_assert_int_eq(influence_compute(60, l, 200, 1, s), KAM_OK);
	for (i = 0; i < 60; i++)
		ck_assert_double_eq_tol(s[i].brokerage, want[i], 1e-12);
}
END_TEST

/* weight_in alone, as influence_compute gives it: each kind of link,
 * parallel ties, and a link naming nobody left out. */
START_TEST(test_weight_in_alone)
{
	struct influence_link l[] = {
	    {0, 1, "advises", 2}, {0, 1, "influences", 3}, {2, 0, "allies", 1},
	    {3, 2, "rivals", 3},  {4, 3, "advises", 1},    {1, 0, "advises", 2},
	    {2, 0, "allies", 2},  {3, 4, "influences", 1}};
	struct influence_link bad[] = {{0, 9, "advises", 2},
	                               {1, 0, "allies", 1}};
	double w[5];
	size_t i;

	ck_assert_int_eq(influence_compute(5, l, 8, 0, sc), KAM_OK);
	influence_weight_in(5, l, 8, w);
	for (i = 0; i < 5; i++)
		ck_assert_double_eq(w[i], sc[i].weight_in);
	ck_assert_double_eq(w[0], 8);
	ck_assert_double_eq(w[1], 2);
	ck_assert_double_eq(w[2], 3);
	ck_assert_double_eq(w[3], 1);
	ck_assert_double_eq(w[4], 1);
	influence_weight_in(2, bad, 2, w);
	ck_assert_double_eq(w[0], 1);
	ck_assert_double_eq(w[1], 1);
}
END_TEST

/* The order the links come in changes no score, to the last bit: the
 * ties are sorted and merged the same way. */
START_TEST(test_link_order_changes_nothing)
{
	struct influence_link l[] = {
	    {0, 1, "advises", 2},    {5, 1, "influences", 3},
	    {2, 0, "allies", 1},     {3, 2, "rivals", 3},
	    {4, 3, "advises", 1},    {1, 0, "advises", 2},
	    {2, 0, "allies", 2},     {3, 4, "influences", 1},
	    {6, 5, "advises", 3},    {7, 6, "allies", 2},
	    {0, 7, "influences", 1}, {5, 2, "advises", 2}};
	struct influence_link r[12];
	struct influence_score first[8];
	size_t i;

	ck_assert_int_eq(compute(8, l, 12), KAM_OK);
	memcpy(first, sc, sizeof first);
	for (i = 0; i < 12; i++)
		r[i] = l[(i * 5 + 3) % 12];
	ck_assert_int_eq(compute(8, r, 12), KAM_OK);
	for (i = 0; i < 8; i++) {
		ck_assert(sc[i].influence == first[i].influence);
		ck_assert(sc[i].brokerage == first[i].brokerage);
		ck_assert(sc[i].weight_in == first[i].weight_in);
	}
}
END_TEST

START_TEST(test_small_networks)
{
	struct influence_link l[] = {{0, 1, "advises", 2}};

	ck_assert_int_eq(influence_compute(0, NULL, 0, 1, sc), KAM_OK);
	ck_assert_int_eq(compute(1, NULL, 0), KAM_OK);
	ck_assert_double_eq_tol(sc[0].influence, 1, EPS);
	ck_assert_double_eq_tol(sc[0].brokerage, 0, EPS);
	ck_assert_int_eq(compute(2, l, 1), KAM_OK);
	ck_assert_double_eq_tol(sc[0].brokerage, 0, EPS);
	ck_assert_double_eq_tol(sc[0].influence + sc[1].influence, 1, EPS);
	ck_assert(sc[0].influence > sc[1].influence);
}
END_TEST

static void
sentinel(const char *reason, const char *file, int line, igraph_error_t e)
{
	(void)reason;
	(void)file;
	(void)line;
	(void)e;
	IGRAPH_FINALLY_FREE();
}

/* A person outside 0..n-1 is refused (igraph would add people), and
 * igraph refuses a weight that is not positive: the error comes back,
 * nothing aborts, the caller's error handler is back in place, and the
 * next computation works. */
START_TEST(test_igraph_errors_return)
{
	struct influence_link outside[] = {{0, 5, "advises", 2}};
	struct influence_link negative[] = {{0, 1, "advises", -1},
	                                    {1, 2, "advises", 2}};
	struct influence_link good[] = {{0, 1, "advises", 2}};
	igraph_error_handler_t *was;

	was = igraph_set_error_handler(sentinel);
	ck_assert_int_eq(compute(3, outside, 1), KAM_INTERNAL);
	ck_assert_str_eq(influence_error(), "a link names person 5 of 3");
	ck_assert_int_eq(compute(3, negative, 2), KAM_INTERNAL);
	ck_assert_str_eq(influence_error(),
	                 "Weight vector must be positive (Invalid value)");
	ck_assert_ptr_eq(igraph_set_error_handler(sentinel), sentinel);
	ck_assert_int_eq(compute(2, good, 1), KAM_OK);
	ck_assert_str_eq(influence_error(), "");
	igraph_set_error_handler(was);
}
END_TEST

START_TEST(test_round)
{
	ck_assert_double_eq(influence_round(0.1234564), 0.123456);
	ck_assert_double_eq(influence_round(0.1234566), 0.123457);
	ck_assert_double_eq(influence_round(0), 0);
	ck_assert_double_eq(influence_round(1), 1);
}
END_TEST

/* Influence, most first; then brokerage; then handle, in byte order.
 * Scores that round alike are equal. */
START_TEST(test_order)
{
	struct influence_score s[] = {
	    {0.2, 0.1, 1},       /* b */
	    {0.3, 0.0, 1},       /* a */
	    {0.2, 0.3, 1},       /* c */
	    {0.1000004, 0, 1},   /* m10 */
	    {0.1000001, 0, 1},   /* m2 */
	    {0.2, 0.1000002, 1}, /* aa */
	};
	const char *h[] = {"b", "a", "c", "m2", "m10", "aa"};
	size_t order[6];

	influence_order(6, s, h, order);
	ck_assert_uint_eq(order[0], 1); /* a: most influence */
	ck_assert_uint_eq(order[1], 2); /* c: then most brokerage */
	ck_assert_uint_eq(order[2], 5); /* aa before b: a tie, by handle */
	ck_assert_uint_eq(order[3], 0);
	ck_assert_uint_eq(order[4], 4); /* m10 before m2, in byte order */
	ck_assert_uint_eq(order[5], 3);
}
END_TEST

START_TEST(test_top)
{
	ck_assert_uint_eq(influence_top(0), 0);
	ck_assert_uint_eq(influence_top(1), 1);
	ck_assert_uint_eq(influence_top(9), 1);
	ck_assert_uint_eq(influence_top(10), 1);
	ck_assert_uint_eq(influence_top(11), 2);
	ck_assert_uint_eq(influence_top(20), 2);
	ck_assert_uint_eq(influence_top(21), 3);
	ck_assert_uint_eq(influence_top(71), 8);
}
END_TEST

/* The threshold is the rounded influence of the last of the top tenth:
 * here the 2nd of 11; the 3rd, tied with it, is in too. */
START_TEST(test_threshold)
{
	struct influence_score s[11];
	size_t order[11], i;
	const char *h[] = {"a", "b", "c", "d", "e", "f",
	                   "g", "h", "i", "j", "k"};

	memset(s, 0, sizeof s);
	for (i = 0; i < 11; i++)
		s[i].influence = 0.01 * (double)(11 - i);
	s[2].influence = s[1].influence;
	influence_order(11, s, h, order);
	ck_assert_double_eq(influence_threshold(11, s, order), 0.1);
	ck_assert(influence_round(s[2].influence) >= 0.1);
	ck_assert(influence_round(s[3].influence) < 0.1);
	ck_assert_double_eq(influence_threshold(0, s, order), 0);
}
END_TEST

START_TEST(test_median)
{
	long odd[] = {3, 1, 2}, even[] = {1, 2, 3, 3}, some[] = {0, 4, 0, 2};
	long none[] = {0, 0};
	double m = -1;

	ck_assert_int_eq(influence_median_level(odd, 3, &m), 1);
	ck_assert_double_eq(m, 2);
	ck_assert_int_eq(influence_median_level(even, 4, &m), 1);
	ck_assert_double_eq(m, 2.5);
	ck_assert_int_eq(influence_median_level(some, 4, &m), 1);
	ck_assert_double_eq(m, 3);
	m = -1;
	ck_assert_int_eq(influence_median_level(none, 2, &m), 0);
	ck_assert_int_eq(influence_median_level(none, 0, &m), 0);
	ck_assert_double_eq(m, -1);
}
END_TEST

/* The rule at each boundary, on both sides. */
START_TEST(test_hidden_rule)
{
	struct influence_person p = {0.2, 1, 4, 0, 0};
	const int both = INFLUENCE_OUTSIDE | INFLUENCE_NO_STANCE;

	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), both);
	/* influence: at the threshold in, just below out */
	p.influence = 0.199999;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), 0);
	p.influence = 0.2;
	/* level: above the median in, at it out, no level out */
	p.level = 3;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), 0);
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 2.5), both);
	p.level = 2;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 2.5), 0);
	p.level = 0;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, -1), 0);
	p.level = 4;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 0, 3), 0);
	/* weight from a link: needed */
	p.weight_in = 0;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), 0);
	p.weight_in = 1;
	/* reasons */
	p.in_group = 1;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), INFLUENCE_NO_STANCE);
	p.stance_known = 1;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), 0);
	p.in_group = 0;
	ck_assert_int_eq(influence_hidden(&p, 0.2, 1, 3), INFLUENCE_OUTSIDE);
}
END_TEST

int
main(void)
{
	return unit_run(unit_suite(
	    "influence", test_advises_gives_weight_to_adviser,
	    test_influences_like_advises, test_allies_both_ways_rivals_nothing,
	    test_strength_is_weight, test_parallel_ties_add_up,
	    test_brokerage_path, test_brokerage_lengths,
	    test_brokerage_equal_lengths, test_brokerage_isolated_and_skipped,
	    test_brokerage_is_igraphs, test_weight_in_alone,
	    test_link_order_changes_nothing, test_small_networks,
	    test_igraph_errors_return, test_round, test_order, test_top,
	    test_threshold, test_median, test_hidden_rule, NULL));
}
