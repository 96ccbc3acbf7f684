/*
 * The organisation's SQL: accounts, people, reporting lines and their
 * history, influence links, competitors, deals and buying roles.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/store.h"

#include "store-int.h"

/*
 * The handle of person p (an SQL alias) as seen from row r, of the
 * same or another account: the handle alone within r's account,
 * ACCOUNT/HANDLE from another one.  So are shown a person's manager m,
 * the person t a link from f leads to, and the person of a deal's role.
 */
#define REF_FROM(p, r)                                                         \
	"CASE WHEN " #p ".account_id = " #r ".account_id THEN " #p ".handle "  \
	"ELSE (SELECT handle FROM account WHERE id = " #p ".account_id) "      \
	"|| '/' || " #p ".handle END"
#define MANAGER_REF     REF_FROM(m, p)
#define LINK_TO_REF     REF_FROM(t, f)
#define ROLE_PERSON_REF REF_FROM(p, d)

/* An id, or NULL for 0 (none). */
#define ID_OR_NULL(v) ((v) != 0 ? STORE_INT(v) : STORE_NULL)

static const char *
col(db_stmt *s, int i)
{
	return (const char *)db_column_text(s, i);
}

/* Accounts */

int
store_org_account_add(struct store *st, const char *handle, const char *name,
                      const char *industry)
{
	static const char q[] = "INSERT INTO account (handle, name, industry, "
	                        "created) VALUES (?, ?, ?, ?)";
	static const char qfind[] = "SELECT 1 FROM account WHERE handle = ?";
	char today[KAM_DATE_LEN];

	if (store_exists(st, store_stmt(st, qfind),
	                 STORE_ARGS(STORE_HANDLE(handle))))
		return kam_err(KAM_CONFLICT, _("account '%s' already exists"),
		               handle);
	kam_today(today);
	return store_put(
	    st, store_stmt(st, q),
	    STORE_ARGS(
	        STORE_HANDLE(handle), STORE_TEXT(name),
	        STORE_TEXT(industry != NULL && *industry ? industry : NULL),
	        STORE_TEXT(today)),
	    "cannot add account");
}

#define F(m, k) STORE_FIELD(struct org_account, m, k)
STORE_ROWS(account_rows, struct org_account, F(id, INT64), F(handle, TEXT),
           F(name, TEXT), F(industry, TEXT), F(created, TEXT), F(people, LONG),
           F(deals, LONG), F(category, TEXT), F(parent, TEXT), F(ext_id, TEXT),
           F(team, TEXT));
#undef F

static const char q_accounts[] =
    "SELECT a.id, a.handle, a.name, a.industry, a.created, "
    "(SELECT count(*) FROM person p WHERE p.account_id = a.id), "
    "(SELECT count(*) FROM deal d WHERE d.account_id = a.id), "
    "a.category, (SELECT u.handle FROM account u "
    "WHERE u.id = a.parent_id), a.ext_id, "
    "(SELECT t.handle FROM team t WHERE t.id = a.team_id) "
    "FROM account a WHERE CAST(?1 AS TEXT) IS NULL OR a.handle = ?1 "
    "ORDER BY a.handle";

int
store_org_accounts(struct store *st, const char *handle,
                   int (*fn)(const struct org_account *, void *), void *arg)
{
	return store_each_read(st, store_stmt(st, q_accounts),
	                       STORE_ARGS(STORE_HANDLE(handle)), &account_rows,
	                       (store_fn)fn, arg, "the accounts");
}

/*
 * The ties in force on ?2 between a person (or deal) of the account ?1
 * and one of another account: current reporting lines, solid and
 * dotted, of people who have not left; links; buying roles.  Each row:
 * what, the two people (the second NULL for a role), the deal of a
 * role, and the two accounts.
 */
static const char q_ties[] =
    "SELECT 'solid', p.id, m.id, NULL, p.account_id, m.account_id "
    "FROM person p JOIN person m ON m.id = p.manager_id "
    "WHERE (p.account_id = ?1 OR m.account_id = ?1) "
    "AND p.account_id <> m.account_id "
    "AND (p.left_on IS NULL OR p.left_on > ?2) "
    "UNION ALL SELECT r.kind, p.id, m.id, NULL, p.account_id, m.account_id "
    "FROM reporting_line r JOIN person p ON p.id = r.person_id "
    "JOIN person m ON m.id = r.manager_id "
    "WHERE (p.account_id = ?1 OR m.account_id = ?1) "
    "AND p.account_id <> m.account_id "
    "AND (r.end_on IS NULL OR r.end_on > ?2) "
    "AND (p.left_on IS NULL OR p.left_on > ?2) "
    "UNION ALL SELECT l.kind, a.id, b.id, NULL, a.account_id, b.account_id "
    "FROM link_period l JOIN person a ON a.id = l.from_id "
    "JOIN person b ON b.id = l.to_id "
    "WHERE (a.account_id = ?1 OR b.account_id = ?1) "
    "AND a.account_id <> b.account_id "
    "AND (l.end_on IS NULL OR l.end_on > ?2) "
    "UNION ALL SELECT r.role, p.id, NULL, da.handle || '/' || d.handle, "
    "p.account_id, d.account_id FROM deal_role_period r "
    "JOIN person p ON p.id = r.person_id JOIN deal d ON d.id = r.deal_id "
    "JOIN account da ON da.id = d.account_id "
    "WHERE (p.account_id = ?1 OR d.account_id = ?1) "
    "AND p.account_id <> d.account_id "
    "AND (r.end_on IS NULL OR r.end_on > ?2) "
    "ORDER BY 1, 2, 3, 4";

/* The most ties a refusal names; it counts the others. */
#define TIES_NAMED 5

/* One tie, in words, onto b. */
static void
tie_words(struct store *st, struct buf *b, db_stmt *s)
{
	const char *what = (const char *)db_column_text(s, 0);
	char *p = store_person_ref(st, db_column_int64(s, 1));
	char *q = db_column_type(s, 2) == DB_NULL
	              ? NULL
	              : store_person_ref(st, db_column_int64(s, 2));

	if (strcmp(what, "solid") == 0)
		buf_printf(b, _("'%s' reports to '%s'"), p, q);
	else if (strcmp(what, "dotted") == 0)
		buf_printf(b, _("'%s' has a dotted line to '%s'"), p, q);
	else if (q != NULL)
		/* TRANSLATORS: a link: from, to, and its kind. */
		buf_printf(b, _("link from '%s' to '%s' (%s)"), p, q,
		           vocab_label(what));
	else
		/* TRANSLATORS: a buying role, the person, the deal. */
		buf_printf(b, _("role %s of '%s' in '%s'"), vocab_label(what),
		           p, (const char *)db_column_text(s, 3));
	free(p);
	free(q);
}

/* The ties of one account of a moving group (check_ties). */
struct ties {
	struct store *st;
	int64_t account, root;
	struct buf b;
	size_t found;
};

/* A tie of the row s, unless it stays within the group, named onto t. */
static int
tie_row(db_stmt *s, void *arg)
{
	struct ties *t = arg;
	int64_t a = db_column_int64(s, 4), c = db_column_int64(s, 5);

	if (store_org_group_root(t->st, a == t->account ? c : a) == t->root)
		return KAM_OK;
	if (t->found < TIES_NAMED) {
		if (t->found > 0)
			buf_puts(&t->b, _("; "));
		tie_words(t->st, &t->b, s);
	}
	t->found++;
	return KAM_OK;
}

/*
 * An account that leaves its group (or moves to another) with its
 * subsidiaries may not leave ties across the groups behind: lines,
 * links and roles cross accounts within a group only.  The parent has
 * been changed already; each account of the moved group is checked for
 * ties to an account whose group is now another.  The refusal names the
 * first TIES_NAMED ties and says how to end them.
 */
static int
check_ties(struct store *st, const char *handle, int64_t account)
{
	struct ties t = {st, 0, store_org_group_root(st, account), {0}, 0};
	int64_t *ids;
	char today[KAM_DATE_LEN];
	size_t n, i, found;
	int rc = KAM_OK;

	kam_today(today);
	store_org_group(st, account, &ids, &n);
	for (i = 0; rc == KAM_OK && i < n; i++) {
		t.account = ids[i];
		rc =
		    store_each(st, store_stmt(st, q_ties),
		               STORE_ARGS(STORE_INT(ids[i]), STORE_TEXT(today)),
		               tie_row, &t, "the group's ties");
	}
	free(ids);
	found = t.found;
	if (rc == KAM_OK && found > TIES_NAMED)
		buf_printf(&t.b,
		           ngettext("; and %zu more", "; and %zu more",
		                    (unsigned long)(found - TIES_NAMED)),
		           found - TIES_NAMED);
	if (rc == KAM_OK && found > 0) {
		buf_add(&t.b, "", 1);
		rc = kam_err(KAM_CONFLICT,
		             ngettext("account '%s' cannot leave its group "
		                      "while %zu tie crosses to it: %s (end "
		                      "it first: person set --no-reports-to "
		                      "or --no-dotted, unlink, role rm)",
		                      "account '%s' cannot leave its group "
		                      "while %zu ties cross to it: %s (end "
		                      "them first: person set --no-reports-to "
		                      "or --no-dotted, unlink, role rm)",
		                      (unsigned long)found),
		             handle, found, t.b.s);
	}
	buf_free(&t.b);
	return rc;
}

/* Whether change C may be made to account ID (HANDLE): its external id
 * free, its new parent (found into *PARENT) not below it, its team (into
 * *TEAM) known. */
