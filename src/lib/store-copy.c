/*
 * Copying accounts between stores (kam copy; kam(7), COPYING ACCOUNTS):
 * the queries of both sides.  Each table is read from the source in id
 * order and its rows written to the target in that order, with new ids;
 * a row is copied when what it belongs to (its account, person or deal)
 * is, and every other row it refers to must be copied too.  Competitors,
 * sellers, teams and the gate criteria are not an account's: they are
 * found on the target by handle (every competitor and seller of the
 * source, and the team of each account copied, is added when missing
 * there; a criterion must be there).
 * The observations are appended to the target's chain through
 * store_stance_append, so they are chained anew.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/copy.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"

/* What an id of a source's row stands for. */
enum kind {
	K_NONE,
	K_ACCOUNT,
	K_PERSON,
	K_DEAL,
	K_OBSERVATION,
	K_COMPETITOR,
	K_SELLER,
	K_CRITERION,
	K_N
};

/* Source ids to target ids, sorted by source id. */
struct idmap {
	struct idpair {
		int64_t from, to;
	} * v;
	size_t n, cap;
};

/* A reference written after its table is copied: it may point ahead. */
struct late {
	int64_t row, ref, owner; /* the target's row, the source's id, and
	                            the source's row it belongs to */
};

struct copy {
	struct store *src, *dst;
	struct idmap map[K_N];
	struct late *late;
	size_t nlate, late_cap;
};

static size_t
idmap_find(const struct idmap *m, int64_t from, int *found)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].from < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < m->n && m->v[lo].from == from;
	return lo;
}

static void
idmap_put(struct idmap *m, int64_t from, int64_t to)
{
	int found;
	size_t i = idmap_find(m, from, &found);

	if (found) {
		m->v[i].to = to;
		return;
	}
	m->v = xgrow(m->v, m->n, &m->cap, sizeof *m->v);
	memmove(m->v + i + 1, m->v + i, (m->n - i) * sizeof *m->v);
	m->v[i].from = from;
	m->v[i].to = to;
	m->n++;
}

/* The target's id of a copied row, or 0. */
static int64_t
idmap_get(const struct idmap *m, int64_t from)
{
	int found;
	size_t i = idmap_find(m, from, &found);

	return found ? m->v[i].to : 0;
}

/* Column 0 of the first row of q with the id, copied, or else "?". */
static char *
text_or_mark(struct store *st, const char *q, int64_t id, const char *what)
{
	db_stmt *s = store_stmt(st, q);
	char *h = NULL;

	if (store_first(st, s, STORE_ARGS(STORE_INT(id)), what)) {
		h = store_col_dup(s, 0);
		db_reset(s);
	}
	return h != NULL ? h : xstrdup("?");
}

char *
store_copy_account_handle(struct store *st, int64_t id)
{
	return text_or_mark(st, "SELECT handle FROM account WHERE id = ?", id,
	                    "accounts");
}

int
store_copy_accounts(struct store *src, char *const *handles, size_t n,
                    int64_t **ids, size_t *nids)
{
	static const char all[] = "SELECT id FROM account ORDER BY id";
	int64_t *v = NULL;
	size_t k = 0, i;
	int rc;

	*ids = NULL;
	*nids = 0;
	if (n > 0) {
		v = xcalloc(n, sizeof *v);
		for (i = 0; i < n; i++)
			if ((rc = store_account_id(src, handles[i], &v[i])) !=
			    KAM_OK) {
				free(v);
				return rc;
			}
		qsort(v, n, sizeof *v, kam_by_id);
		for (i = 0; i < n; i++)
			if (k == 0 || v[k - 1] != v[i])
				v[k++] = v[i];
	} else {
		if ((rc = store_ids(src, store_stmt(src, all), NULL, &v, &k,
		                    "accounts")) != KAM_OK) {
			free(v);
			return rc;
		}
		if (k == 0)
			return kam_err(KAM_NOTFOUND,
			               _("store '%s' has no accounts to copy"),
			               store_path(src));
	}
	*ids = v;
	*nids = k;
	return KAM_OK;
}

