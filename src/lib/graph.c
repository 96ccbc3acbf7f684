/*
 * graph: the rules of a map, pure functions over the structs of graph.h:
 * a stable order of people and edges (maps are kept in git and diffed,
 * so the same store must give the same bytes), and the neighbourhood of
 * a person.  map-dot.c draws what these decide; map-render.c writes it.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"

static const char *const views[] = {"all", "org", "buying", "influence", NULL};

int
map_view_parse(const char *s)
{
	static const enum map_view v[] = {MAP_ALL, MAP_ORG, MAP_BUYING,
	                                  MAP_INFLUENCE};
	size_t i;

	for (i = 0; views[i] != NULL; i++)
		if (strcmp(views[i], s) == 0)
			return (int)v[i];
	return -1;
}

/* --- Data --- */

static int
by_handle(const void *a, const void *b)
{
	const struct map_person *x = a, *y = b;
	int c = strcmp(x->handle, y->handle);

	/* A handle is unique in its account only. */
	return c != 0 ? c : KAM_CMP(x->acct, y->acct);
}

static int
by_id(const void *a, const void *b)
{
	const struct map_person *const *x = a, *const *y = b;

	return (*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id;
}

/* --- A stable order, whatever order SQLite returns rows in --- */

/*
 * Rows are sorted on keys worked out once: the positions of their people
 * in the list sorted by handle, then a rank (the kind of line or link,
 * the deal and role of a badge).
 */
struct skey {
	size_t a, b;
	const char *s;
	long c;
	size_t i;
};

static int
cmp_skey(const void *x, const void *y)
{
	const struct skey *p = x, *q = y;
	int c;

	if ((c = KAM_CMP(p->a, q->a)) != 0 || (c = KAM_CMP(p->b, q->b)) != 0 ||
	    (p->s != NULL && q->s != NULL && (c = strcmp(p->s, q->s)) != 0) ||
	    (c = KAM_CMP(p->c, q->c)) != 0)
		return c;
	return KAM_CMP(p->i, q->i);
}

static void
sort_rows(void *base, size_t n, size_t size, struct skey *k)
{
	char *tmp;
	size_t i;

	if (n == 0) /* base and k may be NULL */
		return;
	tmp = xreallocarray(NULL, n + 1, size);
	qsort(k, n, sizeof *k, cmp_skey);
	for (i = 0; i < n; i++)
		memcpy(tmp + i * size, (char *)base + k[i].i * size, size);
	memcpy(base, tmp, n * size);
	free(tmp);
}

static long
kind_rank(const char *const *words, const char *w)
{
	long i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return i;
}

/* The position of a person in the sorted list, or -1. */
static long
position(const struct map_data *d, int64_t id)
{
	const struct map_person *p = map_find(d, id);

	return p == NULL ? -1 : (long)(p - d->people);
}

/* The sort key of a line, a link or a role badge: 0 when one of its
 * people is not on the map. */
static int
line_key(const struct map_data *d, const void *row, struct skey *k)
{
	const struct map_line *l = row;
	long a = position(d, l->manager), b = position(d, l->person);

	*k = (struct skey){(size_t)a, (size_t)b, NULL, l->dotted, 0};
	return a >= 0 && b >= 0;
}

static int
link_key(const struct map_data *d, const void *row, struct skey *k)
{
	const struct map_link *l = row;
	long a = position(d, l->from), b = position(d, l->to);

	*k = (struct skey){(size_t)a, (size_t)b, NULL,
	                   kind_rank(vocab_link_kinds, l->kind), 0};
	return a >= 0 && b >= 0;
}

static int
role_key(const struct map_data *d, const void *row, struct skey *k)
{
	const struct map_role *r = row;
	long a = position(d, r->person);

	*k = (struct skey){(size_t)a, 0, r->deal,
	                   kind_rank(vocab_roles, r->role), 0};
	return a >= 0;
}

static void
role_drop(void *row)
{
	free(((struct map_role *)row)->deal);
}

/*
 * Keeps the N rows of SIZE bytes at ROWS whose people are on the map
 * (KEY), dropping the others (DROP, if any, frees what a row holds), and
 * sorts them by their keys.  Returns how many are kept.
 */
static size_t
keep_on_map(const struct map_data *d, void *rows, size_t n, size_t size,
            int (*key)(const struct map_data *, const void *, struct skey *),
            void (*drop)(void *))
{
	struct skey *k = xreallocarray(NULL, n + 1, sizeof *k);
	char *v = rows;
	size_t i, j;

	for (i = j = 0; i < n; i++) {
		if (!key(d, v + i * size, &k[j])) {
			if (drop != NULL)
				drop(v + i * size);
			continue;
		}
		if (j != i)
			memcpy(v + j * size, v + i * size, size);
		k[j].i = j;
		j++;
	}
	sort_rows(rows, j, size, k);
	free(k);
	return j;
}

void
map_data_index(struct map_data *d)
{
	size_t i;

	qsort(d->people, d->npeople, sizeof *d->people, by_handle);
	free(d->by_id);
	d->by_id = xreallocarray(NULL, d->npeople + 1, sizeof *d->by_id);
	for (i = 0; i < d->npeople; i++)
		d->by_id[i] = &d->people[i];
	qsort(d->by_id, d->npeople, sizeof *d->by_id, by_id);

	/* Edges and badges in an order of handles; those of people
	 * missing from the map are dropped. */
	d->nlines = keep_on_map(d, d->lines, d->nlines, sizeof *d->lines,
	                        line_key, NULL);
	d->nlinks = keep_on_map(d, d->links, d->nlinks, sizeof *d->links,
	                        link_key, NULL);
	d->nroles = keep_on_map(d, d->roles, d->nroles, sizeof *d->roles,
	                        role_key, role_drop);
}

struct map_person *
map_find(const struct map_data *d, int64_t id)
{
	size_t lo = 0, hi = d->npeople;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->by_id[mid]->id == id)
			return d->by_id[mid];
		if (d->by_id[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
map_data_free(struct map_data *d)
{
	size_t i;

	for (i = 0; i < d->npeople; i++) {
		KAM_FREE(d->people[i].handle, d->people[i].name,
		         d->people[i].title, d->people[i].dept,
		         d->people[i].left_on, d->people[i].stance_deal,
		         d->people[i].prefers);
	}
	for (i = 0; i < d->nroles; i++)
		free(d->roles[i].deal);
	for (i = 0; i < d->naccounts; i++)
		KAM_FREE(d->accounts[i].handle, d->accounts[i].name);
	KAM_FREE(d->accounts, d->people, d->lines, d->links, d->roles, d->by_id,
	         d->account, d->account_name, d->deal, d->deal_name, d->toward,
	         d->toward_name);
	memset(d, 0, sizeof *d);
}

static int
account_by_handle(const void *a, const void *b)
{
	const struct map_account *x = a, *y = b;

	return strcmp(x->handle, y->handle);
}

void
map_data_accounts(struct map_data *d)
{
	size_t i, j;

	if (d->naccounts > 2)
		qsort(d->accounts + 1, d->naccounts - 1, sizeof *d->accounts,
		      account_by_handle);
	for (i = 0; i < d->npeople; i++) {
		for (j = 0; j < d->naccounts &&
		            d->accounts[j].id != d->people[i].account_id;
		     j++)
			;
		d->people[i].acct = j < d->naccounts ? j : 0;
	}
}

/* --- Sets of ids, for the neighbourhood --- */

void
map_ids_add(struct map_ids *s, int64_t id)
{
	s->v = xgrow(s->v, s->n, &s->cap, sizeof *s->v);
	s->v[s->n++] = id;
}

void
map_ids_sort(struct map_ids *s)
{
	size_t i, j;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof *s->v, kam_by_id);
	for (i = j = 1; i < s->n; i++)
		if (s->v[i] != s->v[j - 1])
			s->v[j++] = s->v[i];
	s->n = j;
}

int
map_ids_has(const struct map_ids *s, int64_t id)
{
	return s->n > 0 &&
	       bsearch(&id, s->v, s->n, sizeof *s->v, kam_by_id) != NULL;
}

/*
 * Breadth first, one ring at a time: ring k holds the people exactly k
 * steps away, so each person's edges are asked for once.
 */
int
map_neighbourhood(int64_t focus, int depth,
                  int (*next)(void *, int64_t, struct map_ids *), void *arg,
                  struct map_ids *out)
{
	struct map_ids ring = {0}, found = {0};
	size_t i;
	int k, rc = KAM_OK;

	out->n = 0;
	map_ids_add(out, focus);
	map_ids_add(&ring, focus);
	for (k = 0; k < depth && ring.n > 0; k++) {
		found.n = 0;
		for (i = 0; i < ring.n; i++)
			if ((rc = next(arg, ring.v[i], &found)) != KAM_OK)
				goto done;
		map_ids_sort(&found);
		ring.n = 0;
		for (i = 0; i < found.n; i++)
			if (!map_ids_has(out, found.v[i]))
				map_ids_add(&ring, found.v[i]);
		for (i = 0; i < ring.n; i++)
			map_ids_add(out, ring.v[i]);
		map_ids_sort(out);
	}
done:
	free(ring.v);
	free(found.v);
	return rc;
}

/* The edges of each view: walked from a focus (map_walk), followed to
 * other accounts (map_across), and followed with --context. */
static const struct {
	unsigned walk, across, across_context;
} view_edges[] = {
    [MAP_ALL] = {MAP_WALK_LINES | MAP_WALK_LINKS,
                 MAP_WALK_LINES | MAP_WALK_LINKS | MAP_WALK_GROUP,
                 MAP_WALK_LINES | MAP_WALK_LINKS | MAP_WALK_GROUP},
    [MAP_ORG] = {MAP_WALK_LINES, MAP_WALK_LINES, MAP_WALK_LINES},
    [MAP_BUYING] = {MAP_WALK_GROUP, MAP_WALK_GROUP,
                    MAP_WALK_GROUP | MAP_WALK_LINKS},
    [MAP_INFLUENCE] = {MAP_WALK_LINKS, MAP_WALK_LINKS, MAP_WALK_LINKS},
};

unsigned
map_walk(enum map_view v)
{
	return view_edges[v <= MAP_INFLUENCE ? v : MAP_ALL].walk;
}

unsigned
map_across(enum map_view v, int context)
{
	v = v <= MAP_INFLUENCE ? v : MAP_ALL;
	return context ? view_edges[v].across_context : view_edges[v].across;
}

/* --- The compact organisation chart --- */

int
map_layout_parse(const char *s)
{
	if (strcmp(s, "compact") == 0)
		return MAP_COMPACT;
	if (strcmp(s, "wide") == 0)
		return MAP_WIDE;
	return -1;
}

struct leaf_key {
	size_t manager;
	long level; /* LONG_MAX: not known */
	size_t i;   /* the position in the list sorted by handle */
};

static int
cmp_leaf(const void *a, const void *b)
{
	const struct leaf_key *x = a, *y = b;
	int c;

	if ((c = KAM_CMP(x->manager, y->manager)) != 0 ||
	    (c = KAM_CMP(x->level, y->level)) != 0)
		return c;
	return KAM_CMP(x->i, y->i);
}

/*
 * Org-chart tools hang a manager's reports that have no reports of their
 * own under the manager in a column, rather than in one long row: a
 * chart of seventy people then fits a slide.  A leaf is a person drawn
 * with exactly one solid line, to a drawn manager, and no drawn solid
 * report; a manager with at least MAP_STACK_MIN leaves stacks them, on
 * both sides of the line down from the manager once there are
 * MAP_STACK_SIDES of them.  Leaves are stacked by level (known levels
 * first), then handle.
 */
void
map_org_plan(const struct map_data *d, const int *drawn, struct map_org *o)
{
	size_t *managers, *manager_of, i, j, m, n, p, parts, first, row;
	struct leaf_key *k;

	memset(o, 0, sizeof *o);
	o->stacked = xcalloc(d->npeople + 1, sizeof *o->stacked);
	managers = xcalloc(d->npeople + 1, sizeof *managers);
	manager_of = xcalloc(d->npeople + 1, sizeof *manager_of);
	/* Counts of solid lines: as a manager, as a report. */
	{
		size_t *reports = xcalloc(d->npeople + 1, sizeof *reports);

		for (i = 0; i < d->nlines; i++) {
			const struct map_line *l = &d->lines[i];
			long mi = position(d, l->manager),
			     pi = position(d, l->person);

			if (l->dotted || mi < 0 || pi < 0 || !drawn[mi] ||
			    !drawn[pi])
				continue;
			reports[mi]++;
			managers[pi]++;
			manager_of[pi] = (size_t)mi;
		}
		/* A report of another account is drawn in its own
		 * account's box, not hung in the manager's stack. */
		for (i = 0; i < d->npeople; i++)
			if (reports[i] > 0 || managers[i] != 1 ||
			    d->people[manager_of[i]].acct != d->people[i].acct)
				managers[i] = 0; /* not a leaf */
		free(reports);
	}
	k = xreallocarray(NULL, d->npeople + 1, sizeof *k);
	for (i = n = 0; i < d->npeople; i++)
		if (managers[i] == 1)
			k[n++] = (struct leaf_key){manager_of[i],
			                           d->people[i].level > 0
			                               ? d->people[i].level
			                               : LONG_MAX,
			                           i};
	qsort(k, n, sizeof *k, cmp_leaf);
	for (i = 0; i < n; i = j) {
		struct map_stack *s;

		for (j = i; j < n && k[j].manager == k[i].manager; j++)
			;
		if (j - i < MAP_STACK_MIN)
			continue;
		/* A long stack is split, so that none is taller than
		 * MAP_STACK_ROWS rows: side by side, the first the
		 * fullest. */
		parts = (j - i + 2 * MAP_STACK_ROWS - 1) / (2 * MAP_STACK_ROWS);
		for (p = 0, first = i, row = 0; p < parts; p++) {
			size_t len =
			    (j - first + (parts - p) - 1) / (parts - p);

			o->stacks = xreallocarray(o->stacks, o->nstacks + 1,
			                          sizeof *o->stacks);
			s = &o->stacks[o->nstacks++];
			s->manager = k[i].manager;
			s->n = len;
			s->leaves =
			    xreallocarray(NULL, s->n, sizeof *s->leaves);
			for (m = 0; m < s->n; m++) {
				s->leaves[m] = k[first + m].i;
				o->stacked[k[first + m].i] = 1;
			}
			s->sides = s->n >= MAP_STACK_SIDES ? 2 : 1;
			s->first_row = row;
			row += s->sides == 2 ? (s->n + 1) / 2 : s->n;
			first += len;
		}
	}
	free(k);
	free(managers);
	free(manager_of);
}

void
map_org_free(struct map_org *o)
{
	size_t i;

	for (i = 0; i < o->nstacks; i++)
		free(o->stacks[i].leaves);
	free(o->stacks);
	free(o->stacked);
	memset(o, 0, sizeof *o);
}

/* --- Links at density --- */

unsigned
map_link_kind_bit(const char *kind)
{
	long i;

	/* In English or in the method's words (影响, 建议, ...). */
	if ((kind = vocab_word(VOCAB_LINK_KIND, kind)) == NULL)
		return 0;
	i = kind_rank(vocab_link_kinds, kind);
	return vocab_link_kinds[i] == NULL ? 0 : 1u << i;
}

static int
influence_rank(const char *w)
{
	return w == NULL ? 0 : vocab_influence_weight(w);
}

/* The link from b to a of the same kind, if any (links sorted). */
static long
reverse_link(const struct map_data *d, const struct map_link *l)
{
	size_t lo = 0, hi = d->nlinks;
	long a = position(d, l->to), b = position(d, l->from);
	long k = kind_rank(vocab_link_kinds, l->kind);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct map_link *m = &d->links[mid];
		long ma = position(d, m->from), mb = position(d, m->to);
		long mk = kind_rank(vocab_link_kinds, m->kind);
		int c;

		if ((c = KAM_CMP(ma, a)) == 0 && (c = KAM_CMP(mb, b)) == 0)
			c = KAM_CMP(mk, k);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

struct pick {
	size_t i; /* the link */
	int strength, mutual, hi, lo;
	long kind, a, b;
};

/*
 * The documented order of map_links_pick, the strongest first: the
 * comparison, and which key (MAP_BY_*) told the two apart.
 */
static int
cmp_pick_by(const struct pick *p, const struct pick *q, unsigned *by)
{
	int c;

	if ((c = KAM_CMP(q->strength, p->strength)) != 0)
		*by = MAP_BY_STRENGTH;
	else if ((c = KAM_CMP(q->mutual, p->mutual)) != 0)
		*by = MAP_BY_MUTUAL;
	else if ((c = KAM_CMP(q->hi, p->hi)) != 0 ||
	         (c = KAM_CMP(q->lo, p->lo)) != 0)
		*by = MAP_BY_INFLUENCE;
	else if ((c = KAM_CMP(p->kind, q->kind)) != 0)
		*by = MAP_BY_KIND;
	else {
		*by = MAP_BY_HANDLE;
		if ((c = KAM_CMP(p->a, q->a)) == 0)
			c = KAM_CMP(p->b, q->b);
	}
	return c;
}

static int
cmp_pick(const void *x, const void *y)
{
	unsigned by;

	return cmp_pick_by(x, y, &by);
}

/*
 * How the links drawn were chosen from c[0..nc), sorted, the first
 * limit drawn: the keys up to the one that parts the last drawn from
 * the first left out, less those on which every link is equal (with
 * every strength the same, the links drawn are not "the strongest").
 */
static unsigned
picked_by(const struct pick *c, size_t nc, size_t limit)
{
	unsigned decided, by, used = 0;
	size_t i;

	cmp_pick_by(&c[limit - 1], &c[limit], &decided);
	/* Sorted: a key varies if it parts some neighbours. */
	for (i = 1; i < nc; i++) {
		cmp_pick_by(&c[i - 1], &c[i], &by);
		used |= by;
	}
	return used & (2 * decided - 1);
}

void
map_links_pick(struct map_data *d, const int *drawn,
               const struct map_link_filter *f, struct map_link_count *n)
{
	int *infl = xcalloc(d->npeople + 1, sizeof *infl);
	struct pick *c = xreallocarray(NULL, d->nlinks + 1, sizeof *c);
	size_t i, nc = 0;

	memset(n, 0, sizeof *n);
	for (i = 0; i < d->nroles; i++) {
		long p = position(d, d->roles[i].person);
		int r = influence_rank(d->roles[i].influence);

		if (p >= 0 && r > infl[p])
			infl[p] = r;
	}
	for (i = 0; i < d->nlinks; i++) {
		struct map_link *l = &d->links[i];
		long a = position(d, l->from), b = position(d, l->to);

		l->mutual = 0;
		l->hidden = a < 0 || b < 0 || !drawn[a] || !drawn[b] ||
		            (f->kinds != 0 &&
		             !(f->kinds & map_link_kind_bit(l->kind))) ||
		            l->strength < f->min_strength ||
		            (f->need_member && drawn[a] != MAP_DRAWN &&
		             drawn[b] != MAP_DRAWN);
		if (!l->hidden)
			n->total++;
	}
	/* A pair of links of one kind, each way: one edge, two heads, the
	 * stronger strength, kept on the link that starts at the handle
	 * first in order. */
	for (i = 0; i < d->nlinks; i++) {
		struct map_link *l = &d->links[i];
		long r, a, b;

		if (l->hidden || (r = reverse_link(d, l)) < 0 ||
		    d->links[r].hidden)
			continue;
		a = position(d, l->from);
		b = position(d, l->to);
		if (a > b)
			continue;
		l->mutual = 1;
		if (d->links[r].strength > l->strength)
			l->strength = d->links[r].strength;
		d->links[r].hidden = 1;
	}
	for (i = 0; i < d->nlinks; i++) {
		const struct map_link *l = &d->links[i];
		long a = position(d, l->from), b = position(d, l->to);

		if (l->hidden)
			continue;
		c[nc].i = i;
		c[nc].strength = l->strength;
		c[nc].mutual = l->mutual;
		c[nc].hi = infl[a] > infl[b] ? infl[a] : infl[b];
		c[nc].lo = infl[a] > infl[b] ? infl[b] : infl[a];
		c[nc].kind = kind_rank(vocab_link_kinds, l->kind);
		c[nc].a = a;
		c[nc].b = b;
		nc++;
	}
	n->limit = f->max_links;
	if (f->max_links > 0 && nc > f->max_links) {
		qsort(c, nc, sizeof *c, cmp_pick);
		n->by = picked_by(c, nc, f->max_links);
		for (i = f->max_links; i < nc; i++)
			d->links[c[i].i].hidden = 1;
		nc = f->max_links;
	}
	for (i = 0; i < nc; i++) {
		n->edges++;
		n->shown += d->links[c[i].i].mutual ? 2 : 1;
	}
	free(c);
	free(infl);
}

/* --- Who a view draws --- */

void
map_people_drawn(struct map_data *d, const struct map_style *st, int *drawn,
                 struct map_link_count *n)
{
	struct map_link_filter f = {st->links, st->min_strength, 0,
	                            st->view == MAP_BUYING};
	struct map_ids members = {0};
	size_t i, shown;

	for (i = 0; i < d->nroles; i++)
		map_ids_add(&members, d->roles[i].person);
	map_ids_sort(&members);
	for (i = 0; i < d->npeople; i++) {
		const struct map_person *p = &d->people[i];

		drawn[i] = MAP_HIDDEN;
		if (st->hide_left && p->left_on != NULL)
			continue;
		if (st->view != MAP_BUYING || map_ids_has(&members, p->id))
			drawn[i] = MAP_DRAWN;
		else if (st->context)
			drawn[i] = MAP_FADED; /* if linked to the group */
	}
	/* The context of a buying group: those linked to a member by a
	 * link of the kinds and strength drawn; not two outsiders. */
	if (st->view == MAP_BUYING) {
		for (i = 0; i < d->nlinks; i++) {
			const struct map_link *l = &d->links[i];
			long a = position(d, l->from), b = position(d, l->to);

			if (a < 0 || b < 0 ||
			    (drawn[a] == MAP_DRAWN) == (drawn[b] == MAP_DRAWN))
				l = NULL;
			else if (f.kinds != 0 &&
			         !(f.kinds & map_link_kind_bit(l->kind)))
				l = NULL;
			else if (l->strength < f.min_strength)
				l = NULL;
			if (l != NULL)
				drawn[drawn[a] == MAP_DRAWN ? b : a] |= 4;
		}
		for (i = 0; i < d->npeople; i++)
			drawn[i] = drawn[i] == MAP_DRAWN         ? MAP_DRAWN
			           : drawn[i] == (MAP_FADED | 4) ? MAP_FADED
			                                         : MAP_HIDDEN;
	}
	/* The limit counts the people the view is about: in the buying
	 * view, the members. */
	for (i = shown = 0; i < d->npeople; i++)
		shown += st->view == MAP_BUYING ? drawn[i] == MAP_DRAWN
		                                : drawn[i] != MAP_HIDDEN;
	f.max_links = st->max_links >= 0    ? (size_t)st->max_links
	              : st->view == MAP_ALL ? MAP_LINKS_PER_PERSON_ALL * shown
	                                    : MAP_LINKS_PER_PERSON * shown;
	map_links_pick(d, drawn, &f, n);
	/* Outsiders whose every link to the group was left out go too. */
	if (st->view == MAP_BUYING && st->context) {
		for (i = 0; i < d->npeople; i++)
			if (drawn[i] == MAP_FADED)
				drawn[i] |= 4;
		for (i = 0; i < d->nlinks; i++) {
			const struct map_link *l = &d->links[i];
			long a = position(d, l->from), b = position(d, l->to);

			if (l->hidden)
				continue;
			drawn[a] &= ~4;
			drawn[b] &= ~4;
		}
		for (i = 0; i < d->npeople; i++)
			if (drawn[i] & 4)
				drawn[i] = MAP_HIDDEN;
	}
	free(members.v);
}

/* --- The buying group --- */

/* The box a member is drawn in: the decision, else a role they lead,
 * else their first role in the method's order. */
static long
home_role(const struct map_data *d, int64_t person, int *lead, int *infl)
{
	long best = -1, j;
	size_t i;

	*lead = 0;
	*infl = 0;
	for (i = 0; i < d->nroles; i++) {
		const struct map_role *r = &d->roles[i];
		long key;

		if (r->person != person)
			continue;
		j = kind_rank(vocab_roles, r->role);
		key = j == 0 ? -200 : r->lead ? j - 100 : j;
		if (best == -1 || key < best) {
			best = key;
			*lead = r->lead;
		}
		if (influence_rank(r->influence) > *infl)
			*infl = influence_rank(r->influence);
	}
	return best == -1     ? -1
	       : best == -200 ? 0
	       : best < 0     ? best + 100
	                      : best;
}

struct member_key {
	size_t acct;
	long role;
	int lead, infl;
	size_t i;
};

static int
cmp_member(const void *a, const void *b)
{
	const struct member_key *x = a, *y = b;
	int c;

	/* The decision first, whatever the account: it is the top row. */
	if ((c = KAM_CMP(y->role == 0, x->role == 0)) != 0 ||
	    (c = KAM_CMP(x->acct, y->acct)) != 0 ||
	    (c = KAM_CMP(x->role, y->role)) != 0 ||
	    (c = KAM_CMP(y->lead, x->lead)) != 0 ||
	    (c = KAM_CMP(y->infl, x->infl)) != 0)
		return c;
	return KAM_CMP(x->i, y->i);
}

void
map_buying_plan(const struct map_data *d, const int *drawn,
                struct map_buying *bp)
{
	struct member_key *k = xreallocarray(NULL, d->npeople + 1, sizeof *k);
	size_t i, n = 0;

	memset(bp, 0, sizeof *bp);
	for (i = 0; i < d->npeople; i++) {
		if (drawn[i] != MAP_DRAWN)
			continue;
		k[n].role =
		    home_role(d, d->people[i].id, &k[n].lead, &k[n].infl);
		if (k[n].role < 0)
			continue;
		k[n].acct = d->people[i].acct;
		k[n].i = i;
		n++;
	}
	qsort(k, n, sizeof *k, cmp_member);
	bp->members = xreallocarray(NULL, n + 1, sizeof *bp->members);
	bp->role = xreallocarray(NULL, n + 1, sizeof *bp->role);
	for (i = 0; i < n; i++) {
		bp->members[i] = k[i].i;
		bp->role[i] = vocab_roles[k[i].role];
	}
	bp->n = n;
	free(k);
}

void
map_buying_free(struct map_buying *bp)
{
	KAM_FREE(bp->members, bp->role);
	memset(bp, 0, sizeof *bp);
}
