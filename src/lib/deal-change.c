/*
 * The use cases that change a deal (kam-org deal add, set, close,
 * reopen): each loads the deal the frame resolved (deal add: checks the
 * new one's reference), asks the rules (deal.c)
 * whether the change may be made and which steps it makes, and writes
 * the deal and its history.  Refusals are reported here.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

/* Reports a refusal of the rules about deal r on day on. */
static int
refused(const struct deal_rec *r, enum deal_refusal why, const char *on,
        const char *today)
{
	switch (why) {
	case DEAL_FINE:
		return KAM_OK;
	case DEAL_FUTURE:
		return kam_err(
		    KAM_DATA,
		    _("date '%s' for --on is in the future (today is "
		      "%s)"),
		    on, today);
	case DEAL_CLOSED:
		return kam_err(
		    KAM_CONFLICT,
		    _("deal '%s' is already closed (%s on %s; reopen "
		      "it first)"),
		    r->ref, deal_status_word(r->status),
		    r->closed_on ? r->closed_on : "?");
	case DEAL_NOT_CLOSED:
		return kam_err(KAM_CONFLICT,
		               _("deal '%s' is open: nothing to "
		                 "reopen"),
		               r->ref);
	case DEAL_BEFORE_CLOSE:
		return kam_err(
		    KAM_DATA,
		    _("deal '%s' closed on %s: it cannot reopen on %s, "
		      "before"),
		    r->ref, r->closed_on, on);
	case DEAL_STATUS_OPEN:
		break;
	}
	return kam_err(KAM_USAGE, _("a deal closes won, lost or abandoned"));
}

static int
load(struct store *st, int64_t id, struct deal_rec *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = store_deal_rec_load(st, id, r)) == KAM_NOTFOUND)
		rc = kam_err(KAM_INTERNAL, _("cannot read a deal"));
	return rc;
}

/* Sets r's field to v (NULL or "" clears it). */
static void
put(char **field, const char *v)
{
	free(*field);
	*field = v != NULL && *v != '\0' ? xstrdup(v) : NULL;
}

/*
 * Records in the deal's history, on on, each field c changes in r, then
 * changes r; *n: how many changed.
 */
static int
fields_record(struct store *st, struct deal_rec *r, const struct deal_change *c,
              const char *on, size_t *n)
{
	struct deal_delta d[DEAL_NFIELDS];
	size_t i;
	int rc = KAM_OK;

	*n = deal_diff(r, c, d);
	for (i = 0; rc == KAM_OK && i < *n; i++)
		rc = store_deal_history_add(st, r->id, on, &d[i]);
	/* The steps point into r: the record changes once they are kept. */
	for (i = 0; rc == KAM_OK && i < DEAL_NFIELDS; i++)
		if (c->f[i] != NULL)
			put(&r->f[i], c->f[i]);
	return rc;
}

/*
 * Records r's new status (and its reason, when reason_changes) in the
 * deal's history on on, sets them with the closing date, saves r and
 * frees it.
 */
static int
status_save(struct store *st, struct deal_rec *r, const char *on,
            enum deal_status status, const char *closed_on, const char *reason,
            int reason_changes)
{
	struct deal_delta d;
	int rc;

	d.field = "status";
	d.old_value = deal_status_word(r->status);
	d.new_value = deal_status_word(status);
	rc = store_deal_history_add(st, r->id, on, &d);
	if (rc == KAM_OK && reason_changes) {
		d.field = "reason";
		d.old_value = r->reason;
		d.new_value = reason;
		rc = store_deal_history_add(st, r->id, on, &d);
	}
	r->status = status;
	put(&r->closed_on, closed_on);
	put(&r->reason, reason);
	if (rc == KAM_OK)
		rc = store_deal_rec_save(st, r);
	deal_rec_free(r);
	return rc;
}

int
deal_add(struct store *st, const char *ref, const char *dflt,
         const struct deal_change *c)
{
	struct ref r;
	struct deal_rec rec;
	int64_t account, id;
	int rc, i;

	if (!ref_parse(&r, ref, dflt))
		return store_ref_refused(NULL, "deal", ref, dflt);
	if ((rc = store_account_id(st, r.account, &account)) != KAM_OK)
		return rc;
	if (store_org_deal_lookup(st, account, r.handle) != 0)
		return kam_err(KAM_CONFLICT, _("deal '%s/%s' already exists"),
		               r.account, r.handle);
	if ((rc = store_ext_id_free(st, 1, account, 0, c->f[DEAL_EXT_ID])) !=
	    KAM_OK)
		return rc;
	memset(&rec, 0, sizeof rec);
	for (i = 0; i < DEAL_NFIELDS; i++)
		put(&rec.f[i], c->f[i]);
	rc = store_deal_insert(st, account, r.handle, &rec, "added", &id);
	deal_rec_free(&rec);
	return rc;
}