static int
account_set_check(struct store *st, const char *handle, int64_t id,
                  const struct org_account_change *c, int64_t *parent,
                  int64_t *team)
{
	static const char qext[] =
	    "SELECT handle FROM account WHERE ext_id = ? AND id <> ?";
	int64_t up;
	char *other;
	int rc;

	if (c->ext_id != NULL && *c->ext_id != '\0') {
		other = store_get_text(
		    st, store_stmt(st, qext),
		    STORE_ARGS(STORE_TEXT(c->ext_id), STORE_INT(id)));
		if (other != NULL) {
			rc = kam_err(KAM_CONFLICT,
			             _("external id '%s' is already account "
			               "'%s''s"),
			             c->ext_id, other);
			free(other);
			return rc;
		}
	}
	if (c->parent != NULL && *c->parent != '\0') {
		if ((rc = store_account_id(st, c->parent, parent)) != KAM_OK)
			return rc;
		/* A group is a tree: the parent may not be below the
		 * account. */
		for (up = *parent; up != 0;
		     up = store_org_account_parent(st, up))
			if (up == id)
				return kam_err(KAM_CONFLICT,
				               _("account '%s' cannot be a "
				                 "subsidiary of '%s', which is "
				                 "in its own group below it"),
				               handle, c->parent);
	}
	if (c->team != NULL && *c->team != '\0' &&
	    (rc = store_org_team_id(st, c->team, team)) != KAM_OK)
		return rc;
	return KAM_OK;
}

int
store_org_account_set(struct store *st, const char *handle,
                      const struct org_account_change *c)
{
	static const char q[] = "UPDATE account SET name = coalesce(?2, name), "
	                        "industry = CASE WHEN CAST(?3 AS TEXT) IS NULL "
	                        "THEN industry "
	                        "ELSE nullif(?3, '') END, "
	                        "category = CASE WHEN CAST(?4 AS TEXT) IS NULL "
	                        "THEN category "
	                        "ELSE nullif(?4, '') END, "
	                        "ext_id = CASE WHEN CAST(?5 AS TEXT) IS NULL "
	                        "THEN ext_id "
	                        "ELSE nullif(?5, '') END WHERE id = ?1";
	static const char qparent[] =
	    "UPDATE account SET parent_id = ?2 WHERE id = ?1";
	static const char qteam[] =
	    "UPDATE account SET team_id = ?2 WHERE id = ?1 "
	    "AND coalesce(team_id, 0) <> coalesce(?2, 0)";
	int64_t id, parent = 0, team = 0, old_root;
	int rc;

	if ((rc = store_account_id(st, handle, &id)) != KAM_OK)
		return rc;
	if ((rc = account_set_check(st, handle, id, c, &parent, &team)) !=
	    KAM_OK)
		return rc;
	/* "" clears a text field; NULL keeps it (the statement coalesces). */
	if ((c->name != NULL || c->industry != NULL || c->category != NULL ||
	     c->ext_id != NULL) &&
	    (rc = store_put(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(id), STORE_TEXT(c->name),
	                               STORE_TEXT(c->industry),
	                               STORE_TEXT(c->category),
	                               STORE_TEXT(c->ext_id)),
	                    "cannot change the account")) != KAM_OK)
		return rc;
	if (c->parent != NULL) {
		old_root = store_org_group_root(st, id);
		if ((rc = store_put(
		         st, store_stmt(st, qparent),
		         STORE_ARGS(STORE_INT(id), ID_OR_NULL(parent)),
		         "cannot change the account")) != KAM_OK)
			return rc;
		if (store_org_group_root(st, id) != old_root &&
		    (rc = check_ties(st, handle, id)) != KAM_OK)
			return rc;
	}
	if (c->team == NULL)
		return KAM_OK;
	/* Last: on a team store the account may leave the user's sight. */
	return store_put(st, store_stmt(st, qteam),
	                 STORE_ARGS(STORE_INT(id), ID_OR_NULL(team)),
	                 "cannot change the account");
}

int64_t
store_org_account_parent(struct store *st, int64_t account)
{
	static const char q[] = "SELECT parent_id FROM account WHERE id = ?";

	return store_get_id(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(account)));
}

int64_t
store_org_group_root(struct store *st, int64_t account)
{
	int64_t up, n = 0;

	/* parent_id forms a tree (account set refuses a cycle); the
	 * bound only guards a store edited by hand. */
	while ((up = store_org_account_parent(st, account)) != 0 && n++ < 1000)
		account = up;
	return account;
}

int
store_org_group(struct store *st, int64_t account, int64_t **ids, size_t *n)
{
	static const char q[] =
	    "WITH RECURSIVE g(id) AS (SELECT CAST(?1 AS BIGINT) UNION "
	    "SELECT a.id FROM account a JOIN g ON a.parent_id = g.id) "
	    "SELECT g.id FROM g JOIN account a ON a.id = g.id "
	    "ORDER BY g.id <> ?1, a.handle";

	return store_ids(st, store_stmt(st, q), STORE_ARGS(STORE_INT(account)),
	                 ids, n, "the store");
}

/* People */

static int
history(struct store *st, int64_t person, const char *on, const char *field,
        const char *old_value, const char *new_value)
{
	static const char q[] =
	    "INSERT INTO person_history (person_id, effective, recorded, "
	    "actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)";
	char today[KAM_DATE_LEN];

	if (on == NULL) {
		kam_today(today);
		on = today;
	}
	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_INT(person), STORE_TEXT(on),
	                            STORE_STAMP, STORE_TEXT(field),
	                            STORE_TEXT(old_value),
	                            STORE_TEXT(new_value)),
	                 "cannot record history");
}

/*
 * New people (person add, import), with the ids their callers chose
 * inside the write transaction.  Values are bound without copies (they
 * live until the step), and each row records its own creation instead of
 * a history row, which made importing a third slower.  Many rows go in
 * one statement: a statement's own cost (opening and closing the cursors
 * of the table and its indexes) was a fifth of importing 100,000 people
 * one row at a time.  Parameters 1-5 are the same for every row; each row
 * adds ten.
 */
#define PEOPLE_BATCH      ORG_BATCH
#define PEOPLE_ROW_PARAMS 10

static const char *
people_sql(size_t n)
{
	static char sql1[512], sqln[PEOPLE_BATCH * 80 + 256];
	char *sql = n == 1 ? sql1 : sqln;
	size_t size = n == 1 ? sizeof sql1 : sizeof sqln, i, k, len;

	if (*sql != '\0')
		return sql;
	len = (size_t)snprintf(sql, size,
	                       "INSERT INTO person (account_id, created, "
	                       "recorded, recorded_by, origin, id, handle, "
	                       "name, title, dept, level, placeholder, "
	                       "left_on, manager_id, ext_id) VALUES ");
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(sql + len, size - len,
		                        "%s(?1,?2,?3,?4,?5", i ? "," : "");
		for (k = 0; k < PEOPLE_ROW_PARAMS; k++)
			len += (size_t)snprintf(sql + len, size - len, ",?%zu",
			                        6 + i * PEOPLE_ROW_PARAMS + k);
		len += (size_t)snprintf(sql + len, size - len, ")");
	}
	return sql;
}

int
store_org_insert_people(struct store *st, int64_t account,
                        const struct org_new_person *p, size_t n,
                        const char *origin)
{
	char today[KAM_DATE_LEN], now[KAM_STAMP_LEN];
	size_t i, k, m;
	int rc = KAM_OK;

	kam_today(today);
	kam_now(now);
	for (i = 0; i < n && rc == KAM_OK; i += m) {
		db_stmt *s;

		m = n - i >= PEOPLE_BATCH ? PEOPLE_BATCH : 1;
		s = store_stmt(st, people_sql(m));
		db_bind_int64(s, 1, account);
		store_bind_static(s, 2, today);
		store_bind_static(s, 3, now);
		store_bind_static(s, 4, kam_actor());
		store_bind_static(s, 5, origin);
		for (k = 0; k < m; k++) {
			const struct org_new_person *r = &p[i + k];
			int at = 6 + (int)(k * PEOPLE_ROW_PARAMS);

			db_bind_int64(s, at, r->id);
			store_bind_static(s, at + 1, r->handle);
			store_bind_static(s, at + 2, r->name);
			store_bind_static(s, at + 3, r->title);
			store_bind_static(s, at + 4, r->dept);
			if (r->level > 0)
				db_bind_int64(s, at + 5, r->level);
			db_bind_int(s, at + 6, r->placeholder);
			store_bind_static(s, at + 7, r->left_on);
			if (r->manager != 0)
				db_bind_int64(s, at + 8, r->manager);
			store_bind_static(s, at + 9, r->ext_id);
		}
		rc = store_put(st, s, NULL, "cannot add person");
	}
	return rc;
}

int
store_org_insert_line(struct store *st, int64_t person, int64_t manager,
                      const char *kind)
{
	static const char q[] = "INSERT INTO reporting_line (person_id, "
	                        "manager_id, kind) VALUES (?, ?, ?)";

	return store_put(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(person), STORE_INT(manager), STORE_TEXT(kind)),
	    "cannot add reporting line");
}

/* A person's account id. */
static int
person_row(struct store *st, int64_t id, int64_t *account)
{
	static const char q[] = "SELECT account_id FROM person WHERE id = ?";

	return store_get_int64(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)),
	                       account);
}

/* A set of person ids (ids are positive), for walks up the hierarchy. */
struct idset {
	int64_t *slot; /* 0: empty */
	size_t cap, n;
};

