/*
 * store-graph: every SQL statement kam-map needs.  It reads the people of
 * one account (or only the neighbourhood of one person), the reporting
 * lines valid on the as-of day, the informal links, the buying roles, and
 * each person's stance through store_stance_get, into the plain structs of
 * graph.h.  With --focus only the drawn people are ever loaded, so memory
 * follows the size of the map, not of the account or its history.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "kam/timeline.h"
#include "store-int.h"

/* A reporting line is valid on ?2 from its start_on, until (and not on)
 * its end_on, the day a new line takes over. */
#define VALID                                                                  \
	"(r.start_on IS NULL OR r.start_on <= ?2) "                            \
	"AND (r.end_on IS NULL OR r.end_on > ?2)"

#define PERSON_COLS                                                            \
	"SELECT id, handle, name, title, dept, level, placeholder, left_on, "  \
	"account_id FROM person "

static const char q_account[] = "SELECT handle, name FROM account WHERE id = ?";
static const char q_deal[] = "SELECT handle, name FROM deal WHERE id = ?";
static const char q_competitor[] =
    "SELECT handle, name FROM competitor WHERE id = ?";
static const char q_people[] =
    PERSON_COLS "WHERE account_id = ?1 ORDER BY handle";
static const char q_person[] = PERSON_COLS "WHERE id = ?1";
/* Not through the view reporting_line_all, which SQLite would build
 * whole, for every account, before joining. */
static const char q_lines[] =
    "SELECT id, manager_id, 'solid' FROM person WHERE account_id = ?1 "
    "AND manager_id IS NOT NULL "
    "AND (manager_since IS NULL OR manager_since <= ?2) UNION ALL "
    "SELECT r.person_id, r.manager_id, r.kind FROM reporting_line r "
    "JOIN person p ON p.id = r.person_id WHERE p.account_id = ?1 AND " VALID;
static const char q_lines_of[] =
    "SELECT r.person_id, r.manager_id, r.kind FROM reporting_line_all r "
    "WHERE r.person_id = ?1 AND " VALID;
/*
 * The people of other accounts one step from the people of the account
 * ?1 on ?2: with ?4 their managers and reports (solid or dotted), with
 * ?5 the other ends of their links, with ?6 the holders of a role in the
 * deal ?3 (0: in a deal of the account).  Such lines, links and roles
 * cross the accounts of a group.
 */
static const char q_across[] =
    "SELECT m.id FROM person p JOIN person m ON m.id = p.manager_id "
    "WHERE ?4 AND p.account_id = ?1 AND m.account_id <> ?1 "
    "AND (p.manager_since IS NULL OR p.manager_since <= ?2) "
    "UNION SELECT p.id FROM person m JOIN person p ON p.manager_id = m.id "
    "WHERE ?4 AND m.account_id = ?1 AND p.account_id <> ?1 "
    "AND (p.manager_since IS NULL OR p.manager_since <= ?2) "
    "UNION SELECT x.id FROM reporting_line r "
    "JOIN person p ON p.id = r.person_id "
    "JOIN person x ON x.id = r.manager_id "
    "WHERE ?4 AND p.account_id = ?1 AND x.account_id <> ?1 AND " VALID " "
    "UNION SELECT x.id FROM reporting_line r "
    "JOIN person m ON m.id = r.manager_id "
    "JOIN person x ON x.id = r.person_id "
    "WHERE ?4 AND m.account_id = ?1 AND x.account_id <> ?1 AND " VALID " "
    "UNION SELECT x.id FROM link_period l JOIN person p ON p.id = l.from_id "
    "JOIN person x ON x.id = l.to_id WHERE ?5 AND p.account_id = ?1 "
    "AND x.account_id <> ?1 AND " STORE_IN_FORCE(
        "l", "?2") " "
                   "UNION SELECT x.id FROM link_period l JOIN person p ON p.id "
                   "= l.to_id "
                   "JOIN person x ON x.id = l.from_id WHERE ?5 AND "
                   "p.account_id = ?1 "
                   "AND x.account_id <> ?1 AND " STORE_IN_FORCE(
                       "l", "?2") " "
                                  "UNION SELECT x.id FROM deal_role_period r "
                                  "JOIN deal d ON d.id = r.deal_id JOIN person "
                                  "x ON x.id = r.person_id "
                                  "WHERE ?6 AND (r.deal_id = ?3 OR (?3 = 0 AND "
                                  "d.account_id = ?1)) "
                                  "AND x.account_id <> ?1 AND " STORE_IN_FORCE(
                                      "r", "?2") " "
                                                 "ORDER BY 1";
