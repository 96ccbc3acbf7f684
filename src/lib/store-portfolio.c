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

#define F(f, k) STORE_FIELD(struct portfolio_deal, f, k)
STORE_ROWS(portfolio_rows, struct portfolio_deal, F(id, INT64),
           F(account, INT64), F(deal, TEXT), F(name, TEXT), F(value, TEXT),
           F(currency, TEXT), F(close_on, TEXT), F(verdict, TEXT),
           F(level, TEXT), F(has_likelihood, BOOL), F(likelihood, DOUBLE),
           F(checked, TEXT));
#undef F

int
store_portfolio_each(struct store *st, int64_t account,
                     int (*fn)(const struct portfolio_deal *, void *),
                     void *arg)
{
	static const char q[] =
	    "SELECT d.id, d.account_id, ac.handle || '/' || d.handle, d.name, "
	    "d.value, d.currency, d.close_on, r.verdict, "
	    "json_extract(r.snapshot, '$.investment.level'), "
	    "json_extract(r.snapshot, '$.investment.win_likelihood') "
	    "IS NOT NULL, "
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
	    "CASE WHEN r.snapshot::jsonb #>> '{investment,win_likelihood}' "
	    "IS NOT NULL THEN 1 ELSE 0 END, "
	    "(r.snapshot::jsonb #>> '{investment,win_likelihood}')"
	    "::double precision, "
	    "r.checked FROM deal d JOIN account ac ON ac.id = d.account_id "
	    "LEFT JOIN gate_run r ON r.deal_id = d.id AND r.number = "
	    "(SELECT max(number) FROM gate_run WHERE deal_id = d.id) "
	    "WHERE d.status = 'open' AND (?1 = 0 OR d.account_id = ?1) "
	    "ORDER BY ac.handle, d.handle";

	return store_each_read(st, store_stmt_dialect(st, q, q_pg),
	                       STORE_ARGS(STORE_INT(account)), &portfolio_rows,
	                       (store_fn)fn, arg, "the deals");
}