static size_t
idset_hash(int64_t id, size_t cap)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15u) >> 32) & (cap - 1);
}

/* Adds id; returns 0 if it was there already. */
static int
idset_add(struct idset *set, int64_t id)
{
	size_t i, k;

	if (2 * (set->n + 1) > set->cap) {
		struct idset big = {NULL, set->cap ? set->cap * 2 : 64, 0};

		big.slot = xcalloc(big.cap, sizeof *big.slot);
		for (k = 0; k < set->cap; k++)
			if (set->slot[k] != 0)
				idset_add(&big, set->slot[k]);
		free(set->slot);
		*set = big;
	}
	for (i = idset_hash(id, set->cap); set->slot[i] != 0;
	     i = (i + 1) & (set->cap - 1))
		if (set->slot[i] == id)
			return 0;
	set->slot[i] = id;
	set->n++;
	return 1;
}

/* A walk up the hierarchy (store_org_lines_up). */
struct walk_up {
	int (*fn)(const struct org_up *, void *);
	void *arg;
	struct org_up line;
	struct idset seen;
	int64_t *queue;
	size_t n, cap;
};

/* A manager of the line's person: handed on, and queued once. */
static int
up_row(db_stmt *s, void *arg)
{
	struct walk_up *w = arg;
	int rc;

	w->line.manager = db_column_int64(s, 0);
	rc = w->fn(&w->line, w->arg);
	if (idset_add(&w->seen, w->line.manager)) {
		w->queue = xgrow(w->queue, w->n, &w->cap, sizeof *w->queue);
		w->queue[w->n++] = w->line.manager;
	}
	return rc;
}

/*
 * The current lines (solid, then dotted) of everyone above the person,
 * walked breadth first, each person's lines once.
 */
int
store_org_lines_up(struct store *st, int64_t person,
                   int (*fn)(const struct org_up *, void *), void *arg)
{
	static const char up[] = "SELECT manager_id FROM person WHERE id = ?1 "
	                         "AND manager_id IS NOT NULL UNION ALL "
	                         "SELECT manager_id FROM reporting_line "
	                         "WHERE person_id = ?1 AND end_on IS NULL";
	struct walk_up w = {fn, arg, {0, 0}, {NULL, 0, 0}, NULL, 0, 0};
	size_t head = 0;
	int rc = KAM_OK;

	w.queue = xgrow(w.queue, w.n, &w.cap, sizeof *w.queue);
	w.queue[w.n++] = person;
	idset_add(&w.seen, person);
	while (head < w.n && rc == KAM_OK) {
		w.line.person = w.queue[head++];
		rc = store_each(st, store_stmt(st, up),
		                STORE_ARGS(STORE_INT(w.line.person)), up_row,
		                &w, "the reporting lines");
	}
	free(w.queue);
	free(w.seen.slot);
	return rc;
}

int64_t
store_org_person_account(struct store *st, int64_t person)
{
	int64_t account = 0;

	person_row(st, person, &account);
	return account;
}

/* The one text q selects of the row with this id (a new string), or NULL. */
static char *
text_of(struct store *st, const char *q, int64_t id)
{
	return store_get_text(st, store_stmt(st, q), STORE_ARGS(STORE_INT(id)));
}

char *
store_org_account_handle(struct store *st, int64_t account)
{
	return text_of(st, "SELECT handle FROM account WHERE id = ?", account);
}

/* Adds h to the ';'-joined list b. */
static int
join_row_at(struct buf *b, const char *h)
{
	if (b->len)
		buf_puts(b, ";");
	buf_puts(b, h);
	return KAM_OK;
}

/* Adds column 0 of s to the ';'-joined list arg (a struct buf). */
static int
join_row(db_stmt *s, void *arg)
{
	return join_row_at(arg, col(s, 0));
}

/* The handles of a person's current managers of one kind, ';'-joined. */
static char *
managers(struct store *st, int64_t person, const char *kind)
{
	static const char qsolid[] =
	    "SELECT " MANAGER_REF " FROM person p JOIN "
	    "person m ON m.id = p.manager_id WHERE p.id = ?";
	static const char qdotted[] =
	    "SELECT m.handle FROM reporting_line r "
	    "JOIN person m ON m.id = r.manager_id "
	    "WHERE r.person_id = ? AND r.kind = 'dotted' AND r.end_on IS NULL "
	    "ORDER BY m.handle";
	struct buf b = {0};

	store_each(
	    st, store_stmt(st, strcmp(kind, "solid") == 0 ? qsolid : qdotted),
	    STORE_ARGS(STORE_INT(person)), join_row, &b, "the store");
	return b.s;
}

/* Is there a current line of this kind from person to manager? */
int
store_org_line_open(struct store *st, int64_t person, int64_t manager,
                    const char *kind)
{
	static const char qsolid[] =
	    "SELECT 1 FROM person WHERE id = ?1 AND manager_id = ?2";
	static const char qdotted[] =
	    "SELECT 1 FROM reporting_line WHERE person_id = ?1 AND "
	    "manager_id = ?2 AND kind = 'dotted' AND end_on IS NULL";

	return store_exists(
	    st, store_stmt(st, strcmp(kind, "solid") == 0 ? qsolid : qdotted),
	    STORE_ARGS(STORE_INT(person), STORE_INT(manager)));
}

/*
 * Two ids a row: a person's current line (its id, 0 for the solid one,
 * and the manager), or a person and their account.
 */
struct two_ids {
	int64_t id, other;
};
#define F(m) STORE_FIELD(struct two_ids, m, INT64)
STORE_ROWS(two_ids_rows, struct two_ids, F(id), F(other));
#undef F

/*
 * Ends the person's current lines of one kind, except those to the
 * managers in keep (person ids), which stay as they were.  An ended
 * solid line moves from the person row to reporting_line.
 */
static int
end_lines_except(struct store *st, int64_t person, const char *kind,
                 const char *on, const int64_t *keep, size_t nkeep)
{
	static const char qlist[] =
	    "SELECT id, manager_id FROM reporting_line WHERE person_id = ? "
	    "AND kind = 'dotted' AND end_on IS NULL";
	static const char qend[] =
	    "UPDATE reporting_line SET end_on = ? WHERE id = ?";
	static const char qsolid[] =
	    "SELECT 0, manager_id FROM person WHERE id = ? "
	    "AND manager_id IS NOT NULL";
	static const char qmove[] =
	    "INSERT INTO reporting_line (person_id, manager_id, kind, "
	    "start_on, end_on) SELECT id, manager_id, 'solid', manager_since, "
	    "?1 FROM person WHERE id = ?2";
	static const char qclear[] = "UPDATE person SET manager_id = NULL, "
	                             "manager_since = NULL WHERE id = ?2";
	int solid = strcmp(kind, "solid") == 0;
	struct kam_array a = {0};
	struct two_ids *l;
	size_t i, k;
	int rc;

	rc = store_read_all(st, store_stmt(st, solid ? qsolid : qlist),
	                    STORE_ARGS(STORE_INT(person)), &two_ids_rows, &a,
	                    "the store");
	for (i = 0, l = a.v; rc == KAM_OK && i < a.n; i++) {
		for (k = 0; k < nkeep && keep[k] != l[i].other; k++)
			;
		if (k < nkeep)
			continue;
		rc = store_put(st, store_stmt(st, solid ? qmove : qend),
		               STORE_ARGS(STORE_TEXT(on),
		                          STORE_INT(solid ? person : l[i].id)),
		               "cannot end reporting line");
		if (rc == KAM_OK && solid)
			rc =
			    store_put(st, store_stmt(st, qclear),
			              STORE_ARGS(STORE_NULL, STORE_INT(person)),
			              "cannot end reporting line");
	}
	free(a.v);
	return rc;
}

/* Starts a line person -> manager on on (NULL: since the person was
 * recorded), unless it is current already. */
int
store_org_line_start(struct store *st, int64_t person, int64_t m,
                     const char *kind, const char *on)
{
	static const char q[] =
	    "INSERT INTO reporting_line (person_id, manager_id, kind, "
	    "start_on) VALUES (?1, ?2, ?3, ?4)";
	static const char qsolid[] = "UPDATE person SET manager_id = ?2, "
	                             "manager_since = ?4 WHERE id = ?1";
	int solid = strcmp(kind, "solid") == 0;

	if (store_org_line_open(st, person, m, kind))
		return KAM_OK; /* already so: keep the line and its start */
	return store_put(st, store_stmt(st, solid ? qsolid : q),
	                 STORE_ARGS(STORE_INT(person), STORE_INT(m),
	                            STORE_TEXT(solid ? NULL : kind),
	                            STORE_TEXT(on)),
	                 "cannot add reporting line");
}

static int
person_exists(struct store *st, int64_t account, const char *handle)
{
	static const char q[] =
	    "SELECT 1 FROM person WHERE account_id = ? AND handle = ?";

	return store_exists(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_INT(account), STORE_TEXT(handle)));
}

/* Refuses an external id another person of the account holds. */
int
store_org_ext_id_free(struct store *st, int64_t account, int64_t person,
                      const char *ext_id)
{
	return store_ext_id_free(st, 0, account, person, ext_id);
}