/* Links and buying roles are those in force on ?2 (the as-of day). */
static const char q_links[] = STORE_Q_ACCOUNT_LINKS;
static const char q_links_of[] =
    "SELECT l.from_id, l.to_id, l.kind, l.strength FROM link_period l "
    "WHERE l.from_id = ?1 AND " STORE_IN_FORCE("l", "?2");
static const char q_roles_deal[] =
    "SELECT r.person_id, d.handle, r.role, r.influence, r.lead "
    "FROM deal_role_period r JOIN deal d ON d.id = r.deal_id "
    "WHERE r.deal_id = ?1 AND " STORE_IN_FORCE("r", "?2");
static const char q_roles_account[] =
    "SELECT r.person_id, d.handle, r.role, r.influence, r.lead "
    "FROM deal_role_period r JOIN deal d ON d.id = r.deal_id "
    "WHERE d.account_id = ?1 AND " STORE_IN_FORCE("r", "?2");
/* The people one step away, by the edges of a view (map_walk):
 * managers and reports; links either way, of the kinds (?2, a list
 * ",kind,kind,", or NULL for all) and strength (?3) drawn; members of the
 * deal (?4) who share a role, and members linked to a member; links and
 * roles in force on the as-of day (?5). */
static const char q_next_lines[] =
    "SELECT r.manager_id FROM reporting_line_all r WHERE r.person_id = ?1 "
    "AND " VALID " UNION ALL "
    "SELECT r.person_id FROM reporting_line_all r WHERE r.manager_id = ?1 "
    "AND " VALID;
#define LINK_WANTED                                                            \
	"(CAST(?2 AS TEXT) IS NULL OR ?2 LIKE '%,' || kind || ',%') "          \
	"AND strength >= ?3"
#define LINKS "link_period l WHERE " STORE_IN_FORCE("l", "?5") " AND "
static const char q_next_links[] =
    "SELECT to_id FROM " LINKS "from_id = ?1 AND " LINK_WANTED
    " UNION ALL SELECT from_id FROM " LINKS "to_id = ?1 AND " LINK_WANTED;
#define MEMBER(col)                                                            \
	"EXISTS (SELECT 1 FROM deal_role_period m WHERE m.deal_id = ?4 "       \
	"AND m.person_id = " col " AND " STORE_IN_FORCE("m", "?5") ")"
static const char q_next_group[] =
    "SELECT b.person_id FROM deal_role_period a JOIN deal_role_period b "
    "ON b.deal_id = a.deal_id AND b.role = a.role "
    "WHERE a.deal_id = ?4 AND a.person_id = ?1 "
    "AND " STORE_IN_FORCE("a", "?5") " AND " STORE_IN_FORCE(
        "b", "?5") " UNION ALL SELECT to_id FROM " LINKS
                   "from_id = ?1 AND " LINK_WANTED
                   " AND " MEMBER("?1") " AND " MEMBER(
                       "to_id") " UNION ALL "
                                "SELECT from_id FROM " LINKS
                                "to_id = ?1 AND " LINK_WANTED
                                " AND " MEMBER("?1") " AND " MEMBER("from_id");
/* The people outside the deal ?4 linked to a member (--context). */
static const char q_next_context[] =
    "SELECT to_id FROM " LINKS "from_id = ?1 AND " LINK_WANTED
    " AND " MEMBER("?1") " AND NOT " MEMBER(
        "to_id") " UNION ALL "
                 "SELECT from_id FROM " LINKS "to_id = ?1 AND " LINK_WANTED
                 " AND " MEMBER("?1") " AND NOT " MEMBER("from_id");
/* The deals a person was observed about, toward ?2 (NULL: us), by ?3. */
static const char q_deals_of[] =
    "SELECT DISTINCT o.deal_id, d.handle FROM observation o "
    "JOIN deal d ON d.id = o.deal_id WHERE o.person_id = ?1 "
    "AND o.toward_id IS ?2 AND o.deal_id IS NOT NULL AND o.effective <= ?3 "
    "ORDER BY d.handle";
