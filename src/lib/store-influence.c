/*
 * store-influence: the statements that read an account's informal
 * network for the influence ranking and the hidden-influencer check:
 * the people still there on the as-of day (name and level as they stood
 * then), the links between them, their buying roles and their stances.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kam/influence.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/org.h"
#include "kam/stance.h"
#include "kam/store.h"

#include "store-int.h"

static const char q_account[] = "SELECT handle FROM account WHERE id = ?1";
/* Someone who left on the as-of day is gone on it.  The name is read
 * only for the ranking, which prints it.  The people come in the order
 * of the account's index and are sorted by id in memory: SQLite's sort
 * cost more than reading them. */
static const char q_people[] =
    "SELECT id, handle, level FROM person WHERE account_id = ?1 "
    "AND (left_on IS NULL OR left_on > ?2)";
static const char q_people_named[] =
    "SELECT id, handle, level, name FROM person WHERE account_id = ?1 "
    "AND (left_on IS NULL OR left_on > ?2)";
/* Changes that took effect after the as-of day, to undo: the first of
 * each field holds the value of the day. */
static const char q_later[] =
    "SELECT h.person_id, h.field, h.old_value FROM person_history h "
    "JOIN person p ON p.id = h.person_id WHERE +p.account_id = ?1 "
    "AND h.effective > ?2 AND h.field IN ('name', 'level') "
    "ORDER BY h.person_id, h.effective, h.id";
/*
 * The links in force on the as-of day, ?2, in no particular order: the
 * scores add up the ties between two people whatever order they come
 * in.  Two plans for one answer: through the person index, one search a
 * person and a row read a link, for an account with a small share of
 * the store's people; or, when it holds most of them, one pass over
 * every link, which reads a third as much.  A link is kept when both
 * its people are in the network (of the account, there on the day),
 * which the pass checks in memory.
 */
static const char q_links[] = STORE_Q_ACCOUNT_LINKS;
static const char q_links_scan[] =
    "SELECT l.from_id, l.to_id, l.kind, l.strength FROM link_period l "
    "WHERE " STORE_IN_FORCE("l", "?2");
static const char q_people_ids[] = "SELECT max(id) FROM person";
static const char q_any_link[] =
    "SELECT 1 FROM link l JOIN person p ON p.id = l.from_id "
    "WHERE p.account_id = ?1 LIMIT 1";
#define ROLE_ORDER "vocab_rank('role', r.role)"
static const char q_roles_deal[] =
    "SELECT r.person_id, d.id, d.handle, r.role FROM deal_role_period r "
    "JOIN deal d ON d.id = r.deal_id WHERE r.deal_id = ?1 "
    "AND " STORE_IN_FORCE("r", "?2") " ORDER BY d.handle, " ROLE_ORDER;
static const char q_roles_account[] =
    "SELECT r.person_id, d.id, d.handle, r.role FROM deal_role_period r "
    "JOIN deal d ON d.id = r.deal_id WHERE d.account_id = ?1 "
    "AND " STORE_IN_FORCE("r", "?2") " ORDER BY d.handle, " ROLE_ORDER;

static int
person_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct org_net_person *)a)->id;
	int64_t y = ((const struct org_net_person *)b)->id;

	return x < y ? -1 : x > y;
}

/*
 * Finding people by id, a few times a link.  The people of an account
 * usually have ids close together (an import numbers them in a row), so
 * a table over their range answers at once; bsearch when it would be
 * large next to the people.
 */
struct finder {
	const struct org_net *net;
	int64_t min;
	size_t span;
	size_t *at; /* by id - min: index + 1, 0 for none; NULL: bsearch */
};

static void
finder_init(struct finder *f, const struct org_net *net)
{
	size_t i, n = net->npeople;

	memset(f, 0, sizeof *f);
	f->net = net;
	if (n == 0)
		return;
	f->min = net->people[0].id;
	if ((uint64_t)(net->people[n - 1].id - f->min) >= 4 * (uint64_t)n + 64)
		return;
	f->span = (size_t)(net->people[n - 1].id - f->min) + 1;
	f->at = xcalloc(f->span, sizeof *f->at);
	for (i = 0; i < n; i++)
		f->at[net->people[i].id - f->min] = i + 1;
}

