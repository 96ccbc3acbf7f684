/*
 * The organisation's rules, pure functions over rows the store loaded:
 * reporting lines may not form a cycle (METHOD.md, section 1.1: a
 * hierarchy has a top), the one cycle rule of the importer
 * (import-org.c) and of person add and set (org-person.c); the red
 * flags of the records (a buying group without its core roles, roles
 * held by placeholders or by people who have left, lines up to a lower
 * rank), decided for org-check.c; naming a placeholder fills it in.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/kam.h"
#include "kam/org.h"
#include "kam/reason.h"

/* A node's i-th way up: its solid line, then its dotted ones. */
static int64_t
way_up(const struct org_node *r, size_t i)
{
	return i == 0 ? r->solid : r->dotted[i - 1];
}

/*
 * The shortest cycle through the node j, which is on one: breadth
 * first from j, each node's ways up in order, until a way leads back
 * to j.  Its nodes go into path, j first; returns how many.
 */
static size_t
shortest_cycle(const struct org_node *nodes, size_t n, size_t j, size_t *path)
{
	size_t *queue = xcalloc(n + 1, sizeof *queue);
	size_t *from = xcalloc(n + 1, sizeof *from);
	unsigned char *seen = xcalloc(n + 1, 1);
	size_t head = 0, tail = 0, last = n, len = 0, u, i, k;
	int64_t m;

	seen[j] = 1;
	queue[tail++] = j;
	while (head < tail && last == n) {
		u = queue[head++];
		for (i = 0; i <= nodes[u].ndotted && last == n; i++) {
			if ((m = way_up(&nodes[u], i)) < 0 || (size_t)m >= n)
				continue;
			if ((size_t)m == j)
				last = u;
			else if (!seen[m]) {
				seen[m] = 1;
				from[m] = u;
				queue[tail++] = (size_t)m;
			}
		}
	}
	if (last != n) {
		for (u = last, len = 1; u != j; u = from[u])
			len++;
		for (u = last, k = len; k-- > 0; u = from[u])
			path[k] = u;
	}
	free(queue);
	free(from);
	free(seen);
	return len;
}

/*
 * Depth-first, from each node in order, following the solid line first
 * and then the dotted ones in order, to the first node found on a
 * cycle; then the shortest cycle through it.  The walk keeps its own
 * stack (a file may hold a chain of reporting lines as long as itself).
 */
size_t
org_find_cycle(const struct org_node *nodes, size_t n, size_t *path)
{
	unsigned char *mark = xcalloc(n + 1, 1); /* 0 new, 1 on path, 2 done */
	size_t *edge = xcalloc(n + 1, sizeof *edge), *stack = path;
	size_t root, depth, j, first, len = 0;

	for (root = 0; root < n && len == 0; root++) {
		if (mark[root] != 0)
			continue;
		stack[0] = root;
		mark[root] = 1;
		depth = 1;
		while (depth > 0) {
			const struct org_node *r = &nodes[stack[depth - 1]];
			size_t *e = &edge[stack[depth - 1]];
			int64_t m;

			if (*e > r->ndotted) {
				mark[stack[depth - 1]] = 2;
				depth--;
				continue;
			}
			m = *e == 0 ? r->solid : r->dotted[*e - 1];
			(*e)++;
			if (m < 0 || (size_t)m >= n)
				continue;
			j = (size_t)m;
			if (mark[j] == 1) {
				/* The cycle: from j on the path to its end. */
				for (first = 0; stack[first] != j; first++)
					;
				len = depth - first;
				for (j = 0; j < len; j++)
					path[j] = stack[first + j];
				break;
			}
			if (mark[j] == 0) {
				mark[j] = 1;
				stack[depth++] = j;
			}
		}
	}
	free(mark);
	free(edge);
	return len > 0 ? shortest_cycle(nodes, n, path[0], path) : 0;
}

/*
 * A new line person -> manager.  The graph's nodes are the people in the
 * order met: the person (node 0, whose only way up is the new line),
 * the manager, then everyone on the lines above, each node's lines in
 * the order given; org_find_cycle walks it from node 0, so a cycle it
 * finds passes through the new line.
 */
struct seen_id {
	int64_t id;
	size_t at; /* where first met, then the node */
};

static int
seen_by_id(const void *a, const void *b)
{
	const struct seen_id *x = a, *y = b;
	int c = KAM_CMP(x->id, y->id);

	return c != 0 ? c : KAM_CMP(x->at, y->at);
}

static int
seen_by_at(const void *a, const void *b)
{
	const struct seen_id *x = a, *y = b;

	return KAM_CMP(x->at, y->at);
}