int
store_org_person_new(struct store *st, int64_t account, const char *handle,
                     const struct org_change *c, int64_t *person)
{
	const char *title, *dept;
	struct org_new_person np;
	int64_t id;
	char *acct;
	int rc;

	if (person_exists(st, account, handle)) {
		acct = store_org_account_handle(st, account);
		rc = kam_err(KAM_CONFLICT, _("person '%s/%s' already exists"),
		             acct, handle);
		free(acct);
		return rc;
	}
	if ((rc = store_ext_id_free(st, 0, account, 0, c->ext_id)) != KAM_OK)
		return rc;
	/* An empty text is no text, as person set and import have it. */
	title = c->title != NULL && *c->title ? c->title : NULL;
	dept = c->dept != NULL && *c->dept ? c->dept : NULL;
	memset(&np, 0, sizeof np);
	np.id = id = store_org_max_person_id(st) + 1;
	np.handle = handle;
	np.name = c->name ? c->name : title ? title : handle;
	np.title = title;
	np.dept = dept;
	np.level = c->level > 0 ? c->level : 0;
	np.placeholder = c->placeholder == 1;
	np.ext_id = c->ext_id != NULL && *c->ext_id ? c->ext_id : NULL;
	if ((rc = store_org_insert_people(st, account, &np, 1, "added")) !=
	    KAM_OK)
		return rc;
	*person = id;
	return KAM_OK;
}

static int
set_text(struct store *st, int64_t id, const char *field, const char *q,
         const char *old_value, const char *new_value, const char *on)
{
	int rc;

	if (old_value != NULL && new_value != NULL &&
	    strcmp(old_value, new_value) == 0)
		return KAM_OK;
	if (old_value == NULL && new_value == NULL)
		return KAM_OK;
	if ((rc = store_put(st, store_stmt(st, q),
	                    STORE_ARGS(STORE_TEXT(new_value), STORE_INT(id)),
	                    "cannot change person")) != KAM_OK)
		return rc;
	return history(st, id, on, field, old_value, new_value);
}

/* Whether two ';'-joined lists (or NULLs) differ. */
static int
differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0);
}

/*
 * Replaces the person's current lines of one kind with those to the
 * managers m (solid: at most one), and records the change.
 */
static int
set_lines(struct store *st, int64_t id, const char *kind, const int64_t *m,
          size_t n, const char *on)
{
	char *old = managers(st, id, kind), *now;
	size_t i;
	int rc;

	rc = end_lines_except(st, id, kind, on, m, n);
	for (i = 0; rc == KAM_OK && i < n; i++)
		rc = store_org_line_start(st, id, m[i], kind, on);
	now = managers(st, id, kind);
	if (rc == KAM_OK && differ(old, now))
		rc = history(st, id, on,
		             strcmp(kind, "solid") == 0 ? "reports_to"
		                                        : "dotted_to",
		             old, now);
	free(now);
	free(old);
	return rc;
}

/* A person's fields as they were before a change. */
struct person_was {
	char *name, *title, *dept;
	long level;
	int placeholder;
	char *ext, *left;
};
#define F(m, k) STORE_FIELD(struct person_was, m, k)
STORE_ROWS(person_was_rows, struct person_was, F(name, DUP), F(title, DUP),
           F(dept, DUP), F(level, LONG), F(placeholder, INT), F(ext, DUP),
           F(left, DUP));
#undef F

/* The fields of d that change: each recorded (person set, import). */
static int
apply_fields(struct store *st, int64_t id, const struct org_delta *d,
             const char *on, const struct person_was *w)
{
	static const char qname[] = "UPDATE person SET name = ? WHERE id = ?";
	static const char qtitle[] = "UPDATE person SET title = ? WHERE id = ?";
	static const char qdept[] = "UPDATE person SET dept = ? WHERE id = ?";
	static const char qlevel[] = "UPDATE person SET level = ? WHERE id = ?";
	static const char qph[] =
	    "UPDATE person SET placeholder = ? WHERE id = ?";
	char lv_old[24], lv_new[24];
	int rc = KAM_OK;

	if (d->name != NULL)
		rc = set_text(st, id, "name", qname, w->name, d->name, on);
	if (rc == KAM_OK && d->title != NULL)
		rc = set_text(st, id, "title", qtitle, w->title,
		              *d->title ? d->title : NULL, on);
	if (rc == KAM_OK && d->dept != NULL)
		rc = set_text(st, id, "dept", qdept, w->dept,
		              *d->dept ? d->dept : NULL, on);
	if (rc == KAM_OK && d->level >= 0 && d->level != w->level) {
		snprintf(lv_old, sizeof lv_old, "%ld", w->level);
		snprintf(lv_new, sizeof lv_new, "%ld", d->level);
		rc = store_put(st, store_stmt(st, qlevel),
		               STORE_ARGS(ID_OR_NULL(d->level), STORE_INT(id)),
		               "cannot change person");
		if (rc == KAM_OK)
			rc = history(st, id, on, "level",
			             w->level ? lv_old : NULL,
			             d->level ? lv_new : NULL);
	}
	if (rc == KAM_OK && d->placeholder >= 0 &&
	    d->placeholder != w->placeholder) {
		rc = store_put(
		    st, store_stmt(st, qph),
		    STORE_ARGS(STORE_INT(d->placeholder), STORE_INT(id)),
		    "cannot change person");
		if (rc == KAM_OK)
			rc = history(st, id, on, "placeholder",
			             w->placeholder ? "yes" : "no",
			             d->placeholder ? "yes" : "no");
	}
	return rc;
}

int
store_org_person_apply(struct store *st, int64_t id, const struct org_delta *d,
                       const char *on)
{
	static const char qext[] = "UPDATE person SET ext_id = ? WHERE id = ?";
	static const char qleft[] =
	    "UPDATE person SET left_on = ? WHERE id = ?";
	static const char qget[] =
	    "SELECT name, title, dept, level, placeholder, ext_id, left_on "
	    "FROM person WHERE id = ?";
	struct person_was w = {NULL, NULL, NULL, 0, 0, NULL, NULL};
	int rc;

	store_read_one(st, store_stmt(st, qget), STORE_ARGS(STORE_INT(id)),
	               &person_was_rows, &w, "the store");
	rc = apply_fields(st, id, d, on, &w);
	if (rc == KAM_OK && d->set_solid)
		rc =
		    set_lines(st, id, "solid", &d->solid, d->solid ? 1 : 0, on);
	if (rc == KAM_OK && d->set_dotted)
		rc = set_lines(st, id, "dotted", d->dotted, d->ndotted, on);
	if (rc == KAM_OK && d->ext_id != NULL)
		rc = set_text(st, id, "ext_id", qext, w.ext,
		              *d->ext_id ? d->ext_id : NULL, on);
	/* A departure is recorded on its own day. */
	if (rc == KAM_OK && d->left_on != NULL && w.left == NULL)
		rc = set_text(st, id, "left_on", qleft, NULL, d->left_on,
		              d->left_on);
	free(w.name);
	free(w.title);
	free(w.dept);
	free(w.ext);
	free(w.left);
	return rc;
}

int
store_org_person_state(struct store *st, int64_t person, int *placeholder,
                       int64_t *account)
{
	static const char q[] =
	    "SELECT placeholder, account_id FROM person WHERE id = ?";
	db_stmt *s = store_stmt(st, q);

	if (store_first(st, s, STORE_ARGS(STORE_INT(person)), "a person")) {
		*placeholder = db_column_int(s, 0);
		*account = db_column_int64(s, 1);
		db_reset(s);
	}
	return store_failed(st);
}

static const char q_left_on[] = "SELECT left_on FROM person WHERE id = ?";

int
store_org_person_leave(struct store *st, int64_t id, const char *on)
{
	static const char qset[] = "UPDATE person SET left_on = ? WHERE id = ?";
	char *left = text_of(st, q_left_on, id), *r;
	int rc;

	if (left != NULL) {
		r = store_person_ref(st, id);
		rc = kam_err(KAM_CONFLICT, _("'%s' already left on %s"), r,
		             left);
		free(r);
		free(left);
		return rc;
	}
	if ((rc = store_put(st, store_stmt(st, qset),
	                    STORE_ARGS(STORE_TEXT(on), STORE_INT(id)),
	                    "cannot record leaving")) != KAM_OK)
		return rc;
	return history(st, id, on, "left_on", NULL, on);
}

int
store_org_person_return(struct store *st, int64_t id, const char *on)
{
	static const char qset[] =
	    "UPDATE person SET left_on = NULL WHERE id = ?";
	char *left = text_of(st, q_left_on, id), *r;
	int rc;

	if (left == NULL) {
		r = store_person_ref(st, id);
		rc = kam_err(KAM_CONFLICT,
		             _("'%s' has not left: no departure to undo"), r);
		free(r);
		return rc;
	}
	if ((rc = store_put(st, store_stmt(st, qset), STORE_ARGS(STORE_INT(id)),
	                    "cannot undo the departure")) == KAM_OK)
		rc = history(st, id, on, "left_on", left, NULL);
	free(left);
	return rc;
}

