/*
 * org-influence: the use cases of influence in the informal network.
 * The ranking of kam-org influence, and kam-org check with its
 * hidden-influencer flags: each loads the network through the store
 * (store-influence.c), scores it with the pure rules of influence.c, and
 * hands back rows or flags.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/influence.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/reason.h"
#include "kam/stance.h"
#include "kam/store.h"

/* A network with its scores, and each person's place in the ranking. */
struct ranking {
	struct org_net net;
	struct influence_score *score;
	size_t *order; /* people, most influential first */
	size_t *rank;  /* 1-based, by person */
};

static void
ranking_free(struct ranking *r)
{
	store_org_net_free(&r->net);
	KAM_FREE(r->score, r->order, r->rank);
}

/*
 * full: with names and stances; brokerage: the ranking of kam-org
 * influence, ties broken by brokerage.  Without brokerage (the check,
 * whose top tenth is drawn by influence alone, ties with the last of it
 * in; kam-stance stale, which does not show it), betweenness, the
 * costly part, is not computed: full breaks ties by level, the check by
 * handle.
 */
static int
rank_people(struct store *st, int64_t account, int64_t deal, const char *as_of,
            int full, int brokerage, struct ranking *r)
{
	const char **handles;
	long *levels = NULL;
	size_t n, i;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = store_org_net_load(st, account, deal, as_of,
	                             ORG_NET_LINKS | (full ? ORG_NET_FULL : 0),
	                             &r->net)) != KAM_OK)
		return rc;
	n = r->net.npeople;
	r->score = xcalloc(n + 1, sizeof *r->score);
	r->order = xcalloc(n + 1, sizeof *r->order);
	r->rank = xcalloc(n + 1, sizeof *r->rank);
	if (influence_compute(n, r->net.links, r->net.nlinks, brokerage,
	                      r->score) != KAM_OK) {
		ranking_free(r);
		return kam_err(KAM_INTERNAL, _("cannot compute influence: %s"),
		               influence_error());
	}
	handles = xcalloc(n + 1, sizeof *handles);
	if (full && !brokerage)
		levels = xcalloc(n + 1, sizeof *levels);
	for (i = 0; i < n; i++) {
		handles[i] = r->net.people[i].handle;
		if (levels != NULL)
			levels[i] = r->net.people[i].level;
	}
	influence_order_level(n, r->score, levels, handles, r->order);
	free(handles);
	free(levels);
	/* Equal (rounded) influence, equal rank: 1, 2, 2, 4. */
	for (i = 0; i < n; i++) {
		size_t k = r->order[i], prev = i ? r->order[i - 1] : 0;
		int tie =
		    i > 0 && influence_round(r->score[k].influence) ==
		                 influence_round(r->score[prev].influence);

		r->rank[k] = tie ? r->rank[prev] : i + 1;
	}
	return KAM_OK;
}

int
org_influence(struct store *st, int64_t account, int64_t deal,
              const char *as_of, struct org_influence *out)
{
	return org_influence_by(st, account, deal, as_of, 1, out);
}

int
org_influence_by(struct store *st, int64_t account, int64_t deal,
                 const char *as_of, int brokerage, struct org_influence *out)
{
	struct ranking r;
	struct buf *roles;
	size_t n, i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = rank_people(st, account, deal, as_of, 1, brokerage, &r)) !=
	    KAM_OK)
		return rc;
	n = r.net.npeople;
	/* The roles of each person, in the store's order (deal, role). */
	roles = xcalloc(n + 1, sizeof *roles);
	for (i = 0; i < r.net.nroles; i++) {
		const struct org_net_role *x = &r.net.roles[i];
		struct buf *b = &roles[x->person];

		if (b->len > 0)
			buf_puts(b, ";");
		if (deal == 0)
			buf_printf(b, "%s:", x->deal_handle);
		buf_puts(b, x->role);
	}
	out->rows = xcalloc(n + 1, sizeof *out->rows);
	out->n = n;
	for (i = 0; i < n; i++) {
		size_t k = r.order[i];
		const struct org_net_person *p = &r.net.people[k];
		struct org_influence_row *row = &out->rows[i];

		row->id = p->id;
		xasprintf(&row->person, "%s/%s", r.net.account, p->handle);
		row->name = xstrdup(p->name);
		row->level = p->level;
		row->roles = roles[k].s; /* NULL when none */
		row->stance = p->stance;
		row->influence = influence_round(r.score[k].influence);
		row->brokerage = influence_round(r.score[k].brokerage);
	}
	free(roles);
	ranking_free(&r);
	return KAM_OK;
}

