/*
 * graph: draws the three dimensions of the method (METHOD.md, section 1)
 * as one cgraph graph: administrative rank as rows and reporting lines,
 * the buying group as clusters by role, and each person's stance as the
 * node's fill.  The output must be deterministic (maps are kept in git
 * and diffed), so nodes and edges are created in a sorted order and
 * every attribute is declared once, in a fixed order, before use.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gvc.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"

/*
 * The Okabe-Ito palette, safe for the common colour-vision deficiencies;
 * each stance also has its own symbol, so that colour is never the only
 * cue (and the map survives a black-and-white printer).
 */
#define FILL_SUPPORT "#009E73"
#define FILL_NEUTRAL "#F0E442"
#define FILL_OPPOSE  "#D55E00"
#define FILL_UNKNOWN "#FFFFFF"
#define COLOR_CHANGE "#0072B2"
#define FILL_LEFT    "#E0E0E0"
#define FONT_LEFT    "#808080"
#define FONT_FADED   "#606060"
#define COLOR_FADED  "#A0A0A0"

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

int
map_format_valid(const char *s)
{
	return strcmp(s, "dot") == 0 || strcmp(s, "svg") == 0 ||
	       strcmp(s, "png") == 0 || strcmp(s, "pdf") == 0;
}

/* --- Data --- */

static int
by_handle(const void *a, const void *b)
{
	const struct map_person *x = a, *y = b;

	return strcmp(x->handle, y->handle);
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

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->s != NULL && q->s != NULL && (c = strcmp(p->s, q->s)) != 0)
		return c;
	if (p->c != q->c)
		return p->c < q->c ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
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

void
map_data_index(struct map_data *d)
{
	struct skey *k;
	size_t i, j;
	long a, b;

	qsort(d->people, d->npeople, sizeof *d->people, by_handle);
	free(d->by_id);
	d->by_id = xreallocarray(NULL, d->npeople + 1, sizeof *d->by_id);
	for (i = 0; i < d->npeople; i++)
		d->by_id[i] = &d->people[i];
	qsort(d->by_id, d->npeople, sizeof *d->by_id, by_id);

	/* Edges and badges in an order of handles; those of people
	 * missing from the map are dropped. */
	k = xreallocarray(NULL, d->nlines + 1, sizeof *k);
	for (i = j = 0; i < d->nlines; i++) {
		a = position(d, d->lines[i].manager);
		b = position(d, d->lines[i].person);
		if (a < 0 || b < 0)
			continue;
		d->lines[j] = d->lines[i];
		k[j] = (struct skey){(size_t)a, (size_t)b, NULL,
		                     d->lines[i].dotted, j};
		j++;
	}
	d->nlines = j;
	sort_rows(d->lines, j, sizeof *d->lines, k);
	k = xreallocarray(k, d->nlinks + 1, sizeof *k);
	for (i = j = 0; i < d->nlinks; i++) {
		a = position(d, d->links[i].from);
		b = position(d, d->links[i].to);
		if (a < 0 || b < 0)
			continue;
		d->links[j] = d->links[i];
		k[j] = (struct skey){
		    (size_t)a, (size_t)b, NULL,
		    kind_rank(vocab_link_kinds, d->links[i].kind), j};
		j++;
	}
	d->nlinks = j;
	sort_rows(d->links, j, sizeof *d->links, k);
	k = xreallocarray(k, d->nroles + 1, sizeof *k);
	for (i = j = 0; i < d->nroles; i++) {
		if ((a = position(d, d->roles[i].person)) < 0) {
			free(d->roles[i].deal);
			continue;
		}
		d->roles[j] = d->roles[i];
		k[j] =
		    (struct skey){(size_t)a, 0, d->roles[j].deal,
		                  kind_rank(vocab_roles, d->roles[i].role), j};
		j++;
	}
	d->nroles = j;
	sort_rows(d->roles, j, sizeof *d->roles, k);
	free(k);
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
		free(d->people[i].handle);
		free(d->people[i].name);
		free(d->people[i].title);
		free(d->people[i].dept);
		free(d->people[i].left_on);
	}
	for (i = 0; i < d->nroles; i++)
		free(d->roles[i].deal);
	free(d->people);
	free(d->lines);
	free(d->links);
	free(d->roles);
	free(d->by_id);
	free(d->account);
	free(d->account_name);
	free(d->deal);
	free(d->deal_name);
	free(d->toward);
	free(d->toward_name);
	memset(d, 0, sizeof *d);
}

/* --- Sets of ids, for the neighbourhood --- */

void
map_ids_add(struct map_ids *s, int64_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = id;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

void
map_ids_sort(struct map_ids *s)
{
	size_t i, j;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof *s->v, cmp_id);
	for (i = j = 1; i < s->n; i++)
		if (s->v[i] != s->v[j - 1])
			s->v[j++] = s->v[i];
	s->n = j;
}

