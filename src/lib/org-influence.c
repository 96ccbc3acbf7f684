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
	free(r->score);
	free(r->order);
	free(r->rank);
}

/*
 * full: the ranking of kam-org influence, with stances and brokerage;
 * else the check's, which needs neither: its top tenth is drawn by
 * influence alone (ties with the last of it are in).
 */
static int
rank_people(struct store *st, int64_t account, int64_t deal, const char *as_of,
            int full, struct ranking *r)
{
	const char **handles;
	size_t n, i;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = store_org_net_load(st, account, deal, as_of, full,
	                             &r->net)) != KAM_OK)
		return rc;
	n = r->net.npeople;
	r->score = xcalloc(n + 1, sizeof *r->score);
	r->order = xcalloc(n + 1, sizeof *r->order);
	r->rank = xcalloc(n + 1, sizeof *r->rank);
	if (influence_compute(n, r->net.links, r->net.nlinks, full, r->score) !=
	    KAM_OK) {
		ranking_free(r);
		return kam_err(KAM_INTERNAL, _("cannot compute influence: %s"),
		               influence_error());
	}
	handles = xcalloc(n + 1, sizeof *handles);
	for (i = 0; i < n; i++)
		handles[i] = r->net.people[i].handle;
	influence_order(n, r->score, handles, r->order);
	free(handles);
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
	struct ranking r;
	struct buf *roles;
	size_t n, i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = rank_people(st, account, deal, as_of, 1, &r)) != KAM_OK)
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

	for (i = 0; i < o->n; i++) {
		free(o->rows[i].person);
		free(o->rows[i].name);
		free(o->rows[i].roles);
	}
	free(o->rows);
	memset(o, 0, sizeof *o);
}

int
graph_influence(struct store *st, const struct map_query *q, struct map_data *d)
{
	struct ranking r;
	size_t i;
	int rc;

	if ((rc = rank_people(st, q->account, 0, q->as_of, 0, &r)) != KAM_OK)
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
hidden_flag(const struct ranking *r, size_t who, const char *deal, int why,
            double median, int (*fn)(const struct org_flag *, void *),
            void *arg)
{
	const struct org_net_person *p = &r->net.people[who];
	struct org_flag f;
	char *subject, *msg;
	int rc;

	xasprintf(&subject, "%s/%s", r->net.account, p->handle);
	xasprintf(&msg,
	          "'%s' (level %ld, below the median level %g) is in the top "
	          "tenth by influence (rank %zu of %zu) and %s '%s/%s'%s",
	          subject, p->level, median, r->rank[who], r->net.npeople,
	          (why & INFLUENCE_OUTSIDE) ? "is outside the buying group of"
	                                    : "has no known stance on",
	          r->net.account, deal,
	          why == (INFLUENCE_OUTSIDE | INFLUENCE_NO_STANCE)
	              ? ", with no known stance"
	              : "");
	f.code = "hidden-influencer";
	f.subject = subject;
	f.message = msg;
	rc = fn(&f, arg);
	free(msg);
	free(subject);
	return rc;
}

/*
 * The hidden-influencer rule (influence_hidden) applied today, to each
 * deal: the people who qualify by influence and rank do not depend on
 * the deal, only whether they are in its buying group and whether their
 * stance about it is known.
 */
int
org_hidden_flags(struct store *st, int64_t account, int64_t deal,
                 int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct deal_list deals = {NULL, NULL, 0};
	struct ranking r;
	struct influence_person *cand = NULL;
	size_t *who = NULL, ncand = 0, n, i, j, d;
	char today[KAM_DATE_LEN];
	long *levels;
	double median = 0, threshold;
	int rc, have_median;

	if (account == 0)
		account = store_deal_account(st, deal);
	/* Without a link nobody has weight from one: nothing to flag, and
	 * nothing to compute. */
	if (!store_org_net_has_links(st, account))
		return KAM_OK;
	kam_today(today);
	if ((rc = rank_people(st, account, deal, today, 0, &r)) != KAM_OK)
		return rc;
	n = r.net.npeople;
	levels = xcalloc(n + 1, sizeof *levels);
	for (i = 0; i < n; i++)
		levels[i] = r.net.people[i].level;
	have_median = influence_median_level(levels, n, &median);
	free(levels);
	/* The candidates, in ranking order: those flagged when outside the
	 * group and of no known stance. */
	threshold = influence_threshold(n, r.score, r.order);
	for (i = 0; i < n; i++) {
		size_t k = r.order[i];
		struct influence_person p = {
		    influence_round(r.score[k].influence), r.score[k].weight_in,
		    r.net.people[k].level, 0, 0};

		if (p.influence < threshold)
			break;
		if (influence_hidden(&p, threshold, have_median, median) == 0)
			continue;
		cand = xreallocarray(cand, ncand + 1, sizeof *cand);
		who = xreallocarray(who, ncand + 1, sizeof *who);
		cand[ncand] = p;
		who[ncand++] = k;
	}
	if (ncand > 0 && deal != 0) {
		char *ref = store_deal_ref(st, deal);
		const char *slash = strchr(ref, '/');

		deals.id = xmalloc(sizeof *deals.id);
		deals.handle = xmalloc(sizeof *deals.handle);
		deals.id[0] = deal;
		deals.handle[0] = xstrdup(slash ? slash + 1 : ref);
		deals.n = 1;
		free(ref);
	} else if (ncand > 0) {
		rc = store_org_deals(st, account, 0, add_deal, &deals);
	}
	for (d = 0; rc == KAM_OK && d < deals.n; d++) {
		for (i = 0; rc == KAM_OK && i < ncand; i++) {
			const char *stance;
			int why;

			cand[i].in_group = 0;
			for (j = 0; j < r.net.nroles; j++)
				if (r.net.roles[j].person == who[i] &&
				    r.net.roles[j].deal == deals.id[d])
					cand[i].in_group = 1;
			rc = store_stance_get(st, r.net.people[who[i]].id, 0,
			                      deals.id[d], today, NULL, &stance,
			                      NULL);
			if (rc != KAM_OK)
				break;
			cand[i].stance_known = stance != NULL;
			why = influence_hidden(&cand[i], threshold, have_median,
			                       median);
			if (why != 0)
				rc = hidden_flag(&r, who[i], deals.handle[d],
				                 why, median, fn, arg);
		}
	}
	for (d = 0; d < deals.n; d++)
		free(deals.handle[d]);
	free(deals.handle);
	free(deals.id);
	free(cand);
	free(who);
	ranking_free(&r);
	return rc;
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
