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
/*
 * A map being loaded: the query, the map, and its arrays as they grow
 * (each row function adds to one), the map's own once kept.
 */
struct load {
	struct store *st;
	const struct map_query *q;
	struct map_data *d;
	struct kam_array people, lines, links, roles;
	size_t accounts; /* the room of d->accounts */
};

/* The arrays read so far, the map's (to use or free). */
static void
keep(struct load *l)
{
	struct map_data *d = l->d;

	d->people = l->people.v;
	d->npeople = l->people.n;
	d->lines = l->lines.v;
	d->nlines = l->lines.n;
	d->links = l->links.v;
	d->nlinks = l->links.n;
	d->roles = l->roles.v;
	d->nroles = l->roles.n;
}
static int load(struct load *);
static int deal_stance(struct store *, const struct map_query *,
                       struct map_person *);
static int preferences(struct store *, const struct map_query *,
                       struct map_person *);

static const char q_person_account[] =
    "SELECT account_id FROM person WHERE id = ?";

int64_t
store_graph_person_account(struct store *st, int64_t person)
{
	int64_t id = 0;

	store_get_int64(st, store_stmt(st, q_person_account),
	                STORE_ARGS(STORE_INT(person)), &id);
	return id;
}

/* Handle and name of one row, for the title. */
static int
names(struct store *st, const char *sql, int64_t id, char **handle, char **name)
{
	db_stmt *s = store_stmt(st, sql);

	if (!store_first(st, s, STORE_ARGS(STORE_INT(id)), "the map"))
		return store_failed(st) != KAM_OK
		           ? store_failed(st)
		           : kam_err(KAM_INTERNAL, _("row %lld vanished"),
		                     (long long)id);
	*handle = store_col_dup(s, 0);
	*name = store_col_dup(s, 1);
	db_reset(s);
	return KAM_OK;
}

/* The name alone (names), into *name. */
static int
name_of(struct store *st, const char *sql, int64_t id, char **name)
{
	char *handle = NULL;
	int rc = names(st, sql, id, &handle, name);

	free(handle);
	return rc;
}

/* A person as q_people and q_person read them (left_on apart). */
#define F(f, k) STORE_FIELD(struct map_person, f, k)
STORE_ROWS(person_rows, struct map_person, F(id, INT64), F(handle, DUP),
           F(name, DUP), F(title, DUP), F(dept, DUP), F(level, LONG),
           F(placeholder, INT), STORE_SKIP, F(account_id, INT64));
#undef F

static int
person_row(db_stmt *s, void *arg)
{
	struct load *l = arg;
	struct map_person *p = kam_array_add(&l->people, sizeof *p);
	const unsigned char *left;

	store_read(s, &person_rows, p);
	/* Someone who leaves after the as-of day was still there. */
	left = db_column_text(s, 7);
	if (left != NULL && strcmp((const char *)left, l->q->as_of) <= 0)
		p->left_on = xstrdup((const char *)left);
	return KAM_OK;
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

	return KAM_CMP(x, y);
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

/* The people by id, and the fields undone of the person being read. */
struct rewind {
	struct map_person **byid;
	size_t n;
	int64_t last;
	int seen;
};

static int
later_row(db_stmt *s, void *arg)
{
	struct rewind *w = arg;
	struct map_person key, *kp = &key, **hit;

	key.id = db_column_int64(s, 0);
	if (key.id != w->last)
		w->seen = 0;
	w->last = key.id;
	hit = w->n == 0 ? NULL
	                : bsearch(&kp, w->byid, w->n, sizeof *w->byid, id_cmp);
	if (hit != NULL)
		undo_change(*hit, (const char *)db_column_text(s, 1),
		            store_col_dup(s, 2), &w->seen);
	return KAM_OK;
}

static int
rewind_account(struct store *st, struct map_data *d, int64_t account,
               const char *as_of)
{
	struct rewind w = {NULL, d->npeople, 0, 0};
	size_t i;
	int rc;

	w.byid = xreallocarray(NULL, d->npeople + 1, sizeof *w.byid);
	for (i = 0; i < d->npeople; i++)
		w.byid[i] = &d->people[i];
	qsort(w.byid, d->npeople, sizeof *w.byid, id_cmp);
	rc = store_each(st, store_stmt(st, q_later),
	                STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)),
	                later_row, &w, "the history");
	free(w.byid);
	return rc;
}