int
store_copy_absent(struct store *src, struct store *dst, int64_t id)
{
	static const char qsrc[] =
	    "SELECT handle, ext_id FROM account WHERE id = ?";
	static const char qext[] =
	    "SELECT handle FROM account WHERE ext_id = ?";
	char *handle = NULL, *ext = NULL;
	int64_t there;
	db_stmt *s = store_stmt(src, qsrc);
	int rc = KAM_OK;

	if (store_first(src, s, STORE_ARGS(STORE_INT(id)), "accounts")) {
		handle = store_col_dup(s, 0);
		ext = store_col_dup(s, 1);
		db_reset(s);
	}
	if (handle == NULL)
		return store_failed(src) ? store_failed(src) : KAM_INTERNAL;
	if (store_account_find(dst, handle, &there))
		rc = kam_err(KAM_CONFLICT,
		             _("account '%s' exists in store '%s' already: "
		               "copy never merges (leave it out, or rename "
		               "one of them with kam-org account set)"),
		             handle, store_path(dst));
	else if (ext != NULL) {
		s = store_stmt(dst, qext);
		if (store_first(dst, s, STORE_ARGS(STORE_TEXT(ext)),
		                "accounts")) {
			rc = kam_err(
			    KAM_CONFLICT,
			    _("account '%s' has the CRM id '%s', which "
			      "account '%s' of store '%s' has already"),
			    handle, ext, (const char *)db_column_text(s, 0),
			    store_path(dst));
			db_reset(s);
		}
		if (rc == KAM_OK)
			rc = store_failed(dst);
	}
	free(handle);
	free(ext);
	return rc;
}

/* The account (handle, new string) that a source row of kind belongs to. */
static char *
account_of(struct store *src, enum kind kind, int64_t id)
{
	static const char qp[] = "SELECT a.handle FROM person p JOIN account a "
	                         "ON a.id = p.account_id WHERE p.id = ?";
	static const char qd[] = "SELECT a.handle FROM deal d JOIN account a "
	                         "ON a.id = d.account_id WHERE d.id = ?";
	static const char qo[] =
	    "SELECT a.handle FROM observation o JOIN person p "
	    "ON p.id = o.person_id JOIN account a ON a.id = p.account_id "
	    "WHERE o.id = ?";

	if (kind == K_ACCOUNT)
		return store_copy_account_handle(src, id);
	return text_or_mark(src,
	                    kind == K_PERSON ? qp
	                    : kind == K_DEAL ? qd
	                                     : qo,
	                    id, "the store");
}

/* A row of table, copied, refers to a row of an account not copied. */
static int
refers_out(struct copy *c, const char *table, enum kind owner, int64_t oid,
           enum kind kind, int64_t id)
{
	char *mine = account_of(c->src, owner, oid);
	char *theirs = account_of(c->src, kind, id);
	int rc;

	rc = kam_err(KAM_CONFLICT,
	             _("cannot copy account '%s' without account '%s': its "
	               "rows in %s refer to it (copy both at once)"),
	             mine, theirs, table);
	free(mine);
	free(theirs);
	return rc;
}

/* A competitor's or seller's handle, name and day of creation. */
struct named {
	char *handle, *name, *created;
};
#define F(m) STORE_FIELD(struct named, m, DUP)
STORE_ROWS(named_rows, struct named, F(handle), F(name), F(created));
#undef F

/*
 * A competitor or seller of the source on the target: the one with its
 * handle, else a new one.
 */