int
store_org_person_rm(struct store *st, int64_t id)
{
	/* Everything else that names the person, by what to say of it. */
	static const char qrefs[] =
	    "SELECT (SELECT count(*) FROM person WHERE manager_id = ?1) + "
	    "(SELECT count(*) FROM reporting_line WHERE manager_id = ?1), "
	    "(SELECT count(*) FROM deal_role_period WHERE person_id = ?1), "
	    "(SELECT count(*) FROM link_period WHERE from_id = ?1 "
	    "OR to_id = ?1), "
	    "(SELECT count(*) FROM observation WHERE person_id = ?1), "
	    "(SELECT count(*) FROM contact WHERE person_id = ?1)";
	static const char *const del[] = {
	    "DELETE FROM reporting_line WHERE person_id = ?1",
	    "DELETE FROM person_history WHERE person_id = ?1",
	    "DELETE FROM person WHERE id = ?1"};
	static const char *const what[] = {
	    N_("reports"), N_("buying roles"), N_("links"),
	    N_("stance observations"), N_("seller contacts")};
	db_stmt *s;
	long n[sizeof what / sizeof what[0]];
	char *r, why[200];
	size_t i, len = 0;
	int rc = KAM_OK;

	s = store_stmt(st, qrefs);
	if (!store_first(st, s, STORE_ARGS(STORE_INT(id)), "the person"))
		return store_failed(st);
	for (i = 0; i < sizeof n / sizeof n[0]; i++)
		n[i] = db_column_int(s, (int)i);
	db_reset(s);
	why[0] = '\0';
	for (i = 0; i < sizeof n / sizeof n[0]; i++)
		if (n[i] > 0)
			len += (size_t)snprintf(why + len, sizeof why - len,
			                        "%s%s: %ld", len ? ", " : "",
			                        _(what[i]), n[i]);
	if (len > 0) {
		r = store_person_ref(st, id);
		rc =
		    kam_err(KAM_CONFLICT,
		            _("'%s' cannot be removed: other records refer to "
		              "them (%s); record a departure with person leave "
		              "instead"),
		            r, why);
		free(r);
		return rc;
	}
	for (i = 0; rc == KAM_OK && i < sizeof del / sizeof del[0]; i++)
		rc = store_put(st, store_stmt(st, del[i]),
		               STORE_ARGS(STORE_INT(id)),
		               "cannot remove the person");
	return rc;
}

/* A person's current dotted-line managers, for listing a whole account. */
struct mgr_row {
	int64_t person;
	char *dotted;
};

STORE_BY_ID(struct mgr_row, person);

/* The dotted lines being gathered by person (account_managers). */
struct mgr_rows {
	struct kam_array rows; /* of struct mgr_row */
	struct buf dotted;     /* the last row's, so far */
};

/* Ends the last row's list of managers. */
static void
mgr_close(struct mgr_rows *m)
{
	struct mgr_row *last = m->rows.v;

	if (m->rows.n > 0 && m->dotted.len)
		last[m->rows.n - 1].dotted = xstrdup(m->dotted.s);
	m->dotted.len = 0;
}

/* A dotted line (person, manager): a row begun for a new person. */
static int
mgr_line(db_stmt *s, void *arg)
{
	struct mgr_rows *m = arg;
	struct mgr_row *r = m->rows.v;
	int64_t pid = db_column_int64(s, 0);

	if (m->rows.n == 0 || r[m->rows.n - 1].person != pid) {
		mgr_close(m);
		r = kam_array_add(&m->rows, sizeof *r);
		r->person = pid;
	}
	return join_row_at(&m->dotted, col(s, 1));
}

/*
 * Every current dotted line of an account's people, in one pass: a
 * correlated subquery per person made listing 100,000 people three times
 * slower.  Rows come ordered by person.
 */
static struct mgr_row *
account_managers(struct store *st, int64_t account, size_t *n)
{
	static const char q[] =
	    "SELECT r.person_id, " MANAGER_REF " "
	    "FROM reporting_line r JOIN person p ON p.id = r.person_id "
	    "JOIN person m ON m.id = r.manager_id "
	    "WHERE +p.account_id = ? AND r.kind = 'dotted' "
	    "AND r.end_on IS NULL ORDER BY r.person_id, m.handle";
	struct mgr_rows m = {{NULL, 0, 0}, {NULL, 0, 0}};

	store_each(st, store_stmt(st, q), STORE_ARGS(STORE_INT(account)),
	           mgr_line, &m, "the store");
	mgr_close(&m);
	buf_free(&m.dotted);
	*n = m.rows.n;
	return m.rows.v;
}

#define F(m, k) STORE_FIELD(struct org_person, m, k)
STORE_ROWS(person_rows, struct org_person, F(id, INT64), F(account_id, INT64),
           F(account, TEXT), F(handle, TEXT), F(name, TEXT), F(title, TEXT),
           F(dept, TEXT), F(level, LONG), F(reports_to, TEXT),
           F(dotted_to, TEXT), F(placeholder, INT), F(left_on, TEXT),
           F(ext_id, TEXT), F(manager_id, INT64));
#undef F

/* The people being listed, with their dotted lines read before. */
struct people {
	int (*fn)(const struct org_person *, void *);
	void *arg;
	struct mgr_row *mgrs; /* of a whole account, else NULL */
	size_t nmgrs;
	int whole;
};

static int
people_row(db_stmt *s, void *arg)
{
	struct people *pp = arg;
	struct org_person p;
	struct mgr_row key, *hit;

	store_read(s, &person_rows, &p);
	if (pp->whole) {
		key.person = p.id;
		hit = pp->nmgrs == 0 ? NULL
		                     : bsearch(&key, pp->mgrs, pp->nmgrs,
		                               sizeof *pp->mgrs, kam_by_id);
		p.dotted_to = hit ? hit->dotted : NULL;
	}
	return pp->fn(&p, pp->arg);
}

static int
people(struct store *st, int64_t account, int64_t person, int by_handle,
       int (*fn)(const struct org_person *, void *), void *arg)
{
#define PERSON_COLS                                                            \
	"SELECT p.id, p.account_id, a.handle, p.handle, p.name, p.title, "     \
	"p.dept, p.level, "                                                    \
	"(SELECT " MANAGER_REF " FROM person m WHERE m.id = p.manager_id), "   \
	"(SELECT group_concat(h, ';') FROM (SELECT m.handle AS h "             \
	" FROM reporting_line r JOIN person m ON m.id = r.manager_id "         \
	" WHERE r.person_id = p.id AND r.kind = 'dotted' "                     \
	" AND r.end_on IS NULL ORDER BY m.handle) AS dotted), "                \
	"p.placeholder, p.left_on, p.ext_id, p.manager_id FROM person p "      \
	"JOIN account a ON a.id = p.account_id "
	static const char qone[] = PERSON_COLS "WHERE p.id = ?";
#undef PERSON_COLS
	/*
	 * The unary + makes SQLite read the table in id order rather than
	 * through the (account_id, handle) index and sort.
	 */
#define ACCOUNT_COLS                                                           \
	"SELECT p.id, p.account_id, a.handle, p.handle, p.name, p.title, "     \
	"p.dept, p.level, " MANAGER_REF ", NULL, "                             \
	"p.placeholder, p.left_on, p.ext_id, p.manager_id "                    \
	"FROM person p JOIN account a ON a.id = p.account_id "                 \
	"LEFT JOIN person m ON m.id = p.manager_id "
	static const char qall[] =
	    ACCOUNT_COLS "WHERE +p.account_id = ? ORDER BY p.id";
	static const char qhandle[] =
	    ACCOUNT_COLS "WHERE p.account_id = ? ORDER BY p.handle";
#undef ACCOUNT_COLS
	struct people pp = {fn, arg, NULL, 0, person == 0};
	size_t i;
	int rc;

	if (pp.whole)
		pp.mgrs = account_managers(st, account, &pp.nmgrs);
	rc = store_failed(st); /* no rows without their dotted lines */
	if (rc == KAM_OK)
		rc =
		    store_each(st,
		               store_stmt(st, person      ? qone
		                              : by_handle ? qhandle
		                                          : qall),
		               STORE_ARGS(STORE_INT(person ? person : account)),
		               people_row, &pp, "the people");
	for (i = 0; i < pp.nmgrs; i++)
		free(pp.mgrs[i].dotted);
	free(pp.mgrs);
	return rc;
}

int
store_org_people(struct store *st, int64_t account, int64_t person,
                 int (*fn)(const struct org_person *, void *), void *arg)
{
	return people(st, account, person, 0, fn, arg);
}

int
store_org_people_by_handle(struct store *st, int64_t account,
                           int (*fn)(const struct org_person *, void *),
                           void *arg)
{
	return people(st, account, 0, 1, fn, arg);
}

int64_t
store_org_max_person_id(struct store *st)
{
	return store_get_id(st, store_stmt(st, "SELECT max(id) FROM person"),
	                    NULL);
}

STORE_ROWS(handle_rows, struct org_handle,
           STORE_FIELD(struct org_handle, handle, DUP),
           STORE_FIELD(struct org_handle, id, INT64));

int
store_org_handles(struct store *st, int64_t account, struct org_handle **out,
                  size_t *n)
{
	static const char q[] = "SELECT handle, id FROM person "
	                        "WHERE account_id = ? ORDER BY handle";
	struct kam_array a = {0};
	int rc = store_read_all(st, store_stmt(st, q),
	                        STORE_ARGS(STORE_INT(account)), &handle_rows,
	                        &a, "the handles");

	*out = a.v;
	*n = a.n;
	return rc;
}

#define F(m) STORE_FIELD(struct org_event, m, TEXT)
STORE_ROWS(event_rows, struct org_event, F(effective), F(recorded), F(actor),
           F(field), F(old_value), F(new_value));
#undef F

/*
 * The creation, from the person row, then every change as it was
 * recorded: to the record, and the start and end of each buying
 * role and each link.
 */