void
org_influence_free(struct org_influence *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		KAM_FREE(o->rows[i].person, o->rows[i].name, o->rows[i].roles);
	free(o->rows);
	memset(o, 0, sizeof *o);
}

int
map_load_influence(struct store *st, const struct map_query *q,
                   struct map_data *d)
{
	struct ranking r;
	size_t i;
	int rc;

	if ((rc = rank_people(st, q->account, 0, q->as_of, 0, 0, &r)) != KAM_OK)
		return rc;
	for (i = 0; i < r.net.npeople; i++) {
		struct map_person *p = map_find(d, r.net.people[i].id);

		if (p != NULL)
			p->influence = influence_round(r.score[i].influence);
	}
	ranking_free(&r);
	return KAM_OK;
}

struct deal_list {
	int64_t *id;
	char **handle;
	size_t n;
};

static int
add_deal(const struct org_deal *d, void *arg)
{
	struct deal_list *l = arg;

	l->id = xreallocarray(l->id, l->n + 1, sizeof *l->id);
	l->handle = xreallocarray(l->handle, l->n + 1, sizeof *l->handle);
	l->id[l->n] = d->id;
	l->handle[l->n++] = xstrdup(d->handle);
	return KAM_OK;
}

/* One person flagged about one deal. */
static int
hidden_flag(const struct org_net *net, size_t who, size_t rank,
            const char *deal, int why, double median,
            int (*fn)(const struct org_flag *, void *), void *arg)
{
	const struct org_net_person *p = &net->people[who];
	struct reason *r;
	char *subject;
	int rc;

	xasprintf(&subject, "%s/%s", net->account, p->handle);
	r = reason_code(
	    why == (INFLUENCE_OUTSIDE | INFLUENCE_NO_STANCE)
	        ? R_HIDDEN_OUTSIDE_UNKNOWN
	    : (why & INFLUENCE_OUTSIDE) ? R_HIDDEN_OUTSIDE
	                                : R_HIDDEN_UNKNOWN,
	    reason_text("%s", subject), reason_text("%ld", p->level),
	    reason_text("%g", median), reason_text("%zu", rank),
	    reason_text("%zu", net->npeople), reason_text("%s", net->account),
	    reason_text("%s", deal));
	rc = org_flag_say("hidden-influencer", subject, r, fn, arg);
	free(subject);
	return rc;
}

static int
double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return KAM_CMP(y, x);
}

/* The rank of rounded influence v among top (most first): one more than
 * the number of people above it, so equals share a rank. */