static int
by_handle(struct copy *c, enum kind kind, int64_t id, int64_t *out)
{
	static const char qcs[] =
	    "SELECT handle, name, NULL FROM competitor WHERE id = ?";
	static const char qcd[] = "SELECT id FROM competitor WHERE handle = ?";
	static const char qci[] =
	    "INSERT INTO competitor (handle, name) VALUES (?1, ?2)";
	static const char qss[] =
	    "SELECT handle, name, created FROM seller WHERE id = ?";
	static const char qsd[] = "SELECT id FROM seller WHERE handle = ?";
	static const char qsi[] =
	    "INSERT INTO seller (handle, name, created) VALUES (?1, ?2, ?3)";
	int comp = kind == K_COMPETITOR;
	struct named r = {NULL, NULL, NULL};
	int rc = KAM_OK;

	if (!store_read_one(c->src, store_stmt(c->src, comp ? qcs : qss),
	                    STORE_ARGS(STORE_INT(id)), &named_rows, &r,
	                    "the store") ||
	    r.handle == NULL)
		rc = store_failed(c->src) ? store_failed(c->src) : KAM_INTERNAL;
	*out = 0;
	if (rc == KAM_OK)
		store_get_int64(c->dst, store_stmt(c->dst, comp ? qcd : qsd),
		                STORE_ARGS(STORE_TEXT(r.handle)), out);
	if (rc == KAM_OK && *out == 0 &&
	    (rc = store_failed(c->dst)) == KAM_OK &&
	    (rc = store_put(
	         c->dst, store_stmt(c->dst, comp ? qci : qsi),
	         comp ? STORE_ARGS(STORE_TEXT(r.handle), STORE_TEXT(r.name))
	              : STORE_ARGS(STORE_TEXT(r.handle), STORE_TEXT(r.name),
	                           STORE_TEXT(r.created)),
	         "cannot copy")) == KAM_OK)
		*out = db_last_id(c->dst);
	free(r.handle);
	free(r.name);
	free(r.created);
	return rc;
}

/* A criterion of the source: the target's of the same profile and key. */
static int
criterion(struct copy *c, int64_t id, int64_t deal, int64_t *out)
{
	static const char qs[] =
	    "SELECT p.name, k.key FROM criterion k JOIN profile p "
	    "ON p.id = k.profile_id WHERE k.id = ?";
	static const char qd[] =
	    "SELECT k.id FROM criterion k JOIN profile p "
	    "ON p.id = k.profile_id WHERE p.name = ?1 AND k.key = ?2";
	db_stmt *s = store_stmt(c->src, qs);
	char *profile = NULL, *key = NULL;
	int rc = KAM_OK;

	if (store_first(c->src, s, STORE_ARGS(STORE_INT(id)), "the rubric")) {
		profile = store_col_dup(s, 0);
		key = store_col_dup(s, 1);
		db_reset(s);
	}
	if (profile == NULL)
		return store_failed(c->src) ? store_failed(c->src)
		                            : KAM_INTERNAL;
	s = store_stmt(c->dst, qd);
	*out = 0;
	if (store_first(c->dst, s,
	                STORE_ARGS(STORE_TEXT(profile), STORE_TEXT(key)),
	                "the rubric")) {
		*out = db_column_int64(s, 0);
		db_reset(s);
	}
	if (*out == 0 && (rc = store_failed(c->dst)) == KAM_OK) {
		char *ref = store_deal_ref(c->src, deal);

		rc = kam_err(KAM_NOTFOUND,
		             _("deal '%s' has an answer to criterion '%s' of "
		               "profile '%s', which store '%s' does not have: "
		               "add it there first (kam-gate criteria add)"),
		             ref, key, profile, store_path(c->dst));
		free(ref);
	}
	free(profile);
	free(key);
	return rc;
}

/*
 * The target's id for a source id of kind, referred to by a row of
 * table that belongs to (owner, oid): a copied row's, or a competitor,
 * seller or criterion found or added.  Reports a row not copied.
 */
static int
resolve(struct copy *c, const char *table, enum kind owner, int64_t oid,
        enum kind kind, int64_t id, int64_t *out)
{
	int rc;

	if ((*out = idmap_get(&c->map[kind], id)) != 0)
		return KAM_OK;
	switch (kind) {
	case K_COMPETITOR:
	case K_SELLER:
		rc = by_handle(c, kind, id, out);
		break;
	case K_CRITERION:
		rc = criterion(c, id, oid, out);
		break;
	default:
		return refers_out(c, table, owner, oid, kind, id);
	}
	if (rc == KAM_OK)
		idmap_put(&c->map[kind], id, *out);
	return rc;
}