static const char q_log[] =
    "SELECT created, coalesce(recorded, created), "
    "coalesce(recorded_by, ''), 'created', NULL, origin, '', 0, 0, 0, "
    "NULL "
    "FROM person WHERE id = ?1 UNION ALL "
    "SELECT effective, recorded, actor, field, old_value, new_value, "
    "recorded, 1, id, 0, NULL FROM person_history WHERE person_id = ?1 "
    "UNION ALL SELECT * FROM (WITH g (start_on, end_on, recorded, "
    "actor, ended, ended_by, what, id) AS (SELECT r.start_on, "
    "r.end_on, coalesce(r.recorded, r.start_on), "
    "coalesce(r.actor, ''), r.ended, coalesce(r.ended_by, ''), "
    "a.handle || '/' || d.handle || ' ' || r.role || ' (' || "
    "r.influence || CASE WHEN r.lead = 1 THEN ', lead' ELSE '' END || "
    "CASE WHEN r.is_primary = 1 THEN ', primary' ELSE '' END || ')', "
    "r.id FROM deal_role_period r JOIN deal d ON d.id = r.deal_id "
    "JOIN account a ON a.id = d.account_id WHERE r.person_id = ?1) "
    "SELECT start_on, recorded, actor, 'role', NULL, what, recorded, "
    "2, "
    "id, 0, start_on FROM g UNION ALL SELECT end_on, ended, ended_by, "
    "'role', what, NULL, ended, 2, id, 1, end_on FROM g WHERE end_on "
    "IS NOT NULL) AS roles "
    "UNION ALL SELECT * FROM (WITH k (start_on, end_on, recorded, "
    "actor, ended, ended_by, what, id) AS (SELECT l.start_on, "
    "l.end_on, "
    "l.created, coalesce(l.actor, ''), l.ended, "
    "coalesce(l.ended_by, ''), fa.handle || '/' || f.handle || ' ' || "
    "l.kind || ' ' || ta.handle || '/' || t.handle || ' (' || "
    "l.strength || ')', l.id FROM link_period l "
    "JOIN person f ON f.id = l.from_id "
    "JOIN account fa ON fa.id = f.account_id "
    "JOIN person t ON t.id = l.to_id "
    "JOIN account ta ON ta.id = t.account_id "
    "WHERE l.from_id = ?1 OR l.to_id = ?1) "
    "SELECT start_on, recorded, actor, 'link', NULL, what, recorded, "
    "3, "
    "id, 0, start_on FROM k UNION ALL SELECT end_on, ended, ended_by, "
    "'link', what, NULL, ended, 3, id, 1, end_on FROM k WHERE end_on "
    "IS NOT NULL) AS links "
    "ORDER BY 7, 8, 11, 9, 10";

int
store_org_log(struct store *st, int64_t person,
              int (*fn)(const struct org_event *, void *), void *arg)
{
	return store_each_read(st, store_stmt(st, q_log),
	                       STORE_ARGS(STORE_INT(person)), &event_rows,
	                       (store_fn)fn, arg, "a person's history");
}

/* Links */

/* Whether a link may join a and b: two people of one account group. */
static int
pair(struct store *st, int64_t a, int64_t b)
{
	int64_t aa, ba;
	char *ra, *rb;
	int rc;

	person_row(st, a, &aa);
	person_row(st, b, &ba);
	/* Within an account, or across the accounts of a group. */
	if (a != b && (aa == ba || store_org_group_root(st, aa) ==
	                               store_org_group_root(st, ba)))
		return KAM_OK;
	ra = store_person_ref(st, a);
	rb = store_person_ref(st, b);
	if (a == b)
		rc = kam_err(KAM_CONFLICT,
		             _("a link needs two people, not "
		               "'%s' twice"),
		             ra);
	else
		rc = kam_err(KAM_CONFLICT,
		             _("'%s' and '%s' are in different accounts"), ra,
		             rb);
	free(ra);
	free(rb);
	return rc;
}

/*
 * Links and buying roles hold for periods (kam(7)): a period of a pair
 * (a, b) and a word, a link's from, to and kind or a role's deal, person
 * and role, begins on a day and may end on a later one.  What differs
 * between the two kinds is in a struct period_kind.
 */
enum period_fault {
	PERIOD_NONE,    /* none open to end */
	PERIOD_CHANGE,  /* the open one began after the day of a change */
	PERIOD_RESTART, /* the last one ended after the day of a new one */
	PERIOD_END      /* the open one began after the day it is to end */
};
struct period_kind {
	const char *qopen; /* ?1 a, ?2 b, ?3 word: the open one's id, start */
	const char *qlast; /* the same: the day the last one ended */
	const char *qend;  /* ends period ?1 on ?2, recorded ?3 by ?4 */
	int deal;          /* a is a deal and b its role's holder */
	/* By fault: a link's name the word, then a and b; a role's the
	 * holder, the word, then the deal; then since and the day. */
	const char *fault[4];
};

static const struct period_kind links = {
    "SELECT id, start_on FROM link_period WHERE from_id = ?1 "
    "AND to_id = ?2 AND kind = ?3 AND end_on IS NULL",
    "SELECT max(end_on) FROM link_period WHERE from_id = ?1 "
    "AND to_id = ?2 AND kind = ?3",
    "UPDATE link_period SET end_on = ?2, ended = ?3, ended_by = ?4 "
    "WHERE id = ?1",
    0,
    {N_("no '%s' link from '%s' to '%s'"),
     N_("the '%s' link from '%s' to '%s' holds since %s: it cannot change "
        "on %s, before"),
     N_("the '%s' link from '%s' to '%s' ended on %s: it cannot start "
        "again on %s, before"),
     N_("the '%s' link from '%s' to '%s' holds since %s: it cannot end on "
        "%s, before")}};

static const struct period_kind roles = {
    "SELECT id, start_on FROM deal_role_period WHERE deal_id = ?1 "
    "AND person_id = ?2 AND role = ?3 AND end_on IS NULL",
    "SELECT max(end_on) FROM deal_role_period WHERE deal_id = ?1 "
    "AND person_id = ?2 AND role = ?3",
    "UPDATE deal_role_period SET end_on = ?2, ended = ?3, ended_by = ?4 "
    "WHERE id = ?1",
    1,
    {N_("'%s' holds no role '%s' in '%s'"),
     N_("'%s' holds role '%s' in '%s' since %s: it cannot change on %s, "
        "before"),
     N_("'%s' held role '%s' in '%s' until %s: it cannot start again on "
        "%s, before"),
     N_("'%s' holds role '%s' in '%s' since %s: it cannot end on %s, "
        "before")}};

/* The day to write (on, or today). */
static const char *
day_or_today(const char *on, char *today)
{
	if (on != NULL)
		return on;
	kam_today(today);
	return today;
}

/*
 * Each row of q, read by rows, for the id ?1 on the day ?2 (as_of, today
 * when NULL), handed to fn.
 */
static int
each_at(struct store *st, const char *q, int64_t id, const char *as_of,
        const struct store_rows *rows, store_fn fn, void *arg, const char *what)
{
	char today[KAM_DATE_LEN];

	return store_each_read(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(id), STORE_TEXT(day_or_today(as_of, today))),
	    rows, fn, arg, what);
}

/* Reports a fault of the period (a, b, word) with since and the day on. */
static int
period_refused(struct store *st, const struct period_kind *k,
               enum period_fault f, int64_t a, int64_t b, const char *word,
               const char *since, const char *on)
{
	char *ra = k->deal ? store_deal_ref(st, a) : store_person_ref(st, a);
	char *rb = store_person_ref(st, b);
	int rc = f == PERIOD_NONE ? KAM_NOTFOUND : KAM_DATA;

	if (k->deal)
		rc = kam_err(rc, _(k->fault[f]), rb, word, ra, since, on);
	else
		rc = kam_err(rc, _(k->fault[f]), word, ra, rb, since, on);
	free(ra);
	free(rb);
	return rc;
}

/* The arguments ?1, ?2 and ?3 of a statement over the period (a, b, word). */
#define PERIOD_ARGS(a, b, word) STORE_INT(a), STORE_INT(b), STORE_TEXT(word)

/*
 * The open period (a, b, word): its id (0: none) and its start in since;
 * with none open and last set, since is the day the last one ended
 * ("": none did).
 */
static int64_t
period_open(struct store *st, const struct period_kind *k, int64_t a, int64_t b,
            const char *word, int last, char since[KAM_DATE_LEN])
{
	db_stmt *s = store_stmt(st, k->qopen);
	int64_t id = 0;

	since[0] = '\0';
	if (store_first(st, s, STORE_ARGS(PERIOD_ARGS(a, b, word)),
	                "the periods")) {
		id = db_column_int64(s, 0);
		snprintf(since, KAM_DATE_LEN, "%s", col(s, 1));
		db_reset(s);
	}
	if (id != 0 || !last)
		return id;
	s = store_stmt(st, k->qlast);
	if (store_first(st, s, STORE_ARGS(PERIOD_ARGS(a, b, word)),
	                "the periods")) {
		if (db_column_type(s, 0) != DB_NULL)
			snprintf(since, KAM_DATE_LEN, "%s", col(s, 0));
		db_reset(s);
	}
	return 0;
}

/* Ends a period (its id) on day on, now, by the actor. */
static int
period_end(struct store *st, const struct period_kind *k, int64_t id,
           const char *on)
{
	return store_put(st, store_stmt(st, k->qend),
	                 STORE_ARGS(STORE_INT(id), STORE_TEXT(on), STORE_STAMP),
	                 "cannot end the period");
}

/*
 * Makes way for a period (a, b, word) beginning on day on: refuses a day
 * before the open one's start or the last one's end, else ends the open
 * one on that day.
 */
