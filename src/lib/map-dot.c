/*
 * map-dot: draws the three dimensions of the method (METHOD.md, section
 * 1) as one cgraph graph: administrative rank as rows and reporting
 * lines, the buying group as clusters by role, and each person's stance
 * as the node's fill.  The output must be deterministic (maps are kept
 * in git and diffed), so nodes and edges are created in a sorted order
 * and every attribute is declared once, in a fixed order, before use.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kam/graph.h"
#include "kam/input.h"
#include "kam/kam.h"
#include "kam/out.h"

#include "gv.h"

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
/* A faded person's or a stale stance's colour at this opacity; the
 * legend's sample of a stale one. */
#define ALPHA_FADED "50"
#define ALPHA_STALE "70"
#define FILL_STALE  "#BBBBBB70"
#define COLOR_LINE  "#404040"
/* U+2691 black flag: the person prefers a competitor. */
#define BADGE_PREFERS "\xe2\x9a\x91"
/* People up to which the influence view uses neato, beyond sfdp. */
#define MAP_NEATO_MAX 300

/* --- Labels --- */

/* What c is written as in an HTML label, or NULL for itself. */
static const char *
html_entity(char c)
{
	static const char *const ents[][2] = {
	    {"&", "&amp;"},
	    {"<", "&lt;"},
	    {">", "&gt;"},
	    {"\"", "&quot;"},
	    {"'", "&#39;"},
	    /* Graphviz expands \N, \G and the like even in HTML labels,
	     * entities included; a doubled backslash is one backslash in
	     * the picture. */
	    {"\\", "\\\\"}};
	size_t i;

	for (i = 0; i < sizeof ents / sizeof ents[0]; i++)
		if (c == ents[i][0][0])
			return ents[i][1];
	return NULL;
}

void
map_html_escape(struct buf *b, const char *text)
{
	/* A picture for a slide: no text on it wider than this. */
	char *cut = utf8_cut(text, MAP_TEXT_COLS);
	const char *ent, *s = cut;
	unsigned int uc;
	size_t len;

	for (; *s != '\0'; s += len) {
		len = 1;
		if ((ent = html_entity(*s)) != NULL) {
			buf_puts(b, ent);
			continue;
		}
		switch (text_class(s, &uc, &len)) {
		case TEXT_PLAIN:
			buf_add(b, s, len);
			break;
		case TEXT_CR:
			if (s[1] != '\n')
				buf_puts(b, "<BR/>");
			break;
		case TEXT_LF:
		case TEXT_SEPARATOR:
			/* Only a store written before names were one line
			 * holds these: the label breaks there. */
			buf_puts(b, "<BR/>");
			break;
		default: {
			/* Other control characters are not allowed in XML
			 * (hence SVG), and none may reach a reader as it
			 * is: shown as on a terminal. */
			char one[8];

			memcpy(one, s, len);
			one[len] = '\0';
			text_show(b, one);
		}
		}
	}
	free(cut);
}

const char *
map_stance_fill(const char *s)
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
const char *
map_stance_mark(const char *s)
{
	if (s == NULL)
		return "?";
	if (strcmp(s, "support") == 0)
		return "\xe2\x9c\x94"; /* U+2714 heavy check mark */
	if (strcmp(s, "oppose") == 0)
		return "\xe2\x9c\x96"; /* U+2716 heavy multiplication x */
	return "\xe2\x97\x8b";         /* U+25CB white circle */
}

/* The position of a stance in the legend: support, neutral, oppose,
 * unknown. */
static int
stance_bit(const char *s)
{
	if (s == NULL)
		return 1 << 3;
	if (strcmp(s, "support") == 0)
		return 1 << 0;
	if (strcmp(s, "oppose") == 0)
		return 1 << 2;
	return 1 << 1;
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
	N_WIDTH,
	N_HEIGHT,
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
	E_WEIGHT,
	E_MINLEN,
	E_COUNT
};

/* Each attribute's name and default, in the order of enum nattr and
 * enum eattr; a default NULL is the font's name. */
static const char *const node_attrs[][2] = {{"shape", "box"},
                                            {"style", "rounded,filled"},
                                            {"fillcolor", FILL_UNKNOWN},
                                            {"color", "#000000"},
                                            {"penwidth", "1"},
                                            {"fontname", NULL},
                                            {"fontsize", "12"},
                                            {"fontcolor", "#000000"},
                                            {"margin", "0.11,0.055"},
                                            {"width", ""},
                                            {"height", ""},
                                            {"label", "\\N"}};
static const char *const edge_attrs[][2] = {
    {"style", "solid"},     {"color", COLOR_LINE},   {"penwidth", "1"},
    {"dir", "forward"},     {"arrowhead", "normal"}, {"arrowtail", "normal"},
    {"constraint", "true"}, {"weight", ""},          {"minlen", ""}};
_Static_assert(sizeof node_attrs / sizeof *node_attrs == N_COUNT,
               "a default for each node attribute");
_Static_assert(sizeof edge_attrs / sizeof *edge_attrs == E_COUNT,
               "a default for each edge attribute");

/* Declares the n attributes of table t for kind (AGNODE, AGEDGE) in g,
 * with their defaults, their symbols in sym. */
static void
declare(Agraph_t *g, int kind, const char *const (*t)[2], size_t n,
        Agsym_t **sym, const char *font)
{
	size_t i;

	for (i = 0; i < n; i++)
		sym[i] = agattr(g, kind, (char *)t[i][0],
		                (char *)(t[i][1] != NULL ? t[i][1] : font));
}

/* What the picture holds, so that the legend lists only that. */
struct seen {
	unsigned stances;   /* stance_bit */
	unsigned kinds;     /* map_link_kind_bit */
	unsigned strengths; /* bit per strength drawn */
	int placeholder, left, faded, changed, focus, deal_stance, prefers;
	int stale;
	int solid, dotted, mutual, lead, sized;
};