/* Column i of the row s, a text (NULL for NULL). */
static const char *
col_text(db_stmt *s, int i)
{
	return (const char *)db_column_text(s, i);
}

/* Binds column i of s (a source's row) to parameter j of d, as it is. */
static void
bind_as_is(db_stmt *d, int j, db_stmt *s, int i)
{
	switch (db_column_type(s, i)) {
	case DB_INTEGER:
		db_bind_int64(d, j, db_column_int64(s, i));
		break;
	case DB_FLOAT:
		db_bind_double(d, j, db_column_double(s, i));
		break;
	case DB_NULL:
		db_bind_null(d, j);
		break;
	default:
		store_bind_text(d, j, (const char *)db_column_text(s, i));
	}
}

/* A column of a table that holds an id. */
struct ref {
	int col;
	enum kind kind;
	int late; /* may point ahead: written once the table is copied */
};

/*
 * A table: select reads the id, then the columns insert writes as ?1,
 * ?2, ...; a row is copied when the column owner (of kind owner_kind)
 * was, and its new id goes into the map self.
 */
struct table {
	const char *name;
	const char *select, *insert, *late;
	int ncols, owner;
	enum kind owner_kind, self;
	struct ref refs[3];
};

static const struct table tables[] = {
    {"person",
     "SELECT id, account_id, handle, name, title, dept, level, placeholder, "
     "left_on, created, recorded, recorded_by, origin, manager_id, "
     "manager_since, ext_id, erased FROM person ORDER BY id",
     "INSERT INTO person (account_id, handle, name, title, dept, level, "
     "placeholder, left_on, created, recorded, recorded_by, origin, "
     "manager_id, manager_since, ext_id, erased) VALUES (?1, ?2, ?3, ?4, "
     "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
     "UPDATE person SET manager_id = ?2 WHERE id = ?1",
     16,
     1,
     K_ACCOUNT,
     K_PERSON,
     {{13, K_PERSON, 1}}},
    {"person_history",
     "SELECT id, person_id, effective, recorded, actor, field, old_value, "
     "new_value FROM person_history ORDER BY id",
     "INSERT INTO person_history (person_id, effective, recorded, actor, "
     "field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
     NULL,
     7,
     1,
     K_PERSON,
     K_NONE,
     {{0, K_NONE, 0}}},
    {"reporting_line",
     "SELECT id, person_id, manager_id, kind, start_on, end_on "
     "FROM reporting_line ORDER BY id",
     "INSERT INTO reporting_line (person_id, manager_id, kind, start_on, "
     "end_on) VALUES (?1, ?2, ?3, ?4, ?5)",
     NULL,
     5,
     1,
     K_PERSON,
     K_NONE,
     {{2, K_PERSON, 0}}},
    {"link_period",
     "SELECT id, from_id, to_id, kind, strength, created, start_on, end_on, "
     "actor, ended, ended_by FROM link_period ORDER BY id",
     "INSERT INTO link_period (from_id, to_id, kind, strength, created, "
     "start_on, end_on, actor, ended, ended_by) VALUES (?1, ?2, ?3, ?4, "
     "?5, ?6, ?7, ?8, ?9, ?10)",
     NULL,
     10,
     1,
     K_PERSON,
     K_NONE,
     {{2, K_PERSON, 0}}},
    {"deal",
     "SELECT id, account_id, handle, name, value, currency, close_on, "
     "created, cost, stage, owner, ext_id, status, closed_on, reason, "
     "recorded, recorded_by, origin FROM deal ORDER BY id",
     "INSERT INTO deal (account_id, handle, name, value, currency, "
     "close_on, created, cost, stage, owner, ext_id, status, closed_on, "
     "reason, recorded, recorded_by, origin) VALUES (?1, ?2, ?3, ?4, ?5, "
     "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
     NULL,
     17,
     1,
     K_ACCOUNT,
     K_DEAL,
     {{0, K_NONE, 0}}},
    {"deal_history",
     "SELECT id, deal_id, effective, recorded, actor, field, old_value, "
     "new_value FROM deal_history ORDER BY id",
     "INSERT INTO deal_history (deal_id, effective, recorded, actor, "
     "field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
     NULL,
     7,
     1,
     K_DEAL,
     K_NONE,
     {{0, K_NONE, 0}}},
    {"contact",
     "SELECT id, person_id, seller_id, strength, effective, recorded, actor "
     "FROM contact ORDER BY id",
     "INSERT INTO contact (person_id, seller_id, strength, effective, "
     "recorded, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
     NULL,
     6,
     1,
     K_PERSON,
     K_NONE,
     {{2, K_SELLER, 0}}},
    {"deal_role_period",
     "SELECT id, deal_id, person_id, role, influence, lead, start_on, "
     "end_on, recorded, actor, ended, ended_by, is_primary "
     "FROM deal_role_period ORDER BY id",
     "INSERT INTO deal_role_period (deal_id, person_id, role, influence, "
     "lead, start_on, end_on, recorded, actor, ended, ended_by, "
     "is_primary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
     "?12)",
     NULL,
     12,
     1,
     K_DEAL,
     K_NONE,
     {{2, K_PERSON, 0}}},
    {"answer",
     "SELECT id, deal_id, criterion_id, answer, evidence, effective, "
     "recorded, actor, gap FROM answer ORDER BY id",
     "INSERT INTO answer (deal_id, criterion_id, answer, evidence, "
     "effective, recorded, actor, gap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
     "?7, ?8)",
     NULL,
     8,
     1,
     K_DEAL,
     K_NONE,
     {{2, K_CRITERION, 0}}},
    {"gate_run",
     "SELECT id, deal_id, number, as_of, recorded, checked, actor, "
     "verdict, snapshot, reasons FROM gate_run ORDER BY id",
     "INSERT INTO gate_run (deal_id, number, as_of, recorded, checked, "
     "actor, verdict, snapshot, reasons) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
     "?7, ?8, ?9)",
     NULL,
     9,
     1,
     K_DEAL,
     K_NONE,
     {{0, K_NONE, 0}}},
};