static int
period_renew(struct store *st, const struct period_kind *k, int64_t a,
             int64_t b, const char *word, const char *on)
{
	char since[KAM_DATE_LEN];
	int64_t open = period_open(st, k, a, b, word, 1, since);

	if (strcmp(on, since) < 0)
		return period_refused(st, k,
		                      open ? PERIOD_CHANGE : PERIOD_RESTART, a,
		                      b, word, since, on);
	return open != 0 ? period_end(st, k, open, on) : KAM_OK;
}

/* Ends the open period (a, b, word) on day on (NULL: today). */
static int
period_close(struct store *st, const struct period_kind *k, int64_t a,
             int64_t b, const char *word, const char *on)
{
	char today[KAM_DATE_LEN], since[KAM_DATE_LEN];
	int64_t id = period_open(st, k, a, b, word, 0, since);

	on = day_or_today(on, today);
	if (id == 0)
		return period_refused(st, k, PERIOD_NONE, a, b, word, since,
		                      on);
	if (strcmp(on, since) < 0)
		return period_refused(st, k, PERIOD_END, a, b, word, since, on);
	return period_end(st, k, id, on);
}

int
store_org_link_on(struct store *st, int64_t a, int64_t b, const char *kind,
                  long strength, const char *on)
{
	static const char q[] =
	    "INSERT INTO link_period (from_id, to_id, kind, start_on, created, "
	    "actor, strength) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	char today[KAM_DATE_LEN];
	int rc;

	if ((rc = pair(st, a, b)) != KAM_OK ||
	    store_org_link_strength(st, a, b, kind) == strength)
		return rc;
	on = day_or_today(on, today);
	if ((rc = period_renew(st, &links, a, b, kind, on)) != KAM_OK)
		return rc;
	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(PERIOD_ARGS(a, b, kind), STORE_TEXT(on),
	                            STORE_STAMP, STORE_INT(strength)),
	                 "cannot add link");
}

int
store_org_unlink_on(struct store *st, int64_t a, int64_t b, const char *kind,
                    const char *on)
{
	int rc = pair(st, a, b);

	return rc != KAM_OK ? rc : period_close(st, &links, a, b, kind, on);
}

#define F(m, k) STORE_FIELD(struct org_link, m, k)
STORE_ROWS(link_rows, struct org_link, F(from, TEXT), F(to, TEXT),
           F(from_name, TEXT), F(to_name, TEXT), F(kind, TEXT),
           F(strength, LONG));
#undef F

static const char q_links_at[] =
    "SELECT f.handle, " LINK_TO_REF ", "
    "f.name, t.name, l.kind, l.strength "
    "FROM link_period l JOIN person f ON f.id = l.from_id "
    "JOIN person t ON t.id = l.to_id WHERE f.account_id = ?1 "
    "AND " STORE_IN_FORCE(
        "l", "?2") " ORDER BY (SELECT min(x.id) "
                   "FROM link_period x WHERE x.from_id = l.from_id "
                   "AND x.to_id = l.to_id AND x.kind = l.kind)";

int
store_org_links_at(struct store *st, int64_t account, const char *as_of,
                   int (*fn)(const struct org_link *, void *), void *arg)
{
	return each_at(st, q_links_at, account, as_of, &link_rows, (store_fn)fn,
	               arg, "the links");
}

/* Competitors */

int
store_org_competitor_add(struct store *st, const char *handle, const char *name)
{
	static const char qfind[] = "SELECT 1 FROM competitor WHERE handle = ?";
	static const char q[] =
	    "INSERT INTO competitor (handle, name) VALUES (?, ?)";

	if (store_exists(st, store_stmt(st, qfind),
	                 STORE_ARGS(STORE_HANDLE(handle))))
		return kam_err(KAM_CONFLICT,
		               _("competitor '%s' already exists"), handle);
	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(STORE_HANDLE(handle), STORE_TEXT(name)),
	                 "cannot add competitor");
}

STORE_ROWS(competitor_rows, struct org_competitor,
           STORE_FIELD(struct org_competitor, handle, TEXT),
           STORE_FIELD(struct org_competitor, name, TEXT));

static const char q_competitors[] =
    "SELECT handle, name FROM competitor ORDER BY handle";

int
store_org_competitors(struct store *st,
                      int (*fn)(const struct org_competitor *, void *),
                      void *arg)
{
	return store_each_read(st, store_stmt(st, q_competitors), NULL,
	                       &competitor_rows, (store_fn)fn, arg,
	                       "the competitors");
}

/* Deals */

#define F(m, k) STORE_FIELD(struct org_deal, m, k)
STORE_ROWS(deal_rows, struct org_deal, F(id, INT64), F(account, TEXT),
           F(handle, TEXT), F(name, TEXT), F(value, TEXT), F(currency, TEXT),
           F(close_on, TEXT), F(created, TEXT), F(roles, LONG), F(cost, TEXT),
           F(stage, TEXT), F(owner, TEXT), F(ext_id, TEXT), F(status, TEXT),
           F(closed_on, TEXT), F(reason, TEXT));
#undef F

static const char q_deals[] =
    "SELECT d.id, a.handle, d.handle, d.name, d.value, d.currency, "
    "d.close_on, d.created, "
    "(SELECT count(*) FROM deal_role r WHERE r.deal_id = d.id), "
    "d.cost, d.stage, d.owner, d.ext_id, d.status, d.closed_on, "
    "d.reason FROM deal d JOIN account a ON a.id = d.account_id "
    "WHERE (?1 = 0 OR d.account_id = ?1) AND (?2 = 0 OR d.id = ?2) "
    "ORDER BY a.handle, d.handle";

int
store_org_deals(struct store *st, int64_t account, int64_t deal,
                int (*fn)(const struct org_deal *, void *), void *arg)
{
	return store_each_read(st, store_stmt(st, q_deals),
	                       STORE_ARGS(STORE_INT(account), STORE_INT(deal)),
	                       &deal_rows, (store_fn)fn, arg, "the deals");
}

int64_t
store_org_deal_lookup(struct store *st, int64_t account, const char *handle)
{
	static const char q[] =
	    "SELECT id FROM deal WHERE account_id = ? AND handle = ?";

	return store_get_id(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(account), STORE_HANDLE(handle)));
}

/* Buying roles */

/* Whether person p may hold a role in deal d: one of its account group. */
static int
deal_person(struct store *st, int64_t d, int64_t p)
{
	int64_t pa = 0, da = store_deal_account(st, d);
	char *rd, *rp;
	int rc;

	person_row(st, p, &pa);
	/* The economic buyer of a subsidiary's deal may be the parent's. */
	if (pa == da ||
	    store_org_group_root(st, pa) == store_org_group_root(st, da))
		return KAM_OK;
	rd = store_deal_ref(st, d);
	rp = store_person_ref(st, p);
	rc = kam_err(KAM_CONFLICT,
	             _("'%s' is not in the account of deal '%s' or its group"),
	             rp, rd);
	free(rd);
	free(rp);
	return rc;
}

/* Opens a period of a role on day on, recorded now, by the actor. */
static int
role_start(struct store *st, int64_t d, int64_t p, const char *role,
           const char *influence, int lead, int primary, const char *on)
{
	static const char q[] =
	    "INSERT INTO deal_role_period (deal_id, person_id, role, "
	    "start_on, recorded, actor, influence, lead, is_primary) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

	return store_put(st, store_stmt(st, q),
	                 STORE_ARGS(PERIOD_ARGS(d, p, role), STORE_TEXT(on),
	                            STORE_STAMP, STORE_TEXT(influence),
	                            STORE_INT(lead), STORE_INT(primary)),
	                 "cannot set role");
}

/* A holder of the lead or the primary flag (role_drop_flag). */
struct flag_holder {
	int64_t p;
	char *role, *influence;
	int lead, primary;
};
#define F(m, k) STORE_FIELD(struct flag_holder, m, k)
STORE_ROWS(flag_holder_rows, struct flag_holder, F(p, INT64), F(role, DUP),
           F(influence, DUP), F(lead, INT), F(primary, INT));
#undef F

/*
 * Another holder of the lead (primary: of the primary flag) in deal d
 * loses it on day on: that period ends and one without it begins.
 */
static int
role_drop_flag(struct store *st, int64_t d, int64_t keep, int primary,
               const char *on)
{
	static const char qlead[] =
	    "SELECT person_id, role, influence, lead, is_primary "
	    "FROM deal_role_period WHERE deal_id = ? AND lead = 1 "
	    "AND end_on IS NULL AND id <> ? ORDER BY id";
	static const char qprimary[] =
	    "SELECT person_id, role, influence, lead, is_primary "
	    "FROM deal_role_period WHERE deal_id = ? "
	    "AND is_primary = 1 AND end_on IS NULL AND id <> ? ORDER BY id";
	struct kam_array a = {0};
	struct flag_holder *v;
	size_t i;
	int rc;

	rc = store_read_all(st, store_stmt(st, primary ? qprimary : qlead),
	                    STORE_ARGS(STORE_INT(d), STORE_INT(keep)),
	                    &flag_holder_rows, &a, "the store");
	for (i = 0, v = a.v; rc == KAM_OK && i < a.n; i++) {
		/* The flag dropped; the other one kept. */
		if (primary)
			v[i].primary = 0;
		else
			v[i].lead = 0;
		rc = period_renew(st, &roles, d, v[i].p, v[i].role, on);
		if (rc == KAM_OK)
			rc =
			    role_start(st, d, v[i].p, v[i].role, v[i].influence,
			               v[i].lead, v[i].primary, on);
	}
	store_rows_free(&flag_holder_rows, a.v, a.n);
	return rc;
}