struct builder {
	Agraph_t *g;
	const struct map_data *d;
	const struct map_style *st;
	Agsym_t *n[N_COUNT], *e[E_COUNT];
	Agnode_t **node; /* by index in d->people; NULL: not drawn */
	int *drawn;      /* map_people_drawn */
	struct map_link_count links;
	struct seen seen;
	Agnode_t *anchor; /* buying view: the first node, on the top row */
	/* By account (map_data.accounts): its cluster, when the people
	 * drawn belong to more than one; else NULL. */
	Agraph_t **cluster;
	Agraph_t *group, *bucket; /* stack_bucket's last subgraphs */
	size_t bucket_rows;       /* rows of stacks so far */
	double top;    /* --size-by influence: the most of those drawn */
	size_t bottom; /* buying view: rows beneath the anchor */
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

/*
 * A handle as a node's name, into b.  A handle kam accepted is itself; a
 * hand-edited store may hold any bytes, and Graphviz copies node names
 * into SVG as they are (where XML allows no control character), so every
 * character but plain text is written as \u and four hex digits.
 */
static void
node_name(struct buf *b, const char *handle)
{
	unsigned int uc;
	size_t len;

	if (handle_valid(handle)) {
		buf_puts(b, handle);
		return;
	}
	for (; *handle; handle += len) {
		switch (text_class(handle, &uc, &len)) {
		case TEXT_PLAIN:
			buf_add(b, handle, len);
			break;
		case TEXT_INVALID:
			buf_puts(b, "\\ufffd");
			break;
		default:
			buf_printf(b, "\\u%04x", uc);
		}
	}
}

/*
 * A person's node name: the handle, or ACCOUNT/HANDLE for a person of
 * another account than the map's, whose handle may be one of its own.
 */
static void
person_name(struct buf *b, const struct map_data *d, const struct map_person *p)
{
	if (p->acct != 0) {
		node_name(b, d->accounts[p->acct].handle);
		buf_puts(b, "/");
	}
	node_name(b, p->handle);
}

/* A name made of a prefix, a person's name and a number, in bd->b. */
static const char *
name_of(struct builder *bd, const char *prefix, const struct map_person *p,
        size_t n)
{
	bd->b.len = 0;
	buf_puts(&bd->b, prefix);
	person_name(&bd->b, bd->d, p);
	buf_printf(&bd->b, "_%zu", n);
	buf_add(&bd->b, "", 1);
	return bd->b.s;
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
		if (r->lead) {
			buf_puts(&bd->b, "\xe2\x98\x85 "); /* U+2605 star */
			bd->seen.lead = 1;
		}
		/* TRANSLATORS: a role and its influence, on a person's box. */
		buf_printf(&bd->b, _("%s (%s)"), vocab_label(r->role),
		           vocab_label(r->influence));
	}
	if (!first)
		buf_puts(&bd->b, "</FONT>");
}

/* Person P's node n drawn: its style and colours (left, FADED outside
 * the group, STALE, CHANGED), its pen and its size. */
static void
person_look(struct builder *bd, Agnode_t *n, const struct map_person *p,
            int faded, int stale, int changed)
{
	const struct map_style *st = bd->st;
	char style[64];

	snprintf(style, sizeof style, "rounded,filled%s",
	         p->placeholder ? ",dashed"
	         : p->left_on   ? ",dotted"
	                        : "");
	set(n, bd->n[N_STYLE], style);
	if (p->left_on != NULL) {
		set(n, bd->n[N_FILL], FILL_LEFT);
		set(n, bd->n[N_COLOR], FONT_LEFT);
		set(n, bd->n[N_FONTCOLOR], FONT_LEFT);
		bd->seen.left = 1;
	} else if (faded || stale) {
		char fill[16];

		/* The stance colour, mostly transparent when faded, half
		 * when stale. */
		snprintf(fill, sizeof fill, "%s%s", map_stance_fill(p->stance),
		         faded ? ALPHA_FADED : ALPHA_STALE);
		set(n, bd->n[N_FILL], fill);
		set(n, bd->n[N_COLOR], COLOR_FADED);
		if (faded) {
			set(n, bd->n[N_FONTCOLOR], FONT_FADED);
			bd->seen.faded = 1;
		} else {
			bd->seen.stale = 1;
		}
	} else {
		set(n, bd->n[N_FILL], map_stance_fill(p->stance));
	}
	bd->seen.stances |= stance_bit(p->stance);
	bd->seen.placeholder |= p->placeholder;
	if (changed) {
		set(n, bd->n[N_COLOR], COLOR_CHANGE);
		set(n, bd->n[N_PEN], "3");
		bd->seen.changed = 1;
	}
	if (st->focus != 0 && p->id == st->focus) {
		set(n, bd->n[N_PEN], "4");
		bd->seen.focus = 1;
	}
	if (st->by_influence && bd->top > 0) {
		/* The text, and so the box, from 0.75 to twice the usual
		 * size, in proportion to influence. */
		char size[16];

		snprintf(size, sizeof size, "%.1f",
		         12 * (0.75 + 1.25 * p->influence / bd->top));
		set(n, bd->n[N_FONTSIZE], size);
		bd->seen.sized = 1;
	}
}

/* Person P's label into bd's buffer: stance mark, name, title, the
 * deal's stance, the competitor preferred, roles, the change (CHANGED),
 * the day seen (STALE) or left. */
static void
person_label(struct builder *bd, const struct map_person *p, int changed,
             int stale)
{
	struct buf *b = &bd->b;

	b->len = 0;
	buf_printf(b, "<B>%s ", map_stance_mark(p->stance));
	if (p->placeholder)
		buf_puts(b, "<I>");
	map_html_escape(b, p->name);
	if (p->placeholder)
		buf_puts(b, "</I>");
	buf_puts(b, "</B>");
	if (p->placeholder)
		buf_printf(b, "<BR/><I>%s</I>",
		           _("? placeholder, not yet named"));
	if (p->title != NULL && *p->title != '\0') {
		buf_puts(b, "<BR/><FONT POINT-SIZE=\"10\">");
		map_html_escape(b, p->title);
		buf_puts(b, "</FONT>");
	}
	if (p->stance_deal != NULL) {
		/* On an account map, the stance of a deal stands in for an
		 * account-level one, and says so. */
		buf_puts(b, "<BR/><FONT POINT-SIZE=\"10\"><I>");
		buf_printf(b, _("%s on deal "), map_stance_mark(p->stance));
		map_html_escape(b, p->stance_deal);
		buf_puts(b, "</I></FONT>");
		bd->seen.deal_stance = 1;
	}
	if (p->prefers != NULL && bd->d->toward == NULL) {
		buf_puts(b, "<BR/><FONT POINT-SIZE=\"10\">" BADGE_PREFERS " ");
		map_html_escape(b, p->prefers);
		buf_puts(b, "</FONT>");
		bd->seen.prefers = 1;
	}
	if (bd->st->view != MAP_ORG && bd->st->view != MAP_INFLUENCE)
		role_badges(bd, p);
	if (changed)
		buf_printf(b, "<BR/><B>%s \xe2\x86\x92 %s</B>",
		           vocab_label(p->was ? p->was : "unknown"),
		           vocab_label(p->stance ? p->stance : "unknown"));
	if (stale && p->left_on == NULL)
		buf_printf(
		    b, _("<BR/><FONT POINT-SIZE=\"10\"><I>seen %s</I></FONT>"),
		    p->since);
	if (p->left_on != NULL)
		buf_printf(b, _("<BR/><I>left %s</I>"), p->left_on);
}