int
deal_set(struct store *st, int64_t deal, const struct deal_change *c,
         const char *on)
{
	struct deal_rec r;
	char today[KAM_DATE_LEN];
	size_t n;
	int rc;

	kam_today(today);
	if (on == NULL)
		on = today;
	if ((rc = load(st, deal, &r)) != KAM_OK ||
	    (rc = refused(&r, deal_change_check(on, today), on, today)) !=
	        KAM_OK ||
	    (rc = store_ext_id_free(st, 1, r.account, r.id,
	                            c->f[DEAL_EXT_ID])) != KAM_OK) {
		deal_rec_free(&r);
		return rc;
	}
	rc = fields_record(st, &r, c, on, &n);
	if (rc == KAM_OK && n > 0)
		rc = store_deal_rec_save(st, &r);
	deal_rec_free(&r);
	return rc;
}

int
deal_close(struct store *st, int64_t deal, enum deal_status status,
           const char *on, const char *reason)
{
	struct deal_rec r;
	char today[KAM_DATE_LEN];
	int rc;

	kam_today(today);
	if ((rc = load(st, deal, &r)) != KAM_OK ||
	    (rc = refused(&r, deal_close_check(&r, status, on, today), on,
	                  today)) != KAM_OK) {
		deal_rec_free(&r);
		return rc;
	}
	return status_save(st, &r, on, status, on, reason,
	                   reason != NULL && *reason != '\0');
}

int
deal_reopen(struct store *st, int64_t deal, const char *on)
{
	struct deal_rec r;
	char today[KAM_DATE_LEN];
	int rc;

	kam_today(today);
	if (on == NULL)
		on = today;
	if ((rc = load(st, deal, &r)) != KAM_OK ||
	    (rc = refused(&r, deal_reopen_check(&r, on, today), on, today)) !=
	        KAM_OK) {
		deal_rec_free(&r);
		return rc;
	}
	return status_save(st, &r, on, DEAL_OPEN, NULL, NULL, r.reason != NULL);
}

int
deal_sync(struct store *st, int64_t id, const struct deal_change *c,
          enum deal_status status, const char *closed_on, const char *on,
          int *changed)
{
	struct deal_rec r;
	struct deal_delta s;
	char today[KAM_DATE_LEN];
	size_t n;
	int rc;

	kam_today(today);
	*changed = 0;
	if ((rc = store_deal_rec_load(st, id, &r)) != KAM_OK)
		return rc == KAM_NOTFOUND
		           ? kam_err(KAM_INTERNAL, _("cannot read a deal"))
		           : rc;
	rc = fields_record(st, &r, c, on, &n);
	*changed = n > 0;
	/* A deal the CRM reopened, or closed another way, opens first. */
	if (rc == KAM_OK && r.status != status && r.status != DEAL_OPEN &&
	    (rc = refused(&r, deal_reopen_check(&r, on, today), on, today)) ==
	        KAM_OK) {
		s.field = "status";
		s.old_value = deal_status_word(r.status);
		s.new_value = deal_status_word(DEAL_OPEN);
		rc = store_deal_history_add(st, r.id, on, &s);
		if (rc == KAM_OK && r.reason != NULL) {
			s.field = "reason";
			s.old_value = r.reason;
			s.new_value = NULL;
			rc = store_deal_history_add(st, r.id, on, &s);
		}
		r.status = DEAL_OPEN;
		put(&r.closed_on, NULL);
		put(&r.reason, NULL);
		*changed = 1;
	}
	if (rc == KAM_OK && r.status != status &&
	    (rc = refused(&r, deal_close_check(&r, status, closed_on, today),
	                  closed_on, today)) == KAM_OK) {
		s.field = "status";
		s.old_value = deal_status_word(r.status);
		s.new_value = deal_status_word(status);
		rc = store_deal_history_add(st, r.id, closed_on, &s);
		r.status = status;
		put(&r.closed_on, closed_on);
		*changed = 1;
	}
	if (rc == KAM_OK && *changed)
		rc = store_deal_rec_save(st, &r);
	deal_rec_free(&r);
	return rc;
}
