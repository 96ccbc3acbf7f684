/*
 * Copying accounts from one store to another (kam copy, kam(7), COPYING
 * ACCOUNTS): each account with everything the store keeps about it,
 * its history in order, the observations chained anew on the target,
 * and the copy itself recorded there.  The use case is in copy.c, the
 * queries, prefixed store_copy_, in store-copy.c.  May be included by
 * the mains, the use case and store-copy.c.
 */
#ifndef KAM_COPY_H
#define KAM_COPY_H

#include <stddef.h>
#include <stdint.h>

#include "kam/chain.h"

struct store;

/* What a copy did. */
struct copy_summary {
	char *accounts;    /* the handles copied, in the source's order,
	                      joined by ", " */
	size_t naccounts;  /* how many */
	long observations; /* observations chained on the target */
	long source_rows;  /* the source's chain: its rows */
	long unseen;       /* of which the user may not read (other teams'):
	                      their links followed, their contents not verified */
	char source_head[CHAIN_HASH_LEN]; /* and its head */
	char *from, *to;                  /* the stores' names, as shown */
};

/*
 * Copies the accounts named (n of them; none: every account of the
 * source) from the store from to the store to, all or nothing: the
 * source's chain must verify, every account must exist there and none
 * on the target, and everything copied must refer only to what is
 * copied (or to competitors, sellers and criteria, found on the target
 * by handle, or added to it).  Reports its refusals; returns a kam
 * status.  s is filled on success (copy_summary_free).
 */
int kam_copy(const char *from, const char *to, char *const *accounts, size_t n,
             struct copy_summary *s);
void copy_summary_free(struct copy_summary *);

/* The store's side (store-copy.c). */

/*
 * The ids of the source's accounts named (n; none: all) in id order,
 * without repeats; an unknown handle is reported (KAM_NOTFOUND); no
 * account at all is KAM_NOTFOUND, reported.
 */
int store_copy_accounts(struct store *src, char *const *handles, size_t n,
                        int64_t **ids, size_t *nids);
/* The handle of an account (new string). */
char *store_copy_account_handle(struct store *, int64_t id);
/*
 * Refuses (KAM_CONFLICT, reported) an account of the source whose
 * handle, or CRM id, an account of the target has already.
 */
int store_copy_absent(struct store *src, struct store *dst, int64_t id);
/*
 * Inside a read transaction of src and a write transaction of dst:
 * copies the accounts ids (sorted) with their history; *observations
 * receives the rows chained.  A row that refers to an account not
 * copied is refused (KAM_CONFLICT, reported).
 */
int store_copy_history(struct store *src, struct store *dst, const int64_t *ids,
                       size_t n, long *observations);

/* The copy, as the target records it (table store_copy). */
struct copy_record {
	const char *source; /* the source's name, without a password */
	const char *source_head;
	long source_rows;
	const char *accounts;
	long observations;
};
int store_copy_record(struct store *dst, const struct copy_record *);

#endif