static void
draw_person(struct builder *bd, const struct map_person *p, int faded)
{
	const struct map_style *st = bd->st;
	Agnode_t *n;
	int changed = st->since != NULL && !str_same(p->was, p->stance);
	/* Knowledge goes stale (METHOD.md, section 1.3: stances change
	 * over time): a stance observed long ago is drawn faded, with its
	 * day. */
	int stale = st->stale_before != NULL && p->stance != NULL &&
	            p->since[0] && strcmp(p->since, st->stale_before) < 0;
	struct buf *b = &bd->b;

	b->len = 0;
	person_name(b, bd->d, p);
	buf_add(b, "", 1);
	n = agnode(bd->g, b->s, 1);
	bd->node[index_of(bd, p)] = n;
	if (bd->cluster != NULL && st->view != MAP_BUYING)
		agsubnode(bd->cluster[p->acct], n, 1);
	person_look(bd, n, p, faded, stale, changed);
	person_label(bd, p, changed, stale);
	buf_add(b, "", 1);
	b->len--;
	set_html(bd, n, bd->n[N_LABEL], b->s);
}

/* A point on the line down from a manager to a stack of reports. */
static Agnode_t *
bus_node(struct builder *bd, const struct map_person *m, size_t row)
{
	Agnode_t *n = agnode(bd->g, (char *)name_of(bd, "_bus_", m, row), 1);

	/* In the manager's box, with the reports it holds. */
	if (bd->cluster != NULL)
		agsubnode(bd->cluster[m->acct], n, 1);

	set(n, bd->n[N_SHAPE], "point");
	set(n, bd->n[N_STYLE], "filled");
	set(n, bd->n[N_FILL], COLOR_LINE);
	set(n, bd->n[N_COLOR], COLOR_LINE);
	set(n, bd->n[N_WIDTH], "0.02");
	set(n, bd->n[N_HEIGHT], "0.02");
	return n;
}

static Agedge_t *
line(struct builder *bd, Agnode_t *a, Agnode_t *b, const char *weight)
{
	Agedge_t *e = agedge(bd->g, a, b, NULL, 1);

	set(e, bd->e[E_DIR], "none");
	if (weight != NULL)
		set(e, bd->e[E_WEIGHT], weight);
	return e;
}

/* An invisible edge that keeps a column of people in order. */
static void
column(struct builder *bd, Agnode_t *a, Agnode_t *b)
{
	Agedge_t *e = line(bd, a, b, "50");

	set(e, bd->e[E_STYLE], "invis");
}

/*
 * The subgraph a row of a stack goes in.  agwrite asks, for every node
 * and edge of a graph, each of its subgraphs whether it holds it: with a
 * subgraph per row at the top, a chart of ten thousand people took a
 * minute to write.  The rows go STACK_BUCKET to a subgraph _stacks_N_M,
 * and those STACK_BUCKET to a subgraph _stacks_N, so that every graph
 * has few subgraphs of its own.
 */
#define STACK_BUCKET 16
static Agraph_t *
stack_bucket(struct builder *bd)
{
	size_t k = bd->bucket_rows++;
	char name[64];

	if (k % (STACK_BUCKET * STACK_BUCKET) == 0) {
		snprintf(name, sizeof name, "_stacks_%zu",
		         k / (STACK_BUCKET * STACK_BUCKET));
		bd->group = agsubg(bd->g, name, 1);
	}
	if (k % STACK_BUCKET == 0) {
		snprintf(name, sizeof name, "_stacks_%zu_%zu",
		         k / (STACK_BUCKET * STACK_BUCKET),
		         k / STACK_BUCKET % STACK_BUCKET);
		bd->bucket = agsubg(bd->group, name, 1);
	}
	return bd->bucket;
}

/*
 * The stacks of one manager (map_org_plan): for each, a vertical line of
 * points down from the manager, one point a row, each joined to the
 * reports of its row.  Row r of every stack of the manager is one
 * subgraph of one rank, the stacks side by side in it (invisible edges
 * from one to the next hold them in order).  Invisible edges from the
 * manager to the first row hold the sides; further down, the flat lines
 * of each row do.  (Columns held by invisible edges all the way down cost
 * dot minutes on a chart of ten thousand people.)
 */
static void
draw_stacks(struct builder *bd, const struct map_stack *s, size_t n)
{
	const struct map_data *d = bd->d;
	const struct map_person *m = &d->people[s[0].manager];
	size_t rows0 = s[0].sides == 2 ? (s[0].n + 1) / 2 : s[0].n, r, k;
	Agraph_t **row = xcalloc(rows0 + 1, sizeof *row);
	Agnode_t **last = xcalloc(rows0 + 1, sizeof *last);
	Agnode_t *up, *bus, *left, *right;
	Agraph_t *held = NULL;

	if (bd->cluster != NULL) {
		/* Inside the box of an account, dot would mix the rows of
		 * the stacks of several managers: each manager's stacks
		 * are held together by a box of their own, not drawn. */
		held =
		    agsubg(bd->cluster[m->acct],
		           (char *)name_of(bd, "cluster_@_stacks_", m, 0), 1);
		agsafeset(held, "peripheries", "0", "");
		agsafeset(held, "style", "", "");
		agsafeset(held, "label", "", "");
	}
	for (k = 0; k < n; k++) {
		size_t rows = s[k].sides == 2 ? (s[k].n + 1) / 2 : s[k].n;

		up = bd->node[s[k].manager];
		for (r = 0; r < rows && r < rows0; r++) {
			const struct map_stack *t = &s[k];

			left =
			    t->sides == 2 ? bd->node[t->leaves[2 * r]] : NULL;
			right = t->sides == 1 ? bd->node[t->leaves[r]]
			        : 2 * r + 1 < t->n
			            ? bd->node[t->leaves[2 * r + 1]]
			            : NULL;
			bus = bus_node(bd, m, t->first_row + r);
			line(bd, up, bus, "100");
			if (r == 0 && left != NULL)
				column(bd, up, left);
			if (r == 0 && right != NULL)
				column(bd, up, right);
			if (row[r] == NULL) {
				row[r] = agsubg(
				    held != NULL ? held : stack_bucket(bd),
				    (char *)name_of(bd, "_stack_", m, r), 1);
				agsafeset(row[r], "rank", "same", "");
			}
			if (left != NULL)
				agsubnode(row[r], left, 1);
			agsubnode(row[r], bus, 1);
			if (right != NULL)
				agsubnode(row[r], right, 1);
			if (last[r] != NULL) {
				Agedge_t *e =
				    line(bd, last[r], left != NULL ? left : bus,
				         NULL);

				set(e, bd->e[E_STYLE], "invis");
			}
			if (left != NULL)
				line(bd, left, bus, NULL);
			if (right != NULL)
				line(bd, bus, right, NULL);
			last[r] = right != NULL ? right : bus;
			up = bus;
		}
	}
	free(row);
	free(last);
	bd->seen.solid = 1;
}