/* PostgreSQL's twin: its IS NOT DISTINCT FROM is SQLite's IS. */
static const char q_deals_of_pg[] =
    "SELECT DISTINCT o.deal_id, d.handle FROM observation o "
    "JOIN deal d ON d.id = o.deal_id WHERE o.person_id = ?1 "
    "AND o.toward_id IS NOT DISTINCT FROM ?2 AND o.deal_id IS NOT NULL "
    "AND o.effective <= ?3 ORDER BY d.handle";
/* The competitors a person was observed toward, by ?2. */
static const char q_competitors_of[] =
    "SELECT DISTINCT o.toward_id, c.handle, c.name FROM observation o "
    "JOIN competitor c ON c.id = o.toward_id WHERE o.person_id = ?1 "
    "AND o.toward_id IS NOT NULL AND o.effective <= ?2 ORDER BY c.handle";
static int load(struct store *, const struct map_query *, struct map_data *);
static int deal_stance(struct store *, const struct map_query *,
                       struct map_person *);
static int preferences(struct store *, const struct map_query *,
                       struct map_person *);

static const char q_person_account[] =
    "SELECT account_id FROM person WHERE id = ?";

int64_t
store_graph_person_account(struct store *st, int64_t person)
{
	db_stmt *s = store_stmt(st, q_person_account);
	int64_t id = 0;

	db_bind_int64(s, 1, person);
	if (store_row(st, s, "the store"))
		id = db_column_int64(s, 0);
	db_reset(s);
	return id;
}

/* Handle and name of one row, for the title. */
static int
names(struct store *st, const char *sql, int64_t id, char **handle, char **name)
{
	db_stmt *s = store_stmt(st, sql);
	int rc;

	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*handle = store_col_dup(s, 0);
		*name = store_col_dup(s, 1);
	}
	db_reset(s);
	if (rc == DB_ROW)
		return KAM_OK;
	if (rc == DB_DONE)
		return kam_err(KAM_INTERNAL, _("row %lld vanished"),
		               (long long)id);
	return store_fail(st, "cannot read the map");
}

static void
add_person(struct map_data *d, size_t *cap, db_stmt *s, const char *as_of)
{
	struct map_person *p;
	const unsigned char *left;

	if (d->npeople == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		d->people = xreallocarray(d->people, *cap, sizeof *d->people);
	}
	p = &d->people[d->npeople++];
	memset(p, 0, sizeof *p);
	p->id = db_column_int64(s, 0);
	p->handle = store_col_dup(s, 1);
	p->name = store_col_dup(s, 2);
	p->title = store_col_dup(s, 3);
	p->dept = store_col_dup(s, 4);
	p->level = db_column_int(s, 5);
	p->placeholder = db_column_int(s, 6);
	p->account_id = db_column_int64(s, 8);
	/* Someone who leaves after the as-of day was still there. */
	left = db_column_text(s, 7);
	if (left != NULL && strcmp((const char *)left, as_of) <= 0)
		p->left_on = xstrdup((const char *)left);
}

/*
 * The record as it stood on the as-of day: a change to the name, title,
 * department, level or placeholder that took effect after it is undone,
 * taking the old value of the first such change of each field.  One
 * pass over the (small) history table serves the whole map; the unary +
 * keeps SQLite from walking every person of the account instead.
 */
static const char q_later[] =
    "SELECT h.person_id, h.field, h.old_value FROM person_history h "
    "JOIN person p ON p.id = h.person_id WHERE +p.account_id = ?1 "
    "AND h.effective > ?2 AND h.field IN ('name', 'title', 'dept', "
    "'level', 'placeholder') ORDER BY h.person_id, h.effective, h.id";

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = (*(struct map_person *const *)a)->id;
	int64_t y = (*(struct map_person *const *)b)->id;

	return x < y ? -1 : x > y;
}

/* Applies one undone change; seen has a bit per field already undone. */
static void
undo_change(struct map_person *p, const char *f, char *old, int *seen)
{
	static const char *const fields[] = {"name", "title", "dept", "level",
	                                     "placeholder"};
	char **text[] = {&p->name, &p->title, &p->dept};
	int i;

	for (i = 0; i < 5 && strcmp(f, fields[i]) != 0; i++)
		;
	if (i == 5 || (*seen & (1 << i)) || (i == 0 && old == NULL)) {
		free(old); /* a name is never empty */
		return;
	}
	*seen |= 1 << i;
	if (i < 3) {
		free(*text[i]);
		*text[i] = old;
		return;
	}
	if (i == 3)
		p->level = old != NULL ? atol(old) : 0;
	else
		p->placeholder = old != NULL && strcmp(old, "yes") == 0;
	free(old);
}

