/*
 * The SQL of a deal's record and its history (deal.h): loading a deal,
 * writing it back, appending to its history, finding it by external id,
 * and adding one.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/deal.h"
#include "kam/kam.h"
#include "kam/store.h"

#include "store-int.h"

int
store_deal_rec_load(struct store *st, int64_t deal, struct deal_rec *r)
{
	static const char q[] =
	    "SELECT d.account_id, a.handle || '/' || d.handle, d.name, "
	    "d.value, d.currency, d.close_on, d.stage, d.owner, d.cost, "
	    "d.ext_id, d.status, d.closed_on, d.reason FROM deal d "
	    "JOIN account a ON a.id = d.account_id WHERE d.id = ?";
	db_stmt *s = store_stmt(st, q);
	int i, k;

	memset(r, 0, sizeof *r);
	if (!store_first(st, s, STORE_ARGS(STORE_INT(deal)), "the deal"))
		return store_failed_or(st, KAM_NOTFOUND);
	r->id = deal;
	r->account = db_column_int64(s, 0);
	r->ref = store_col_dup(s, 1);
	for (i = 0; i < DEAL_NFIELDS; i++)
		r->f[i] = store_col_dup(s, 2 + i);
	k = deal_status_parse((const char *)db_column_text(s, 10));
	r->status = k < 0 ? DEAL_OPEN : (enum deal_status)k;
	r->closed_on = store_col_dup(s, 11);
	r->reason = store_col_dup(s, 12);
	db_reset(s);
	return KAM_OK;
}

/*
 * Binds a record's fields, then its status, closing date and reason, from
 * parameter first on.
 */
static void
bind_rec(db_stmt *s, int first, const struct deal_rec *r)
{
	int i;

	for (i = 0; i < DEAL_NFIELDS; i++)
		store_bind_text(s, first + i, r->f[i]);
	store_bind_text(s, first + i, deal_status_word(r->status));
	store_bind_text(s, first + i + 1, r->closed_on);
	store_bind_text(s, first + i + 2, r->reason);
}

int
store_deal_rec_save(struct store *st, const struct deal_rec *r)
{
	static const char q[] =
	    "UPDATE deal SET name = ?2, value = ?3, currency = ?4, "
	    "close_on = ?5, stage = ?6, owner = ?7, cost = ?8, ext_id = ?9, "
	    "status = ?10, closed_on = ?11, reason = ?12 WHERE id = ?1";
	db_stmt *s = store_stmt(st, q);

	db_bind_int64(s, 1, r->id);
	bind_rec(s, 2, r);
	return store_put(st, s, NULL, "cannot change the deal");
}

int
store_deal_history_add(struct store *st, int64_t deal, const char *on,
                       const struct deal_delta *d)
{
	static const char q[] =
	    "INSERT INTO deal_history (deal_id, effective, recorded, actor, "
	    "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)";

	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_INT(deal), STORE_TEXT(on),
	                            STORE_STAMP, STORE_TEXT(d->field),
	                            STORE_TEXT(d->old_value),
	                            STORE_TEXT(d->new_value)),
	                 "cannot record the deal's history");
}

int64_t
store_deal_ext_lookup(struct store *st, int64_t account, const char *ext_id)
{
	static const char q[] =
	    "SELECT id FROM deal WHERE account_id = ? AND ext_id = ?";
	int64_t id = 0;

	store_get_int64(st, store_stmt(st, q),
	                STORE_ARGS(STORE_INT(account), STORE_TEXT(ext_id)),
	                &id);
	return id;
}

int
store_deal_insert(struct store *st, int64_t account, const char *handle,
                  const struct deal_rec *r, const char *origin, int64_t *id)
{
	static const char q[] =
	    "INSERT INTO deal (account_id, handle, name, value, currency, "
	    "close_on, stage, owner, cost, ext_id, status, closed_on, reason, "
	    "created, recorded, recorded_by, origin) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
	db_stmt *s = store_stmt(st, q);
	char now[KAM_STAMP_LEN], today[KAM_DATE_LEN];
	int rc;

	kam_now(now);
	kam_today(today);
	db_bind_int64(s, 1, account);
	store_bind_handle(s, 2, handle);
	bind_rec(s, 3, r);
	store_bind_text(s, 14, today);
	store_bind_text(s, 15, now);
	store_bind_text(s, 16, kam_actor());
	store_bind_text(s, 17, origin);
	if ((rc = store_put(st, s, NULL, "cannot add the deal")) == KAM_OK)
		*id = db_last_id(st);
	return rc;
}

#define F(f) STORE_FIELD(struct deal_event, f, TEXT)
STORE_ROWS(event_rows, struct deal_event, F(effective), F(recorded), F(actor),
           F(field), F(old_value), F(new_value));
#undef F

int
store_deal_log(struct store *st, int64_t deal,
               int (*fn)(const struct deal_event *, void *), void *arg)
{
	/*
	 * The creation, from the deal row, then every change as it was
	 * recorded: to the record, and the start and end of each buying
	 * role.
	 */
	static const char q[] =
	    "SELECT created, coalesce(recorded, created), "
	    "coalesce(recorded_by, ''), 'created', NULL, origin, '', 0, 0, 0, "
	    "NULL "
	    "FROM deal WHERE id = ?1 UNION ALL "
	    "SELECT effective, recorded, actor, field, old_value, new_value, "
	    "recorded, 1, id, 0, NULL FROM deal_history WHERE deal_id = ?1 "
	    "UNION ALL SELECT * FROM (WITH g (start_on, end_on, recorded, "
	    "actor, ended, ended_by, what, id) AS (SELECT r.start_on, "
	    "r.end_on, coalesce(r.recorded, r.start_on), "
	    "coalesce(r.actor, ''), r.ended, coalesce(r.ended_by, ''), "
	    "a.handle || '/' || p.handle || ' ' || r.role || ' (' || "
	    "r.influence || CASE WHEN r.lead <> 0 THEN ', lead' ELSE '' END || "
	    "CASE WHEN r.is_primary <> 0 THEN ', primary' ELSE '' END || "
	    "')', "
	    "r.id FROM deal_role_period r JOIN person p ON p.id = r.person_id "
	    "JOIN account a ON a.id = p.account_id WHERE r.deal_id = ?1) "
	    "SELECT start_on, recorded, actor, 'role', NULL, what, recorded, "
	    "2, "
	    "id, 0, start_on FROM g UNION ALL SELECT end_on, ended, ended_by, "
	    "'role', what, NULL, ended, 2, id, 1, end_on FROM g WHERE end_on "
	    "IS NOT NULL) AS roles "
	    "ORDER BY 7, 8, 11, 9, 10";

	return store_each_read(st, store_stmt(st, q),
	                       STORE_ARGS(STORE_INT(deal)), &event_rows,
	                       (store_fn)fn, arg, "the deal's history");
}