int
store_org_role_put(struct store *st, int64_t d, int64_t p, const char *role,
                   const char *influence, int lead, int primary, const char *on)
{
	char today[KAM_DATE_LEN], since[KAM_DATE_LEN], was[8] = "";
	int64_t now_id;
	int rc, open, was_lead = 0, was_primary = 0;

	if ((rc = deal_person(st, d, p)) != KAM_OK)
		return rc;
	on = day_or_today(on, today);
	open = store_org_role_get(st, d, p, role, was, sizeof was, &was_lead,
	                          &was_primary);
	/* --lead takes the lead; without it, a lead held stays. */
	lead = lead || was_lead;
	if (primary < 0)
		primary = was_primary;
	if (influence == NULL)
		influence = open ? was : "medium";
	if (open && strcmp(influence, was) == 0 && lead == was_lead &&
	    primary == was_primary)
		return KAM_OK;
	if ((rc = period_renew(st, &roles, d, p, role, on)) != KAM_OK ||
	    (rc = role_start(st, d, p, role, influence, lead, primary, on)) !=
	        KAM_OK ||
	    ((!lead || was_lead) && (!primary || was_primary)))
		return rc;
	now_id = period_open(st, &roles, d, p, role, 0, since);
	if (lead && !was_lead)
		rc = role_drop_flag(st, d, now_id, 0, on);
	if (rc == KAM_OK && primary && !was_primary)
		rc = role_drop_flag(st, d, now_id, 1, on);
	return rc;
}

int
store_org_role_rm_on(struct store *st, int64_t d, int64_t p, const char *role,
                     const char *on)
{
	int rc = deal_person(st, d, p);

	return rc != KAM_OK ? rc : period_close(st, &roles, d, p, role, on);
}

#define F(m, k) STORE_FIELD(struct org_role, m, k)
STORE_ROWS(role_rows, struct org_role, F(deal, TEXT), F(person, TEXT),
           F(name, TEXT), F(title, TEXT), F(role, TEXT), F(influence, TEXT),
           F(level, LONG), F(lead, INT), F(placeholder, INT), F(left_on, TEXT),
           F(primary, INT), F(person_id, INT64));
#undef F

static const char q_roles_at[] =
    "SELECT d.handle, " ROLE_PERSON_REF ", "
    "p.name, p.title, r.role, r.influence, "
    "p.level, r.lead, p.placeholder, p.left_on, r.is_primary, p.id "
    "FROM deal_role_period r JOIN deal d ON d.id = r.deal_id "
    "JOIN person p ON p.id = r.person_id WHERE r.deal_id = ?1 "
    "AND " STORE_IN_FORCE("r", "?2") " ORDER BY " STORE_ROLE_ORDER ", p.handle";

int
store_org_roles_at(struct store *st, int64_t deal, const char *as_of,
                   int (*fn)(const struct org_role *, void *), void *arg)
{
	return each_at(st, q_roles_at, deal, as_of, &role_rows, (store_fn)fn,
	               arg, "the buying roles");
}

/* The rows of the red flags (org_record_flags, org-check.c). */

#define F(m, k) STORE_FIELD(struct org_holder, m, k)
STORE_ROWS(holder_rows, struct org_holder, F(who, TEXT), F(role, TEXT),
           F(placeholder, INT), F(left_on, TEXT));
#undef F

static const char q_holders[] =
    "SELECT a.handle || '/' || p.handle, r.role, p.placeholder, "
    "p.left_on FROM deal_role r JOIN person p ON p.id = r.person_id "
    "JOIN account a ON a.id = p.account_id WHERE r.deal_id = ? "
    "ORDER BY " STORE_ROLE_ORDER ", p.handle";

int
store_org_holders(struct store *st, int64_t deal,
                  int (*fn)(const struct org_holder *, void *), void *arg)
{
	return store_each_read(st, store_stmt(st, q_holders),
	                       STORE_ARGS(STORE_INT(deal)), &holder_rows,
	                       (store_fn)fn, arg, "a deal's roles");
}

/*
 * The levels of a whole account are read in one scan (in id order) and
 * compared in memory: joining each person to their manager in SQL took
 * most of the time of checking 100,000 people.  The + keeps SQLite from
 * reading people through the (account_id, handle) index and then every
 * row at random (PostgreSQL has no such hint, nor needs it).
 */
#define F(m, k) STORE_FIELD(struct org_rank, m, k)
STORE_ROWS(rank_rows, struct org_rank, F(id, INT64), F(level, LONG),
           F(manager, INT64));
#undef F

static const char q_ranks[] =
    "SELECT id, level, manager_id FROM person NOT INDEXED "
    "WHERE +account_id = ?1";
static const char q_ranks_pg[] =
    "SELECT id, level, manager_id FROM person WHERE account_id = ?1";

int
store_org_ranks(struct store *st, int64_t account,
                int (*fn)(const struct org_rank *, void *), void *arg)
{
	return store_each_read(st, store_stmt_dialect(st, q_ranks, q_ranks_pg),
	                       STORE_ARGS(STORE_INT(account)), &rank_rows,
	                       (store_fn)fn, arg, "the people");
}

#define F(m, k) STORE_FIELD(struct org_rank_line, m, k)
STORE_ROWS(rank_line_rows, struct org_rank_line, F(person, INT64),
           F(level, LONG), F(manager, INT64), F(manager_level, LONG));
#undef F

static const char q_dotted_ranks[] =
    "SELECT p.id, p.level, m.id, m.level FROM reporting_line r "
    "JOIN person p ON p.id = r.person_id "
    "JOIN person m ON m.id = r.manager_id "
    "WHERE +p.account_id = ?1 AND r.kind = 'dotted' "
    "AND r.end_on IS NULL";

int
store_org_dotted_ranks(struct store *st, int64_t account,
                       int (*fn)(const struct org_rank_line *, void *),
                       void *arg)
{
	return store_each_read(st, store_stmt(st, q_dotted_ranks),
	                       STORE_ARGS(STORE_INT(account)), &rank_line_rows,
	                       (store_fn)fn, arg, "the reporting lines");
}

int
store_org_line_names(struct store *st, int64_t who, int64_t boss,
                     char **who_name, char **boss_name)
{
	static const char q[] =
	    "SELECT a.handle || '/' || p.handle, a.handle || '/' || m.handle "
	    "FROM person p JOIN person m ON m.id = ?2 "
	    "JOIN account a ON a.id = p.account_id WHERE p.id = ?1";
	db_stmt *s = store_stmt(st, q);

	*who_name = *boss_name = NULL;
	if (store_first(st, s, STORE_ARGS(STORE_INT(who), STORE_INT(boss)),
	                "the reporting lines")) {
		*who_name = store_col_dup(s, 0);
		*boss_name = store_col_dup(s, 1);
		db_reset(s);
	}
	return store_failed(st);
}

long
store_org_link_strength(struct store *st, int64_t from, int64_t to,
                        const char *kind)
{
	static const char q[] = "SELECT strength FROM link WHERE from_id = ? "
	                        "AND to_id = ? AND kind = ?";

	return (long)store_get_id(
	    st, store_stmt(st, q),
	    STORE_ARGS(STORE_INT(from), STORE_INT(to), STORE_TEXT(kind)));
}

int
store_org_role_get(struct store *st, int64_t deal, int64_t person,
                   const char *role, char *influence, size_t size, int *lead,
                   int *primary)
{
	static const char q[] = "SELECT influence, lead, is_primary "
	                        "FROM deal_role_period WHERE end_on IS NULL "
	                        "AND deal_id = ? AND person_id = ? "
	                        "AND role = ?";
	db_stmt *s = store_stmt(st, q);

	if (!store_first(st, s,
	                 STORE_ARGS(STORE_INT(deal), STORE_INT(person),
	                            STORE_TEXT(role)),
	                 "the store"))
		return 0;
	snprintf(influence, size, "%s", col(s, 0));
	*lead = db_column_int(s, 1);
	if (primary != NULL)
		*primary = db_column_int(s, 2);
	db_reset(s);
	return 1;
}

int64_t
store_org_group_person(struct store *st, int64_t root, const char *ref)
{
	static const char qref[] =
	    "SELECT p.id, p.account_id FROM person p JOIN account a "
	    "ON a.id = p.account_id WHERE a.handle = ? AND p.handle = ?";
	static const char qext[] =
	    "SELECT id, account_id FROM person WHERE ext_id = ? ORDER BY id";
	const char *slash = strchr(ref, '/');
	struct kam_array a = {0};
	struct two_ids *v;
	int64_t found = 0;
	size_t i;
	char *acct = xstrdup(ref);

	/* Each person named: their id and account. */
	if (slash != NULL) {
		acct[slash - ref] = '\0';
		store_read_all(
		    st, store_stmt(st, qref),
		    STORE_ARGS(STORE_TEXT(acct), STORE_TEXT(slash + 1)),
		    &two_ids_rows, &a, "the store");
	} else {
		store_read_all(st, store_stmt(st, qext),
		               STORE_ARGS(STORE_TEXT(ref)), &two_ids_rows, &a,
		               "the store");
	}
	free(acct);
	for (i = 0, v = a.v; i < a.n && found == 0; i++)
		if (store_org_group_root(st, v[i].other) == root)
			found = v[i].id;
	free(a.v);
	return found;
}

char *
store_org_account_ext(struct store *st, int64_t account)
{
	return text_of(st, "SELECT ext_id FROM account WHERE id = ?", account);
}