static const struct ref *
ref_at(const struct table *t, int col)
{
	for (size_t i = 0; i < sizeof t->refs / sizeof t->refs[0]; i++)
		if (t->refs[i].kind != K_NONE && t->refs[i].col == col)
			return &t->refs[i];
	return NULL;
}

/* The references of kind kept for after the table (struct late). */
static int
write_late(struct copy *c, const struct table *t, enum kind kind)
{
	int rc = KAM_OK;

	for (size_t i = 0; i < c->nlate && rc == KAM_OK; i++) {
		int64_t to;

		if ((rc = resolve(c, t->name, t->owner_kind, c->late[i].owner,
		                  kind, c->late[i].ref, &to)) == KAM_OK)
			rc = store_put(c->dst, store_stmt(c->dst, t->late),
			               STORE_ARGS(STORE_INT(c->late[i].row),
			                          STORE_INT(to)),
			               "cannot copy");
	}
	c->nlate = 0;
	return rc;
}

static void
add_late(struct copy *c, int64_t row, int64_t ref, int64_t owner)
{
	c->late = xgrow(c->late, c->nlate, &c->late_cap, sizeof *c->late);
	c->late[c->nlate].row = row;
	c->late[c->nlate].ref = ref;
	c->late[c->nlate].owner = owner;
	c->nlate++;
}

/* A table being copied (copy_table). */
struct table_copy {
	struct copy *c;
	const struct table *t;
	enum kind late_kind; /* of its references written late */
};