/* The graph a part of account ACCT is drawn in: the account's box on a
 * map of several accounts, else the whole map. */
static Agraph_t *
account_graph(const struct builder *bd, size_t acct)
{
	return bd->cluster == NULL ? bd->g : bd->cluster[acct];
}

/*
 * The row of a level.  On a map of several accounts each account has
 * its own rows, inside its box: dot keeps a row of the graph and a box
 * apart (a person in both is taken out of the box), and with newrank,
 * which would let a row cross the boxes, it no longer keeps the stacks
 * of reports in their columns.  The reporting lines across the boxes
 * still hold the levels beneath one another.
 */
static Agraph_t *
level_row(struct builder *bd, size_t acct, long level)
{
	Agraph_t *sub;
	char name[64];

	if (bd->cluster == NULL)
		snprintf(name, sizeof name, "_level_%ld", level);
	else
		snprintf(name, sizeof name, "_level_%zu_%ld", acct, level);
	sub = agsubg(account_graph(bd, acct), name, 1);
	agsafeset(sub, "rank", "same", "");
	return sub;
}

/* The reporting lines between the people drawn, but those of the reports
 * stacked in ORG. */
static void
org_lines(struct builder *bd, const struct map_org *org)
{
	const struct map_data *d = bd->d;
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		const struct map_line *l = &d->lines[i];
		const struct map_person *p = map_find(d, l->person);
		Agnode_t *mn = node_of(bd, l->manager),
		         *pn = node_of(bd, l->person);
		Agedge_t *e;

		if (mn == NULL || pn == NULL)
			continue;
		/* A stacked report hangs from its manager's line. */
		if (!l->dotted && org->stacked != NULL &&
		    org->stacked[index_of(bd, p)])
			continue;
		e = line(bd, mn, pn, NULL);
		if (l->dotted) {
			set(e, bd->e[E_STYLE], "dashed");
			set(e, bd->e[E_CONSTRAINT], "false");
			bd->seen.dotted = 1;
		} else {
			bd->seen.solid = 1;
		}
	}
}

/* The rows of the administrative levels, in order, but for the reports
 * stacked in ORG. */
static void
org_levels(struct builder *bd, const struct map_org *org)
{
	const struct map_data *d = bd->d;
	struct map_ids levels = {0};
	Agnode_t **first, *up;
	size_t i, j;

	/* People of one administrative level share a row; the rows are
	 * made top level first, so that the DOT reads in that order.  A
	 * stacked report has a row of its stack instead. */
	for (i = 0; i < d->npeople; i++)
		if (bd->node[i] != NULL && d->people[i].level > 0)
			map_ids_add(&levels, d->people[i].level);
	map_ids_sort(&levels);
	for (i = 0; i < levels.n; i++) {
		if (bd->cluster == NULL) {
			level_row(bd, 0, (long)levels.v[i]);
			continue;
		}
		for (j = 0; j < d->naccounts; j++) {
			size_t k;

			for (k = 0; k < d->npeople; k++)
				if (bd->node[k] != NULL &&
				    d->people[k].acct == j &&
				    d->people[k].level == levels.v[i])
					break;
			if (k < d->npeople)
				level_row(bd, j, (long)levels.v[i]);
		}
	}
	first = xcalloc(levels.n + 1, sizeof *first);
	for (i = 0; i < d->npeople; i++) {
		if (bd->node[i] == NULL || d->people[i].level <= 0 ||
		    (org->stacked != NULL && org->stacked[i]))
			continue;
		agsubnode(level_row(bd, d->people[i].acct, d->people[i].level),
		          bd->node[i], 1);
		for (j = 0; levels.v[j] != d->people[i].level; j++)
			;
		if (first[j] == NULL)
			first[j] = bd->node[i];
	}
	/* Each level's row beneath the one above, even where no reporting
	 * line says so: an invisible edge from the first person of a row
	 * to the first of the next, which does not pull them together. */
	for (i = 0, up = NULL; i < levels.n; i++) {
		if (first[i] == NULL)
			continue;
		if (up != NULL) {
			Agedge_t *e = line(bd, up, first[i], "0");

			set(e, bd->e[E_STYLE], "invis");
		}
		up = first[i];
	}
	free(first);
	free(levels.v);
}

/*
 * The organisation chart: reporting lines, the people of one level on
 * one row, and in the compact layout the stacks of leaf reports.
 */
static void
draw_org(struct builder *bd)
{
	struct map_org org = {0};
	size_t i, j;

	if (bd->st->layout == MAP_COMPACT)
		map_org_plan(bd->d, bd->drawn, &org);
	org_lines(bd, &org);
	org_levels(bd, &org);
	for (i = 0; i < org.nstacks; i = j) {
		for (j = i + 1; j < org.nstacks &&
		                org.stacks[j].manager == org.stacks[i].manager;
		     j++)
			;
		draw_stacks(bd, &org.stacks[i], j - i);
	}
	if (org.nstacks > 0) {
		/* Rows of stacked reports sit closer than levels would. */
		agsafeset(bd->g, "ranksep", "0.3", "");
		agsafeset(bd->g, "nodesep", "0.2", "");
	}
	map_org_free(&org);
}

/*
 * How each kind of link is drawn (kam-map(1), LINKS), in the order of
 * vocab_link_kinds: its colour, line style, arrow heads and direction,
 * those of a link both ways, whether it holds the layout, and the sample
 * of it in the legend.  A kind not in the table is drawn as the last.
 */
static const struct link_look {
	const char *kind, *color, *style, *dir, *head, *tail;
	const char *mutual_dir, *mutual_tail; /* NULL: drawn with one head */
	int constrains;
	const char *sample;
} link_looks[] = {
    {"influences", "#0072B2", NULL, NULL, NULL, NULL, "both", NULL, 1,
     "\xe2\x94\x80\xe2\x96\xb6"},
    {"advises", "#56B4E9", "dashed", NULL, "empty", NULL, "both", "empty", 1,
     "\xe2\x95\x8c\xe2\x96\xb7"},
    {"allies", "#009E73", NULL, "none", NULL, NULL, NULL, NULL, 0,
     "\xe2\x94\x80\xe2\x94\x80"},
    {"rivals", "#D55E00", "dotted", "both", "tee", "tee", NULL, NULL, 0,
     "\xe2\x8a\xa3\xe2\x94\x88\xe2\x8a\xa2"},
};
#define NLINK_LOOKS (sizeof link_looks / sizeof link_looks[0])