/* Adds an account to the map's list, named, unless it is there. */
static int
add_account(struct load *l, int64_t id)
{
	struct map_data *d = l->d;
	struct map_account *a;
	size_t i;

	for (i = 0; i < d->naccounts; i++)
		if (d->accounts[i].id == id)
			return KAM_OK;
	a = KAM_PUSH(d->accounts, d->naccounts, l->accounts);
	a->id = id;
	return names(l->st, q_account, id, &a->handle, &a->name);
}

/*
 * The accounts of the people loaded, the map's own first; each
 * account's people as they stood on the as-of day.
 */
static int
rewind_people(struct load *l)
{
	struct map_data *d = l->d;
	size_t i;
	int rc = add_account(l, l->q->account);

	for (i = 0; rc == KAM_OK && i < d->npeople; i++)
		rc = add_account(l, d->people[i].account_id);
	for (i = 0; rc == KAM_OK && i < d->naccounts; i++)
		rc = rewind_account(l->st, d, d->accounts[i].id, l->q->as_of);
	return rc;
}

static int
id_row(db_stmt *s, void *arg)
{
	map_ids_add(arg, db_column_int64(s, 0));
	return KAM_OK;
}

/* The ids the rows of sql with args give, added to out. */
static int
ids_of(struct store *st, const char *sql, const struct store_arg *args,
       struct map_ids *out, const char *what)
{
	return store_each(st, store_stmt(st, sql), args, id_row, out, what);
}

/* The links of the kinds walked, as q_next_links takes them. */
static char *
kinds_list(unsigned kinds)
{
	struct buf b = {0};
	size_t k;

	if (kinds == 0)
		return NULL;
	buf_puts(&b, ",");
	for (k = 0; vocab_link_kinds[k] != NULL; k++)
		if (kinds & map_link_kind_bit(vocab_link_kinds[k]))
			buf_printf(&b, "%s,", vocab_link_kinds[k]);
	buf_add(&b, "", 1);
	return b.s;
}

/* The people one step from id by the edges of sql, a q_next_ query. */
static int
next_of(struct store *st, const struct map_query *q, const char *sql,
        int64_t id, const char *kinds, struct map_ids *out)
{
	if (sql == q_next_lines)
		return ids_of(st, sql,
		              STORE_ARGS(STORE_INT(id), STORE_TEXT(q->as_of)),
		              out, "the map");
	return ids_of(st, sql,
	              STORE_ARGS(STORE_INT(id), STORE_TEXT(kinds),
	                         STORE_INT(q->min_strength), STORE_INT(q->deal),
	                         STORE_TEXT(q->as_of)),
	              out, "the map");
}

int
store_graph_next(struct store *st, const struct map_query *q, unsigned edges,
                 int64_t id, struct map_ids *out)
{
	char *kinds = kinds_list(q->kinds);
	int rc = KAM_OK;

	if (edges == 0)
		rc = next_of(st, q, q_next_context, id, kinds, out);
	if (rc == KAM_OK && (edges & MAP_WALK_LINES))
		rc = next_of(st, q, q_next_lines, id, kinds, out);
	if (rc == KAM_OK && (edges & MAP_WALK_LINKS))
		rc = next_of(st, q, q_next_links, id, kinds, out);
	if (rc == KAM_OK && (edges & MAP_WALK_GROUP))
		rc = next_of(st, q, q_next_group, id, kinds, out);
	free(kinds);
	return rc;
}