static size_t
rank_of(const double *top, size_t n, double v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (top[mid] > v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo + 1;
}

/* The people the rule flags about some deal: in the top tenth, with
 * weight from a link, below the median level (influence_hidden, as if
 * outside every group and of no known stance). */
struct candidates {
	struct influence_person *p;
	size_t *who, *rank, n;
	double threshold, median;
	int have_median;
};

static void
candidates_free(struct candidates *c)
{
	KAM_FREE(c->p, c->who, c->rank);
}

/* The median level of the network NET into C; returns whether someone is
 * below it (a level greater than the median's: levels count down from
 * the top). */
static int
below_median(const struct org_net *net, struct candidates *c)
{
	size_t n = net->npeople, i;
	long *levels = xcalloc(n + 1, sizeof *levels);
	int any = 0;

	for (i = 0; i < n; i++)
		levels[i] = net->people[i].level;
	c->have_median = influence_median_level(levels, n, &c->median);
	free(levels);
	for (i = 0; c->have_median && i < n && !any; i++)
		any = net->people[i].level > 0 &&
		      (double)net->people[i].level > c->median;
	return any;
}

/* Puts the candidates C in the ranking's order (influence_order), among
 * themselves, by their SCORE in the network NET, each with its rank in
 * TOP, the rounded influences of all, highest first. */
static void
candidates_order(struct candidates *c, const struct org_net *net,
                 const struct influence_score *score, const double *top)
{
	struct influence_score *cs = xcalloc(c->n, sizeof *cs);
	struct influence_person *p = xcalloc(c->n, sizeof *p);
	size_t *who = xcalloc(c->n, sizeof *who);
	const char **handles = xcalloc(c->n, sizeof *handles);
	size_t *order = xcalloc(c->n, sizeof *order), k;

	for (k = 0; k < c->n; k++) {
		cs[k] = score[c->who[k]];
		handles[k] = net->people[c->who[k]].handle;
	}
	influence_order(c->n, cs, handles, order);
	c->rank = xcalloc(c->n, sizeof *c->rank);
	for (k = 0; k < c->n; k++) {
		p[k] = c->p[order[k]];
		who[k] = c->who[order[k]];
		c->rank[k] = rank_of(top, net->npeople, p[k].influence);
	}
	free(c->p);
	free(c->who);
	c->p = p;
	c->who = who;
	free(cs);
	free(order);
	free(handles);
}

/*
 * The candidates of the network net (loaded without its links), most
 * influential first.  Only a person whose level is below the median and
 * who gets weight from a link can be flagged, so the links are read, and
 * PageRank computed, only when someone qualifies by level, then by
 * weight: in the usual pyramid, where the lowest level holds half the
 * people or more, nobody is below the median and nothing is ranked.
 */
static int
find_candidates(struct store *st, int64_t account, const char *as_of,
                struct org_net *net, struct candidates *c)
{
	struct influence_score *score = NULL;
	double *weight = NULL, *top = NULL;
	size_t n = net->npeople, i;
	int rc = KAM_OK, any = 0;

	memset(c, 0, sizeof *c);
	if (!below_median(net, c))
		return KAM_OK;
	if ((rc = store_org_net_links(st, account, as_of, net)) != KAM_OK)
		return rc;
	weight = xcalloc(n + 1, sizeof *weight);
	influence_weight_in(n, net->links, net->nlinks, weight);
	for (i = 0, any = 0; i < n && !any; i++)
		any = weight[i] > 0 && net->people[i].level > 0 &&
		      (double)net->people[i].level > c->median;
	free(weight);
	if (!any)
		return KAM_OK;
	score = xcalloc(n + 1, sizeof *score);
	if (influence_compute(n, net->links, net->nlinks, 0, score) != KAM_OK) {
		free(score);
		return kam_err(KAM_INTERNAL, _("cannot compute influence: %s"),
		               influence_error());
	}
	/* The threshold, and each rank, from the rounded influences alone:
	 * the order of the people within the top tenth matters only for
	 * those flagged. */
	top = xcalloc(n + 1, sizeof *top);
	for (i = 0; i < n; i++)
		top[i] = influence_round(score[i].influence);
	qsort(top, n, sizeof *top, double_desc);
	c->threshold = top[influence_top(n) - 1];
	for (i = 0; i < n; i++) {
		struct influence_person p = {
		    influence_round(score[i].influence), score[i].weight_in,
		    net->people[i].level, 0, 0};

		if (influence_hidden(&p, c->threshold, c->have_median,
		                     c->median) == 0)
			continue;
		c->p = xreallocarray(c->p, c->n + 1, sizeof *c->p);
		c->who = xreallocarray(c->who, c->n + 1, sizeof *c->who);
		c->p[c->n] = p;
		c->who[c->n++] = i;
	}
	if (c->n > 0)
		candidates_order(c, net, score, top);
	free(top);
	free(score);
	return KAM_OK;
}

/*
 * The hidden-influencer rule (influence_hidden) applied today, to each
 * deal: the people who qualify by influence and rank do not depend on
 * the deal, only whether they are in its buying group and whether their
 * stance about it is known.
 */
static int
hidden_flags(struct store *st, int64_t account, int64_t deal, const char *today,
             int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct deal_list deals = {NULL, NULL, 0};
	struct candidates c;
	struct org_net net;
	size_t i, j, d;
	int rc;

	if ((rc = store_org_net_load(st, account, deal, today, 0, &net)) !=
	    KAM_OK)
		return rc;
	if ((rc = find_candidates(st, account, today, &net, &c)) != KAM_OK) {
		store_org_net_free(&net);
		return rc;
	}
	if (c.n > 0 && deal != 0) {
		char *ref = store_deal_ref(st, deal);
		const char *slash = strchr(ref, '/');

		deals.id = xmalloc(sizeof *deals.id);
		deals.handle = xmalloc(sizeof *deals.handle);
		deals.id[0] = deal;
		deals.handle[0] = xstrdup(slash ? slash + 1 : ref);
		deals.n = 1;
		free(ref);
	} else if (c.n > 0) {
		rc = store_org_deals(st, account, 0, add_deal, &deals);
	}
	for (d = 0; rc == KAM_OK && d < deals.n; d++) {
		for (i = 0; rc == KAM_OK && i < c.n; i++) {
			const char *stance;
			int why;

			c.p[i].in_group = 0;
			for (j = 0; j < net.nroles; j++)
				if (net.roles[j].person == c.who[i] &&
				    net.roles[j].deal == deals.id[d])
					c.p[i].in_group = 1;
			rc = store_stance_get(st, net.people[c.who[i]].id, 0,
			                      deals.id[d], today, NULL, &stance,
			                      NULL);
			if (rc != KAM_OK)
				break;
			c.p[i].stance_known = stance != NULL;
			why = influence_hidden(&c.p[i], c.threshold,
			                       c.have_median, c.median);
			if (why != 0)
				rc = hidden_flag(&net, c.who[i], c.rank[i],
				                 deals.handle[d], why, c.median,
				                 fn, arg);
		}
	}
	for (d = 0; d < deals.n; d++)
		free(deals.handle[d]);
	free(deals.handle);
	free(deals.id);
	candidates_free(&c);
	store_org_net_free(&net);
	return rc;
}

int
org_hidden_flags(struct store *st, int64_t account, int64_t deal,
                 int (*fn)(const struct org_flag *, void *), void *arg)
{
	char today[KAM_DATE_LEN];
	int rc;

	if (account == 0)
		account = store_deal_account(st, deal);
	/* Without a link nobody has weight from one: nothing to flag, and
	 * nothing to compute. */
	if (!store_org_net_has_links(st, account))
		return KAM_OK;
	kam_today(today);
	/* One picture of the network and the stances. */
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	return store_end(st, hidden_flags(st, account, deal, today, fn, arg));
}

int
org_check_flags(struct store *st, int64_t account, int64_t deal,
                int (*fn)(const struct org_flag *, void *), void *arg)
{
	int rc = org_record_flags(st, account, deal, fn, arg);

	return rc == KAM_OK ? org_hidden_flags(st, account, deal, fn, arg) : rc;
}

struct text_fn {
	void (*fn)(const char *, void *);
	void *arg;
};

static int
flag_text(const struct org_flag *f, void *arg)
{
	struct text_fn *t = arg;

	t->fn(f->message, t->arg);
	return KAM_OK;
}

int
org_check(struct store *st, int64_t account, int64_t deal,
          void (*fn)(const char *, void *), void *arg)
{
	struct text_fn t = {fn, arg};

	return org_check_flags(st, account, deal, flag_text, &t);
}
