/*
 * The portfolio: every open deal at a glance, for the review where a
 * sales director decides where the resources go (METHOD.md, section 2:
 * "don't release the hawk before you see the rabbit").  Each deal's
 * verdict and investment are its last stored run's; its expected value
 * is its value now times that run's win likelihood; what is stale and
 * which red flags fly are as of today.  The store's query (store-
 * portfolio.c), the use case that gathers the rows (portfolio.c) and
 * the writers (portfolio-out.c: rows, Markdown, and a picture drawn
 * with cgraph).  May be included by kam-gate and by those files.
 */
#ifndef KAM_PORTFOLIO_H
#define KAM_PORTFOLIO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cgraph.h>

#include "kam/money.h"

struct store;
struct out;
struct out_col;

/* An open deal and its last stored run, as the store has them. */
struct portfolio_deal {
	int64_t id, account;
	const char *deal, *name; /* ACCOUNT/HANDLE, display name */
	const char *value, *currency, *close_on;
	const char *verdict, *level; /* the last run's; NULL: never run */
	int has_likelihood;
	double likelihood;   /* the last run's win likelihood */
	const char *checked; /* the last run's last-checked time */
};
/*
 * The open deals of an account (0: of every account), by deal, with
 * their last runs.
 */
int store_portfolio_each(struct store *, int64_t account,
                         int (*fn)(const struct portfolio_deal *, void *),
                         void *);

/* One row of the portfolio. */
struct portfolio_row {
	char *deal, *name, *verdict, *investment, *value, *currency, *close_on;
	char expected[MONEY_LEN]; /* "": unknown */
	long days_since_check;    /* -1: never run */
	long stale;               /* members observed over stale.days ago */
	char *flags;              /* red flag codes, ';' between; NULL none */
};
struct portfolio {
	char today[11];
	long stale_days;
	struct portfolio_row *rows; /* sorted: portfolio_sort */
	size_t n;
};

/*
 * Gathers the open deals of the accounts given (n 0: every account) as
 * of today.  The rows come sorted by portfolio_sort.
 */
int portfolio_load(struct store *, const int64_t *accounts, size_t n,
                   const char *today, struct portfolio *);
void portfolio_free(struct portfolio *);
/*
 * The order of the portfolio: expected value, largest first (amounts
 * compared as numbers, whatever their currency); deals without one
 * after, by value, largest first, then without a value; then by deal.
 */
void portfolio_sort(struct portfolio_row *, size_t);

/* Writers: the rows, in an out opened on the column table
 * portfolio_cols (out_open_cols). */
extern const struct out_col *const portfolio_cols;
void portfolio_write_rows(struct out *, const struct portfolio *);
void portfolio_write_md(FILE *, const struct portfolio *);
/*
 * The picture: one column per verdict (pursue, pursue-limited, qualify,
 * drop, then deals never assessed), each deal a cell in order of
 * expected value with its value, expected value (after an arrow), close
 * date, days since its last check, stale stances and flags;
 * at most PORTFOLIO_ROWS a column, the rest summed in a last cell.
 * Sized for fit (NULL: its own size); the caller writes it with
 * map_write and closes it with map_close.
 */
#define PORTFOLIO_ROWS 6
struct map_fit;
Agraph_t *portfolio_graph(const struct portfolio *, const char *title,
                          const char *font, const struct map_fit *);

#endif
