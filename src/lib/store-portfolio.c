/*
 * The portfolio's query: the open deals with their last stored run, the
 * verdict and the investment read from the run's snapshot.
 */
#include <config.h>

#include <stdlib.h>

#include "kam/kam.h"
#include "kam/portfolio.h"
#include "kam/store.h"

#include "store-int.h"

static const char *
col(db_stmt *s, int i)
{
	return (const char *)db_column_text(s, i);
}

static int
portfolio_row(db_stmt *s, store_fn fn, void *arg)
{
	struct portfolio_deal d;

	d.id = db_column_int64(s, 0);
	d.account = db_column_int64(s, 1);
	d.deal = col(s, 2);
	d.name = col(s, 3);
	d.value = col(s, 4);
	d.currency = col(s, 5);
	d.close_on = col(s, 6);
	d.verdict = col(s, 7);
	d.level = col(s, 8);
	d.has_likelihood = db_column_type(s, 9) != DB_NULL;
	d.likelihood = db_column_double(s, 9);
	d.checked = col(s, 10);
	return STORE_HAND(struct portfolio_deal, fn, &d, arg);
}

int
store_portfolio_each(struct store *st, int64_t account,
                     int (*fn)(const struct portfolio_deal *, void *),
                     void *arg)
{
	static const char q[] =
	    "SELECT d.id, d.account_id, ac.handle || '/' || d.handle, d.name, "
	    "d.value, d.currency, d.close_on, r.verdict, "
	    "json_extract(r.snapshot, '$.investment.level'), "
	    "json_extract(r.snapshot, '$.investment.win_likelihood'), "
	    "r.checked FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id AND r.number = "
	    "(SELECT max(number) FROM gate_run WHERE deal_id = d.id) "
	    "WHERE d.status = 'open' AND (?1 = 0 OR d.account_id = ?1) "
	    "ORDER BY ac.handle, d.handle";
	static const char q_pg[] =
	    "SELECT d.id, d.account_id, ac.handle || '/' || d.handle, d.name, "
	    "d.value, d.currency, d.close_on, r.verdict, "
	    "r.snapshot::jsonb #>> '{investment,level}', "
	    "(r.snapshot::jsonb #>> '{investment,win_likelihood}')"
	    "::double precision, "
	    "r.checked FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id AND r.number = "
	    "(SELECT max(number) FROM gate_run WHERE deal_id = d.id) "
	    "WHERE d.status = 'open' AND (?1 = 0 OR d.account_id = ?1) "
	    "ORDER BY ac.handle, d.handle";

	return store_each_to(st, store_stmt_dialect(st, q, q_pg),
	                     STORE_ARGS(STORE_INT(account)), portfolio_row,
	                     (store_fn)fn, arg, "the deals");
}