int
map_ids_has(const struct map_ids *s, int64_t id)
{
	return s->n > 0 &&
	       bsearch(&id, s->v, s->n, sizeof *s->v, cmp_id) != NULL;
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

/* --- Labels --- */

void
map_html_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&#39;");
			break;
		case '\\':
			/* Graphviz expands \N, \G and the like even in HTML
			 * labels, entities included; a doubled backslash is
			 * one backslash in the picture. */
			buf_puts(b, "\\\\");
			break;
		case '\r':
			if (s[1] != '\n')
				buf_puts(b, "<BR/>");
			break;
		case '\n':
			buf_puts(b, "<BR/>");
			break;
		default:
			/* Other control characters are not allowed in
			 * XML (hence SVG): a space stands in. */
			if (c < 0x20 || c == 0x7f)
				buf_puts(b, " ");
			else
				buf_add(b, s, 1);
		}
	}
}

static const char *
stance_fill(const char *s)
{
	if (s == NULL)
		return FILL_UNKNOWN;
	if (strcmp(s, "support") == 0)
		return FILL_SUPPORT;
	if (strcmp(s, "oppose") == 0)
		return FILL_OPPOSE;
	return FILL_NEUTRAL;
}

/* The second cue: a symbol that says the stance without colour. */
static const char *
stance_symbol(const char *s)
{
	if (s == NULL)
		return "?";
	if (strcmp(s, "support") == 0)
		return "\xe2\x9c\x94"; /* U+2714 heavy check mark */
	if (strcmp(s, "oppose") == 0)
		return "\xe2\x9c\x96"; /* U+2716 heavy multiplication x */
	return "\xe2\x97\x8b";         /* U+25CB white circle */
}

