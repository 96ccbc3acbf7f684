/*
 * Influence: who carries weight in a client's informal network, whatever
 * their rank (METHOD.md, section 1.2: the buying group is not the org
 * chart).  Pure functions over arrays, computed with igraph: people are
 * indices 0 to n - 1, links come in as the store names them, and scores
 * come out; no SQL, no files, no terminal.  Also the rule of the
 * hidden-influencer flag.  May be included by influence.c, by
 * the organisation's use cases (org-influence.c), by store-influence.c
 * for the struct of a link, and by kam-org.
 */
#ifndef KAM_INFLUENCE_H
#define KAM_INFLUENCE_H

#include <stddef.h>

/* PageRank's damping factor. */
#define INFLUENCE_DAMPING 0.85
/* Scores are printed, and ordered, rounded to this many decimals. */
#define INFLUENCE_DECIMALS 6

/* An informal link between people from and to (indices). */
struct influence_link {
	size_t from, to;
	const char *kind; /* influences, advises, allies or rivals */
	int strength;     /* 1 to 3: the weight of the link */
};

struct influence_score {
	/* PageRank with damping 0.85 over the weights: 0 to 1, summing to
	 * 1 over the people. */
	double influence;
	/* Betweenness with 1/weight as the length of a tie, divided by
	 * (n - 1)(n - 2), the number of ordered pairs of other people: the
	 * share of shortest paths between others that pass through the
	 * person, 0 to 1. */
	double brokerage;
	/* The weight of the ties that give the person weight: 0 for
	 * someone who advises, influences and allies with nobody. */
	double weight_in;
};

/*
 * Scores n people.  "A advises B" and "A influences B" give B's weight
 * to A (a tie from B to A); "allies" gives it both ways; "rivals" not at
 * all.  Ties between the same two people in the same direction add up
 * into one, whose weight is the sum of their strengths.  Brokerage is
 * computed only when with_brokerage is set (it costs the most: a
 * shortest-path search from every person with a tie), else left 0.
 * Returns KAM_OK, or KAM_INTERNAL when the input is refused (a person
 * outside 0 to n - 1, a weight that is not positive);
 * influence_error() then says why.  Nothing aborts: igraph's own error
 * handler is replaced while it runs.
 */
int influence_compute(size_t n, const struct influence_link *, size_t nlinks,
                      int with_brokerage, struct influence_score *);
/*
 * The weight_in of each of n people alone (as influence_compute gives
 * it), without computing any score: what the hidden-influencer rule
 * asks first, to rank nobody when nobody could be flagged.  Links that
 * name someone outside 0 to n - 1 are left out.
 */
void influence_weight_in(size_t n, const struct influence_link *, size_t nlinks,
                         double *weight_in);
/* igraph's reason for the last failure of influence_compute. */
const char *influence_error(void);

/* A score rounded to INFLUENCE_DECIMALS decimals. */
double influence_round(double);

/*
 * The order of the ranking into order[0..n-1]: rounded influence, most
 * first; then rounded brokerage, most first; then handle, in byte order.
 * handles are distinct within an account, so the order is total.
 */
void influence_order(size_t n, const struct influence_score *,
                     const char *const *handles, size_t *order);
/*
 * The same without brokerage (computed or not): rounded influence, most
 * first; then level, the most senior (lowest number) first and an
 * unknown level (0) last; then handle.  levels NULL: influence_order.
 */
void influence_order_level(size_t n, const struct influence_score *,
                           const long *levels, const char *const *handles,
                           size_t *order);

/* How many people make the top tenth of n: n / 10, rounded up. */
size_t influence_top(size_t n);

/*
 * The least rounded influence in the top tenth: that of the person
 * ranked influence_top(n) in order.  Whoever has at least this much is
 * in the top tenth, so people tied with the last of it are in it too.
 * 0 when n is 0.
 */
double influence_threshold(size_t n, const struct influence_score *,
                           const size_t *order);

/*
 * The median of the levels given (0, unknown, is left out): the middle
 * one, or the mean of the two middle ones.  Returns 0 when no level is
 * known, 1 otherwise.
 */
int influence_median_level(const long *levels, size_t n, double *median);

/*
 * The hidden-influencer rule (kam-org check): a person who gets weight
 * from at least one link (weight_in > 0), is in the top tenth (rounded
 * influence at least the threshold), and whose level is known and
 * greater than the account's median level (a lower rank than the middle
 * of the hierarchy), while outside the buying group or of no known
 * stance.  Returns 0 when not flagged, else the reasons:
 * INFLUENCE_OUTSIDE and/or INFLUENCE_NO_STANCE.
 */
#define INFLUENCE_OUTSIDE   0x1
#define INFLUENCE_NO_STANCE 0x2
struct influence_person {
	double influence; /* rounded */
	double weight_in;
	long level; /* 0: unknown */
	int in_group, stance_known;
};
int influence_hidden(const struct influence_person *, double threshold,
                     int have_median, double median);

#endif
