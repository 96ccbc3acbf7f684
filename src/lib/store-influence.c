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
/* The buying roles in force on the day ?2 of the deals where w holds. */
#define Q_ROLES(w)                                                             \
	"SELECT r.person_id, d.id, d.handle, r.role FROM deal_role_period r "  \
	"JOIN deal d ON d.id = r.deal_id WHERE " w " AND " STORE_IN_FORCE(     \
	    "r", "?2") " ORDER BY d.handle, " STORE_ROLE_ORDER
static const char q_roles_deal[] = Q_ROLES("r.deal_id = ?1");
static const char q_roles_account[] = Q_ROLES("d.account_id = ?1");
#undef Q_ROLES

STORE_BY_ID(struct org_net_person, id);

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
	hit = bsearch(&key, net->people, net->npeople, sizeof key, kam_by_id);
	return hit == NULL ? net->npeople : (size_t)(hit - net->people);
}

/* The people as q_people and q_people_named read them. */
STORE_ROWS(people_rows, struct org_net_person,
           STORE_FIELD(struct org_net_person, id, INT64),
           STORE_FIELD(struct org_net_person, handle, DUP),
           STORE_FIELD(struct org_net_person, level, LONG));
STORE_ROWS(named_rows, struct org_net_person,
           STORE_FIELD(struct org_net_person, id, INT64),
           STORE_FIELD(struct org_net_person, handle, DUP),
           STORE_FIELD(struct org_net_person, level, LONG),
           STORE_FIELD(struct org_net_person, name, DUP));

/* A network being read: its people found by id, and each array's room. */
struct reader {
	struct org_net *net;
	struct finder f;
	int full;
	int64_t last; /* q_later: the person, and the fields undone */
	int seen;
	size_t links, roles;
};

static int
later_row(db_stmt *s, void *arg)
{
	struct reader *r = arg;
	struct org_net *net = r->net;
	int64_t id = db_column_int64(s, 0);
	const char *field = (const char *)db_column_text(s, 1);
	const char *old = (const char *)db_column_text(s, 2);
	int bit = strcmp(field, "name") == 0 ? 1 : 2;
	size_t i;

	if (id != r->last)
		r->seen = 0;
	r->last = id;
	if ((r->seen & bit) || (i = find(&r->f, id)) == net->npeople)
		return KAM_OK;
	r->seen |= bit;
	if (bit == 1 && old != NULL && r->full) {
		free(net->people[i].name);
		net->people[i].name = xstrdup(old);
	} else if (bit == 2) {
		net->people[i].level = old != NULL ? atol(old) : 0;
	}
	return KAM_OK;
}

/*
 * The rows of sql with args, each handed to row with the network's
 * people found by id.
 */
static int
net_rows(struct store *st, struct org_net *net, int full, const char *sql,
         const struct store_arg *args, int (*row)(db_stmt *, void *),
         const char *what)
{
	struct reader r = {.net = net, .full = full};
	int rc;

	finder_init(&r.f, net);
	rc = store_each(st, store_stmt(st, sql), args, row, &r, what);
	free(r.f.at);
	return rc;
}

static int
load_people(struct store *st, int64_t account, const char *as_of, int full,
            struct org_net *net)
{
	struct kam_array a = {0};
	int rc;

	rc =
	    store_read_all(st, store_stmt(st, full ? q_people_named : q_people),
	                   STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)),
	                   full ? &named_rows : &people_rows, &a, "the people");
	net->people = a.v;
	net->npeople = a.n;
	if (rc != KAM_OK)
		return rc;
	if (net->npeople > 1)
		qsort(net->people, net->npeople, sizeof *net->people,
		      kam_by_id);
	return net_rows(st, net, full, q_later,
	                STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)),
	                later_row, "the history");
}

/*
 * Whether row s is the network's: the person of column 0 one of its
 * people (*who, an index) and column c a word of the vocabulary k.
 */
static int
of_net(const struct reader *r, db_stmt *s, enum vocab_kind k, int c,
       size_t *who, const char **word)
{
	*who = find(&r->f, db_column_int64(s, 0));
	*word = vocab_word(k, (const char *)db_column_text(s, c));
	return *who < r->net->npeople && *word != NULL;
}

