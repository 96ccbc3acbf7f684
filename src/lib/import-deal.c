/*
 * Importing deals from CSV (kam-org import --kind deals), the format
 * kam-org export --kind deals writes: one row per deal with its record
 * and its outcome.  New deals only; a deal or external id the account
 * already has is refused.  A bad row rejects the whole file with
 * FILE:LINE: (the caller's transaction is rolled back).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/import.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/money.h"
#include "kam/org.h"
#include "kam/store.h"

#define DEAL_COLS(C)                                                           \
	C(C_DEAL, "deal")                                                      \
	C(C_NAME, "name")                                                      \
	C(C_VALUE, "value")                                                    \
	C(C_CURRENCY, "currency")                                              \
	C(C_CLOSE, "close")                                                    \
	C(C_STAGE, "stage")                                                    \
	C(C_OWNER, "owner")                                                    \
	C(C_COST, "cost")                                                      \
	C(C_EXT_ID, "ext_id")                                                  \
	C(C_STATUS, "status")                                                  \
	C(C_CLOSED_ON, "closed_on")                                            \
	C(C_REASON, "reason")
enum { DEAL_COLS(IMPORT_PLACE) };
const char *const deal_file_cols[] = {DEAL_COLS(IMPORT_NAME) NULL};

/* The field of column c, "" when the file has no such column. */
static const char *
field(char **f, const int *idx, int c)
{
	return idx[c] >= 0 ? f[idx[c]] : "";
}

static int
check_amount(const char *where, const char *what, const char *s, char *out)
{
	enum money_status m = money_parse(s, out);

	if (m != MONEY_OK)
		return kam_err(KAM_DATA, _("%s: invalid %s '%s' (%s)"), where,
		               what, s, _(money_rule(m)));
	return KAM_OK;
}

/* Checks the row's deal handle, with or without ACCT's handle before it,
 * into *handle. */
static int
check_handle(const char *where, char **f, const int *idx, const char *acct,
             const char **handle)
{
	const char *h = field(f, idx, C_DEAL);
	size_t n = strlen(acct);

	if (strncmp(h, acct, n) == 0 && h[n] == '/')
		h += n + 1;
	if (strchr(h, '/') != NULL)
		return kam_err(KAM_DATA,
		               _("%s: deal '%s' is in another account"), where,
		               field(f, idx, C_DEAL));
	if (!handle_ok(h))
		return kam_err(KAM_DATA, _("%s: invalid deal handle '%s' (%s)"),
		               where, h,
		               _("use letters, digits, '.', '_' and '-'"));
	*handle = h;
	return KAM_OK;
}

/* Checks deal H's status, closed_on date and reason into rec: an open
 * deal has neither date nor reason, a closed one has a date. */
static int
check_status(const char *where, char **f, const int *idx, const char *h,
             struct deal_rec *rec)
{
	const char *s = field(f, idx, C_STATUS);
	int rc, k;

	if ((k = *s == '\0' ? DEAL_OPEN : deal_status_parse(s)) < 0)
		return kam_err(
		    KAM_DATA,
		    _("%s: unknown status '%s' (use open, won, lost or "
		      "abandoned)"),
		    where, s);
	rec->status = (enum deal_status)k;
	s = field(f, idx, C_CLOSED_ON);
	if (rec->status == DEAL_OPEN) {
		if (*s != '\0')
			return kam_err(KAM_DATA,
			               _("%s: deal '%s' is open but has a "
			                 "closed_on date"),
			               where, h);
		if (*field(f, idx, C_REASON) != '\0')
			return kam_err(
			    KAM_DATA,
			    _("%s: deal '%s' is open but has a reason"), where,
			    h);
		return KAM_OK;
	}
	if (*s == '\0')
		return kam_err(KAM_DATA,
		               _("%s: deal '%s' is %s but has no closed_on "
		                 "date"),
		               where, h, deal_status_word(rec->status));
	if ((rc = date_check_past(where, "closed_on", s)) != KAM_OK)
		return rc;
	rec->closed_on = (char *)s;
	if (*field(f, idx, C_REASON) != '\0')
		rec->reason = (char *)field(f, idx, C_REASON);
	return KAM_OK;
}

