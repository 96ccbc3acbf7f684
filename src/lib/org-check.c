/*
 * The red flags of the records (a use case of kam-org check, kam-gate's
 * report and the portfolio): the store loads the rows, the rules of
 * org.c decide (org_deal_flags, org_rank_inversions).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

/* A deal's role holders, their texts copied. */
static int
add_holder(const struct org_holder *h, void *hs)
{
	struct org_holder *x = kam_array_add(hs, sizeof *x);

	x->who = xstrdup(h->who);
	x->role = xstrdup(h->role);
	x->left_on = h->left_on != NULL ? xstrdup(h->left_on) : NULL;
	x->placeholder = h->placeholder;
	return KAM_OK;
}

static int
deal_flags(struct store *st, int64_t deal,
           int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct kam_array hs = {0};
	struct org_holder *h;
	char *ref = store_deal_ref(st, deal);
	size_t i;
	int rc;

	if ((rc = store_org_holders(st, deal, add_holder, &hs)) == KAM_OK)
		rc = org_deal_flags(ref, hs.v, hs.n, fn, arg);
	for (h = hs.v, i = 0; i < hs.n; i++) {
		free((char *)h[i].who);
		free((char *)h[i].role);
		free((char *)h[i].left_on);
	}
	free(hs.v);
	free(ref);
	return rc;
}

/* What the rank inversions are decided over: the people's ranks and the
 * dotted lines. */
static int
add_rank(const struct org_rank *r, void *people)
{
	*(struct org_rank *)kam_array_add(people, sizeof *r) = *r;
	return KAM_OK;
}

static int
add_dotted(const struct org_rank_line *l, void *dotted)
{
	*(struct org_rank_line *)kam_array_add(dotted, sizeof *l) = *l;
	return KAM_OK;
}

/* An inversion with the names it is shown with, to sort by them. */
struct shown {
	const struct org_inversion *x;
	char *who, *boss;
};

static int
shown_cmp(const void *a, const void *b)
{
	const struct shown *x = a, *y = b;
	int c = strcmp(x->who, y->who);

	return c ? c : strcmp(x->boss, y->boss);
}

/* The rank inversions of an account, in the order of the names shown. */
static int
rank_flags(struct store *st, int64_t account,
           int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct kam_array people = {0}, dotted = {0};
	struct org_inversion *inv = NULL;
	struct shown *sh = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = store_org_ranks(st, account, add_rank, &people)) == KAM_OK &&
	    (rc = store_org_dotted_ranks(st, account, add_dotted, &dotted)) ==
	        KAM_OK)
		n = org_rank_inversions(people.v, people.n, dotted.v, dotted.n,
		                        &inv);
	sh = xcalloc(n + 1, sizeof *sh);
	for (i = 0; rc == KAM_OK && i < n; i++) {
		sh[i].x = &inv[i];
		rc = store_org_line_names(st, inv[i].who, inv[i].boss,
		                          &sh[i].who, &sh[i].boss);
		if (rc == KAM_OK && (sh[i].who == NULL || sh[i].boss == NULL))
			rc = kam_err(KAM_INTERNAL, _("cannot read the people"));
	}
	if (rc == KAM_OK && n > 1)
		qsort(sh, n, sizeof *sh, shown_cmp);
	for (i = 0; rc == KAM_OK && i < n; i++)
		rc =
		    org_inversion_flag(sh[i].x, sh[i].who, sh[i].boss, fn, arg);
	for (i = 0; i < n; i++) {
		free(sh[i].who);
		free(sh[i].boss);
	}
	free(sh);
	free(inv);
	free(people.v);
	free(dotted.v);
	return rc;
}

/* The ids of an account's deals, into a kam_array of int64_t. */
static int
add_deal(const struct org_deal *d, void *ids)
{
	*(int64_t *)kam_array_add(ids, sizeof d->id) = d->id;
	return KAM_OK;
}

int
org_record_flags(struct store *st, int64_t account, int64_t deal,
                 int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct kam_array deals = {0};
	const int64_t *id;
	size_t i;
	int rc;

	if (deal != 0)
		return deal_flags(st, deal, fn, arg);
	if ((rc = rank_flags(st, account, fn, arg)) == KAM_OK && account != 0)
		rc = store_org_deals(st, account, 0, add_deal, &deals);
	for (id = deals.v, i = 0; rc == KAM_OK && i < deals.n; i++)
		rc = deal_flags(st, id[i], fn, arg);
	free(deals.v);
	return rc;
}