/* A source row s of the table, copied when what it belongs to was. */
static int
copy_row(db_stmt *s, void *arg)
{
	struct table_copy *tc = arg;
	struct copy *c = tc->c;
	const struct table *t = tc->t;
	int64_t owner = db_column_int64(s, t->owner), to, late_ref = 0;
	db_stmt *d;
	int rc = KAM_OK;

	if (db_column_type(s, t->owner) == DB_NULL ||
	    (to = idmap_get(&c->map[t->owner_kind], owner)) == 0)
		return KAM_OK;
	d = store_stmt(c->dst, t->insert);
	for (int i = 1; i <= t->ncols && rc == KAM_OK; i++) {
		const struct ref *r = ref_at(t, i);
		int64_t id, mapped;

		if (i == t->owner) {
			db_bind_int64(d, i, to);
			continue;
		}
		if (r == NULL || db_column_type(s, i) == DB_NULL) {
			bind_as_is(d, i, s, i);
			continue;
		}
		id = db_column_int64(s, i);
		if (r->late) {
			late_ref = id;
			tc->late_kind = r->kind;
			db_bind_null(d, i);
			continue;
		}
		rc = resolve(c, t->name, t->owner_kind, owner, r->kind, id,
		             &mapped);
		db_bind_int64(d, i, mapped);
	}
	if (rc != KAM_OK) {
		db_reset(d);
		db_clear_bindings(d);
		return rc;
	}
	if ((rc = store_put(c->dst, d, NULL, "cannot copy")) != KAM_OK)
		return rc;
	if (t->self != K_NONE)
		idmap_put(&c->map[t->self], db_column_int64(s, 0),
		          db_last_id(c->dst));
	if (late_ref != 0)
		add_late(c, db_last_id(c->dst), late_ref, owner);
	return KAM_OK;
}

static int
copy_table(struct copy *c, const struct table *t)
{
	struct table_copy tc = {c, t, K_NONE};
	int rc = store_each(c->src, store_stmt(c->src, t->select), NULL,
	                    copy_row, &tc, t->name);

	if (rc != KAM_OK) {
		c->nlate = 0;
		return rc;
	}
	return c->nlate > 0 ? write_late(c, t, tc.late_kind) : KAM_OK;
}

/*
 * The team that sells an account copied (kam-org team add): the
 * target's of the same handle, else a new one; written on the account.
 * On a team store the team's role must hold the user copying, as it
 * holds the sellers of the account (store_team_held).
 */
static int
copy_team(struct copy *c, int64_t account, const char *account_handle,
          const char *handle, const char *created)
{
	static const char qd[] = "SELECT id FROM team WHERE handle = ?";
	static const char qi[] =
	    "INSERT INTO team (handle, created) VALUES (?1, ?2)";
	static const char qa[] =
	    "UPDATE account SET team_id = ?2 WHERE id = ?1";
	db_stmt *d;
	int64_t team = 0;
	int rc;

	if ((rc = store_team_held(c->dst, handle, account_handle)) != KAM_OK)
		return rc;
	d = store_stmt(c->dst, qd);
	if (store_first(c->dst, d, STORE_ARGS(STORE_TEXT(handle)), "teams")) {
		team = db_column_int64(d, 0);
		db_reset(d);
	}
	if ((rc = store_failed(c->dst)) != KAM_OK)
		return rc;
	if (team == 0) {
		if ((rc = store_put(
		         c->dst, store_stmt(c->dst, qi),
		         STORE_ARGS(STORE_TEXT(handle), STORE_TEXT(created)),
		         "cannot copy")) != KAM_OK)
			return rc;
		team = db_last_id(c->dst);
	}
	return store_put(c->dst, store_stmt(c->dst, qa),
	                 STORE_ARGS(STORE_INT(account), STORE_INT(team)),
	                 "cannot copy");
}