static int
same_stance(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* --- Building the graph --- */

enum nattr {
	N_SHAPE,
	N_STYLE,
	N_FILL,
	N_COLOR,
	N_PEN,
	N_FONT,
	N_FONTSIZE,
	N_FONTCOLOR,
	N_MARGIN,
	N_LABEL,
	N_COUNT
};
enum eattr {
	E_STYLE,
	E_COLOR,
	E_PEN,
	E_DIR,
	E_HEAD,
	E_TAIL,
	E_CONSTRAINT,
	E_COUNT
};

struct builder {
	Agraph_t *g;
	const struct map_data *d;
	const struct map_style *st;
	Agsym_t *n[N_COUNT], *e[E_COUNT];
	Agnode_t **node; /* by index in d->people; NULL: not drawn */
	int *faded;      /* buying view: outside the group */
	struct buf b;
};

static void
set_html(struct builder *bd, void *obj, Agsym_t *sym, const char *html)
{
	char *s = agstrdup_html(bd->g, (char *)html);

	agxset(obj, sym, s);
	agstrfree(bd->g, s);
}

static void
set(void *obj, Agsym_t *sym, const char *v)
{
	agxset(obj, sym, (char *)v);
}

static size_t
index_of(const struct builder *bd, const struct map_person *p)
{
	return (size_t)(p - bd->d->people);
}

static Agnode_t *
node_of(const struct builder *bd, int64_t id)
{
	const struct map_person *p = map_find(bd->d, id);

	return p == NULL ? NULL : bd->node[index_of(bd, p)];
}

/* The roles line: "★ technical (high), finance (low)". */
static void
role_badges(struct builder *bd, const struct map_person *p)
{
	const struct map_data *d = bd->d;
	size_t i;
	int first = 1;

	for (i = 0; i < d->nroles; i++) {
		const struct map_role *r = &d->roles[i];

		if (r->person != p->id)
			continue;
		buf_puts(&bd->b,
		         first ? "<BR/><FONT POINT-SIZE=\"10\">" : ", ");
		first = 0;
		if (d->deal == NULL) {
			map_html_escape(&bd->b, r->deal);
			buf_puts(&bd->b, ": ");
		}
		if (r->lead)
			buf_puts(&bd->b, "\xe2\x98\x85 "); /* U+2605 star */
		buf_printf(&bd->b, "%s (%s)", r->role, r->influence);
	}
	if (!first)
		buf_puts(&bd->b, "</FONT>");
}

static void
draw_person(struct builder *bd, const struct map_person *p, int faded)
{
	const struct map_style *st = bd->st;
	Agnode_t *n = agnode(bd->g, p->handle, 1);
	int changed = st->since != NULL && !same_stance(p->was, p->stance);
	struct buf *b = &bd->b;
	char style[64];

	bd->node[index_of(bd, p)] = n;
	snprintf(style, sizeof style, "rounded,filled%s",
	         p->placeholder ? ",dashed"
	         : p->left_on   ? ",dotted"
	                        : "");
	set(n, bd->n[N_STYLE], style);
	if (p->left_on != NULL) {
		set(n, bd->n[N_FILL], FILL_LEFT);
		set(n, bd->n[N_COLOR], FONT_LEFT);
		set(n, bd->n[N_FONTCOLOR], FONT_LEFT);
	} else if (faded) {
		char fill[16];

		/* The stance colour, mostly transparent. */
		snprintf(fill, sizeof fill, "%s50", stance_fill(p->stance));
		set(n, bd->n[N_FILL], fill);
		set(n, bd->n[N_COLOR], COLOR_FADED);
		set(n, bd->n[N_FONTCOLOR], FONT_FADED);
	} else {
		set(n, bd->n[N_FILL], stance_fill(p->stance));
	}
	if (changed) {
		set(n, bd->n[N_COLOR], COLOR_CHANGE);
		set(n, bd->n[N_PEN], "3");
	}
	if (st->focus != 0 && p->id == st->focus)
		set(n, bd->n[N_PEN], "4");

	b->len = 0;
	buf_printf(b, "<B>%s ", stance_symbol(p->stance));
	if (p->placeholder)
		buf_puts(b, "<I>");
	map_html_escape(b, p->name);
	if (p->placeholder)
		buf_puts(b, "</I>");
	buf_puts(b, "</B>");
	if (p->placeholder)
		buf_puts(b, "<BR/><I>? placeholder, not yet named</I>");
	if (p->title != NULL && *p->title != '\0') {
		buf_puts(b, "<BR/><FONT POINT-SIZE=\"10\">");
		map_html_escape(b, p->title);
		buf_puts(b, "</FONT>");
	}
	if (bd->st->view != MAP_ORG && bd->st->view != MAP_INFLUENCE)
		role_badges(bd, p);
	if (changed)
		buf_printf(b, "<BR/><B>%s \xe2\x86\x92 %s</B>",
		           p->was ? p->was : "unknown",
		           p->stance ? p->stance : "unknown");
	if (p->left_on != NULL)
		buf_printf(b, "<BR/><I>left %s</I>", p->left_on);
	buf_add(b, "", 1);
	b->len--;
	set_html(bd, n, bd->n[N_LABEL], b->s);
}

static void
draw_lines(struct builder *bd, int rank)
{
	const struct map_data *d = bd->d;
	struct map_ids levels = {0};
	char name[32];
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		const struct map_line *l = &d->lines[i];
		Agnode_t *m = node_of(bd, l->manager),
		         *p = node_of(bd, l->person);
		Agedge_t *e;

		if (m == NULL || p == NULL)
			continue;
		e = agedge(bd->g, m, p, NULL, 1);
		set(e, bd->e[E_DIR], "none");
		if (l->dotted) {
			set(e, bd->e[E_STYLE], "dashed");
			set(e, bd->e[E_CONSTRAINT], "false");
		}
	}
	if (!rank)
		return;
	/* People of one administrative level share a row; the rows are
	 * made top level first, so that the DOT reads in that order. */
	for (i = 0; i < d->npeople; i++)
		if (bd->node[i] != NULL && d->people[i].level > 0)
			map_ids_add(&levels, d->people[i].level);
	map_ids_sort(&levels);
	for (i = 0; i < levels.n; i++) {
		snprintf(name, sizeof name, "_level_%lld",
		         (long long)levels.v[i]);
		agsafeset(agsubg(bd->g, name, 1), "rank", "same", "");
	}
	for (i = 0; i < d->npeople; i++) {
		if (bd->node[i] == NULL || d->people[i].level <= 0)
			continue;
		snprintf(name, sizeof name, "_level_%ld", d->people[i].level);
		agsubnode(agsubg(bd->g, name, 0), bd->node[i], 1);
	}
	free(levels.v);
}