static const struct link_look *
link_look(const char *kind)
{
	size_t i;

	for (i = 0; i < NLINK_LOOKS - 1; i++)
		if (strcmp(kind, link_looks[i].kind) == 0)
			break;
	return &link_looks[i];
}

/* The informal links map_people_drawn picked. */
static void
draw_links(struct builder *bd, int constrain)
{
	const struct map_data *d = bd->d;
	size_t i;

	for (i = 0; i < d->nlinks; i++) {
		const struct map_link *l = &d->links[i];
		const struct link_look *lk = link_look(l->kind);
		Agnode_t *f = node_of(bd, l->from), *t = node_of(bd, l->to);
		char pen[8];
		Agedge_t *e;

		if (l->hidden || f == NULL || t == NULL)
			continue;
		e = agedge(bd->g, f, t, NULL, 1);
		if (!constrain &&
		    (bd->st->view == MAP_ALL || bd->cluster != NULL))
			/* Drawn over the chart once it is laid out (the
			 * buying group's too, on a map of several
			 * accounts, where they would reorder the boxes). */
			agbindrec(e, MAP_OVERLAY, sizeof(Agrec_t), 0);
		if (lk->style != NULL)
			set(e, bd->e[E_STYLE], lk->style);
		set(e, bd->e[E_COLOR], lk->color);
		if (lk->dir != NULL)
			set(e, bd->e[E_DIR], lk->dir);
		if (lk->head != NULL)
			set(e, bd->e[E_HEAD], lk->head);
		if (lk->tail != NULL)
			set(e, bd->e[E_TAIL], lk->tail);
		if (l->mutual && lk->mutual_dir != NULL) {
			set(e, bd->e[E_DIR], lk->mutual_dir);
			if (lk->mutual_tail != NULL)
				set(e, bd->e[E_TAIL], lk->mutual_tail);
		}
		snprintf(pen, sizeof pen, "%d", l->strength);
		set(e, bd->e[E_PEN], pen);
		if (!constrain || !lk->constrains)
			set(e, bd->e[E_CONSTRAINT], "false");
		bd->seen.kinds |= map_link_kind_bit(l->kind);
		bd->seen.strengths |= 1u << l->strength;
		/* Two heads say it only of the kinds drawn with one. */
		if (l->mutual && lk->mutual_dir != NULL)
			bd->seen.mutual = 1;
	}
}

/*
 * The buying group as its own structure: the decision on top, then a
 * box for each role side by side in the method's order, the members of
 * a box in a column; the people linked to the group (--context) faded,
 * in rows beneath.  Rows and columns are held by invisible edges; the
 * informal links do not pull the layout.
 */
#define CONTEXT_ROW 6 /* faded people on one row */

/* The box of a role: on a map of several accounts, inside the box of
 * the account (kam-map(1), Accounts of a group). */
static Agraph_t *
role_box(struct builder *bd, size_t acct, const char *role)
{
	Agraph_t *sub;

	bd->b.len = 0;
	buf_puts(&bd->b, "cluster_");
	if (bd->cluster != NULL) {
		buf_puts(&bd->b, "@");
		node_name(&bd->b, bd->d->accounts[acct].handle);
		buf_puts(&bd->b, "/");
	}
	buf_puts(&bd->b, role);
	buf_add(&bd->b, "", 1);
	sub = agsubg(account_graph(bd, acct), bd->b.s, 1);
	bd->b.len = 0;
	buf_printf(&bd->b, "<B>%s</B>", role);
	set_html(bd, sub, agattr(bd->g, AGRAPH, "label", NULL), bd->b.s);
	if (bd->cluster == NULL) {
		agsafeset(sub, "style", "rounded", "");
	} else {
		agsafeset(sub, "style", "rounded,filled", "");
		agsafeset(sub, "fillcolor", FILL_UNKNOWN, "");
	}
	return sub;
}

/* The context (the people drawn faded), in rows of CONTEXT_ROW from
 * BELOW rows under *anchor (the first person drawn; the first of them
 * when none was).  Returns how many. */
static size_t
buying_context(struct builder *bd, Agnode_t **anchor, size_t below)
{
	const struct map_data *d = bd->d;
	Agraph_t *sub;
	size_t i, k, row;
	char name[64];

	for (i = k = 0; i < d->npeople; i++) {
		Agedge_t *e;

		if (bd->drawn[i] != MAP_FADED)
			continue;
		draw_person(bd, &d->people[i], 1);
		if (bd->cluster != NULL)
			agsubnode(bd->cluster[d->people[i].acct], bd->node[i],
			          1);
		if (*anchor == NULL) {
			*anchor = bd->node[i];
			k++;
			continue;
		}
		row = k / CONTEXT_ROW;
		snprintf(name, sizeof name, "_context_%zu", row);
		sub = agsubg(bd->g, name, 1);
		agsafeset(sub, "rank", "same", "");
		agsubnode(sub, bd->node[i], 1);
		e = line(bd, *anchor, bd->node[i], "0");
		set(e, bd->e[E_STYLE], "invis");
		snprintf(name, sizeof name, "%zu", below + row);
		set(e, bd->e[E_MINLEN], name);
		k++;
	}
	return k;
}