/* The accounts (with their teams), their parents written once all are. */
static int
copy_accounts(struct copy *c, const int64_t *ids, size_t n)
{
	static const char qs[] =
	    "SELECT a.handle, a.name, a.industry, a.created, a.category, "
	    "a.ext_id, a.parent_id, t.handle, t.created FROM account a "
	    "LEFT JOIN team t ON t.id = a.team_id WHERE a.id = ?";
	static const char qi[] =
	    "INSERT INTO account (handle, name, industry, created, category, "
	    "ext_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char qp[] =
	    "UPDATE account SET parent_id = ?2 WHERE id = ?1";
	int64_t *parent = xcalloc(n ? n : 1, sizeof *parent);
	int rc = KAM_OK;

	for (size_t i = 0; i < n && rc == KAM_OK; i++) {
		db_stmt *s = store_stmt(c->src, qs), *d;
		char *team, *team_created, *handle;

		if (!store_first(c->src, s, STORE_ARGS(STORE_INT(ids[i])),
		                 "accounts")) {
			rc = store_failed(c->src) ? store_failed(c->src)
			                          : KAM_INTERNAL;
			break;
		}
		d = store_stmt(c->dst, qi);
		for (int k = 0; k < 6; k++)
			bind_as_is(d, k + 1, s, k);
		parent[i] = db_column_int64(s, 6);
		handle = store_col_dup(s, 0);
		team = store_col_dup(s, 7);
		team_created = store_col_dup(s, 8);
		db_reset(s);
		if ((rc = store_put(c->dst, d, NULL, "cannot copy")) ==
		    KAM_OK) {
			int64_t to = db_last_id(c->dst);

			idmap_put(&c->map[K_ACCOUNT], ids[i], to);
			if (team != NULL)
				rc = copy_team(c, to, handle, team,
				               team_created);
		}
		free(handle);
		free(team);
		free(team_created);
	}
	for (size_t i = 0; i < n && rc == KAM_OK; i++) {
		int64_t to;

		if (parent[i] == 0)
			continue;
		if ((to = idmap_get(&c->map[K_ACCOUNT], parent[i])) == 0) {
			char *mine = store_copy_account_handle(c->src, ids[i]);
			char *theirs =
			    store_copy_account_handle(c->src, parent[i]);

			rc = kam_err(KAM_CONFLICT,
			             _("cannot copy account '%s' without "
			               "account '%s', its parent (copy both at "
			               "once)"),
			             mine, theirs);
			free(mine);
			free(theirs);
			break;
		}
		rc = store_put(
		    c->dst, store_stmt(c->dst, qp),
		    STORE_ARGS(STORE_INT(idmap_get(&c->map[K_ACCOUNT], ids[i])),
		               STORE_INT(to)),
		    "cannot copy");
	}
	free(parent);
	return rc;
}

/* The observations being copied (copy_observations). */
struct obs_copy {
	struct copy *c;
	struct stance_chain chain;
	long *count;
};

#define F(m) STORE_FIELD(struct stance_row, m, TEXT)
STORE_ROWS(obs_rows, struct stance_row, STORE_SKIP, F(kind), STORE_SKIP,
           STORE_SKIP, F(stance), STORE_SKIP, STORE_SKIP, F(effective),
           F(recorded), F(actor), F(note), F(source), F(why));
#undef F

/* An observation s of a person copied, appended to the target's chain. */
static int
copy_obs(db_stmt *s, void *arg)
{
	struct obs_copy *o = arg;
	struct copy *c = o->c;
	struct stance_row r;
	int64_t person = db_column_int64(s, 3), id;
	int rc = KAM_OK;

	memset(&r, 0, sizeof r);
	if ((r.person = idmap_get(&c->map[K_PERSON], person)) == 0)
		return KAM_OK;
	store_read(s, &obs_rows, &r);
	if (db_column_int64(s, 16) >= 2) {
		/* An erased text: the digest its row kept. */
		r.note_digest = r.note == NULL ? col_text(s, 13) : NULL;
		r.source_digest = r.source == NULL ? col_text(s, 14) : NULL;
		r.why_digest = r.why == NULL ? col_text(s, 15) : NULL;
	}
	if ((id = db_column_int64(s, 2)) != 0)
		rc = resolve(c, "observation", K_PERSON, person, K_OBSERVATION,
		             id, &r.target);
	if (rc == KAM_OK && (id = db_column_int64(s, 5)) != 0)
		rc = resolve(c, "observation", K_PERSON, person, K_COMPETITOR,
		             id, &r.toward);
	if (rc == KAM_OK && (id = db_column_int64(s, 6)) != 0)
		rc = resolve(c, "observation", K_PERSON, person, K_DEAL, id,
		             &r.deal);
	if (rc == KAM_OK &&
	    (rc = store_stance_append(c->dst, &o->chain, &r)) == KAM_OK) {
		idmap_put(&c->map[K_OBSERVATION], db_column_int64(s, 0), r.id);
		++*o->count;
	}
	return rc;
}