static void
draw_links(struct builder *bd, int constrain)
{
	const struct map_data *d = bd->d;
	size_t i;

	for (i = 0; i < d->nlinks; i++) {
		const struct map_link *l = &d->links[i];
		Agnode_t *f = node_of(bd, l->from), *t = node_of(bd, l->to);
		char pen[8];
		Agedge_t *e;

		if (f == NULL || t == NULL)
			continue;
		e = agedge(bd->g, f, t, NULL, 1);
		if (strcmp(l->kind, "influences") == 0) {
			set(e, bd->e[E_COLOR], "#0072B2");
		} else if (strcmp(l->kind, "advises") == 0) {
			set(e, bd->e[E_STYLE], "dashed");
			set(e, bd->e[E_COLOR], "#56B4E9");
			set(e, bd->e[E_HEAD], "empty");
		} else if (strcmp(l->kind, "allies") == 0) {
			set(e, bd->e[E_COLOR], "#009E73");
			set(e, bd->e[E_DIR], "none");
		} else {
			set(e, bd->e[E_STYLE], "dotted");
			set(e, bd->e[E_COLOR], "#D55E00");
			set(e, bd->e[E_DIR], "both");
			set(e, bd->e[E_HEAD], "tee");
			set(e, bd->e[E_TAIL], "tee");
		}
		snprintf(pen, sizeof pen, "%d", l->strength);
		set(e, bd->e[E_PEN], pen);
		if (!constrain || strcmp(l->kind, "allies") == 0 ||
		    strcmp(l->kind, "rivals") == 0)
			set(e, bd->e[E_CONSTRAINT], "false");
	}
}

/* The role a member is grouped under: one they lead, else the first. */
static const char *
home_role(const struct map_data *d, int64_t person)
{
	const char *best = NULL;
	long j, bi = 0;
	size_t i;

	for (i = 0; i < d->nroles; i++) {
		const struct map_role *r = &d->roles[i];

		if (r->person != person)
			continue;
		for (j = 0; vocab_roles[j] != NULL; j++)
			if (strcmp(vocab_roles[j], r->role) == 0)
				break;
		/* A role the person leads comes before any other. */
		if (r->lead)
			j -= 100;
		if (best == NULL || j < bi) {
			best = r->role;
			bi = j;
		}
	}
	return best;
}

static void
draw_buying(struct builder *bd)
{
	const struct map_data *d = bd->d;
	struct map_ids members = {0};
	size_t i, j;

	for (i = 0; i < d->nroles; i++)
		map_ids_add(&members, d->roles[i].person);
	map_ids_sort(&members);
	/* Clusters first, in the method's order of roles. */
	for (j = 0; vocab_roles[j] != NULL; j++) {
		Agraph_t *sub = NULL;

		for (i = 0; i < d->npeople; i++) {
			const struct map_person *p = &d->people[i];
			const char *home;
			char name[64];

			if (!map_ids_has(&members, p->id) ||
			    (bd->st->hide_left && p->left_on != NULL))
				continue;
			home = home_role(d, p->id);
			if (strcmp(home, vocab_roles[j]) != 0)
				continue;
			if (sub == NULL) {
				snprintf(name, sizeof name, "cluster_%s",
				         vocab_roles[j]);
				sub = agsubg(bd->g, name, 1);
				bd->b.len = 0;
				buf_printf(&bd->b, "<B>%s</B>", vocab_roles[j]);
				set_html(bd, sub,
				         agattr(bd->g, AGRAPH, "label", NULL),
				         bd->b.s);
				agsafeset(sub, "style", "rounded", "");
			}
			draw_person(bd, p, 0);
			agsubnode(sub, bd->node[i], 1);
		}
	}
	/* People outside the group who are linked to it, faded. */
	for (i = 0; i < d->nlinks; i++) {
		const struct map_link *l = &d->links[i];
		int fm = map_ids_has(&members, l->from);
		int tm = map_ids_has(&members, l->to);
		const struct map_person *o;

		if (fm == tm)
			continue;
		o = map_find(d, fm ? l->to : l->from);
		if (o == NULL || bd->node[index_of(bd, o)] != NULL ||
		    (bd->st->hide_left && o->left_on != NULL))
			continue;
		bd->faded[index_of(bd, o)] = 1;
	}
	for (i = 0; i < d->npeople; i++)
		if (bd->faded[i])
			draw_person(bd, &d->people[i], 1);
	free(members.v);
	draw_links(bd, 1);
}

static void
legend_row(struct buf *b, const char *cell, const char *attrs, const char *text)
{
	buf_printf(b, "<TR><TD%s>%s</TD><TD ALIGN=\"LEFT\">%s</TD></TR>", attrs,
	           cell, text);
}