static void
draw_buying(struct builder *bd)
{
	const struct map_data *d = bd->d;
	struct map_buying bp;
	Agraph_t *sub = NULL, *heads;
	Agnode_t *top = NULL, *prev = NULL, *head = NULL, *anchor = NULL;
	const char *role = NULL;
	size_t i, k, depth = 0, col = 0, acct = 0;

	map_buying_plan(d, bd->drawn, &bp);
	/* Graphviz's dot (2.43, with the newrank the rows need) lays the
	 * clusters nested in another out in the reverse of the order they
	 * were made in, whatever the edges between them say: the boxes of
	 * roles within an account are made last first, so that they stand
	 * in the method's order. */
	for (i = bp.n; bd->cluster != NULL && i-- > 0;)
		if (i == 0 || strcmp(bp.role[i], bp.role[i - 1]) != 0 ||
		    d->people[bp.members[i]].acct !=
		        d->people[bp.members[i - 1]].acct)
			role_box(bd, d->people[bp.members[i]].acct, bp.role[i]);
	heads = agsubg(bd->g, "_roles", 1);
	agsafeset(heads, "rank", "same", "");
	for (i = 0; i < bp.n; i++) {
		const struct map_person *p = &d->people[bp.members[i]];
		int dm = strcmp(bp.role[i], vocab_roles[0]) == 0;

		if (role == NULL || strcmp(role, bp.role[i]) != 0 ||
		    acct != p->acct) {
			role = bp.role[i];
			acct = p->acct;
			sub = role_box(bd, acct, role);
			prev = NULL;
			col = 0;
		}
		draw_person(bd, p, 0);
		agsubnode(sub, bd->node[bp.members[i]], 1);
		if (anchor == NULL)
			anchor = bd->node[bp.members[i]];
		if (dm) {
			/* The decision-makers share the top row. */
			if (top == NULL)
				top = bd->node[bp.members[i]];
			continue;
		}
		if (prev == NULL) {
			/* The head of a box: on the row beneath the
			 * decision, right of the box before. */
			agsubnode(heads, bd->node[bp.members[i]], 1);
			if (top != NULL)
				column(bd, top, bd->node[bp.members[i]]);
			if (head != NULL)
				column(bd, head, bd->node[bp.members[i]]);
			head = bd->node[bp.members[i]];
		} else {
			column(bd, prev, bd->node[bp.members[i]]);
		}
		prev = bd->node[bp.members[i]];
		if (++col > depth)
			depth = col;
	}
	/* The context, beneath the deepest column. */
	k = buying_context(bd, &anchor, depth + (top != NULL));
	/* The last row: of the columns, or of the context. */
	bd->anchor = anchor;
	bd->bottom = depth - (depth > 0 && top == NULL) +
	             (k + CONTEXT_ROW - 1) / CONTEXT_ROW;
	map_buying_free(&bp);
}

/*
 * The legend is a grid under the map: a heading, then a line of
 * stances, of marks on people and of lines, at most LEGEND_ROW items a
 * line, each item a symbol and its meaning.  Only what the map draws is
 * listed.
 */
#define LEGEND_ROW 4
struct legend {
	struct buf *b;
	int items; /* on the line being written */
};

static void
legend_item(struct legend *lg, const char *cell, const char *attrs,
            const char *text)
{
	if (lg->items == LEGEND_ROW) {
		buf_puts(lg->b, "</TR><TR>");
		lg->items = 0;
	} else if (lg->items < 0) {
		buf_puts(lg->b, "<TR>");
		lg->items = 0;
	}
	buf_printf(lg->b, "<TD%s>%s</TD><TD ALIGN=\"LEFT\">%s</TD>", attrs,
	           cell, text);
	lg->items++;
}

/* Ends a group of items: the last line padded to the grid's width. */
static void
legend_end(struct legend *lg)
{
	if (lg->items < 0)
		return;
	if (lg->items < LEGEND_ROW)
		buf_printf(lg->b, "<TD COLSPAN=\"%d\"></TD>",
		           2 * (LEGEND_ROW - lg->items));
	buf_puts(lg->b, "</TR>");
	lg->items = -1;
}

/* The legend's title: whom the stances are toward, and on what day. */
static void
legend_title(struct builder *bd)
{
	const struct map_style *st = bd->st;
	const struct map_data *d = bd->d;
	struct buf *b = &bd->b;
	struct buf who = {0};

	if (d->toward != NULL)
		map_html_escape(&who, d->toward_name);
	else
		buf_puts(&who, _("us"));
	if (st->dated || st->as_of_given)
		buf_printf(b, _("stance toward %s on %s"), who.s, st->as_of);
	else
		buf_printf(b, _("stance toward %s"), who.s);
	buf_free(&who);
}

/* The legend's first row: the stances shown. */
static void
legend_stances(struct builder *bd, struct legend *lg)
{
	const char *const *stances = vocab_stances;
	const struct seen *sn = &bd->seen;
	char bg[64];
	int i;

	for (i = 0; i < 4; i++) {
		const char *w = i < 3 ? stances[i] : NULL;

		if (!(sn->stances & stance_bit(w)))
			continue;
		snprintf(bg, sizeof bg, " BGCOLOR=\"%s\"%s", map_stance_fill(w),
		         w == NULL ? " BORDER=\"1\"" : "");
		legend_item(lg, map_stance_mark(w), bg,
		            vocab_label(w ? w : "unknown"));
	}
}

/* The legend's second row: the marks on people shown. */
static void
legend_marks(struct builder *bd, struct legend *lg)
{
	const struct map_style *st = bd->st;
	const struct seen *sn = &bd->seen;
	char text[96], sample[128];

	if (sn->deal_stance)
		legend_item(lg, _("<I>on deal</I>"), "",
		            _("stance from a deal"));
	if (sn->prefers)
		legend_item(lg, BADGE_PREFERS, "", _("supports a competitor"));
	if (sn->changed) {
		snprintf(text, sizeof text, _("changed since %s"), st->since);
		legend_item(lg, "\xe2\x86\x92",
		            " BORDER=\"3\" COLOR=\"" COLOR_CHANGE "\"", text);
	}
	if (sn->placeholder)
		legend_item(lg, "<I>?</I>", " BORDER=\"1\"", _("placeholder"));
	/* The samples say what the nodes say, in the user's language. */
	if (sn->left) {
		/* TRANSLATORS: a legend's sample of a person who has left. */
		snprintf(sample, sizeof sample, "<FONT COLOR=\"%s\">%s</FONT>",
		         FONT_LEFT, _("left"));
		legend_item(lg, sample, " BGCOLOR=\"" FILL_LEFT "\"",
		            _("has left"));
	}
	if (sn->faded) {
		/* TRANSLATORS: a legend's sample of a faded node. */
		snprintf(sample, sizeof sample, "<FONT COLOR=\"%s\">%s</FONT>",
		         FONT_FADED, _("faded"));
		legend_item(lg, sample, "", _("outside the group"));
	}
	if (sn->stale) {
		snprintf(text, sizeof text,
		         _("stance seen more than %ld days ago"),
		         st->stale_days);
		/* TRANSLATORS: a legend's sample of a stale stance, as the
		 * node says "seen DATE". */
		snprintf(sample, sizeof sample,
		         "<FONT POINT-SIZE=\"10\"><I>%s</I></FONT>", _("seen"));
		legend_item(lg, sample, " BGCOLOR=\"" FILL_STALE "\"", text);
	}
	if (sn->lead)
		legend_item(lg, "\xe2\x98\x85", "", _("leads the role"));
	if (sn->focus)
		legend_item(lg, "", " BORDER=\"4\"", _("in focus"));
	if (sn->sized)
		legend_item(lg, "<FONT POINT-SIZE=\"18\">A</FONT>a", "",
		            _("size: influence"));
}