static int
rewind_account(struct store *st, struct map_data *d, int64_t account,
               const char *as_of)
{
	db_stmt *s = store_stmt(st, q_later);
	struct map_person **byid, key, *kp = &key, **hit;
	int64_t last = 0;
	size_t i;
	int rc, seen = 0;

	byid = xreallocarray(NULL, d->npeople + 1, sizeof *byid);
	for (i = 0; i < d->npeople; i++)
		byid[i] = &d->people[i];
	qsort(byid, d->npeople, sizeof *byid, id_cmp);
	db_bind_int64(s, 1, account);
	store_bind_static(s, 2, as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		key.id = db_column_int64(s, 0);
		if (key.id != last)
			seen = 0;
		last = key.id;
		hit = d->npeople == 0 ? NULL
		                      : bsearch(&kp, byid, d->npeople,
		                                sizeof *byid, id_cmp);
		if (hit != NULL)
			undo_change(*hit, (const char *)db_column_text(s, 1),
			            store_col_dup(s, 2), &seen);
	}
	db_reset(s);
	free(byid);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(st, "cannot read the history");
}

/* Adds an account to the map's list, named, unless it is there. */
static int
add_account(struct store *st, struct map_data *d, int64_t id)
{
	struct map_account *a;
	size_t i;

	for (i = 0; i < d->naccounts; i++)
		if (d->accounts[i].id == id)
			return KAM_OK;
	d->accounts =
	    xreallocarray(d->accounts, d->naccounts + 1, sizeof *d->accounts);
	a = &d->accounts[d->naccounts];
	memset(a, 0, sizeof *a);
	a->id = id;
	d->naccounts++;
	return names(st, q_account, id, &a->handle, &a->name);
}

/*
 * The accounts of the people loaded, the map's own first; each
 * account's people as they stood on the as-of day.
 */
static int
rewind_people(struct store *st, struct map_data *d, int64_t account,
              const char *as_of)
{
	size_t i;
	int rc = add_account(st, d, account);

	for (i = 0; rc == KAM_OK && i < d->npeople; i++)
		rc = add_account(st, d, d->people[i].account_id);
	for (i = 0; rc == KAM_OK && i < d->naccounts; i++)
		rc = rewind_account(st, d, d->accounts[i].id, as_of);
	return rc;
}

struct walk {
	struct store *st;
	const struct map_query *q;
	const char *kinds; /* ",kind,kind,", or NULL */
	unsigned edges;    /* MAP_WALK_*, or 0 for the context */
};

static int
next_of(struct walk *w, const char *sql, int64_t id, struct map_ids *out)
{
	db_stmt *s = store_stmt(w->st, sql);
	int rc;

	db_bind_int64(s, 1, id);
	if (sql == q_next_lines) {
		store_bind_static(s, 2, w->q->as_of);
	} else {
		if (w->kinds != NULL)
			store_bind_static(s, 2, w->kinds);
		else
			db_bind_null(s, 2);
		db_bind_int(s, 3, w->q->min_strength);
		if (sql != q_next_links)
			db_bind_int64(s, 4, w->q->deal);
		store_bind_static(s, 5, w->q->as_of);
	}
	while ((rc = db_step(s)) == DB_ROW)
		map_ids_add(out, db_column_int64(s, 0));
	db_reset(s);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(w->st, "cannot read the map");
}

int
store_graph_next(struct store *st, const struct map_query *q, unsigned edges,
                 int64_t id, struct map_ids *out)
{
	struct walk w = {st, q, NULL, edges};
	struct buf kinds = {0};
	size_t k;
	int rc = KAM_OK;

	if (q->kinds != 0) {
		buf_puts(&kinds, ",");
		for (k = 0; vocab_link_kinds[k] != NULL; k++)
			if (q->kinds & map_link_kind_bit(vocab_link_kinds[k]))
				buf_printf(&kinds, "%s,", vocab_link_kinds[k]);
		buf_add(&kinds, "", 1);
		w.kinds = kinds.s;
	}
	if (edges == 0)
		rc = next_of(&w, q_next_context, id, out);
	if (rc == KAM_OK && (edges & MAP_WALK_LINES))
		rc = next_of(&w, q_next_lines, id, out);
	if (rc == KAM_OK && (edges & MAP_WALK_LINKS))
		rc = next_of(&w, q_next_links, id, out);
	if (rc == KAM_OK && (edges & MAP_WALK_GROUP))
		rc = next_of(&w, q_next_group, id, out);
	buf_free(&kinds);
	return rc;
}