static void
draw_legend(struct builder *bd)
{
	const struct map_style *st = bd->st;
	const struct map_data *d = bd->d;
	struct buf *b = &bd->b;
	Agraph_t *sub;
	Agnode_t *n;
	size_t i;
	int placeholders = 0, left = 0, leads = 0;

	for (i = 0; i < d->npeople; i++) {
		if (bd->node[i] == NULL)
			continue;
		placeholders |= d->people[i].placeholder;
		left |= d->people[i].left_on != NULL;
	}
	for (i = 0; i < d->nroles; i++)
		leads |= d->roles[i].lead;

	b->len = 0;
	buf_puts(b, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
	            "CELLPADDING=\"3\">"
	            "<TR><TD COLSPAN=\"2\"><B>stance toward ");
	if (d->toward != NULL)
		map_html_escape(b, d->toward_name);
	else
		buf_puts(b, "us");
	buf_printf(b, " on %s</B></TD></TR>", st->as_of);
	legend_row(b, stance_symbol("support"), " BGCOLOR=\"" FILL_SUPPORT "\"",
	           "support");
	legend_row(b, stance_symbol("neutral"), " BGCOLOR=\"" FILL_NEUTRAL "\"",
	           "neutral");
	legend_row(b, stance_symbol("oppose"), " BGCOLOR=\"" FILL_OPPOSE "\"",
	           "oppose");
	legend_row(b, stance_symbol(NULL),
	           " BGCOLOR=\"" FILL_UNKNOWN "\" BORDER=\"1\"", "unknown");
	if (st->since != NULL)
		buf_printf(b,
		           "<TR><TD BORDER=\"3\" COLOR=\"" COLOR_CHANGE
		           "\">\xe2\x86\x92</TD><TD ALIGN=\"LEFT\">changed "
		           "since %s (old \xe2\x86\x92 new)</TD></TR>",
		           st->since);
	if (placeholders)
		legend_row(b, "<I>?</I>", " BORDER=\"1\"",
		           "placeholder (dashed border)");
	if (left)
		legend_row(b, "<FONT COLOR=\"" FONT_LEFT "\">left</FONT>",
		           " BGCOLOR=\"" FILL_LEFT "\"",
		           "has left (grey, dotted border)");
	if (st->view == MAP_BUYING)
		legend_row(b, "<FONT COLOR=\"" FONT_FADED "\">faded</FONT>", "",
		           "outside the buying group, linked to it");
	if (st->view == MAP_ORG || st->view == MAP_ALL) {
		legend_row(b, "\xe2\x94\x80\xe2\x94\x80", "", "reports to");
		legend_row(b, "\xe2\x95\x8c\xe2\x95\x8c", "",
		           "dotted-line manager (dashed)");
	}
	if (st->view != MAP_ORG) {
		legend_row(b,
		           "<FONT COLOR=\"#0072B2\">\xe2\x94\x80\xe2\x96\xb6"
		           "</FONT>",
		           "", "influences");
		legend_row(b,
		           "<FONT COLOR=\"#56B4E9\">\xe2\x95\x8c\xe2\x96\xb7"
		           "</FONT>",
		           "", "advises (dashed)");
		legend_row(b,
		           "<FONT COLOR=\"#009E73\">\xe2\x94\x80\xe2\x94\x80"
		           "</FONT>",
		           "", "allies");
		legend_row(b,
		           "<FONT COLOR=\"#D55E00\">\xe2\x8a\xa3\xe2\x94\x88"
		           "\xe2\x8a\xa2</FONT>",
		           "", "rivals (dotted)");
		legend_row(b, "1 2 3", "", "line width: strength");
	}
	if (st->view != MAP_ORG && st->view != MAP_INFLUENCE && leads)
		legend_row(b, "\xe2\x98\x85", "", "leads the role (influence)");
	if (st->focus != 0)
		legend_row(b, "", " BORDER=\"4\"", "the person in focus");
	buf_puts(b, "</TABLE>");

	sub = agsubg(bd->g, "_legend", 1);
	if (st->view != MAP_BUYING)
		agsafeset(sub, "rank", "sink", "");
	n = agnode(sub, "_legend", 1);
	set(n, bd->n[N_SHAPE], "plaintext");
	set(n, bd->n[N_STYLE], "");
	set(n, bd->n[N_MARGIN], "0");
	set_html(bd, n, bd->n[N_LABEL], b->s);
}

static void
draw_title(struct builder *bd, Agsym_t *sym)
{
	const struct map_style *st = bd->st;
	const struct map_data *d = bd->d;
	const struct map_person *p;
	struct buf *b = &bd->b;
	static const char *const what[] = {
	    [MAP_ALL] = "organisation, influence and buying roles",
	    [MAP_ORG] = "organisation chart",
	    [MAP_BUYING] = "buying group",
	    [MAP_INFLUENCE] = "informal influence",
	};

	b->len = 0;
	buf_puts(b, "<FONT POINT-SIZE=\"20\"><B>");
	if (st->title != NULL) {
		map_html_escape(b, st->title);
	} else {
		map_html_escape(b, d->account_name);
		if (d->deal != NULL) {
			buf_puts(b, ": ");
			map_html_escape(b, d->deal_name);
		}
	}
	buf_printf(b, "</B></FONT><BR/>%s, %s", what[st->view], st->as_of);
	if (st->since != NULL)
		buf_printf(b, " (changes since %s)", st->since);
	if (d->toward != NULL) {
		buf_puts(b, ", stance toward ");
		map_html_escape(b, d->toward_name);
	}
	if (st->focus != 0 && (p = map_find(d, st->focus)) != NULL) {
		buf_puts(b, "<BR/>around ");
		map_html_escape(b, p->name);
		buf_printf(b, ", %d step%s", st->depth,
		           st->depth == 1 ? "" : "s");
	}
	set_html(bd, bd->g, sym, b->s);
}