/*
 * Checks one row into rec (its strings point into the row or into
 * value and cost) and its handle into *handle.
 */
static int
check_row(const char *where, char **f, const int *idx, const char *acct,
          struct deal_rec *rec, const char **handle, char *value, char *cost)
{
	static const int lines[] = {C_NAME, C_CURRENCY, C_STAGE, C_OWNER,
	                            C_EXT_ID};
	const char *h, *s;
	size_t i;
	int rc;

	if ((rc = check_handle(where, f, idx, acct, handle)) != KAM_OK)
		return rc;
	h = *handle;
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if ((rc = text_check(where, deal_file_cols[lines[i]],
		                     field(f, idx, lines[i]), TEXT_LINE)) !=
		    KAM_OK)
			return rc;
	if ((rc = text_check(where, "reason", field(f, idx, C_REASON),
	                     TEXT_FREE)) != KAM_OK)
		return rc;
	if (*field(f, idx, C_NAME) == '\0')
		return kam_err(KAM_DATA, _("%s: deal '%s' has no name"), where,
		               h);
	memset(rec, 0, sizeof *rec);
	rec->f[DEAL_NAME] = (char *)field(f, idx, C_NAME);
	if (*(s = field(f, idx, C_VALUE)) != '\0') {
		if ((rc = check_amount(where, "value", s, value)) != KAM_OK)
			return rc;
		rec->f[DEAL_VALUE] = value;
	}
	if (*(s = field(f, idx, C_COST)) != '\0') {
		if ((rc = check_amount(where, "cost", s, cost)) != KAM_OK)
			return rc;
		rec->f[DEAL_COST] = cost;
	}
	if (*(s = field(f, idx, C_CLOSE)) != '\0' &&
	    (rc = date_check(where, "close", s)) != KAM_OK)
		return rc;
	rec->f[DEAL_CURRENCY] = (char *)field(f, idx, C_CURRENCY);
	rec->f[DEAL_CLOSE] = (char *)field(f, idx, C_CLOSE);
	rec->f[DEAL_STAGE] = (char *)field(f, idx, C_STAGE);
	rec->f[DEAL_OWNER] = (char *)field(f, idx, C_OWNER);
	rec->f[DEAL_EXT_ID] = (char *)field(f, idx, C_EXT_ID);
	for (i = 0; i < DEAL_NFIELDS; i++)
		if (rec->f[i] != NULL && *rec->f[i] == '\0')
			rec->f[i] = NULL;
	return check_status(where, f, idx, h, rec);
}

int
deal_import(struct store *st, int64_t account, struct import_in *in,
            long *added)
{
	const char *h = NULL;
	char value[MONEY_LEN], cost[MONEY_LEN];
	char *acct, *ref;
	struct deal_rec rec;
	int rc = KAM_OK, got;
	int64_t id;

	acct = store_org_account_handle(st, account);
	while (rc == KAM_OK && (got = import_next(in)) == 1) {
		const char *where = import_where(in);

		if ((rc = check_row(where, in->f, in->idx, acct, &rec, &h,
		                    value, cost)) != KAM_OK)
			break;
		if (store_org_deal_lookup(st, account, h) != 0) {
			rc = kam_err(KAM_CONFLICT,
			             _("%s: deal '%s/%s' already exists"),
			             where, acct, h);
			break;
		}
		if (rec.f[DEAL_EXT_ID] != NULL &&
		    (id = store_deal_ext_lookup(st, account,
		                                rec.f[DEAL_EXT_ID])) != 0) {
			ref = store_deal_ref(st, id);
			rc = kam_err(KAM_CONFLICT,
			             _("%s: external id '%s' is already deal "
			               "'%s''s"),
			             where, rec.f[DEAL_EXT_ID], ref);
			free(ref);
			break;
		}
		rc = store_deal_insert(st, account, h, &rec, "imported", &id);
		if (rc == KAM_OK)
			(*added)++;
	}
	free(acct);
	if (rc == KAM_OK && got < 0)
		rc = in->status;
	return rc;
}
