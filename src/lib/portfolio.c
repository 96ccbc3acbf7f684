/*
 * portfolio: the use case of kam-gate portfolio.  Reads the open deals
 * with their last runs (store-portfolio.c), then, deal by deal, what
 * kam-org check and the group's red flags say today (store_gate_load,
 * gate_red_flags, org_record_flags), and sorts the rows.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/gate.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/portfolio.h"
#include "kam/store.h"

/* A deal as read, with its account, before today's flags. */
struct pending {
	int64_t id, account;
	struct portfolio_row row;
};
struct pending_list {
	struct pending *v;
	size_t n, cap;
	const char *today;
};

static int
add_deal(const struct portfolio_deal *d, void *arg)
{
	struct pending_list *l = arg;
	struct portfolio_row *r;
	struct pending *p;
	char day[KAM_DATE_LEN];

	p = KAM_PUSH(l->v, l->n, l->cap);
	p->id = d->id;
	p->account = d->account;
	r = &p->row;
	r->deal = xstrdup(d->deal);
	r->name = xstrdup(d->name);
	r->verdict = xstrdup_null(d->verdict);
	r->investment = xstrdup_null(d->level);
	r->value = xstrdup_null(d->value);
	r->currency = xstrdup_null(d->currency);
	r->close_on = xstrdup_null(d->close_on);
	/* The value now, weighed by the odds the last run gave. */
	if (d->value != NULL && d->has_likelihood)
		money_percent(d->value, (int)(d->likelihood * 100 + 0.5),
		              r->expected);
	r->days_since_check = -1;
	if (d->checked != NULL && strlen(d->checked) >= 10) {
		memcpy(day, d->checked, 10);
		day[10] = '\0';
		if (date_valid(day))
			r->days_since_check =
			    date_days(l->today) - date_days(day);
	}
	return KAM_OK;
}

/* The codes of the flags, each once, in the order they came. */
static void
add_code(struct buf *b, const char *code)
{
	size_t len = strlen(code);
	const char *p = b->s;

	while (p != NULL && (p = strstr(p, code)) != NULL) {
		if ((p == b->s || p[-1] == ';') &&
		    (p[len] == ';' || p[len] == '\0'))
			return;
		p += len;
	}
	if (b->len > 0)
		buf_puts(b, ";");
	buf_puts(b, code);
}

static int
add_record_flag(const struct org_flag *f, void *arg)
{
	add_code(arg, f->code);
	return KAM_OK;
}

/* Today's red flags of one deal and how many members are stale. */
static int
deal_flags(struct store *st, struct pending *p, const char *today)
{
	struct gate_assessment a;
	struct gate_flag *f = NULL;
	struct buf b = {0};
	size_t n = 0, i;
	int rc;

	if ((rc = org_record_flags(st, p->account, p->id, add_record_flag,
	                           &b)) != KAM_OK) {
		buf_free(&b);
		return rc;
	}
	if ((rc = gate_load(st, p->id, today, &a)) == KAM_OK) {
		gate_red_flags(&a, &f, &n);
		for (i = 0; i < n; i++) {
			add_code(&b, f[i].code);
			if (strcmp(f[i].code, "stale-stance") == 0)
				p->row.stale++;
		}
		gate_flags_free(f, n);
	}
	gate_assessment_free(&a);
	p->row.flags = b.s; /* NULL when none */
	return rc;
}

static int
by_portfolio(const void *x, const void *y)
{
	const struct portfolio_row *a = x, *b = y;
	int c;

	if (a->expected[0] && b->expected[0] &&
	    (c = money_cmp(a->expected, b->expected)) != 0)
		return -c;
	if (!a->expected[0] != !b->expected[0])
		return a->expected[0] ? -1 : 1;
	if (a->value != NULL && b->value != NULL &&
	    (c = money_cmp(a->value, b->value)) != 0)
		return -c;
	if ((a->value == NULL) != (b->value == NULL))
		return a->value != NULL ? -1 : 1;
	return strcmp(a->deal, b->deal);
}

void
portfolio_sort(struct portfolio_row *r, size_t n)
{
	if (n > 1)
		qsort(r, n, sizeof *r, by_portfolio);
}

int
portfolio_load(struct store *st, const int64_t *accounts, size_t naccounts,
               const char *today, struct portfolio *out)
{
	struct pending_list l = {.today = today};
	struct gate_params params;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(out->today, sizeof out->today, "%s", today);
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	rc = gate_params_load(st, &params);
	out->stale_days = (long)params.stale_days;
	if (naccounts == 0 && rc == KAM_OK)
		rc = store_portfolio_each(st, 0, add_deal, &l);
	for (i = 0; rc == KAM_OK && i < naccounts; i++)
		rc = store_portfolio_each(st, accounts[i], add_deal, &l);
	for (i = 0; rc == KAM_OK && i < l.n; i++)
		rc = deal_flags(st, &l.v[i], today);
	rc = store_end(st, rc);
	out->rows = xcalloc(l.n + 1, sizeof *out->rows);
	for (i = 0; i < l.n; i++)
		out->rows[i] = l.v[i].row;
	out->n = l.n;
	free(l.v);
	if (rc != KAM_OK) {
		portfolio_free(out);
		return rc;
	}
	portfolio_sort(out->rows, out->n);
	return KAM_OK;
}

void
portfolio_free(struct portfolio *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		struct portfolio_row *r = &p->rows[i];

		KAM_FREE(r->deal, r->name, r->verdict, r->investment, r->value,
		         r->currency, r->close_on, r->flags);
	}
	free(p->rows);
	memset(p, 0, sizeof *p);
}