/*
 * cgraph's memory comes from an arena released in one piece by map_close:
 * a map is built once and never edited, and for ten thousand people the
 * many small allocations and frees otherwise take a good part of the
 * time (see make bench).  The discipline has no close function, so that
 * agclose still closes every dictionary (their headers are cdt's own).
 */
#define ARENA_CHUNK (1 << 20)
struct arena_block {
	struct arena_block *next;
	size_t left;
	char *free;
};
static struct arena_block *arena; /* of the map being built */

static void *
arena_open(Agdisc_t *disc)
{
	return &arena;
}

static void *
arena_alloc(void *state, size_t req)
{
	struct arena_block *b = arena;
	void *p;

	req = (req + 15) & ~(size_t)15;
	if (b == NULL || b->left < req) {
		size_t size = req > ARENA_CHUNK / 4 ? req : ARENA_CHUNK;
		size_t hdr = (sizeof *b + 15) & ~(size_t)15;

		b = xcalloc(1, hdr + size);
		b->free = (char *)b + hdr;
		b->left = size;
		if (size == req && arena != NULL) {
			/* A big block: keep filling the current one. */
			b->next = arena->next;
			arena->next = b;
		} else {
			b->next = arena;
			arena = b;
		}
	}
	p = b->free;
	b->free += req;
	b->left -= req;
	return p;
}

static void *
arena_resize(void *state, void *ptr, size_t old, size_t req)
{
	void *p = arena_alloc(state, req);

	if (ptr != NULL)
		memcpy(p, ptr, old < req ? old : req);
	return p;
}

static void
arena_free(void *state, void *ptr)
{
}

static void
arena_release(void)
{
	struct arena_block *b, *next;

	for (b = arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	arena = NULL;
}

static Agmemdisc_t arena_disc = {arena_open, arena_alloc, arena_resize,
                                 arena_free, NULL};

/*
 * cgraph keeps subgraphs ordered by id, and the default id of a named
 * object is the address of its name: an order that may change from one
 * store to the next.  Graphs and subgraphs get their ids here instead,
 * counted in the order they are made (small even numbers, which no
 * address or anonymous id can be), so that the DOT lists them in that
 * order.  Nodes and edges keep cgraph's ids: they are written in the
 * order they were made anyway.
 */
static struct {
	char **names; /* id 2 * (i + 1); the graph's refstrs */
	size_t n, cap;
} gnames;

static int
own_id(IDTYPE id)
{
	return id % 2 == 0 && id >= 2 && id / 2 <= gnames.n;
}

static long
gid_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	size_t i;

	if (objtype != AGRAPH || str == NULL)
		return AgIdDisc.map(state, objtype, str, id, createflag);
	for (i = 0; i < gnames.n; i++)
		if (strcmp(gnames.names[i], str) == 0) {
			*id = 2 * (IDTYPE)(i + 1);
			return 1;
		}
	if (!createflag)
		return 0;
	if (gnames.n == gnames.cap) {
		gnames.cap = gnames.cap ? 2 * gnames.cap : 16;
		gnames.names = xreallocarray(gnames.names, gnames.cap,
		                             sizeof *gnames.names);
	}
	/* Like cgraph's own: agwrite expects its names to be refstrs. */
	gnames.names[gnames.n++] = agstrdup(state, str);
	*id = 2 * (IDTYPE)gnames.n;
	return 1;
}

static long
gid_alloc(void *state, int objtype, IDTYPE id)
{
	if (objtype == AGRAPH && own_id(id))
		return 1;
	return AgIdDisc.alloc(state, objtype, id);
}

static void
gid_free(void *state, int objtype, IDTYPE id)
{
	if (objtype != AGRAPH || !own_id(id))
		AgIdDisc.free(state, objtype, id);
}

static char *
gid_print(void *state, int objtype, IDTYPE id)
{
	if (objtype == AGRAPH && own_id(id))
		return gnames.names[id / 2 - 1];
	return AgIdDisc.print(state, objtype, id);
}

/* The names themselves go with the graph's strings, in agclose. */
static void
gnames_clear(void)
{
	free(gnames.names);
	memset(&gnames, 0, sizeof gnames);
}

void
map_close(Agraph_t *g)
{
	agclose(g);
	gnames_clear();
	arena_release();
}