/* The people of ids, each read as the map reads a person. */
static int
load_ids(struct load *l, const int64_t *ids, size_t n)
{
	size_t i;
	int rc = KAM_OK;

	for (i = 0; rc == KAM_OK && i < n; i++)
		rc = store_each(l->st, store_stmt(l->st, q_person),
		                STORE_ARGS(STORE_INT(ids[i])), person_row, l,
		                "the store");
	return rc;
}

/* The people of other accounts one step from the account's (q_across). */
static int
load_across(struct load *l)
{
	const struct map_query *q = l->q;
	struct map_ids ids = {0};
	int rc;

	rc = ids_of(l->st, q_across,
	            STORE_ARGS(STORE_INT(q->account), STORE_TEXT(q->as_of),
	                       STORE_INT(q->deal),
	                       STORE_INT((q->across & MAP_WALK_LINES) != 0),
	                       STORE_INT((q->across & MAP_WALK_LINKS) != 0),
	                       STORE_INT((q->across & MAP_WALK_GROUP) != 0)),
	            &ids, "the people");
	if (rc == KAM_OK)
		rc = load_ids(l, ids.v, ids.n);
	free(ids.v);
	return rc;
}

static int
load_people(struct load *l)
{
	const struct map_query *q = l->q;
	int rc;

	if (q->near != NULL)
		rc = load_ids(l, q->near->v, q->near->n);
	else if ((rc = store_each(l->st, store_stmt(l->st, q_people),
	                          STORE_ARGS(STORE_INT(q->account)), person_row,
	                          l, "the people")) == KAM_OK)
		rc = load_across(l);
	keep(l);
	if (rc == KAM_OK)
		rc = rewind_people(l);
	return rc;
}

static int
line_row(db_stmt *s, void *arg)
{
	struct map_line *x =
	    kam_array_add(&((struct load *)arg)->lines, sizeof *x);
	const unsigned char *kind = db_column_text(s, 2);

	x->person = db_column_int64(s, 0);
	x->manager = db_column_int64(s, 1);
	x->dotted = kind != NULL && strcmp((const char *)kind, "dotted") == 0;
	return KAM_OK;
}

static int
link_row(db_stmt *s, void *arg)
{
	struct map_link *x;
	const char *kind;

	kind = vocab_word(VOCAB_LINK_KIND, (const char *)db_column_text(s, 2));
	if (kind == NULL)
		return KAM_OK;
	x = kam_array_add(&((struct load *)arg)->links, sizeof *x);
	x->from = db_column_int64(s, 0);
	x->to = db_column_int64(s, 1);
	x->kind = kind;
	x->strength = db_column_int(s, 3);
	return KAM_OK;
}

/*
 * The map's edges, each kind by its queries: those of the account's
 * people (?1 the account), and those of one person (?1), each on the
 * as-of day (?2).
 */
static const struct edge_kind {
	const char *account, *person;
	int (*row)(db_stmt *, void *);
	const char *what;
} edge_kinds[] = {{q_lines, q_lines_of, line_row, "reporting lines"},
                  {q_links, q_links_of, link_row, "links"}};

static int
load_edges(struct load *l)
{
	const struct map_query *q = l->q;
	const struct edge_kind *e;
	size_t i, k;
	int rc = KAM_OK;

	for (k = 0; rc == KAM_OK && k < sizeof edge_kinds / sizeof *e; k++) {
		e = &edge_kinds[k];
		if (q->near == NULL)
			rc = store_each(l->st, store_stmt(l->st, e->account),
			                STORE_ARGS(STORE_INT(q->account),
			                           STORE_TEXT(q->as_of)),
			                e->row, l, e->what);
		/* Without q->near, the edges of the account's people are
		 * loaded; those of the people of other accounts follow. */
		for (i = 0; rc == KAM_OK && i < l->d->npeople; i++) {
			const struct map_person *p = &l->d->people[i];

			if (q->near == NULL && p->account_id == q->account)
				continue;
			rc = store_each(
			    l->st, store_stmt(l->st, e->person),
			    STORE_ARGS(STORE_INT(p->id), STORE_TEXT(q->as_of)),
			    e->row, l, "the map");
		}
	}
	return rc;
}