/* The legend's third row: the lines shown. */
static void
legend_lines(struct builder *bd, struct legend *lg)
{
	const struct seen *sn = &bd->seen;
	char bg[64], sample[64];
	int i;

	if (sn->solid)
		legend_item(lg, "\xe2\x94\x80\xe2\x94\x80", "",
		            _("reports to"));
	if (sn->dotted)
		legend_item(lg, "\xe2\x95\x8c\xe2\x95\x8c", "",
		            _("dotted-line manager"));
	for (i = 0; i < (int)NLINK_LOOKS; i++)
		if (sn->kinds & map_link_kind_bit(link_looks[i].kind)) {
			snprintf(sample, sizeof sample,
			         "<FONT COLOR=\"%s\">%s</FONT>",
			         link_looks[i].color, link_looks[i].sample);
			legend_item(lg, sample, "",
			            vocab_label(link_looks[i].kind));
		}
	if (sn->mutual)
		legend_item(lg, "\xe2\x97\x80\xe2\x94\x80\xe2\x96\xb6", "",
		            _("both ways"));
	if (sn->strengths & (sn->strengths - 1)) {
		/* The widths differ: say what they mean. */
		size_t k = 0;

		for (i = 1; i <= 3; i++)
			if (sn->strengths & (1u << i))
				k += (size_t)snprintf(bg + k, sizeof bg - k,
				                      "%s%d", k ? " " : "", i);
		legend_item(lg, bg, "", _("line width: strength"));
	}
}

/* The legend's node, placed at the bottom. */
static void
legend_place(struct builder *bd)
{
	const struct map_style *st = bd->st;
	struct buf *b = &bd->b;
	Agraph_t *sub;
	Agnode_t *n;
	char bg[64];

	sub = agsubg(bd->g, "_legend", 1);
	if (st->view != MAP_INFLUENCE && st->view != MAP_BUYING)
		agsafeset(sub, "rank", "sink", "");
	n = agnode(sub, "_legend", 1);
	set(n, bd->n[N_SHAPE], "plaintext");
	set(n, bd->n[N_STYLE], "");
	set(n, bd->n[N_MARGIN], "0");
	set_html(bd, n, bd->n[N_LABEL], b->s);
	if (bd->anchor != NULL) {
		/* Under the buying group (rank=sink does not hold with
		 * the newrank its boxes need). */
		Agedge_t *e = line(bd, bd->anchor, n, "0");

		set(e, bd->e[E_STYLE], "invis");
		snprintf(bg, sizeof bg, "%zu", bd->bottom + 1);
		set(e, bd->e[E_MINLEN], bg);
	}
}

static void
draw_legend(struct builder *bd)
{
	struct buf *b = &bd->b;
	struct legend lg = {b, -1};

	b->len = 0;
	buf_printf(b,
	           "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
	           "CELLPADDING=\"2\"><TR><TD COLSPAN=\"%d\" "
	           "ALIGN=\"LEFT\"><B>",
	           2 * LEGEND_ROW);
	legend_title(bd);
	buf_puts(b, "</B></TD></TR>");
	legend_stances(bd, &lg);
	legend_end(&lg);
	legend_marks(bd, &lg);
	legend_end(&lg);
	legend_lines(bd, &lg);
	legend_end(&lg);
	buf_puts(b, "</TABLE>");
	legend_place(bd);
}

/*
 * How the links shown were chosen (map_link_count.by), in the order of
 * kam-map(1): "(the strongest)" only when strength chose them.
 */
static void
links_chosen(struct buf *b, unsigned by)
{
	static const struct {
		unsigned by;
		const char *said;
	} chosen[] = {
	    {MAP_BY_STRENGTH, N_("the strongest")},
	    {MAP_BY_MUTUAL, N_("both ways first")},
	    {MAP_BY_INFLUENCE, N_("by buying influence")},
	    {MAP_BY_KIND, N_("by kind")},
	    {MAP_BY_HANDLE, N_("by handle")},
	};
	const char *sep = _(" (");
	size_t i;

	for (i = 0; i < sizeof chosen / sizeof chosen[0]; i++)
		if (by & chosen[i].by) {
			buf_printf(b, "%s%s", sep, _(chosen[i].said));
			sep = _(", then ");
		}
	if (by != 0)
		buf_puts(b, _(")"));
}

static void
draw_title(struct builder *bd, Agsym_t *sym)
{
	const struct map_style *st = bd->st;
	const struct map_data *d = bd->d;
	const struct map_person *p;
	struct buf *b = &bd->b;
	static const char *const what[] = {
	    [MAP_ALL] = N_("organisation, influence and buying roles"),
	    [MAP_ORG] = N_("organisation chart"),
	    [MAP_BUYING] = N_("buying group"),
	    [MAP_INFLUENCE] = N_("informal influence"),
	};
	const char *sep = "";
	long i;

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
	buf_printf(b, "</B></FONT><BR/>%s", _(what[st->view]));
	if (st->dated || st->as_of_given)
		buf_printf(b, _(", %s"), st->as_of);
	if (st->since != NULL)
		buf_printf(b, _(" (changes since %s)"), st->since);
	if (d->toward != NULL) {
		struct buf who = {0};

		map_html_escape(&who, d->toward_name);
		buf_printf(b, _(", stance toward %s"), who.s);
		buf_free(&who);
	}
	if (st->focus != 0 && (p = map_find(d, st->focus)) != NULL) {
		struct buf who = {0};

		map_html_escape(&who, p->name);
		buf_puts(b, "<BR/>");
		buf_printf(b,
		           ngettext("around %s, %d step", "around %s, %d steps",
		                    (unsigned long)st->depth),
		           who.s, st->depth);
		buf_free(&who);
	}
	/* What was left out of the links, and why. */
	if (st->view != MAP_ORG && (st->links != 0 || st->min_strength > 1 ||
	                            bd->links.shown < bd->links.total)) {
		buf_puts(b, "<BR/>");
		if (st->links != 0) {
			buf_puts(b, _("links: "));
			for (i = 0; vocab_link_kinds[i] != NULL; i++)
				if (st->links & (1u << i)) {
					buf_printf(
					    b, "%s%s", sep,
					    vocab_label(vocab_link_kinds[i]));
					sep = _(", ");
				}
			sep = _("; ");
		}
		if (st->min_strength > 1) {
			buf_printf(b, _("%sstrength %d or more"), sep,
			           st->min_strength);
			sep = _("; ");
		}
		if (bd->links.shown < bd->links.total) {
			buf_printf(b, "%s", sep);
			buf_printf(b, _("%zu of %zu links shown"),
			           bd->links.shown, bd->links.total);
			links_chosen(b, bd->links.by);
		}
	}
	set_html(bd, bd->g, sym, b->s);
}