Agraph_t *
map_graph(const struct map_data *d, const struct map_style *st)
{
	static Agiddisc_t iddisc;
	static Agdisc_t disc;
	struct builder bd;
	Agsym_t *glabel;
	size_t i;
	const char *font = st->font ? st->font : MAP_DEFAULT_FONT;
	char *name;

	memset(&bd, 0, sizeof bd);
	bd.d = d;
	bd.st = st;
	name = xstrdup(d->account ? d->account : "kam");
	/* One map at a time: the names and memory of the last one are
	 * forgotten. */
	gnames_clear();
	arena_release();
	iddisc = AgIdDisc;
	iddisc.map = gid_map;
	iddisc.alloc = gid_alloc;
	iddisc.free = gid_free;
	iddisc.print = gid_print;
	disc.mem = &arena_disc;
	disc.id = &iddisc;
	disc.io = &AgIoDisc;
	bd.g = agopen(name, Agdirected, &disc);
	free(name);
	/* Declared once, in this order: the DOT lists them so. */
	agattr(bd.g, AGRAPH, "rankdir",
	       st->rankdir ? (char *)st->rankdir : "TB");
	agattr(bd.g, AGRAPH, "fontname", (char *)font);
	agattr(bd.g, AGRAPH, "labelloc", "t");
	glabel = agattr(bd.g, AGRAPH, "label", "");
	agattr(bd.g, AGRAPH, "style", "");
	agattr(bd.g, AGRAPH, "rank", "");
	bd.n[N_SHAPE] = agattr(bd.g, AGNODE, "shape", "box");
	bd.n[N_STYLE] = agattr(bd.g, AGNODE, "style", "rounded,filled");
	bd.n[N_FILL] = agattr(bd.g, AGNODE, "fillcolor", FILL_UNKNOWN);
	bd.n[N_COLOR] = agattr(bd.g, AGNODE, "color", "#000000");
	bd.n[N_PEN] = agattr(bd.g, AGNODE, "penwidth", "1");
	bd.n[N_FONT] = agattr(bd.g, AGNODE, "fontname", (char *)font);
	bd.n[N_FONTSIZE] = agattr(bd.g, AGNODE, "fontsize", "12");
	bd.n[N_FONTCOLOR] = agattr(bd.g, AGNODE, "fontcolor", "#000000");
	bd.n[N_MARGIN] = agattr(bd.g, AGNODE, "margin", "0.11,0.055");
	bd.n[N_LABEL] = agattr(bd.g, AGNODE, "label", "\\N");
	bd.e[E_STYLE] = agattr(bd.g, AGEDGE, "style", "solid");
	bd.e[E_COLOR] = agattr(bd.g, AGEDGE, "color", "#404040");
	bd.e[E_PEN] = agattr(bd.g, AGEDGE, "penwidth", "1");
	bd.e[E_DIR] = agattr(bd.g, AGEDGE, "dir", "forward");
	bd.e[E_HEAD] = agattr(bd.g, AGEDGE, "arrowhead", "normal");
	bd.e[E_TAIL] = agattr(bd.g, AGEDGE, "arrowtail", "normal");
	bd.e[E_CONSTRAINT] = agattr(bd.g, AGEDGE, "constraint", "true");
	agattr(bd.g, AGEDGE, "fontname", (char *)font);

	draw_title(&bd, glabel);
	bd.node = xcalloc(d->npeople + 1, sizeof *bd.node);
	bd.faded = xcalloc(d->npeople + 1, sizeof *bd.faded);
	if (st->view == MAP_BUYING) {
		draw_buying(&bd);
	} else {
		for (i = 0; i < d->npeople; i++)
			if (!st->hide_left || d->people[i].left_on == NULL)
				draw_person(&bd, &d->people[i], 0);
		if (st->view != MAP_INFLUENCE)
			draw_lines(&bd, 1);
		if (st->view != MAP_ORG)
			draw_links(&bd, st->view == MAP_INFLUENCE);
	}
	if (st->legend)
		draw_legend(&bd);
	free(bd.node);
	free(bd.faded);
	buf_free(&bd.b);
	return bd.g;
}

/* --- Output --- */