/* The people of other accounts one step from the account's (q_across). */
static int
load_across(struct store *st, const struct map_query *q, struct map_data *d,
            size_t *cap)
{
	struct map_ids ids = {0};
	db_stmt *s = store_stmt(st, q_across);
	size_t i;
	int rc;

	db_bind_int64(s, 1, q->account);
	store_bind_static(s, 2, q->as_of);
	db_bind_int64(s, 3, q->deal);
	db_bind_int(s, 4, (q->across & MAP_WALK_LINES) != 0);
	db_bind_int(s, 5, (q->across & MAP_WALK_LINKS) != 0);
	db_bind_int(s, 6, (q->across & MAP_WALK_GROUP) != 0);
	while ((rc = db_step(s)) == DB_ROW)
		map_ids_add(&ids, db_column_int64(s, 0));
	db_reset(s);
	if (rc != DB_DONE) {
		free(ids.v);
		return store_fail(st, "cannot read the people");
	}
	s = store_stmt(st, q_person);
	for (i = 0; i < ids.n; i++) {
		db_bind_int64(s, 1, ids.v[i]);
		if (store_row(st, s, "the store"))
			add_person(d, cap, s, q->as_of);
		db_reset(s);
	}
	free(ids.v);
	return KAM_OK;
}

static int
load_people(struct store *st, const struct map_query *q, struct map_data *d)
{
	const struct map_ids *near = q->near;
	db_stmt *s;
	size_t cap = 0, i;
	int rc = KAM_OK;

	if (near == NULL) {
		s = store_stmt(st, q_people);
		db_bind_int64(s, 1, q->account);
		while ((rc = db_step(s)) == DB_ROW)
			add_person(d, &cap, s, q->as_of);
		db_reset(s);
		if (rc != DB_DONE)
			return store_fail(st, "cannot read the people");
		rc = load_across(st, q, d, &cap);
		if (rc != KAM_OK)
			return rc;
		return rewind_people(st, d, q->account, q->as_of);
	}
	s = store_stmt(st, q_person);
	for (i = 0; rc == KAM_OK && i < near->n; i++) {
		db_bind_int64(s, 1, near->v[i]);
		if (store_row(st, s, "the store"))
			add_person(d, &cap, s, q->as_of);
		db_reset(s);
	}
	if (rc == KAM_OK)
		rc = rewind_people(st, d, q->account, q->as_of);
	return rc;
}

static void
add_line(struct map_data *d, size_t *cap, db_stmt *s)
{
	struct map_line *l;
	const unsigned char *kind = db_column_text(s, 2);

	if (d->nlines == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		d->lines = xreallocarray(d->lines, *cap, sizeof *d->lines);
	}
	l = &d->lines[d->nlines++];
	l->person = db_column_int64(s, 0);
	l->manager = db_column_int64(s, 1);
	l->dotted = kind != NULL && strcmp((const char *)kind, "dotted") == 0;
}

static void
add_link(struct map_data *d, size_t *cap, db_stmt *s)
{
	struct map_link *l;
	const char *kind;

	kind = vocab_word(VOCAB_LINK_KIND, (const char *)db_column_text(s, 2));
	if (kind == NULL)
		return;
	if (d->nlinks == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		d->links = xreallocarray(d->links, *cap, sizeof *d->links);
	}
	l = &d->links[d->nlinks++];
	l->from = db_column_int64(s, 0);
	l->to = db_column_int64(s, 1);
	l->kind = kind;
	l->strength = db_column_int(s, 3);
	l->mutual = l->hidden = 0;
}