static int
role_row(db_stmt *s, void *arg)
{
	struct map_role *r;
	const char *role, *infl;

	role = vocab_word(VOCAB_ROLE, (const char *)db_column_text(s, 2));
	infl = vocab_word(VOCAB_INFLUENCE, (const char *)db_column_text(s, 3));
	if (role == NULL || infl == NULL)
		return KAM_OK;
	r = kam_array_add(&((struct load *)arg)->roles, sizeof *r);
	r->person = db_column_int64(s, 0);
	r->deal = store_col_dup(s, 1);
	r->role = role;
	r->influence = infl;
	r->lead = db_column_int(s, 4);
	return KAM_OK;
}

static int
load_roles(struct load *l)
{
	const struct map_query *q = l->q;

	return store_each(
	    l->st,
	    store_stmt(l->st, q->deal != 0 ? q_roles_deal : q_roles_account),
	    STORE_ARGS(STORE_INT(q->deal != 0 ? q->deal : q->account),
	               STORE_TEXT(q->as_of)),
	    role_row, l, "buying roles");
}

int
store_graph_load(struct store *st, const struct map_query *q,
                 struct map_data *d)
{
	struct load l = {.st = st, .q = q, .d = d};
	int rc;

	memset(d, 0, sizeof *d);
	/* One read transaction: a consistent snapshot, and the file is
	 * locked once rather than for each of thousands of queries.  Each
	 * person's stance walks the observation index. */
	store_map_pages(st);
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	rc = load(&l);
	keep(&l);
	return store_end(st, rc);
}