static int
render(Agraph_t *g, const char *format, char **data, unsigned int *len)
{
	static const struct {
		const char *name, *device;
	} devices[] = {
	    {"svg", "svg"},
	    {"png", "png:cairo"},
	    {"pdf", "pdf:cairo"},
	};
	const char *device = format;
	GVC_t *gvc;
	agerrlevel_t old;
	size_t i;
	int rc = KAM_OK;

	for (i = 0; i < sizeof devices / sizeof devices[0]; i++)
		if (strcmp(devices[i].name, format) == 0)
			device = devices[i].device;
	/* Graphviz's own messages are kept back; ours say what failed. */
	old = agseterr(AGMAX);
	gvc = gvContext();
	if (gvLayout(gvc, g, "dot") != 0) {
		rc = kam_err(KAM_RENDER,
		             "cannot lay out the map: the Graphviz 'dot' "
		             "layout plugin is missing (check the Graphviz "
		             "installation)");
	} else {
		if (gvRenderData(gvc, g, device, data, len) != 0 ||
		    *data == NULL)
			rc = kam_err(KAM_RENDER,
			             "cannot render '%s': Graphviz has no "
			             "plugin for it (install the Graphviz "
			             "cairo plugins)",
			             format);
		gvFreeLayout(gvc, g);
	}
	gvFreeContext(gvc);
	agseterr(old);
	return rc;
}

static int
put(Agraph_t *g, const char *format, const char *data, unsigned int len,
    FILE *fp)
{
	if (strcmp(format, "dot") == 0)
		agwrite(g, fp);
	else
		fwrite(data, 1, len, fp);
	return ferror(fp) ? -1 : 0;
}

/* Writes to fp and closes it; returns 0 or an errno value. */
static int
put_close(Agraph_t *g, const char *format, const char *data, unsigned int len,
          FILE *fp, int sync)
{
	int err = 0;

	if (put(g, format, data, len, fp) != 0)
		err = errno ? errno : EIO;
	if (fflush(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (sync && fsync(fileno(fp)) != 0 && err == 0 && errno != EINVAL)
		err = errno;
	if (fclose(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	return err;
}

/*
 * The path a symbolic link chain ends at (file itself when it is not a
 * link), so that an output file given as a link is written where the
 * link points and the link stays.  A relative target is relative to the
 * link's folder.  NULL with *err set when a link cannot be read or the
 * chain is longer than the kernel would follow (ELOOP).
 */
static char *
follow_links(const char *file, int *err)
{
	char *cur = xstrdup(file), *target, *slash, *joined;
	struct stat sb;
	size_t cap;
	ssize_t n;
	int hops;

	for (hops = 0; hops < 40; hops++) {
		if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
			return cur;
		for (cap = 256;; cap *= 2) {
			target = xmalloc(cap);
			if ((n = readlink(cur, target, cap)) < 0) {
				*err = errno;
				free(target);
				free(cur);
				return NULL;
			}
			if ((size_t)n < cap)
				break;
			free(target);
		}
		target[n] = '\0';
		if (target[0] != '/' && (slash = strrchr(cur, '/')) != NULL) {
			xasprintf(&joined, "%.*s/%s", (int)(slash - cur), cur,
			          target);
			free(target);
			target = joined;
		}
		free(cur);
		cur = target;
	}
	free(cur);
	*err = ELOOP;
	return NULL;
}

int
map_write(Agraph_t *g, const char *format, const char *file)
{
	char *data = NULL, *tmp = NULL, *dest = NULL;
	unsigned int len = 0;
	struct stat sb;
	mode_t mode;
	FILE *fp;
	int rc = KAM_OK, fd, err = 0;

	if (strcmp(format, "dot") != 0 &&
	    (rc = render(g, format, &data, &len)) != KAM_OK)
		return rc;
	if (file == NULL) {
		put(g, format, data, len, stdout);
		if (data != NULL)
			gvFreeRenderData(data);
		return KAM_OK; /* cli_main checks stdout */
	}
	if (stat(file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* A device or a pipe (/dev/null, a FIFO) is written to as
		 * it is: it cannot be replaced. */
		if ((fp = fopen(file, "w")) == NULL)
			err = errno;
		else
			err = put_close(g, format, data, len, fp, 0);
		goto out;
	}
	if ((dest = follow_links(file, &err)) == NULL)
		goto out;
	/* An existing file keeps its permissions; a new one gets what the
	 * umask allows, as with a shell redirection. */
	if (stat(dest, &sb) == 0)
		mode = sb.st_mode & 07777;
	else {
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	/* A temporary file in the same folder, renamed over the file when
	 * complete: never a half-written map. */
	xasprintf(&tmp, "%s.XXXXXX", dest);
	if ((fd = mkstemp(tmp)) == -1) {
		err = errno;
		goto out;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		err = errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		err = errno;
		fclose(fp);
		unlink(tmp);
		goto out;
	}
	err = put_close(g, format, data, len, fp, 1);
	if (err == 0 && rename(tmp, dest) != 0)
		err = errno;
	if (err != 0)
		unlink(tmp);
out:
	if (err != 0)
		rc = kam_err(KAM_IO, "cannot write '%s': %s", file,
		             strerror(err));
	free(tmp);
	free(dest);
	if (data != NULL)
		gvFreeRenderData(data);
	return rc;
}