static int
link_row(db_stmt *s, void *arg)
{
	struct reader *r = arg;
	struct org_net *net = r->net;
	size_t from, to = find(&r->f, db_column_int64(s, 1));
	const char *kind;
	struct influence_link *l;

	if (!of_net(r, s, VOCAB_LINK_KIND, 2, &from, &kind) ||
	    to == net->npeople)
		return KAM_OK;
	net->links = xgrow(net->links, net->nlinks, &r->links, sizeof *l);
	l = &net->links[net->nlinks++];
	l->from = from;
	l->to = to;
	l->kind = kind;
	l->strength = db_column_int(s, 3);
	return KAM_OK;
}

static int
load_links(struct store *st, int64_t account, const char *as_of,
           struct org_net *net)
{
	int64_t ids = 0;

	/* q_links_scan reads only ?2. */
	store_get_int64(st, store_stmt(st, q_people_ids), NULL, &ids);
	return net_rows(st, net, 0,
	                (int64_t)net->npeople * 2 >= ids ? q_links_scan
	                                                 : q_links,
	                STORE_ARGS(STORE_INT(account), STORE_TEXT(as_of)),
	                link_row, "links");
}

static int
role_row(db_stmt *s, void *arg)
{
	struct reader *r = arg;
	struct org_net *net = r->net;
	size_t who;
	const char *role;
	struct org_net_role *x;

	if (!of_net(r, s, VOCAB_ROLE, 3, &who, &role))
		return KAM_OK;
	net->roles = xgrow(net->roles, net->nroles, &r->roles, sizeof *x);
	x = &net->roles[net->nroles++];
	x->person = who;
	x->deal = db_column_int64(s, 1);
	x->deal_handle = store_col_dup(s, 2);
	x->role = role;
	return KAM_OK;
}

static int
load_roles(struct store *st, int64_t account, int64_t deal, const char *as_of,
           struct org_net *net)
{
	return net_rows(
	    st, net, 0, deal ? q_roles_deal : q_roles_account,
	    STORE_ARGS(STORE_INT(deal ? deal : account), STORE_TEXT(as_of)),
	    role_row, "buying roles");
}

static int
load(struct store *st, int64_t account, int64_t deal, const char *as_of,
     unsigned what, struct org_net *net)
{
	int full = (what & ORG_NET_FULL) != 0;
	size_t i;
	int rc;

	net->account = store_get_text(st, store_stmt(st, q_account),
	                              STORE_ARGS(STORE_INT(account)));
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

/* Runs load (links 0) or load_links in one read transaction. */
static int
read_net(struct store *st, int64_t account, int64_t deal, const char *as_of,
         unsigned what, int links, struct org_net *net)
{
	int rc;

	/* The caller's transaction, if it has one: a consistent picture,
	 * locked once. */
	if ((rc = store_begin(st, STORE_TX_READ)) != KAM_OK)
		return rc;
	return store_end(st, links ? load_links(st, account, as_of, net)
	                           : load(st, account, deal, as_of, what, net));
}

int
store_org_net_load(struct store *st, int64_t account, int64_t deal,
                   const char *as_of, unsigned what, struct org_net *net)
{
	int rc;

	memset(net, 0, sizeof *net);
	if ((rc = read_net(st, account, deal, as_of, what, 0, net)) != KAM_OK)
		store_org_net_free(net);
	return rc;
}

int
store_org_net_links(struct store *st, int64_t account, const char *as_of,
                    struct org_net *net)
{
	return read_net(st, account, 0, as_of, 0, 1, net);
}

void
store_org_net_free(struct org_net *net)
{
	size_t i;

	/* The people as read (named_rows: a name, when read, is theirs). */
	store_rows_free(&named_rows, net->people, net->npeople);
	for (i = 0; i < net->nroles; i++)
		free(net->roles[i].deal_handle);
	free(net->links);
	free(net->roles);
	free(net->account);
	memset(net, 0, sizeof *net);
}

int
store_org_net_has_links(struct store *st, int64_t account)
{
	return store_exists(st, store_stmt(st, q_any_link),
	                    STORE_ARGS(STORE_INT(account)));
}