/* The index of person id in the net, or n when not there. */
static size_t
find(const struct finder *f, int64_t id)
{
	const struct org_net *net = f->net;
	struct org_net_person key, *hit;

	if (net->npeople == 0)
		return 0;
	if (f->at != NULL) {
		if (id < f->min || (uint64_t)(id - f->min) >= f->span ||
		    f->at[id - f->min] == 0)
			return net->npeople;
		return f->at[id - f->min] - 1;
	}
	key.id = id;
	hit = bsearch(&key, net->people, net->npeople, sizeof key, person_cmp);
	return hit == NULL ? net->npeople : (size_t)(hit - net->people);
}

static int
load_people(struct store *st, int64_t account, const char *as_of, int full,
            struct org_net *net)
{
	db_stmt *s = store_stmt(st, full ? q_people_named : q_people);
	struct finder f;
	size_t cap = 0, i;
	int64_t last = 0;
	int rc, seen = 0;

	db_bind_int64(s, 1, account);
	store_bind_static(s, 2, as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		struct org_net_person *p;

		if (net->npeople == cap) {
			cap = cap ? 2 * cap : 64;
			net->people =
			    xreallocarray(net->people, cap, sizeof *p);
		}
		p = &net->people[net->npeople++];
		p->id = db_column_int64(s, 0);
		p->handle = store_col_dup(s, 1);
		p->level = db_column_int(s, 2);
		p->name = full ? store_col_dup(s, 3) : NULL;
		p->stance = NULL;
	}
	db_reset(s);
	if (rc != DB_DONE)
		return store_fail(st, "cannot read the people");
	if (net->npeople > 1)
		qsort(net->people, net->npeople, sizeof *net->people,
		      person_cmp);
	finder_init(&f, net);
	s = store_stmt(st, q_later);
	db_bind_int64(s, 1, account);
	store_bind_static(s, 2, as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t id = db_column_int64(s, 0);
		const char *field = (const char *)db_column_text(s, 1);
		const char *old = (const char *)db_column_text(s, 2);
		int bit = strcmp(field, "name") == 0 ? 1 : 2;

		if (id != last)
			seen = 0;
		last = id;
		if ((seen & bit) || (i = find(&f, id)) == net->npeople)
			continue;
		seen |= bit;
		if (bit == 1 && old != NULL && full) {
			free(net->people[i].name);
			net->people[i].name = xstrdup(old);
		} else if (bit == 2) {
			net->people[i].level = old != NULL ? atol(old) : 0;
		}
	}
	db_reset(s);
	free(f.at);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(st, "cannot read the history");
}

static int
load_links(struct store *st, int64_t account, const char *as_of,
           struct org_net *net)
{
	db_stmt *s = store_stmt(st, q_people_ids);
	struct finder f;
	size_t cap = 0;
	int64_t ids = 0;
	int rc;

	if (store_row(st, s, "the store"))
		ids = db_column_int64(s, 0);
	db_reset(s);
	if ((int64_t)net->npeople * 2 >= ids) {
		s = store_stmt(st, q_links_scan);
	} else {
		s = store_stmt(st, q_links);
		db_bind_int64(s, 1, account);
	}
	store_bind_static(s, 2, as_of);
	finder_init(&f, net);
	while ((rc = db_step(s)) == DB_ROW) {
		size_t from = find(&f, db_column_int64(s, 0));
		size_t to = find(&f, db_column_int64(s, 1));
		const char *kind = vocab_word(
		    VOCAB_LINK_KIND, (const char *)db_column_text(s, 2));
		struct influence_link *l;

		if (from == net->npeople || to == net->npeople || kind == NULL)
			continue;
		if (net->nlinks == cap) {
			cap = cap ? 2 * cap : 64;
			net->links = xreallocarray(net->links, cap, sizeof *l);
		}
		l = &net->links[net->nlinks++];
		l->from = from;
		l->to = to;
		l->kind = kind;
		l->strength = db_column_int(s, 3);
	}
	db_reset(s);
	free(f.at);
	return rc == DB_DONE ? KAM_OK : store_fail(st, "cannot read links");
}