/* The observations, in order, each chained anew after the target's last. */
static int
copy_observations(struct copy *c, long *count)
{
#define FREE_TEXT(f)                                                           \
	"CASE WHEN o.hash_version = 1 THEN o." f " ELSE (SELECT t.text FROM "  \
	"observation_text t WHERE t.observation_id = o.id AND t.field = '" f   \
	"') END"
	static const char q[] =
	    "SELECT o.id, o.kind, o.target_id, o.person_id, o.stance, "
	    "o.toward_id, o.deal_id, o.effective, o.recorded, "
	    "o.actor, " FREE_TEXT("note") ", " FREE_TEXT(
	        "source") ", " FREE_TEXT("why") ", o.note, o.source, o.why, "
	                                        "o.hash_version "
	                                        "FROM observation o ORDER BY "
	                                        "o.id";
#undef FREE_TEXT
	struct obs_copy o = {c, {0}, count};
	int rc;

	*count = 0;
	rc = store_each(c->src, store_stmt(c->src, q), NULL, copy_obs, &o,
	                "observations");
	/* What show reads of the accounts copied to a team store, in the
	 * copy's transaction. */
	if (rc == KAM_OK && o.chain.loaded)
		rc = store_stance_derive(c->dst, 0, o.chain.head);
	return rc;
}

/*
 * Every competitor and seller of the source: they are the store's, not
 * an account's, so a store copied whole lists the same.
 */
static int
copy_shared(struct copy *c, enum kind kind)
{
	static const char qc[] = "SELECT id FROM competitor ORDER BY id";
	static const char qs[] = "SELECT id FROM seller ORDER BY id";
	int64_t *ids, to;
	size_t n;
	int rc = store_ids(c->src,
	                   store_stmt(c->src, kind == K_COMPETITOR ? qc : qs),
	                   NULL, &ids, &n, "the store");

	for (size_t i = 0; i < n && rc == KAM_OK; i++)
		rc = resolve(c, NULL, K_NONE, 0, kind, ids[i], &to);
	free(ids);
	return rc;
}

int
store_copy_history(struct store *src, struct store *dst, const int64_t *ids,
                   size_t n, long *observations)
{
	struct copy c;
	int rc;

	memset(&c, 0, sizeof c);
	c.src = src;
	c.dst = dst;
	*observations = 0;
	if ((rc = copy_shared(&c, K_COMPETITOR)) == KAM_OK &&
	    (rc = copy_shared(&c, K_SELLER)) == KAM_OK)
		rc = copy_accounts(&c, ids, n);
	for (size_t i = 0; rc == KAM_OK && i < sizeof tables / sizeof tables[0];
	     i++) {
		rc = copy_table(&c, &tables[i]);
		/* The observations refer to deals: after them. */
		if (rc == KAM_OK && tables[i].self == K_DEAL)
			rc = copy_observations(&c, observations);
	}
	for (int k = 0; k < K_N; k++) {
		free(c.map[k].v);
	}
	free(c.late);
	return rc;
}

int
store_copy_record(struct store *dst, const struct copy_record *r)
{
	static const char q[] =
	    "INSERT INTO store_copy (recorded, actor, source, source_head, "
	    "source_rows, accounts, observations) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7)";

	return store_put(
	    dst, store_stmt(dst, q),
	    STORE_ARGS(STORE_STAMP, STORE_TEXT(r->source),
	               STORE_TEXT(r->source_head), STORE_INT(r->source_rows),
	               STORE_TEXT(r->accounts), STORE_INT(r->observations)),
	    "cannot record the copy");
}