/* The node of id; v is sorted by id, one entry an id, and holds it. */
static size_t
node_of(const struct seen_id *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v[lo].at;
}

/* The people met, numbered in the order met, sorted by id; *n of them. */
static struct seen_id *
number_people(const struct org_line_view *v, size_t *n)
{
	size_t m = 2 * v->nup + 2, i, k;
	struct seen_id *seen = xcalloc(m, sizeof *seen);

	seen[0].id = v->person;
	seen[1].id = v->manager;
	for (i = 0; i < v->nup; i++) {
		seen[2 + 2 * i].id = v->up[i].person;
		seen[3 + 2 * i].id = v->up[i].manager;
	}
	for (i = 0; i < m; i++)
		seen[i].at = i;
	qsort(seen, m, sizeof *seen, seen_by_id);
	for (i = k = 0; i < m; i++)
		if (k == 0 || seen[k - 1].id != seen[i].id)
			seen[k++] = seen[i];
	qsort(seen, k, sizeof *seen, seen_by_at);
	for (i = 0; i < k; i++)
		seen[i].at = i;
	qsort(seen, k, sizeof *seen, seen_by_id);
	*n = k;
	return seen;
}

enum org_line_fault
org_line_check(const struct org_line_view *v, int64_t **cycle, size_t *ncycle)
{
	size_t n, i, len, *path, *start;
	struct seen_id *seen;
	struct org_node *nodes;
	int64_t *to, *id_at;

	*cycle = NULL;
	*ncycle = 0;
	if (v->person == v->manager)
		return ORG_LINE_SELF;
	if (v->person_group != v->manager_group)
		return ORG_LINE_CROSS;
	seen = number_people(v, &n);
	nodes = xcalloc(n, sizeof *nodes);
	start = xcalloc(n + 1, sizeof *start);
	to = xcalloc(v->nup + 1, sizeof *to);
	id_at = xcalloc(n, sizeof *id_at);
	for (i = 0; i < n; i++)
		id_at[seen[i].at] = seen[i].id;
	/* Each node's lines up, together, in the order given. */
	for (i = 0; i < v->nup; i++)
		start[node_of(seen, n, v->up[i].person) + 1]++;
	for (i = 0; i < n; i++) {
		start[i + 1] += start[i];
		nodes[i].solid = -1;
		nodes[i].dotted = to + start[i];
	}
	for (i = 0; i < v->nup; i++) {
		size_t p = node_of(seen, n, v->up[i].person);

		to[start[p] + nodes[p].ndotted++] =
		    (int64_t)node_of(seen, n, v->up[i].manager);
	}
	/* The person's one way up is the new line. */
	nodes[0].solid = 1;
	nodes[0].ndotted = 0;
	path = xcalloc(n + 1, sizeof *path);
	if ((len = org_find_cycle(nodes, n, path)) > 0) {
		*cycle = xcalloc(len, sizeof **cycle);
		for (i = 0; i < len; i++)
			(*cycle)[i] = id_at[path[i]];
		*ncycle = len;
	}
	free(path);
	free(id_at);
	free(to);
	free(start);
	free(nodes);
	free(seen);
	return len > 0 ? ORG_LINE_CYCLE : ORG_LINE_OK;
}

/* Red flags */

/* The roles a buying group needs, in the order their flags come. */
static const char *const core_roles[] = {"decision-maker", "technical",
                                         "business", "finance", "coach"};

int
org_flag_say(const char *code, const char *subject, struct reason *why,
             int (*fn)(const struct org_flag *, void *), void *arg)
{
	struct org_flag f;
	char *msg = reason_english(why);
	int rc;

	f.code = code;
	f.subject = subject;
	f.message = msg;
	f.why = why;
	rc = fn(&f, arg);
	free(msg);
	reason_free(why);
	return rc;
}