static int
load_edges(struct store *st, const struct map_query *q, struct map_data *d)
{
	db_stmt *s;
	size_t i, lcap = 0, kcap = 0;
	int rc = DB_DONE;

	if (q->near == NULL) {
		s = store_stmt(st, q_lines);
		db_bind_int64(s, 1, q->account);
		store_bind_static(s, 2, q->as_of);
		while ((rc = db_step(s)) == DB_ROW)
			add_line(d, &lcap, s);
		db_reset(s);
		if (rc != DB_DONE)
			return store_fail(st, "cannot read reporting lines");
		s = store_stmt(st, q_links);
		db_bind_int64(s, 1, q->account);
		store_bind_static(s, 2, q->as_of);
		while ((rc = db_step(s)) == DB_ROW)
			add_link(d, &kcap, s);
		db_reset(s);
		if (rc != DB_DONE)
			return store_fail(st, "cannot read links");
	}
	/* Without q->near, the lines and links of the account's people
	 * are loaded; those of the people of other accounts follow. */
	for (i = 0; i < d->npeople && rc == DB_DONE; i++) {
		if (q->near == NULL && d->people[i].account_id == q->account)
			continue;
		s = store_stmt(st, q_lines_of);
		db_bind_int64(s, 1, d->people[i].id);
		store_bind_static(s, 2, q->as_of);
		while ((rc = db_step(s)) == DB_ROW)
			add_line(d, &lcap, s);
		db_reset(s);
		if (rc != DB_DONE)
			break;
		s = store_stmt(st, q_links_of);
		db_bind_int64(s, 1, d->people[i].id);
		store_bind_static(s, 2, q->as_of);
		while ((rc = db_step(s)) == DB_ROW)
			add_link(d, &kcap, s);
		db_reset(s);
	}
	return rc == DB_DONE ? KAM_OK : store_fail(st, "cannot read the map");
}

static int
load_roles(struct store *st, const struct map_query *q, struct map_data *d)
{
	db_stmt *s;
	size_t cap = 0;
	int rc;

	if (q->deal != 0) {
		s = store_stmt(st, q_roles_deal);
		db_bind_int64(s, 1, q->deal);
	} else {
		s = store_stmt(st, q_roles_account);
		db_bind_int64(s, 1, q->account);
	}
	store_bind_static(s, 2, q->as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		struct map_role *r;
		const char *role, *infl;

		role =
		    vocab_word(VOCAB_ROLE, (const char *)db_column_text(s, 2));
		infl = vocab_word(VOCAB_INFLUENCE,
		                  (const char *)db_column_text(s, 3));
		if (role == NULL || infl == NULL)
			continue;
		if (d->nroles == cap) {
			cap = cap ? 2 * cap : 16;
			d->roles =
			    xreallocarray(d->roles, cap, sizeof *d->roles);
		}
		r = &d->roles[d->nroles++];
		r->person = db_column_int64(s, 0);
		r->deal = store_col_dup(s, 1);
		r->role = role;
		r->influence = infl;
		r->lead = db_column_int(s, 4);
	}
	db_reset(s);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(st, "cannot read buying roles");
}

int
store_graph_load(struct store *st, const struct map_query *q,
                 struct map_data *d)
{
	int rc;

	memset(d, 0, sizeof *d);
	/* One read transaction: a consistent snapshot, and the file is
	 * locked once rather than for each of thousands of queries.  Each
	 * person's stance walks the observation index. */
	store_expect(st, STORE_EXPECT_WALKS);
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	return store_end(st, load(st, q, d));
}

static int
load(struct store *st, const struct map_query *q, struct map_data *d)
{
	size_t i;
	int rc;

	if ((rc = names(st, q_account, q->account, &d->account,
	                &d->account_name)) != KAM_OK)
		return rc;
	if (q->deal != 0 && (rc = names(st, q_deal, q->deal, &d->deal,
	                                &d->deal_name)) != KAM_OK)
		return rc;
	if (q->toward != 0 &&
	    (rc = names(st, q_competitor, q->toward, &d->toward,
	                &d->toward_name)) != KAM_OK)
		return rc;
	if ((rc = load_people(st, q, d)) != KAM_OK ||
	    (rc = load_edges(st, q, d)) != KAM_OK ||
	    (rc = load_roles(st, q, d)) != KAM_OK)
		return rc;
	/* The third dimension, as store_stance_get defines it. */
	for (i = 0; i < d->npeople; i++) {
		struct map_person *p = &d->people[i];

		rc = store_stance_get(st, p->id, q->toward, q->deal, q->as_of,
		                      NULL, &p->stance, p->since);
		if (p->stance == NULL)
			p->since[0] = '\0';
		if (rc == KAM_OK && p->stance == NULL && q->deal == 0)
			rc = deal_stance(st, q, p);
		if (rc == KAM_OK && q->since != NULL)
			rc = store_stance_get(st, p->id, q->toward, q->deal,
			                      q->since, NULL, &p->was, NULL);
		if (rc == KAM_OK && q->toward == 0)
			rc = preferences(st, q, p);
		if (rc != KAM_OK)
			return rc;
	}
	return KAM_OK;
}