static int
load(struct load *l)
{
	struct store *st = l->st;
	const struct map_query *q = l->q;
	struct map_data *d = l->d;
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
	if ((rc = load_people(l)) != KAM_OK || (rc = load_edges(l)) != KAM_OK ||
	    (rc = load_roles(l)) != KAM_OK)
		return rc;
	keep(l);
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

/* A person's stances looked up deal by deal, or competitor by competitor. */
struct lookup {
	struct store *st;
	const struct map_query *q;
	struct map_person *p;
	struct stance_found best;
	char *deal;     /* the best's deal */
	struct buf out; /* the competitors supported */
};

static int
deal_row(db_stmt *s, void *arg)
{
	struct lookup *k = arg;
	struct stance_found f;
	int rc;

	rc = store_stance_find(k->st, k->p->id, k->q->toward,
	                       db_column_int64(s, 0), k->q->as_of, NULL, &f);
	if (rc != KAM_OK || f.id == 0 || f.deal == 0)
		return rc;
	if (k->best.id == 0 || strcmp(f.since, k->best.since) > 0 ||
	    (strcmp(f.since, k->best.since) == 0 &&
	     strcmp(f.recorded, k->best.recorded) > 0)) {
		k->best = f;
		free(k->deal);
		k->deal = store_col_dup(s, 1);
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
	struct lookup k = {.st = st, .q = q, .p = p};
	int rc;

	rc = store_each(
	    st, store_stmt_dialect(st, q_deals_of, q_deals_of_pg),
	    STORE_ARGS(STORE_INT(p->id),
	               q->toward != 0 ? STORE_INT(q->toward) : STORE_NULL,
	               STORE_TEXT(q->as_of)),
	    deal_row, &k, "stances");
	if (rc == KAM_OK && k.best.id != 0) {
		p->stance = k.best.stance;
		memcpy(p->since, k.best.since, sizeof p->since);
		p->stance_deal = k.deal;
		return KAM_OK;
	}
	free(k.deal);
	return rc;
}

static int
competitor_row(db_stmt *s, void *arg)
{
	struct lookup *k = arg;
	const char *w;
	int rc;

	rc = store_stance_get(k->st, k->p->id, db_column_int64(s, 0),
	                      k->q->deal, k->q->as_of, NULL, &w, NULL);
	if (rc != KAM_OK || w == NULL || strcmp(w, "support") != 0)
		return rc;
	if (k->out.len > 0)
		buf_puts(&k->out, ", ");
	buf_puts(&k->out, (const char *)db_column_text(s, 2));
	return KAM_OK;
}

/* The competitors a person supports on the as-of day, by name. */
static int
preferences(struct store *st, const struct map_query *q, struct map_person *p)
{
	struct lookup k = {.st = st, .q = q, .p = p};
	int rc;

	rc = store_each(st, store_stmt(st, q_competitors_of),
	                STORE_ARGS(STORE_INT(p->id), STORE_TEXT(q->as_of)),
	                competitor_row, &k, "stances");
	if (rc == KAM_OK && k.out.len > 0) {
		buf_add(&k.out, "", 1);
		p->prefers = k.out.s;
	} else {
		buf_free(&k.out);
	}
	return rc;
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

/* A lane's role in the deal: the first in the method's order, and the
 * highest influence. */
static int
tl_role_row(db_stmt *s, void *arg)
{
	struct tl_lane *l = arg;
	const char *role =
	    vocab_word(VOCAB_ROLE, (const char *)db_column_text(s, 0));
	const char *infl =
	    vocab_word(VOCAB_INFLUENCE, (const char *)db_column_text(s, 1));

	if (role == NULL)
		return KAM_OK;
	if (l->role == NULL ||
	    vocab_rank(VOCAB_ROLE, role) < vocab_rank(VOCAB_ROLE, l->role))
		l->role = role;
	if (infl != NULL &&
	    (l->influence == NULL || strcmp(infl, "high") == 0 ||
	     (strcmp(infl, "medium") == 0 && strcmp(l->influence, "low") == 0)))
		l->influence = infl;
	return KAM_OK;
}

/* A row of q_tl_rows. */
#define F(f, k) STORE_FIELD(struct stance_row, f, k)
STORE_ROWS(tl_rows, struct stance_row, F(id, INT64), F(kind, CDUP),
           F(target, INT64), F(person, INT64), F(stance, CDUP),
           F(toward, INT64), F(deal, INT64), F(effective, CDUP),
           F(recorded, CDUP));
#undef F

/* A lane as q_tl_account and q_tl_group read it. */
STORE_ROWS(lane_rows, struct tl_lane,
           STORE_FIELD(struct tl_lane, person, INT64),
           STORE_FIELD(struct tl_lane, ref, DUP),
           STORE_FIELD(struct tl_lane, name, DUP));

static int
tl_load(struct store *st, int64_t account, int64_t deal, int64_t toward,
        struct timeline *tl)
{
	struct kam_array lanes = {0}, rows = {0};
	size_t i;
	int rc;

	if ((account != 0 && (rc = name_of(st, q_account, account,
	                                   &tl->account_name)) != KAM_OK) ||
	    (deal != 0 &&
	     (rc = name_of(st, q_deal, deal, &tl->deal_name)) != KAM_OK) ||
	    (toward != 0 && (rc = name_of(st, q_competitor, toward,
	                                  &tl->toward_name)) != KAM_OK))
		return rc;
	rc = store_read_all(
	    st, store_stmt(st, deal != 0 ? q_tl_group : q_tl_account),
	    STORE_ARGS(STORE_INT(deal != 0 ? deal : account)), &lane_rows,
	    &lanes, "the people");
	tl->lanes = lanes.v;
	tl->nlanes = lanes.n;
	for (i = 0; rc == KAM_OK && i < tl->nlanes; i++) {
		struct tl_lane *l = &tl->lanes[i];

		if (deal != 0)
			rc = store_each(
			    st, store_stmt(st, q_tl_roles),
			    STORE_ARGS(STORE_INT(deal), STORE_INT(l->person)),
			    tl_role_row, l, "buying roles");
		if (rc == KAM_OK)
			rc = store_read_all(st, store_stmt(st, q_tl_rows),
			                    STORE_ARGS(STORE_INT(l->person)),
			                    &tl_rows, &rows, "stances");
	}
	tl->rows = rows.v;
	tl->nrows = rows.n;
	return rc;
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
