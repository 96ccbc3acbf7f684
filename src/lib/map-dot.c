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

Agraph_t *
map_graph(const struct map_data *d, const struct map_style *st)
{
	struct builder bd;
	Agsym_t *glabel;
	size_t i;
	const char *font = st->font ? st->font : MAP_DEFAULT_FONT;

	memset(&bd, 0, sizeof bd);
	bd.d = d;
	bd.st = st;
	bd.g = map_open(d->account ? d->account : "kam");
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