/*
 * On an account map, someone with no stance on the account shows the
 * latest one recorded about one of its deals (kam-map(1), Stance): of
 * the stances in force on the as-of day, deal by deal, the one that
 * took effect last, then the one recorded last, then the first deal by
 * handle.
 */
static int
deal_stance(struct store *st, const struct map_query *q, struct map_person *p)
{
	db_stmt *s = store_stmt_dialect(st, q_deals_of, q_deals_of_pg);
	struct stance_found f, best;
	char *deal = NULL;
	int rc, frc = KAM_OK;

	memset(&best, 0, sizeof best);
	db_bind_int64(s, 1, p->id);
	if (q->toward != 0)
		db_bind_int64(s, 2, q->toward);
	else
		db_bind_null(s, 2);
	store_bind_static(s, 3, q->as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		frc = store_stance_find(st, p->id, q->toward,
		                        db_column_int64(s, 0), q->as_of, NULL,
		                        &f);
		if (frc != KAM_OK)
			break;
		if (f.id == 0 || f.deal == 0)
			continue;
		if (best.id == 0 || strcmp(f.since, best.since) > 0 ||
		    (strcmp(f.since, best.since) == 0 &&
		     strcmp(f.recorded, best.recorded) > 0)) {
			best = f;
			free(deal);
			deal = store_col_dup(s, 1);
		}
	}
	db_reset(s);
	if (frc != KAM_OK) {
		free(deal);
		return frc;
	}
	if (rc != DB_ROW && rc != DB_DONE) {
		free(deal);
		return store_fail(st, "cannot read stances");
	}
	if (best.id != 0) {
		p->stance = best.stance;
		memcpy(p->since, best.since, sizeof p->since);
		p->stance_deal = deal;
	}
	return KAM_OK;
}

/* The competitors a person supports on the as-of day, by name. */
static int
preferences(struct store *st, const struct map_query *q, struct map_person *p)
{
	db_stmt *s = store_stmt(st, q_competitors_of);
	struct buf b = {0};
	const char *w;
	int rc, grc = KAM_OK;

	db_bind_int64(s, 1, p->id);
	store_bind_static(s, 2, q->as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		grc = store_stance_get(st, p->id, db_column_int64(s, 0),
		                       q->deal, q->as_of, NULL, &w, NULL);
		if (grc != KAM_OK)
			break;
		if (w == NULL || strcmp(w, "support") != 0)
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, (const char *)db_column_text(s, 2));
	}
	db_reset(s);
	if (grc == KAM_OK && rc != DB_ROW && rc != DB_DONE)
		grc = store_fail(st, "cannot read stances");
	if (grc == KAM_OK && b.len > 0) {
		buf_add(&b, "", 1);
		p->prefers = b.s;
	} else {
		buf_free(&b);
	}
	return grc;
}

/* --- The timeline picture --- */

static const char q_tl_account[] =
    "SELECT p.id, a.handle || '/' || p.handle, p.name FROM person p "
    "JOIN account a ON a.id = p.account_id WHERE p.account_id = ?1 "
    "ORDER BY p.handle";
static const char q_tl_group[] =
    "SELECT p.id, a.handle || '/' || p.handle, p.name FROM person p "
    "JOIN account a ON a.id = p.account_id WHERE p.id IN ("
    "SELECT person_id FROM deal_role WHERE deal_id = ?1 UNION "
    "SELECT person_id FROM observation WHERE deal_id = ?1) "
    "ORDER BY a.handle, p.handle";
static const char q_tl_roles[] =
    "SELECT role, influence FROM deal_role WHERE deal_id = ?1 "
    "AND person_id = ?2";
static const char q_tl_rows[] =
    "SELECT id, kind, target_id, person_id, stance, toward_id, deal_id, "
    "effective, recorded FROM observation WHERE person_id = ?1 ORDER BY id";

static char *
col_or_null(db_stmt *s, int i)
{
	return db_column_type(s, i) == DB_NULL ? NULL : store_col_dup(s, i);
}

/* A lane's role in the deal: the first in the method's order, and the
 * highest influence. */