/*
 * The layout engine of a view: dot draws rank (org, all) and the buying
 * group's boxes; the informal links have no rank, and a force-directed
 * layout draws them legibly and fast (neato; sfdp, which scales, for a
 * large map).
 */
static void
engine(struct builder *bd, size_t shown)
{
	if (bd->st->view != MAP_INFLUENCE)
		return;
	/* Declared only here: to Graphviz, an empty layout is an unknown
	 * engine, and empty splines no edges at all.  Of the
	 * force-directed engines only fdp draws clusters: the accounts of
	 * a group. */
	agattr(bd->g, AGRAPH, "layout",
	       bd->cluster != NULL     ? "fdp"
	       : shown > MAP_NEATO_MAX ? "sfdp"
	                               : "neato");
	/* No overlaps, with little room spent on removing them: a map of
	 * seventy people stays about as wide as a slide. */
	agattr(bd->g, AGRAPH, "overlap", "false");
	agattr(bd->g, AGRAPH, "overlap_scaling", "-1");
	agattr(bd->g, AGRAPH, "sep", "+4");
	agattr(bd->g, AGRAPH, "esep", "+2");
	agattr(bd->g, AGRAPH, "splines", "true");
}

/*
 * The accounts of a group (kam-map(1), ACCOUNT GROUPS): when the people
 * drawn belong to more than one account, each account is a cluster
 * labelled with its name, the map's own first, and the people are
 * drawn in their account's: in the org chart each with rows of levels
 * of its own (level_row); in the buying view, under the newrank it has
 * anyway, with the rows of the group across them.
 */
#define FILL_ACCOUNT  "#F2F2F2"
#define COLOR_ACCOUNT "#808080"
static void
accounts(struct builder *bd)
{
	const struct map_data *d = bd->d;
	unsigned char *has;
	size_t i, n = 0;

	if (d->naccounts < 2)
		return;
	has = xcalloc(d->naccounts, 1);
	for (i = 0; i < d->npeople; i++)
		if (bd->drawn[i] != MAP_HIDDEN && !has[d->people[i].acct]) {
			has[d->people[i].acct] = 1;
			n++;
		}
	if (n > 1)
		bd->cluster = xcalloc(d->naccounts, sizeof *bd->cluster);
	for (i = 0; n > 1 && i < d->naccounts; i++) {
		Agraph_t *sub;

		if (!has[i])
			continue;
		bd->b.len = 0;
		buf_puts(&bd->b, "cluster_@");
		node_name(&bd->b, d->accounts[i].handle);
		buf_add(&bd->b, "", 1);
		sub = bd->cluster[i] = agsubg(bd->g, bd->b.s, 1);
		bd->b.len = 0;
		buf_puts(&bd->b, "<FONT POINT-SIZE=\"16\"><B>");
		map_html_escape(&bd->b, d->accounts[i].name);
		buf_puts(&bd->b, "</B></FONT>");
		set_html(bd, sub, agattr(bd->g, AGRAPH, "label", NULL),
		         bd->b.s);
		agsafeset(sub, "style", "rounded,filled", "");
		agsafeset(sub, "fillcolor", FILL_ACCOUNT, "");
		agsafeset(sub, "color", COLOR_ACCOUNT, "");
		agsafeset(sub, "penwidth", "2", "");
	}
	free(has);
}

/* The graph's attributes, declared once (the DOT lists them in this
 * order), with FONT; returns its label's. */
static Agsym_t *
graph_attrs(struct builder *bd, const char *font)
{
	const struct map_style *st = bd->st;
	Agsym_t *glabel;

	/* Declared once, in this order: the DOT lists them so. */
	agattr(bd->g, AGRAPH, "rankdir",
	       st->rankdir ? (char *)st->rankdir : "TB");
	agattr(bd->g, AGRAPH, "fontname", (char *)font);
	agattr(bd->g, AGRAPH, "labelloc", "t");
	glabel = agattr(bd->g, AGRAPH, "label", "");
	agattr(bd->g, AGRAPH, "style", "");
	agattr(bd->g, AGRAPH, "rank", "");
	agattr(bd->g, AGRAPH, "ranksep", "");
	agattr(bd->g, AGRAPH, "nodesep", "");
	agattr(bd->g, AGRAPH, "size", "");
	if (st->fit != NULL) {
		/* Scaled, up or down, to the page; map_write centres it. */
		char size[64];

		snprintf(size, sizeof size, "%.4f,%.4f!", st->fit->width,
		         st->fit->height);
		agsafeset(bd->g, "size", size, "");
	}
	return glabel;
}

Agraph_t *
map_graph(struct map_data *d, const struct map_style *st)
{
	struct builder bd;
	Agsym_t *glabel;
	size_t i, shown = 0;
	const char *font = st->font ? st->font : MAP_DEFAULT_FONT;

	memset(&bd, 0, sizeof bd);
	bd.d = d;
	bd.st = st;
	bd.drawn = xcalloc(d->npeople + 1, sizeof *bd.drawn);
	map_people_drawn(d, st, bd.drawn, &bd.links);
	for (i = 0; i < d->npeople; i++) {
		shown += bd.drawn[i] != MAP_HIDDEN;
		if (bd.drawn[i] != MAP_HIDDEN &&
		    d->people[i].influence > bd.top)
			bd.top = d->people[i].influence;
	}
	bd.g = map_open(d->account ? d->account : "kam");
	glabel = graph_attrs(&bd, font);
	declare(bd.g, AGNODE, node_attrs, N_COUNT, bd.n, font);
	declare(bd.g, AGEDGE, edge_attrs, E_COUNT, bd.e, font);
	agattr(bd.g, AGEDGE, "fontname", (char *)font);

	draw_title(&bd, glabel);
	accounts(&bd);
	engine(&bd, shown);
	bd.node = xcalloc(d->npeople + 1, sizeof *bd.node);
	if (st->view == MAP_BUYING) {
		/* Declared only here: dot takes any newrank for true. */
		agattr(bd.g, AGRAPH, "newrank", "true");
		draw_buying(&bd);
	} else {
		for (i = 0; i < d->npeople; i++)
			if (bd.drawn[i] != MAP_HIDDEN)
				draw_person(&bd, &d->people[i], 0);
		if (st->view != MAP_INFLUENCE)
			draw_org(&bd);
	}
	if (st->view != MAP_ORG)
		draw_links(&bd, st->view == MAP_INFLUENCE);
	if (st->legend)
		draw_legend(&bd);
	free(bd.node);
	free(bd.drawn);
	free(bd.cluster);
	buf_free(&bd.b);
	return bd.g;
}
