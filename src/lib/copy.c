/*
 * kam copy: accounts with their history from one store to another, in
 * one write transaction of the target and one snapshot of the source
 * (kam(7), COPYING ACCOUNTS).  The source's chain is verified first, and
 * its head and length recorded with the copy on the target, so that the
 * move can be checked against the source later.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/copy.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

void
copy_summary_free(struct copy_summary *s)
{
	KAM_FREE(s->accounts, s->from, s->to);
	memset(s, 0, sizeof *s);
}

/* The handles of ids, in order, joined by ", " (new string). */
static char *
handles(struct store *src, const int64_t *ids, size_t n)
{
	struct buf b = {NULL, 0, 0};

	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++) {
		char *h = store_copy_account_handle(src, ids[i]);

		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, h);
		free(h);
	}
	return b.s;
}

/* Inside the source's snapshot: the checks, then the copy. */
static int
copy_in(struct store *src, struct store *dst, char *const *accounts, size_t n,
        struct copy_summary *out)
{
	struct stance_verdict v;
	struct copy_record rec;
	int64_t *ids = NULL;
	size_t nids = 0;
	int rc;

	rc = store_stance_verify(src, &v);
	if (rc == KAM_FALSE)
		return kam_err(KAM_DATA,
		               _("store '%s' does not verify (run 'kam-stance "
		                 "verify' on it): nothing copied"),
		               store_path(src));
	if (rc != KAM_OK)
		return rc;
	if ((rc = store_copy_accounts(src, accounts, n, &ids, &nids)) != KAM_OK)
		return rc;
	if ((rc = store_begin(dst, STORE_TX_WRITE)) != KAM_OK) {
		free(ids);
		return rc;
	}
	for (size_t i = 0; i < nids && rc == KAM_OK; i++)
		rc = store_copy_absent(src, dst, ids[i]);
	if (rc == KAM_OK)
		rc =
		    store_copy_history(src, dst, ids, nids, &out->observations);
	if (rc == KAM_OK) {
		out->accounts = handles(src, ids, nids);
		out->naccounts = nids;
		out->source_rows = (long)(v.n + v.unseen);
		out->unseen = (long)v.unseen;
		memcpy(out->source_head, v.head, sizeof out->source_head);
		memset(&rec, 0, sizeof rec);
		rec.source = store_path(src);
		rec.source_head = v.head;
		rec.source_rows = out->source_rows;
		rec.accounts = out->accounts;
		rec.observations = out->observations;
		rc = store_copy_record(dst, &rec);
	}
	free(ids);
	return store_end(dst, rc);
}

int
kam_copy(const char *from, const char *to, char *const *accounts, size_t n,
         struct copy_summary *out)
{
	struct store *src = NULL, *dst = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (strcmp(from, to) == 0)
		return kam_err(KAM_USAGE,
		               _("--from and --to name the same store '%s'"),
		               from);
	if ((rc = kam_clock_check()) != KAM_OK)
		return rc;
	store_init_library();
	if ((rc = store_open(&src, from, STORE_READ)) != KAM_OK)
		return rc;
	if ((rc = store_open(&dst, to, STORE_WRITE)) != KAM_OK) {
		store_close(src);
		return rc;
	}
	if ((rc = store_begin(src, STORE_TX_READ)) == KAM_OK)
		rc = store_end(src, copy_in(src, dst, accounts, n, out));
	if (rc == KAM_OK) {
		out->from = xstrdup(store_path(src));
		out->to = xstrdup(store_path(dst));
	} else
		copy_summary_free(out);
	store_close(dst);
	store_close(src);
	return rc;
}