int
org_deal_flags(const char *deal, const struct org_holder *h, size_t n,
               int (*fn)(const struct org_flag *, void *), void *arg)
{
	size_t i, k;
	int rc = KAM_OK, coach;
	char code[64];

	for (k = 0; rc == KAM_OK && k < sizeof core_roles / sizeof *core_roles;
	     k++) {
		/* Held by someone who has not left (a placeholder holds it). */
		for (i = 0; i < n; i++)
			if (h[i].left_on == NULL &&
			    strcmp(h[i].role, core_roles[k]) == 0)
				break;
		if (i < n)
			continue;
		coach = strcmp(core_roles[k], "coach") == 0;
		snprintf(code, sizeof code, "no-%s", core_roles[k]);
		rc = org_flag_say(
		    code, deal,
		    coach
		        ? reason_code(R_NO_COACH, reason_text("%s", deal))
		        : reason_code(R_NO_ROLE, reason_text("%s", deal),
		                      reason_word(REASON_WORD, core_roles[k])),
		    fn, arg);
	}
	for (i = 0; rc == KAM_OK && i < n; i++) {
		if (h[i].placeholder) {
			rc = org_flag_say(
			    "placeholder-role", h[i].who,
			    reason_code(R_PLACEHOLDER,
			                reason_word(REASON_WORD, h[i].role),
			                reason_text("%s", deal),
			                reason_text("%s", h[i].who)),
			    fn, arg);
		} else if (h[i].left_on != NULL) {
			rc = org_flag_say(
			    "departed-role", h[i].who,
			    reason_code(R_DEPARTED,
			                reason_word(REASON_WORD, h[i].role),
			                reason_text("%s", deal),
			                reason_text("%s", h[i].who),
			                reason_text("%s", h[i].left_on)),
			    fn, arg);
		}
	}
	return rc;
}

static int
rank_by_id(const void *a, const void *b)
{
	const struct org_rank *x = a, *y = b;

	return KAM_CMP(x->id, y->id);
}

/* Whether a line from level to boss_level goes up to a lower rank. */
static int
inverted(long level, long boss_level)
{
	return level > 0 && boss_level > 0 && boss_level > level;
}

static void
add_inversion(struct org_inversion **v, size_t *n, int64_t who, int64_t boss,
              long level, long boss_level, int dotted)
{
	struct org_inversion *x;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	x = &(*v)[(*n)++];
	x->who = who;
	x->boss = boss;
	x->level = level;
	x->boss_level = boss_level;
	x->dotted = dotted;
}

size_t
org_rank_inversions(struct org_rank *people, size_t n,
                    const struct org_rank_line *dotted, size_t ndotted,
                    struct org_inversion **out)
{
	const struct org_rank *hit;
	struct org_rank key;
	size_t i, nout = 0;

	*out = NULL;
	for (i = 1; i < n && people[i - 1].id < people[i].id; i++)
		;
	if (i < n)
		qsort(people, n, sizeof *people, rank_by_id);
	/* Solid lines to a manager among the people. */
	for (i = 0; i < n; i++) {
		if (people[i].manager == 0)
			continue;
		key.id = people[i].manager;
		hit = bsearch(&key, people, n, sizeof *people, rank_by_id);
		if (hit != NULL && inverted(people[i].level, hit->level))
			add_inversion(out, &nout, people[i].id, hit->id,
			              people[i].level, hit->level, 0);
	}
	for (i = 0; i < ndotted; i++)
		if (inverted(dotted[i].level, dotted[i].manager_level))
			add_inversion(out, &nout, dotted[i].person,
			              dotted[i].manager, dotted[i].level,
			              dotted[i].manager_level, 1);
	return nout;
}

int
org_inversion_flag(const struct org_inversion *x, const char *who,
                   const char *boss, int (*fn)(const struct org_flag *, void *),
                   void *arg)
{
	return org_flag_say(
	    "rank-inversion", who,
	    reason_code(x->dotted ? R_DOTTED_INVERSION : R_REPORTS_INVERSION,
	                reason_text("%s", who), reason_text("%ld", x->level),
	                reason_text("%s", boss),
	                reason_text("%ld", x->boss_level)),
	    fn, arg);
}

int
org_placeholder_after(int placeholder, const struct org_change *c)
{
	/* Naming a placeholder fills it in, unless --placeholder is given. */
	if (c->placeholder >= 0)
		return c->placeholder;
	return placeholder && c->name != NULL ? 0 : -1;
}

void
org_person_copy(struct org_person *to, const struct org_person *p)
{
	*to = *p;
	to->account = xstrdup_null(p->account);
	to->handle = xstrdup_null(p->handle);
	to->name = xstrdup_null(p->name);
	to->title = xstrdup_null(p->title);
	to->dept = xstrdup_null(p->dept);
	to->reports_to = xstrdup_null(p->reports_to);
	to->dotted_to = xstrdup_null(p->dotted_to);
	to->left_on = xstrdup_null(p->left_on);
	to->ext_id = xstrdup_null(p->ext_id);
}

void
org_person_copy_free(struct org_person *p)
{
	KAM_FREE((char *)p->account, (char *)p->handle, (char *)p->name,
	         (char *)p->title, (char *)p->dept, (char *)p->reports_to,
	         (char *)p->dotted_to, (char *)p->left_on, (char *)p->ext_id);
}