static int
load_roles(struct store *st, int64_t account, int64_t deal, const char *as_of,
           struct org_net *net)
{
	db_stmt *s;
	struct finder f;
	size_t cap = 0;
	int rc;

	finder_init(&f, net);
	s = store_stmt(st, deal ? q_roles_deal : q_roles_account);
	db_bind_int64(s, 1, deal ? deal : account);
	store_bind_static(s, 2, as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		size_t who = find(&f, db_column_int64(s, 0));
		const char *role =
		    vocab_word(VOCAB_ROLE, (const char *)db_column_text(s, 3));
		struct org_net_role *r;

		if (who == net->npeople || role == NULL)
			continue;
		if (net->nroles == cap) {
			cap = cap ? 2 * cap : 16;
			net->roles = xreallocarray(net->roles, cap, sizeof *r);
		}
		r = &net->roles[net->nroles++];
		r->person = who;
		r->deal = db_column_int64(s, 1);
		r->deal_handle = store_col_dup(s, 2);
		r->role = role;
	}
	db_reset(s);
	free(f.at);
	return rc == DB_DONE ? KAM_OK
	                     : store_fail(st, "cannot read buying roles");
}

static int
load(struct store *st, int64_t account, int64_t deal, const char *as_of,
     unsigned what, struct org_net *net)
{
	db_stmt *s = store_stmt(st, q_account);
	int full = (what & ORG_NET_FULL) != 0;
	size_t i;
	int rc;

	db_bind_int64(s, 1, account);
	if (store_row(st, s, "the store"))
		net->account = store_col_dup(s, 0);
	db_reset(s);
	if (net->account == NULL)
		return kam_err(KAM_INTERNAL, _("account %lld vanished"),
		               (long long)account);
	if ((rc = load_people(st, account, as_of, full, net)) != KAM_OK ||
	    ((what & ORG_NET_LINKS) &&
	     (rc = load_links(st, account, as_of, net)) != KAM_OK) ||
	    (rc = load_roles(st, account, deal, as_of, net)) != KAM_OK)
		return rc;
	for (i = 0; full && rc == KAM_OK && i < net->npeople; i++)
		rc = store_stance_get(st, net->people[i].id, 0, deal, as_of,
		                      NULL, &net->people[i].stance, NULL);
	return rc;
}

int
store_org_net_load(struct store *st, int64_t account, int64_t deal,
                   const char *as_of, unsigned what, struct org_net *net)
{
	int rc;

	memset(net, 0, sizeof *net);
	/* One read transaction (the caller's, if it has one): a consistent
	 * picture, locked once. */
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	rc = store_end(st, load(st, account, deal, as_of, what, net));
	if (rc != KAM_OK)
		store_org_net_free(net);
	return rc;
}

int
store_org_net_links(struct store *st, int64_t account, const char *as_of,
                    struct org_net *net)
{
	int rc;

	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	return store_end(st, load_links(st, account, as_of, net));
}

void
store_org_net_free(struct org_net *net)
{
	size_t i;

	for (i = 0; i < net->npeople; i++) {
		free(net->people[i].handle);
		free(net->people[i].name);
	}
	for (i = 0; i < net->nroles; i++)
		free(net->roles[i].deal_handle);
	free(net->people);
	free(net->links);
	free(net->roles);
	free(net->account);
	memset(net, 0, sizeof *net);
}

int
store_org_net_has_links(struct store *st, int64_t account)
{
	db_stmt *s = store_stmt(st, q_any_link);
	int found;

	db_bind_int64(s, 1, account);
	found = store_row(st, s, "the store");
	db_reset(s);
	return found;
}