static int
tl_roles(struct store *st, int64_t deal, struct tl_lane *l)
{
	db_stmt *s = store_stmt(st, q_tl_roles);
	long best = -1, j;
	int rc;

	db_bind_int64(s, 1, deal);
	db_bind_int64(s, 2, l->person);
	while ((rc = db_step(s)) == DB_ROW) {
		const char *role =
		    vocab_word(VOCAB_ROLE, (const char *)db_column_text(s, 0));
		const char *infl = vocab_word(
		    VOCAB_INFLUENCE, (const char *)db_column_text(s, 1));

		if (role == NULL)
			continue;
		for (j = 0; vocab_roles[j] != NULL; j++)
			if (strcmp(vocab_roles[j], role) == 0)
				break;
		if (best < 0 || j < best) {
			best = j;
			l->role = role;
		}
		if (infl != NULL &&
		    (l->influence == NULL || strcmp(infl, "high") == 0 ||
		     (strcmp(infl, "medium") == 0 &&
		      strcmp(l->influence, "low") == 0)))
			l->influence = infl;
	}
	db_reset(s);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(st, "cannot read buying roles");
}

static int
tl_rows(struct store *st, struct timeline *tl, int64_t person, size_t *cap)
{
	db_stmt *s = store_stmt(st, q_tl_rows);
	struct stance_row *r;
	int rc;

	db_bind_int64(s, 1, person);
	while ((rc = db_step(s)) == DB_ROW) {
		if (tl->nrows == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			tl->rows =
			    xreallocarray(tl->rows, *cap, sizeof *tl->rows);
		}
		r = &tl->rows[tl->nrows++];
		memset(r, 0, sizeof *r);
		r->id = db_column_int64(s, 0);
		r->kind = store_col_dup(s, 1);
		r->target = db_column_int64(s, 2);
		r->person = db_column_int64(s, 3);
		r->stance = col_or_null(s, 4);
		r->toward = db_column_int64(s, 5);
		r->deal = db_column_int64(s, 6);
		r->effective = store_col_dup(s, 7);
		r->recorded = store_col_dup(s, 8);
	}
	db_reset(s);
	return rc == DB_DONE ? KAM_OK : store_fail(st, "cannot read stances");
}

static int
tl_load(struct store *st, int64_t account, int64_t deal, int64_t toward,
        struct timeline *tl)
{
	db_stmt *s;
	size_t cap = 0, rcap = 0, i;
	char *handle = NULL;
	int rc;

	if (account != 0 && (rc = names(st, q_account, account, &handle,
	                                &tl->account_name)) != KAM_OK)
		return rc;
	free(handle);
	handle = NULL;
	if (deal != 0 &&
	    (rc = names(st, q_deal, deal, &handle, &tl->deal_name)) != KAM_OK)
		return rc;
	free(handle);
	handle = NULL;
	if (toward != 0 && (rc = names(st, q_competitor, toward, &handle,
	                               &tl->toward_name)) != KAM_OK)
		return rc;
	free(handle);
	s = store_stmt(st, deal != 0 ? q_tl_group : q_tl_account);
	db_bind_int64(s, 1, deal != 0 ? deal : account);
	while ((rc = db_step(s)) == DB_ROW) {
		struct tl_lane *l;

		if (tl->nlanes == cap) {
			cap = cap ? 2 * cap : 16;
			tl->lanes =
			    xreallocarray(tl->lanes, cap, sizeof *tl->lanes);
		}
		l = &tl->lanes[tl->nlanes++];
		memset(l, 0, sizeof *l);
		l->person = db_column_int64(s, 0);
		l->ref = store_col_dup(s, 1);
		l->name = store_col_dup(s, 2);
	}
	db_reset(s);
	if (rc != DB_DONE)
		return store_fail(st, "cannot read the people");
	for (i = 0; i < tl->nlanes; i++) {
		if (deal != 0 &&
		    (rc = tl_roles(st, deal, &tl->lanes[i])) != KAM_OK)
			return rc;
		if ((rc = tl_rows(st, tl, tl->lanes[i].person, &rcap)) !=
		    KAM_OK)
			return rc;
	}
	return KAM_OK;
}

int
store_timeline_load(struct store *st, int64_t account, int64_t deal,
                    int64_t toward, struct timeline *tl)
{
	int rc;

	memset(tl, 0, sizeof *tl);
	tl->deal = deal;
	tl->toward = toward;
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	return store_end(st, tl_load(st, account, deal, toward, tl));
}
