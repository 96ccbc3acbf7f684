/*
 * Deals that move: a deal's record (name, value, currency, expected
 * close, stage, owner, cost, external id) changes over time and ends
 * won, lost or abandoned on a day, or is reopened; every change after
 * the deal was added is dated and kept in its history (kam-org deal
 * log).  The first part of this header is the rules, pure functions
 * over a deal's record (deal.c); the second the store's queries
 * (store-deal.c); the third the use cases that load, apply the rules
 * and write (deal-change.c, import-deal.c, and import-org.c for a
 * deal's roles).  May be included by kam-org and by those files.
 */
#ifndef KAM_DEAL_H
#define KAM_DEAL_H

#include <stddef.h>
#include <stdint.h>

/* Where a deal stands: open until closed one of three ways. */
enum deal_status {
	DEAL_OPEN,
	DEAL_WON,
	DEAL_LOST,
	DEAL_ABANDONED,
};
/* open, won, lost, abandoned; and back (-1 when unknown). */
const char *deal_status_word(enum deal_status);
int deal_status_parse(const char *);

/*
 * The fields of a deal that deal set changes, in the order of its
 * history's words (deal_field_word): name, value, currency, close,
 * stage, owner, cost, ext_id.
 */
enum deal_field {
	DEAL_NAME,
	DEAL_VALUE,
	DEAL_CURRENCY,
	DEAL_CLOSE,
	DEAL_STAGE,
	DEAL_OWNER,
	DEAL_COST,
	DEAL_EXT_ID,
	DEAL_NFIELDS
};
const char *deal_field_word(enum deal_field);

/* A deal as the store has it.  Fields NULL when not set. */
struct deal_rec {
	int64_t id, account;
	char *ref; /* ACCOUNT/HANDLE */
	char *f[DEAL_NFIELDS];
	enum deal_status status;
	char *closed_on, *reason;
};
void deal_rec_free(struct deal_rec *);

/* A change to it: f[i] NULL leaves a field alone, "" clears it. */
struct deal_change {
	const char *f[DEAL_NFIELDS];
};

/* One step of a deal's history. */
struct deal_delta {
	const char *field;
	const char *old_value, *new_value; /* NULL: not set */
};

/*
 * The steps a change makes, at most DEAL_NFIELDS, in field order: one
 * per field whose value differs (a field set to what it holds is no
 * change).  The strings point into the record and the change.
 */
size_t deal_diff(const struct deal_rec *, const struct deal_change *,
                 struct deal_delta *);

/* Why a change of status is refused; DEAL_FINE when it is not. */
enum deal_refusal {
	DEAL_FINE,
	DEAL_FUTURE,       /* the day is after today */
	DEAL_CLOSED,       /* closing a closed deal */
	DEAL_NOT_CLOSED,   /* reopening an open one */
	DEAL_BEFORE_CLOSE, /* reopening before the day it closed */
	DEAL_STATUS_OPEN,  /* closing as "open" */
};
/* Closing rec as status on day on, today being today. */
enum deal_refusal deal_close_check(const struct deal_rec *,
                                   enum deal_status status, const char *on,
                                   const char *today);
/* Reopening rec on day on. */
enum deal_refusal deal_reopen_check(const struct deal_rec *, const char *on,
                                    const char *today);
/* A change (deal set) dated on. */
enum deal_refusal deal_change_check(const char *on, const char *today);

/* --- Store queries (store-deal.c) --- */

struct store;

/* Loads a deal by id (KAM_NOTFOUND, not reported, if none). */
int store_deal_rec_load(struct store *, int64_t deal, struct deal_rec *);
/* Writes every field, the status, closed_on and reason of rec. */
int store_deal_rec_save(struct store *, const struct deal_rec *);
/* Appends one step to a deal's history, effective on, recorded now. */
int store_deal_history_add(struct store *, int64_t deal, const char *on,
                           const struct deal_delta *);
/*
 * Adds a deal to an account with rec's fields, status, closed_on and
 * reason, recorded now; origin is "added" or "imported".
 */
int store_deal_insert(struct store *, int64_t account, const char *handle,
                      const struct deal_rec *, const char *origin, int64_t *id);
/* The deal of an account with this external id (0: none). */
int64_t store_deal_ext_lookup(struct store *, int64_t account,
                              const char *ext_id);

/* One step of a deal's history, as deal log shows it. */
struct deal_event {
	const char *effective, *recorded, *actor, *field, *old_value,
	    *new_value;
};
/* A deal's history, by effective day then as recorded. */
int store_deal_log(struct store *, int64_t deal,
                   int (*fn)(const struct deal_event *, void *), void *);

/* --- Use cases (deal-change.c, import-deal.c) --- */

/*
 * The deal is the one the frame resolved (cli_subject), but deal add's,
 * which is new: its reference names the account, resolved here.
 *
 * kam-org deal set: the change dated on (NULL: today), each step into
 * the history.  An external id already another deal's in the account is
 * refused (KAM_CONFLICT); a day after today KAM_DATA.  Reported here.
 */
int deal_set(struct store *, int64_t deal, const struct deal_change *,
             const char *on);
/* kam-org deal add: a new deal with the change's fields (name needed). */
int deal_add(struct store *, const char *ref, const char *dflt_account,
             const struct deal_change *);
/* kam-org deal close: won, lost or abandoned on a day, with a reason. */
int deal_close(struct store *, int64_t deal, enum deal_status, const char *on,
               const char *reason);
/* kam-org deal reopen: open again from on (NULL: today). */
int deal_reopen(struct store *, int64_t deal, const char *on);
/*
 * A re-import's change to deal id: the change's fields dated on, then
 * its status: a closed deal whose status differs reopens on on, and a
 * deal to close closes on closed_on.  *changed says whether anything
 * did.  Refusals (a day in the future, reopening before the close) are
 * reported here.
 */
int deal_sync(struct store *, int64_t id, const struct deal_change *,
              enum deal_status, const char *closed_on, const char *on,
              int *changed);

/*
 * The columns of a deals file (kam-org import and export --kind deals),
 * NULL-terminated, the required ones first: deal, name.
 */
extern const char *const deal_file_cols[];
struct import_in;
/*
 * Imports the rows of a deals file whose header is read (import.h): new
 * deals of the account, checked row by row and written only when every
 * row is good (the caller's transaction holds them); *added counts
 * them.
 */
int deal_import(struct store *, int64_t account, struct import_in *,
                long *added);

#endif
